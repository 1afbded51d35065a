/** The fixed vocabulary of flags (PRODUCT.md §4, LEDGERS.md §7): each as defined once in src/i18n/kinds, in table order. */
import type { Locale } from "../i18n";
import { FLAG_DEFINITIONS } from "../i18n/kinds";

export type FlagId = keyof typeof FLAG_DEFINITIONS;

/** Every flag in the order flags are listed everywhere (PRODUCT.md §4, then LEDGERS.md §7). */
export const FLAG_IDS = Object.keys(FLAG_DEFINITIONS) as readonly FlagId[];

export function flagLabel(id: FlagId, locale: Locale): string {
  return FLAG_DEFINITIONS[id].text[locale].label;
}

export function flagDescription(id: FlagId, locale: Locale): string {
  return FLAG_DEFINITIONS[id].text[locale].description;
}
