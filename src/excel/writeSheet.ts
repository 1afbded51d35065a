/**
 * Writing a SheetSpec with Office.js (PRODUCT.md §7, ENGINEERING.md §2).
 *
 * Data safety: every string is written as text. Excel converts what it is given as if typed —
 * "=SUM(A1)" becomes a formula, "001" the number 1, "1/2" a date, "@x" a formula — unless the
 * cell is formatted as Text ("@") when the value arrives. So each block sets its numberFormat
 * matrix ("@" on every string cell) before its formulas matrix, in the same request.
 *
 * Syncs: 1 (registry, sheets, tables, names, calculation mode) [+1 the registry's XML] + one per
 * batch of blocks (the first batch also replaces the sheet) + 1 (tables, validations, names,
 * charts, the registry) — never a function of the rows inside a block.
 */
import type { OutCell, SheetSpec, ValidationRule } from "../engine/sheets/spec";
import type { Progress } from "../host/host";
import { rowBlocks } from "../host/blocks";
import { refusal } from "./errors";
import { planDefinedNames, uniqueSheetName, uniqueTableName } from "../host/naming";
import { hyperlinkFormula, layout, type Canvas } from "../host/layout";
import { MARK_COLORS } from "../host/marks";
import { columnLetter } from "../engine/grid";
import { loadRegistry, saveRegistry, type OwnedItem } from "./registry";
import { isSupported } from "./requirements";

/**
 * Cells per written block. A request carries each cell's input and number format: a 20-character
 * Chinese string is ~70 bytes of JSON, so 20 000 cells is ~1.4 MB, two blocks a sync ~2.8 MB —
 * well under Excel on the web's 5 MB a request.
 */
export const WRITE_BLOCK_CELLS = 20_000;
export const WRITE_BLOCKS_PER_SYNC = 2;

export interface WriteOptions {
  blockCells?: number;
  blocksPerSync?: number;
  progress?: Progress;
}

/** What goes into Range.formulas for a cell: strings as they are (the "@" format keeps them text). */
export function inputOf(value: OutCell): string | number | boolean {
  if (value === null) return "";
  if (typeof value === "string" || typeof value === "boolean") return value;
  // Office refuses NaN and Infinity; the error value says what happened.
  if (typeof value === "number") return Number.isFinite(value) ? value : "=#NUM!";
  if ("formula" in value) return value.formula.startsWith("=") ? value.formula : `=${value.formula}`;
  return hyperlinkFormula(value.link, value.text);
}

/** Queues one block: formats first (so strings arrive in Text cells), then the inputs. */
function queueBlock(sheet: Excel.Worksheet, canvas: Canvas, offset: number, rows: number): void {
  const formats: string[][] = [];
  const inputs: (string | number | boolean)[][] = [];
  for (let r = offset; r < offset + rows; r++) {
    const formatRow: string[] = new Array(canvas.cols);
    const inputRow: (string | number | boolean)[] = new Array(canvas.cols);
    const slots = canvas.slots[r];
    for (let c = 0; c < canvas.cols; c++) {
      const slot = slots[c];
      formatRow[c] = slot ? slot.format : "General";
      inputRow[c] = slot ? inputOf(slot.value) : "";
    }
    formats.push(formatRow);
    inputs.push(inputRow);
  }
  const range = sheet.getRangeByIndexes(canvas.row0 + offset, canvas.col0, rows, canvas.cols);
  range.numberFormat = formats;
  range.formulas = inputs;
}

export function validationRule(rule: ValidationRule): Excel.DataValidationRule {
  if (rule.kind === "list") return { list: { inCellDropDown: true, source: rule.options.join(",") } };
  if (rule.kind === "date") return { date: { operator: "Between", formula1: rule.min, formula2: rule.max } };
  const basic: Excel.BasicDataValidation =
    rule.max === undefined ? { operator: "GreaterThanOrEqualTo", formula1: rule.min } : { operator: "Between", formula1: rule.min, formula2: rule.max };
  return rule.kind === "whole" ? { wholeNumber: basic } : { decimal: basic };
}

/** Column width in characters → points (Excel's default font: ~7 px a character plus 5 px of padding, 0.75 pt a px). */
export function widthInPoints(characters: number): number {
  return Math.round((characters * 7 + 5) * 0.75 * 100) / 100;
}

