/**
 * The reader the product had before the lean one (src/files/xlsx): exceljs's model mapped onto
 * the engine's Cells. Kept for the tests as the oracle the lean reader is held to, file by file.
 */
import ExcelJS from "exceljs";
import { EMPTY, type Cell, type CellRange, type Grid } from "../../src/engine/grid";
import { loadWorkbook } from "../../src/files/load";
import type { ReadLimits } from "../../src/files/limits";

const { ValueType } = ExcelJS;

/** Milliseconds per day, and the Unix epoch as an Excel serial (1970-01-01 = 25569). */
const DAY_MS = 86_400_000;
const UNIX_EPOCH_SERIAL = 25_569;

/**
 * exceljs reads date-formatted numbers as JS Dates at UTC; the engine wants the serial back.
 * The Date is the real day in either date system (exceljs applies 1904 itself), so the serial
 * is always the 1900-system one the engine uses.
 */
function dateSerial(date: Date): number {
  return date.getTime() / DAY_MS + UNIX_EPOCH_SERIAL;
}

function numberCell(value: number): Cell {
  // A <v> exceljs could not parse comes back as NaN; the engine must never do arithmetic on it.
  return Number.isFinite(value) ? { kind: "number", value } : { kind: "error", code: "#NUM!" };
}

function richTextOf(value: unknown): string | undefined {
  if (typeof value === "object" && value !== null && Array.isArray((value as ExcelJS.CellRichTextValue).richText)) {
    return (value as ExcelJS.CellRichTextValue).richText.map((run) => run.text ?? "").join("");
  }
  return undefined;
}

/**
 * A formula's cached result, a hyperlink's shown text, or any other loose value exceljs
 * carries. Read through `cell.result`, never `cell.value`: exceljs 4.4.0 drops falsy results
 * (0, false, "") from `cell.value`, which would turn a =SUM() of 0 meetings into a blank.
 */
function looseValue(value: unknown): Cell {
  if (value === null || value === undefined) return EMPTY;
  if (typeof value === "number") return numberCell(value);
  if (typeof value === "string") return { kind: "text", value };
  if (typeof value === "boolean") return { kind: "bool", value };
  if (value instanceof Date) return { kind: "date", serial: dateSerial(value) };
  if (typeof value === "object") {
    const error = (value as { error?: unknown }).error;
    if (typeof error === "string") return { kind: "error", code: error };
    const rich = richTextOf(value);
    if (rich !== undefined) return { kind: "text", value: rich };
  }
  return EMPTY;
}

function readCell(cell: ExcelJS.Cell): Cell {
  switch (cell.type) {
    case ValueType.Null:
    case ValueType.Merge: // covered by a merge: the engine resolves merges itself
      return EMPTY;
    case ValueType.Number:
      return numberCell(cell.value as number);
    case ValueType.String:
      return looseValue(cell.value);
    case ValueType.RichText:
      return { kind: "text", value: richTextOf(cell.value) ?? cell.text };
    case ValueType.Boolean:
      return { kind: "bool", value: cell.value as boolean };
    case ValueType.Date:
      return { kind: "date", serial: dateSerial(cell.value as Date) };
    case ValueType.Error:
      return looseValue(cell.value);
    case ValueType.Formula: // shared-formula clones too: each keeps its own cached result
      return looseValue(cell.result);
    case ValueType.Hyperlink: {
      // The text may be a number, rich text, or (for a formula with a link) the cached result.
      const text = (cell.value as ExcelJS.CellHyperlinkValue).text as unknown;
      return looseValue(text);
    }
    default:
      return looseValue(cell.value);
  }
}

/**
 * Merged areas straight from exceljs's index of them. `worksheet.model.merges` says the same but
 * builds a model of every row and cell to do so — reading the sheet a second time. exceljs is
 * pinned; the tests compare the two, so a change of its internals shows there first.
 */
function mergesOf(worksheet: ExcelJS.Worksheet): CellRange[] {
  const index = (worksheet as unknown as { _merges?: Record<string, CellRange | undefined> })._merges;
  if (!index) throw new Error("exceljs no longer keeps worksheet._merges: update src/files/read.ts");
  const merges: CellRange[] = [];
  for (const range of Object.values(index)) {
    if (range) merges.push({ top: range.top, left: range.left, bottom: range.bottom, right: range.right });
  }
  return merges.sort((a, b) => a.top - b.top || a.left - b.left);
}

/**
 * One worksheet as a Grid from A1 to its last non-empty row and column, found from the cells
 * themselves (a declared <dimension> can be stale). Rows are as long as their last non-empty
 * cell; a sheet with one stray far-away value therefore costs rows, not rows × columns.
 */
export function gridFromWorksheet(worksheet: ExcelJS.Worksheet): Grid {
  const cells: Cell[][] = [];
  worksheet.eachRow((row, rowNumber) => {
    let out: Cell[] | undefined;
    row.eachCell((cell, colNumber) => {
      const value = readCell(cell);
      if (value === EMPTY) return;
      out ??= [];
      while (out.length < colNumber - 1) out.push(EMPTY);
      out[colNumber - 1] = value;
    });
    if (!out) return;
    while (cells.length < rowNumber - 1) cells.push([]);
    cells[rowNumber - 1] = out;
  });
  return {
    sheet: worksheet.name,
    origin: { row: 1, col: 1 },
    cells,
    merges: mergesOf(worksheet),
    visible: worksheet.state !== "hidden" && worksheet.state !== "veryHidden",
  };
}

/** Every worksheet of an .xlsx file through exceljs, in tab order, behind the exceljs gate's limits. */
export async function exceljsGrids(data: Buffer | ArrayBuffer, limits?: ReadLimits): Promise<Grid[]> {
  const workbook = await loadWorkbook(data, limits);
  return workbook.worksheets.map(gridFromWorksheet);
}
