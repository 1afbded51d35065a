/**
 * An in-memory WorkbookActions that records every call, and an Excel-like stand-in host over it:
 * the user's sheets are grids, the add-in's sheets are the specs written (read back as grids, so
 * a saved 参数 sheet is what the next validation reads), fixes change the grids' cells.
 */
import type { Locale } from "../../src/i18n";
import type { CellValue, Grid } from "../../src/engine";
import { grid, range, toCell, type Plain } from "../support/grid";
import type { CellFix, ImportedSheet, InsertedSheet, WorkbookActions } from "../../src/host/host";
import type { SheetRole, SheetSpec } from "../../src/engine/sheets";
import { specGrid } from "../support/sheetSpec";
import { StandInHost } from "./standInHost";

export interface Call {
  method: keyof WorkbookActions;
  args: unknown[];
}

/** A grid the stand-in may change (fixes) without touching the shared fixture; jsdom has no structuredClone. */
export function copyOf(grid: Grid): Grid {
  return JSON.parse(JSON.stringify(grid)) as Grid;
}

function cellValue(grid: Grid, cell: string): { row: number; col: number; value: CellValue | null } {
  const { top, left } = range(cell);
  const row = top - grid.origin.row;
  const col = left - grid.origin.col;
  const found = grid.cells[row]?.[col];
  const value = !found || found.kind === "empty" || found.kind === "error" ? null : found.kind === "date" ? found.serial : found.value;
  return { row, col, value };
}

function setCell(grid: Grid, row: number, col: number, value: CellValue): void {
  while (grid.cells.length <= row) grid.cells.push([]);
  grid.cells[row][col] = toCell(value);
}

export class StandInWorkbook implements WorkbookActions {
  readonly calls: Call[] = [];
  /** The user's sheets, in tab order. */
  readonly sheets: Grid[];
  /** The add-in's sheets by role: the spec last written and the name it got. */
  readonly owned = new Map<SheetRole, { name: string; grid: Grid; spec?: SheetSpec }>();
  recorded: CellFix[] = [];
  imported: ImportedSheet[] = [];
  /** What each insertWorkbook call inserts, in order (ids must be unique). */
  readonly inserts: InsertedSheet[][] = [];
  /** Makes the named method reject with this error, once. */
  readonly failures = new Map<keyof WorkbookActions, Error>();
  private nextId = 1;
  /** Every sheet inserted or imported, by worksheet id. */
  private readonly byId = new Map<string, Grid>();

  constructor(sheets: Grid[] = []) {
    this.sheets = sheets;
  }

  /** The calls of one method, as their argument lists. */
  callsOf(method: keyof WorkbookActions): unknown[][] {
    return this.calls.filter((c) => c.method === method).map((c) => c.args);
  }

  /** The specs passed to writeSheet, in order. */
  get written(): SheetSpec[] {
    return this.callsOf("writeSheet").map((args) => args[0] as SheetSpec);
  }

  private record(method: keyof WorkbookActions, args: unknown[]): void {
    this.calls.push({ method, args });
    const failure = this.failures.get(method);
    if (failure) {
      this.failures.delete(method);
      throw failure;
    }
  }

  private freeName(wanted: string, renaming?: Grid): string {
    const taken = (name: string) => this.sheets.some((s) => s !== renaming && s.sheet === name);
    let name = wanted;
    for (let n = 2; taken(name); n++) name = `${wanted} (${n})`;
    return name;
  }

  async sheetNames(): Promise<string[]> {
    this.record("sheetNames", []);
    return this.sheets.map((s) => s.sheet);
  }

  async readSheet(name: string): Promise<Grid | null> {
    this.record("readSheet", [name]);
    return this.sheets.find((s) => s.sheet === name) ?? null;
  }

  async readOwned(role: SheetRole): Promise<Grid | null> {
    this.record("readOwned", [role]);
    return this.owned.get(role)?.grid ?? null;
  }

  async writeSheet(spec: SheetSpec, progress?: (done: number, total: number) => void): Promise<string> {
    this.record("writeSheet", [spec]);
    progress?.(1, 1);
    const name = this.freeName(spec.name);
    this.owned.set(spec.role, { name, grid: specGrid(spec, name), spec });
    return name;
  }

