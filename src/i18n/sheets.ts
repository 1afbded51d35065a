/** The sheets the add-in writes (问题清单, 汇总, 预警, 参数, 考核结果, 模板) and the annotated copy's marks. */
import { strings, translator, type Locale, type Translate } from ".";
import { sheetsZhCN } from "./sheets.zh-CN";
import { sheetsEnUS } from "./sheets.en-US";

export type SheetsKey = keyof typeof sheetsZhCN;
export const sheetsStrings = strings<SheetsKey>(sheetsZhCN, sheetsEnUS);
export const sheetsText = (locale: Locale): Translate<SheetsKey> => translator(sheetsStrings, locale);
