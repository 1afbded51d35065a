/** Every default the rules, flags and scores use; each can be changed by the office (设置). */
import { removeWhitespace } from "./text";

export type CombineMethod = "weighted" | "multiplier";

/** A combination method as offices write it: weighted/加权 or multiplier/双乘数; else null. */
export function combineMethodOf(text: string): CombineMethod | null {
  const s = removeWhitespace(text).toLowerCase();
  if (s === "weighted" || s === "加权") return "weighted";
  if (s === "multiplier" || s === "双乘数") return "multiplier";
  return null;
}

/** Built-in level schemes, low → high; where values fit several, the first listed wins. */
export const LEVEL_SCHEMES: readonly (readonly string[])[] = [
  ["后进", "一般", "先进"],
  ["较差", "一般", "较好", "好"],
  ["差", "一般", "较好", "好"],
  ["一星", "二星", "三星", "四星", "五星"],
];

export type MeetingType = "general" | "committee" | "group" | "lecture" | "themeday" | "orglife" | "review";

export interface Settings {
  /** 党建 weight in the weighted combined score. */
  partyWeight: number;
  method: CombineMethod;
  /** Grade thresholds, low → high; one fewer than levels. */
  thresholds: number[];
  /** The level scheme; null = the first built-in scheme that fits the values. */
  levels: string[] | null;
  /** One meeting of each type is due every this many months (党小组会: per group). */
  meetingEveryMonths: { general: number; committee: number; group: number; lecture: number; themeday: number };
  /** 组织生活会 and 民主评议 are due this many times in a full year. */
  annualMeetings: { orglife: number; review: number };
  /** unspent-funds when spent/budget is below this share of the pro-rated budget. */
  minFundRate: number;
  /** small-branch below this many 正式党员. */
  minMembers: number;
  /** A 支委会 is due from this many 正式党员. */
  committeeFrom: number;
  /** large-branch above this many 党员. */
  maxMembers: number;
  /** When set, a period of another year is flagged as inconsistent. */
  assessmentYear: number | null;
  /** 提升率: the rise in points that counts as an improvement. */
  improveThreshold: number;
  quotaTop: number;
  quotaBottom: number;
  /** The 党费 ledger (LEDGERS.md §3). */
  dues: DuesSettings;
  /** The 发展党员 register (LEDGERS.md §4; 细则 2014). */
  development: DevelopmentSettings;
  /** 换届 (LEDGERS.md §5; 任期意见 2018). */
  terms: TermSettings;
}

export interface DuesSettings {
  /** A bracket amount is rounded half up to this many 元: 0.01 (分, the default), 0.1 (角) or 1 (元). */
  rounding: number;
  /** large-payment from this many 元 paid in one month (规定 第十一条). */
  largePayment: number;
  /** dues-arrears from this many consecutive unpaid months; critical from arrearsCritical (党章 第九条). */
  arrearsWarning: number;
  arrearsCritical: number;
}

export interface DevelopmentSettings {
  /** under-age: younger than this on applying (细则 第五条). */
  minAge: number;
  /** talk-late: the first talk more than this many months after applying (第七条). */
  talkMonths: number;
  /** activist-too-short: a 发展对象 less than this many months after becoming an activist (第十三条). */
  activistMonths: number;
  /** approval-late: approved more than this many months after admission; an error past approvalErrorMonths. */
  approvalMonths: number;
  approvalErrorMonths: number;
  /** The probation (第三十二条), and how late past its end 转正 may be without an extension given. */
  probationMonths: number;
  fullGraceMonths: number;
  /** introducer-count: the introducers a person needs (第十四条). */
  introducers: number;
}

export interface TermSettings {
  /** A branch's term in years, and for a branch of a 村 or 社区. */
  years: number;
  villageYears: number;
  /** term-expired is critical when the election is this many months late. */
  criticalMonths: number;
}

export const DEFAULT_SETTINGS: Readonly<Settings> = Object.freeze({
  partyWeight: 0.5,
  method: "weighted",
  thresholds: [60, 90],
  levels: null,
  meetingEveryMonths: { general: 3, committee: 1, group: 1, lecture: 3, themeday: 1 },
  annualMeetings: { orglife: 1, review: 1 },
  minFundRate: 0.5,
  minMembers: 3,
  committeeFrom: 7,
  maxMembers: 50,
  assessmentYear: null,
  improveThreshold: 10,
  quotaTop: 0.2,
  quotaBottom: 0.05,
  dues: { rounding: 0.01, largePayment: 1000, arrearsWarning: 3, arrearsCritical: 6 },
  development: {
    minAge: 18,
    talkMonths: 1,
    activistMonths: 12,
    approvalMonths: 3,
    approvalErrorMonths: 6,
    probationMonths: 12,
    fullGraceMonths: 1,
    introducers: 2,
  },
  terms: { years: 3, villageYears: 5, criticalMonths: 12 },
});

export function withDefaults(partial: Partial<Settings> = {}): Settings {
  return {
    ...DEFAULT_SETTINGS,
    ...partial,
    meetingEveryMonths: { ...DEFAULT_SETTINGS.meetingEveryMonths, ...partial.meetingEveryMonths },
    annualMeetings: { ...DEFAULT_SETTINGS.annualMeetings, ...partial.annualMeetings },
    dues: { ...DEFAULT_SETTINGS.dues, ...partial.dues },
    development: { ...DEFAULT_SETTINGS.development, ...partial.development },
    terms: { ...DEFAULT_SETTINGS.terms, ...partial.terms },
  };
}

/** Meetings of a type due in a period of `months` (PRODUCT.md §4). */
export function requiredMeetings(settings: Settings, type: MeetingType, months: number, groups = 1): number {
  switch (type) {
    case "orglife":
    case "review":
      return months === 12 ? settings.annualMeetings[type] : 0;
    case "group":
      return Math.ceil(months / settings.meetingEveryMonths.group) * groups;
    default:
      return Math.ceil(months / settings.meetingEveryMonths[type]);
  }
}

/** The first built-in scheme containing every value, or null. */
export function schemeFor(values: Iterable<string>): readonly string[] | null {
  const wanted = [...values];
  return LEVEL_SCHEMES.find((scheme) => wanted.every((v) => scheme.includes(v))) ?? null;
}

/**
 * 是否设支委会: as filled in, else whether the branch has enough 正式党员 to need one;
 * undefined when it cannot be known (the cell is wrong, or 正式党员数 is unknown).
 */
export function committeeDue(
  explicit: unknown,
  explicitInvalid: boolean,
  formal: number | undefined,
  settings: Settings,
): boolean | undefined {
  if (explicitInvalid) return undefined;
  if (typeof explicit === "boolean") return explicit;
  return formal === undefined ? undefined : formal >= settings.committeeFrom;
}