/** Office's calculation mode, set to manual around a bulk write and put back however the write ends. */
export class CalculationPause {
  private original?: Excel.CalculationMode | "Automatic" | "AutomaticExceptTables" | "Manual";
  private readonly application?: Excel.Application;

  /** Queues loading the mode (setting it needs ExcelApi 1.8). */
  constructor(context: Excel.RequestContext) {
    if (!isSupported("ExcelApi", "1.8")) return;
    this.application = context.application;
    this.application.load("calculationMode");
  }

  /** After the load's sync: queue manual calculation, unless the user already has it. */
  pause(): void {
    if (!this.application || this.application.calculationMode === "Manual") return;
    this.original = this.application.calculationMode;
    this.application.calculationMode = "Manual";
  }

  /** Queues the user's mode back (Excel then recalculates what the write made dirty). */
  resume(): void {
    if (this.application && this.original !== undefined) this.application.calculationMode = this.original;
  }

  /**
   * Runs the bulk work, which ends with resume() and a sync. When it fails, that last batch did
   * not run to its end: the mode is put back in a batch of its own before the error leaves.
   */
  async around<T>(context: Excel.RequestContext, work: () => Promise<T>): Promise<T> {
    try {
      const result = await work();
      this.original = undefined;
      return result;
    } catch (error) {
      if (this.original !== undefined) {
        this.resume();
        this.original = undefined;
        await context.sync();
      }
      throw error;
    }
  }
}

/** Suspends screen updating for the next sync, where Excel has it (ExcelApi 1.9); call once per sync. */
export function quietSync(context: Excel.RequestContext): Promise<void> {
  if (isSupported("ExcelApi", "1.9")) context.application.suspendScreenUpdatingUntilNextSync();
  return context.sync();
}

