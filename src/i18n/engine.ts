/** The validation engine's own words: meeting names, list separators, score errors and the words they name (the settings' are in settings.ts). */
import { strings, translator, type Locale, type Translate } from ".";
import { engineZhCN } from "./engine.zh-CN";
import { engineEnUS } from "./engine.en-US";

export type EngineKey = keyof typeof engineZhCN;
export const engineStrings = strings<EngineKey>(engineZhCN, engineEnUS);
export const engineText = (locale: Locale): Translate<EngineKey> => translator(engineStrings, locale);
