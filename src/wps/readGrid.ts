/**
 * Worksheets into engine Grids through the ET object model, in whole ranges (PRODUCT.md §10):
 * every call crosses WPS's process boundary, so the number of calls must grow with the blocks
 * read, never with the rows inside a block.
 *
 * - Values: one Value2 per block of rows (blocks sized by cells, as in Excel).
 * - Number formats: ET gives one format per range (null when its cells differ), not a matrix.
 *   Only numbers need one (a date is a number with a date format), so each column of a block
 *   asks once for the span between its first and last number; a span whose cells differ is
 *   halved until each part is uniform. A column of dates under a text header costs one call.
 * - Formulas: read for a block only when a value may be an error (COM hands errors over as
 *   integers such as -2146826281, or as their text): the formula tells an error from a number.
 * - Merged areas: ET has no list of them. MergeCells of a range is true, false or null (some),
 *   so a range without merges costs one call; where there are some, the range is halved until
 *   a cell's MergeArea names its area. The top rows (title and headers, where forms merge) are
 *   searched as one area of their own, so a sheet's cost does not depend on its length.
 */
import { EMPTY, type Cell, type CellRange, type Grid } from "../engine";
import { columnLetter } from "../engine/grid";
import { rowBlocks } from "../host/blocks";
import { looksLikeDate } from "../host/numberFormat";
import type { Progress } from "../host/host";
import { parseRange } from "../host/address";
import { matrixOf, type EtRange, type EtWorksheet } from "./et";

/** Cells per Value2 read. */
export const BLOCK_CELLS = 20_000;
/** Rows at the top searched for merges on their own: title blocks and two-row headers live there. */
export const HEAD_ROWS = 10;

/** Excel's error values as COM integers (CVErr), and their text. */
export const ERROR_VALUES: ReadonlyMap<number, string> = new Map([
  [-2146826281, "#DIV/0!"],
  [-2146826246, "#N/A"],
  [-2146826259, "#NAME?"],
  [-2146826288, "#NULL!"],
  [-2146826252, "#NUM!"],
  [-2146826265, "#REF!"],
  [-2146826273, "#VALUE!"],
]);
const ERROR_TEXTS = new Set(ERROR_VALUES.values());

/** 1-based, inclusive. */
interface Rect {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

export function addressOf(rect: Rect): string {
  const first = `${columnLetter(rect.left)}${rect.top}`;
  return rect.top === rect.bottom && rect.left === rect.right ? first : `${first}:${columnLetter(rect.right)}${rect.bottom}`;
}

export function rangeOf(sheet: EtWorksheet, rect: Rect): EtRange {
  return sheet.Range(addressOf(rect));
}

function mayBeError(value: unknown): boolean {
  return (typeof value === "number" && ERROR_VALUES.has(value)) || (typeof value === "string" && ERROR_TEXTS.has(value));
}

/**
 * One cell from Value2 and, where it was read, Formula. A number that is an error's integer is
 * an error only when the cell does not hold that very number as a constant.
 */
export function cellOf(value: unknown, formula: unknown, dateFormat: boolean): Cell {
  if (value === undefined || value === null || value === "") return EMPTY;
  if (typeof value === "number") {
    const code = ERROR_VALUES.get(value);
    if (code !== undefined && formula !== undefined && String(formula).trim() !== String(value)) return { kind: "error", code };
    if (!Number.isFinite(value)) return { kind: "error", code: "#NUM!" };
    return dateFormat ? { kind: "date", serial: value } : { kind: "number", value };
  }
  if (typeof value === "boolean") return { kind: "bool", value };
  const text = String(value);
  if (ERROR_TEXTS.has(text) && typeof formula === "string" && (formula.startsWith("=") || formula === text)) return { kind: "error", code: text };
  return { kind: "text", value: text };
}

/** Rows (0-based within the block) of a column holding numbers. */
function numberRows(values: unknown[][], col: number): number[] {
  const rows: number[] = [];
  for (let r = 0; r < values.length; r++) if (typeof values[r][col] === "number") rows.push(r);
  return rows;
}

/**
 * Which of these rows (0-based in the block, sorted) hold a date format: one NumberFormat call
 * for their span, halved where the span's formats differ.
 */
function dateRows(sheet: EtWorksheet, top: number, column: number, rows: number[], into: Set<number>): void {
  if (rows.length === 0) return;
  const first = rows[0];
  const last = rows[rows.length - 1];
  const format = rangeOf(sheet, { top: top + first, left: column, bottom: top + last, right: column }).NumberFormat;
  if (typeof format === "string") {
    if (looksLikeDate(format)) for (const row of rows) into.add(row);
    return;
  }
  // Mixed (null): a single row cannot be; halve by position.
  if (rows.length === 1) return;
  const middle = Math.floor(rows.length / 2);
  dateRows(sheet, top, column, rows.slice(0, middle), into);
  dateRows(sheet, top, column, rows.slice(middle), into);
}

/** Merged areas found so far; a rectangle inside one needs no call. */
class Merges {
  readonly areas: CellRange[] = [];

  covers(rect: Rect): boolean {
    return this.areas.some((a) => a.top <= rect.top && a.left <= rect.left && a.bottom >= rect.bottom && a.right >= rect.right);
  }

