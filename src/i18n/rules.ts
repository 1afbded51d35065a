/**
 * How a rule is defined: once, with everything about it that people read — its severity, a
 * title (the pane groups findings under it), a description (what it checks and why), and its
 * message templates by variant, in both languages. The engine's checks refer to a rule by id and
 * variant; nothing else lists rules or their words.
 */
import type { Locale } from ".";

export type Severity = "error" | "warning" | "info";

export interface RuleText<V extends string> {
  title: string;
  description: string;
  /** The finding's message by variant ("default" unless a check says otherwise). */
  messages: Readonly<Record<V, string>>;
}

export interface RuleDefinition<V extends string = string> {
  /** The rule's severity, as its title lists it. */
  severity: Severity;
  /** Variants that are graver or lighter than the rule (approval-late: an error past 6 months). */
  variantSeverity?: Readonly<Partial<Record<V, Severity>>>;
  text: Readonly<Record<Locale, RuleText<V>>>;
}

/**
 * A rule: its severity, then its Chinese and English words, with the same variants; last, the
 * variants whose finding has another severity than the rule's.
 */
export function rule<V extends string>(
  severity: Severity,
  zhCN: RuleText<V>,
  enUS: RuleText<NoInfer<V>>,
  variantSeverity?: Readonly<Partial<Record<NoInfer<V>, Severity>>>,
): RuleDefinition<V> {
  return { severity, ...(variantSeverity ? { variantSeverity } : {}), text: { "zh-CN": zhCN, "en-US": enUS } };
}

export interface FlagText {
  /** The flag's label, as listed in 预警 and in the JSON (PRODUCT.md §4). */
  label: string;
  description: string;
}

/** A flag (预警): its label and description in both languages. */
export interface FlagDefinition {
  text: Readonly<Record<Locale, FlagText>>;
}

export function flag(zhCN: FlagText, enUS: FlagText): FlagDefinition {
  return { text: { "zh-CN": zhCN, "en-US": enUS } };
}
