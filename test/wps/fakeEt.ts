/**
 * A fake of WPS 表格's ET object model — the subset of src/wps/et.ts — for the WPS host's tests,
 * in jest and in a Chromium page: it is transpiled on its own and injected as window.Application
 * and window.wps, so it imports nothing at run time and keeps to ES2017.
 *
 * Nothing here runs WPS (TOOLCHAIN.md), so this is where the adapter meets the object model's
 * habits: a one-cell Value2 is a scalar and a one-row range may come back 1-D, errors are COM
 * integers, NumberFormat and MergeCells are null over mixed cells, text written into a cell that
 * is not formatted as text is converted as if typed, collections throw on a missing item. And it
 * is where the cost is measured: every member access crosses WPS's process boundary, so every one
 * is counted (`calls`, `callLog`) and a test can hold the adapter to whole-range reads and writes.
 *
 * State is plain data, cells stored sparsely by row and column. `snapshot()` gives it back in the
 * shape it was given in, omitting every optional field that has its default value, so a test can
 * compare a workbook before and after.
 */
import type {
  EtComment,
  EtComments,
  EtCounted,
  EtFont,
  EtFormatCondition,
  EtFormatConditions,
  EtInterior,
  EtName,
  EtNames,
  EtPluginStorage,
  EtRange,
  EtRoot,
  EtSheets,
  EtTaskPane,
  EtValidation,
  EtWindow,
  EtWorkbook,
  EtWorksheet,
} from "../../src/wps/et";

/** A cell's content: a number (a date is its serial number), text, a boolean, or an error by its text. */
export type FakeValue = number | string | boolean | { error: string };

export interface FakeCellData {
  /** "B3". */
  address: string;
  /**
   * The value, or a formula's cached result. "" without a formula is an empty cell, listed for its
   * format, fill or comment (a cell cannot hold a constant "": writing "" clears it).
   */
  value: FakeValue;
  /** "=SUM(B3:B5)". */
  formula?: string;
  /** Default "General". */
  numberFormat?: string;
  comment?: string;
  /** Interior.Color, BGR. */
  fill?: number;
  /** Font.Color, BGR. */
  fontColor?: number;
  bold?: true;
}

/** A conditional format, as FormatConditions.Add made it. */
export interface FakeFormatConditionData {
  /** The range it was added on, without $: "C5,E7". */
  address: string;
  type: number;
  operator?: number;
  formula1: string;
  interiorColor?: number;
  fontColor?: number;
  bold?: boolean;
}

/** A data validation, as Validation.Add and its properties made it. */
export interface FakeValidationData {
  /** The cells it covers, without $ ("B3:B20"); several areas once Delete cut it. */
  address: string;
  type: number;
  alertStyle?: number;
  operator?: number;
  formula1?: string;
  formula2?: string;
  /** Default "" like the other three texts. */
  inputTitle?: string;
  inputMessage?: string;
  errorTitle?: string;
  errorMessage?: string;
  /** Default true, like showError. */
  showInput?: boolean;
  showError?: boolean;
}

/** A defined name; a sheet's own names are listed by their name without the sheet. */
export interface FakeNameData {
  name: string;
  /** As Name.RefersTo gives it: "=报表!$A$1", or a constant '="text"'. */
  refersTo: string;
  /** Default true. */
  visible?: boolean;
}

/** ActiveWindow's panes while the sheet was active. */
export interface FakeFreezeData {
  freezePanes: boolean;
  splitRow: number;
  splitColumn: number;
}

export interface FakeSheetData {
  name: string;
  /** -1 visible (default), 0 hidden, 2 very hidden. */
  visible?: number;
  /** Any order; a snapshot lists them row by row. */
  cells: FakeCellData[];
  /** Merged areas: "A1:D1". */
  merges?: string[];
  /** Column letter → width in characters; columns not listed have the default width. */
  columnWidths?: Record<string, number>;
  formatConditions?: FakeFormatConditionData[];
  validations?: FakeValidationData[];
  /** The sheet's own names (Worksheet.Names). */
  names?: FakeNameData[];
  freeze?: FakeFreezeData;
  /** The range AutoFilter was turned on for: "A2:F40". */
  autoFilter?: string;
}

export interface FakeBookData {
  name: string;
  sheets: FakeSheetData[];
  /** The workbook's names (sheets' own names are in FakeSheetData.names). */
  names?: FakeNameData[];
}

export interface FakeOptions {
  /** Writing Value2 fails: an ET failure in the middle of a write, to test what is put back after it. Default false. */
  throwOnValue2Write?: boolean;
  /** A one-row range of several cells gives Value2 and Formula as a 1-D array, as some builds do. */
  oneRowAs1D?: boolean;
  /** wps.AddCustomFunction exists, as from WPS 12.1.0.20540. Default true; false: an older WPS. */
  customFunctions?: boolean;
  /** Application.Version. Default "12.1.0.20540". */
  version?: string;
  /** The sheet active at the start. Default the first visible one. */
  activeSheet?: string;
}

export interface FakeCustomFunction {
  fn: (...args: unknown[]) => unknown;
  metadata: unknown;
}

/** A task pane: `urls` starts with the one it was created with, then each Navigate. */
export interface FakeTaskPaneData {
  id: number;
  title: string;
  urls: string[];
  visible: boolean;
  width: number;
}

export interface FakeEt {
  /** What WPS injects as both window.Application and window.wps. */
  readonly root: EtRoot;
  /** Member accesses (gets, sets, method calls) on any object of the model since the last reset. */
  readonly calls: number;
  /** Those accesses by name: "Range.Value2.get", "Range.Value2.set", "Range.AddComment". */
  readonly callLog: readonly string[];
  resetCalls(): void;
  /** Sets target.Application and target.wps to the root, as WPS does for a page. */
  install(target: object): void;
  /** The workbook as data, in the shape createFakeEt takes. */
  snapshot(): FakeBookData;
  formatConditions(sheetName: string): FakeFormatConditionData[];
  /** A1 address → comment text, row by row. */
  comments(sheetName: string): Record<string, string>;
  validations(sheetName: string): FakeValidationData[];
  /** The workbook's names, or a sheet's own names. */
  names(sheetName?: string): FakeNameData[];
  /** Column letter → width, for the columns whose width was set. */
  columnWidths(sheetName: string): Record<string, number>;
  /** A1 addresses of the bold cells, row by row. */
  boldCells(sheetName: string): string[];
  freeze(sheetName: string): FakeFreezeData;
  /** The address (without $) last selected or activated on the sheet; undefined if none was. */
  selection(sheetName: string): string | undefined;
  taskPanes(): FakeTaskPaneData[];
  /** PluginStorage's items. */
  pluginStorage(): Record<string, string>;
  /** `${namespace}.${name}` → what AddCustomFunction registered. */
  readonly customFunctions: ReadonlyMap<string, FakeCustomFunction>;
}

const MAX_ROWS = 1048576;
const MAX_COLUMNS = 16384;
const GENERAL = "General";
const TEXT_FORMAT = "@";
/** What Interior.Color gives for a cell without a fill (white), as in Excel. */
const NO_FILL = 16777215;
/** Font.Color of an unformatted cell: automatic, black. */
const AUTOMATIC_FONT = 0;
/** WPS 表格's default column width, in characters, as its column-width dialog shows it (Excel's is 8.43). */
const DEFAULT_COLUMN_WIDTH = 8.38;
const CALCULATION_MODES = [-4105, -4135, 2];
const SHEET_VISIBILITIES = [-1, 0, 2];
/** xlWorksheet, the one sheet type Sheets.Add is asked for. */
const WORKSHEET_TYPE = -4167;
/** Any fixed window handle: the add-in only passes it on. */
const WINDOW_HANDLE = 2231402;
/** Excel refuses a Range address longer than this, so an adapter must split long unions. */
const MAX_ADDRESS_LENGTH = 255;
/**
 * Reads and writes of more cells than this are refused: whole rows, whole columns and Cells span up
 * to 17 billion cells, and the adapter is to read the used range, never those.
 */
const MAX_DENSE_CELLS = 10000000;

/** COM's error integers (CVErr), which Value2 gives for error cells. */
const ERROR_VALUES: Record<string, number> = {
  "#NULL!": -2146826288,
  "#DIV/0!": -2146826281,
  "#VALUE!": -2146826273,
  "#REF!": -2146826265,
  "#NAME?": -2146826259,
  "#NUM!": -2146826252,
  "#N/A": -2146826246,
};

/** Excel's limits on a validation's texts; WPS saves .xlsx files that Excel must open. */
const VALIDATION_TEXT_LIMITS: Record<string, number> = { InputTitle: 32, ErrorTitle: 32, InputMessage: 255, ErrorMessage: 225 };
/** Excel's limit on a list validation's literal items ("是,否"). */
const MAX_LIST_LENGTH = 255;

const APP_ERROR = "Application-defined or object-defined error";
const SUBSCRIPT_ERROR = "Subscript out of range";
const DISCONNECTED = "The object invoked has disconnected from its clients";

/** A failure as JavaScript sees WPS's: a thrown Error, here with COM's message and, in brackets, what failed. */
function comError(message: string, detail: string): Error {
  return new Error(`${message} (${detail})`);
}

/** What WPS would do but this fake does not model: a test that meets it needs a better fake. */
function notModelled(what: string): Error {
  return new Error(`fake ET: ${what} is not modelled`);
}

// ---------------------------------------------------------------------------------------------
// Addresses

