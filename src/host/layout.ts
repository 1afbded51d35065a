/**
 * A SheetSpec laid out as cells, the same in every host that writes one (Excel, WPS, the
 * annotated copy): where each value goes, the number format it needs (Text for every string,
 * so submitted text never turns into a formula, a number or a date), and our links as formulas.
 */
import type { OutCell, SheetSpec } from "../engine/sheets/spec";

/** Excel's longest string literal inside a formula. */
const MAX_FORMULA_STRING = 255;

/** One written cell: what it holds and the number format it gets. */
interface Slot {
  value: OutCell;
  format: string;
}

/** Every cell of a spec inside its bounding rectangle (0-based sheet positions). */
export interface Canvas {
  row0: number;
  col0: number;
  rows: number;
  cols: number;
  slots: (Slot | undefined)[][];
}

function quoteFormulaString(text: string): string {
  return `"${text.replace(/"/g, '""')}"`;
}

/** =HYPERLINK("#'Sheet name'!C5","text"): quotes in the sheet name doubled for the reference, then " doubled for the literal. */
export function hyperlinkFormula(link: { sheet: string; cell: string }, text: string): string {
  const target = `#'${link.sheet.replace(/'/g, "''")}'!${link.cell}`;
  const shown = text.length > MAX_FORMULA_STRING ? `${text.slice(0, MAX_FORMULA_STRING - 1)}…` : text;
  return `=HYPERLINK(${quoteFormulaString(target)},${quoteFormulaString(shown)})`;
}

/** A cell's number format: Text for strings, else the column's format or General. */
export function formatOf(value: OutCell, columnFormat: string | undefined): string {
  return typeof value === "string" ? "@" : (columnFormat ?? "General");
}

/** The loose cells and tables of a spec on one canvas; undefined when the spec writes no cell. */
export function layout(spec: SheetSpec): Canvas | undefined {
  const placed: { row: number; col: number; slot: Slot }[] = [];
  for (const cell of spec.cells ?? []) placed.push({ row: cell.row, col: cell.col, slot: { value: cell.value, format: formatOf(cell.value, undefined) } });
  for (const table of spec.tables ?? []) {
    table.columns.forEach((title, c) => placed.push({ row: table.row, col: table.col + c, slot: { value: title, format: "@" } }));
    table.rows.forEach((row, r) => {
      for (let c = 0; c < table.columns.length; c++) {
        const value = row[c] ?? null;
        placed.push({ row: table.row + 1 + r, col: table.col + c, slot: { value, format: formatOf(value, table.formats?.[c]) } });
      }
    });
  }
  if (placed.length === 0) return undefined;
  let top = Infinity;
  let left = Infinity;
  let bottom = -1;
  let right = -1;
  for (const { row, col } of placed) {
    top = Math.min(top, row);
    left = Math.min(left, col);
    bottom = Math.max(bottom, row);
    right = Math.max(right, col);
  }
  const canvas: Canvas = { row0: top, col0: left, rows: bottom - top + 1, cols: right - left + 1, slots: [] };
  for (let r = 0; r < canvas.rows; r++) canvas.slots.push(new Array<Slot | undefined>(canvas.cols));
  for (const { row, col, slot } of placed) canvas.slots[row - top][col - left] = slot;
  return canvas;
}
