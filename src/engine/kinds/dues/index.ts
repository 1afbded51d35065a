/**
 * The 党费 ledger (LEDGERS.md §3): a member a row with a column per month, or a member-month a
 * row; each due held against the bracket of its base, each payment against its due, each
 * member's unpaid months, and the branch's totals against the 统计表 (§6).
 */
import { monthIndexOf, monthOf, twoDigits } from "../../dates";
import { DUES_TOLERANCE, matchesBracket, roundDues } from "../../dues";
import type { FindingInput, SheetFinding } from "../../findings";
import { flagAt, type FlagFinding } from "../../flags";
import type { Header } from "../../header";
import { ledgerMismatch } from "../../ledgers";
import { fieldAt, numberOf, specOf, type DataRow } from "../../rows";
import { missingColumn, type ParsedSheet } from "../../sheet";
import { formatMoney } from "../../text";
import type { Locale, Translate } from "../../../i18n";
import { engineText } from "../../../i18n/engine";
import { duesText, type DuesKey } from "../../../i18n/kinds/dues";
import type { CheckContext, Gathering, Outcome, SheetFlag, SheetKind } from "../kind";
import { periodText } from "../meetings";
import { DUES_FIELDS, type DuesField } from "./fields";
import {
  bracketOf,
  categoryOf,
  dueOf,
  duesSheet,
  exempted,
  layoutOf,
  memberDue,
  monthColumnsOf,
  paymentsOf,
  periodMonths,
  reportedBranches,
  unpaidRuns,
  type DuesBranch,
  type DuesSheet,
  type Payment,
  type UnpaidRun,
} from "./ledger";

/** 姓名, and 实缴 or at least three month columns (LEDGERS.md §1). */
function accepts(header: Header): boolean {
  return header.byKey.has("name") && (header.byKey.has("paid") || monthColumnsOf(header).length >= 3);
}

/** A long ledger needs 月份 to place its payments. */
function monthColumn(sheet: ParsedSheet): FindingInput[] {
  if (layoutOf(sheet.header) === "wide" || sheet.header.byKey.has("month")) return [];
  const month = specOf(duesKind, "month");
  return month ? [missingColumn(sheet.header, month)] : [];
}

/** date-out-of-period: a long row's month outside the period does not count. */
function monthInPeriod(row: DataRow, sheet: ParsedSheet, { locale }: CheckContext): FindingInput[] {
  const value = numberOf(row, "month");
  const months = periodMonths(sheet.period);
  if (value === undefined || months === null || sheet.period.year === undefined) return [];
  if (months.includes(monthIndexOf(value, sheet.period.year))) return [];
  return [{ rule: "date-out-of-period", variant: "month", ...fieldAt(row, "month"), params: { period: periodText(sheet.period, locale) } }];
}

/** dues-rate: 月缴纳额 (and a long row's 应缴) against the bracket of 缴费基数, unless a reduction was approved. */
function rate(row: DataRow, _sheet: ParsedSheet, { settings }: CheckContext): FindingInput[] {
  const bracket = bracketOf(row, settings);
  if (bracket === undefined || exempted(row)) return [];
  const category = categoryOf(row) ?? "";
  const most = bracket.upTo ?? bracket.amount;
  return (["monthlyDue", "due"] as const).flatMap((key): FindingInput[] => {
    const amount = numberOf(row, key);
    if (amount === undefined || matchesBracket(amount, bracket)) return [];
    const at = { ...fieldAt(row, key), fix: amount > most ? most : bracket.amount };
    if (bracket.upTo === undefined) return [{ rule: "dues-rate", ...at, params: { base: formatMoney(numberOf(row, "base") ?? 0), category } }];
    return [{ rule: "dues-rate", variant: "range", ...at, params: { category, min: formatMoney(bracket.amount), max: formatMoney(bracket.upTo) } }];
  });
}

/** The month a payment is for, as its messages say it ("" when the cell does not tell). */
function monthWord(payment: Payment, t: Translate<DuesKey>): string {
  if (payment.month === null) return "";
  return t("month.of", { month: payment.month <= 12 ? payment.month : monthOf(payment.month).month });
}

/** dues-underpaid: a payment above 0 but below the month's due, unless a reduction was approved. */
function underpaid(row: DataRow, sheet: ParsedSheet, { settings, locale }: CheckContext): FindingInput[] {
  const due = dueOf(row, settings);
  if (due === undefined || exempted(row)) return [];
  const t = duesText(locale);
  return paymentsOf(row, sheet.header).flatMap((payment): FindingInput[] => {
    const { amount } = payment;
    if (amount === null || amount <= 0 || amount >= due - DUES_TOLERANCE) return [];
    const params = { month: monthWord(payment, t), paid: formatMoney(amount), due: formatMoney(due) };
    return [{ rule: "dues-underpaid", ...fieldAt(row, payment.key), params }];
  });
}

