/**
 * The words of every sheet kind's rules and flags, in table order (PRODUCT.md §3–4, then
 * LEDGERS.md): the rules every kind shares first, then each kind's in the order of its kind.
 */
import { commonRules } from "./common";
import { ledgerRules } from "./ledgers";
import { meetingsFlags, meetingsRules } from "./meetings";
import { submissionFlags, submissionRules } from "./submission";

export const RULE_DEFINITIONS = { ...commonRules, ...submissionRules, ...meetingsRules, ...ledgerRules };

export const FLAG_DEFINITIONS = { ...submissionFlags, ...meetingsFlags };
