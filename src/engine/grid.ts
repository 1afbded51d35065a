/**
 * The engine's only input: one worksheet as the host read it. Every host (Office.js, exceljs,
 * the browser preview) maps its own value types onto `Cell`, so the engine sees the same sheet
 * whichever way it was opened.
 */
export type Cell =
  | { kind: "empty" }
  | { kind: "number"; value: number }
  | { kind: "text"; value: string }
  | { kind: "bool"; value: boolean }
  /** An Excel date serial (days since 1899-12-30). */
  | { kind: "date"; serial: number }
  /** An Excel error value such as "#REF!". */
  | { kind: "error"; code: string };

/** A rectangle in sheet coordinates, 1-based and inclusive. */
export interface CellRange {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

export interface Grid {
  sheet: string;
  /** Sheet row and column (1-based) of cells[0][0]. */
  origin: { row: number; col: number };
  /** Rows of cells; rows may have different lengths (missing cells are empty). */
  cells: Cell[][];
  /** Merged areas, in sheet coordinates. */
  merges: CellRange[];
  /** Hidden and very hidden sheets are never submissions. Default: visible. */
  visible?: boolean;
}

export const EMPTY: Cell = { kind: "empty" };

/** Excel's grid: 1 048 576 rows × 16 384 columns (XFD). */
export const EXCEL_ROWS = 1_048_576;
export const EXCEL_COLUMNS = 16_384;

export function columnLetter(col: number): string {
  let s = "";
  let n = col;
  while (n > 0) {
    const r = (n - 1) % 26;
    s = String.fromCharCode(65 + r) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

export function columnNumber(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n;
}

export function address(row: number, col: number): string {
  return `${columnLetter(col)}${row}`;
}
