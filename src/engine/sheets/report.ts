/**
 * 问题清单: one linked row per finding, then the record of automatic corrections (自动修正记录)
 * when there are any, so the report says what the add-in changed as well as what is wrong.
 */
import type { Finding, Report, RosterEntry, Severity } from "../report";
import { fieldLabel } from "../kinds";
import type { Locale, Translate } from "../../i18n";
import { sheetsText, type SheetsKey } from "../../i18n/sheets";
import { ruleMessage } from "../rules";
import type { CellFix, OutCell, SheetSpec, TableSpec } from "./spec";

export const REPORT_TABLE = "DJ_Findings";
export const FIXES_TABLE = "DJ_Fixes";

export const SEVERITY_WORD: Record<Severity, SheetsKey> = {
  error: "files.severity.error",
  warning: "files.severity.warning",
  info: "files.severity.info",
};

export function linkTo(sheet: string, cell: string): OutCell {
  return { link: { sheet, cell }, text: cell };
}

function fieldOf(finding: Finding): string {
  return finding.field ? fieldLabel(finding.field) : "";
}

function findingRows(report: ReportSource, locale: Locale, t: Translate<SheetsKey>): OutCell[][] {
  const rows: OutCell[][] = [];
  for (const file of report.files) {
    // A file that could not be read has no sheet to point at; its reason is its one line.
    if (file.error !== undefined) {
      rows.push([file.file, "", "", "unsupported-file", t(SEVERITY_WORD.error), "", null, file.error, null]);
    }
    for (const finding of file.findings) {
        rows.push([
          file.file,
          finding.sheet,
          linkTo(finding.sheet, finding.cell),
          finding.rule,
          t(SEVERITY_WORD[finding.severity]),
          fieldOf(finding),
          finding.value ?? null,
          finding.message,
          finding.fix ?? null,
        ]);
    }
  }
  // A roster branch nobody submitted is an error with no cell: it is counted in the summary, so it is listed too.
  for (const missing of report.missing) {
    const message = ruleMessage("missing-branch", "default", locale, { branch: missing.branch, unit: missing.unit ?? "" });
    rows.push(["", "", "", "missing-branch", t(SEVERITY_WORD.error), fieldLabel("branch"), missing.branch, message, null]);
  }
  return rows.map((row, i) => [i + 1, ...row]);
}

/** What 问题清单 lists: each file's findings (or why it was not read) and the roster's missing branches. */
export interface ReportSource {
  files: readonly { file: string; error?: string; findings: readonly Finding[] }[];
  missing: readonly RosterEntry[];
}

/** Everything of a report that 问题清单 lists. */
export function reportSource(report: Report): ReportSource {
  return {
    files: report.files.map((f) => ({ file: f.file, error: f.error, findings: f.sheets.flatMap((s) => s.findings) })),
    missing: report.roster.missing,
  };
}

export function reportSheet(report: ReportSource, fixes: readonly CellFix[], locale: Locale): SheetSpec {
  const t = sheetsText(locale);
  const findings: TableSpec = {
    name: REPORT_TABLE,
    row: 0,
    col: 0,
    columns: [
      t("files.report.seq"),
      t("report.col.file"),
      t("files.report.sheet"),
      t("files.report.cell"),
      t("files.report.rule"),
      t("files.report.severity"),
      t("files.report.field"),
      t("files.report.value"),
      t("files.report.message"),
      t("files.report.fix"),
    ],
    rows: findingRows(report, locale, t),
  };
  const spec: SheetSpec = {
    role: "report",
    name: t("sheet.report"),
    tables: [findings],
    widths: [6, 18, 16, 9, 18, 7, 14, 16, 60, 12],
    freezeRows: 1,
  };
  if (fixes.length > 0) {
    // An Excel table needs at least one row, so an empty table shows an empty row: 1 + max(rows, 1).
    const captionRow = 1 + Math.max(findings.rows.length, 1) + 1;
    spec.cells = [{ row: captionRow, col: 0, value: t("report.fixes.caption"), bold: true }];
    spec.tables?.push({
      name: FIXES_TABLE,
      row: captionRow + 1,
      col: 0,
      columns: [t("files.report.sheet"), t("files.report.cell"), t("files.report.rule"), t("files.report.value"), t("report.fixes.new")],
      rows: fixes.map((fix) => [fix.sheet, linkTo(fix.sheet, fix.cell), fix.rule, fix.old, fix.new]),
    });
  }
  return spec;
}
