/** 导入: what an imported sheet is called in the workbook — the department that submitted it. */
import type { Grid } from "../grid";
import { findHeader } from "../header";
import { submissionKind } from "../kinds/submission";
import { readTitleBlock } from "../title";
import { SheetView } from "../view";

/** The 填报单位 of a submission sheet (else its sheet name); null when the grid is no submission. */
export function submissionUnit(grid: Grid): string | null {
  const view = new SheetView(grid);
  const header = findHeader(view, submissionKind.fields, submissionKind.accepts);
  if (!header) return null;
  return readTitleBlock(view, header.top).unit ?? grid.sheet;
}
