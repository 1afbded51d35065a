/**
 * Where an annotated copy goes: the input's file name in the output folder, unless a file is
 * there that we did not write — then a suffix. What we wrote is remembered by content hash in a
 * small ledger in that folder, so a copy the user has since edited is never replaced either.
 * Nor is an input of the run, even a copy we wrote earlier that is now read again.
 */
import { createHash } from "node:crypto";
import { existsSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { basename, join, resolve } from "node:path";
import { numberedName } from "../host/naming";

const LEDGER = ".dj-assess-annotated.json";

type Ledger = Record<string, string>;

function readLedger(dir: string): Ledger {
  const path = join(dir, LEDGER);
  if (!existsSync(path)) return {};
  try {
    const parsed: unknown = JSON.parse(readFileSync(path, "utf8"));
    return parsed !== null && typeof parsed === "object" ? (parsed as Ledger) : {};
  } catch {
    // A damaged ledger only means we no longer recognise our earlier copies: they get suffixes.
    return {};
  }
}

function sha256(data: Uint8Array): string {
  return createHash("sha256").update(data).digest("hex");
}

function isOurs(ledger: Ledger, dir: string, name: string): boolean {
  const path = join(dir, name);
  return ledger[name] !== undefined && existsSync(path) && sha256(readFileSync(path)) === ledger[name];
}

/**
 * The same file, however its path is spelt: by resolved path, and by device and inode where the
 * file system gives one (another case on Windows and macOS, a link elsewhere).
 */
function sameFile(a: string, b: string): boolean {
  if (resolve(a) === resolve(b)) return true;
  const [x, y] = [statSync(a, { bigint: true, throwIfNoEntry: false }), statSync(b, { bigint: true, throwIfNoEntry: false })];
  return x !== undefined && y !== undefined && x.ino !== 0n && x.ino === y.ino && x.dev === y.dev;
}

/**
 * Picks the name for a copy of `input` in `dir`, taking names chosen earlier in this run into
 * account, and never the name of one of `inputs` (every file the run reads).
 */
export function chooseOutputName(dir: string, input: string, taken: Set<string>, inputs: readonly string[]): string {
  const ledger = readLedger(dir);
  for (let i = 1; ; i++) {
    const candidate = numberedName(basename(input), i);
    if (taken.has(candidate) || inputs.some((file) => sameFile(file, join(dir, candidate)))) continue;
    if (!existsSync(join(dir, candidate)) || isOurs(ledger, dir, candidate)) {
      taken.add(candidate);
      return candidate;
    }
  }
}

export function writeOwnedFile(dir: string, name: string, data: Uint8Array): void {
  writeFileSync(join(dir, name), data);
  const ledger = readLedger(dir);
  ledger[name] = sha256(data);
  writeFileSync(join(dir, LEDGER), JSON.stringify(ledger, null, 2));
}
