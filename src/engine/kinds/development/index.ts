/**
 * The 发展党员 register (LEDGERS.md §4): a person a row, the dates of their stages checked against
 * the 2014 细则 with the thresholds of settings.development, probations past their end flagged,
 * and the admissions within the period held against the 统计表's newMembers (§6).
 */
import type { FindingInput, SheetFinding } from "../../findings";
import type { Header } from "../../header";
import { ledgerMismatch } from "../../ledgers";
import { flagAt } from "../../flags";
import { addMonths, isoOf, ymdOf } from "../../dates";
import { parseNames } from "../../names";
import { fieldAt, numberOf, specOf, usableValue, type DataRow } from "../../rows";
import { formatNumber } from "../../text";
import type { ParsedSheet } from "../../sheet";
import type { Locale } from "../../../i18n";
import { developmentText } from "../../../i18n/kinds/development";
import { ledgersText } from "../../../i18n/kinds/ledgers";
import type { CheckContext, Gathering, Outcome, SheetFlag, SheetKind } from "../kind";
import { DEVELOPMENT_FIELDS, STAGES, type DevelopmentField, type Stage } from "./fields";
import { admissionsByReport, overdueProbation, probationOf, type Probation, type ReportedAdmissions } from "./register";

/** 姓名 and at least two stage dates (LEDGERS.md §1); 谈话 and 审批 alone are on many other lists. */
const MARKING: readonly Stage[] = ["applied", "activist", "candidate", "admitted", "full"];

function accepts(header: Header): boolean {
  return header.byKey.has("name") && MARKING.filter((key) => header.byKey.has(key)).length >= 2;
}


/** date-order: a stage dated before the nearest filled stage ahead of it, at the later stage. */
function dateOrder(row: DataRow): FindingInput[] {
  const findings: FindingInput[] = [];
  let previous: { stage: Stage; date: number } | undefined;
  for (const stage of STAGES) {
    const date = numberOf(row, stage);
    if (date === undefined) continue;
    if (previous && date < previous.date) {
      findings.push({ rule: "date-order", ...fieldAt(row, stage), params: { previous: specOf(developmentKind, previous.stage)?.labels[0] ?? previous.stage, previousDate: isoOf(previous.date) } });
    }
    previous = { stage, date };
  }
  return findings;
}

/** The two dates of a row a rule compares, when both are usable. */
function datesOf(row: DataRow, from: DevelopmentField, to: DevelopmentField): [number, number] | null {
  const first = numberOf(row, from);
  const second = numberOf(row, to);
  return first === undefined || second === undefined ? null : [first, second];
}

/** under-age: younger than minAge on applying; a year-month birth counts from the first of its month. */
function underAge(row: DataRow, _sheet: ParsedSheet, { settings }: CheckContext): FindingInput[] {
  const dates = datesOf(row, "birth", "applied");
  if (!dates) return [];
  const age = settings.development.minAge;
  const adult = addMonths(dates[0], age * 12);
  if (adult === null || dates[1] >= adult) return [];
  return [{ rule: "under-age", ...fieldAt(row, "applied"), params: { age, birth: String(fieldAt(row, "birth").value ?? ""), adult: isoOf(adult) } }];
}

/** talk-late: the first talk more than talkMonths after applying. */
function talkLate(row: DataRow, _sheet: ParsedSheet, { settings }: CheckContext): FindingInput[] {
  const dates = datesOf(row, "applied", "talked");
  const months = settings.development.talkMonths;
  const due = dates && addMonths(dates[0], months);
  if (!dates || due === null || dates[1] <= due) return [];
  return [{ rule: "talk-late", ...fieldAt(row, "talked"), params: { months, applied: isoOf(dates[0]) } }];
}

/** activist-too-short: a 发展对象 less than activistMonths after becoming an activist. */
function activistTooShort(row: DataRow, _sheet: ParsedSheet, { settings }: CheckContext): FindingInput[] {
  const dates = datesOf(row, "activist", "candidate");
  const months = settings.development.activistMonths;
  const earliest = dates && addMonths(dates[0], months);
  if (!dates || earliest === null || dates[1] >= earliest) return [];
  return [{ rule: "activist-too-short", ...fieldAt(row, "candidate"), params: { months, activist: isoOf(dates[0]) } }];
}

