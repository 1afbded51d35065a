/**
 * WorkbookActions for WPS 表格 (PRODUCT.md §7, §10): the 导入/名册/汇总/预警/评分/模板/设置 tabs over
 * the ET object model, mirroring the Excel adapter (src/excel/workbookActions.ts).
 *
 * What differs from Excel, and why:
 * - Ownership: ET has no Worksheet.id, so each sheet of ours carries a DJ_Tag (tags.ts); what a
 *   tag cannot carry (applied fixes, our defined names) is in the record sheet (record.ts).
 * - ET is synchronous and every call crosses a process boundary: values, formulas and number
 *   formats go in whole ranges — one Value2 per block of rows, one NumberFormat per run of equal
 *   formats in a column — so the calls grow with the blocks, never with the rows inside one.
 * - Tables are written as plain ranges (ET tables are not confirmed in every WPS build): a bold
 *   header, an AutoFilter, and the formulas' structured references rewritten as A1 references
 *   (structuredRefs.ts). Charts are skipped and sheets cannot be inserted from a file: `lacks`
 *   says so, and the pane tells the user.
 * - Errors: every ET failure leaves as a WpsHostError (errors.ts).
 *
 * ET calls are synchronous; the methods are async only because the contract is.
 */
import type { Cell, CellRange, Grid } from "../engine";
import { columnLetter } from "../engine/grid";
import type { CellFix, SheetRole, SheetSpec, ValidationRule } from "../engine/sheets/spec";
import type { CellValue } from "../engine/report";
import { chunkAddresses } from "../host/address";
import { rowBlocks, type RowBlock } from "../host/blocks";
import type { HostLack, ImportedSheet, InsertedSheet, Progress, WorkbookActions } from "../host/host";
import { hyperlinkFormula, layout, type Canvas } from "../host/layout";
import { MARK_COLORS } from "../host/marks";
import { planDefinedNames, uniqueSheetName } from "../host/naming";
import { wordsOf, type Locale } from "../i18n";
import { wpsStrings, wpsText } from "../i18n/wps";
import { bgr, matrixOf, XL, type EtApplication, type EtName, type EtRange, type EtWorkbook, type EtWorksheet } from "./et";
import { guarded, refusal, toHostError } from "./errors";
import { MAX_ADDRESS, worksheetsOf } from "./marks";
import { addressOf, ERROR_VALUES, rangeOf, readGrids, usedRect } from "./readGrid";
import { readRecord, writeRecord, type RecordedFix, type WpsRecord } from "./record";
import { resolveStructuredRefs, tablePlace, type TablePlace } from "./structuredRefs";
import { activeBook, newId, taggedSheets, writeTag, type TaggedSheet } from "./tags";
import { DEFAULT_READ_LIMITS } from "../files/limits";

/**
 * Cells per block written or read. Unlike Office.js, ET has no request size cap; the block keeps
 * one Value2 array (and the progress bar's steps) to a reasonable size.
 */
export const WRITE_BLOCK_CELLS = 20_000;

/** The number format of dates written from a department's file. */
const DATE_FORMAT = "yyyy-mm-dd";

export interface WpsWorkbookOptions {
  /** The language of the names the add-in writes. */
  locale: Locale;
  /** Cells per block read and written (readGrid.ts's and WRITE_BLOCK_CELLS otherwise). */
  blockCells?: number;
}

/** WPS has none of these through the ET subset we use (et.ts). */
const LACKS: ReadonlySet<HostLack> = new Set<HostLack>(["chart", "tableStyle", "fileInsert"]);

const words = wordsOf(wpsStrings);

/** A column's rows (0-based, within a block) split into runs of one key: [first, last, key]. */
function runsOf<K>(rows: number, keyOf: (row: number) => K): [number, number, K][] {
  const runs: [number, number, K][] = [];
  for (let r = 0; r < rows; r++) {
    const key = keyOf(r);
    const last = runs[runs.length - 1];
    if (last && last[1] === r - 1 && last[2] === key) last[1] = r;
    else runs.push([r, r, key]);
  }
  return runs;
}

