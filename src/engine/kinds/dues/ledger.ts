/**
 * The 党费 ledger read as members and their months (LEDGERS.md §3): what each row owes a month,
 * which payments fall in the period, the months due, each member's unpaid runs, and the branch's
 * totals to hold against the 统计表 (§6). One analysis for the row rules, the flag and the comparison.
 */
import { monthIndexOf } from "../../dates";
import { bracketDue, type BracketDue, type DuesCategory } from "../../dues";
import type { Header } from "../../header";
import { ReportedBranches } from "../../ledgers";
import { numberOf, usableValue, type DataRow } from "../../rows";
import type { Settings } from "../../settings";
import type { ParsedSheet, SheetPeriod } from "../../sheet";
import { normaliseName } from "../../text";
import { getOrAdd } from "../../maps";
import type { Reported } from "../kind";
import { branchKey } from "../meetings/ledger";
import { MONTH_COLUMNS, type MonthColumn } from "./fields";

/** Wide: a member a row with a column per month; long: a member-month a row (LEDGERS.md §3). */
export type Layout = "wide" | "long";

/** Each header's month columns, found once: every row of a wide ledger asks. */
const MONTH_COLUMNS_OF = new WeakMap<Header, readonly { key: MonthColumn; month: number }[]>();

/** The month columns a header has, January first. */
export function monthColumnsOf(header: Header): readonly { key: MonthColumn; month: number }[] {
  return getOrAdd(MONTH_COLUMNS_OF, header, () => MONTH_COLUMNS.flatMap((key, i) => (header.byKey.has(key) ? [{ key, month: i + 1 }] : [])));
}

/** A sheet with three month columns is wide (LEDGERS.md §1); otherwise its rows are member-months. */
export function layoutOf(header: Header): Layout {
  return monthColumnsOf(header).length >= 3 ? "wide" : "long";
}

/** An approved reduction: anything written in 减免. */
export function exempted(row: DataRow): boolean {
  const value = usableValue(row, "exemption");
  return typeof value === "string" && value !== "";
}

/** The row's 人员类别 (blank is 在职), or null when the cell is not one. */
export function categoryOf(row: DataRow): DuesCategory | null {
  if (row.fields.isInvalid("category")) return null;
  const value = row.fields.value("category");
  return typeof value === "string" ? (value as DuesCategory) : "在职";
}

/** The monthly due by the bracket of the row's base and category, when both are usable. */
export function bracketOf(row: DataRow, settings: Settings): BracketDue | undefined {
  const base = numberOf(row, "base");
  const category = categoryOf(row);
  return base === undefined || category === null ? undefined : bracketDue(base, category, settings.dues.rounding);
}

/** What the row owes a month: its 月缴纳额, else its 应缴, else the bracket's amount. */
export function dueOf(row: DataRow, settings: Settings): number | undefined {
  return numberOf(row, "monthlyDue") ?? numberOf(row, "due") ?? bracketOf(row, settings)?.amount;
}

/** One payment cell of a row: a month column (wide) or 实缴 (long), with the month it is for. */
export interface Payment {
  key: MonthColumn | "paid";
  /** The month as written: 1–12 alone, or a monthIndex (dates.monthValue); null when unknown. */
  month: number | null;
  /** Null when blank or unreadable. */
  amount: number | null;
}

export function paymentsOf(row: DataRow, header: Header): Payment[] {
  if (layoutOf(header) === "wide") return monthColumnsOf(header).map(({ key, month }) => ({ key, month, amount: numberOf(row, key) ?? null }));
  const month = numberOf(row, "month") ?? null;
  return row.fields.has("paid") ? [{ key: "paid", month, amount: numberOf(row, "paid") ?? null }] : [];
}

/** The period's months as monthIndexes, or null when its year is unknown. */
export function periodMonths(period: SheetPeriod): number[] | null {
  const { year, startMonth, months } = period;
  if (year === undefined) return null;
  return Array.from({ length: months }, (_, i) => year * 12 + startMonth - 1 + i);
}

