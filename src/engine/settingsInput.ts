/**
 * Settings as offices write them: a JSON file (keys as in Settings, nested or dotted) or a 参数
 * sheet of (parameter, value) rows with the Chinese parameter names. Every value is checked;
 * problems come back as Chinese sentences, and nothing is applied when there is one.
 */
import type { Grid } from "./grid";
import { DEFAULT_SETTINGS, combineMethodOf, type Settings } from "./settings";
import { normaliseName, toHalfWidth, removeWhitespace } from "./text";
import { SheetView, cellText, isBlank } from "./view";
import { engineText } from "../i18n/engine";
import { settingsStrings, settingsText, type SettingsKey } from "../i18n/settings";
import type { Locale } from "../i18n";

type Kind = "fraction" | "method" | "thresholds" | "levels" | "months" | "count" | "year" | "points" | "rounding";

/** The rounding units of a 党费 amount: 分, 角, 元. */
const ROUNDINGS = [0.01, 0.1, 1];

/** A setting's key in Settings, dotted for the nested meeting requirements. */
export type SettingPath =
  | "partyWeight"
  | "method"
  | "thresholds"
  | "levels"
  | "meetingEveryMonths.general"
  | "meetingEveryMonths.committee"
  | "meetingEveryMonths.group"
  | "meetingEveryMonths.lecture"
  | "meetingEveryMonths.themeday"
  | "annualMeetings.orglife"
  | "annualMeetings.review"
  | "minFundRate"
  | "minMembers"
  | "committeeFrom"
  | "maxMembers"
  | "assessmentYear"
  | "improveThreshold"
  | "quotaTop"
  | "quotaBottom"
  | "dues.rounding"
  | "dues.largePayment"
  | "dues.arrearsWarning"
  | "dues.arrearsCritical"
  | "development.minAge"
  | "development.talkMonths"
  | "development.activistMonths"
  | "development.approvalMonths"
  | "development.approvalErrorMonths"
  | "development.probationMonths"
  | "development.fullGraceMonths"
  | "development.introducers"
  | "terms.years"
  | "terms.villageYears"
  | "terms.criticalMonths";

interface SettingField {
  path: SettingPath;
  kind: Kind;
}

/** Every setting an office can change; `setting.<path>` in i18n is its 参数 sheet name. */
export const SETTING_FIELDS: readonly SettingField[] = [
  { path: "partyWeight", kind: "fraction" },
  { path: "method", kind: "method" },
  { path: "thresholds", kind: "thresholds" },
  { path: "levels", kind: "levels" },
  { path: "meetingEveryMonths.general", kind: "months" },
  { path: "meetingEveryMonths.committee", kind: "months" },
  { path: "meetingEveryMonths.group", kind: "months" },
  { path: "meetingEveryMonths.lecture", kind: "months" },
  { path: "meetingEveryMonths.themeday", kind: "months" },
  { path: "annualMeetings.orglife", kind: "count" },
  { path: "annualMeetings.review", kind: "count" },
  { path: "minFundRate", kind: "fraction" },
  { path: "minMembers", kind: "count" },
  { path: "committeeFrom", kind: "count" },
  { path: "maxMembers", kind: "count" },
  { path: "assessmentYear", kind: "year" },
  { path: "improveThreshold", kind: "points" },
  { path: "quotaTop", kind: "fraction" },
  { path: "quotaBottom", kind: "fraction" },
  { path: "dues.rounding", kind: "rounding" },
  { path: "dues.largePayment", kind: "count" },
  { path: "dues.arrearsWarning", kind: "count" },
  { path: "dues.arrearsCritical", kind: "count" },
  { path: "development.minAge", kind: "count" },
  { path: "development.talkMonths", kind: "months" },
  { path: "development.activistMonths", kind: "months" },
  { path: "development.approvalMonths", kind: "months" },
  { path: "development.approvalErrorMonths", kind: "months" },
  { path: "development.probationMonths", kind: "months" },
  { path: "development.fullGraceMonths", kind: "months" },
  { path: "development.introducers", kind: "count" },
  { path: "terms.years", kind: "count" },
  { path: "terms.villageYears", kind: "count" },
  { path: "terms.criticalMonths", kind: "months" },
];

export function settingName(path: SettingPath, locale: Locale): string {
  return settingsStrings[locale][`setting.${path}`];
}

/** A setting by its path or by its 参数 name in either language (a sheet may come from an English Excel). */
function byName(name: string): SettingField | undefined {
  const n = normaliseName(name);
  const named = (f: SettingField, locale: Locale) => normaliseName(settingName(f.path, locale)) === n;
  return SETTING_FIELDS.find((f) => f.path.toLowerCase() === n || named(f, "zh-CN") || named(f, "en-US"));
}

function list(value: unknown): string[] | null {
  if (Array.isArray(value)) return value.map((v) => String(v).trim()).filter((v) => v !== "");
  if (typeof value === "string") {
    return toHalfWidth(value)
      .split(/[,，、;；\s]+/)
      .map((v) => v.trim())
      .filter((v) => v !== "");
  }
  return null;
}

function number(value: unknown): number | null {
  if (typeof value === "number" && Number.isFinite(value)) return value;
  if (typeof value === "string" && value.trim() !== "") {
    const n = Number(removeWhitespace(toHalfWidth(value)));
    return Number.isFinite(n) ? n : null;
  }
  return null;
}

