/** The custom functions' #VALUE! messages, argument names and the words of their results. */
import { strings, translator, type Locale, type Translate } from ".";
import { functionsZhCN } from "./functions.zh-CN";
import { functionsEnUS } from "./functions.en-US";

export type FunctionsKey = keyof typeof functionsZhCN;
export const functionsStrings = strings<FunctionsKey>(functionsZhCN, functionsEnUS);
export const functionsText = (locale: Locale): Translate<FunctionsKey> => translator(functionsStrings, locale);
