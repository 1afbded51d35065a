/**
 * The custom functions of PRODUCT.md §6 in WPS 表格 (§10): the same functions.ts, bundled
 * unchanged, registered with wps.AddCustomFunction where WPS has it (12.1.0.20540 and later).
 *
 * functions.ts is written for Excel: custom-functions-metadata-plugin appends
 * `CustomFunctions.associate(id, fn)` calls to it, and its functions build errors with
 * `new CustomFunctions.Error(CustomFunctions.ErrorCode…)`. WPS has no CustomFunctions, so a shim
 * stands in for it (installCustomFunctionsShim, run by customFunctionsShim.ts before functions.ts)
 * and records what the bundle associates. registerWpsFunctions then hands each function to WPS
 * behind a wrapper that turns WPS's arguments into what Excel passes and the result into what
 * WPS shows. This module must not import functions.ts, directly or not: it has to be evaluated
 * before it.
 */
import { matrixOf, type EtRange, type EtRoot } from "./et";

/** Value types of custom-function metadata, as functions.json writes them. */
export type WpsValueType = "any" | "number" | "string" | "boolean";

/** "matrix": Excel passes (and takes back) rows of cells; "scalar": one value. */
export type WpsDimensionality = "scalar" | "matrix";

export interface WpsParameterMeta {
  /** The zh-CN name WPS shows in its function wizard. */
  name: string;
  description: string;
  type: WpsValueType;
  dimensionality: WpsDimensionality;
  optional: boolean;
}

/**
 * One custom function as WPS registers it, from the same JSDoc and zh-CN-names.json that give
 * Excel's functions.json and functions.zh-CN.json (scripts/wps-functions.js builds the table).
 */
export interface WpsFunctionMeta {
  /** The ASCII id (UPGRADERATE): WPS's name for it, as WPS accepts no other. */
  id: string;
  /** The zh-CN display name (晋位升级率). */
  name: string;
  /** The zh-CN description. */
  description: string;
  parameters: WpsParameterMeta[];
  result: { type: WpsValueType; dimensionality: WpsDimensionality };
}

/** A function of the bundle, called as Excel calls it: every argument rows of cells, or null when omitted. */
export type AssociatedFunction = (...args: (unknown[][] | null)[]) => unknown;

/** Excel's error codes, under the names of CustomFunctions.ErrorCode; functions.ts uses these names. */
export const ERROR_CODES = {
  invalidValue: "#VALUE!",
  notAvailable: "#N/A",
  divisionByZero: "#DIV/0!",
  invalidNumber: "#NUM!",
  nullReference: "#NULL!",
  invalidName: "#NAME?",
  invalidReference: "#REF!",
} as const;

/**
 * The shim's CustomFunctions.Error: Excel's error code text and, for #VALUE!, a message. Like
 * Office's, it is no JavaScript Error: functions.ts returns it in result cells as well as throwing it.
 */
export class CustomFunctionError {
  constructor(
    readonly code: string = ERROR_CODES.invalidValue,
    readonly message?: string,
  ) {}
}

/**
 * Defines CustomFunctions on `target` (the page's global object; a test's sandbox) and returns
 * what the bundle associates with it, by id, filled in as functions.ts runs. Throws if
 * `target` already has a CustomFunctions, since that one, not the shim, would then get the
 * associations; and on a second association of one id (a build bug: two functions share it).
 */
export function installCustomFunctionsShim(target: object = globalThis): Map<string, AssociatedFunction> {
  if ("CustomFunctions" in target) throw new Error("installCustomFunctionsShim: a CustomFunctions global already exists");
  const associated = new Map<string, AssociatedFunction>();
  (target as { CustomFunctions?: unknown }).CustomFunctions = {
    associate(id: string, fn: AssociatedFunction): void {
      if (associated.has(id)) throw new Error(`CustomFunctions.associate: ${id} is associated twice`);
      associated.set(id, fn);
    },
    Error: CustomFunctionError,
    ErrorCode: ERROR_CODES,
  };
  return associated;
}

/**
 * How WPS, like any COM host, passes an argument left out: VT_ERROR DISP_E_PARAMNOTFOUND, which
 * reaches JavaScript as this number (a community library for WPS custom functions reads it so).
 */
export const OMITTED_ARGUMENT = -2147352572;

/** What the adapter reads of a Range argument: Value2, and the counts only to place a 1-D Value2. */
type RangeArgument = Pick<EtRange, "Value2"> & Partial<Pick<EtRange, "Rows" | "Columns">>;

function isRange(arg: unknown): arg is RangeArgument {
  return typeof arg === "object" && arg !== null && !Array.isArray(arg) && "Value2" in arg;
}

/**
 * A Range's cells. Value2 is read once: every read crosses the process boundary and copies the
 * block. A one-cell Value2 is a scalar and some builds give a one-row range as a 1-D array;
 * only then are Rows and Columns read, to tell a row from a column (a stand-in without them is
 * taken as a row, as a one-row range is the common 1-D case).
 */
function rangeCells(range: RangeArgument): unknown[][] {
  const value = range.Value2;
  const oneDimensional = Array.isArray(value) && value.length > 0 && !Array.isArray(value[0]);
  // matrixOf places a scalar or a 2-D array without the shape, so 1 × 1 stands in for it there.
  return oneDimensional ? matrixOf(value, range.Rows?.Count ?? 1, range.Columns?.Count ?? value.length) : matrixOf(value, 1, 1);
}

