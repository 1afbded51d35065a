/** 导入: what an imported sheet is called in the workbook — the department that submitted it. */
import type { Grid } from "../grid";
import { findSubmissionHeader } from "../sheet";
import { readTitleBlock } from "../title";
import { SheetView } from "../view";

/** The 填报单位 of a submission sheet (else its sheet name); null when the grid is no submission. */
export function submissionUnit(grid: Grid): string | null {
  const view = new SheetView(grid);
  const header = findSubmissionHeader(view);
  if (!header) return null;
  return readTitleBlock(view, header.top).unit ?? grid.sheet;
}
