/** The 三会一课 meeting ledger (LEDGERS.md §2): a meeting a row, held against the 统计表 (§6). */
import { makeFinding, type FindingInput, type SheetFinding } from "../../findings";
import { formatNumber } from "../../text";
import type { Header } from "../../header";
import { ledgerMismatch } from "../../ledgers";
import { MEETING_KINDS } from "../../meetingTypes";
import { flagAt, type FlagFinding } from "../../flags";
import type { ParsedSheet, SheetPeriod } from "../../sheet";
import { fieldAt, numberOf, type DataRow } from "../../rows";
import { isoOf, monthOf } from "../../dates";
import type { Locale } from "../../../i18n";
import { ledgersText } from "../../../i18n/kinds/ledgers";
import { meetingsText } from "../../../i18n/kinds/meetings";
import { engineText } from "../../../i18n/engine";
import type { CheckContext, Gathering, Outcome, SheetFlag, SheetKind } from "../kind";
import { MEETING_FIELDS, type MeetingField } from "./fields";
import {
  absencesOf,
  absenteesOf,
  coverageOf,
  meetingLedger,
  outOfPeriod,
  quorumFailed,
  typeOf,
  typeWord,
  type LedgerBranch,
  type MeetingLedger,
  type MeetingRecord,
  type TypeCoverage,
} from "./ledger";
import { bucketWord } from "./coverage";

/** The fields only a meeting ledger has: one of them, with 会议类型 and 会议日期, makes a ledger without a 党支部 column. */
const LEDGER_ONLY: readonly MeetingField[] = ["topic", "host", "recorder", "expected", "present", "absentees", "place", "content"];

/** 会议类型 and 会议日期, and 党支部 or another field only a meeting ledger has (LEDGERS.md §1). */
function accepts(header: Header): boolean {
  if (!header.byKey.has("type") || !header.byKey.has("date")) return false;
  return header.byKey.has("branch") || LEDGER_ONLY.some((key) => header.byKey.has(key));
}

/** The period as people say it: 2025年, 2025年3月, 2025年1–6月. */
export function periodText(period: SheetPeriod, locale: Locale): string {
  const t = meetingsText(locale);
  const { year, startMonth, months } = period;
  if (year === undefined) return "";
  if (months === 1) return t("period.single", { year, month: startMonth });
  if (months === 12 && startMonth === 1) return t("period.whole", { year });
  return t("period.span", { year, from: startMonth, to: startMonth + months - 1 });
}

/** date-out-of-period: the meeting does not count for this period. */
function datedInPeriod(row: DataRow, sheet: ParsedSheet, { locale }: CheckContext): FindingInput[] {
  const date = row.fields.value("date");
  if (typeof date !== "number" || !outOfPeriod(date, sheet.period)) return [];
  return [{ rule: "date-out-of-period", ...fieldAt(row, "date"), params: { period: periodText(sheet.period, locale) } }];
}

/** attendance-mismatch: the counts of those expected, present, on leave and absent, and the absentees named. */
function attendance(row: DataRow): FindingInput[] {
  const expected = numberOf(row, "expected");
  const present = numberOf(row, "present");
  const leave = numberOf(row, "leave");
  const absent = numberOf(row, "absent");
  if (expected !== undefined && present !== undefined && present > expected) {
    return [{ rule: "attendance-mismatch", ...fieldAt(row, "present"), params: { present, expected } }];
  }
  if (expected !== undefined && present !== undefined && leave !== undefined && absent !== undefined && present + leave + absent !== expected) {
    return [{ rule: "attendance-mismatch", variant: "sum", ...fieldAt(row, "present"), params: { present, leave, absent, expected, sum: present + leave + absent } }];
  }
  const names = absenteesOf(row).length;
  const counted = (row.fields.has("leave") || row.fields.has("absent")) && (leave !== undefined || absent !== undefined);
  if (counted && names > (leave ?? 0) + (absent ?? 0)) {
    return [{ rule: "attendance-mismatch", variant: "names", ...fieldAt(row, "present"), params: { names, count: (leave ?? 0) + (absent ?? 0) } }];
  }
  return [];
}

/** quorum-not-met: a 党员大会 or 支委会 with no more than half present. */
function quorum(row: DataRow): FindingInput[] {
  const type = typeOf(row);
  if (!quorumFailed(row, type) || type === null) return [];
  return [
    {
      rule: "quorum-not-met",
      ...fieldAt(row, "present"),
      params: { type: typeWord(type), expected: numberOf(row, "expected") ?? "", present: numberOf(row, "present") ?? "" },
    },
  ];
}

