/** The 统计表's flags (预警) of PRODUCT.md §4, in table order, for rows whose fields are usable. */
import type { Flag } from "../../report";
import { flagLabel, type FlagId } from "../../flags";
import type { FieldKey } from "./fields";
import { ScoreError, engineWords } from "../../scoring";
import { committeeDue, requiredMeetings, type MeetingType, type Settings } from "../../settings";
import type { DataRow } from "../../rows";
import type { FieldValue } from "../../values";
import { formatMoney, formatNumber } from "../../text";
import { MEETING_KINDS, type MeetingKind } from "../../meetingTypes";
import type { Locale, Translate } from "../../../i18n";
import { engineText } from "../../../i18n/engine";
import { submissionText, type SubmissionKey } from "../../../i18n/kinds/submission";

type Words = Translate<SubmissionKey>;

/** A row's fields as plain values: what a flag needs, whether read from a sheet or a formula. */
export interface FlagInput {
  /** A field's value: null or undefined when blank, unusable or not in the sheet. */
  value(key: string): number | string | boolean | null | undefined;
  /** Whether a field has an error; a flag using one is not computed. */
  invalid(key: string): boolean;
  /** Columns present in the sheet. */
  present: ReadonlySet<string>;
}

export interface FlagResult {
  flag: FlagId;
  level: "warning" | "critical";
  detail: string;
}

function num(input: FlagInput, key: FieldKey): number | undefined {
  const v = input.value(key);
  if (typeof v === "number") return v;
  if (typeof v === "boolean") return v ? 1 : 0;
  return undefined;
}

/** Each meeting type's word in the engine's strings, its key made once. */
const MEETING_WORDS = Object.fromEntries(MEETING_KINDS.map(({ type }) => [type, `meeting.${type}` as const])) as Record<MeetingType, `meeting.${MeetingType}`>;

/** The meetings of a kind a branch must hold in the period; 0 when none of it are due. */
function dueOf({ type, key }: MeetingKind, input: FlagInput, months: number, settings: Settings, committee: boolean | undefined, groups: number): number {
  if (type === "committee" && committee !== true) return 0;
  if (type === "group" && groups <= 0) return 0;
  if ((type === "themeday" || type === "orglife" || type === "review") && !input.present.has(key)) return 0;
  return requiredMeetings(settings, type, months, groups);
}

function meetings(input: FlagInput, months: number, settings: Settings, committee: boolean | undefined, locale: Locale): FlagResult | null {
  const groups = num(input, "groups") ?? 0;
  if (input.invalid("groups") || input.invalid("hasCommittee")) return null;
  for (const kind of MEETING_KINDS) if (input.invalid(kind.key) && dueOf(kind, input, months, settings, committee, groups) > 0) return null;
  // The detail's pieces, joined once: "党员大会 1/4；支委会 0/12".
  let parts: string[] | undefined;
  let critical = false;
  const t = engineText(locale);
  for (const kind of MEETING_KINDS) {
    const required = dueOf(kind, input, months, settings, committee, groups);
    if (required <= 0) continue;
    const held = num(input, kind.key);
    // An optional column left blank says nothing; a required one blank is already an error.
    if (held === undefined || held >= required) continue;
    if (parts === undefined) parts = [];
    else parts.push(t("list.groups"));
    parts.push(t(MEETING_WORDS[kind.type]), " ", formatNumber(held), "/", String(required));
    if (held === 0) critical = true;
  }
  if (parts === undefined) return null;
  return { flag: "missing-meetings", level: critical ? "critical" : "warning", detail: parts.join("") };
}

function funds(input: FlagInput, months: number, settings: Settings, t: Words): FlagResult | null {
  const budget = num(input, "budget");
  const spent = num(input, "spent");
  if (input.invalid("budget") || input.invalid("spent") || budget === undefined || spent === undefined || budget <= 0) return null;
  const rate = spent / budget;
  if (rate >= settings.minFundRate * (months / 12)) return null;
  return {
    flag: "unspent-funds",
    level: spent === 0 ? "critical" : "warning",
    detail: t("flag.unspent-funds.detail", {
      rate: Math.round(rate * 100),
      spent: formatMoney(spent),
      budget: formatMoney(budget),
    }),
  };
}

function recruiting(input: FlagInput, t: Words): FlagResult | null {
  const current = num(input, "newMembers");
  if (input.invalid("newMembers") || input.invalid("newMembersPrev") || input.invalid("nonMemberStaff") || current !== 0) return null;
  if (num(input, "nonMemberStaff") === 0) return null;
  const previous = num(input, "newMembersPrev");
  return previous === 0
    ? { flag: "no-new-members", level: "critical", detail: t("flag.no-new-members.two-years") }
    : { flag: "no-new-members", level: "warning", detail: t("flag.no-new-members.detail") };
}