/**
 * Rows of cells as Excel passes them: an empty cell is null. Current Excel passes an empty cell
 * of a range as null (office-js issues #4702 and #5262: older desktop builds gave 0); WPS's
 * Value2 may leave it undefined or a hole, which become null. Text "" (a formula's ="") stays "".
 */
function excelCells(rows: unknown[][]): unknown[][] {
  return Array.from(rows, (row) => Array.from(row, (cell) => (cell === undefined ? null : cell)));
}

/**
 * One argument as Excel passes it to a matrix parameter: rows of cells, or null when omitted.
 * WPS hands it over as a scalar, a 1-D array (one row), a 2-D array, a Range object, or, when
 * left out, undefined, null or OMITTED_ARGUMENT.
 */
export function adaptArgument(arg: unknown): unknown[][] | null {
  if (arg === undefined || arg === null || arg === OMITTED_ARGUMENT) return null;
  if (isRange(arg)) return excelCells(rangeCells(arg));
  // An array WPS builds itself is rows of columns; a 1-D one is a row, as an array constant {1,2,3}.
  return excelCells(matrixOf(arg, 1, Array.isArray(arg) ? arg.length : 1));
}

/** A result cell as WPS shows it: an error as its code text, since WPS has no error objects to return. */
function shownCell(cell: unknown): unknown {
  return cell instanceof CustomFunctionError ? cell.code : cell;
}

/**
 * A function's result as WPS shows it: errors as their code text ("#VALUE!"); a 1×1 result as
 * its one value, so a single cell shows a value rather than a one-cell spill; a larger result
 * as rows of cells, which WPS spills.
 */
export function adaptResult(value: unknown): unknown {
  if (!Array.isArray(value)) return shownCell(value);
  const rows = value as unknown[][];
  if (rows.length === 1 && rows[0].length === 1) return shownCell(rows[0][0]);
  return rows.map((row) => row.map(shownCell));
}

/** The namespace of PRODUCT.md §6: DJ.UPGRADERATE. */
const NAMESPACE = "DJ";

/**
 * The table and the bundle must name the same functions: both come from functions.ts, so a
 * difference is a build bug, and registering either side alone would hide it.
 */
function checkSameFunctions(table: readonly WpsFunctionMeta[], functions: ReadonlyMap<string, AssociatedFunction>): void {
  const listed = new Set(table.map((meta) => meta.id));
  const unassociated = [...listed].filter((id) => !functions.has(id));
  const unlisted = [...functions.keys()].filter((id) => !listed.has(id));
  if (unassociated.length > 0 || unlisted.length > 0) {
    throw new Error(
      `WPS custom functions: the table and the bundle differ (not associated by the bundle: ${unassociated.join(", ") || "none"}; ` +
        `associated but not in the table: ${unlisted.join(", ") || "none"})`,
    );
  }
}

/**
 * The function WPS calls: every parameter of the table adapted (one WPS leaves off is null, as
 * Excel passes it), the bundle's function called, its result adapted. A CustomFunctionError the
 * function throws concerns the whole result and is shown as its code, as Excel shows it.
 * Any other exception is a bug. Excel shows it as #VALUE! and logs it; WPS would show a thrown
 * exception as some error value too, but how is undocumented, so the wrapper returns "#VALUE!"
 * itself and logs the exception with the function's id. The log, in the add-in page's console,
 * is the one trace of the bug: nothing else sees an exception inside a formula.
 */
function wrapperOf(meta: WpsFunctionMeta, fn: AssociatedFunction): (...args: unknown[]) => unknown {
  return (...args) => {
    try {
      return adaptResult(fn(...meta.parameters.map((_, i) => adaptArgument(args[i]))));
    } catch (error) {
      if (error instanceof CustomFunctionError) return error.code;
      console.error(`${NAMESPACE}.${meta.id}:`, error);
      return ERROR_CODES.invalidValue;
    }
  };
}

/** What AddCustomFunction takes as metadata: the zh-CN descriptions and parameter names. */
function addCustomFunctionMetadata(meta: WpsFunctionMeta) {
  return {
    description: meta.description,
    result: { type: meta.result.type },
    parameters: meta.parameters.map(({ name, type, description }) => ({ name, type, description })),
  };
}

export interface WpsRegistration {
  /** The ids registered, in table order. */
  registered: string[];
  /** Why none was: this WPS has no AddCustomFunction (before 12.1.0.20540). */
  reason?: "unsupported";
}

/**
 * Registers every function of `table` with WPS under DJ and its ASCII id. A WPS without
 * AddCustomFunction registers nothing and says so, without throwing: the ribbon and the pane
 * still work there. Throws, on any WPS, when the table and the bundle name different functions.
 */
export function registerWpsFunctions(
  root: Pick<EtRoot, "AddCustomFunction"> | undefined,
  table: readonly WpsFunctionMeta[],
  functions: ReadonlyMap<string, AssociatedFunction>,
): WpsRegistration {
  checkSameFunctions(table, functions);
  if (root === undefined || typeof root.AddCustomFunction !== "function") return { registered: [], reason: "unsupported" };
  for (const meta of table) {
    root.AddCustomFunction(NAMESPACE, meta.id, wrapperOf(meta, functions.get(meta.id) as AssociatedFunction), addCustomFunctionMetadata(meta));
  }
  return { registered: table.map((meta) => meta.id) };
}
