/**
 * Reading the rows of a sheet as fields, with no check of them: what the validator's sheets and
 * DJ.FLAGS's rows share. No finding is made here, so a bundle that only reads rows (functions.js)
 * carries no rule's words.
 */
import type { Cell, Grid } from "./grid";
import type { CellValue } from "./report";
import { headerAt, type Header } from "./header";
import type { FieldSpec, SheetKind } from "./kinds/kind";
import type { Settings } from "./settings";
import { isNumeric, NO_ISSUES, originalValue, plainValue, readField, type FieldValue, type Issue, type ReadValue } from "./values";
import type { Unit } from "./text";
import { SheetView } from "./view";
import { getOrAdd } from "./maps";

export interface FieldRead {
  key: string;
  row: number;
  col: number;
  /** The cell as it stands (a covered cell of a text merge shows its merged area's value). */
  cell: Cell;
  /** A covered cell of a merged area. */
  covered: boolean;
  read: ReadValue;
}

/**
 * How a sheet's header maps to a kind's fields, in header order: made once per sheet and shared
 * by its rows, so a row holds only what differs from row to row.
 */
export interface FieldPlan {
  keys: readonly string[];
  cols: readonly number[];
  specs: readonly FieldSpec[];
  units: readonly (Unit | undefined)[];
  index: ReadonlyMap<string, number>;
  /** The header's last row: a merged area starting below it covers data cells. */
  headerBottom: number;
}

export function fieldPlan(header: Header, kind: Pick<SheetKind, "fields">): FieldPlan {
  const keys: string[] = [];
  const cols: number[] = [];
  const specs: FieldSpec[] = [];
  const units: (Unit | undefined)[] = [];
  for (const [key, column] of header.byKey) {
    const spec = specOf(kind, key);
    if (!spec) continue;
    keys.push(key);
    cols.push(column.col);
    specs.push(spec);
    units.push(column.unit);
  }
  return { keys, cols, specs, units, index: new Map(keys.map((key, i) => [key, i])), headerBottom: header.bottom };
}

/** What a field of a row holds besides a usable value: nothing filled, or an error. */
const BLANK_FIELD = Object.freeze({ state: "blank" });
const INVALID_FIELD = Object.freeze({ state: "invalid" });
type Slot = FieldValue | typeof BLANK_FIELD | typeof INVALID_FIELD;

/**
 * The fields of one data row, read once: a value (or blank, or invalid) per field of the sheet's
 * plan, and the issues of the few cells that have any. Cells and merged areas are looked up in the
 * sheet when asked for, not kept per field: a 100 000-row ledger holds a small array per row.
 */
export class RowFields {
  private issues: (readonly Issue[] | undefined)[] | undefined;

  constructor(
    readonly plan: FieldPlan,
    private readonly view: SheetView,
    readonly row: number,
    private readonly slots: Slot[],
  ) {}

  has(key: string): boolean {
    return this.plan.index.has(key);
  }

  /** The field's value: null when blank or invalid, undefined when the sheet has no such column. */
  value(key: string): FieldValue | null | undefined {
    const i = this.plan.index.get(key);
    return i === undefined ? undefined : this.valueAt(i);
  }

  valueAt(i: number): FieldValue | null {
    const slot = this.slots[i];
    return slot === BLANK_FIELD || slot === INVALID_FIELD ? null : (slot as FieldValue);
  }

  isInvalid(key: string): boolean {
    const i = this.plan.index.get(key);
    return i !== undefined && this.slots[i] === INVALID_FIELD;
  }

  isBlankAt(i: number): boolean {
    return this.slots[i] === BLANK_FIELD;
  }

  isInvalidAt(i: number): boolean {
    return this.slots[i] === INVALID_FIELD;
  }

  issuesAt(i: number): readonly Issue[] {
    return this.issues?.[i] ?? NO_ISSUES;
  }

  /** A covered cell of a merged area that starts below the header. */
  coveredAt(i: number): boolean {
    const area = this.view.coveredBy(this.row, this.plan.cols[i]);
    return area !== undefined && area.top > this.plan.headerBottom;
  }

  /** The cell as it stands; a covered cell of a text field shows its merged area's value. */
  cellAt(i: number): Cell {
    const col = this.plan.cols[i];
    return this.coveredAt(i) && !isNumeric(this.plan.specs[i].type) ? this.view.shown(this.row, col) : this.view.get(this.row, col);
  }

  /** A field found to be wrong after reading (a level outside the sheet's scheme): unusable from now on. */
  invalidate(key: string): void {
    const i = this.plan.index.get(key);
    if (i !== undefined) this.slots[i] = INVALID_FIELD;
  }

  get(key: string): FieldRead | undefined {
    const i = this.plan.index.get(key);
    return i === undefined ? undefined : this.at(i);
  }

