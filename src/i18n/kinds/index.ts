/**
 * The words of every sheet kind's flags, in table order (PRODUCT.md §4, then LEDGERS.md §7), and
 * each kind's name. Their rules are gathered apart (rules.ts), so what shows flags — DJ.FLAGS in
 * functions.js — does not carry every rule's messages.
 */
import type { Strings } from "..";
import { duesFlags, duesStrings } from "./dues";
import { developmentFlags, developmentStrings } from "./development";
import { meetingsFlags, meetingsStrings } from "./meetings";
import { submissionFlags, submissionStrings } from "./submission";
import { termsFlags } from "./terms";

export const FLAG_DEFINITIONS = { ...submissionFlags, ...meetingsFlags, ...duesFlags, ...developmentFlags, ...termsFlags };

/** What every kind has words for: its name, its template's title and its template sheet's name. */
export type KindKey = "kind.name" | "kind.title" | "kind.template";

/** Each kind's words, by kind id. */
export const KIND_WORDS: Readonly<Record<string, Strings<KindKey>>> = {
  submission: submissionStrings,
  meetings: meetingsStrings,
  dues: duesStrings,
  development: developmentStrings,
};
