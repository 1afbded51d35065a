/**
 * Argument conversion shared by the custom functions (PRODUCT.md §6).
 *
 * Element-wise arguments are declared as matrices (`unknown[][]`), so Excel passes a range as
 * rows of values and a single value as [[value]]; the result has the shape of the ranges and
 * spills. A 1×1 argument is broadcast to that shape. Bare scalars are accepted too (as 1×1),
 * so a host that does not wrap single values still works.
 *
 * Cohort arguments are read whole: the range flattened row by row, blanks as null. Level
 * schemes and thresholds are lists: a range of values or comma-separated text.
 */
import { readDate } from "../engine/dates";
import type { Cell } from "../engine/grid";
import { LevelPairs, resolveScheme } from "../engine/rates";
import { ScoreError, engineWords } from "../engine/scoring";
import { getOrAdd } from "../engine/maps";
import { isBlankText, toHalfWidth } from "../engine/text";
import { cellText } from "../engine/view";
import { localeOf, wordsOf, type Locale, type Wording } from "../i18n";
import { functionsStrings } from "../i18n/functions";

/** The functions' own texts as wordings: worded only when an error is shown. */
export const functionsWords = wordsOf(functionsStrings);

/** Arguments as messages name them. */
export const ARG = {
  partyScore: functionsWords("word.partyScore"),
  businessScore: functionsWords("word.businessScore"),
  partyWeight: functionsWords("word.partyWeight"),
  score: functionsWords("word.score"),
  startScores: functionsWords("word.startScores"),
  endScores: functionsWords("word.endScores"),
  allScores: functionsWords("word.allScores"),
  value: functionsWords("word.value"),
  peerValues: functionsWords("word.peerValues"),
  months: functionsWords("word.months"),
  groups: functionsWords("word.groups"),
  threshold: engineWords("word.threshold"),
  topShare: engineWords("word.topShare"),
  bottomShare: engineWords("word.bottomShare"),
  held: engineWords("word.held"),
  dates: functionsWords("word.dates"),
  start: functionsWords("word.start"),
  end: functionsWords("word.end"),
  base: functionsWords("word.base"),
  admitted: functionsWords("word.admitted"),
  extension: functionsWords("word.extension"),
};

/** The range a score (0–100) or a share (0–1) must be in, naming the argument. */
export const scoreRange = (what: Wording): Wording => functionsWords("functions.scoreRange", { what });
export const shareRange = (what: Wording): Wording => engineWords("score.shareRange", { what });

/**
 * Office's display language, read when a message is worded: #VALUE! messages follow it like the
 * task pane. Outside Office (tests, a plain browser) there is none, and the messages are Chinese.
 */
export function displayLocale(): Locale {
  return localeOf(typeof Office === "undefined" ? undefined : Office.context?.displayLanguage);
}

/** What one cell of a result can hold. */
export type Element = number | string | boolean | CustomFunctions.Error;

export interface Shape {
  rows: number;
  columns: number;
}

/** Blank as in PRODUCT.md §2: empty, omitted, or whitespace-only text. */
export function isBlank(value: unknown): boolean {
  return value === null || value === undefined || (typeof value === "string" && isBlankText(value));
}

const DECIMAL = /^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i;

/**
 * A number from a cell value: numbers as they are, decimal text ("12", " 12 ", "１２") as its
 * value. Anything else — booleans, other text — gives NaN, which the engine reports as #VALUE!
 * with a message naming the argument; Excel's own arithmetic would turn TRUE into 1, but in an
 * assessment figure a boolean is a mistake, not a count.
 */
export function toNumber(value: unknown): number {
  if (typeof value === "number") return value;
  if (typeof value !== "string") return NaN;
  const text = toHalfWidth(value).trim();
  return DECIMAL.test(text) ? Number(text) : NaN;
}

/** A number, or a #VALUE! ScoreError naming the argument (`what`, worded only if shown). */
export function numberOf(value: unknown, what: Wording): number {
  const n = toNumber(value);
  if (!Number.isFinite(n)) throw new ScoreError("value", engineWords("score.notANumber", { what }));
  return n;
}

