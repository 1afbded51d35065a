/**
 * Every sheet kind, in the order of LEDGERS.md §1: a sheet that fits two kinds is the first.
 * Adding a kind is its module, its strings (src/i18n/kinds), its tests and its line here.
 */
import type { Locale } from "../../i18n";
import { meetingsText } from "../../i18n/kinds/meetings";
import { submissionText } from "../../i18n/kinds/submission";
import { meetingsKind } from "./meetings";
import { submissionKind } from "./submission";

export const KINDS = [submissionKind, meetingsKind] as const;

export type KindId = (typeof KINDS)[number]["id"];

/** The standard label of a field key, as users know it (a key means the same in every kind). */
export function fieldLabel(key: string): string {
  for (const kind of KINDS) {
    const field = kind.fields.find((f) => f.key === key);
    if (field) return field.labels[0];
  }
  return key;
}

const NAMES: Record<KindId, (locale: Locale) => string> = {
  submission: (locale) => submissionText(locale)("kind.name"),
  meetings: (locale) => meetingsText(locale)("kind.name"),
};

/** A sheet kind's name as users know it (统计表, 三会一课台账); a report's `kind` is its id. */
export function kindName(id: string, locale: Locale): string {
  const kind = KINDS.find((k) => k.id === id);
  return kind ? NAMES[kind.id](locale) : id;
}
