/**
 * A cheap pass over worksheet XML as it inflates: counts what exceljs would turn into objects
 * (rows, cells, merged cells, data-validated cells) and stops at the first limit passed. It
 * finds tags by their bytes instead of parsing XML — a comment or CDATA that looks like a tag
 * is counted too, which can only refuse earlier, never let more through. It reads the UTF-8
 * bytes without decoding them: every byte of a multi-byte character is above 0x7F, so none is
 * taken for the ASCII of a tag.
 *
 * The declared <dimension> is not used: it can be stale or false, and the real rows are
 * counted as fast as it could be read.
 */
import { EXCEL_COLUMNS, EXCEL_ROWS } from "../engine/grid";
import type { ReadLimits } from "./limits";

export type Breach =
  | { limit: "maxRows"; row: number }
  | { limit: "maxCells" | "maxCopyCells" }
  | { limit: "maxMergedCells" | "maxValidatedCells"; range: string };

/** Counts shared by every sheet of one workbook. */
export interface WorkbookCounts {
  cells: number;
  mergedCells: number;
  validatedCells: number;
}

const LT = 0x3c;
const GT = 0x3e;
const SLASH = 0x2f;
const QUOTE = 0x22;
const APOSTROPHE = 0x27;
const EQUALS = 0x3d;
const DOLLAR = 0x24;
const COLON = 0x3a;
/** The longest unfinished tag kept between chunks; a longer one is not a tag we count. */
const MAX_CARRY = 64 * 1024;
const NOTHING = new Uint8Array(0);

const ascii = (text: string) => Uint8Array.from(text, (ch) => ch.charCodeAt(0));
const ROW = ascii("row");
const CELL = ascii("c");
const MERGE = ascii("mergeCell");
const VALIDATION = ascii("dataValidation");
const R = ascii("r");
const REF = ascii("ref");
const SQREF = ascii("sqref");

const isSpace = (b: number) => b === 0x20 || b === 0x09 || b === 0x0a || b === 0x0d;
const isDigit = (b: number) => b >= 0x30 && b <= 0x39;
/** A column letter's value, 1–26 for A–Z or a–z; 0 for any other byte. */
const letterValue = (b: number) => (b >= 0x41 && b <= 0x5a ? b - 0x40 : b >= 0x61 && b <= 0x7a ? b - 0x60 : 0);

function matches(data: Uint8Array, at: number, word: Uint8Array): boolean {
  for (let k = 0; k < word.length; k++) if (data[at + k] !== word[k]) return false;
  return true;
}

/** Where the value of attribute `name` lies within the tag's bytes [from, to), if it is there. */
function attribute(data: Uint8Array, from: number, to: number, name: Uint8Array): [number, number] | undefined {
  for (let i = from; i < to - name.length; i++) {
    if (!isSpace(data[i]) || !matches(data, i + 1, name)) continue;
    let j = i + 1 + name.length;
    while (j < to && isSpace(data[j])) j++;
    if (data[j] !== EQUALS) continue;
    j++;
    while (j < to && isSpace(data[j])) j++;
    const quote = data[j];
    if (quote !== QUOTE && quote !== APOSTROPHE) continue;
    const close = data.indexOf(quote, j + 1);
    return close < 0 || close > to ? undefined : [j + 1, close];
  }
  return undefined;
}

/** An A1 reference (each part may carry a $) as column and row numbers, 0 where absent. */
function address(data: Uint8Array, from: number, to: number): { column: number; row: number; end: number } {
  let i = from;
  if (data[i] === DOLLAR) i++;
  let column = 0;
  for (; i < to && letterValue(data[i]); i++) column = Math.min(column * 26 + letterValue(data[i]), EXCEL_COLUMNS + 1);
  if (data[i] === DOLLAR) i++;
  let row = 0;
  for (; i < to && isDigit(data[i]); i++) row = Math.min(row * 10 + (data[i] - 0x30), Number.MAX_SAFE_INTEGER);
  return { column, row, end: i };
}

/** Cells in the A1 range data[from, to) ("B2:D9", "A1"), clamped to Excel's grid; 0 if malformed. */
function areaOf(data: Uint8Array, from: number, to: number): number {
  const first = address(data, from, to);
  let last = first;
  if (first.end < to && data[first.end] === COLON) last = address(data, first.end + 1, to);
  if (!first.column || !first.row || !last.column || !last.row || last.end !== to) return 0;
  const rows = Math.abs(Math.min(last.row, EXCEL_ROWS) - Math.min(first.row, EXCEL_ROWS)) + 1;
  const columns = Math.abs(Math.min(last.column, EXCEL_COLUMNS) - Math.min(first.column, EXCEL_COLUMNS)) + 1;
  return rows * columns;
}

