/**
 * The words of every sheet kind's rules and flags, in table order (PRODUCT.md §3–4, then
 * LEDGERS.md): the rules every kind shares first, then each kind's in the order of its kind.
 */
import type { Strings } from "..";
import { commonRules } from "./common";
import { ledgerRules } from "./ledgers";
import { meetingsFlags, meetingsRules, meetingsStrings } from "./meetings";
import { submissionFlags, submissionRules, submissionStrings } from "./submission";

export const RULE_DEFINITIONS = { ...commonRules, ...submissionRules, ...meetingsRules, ...ledgerRules };

export const FLAG_DEFINITIONS = { ...submissionFlags, ...meetingsFlags };

/** What every kind has words for: its name, its template's title and its template sheet's name. */
export type KindKey = "kind.name" | "kind.title" | "kind.template";

/** Each kind's words, by kind id. */
export const KIND_WORDS: Readonly<Record<string, Strings<KindKey>>> = { submission: submissionStrings, meetings: meetingsStrings };