/**
 * Manual calculation, no screen updating and no alerts around bulk work (every written formula
 * would otherwise recalculate at once, the screen repaint every block, and deleting a sheet with
 * data ask the user to confirm, as in COM), put back however it ends. A failure to put them back
 * is not hidden: it is what leaves.
 */
function quietly<T>(app: EtApplication, work: () => T): T {
  const calculation = app.Calculation;
  const updating = app.ScreenUpdating;
  const alerts = app.DisplayAlerts;
  if (calculation !== XL.calculationManual) app.Calculation = XL.calculationManual;
  app.ScreenUpdating = false;
  app.DisplayAlerts = false;
  try {
    return work();
  } finally {
    app.DisplayAlerts = alerts;
    app.ScreenUpdating = updating;
    if (calculation !== XL.calculationManual) app.Calculation = calculation;
  }
}

/** A sheet name as a formula reference: always quoted, quotes doubled. */
function sheetRef(name: string): string {
  return `'${name.replace(/'/g, "''")}'`;
}

/** The workbook-scoped defined names by lower-case name. Sheet-scoped ones ("Sheet1!DJ_Tag") are left out. */
function workbookNames(book: EtWorkbook): Map<string, EtName> {
  const names = book.Names;
  const count = names.Count;
  const out = new Map<string, EtName>();
  for (let i = 1; i <= count; i++) {
    const item = names.Item(i);
    const name = item.Name;
    if (!name.includes("!")) out.set(name.toLowerCase(), item);
  }
  return out;
}

/** Writes the record only when it changed, and makes the record sheet only for a record with something in it. */
function saveRecord(book: EtWorkbook, sheets: readonly TaggedSheet[], before: WpsRecord, after: WpsRecord): void {
  if (JSON.stringify(before) === JSON.stringify(after)) return;
  const empty = after.fixes.length === 0 && after.names.length === 0;
  if (empty && !sheets.some((s) => s.tag?.role === "record")) return;
  writeRecord(book, sheets, after);
}

/** Adds a worksheet at the end of the tabs (after the record sheet too, which is very hidden). */
function addLast(book: EtWorkbook): EtWorksheet {
  const worksheets = book.Worksheets;
  return worksheets.Add(undefined, worksheets.Item(worksheets.Count));
}

// ---------------------------------------------------------------------------------------------
// Writing a spec

/** What goes into Value2 for a canvas cell: strings as they are (their "@" format keeps them text), formulas as "=…". */
function inputOf(slot: Canvas["slots"][number][number], tables: readonly TablePlace[], row: number, col: number): unknown {
  if (!slot) return "";
  const v = slot.value;
  if (v === null) return "";
  if (typeof v === "string" || typeof v === "boolean") return v;
  // NaN and Infinity are no cell value; the error value says what happened.
  if (typeof v === "number") return Number.isFinite(v) ? v : "=#NUM!";
  if ("formula" in v) return resolveStructuredRefs(v.formula.startsWith("=") ? v.formula : `=${v.formula}`, tables, { row, col });
  return hyperlinkFormula(v.link, v.text);
}

/**
 * One block of the canvas: number formats first, per run of equal formats in each column ("@"
 * on every string, so "=SUM(A1)", "001" and "1/2" arrive in Text cells and stay text), then the
 * whole block in one Value2. General runs are skipped: a new sheet is General throughout.
 */
function writeBlock(sheet: EtWorksheet, canvas: Canvas, block: RowBlock, tables: readonly TablePlace[]): void {
  const top = canvas.row0 + block.offset;
  for (let c = 0; c < canvas.cols; c++) {
    const column = canvas.col0 + c + 1;
    for (const [first, last, format] of runsOf(block.rows, (r) => canvas.slots[block.offset + r][c]?.format ?? "General")) {
      if (format !== "General") rangeOf(sheet, { top: top + first + 1, left: column, bottom: top + last + 1, right: column }).NumberFormat = format;
    }
  }
  const values: unknown[][] = [];
  for (let r = 0; r < block.rows; r++) {
    const slots = canvas.slots[block.offset + r];
    const row: unknown[] = new Array(canvas.cols);
    for (let c = 0; c < canvas.cols; c++) row[c] = inputOf(slots[c], tables, top + r, canvas.col0 + c);
    values.push(row);
  }
  rangeOf(sheet, { top: top + 1, left: canvas.col0 + 1, bottom: top + block.rows, right: canvas.col0 + canvas.cols }).Value2 = values;
}

