/**
 * The fixed vocabulary of PRODUCT.md §3: every rule id with its severity, in table order.
 * The order decides which error a cell reports when several apply, and sorts findings.
 */
import type { RuleId, Severity } from "./report";

export const RULES: readonly { id: RuleId; severity: Severity }[] = [
  { id: "header-not-found", severity: "error" },
  { id: "missing-column", severity: "error" },
  { id: "duplicate-header", severity: "error" },
  { id: "blank-header", severity: "error" },
  { id: "unknown-column", severity: "warning" },
  { id: "extra-cell", severity: "error" },
  { id: "blank-row", severity: "info" },
  { id: "period-unknown", severity: "info" },
  { id: "missing-value", severity: "error" },
  { id: "excel-error", severity: "error" },
  { id: "not-a-number", severity: "error" },
  { id: "not-an-integer", severity: "error" },
  { id: "out-of-range", severity: "error" },
  { id: "bad-option", severity: "error" },
  { id: "number-as-text", severity: "warning" },
  { id: "duplicate-branch", severity: "error" },
  { id: "total-mismatch", severity: "error" },
  { id: "inconsistent", severity: "warning" },
  { id: "unknown-branch", severity: "warning" },
  { id: "missing-branch", severity: "error" },
  { id: "unsupported-file", severity: "error" },
];

export const SEVERITY: ReadonlyMap<RuleId, Severity> = new Map(RULES.map((r) => [r.id, r.severity]));
export const RULE_ORDER: ReadonlyMap<RuleId, number> = new Map(RULES.map((r, i) => [r.id, i]));

/** The version of the rule set, reported with every result so stored reports can be compared. */
export const RULES_VERSION = "2026.11-1";
