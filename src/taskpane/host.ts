/**
 * What the task pane asks of wherever it runs: Excel (src/excel) or the browser preview (the
 * file host over src/files). Coarse and plain-data on purpose, so a third host (WPS 表格) can be
 * added without touching the engine or the pane. The pane never calls Office.js itself.
 */
import type { Finding, WorkbookInput } from "../engine";

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
  markFindings(findings: Finding[], progress?: Progress): Promise<void>;
  /** Removes every mark and note the add-in made, and nothing else. */
  clearMarks(): Promise<void>;
  /** Shows a cell to the user (Excel selects it; the preview scrolls to the finding). */
  selectCell(file: string, sheet: string, cell: string): Promise<void>;
}
