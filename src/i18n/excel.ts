/** The Excel adapter. */
import { strings, translator, type Locale, type Translate } from ".";
import { excelZhCN } from "./excel.zh-CN";
import { excelEnUS } from "./excel.en-US";

export type ExcelKey = keyof typeof excelZhCN;
export const excelStrings = strings<ExcelKey>(excelZhCN, excelEnUS);
export const excelText = (locale: Locale): Translate<ExcelKey> => translator(excelStrings, locale);
