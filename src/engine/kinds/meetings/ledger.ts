/**
 * The meeting ledger read as meetings (LEDGERS.md §2): which rows count, each branch's meetings
 * for its period and the 统计表 row it reported, what each required type covers, and who was
 * absent without a reason. One analysis for the ledger's findings and flags, its comparison with
 * the 统计表, the coverage sheet and the pane's coverage view.
 */
import { monthIndex } from "../../dates";
import { MEETING_KIND, meetingType } from "../../meetingTypes";
import { parseNames, personKey, type ListedName } from "../../names";
import { committeeDue, type MeetingType, type Settings } from "../../settings";
import { daysOfPeriod, type ParsedSheet, type SheetPeriod } from "../../sheet";
import { numberOf, type DataRow } from "../../rows";
import { normaliseName } from "../../text";
import { getOrAdd } from "../../maps";
import { ReportedBranches } from "../../ledgers";
import type { Reported } from "../kind";
import { bucketsOf, intervalOf, type Bucket } from "./coverage";

/** Why a row does or does not count as a meeting held. */
export type MeetingStatus = "counted" | "unusable" | "out-of-period" | "no-quorum" | "duplicate";

export interface MeetingRecord {
  sheet: ParsedSheet;
  row: DataRow;
  type: MeetingType | null;
  date: number | null;
  status: MeetingStatus;
  /** The earlier record this one repeats, for a duplicate. */
  original?: MeetingRecord;
  absentees: readonly ListedName[];
}

export function typeOf(row: DataRow): MeetingType | null {
  const value = row.fields.value("type");
  return typeof value === "string" ? meetingType(value) : null;
}

export function absenteesOf(row: DataRow): ListedName[] {
  const value = row.fields.value("absentees");
  return typeof value === "string" ? parseNames(value) : [];
}

/** 党员大会 and 支委会 need more than half of those expected (条例 第十一、十二条). */
export function quorumFailed(row: DataRow, type: MeetingType | null): boolean {
  if (type !== "general" && type !== "committee") return false;
  const expected = numberOf(row, "expected");
  const present = numberOf(row, "present");
  return expected !== undefined && present !== undefined && present * 2 <= expected;
}

/** Whether a date lies outside the sheet's period; undefined when the period's year is unknown. */
export function outOfPeriod(date: number, period: SheetPeriod): boolean | undefined {
  if (period.year === undefined) return undefined;
  const days = getOrAdd(PERIOD_DAYS, period, () => daysOfPeriod(period));
  return days === null || date < days.start || date > days.end;
}

/** Each sheet's period as days, worked out once rather than for every row of a ledger. */
const PERIOD_DAYS = new WeakMap<SheetPeriod, ReturnType<typeof daysOfPeriod>>();

function dateOf(row: DataRow): number | null {
  const value = row.fields.value("date");
  return typeof value === "number" ? value : null;
}

/** Rows of one branch: by code, else by unit and name where the sheet has units, else by name. */
export function branchKey(sheet: ParsedSheet, row: DataRow): string {
  if (row.code) return `c:${normaliseName(row.code)}`;
  return sheet.header.byKey.has("unit") ? `u:${normaliseName(row.unit)}\u0000${normaliseName(row.branch)}` : `n:${normaliseName(row.branch)}`;
}

function recordOf(sheet: ParsedSheet, row: DataRow): MeetingRecord {
  const type = typeOf(row);
  const date = dateOf(row);
  const status: MeetingRecord["status"] =
    !row.branch || row.fields.isInvalid("branch") || type === null || date === null
      ? "unusable"
      : outOfPeriod(date, sheet.period)
        ? "out-of-period"
        : quorumFailed(row, type)
          ? "no-quorum"
          : "counted";
  return { sheet, row, type, date, absentees: absenteesOf(row), status };
}