/** A number within [min, max], else #NUM! (`range` words which range, given the argument's name). */
export function numberWithin(value: unknown, what: Wording, min: number, max: number, range: (what: Wording) => Wording): number {
  const n = numberOf(value, what);
  if (n < min || n > max) throw new ScoreError("num", range(what));
  return n;
}

/**
 * A date from a cell value, read as a ledger's date field is (LEDGERS.md §1): Excel passes a date
 * cell as its serial, and text such as 2025-03-05 or 2025年3月5日 is read too. Anything else is
 * #VALUE! naming the argument (`what`, worded only if shown).
 */
export function dateOf(value: unknown, what: Wording): number {
  const read = readDate(toCell(value));
  if (read.kind !== "date") throw new ScoreError("value", functionsWords("functions.notADate", { what, value: textOf(value) }));
  return read.serial;
}

/** A cell value as text, the way the engine shows cells: numbers as written, TRUE/FALSE. */
export function textOf(value: unknown): string {
  return cellText(toCell(value));
}

/**
 * An Excel value as an engine Cell: number, text, boolean; blank as empty. An error value that
 * reaches us (a host passing errors through) keeps its code.
 */
export function toCell(value: unknown): Cell {
  if (isBlank(value)) return { kind: "empty" };
  switch (typeof value) {
    case "number":
      return { kind: "number", value };
    case "string":
      return { kind: "text", value };
    case "boolean":
      return { kind: "bool", value };
  }
  const code = (value as { code?: unknown }).code;
  return { kind: "error", code: typeof code === "string" ? code : "#VALUE!" };
}

/** An argument as rows of values: a bare value is 1×1, and so is an empty array (blank). */
export function matrixOf(arg: unknown): unknown[][] {
  return rowsOf(arg).map((line) => (Array.isArray(line) ? line : [line]));
}

export function shapeOf(arg: unknown): Shape {
  if (!Array.isArray(arg) || arg.length === 0) return { rows: 1, columns: 1 };
  return { rows: arg.length, columns: Array.isArray(arg[0]) ? Math.max(1, arg[0].length) : 1 };
}

function elementAt(arg: unknown, row: number, column: number): unknown {
  if (!Array.isArray(arg)) return arg;
  const line: unknown = arg.length === 1 ? arg[0] : arg[row];
  if (!Array.isArray(line)) return line;
  return line.length === 1 ? line[0] : line[column];
}

/** The Excel error for an engine error; Excel shows a message only with #VALUE! (and #N/A). */
export function toExcelError(error: ScoreError): CustomFunctions.Error {
  switch (error.kind) {
    case "value":
      return new CustomFunctions.Error(CustomFunctions.ErrorCode.invalidValue, error.wording(displayLocale()));
    case "num":
      return new CustomFunctions.Error(CustomFunctions.ErrorCode.invalidNumber);
    case "div0":
      return new CustomFunctions.Error(CustomFunctions.ErrorCode.divisionByZero);
  }
}

/**
 * Runs a computation whose errors concern the whole result (a bad level list, cohorts of
 * different shapes): a ScoreError is thrown as the Excel error, which Excel shows in the one
 * formula cell. Any other exception is a bug and propagates.
 */
export function whole<T>(compute: () => T): T {
  try {
    return compute();
  } catch (error) {
    if (error instanceof ScoreError) throw toExcelError(error);
    throw error;
  }
}

function shapeMismatch(shapes: readonly Shape[]): ScoreError {
  const listed = shapes.map((s) => `${s.rows}×${s.columns}`).join("、");
  return new ScoreError("value", functionsWords("functions.shapeMismatch", { shapes: listed }));
}

/**
 * The shape all arguments broadcast to: that of the arguments larger than 1×1, which must all
 * be equal. Throws a #VALUE! CustomFunctions.Error otherwise — Excel shows it in the one cell.
 */
