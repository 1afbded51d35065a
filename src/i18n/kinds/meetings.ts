/**
 * The 三会一课 meeting ledger's words (LEDGERS.md §2): its flag, its name and the words of its
 * coverage (which months and quarters have no meeting); its rules are in meetings.rules.ts.
 */
import { strings, translator, type Locale, type Translate } from "..";
import { flag } from "../rules";

/** LEDGERS.md §2 and §7 (missing-meetings is the 统计表's flag, with gaps). */
export const meetingsFlags = {
  "long-absence": flag(
    { label: "连续6个月未参加组织生活", description: "党员连续6个月无故不参加党的组织生活（党章第九条），请核实是否有正当理由。" },
    { label: "Absent 6 months running", description: "A member absent from party life for 6 months running without a reason (party constitution, article 9); check for a valid reason." },
  ),
};

export const meetingsStrings = strings(
  {
    "kind.name": "三会一课台账",
    "kind.title": "三会一课台账",
    "kind.template": "三会一课台账模板",
    "period.month": "{month}月",
    "period.quarter": "第{quarter}季度",
    "period.year": "全年",
    "period.months": "{from}–{to}月",
    "gap.type": "{type}：{periods}无",
    "absence.detail": "{person}：{from}至{to}的 {count} 次党员大会、党小组会、主题党日均缺席且未注明原因，请核实",
    "period.span": "{year}年{from}–{to}月",
    "period.whole": "{year}年",
    "period.single": "{year}年{month}月",
  },
  {
    "kind.name": "Meeting ledger",
    "kind.title": "三会一课台账",
    "kind.template": "meeting ledger template",
    "period.month": "{year}-{mm}",
    "period.quarter": "{year} Q{quarter}",
    "period.year": "{year}",
    "period.months": "{year}-{fromMm} to {toMm}",
    "gap.type": "{type}: none in {periods}",
    "absence.detail": "{person}: absent without a reason from all {count} general, group and theme-day meetings from {from} to {to}; please check",
    "period.span": "{year}-{from}–{to}",
    "period.whole": "{year}",
    "period.single": "{year}-{month}",
  },
);

export type MeetingsKey = keyof (typeof meetingsStrings)["zh-CN"];
export const meetingsText = (locale: Locale): Translate<MeetingsKey> => translator(meetingsStrings, locale);
