/** The command line. */
import { strings, translator, type Locale, type Translate } from ".";
import { cliZhCN } from "./cli.zh-CN";
import { cliEnUS } from "./cli.en-US";

export type CliKey = keyof typeof cliZhCN;
export const cliStrings = strings<CliKey>(cliZhCN, cliEnUS);
export const cliText = (locale: Locale): Translate<CliKey> => translator(cliStrings, locale);
