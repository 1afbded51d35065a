/**
 * Reading one cell as a field of its sheet kind: the cell rules of PRODUCT.md §3 (excel-error …
 * number-as-text) and of LEDGERS.md §1 (date-as-text, bad-date). Returns the value in its base
 * unit (money in 元, a date as its serial, an option as its standard word) and the issues found;
 * the caller turns issues into findings with addresses and messages.
 */
import { isoOf, monthValue, readDate, readMonth, serialOf } from "./dates";
import type { Cell } from "./grid";
import type { CellValue } from "./report";
import type { RuleRef } from "./findings";
import type { FieldSpec, FieldType, OptionSpec } from "./kinds/kind";
import { isBlankText, normaliseName, parseNumberText, removeWhitespace, toHalfWidth, type Unit } from "./text";
import { cellText, isBlank } from "./view";
import { getOrAdd } from "./maps";
import type { Params } from "../i18n";

export type FieldValue = number | string | boolean;

export type Issue = RuleRef & {
  params?: Params;
  fix?: CellValue;
};

export interface ReadValue {
  /** Null when blank or unreadable. */
  value: FieldValue | null;
  blank: boolean;
  /** True when an error rule applies (the value is then unusable). */
  invalid: boolean;
  issues: readonly Issue[];
}

const YES = new Set(["是", "有", "√", "y", "yes", "true", "1"]);
const NO = new Set(["否", "无", "×", "n", "no", "false", "0"]);

const NOT_VETO = new Set(["", "无", "否", "/", "—", "0", "false"]);

export function originalValue(cell: Cell): CellValue | undefined {
  switch (cell.kind) {
    case "empty":
      return undefined;
    case "number":
      return cell.value;
    case "bool":
      return cell.value;
    case "date":
      return isoOf(cell.serial);
    default:
      return cellText(cell);
  }
}

export const NO_ISSUES: readonly Issue[] = Object.freeze([]);

function ok(value: FieldValue, issues: readonly Issue[] = NO_ISSUES): ReadValue {
  return { value, blank: false, invalid: false, issues };
}

function bad(issue: Issue): ReadValue {
  return { value: null, blank: false, invalid: true, issues: [issue] };
}

const BLANK: ReadValue = { value: null, blank: true, invalid: false, issues: NO_ISSUES };

/** Multiplier from a value written in `from` to the column's unit `to` (万元 ↔ 元). */
function scale(from: Unit | undefined, to: Unit | undefined): number {
  if (from === "万元" && to !== "万元") return 10000;
  if (from === "元" && to === "万元") return 1 / 10000;
  return 1;
}

function readNumber(cell: Cell, spec: FieldSpec, unit: Unit | undefined): ReadValue {
  let issues = NO_ISSUES;
  let n: number;
  if (cell.kind === "number") {
    n = cell.value;
  } else if (cell.kind === "text") {
    const parsed = parseNumberText(cell.value);
    if (parsed.kind === "placeholder") {
      issues = [{ rule: "number-as-text", variant: "placeholder", fix: 0 }];
      n = 0;
    } else if (parsed.kind === "chinese") {
      return bad({ rule: "not-a-number", variant: "chinese", fix: parsed.value });
    } else if (parsed.kind === "number") {
      // "-0" is 0: a fix of -0 would not survive JSON and is no value anyone typed on purpose.
      n = parsed.value * scale(parsed.unit, unit) + 0;
      const wide = cell.value !== toHalfWidth(cell.value);
      issues = [{ rule: "number-as-text", variant: wide ? "fullwidth" : "text", fix: n }];
    } else {
      return bad({ rule: "not-a-number" });
    }
  } else {
    return bad({ rule: "not-a-number" });
  }
  const value = fieldNumber(n, spec, unit);
  if (value !== undefined) return ok(value, issues);
  const issue: Issue = !isWhole(n, spec)
    ? { rule: "not-an-integer" }
    : { rule: "out-of-range", variant: spec.max === undefined ? "min" : "default", params: { min: spec.min ?? 0, max: spec.max ?? "" } };
  return { value: null, blank: false, invalid: true, issues: [...issues, issue] };
}

/** Whether `n` is whole enough for the field: within a millionth of an integer, when it must be one. */
function isWhole(n: number, spec: FieldSpec): boolean {
  return spec.type !== "integer" || Math.abs(n - Math.round(n)) <= 1e-6;
}

/**
 * A number read as the field: rounded when it must be whole, in 元 when money is written in 万元;
 * undefined when it is not whole enough or out of the field's range.
 */
function fieldNumber(n: number, spec: FieldSpec, unit: Unit | undefined): number | undefined {
  if (!isWhole(n, spec)) return undefined;
  // Ranges are in the cell's own unit; money has only a lower bound, so 万元 needs no scaling.
  if ((spec.min !== undefined && n < spec.min) || (spec.max !== undefined && n > spec.max)) return undefined;
  if (spec.type === "integer") return Math.round(n);
  return spec.type === "money" && unit === "万元" ? n * 10000 : n;
}