/** A branch's meetings for one period, and what its 统计表 reported for that period. */
export interface LedgerBranch {
  branch: string;
  unit: string;
  code?: string;
  period: Required<SheetPeriod>;
  /** In sheet and row order. */
  records: MeetingRecord[];
  reported?: Reported;
}

export interface BucketCoverage {
  bucket: Bucket;
  /** The counted meetings of the type in it. */
  records: MeetingRecord[];
}

export interface TypeCoverage {
  type: MeetingType;
  buckets: BucketCoverage[];
  gaps: Bucket[];
}

export interface MeetingLedger {
  /** Every data row of every ledger sheet, in order. */
  records: MeetingRecord[];
  branches: LedgerBranch[];
  /** The types each ledger sheet records, counted or not. */
  typesOnSheet: ReadonlyMap<ParsedSheet, ReadonlySet<MeetingType>>;
}

/**
 * Reads every ledger sheet validated together: a row repeating the same branch, type and date
 * as an earlier one (in any ledger sheet) is a duplicate and does not count again.
 */
export function meetingLedger(sheets: readonly ParsedSheet[], submissions: readonly ParsedSheet[]): MeetingLedger {
  // Without a ledger there is nothing to hold the 统计表 against: do not index its rows.
  if (sheets.length === 0) return { records: [], branches: [], typesOnSheet: new Map() };
  const records: MeetingRecord[] = [];
  const typesOnSheet = new Map<ParsedSheet, Set<MeetingType>>(sheets.map((sheet) => [sheet, new Set()]));
  // By branch, then type, then date: the first record of each, to tell a duplicate by.
  const seen = new Map<string, Map<MeetingType, Map<number, MeetingRecord>>>();
  // By period, then branch; in the order the groups are first met.
  const groups = new Map<string, Map<string, LedgerBranch>>();
  const branches: LedgerBranch[] = [];
  const reported = new ReportedBranches(submissions);
  for (const sheet of sheets) {
    const { year, startMonth, months } = sheet.period;
    const periodKey = `${year}-${startMonth}-${months}`;
    for (const row of sheet.rows) {
      const record = recordOf(sheet, row);
      records.push(record);
      if (record.type !== null) typesOnSheet.get(sheet)?.add(record.type);
      if (record.status === "unusable" || record.type === null || record.date === null) continue;
      const key = branchKey(sheet, row);
      const byType = getOrAdd(seen, key, () => new Map<MeetingType, Map<number, MeetingRecord>>());
      const byDate = getOrAdd(byType, record.type, () => new Map<number, MeetingRecord>());
      const original = byDate.get(record.date);
      if (original) {
        record.status = "duplicate";
        record.original = original;
      } else byDate.set(record.date, record);
      if (year === undefined) continue;
      const inPeriod = getOrAdd(groups, periodKey, () => new Map<string, LedgerBranch>());
      const group = getOrAdd(inPeriod, key, () => {
        const created: LedgerBranch = {
          branch: row.branch,
          unit: row.unit,
          code: row.code,
          period: { year, startMonth, months },
          records: [],
          reported: reported.find(sheet, row),
        };
        branches.push(created);
        return created;
      });
      group.records.push(record);
    }
  }
  return { records, branches, typesOnSheet };
}

/** Whether any of these sheets records a meeting of the type, counted or not. */
function recordedOnSheets(ledger: MeetingLedger, sheets: ReadonlySet<ParsedSheet>, type: MeetingType): boolean {
  return [...sheets].some((sheet) => ledger.typesOnSheet.get(sheet)?.has(type) ?? false);
}

