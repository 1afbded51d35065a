/**
 * The annotated copy sent back to a department: problem cells filled and noted, plus a
 * 问题清单 sheet with one linked row per finding. Only styles, notes and the new sheet are
 * added; no submitted value is rewritten.
 */
import type ExcelJS from "exceljs";
import type { Finding, Severity, CellValue } from "../engine/report";
import { fieldLabel } from "../engine/findings";
import { SEVERITY_WORD } from "../engine/sheets/report";
import { t, type MessageKey } from "../i18n";
import { loadWorkbook, WorkbookWriteError } from "./load";
import type { ReadLimits } from "./limits";

export interface AnnotateOptions {
  /** Name of the findings sheet; default 问题清单 (i18n). A user's sheet of that name is kept: ours gets a suffix. */
  reportSheetName?: string;
  /** The read limits the file was read under: a file allowed in by raised limits must load here too. */
  limits?: ReadLimits;
}

/** Excel's own "light red fill" and "neutral" fills. */
const FILL: Partial<Record<Severity, string>> = { error: "FFFFC7CE", warning: "FFFFEB9C" };
const RANK: Record<Severity, number> = { error: 3, warning: 2, info: 1 };

/** A plain A1 address as findings carry it: no sheet, no $, within Excel's grid. */
const A1 = /^[A-Z]{1,3}[1-9][0-9]{0,6}$/;

interface Mark {
  severity: Severity;
  lines: string[];
}

export async function annotateWorkbook(
  data: Buffer,
  findings: readonly Finding[],
  options: AnnotateOptions = {},
): Promise<Buffer> {
  const workbook = await loadWorkbook(data, options.limits);
  const originals = new Map(workbook.worksheets.map((ws) => [ws.name, ws]));

  for (const [sheetName, marks] of groupMarks(findings, originals)) {
    const worksheet = originals.get(sheetName)!;
    for (const [address, mark] of marks) markCell(worksheet.getCell(address), mark);
  }
  addReportSheet(workbook, findings, originals, options.reportSheetName ?? t("files.report.sheetName"));

  try {
    // In Node exceljs returns a Node Buffer; its typings call it an ArrayBuffer.
    return (await workbook.xlsx.writeBuffer()) as unknown as Buffer;
  } catch (cause) {
    throw new WorkbookWriteError(cause instanceof Error ? cause.message : String(cause), { cause });
  }
}

/** Findings by sheet and cell, the strongest severity of each cell, its messages in order. */
function groupMarks(
  findings: readonly Finding[],
  sheets: ReadonlyMap<string, ExcelJS.Worksheet>,
): Map<string, Map<string, Mark>> {
  const bySheet = new Map<string, Map<string, Mark>>();
  for (const finding of findings) {
    if (!sheets.has(finding.sheet) || !A1.test(finding.cell)) continue;
    let marks = bySheet.get(finding.sheet);
    if (!marks) bySheet.set(finding.sheet, (marks = new Map()));
    const line = t("files.note.line", { severity: t(SEVERITY_WORD[finding.severity]), message: finding.message });
    const mark = marks.get(finding.cell);
    if (!mark) marks.set(finding.cell, { severity: finding.severity, lines: [line] });
    else {
      if (RANK[finding.severity] > RANK[mark.severity]) mark.severity = finding.severity;
      mark.lines.push(line);
    }
  }
  return bySheet;
}

function markCell(cell: ExcelJS.Cell, mark: Mark): void {
  // A cell covered by a merge is not shown: mark the merge's visible (top-left) cell.
  const target = cell.master;
  const argb = FILL[mark.severity];
  if (argb) {
    // exceljs shares one style object among all cells loaded with the same style id:
    // assigning `target.fill` would paint every cell of that style. Give this cell its own.
    target.style = { ...target.style, fill: { type: "pattern", pattern: "solid", fgColor: { argb } } };
  }
  target.note = withExistingNote(target.note, mark.lines.join("\n"));
}