export function broadcastShape(args: readonly unknown[]): Shape {
  const shapes = args.map(shapeOf).filter((s) => s.rows * s.columns !== 1);
  const [first = { rows: 1, columns: 1 }] = shapes;
  if (shapes.some((s) => s.rows !== first.rows || s.columns !== first.columns)) throw toExcelError(shapeMismatch(shapes));
  return first;
}

/** Cohorts paired member by member must have the same shape (no broadcasting); else #VALUE!. */
export function sameShape(args: readonly unknown[]): void {
  const shapes = args.map(shapeOf);
  if (shapes.some((s) => s.rows !== shapes[0].rows || s.columns !== shapes[0].columns)) throw toExcelError(shapeMismatch(shapes));
}

/**
 * Applies `compute` to each position of the broadcast arguments. A blank element among the
 * first `blankGivesEmpty` arguments (default: all) gives "" without calling `compute`, so
 * optional arguments after them may be blank and mean "use the default". A ScoreError from the
 * engine becomes that cell's Excel error; any other exception is a bug and propagates.
 */
export function elementwise(
  args: readonly unknown[],
  compute: (...values: unknown[]) => Exclude<Element, CustomFunctions.Error>,
  blankGivesEmpty = args.length,
): Element[][] {
  const { rows, columns } = broadcastShape(args);
  // Plain loops and one reused buffer: this runs once per cell of ranges of 100 000 cells.
  const values: unknown[] = new Array(args.length);
  const result: Element[][] = new Array(rows);
  for (let row = 0; row < rows; row++) {
    const line: Element[] = new Array(columns);
    for (let column = 0; column < columns; column++) {
      let blank = false;
      for (let i = 0; i < args.length; i++) {
        values[i] = elementAt(args[i], row, column);
        if (i < blankGivesEmpty && isBlank(values[i])) blank = true;
      }
      line[column] = blank ? "" : orError(() => compute(...values));
    }
    result[row] = line;
  }
  return result;
}

/** The value `compute` gives, or the Excel error for the ScoreError it throws; a bug propagates. */
export function orError<T>(compute: () => T): T | CustomFunctions.Error {
  try {
    return compute();
  } catch (error) {
    if (error instanceof ScoreError) return toExcelError(error);
    throw error;
  }
}

/** One value per row of a block: a single value for every row, or a column as long; else #VALUE!. */
export function perRow(arg: unknown, rows: number): unknown[] {
  const shape = shapeOf(arg);
  if (shape.rows * shape.columns === 1) return new Array(rows).fill(elementAt(arg, 0, 0));
  if (shape.columns !== 1 || shape.rows !== rows) throw toExcelError(shapeMismatch([{ rows, columns: 1 }, shape]));
  return Array.from({ length: rows }, (_, row) => elementAt(arg, row, 0));
}

/**
 * An optional argument left out: omitted (null), or a single blank cell — which is how Excel
 * passes a reference to an empty cell, and means "use the default" like an omitted argument.
 */
export function isOmitted(arg: unknown): boolean {
  const { rows, columns } = shapeOf(arg);
  return rows * columns === 1 && isBlank(elementAt(arg, 0, 0));
}

/** A cohort: every cell of the range, row by row, blank cells as null. */
export function cohort(arg: unknown): unknown[] {
  const out: unknown[] = [];
  for (const line of matrixOf(arg)) for (const value of line) out.push(isBlank(value) ? null : value);
  return out;
}

/**
 * A cohort of levels: text as written (numbers as their digits), blanks as null. One pass over
 * the range; a cohort holds a few distinct texts many times over (100 000 cells of 后进/一般/先进),
 * so each distinct text is tested for blankness once.
 */
export function levelCohort(arg: unknown): (string | null)[] {
  const blankText = new Map<string, boolean>();
  const out: (string | null)[] = [];
  for (const line of matrixOf(arg)) {
    for (const value of line) {
      out.push(typeof value === "string" && getOrAdd(blankText, value, () => isBlankText(value)) ? null : levelText(value));
    }
  }
  return out;
}

