/**
 * Where an annotated copy goes: the input's file name in the output folder, unless a file is
 * there that we did not write — then a suffix. What we wrote is remembered by content hash in a
 * small ledger in that folder, so a copy the user has since edited is never replaced either.
 */
import { createHash } from "node:crypto";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { basename, join } from "node:path";
import { numberedName } from "../files/names";

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

/** Picks the name for a copy of `input` in `dir`, taking names chosen earlier in this run into account. */
export function chooseOutputName(dir: string, input: string, taken: Set<string>): string {
  const ledger = readLedger(dir);
  for (let i = 1; ; i++) {
    const candidate = numberedName(basename(input), i);
    if (taken.has(candidate)) continue;
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
