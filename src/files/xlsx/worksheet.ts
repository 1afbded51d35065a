/**
 * One worksheet part into a Grid, read as it inflates. Only what the engine uses is kept: cell
 * values (a formula as its cached result) and merged ranges. Everything else a sheet carries —
 * data validations, conditional formats, column widths, views, drawings — is skipped unread, so
 * a template's drop-down list on a whole column costs nothing.
 *
 * The grid is the one exceljs gives (read.ts): from A1 to the last row with a value, each row
 * as long as its last value, cells a merge covers empty. Values follow exceljs's reading of the
 * same XML (see `value`), except where exceljs is plainly wrong — each such place says so.
 *
 * The read limits are checked here as sheetScan.ts checks them before exceljs: a row number
 * (of a <row> or in a cell's reference) past maxRows; every row counted from column A to its last
 * cell against maxCells, all sheets together; merged areas against maxMergedCells.
 */
import { EMPTY, EXCEL_COLUMNS, EXCEL_ROWS, type Cell, type CellRange, type Grid } from "../../engine/grid";
import type { ReadLimits } from "../limits";
import { WorkbookReadError } from "../readError";
import { rangeArea } from "../sheetScan";
import { unescapeText } from "./sharedStrings";
import { corrupt, type Attributes, type Wanted, type XmlHandler } from "./xml";

/** Counts shared by every sheet of one workbook. */
export interface WorkbookTotals {
  cells: number;
  mergedCells: number;
}

/**
 * One Cell per distinct value of a workbook. The engine never changes a cell, so equal cells can
 * be one object: a 100 000-row ledger repeats its branch names (written inline by systems that
 * export with a streaming writer), its counts and its dates on every row, and would otherwise
 * hold an object and a string per cell. Shared strings are one Cell each already.
 */
export class CellPool {
  private readonly texts = new Map<string, Cell>();
  private readonly numbers = new Map<number, Cell>();
  private readonly dates = new Map<number, Cell>();

  text(value: string): Cell {
    return pooled(this.texts, value, () => ({ kind: "text", value }));
  }

  number(value: number): Cell {
    // A Map takes -0 for 0; -0 is kept as read.
    return Object.is(value, -0) ? { kind: "number", value } : pooled(this.numbers, value, () => ({ kind: "number", value }));
  }

  date(serial: number): Cell {
    return Object.is(serial, -0) ? { kind: "date", serial } : pooled(this.dates, serial, () => ({ kind: "date", serial }));
  }
}

/**
 * Distinct values a pool keeps of each type. Values that repeat show up early; a column of
 * distinct ones (序号, amounts) would only make the pool itself cost memory.
 */
const POOL_SIZE = 65_536;

function pooled<K>(pool: Map<K, Cell>, value: K, make: () => Cell): Cell {
  const found = pool.get(value);
  if (found) return found;
  const cell = make();
  if (pool.size < POOL_SIZE) pool.set(value, cell);
  return cell;
}

export interface SheetContext {
  sharedStrings: readonly Cell[];
  pool: CellPool;
  /** By cell style index: whether a number in that style is a date (styles.ts). */
  dateStyles: readonly boolean[];
  date1904: boolean;
  limits: ReadLimits;
  counts: WorkbookTotals;
}

const DAY_MS = 86_400_000;
/** 1970-01-01 as an Excel serial. */
const UNIX_EPOCH_SERIAL = 25_569;
/** Days from 1900-01-01 to 1904-01-01 in Excel's count: a 1904-system serial plus this is the 1900 one. */
const DAYS_1900_TO_1904 = 1_462;
/** The largest time a JS Date holds; exceljs's Date of anything beyond is invalid. */
const MAX_DATE_MS = 8.64e15;

const A = 0x41;
const Z = 0x5a;
const ZERO = 0x30;
const NINE = 0x39;

/**
 * A date-formatted number as the engine's date serial: the one exceljs would give, which goes
 * through a JS Date rounded to the millisecond (and shifted by 1 462 days from the 1904 system).
 * The arithmetic is exceljs's own (utils.excelToDate), down to multiplying by 24, 3 600 and
 * 1 000 in turn: floating point gives another last digit for some serials otherwise.
 */
function dateSerial(value: number, date1904: boolean): number {
  const ms = Math.round((value - UNIX_EPOCH_SERIAL + (date1904 ? DAYS_1900_TO_1904 : 0)) * 24 * 3600 * 1000);
  return Math.abs(ms) <= MAX_DATE_MS ? ms / DAY_MS + UNIX_EPOCH_SERIAL : NaN;
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2})(?::(\d{2})(\.\d+)?)?)?Z?$/;