/** Which types a branch must hold in its period (LEDGERS.md §2, coverage). */
export function requiredTypes(ledger: MeetingLedger, branch: LedgerBranch, settings: Settings): MeetingType[] {
  const recorded = (type: MeetingType) => branch.records.some((r) => r.type === type);
  const sheets = new Set(branch.records.map((r) => r.sheet));
  const row = branch.reported?.row;
  const committee = (): boolean => {
    if (!row) return recorded("committee");
    const formal = numberOf(row, "membersFormal");
    return committeeDue(row.fields.value("hasCommittee"), row.fields.isInvalid("hasCommittee"), formal, settings) ?? recorded("committee");
  };
  const groups = (): boolean => {
    const count = row ? numberOf(row, "groups") : undefined;
    return count === undefined ? recorded("group") : count > 0;
  };
  const wholeYear = branch.period.startMonth === 1 && branch.period.months === 12;
  const types: MeetingType[] = ["general"];
  if (committee()) types.push("committee");
  if (groups()) types.push("group");
  types.push("lecture");
  if (recordedOnSheets(ledger, sheets, "themeday")) types.push("themeday");
  for (const annual of ["orglife", "review"] as const) {
    if (wholeYear && recordedOnSheets(ledger, sheets, annual)) types.push(annual);
  }
  return types;
}

/** What each required type of a branch covers: its buckets in the period, and those without a counted meeting. */
export function coverageOf(ledger: MeetingLedger, branch: LedgerBranch, settings: Settings): TypeCoverage[] {
  const days = daysOfPeriod(branch.period);
  if (!days) return [];
  return requiredTypes(ledger, branch, settings).map((type) => {
    const counted = branch.records.filter((r) => r.status === "counted" && r.type === type);
    const buckets = bucketsOf(intervalOf(type, settings), days.start, days.end).map((bucket) => ({
      bucket,
      records: counted.filter((r) => r.date !== null && r.date >= bucket.start && r.date <= bucket.end),
    }));
    return { type, buckets, gaps: buckets.filter((b) => b.records.length === 0).map((b) => b.bucket) };
  });
}

/** The standard word of a type (党员大会 …), as a gap's `type` names it. */
export function typeWord(type: MeetingType): string {
  return MEETING_KIND.get(type)?.value ?? type;
}

/** 党章 第九条: the meetings at which a member's absence counts. */
const LIFE: ReadonlySet<MeetingType> = new Set(["general", "group", "themeday"]);

export interface Absence {
  /** The name as first written. */
  person: string;
  /** First and last month of the run (monthIndex), at least 6 apart. */
  from: number;
  to: number;
  /** The meetings of the run, all missed without a reason. */
  meetings: MeetingRecord[];
}

/**
 * Members listed without a reason as absent at every counted 党员大会, 党小组会 and 主题党日 of
 * their branch over 6 consecutive months in which the branch held at least two of them
 * (LEDGERS.md §2, long-absence): each person's first such run, windows merged.
 */
export function absencesOf(branch: LedgerBranch, span = 6): Absence[] {
  const { year, startMonth, months } = branch.period;
  if (months < span) return [];
  const meetings = branch.records.filter((r) => r.status === "counted" && r.type !== null && LIFE.has(r.type) && r.date !== null);
  const within = (from: number, to: number) =>
    meetings.filter((m) => {
      const month = monthIndex(m.date as number);
      return month >= from && month <= to;
    });
  const first = year * 12 + startMonth - 1;
  const names = new Map<string, string>();
  for (const m of meetings) for (const a of m.absentees) if (!a.reason && !names.has(personKey(a.name))) names.set(personKey(a.name), a.name);
  const absences: Absence[] = [];
  for (const [key, person] of names) {
    const missed = (m: MeetingRecord) => m.absentees.some((a) => !a.reason && personKey(a.name) === key);
    let run: { from: number; to: number } | null = null;
    for (let w = first; w + span - 1 < first + months; w++) {
      const inWindow = within(w, w + span - 1);
      if (inWindow.length < 2 || !inWindow.every(missed)) {
        if (run) break;
        continue;
      }
      run = run ? { from: run.from, to: w + span - 1 } : { from: w, to: w + span - 1 };
    }
    if (!run) continue;
    const { from, to } = run;
    absences.push({ person, from, to, meetings: within(from, to) });
  }
  return absences;
}
