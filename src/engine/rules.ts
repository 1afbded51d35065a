/**
 * The fixed vocabulary of rules (PRODUCT.md §3, LEDGERS.md): each as defined once in
 * src/i18n/kinds, in table order. The order decides which error a cell reports when several
 * apply, and sorts findings. Flags are in flags.ts.
 */
import type { Locale, Params } from "../i18n";
import { fill } from "../i18n";
import type { RuleDefinition, Severity } from "../i18n/rules";
import { RULE_DEFINITIONS as DEFINITIONS } from "../i18n/kinds/rules";

export type RuleId = keyof typeof DEFINITIONS;

/** The message variants of a rule ("default", or e.g. "text" for missing-value in a text column). */
export type Variant<R extends RuleId> = (typeof DEFINITIONS)[R] extends RuleDefinition<infer V> ? V : never;

export const RULES: readonly { id: RuleId; severity: Severity }[] = (Object.keys(DEFINITIONS) as RuleId[]).map((id) => ({
  id,
  severity: DEFINITIONS[id].severity,
}));

export const RULE_ORDER: ReadonlyMap<RuleId, number> = new Map(RULES.map((r, i) => [r.id, i]));

/** The severity of a finding of this rule and variant: the variant's own, else the rule's. */
export function ruleSeverity<R extends RuleId>(id: R, variant: Variant<R> | undefined): Severity {
  const definition: RuleDefinition = DEFINITIONS[id];
  return (variant === undefined ? undefined : definition.variantSeverity?.[variant]) ?? definition.severity;
}

export function ruleTitle(id: RuleId, locale: Locale): string {
  return DEFINITIONS[id].text[locale].title;
}

export function ruleDescription(id: RuleId, locale: Locale): string {
  return DEFINITIONS[id].text[locale].description;
}

/** A rule's message in one language, its placeholders filled. */
export function ruleMessage<R extends RuleId>(id: R, variant: Variant<R>, locale: Locale, params: Params = {}): string {
  const messages: Readonly<Record<string, string>> = DEFINITIONS[id].text[locale].messages;
  return fill(messages[variant], params);
}

/** The version of the rule set, reported with every result so stored reports can be compared. */
export const RULES_VERSION = "2026.12-2";