/**
 * A `t="d"` cell: an ISO 8601 date as text (strict OOXML; Excel writes it when asked). exceljs
 * reads it with parseFloat ("2025-03-01" as 2025); we read the date it says.
 */
function isoDateCell(text: string): Cell {
  const match = ISO_DATE.exec(text.trim());
  if (!match) return { kind: "error", code: "#VALUE!" };
  const [, year, month, day, hours = "0", minutes = "0", seconds = "0", fraction = ""] = match;
  const ms = Date.UTC(+year, +month - 1, +day, +hours, +minutes, +seconds, fraction ? Math.round(Number(fraction) * 1000) : 0);
  return { kind: "date", serial: ms / DAY_MS + UNIX_EPOCH_SERIAL };
}

function tooManyRows(limits: ReadLimits, row: number): WorkbookReadError {
  return new WorkbookReadError("too-many-rows", { limit: "maxRows", params: { limit: limits.maxRows, row } });
}

/**
 * An A1 reference ("B2", no $) as [column, row], or undefined if it is not one or its column is
 * past Excel's last. The row may be past Excel's last: that is for the row limit to refuse.
 */
function cellAddress(ref: string, from: number, to: number): [number, number] | undefined {
  let column = 0;
  let i = from;
  for (; i < to && column <= EXCEL_COLUMNS; i++) {
    const c = ref.charCodeAt(i);
    if (c < A || c > Z) break;
    column = column * 26 + c - A + 1;
  }
  const digits = i;
  let row = 0;
  for (; i < to; i++) {
    const c = ref.charCodeAt(i);
    if (c < ZERO || c > NINE) break;
    row = Math.min(row * 10 + c - ZERO, Number.MAX_SAFE_INTEGER);
  }
  if (column < 1 || column > EXCEL_COLUMNS || i === digits || i !== to) return undefined;
  return [column, row];
}

/** A merged range ("A1:C2", "$A$1:$C$2", or one cell "B3"), normalised top-left to bottom-right. */
function mergeRange(written: string): CellRange | undefined {
  const ref = written.replace(/\$/g, "");
  const colon = ref.indexOf(":");
  const first = cellAddress(ref, 0, colon < 0 ? ref.length : colon);
  const last = colon < 0 ? first : cellAddress(ref, colon + 1, ref.length);
  if (!first || !last || first[1] < 1 || last[1] < 1 || first[1] > EXCEL_ROWS || last[1] > EXCEL_ROWS) return undefined;
  return {
    top: Math.min(first[1], last[1]),
    left: Math.min(first[0], last[0]),
    bottom: Math.max(first[1], last[1]),
    right: Math.max(first[0], last[0]),
  };
}

const enum Where {
  Document,
  Sheet,
  SheetData,
  Row,
  Cell,
  Value,
  Formula,
  Inline,
  InlineText,
  Run,
  RunText,
  MergeCells,
  Merge,
}

/** From the <c> of one cell to its end. */
interface CellParts {
  column: number;
  style: number;
  type: string | undefined;
  formula: boolean;
  /** The text of its <v> and of its inline string's plain <t>, joined as exceljs joins them. */
  value: string | undefined;
  /** The texts of its inline string's rich-text runs. */
  runs: string[] | undefined;
}

export class WorksheetHandler implements XmlHandler {
  private where = Where.Document;
  private readonly rows: Cell[][] = [];
  private readonly mergeRefs: string[] = [];
  private rowNumber = 0;
  private row: Cell[] | undefined;
  /** The last column of the row's cells so far: what the row costs against maxCells. */
  private rowEnd = 0;
  private previousColumn = 0;
  private readonly cell: CellParts = { column: 0, style: 0, type: undefined, formula: false, value: undefined, runs: undefined };
  private run = "";

  constructor(private readonly context: SheetContext) {}

  open(name: string, attributes: Attributes): Wanted {
    switch (this.where) {
      case Where.Document:
        this.where = Where.Sheet;
        return "children";
      case Where.Sheet:
        if (name === "sheetData") this.where = Where.SheetData;
        else if (name === "mergeCells") this.where = Where.MergeCells;
        else break;
        return "children";
      case Where.SheetData:
        if (name !== "row") break;
        this.startRow(attributes.get("r"));
        this.where = Where.Row;
        return "children";
      case Where.Row:
        if (name !== "c") break;
        this.startCell(attributes);
        this.where = Where.Cell;
        return "children";
      case Where.Cell:
        if (name === "v") {
          this.where = Where.Value;
          return "text";
        }
        if (name === "f") {
          // exceljs takes a formula from its text or from a t="shared"/"array" attribute alone.
          if (attributes.get("t")) this.cell.formula = true;
          this.where = Where.Formula;
          return "text";
        }
        if (name !== "is") break;
        this.where = Where.Inline;
        return "children";
      case Where.Inline:
        if (name === "t") {
          this.where = Where.InlineText;
          return "text";
        }
        // <rPh>, phonetic runs, are not part of the text.
        if (name !== "r") break;
        this.run = "";
        this.where = Where.Run;
        return "children";
      case Where.Run:
        if (name !== "t") break;
        this.run = "";
        this.where = Where.RunText;
        return "text";
      case Where.MergeCells:
        if (name !== "mergeCell") break;
        this.addMerge(attributes.get("ref") ?? "");
        this.where = Where.Merge;
        return "children";
    }
    return "skip";
  }

