/**
 * 换届 (LEDGERS.md §5; 《关于党的基层组织任期的意见》2018): a branch whose last election is more
 * than a term before the end of the period is overdue for one. The date is the roster's when it
 * has one (the office's record, as with 上年定级), else the 统计表's.
 */
import { addMonths, isoOf } from "./dates";
import { flagAt } from "./flags";
import type { SheetFlag } from "./kinds/kind";
import { daysOfPeriod, type ParsedSheet } from "./sheet";
import { usableValue, type DataRow } from "./rows";
import type { Settings } from "./settings";
import type { Locale } from "../i18n";
import { termsText } from "../i18n/kinds/terms";

/** 村 and 社区 party organisations have five-year terms. */
function isVillage(row: DataRow): boolean {
  return /村|社区/.test(row.branch) || /村|社区/.test(row.unit);
}

/** The last day of a sheet's period, its year the assessment year when the sheet gives none. */
function periodEnd(sheet: ParsedSheet, settings: Settings): number | undefined {
  return daysOfPeriod({ ...sheet.period, year: sheet.period.year ?? settings.assessmentYear ?? undefined })?.end;
}

const yearMonth = (serial: number) => isoOf(serial).slice(0, 7);

/** term-expired for every 统计表 row whose last election (the roster's, else its own) is more than a term before its period's end. */
export function termFlags(
  submissions: readonly ParsedSheet[],
  rosterElections: ReadonlyMap<DataRow, number>,
  settings: Settings,
  locale: Locale,
): SheetFlag[] {
  const { years, villageYears, criticalMonths } = settings.terms;
  const flags: SheetFlag[] = [];
  for (const sheet of submissions) {
    const end = periodEnd(sheet, settings);
    if (end === undefined) continue;
    for (const row of sheet.rows) {
      const own = usableValue(row, "lastElection");
      const elected = rosterElections.get(row) ?? (typeof own === "number" ? own : undefined);
      if (elected === undefined) continue;
      const due = addMonths(elected, (isVillage(row) ? villageYears : years) * 12);
      if (due === null || end <= due) continue;
      const critical = addMonths(due, criticalMonths);
      const level = critical !== null && end > critical ? "critical" : "warning";
      flags.push(flagAt(sheet, row, { flag: "term-expired", level, detail: termsText(locale)("detail", { elected: yearMonth(elected), due: yearMonth(due) }) }, locale));
    }
  }
  return flags;
}
