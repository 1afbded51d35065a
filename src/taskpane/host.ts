/**
 * What the task pane asks of wherever it runs: Excel (src/excel) or the browser preview (the
 * file host over src/files). Coarse and plain-data on purpose, so a third host (WPS 表格) can be
 * added without touching the engine or the pane. The pane never calls Office.js itself.
 */
import type { Finding, Report, WorkbookInput } from "../engine";

/** A finding with the file it belongs to (sheet names repeat across files). */
export type LocatedFinding = Finding & { file: string };

/** Every finding of a report with its file, in report order: what markFindings takes. */
export function locatedFindings(report: Report): LocatedFinding[] {
  return report.files.flatMap((f) => f.sheets.flatMap((s) => s.findings.map((finding) => ({ ...finding, file: f.file }))));
}

/** Reports how far long work has come, for the progress bar. */
export type Progress = (done: number, total: number) => void;

export interface Host {
  readonly kind: "excel" | "files";
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
}