export function rangeArea(ref: string): number {
  const data = ascii(ref.trim());
  return areaOf(data, 0, data.length);
}

/** One worksheet's XML, pushed as bytes in any chunks; `breach` is set once a limit is passed. */
export class SheetScanner {
  breach: Breach | undefined;
  private carry: Uint8Array = NOTHING;
  private row = 0;
  /** Last column of the current row: what the row costs the grid. */
  private rowEnd = 0;

  constructor(
    private readonly limits: ReadLimits,
    private readonly counts: WorkbookCounts,
  ) {}

  push(chunk: Uint8Array): void {
    if (this.breach) return;
    let data = chunk;
    if (this.carry.length > 0) {
      data = new Uint8Array(this.carry.length + chunk.length);
      data.set(this.carry);
      data.set(chunk, this.carry.length);
      this.carry = NOTHING;
    }
    // A plain loop: one call of indexOf per tag costs more than looking at every byte.
    let open = -1;
    for (let i = 0; i < data.length; i++) {
      const byte = data[i];
      if (byte === LT) open = i;
      else if (byte === GT && open >= 0) {
        this.tag(data, open + 1, i);
        if (this.breach) return;
        open = -1;
      }
    }
    // An unfinished tag, finished by the next chunk.
    if (open >= 0 && data.length - open <= MAX_CARRY) this.carry = data.slice(open);
  }

  /** The tag whose name starts at `from`, its closing ">" at `to`. */
  private tag(data: Uint8Array, from: number, to: number): void {
    let nameEnd = from;
    while (nameEnd < to && !isSpace(data[nameEnd]) && data[nameEnd] !== SLASH) nameEnd++;
    const length = nameEnd - from;
    if (length === CELL.length && data[from] === CELL[0]) {
      const value = attribute(data, nameEnd, to, R);
      const at = value ? address(data, value[0], value[1]) : undefined;
      if (at && at.row > this.limits.maxRows) {
        this.breach = { limit: "maxRows", row: at.row };
        return;
      }
      this.cell(at?.column ? Math.min(at.column, EXCEL_COLUMNS) : this.rowEnd + 1);
    } else if (length === ROW.length && matches(data, from, ROW)) {
      const value = attribute(data, nameEnd, to, R);
      const number = value ? address(data, value[0], value[1]).row : 0;
      this.startRow(number || this.row + 1);
    } else if (length === MERGE.length && matches(data, from, MERGE)) {
      const value = attribute(data, nameEnd, to, REF);
      if (value) this.covered("maxMergedCells", data, value[0], value[1]);
    } else if (length === VALIDATION.length && matches(data, from, VALIDATION)) {
      const value = attribute(data, nameEnd, to, SQREF);
      if (value) this.covered("maxValidatedCells", data, value[0], value[1]);
    }
  }

  private startRow(row: number): void {
    this.row = row;
    this.rowEnd = 0;
    if (row > this.limits.maxRows) this.breach = { limit: "maxRows", row };
  }

  private cell(column: number): void {
    if (column <= this.rowEnd) return;
    this.counts.cells += column - this.rowEnd;
    this.rowEnd = column;
    if (this.counts.cells > this.limits.maxCells) this.breach = { limit: "maxCells" };
    else if (this.counts.cells > this.limits.maxCopyCells) this.breach = { limit: "maxCopyCells" };
  }

  /** A merge's ref is one range; a validation's sqref lists ranges separated by spaces. */
  private covered(limit: "maxMergedCells" | "maxValidatedCells", data: Uint8Array, from: number, to: number): void {
    const key = limit === "maxMergedCells" ? "mergedCells" : "validatedCells";
    for (let start = from; start < to; ) {
      while (start < to && isSpace(data[start])) start++;
      let end = start;
      while (end < to && !isSpace(data[end])) end++;
      if (end === start) return;
      this.counts[key] += areaOf(data, start, end);
      if (this.counts[key] > this.limits[limit]) {
        // A range is ASCII: letters, digits, $ and :.
        this.breach = { limit, range: String.fromCharCode(...data.subarray(start, Math.min(end, start + 32))) };
        return;
      }
      start = end;
    }
  }
}
