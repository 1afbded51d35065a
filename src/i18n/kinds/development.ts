/**
 * The 发展党员 register's words (LEDGERS.md §4): its flag, its name and the flag's detail; its
 * rules are in development.rules.ts.
 */
import { strings, translator, type Locale, type Translate } from "..";
import { flag } from "../rules";

/** LEDGERS.md §4 and §7. */
export const developmentFlags = {
  "probation-overdue": flag(
    {
      label: "预备期满未转正",
      description: "预备期（含延长的预备期）已满，台账未记转为正式党员时间：预备期满，党支部应当及时讨论其能否转为正式党员（《中国共产党发展党员工作细则》第三十二条）。",
    },
    {
      label: "Probation over, not yet full member",
      description: "The probation (with any extension) has ended and the register gives no date of full membership: the branch should decide on it when the probation ends (development rules, article 32).",
    },
  ),
};

export const developmentStrings = strings(
  {
    "kind.name": "发展党员台账",
    "kind.title": "发展党员工作台账",
    "kind.template": "发展党员台账模板",
    "date": "{year}年{month}月{day}日",
    "overdue.detail": "{admitted}接收为预备党员，预备期应于{end}期满，尚未转正",
    "overdue.extended": "{admitted}接收为预备党员，延长预备期{extension}个月，预备期应于{end}期满，尚未转正",
  },
  {
    "kind.name": "Member development register",
    "kind.title": "发展党员工作台账",
    "kind.template": "development register template",
    "date": "{iso}",
    "overdue.detail": "admitted as a probationary member on {admitted}; the probation ended on {end} and there is no full membership yet",
    "overdue.extended": "admitted as a probationary member on {admitted}, probation extended by {extension} months; it ended on {end} and there is no full membership yet",
  },
);

export type DevelopmentKey = keyof (typeof developmentStrings)["zh-CN"];
export const developmentText = (locale: Locale): Translate<DevelopmentKey> => translator(developmentStrings, locale);
