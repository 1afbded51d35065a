/**
 * A1 addresses as Excel and WPS return them ("Sheet1!A1:D20", "'My, sheet'!B3", "Sheet1!A1:B4, Sheet1!D1:D4")
 * turned into engine CellRanges. Pure functions: no Office.js or ET here.
 */
import { columnNumber, type CellRange } from "../engine";

/** Splits a comma-separated address list at the commas outside quoted sheet names. */
export function splitAreas(list: string): string[] {
  const out: string[] = [];
  let current = "";
  let quoted = false;
  for (let i = 0; i < list.length; i++) {
    const ch = list[i];
    if (ch === "'") {
      // '' inside a quoted name is an escaped quote: stay quoted.
      if (quoted && list[i + 1] === "'") {
        current += "''";
        i++;
        continue;
      }
      quoted = !quoted;
    }
    if (ch === "," && !quoted) {
      if (current.trim()) out.push(current.trim());
      current = "";
      continue;
    }
    current += ch;
  }
  if (current.trim()) out.push(current.trim());
  return out;
}

/** The cell part of an address, without its sheet: "'a!b'!C3:D4" → "C3:D4". */
export function localPart(address: string): string {
  const bang = address.lastIndexOf("!");
  return bang >= 0 ? address.slice(bang + 1) : address;
}

const CELL = /^\$?([A-Za-z]{1,3})\$?(\d+)$/;

/** "B3:F9" (or "B3") in sheet coordinates, 1-based inclusive; undefined when not a cell range. */
export function parseRange(address: string): CellRange | undefined {
  const [from, to = from] = localPart(address).split(":");
  const a = CELL.exec(from);
  const b = CELL.exec(to);
  if (!a || !b) return undefined;
  const r1 = Number(a[2]);
  const r2 = Number(b[2]);
  const c1 = columnNumber(a[1]);
  const c2 = columnNumber(b[1]);
  return { top: Math.min(r1, r2), left: Math.min(c1, c2), bottom: Math.max(r1, r2), right: Math.max(c1, c2) };
}

/** Every rectangle of a RangeAreas address. */
export function parseAreas(list: string): CellRange[] {
  const out: CellRange[] = [];
  for (const part of splitAreas(list)) {
    const range = parseRange(part);
    if (range) out.push(range);
  }
  return out;
}

/**
 * Groups addresses into comma-separated lists each shorter than `limit` characters: Excel's
 * `getRanges` refuses an address string of 8 192 characters or more.
 */
export function chunkAddresses(addresses: string[], limit = 8000): string[] {
  const chunks: string[] = [];
  let current = "";
  for (const address of addresses) {
    const next = current ? `${current},${address}` : address;
    if (next.length >= limit && current) {
      chunks.push(current);
      current = address;
    } else {
      current = next;
    }
  }
  if (current) chunks.push(current);
  return chunks;
}