  async applyFixes(fixes: CellFix[]): Promise<CellFix[]> {
    this.record("applyFixes", [fixes]);
    const applied: CellFix[] = [];
    for (const fix of fixes) {
      const grid = this.sheets.find((s) => s.sheet === fix.sheet);
      if (!grid) continue;
      const { row, col, value } = cellValue(grid, fix.cell);
      if (value !== fix.old) continue;
      setCell(grid, row, col, fix.new);
      applied.push(fix);
    }
    this.recorded = applied;
    return applied;
  }

  async undoFixes(): Promise<CellFix[]> {
    this.record("undoFixes", []);
    const undone: CellFix[] = [];
    for (const fix of this.recorded) {
      const grid = this.sheets.find((s) => s.sheet === fix.sheet);
      if (!grid) continue;
      const { row, col, value } = cellValue(grid, fix.cell);
      if (value !== fix.new) continue;
      setCell(grid, row, col, fix.old);
      undone.push(fix);
    }
    this.recorded = [];
    return undone;
  }

  async recordedFixes(): Promise<CellFix[]> {
    this.record("recordedFixes", []);
    return this.recorded;
  }

  async freeze(role: SheetRole): Promise<string> {
    this.record("freeze", [role]);
    const source = this.owned.get(role);
    if (!source) throw new Error(`没有${role}工作表`);
    return this.freeName(`${source.name}（数值）`);
  }

  async insertWorkbook(base64: string): Promise<InsertedSheet[]> {
    this.record("insertWorkbook", [base64]);
    const inserted = this.inserts.shift() ?? [];
    for (const sheet of inserted) {
      this.byId.set(sheet.id, sheet.grid);
      this.sheets.push(sheet.grid);
    }
    return inserted;
  }

  async importedSheets(): Promise<ImportedSheet[]> {
    this.record("importedSheets", []);
    return this.imported;
  }

  async settleImport(keep: { id: string; unit: string }[], remove: string[]): Promise<ImportedSheet[]> {
    this.record("settleImport", [keep, remove]);
    for (const id of remove) {
      const grid = this.byId.get(id);
      if (!grid) throw new Error(`不能删除不是导入的工作表 ${id}`);
      this.sheets.splice(this.sheets.indexOf(grid), 1);
      this.byId.delete(id);
    }
    this.imported = this.imported.filter((s) => !remove.includes(s.id));
    const kept = keep.map(({ id, unit }): ImportedSheet => {
      const grid = this.byId.get(id)!;
      grid.sheet = this.freeName(unit, grid);
      return { id, unit, name: grid.sheet };
    });
    this.imported.push(...kept);
    return kept;
  }

  /** A department's sheet imported in an earlier session. */
  addImported(grid: Grid, unit: string): ImportedSheet {
    const sheet = { id: `old-${this.nextId++}`, name: grid.sheet, unit };
    this.byId.set(sheet.id, grid);
    this.sheets.push(grid);
    this.imported.push(sheet);
    return sheet;
  }

  /** A sheet for insertWorkbook to return, with a fresh id. */
  inserted(grid: Grid): InsertedSheet {
    return { id: `new-${this.nextId++}`, name: grid.sheet, grid };
  }
}

/** An Excel-like host: validates the workbook's own sheets and has the workbook's actions. */
export class StandInExcelHost extends StandInHost {
  constructor(
    readonly workbook: StandInWorkbook,
    locale: Locale = "zh-CN",
  ) {
    super(async () => [{ file: "考核汇总.xlsx", grids: workbook.sheets }], "excel", locale);
  }
}

/** The header of the sample submissions: every required column, plus grades and scores. */
export const HEADER = ["序号", "党支部名称", "正式党员数", "预备党员数", "党员大会", "党课", "本年发展党员数", "上年定级", "党建考核得分", "业务考核得分"];

/** A department's submission sheet: its 填报单位 above the header, then these branch rows. */
export function submission(sheet: string, unit: string, rows: Plain[][] = [[1, "第一党支部", 12, 1, 4, 4, 1, "一般", 95, 92]]): Grid {
  return grid([[`填报单位：${unit}`], HEADER, ...rows], { sheet });
}
