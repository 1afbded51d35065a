/**
 * Argument conversion shared by the custom functions (PRODUCT.md §6).
 *
 * Element-wise arguments are declared as matrices (`unknown[][]`), so Excel passes a range as
 * rows of values and a single value as [[value]]; the result has the shape of the ranges and
 * spills. A 1×1 argument is broadcast to that shape. Bare scalars are accepted too (as 1×1),
 * so a host that does not wrap single values still works.
 */
import { ScoreError } from "../engine/scoring";
import { t } from "../i18n";

/** What one cell of a result can hold. */
export type Element = number | string | boolean | CustomFunctions.Error;

export interface Shape {
  rows: number;
  columns: number;
}

/** Blank as in PRODUCT.md §2: empty, omitted, or whitespace-only text. */
export function isBlank(value: unknown): boolean {
  return value === null || value === undefined || (typeof value === "string" && value.trim() === "");
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
  const text = value.trim().replace(/[\uff01-\uff5e]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0));
  return DECIMAL.test(text) ? Number(text) : NaN;
}

export function shapeOf(arg: unknown): Shape {
  if (!Array.isArray(arg)) return { rows: 1, columns: 1 };
  return { rows: arg.length, columns: Array.isArray(arg[0]) ? arg[0].length : 1 };
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
      return new CustomFunctions.Error(CustomFunctions.ErrorCode.invalidValue, error.message);
    case "num":
      return new CustomFunctions.Error(CustomFunctions.ErrorCode.invalidNumber);
    case "div0":
      return new CustomFunctions.Error(CustomFunctions.ErrorCode.divisionByZero);
  }
}

/**
 * The shape all arguments broadcast to: that of the arguments larger than 1×1, which must all
 * be equal. Throws a #VALUE! CustomFunctions.Error otherwise — Excel shows it in the one cell.
 */
export function broadcastShape(args: readonly unknown[]): Shape {
  const shapes = args.map(shapeOf).filter((s) => s.rows * s.columns !== 1);
  const [first = { rows: 1, columns: 1 }] = shapes;
  if (shapes.some((s) => s.rows !== first.rows || s.columns !== first.columns)) {
    const listed = shapes.map((s) => `${s.rows}×${s.columns}`).join("、");
    throw toExcelError(new ScoreError("value", t("functions.shapeMismatch", { shapes: listed })));
  }
  return first;
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
  return Array.from({ length: rows }, (_, row) =>
    Array.from({ length: columns }, (_, column): Element => {
      const values = args.map((arg) => elementAt(arg, row, column));
      if (values.slice(0, blankGivesEmpty).some(isBlank)) return "";
      try {
        return compute(...values);
      } catch (error) {
        if (error instanceof ScoreError) return toExcelError(error);
        throw error;
      }
    }),
  );
}