/** small-branch, committee-missing and large-branch, each given to `add`. */
function membership(input: FlagInput, settings: Settings, t: Words, add: (result: FlagResult) => void): void {
  const formal = num(input, "membersFormal");
  if (formal === undefined || input.invalid("membersFormal")) return;
  if (formal < settings.minMembers) {
    add({ flag: "small-branch", level: "warning", detail: t("flag.small-branch.detail", { formal }) });
  }
  if (formal >= settings.committeeFrom && input.value("hasCommittee") === false && !input.invalid("hasCommittee")) {
    add({ flag: "committee-missing", level: "warning", detail: t("flag.committee-missing.detail", { formal }) });
  }
  const probationary = num(input, "membersProbationary") ?? 0;
  if (!input.invalid("membersProbationary") && formal + probationary > settings.maxMembers) {
    add({
      flag: "large-branch",
      level: "warning",
      detail: t("flag.large-branch.detail", { total: formal + probationary, formal, probationary }),
    });
  }
}

function dues(input: FlagInput, t: Words): FlagResult | null {
  const due = num(input, "duesDue");
  const paid = num(input, "duesPaid");
  if (input.invalid("duesDue") || input.invalid("duesPaid") || due === undefined || paid === undefined || due <= 0) return null;
  if (Math.round(paid * 100) >= Math.round(due * 100)) return null;
  return {
    flag: "dues-shortfall",
    level: paid === 0 ? "critical" : "warning",
    detail: t("flag.dues-shortfall.detail", { paid: formatMoney(paid), due: formatMoney(due) }),
  };
}

/** Every flag of one row, in the order of PRODUCT.md §4. */
export function computeFlags(input: FlagInput, months: number, settings: Settings, locale: Locale): readonly FlagResult[] {
  const committee = committeeOf(input, settings);
  const t = submissionText(locale);
  let results: FlagResult[] | undefined;
  const add = (result: FlagResult | null) => {
    if (result !== null) (results ??= []).push(result);
  };
  add(meetings(input, months, settings, committee, locale));
  add(funds(input, months, settings, t));
  add(recruiting(input, t));
  membership(input, settings, t, add);
  add(dues(input, t));
  return results ?? NO_FLAGS;
}

// What a row with no flag gets. Typed read-only rather than frozen: a frozen array is another kind
// of array to V8, and the loops over every row's list would take its slower path.
const NO_FLAGS: readonly FlagResult[] = [];
const NO_ROW_FLAGS: readonly Flag[] = [];

function committeeOf(input: FlagInput, settings: Settings): boolean | undefined {
  const explicit = input.invalid("hasCommittee") ? undefined : input.value("hasCommittee");
  const formal = input.invalid("membersFormal") ? undefined : num(input, "membersFormal");
  return committeeDue(explicit, input.invalid("hasCommittee"), formal, settings);
}

/** A row of a sheet as a flag's input: one object per row, no closure. */
class RowInput implements FlagInput {
  constructor(
    private readonly data: DataRow,
    readonly present: ReadonlySet<string>,
    private readonly required: (data: DataRow, key: string) => boolean,
  ) {}

  value(key: string): FieldValue | null | undefined {
    return this.data.fields.value(key);
  }

  invalid(key: string): boolean {
    const { fields } = this.data;
    const i = fields.plan.index.get(key);
    if (i === undefined) return false;
    // A required cell left blank is an error too: no flag may use it (PRODUCT.md §4).
    return fields.isInvalidAt(i) || (fields.isBlankAt(i) && !fields.coveredAt(i) && this.required(this.data, key));
  }
}

/** `required` tells which fields must be filled in a row: a blank one is a missing-value error. */
export function flagInputOf(data: DataRow, present: ReadonlySet<string>, required: (data: DataRow, key: string) => boolean): FlagInput {
  return new RowInput(data, present, required);
}

export function flagsOfRow(
  data: DataRow,
  sheet: string,
  months: number,
  settings: Settings,
  present: ReadonlySet<string>,
  required: (data: DataRow, key: string) => boolean,
  locale: Locale,
): readonly Flag[] {
  const results = computeFlags(flagInputOf(data, present, required), months, settings, locale);
  if (results.length === 0) return NO_ROW_FLAGS;
  return results.map((f) => ({
    flag: f.flag,
    level: f.level,
    branch: data.branch,
    unit: data.unit,
    sheet,
    row: data.row,
    label: flagLabel(f.flag, locale),
    detail: f.detail,
  }));
}

/** 缺会次数: meetings of a type still due in a period of `months` (PRODUCT.md §4). */
export function meetingGap(held: number, type: MeetingType, months: number, groups: number, settings: Settings): number {
  if (!Number.isFinite(held) || !Number.isFinite(months) || !Number.isFinite(groups)) {
    throw new ScoreError("value", engineWords("score.notANumber", { what: engineWords("word.meetingArgs") }));
  }
  if (held < 0) throw new ScoreError("num", engineWords("score.negative", { what: engineWords("word.held") }));
  if (!Number.isInteger(months) || months < 1 || months > 12) throw new ScoreError("num", engineWords("score.monthsRange"));
  if (!Number.isInteger(groups) || groups < 0) throw new ScoreError("num", engineWords("score.groupsRange"));
  return Math.max(0, requiredMeetings(settings, type, months, groups) - held);
}