  /** Finds every merged area meeting rect: rows are halved first, then columns. */
  search(sheet: EtWorksheet, rect: Rect): void {
    if (this.covers(rect)) return;
    if (rangeOf(sheet, rect).MergeCells === false) return;
    if (rect.top === rect.bottom && rect.left === rect.right) {
      const area = parseRange(String(rangeOf(sheet, rect).MergeArea.Address(false, false)));
      if (area && (area.bottom > area.top || area.right > area.left)) this.areas.push(area);
      return;
    }
    if (rect.bottom > rect.top) {
      const middle = Math.floor((rect.top + rect.bottom) / 2);
      this.search(sheet, { ...rect, bottom: middle });
      this.search(sheet, { ...rect, top: middle + 1 });
    } else {
      const middle = Math.floor((rect.left + rect.right) / 2);
      this.search(sheet, { ...rect, right: middle });
      this.search(sheet, { ...rect, left: middle + 1 });
    }
  }
}

export interface SheetToRead {
  sheet: EtWorksheet;
  name: string;
  visible: boolean;
}

export interface ReadOptions {
  blockCells?: number;
  progress?: Progress;
}

interface Plan {
  source: SheetToRead;
  grid: Grid;
  top: number;
  left: number;
  rows: number;
  cols: number;
}

/**
 * A sheet's used range in sheet cells (1-based); undefined for a sheet with nothing in it, whose
 * used range ET gives as A1 alone, holding no value and no formula.
 */
export function usedRect(sheet: EtWorksheet): CellRange | undefined {
  const used = sheet.UsedRange;
  const top = used.Row;
  const left = used.Column;
  const rows = used.Rows.Count;
  const cols = used.Columns.Count;
  if (rows === 1 && cols === 1) {
    const value = matrixOf(used.Value2, 1, 1)[0][0];
    if ((value === undefined || value === null || value === "") && !String(used.Formula ?? "").startsWith("=")) return undefined;
  }
  return { top, left, bottom: top + rows - 1, right: left + cols - 1 };
}

/** Reads the sheets into grids, in the order given. Hidden sheets are listed but not read. */
export function readGrids(sheets: SheetToRead[], options: ReadOptions = {}): Grid[] {
  const blockCells = Math.max(1, options.blockCells ?? BLOCK_CELLS);
  const grids: Grid[] = [];
  const plans: Plan[] = [];
  for (const source of sheets) {
    const grid: Grid = { sheet: source.name, origin: { row: 1, col: 1 }, cells: [], merges: [], visible: source.visible };
    grids.push(grid);
    if (!source.visible) continue;
    const used = usedRect(source.sheet);
    if (!used) continue;
    grid.origin = { row: used.top, col: used.left };
    plans.push({ source, grid, top: used.top, left: used.left, rows: used.bottom - used.top + 1, cols: used.right - used.left + 1 });
  }
  const total = plans.reduce((sum, plan) => sum + rowBlocks(plan.rows, plan.cols, blockCells).length, 0);
  let done = 0;
  options.progress?.(0, total);
  for (const plan of plans) {
    const { sheet } = plan.source;
    for (const block of rowBlocks(plan.rows, plan.cols, blockCells)) {
      readBlock(sheet, plan, block.offset, block.rows);
      options.progress?.(++done, total);
    }
    plan.grid.merges = mergesOf(plan, blockCells);
  }
  return grids;
}

function readBlock(sheet: EtWorksheet, plan: Plan, offset: number, rows: number): void {
  const top = plan.top + offset;
  const range = rangeOf(sheet, { top, left: plan.left, bottom: top + rows - 1, right: plan.left + plan.cols - 1 });
  const values = matrixOf(range.Value2, rows, plan.cols);
  const formulas = values.some((row) => row.some(mayBeError)) ? matrixOf(range.Formula, rows, plan.cols) : undefined;
  const dates: Set<number>[] = [];
  for (let c = 0; c < plan.cols; c++) {
    const found = new Set<number>();
    dateRows(sheet, top, plan.left + c, numberRows(values, c), found);
    dates.push(found);
  }
  for (let r = 0; r < rows; r++) {
    const row: Cell[] = new Array(plan.cols);
    for (let c = 0; c < plan.cols; c++) row[c] = cellOf(values[r]?.[c], formulas?.[r]?.[c], dates[c].has(r));
    plan.grid.cells[offset + r] = row;
  }
}

function mergesOf(plan: Plan, blockCells: number): CellRange[] {
  const merges = new Merges();
  const right = plan.left + plan.cols - 1;
  const head = Math.min(HEAD_ROWS, plan.rows);
  merges.search(plan.source.sheet, { top: plan.top, left: plan.left, bottom: plan.top + head - 1, right });
  // Below the head, one call per block of rows when it has no merges.
  for (const block of rowBlocks(plan.rows - head, plan.cols, blockCells)) {
    const top = plan.top + head + block.offset;
    merges.search(plan.source.sheet, { top, left: plan.left, bottom: top + block.rows - 1, right });
  }
  return merges.areas.sort((a, b) => a.top - b.top || a.left - b.left);
}