/** The value as the setting wants it, or an i18n key saying what it must be. */
function convert(kind: Kind, value: unknown): { value: unknown } | { problem: SettingsKey } {
  switch (kind) {
    case "fraction": {
      const n = number(value);
      return n !== null && n >= 0 && n <= 1 ? { value: n } : { problem: "settings.mustBeFraction" };
    }
    case "points": {
      const n = number(value);
      return n !== null && n >= 0 && n <= 100 ? { value: n } : { problem: "settings.mustBePoints" };
    }
    case "months": {
      const n = number(value);
      return n !== null && Number.isInteger(n) && n >= 1 && n <= 12 ? { value: n } : { problem: "settings.mustBeMonths" };
    }
    case "count": {
      const n = number(value);
      return n !== null && Number.isInteger(n) && n >= 0 ? { value: n } : { problem: "settings.mustBeCount" };
    }
    case "rounding": {
      const n = number(value);
      return n !== null && ROUNDINGS.includes(n) ? { value: n } : { problem: "settings.mustBeRounding" };
    }
    case "year": {
      if (value === null || value === "") return { value: null };
      const n = number(value);
      return n !== null && Number.isInteger(n) && n >= 1990 && n <= 2100 ? { value: n } : { problem: "settings.mustBeYear" };
    }
    case "method": {
      const method = typeof value === "string" ? combineMethodOf(value) : null;
      return method ? { value: method } : { problem: "settings.mustBeMethod" };
    }
    case "thresholds": {
      const items = list(value);
      const nums = items?.map((v) => number(v));
      if (!nums || nums.length === 0 || nums.some((n) => n === null)) return { problem: "settings.mustBeThresholds" };
      const ok = (nums as number[]).every((n, i, all) => i === 0 || n > all[i - 1]);
      return ok ? { value: nums } : { problem: "settings.mustBeThresholds" };
    }
    case "levels": {
      if (value === null || value === "") return { value: null };
      const items = list(value);
      return items && items.length >= 2 && new Set(items).size === items.length ? { value: items } : { problem: "settings.mustBeLevels" };
    }
  }
}

export interface SettingsInput {
  settings: Partial<Settings>;
  problems: string[];
}

function assign(target: Record<string, unknown>, path: string, value: unknown): void {
  const [head, tail] = path.split(".");
  if (tail === undefined) {
    target[head] = value;
    return;
  }
  const inner = (target[head] as Record<string, unknown> | undefined) ?? {};
  inner[tail] = value;
  target[head] = inner;
}

/** Settings from (name, value) pairs; names are paths ("partyWeight") or 参数 names (党建权重). */
export function settingsFromPairs(pairs: Iterable<[string, unknown]>, locale: Locale): SettingsInput {
  const t = settingsText(locale);
  const settings: Record<string, unknown> = {};
  const problems: string[] = [];
  for (const [name, value] of pairs) {
    const field = byName(name);
    if (!field) {
      problems.push(t("settings.unknown", { name }));
      continue;
    }
    const converted = convert(field.kind, value);
    if ("problem" in converted) {
      problems.push(t(converted.problem, { name: settingName(field.path, locale), value: JSON.stringify(value) ?? "" }));
    } else {
      assign(settings, field.path, converted.value);
    }
  }
  const merged = { ...DEFAULT_SETTINGS, ...settings } as Settings;
  if (merged.levels && merged.thresholds.length !== merged.levels.length - 1) {
    problems.push(engineText(locale)("settings.thresholdsVsLevels", { thresholds: merged.thresholds.length, levels: merged.levels.length }));
  }
  return { settings: settings as Partial<Settings>, problems };
}

/** Settings from parsed JSON: an object whose keys are paths, nested objects or 参数 names. */
export function settingsFromJson(json: unknown, locale: Locale): SettingsInput {
  if (json === null || typeof json !== "object" || Array.isArray(json)) {
    return { settings: {}, problems: [settingsText(locale)("settings.notAnObject")] };
  }
  const pairs: [string, unknown][] = [];
  for (const [key, value] of Object.entries(json)) {
    if (value !== null && typeof value === "object" && !Array.isArray(value)) {
      for (const [inner, v] of Object.entries(value)) pairs.push([`${key}.${inner}`, v]);
    } else {
      pairs.push([key, value]);
    }
  }
  return settingsFromPairs(pairs, locale);
}

/** Settings from a 参数 sheet: the first column names the parameter, the next holds its value. */
export function settingsFromGrid(grid: Grid, locale: Locale): SettingsInput {
  const view = new SheetView(grid);
  const pairs: [string, unknown][] = [];
  for (let r = view.firstRow; r <= view.lastRow; r++) {
    const nameCell = view.get(r, view.firstCol);
    if (isBlank(nameCell)) continue;
    const name = cellText(nameCell).trim();
    // The heading row (参数/值) is not a setting.
    if (!byName(name) && r === view.firstRow) continue;
    const valueCell = view.get(r, view.firstCol + 1);
    const value = valueCell.kind === "number" || valueCell.kind === "bool" ? valueCell.value : isBlank(valueCell) ? "" : cellText(valueCell);
    pairs.push([name, value]);
  }
  return settingsFromPairs(pairs, locale);
}