/** A note the user wrote stays; ours follows it. */
function withExistingNote(existing: string | ExcelJS.Comment | undefined, ours: string): string | ExcelJS.Comment {
  if (existing === undefined || existing === null || existing === "") return ours;
  if (typeof existing === "string") return `${existing}\n\n${ours}`;
  return { ...existing, texts: [...(existing.texts ?? []), { text: `\n\n${ours}` }] };
}

/** The first of "问题清单", "问题清单 (2)", … that no sheet uses (Excel compares names case-insensitively). */
export function freeSheetName(wanted: string, taken: Iterable<string>): string {
  const used = new Set([...taken].map((n) => n.toLowerCase()));
  if (!used.has(wanted.toLowerCase())) return wanted;
  for (let i = 2; ; i++) {
    const suffix = ` (${i})`;
    const name = wanted.slice(0, 31 - suffix.length) + suffix;
    if (!used.has(name.toLowerCase())) return name;
  }
}

const COLUMNS: readonly { header: MessageKey; width: number }[] = [
  { header: "files.report.seq", width: 6 },
  { header: "files.report.sheet", width: 16 },
  { header: "files.report.cell", width: 9 },
  { header: "files.report.rule", width: 18 },
  { header: "files.report.severity", width: 7 },
  { header: "files.report.field", width: 14 },
  { header: "files.report.value", width: 16 },
  { header: "files.report.message", width: 60 },
  { header: "files.report.fix", width: 12 },
];

function addReportSheet(
  workbook: ExcelJS.Workbook,
  findings: readonly Finding[],
  originals: ReadonlyMap<string, ExcelJS.Worksheet>,
  wanted: string,
): void {
  const sheet = workbook.addWorksheet(freeSheetName(wanted, originals.keys()), {
    views: [{ state: "frozen", ySplit: 1 }],
  });
  sheet.columns = COLUMNS.map((c) => ({ width: c.width }));
  const header = sheet.getRow(1);
  COLUMNS.forEach((c, i) => {
    const cell = header.getCell(i + 1);
    cell.value = t(c.header);
    cell.font = { bold: true };
  });
  findings.forEach((finding, i) => {
    const row = sheet.getRow(i + 2);
    row.getCell(1).value = i + 1;
    writeText(row.getCell(2), finding.sheet);
    if (originals.has(finding.sheet) && A1.test(finding.cell)) {
      row.getCell(3).value = linkTo(finding.sheet, finding.cell);
      row.getCell(3).font = { color: { argb: "FF0563C1" }, underline: true };
    } else writeText(row.getCell(3), finding.cell);
    writeText(row.getCell(4), finding.rule);
    writeText(row.getCell(5), t(SEVERITY_WORD[finding.severity]));
    writeText(row.getCell(6), finding.field ? fieldLabel(finding.field) : "");
    writeValue(row.getCell(7), finding.value);
    writeText(row.getCell(8), finding.message);
    writeValue(row.getCell(9), finding.fix);
    row.getCell(8).alignment = { wrapText: true, vertical: "top" };
  });
  sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: COLUMNS.length } };
}

/**
 * Text from a submission stays text: exceljs writes a string as a string cell whatever it
 * starts with ("=…", "+1", "@x"), and the "@" format keeps Excel from re-reading it as a
 * formula if someone edits the cell.
 */
function writeText(cell: ExcelJS.Cell, text: string): void {
  cell.value = text;
  cell.numFmt = "@";
}

function writeValue(cell: ExcelJS.Cell, value: CellValue | undefined): void {
  if (value === undefined) return;
  if (typeof value === "string") writeText(cell, value);
  else cell.value = value;
}

/**
 * A HYPERLINK formula rather than exceljs's cell hyperlink: exceljs 4.4.0 writes an internal
 * link both as an external relationship and as a location, which Excel joins into
 * "#'S'!A1##'S'!A1" and WPS does not follow. The sheet name is only ever inside a string
 * literal, its quotes doubled; the cached result is the address, so the link shows before any
 * recalculation.
 */
function linkTo(sheet: string, cell: string): ExcelJS.CellFormulaValue {
  const target = `#'${sheet.replace(/'/g, "''")}'!${cell}`;
  return { formula: `HYPERLINK("${target.replace(/"/g, '""')}","${cell}")`, result: cell };
}