/** "1900-03-01" → "=DATE(1900,3,1)": what Validation.Add takes for a date in any locale. */
function dateFormula(iso: string): string {
  const [y, m, d] = iso.split("-").map(Number);
  return `=DATE(${y},${m},${d})`;
}

/** Validation.Add's type, operator and formulas for a rule (positional; the list's operator is skipped). */
function validationArgs(rule: ValidationRule): [number, number | undefined, string, string | undefined] {
  if (rule.kind === "list") return [XL.validateList, undefined, rule.options.join(","), undefined];
  if (rule.kind === "date") return [XL.validateDate, XL.between, dateFormula(rule.min), dateFormula(rule.max)];
  const type = rule.kind === "whole" ? XL.validateWholeNumber : XL.validateDecimal;
  return rule.max === undefined ? [type, XL.greaterEqual, String(rule.min), undefined] : [type, XL.between, String(rule.min), String(rule.max)];
}

/** Column widths, one call per run of equal widths. ET's ColumnWidth is in characters, as the spec's are. */
function setWidths(sheet: EtWorksheet, widths: readonly number[]): void {
  for (const [first, last, width] of runsOf(widths.length, (c) => widths[c])) {
    rangeOf(sheet, { top: 1, left: first + 1, bottom: 1, right: last + 1 }).ColumnWidth = width;
  }
}

/** Rows kept in view: ET freezes the active window's panes, so the sheet is activated first. */
function freezeRows(app: EtApplication, sheet: EtWorksheet, rows: number): void {
  sheet.Activate();
  const window = app.ActiveWindow;
  if (!window) return; // no window to freeze (WPS running without one): nothing to keep in view
  window.SplitColumn = 0;
  window.SplitRow = rows;
  window.FreezePanes = true;
}

interface WriteOptions {
  blockCells: number;
  progress?: Progress;
}

