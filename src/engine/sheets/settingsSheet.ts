/**
 * 参数: the office's settings as (参数, 值, 说明) rows that settingsFromGrid reads back, each value
 * cell with a defined name that the generated formulas reference (=DJ.LEVEL(…,DJ_Thresholds,…)).
 */
import { DEFAULT_SETTINGS, type Settings } from "../settings";
import { SETTING_FIELDS, settingName, type SettingPath } from "../settingsInput";
import type { Locale } from "../../i18n";
import { sheetsText, sheetsStrings, type SheetsKey } from "../../i18n/sheets";
import type { OutCell, SheetSpec } from "./spec";

export const SETTINGS_TABLE = "DJ_Settings";

/** Defined names of the value cells: ASCII and never localised, since formulas are written with them. */
export const SETTING_NAME: Record<SettingPath, string> = {
  partyWeight: "DJ_PartyWeight",
  method: "DJ_Method",
  thresholds: "DJ_Thresholds",
  levels: "DJ_Levels",
  "meetingEveryMonths.general": "DJ_GeneralEveryMonths",
  "meetingEveryMonths.committee": "DJ_CommitteeEveryMonths",
  "meetingEveryMonths.group": "DJ_GroupEveryMonths",
  "meetingEveryMonths.lecture": "DJ_LectureEveryMonths",
  "meetingEveryMonths.themeday": "DJ_ThemeDayEveryMonths",
  "annualMeetings.orglife": "DJ_OrgLifePerYear",
  "annualMeetings.review": "DJ_ReviewPerYear",
  minFundRate: "DJ_MinFundRate",
  minMembers: "DJ_MinMembers",
  committeeFrom: "DJ_CommitteeFrom",
  maxMembers: "DJ_MaxMembers",
  assessmentYear: "DJ_AssessmentYear",
  improveThreshold: "DJ_ImproveThreshold",
  quotaTop: "DJ_QuotaTop",
  quotaBottom: "DJ_QuotaBottom",
  "dues.rounding": "DJ_DuesRounding",
  "dues.largePayment": "DJ_DuesLargePayment",
  "dues.arrearsWarning": "DJ_DuesArrearsWarning",
  "dues.arrearsCritical": "DJ_DuesArrearsCritical",
  "development.minAge": "DJ_DevMinAge",
  "development.talkMonths": "DJ_DevTalkMonths",
  "development.activistMonths": "DJ_DevActivistMonths",
  "development.approvalMonths": "DJ_DevApprovalMonths",
  "development.approvalErrorMonths": "DJ_DevApprovalErrorMonths",
  "development.probationMonths": "DJ_DevProbationMonths",
  "development.fullGraceMonths": "DJ_DevFullGraceMonths",
  "development.introducers": "DJ_DevIntroducers",
  "terms.years": "DJ_TermYears",
  "terms.villageYears": "DJ_TermVillageYears",
  "terms.criticalMonths": "DJ_TermCriticalMonths",
};

type SettingValue = number | string | number[] | string[] | null;

export function settingValue(settings: Settings, path: SettingPath): SettingValue {
  const [head, tail] = path.split(".");
  const outer = (settings as unknown as Record<string, unknown>)[head];
  return (tail === undefined ? outer : (outer as Record<string, unknown>)[tail]) as SettingValue;
}

/**
 * A value as the 值 cell holds it: numbers as numbers; lists as comma text ("60,90"), which both
 * settingsFromGrid and the DJ functions read; the method as its word (加权/双乘数), which both
 * read too; unset (levels, assessment year) as an empty cell.
 */
export function settingCell(path: SettingPath, value: SettingValue, locale: Locale): OutCell {
  if (value === null) return "";
  if (Array.isArray(value)) return value.join(",");
  if (path === "method") return sheetsStrings[locale][`settings.method.${value}` as SheetsKey];
  return value;
}

function defaultText(path: SettingPath, locale: Locale): string {
  const value = settingValue(DEFAULT_SETTINGS, path);
  if (value === null) return sheetsText(locale)(path === "levels" ? "settings.default.auto" : "settings.default.none");
  return String(settingCell(path, value, locale));
}

export function settingsSheet(settings: Settings, locale: Locale): SheetSpec {
  const t = sheetsText(locale);
  const rows: OutCell[][] = SETTING_FIELDS.map(({ path }) => [
    settingName(path, locale),
    settingCell(path, settingValue(settings, path), locale),
    t("settings.help", { help: t(`settings.help.${path}`), default: defaultText(path, locale) }),
  ]);
  return {
    role: "settings",
    name: t("sheet.settings"),
    tables: [
      {
        name: SETTINGS_TABLE,
        row: 0,
        col: 0,
        columns: [t("settings.col.name"), t("settings.col.value"), t("settings.col.help")],
        rows,
      },
    ],
    names: SETTING_FIELDS.map(({ path }, i) => ({ name: SETTING_NAME[path], row: i + 1, col: 1, comment: settingName(path, locale) })),
    widths: [20, 16, 80],
    freezeRows: 1,
  };
}