/** Writes a spec as a sheet of ours and returns the name it got; see the module comment. */
export async function writeSpec(context: Excel.RequestContext, spec: SheetSpec, options: WriteOptions = {}): Promise<string> {
  const blockCells = Math.max(1, options.blockCells ?? WRITE_BLOCK_CELLS);
  const blocksPerSync = Math.max(1, options.blocksPerSync ?? WRITE_BLOCKS_PER_SYNC);
  const book = context.workbook;
  const recorded = spec.role !== "template";

  // Sync 1 (+ the registry's XML).
  const tables = book.tables;
  tables.load("items/name");
  const names = book.names;
  names.load("items/name");
  const calculation = new CalculationPause(context);
  const loaded = await loadRegistry(context, "items/id,items/name,items/position");
  const registry = loaded.registry;

  // "template" and "frozen" sheets are never replaced: each run adds one.
  const replaced = spec.role === "template" || spec.role === "frozen" ? [] : registry.owned.filter((owned) => owned.role === spec.role);
  const replacedIds = new Set(replaced.map((owned) => owned.id));
  const existingNames = new Map(names.items.map((item) => [item.name.toLowerCase(), item]));
  const definedNames = planDefinedNames(spec.names ?? [], existingNames, registry.names, replacedIds);
  if (definedNames.taken !== undefined) throw refusal("write", "NameTaken", "excel.refuse.nameTaken", { sheet: spec.name, name: definedNames.taken });

  const sheetName = uniqueSheetName(
    spec.name,
    loaded.sheets.filter((sheet) => !replacedIds.has(sheet.id)).map((sheet) => sheet.name),
  );
  const vanishingTables = new Set(registry.tables.filter((table) => replacedIds.has(table.sheetId)).map((table) => table.name.toLowerCase()));
  const takenTableNames = [
    ...tables.items.map((table) => table.name).filter((name) => !vanishingTables.has(name.toLowerCase())),
    ...names.items.map((item) => item.name).filter((name) => !definedNames.dropped.has(name.toLowerCase())),
    ...(spec.names ?? []).map((item) => item.name),
  ];
  const tableNames: string[] = [];
  for (const table of spec.tables ?? []) {
    const name = uniqueTableName(table.name, [...takenTableNames, ...tableNames]);
    tableNames.push(name);
  }

  const canvas = layout(spec);
  const blocks = canvas ? rowBlocks(canvas.rows, canvas.cols, blockCells) : [];
  const batches = Math.max(1, Math.ceil(blocks.length / blocksPerSync));
  options.progress?.(0, batches + 1);

  return calculation.around(context, async () => {
    // First batch: the sheet itself. The sheet replaced steps aside (a temporary name) so ours can
    // take its name and its place in the tabs before it is deleted.
    calculation.pause();
    const worksheets = book.worksheets;
    const oldSheets = replaced.map((owned) => loaded.byId.get(owned.id)!);
    const allNames = loaded.sheets.map((sheet) => sheet.name);
    for (const old of oldSheets) {
      const aside = uniqueSheetName(`~${old.name}`, [...allNames, sheetName]);
      allNames.push(aside);
      old.name = aside;
    }
    const sheet = worksheets.add(sheetName);
    if (oldSheets.length > 0) sheet.position = oldSheets[0].position;
    for (const old of oldSheets) old.delete();
    sheet.load("id,name");
    (spec.widths ?? []).forEach((width, col) => {
      sheet.getRangeByIndexes(0, col, 1, 1).format.columnWidth = widthInPoints(width);
    });
    if (spec.freezeRows) sheet.freezePanes.freezeRows(spec.freezeRows);
    for (const cell of spec.cells ?? []) if (cell.bold) sheet.getRangeByIndexes(cell.row, cell.col, 1, 1).format.font.bold = true;

    for (let batch = 0; batch < batches; batch++) {
      for (const block of blocks.slice(batch * blocksPerSync, (batch + 1) * blocksPerSync)) queueBlock(sheet, canvas!, block.offset, block.rows);
      await quietSync(context);
      options.progress?.(batch + 1, batches + 1);
    }

    // Last batch: what sits on the written cells, and the record.
    (spec.tables ?? []).forEach((table, i) => {
      const range = sheet.getRangeByIndexes(table.row, table.col, table.rows.length + 1, table.columns.length);
      sheet.tables.add(range, true).name = tableNames[i];
    });
    for (const validation of spec.validations ?? []) {
      const { row, col, rows, cols } = validation.area;
      const dataValidation = sheet.getRangeByIndexes(row, col, rows, cols).dataValidation;
      dataValidation.rule = validationRule(validation.rule);
      if (validation.prompt) dataValidation.prompt = { showPrompt: true, title: validation.prompt.title, message: validation.prompt.message };
      if (validation.error) dataValidation.errorAlert = { showAlert: true, style: "Stop", title: validation.error.title, message: validation.error.message };
    }
    for (const area of spec.zeroFills ?? []) {
      const range = sheet.getRangeByIndexes(area.row, area.col, area.rows, area.cols);
      const format = range.conditionalFormats.add("Custom");
      // Relative to the area's first cell; a blank cell is no 0 here, as it would be to a cell-value rule.
      const first = `${columnLetter(area.col + 1)}${area.row + 1}`;
      format.custom.rule.formula = `=AND(ISNUMBER(${first}),${first}=0)`;
      format.custom.format.fill.color = MARK_COLORS.error.fill;
      format.custom.format.font.color = MARK_COLORS.error.font;
    }
    for (const item of definedNames.drop) names.getItem(item.name).delete();
    for (const item of spec.names ?? []) names.add(item.name, sheet.getRangeByIndexes(item.row, item.col, 1, 1), item.comment);
    for (const chart of spec.charts ?? []) {
      const { row, col, rows, cols } = chart.source;
      const added = sheet.charts.add("ColumnClustered", sheet.getRangeByIndexes(row, col, rows, cols), "Auto");
      added.title.text = chart.title;
      added.setPosition(sheet.getRangeByIndexes(chart.at.row, chart.at.col, 1, 1), sheet.getRangeByIndexes(chart.at.row + 14, chart.at.col + 7, 1, 1));
    }
    sheet.activate();

    const next = { ...registry };
    next.owned = registry.owned.filter((owned) => !replacedIds.has(owned.id));
    next.tables = registry.tables.filter((table) => !replacedIds.has(table.sheetId));
    next.names = definedNames.kept;
    if (recorded) {
      next.owned.push({ id: sheet.id, role: spec.role, name: sheet.name });
      for (const name of tableNames) next.tables.push({ name, sheetId: sheet.id });
      for (const item of spec.names ?? []) next.names.push({ name: item.name, sheetId: sheet.id } satisfies OwnedItem);
    }
    saveRegistry(book, loaded, next);
    calculation.resume();
    await quietSync(context);
    options.progress?.(batches + 1, batches + 1);
    return sheet.name;
  });
}

