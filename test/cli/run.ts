/** The built dj-assess run as a user runs it: a child node process, Chinese messages unless told. */
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { join, resolve } from "node:path";

export const ROOT = resolve(__dirname, "../..");
const BIN = join(ROOT, "bin/dj-assess.js");

export interface Run {
  status: number | null;
  stdout: string;
  stderr: string;
  /** Wall time of the child, start-up included. */
  seconds: number;
}

/**
 * Runs `dj-assess <args>`; `node` are options for node itself (e.g. a heap limit), `lang` is
 * DJ_LANG and `cwd` the folder it is run from (the project's, unless told).
 */
export function runCli(args: readonly string[], node: readonly string[] = [], { lang = "zh-CN", cwd = ROOT }: { lang?: string; cwd?: string } = {}): Run {
  const started = Date.now();
  // A synchronous child cannot be stopped by jest's timeout: it must stop itself.
  const result = spawnSync(process.execPath, [...node, BIN, ...args], { encoding: "utf8", cwd, env: { ...process.env, DJ_LANG: lang }, timeout: 300_000 });
  if (result.error) throw result.error;
  return { status: result.status, stdout: result.stdout, stderr: result.stderr, seconds: (Date.now() - started) / 1000 };
}

/** Fails early, in words, when the CLI has not been compiled. */
export function requireBuiltCli(): void {
  if (!existsSync(join(ROOT, "build/bundle/dj-assess.js"))) throw new Error("build/ is missing: run `npm run build:cli` (npm test does it)");
}
