/** Reading and writing workbook files. */
import { strings, translator, type Locale, type Translate } from ".";
import { filesZhCN } from "./files.zh-CN";
import { filesEnUS } from "./files.en-US";

export type FilesKey = keyof typeof filesZhCN;
export const filesStrings = strings<FilesKey>(filesZhCN, filesEnUS);
export const filesText = (locale: Locale): Translate<FilesKey> => translator(filesStrings, locale);
