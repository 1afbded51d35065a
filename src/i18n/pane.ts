/** The task pane, its tabs, the ribbon commands and the browser preview. */
import { strings, translator, type Locale, type Translate } from ".";
import { paneZhCN } from "./pane.zh-CN";
import { paneEnUS } from "./pane.en-US";
import { previewZhCN } from "./preview.zh-CN";
import { previewEnUS } from "./preview.en-US";
import { tabsZhCN } from "./tabs.zh-CN";
import { tabsEnUS } from "./tabs.en-US";

const zhCN = { ...paneZhCN, ...previewZhCN, ...tabsZhCN };
export type PaneKey = keyof typeof zhCN;
export const paneStrings = strings<PaneKey>(zhCN, { ...paneEnUS, ...previewEnUS, ...tabsEnUS });
export const paneText = (locale: Locale): Translate<PaneKey> => translator(paneStrings, locale);
