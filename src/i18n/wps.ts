/** The WPS 表格 adapter (src/wps). */
import { strings, translator, type Locale, type Translate } from ".";
import { wpsZhCN } from "./wps.zh-CN";
import { wpsEnUS } from "./wps.en-US";

export type WpsKey = keyof typeof wpsZhCN;
export const wpsStrings = strings<WpsKey>(wpsZhCN, wpsEnUS);
export const wpsText = (locale: Locale): Translate<WpsKey> => translator(wpsStrings, locale);