/** A cell as a level: text as written, a number as its digits, null when empty (text of spaces is the caller's to tell). */
function levelText(value: unknown): string | null {
  return typeof value === "string" ? value : isBlank(value) ? null : textOf(value);
}

/**
 * Two cohorts of levels of the same shape (sameShape first), paired cell by cell, in one pass
 * over both ranges and without copying them: text as written (numbers as their digits), blank
 * cells and cells of blank text leave their pair out.
 */
export function levelPairs(startArg: unknown, endArg: unknown): LevelPairs {
  const pairs = new LevelPairs(isBlankText);
  const start = rowsOf(startArg);
  const end = rowsOf(endArg);
  for (let r = 0; r < start.length; r++) {
    const a = start[r];
    const b = end[r];
    if (!Array.isArray(a) || !Array.isArray(b)) pairs.add(levelText(Array.isArray(a) ? a[0] : a), levelText(Array.isArray(b) ? b[0] : b));
    else for (let c = 0; c < a.length; c++) pairs.add(levelText(a[c]), levelText(b[c]));
  }
  return pairs;
}

/** An argument's rows as given, without copying a 100 000-row range: a line may be a value rather than an array. */
function rowsOf(arg: unknown): unknown[] {
  return Array.isArray(arg) && arg.length > 0 ? arg : [[Array.isArray(arg) ? null : arg]];
}

/** A cohort of numbers, blanks as null; a member that is no number is #VALUE! naming it. */
export function numberCohort(arg: unknown, what: Wording): (number | null)[] {
  return cohort(arg).map((value) => {
    if (value === null) return null;
    const n = toNumber(value);
    if (!Number.isFinite(n)) throw new ScoreError("value", functionsWords("functions.notANumberIn", { what, value: textOf(value) }));
    return n;
  });
}

/** The non-blank members of a number cohort. */
export function filledNumbers(arg: unknown, what: Wording): number[] {
  return numberCohort(arg, what).filter((n): n is number => n !== null);
}

const LIST_SEPARATOR = /[,;、\s]+/;

/**
 * A list written as a range (one item a cell) or as text with commas (全角 or 半角), 、 or
 * semicolons, low → high; blank cells are skipped. Null when the argument is omitted or blank.
 */
export function textList(arg: unknown): string[] | null {
  const items: string[] = [];
  for (const value of cohort(arg)) {
    if (value === null) continue;
    if (typeof value !== "string") {
      items.push(textOf(value));
      continue;
    }
    for (const item of toHalfWidth(value).split(LIST_SEPARATOR)) if (item !== "") items.push(item);
  }
  return items.length === 0 ? null : items;
}

/** Grade thresholds, low → high and strictly rising; null when omitted. Else #VALUE!. */
export function thresholdList(arg: unknown): number[] | null {
  const items = textList(arg);
  if (items === null) return null;
  const numbers = items.map(toNumber);
  const rising = numbers.every((n, i) => Number.isFinite(n) && (i === 0 || n > numbers[i - 1]));
  if (!rising) throw new ScoreError("value", functionsWords("functions.badThresholds", { value: items.join(",") }));
  return numbers;
}

/** An optional text argument element: null when blank (use the default). */
export function optionalText(value: unknown): string | null {
  return isBlank(value) ? null : textOf(value);
}

/** The level scheme given as a list, checked (at least 2 distinct levels); null when omitted. */
export function levelList(arg: unknown): string[] | null {
  const given = textList(arg);
  return given === null ? null : [...resolveScheme([], given)];
}

/** Months of a period: blank is a full year; else a whole number from 1 to 12 (#NUM!). */
export function monthsOf(value: unknown): number {
  if (isBlank(value)) return 12;
  const months = numberOf(value, ARG.months);
  if (!Number.isInteger(months) || months < 1 || months > 12) throw new ScoreError("num", engineWords("score.monthsRange"));
  return months;
}