/** large-payment: one month's payment at the large-payment mark (规定 第十一条). */
function largePayment(row: DataRow, sheet: ParsedSheet, { settings, locale }: CheckContext): FindingInput[] {
  const limit = settings.dues.largePayment;
  const t = duesText(locale);
  return paymentsOf(row, sheet.header).flatMap((payment): FindingInput[] => {
    if (payment.amount === null || payment.amount < limit) return [];
    const params = { month: monthWord(payment, t), paid: formatMoney(payment.amount), limit: formatMoney(limit) };
    return [{ rule: "large-payment", ...fieldAt(row, payment.key), params }];
  });
}

/** A run of unpaid months as the flag's detail says it: 欠缴 2025年3–8月，共6个月. */
function runWord(run: UnpaidRun, t: Translate<DuesKey>): string {
  const { year, month: from } = monthOf(run.from);
  const to = monthOf(run.to).month;
  const params = { year, from, to, fromMm: twoDigits(from), toMm: twoDigits(to), count: run.months };
  return t(run.months === 1 ? "arrears.month" : "arrears.run", params);
}

/** dues-arrears: each member with a run of unpaid months due long enough; critical from arrearsCritical. */
function arrears(dues: DuesSheet, { settings, locale }: CheckContext): SheetFlag[] {
  const t = duesText(locale);
  const { arrearsWarning, arrearsCritical } = settings.dues;
  return dues.members.flatMap((member): SheetFlag[] => {
    const runs = unpaidRuns(member, dues.monthsDue).filter((run) => run.months >= arrearsWarning);
    if (runs.length === 0) return [];
    const critical = runs.some((run) => run.months >= arrearsCritical);
    const found: FlagFinding = {
      flag: "dues-arrears",
      level: critical ? "critical" : "warning",
      detail: runs.map((run) => runWord(run, t)).join(engineText(locale)("list.groups")),
      person: member.name,
    };
    return [flagAt(dues.sheet, member.rows[0], found, locale)];
  });
}

/** ledger-mismatch: 党费应缴 and 党费实缴 of a branch's 统计表 row against its ledger (LEDGERS.md §6). */
function againstReport(branch: DuesBranch, locale: Locale): SheetFinding[] {
  const { reported, sheets, members } = branch;
  const t = duesText(locale);
  const sources = members.flatMap((member) => member.rows.map((row) => ({ sheet: member.sheet, row })));
  const paid = roundDues(members.reduce((sum, m) => sum + [...m.paid.values()].reduce((a, b) => a + b, 0), 0), 0.01);
  const dues = members.flatMap((m) => sheets.find((s) => s.sheet === m.sheet)?.monthsDue.map((month) => memberDue(m, month)) ?? []);
  // A member whose due nothing tells (no base, no amount) leaves the due unknown: it is not compared.
  const due = dues.every((d) => d !== undefined) ? roundDues(dues.reduce((a: number, b) => a + (b ?? 0), 0), 0.01) : undefined;
  const findings: SheetFinding[] = [];
  for (const [key, amount] of [["duesDue", due], ["duesPaid", paid]] as const) {
    const field = reported.row.fields.get(key);
    const stated = numberOf(reported.row, key);
    const wan = reported.sheet.header.byKey.get(key)?.unit === "万元";
    // Half the last place the 统计表 is written to: 0.005 元, or 0.005 万元 (50 元) in a column of 万元.
    const tolerance = wan ? DUES_TOLERANCE * 10000 : DUES_TOLERANCE;
    if (amount === undefined || !field || field.read.blank || stated === undefined || Math.abs(stated - amount) <= tolerance) continue;
    const say = (yuan: number) => (wan ? t("amount.wan", { amount: formatMoney(yuan / 10000, 6) }) : t("amount.yuan", { amount: formatMoney(yuan) }));
    findings.push(ledgerMismatch(reported, key, { reported: say(stated), recorded: say(amount) }, sources, sheets.map((s) => s.sheet)));
  }
  return findings;
}

function gather({ sheets, submissions, settings, locale }: Gathering): Outcome {
  const read = sheets.flatMap((sheet) => duesSheet(sheet, settings) ?? []);
  return {
    findings: reportedBranches(read, submissions).flatMap((branch) => againstReport(branch, locale)),
    flags: read.flatMap((dues) => arrears(dues, { settings, locale })),
  };
}

export const duesKind = {
  id: "dues",
  fields: DUES_FIELDS,
  accepts,
  branchInTitle: true,
  periodField: "paidDate",
  rowRules: [monthInPeriod, rate, underpaid, largePayment],
  sheetRules: [monthColumn],
  gather,
} as const satisfies SheetKind<DuesField>;