export function readYesNo(cell: Cell): boolean | null {
  if (cell.kind === "bool") return cell.value;
  if (cell.kind === "number") return cell.value === 1 ? true : cell.value === 0 ? false : null;
  if (cell.kind !== "text") return null;
  const s = normaliseName(cell.value);
  if (YES.has(s)) return true;
  if (NO.has(s)) return false;
  return null;
}

export function isVeto(cell: Cell): boolean {
  if (cell.kind === "bool") return cell.value;
  if (cell.kind === "number") return cell.value !== 0;
  if (cell.kind !== "text") return false;
  return !NOT_VETO.has(normaliseName(cell.value));
}

/**
 * A cell read as the field `spec`. Levels are read as normalised text here; whether they belong
 * to the scheme is decided per sheet, once every level of the sheet is known.
 */
export function isNumeric(type: FieldType): boolean {
  return type === "integer" || type === "number" || type === "money";
}

/**
 * A date field: a date cell as it is; a date written otherwise is read, with date-as-text. A
 * field that takes a year and month (FieldSpec.yearMonth) reads one as the first of its month.
 */
function readDateField(cell: Cell, spec: FieldSpec): ReadValue {
  const read = readDate(cell, { yearMonth: spec.yearMonth === true });
  if (read.kind === "date") return ok(read.serial, read.asText ? [{ rule: "date-as-text", fix: isoOf(read.serial) }] : []);
  if (read.kind === "yearMonth") {
    const first = serialOf(read.year, read.month, 1);
    if (first !== null) return ok(first);
  }
  return bad({ rule: "bad-date" });
}

/** A month field: its value as monthValue gives it (a month with its year, or a month alone). */
function readMonthField(cell: Cell): ReadValue {
  const read = readMonth(cell);
  if (read.kind === "month") return ok(monthValue(read.month, read.year));
  return bad({ rule: "bad-date", variant: "month" });
}

/** Each option list's words and aliases, normalised, to the standard word: made once per list. */
const OPTION_WORDS = new WeakMap<readonly OptionSpec[], ReadonlyMap<string, string>>();

/** The option a cell names (its standard word or an alias, compared as names are), else null. */
function optionOf(text: string, options: readonly OptionSpec[]): string | null {
  const words = getOrAdd(OPTION_WORDS, options, () => new Map(options.flatMap((o) => [o.value, ...o.aliases].map((word) => [normaliseName(word), o.value] as const))));
  return words.get(normaliseName(text)) ?? null;
}

function readOption(cell: Cell, options: readonly OptionSpec[]): ReadValue {
  const value = optionOf(cellText(cell), options);
  if (value !== null) return ok(value);
  return bad({ rule: "bad-option", variant: "list", params: { options: options.map((o) => o.value).join("、") } });
}

/**
 * The value of a cell that reads with nothing to say, found without building a ReadValue: what
 * most cells of a sheet are. Undefined when readField has more to tell (blank, wrong, an issue).
 */
export function plainValue(cell: Cell, spec: FieldSpec, unit: Unit | undefined): FieldValue | undefined {
  if (cell.kind === "empty" || cell.kind === "error" || (cell.kind === "text" && isBlankText(cell.value))) return undefined;
  switch (spec.type) {
    case "integer":
    case "number":
    case "money":
      // Numbers written as text are read with an issue, by readNumber.
      return cell.kind === "number" ? fieldNumber(cell.value, spec, unit) : undefined;
    case "yesno":
      return readYesNo(cell) ?? undefined;
    case "veto":
      return isVeto(cell);
    case "level":
      return removeWhitespace(toHalfWidth(cellText(cell)));
    case "text":
      return cellText(cell).trim();
    default:
      return undefined;
  }
}

export function readField(cell: Cell, spec: FieldSpec, unit: Unit | undefined): ReadValue {
  const plain = plainValue(cell, spec, unit);
  if (plain !== undefined) return ok(plain);
  if (isBlank(cell)) return BLANK;
  if (cell.kind === "error") return bad({ rule: "excel-error" });
  if (isNumeric(spec.type)) return readNumber(cell, spec, unit);
  switch (spec.type) {
    case "yesno": {
      const yes = readYesNo(cell);
      return yes === null ? bad({ rule: "bad-option", variant: "yesno" }) : ok(yes);
    }
    case "yesno-or-integer": {
      const yes = readYesNo(cell);
      if (yes !== null) return ok(yes ? 1 : 0);
      return readNumber(cell, { ...spec, type: "integer" }, unit);
    }
    case "date":
      return readDateField(cell, spec);
    case "month":
      return readMonthField(cell);
    case "option":
      return readOption(cell, spec.options ?? []);
    default:
      return ok(cellText(cell).trim());
  }
}