/** Writes a spec as a sheet of ours and returns the name it got (see the module comment). */
function writeSpec(app: EtApplication, book: EtWorkbook, spec: SheetSpec, options: WriteOptions): string {
  const sheets = taggedSheets(book);
  const record = readRecord(sheets);
  // "template" and "frozen" sheets are never replaced: each run adds one.
  const replaced = spec.role === "template" || spec.role === "frozen" ? [] : sheets.filter((s) => s.tag?.role === spec.role);
  const replacedIds = new Set(replaced.map((s) => s.tag!.id));

  const existing = workbookNames(book);
  const definedNames = planDefinedNames(spec.names ?? [], existing, record.names, replacedIds);
  if (definedNames.taken !== undefined) throw refusal("write", "NameTaken", "wps.refuse.nameTaken", { sheet: spec.name, name: definedNames.taken });

  const sheetName = uniqueSheetName(
    spec.name,
    sheets.filter((s) => !replaced.includes(s)).map((s) => s.name),
  );
  const tables = (spec.tables ?? []).map(tablePlace);
  const canvas = layout(spec);
  const blocks = canvas ? rowBlocks(canvas.rows, canvas.cols, options.blockCells) : [];
  options.progress?.(0, blocks.length + 1);

  // The sheet replaced steps aside (a temporary name) so ours can take its name and its place in the tabs.
  const allNames = sheets.map((s) => s.name);
  for (const old of replaced) {
    const aside = uniqueSheetName(`~${old.name}`, [...allNames, sheetName]);
    allNames.push(aside);
    old.sheet.Name = aside;
  }
  const sheet = replaced.length > 0 ? book.Worksheets.Add(replaced[0].sheet) : addLast(book);
  sheet.Name = sheetName;
  for (const old of replaced) old.sheet.Delete();
  const id = newId();
  // A template becomes the user's sheet: untagged, as Excel leaves it out of its registry.
  const recorded = spec.role !== "template";
  if (recorded) writeTag(sheet, { id, role: spec.role });

  if (spec.widths?.length) setWidths(sheet, spec.widths);
  if (spec.freezeRows) freezeRows(app, sheet, spec.freezeRows);
  const bold = (spec.cells ?? []).filter((cell) => cell.bold).map((cell) => addressOf({ top: cell.row + 1, left: cell.col + 1, bottom: cell.row + 1, right: cell.col + 1 }));
  for (const table of tables) bold.push(addressOf({ top: table.row + 1, left: table.col + 1, bottom: table.row + 1, right: table.col + table.columns.length }));
  for (const list of chunkAddresses(bold, MAX_ADDRESS)) sheet.Range(list).Font.Bold = true;

  blocks.forEach((block, i) => {
    writeBlock(sheet, canvas!, block, tables);
    options.progress?.(i + 1, blocks.length + 1);
  });

  // A worksheet has one AutoFilter: the spec's first table (its main one) gets it.
  const main = tables[0];
  if (main) {
    rangeOf(sheet, { top: main.row + 1, left: main.col + 1, bottom: main.row + 1 + Math.max(1, main.rows), right: main.col + main.columns.length }).AutoFilter();
  }
  for (const validation of spec.validations ?? []) {
    const { row, col, rows, cols } = validation.area;
    const target = rangeOf(sheet, { top: row + 1, left: col + 1, bottom: row + rows, right: col + cols }).Validation;
    target.Delete();
    const [type, operator, formula1, formula2] = validationArgs(validation.rule);
    target.Add(type, XL.alertStop, operator, formula1, formula2);
    if (validation.prompt) {
      target.InputTitle = validation.prompt.title;
      target.InputMessage = validation.prompt.message;
      target.ShowInput = true;
    }
    if (validation.error) {
      target.ErrorTitle = validation.error.title;
      target.ErrorMessage = validation.error.message;
      target.ShowError = true;
    }
  }
  for (const area of spec.zeroFills ?? []) {
    // Relative to the area's first cell; a blank cell is no 0 here, as it would be to a cell-value rule.
    const first = `${columnLetter(area.col + 1)}${area.row + 1}`;
    const range = rangeOf(sheet, { top: area.row + 1, left: area.col + 1, bottom: area.row + area.rows, right: area.col + area.cols });
    const format = range.FormatConditions.Add(XL.expression, undefined, `=AND(ISNUMBER(${first}),${first}=0)`);
    format.Interior.Color = bgr(MARK_COLORS.error.fill);
    format.Font.Color = bgr(MARK_COLORS.error.font);
  }
  for (const item of definedNames.drop) existing.get(item.name.toLowerCase())!.Delete();
  for (const item of spec.names ?? []) {
    book.Names.Add(item.name, `=${sheetRef(sheetName)}!$${columnLetter(item.col + 1)}$${item.row + 1}`, true);
  }
  sheet.Activate();

  const next: WpsRecord = { ...record, names: definedNames.kept };
  if (recorded) for (const item of spec.names ?? []) next.names.push({ name: item.name, sheetId: id });
  saveRecord(book, sheets.filter((s) => !replaced.includes(s)), record, next);
  options.progress?.(blocks.length + 1, blocks.length + 1);
  return sheetName;
}

// ---------------------------------------------------------------------------------------------
// Fixes

/** Value2 of one cell, whatever shape the build hands it over in. */
function valueOfCell(range: EtRange): unknown {
  return matrixOf(range.Value2, 1, 1)[0]?.[0];
}

/** Whether a cell holds exactly this value, of this type ("12" the text is not 12 the number). */
function holds(value: unknown, expected: CellValue): boolean {
  return value === expected;
}

/**
 * Writes one value with its final number format. ET, like Excel, converts what arrives in a cell
 * not formatted as Text and stores as text whatever arrives in one that is: a string goes in under
 * "@", a number or boolean under anything but "@", and the final format is set after — changing a
 * format never converts a value already there.
 */
