/** The fixed vocabulary of flags (PRODUCT.md §4, LEDGERS.md §7): each as defined once in src/i18n/kinds, in table order. */
import type { Locale } from "../i18n";
import { FLAG_DEFINITIONS } from "../i18n/kinds";
import type { SheetFlag } from "./kinds/kind";
import type { Flag } from "./report";
import type { ParsedSheet } from "./sheet";

export type FlagId = keyof typeof FLAG_DEFINITIONS;

/** Every flag in the order flags are listed everywhere (PRODUCT.md §4, then LEDGERS.md §7). */
export const FLAG_IDS = Object.keys(FLAG_DEFINITIONS) as readonly FlagId[];

export function flagLabel(id: FlagId, locale: Locale): string {
  return FLAG_DEFINITIONS[id].text[locale].label;
}

export function flagDescription(id: FlagId, locale: Locale): string {
  return FLAG_DEFINITIONS[id].text[locale].description;
}

/** What a flag says, as a check finds it; where it is and its label come from flagAt. */
export type FlagFinding = Pick<Flag, "flag" | "level" | "detail" | "gaps" | "person">;

/**
 * A flag of `sheet` at a row, about its branch (`at`: a row of the sheet, or its branch's row and
 * names), labelled in `locale`, its fields in the order of PRODUCT.md §4, then gaps and person.
 */
export function flagAt(sheet: ParsedSheet, at: { row: number; branch: string; unit: string }, found: FlagFinding, locale: Locale): SheetFlag {
  const { flag, level, detail, gaps, person } = found;
  return {
    sheet,
    flag: {
      flag,
      level,
      branch: at.branch,
      unit: at.unit,
      sheet: sheet.sheet,
      row: at.row,
      label: flagLabel(flag, locale),
      detail,
      ...(gaps ? { gaps } : {}),
      ...(person ? { person } : {}),
    },
  };
}
