/// <reference types="et-jsapi-declare" />
/**
 * The part of WPS 表格's ET object model the add-in uses, and nothing more (PRODUCT.md §10,
 * TOOLCHAIN.md). The types come from et-jsapi-declare, which says they were found by static
 * analysis: we keep to members the WPS documentation and people who ran it confirm, and a test
 * holds et-jsapi-declare's own types assignable to these (test/wps/types.test.ts), so a fake that
 * implements these implements what WPS has.
 *
 * The model is synchronous and every call crosses a process boundary: read and write whole ranges.
 * Methods always need (); collections are read with .Item(i) (1-based); arguments are positional
 * (a skipped one is passed as undefined); colours are BGR integers, as in COM.
 */

export interface EtFont {
  Bold: Et.Font["Bold"];
  Color: Et.Font["Color"];
}

export interface EtInterior {
  Color: Et.Interior["Color"];
}

export interface EtComment {
  Text(): string;
  Delete(): void;
}

export interface EtComments {
  readonly Count: number;
  Item(index: number): EtComment;
}

export interface EtFormatCondition {
  readonly Type: number;
  readonly Formula1: string;
  readonly Interior: EtInterior;
  readonly Font: EtFont;
  Delete(): void;
}

export interface EtFormatConditions {
  readonly Count: number;
  Item(index: number): EtFormatCondition;
  Add(type: number, operator?: unknown, formula1?: unknown): EtFormatCondition;
}

export interface EtValidation {
  Add(type: number, alertStyle?: number, operator?: number, formula1?: string, formula2?: string): void;
  Delete(): void;
  InputTitle: Et.Validation["InputTitle"];
  InputMessage: Et.Validation["InputMessage"];
  ErrorTitle: Et.Validation["ErrorTitle"];
  ErrorMessage: Et.Validation["ErrorMessage"];
  ShowInput: Et.Validation["ShowInput"];
  ShowError: Et.Validation["ShowError"];
}

export interface EtName {
  Name: string;
  RefersTo: Et.Name["RefersTo"];
  Visible: boolean;
  Delete(): void;
}

export interface EtNames {
  readonly Count: number;
  Item(index: string | number): EtName;
  Add(name: string, refersTo: unknown, visible?: boolean): EtName;
}

/** A count, as Range.Rows and Range.Columns are used here. */
export interface EtCounted {
  readonly Count: number;
}

export interface EtRange {
  Address(rowAbsolute?: boolean, columnAbsolute?: boolean): string;
  readonly Row: number;
  readonly Column: number;
  readonly Rows: EtCounted;
  readonly Columns: EtCounted;
  readonly Count: number;
  /**
   * A number, string, boolean or empty for one cell; a 2-D array (rows of columns) for more —
   * though some builds give a one-row range as a 1-D array. Written in whole arrays.
   */
  Value2: unknown;
  /** Like Value2, with a formula's text ("=SUM(A1:A3)") where a cell has one. */
  Formula: unknown;
  /** One format for the whole range, or null when its cells differ. */
  NumberFormat: unknown;
  /** true when every cell is merged, false when none is, null when some are. */
  MergeCells: unknown;
  readonly MergeArea: EtRange;
  Merge(across?: boolean): void;
  /** The cell's comment; null (or undefined) when it has none. */
  readonly Comment: EtComment | null | undefined;
  AddComment(text?: string): EtComment;
  readonly FormatConditions: EtFormatConditions;
  readonly Interior: EtInterior;
  readonly Font: EtFont;
  ColumnWidth: Et.Range["ColumnWidth"];
  readonly Validation: EtValidation;
  Select(): unknown;
  Activate(): unknown;
  Resize(rows?: number, columns?: number): EtRange;
  /** The cell at (row, column) of this range, 1-based. */
  Item(row: number, column?: number): EtRange;
  AutoFilter(): unknown;
}

export interface EtWorksheet {
  Name: string;
  readonly Index: number;
  /** -1 visible, 0 hidden, 2 very hidden (XlSheetVisibility). */
  Visible: number;
  readonly UsedRange: EtRange;
  Range(address: string): EtRange;
  readonly Cells: EtRange;
  readonly Names: EtNames;
  readonly Comments: EtComments;
  Delete(): void;
  Activate(): void;
  Copy(before?: EtWorksheet, after?: EtWorksheet): void;
}

export interface EtSheets {
  readonly Count: number;
  Item(index: string | number): EtWorksheet;
  Add(before?: EtWorksheet, after?: EtWorksheet, count?: number, type?: number): EtWorksheet;
}

export interface EtWorkbook {
  readonly Name: string;
  readonly Worksheets: EtSheets;
  readonly Names: EtNames;
  readonly ActiveSheet: EtWorksheet;
}

export interface EtWindow {
  readonly Hwnd: number;
  FreezePanes: boolean;
  SplitRow: number;
  SplitColumn: number;
}

/** Application.CreateTaskPane's pane. */
export interface EtTaskPane {
  readonly ID: number;
  Visible: boolean;
  Navigate(url: string): void;
  Width: number;
}

/** Shared by every page of the add-in while WPS runs; not saved. */
export interface EtPluginStorage {
  setItem(key: string, value: string): void;
  getItem(key: string): string | null | undefined;
  removeItem(key: string): void;
}

export interface EtApplication {
  readonly ActiveWorkbook: EtWorkbook | null;
  readonly ActiveSheet: EtWorksheet | null;
  readonly ActiveWindow: EtWindow | null;
  ScreenUpdating: boolean;
  /** false: no "delete this sheet?" prompt while the add-in replaces a sheet of its own. */
  DisplayAlerts: boolean;
  /** xlCalculationAutomatic -4105, xlCalculationManual -4135, xlCalculationSemiautomatic 2. */
  Calculation: number;
  readonly Version?: string;
  readonly Build?: number;
  CreateTaskPane(url: string, title?: string): EtTaskPane;
  GetTaskPane(id: number): EtTaskPane | null | undefined;
  readonly PluginStorage: EtPluginStorage;
}

/** What WPS injects as window.wps: the application, and custom functions from 12.1.0.20540. */
export interface EtRoot extends EtApplication {
  AddCustomFunction?(namespace: string, name: string, callback: (...args: unknown[]) => unknown, metadata?: unknown): void;
}

export const XL = {
  sheetVisible: -1,
  sheetHidden: 0,
  sheetVeryHidden: 2,
  calculationManual: -4135,
  /** FormatConditions.Add type: a formula. */
  expression: 2,
  /** Validation.Add types and operators. */
  validateWholeNumber: 1,
  validateDecimal: 2,
  validateList: 3,
  validateDate: 4,
  alertStop: 1,
  between: 1,
  greaterEqual: 7,
} as const;

/** "#FFC7CE" → the BGR integer WPS (and COM) wants: 0xCEC7FF. */
export function bgr(hex: string): number {
  const clean = hex.replace(/^#/, "");
  const [r, g, b] = [0, 2, 4].map((i) => parseInt(clean.slice(i, i + 2), 16));
  return (b << 16) | (g << 8) | r;
}

/**
 * Value2 (or Formula) of a rows × cols range as rows of cells, however the build hands it over:
 * a scalar for one cell, a 1-D array for one row (some builds), a 2-D array otherwise.
 */
export function matrixOf(value: unknown, rows: number, cols: number): unknown[][] {
  if (!Array.isArray(value)) return [[value]];
  if (value.length > 0 && !Array.isArray(value[0])) {
    // 1-D: one row of cols cells, or (rarer) one column of rows cells.
    return rows === 1 || cols !== 1 ? [value] : value.map((cell) => [cell]);
  }
  return value as unknown[][];
}
