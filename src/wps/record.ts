/**
 * The workbook record in WPS 表格: what the add-in did that a sheet's tag cannot carry — the
 * fixes last applied (for 撤销修正 after the workbook was reopened) and the defined names it made,
 * with the id of the sheet each was made for (so a re-run replaces them and a user's name of the
 * same spelling is never touched). Excel keeps this in a CustomXmlPart; ET has none in our
 * subset, so it is JSON text in column A of a very hidden worksheet (Visible = 2: not listed
 * under 取消隐藏 either) tagged role "record", saved with the file.
 *
 * A cell holds at most 32 767 characters: the JSON goes in chunks of 30 000, every cell written
 * as text ("@" set before Value2, so a chunk that happens to start with "=" stays text).
 *
 * Calls: reading, about five; writing, two (plus six when the sheet is first made).
 */
import type { CellFix } from "../engine/sheets/spec";
import { uniqueSheetName, type OwnedName } from "../host/naming";
import { matrixOf, XL, type EtWorkbook, type EtWorksheet } from "./et";
import { worksheetsOf } from "./marks";
import { newId, writeTag, type TaggedSheet } from "./tags";

/** The record sheet's wanted name; it gets a suffix when a sheet has it. */
export const RECORD_SHEET = "DJ_Record";
/** Characters per cell, under the 32 767 a cell holds. */
export const RECORD_CHUNK = 30_000;

/** A fix as applied, with the cell's number format before it (put back by 撤销). */
export interface RecordedFix extends CellFix {
  format: string;
}


export interface WpsRecord {
  version: 1;
  fixes: RecordedFix[];
  names: OwnedName[];
}

export function emptyRecord(): WpsRecord {
  return { version: 1, fixes: [], names: [] };
}

const listOf = <T>(value: unknown): T[] => (Array.isArray(value) ? (value as T[]) : []);

/** The record in this text; empty when the text is not a record we can read (as Excel's registry drops a part it cannot read). */
export function parseRecord(text: string): WpsRecord {
  let value: Partial<WpsRecord> | undefined;
  try {
    value = JSON.parse(text) as Partial<WpsRecord>;
  } catch {
    return emptyRecord();
  }
  if (!value || value.version !== 1) return emptyRecord();
  return { version: 1, fixes: listOf(value.fixes), names: listOf(value.names) };
}

/** Text in chunks of at most `size` characters, never splitting a surrogate pair. */
export function chunksOf(text: string, size = RECORD_CHUNK): string[] {
  const chunks: string[] = [];
  for (let start = 0; start < text.length; ) {
    let end = Math.min(text.length, start + size);
    if (end < text.length && /[\uD800-\uDBFF]/.test(text[end - 1])) end--;
    chunks.push(text.slice(start, end));
    start = end;
  }
  return chunks;
}

/** The record sheet among the tagged sheets (the first, should a copy ever make two). */
export function recordSheet(sheets: readonly TaggedSheet[]): EtWorksheet | undefined {
  return sheets.find((s) => s.tag?.role === "record")?.sheet;
}

/** Rows of column A the record sheet uses (0 when empty). */
function usedRows(sheet: EtWorksheet): number {
  const used = sheet.UsedRange;
  return used.Row + used.Rows.Count - 1;
}

export function readRecord(sheets: readonly TaggedSheet[]): WpsRecord {
  const sheet = recordSheet(sheets);
  if (!sheet) return emptyRecord();
  const rows = usedRows(sheet);
  const cells = matrixOf(sheet.Range(`A1:A${rows}`).Value2, rows, 1);
  const text = cells.map((row) => (typeof row[0] === "string" ? row[0] : "")).join("");
  return text === "" ? emptyRecord() : parseRecord(text);
}

/**
 * Writes the record, making its sheet when there is none. Adding a sheet activates it: the sheet
 * the user was on is activated again once the record sheet is hidden.
 */
export function writeRecord(book: EtWorkbook, sheets: readonly TaggedSheet[], record: WpsRecord): void {
  let sheet = recordSheet(sheets);
  const old = sheet ? usedRows(sheet) : 0;
  const chunks = chunksOf(JSON.stringify(record));
  if (!sheet) {
    const active = book.ActiveSheet;
    const worksheets = book.Worksheets;
    sheet = worksheets.Add(undefined, worksheets.Item(worksheets.Count));
    // Listed afresh: the caller may have added or renamed sheets since `sheets` was read.
    sheet.Name = uniqueSheetName(RECORD_SHEET, worksheetsOf(book).map((s) => s.Name));
    writeTag(sheet, { id: newId(), role: "record" });
    sheet.Visible = XL.sheetVeryHidden;
    active.Activate();
  }
  // Cells a longer record used before are emptied in the same write.
  const rows = Math.max(chunks.length, old);
  const range = sheet.Range(`A1:A${rows}`);
  range.NumberFormat = "@";
  range.Value2 = Array.from({ length: rows }, (_, i) => [chunks[i] ?? ""]);
}
