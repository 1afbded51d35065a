/**
 * The words of every sheet kind's rules, in table order (PRODUCT.md §3, then LEDGERS.md): the
 * rules every kind shares first, then each kind's in the order of its kind.
 */
import { commonRules } from "./common";
import { duesRules } from "./dues.rules";
import { developmentRules } from "./development.rules";
import { ledgerRules } from "./ledgers.rules";
import { meetingsRules } from "./meetings.rules";
import { submissionRules } from "./submission.rules";

export const RULE_DEFINITIONS = { ...commonRules, ...submissionRules, ...meetingsRules, ...duesRules, ...developmentRules, ...ledgerRules };