  text(value: string): void {
    switch (this.where) {
      case Where.Value:
      case Where.InlineText:
        this.cell.value = this.cell.value === undefined ? value : this.cell.value + value;
        return;
      case Where.Formula:
        this.cell.formula = true;
        return;
      case Where.RunText:
        this.run += value;
    }
  }

  close(): void {
    switch (this.where) {
      case Where.Value:
      case Where.Formula:
        this.where = Where.Cell;
        return;
      case Where.InlineText:
        this.where = Where.Inline;
        return;
      case Where.RunText:
        this.where = Where.Run;
        return;
      case Where.Run:
        (this.cell.runs ??= []).push(this.run);
        this.where = Where.Inline;
        return;
      case Where.Inline:
        this.where = Where.Cell;
        return;
      case Where.Cell:
        this.endCell();
        this.where = Where.Row;
        return;
      case Where.Row:
        this.endRow();
        this.where = Where.SheetData;
        return;
      case Where.Merge:
        this.where = Where.MergeCells;
        return;
      case Where.SheetData:
      case Where.MergeCells:
        this.where = Where.Sheet;
        return;
      case Where.Sheet:
        this.where = Where.Document;
    }
  }

  /** The sheet read, once its part has ended. */
  grid(sheet: string, visible: boolean): Grid {
    const merges = this.merges();
    this.clearCovered(merges);
    const { rows } = this;
    while (rows.length > 0 && rows[rows.length - 1].length === 0) rows.pop();
    return { sheet, origin: { row: 1, col: 1 }, cells: rows, merges, visible };
  }

  /** A row without r follows the one before it (exceljs refuses such a file). */
  private startRow(r: string | undefined): void {
    const number = r === undefined ? this.rowNumber + 1 : /^[0-9]+$/.test(r) ? Math.min(Number(r), Number.MAX_SAFE_INTEGER) : 0;
    if (number < 1) throw corrupt();
    if (number > this.context.limits.maxRows) throw tooManyRows(this.context.limits, number);
    this.rowNumber = number;
    this.row = undefined;
    this.rowEnd = 0;
    this.previousColumn = 0;
  }

  /**
   * A cell without r follows the cell before it. (exceljs puts it after the previous cell that
   * had a value or a style, and refuses a row whose first cell has no r.)
   */
  private startCell(attributes: Attributes): void {
    const { limits, counts } = this.context;
    const r = attributes.get("r");
    let column = this.previousColumn + 1;
    if (r !== undefined) {
      const address = cellAddress(r, 0, r.length);
      if (!address) throw corrupt();
      // The row is the <row>'s, as in exceljs; the reference's own row still counts for the limit.
      if (address[1] > limits.maxRows) throw tooManyRows(limits, address[1]);
      column = address[0];
    } else if (column > EXCEL_COLUMNS) throw corrupt();
    if (column > this.rowEnd) {
      counts.cells += column - this.rowEnd;
      this.rowEnd = column;
      if (counts.cells > limits.maxCells) {
        throw new WorkbookReadError("too-many-cells", { limit: "maxCells", params: { limit: limits.maxCells } });
      }
    }
    this.previousColumn = column;
    const cell = this.cell;
    cell.column = column;
    const style = attributes.get("s");
    cell.style = style === undefined ? 0 : parseInt(style, 10);
    cell.type = attributes.get("t");
    cell.formula = false;
    cell.value = undefined;
    cell.runs = undefined;
  }

  private endCell(): void {
    const value = this.value();
    if (value === EMPTY) return;
    const row = (this.row ??= []);
    const column = this.cell.column;
    while (row.length < column - 1) row.push(EMPTY);
    row[column - 1] = value;
  }

  private endRow(): void {
    if (!this.row) return;
    const { rows } = this;
    const index = this.rowNumber - 1;
    // A row number seen before: the later row replaces it, as in exceljs.
    if (index < rows.length) rows[index] = this.row;
    else {
      while (rows.length < index) rows.push([]);
      rows.push(this.row);
    }
  }