function writeCell(range: EtRange, value: CellValue, format: string): void {
  const entry = typeof value === "string" ? "@" : format === "@" ? "General" : format;
  range.NumberFormat = entry;
  range.Value2 = value;
  if (entry !== format) range.NumberFormat = format;
}

function plainFix(fix: CellFix): CellFix {
  return { sheet: fix.sheet, cell: fix.cell, rule: fix.rule, old: fix.old, new: fix.new };
}

/** Worksheets by name. Fixes are recorded by sheet name: a submission sheet has no tag to follow. */
function sheetsByName(book: EtWorkbook): Map<string, EtWorksheet> {
  return new Map(worksheetsOf(book).map((sheet) => [sheet.Name, sheet]));
}

// ---------------------------------------------------------------------------------------------
// Freezing


/**
 * Whether a cell shows a computed value: it holds a formula, or it holds no formula of its own yet
 * shows a value (a spilled array's cell, which empties once its anchor becomes a constant).
 */
function isComputed(formula: unknown, value: unknown): boolean {
  if (typeof formula === "string" && formula.startsWith("=")) return true;
  return (formula === "" || formula === null || formula === undefined) && value !== "" && value !== null && value !== undefined;
}

/** A computed value as a constant: an error (COM's integer) as its text, which a General cell takes as the error. */
function constantOf(value: unknown): unknown {
  if (typeof value === "number") return ERROR_VALUES.get(value) ?? value;
  return value ?? "";
}

const ERROR_TEXTS: ReadonlySet<unknown> = new Set(ERROR_VALUES.values());

/** Whether a computed value is text to keep as text (under "@"); an error's text (some builds) and "" are not. */
function isText(value: unknown): boolean {
  return typeof value === "string" && value !== "" && !ERROR_TEXTS.has(value);
}

/**
 * Replaces every computed cell of the sheet by the value it shows. Every block is read (Formula
 * and Value2) before any is written, while spilled arrays still stand; then each run of computed
 * cells in a column is written at once — text runs under "@" first, so a result "=x" or "001"
 * stays text (text shows the same under "@", so its format is not put back).
 */
function replaceFormulas(sheet: EtWorksheet, blockCells: number): void {
  const used = usedRect(sheet);
  if (!used) return;
  const cols = used.right - used.left + 1;
  const read = rowBlocks(used.bottom - used.top + 1, cols, blockCells).map((block) => {
    const range = rangeOf(sheet, { top: used.top + block.offset, left: used.left, bottom: used.top + block.offset + block.rows - 1, right: used.right });
    return { block, formulas: matrixOf(range.Formula, block.rows, cols), values: matrixOf(range.Value2, block.rows, cols) };
  });
  for (const { block, formulas, values } of read) {
    for (let c = 0; c < cols; c++) {
      const kind = (r: number) => {
        const value = values[r]?.[c];
        if (!isComputed(formulas[r]?.[c], value)) return "kept";
        return isText(value) ? "text" : "other";
      };
      for (const [first, last, what] of runsOf(block.rows, kind)) {
        if (what === "kept") continue;
        const column = used.left + c;
        const range = rangeOf(sheet, { top: used.top + block.offset + first, left: column, bottom: used.top + block.offset + last, right: column });
        if (what === "text") range.NumberFormat = "@";
        range.Value2 = Array.from({ length: last - first + 1 }, (_, i) => [constantOf(values[first + i]?.[c])]);
      }
    }
  }
}

// ---------------------------------------------------------------------------------------------
// Importing

