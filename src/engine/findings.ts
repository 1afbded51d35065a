/** Building findings: address, severity, message from i18n; and ordering them. */
import { address, columnLetter } from "./grid";
import type { CellValue, Finding, Severity } from "./report";
import type { FieldSpec } from "./kinds/kind";
import type { ParsedSheet } from "./sheet";
import { RULE_ORDER, ruleMessage, ruleSeverity, type RuleId, type Variant } from "./rules";
import type { Locale, Params } from "../i18n";
import { formatNumber } from "./text";
import { maskNumber, maskPersonal, type PersonalKind } from "./personal";
import { specOf } from "./rows";

/** A rule and one of its message variants (the default one when none is said). */
export type RuleRef = { [R in RuleId]: { rule: R; variant?: Variant<R> } }[RuleId];

export type FindingInput = RuleRef & {
  row: number;
  col: number;
  field?: string;
  value?: CellValue;
  fix?: CellValue;
  params?: Params;
};

/** A finding tied to the parsed sheet it belongs to (sheet names repeat across files). */
export interface SheetFinding {
  sheet: ParsedSheet;
  finding: Finding;
}

/** A cell's value as a finding may show it: a personal column's masked whole, any other's with what looks like an ID or phone number masked. */
function masked(value: CellValue | undefined, personal: PersonalKind | undefined): CellValue | undefined {
  if (value === undefined || typeof value === "boolean") return value;
  if (personal) return maskNumber(show(value), personal);
  const text = show(value);
  const hidden = maskPersonal(text);
  return hidden === text ? value : hidden;
}

function show(value: CellValue | undefined): string {
  if (value === undefined) return "";
  if (typeof value === "number") return formatNumber(value);
  return String(value);
}

/**
 * A finding on `sheet` in `locale`; `fields` are the sheet kind's, whose standard label of the
 * finding's field its message names.
 */
export function makeFinding(sheet: string, input: FindingInput, locale: Locale, fields: readonly FieldSpec[]): Finding {
  const cell = address(input.row, input.col);
  const field = input.field;
  const spec = field ? specOf({ fields }, field) : undefined;
  const value = masked(input.value, spec?.personal);
  const params: Params = {
    cell,
    row: input.row,
    label: field ? (spec?.labels[0] ?? field) : "",
    value: show(value),
    fix: show(input.fix),
    ...input.params,
  };
  // Built field by field so the JSON keeps the order of PRODUCT.md §3 and omits what is unknown.
  const finding: Partial<Finding> = { rule: input.rule, severity: severityOf(input), sheet, cell, row: input.row, column: columnLetter(input.col) };
  if (input.field) finding.field = input.field;
  if (value !== undefined) finding.value = value;
  finding.message = maskPersonal(message(input, locale, params));
  if (input.fix !== undefined) finding.fix = input.fix;
  return finding as Finding;
}

function severityOf(ref: RuleRef): Severity {
  // As for the message: every rule takes its own variant.
  return ruleSeverity(ref.rule, ref.variant as Variant<typeof ref.rule> | undefined);
}

function message(ref: RuleRef, locale: Locale, params: Params): string {
  // The union of refs is checked where a finding is made; here every rule takes its own variant.
  return ruleMessage(ref.rule, (ref.variant ?? "default") as Variant<typeof ref.rule>, locale, params);
}

function columnIndex(finding: Finding): number {
  let n = 0;
  for (const ch of finding.column) n = n * 26 + ch.charCodeAt(0) - 64;
  return n;
}

/**
 * Sorted by row, column, then rule order; at most one error per cell (the first rule wins).
 * missing-column is about a column, not the cell it is pinned to: every missing column is
 * reported, or a department would learn of one per round trip.
 */
export function orderFindings(findings: Finding[]): Finding[] {
  const sorted = [...findings].sort(
    (a, b) =>
      a.row - b.row ||
      columnIndex(a) - columnIndex(b) ||
      (RULE_ORDER.get(a.rule) ?? 0) - (RULE_ORDER.get(b.rule) ?? 0),
  );
  const erred = new Set<string>();
  return sorted.filter((f) => {
    if (f.severity !== "error" || f.rule === "missing-column") return true;
    if (erred.has(f.cell)) return false;
    erred.add(f.cell);
    return true;
  });
}
