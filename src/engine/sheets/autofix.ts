/**
 * 自动修正: the fixes that restate what the department wrote in the type it should have had —
 * never a fix that changes what the department meant.
 */
import type { Finding, Report } from "../report";
import { parseNumberText } from "../text";
import type { CellFix } from "./spec";

/**
 * Safe: a number stored as text ("12", "１２", " 12 ", "12次", "1,200") and a simple Chinese
 * numeral (十二), whose fix is the same number in the cell's own unit.
 *
 * Not safe, so left to the department:
 * - a placeholder (无, —, /) read as 0: the engine counts it as 0, but a dash may mean "not
 *   applicable" or "not known" as well as "none"; writing 0 would put a figure in the
 *   department's name that it never gave;
 * - total-mismatch: the total may be right and a row wrong;
 * - anything without a fix (ranges, options, missing values) needs the department's answer.
 */
function safeFix(finding: Finding): CellFix | null {
  if (finding.fix === undefined || typeof finding.value !== "string") return null;
  const kind = parseNumberText(finding.value).kind;
  const safe = (finding.rule === "number-as-text" && kind === "number") || (finding.rule === "not-a-number" && kind === "chinese");
  return safe ? { sheet: finding.sheet, cell: finding.cell, rule: finding.rule, old: finding.value, new: finding.fix } : null;
}

/** One fix per cell, in report order: the first safe finding of a cell decides. */
export function planFixes(report: Report): CellFix[] {
  const fixes: CellFix[] = [];
  const planned = new Set<string>();
  for (const file of report.files) {
    for (const sheet of file.sheets) {
      for (const finding of sheet.findings) {
        const fix = safeFix(finding);
        const key = `${finding.sheet}!${finding.cell}`;
        if (!fix || planned.has(key)) continue;
        planned.add(key);
        fixes.push(fix);
      }
    }
  }
  return fixes;
}