  /**
   * The cell's value as exceljs gives it (cell-xform.js parseClose and reconcile, then
   * read.ts): a formula is its cached result, kept only when the <v> text is not empty (so a
   * formula that came to "" reads as empty); a number in a date style is a date.
   */
  private value(): Cell {
    const { type, value, runs, formula } = this.cell;
    if (formula) {
      if (!value) return EMPTY;
      // exceljs turns any cached result in a date style into a date — text and errors become
      // an invalid date. Only a number is a date here.
      switch (type) {
        case "str":
          return this.context.pool.text(unescapeText(value));
        case "b":
          return { kind: "bool", value: parseInt(value, 10) !== 0 };
        case "e":
          return { kind: "error", code: value };
        case "d":
          return isoDateCell(value);
        default:
          return this.number(value);
      }
    }
    if (value === undefined && runs === undefined) return EMPTY;
    switch (type) {
      case "s": {
        const shared = this.context.sharedStrings[parseInt(value ?? "", 10)];
        // exceljs fails on an index outside the table; the file is damaged.
        if (shared === undefined) throw corrupt();
        return shared;
      }
      // exceljs decodes XML entities a second time in these ("&amp;lt;" shows as "<") and leaves
      // _xHHHH_ escapes undecoded; both are read here as the OOXML standard says.
      case "str":
        return this.context.pool.text(unescapeText(value ?? ""));
      case "inlineStr":
        return this.context.pool.text(runs ? runs.map(unescapeText).join("") : unescapeText(value ?? ""));
      case "b":
        return { kind: "bool", value: parseInt(value ?? "", 10) !== 0 };
      case "e":
        return { kind: "error", code: value ?? "" };
      case "d":
        return isoDateCell(value ?? "");
      default:
        return this.number(value ?? "");
    }
  }

  /** A number cell's text, as exceljs reads it (parseFloat, so "12abc" is 12), dated by its style. */
  private number(text: string): Cell {
    const number = parseFloat(text);
    const { style } = this.cell;
    const { dateStyles, date1904, pool } = this.context;
    if (style > 0 && dateStyles[style]) return pool.date(dateSerial(number, date1904));
    // Text where a number belongs parses as NaN; the engine must never do arithmetic on it.
    return Number.isFinite(number) ? pool.number(number) : { kind: "error", code: "#NUM!" };
  }

  /**
   * A <mergeCell>: counted against maxMergedCells as sheetScan.ts counts it (each space-separated
   * range, clamped to Excel's grid), then kept if it is a range at all.
   */
  private addMerge(ref: string): void {
    const { limits, counts } = this.context;
    for (const range of ref.split(/\s+/)) {
      if (range === "") continue;
      counts.mergedCells += rangeArea(range);
      if (counts.mergedCells > limits.maxMergedCells) {
        throw new WorkbookReadError("merges-too-large", { limit: "maxMergedCells", params: { limit: limits.maxMergedCells, range: range.slice(0, 32) } });
      }
    }
    this.mergeRefs.push(ref);
  }

  /**
   * The merged ranges sorted by top, then left. A ref that is no range is dropped; merges that
   * overlap make the file damaged, as exceljs ("Cannot merge already merged cells") and Excel
   * find it.
   */
  private merges(): CellRange[] {
    const merges: CellRange[] = [];
    for (const ref of this.mergeRefs) {
      const range = mergeRange(ref);
      if (range) merges.push(range);
    }
    merges.sort((a, b) => a.top - b.top || a.left - b.left);
    // Per row, the merges on it by left edge: two overlap when one starts before the other ends.
    const byRow = new Map<number, CellRange[]>();
    for (const merge of merges) {
      for (let r = merge.top; r <= merge.bottom; r++) {
        const onRow = byRow.get(r);
        if (onRow) onRow.push(merge);
        else byRow.set(r, [merge]);
      }
    }
    for (const onRow of byRow.values()) {
      onRow.sort((a, b) => a.left - b.left);
      for (let i = 1; i < onRow.length; i++) if (onRow[i].left <= onRow[i - 1].right) throw corrupt();
    }
    return merges;
  }

  /** Cells a merge covers, all but its top-left, read as empty (exceljs makes them "merge" cells). */
  private clearCovered(merges: readonly CellRange[]): void {
    const { rows } = this;
    for (const merge of merges) {
      for (let r = merge.top; r <= Math.min(merge.bottom, rows.length); r++) {
        const row = rows[r - 1];
        const from = r === merge.top ? merge.left + 1 : merge.left;
        const to = Math.min(merge.right, row.length);
        if (from > to) continue;
        for (let c = from; c <= to; c++) row[c - 1] = EMPTY;
        while (row.length > 0 && row[row.length - 1] === EMPTY) row.pop();
      }
    }
  }
}
