/**
 * What the task pane asks of wherever it runs: Excel (src/excel), WPS 表格 (src/wps) or the
 * browser preview (the file host over src/files). Coarse and plain-data on purpose, so a host can
 * be added without touching the engine or the pane. The pane never calls Office.js itself; the
 * helpers every host shares (marks, layout, names, blocks, number formats) are beside this file.
 */
import type { Finding, Grid, Report, WorkbookInput } from "../engine";
import type { CellFix, SheetRole, SheetSpec } from "../engine/sheets/spec";
import type { Locale } from "../i18n";

export type { CellFix } from "../engine/sheets/spec";

/** A finding with the file it belongs to (sheet names repeat across files). */
export type LocatedFinding = Finding & { file: string };

/** Every finding of a report with its file, in report order: what markFindings takes. */
export function locatedFindings(report: Report): LocatedFinding[] {
  return report.files.flatMap((f) => f.sheets.flatMap((s) => s.findings.map((finding) => ({ ...finding, file: f.file }))));
}

/** Reports how far long work has come, for the progress bar. */
export type Progress = (done: number, total: number) => void;

export interface Host {
  readonly kind: "excel" | "wps" | "files";
  /** The user's language: of the findings, the notes and the sheets written. */
  readonly locale: Locale;
  /**
   * The sheets to validate, read as the engine wants them: every sheet of the workbook (or of
   * every opened file), or only the active sheet. Sheets the add-in created are left out.
   */
  readWorkbooks(scope: "all" | "active", progress?: Progress): Promise<WorkbookInput[]>;
  /**
   * Marks the problem cells of these findings (errors red, warnings amber, the message as a
   * note), replacing marks made earlier. Never touches the user's own formatting.
   */
  markFindings(findings: LocatedFinding[], progress?: Progress): Promise<void>;
  /** Removes every mark and note the add-in made, and nothing else. */
  clearMarks(): Promise<void>;
  /** Shows a cell to the user (Excel selects it; the preview scrolls to the finding). */
  selectCell(file: string, sheet: string, cell: string): Promise<void>;
  /** What only a live workbook can do (Excel); absent in the browser preview. */
  readonly workbook?: WorkbookActions;
}

/** A sheet just inserted from a department's file, as read back. */
export interface InsertedSheet {
  /** Worksheet.id. */
  id: string;
  name: string;
  grid: Grid;
}

/** A department's sheet imported earlier, as recorded in the workbook. */
export interface ImportedSheet {
  id: string;
  name: string;
  /** 填报单位. */
  unit: string;
}

/**
 * The workbook's own actions, behind the 导入/名册/汇总/预警/评分/模板/设置 tabs. Every sheet the
 * add-in makes is recorded in the workbook; a sheet it did not make is never deleted or
 * overwritten (a wanted name that a user's sheet has gets a suffix instead).
 */
/** What a host's workbook cannot do that Excel's can; the tab concerned does the nearest thing and says so. */
export type HostLack = "chart" | "tableStyle" | "fileInsert";

export interface WorkbookActions {
  /** What this workbook cannot do (WPS: no charts, no table styles, no sheets inserted from a file); none in Excel. */
  readonly lacks?: ReadonlySet<HostLack>;
  /**
   * The largest .xlsx insertWorkbook takes, where it is the file reader's limit (WPS); absent in
   * Excel, whose limit is Excel on the web's request size (ImportView's MAX_IMPORT_BYTES).
   */
  readonly maxImportBytes?: number;
  /** Names of the workbook's visible sheets, in tab order, without the sheets the add-in owns. */
  sheetNames(): Promise<string[]>;
  /** A sheet by name, read as a grid (the roster); null when there is none of that name. */
  readSheet(name: string): Promise<Grid | null>;
  /** The sheet the add-in owns in this role, read as a grid; null when there is none. */
  readOwned(role: SheetRole): Promise<Grid | null>;
  /**
   * Writes a sheet of ours and returns the name it got. An earlier sheet of the same role is
   * replaced, except for "template" and "frozen", which always add a new sheet.
   */
  writeSheet(spec: SheetSpec, progress?: Progress): Promise<string>;
  /**
   * Applies these fixes where the cell still holds `old`; returns the ones applied, which are
   * recorded in the workbook (replacing the record of an earlier application) for undoFixes.
   */
  applyFixes(fixes: CellFix[]): Promise<CellFix[]>;
  /** Puts back the old values of the recorded fixes where the cell still holds the new one; returns those. */
  undoFixes(): Promise<CellFix[]>;
  /** The fixes recorded by the last applyFixes, not yet undone. */
  recordedFixes(): Promise<CellFix[]>;
  /** A values-only copy of our sheet of this role (formulas replaced by their values); returns its name. */
  freeze(role: SheetRole): Promise<string>;
  /** Inserts every sheet of an .xlsx (base64) at the end of the workbook and reads them back. */
  insertWorkbook(base64: string, progress?: Progress): Promise<InsertedSheet[]>;
  /** Departments' sheets imported earlier (and not deleted since). */
  importedSheets(): Promise<ImportedSheet[]>;
  /**
   * Settles an insert: deletes the sheets in `remove` (only sheets just inserted or recorded as
   * imported; anything else is refused), renames each kept sheet after its unit (with a suffix
   * when the name is taken) and records it as imported. Returns the kept sheets as named.
   */
  settleImport(keep: { id: string; unit: string }[], remove: string[]): Promise<ImportedSheet[]>;
}

