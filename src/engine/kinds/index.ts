/**
 * Every sheet kind, in the order of LEDGERS.md §1: a sheet that fits two kinds is the first.
 * Adding a kind is its module, its strings (src/i18n/kinds), its tests and its line here.
 */
import { translator, type Locale, type Translate } from "../../i18n";
import { KIND_WORDS, type KindKey } from "../../i18n/kinds";
import { developmentKind } from "./development";
import { duesKind } from "./dues";
import { meetingsKind } from "./meetings";
import { submissionKind } from "./submission";

export const KINDS = [submissionKind, meetingsKind, duesKind, developmentKind] as const;

export type KindId = (typeof KINDS)[number]["id"];

/** The standard label of a field key, as users know it (a key means the same in every kind). */
export function fieldLabel(key: string): string {
  for (const kind of KINDS) {
    const field = kind.fields.find((f) => f.key === key);
    if (field) return field.labels[0];
  }
  return key;
}

/** A kind's words (its name, its template's title) in one language. */
export function kindText(id: string, locale: Locale): Translate<KindKey> {
  const words = KIND_WORDS[id];
  if (!words) throw new Error(`no words for sheet kind ${id}`);
  return translator(words, locale);
}

/** A sheet kind's name as users know it (统计表, 三会一课台账); a report's `kind` is its id. */
export function kindName(id: string, locale: Locale): string {
  return KIND_WORDS[id] ? kindText(id, locale)("kind.name") : id;
}