function duplicates(ledger: MeetingLedger): SheetFinding[] {
  return ledger.records.flatMap((record) => {
    const { original, type, date } = record;
    if (record.status !== "duplicate" || !original || type === null || date === null) return [];
    const { sheet, row } = record;
    const other = ledgersText(sheet.locale)("rows", { sheet: original.sheet === sheet ? "" : original.sheet.sheet, rows: original.row.row }).trim();
    const finding = makeFinding(
      sheet.sheet,
      { rule: "duplicate-meeting", ...fieldAt(row, "date"), params: { branch: row.branch, date: isoOf(date), type: typeWord(type), other } },
      sheet.locale,
      MEETING_FIELDS,
    );
    return [{ sheet, finding }];
  });
}

/** A flag of a branch at one of its ledger rows. */
function flagOf(branch: LedgerBranch, record: MeetingRecord, found: FlagFinding, locale: Locale): SheetFlag {
  return flagAt(record.sheet, { row: record.row.row, branch: branch.branch, unit: branch.unit }, found, locale);
}

/** missing-meetings: every required type's uncovered months, quarters or year; critical when a type has none at all. */
function missingMeetings(branch: LedgerBranch, coverage: readonly TypeCoverage[], locale: Locale): SheetFlag | null {
  const short = coverage.filter((c) => c.gaps.length > 0);
  if (short.length === 0) return null;
  const t = meetingsText(locale);
  const words = engineText(locale);
  const detail = short
    .map((c) => t("gap.type", { type: words(`meeting.${c.type}`), periods: c.gaps.map((g) => bucketWord(g, t)).join(words("list.items")) }))
    .join(words("list.groups"));
  const critical = coverage.some((c) => c.buckets.every((b) => b.records.length === 0));
  return flagOf(
    branch,
    branch.records[0],
    {
      flag: "missing-meetings",
      level: critical ? "critical" : "warning",
      detail,
      gaps: short.map((c) => ({ type: typeWord(c.type), periods: c.gaps.map((g) => g.key) })),
    },
    locale,
  );
}

function longAbsences(branch: LedgerBranch, locale: Locale): SheetFlag[] {
  const t = meetingsText(locale);
  const month = (index: number) => t("period.single", monthOf(index));
  return absencesOf(branch).map((absence) =>
    flagOf(
      branch,
      absence.meetings[0],
      {
        flag: "long-absence",
        level: "warning",
        detail: t("absence.detail", { person: absence.person, from: month(absence.from), to: month(absence.to), count: absence.meetings.length }),
        person: absence.person,
      },
      locale,
    ),
  );
}

/** ledger-mismatch: each reported meeting count against the counted meetings of its type (LEDGERS.md §6). */
function againstReports(ledger: MeetingLedger, locale: Locale): SheetFinding[] {
  const byReported = new Map<DataRow, { reported: NonNullable<LedgerBranch["reported"]>; records: MeetingRecord[] }>();
  for (const branch of ledger.branches) {
    if (!branch.reported) continue;
    const entry = byReported.get(branch.reported.row) ?? { reported: branch.reported, records: [] };
    entry.records.push(...branch.records);
    byReported.set(branch.reported.row, entry);
  }
  const times = (count: number) => ledgersText(locale)("count.times", { count: formatNumber(count) });
  const findings: SheetFinding[] = [];
  for (const { reported, records } of byReported.values()) {
    for (const { type, key } of MEETING_KINDS) {
      if (key === "orgLifeMeeting" || key === "memberReview") continue;
      const field = reported.row.fields.get(key);
      const stated = numberOf(reported.row, key);
      if (!field || field.read.blank || stated === undefined) continue;
      const counted = records.filter((r) => r.status === "counted" && r.type === type);
      if (counted.length === stated) continue;
      findings.push(ledgerMismatch(reported, key, { reported: times(stated), recorded: times(counted.length) }, counted, records.map((r) => r.sheet)));
    }
  }
  return findings;
}

function gather({ sheets, submissions, settings, locale }: Gathering): Outcome {
  const ledger = meetingLedger(sheets, submissions);
  const flags: SheetFlag[] = [];
  for (const branch of ledger.branches) {
    const missing = missingMeetings(branch, coverageOf(ledger, branch, settings), locale);
    if (missing) flags.push(missing);
    flags.push(...longAbsences(branch, locale));
  }
  return { findings: [...duplicates(ledger), ...againstReports(ledger, locale)], flags };
}

export const meetingsKind = {
  id: "meetings",
  fields: MEETING_FIELDS,
  accepts,
  branchInTitle: true,
  periodField: "date",
  rowRules: [datedInPeriod, attendance, quorum],
  sheetRules: [],
  gather,
} as const satisfies SheetKind<MeetingField>;