/** base64 → bytes (atob is in every browser WPS embeds, and in Node). */
function bytesOfBase64(base64: string): Uint8Array {
  const binary = atob(base64);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

/** Number format of a file's cell as written: text stays text, a date shows as one. */
function importFormat(cell: Cell | undefined): string {
  if (cell?.kind === "text") return "@";
  if (cell?.kind === "date") return DATE_FORMAT;
  return "General";
}

/** A file's cell as Value2: an error as its text (a General cell takes it as the error). */
function importValue(cell: Cell | undefined): unknown {
  switch (cell?.kind) {
    case "text":
    case "number":
    case "bool":
      return cell.value;
    case "date":
      return cell.serial;
    case "error":
      return cell.code;
    default:
      return "";
  }
}

/** A file's grid written as values into a new sheet, in blocks as writeBlock does, then its merges. */
function writeGrid(sheet: EtWorksheet, grid: Grid, blockCells: number): void {
  const rows = grid.cells.length;
  const cols = grid.cells.reduce((most, row) => Math.max(most, row.length), 0);
  const { row: row0, col: col0 } = grid.origin;
  if (rows > 0 && cols > 0) {
    for (const block of rowBlocks(rows, cols, blockCells)) {
      const top = row0 + block.offset;
      for (let c = 0; c < cols; c++) {
        for (const [first, last, format] of runsOf(block.rows, (r) => importFormat(grid.cells[block.offset + r][c]))) {
          if (format !== "General") rangeOf(sheet, { top: top + first, left: col0 + c, bottom: top + last, right: col0 + c }).NumberFormat = format;
        }
      }
      const values = grid.cells.slice(block.offset, block.offset + block.rows).map((row) => Array.from({ length: cols }, (_, c) => importValue(row[c])));
      rangeOf(sheet, { top, left: col0, bottom: top + block.rows - 1, right: col0 + cols - 1 }).Value2 = values;
    }
  }
  // Only a merge's first cell holds a value, so merging asks nothing of the user.
  for (const merge of grid.merges) rangeOf(sheet, merge).Merge();
}

// ---------------------------------------------------------------------------------------------

export class WpsWorkbook implements WorkbookActions {
  readonly lacks: ReadonlySet<HostLack> = LACKS;
  /** The file reader's limit: a file is read here, not sent to WPS as Excel sends it. */
  readonly maxImportBytes = DEFAULT_READ_LIMITS.maxFileBytes;
  /** Tag ids of sheets inserted by insertWorkbook and not yet settled. */
  private readonly inserted = new Set<string>();

  /** `app` gives WPS's Application each time: a page may outlive the workbook it started on. */
  constructor(
    private readonly app: () => EtApplication,
    private readonly options: WpsWorkbookOptions,
  ) {}

  private get blockCells(): number {
    return Math.max(1, this.options.blockCells ?? WRITE_BLOCK_CELLS);
  }

  /** The newest sheet of ours in this role: the last in tab order. */
  private owned(book: EtWorkbook, role: SheetRole): TaggedSheet | undefined {
    return taggedSheets(book)
      .filter((s) => s.tag?.role === role)
      .at(-1);
  }

  private read(sheet: EtWorksheet, name: string): Grid {
    const [grid] = readGrids([{ sheet, name, visible: sheet.Visible === XL.sheetVisible }], { blockCells: this.options.blockCells });
    return grid;
  }

  async sheetNames(): Promise<string[]> {
    return guarded("read", () =>
      taggedSheets(activeBook(this.app()))
        // Imported sheets are submissions: listed. Every other sheet of ours is not.
        .filter((s) => s.sheet.Visible === XL.sheetVisible && (s.tag === undefined || s.tag.role === "imported"))
        .map((s) => s.name),
    );
  }

  async readSheet(name: string): Promise<Grid | null> {
    return guarded("read", () => {
      const wanted = name.toLowerCase();
      // Excel compares sheet names without regard to case; so does this lookup.
      const sheet = worksheetsOf(activeBook(this.app())).find((s) => s.Name.toLowerCase() === wanted);
      return sheet ? this.read(sheet, sheet.Name) : null;
    });
  }

  async readOwned(role: SheetRole): Promise<Grid | null> {
    return guarded("read", () => {
      const owned = this.owned(activeBook(this.app()), role);
      return owned ? this.read(owned.sheet, owned.name) : null;
    });
  }

  async writeSheet(spec: SheetSpec, progress?: Progress): Promise<string> {
    return guarded("write", () => {
      const app = this.app();
      const book = activeBook(app);
      return quietly(app, () => writeSpec(app, book, spec, { blockCells: this.blockCells, progress }));
    });
  }

  /** Calls: up to six per fix (the cell, its value and format, two or three writes), plus the record's. */
  async applyFixes(fixes: CellFix[]): Promise<CellFix[]> {
    return guarded("fix", () => {
      const app = this.app();
      const book = activeBook(app);
      return quietly(app, () => {
        const byName = sheetsByName(book);
        const applied: RecordedFix[] = [];
        const done = new Set<string>();
        for (const fix of fixes) {
          const sheet = byName.get(fix.sheet);
          if (!sheet) continue; // deleted or renamed since validation: nothing to compare with
          const key = `${fix.sheet}!${fix.cell.replace(/\$/g, "").toUpperCase()}`;
          if (done.has(key)) continue;
          const range = sheet.Range(fix.cell);
          if (!holds(valueOfCell(range), fix.old)) continue;
          done.add(key);
          const raw = range.NumberFormat;
          const format = typeof raw === "string" ? raw : "General";
          // A number fixed out of a Text cell must become a number: the cell becomes General.
          writeCell(range, fix.new, typeof fix.new !== "string" && format === "@" ? "General" : format);
          applied.push({ ...plainFix(fix), format });
        }
        // Nothing applied: the record of an earlier application stays undoable.
        if (applied.length === 0) return [];
        const sheets = taggedSheets(book);
        const record = readRecord(sheets);
        saveRecord(book, sheets, record, { ...record, fixes: applied });
        return applied.map(plainFix);
      });
    });
  }

  async undoFixes(): Promise<CellFix[]> {
    return guarded("undo", () => {
      const app = this.app();
      const book = activeBook(app);
      const sheets = taggedSheets(book);
      const record = readRecord(sheets);
      if (record.fixes.length === 0) return [];
      return quietly(app, () => {
        const byName = new Map(sheets.map((s) => [s.name, s.sheet]));
        const undone: CellFix[] = [];
        for (const fix of record.fixes) {
          const sheet = byName.get(fix.sheet);
          if (!sheet) continue;
          const range = sheet.Range(fix.cell);
          if (!holds(valueOfCell(range), fix.new)) continue; // changed by the user since: theirs now
          writeCell(range, fix.old, fix.format);
          undone.push(plainFix(fix));
        }
        saveRecord(book, sheets, record, { ...record, fixes: [] });
        return undone;
      });
    });
  }

  async recordedFixes(): Promise<CellFix[]> {
    return guarded("read", () => readRecord(taggedSheets(activeBook(this.app()))).fixes.map(plainFix));
  }

  async freeze(role: SheetRole): Promise<string> {
    return guarded("freeze", () => {
      const app = this.app();
      const book = activeBook(app);
      const sheets = taggedSheets(book);
      const owned = sheets.filter((s) => s.tag?.role === role).at(-1);
      if (!owned) throw refusal("freeze", "NotFound", "wps.refuse.noOwned", { role: words(`wps.role.${role}`) });
      const name = uniqueSheetName(
        wpsText(this.options.locale)("wps.frozen.name", { name: owned.name }),
        sheets.map((s) => s.name),
      );
      return quietly(app, () => {
        const worksheets = book.Worksheets;
        owned.sheet.Copy(undefined, worksheets.Item(worksheets.Count));
        // The copy is the new last sheet, and carries the original's tag: it gets its own.
        const copy = worksheets.Item(worksheets.Count);
        copy.Name = name;
        writeTag(copy, { id: newId(), role: "frozen" });
        replaceFormulas(copy, this.blockCells);
        copy.Activate();
        return name;
      });
    });
  }

  async insertWorkbook(base64: string, progress?: Progress): Promise<InsertedSheet[]> {
    let grids: Grid[];
    try {
      // The project's own reader, with its limits, as the browser preview reads a file. Loaded
      // only here: exceljs is most of its size, and neither 一键校验 nor the other tabs need it.
      const bytes = bytesOfBase64(base64);
      const { readWorkbook } = await import(/* webpackChunkName: "reader" */ "../files/read");
      grids = await readWorkbook(bytes.buffer as ArrayBuffer);
    } catch (error) {
      throw toHostError("import", error);
    }
    return guarded("import", () => {
      const app = this.app();
      const book = activeBook(app);
      const names = worksheetsOf(book).map((sheet) => sheet.Name);
      const made = quietly(app, () =>
        grids
          .filter((grid) => grid.visible !== false)
          .map((grid) => {
            const sheet = addLast(book);
            const name = uniqueSheetName(grid.sheet, names);
            names.push(name);
            sheet.Name = name;
            const id = newId();
            // No unit yet: importedSheets lists it once settled; settleImport may delete it until then.
            writeTag(sheet, { id, role: "imported" });
            this.inserted.add(id);
            writeGrid(sheet, grid, this.blockCells);
            return { id, name, sheet };
          }),
      );
      // Read back: validation sees what is in WPS, not what the file said.
      const read = readGrids(
        made.map(({ sheet, name }) => ({ sheet, name, visible: true })),
        { blockCells: this.options.blockCells, progress },
      );
      return made.map(({ id, name }, i) => ({ id, name, grid: read[i] }));
    });
  }

  async importedSheets(): Promise<ImportedSheet[]> {
    return guarded("read", () =>
      taggedSheets(activeBook(this.app())).flatMap(({ name, tag }) =>
        tag?.role === "imported" && tag.unit !== undefined ? [{ id: tag.id, name, unit: tag.unit }] : [],
      ),
    );
  }

  async settleImport(keep: { id: string; unit: string }[], remove: string[]): Promise<ImportedSheet[]> {
    return guarded("settle", () => {
      const untitled = wpsText(this.options.locale)("wps.sheet.untitled");
      const wanted = keep.map((sheet) => ({ ...sheet, unit: sheet.unit || untitled }));
      const sheets = taggedSheets(activeBook(this.app()));
      const byId = new Map(sheets.flatMap((s) => (s.tag ? [[s.tag.id, s] as const] : [])));
      const allowed = new Set([...this.inserted, ...sheets.filter((s) => s.tag?.role === "imported").map((s) => s.tag!.id)]);
      for (const id of [...remove, ...wanted.map((sheet) => sheet.id)]) {
        if (!allowed.has(id)) throw refusal("settle", "NotImported", "wps.refuse.notImported", { sheet: byId.get(id)?.name ?? id });
      }

      const removed = new Set(remove);
      const kept = wanted.filter((sheet) => byId.has(sheet.id) && !removed.has(sheet.id));
      const keptIds = new Set(kept.map((sheet) => sheet.id));
      quietly(this.app(), () => {
        for (const id of removed) byId.get(id)?.sheet.Delete();
      });

      const taken = sheets.filter((s) => !(s.tag && (removed.has(s.tag.id) || keptIds.has(s.tag.id)))).map((s) => s.name);
      const targets: string[] = [];
      for (const sheet of kept) targets.push(uniqueSheetName(sheet.unit, [...taken, ...targets]));
      // A kept sheet may want a name another kept sheet still has: step every kept sheet aside first.
      const current = kept.map((sheet) => byId.get(sheet.id)!.name.toLowerCase());
      const clash = targets.some((target, i) => current.some((name, j) => j !== i && name === target.toLowerCase()));
      if (clash) {
        const names = [...sheets.map((s) => s.name), ...targets];
        kept.forEach((sheet, i) => {
          const aside = uniqueSheetName(`~${i + 1}`, names);
          names.push(aside);
          byId.get(sheet.id)!.sheet.Name = aside;
        });
      }
      const settled: ImportedSheet[] = kept.map((sheet, i) => {
        const { sheet: worksheet, name } = byId.get(sheet.id)!;
        if (clash || name !== targets[i]) worksheet.Name = targets[i];
        writeTag(worksheet, { id: sheet.id, role: "imported", unit: sheet.unit });
        return { id: sheet.id, name: targets[i], unit: sheet.unit };
      });
      for (const id of [...remove, ...keep.map((sheet) => sheet.id)]) this.inserted.delete(id);
      return settled;
    });
  }
}
