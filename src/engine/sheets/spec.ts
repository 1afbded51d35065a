/**
 * A sheet the add-in writes, as plain data: what goes where, never how. The engine's builders
 * (report, consolidated, flags, results, settings, template) make these; each host writes them
 * its own way (src/excel with Office.js). Positions are 0-based (row 0 = sheet row 1, col 0 = A).
 */

import type { CellValue, RuleId } from "../report";

/** The role of a sheet the add-in owns: one sheet per role, replaced on a re-run. */
export type SheetRole = "report" | "consolidated" | "flags" | "results" | "settings" | "coverage" | "template" | "frozen";

/**
 * One cell as written:
 * - a string is always written as text, whatever it starts with (= + - @ stay text);
 * - numbers and booleans as such, null as an empty cell;
 * - `formula`: a formula of ours, in the invariant (English, comma) syntax of Range.formulas;
 * - `link`: a hyperlink to a cell of the workbook, shown as `text`.
 */
export type OutCell =
  | string
  | number
  | boolean
  | null
  | { formula: string }
  | { link: { sheet: string; cell: string }; text: string };

/** A rectangle of the sheet. */
export interface Area {
  row: number;
  col: number;
  rows: number;
  cols: number;
}

/** An Excel table: a header row then the rows, at (row, col). */
export interface TableSpec {
  /** Table name (ASCII, unique in the workbook); the writer adds a suffix when a user's table has it. */
  name: string;
  row: number;
  col: number;
  columns: string[];
  rows: OutCell[][];
  /** Number format per column (e.g. "0.00%"), undefined for General. */
  formats?: (string | undefined)[];
}

/** A native chart of an area (its first row and column are the labels). */
export interface ChartSpec {
  title: string;
  type: "columnClustered";
  source: Area;
  /** Top-left cell the chart is placed at; it covers about 8 columns × 15 rows. */
  at: { row: number; col: number };
}

export type ValidationRule =
  | { kind: "list"; options: string[] }
  | { kind: "whole"; min: number; max?: number }
  | { kind: "decimal"; min: number; max?: number }
  /** A date from `min` to `max` (ISO days). */
  | { kind: "date"; min: string; max: string };

/** Data validation with an input prompt and an error message, both in the user's language. */
export interface ValidationSpec {
  area: Area;
  rule: ValidationRule;
  prompt?: { title: string; message: string };
  error?: { title: string; message: string };
}

/** A workbook-scoped defined name for one cell of the sheet, which generated formulas reference. */
export interface NameSpec {
  name: string;
  row: number;
  col: number;
  comment?: string;
}

export interface SheetSpec {
  role: SheetRole;
  /** The name wanted; when a sheet the add-in did not make has it, the writer adds a suffix. */
  name: string;
  /** Loose cells outside tables (titles, labels, a spilled formula's anchor). */
  cells?: { row: number; col: number; value: OutCell; bold?: boolean }[];
  tables?: TableSpec[];
  charts?: ChartSpec[];
  validations?: ValidationSpec[];
  names?: NameSpec[];
  /** Column widths in characters, from column A. */
  widths?: number[];
  /** Rows kept in view when scrolling. */
  freezeRows?: number;
  /** Areas whose cells holding the number 0 are shown red (a month no meeting covers); blank cells stay as they are. */
  zeroFills?: Area[];
}

/** One safe correction (自动修正): a cell's value before and after. */
export interface CellFix {
  sheet: string;
  cell: string;
  rule: RuleId;
  old: CellValue;
  new: CellValue;
}
