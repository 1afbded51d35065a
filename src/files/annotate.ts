/**
 * The annotated copy sent back to a department: problem cells filled and noted as the add-in
 * marks them (src/host/marks.ts), plus the add-in's 问题清单 for this file. Only styles, notes and
 * the new sheet are added; no submitted value is rewritten.
 */
import type ExcelJS from "exceljs";
import type { Finding } from "../engine/report";
import { reportSheet } from "../engine/sheets/report";
import type { Locale } from "../i18n";
import { MARK_COLORS, planMarks, type CellMark } from "../host/marks";
import { loadWorkbook, WorkbookWriteError } from "./load";
import type { ReadLimits } from "./limits";
import { addSpecSheet } from "./writeSpec";

export interface AnnotateOptions {
  /** The language of the notes and of 问题清单. */
  locale: Locale;
  /** The read limits the file was read under: a file allowed in by raised limits must load here too. */
  limits?: ReadLimits;
}

/** "#FFC7CE" as exceljs writes colours: ARGB. */
function argb(color: string): string {
  return `FF${color.slice(1).toUpperCase()}`;
}

/** A copy of the workbook `file` (its bytes) with these findings, its own, marked and listed. */
export async function annotateWorkbook(data: Buffer, file: string, findings: readonly Finding[], options: AnnotateOptions): Promise<Buffer> {
  const workbook = await loadWorkbook(data, options.limits);
  const originals = new Map(workbook.worksheets.map((ws) => [ws.name, ws]));
  for (const [sheetName, marks] of planMarks(findings, options.locale)) {
    const worksheet = originals.get(sheetName);
    if (!worksheet) continue;
    for (const [address, mark] of marks) markCell(worksheet.getCell(address), mark);
  }
  addSpecSheet(workbook, reportSheet({ files: [{ file, findings }], missing: [] }, [], options.locale));

  try {
    // In Node exceljs returns a Node Buffer; its typings call it an ArrayBuffer.
    return (await workbook.xlsx.writeBuffer()) as unknown as Buffer;
  } catch (cause) {
    throw new WorkbookWriteError(cause instanceof Error ? cause.message : String(cause), { cause });
  }
}

function markCell(cell: ExcelJS.Cell, mark: CellMark): void {
  // A cell covered by a merge is not shown: mark the merge's visible (top-left) cell.
  const target = cell.master;
  // exceljs shares one style object among all cells loaded with the same style id:
  // assigning `target.fill` would paint every cell of that style. Give this cell its own.
  target.style = { ...target.style, fill: { type: "pattern", pattern: "solid", fgColor: { argb: argb(MARK_COLORS[mark.severity].fill) } } };
  target.note = withExistingNote(target.note, mark.note);
}

/** A note the user wrote stays; ours follows it. */
function withExistingNote(existing: string | ExcelJS.Comment | undefined, ours: string): string | ExcelJS.Comment {
  if (existing === undefined || existing === null || existing === "") return ours;
  if (typeof existing === "string") return `${existing}\n\n${ours}`;
  return { ...existing, texts: [...(existing.texts ?? []), { text: `\n\n${ours}` }] };
}
