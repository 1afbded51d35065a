/** 换届 (LEDGERS.md §5): the term-expired flag of the 统计表 and the roster, and its detail. */
import { strings, translator, type Locale, type Translate } from "..";
import { flag } from "../rules";

const OPINION = "《关于党的基层组织任期的意见》";

export const termsFlags = {
  "term-expired": flag(
    {
      label: "到期未换届",
      description: `党支部委员会每届任期3年，村、社区党组织5年（${OPINION}，2018）；到期未换届的应按期换届，超期1年以上为严重。`,
    },
    {
      label: "Term expired",
      description: "A branch committee's term is 3 years, a village's or community's 5 (opinion on the terms of primary party organisations, 2018); past it, the election is overdue; over a year late is critical.",
    },
  ),
};

export const termsStrings = strings(
  {
    "detail": "{elected} 换届，应于 {due} 前换届",
  },
  {
    "detail": "elected {elected}; the next election was due by {due}",
  },
);

export type TermsKey = keyof (typeof termsStrings)["zh-CN"];
export const termsText = (locale: Locale): Translate<TermsKey> => translator(termsStrings, locale);