/** A member of one sheet: a row (wide) or the rows of one branch and name (long). */
export interface DuesMember {
  sheet: ParsedSheet;
  /** The name as first written. */
  name: string;
  rows: DataRow[];
  /** Paid in each month of the period (monthIndex → 元), summed over its rows. */
  paid: Map<number, number>;
  /** The due of each month the member has a row for (long), else of every month. */
  dues: Map<number, number>;
  /** What the member owes a month without a row of its own: the first row's that says. */
  standingDue?: number;
}

/** A month a member has not paid for, runs of which are dues-arrears. */
export interface UnpaidRun {
  from: number;
  to: number;
  months: number;
}

export interface DuesSheet {
  sheet: ParsedSheet;
  /** The period's months (monthIndex), January of its year being year*12. */
  months: number[];
  /** The period's months up to the last in which anyone paid (LEDGERS.md §3). */
  monthsDue: number[];
  members: DuesMember[];
}

/** A sheet's members and months; null when the sheet's year is unknown (nothing can be placed). */
export function duesSheet(sheet: ParsedSheet, settings: Settings): DuesSheet | null {
  const months = periodMonths(sheet.period);
  const year = sheet.period.year;
  if (months === null || year === undefined) return null;
  const within = new Set(months);
  const wide = layoutOf(sheet.header) === "wide";
  const members = new Map<string, DuesMember>();
  for (const row of sheet.rows) {
    const name = usableValue(row, "name");
    if (typeof name !== "string" || name === "") continue;
    const key = wide ? `r:${row.row}` : `${branchKey(sheet, row)}\u0000${normaliseName(name)}`;
    let member = members.get(key);
    if (!member) {
      member = { sheet, name, rows: [], paid: new Map(), dues: new Map() };
      members.set(key, member);
    }
    member.rows.push(row);
    const due = dueOf(row, settings);
    member.standingDue ??= due;
    for (const payment of paymentsOf(row, sheet.header)) {
      if (payment.month === null) continue;
      const month = monthIndexOf(payment.month, year);
      if (!within.has(month)) continue;
      if (due !== undefined && !member.dues.has(month)) member.dues.set(month, due);
      member.paid.set(month, (member.paid.get(month) ?? 0) + (payment.amount ?? 0));
    }
  }
  const all = [...members.values()];
  let last = -1;
  for (const member of all) for (const [month, amount] of member.paid) if (amount > 0 && month > last) last = month;
  return { sheet, months, monthsDue: months.filter((m) => m <= last), members: all };
}

/** What a member owes in a month due: that month's row's due, else the member's standing due. */
export function memberDue(member: DuesMember, month: number): number | undefined {
  return member.dues.get(month) ?? member.standingDue;
}

/** The member's runs of consecutive unpaid months due (blank or 0 is unpaid), in time order. */
export function unpaidRuns(member: DuesMember, monthsDue: readonly number[]): UnpaidRun[] {
  const runs: UnpaidRun[] = [];
  for (const month of monthsDue) {
    if ((member.paid.get(month) ?? 0) > 0) continue;
    const run = runs[runs.length - 1];
    if (run && run.to === month - 1) {
      run.to = month;
      run.months++;
    } else runs.push({ from: month, to: month, months: 1 });
  }
  return runs;
}

/** The members of one branch, in ledger sheets of one period, and its 统计表 row for that period. */
export interface DuesBranch {
  reported: Reported;
  sheets: DuesSheet[];
  members: DuesMember[];
}

/** Every branch with dues rows and a 统计表 row of the same period (LEDGERS.md §6), by that row. */
export function reportedBranches(sheets: readonly DuesSheet[], submissions: readonly ParsedSheet[]): DuesBranch[] {
  if (sheets.length === 0 || submissions.length === 0) return [];
  const index = new ReportedBranches(submissions);
  const byRow = new Map<DataRow, DuesBranch>();
  for (const dues of sheets) {
    for (const member of dues.members) {
      const row = member.rows[0];
      if (!row.branch || row.fields.isInvalid("branch")) continue;
      const reported = index.find(dues.sheet, row);
      if (!reported) continue;
      const branch = byRow.get(reported.row) ?? { reported, sheets: [], members: [] };
      if (!branch.sheets.includes(dues)) branch.sheets.push(dues);
      branch.members.push(member);
      byRow.set(reported.row, branch);
    }
  }
  return [...byRow.values()];
}
