/**
 * The 发展党员 register read as people (LEDGERS.md §4, §6): when each probation ends, who is past
 * it without 转正 at the period's end, and whom each 统计表 row's newMembers is held against.
 * Data only: the kind's index turns it into findings and flags.
 */
import { probationEnd } from "../../probation";
import type { Settings } from "../../settings";
import { daysOfPeriod, type ParsedSheet } from "../../sheet";
import { numberOf, type DataRow } from "../../rows";
import { ReportedBranches } from "../../ledgers";
import type { Reported } from "../kind";

/** A person's probation: admitted, its extension in months (0 for none) and the day it ends. */
export interface Probation {
  admitted: number;
  extension: number;
  end: number;
}

/**
 * The probation of a row with an admission date, or null when it cannot be known: no usable
 * admission, an extension cell in error (its own finding says so), or an end past 9999.
 */
export function probationOf(row: DataRow, settings: Settings): Probation | null {
  const admitted = numberOf(row, "admitted");
  if (admitted === undefined || row.fields.isInvalid("extension")) return null;
  const extension = numberOf(row, "extension") ?? 0;
  const end = probationEnd(admitted, extension, settings.development.probationMonths);
  return end === null ? null : { admitted, extension, end };
}

/**
 * probation-overdue: the probation ended on or before the period's last day and 转正 is blank.
 * A register without a 转正 column says nothing about 转正, so nobody on it is overdue.
 */
export function overdueProbation(sheet: ParsedSheet, row: DataRow, settings: Settings): Probation | null {
  const full = row.fields.get("full");
  const days = daysOfPeriod(sheet.period);
  if (!full?.read.blank || !days) return null;
  const probation = probationOf(row, settings);
  return probation && probation.end <= days.end ? probation : null;
}

/** A 统计表 row, and the register rows of its branch and period with those admitted within the period. */
export interface ReportedAdmissions {
  reported: Reported;
  /** The register sheets with rows of the branch, in order. */
  sheets: ParsedSheet[];
  admitted: { sheet: ParsedSheet; row: DataRow }[];
}

/** Each 统计表 row that a register branch of the same period has rows for (LEDGERS.md §6). */
export function admissionsByReport(sheets: readonly ParsedSheet[], submissions: readonly ParsedSheet[]): ReportedAdmissions[] {
  // Without a register there is nothing to hold the 统计表 against: do not index its rows.
  if (sheets.length === 0) return [];
  const reported = new ReportedBranches(submissions);
  const byRow = new Map<DataRow, ReportedAdmissions>();
  for (const sheet of sheets) {
    const days = daysOfPeriod(sheet.period);
    if (!days) continue;
    for (const row of sheet.rows) {
      if (!row.branch || row.fields.isInvalid("branch")) continue;
      const found = reported.find(sheet, row);
      if (!found) continue;
      const entry = byRow.get(found.row) ?? { reported: found, sheets: [], admitted: [] };
      byRow.set(found.row, entry);
      if (!entry.sheets.includes(sheet)) entry.sheets.push(sheet);
      const admitted = numberOf(row, "admitted");
      if (admitted !== undefined && admitted >= days.start && admitted <= days.end) entry.admitted.push({ sheet, row });
    }
  }
  return [...byRow.values()];
}
