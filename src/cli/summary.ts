/** The readable summary printed without --json. Pure: report in, text out. */
import { KINDS, kindName, type Report, type SheetReport } from "../engine";
import type { Locale, Translate } from "../i18n";
import { cliText, type CliKey } from "../i18n/cli";

type Words = Translate<CliKey>;

/** Columns line up in a terminal only if CJK characters count as two cells (the help's too). */
export function displayWidth(text: string): number {
  let w = 0;
  for (const ch of text) w += /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/.test(ch) ? 2 : 1;
  return w;
}

function pad(text: string, to: number): string {
  return text + " ".repeat(Math.max(0, to - displayWidth(text)));
}

function table(rows: string[][], indent: string): string[] {
  const widths: number[] = [];
  for (const row of rows) row.forEach((cell, i) => (widths[i] = Math.max(widths[i] ?? 0, displayWidth(cell))));
  return rows.map((row) => indent + row.map((cell, i) => (i === row.length - 1 ? cell : pad(cell, widths[i]))).join("  "));
}

function severityName(severity: SheetReport["findings"][number]["severity"], t: Words): string {
  return t(`cli.severity.${severity}`);
}

/** A sheet's lines, under its kind's heading. A ledger's flags need nothing of their own: their detail names the gaps or the person. */
function sheetLines(sheet: SheetReport, t: Words): string[] {
  const indent = "      ";
  const counts = { error: 0, warning: 0, info: 0 };
  for (const f of sheet.findings) counts[f.severity]++;
  const lines = [
    "    " + t("cli.sheet", { sheet: sheet.sheet, unit: sheet.unit, months: sheet.months, rows: sheet.rows }),
    indent + t("cli.counts", { errors: counts.error, warnings: counts.warning, infos: counts.info, flags: sheet.flags.length }),
  ];
  if (sheet.findings.length > 0) {
    const header = [t("cli.col.cell"), t("cli.col.severity"), t("cli.col.rule"), t("cli.col.message")];
    lines.push(...table([header, ...sheet.findings.map((f) => [f.cell, severityName(f.severity, t), f.rule, f.message])], indent));
  }
  if (sheet.flags.length > 0) {
    lines.push(indent + t("cli.flags"));
    const header = [t("cli.col.row"), t("cli.col.branch"), t("cli.col.flag"), t("cli.col.detail")];
    const rows = sheet.flags.map((f) => [String(f.row), f.branch, `${f.label}${f.level === "critical" ? t("cli.critical") : ""}`, f.detail]);
    lines.push(...table([header, ...rows], indent));
  }
  return lines;
}

/** Each file's sheets grouped by kind, in the order of the kinds (统计表 first, then the ledgers). */
export function formatSummary(report: Report, rosterGiven: boolean, locale: Locale): string {
  const t = cliText(locale);
  const lines = [t("cli.title", { version: report.rulesVersion }), ""];
  for (const file of report.files) {
    lines.push(t("cli.file", { file: file.file }));
    if (file.error !== undefined) lines.push("  " + file.error);
    for (const { id } of KINDS) {
      const sheets = file.sheets.filter((sheet) => sheet.kind === id);
      if (sheets.length === 0) continue;
      lines.push("  " + t("cli.kind", { kind: kindName(id, locale) }));
      for (const sheet of sheets) lines.push(...sheetLines(sheet, t));
    }
    if (file.skipped.length > 0) lines.push("  " + t("cli.skipped", { sheets: file.skipped.join("、") }));
    lines.push("");
  }
  if (rosterGiven) {
    const { missing, unknown, unsubmitted } = report.roster;
    const name = (e: { branch: string; unit?: string }) => (e.unit ? `${e.unit}/${e.branch}` : e.branch);
    lines.push(t("cli.roster"));
    lines.push("  " + t("cli.roster.unsubmitted", { count: unsubmitted.length, list: unsubmitted.map((u) => u.unit).join("、") }));
    lines.push("  " + t("cli.roster.missing", { count: missing.length, list: missing.map(name).join("、") }));
    lines.push("  " + t("cli.roster.unknown", { count: unknown.length, list: unknown.map(name).join("、") }));
    lines.push("");
  }
  const s = report.summary;
  lines.push(t("cli.total", { errors: s.errors, warnings: s.warnings, infos: s.infos, flags: s.flags }));
  return lines.join("\n") + "\n";
}
