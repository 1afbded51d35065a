/** What every ledger's comparison with the 统计表 says (LEDGERS.md §6); its rule is in ledgers.rules.ts. */
import { strings, translator, type Locale, type Translate } from "..";

export const ledgersStrings = strings(
  {
    "rows": "{sheet} 第{rows}行",
    "count.times": "{count} 次",
    "count.people": "{count} 人",
  },
  {
    "rows": "{sheet} rows {rows}",
    "count.times": "{count}",
    "count.people": "{count}",
  },
);

export type LedgersKey = keyof (typeof ledgersStrings)["zh-CN"];
export const ledgersText = (locale: Locale): Translate<LedgersKey> => translator(ledgersStrings, locale);