/** A rectangle of cells, 1-based and inclusive. */
interface Area {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

const WHOLE_SHEET: Area = { top: 1, left: 1, bottom: MAX_ROWS, right: MAX_COLUMNS };

function columnLetters(column: number): string {
  let letters = "";
  for (let n = column; n > 0; n = Math.floor((n - 1) / 26)) letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
  return letters;
}

function columnNumber(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + ch.charCodeAt(0) - 64;
  return n;
}

function cellName(row: number, column: number): string {
  return columnLetters(column) + row;
}

function areaSize(area: Area): number {
  return (area.bottom - area.top + 1) * (area.right - area.left + 1);
}

function cellArea(row: number, column: number): Area {
  return { top: row, left: column, bottom: row, right: column };
}

function intersection(a: Area, b: Area): Area | undefined {
  const area = { top: Math.max(a.top, b.top), left: Math.max(a.left, b.left), bottom: Math.min(a.bottom, b.bottom), right: Math.min(a.right, b.right) };
  return area.top <= area.bottom && area.left <= area.right ? area : undefined;
}

function overlaps(as: Area[], bs: Area[]): boolean {
  return as.some((a) => bs.some((b) => intersection(a, b) !== undefined));
}

function contains(outer: Area, inner: Area): boolean {
  return outer.top <= inner.top && outer.left <= inner.left && outer.bottom >= inner.bottom && outer.right >= inner.right;
}

/** What is left of `area` once `hole` is cut out: up to four rectangles. */
function subtract(area: Area, hole: Area): Area[] {
  const cut = intersection(area, hole);
  if (!cut) return [area];
  const pieces: Area[] = [];
  if (area.top < cut.top) pieces.push({ top: area.top, left: area.left, bottom: cut.top - 1, right: area.right });
  if (cut.bottom < area.bottom) pieces.push({ top: cut.bottom + 1, left: area.left, bottom: area.bottom, right: area.right });
  if (area.left < cut.left) pieces.push({ top: cut.top, left: area.left, bottom: cut.bottom, right: cut.left - 1 });
  if (cut.right < area.right) pieces.push({ top: cut.top, left: cut.right + 1, bottom: cut.bottom, right: area.right });
  return pieces;
}

/** "$A$1:$C$3" (or without $), "$A:$C" for whole columns, "$1:$3" for whole rows (Cells included). */
function areaAddress(area: Area, rowAbsolute: boolean, columnAbsolute: boolean): string {
  const row = (n: number) => (rowAbsolute ? "$" : "") + n;
  const column = (n: number) => (columnAbsolute ? "$" : "") + columnLetters(n);
  if (area.left === 1 && area.right === MAX_COLUMNS) return `${row(area.top)}:${row(area.bottom)}`;
  if (area.top === 1 && area.bottom === MAX_ROWS) return `${column(area.left)}:${column(area.right)}`;
  const first = column(area.left) + row(area.top);
  return area.top === area.bottom && area.left === area.right ? first : `${first}:${column(area.right)}${row(area.bottom)}`;
}

function addressOf(areas: Area[], rowAbsolute = true, columnAbsolute = true): string {
  return areas.map((area) => areaAddress(area, rowAbsolute, columnAbsolute)).join(",");
}

/** A sheet name as a reference writes it: quoted when it is not a plain name. */
function sheetReference(name: string): string {
  return /^[A-Za-z_\u00C0-\uFFFF][A-Za-z0-9_.\u00C0-\uFFFF]*$/.test(name) && !looksLikeReference(name) ? name : `'${name.replace(/'/g, "''")}'`;
}

function unquoteSheet(text: string): string {
  const quoted = /^'(.*)'$/.exec(text);
  return quoted ? quoted[1].replace(/''/g, "'") : text;
}

/** "B3", "XFD1048576", "R", "C", "R1C1": names Excel keeps for references. */
function looksLikeReference(text: string): boolean {
  const cell = /^([A-Za-z]{1,3})(\d+)$/.exec(text);
  if (cell) return columnNumber(cell[1]) <= MAX_COLUMNS && Number(cell[2]) >= 1 && Number(cell[2]) <= MAX_ROWS;
  return /^(R|C|R\d*C\d*|R\d+|C\d+)$/i.test(text);
}

/** One end of a reference: a cell, a whole column ("C") or a whole row ("3"). */
function parseEnd(text: string): { row?: number; column?: number } | undefined {
  const m = /^(?:\$?([A-Za-z]{1,3}))?(?:\$?(\d{1,7}))?$/.exec(text);
  if (!m || (!m[1] && !m[2])) return undefined;
  const end = { row: m[2] ? Number(m[2]) : undefined, column: m[1] ? columnNumber(m[1]) : undefined };
  if (end.row !== undefined && (end.row < 1 || end.row > MAX_ROWS)) return undefined;
  if (end.column !== undefined && end.column > MAX_COLUMNS) return undefined;
  return end;
}

/** One area of a Range address on this sheet ("B3", "'报表'!B3:C4", "A:C", "2:5"); undefined when invalid. */
function parseArea(text: string, sheetName: string): Area | undefined {
  const bang = text.lastIndexOf("!");
  if (bang >= 0 && unquoteSheet(text.slice(0, bang)).toLowerCase() !== sheetName.toLowerCase()) return undefined;
  const parts = text.slice(bang + 1).split(":");
  if (parts.length > 2) return undefined;
  const first = parseEnd(parts[0]);
  const second = parts.length === 2 ? parseEnd(parts[1]) : first;
  if (!first || !second || (first.row === undefined) !== (second.row === undefined) || (first.column === undefined) !== (second.column === undefined)) return undefined;
  if (parts.length === 1 && (first.row === undefined || first.column === undefined)) return undefined;
  const rows = first.row === undefined || second.row === undefined ? [1, MAX_ROWS] : [first.row, second.row];
  const columns = first.column === undefined || second.column === undefined ? [1, MAX_COLUMNS] : [first.column, second.column];
  return { top: Math.min(rows[0], rows[1]), bottom: Math.max(rows[0], rows[1]), left: Math.min(columns[0], columns[1]), right: Math.max(columns[0], columns[1]) };
}

/** The areas of an address list ("A1,B3:C4"); throws as Worksheet.Range does on an invalid one. */
function parseAreas(address: unknown, sheetName: string): Area[] {
  const fail = () => comError("Method 'Range' of object '_Worksheet' failed", JSON.stringify(address));
  if (typeof address !== "string" || address.trim() === "") throw fail();
  return address.split(",").map((part) => {
    const area = parseArea(part.trim(), sheetName);
    if (!area) throw fail();
    return area;
  });
}

/** Cells are keyed by their row-major position, so the keys' order is the sheet's reading order. */
function cellKey(row: number, column: number): number {
  return (row - 1) * MAX_COLUMNS + (column - 1);
}

function keyRow(key: number): number {
  return Math.floor(key / MAX_COLUMNS) + 1;
}

function keyColumn(key: number): number {
  return (key % MAX_COLUMNS) + 1;
}

// ---------------------------------------------------------------------------------------------
// Cells

interface Style {
  fill?: number;
  fontColor?: number;
  bold?: boolean;
}

type StyleKey = keyof Style;

interface CellState extends Style {
  /** undefined: no value. A formula's value is its cached result. */
  value: FakeValue | undefined;
  formula: string | undefined;
  numberFormat: string;
  comment: string | undefined;
}

/** What a cell holds after a write. */
interface Entry {
  value: FakeValue | undefined;
  formula: string | undefined;
}

const NUMBER_TEXT = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;

/**
 * A written formula's Value2 until WPS would recalculate: the text of a HYPERLINK (which the
 * adapter writes for links to a cell), otherwise the formula itself.
 */
function formulaPlaceholder(formula: string): string {
  const link = /^=HYPERLINK\(\s*"(?:[^"]|"")*"\s*,\s*"((?:[^"]|"")*)"\s*\)$/i.exec(formula);
  return link ? link[1].replace(/""/g, '"') : formula;
}

/**
 * What a cell holds once `input` is written to it through Value2 or Formula. Text is converted as
 * if typed — "=…" becomes a formula, "007" the number 7, "true" a boolean, "#N/A" an error —
 * except in a cell formatted as text ("@"), where it stays exactly as written. Dates, percentages
 * and thousands separators are not converted by the fake.
 */
function entered(input: unknown, numberFormat: string): Entry {
  if (input === undefined || input === null || input === "") return { value: undefined, formula: undefined };
  if (typeof input === "boolean" || (typeof input === "number" && isFinite(input))) return { value: input, formula: undefined };
  if (typeof input !== "string") throw comError("Type mismatch", `cannot write ${String(input)} to a cell`);
  if (numberFormat === TEXT_FORMAT) return { value: input, formula: undefined };
  if (input.length > 1 && input.charAt(0) === "=") return { value: formulaPlaceholder(input), formula: input };
  if (NUMBER_TEXT.test(input)) return { value: Number(input), formula: undefined };
  if (/^(true|false)$/i.test(input)) return { value: input.toUpperCase() === "TRUE", formula: undefined };
  if (ERROR_VALUES.hasOwnProperty(input.toUpperCase())) return { value: { error: input.toUpperCase() }, formula: undefined };
  return { value: input, formula: undefined };
}

function value2Of(cell: CellState | undefined): unknown {
  if (!cell || cell.value === undefined) return undefined;
  return typeof cell.value === "object" ? ERROR_VALUES[cell.value.error] : cell.value;
}

/** Range.Formula of a cell: its formula, else its constant as text (a date as its serial: the fake formats no dates). */
function formulaOf(cell: CellState | undefined): string {
  if (!cell) return "";
  if (cell.formula !== undefined) return cell.formula;
  const value = cell.value;
  if (value === undefined) return "";
  if (typeof value === "object") return value.error;
  if (typeof value === "boolean") return value ? "TRUE" : "FALSE";
  if (typeof value === "number") return String(Number(value.toPrecision(15)));
  return value;
}

function blankCell(): CellState {
  return { value: undefined, formula: undefined, numberFormat: GENERAL, comment: undefined };
}

function isBlank(cell: CellState): boolean {
  return cell.value === undefined && cell.numberFormat === GENERAL && cell.comment === undefined && cell.fill === undefined && cell.fontColor === undefined && !cell.bold;
}

function copyCell(cell: CellState): CellState {
  return { value: cell.value, formula: cell.formula, numberFormat: cell.numberFormat, comment: cell.comment, fill: cell.fill, fontColor: cell.fontColor, bold: cell.bold };
}

// ---------------------------------------------------------------------------------------------
// Workbook state

interface ConditionState extends Style {
  areas: Area[];
  type: number;
  operator: number | undefined;
  formula1: string;
  deleted: boolean;
}

interface ValidationState {
  areas: Area[];
  type: number;
  alertStyle: number | undefined;
  operator: number | undefined;
  formula1: string | undefined;
  formula2: string | undefined;
  InputTitle: string;
  InputMessage: string;
  ErrorTitle: string;
  ErrorMessage: string;
  ShowInput: boolean;
  ShowError: boolean;
}

type ValidationText = "InputTitle" | "InputMessage" | "ErrorTitle" | "ErrorMessage";
type ValidationFlag = "ShowInput" | "ShowError";

interface NameState {
  /** Without the sheet. */
  name: string;
  refersTo: string;
  visible: boolean;
  /** The sheet a sheet's own name belongs to; undefined for a workbook name. */
  sheet: SheetState | undefined;
  deleted: boolean;
}

interface SheetState {
  name: string;
  visible: number;
  cells: Map<number, CellState>;
  merges: Area[];
  conditions: ConditionState[];
  validations: ValidationState[];
  columnWidths: Map<number, number>;
  freeze: FakeFreezeData;
  autoFilter: Area[] | undefined;
  selection: Area[] | undefined;
  deleted: boolean;
}

interface ResolvedOptions {
  oneRowAs1D: boolean;
  throwOnValue2Write: boolean;
  version: string;
}

function newSheet(name: string): SheetState {
  return {
    name,
    visible: -1,
    cells: new Map(),
    merges: [],
    conditions: [],
    validations: [],
    columnWidths: new Map(),
    freeze: { freezePanes: false, splitRow: 0, splitColumn: 0 },
    autoFilter: undefined,
    selection: undefined,
    deleted: false,
  };
}

function checkSheetName(sheets: SheetState[], name: unknown, except?: SheetState): string {
  if (typeof name !== "string" || name.length === 0 || name.length > 31 || /[[\]:*?/\\]/.test(name) || /^'|'$/.test(name)) {
    throw comError(APP_ERROR, `invalid sheet name ${JSON.stringify(name)}`);
  }
  if (sheets.some((sheet) => sheet !== except && sheet.name.toLowerCase() === name.toLowerCase())) {
    throw comError("That name is already taken. Try a different one.", name);
  }
  return name;
}

function checkDefinedName(name: unknown): string {
  if (typeof name !== "string" || name.length > 255 || !/^[A-Za-z_\\\u00C0-\uFFFF][A-Za-z0-9_.\\?\u00C0-\uFFFF]*$/.test(name) || looksLikeReference(name)) {
    throw comError(APP_ERROR, `invalid name ${JSON.stringify(name)}`);
  }
  return name;
}

/** Name.RefersTo as Excel stores it: a formula as given, a constant as a formula of that constant. */
function refersToText(value: unknown): string {
  if (typeof value === "string") return value.charAt(0) === "=" ? value : `="${value.replace(/"/g, '""')}"`;
  if (typeof value === "number" && isFinite(value)) return `=${value}`;
  if (typeof value === "boolean") return value ? "=TRUE" : "=FALSE";
  throw comError(APP_ERROR, `RefersTo ${String(value)}`);
}

function checkColor(value: unknown): number {
  if (typeof value !== "number" || value !== Math.floor(value) || value < 0 || value > 0xffffff) throw comError(APP_ERROR, `colour ${String(value)}`);
  return value;
}

class Book {
  readonly sheets: SheetState[] = [];
  readonly names: NameState[] = [];
  /** Set by createFakeEt once the sheets are loaded. */
  active!: SheetState;
  screenUpdating = true;
  displayAlerts = true;
  calculation = -4105;
  readonly panes: FakeTaskPaneData[] = [];
  readonly storage = new Map<string, string>();
  readonly customFunctions = new Map<string, FakeCustomFunction>();
  calls = 0;
  callLog: string[] = [];

  constructor(
    public name: string,
    readonly options: ResolvedOptions,
  ) {}

  record(member: string): void {
    this.calls += 1;
    this.callLog.push(member);
  }

  sheetNamed(name: string): SheetState {
    const sheet = this.sheets.find((s) => s.name.toLowerCase() === name.toLowerCase());
    if (!sheet) throw new Error(`fake ET: no sheet ${JSON.stringify(name)} in ${this.sheets.map((s) => s.name).join(", ")}`);
    return sheet;
  }

  activate(sheet: SheetState): void {
    if (sheet.visible !== -1) throw comError("Activate method of Worksheet class failed", `${sheet.name} is hidden`);
    this.active = sheet;
  }

  /** Puts a new sheet before `before`, after `after`, or else before the active sheet, as Excel does. */
  insert(sheet: SheetState, before: SheetState | undefined, after: SheetState | undefined): void {
    if (before && after) throw comError(APP_ERROR, "both Before and After");
    const index = after ? this.sheets.indexOf(after) + 1 : this.sheets.indexOf(before || this.active);
    this.sheets.splice(index, 0, sheet);
  }

  /** When the active sheet goes (deleted or hidden): the next visible sheet, else the one before. */
  activateNeighbour(of: SheetState): void {
    const index = this.sheets.indexOf(of);
    const next = this.sheets.slice(index + 1).find((s) => s.visible === -1);
    const previous = this.sheets.slice(0, index).reverse().find((s) => s.visible === -1);
    const neighbour = next || previous;
    if (neighbour) this.active = neighbour;
  }

  visibleSheets(): SheetState[] {
    return this.sheets.filter((s) => s.visible === -1);
  }
}

/** Stores into one cell, creating it, and drops it again once it holds nothing, so UsedRange stays true. */
function update(sheet: SheetState, row: number, column: number, change: (cell: CellState) => void): void {
  const key = cellKey(row, column);
  const cell = sheet.cells.get(key) || blankCell();
  change(cell);
  if (isBlank(cell)) sheet.cells.delete(key);
  else sheet.cells.set(key, cell);
}

/** Calls `visit` for every stored cell inside the area, walking whichever is smaller: the area or the map. */
function visitStored(sheet: SheetState, area: Area, visit: (cell: CellState, row: number, column: number) => void): void {
  if (areaSize(area) <= sheet.cells.size) {
    for (let row = area.top; row <= area.bottom; row++) {
      for (let column = area.left; column <= area.right; column++) {
        const cell = sheet.cells.get(cellKey(row, column));
        if (cell) visit(cell, row, column);
      }
    }
    return;
  }
  sheet.cells.forEach((cell, key) => {
    const row = keyRow(key);
    const column = keyColumn(key);
    if (row >= area.top && row <= area.bottom && column >= area.left && column <= area.right) visit(cell, row, column);
  });
}

/** The one value `pick` gives every cell of the areas (`blank` for a cell never written), or null when they differ. */
function common<T>(sheet: SheetState, areas: Area[], pick: (cell: CellState) => T, blank: T): T | null {
  const seen: T[] = [];
  const note = (value: T) => {
    if (seen.indexOf(value) < 0) seen.push(value);
  };
  for (const area of areas) {
    let stored = 0;
    visitStored(sheet, area, (cell) => {
      stored += 1;
      note(pick(cell));
    });
    if (stored < areaSize(area)) note(blank);
  }
  return seen.length === 1 ? seen[0] : null;
}

/** Refuses to visit cell by cell what could be billions of cells (see MAX_DENSE_CELLS). */
function checkDense(areas: Area[], what: string): void {
  let total = 0;
  for (const area of areas) {
    if ((area.top === 1 && area.bottom === MAX_ROWS) || (area.left === 1 && area.right === MAX_COLUMNS)) throw notModelled(`${what} whole rows or columns (${addressOf(areas, false, false)})`);
    total += areaSize(area);
  }
  if (total > MAX_DENSE_CELLS) throw notModelled(`${what} more than ${MAX_DENSE_CELLS} cells`);
}

function forEachCell(areas: Area[], visit: (row: number, column: number) => void): void {
  for (const area of areas) {
    for (let row = area.top; row <= area.bottom; row++) {
      for (let column = area.left; column <= area.right; column++) visit(row, column);
    }
  }
}

/**
 * et-jsapi-declare types Font.Bold, Font.Color and ColumnWidth as plain booleans and numbers; WPS,
 * like Excel, gives null for a range whose cells differ. The fake gives what WPS gives.
 */
function mixedAsDeclared<T>(value: T | null): T {
  return value as T;
}

// ---------------------------------------------------------------------------------------------
// The object model

/**
 * Every object of the model: each member access crosses WPS's process boundary, so each is
 * counted, as "<Kind>.<Member>.get" / ".set" for properties and "<Kind>.<Method>" for methods.
 */
abstract class ModelObject {
  constructor(
    protected readonly book: Book,
    private readonly kind: string,
  ) {}

  protected hit(member: string): void {
    this.book.record(`${this.kind}.${member}`);
    this.ensureAlive();
  }

  /** Throws when what the object stands for is gone, as a COM object of a deleted sheet does. */
  protected ensureAlive(): void {}
}

abstract class SheetBound extends ModelObject {
  constructor(
    book: Book,
    kind: string,
    protected readonly sheet: SheetState,
  ) {
    super(book, kind);
  }

  protected override ensureAlive(): void {
    if (this.sheet.deleted) throw comError(DISCONNECTED, `sheet ${this.sheet.name} was deleted`);
  }
}

/** Range.Rows and Range.Columns, as far as the adapter uses them. */
class CountObject extends SheetBound implements EtCounted {
  constructor(
    book: Book,
    kind: "Rows" | "Columns",
    sheet: SheetState,
    private readonly count: number,
  ) {
    super(book, kind, sheet);
  }

  get Count(): number {
    this.hit("Count.get");
    return this.count;
  }
}

/** Where Interior and Font read and write: a range's cells, or a conditional format. */
interface StyleTarget {
  ensureAlive(): void;
  get(key: StyleKey): unknown;
  set(key: StyleKey, value: number | boolean): void;
}

const STYLE_DEFAULTS: Required<Style> = { fill: NO_FILL, fontColor: AUTOMATIC_FONT, bold: false };

function rangeStyle(sheet: SheetState, areas: Area[]): StyleTarget {
  return {
    ensureAlive() {
      if (sheet.deleted) throw comError(DISCONNECTED, `sheet ${sheet.name} was deleted`);
    },
    get(key) {
      return common<unknown>(sheet, areas, (cell) => (cell[key] === undefined ? STYLE_DEFAULTS[key] : cell[key]), STYLE_DEFAULTS[key]);
    },
    set(key, value) {
      checkDense(areas, "formatting");
      forEachCell(areas, (row, column) =>
        update(sheet, row, column, (cell) => {
          if (key === "bold") cell.bold = value === true ? true : undefined;
          else cell[key] = value as number;
        }),
      );
    },
  };
}

/** A conditional format changes only what was set on it: an unset colour reads as null. */
function conditionStyle(condition: ConditionState): StyleTarget {
  return {
    ensureAlive() {
      if (condition.deleted) throw comError(DISCONNECTED, "the conditional format was deleted");
    },
    get(key) {
      return condition[key] === undefined ? null : condition[key];
    },
    set(key, value) {
      if (key === "bold") condition.bold = value as boolean;
      else condition[key] = value as number;
    },
  };
}

class InteriorObject extends ModelObject implements EtInterior {
  constructor(
    book: Book,
    private readonly target: StyleTarget,
  ) {
    super(book, "Interior");
  }

  protected override ensureAlive(): void {
    this.target.ensureAlive();
  }

  get Color(): unknown {
    this.hit("Color.get");
    return this.target.get("fill");
  }

  set Color(value: unknown) {
    this.hit("Color.set");
    this.target.set("fill", checkColor(value));
  }
}

class FontObject extends ModelObject implements EtFont {
  constructor(
    book: Book,
    private readonly target: StyleTarget,
  ) {
    super(book, "Font");
  }

  protected override ensureAlive(): void {
    this.target.ensureAlive();
  }

  get Bold(): boolean {
    this.hit("Bold.get");
    return mixedAsDeclared(this.target.get("bold") as boolean | null);
  }

  set Bold(value: boolean) {
    this.hit("Bold.set");
    this.target.set("bold", Boolean(value));
  }

  get Color(): number {
    this.hit("Color.get");
    return mixedAsDeclared(this.target.get("fontColor") as number | null);
  }

  set Color(value: number) {
    this.hit("Color.set");
    this.target.set("fontColor", checkColor(value));
  }
}

class CommentObject extends SheetBound implements EtComment {
  constructor(
    book: Book,
    sheet: SheetState,
    private readonly key: number,
  ) {
    super(book, "Comment", sheet);
  }

  protected override ensureAlive(): void {
    super.ensureAlive();
    const cell = this.sheet.cells.get(this.key);
    if (!cell || cell.comment === undefined) throw comError(DISCONNECTED, `the comment of ${cellName(keyRow(this.key), keyColumn(this.key))} was deleted`);
  }

  Text(): string {
    this.hit("Text");
    return (this.sheet.cells.get(this.key) as CellState).comment as string;
  }

  Delete(): void {
    this.hit("Delete");
    update(this.sheet, keyRow(this.key), keyColumn(this.key), (cell) => {
      cell.comment = undefined;
    });
  }
}

/** Worksheet.Comments, in the sheet's reading order. */
class CommentsObject extends SheetBound implements EtComments {
  constructor(book: Book, sheet: SheetState) {
    super(book, "Comments", sheet);
  }

  private keys(): number[] {
    const keys: number[] = [];
    this.sheet.cells.forEach((cell, key) => {
      if (cell.comment !== undefined) keys.push(key);
    });
    return keys.sort((a, b) => a - b);
  }

  get Count(): number {
    this.hit("Count.get");
    return this.keys().length;
  }

  Item(index: number): EtComment {
    this.hit("Item");
    const key = this.keys()[index - 1];
    if (key === undefined) throw comError(SUBSCRIPT_ERROR, `Comments.Item(${index})`);
    return new CommentObject(this.book, this.sheet, key);
  }
}

class FormatConditionObject extends SheetBound implements EtFormatCondition {
  constructor(
    book: Book,
    sheet: SheetState,
    private readonly condition: ConditionState,
  ) {
    super(book, "FormatCondition", sheet);
  }

  protected override ensureAlive(): void {
    super.ensureAlive();
    if (this.condition.deleted) throw comError(DISCONNECTED, "the conditional format was deleted");
  }

  get Type(): number {
    this.hit("Type.get");
    return this.condition.type;
  }

  get Formula1(): string {
    this.hit("Formula1.get");
    return this.condition.formula1;
  }

  get Interior(): EtInterior {
    this.hit("Interior.get");
    return new InteriorObject(this.book, conditionStyle(this.condition));
  }

  get Font(): EtFont {
    this.hit("Font.get");
    return new FontObject(this.book, conditionStyle(this.condition));
  }

  Delete(): void {
    this.hit("Delete");
    this.condition.deleted = true;
    this.sheet.conditions.splice(this.sheet.conditions.indexOf(this.condition), 1);
  }
}

/** Range.FormatConditions: the sheet's conditional formats that touch the range (all of them for Cells). */
class FormatConditionsObject extends SheetBound implements EtFormatConditions {
  constructor(
    book: Book,
    sheet: SheetState,
    private readonly areas: Area[],
  ) {
    super(book, "FormatConditions", sheet);
  }

  private list(): ConditionState[] {
    return this.sheet.conditions.filter((condition) => overlaps(condition.areas, this.areas));
  }

  get Count(): number {
    this.hit("Count.get");
    return this.list().length;
  }

  Item(index: number): EtFormatCondition {
    this.hit("Item");
    const condition = this.list()[index - 1];
    if (!condition) throw comError(SUBSCRIPT_ERROR, `FormatConditions.Item(${index})`);
    return new FormatConditionObject(this.book, this.sheet, condition);
  }

  Add(type: number, operator?: unknown, formula1?: unknown): EtFormatCondition {
    this.hit("Add");
    if (typeof type !== "number") throw comError(APP_ERROR, `FormatConditions.Add type ${String(type)}`);
    if (formula1 !== undefined && typeof formula1 !== "string" && typeof formula1 !== "number") throw comError(APP_ERROR, `FormatConditions.Add formula ${String(formula1)}`);
    if (type === 2 && typeof formula1 !== "string") throw comError(APP_ERROR, "an expression condition needs Formula1");
    const condition: ConditionState = {
      areas: this.areas.slice(),
      type,
      operator: typeof operator === "number" ? operator : undefined,
      formula1: formula1 === undefined ? "" : String(formula1),
      deleted: false,
    };
    this.sheet.conditions.push(condition);
    return new FormatConditionObject(this.book, this.sheet, condition);
  }
}

/** Range.Validation: the one validation of the range's cells. */
class ValidationObject extends SheetBound implements EtValidation {
  constructor(
    book: Book,
    sheet: SheetState,
    private readonly areas: Area[],
  ) {
    super(book, "Validation", sheet);
  }

  /** Excel reads and changes a validation only where the range has exactly one. */
  private only(member: string): ValidationState {
    const found = this.sheet.validations.filter((validation) => overlaps(validation.areas, this.areas));
    if (found.length !== 1) throw comError(APP_ERROR, `Validation.${member}: the range has ${found.length} validations`);
    return found[0];
  }

  Add(type: number, alertStyle?: number, operator?: number, formula1?: string, formula2?: string): void {
    this.hit("Add");
    if (this.sheet.validations.some((validation) => overlaps(validation.areas, this.areas))) throw comError(APP_ERROR, "Validation.Add: the range has a validation, Delete it first");
    if (typeof type !== "number") throw comError(APP_ERROR, `Validation.Add type ${String(type)}`);
    if (type !== 0 && formula1 === undefined) throw comError(APP_ERROR, "Validation.Add needs Formula1");
    if (type === 3 && typeof formula1 === "string" && formula1.charAt(0) !== "=" && formula1.length > MAX_LIST_LENGTH) {
      throw comError(APP_ERROR, `a list of ${formula1.length} characters, over ${MAX_LIST_LENGTH}`);
    }
    this.sheet.validations.push({
      areas: this.areas.slice(),
      type,
      alertStyle,
      operator,
      formula1: formula1 === undefined ? undefined : String(formula1),
      formula2: formula2 === undefined ? undefined : String(formula2),
      InputTitle: "",
      InputMessage: "",
      ErrorTitle: "",
      ErrorMessage: "",
      ShowInput: true,
      ShowError: true,
    });
  }

  /** Removes validation from the range's cells, cutting validations that cover more. */
  Delete(): void {
    this.hit("Delete");
    for (const validation of this.sheet.validations) {
      let areas = validation.areas;
      for (const hole of this.areas) areas = ([] as Area[]).concat(...areas.map((area) => subtract(area, hole)));
      validation.areas = areas;
    }
    this.sheet.validations = this.sheet.validations.filter((validation) => validation.areas.length > 0);
  }

  private getText(key: ValidationText): string {
    this.hit(`${key}.get`);
    return this.only(key)[key];
  }

  private setText(key: ValidationText, value: string): void {
    this.hit(`${key}.set`);
    const text = String(value);
    if (text.length > VALIDATION_TEXT_LIMITS[key]) throw comError(APP_ERROR, `${key} of ${text.length} characters, over ${VALIDATION_TEXT_LIMITS[key]}`);
    this.only(key)[key] = text;
  }

  private getFlag(key: ValidationFlag): boolean {
    this.hit(`${key}.get`);
    return this.only(key)[key];
  }

  private setFlag(key: ValidationFlag, value: boolean): void {
    this.hit(`${key}.set`);
    this.only(key)[key] = Boolean(value);
  }

  get InputTitle(): string {
    return this.getText("InputTitle");
  }

  set InputTitle(value: string) {
    this.setText("InputTitle", value);
  }

  get InputMessage(): string {
    return this.getText("InputMessage");
  }

  set InputMessage(value: string) {
    this.setText("InputMessage", value);
  }

  get ErrorTitle(): string {
    return this.getText("ErrorTitle");
  }

  set ErrorTitle(value: string) {
    this.setText("ErrorTitle", value);
  }

  get ErrorMessage(): string {
    return this.getText("ErrorMessage");
  }

  set ErrorMessage(value: string) {
    this.setText("ErrorMessage", value);
  }

  get ShowInput(): boolean {
    return this.getFlag("ShowInput");
  }

  set ShowInput(value: boolean) {
    this.setFlag("ShowInput", value);
  }

  get ShowError(): boolean {
    return this.getFlag("ShowError");
  }

  set ShowError(value: boolean) {
    this.setFlag("ShowError", value);
  }
}

class RangeObject extends SheetBound implements EtRange {
  constructor(
    book: Book,
    sheet: SheetState,
    private readonly areas: Area[],
  ) {
    super(book, "Range", sheet);
  }

  Address(rowAbsolute?: boolean, columnAbsolute?: boolean): string {
    this.hit("Address");
    return addressOf(this.areas, rowAbsolute !== false, columnAbsolute !== false);
  }

  get Row(): number {
    this.hit("Row.get");
    return this.areas[0].top;
  }

  get Column(): number {
    this.hit("Column.get");
    return this.areas[0].left;
  }

  get Rows(): EtCounted {
    this.hit("Rows.get");
    return new CountObject(this.book, "Rows", this.sheet, this.areas[0].bottom - this.areas[0].top + 1);
  }

  get Columns(): EtCounted {
    this.hit("Columns.get");
    return new CountObject(this.book, "Columns", this.sheet, this.areas[0].right - this.areas[0].left + 1);
  }

  get Count(): number {
    this.hit("Count.get");
    return this.areas.reduce((total, area) => total + areaSize(area), 0);
  }

  get Value2(): unknown {
    this.hit("Value2.get");
    return this.read(value2Of);
  }

  /**
   * Not in the adapter's subset, which never writes it: writing Range.Value throws on some WPS
   * builds, so here it always does, and code that strays to it fails its test.
   */
  get Value(): unknown {
    this.hit("Value.get");
    return this.read(value2Of);
  }

  set Value(_value: unknown) {
    this.hit("Value.set");
    throw comError(APP_ERROR, "this build throws on a Range.Value write: write Value2");
  }

  set Value2(value: unknown) {
    this.hit("Value2.set");
    if (this.book.options.throwOnValue2Write) throw comError(APP_ERROR, "a Value2 write failed (option throwOnValue2Write)");
    this.write(value);
  }

  get Formula(): unknown {
    this.hit("Formula.get");
    return this.read(formulaOf);
  }

  set Formula(value: unknown) {
    this.hit("Formula.set");
    this.write(value);
  }

  get NumberFormat(): unknown {
    this.hit("NumberFormat.get");
    return common(this.sheet, this.areas, (cell) => cell.numberFormat, GENERAL);
  }

  set NumberFormat(value: unknown) {
    this.hit("NumberFormat.set");
    if (typeof value !== "string") throw comError(APP_ERROR, `NumberFormat ${String(value)}`);
    checkDense(this.areas, "formatting");
    forEachCell(this.areas, (row, column) =>
      update(this.sheet, row, column, (cell) => {
        cell.numberFormat = value;
      }),
    );
  }

  get MergeCells(): unknown {
    this.hit("MergeCells.get");
    const states = this.areas.map((area) => {
      const merged = this.sheet.merges.reduce((total, merge) => {
        const shared = intersection(merge, area);
        return total + (shared ? areaSize(shared) : 0);
      }, 0);
      return merged === 0 ? false : merged === areaSize(area) ? true : null;
    });
    return states.every((state) => state === states[0]) ? states[0] : null;
  }

  set MergeCells(value: unknown) {
    this.hit("MergeCells.set");
    if (value) this.merge(false);
    else this.sheet.merges = this.sheet.merges.filter((merge) => !overlaps([merge], this.areas));
  }

  /** The merged area holding the range, else the range itself (a cell outside any merge: the cell). */
  get MergeArea(): EtRange {
    this.hit("MergeArea.get");
    const first = this.areas[0];
    const merge = this.areas.length === 1 ? this.sheet.merges.find((m) => contains(m, first)) : undefined;
    return new RangeObject(this.book, this.sheet, merge ? [merge] : this.areas);
  }

  Merge(across?: boolean): void {
    this.hit("Merge");
    this.merge(across === true);
  }

  get Comment(): EtComment | null {
    this.hit("Comment.get");
    const key = cellKey(this.areas[0].top, this.areas[0].left);
    const cell = this.sheet.cells.get(key);
    return cell && cell.comment !== undefined ? new CommentObject(this.book, this.sheet, key) : null;
  }

  /** On the range's first cell, which must not have one yet (Excel throws too). */
  AddComment(text?: string): EtComment {
    this.hit("AddComment");
    const { top, left } = this.areas[0];
    const cell = this.sheet.cells.get(cellKey(top, left));
    if (cell && cell.comment !== undefined) throw comError(APP_ERROR, `${cellName(top, left)} already has a comment`);
    update(this.sheet, top, left, (c) => {
      c.comment = text === undefined ? "" : String(text);
    });
    return new CommentObject(this.book, this.sheet, cellKey(top, left));
  }

  get FormatConditions(): EtFormatConditions {
    this.hit("FormatConditions.get");
    return new FormatConditionsObject(this.book, this.sheet, this.areas);
  }

  get Interior(): EtInterior {
    this.hit("Interior.get");
    return new InteriorObject(this.book, rangeStyle(this.sheet, this.areas));
  }

  get Font(): EtFont {
    this.hit("Font.get");
    return new FontObject(this.book, rangeStyle(this.sheet, this.areas));
  }

  get ColumnWidth(): number {
    this.hit("ColumnWidth.get");
    const widths: number[] = [];
    for (const area of this.areas) {
      for (let column = area.left; column <= area.right; column++) {
        const width = this.sheet.columnWidths.get(column);
        const value = width === undefined ? DEFAULT_COLUMN_WIDTH : width;
        if (widths.indexOf(value) < 0) widths.push(value);
      }
    }
    return mixedAsDeclared(widths.length === 1 ? widths[0] : null);
  }

  set ColumnWidth(width: number) {
    this.hit("ColumnWidth.set");
    if (typeof width !== "number" || !(width >= 0 && width <= 255)) throw comError("Unable to set the ColumnWidth property of the Range class", String(width));
    for (const area of this.areas) {
      for (let column = area.left; column <= area.right; column++) this.sheet.columnWidths.set(column, width);
    }
  }

  get Validation(): EtValidation {
    this.hit("Validation.get");
    return new ValidationObject(this.book, this.sheet, this.areas);
  }

  Select(): unknown {
    this.hit("Select");
    return this.select("Select");
  }

  Activate(): unknown {
    this.hit("Activate");
    return this.select("Activate");
  }

  /** The same top-left cell, `rows` × `columns` (each kept when undefined). */
  Resize(rows?: number, columns?: number): EtRange {
    this.hit("Resize");
    const { top, left, bottom, right } = this.areas[0];
    const height = rows === undefined ? bottom - top + 1 : rows;
    const width = columns === undefined ? right - left + 1 : columns;
    if (!(height >= 1 && width >= 1 && top + height - 1 <= MAX_ROWS && left + width - 1 <= MAX_COLUMNS)) throw comError(APP_ERROR, `Resize(${rows}, ${columns})`);
    return new RangeObject(this.book, this.sheet, [{ top, left, bottom: top + height - 1, right: left + width - 1 }]);
  }

  /** The cell at (row, column) counted from the range's top-left (may lie outside it); Item(n) counts along rows. */
  Item(row: number, column?: number): EtRange {
    this.hit("Item");
    const { top, left, right } = this.areas[0];
    const width = right - left + 1;
    const target = column === undefined ? { row: top + Math.floor((row - 1) / width), column: left + ((row - 1) % width) } : { row: top + row - 1, column: left + column - 1 };
    if (!(target.row >= 1 && target.row <= MAX_ROWS && target.column >= 1 && target.column <= MAX_COLUMNS)) throw comError(APP_ERROR, `Item(${row}, ${column})`);
    return new RangeObject(this.book, this.sheet, [cellArea(target.row, target.column)]);
  }

  /** Turns the sheet's AutoFilter on for the range, or off when the sheet has one, as the button does. */
  AutoFilter(): unknown {
    this.hit("AutoFilter");
    if (this.areas.length > 1) throw comError("AutoFilter method of Range class failed", addressOf(this.areas));
    this.sheet.autoFilter = this.sheet.autoFilter ? undefined : this.areas;
    return true;
  }

  /** Value2 or Formula: a scalar for one cell, rows of cells for more (1-D for one row with oneRowAs1D). */
  private read(pick: (cell: CellState | undefined) => unknown): unknown {
    const area = this.areas[0];
    checkDense([area], "reading");
    const at = (row: number, column: number) => pick(this.sheet.cells.get(cellKey(row, column)));
    if (areaSize(area) === 1) return at(area.top, area.left);
    const rows: unknown[][] = [];
    for (let row = area.top; row <= area.bottom; row++) {
      const cells: unknown[] = [];
      for (let column = area.left; column <= area.right; column++) cells.push(at(row, column));
      rows.push(cells);
    }
    return this.book.options.oneRowAs1D && rows.length === 1 ? rows[0] : rows;
  }

  /**
   * A scalar goes to every cell; an array must have the range's shape (a 1-D array for one row),
   * and goes to each area. Every cell is converted before any is stored, so a bad value leaves
   * the sheet as it was.
   */
  private write(input: unknown): void {
    checkDense(this.areas, "writing");
    const entries: { row: number; column: number; entry: Entry }[] = [];
    for (const area of this.areas) {
      const rows = area.bottom - area.top + 1;
      const columns = area.right - area.left + 1;
      const grid = Array.isArray(input) ? (input.length > 0 && Array.isArray(input[0]) ? (input as unknown[]) : [input]) : undefined;
      if (grid && (grid.length !== rows || grid.some((line) => !Array.isArray(line) || line.length !== columns))) {
        throw notModelled(`writing an array that is not ${rows}×${columns} to ${areaAddress(area, false, false)} (Excel would repeat or pad it with #N/A)`);
      }
      for (let r = 0; r < rows; r++) {
        for (let c = 0; c < columns; c++) {
          const row = area.top + r;
          const column = area.left + c;
          const cell = this.sheet.cells.get(cellKey(row, column));
          const value = grid ? (grid[r] as unknown[])[c] : input;
          entries.push({ row, column, entry: entered(value, cell ? cell.numberFormat : GENERAL) });
        }
      }
    }
    for (const { row, column, entry } of entries) {
      update(this.sheet, row, column, (cell) => {
        cell.value = entry.value;
        cell.formula = entry.formula;
      });
    }
  }

  /** Merges each area (each row of each area when `across`), keeping only the top-left value. */
  private merge(across: boolean): void {
    const targets: Area[] = [];
    for (const area of this.areas) {
      if (!across) targets.push(area);
      else for (let row = area.top; row <= area.bottom; row++) targets.push({ top: row, left: area.left, bottom: row, right: area.right });
    }
    for (const target of targets) {
      if (areaSize(target) === 1) continue;
      if (this.sheet.merges.some((merge) => intersection(merge, target) && !contains(target, merge))) throw notModelled(`merging ${areaAddress(target, false, false)} across part of a merged area`);
      this.sheet.merges = this.sheet.merges.filter((merge) => !contains(target, merge));
      this.sheet.merges.push(target);
      const cleared: { row: number; column: number }[] = [];
      visitStored(this.sheet, target, (_cell, row, column) => {
        if (row !== target.top || column !== target.left) cleared.push({ row, column });
      });
      for (const { row, column } of cleared) {
        update(this.sheet, row, column, (cell) => {
          cell.value = undefined;
          cell.formula = undefined;
        });
      }
    }
  }

  /** Excel selects only on the active sheet. */
  private select(method: string): boolean {
    if (this.sheet !== this.book.active) throw comError(`${method} method of Range class failed`, `${this.sheet.name} is not the active sheet`);
    this.sheet.selection = this.areas;
    return true;
  }
}

class NameObject extends ModelObject implements EtName {
  constructor(
    book: Book,
    private readonly state: NameState,
  ) {
    super(book, "Name");
  }

  protected override ensureAlive(): void {
    if (this.state.deleted) throw comError(DISCONNECTED, `name ${this.state.name} was deleted`);
  }

  /** A sheet's own name reads "报表!名称", as in Excel. */
  get Name(): string {
    this.hit("Name.get");
    return qualifiedName(this.state);
  }

  set Name(value: string) {
    this.hit("Name.set");
    const name = checkDefinedName(value);
    if (findName(this.book, this.state.sheet, name, this.state)) throw comError(APP_ERROR, `name ${name} is taken`);
    this.state.name = name;
  }

  get RefersTo(): string {
    this.hit("RefersTo.get");
    return this.state.refersTo;
  }

  set RefersTo(value: string) {
    this.hit("RefersTo.set");
    this.state.refersTo = refersToText(value);
  }

  get Visible(): boolean {
    this.hit("Visible.get");
    return this.state.visible;
  }

  set Visible(value: boolean) {
    this.hit("Visible.set");
    this.state.visible = Boolean(value);
  }

  Delete(): void {
    this.hit("Delete");
    this.state.deleted = true;
    this.book.names.splice(this.book.names.indexOf(this.state), 1);
  }
}

function qualifiedName(state: NameState): string {
  return state.sheet ? `${sheetReference(state.sheet.name)}!${state.name}` : state.name;
}

/** The name `name` of that scope (a sheet, or the workbook when undefined), case-insensitively. */
function findName(book: Book, scope: SheetState | undefined, name: string, except?: NameState): NameState | undefined {
  return book.names.find((state) => state !== except && state.sheet === scope && state.name.toLowerCase() === name.toLowerCase());
}

/**
 * Workbook.Names holds every name, the sheets' own included (as "报表!名称"); Worksheet.Names holds
 * that sheet's own names. In either, "报表!名称" reaches a sheet's own name.
 */
class NamesObject extends ModelObject implements EtNames {
  constructor(
    book: Book,
    private readonly scope: SheetState | undefined,
  ) {
    super(book, "Names");
  }

  protected override ensureAlive(): void {
    if (this.scope && this.scope.deleted) throw comError(DISCONNECTED, `sheet ${this.scope.name} was deleted`);
  }

  private list(): NameState[] {
    return this.scope ? this.book.names.filter((state) => state.sheet === this.scope) : this.book.names;
  }

  /** The scope and bare name that "报表!名称" or "名称" means here; undefined when it is another sheet's. */
  private resolve(text: string): { scope: SheetState | undefined; name: string } | undefined {
    const bang = text.lastIndexOf("!");
    if (bang < 0) return { scope: this.scope, name: text };
    const sheetName = unquoteSheet(text.slice(0, bang)).toLowerCase();
    const scope = this.book.sheets.find((sheet) => sheet.name.toLowerCase() === sheetName);
    return scope && (!this.scope || scope === this.scope) ? { scope, name: text.slice(bang + 1) } : undefined;
  }

  get Count(): number {
    this.hit("Count.get");
    return this.list().length;
  }

  Item(index: string | number): EtName {
    this.hit("Item");
    const place = typeof index === "string" ? this.resolve(index) : undefined;
    const state = typeof index === "number" ? this.list()[index - 1] : place ? findName(this.book, place.scope, place.name) : undefined;
    if (!state) throw comError(APP_ERROR, `Names.Item(${JSON.stringify(index)})`);
    return new NameObject(this.book, state);
  }

  /** Adds a name, or redefines the one of that name, as Excel does. */
  Add(name: string, refersTo: unknown, visible?: boolean): EtName {
    this.hit("Add");
    const place = typeof name === "string" ? this.resolve(name) : undefined;
    if (!place) throw comError(APP_ERROR, `Names.Add(${JSON.stringify(name)})`);
    const bare = checkDefinedName(place.name);
    const text = refersToText(refersTo);
    const shown = visible !== false;
    const existing = findName(this.book, place.scope, bare);
    if (existing) {
      existing.refersTo = text;
      existing.visible = shown;
      return new NameObject(this.book, existing);
    }
    const state: NameState = { name: bare, refersTo: text, visible: shown, sheet: place.scope, deleted: false };
    this.book.names.push(state);
    return new NameObject(this.book, state);
  }
}

/** The worksheet objects handed out, so Sheets.Add and Copy can tell which sheet they were given. */
const worksheetStates = new WeakMap<object, SheetState>();

function stateOfSheet(book: Book, sheet: unknown, role: string): SheetState | undefined {
  if (sheet === undefined || sheet === null) return undefined;
  const state = typeof sheet === "object" ? worksheetStates.get(sheet as object) : undefined;
  if (!state || state.deleted || book.sheets.indexOf(state) < 0) throw comError(APP_ERROR, `${role} is not a sheet of this workbook`);
  return state;
}

class WorksheetObject extends SheetBound implements EtWorksheet {
  constructor(book: Book, sheet: SheetState) {
    super(book, "Worksheet", sheet);
    worksheetStates.set(this, sheet);
  }

  get Name(): string {
    this.hit("Name.get");
    return this.sheet.name;
  }

  set Name(value: string) {
    this.hit("Name.set");
    this.sheet.name = checkSheetName(this.book.sheets, value, this.sheet);
  }

  get Index(): number {
    this.hit("Index.get");
    return this.book.sheets.indexOf(this.sheet) + 1;
  }

  get Visible(): number {
    this.hit("Visible.get");
    return this.sheet.visible;
  }

  set Visible(value: number) {
    this.hit("Visible.set");
    if (SHEET_VISIBILITIES.indexOf(value) < 0) throw comError("Unable to set the Visible property of the Worksheet class", String(value));
    if (value !== -1 && this.sheet.visible === -1 && this.book.visibleSheets().length === 1) throw comError("Unable to set the Visible property of the Worksheet class", "a workbook must keep one visible sheet");
    this.sheet.visible = value;
    if (value !== -1 && this.book.active === this.sheet) this.book.activateNeighbour(this.sheet);
  }

  /** From the first used row and column to the last (cells with a value, format or comment, and merges); A1 when there are none. */
  get UsedRange(): EtRange {
    this.hit("UsedRange.get");
    let used: Area | undefined;
    const include = (area: Area) => {
      used = used ? { top: Math.min(used.top, area.top), left: Math.min(used.left, area.left), bottom: Math.max(used.bottom, area.bottom), right: Math.max(used.right, area.right) } : area;
    };
    this.sheet.cells.forEach((_cell, key) => include(cellArea(keyRow(key), keyColumn(key))));
    this.sheet.merges.forEach(include);
    return new RangeObject(this.book, this.sheet, [used || cellArea(1, 1)]);
  }

  Range(address: string): EtRange {
    this.hit("Range");
    if (typeof address === "string" && address.length > MAX_ADDRESS_LENGTH) throw comError("Method 'Range' of object '_Worksheet' failed", `an address of ${address.length} characters`);
    return new RangeObject(this.book, this.sheet, parseAreas(address, this.sheet.name));
  }

  /** The whole sheet: for FormatConditions (all of the sheet's) and Item(row, column). */
  get Cells(): EtRange {
    this.hit("Cells.get");
    return new RangeObject(this.book, this.sheet, [WHOLE_SHEET]);
  }

  get Names(): EtNames {
    this.hit("Names.get");
    return new NamesObject(this.book, this.sheet);
  }

  get Comments(): EtComments {
    this.hit("Comments.get");
    return new CommentsObject(this.book, this.sheet);
  }

  /**
   * Excel keeps at least one visible sheet; the sheet's own names go with it. With DisplayAlerts
   * on, a sheet holding data asks the user to confirm: a dialog an add-in must never raise, so
   * here it throws.
   */
  Delete(): void {
    this.hit("Delete");
    if (this.sheet.visible === -1 && this.book.visibleSheets().length === 1) throw comError("Delete method of Worksheet class failed", "a workbook must keep one visible sheet");
    if (this.book.displayAlerts && this.sheet.cells.size > 0) throw comError("Delete method of Worksheet class failed", "DisplayAlerts is on: WPS would ask the user to confirm");
    if (this.book.active === this.sheet) this.book.activateNeighbour(this.sheet);
    this.book.sheets.splice(this.book.sheets.indexOf(this.sheet), 1);
    for (const state of this.book.names.filter((name) => name.sheet === this.sheet)) {
      state.deleted = true;
      this.book.names.splice(this.book.names.indexOf(state), 1);
    }
    this.sheet.deleted = true;
  }

  Activate(): void {
    this.hit("Activate");
    this.book.activate(this.sheet);
  }

  /** A copy named "名称 (2)" — cells, formats, merges, comments, validations, the sheet's own names — made active. */
  Copy(before?: EtWorksheet, after?: EtWorksheet): void {
    this.hit("Copy");
    const beforeState = stateOfSheet(this.book, before, "Before");
    const afterState = stateOfSheet(this.book, after, "After");
    if (!beforeState && !afterState) throw notModelled("copying a sheet into a new workbook");
    const copy = copySheet(this.sheet, copyName(this.book, this.sheet.name));
    this.book.insert(copy, beforeState, afterState);
    const prefix = `${sheetReference(this.sheet.name)}!`;
    for (const state of this.book.names.filter((name) => name.sheet === this.sheet)) {
      this.book.names.push({ name: state.name, refersTo: state.refersTo.split(prefix).join(`${sheetReference(copy.name)}!`), visible: state.visible, sheet: copy, deleted: false });
    }
    if (copy.visible === -1) this.book.active = copy;
  }
}

/** "名称 (2)", "名称 (3)", …, shortening the name to keep within 31 characters. */
function copyName(book: Book, name: string): string {
  for (let n = 2; ; n++) {
    const suffix = ` (${n})`;
    const candidate = name.slice(0, 31 - suffix.length) + suffix;
    if (!book.sheets.some((sheet) => sheet.name.toLowerCase() === candidate.toLowerCase())) return candidate;
  }
}

function copySheet(sheet: SheetState, name: string): SheetState {
  const copy = newSheet(name);
  copy.visible = sheet.visible;
  sheet.cells.forEach((cell, key) => copy.cells.set(key, copyCell(cell)));
  copy.merges = sheet.merges.slice();
  copy.conditions = sheet.conditions.map((condition) => ({ areas: condition.areas.slice(), type: condition.type, operator: condition.operator, formula1: condition.formula1, fill: condition.fill, fontColor: condition.fontColor, bold: condition.bold, deleted: false }));
  copy.validations = sheet.validations.map((validation) => {
    const clone: ValidationState = Object.assign({}, validation);
    clone.areas = validation.areas.slice();
    return clone;
  });
  sheet.columnWidths.forEach((width, column) => copy.columnWidths.set(column, width));
  copy.freeze = { freezePanes: sheet.freeze.freezePanes, splitRow: sheet.freeze.splitRow, splitColumn: sheet.freeze.splitColumn };
  copy.autoFilter = sheet.autoFilter;
  return copy;
}

/** Workbook.Worksheets. */
class SheetsObject extends ModelObject implements EtSheets {
  constructor(book: Book) {
    super(book, "Sheets");
  }

  get Count(): number {
    this.hit("Count.get");
    return this.book.sheets.length;
  }

  /** By 1-based index or by name (case-insensitive). */
  Item(index: string | number): EtWorksheet {
    this.hit("Item");
    const sheet = typeof index === "number" ? this.book.sheets[index - 1] : this.book.sheets.find((s) => typeof index === "string" && s.name.toLowerCase() === index.toLowerCase());
    if (!sheet) throw comError(SUBSCRIPT_ERROR, `Sheets.Item(${JSON.stringify(index)})`);
    return new WorksheetObject(this.book, sheet);
  }

  /** A sheet "Sheet<n>" (the first free n from the count + 1), placed like Excel's and made active. */
  Add(before?: EtWorksheet, after?: EtWorksheet, count?: number, type?: number): EtWorksheet {
    this.hit("Add");
    if (count !== undefined && count !== 1) throw notModelled(`adding ${count} sheets at once`);
    if (type !== undefined && type !== WORKSHEET_TYPE) throw notModelled(`adding a sheet of type ${type}`);
    const beforeState = stateOfSheet(this.book, before, "Before");
    const afterState = stateOfSheet(this.book, after, "After");
    let n = this.book.sheets.length + 1;
    while (this.book.sheets.some((sheet) => sheet.name.toLowerCase() === `sheet${n}`)) n++;
    const sheet = newSheet(`Sheet${n}`);
    this.book.insert(sheet, beforeState, afterState);
    this.book.active = sheet;
    return new WorksheetObject(this.book, sheet);
  }
}

class WorkbookObject extends ModelObject implements EtWorkbook {
  constructor(book: Book) {
    super(book, "Workbook");
  }

  get Name(): string {
    this.hit("Name.get");
    return this.book.name;
  }

  get Worksheets(): EtSheets {
    this.hit("Worksheets.get");
    return new SheetsObject(this.book);
  }

  get Names(): EtNames {
    this.hit("Names.get");
    return new NamesObject(this.book, undefined);
  }

  get ActiveSheet(): EtWorksheet {
    this.hit("ActiveSheet.get");
    return new WorksheetObject(this.book, this.book.active);
  }
}

/** ActiveWindow: its panes belong to whichever sheet is active at each access. */
class WindowObject extends ModelObject implements EtWindow {
  constructor(book: Book) {
    super(book, "Window");
  }

  get Hwnd(): number {
    this.hit("Hwnd.get");
    return WINDOW_HANDLE;
  }

  get FreezePanes(): boolean {
    this.hit("FreezePanes.get");
    return this.book.active.freeze.freezePanes;
  }

  set FreezePanes(value: boolean) {
    this.hit("FreezePanes.set");
    this.book.active.freeze.freezePanes = Boolean(value);
  }

  get SplitRow(): number {
    this.hit("SplitRow.get");
    return this.book.active.freeze.splitRow;
  }

  set SplitRow(value: number) {
    this.hit("SplitRow.set");
    this.book.active.freeze.splitRow = checkSplit(value, MAX_ROWS);
  }

  get SplitColumn(): number {
    this.hit("SplitColumn.get");
    return this.book.active.freeze.splitColumn;
  }

  set SplitColumn(value: number) {
    this.hit("SplitColumn.set");
    this.book.active.freeze.splitColumn = checkSplit(value, MAX_COLUMNS);
  }
}

function checkSplit(value: unknown, limit: number): number {
  if (typeof value !== "number" || value !== Math.floor(value) || value < 0 || value >= limit) throw comError(APP_ERROR, `split at ${String(value)}`);
  return value;
}

class TaskPaneObject extends ModelObject implements EtTaskPane {
  constructor(
    book: Book,
    private readonly pane: FakeTaskPaneData,
  ) {
    super(book, "TaskPane");
  }

  get ID(): number {
    this.hit("ID.get");
    return this.pane.id;
  }

  get Visible(): boolean {
    this.hit("Visible.get");
    return this.pane.visible;
  }

  set Visible(value: boolean) {
    this.hit("Visible.set");
    this.pane.visible = Boolean(value);
  }

  Navigate(url: string): void {
    this.hit("Navigate");
    this.pane.urls.push(String(url));
  }

  get Width(): number {
    this.hit("Width.get");
    return this.pane.width;
  }

  set Width(value: number) {
    this.hit("Width.set");
    if (typeof value !== "number" || !(value > 0)) throw comError(APP_ERROR, `Width ${String(value)}`);
    this.pane.width = value;
  }
}

/** Like localStorage, shared by the add-in's pages while WPS runs, never saved. */
class PluginStorageObject extends ModelObject implements EtPluginStorage {
  constructor(book: Book) {
    super(book, "PluginStorage");
  }

  setItem(key: string, value: string): void {
    this.hit("setItem");
    this.book.storage.set(String(key), String(value));
  }

  /** null for a missing key, as localStorage gives (WPS's own answer is undocumented). */
  getItem(key: string): string | null {
    this.hit("getItem");
    const value = this.book.storage.get(String(key));
    return value === undefined ? null : value;
  }

  removeItem(key: string): void {
    this.hit("removeItem");
    this.book.storage.delete(String(key));
  }
}

/** A new pane's Width: WPS documents none, any plausible one will do. */
const NEW_PANE_WIDTH = 300;

class ApplicationObject extends ModelObject implements EtRoot {
  constructor(book: Book) {
    super(book, "Application");
  }

  get ActiveWorkbook(): EtWorkbook {
    this.hit("ActiveWorkbook.get");
    return new WorkbookObject(this.book);
  }

  get ActiveSheet(): EtWorksheet {
    this.hit("ActiveSheet.get");
    return new WorksheetObject(this.book, this.book.active);
  }

  get ActiveWindow(): EtWindow {
    this.hit("ActiveWindow.get");
    return new WindowObject(this.book);
  }

  get ScreenUpdating(): boolean {
    this.hit("ScreenUpdating.get");
    return this.book.screenUpdating;
  }

  set ScreenUpdating(value: boolean) {
    this.hit("ScreenUpdating.set");
    this.book.screenUpdating = Boolean(value);
  }

  get DisplayAlerts(): boolean {
    this.hit("DisplayAlerts.get");
    return this.book.displayAlerts;
  }

  set DisplayAlerts(value: boolean) {
    this.hit("DisplayAlerts.set");
    this.book.displayAlerts = Boolean(value);
  }

  get Calculation(): number {
    this.hit("Calculation.get");
    return this.book.calculation;
  }

  set Calculation(value: number) {
    this.hit("Calculation.set");
    if (CALCULATION_MODES.indexOf(value) < 0) throw comError("Unable to set the Calculation property of the Application class", String(value));
    this.book.calculation = value;
  }

  get Version(): string {
    this.hit("Version.get");
    return this.book.options.version;
  }

  /** The pane stays hidden until Visible is set, as WPS documents. */
  CreateTaskPane(url: string, title?: string): EtTaskPane {
    this.hit("CreateTaskPane");
    const pane: FakeTaskPaneData = { id: this.book.panes.length + 1, title: title === undefined ? "" : String(title), urls: [String(url)], visible: false, width: NEW_PANE_WIDTH };
    this.book.panes.push(pane);
    return new TaskPaneObject(this.book, pane);
  }

  GetTaskPane(id: number): EtTaskPane | null {
    this.hit("GetTaskPane");
    const pane = this.book.panes.find((p) => p.id === id);
    return pane ? new TaskPaneObject(this.book, pane) : null;
  }

  get PluginStorage(): EtPluginStorage {
    this.hit("PluginStorage.get");
    return new PluginStorageObject(this.book);
  }
}

/** The root of WPS 12.1.0.20540 and later, which can register custom functions. */
class ApplicationWithFunctions extends ApplicationObject {
  AddCustomFunction(namespace: string, name: string, callback: (...args: unknown[]) => unknown, metadata?: unknown): void {
    this.hit("AddCustomFunction");
    if (typeof callback !== "function") throw comError(APP_ERROR, `AddCustomFunction(${namespace}, ${name}) without a function`);
    this.book.customFunctions.set(`${namespace}.${name}`, { fn: callback, metadata });
  }
}

// ---------------------------------------------------------------------------------------------
// Loading and dumping

function loadValue(cell: FakeCellData, where: string): FakeValue | undefined {
  const value = cell.value;
  if (typeof value === "object" && value !== null) {
    if (!ERROR_VALUES.hasOwnProperty(value.error)) throw new Error(`fake ET: unknown error ${JSON.stringify(value.error)} at ${where}`);
    return { error: value.error };
  }
  if (typeof value !== "number" && typeof value !== "string" && typeof value !== "boolean") throw new Error(`fake ET: bad value at ${where}`);
  return value === "" && cell.formula === undefined ? undefined : value;
}

function loadOneArea(address: string, sheetName: string, where: string): Area {
  const areas = parseAreas(address, sheetName);
  if (areas.length !== 1) throw new Error(`fake ET: ${where} must be one area, not ${address}`);
  return areas[0];
}

function loadSheet(data: FakeSheetData, sheets: SheetState[]): SheetState {
  const sheet = newSheet(checkSheetName(sheets, data.name));
  const where = (what: string) => `${data.name}!${what}`;
  if (data.visible !== undefined) {
    if (SHEET_VISIBILITIES.indexOf(data.visible) < 0) throw new Error(`fake ET: ${data.name} has visible ${data.visible}`);
    sheet.visible = data.visible;
  }
  for (const cell of data.cells) {
    const area = loadOneArea(cell.address, data.name, where(cell.address));
    if (areaSize(area) !== 1) throw new Error(`fake ET: a cell's address must be one cell: ${where(cell.address)}`);
    const key = cellKey(area.top, area.left);
    if (sheet.cells.has(key)) throw new Error(`fake ET: ${where(cell.address)} is listed twice`);
    const state: CellState = {
      value: loadValue(cell, where(cell.address)),
      formula: cell.formula,
      numberFormat: cell.numberFormat === undefined ? GENERAL : cell.numberFormat,
      comment: cell.comment,
      fill: cell.fill,
      fontColor: cell.fontColor,
      bold: cell.bold,
    };
    if (!isBlank(state)) sheet.cells.set(key, state);
  }
  for (const address of data.merges || []) {
    const merge = loadOneArea(address, data.name, where(address));
    if (sheet.merges.some((m) => intersection(m, merge))) throw new Error(`fake ET: merged areas overlap at ${where(address)}`);
    sheet.merges.push(merge);
  }
  const widths = data.columnWidths || {};
  for (const letters of Object.keys(widths)) sheet.columnWidths.set(columnNumber(letters), widths[letters]);
  for (const condition of data.formatConditions || []) {
    sheet.conditions.push({
      areas: parseAreas(condition.address, data.name),
      type: condition.type,
      operator: condition.operator,
      formula1: condition.formula1,
      fill: condition.interiorColor,
      fontColor: condition.fontColor,
      bold: condition.bold,
      deleted: false,
    });
  }
  for (const validation of data.validations || []) {
    const areas = parseAreas(validation.address, data.name);
    if (sheet.validations.some((v) => overlaps(v.areas, areas))) throw new Error(`fake ET: validations overlap at ${where(validation.address)}`);
    sheet.validations.push({
      areas,
      type: validation.type,
      alertStyle: validation.alertStyle,
      operator: validation.operator,
      formula1: validation.formula1,
      formula2: validation.formula2,
      InputTitle: validation.inputTitle || "",
      InputMessage: validation.inputMessage || "",
      ErrorTitle: validation.errorTitle || "",
      ErrorMessage: validation.errorMessage || "",
      ShowInput: validation.showInput !== false,
      ShowError: validation.showError !== false,
    });
  }
  if (data.freeze) sheet.freeze = { freezePanes: data.freeze.freezePanes, splitRow: data.freeze.splitRow, splitColumn: data.freeze.splitColumn };
  if (data.autoFilter !== undefined) sheet.autoFilter = [loadOneArea(data.autoFilter, data.name, where(data.autoFilter))];
  return sheet;
}

function loadNames(book: Book, names: FakeNameData[] | undefined, scope: SheetState | undefined): void {
  for (const data of names || []) {
    const name = checkDefinedName(data.name);
    if (findName(book, scope, name)) throw new Error(`fake ET: the name ${name} is listed twice`);
    book.names.push({ name, refersTo: refersToText(data.refersTo), visible: data.visible !== false, sheet: scope, deleted: false });
  }
}

function cellData(cell: CellState, row: number, column: number): FakeCellData {
  const data: FakeCellData = { address: cellName(row, column), value: cell.value === undefined ? "" : typeof cell.value === "object" ? { error: cell.value.error } : cell.value };
  if (cell.formula !== undefined) data.formula = cell.formula;
  if (cell.numberFormat !== GENERAL) data.numberFormat = cell.numberFormat;
  if (cell.comment !== undefined) data.comment = cell.comment;
  if (cell.fill !== undefined) data.fill = cell.fill;
  if (cell.fontColor !== undefined) data.fontColor = cell.fontColor;
  if (cell.bold) data.bold = true;
  return data;
}

function storedCells(sheet: SheetState): { key: number; cell: CellState }[] {
  const cells: { key: number; cell: CellState }[] = [];
  sheet.cells.forEach((cell, key) => cells.push({ key, cell }));
  return cells.sort((a, b) => a.key - b.key);
}

function conditionData(condition: ConditionState): FakeFormatConditionData {
  const data: FakeFormatConditionData = { address: addressOf(condition.areas, false, false), type: condition.type, formula1: condition.formula1 };
  if (condition.operator !== undefined) data.operator = condition.operator;
  if (condition.fill !== undefined) data.interiorColor = condition.fill;
  if (condition.fontColor !== undefined) data.fontColor = condition.fontColor;
  if (condition.bold !== undefined) data.bold = condition.bold;
  return data;
}

function validationData(validation: ValidationState): FakeValidationData {
  const data: FakeValidationData = { address: addressOf(validation.areas, false, false), type: validation.type };
  if (validation.alertStyle !== undefined) data.alertStyle = validation.alertStyle;
  if (validation.operator !== undefined) data.operator = validation.operator;
  if (validation.formula1 !== undefined) data.formula1 = validation.formula1;
  if (validation.formula2 !== undefined) data.formula2 = validation.formula2;
  if (validation.InputTitle !== "") data.inputTitle = validation.InputTitle;
  if (validation.InputMessage !== "") data.inputMessage = validation.InputMessage;
  if (validation.ErrorTitle !== "") data.errorTitle = validation.ErrorTitle;
  if (validation.ErrorMessage !== "") data.errorMessage = validation.ErrorMessage;
  if (!validation.ShowInput) data.showInput = false;
  if (!validation.ShowError) data.showError = false;
  return data;
}

function namesData(book: Book, scope: SheetState | undefined): FakeNameData[] {
  return book.names
    .filter((state) => state.sheet === scope)
    .map((state) => {
      const data: FakeNameData = { name: state.name, refersTo: state.refersTo };
      if (!state.visible) data.visible = false;
      return data;
    });
}

function columnWidthsData(sheet: SheetState): Record<string, number> {
  const widths: Record<string, number> = {};
  Array.from(sheet.columnWidths.keys())
    .sort((a, b) => a - b)
    .forEach((column) => (widths[columnLetters(column)] = sheet.columnWidths.get(column) as number));
  return widths;
}

function sheetData(book: Book, sheet: SheetState): FakeSheetData {
  const data: FakeSheetData = { name: sheet.name, cells: storedCells(sheet).map(({ key, cell }) => cellData(cell, keyRow(key), keyColumn(key))) };
  if (sheet.visible !== -1) data.visible = sheet.visible;
  if (sheet.merges.length > 0) data.merges = sheet.merges.map((merge) => areaAddress(merge, false, false));
  if (sheet.columnWidths.size > 0) data.columnWidths = columnWidthsData(sheet);
  if (sheet.conditions.length > 0) data.formatConditions = sheet.conditions.map(conditionData);
  if (sheet.validations.length > 0) data.validations = sheet.validations.map(validationData);
  const names = namesData(book, sheet);
  if (names.length > 0) data.names = names;
  const freeze = sheet.freeze;
  if (freeze.freezePanes || freeze.splitRow !== 0 || freeze.splitColumn !== 0) data.freeze = { freezePanes: freeze.freezePanes, splitRow: freeze.splitRow, splitColumn: freeze.splitColumn };
  if (sheet.autoFilter) data.autoFilter = addressOf(sheet.autoFilter, false, false);
  return data;
}

/** A fake WPS 表格 with one workbook open, made from `data`. */
export function createFakeEt(data: FakeBookData, options: FakeOptions = {}): FakeEt {
  const book = new Book(data.name, {
    oneRowAs1D: options.oneRowAs1D === true,
    throwOnValue2Write: options.throwOnValue2Write === true,
    version: options.version === undefined ? "12.1.0.20540" : options.version,
  });
  if (data.sheets.length === 0) throw new Error("fake ET: a workbook has at least one sheet");
  for (const sheet of data.sheets) book.sheets.push(loadSheet(sheet, book.sheets));
  const visible = book.visibleSheets();
  if (visible.length === 0) throw new Error("fake ET: a workbook has at least one visible sheet");
  book.active = visible[0];
  if (options.activeSheet !== undefined) book.activate(book.sheetNamed(options.activeSheet));
  loadNames(book, data.names, undefined);
  data.sheets.forEach((sheet, i) => loadNames(book, sheet.names, book.sheets[i]));

  const root: EtRoot = options.customFunctions === false ? new ApplicationObject(book) : new ApplicationWithFunctions(book);
  return {
    root,
    get calls() {
      return book.calls;
    },
    get callLog() {
      return book.callLog;
    },
    resetCalls() {
      book.calls = 0;
      book.callLog = [];
    },
    install(target: object) {
      const globals = target as { Application?: EtRoot; wps?: EtRoot };
      globals.Application = root;
      globals.wps = root;
    },
    snapshot() {
      const snapshot: FakeBookData = { name: book.name, sheets: book.sheets.map((sheet) => sheetData(book, sheet)) };
      const names = namesData(book, undefined);
      if (names.length > 0) snapshot.names = names;
      return snapshot;
    },
    formatConditions: (sheetName) => book.sheetNamed(sheetName).conditions.map(conditionData),
    comments(sheetName) {
      const comments: Record<string, string> = {};
      for (const { key, cell } of storedCells(book.sheetNamed(sheetName))) {
        if (cell.comment !== undefined) comments[cellName(keyRow(key), keyColumn(key))] = cell.comment;
      }
      return comments;
    },
    validations: (sheetName) => book.sheetNamed(sheetName).validations.map(validationData),
    names: (sheetName) => namesData(book, sheetName === undefined ? undefined : book.sheetNamed(sheetName)),
    columnWidths: (sheetName) => columnWidthsData(book.sheetNamed(sheetName)),
    boldCells: (sheetName) =>
      storedCells(book.sheetNamed(sheetName))
        .filter(({ cell }) => cell.bold)
        .map(({ key }) => cellName(keyRow(key), keyColumn(key))),
    freeze(sheetName) {
      const freeze = book.sheetNamed(sheetName).freeze;
      return { freezePanes: freeze.freezePanes, splitRow: freeze.splitRow, splitColumn: freeze.splitColumn };
    },
    selection(sheetName) {
      const selection = book.sheetNamed(sheetName).selection;
      return selection ? addressOf(selection, false, false) : undefined;
    },
    taskPanes: () => book.panes.map((pane) => ({ id: pane.id, title: pane.title, urls: pane.urls.slice(), visible: pane.visible, width: pane.width })),
    pluginStorage() {
      const items: Record<string, string> = {};
      book.storage.forEach((value, key) => (items[key] = value));
      return items;
    },
    customFunctions: book.customFunctions,
  };
}
