/**
 * The 党费 ledger's words (LEDGERS.md §3, §6): its flag, its name, the arrears detail and the
 * amounts it holds against the 统计表; its rules are in dues.rules.ts.
 */
import { strings, translator, type Locale, type Translate } from "..";
import { flag } from "../rules";

/** LEDGERS.md §3 and §7. */
export const duesFlags = {
  "dues-arrears": flag(
    {
      label: "欠缴党费",
      description: "党员连续3个月以上未交纳党费；连续6个月不交纳党费的，按党章第九条和《关于中国共产党党费收缴、使用和管理的规定》第十三条视为自行脱党，请支部核实。",
    },
    {
      label: "Dues in arrears",
      description: "A member has not paid dues for 3 months or more running; 6 months unpaid without a valid reason counts as leaving the party (party constitution, article 9; dues regulations, article 13). Ask the branch to verify.",
    },
  ),
};

export const duesStrings = strings(
  {
    "kind.name": "党费台账",
    "kind.title": "党费台账",
    "kind.template": "党费台账模板",
    "arrears.run": "欠缴 {year}年{from}–{to}月，共{count}个月",
    "arrears.month": "欠缴 {year}年{from}月，共{count}个月",
    "amount.yuan": "{amount} 元",
    "amount.wan": "{amount} 万元",
    "month.of": "{month}月",
  },
  {
    "kind.name": "Dues ledger",
    "kind.title": "党费台账",
    "kind.template": "dues ledger template",
    "arrears.run": "unpaid {year}-{fromMm} to {year}-{toMm}, {count} months",
    "arrears.month": "unpaid {year}-{fromMm}, {count} month",
    "amount.yuan": "{amount} yuan",
    "amount.wan": "{amount} × 10 000 yuan",
    "month.of": " for month {month}",
  },
);

export type DuesKey = keyof (typeof duesStrings)["zh-CN"];
export const duesText = (locale: Locale): Translate<DuesKey> => translator(duesStrings, locale);