/** approval-late: approved more than approvalMonths after admission, an error past approvalErrorMonths. */
function approvalLate(row: DataRow, _sheet: ParsedSheet, { settings }: CheckContext): FindingInput[] {
  const dates = datesOf(row, "admitted", "approved");
  if (!dates) return [];
  const { approvalMonths, approvalErrorMonths } = settings.development;
  const past = (months: number) => {
    const due = addMonths(dates[0], months);
    return due !== null && dates[1] > due;
  };
  const at = (months: number) => ({ ...fieldAt(row, "approved"), params: { months, admitted: isoOf(dates[0]) } });
  if (past(approvalErrorMonths)) return [{ rule: "approval-late", variant: "overdue", ...at(approvalErrorMonths) }];
  if (past(approvalMonths)) return [{ rule: "approval-late", ...at(approvalMonths) }];
  return [];
}

/** probation-length: 转正 before the probation ends, or past it by more than fullGraceMonths with no extension given. */
function probationLength(row: DataRow, _sheet: ParsedSheet, { settings }: CheckContext): FindingInput[] {
  const full = numberOf(row, "full");
  const probation = probationOf(row, settings);
  if (full === undefined || !probation) return [];
  const { end, admitted, extension } = probation;
  const at = fieldAt(row, "full");
  if (full < end) {
    const months = settings.development.probationMonths + extension;
    return [{ rule: "probation-length", ...at, params: { end: isoOf(end), admitted: isoOf(admitted), months } }];
  }
  const grace = settings.development.fullGraceMonths;
  const latest = addMonths(end, grace);
  if (numberOf(row, "extension") !== undefined || latest === null || full <= latest) return [];
  return [{ rule: "probation-length", variant: "late", ...at, params: { end: isoOf(end), grace } }];
}

/** introducer-count: introducers given, but not as many as a person needs. */
function introducerCount(row: DataRow, _sheet: ParsedSheet, { settings }: CheckContext): FindingInput[] {
  const value = usableValue(row, "introducers");
  if (typeof value !== "string" || value === "") return [];
  const count = parseNames(value).length;
  const expected = settings.development.introducers;
  return count === expected ? [] : [{ rule: "introducer-count", ...fieldAt(row, "introducers"), params: { count, expected } }];
}

/** A day as the register's words say it: 2025年3月5日, 2025-03-05. */
function dayWord(serial: number, locale: Locale): string {
  return developmentText(locale)("date", { ...ymdOf(serial), iso: isoOf(serial) });
}

function overdueFlag(sheet: ParsedSheet, row: DataRow, probation: Probation, locale: Locale): SheetFlag {
  const t = developmentText(locale);
  const words = { admitted: dayWord(probation.admitted, locale), end: dayWord(probation.end, locale), extension: probation.extension };
  const person = usableValue(row, "name");
  const detail = t(probation.extension > 0 ? "overdue.extended" : "overdue.detail", words);
  return flagAt(sheet, row, { flag: "probation-overdue", level: "warning", detail, person: typeof person === "string" ? person : undefined }, locale);
}

/** ledger-mismatch at newMembers: the reported count against the admissions within the period (LEDGERS.md §6). */
function againstReport({ reported, sheets, admitted }: ReportedAdmissions, locale: Locale): SheetFinding[] {
  const stated = numberOf(reported.row, "newMembers");
  const field = reported.row.fields.get("newMembers");
  if (!field || field.read.blank || stated === undefined || stated === admitted.length) return [];
  const people = (count: number) => ledgersText(locale)("count.people", { count: formatNumber(count) });
  return [ledgerMismatch(reported, "newMembers", { reported: people(stated), recorded: people(admitted.length) }, admitted, sheets)];
}

function gather({ sheets, submissions, settings, locale }: Gathering): Outcome {
  const flags: SheetFlag[] = [];
  for (const sheet of sheets) {
    for (const row of sheet.rows) {
      const overdue = overdueProbation(sheet, row, settings);
      if (overdue) flags.push(overdueFlag(sheet, row, overdue, locale));
    }
  }
  const findings = admissionsByReport(sheets, submissions).flatMap((entry) => againstReport(entry, locale));
  return { findings, flags };
}

export const developmentKind = {
  id: "development",
  fields: DEVELOPMENT_FIELDS,
  accepts,
  branchInTitle: true,
  // The year most people were admitted in, when neither the title block nor the settings say.
  periodField: "admitted",
  rowRules: [dateOrder, underAge, talkLate, activistTooShort, approvalLate, probationLength, introducerCount],
  sheetRules: [],
  gather,
} as const satisfies SheetKind<DevelopmentField>;