  private at(i: number): FieldRead {
    const value = this.valueAt(i);
    const read: ReadValue = { value, blank: this.isBlankAt(i), invalid: this.isInvalidAt(i), issues: this.issuesAt(i) };
    return { key: this.plan.keys[i], row: this.row, col: this.plan.cols[i], cell: this.cellAt(i), covered: this.coveredAt(i), read };
  }

  /** Called while reading the row. */
  addIssues(i: number, issues: readonly Issue[]): void {
    (this.issues ??= [])[i] = issues;
  }
}

export interface DataRow {
  row: number;
  fields: RowFields;
  branch: string;
  unit: string;
  code?: string;
}

/** Each kind's fields by key, made once: a lookup per cell must not search the list. */
const BY_KEY = new WeakMap<readonly FieldSpec[], ReadonlyMap<string, FieldSpec>>();

export function specOf(kind: Pick<SheetKind, "fields">, key: string): FieldSpec | undefined {
  return getOrAdd(BY_KEY, kind.fields, () => new Map(kind.fields.map((f) => [f.key, f]))).get(key);
}

/**
 * One row of a sheet read as the fields of its plan: each cell by its field's type (a covered
 * cell of a merge shows its area's text, and is blank for a number); the row's branch and unit
 * from its cells, else the sheet's.
 */
export function readRow(view: SheetView, plan: FieldPlan, row: number, sheetUnit: string, sheetBranch: string): DataRow {
  const slots: Slot[] = new Array(plan.keys.length);
  const fields = new RowFields(plan, view, row, slots);
  for (let i = 0; i < plan.keys.length; i++) {
    const numeric = isNumeric(plan.specs[i].type);
    const covered = fields.coveredAt(i);
    if (covered && numeric) {
      slots[i] = BLANK_FIELD;
      continue;
    }
    const cell = covered ? view.shown(row, plan.cols[i]) : view.get(row, plan.cols[i]);
    const plain = plainValue(cell, plan.specs[i], plan.units[i]);
    if (plain !== undefined) {
      slots[i] = plain;
      continue;
    }
    const read = readField(cell, plan.specs[i], plan.units[i]);
    slots[i] = read.blank ? BLANK_FIELD : read.invalid || read.value === null ? INVALID_FIELD : read.value;
    if (read.issues.length > 0) fields.addIssues(i, read.issues);
  }
  return { row, fields, branch: textOf(fields, "branch") ?? sheetBranch, unit: textOf(fields, "unit") ?? sheetUnit, code: textOf(fields, "code") };
}

/** A field's text when it has some. */
function textOf(fields: RowFields, key: string): string | undefined {
  const v = fields.value(key);
  return typeof v === "string" && v !== "" ? v : undefined;
}

/** A usable value of a row's field: present, filled and valid. */
export function usableValue(row: DataRow, key: string): ReadValue["value"] | undefined {
  return row.fields.value(key) ?? undefined;
}

/** A usable number of a row's field, else undefined. */
export function numberOf(row: DataRow, key: string): number | undefined {
  const value = row.fields.value(key);
  return typeof value === "number" ? value : undefined;
}

/** Where a finding about a row's field points: its cell and what it holds, else the row's first column. */
export function fieldAt(row: DataRow, key: string): { row: number; col: number; field: string; value?: CellValue } {
  const i = row.fields.plan.index.get(key);
  if (i === undefined) return { row: row.row, col: 1, field: key, value: undefined };
  return { row: row.row, col: row.fields.plan.cols[i], field: key, value: originalValue(row.fields.cellAt(i)) };
}

/** Whether a field must be filled in this row (its column being there). */
export function isRequired(kind: Pick<SheetKind, "fields" | "requiredWhen">, data: DataRow, key: string, settings: Settings): boolean {
  const required = specOf(kind, key)?.required ?? "no";
  switch (required) {
    case "yes":
    case "when-present":
      return true;
    case "no":
      return false;
    default:
      return kind.requiredWhen?.(data, required, settings) ?? false;
  }
}

/**
 * Rows read under a row of labels, as DJ.FLAGS receives them from Excel: the same header
 * matching and cell reading as a sheet of the kind, so a formula and the validator agree.
 */
export function rowsUnderLabels(kind: Pick<SheetKind, "fields">, labels: Cell[], rows: Cell[][]): { header: Header; rows: DataRow[] } {
  const grid: Grid = { sheet: "", origin: { row: 1, col: 1 }, cells: [labels, ...rows], merges: [] };
  const view = new SheetView(grid);
  const header = headerAt(view, 1, kind.fields);
  const plan = fieldPlan(header, kind);
  return { header, rows: rows.map((_, i) => readRow(view, plan, i + 2, "", "")) };
}
