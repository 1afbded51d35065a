/**
 * What a host marks on the sheets it validated, the same in Excel, WPS and the annotated copy:
 * each problem cell once, red for an error and amber for a warning, with the messages of its
 * findings as one note. Info findings (a blank row, an unknown period) are not marked: they are
 * for the record and listed in 问题清单, not something to fix in a cell.
 */
import type { Finding } from "../engine";
import { SEVERITY_WORD } from "../engine/sheets/report";
import type { Locale } from "../i18n";
import { sheetsText } from "../i18n/sheets";

export type MarkSeverity = "error" | "warning";

/** First line of every note we write: how 清除标记 knows a note is ours. */
export const NOTE_PREFIX = "党建考核助手";

/** Most messages put in one note; the rest are counted. */
const MAX_NOTE_LINES = 8;

/** Fills and font colours of marked cells (Excel's own "bad" and "neutral" styles). */
export const MARK_COLORS: Record<MarkSeverity, { fill: string; font: string }> = {
  error: { fill: "#FFC7CE", font: "#9C0006" },
  warning: { fill: "#FFEB9C", font: "#9C5700" },
};

/**
 * Always TRUE, and recognisable: the signature of our conditional formats. ISTEXT of a constant
 * is the same in every locale and never recalculates to anything else.
 */
export const SIGNATURE: Record<MarkSeverity, string> = {
  error: '=ISTEXT("dj-assess:error")',
  warning: '=ISTEXT("dj-assess:warning")',
};

export interface CellMark {
  severity: MarkSeverity;
  /** The note: NOTE_PREFIX, then a line per finding. */
  note: string;
}

/** A plain A1 address as findings carry it: no sheet, no $, within Excel's grid. */
const A1 = /^[A-Z]{1,3}[1-9][0-9]{0,6}$/;

/** Findings by sheet and cell; a cell with an error and a warning is an error cell. */
export function planMarks(findings: readonly Finding[], locale: Locale): Map<string, Map<string, CellMark>> {
  const t = sheetsText(locale);
  const lines = new Map<string, Map<string, { severity: MarkSeverity; lines: string[] }>>();
  for (const finding of findings) {
    if (finding.severity === "info" || !A1.test(finding.cell)) continue;
    let cells = lines.get(finding.sheet);
    if (!cells) lines.set(finding.sheet, (cells = new Map()));
    let mark = cells.get(finding.cell);
    if (!mark) cells.set(finding.cell, (mark = { severity: finding.severity, lines: [] }));
    if (finding.severity === "error") mark.severity = "error";
    mark.lines.push(t("note.line", { severity: t(SEVERITY_WORD[finding.severity]), message: finding.message }));
  }
  const plan = new Map<string, Map<string, CellMark>>();
  for (const [sheet, cells] of lines) {
    plan.set(sheet, new Map([...cells].map(([cell, mark]) => [cell, { severity: mark.severity, note: noteText(mark.lines) }])));
  }
  return plan;
}

function noteText(lines: readonly string[]): string {
  const shown = lines.slice(0, MAX_NOTE_LINES);
  if (lines.length > MAX_NOTE_LINES) shown.push(`… (+${lines.length - MAX_NOTE_LINES})`);
  return `${NOTE_PREFIX}\n${shown.join("\n")}`;
}
