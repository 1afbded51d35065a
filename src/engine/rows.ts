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
import { isNumeric, originalValue, readField, type ReadValue } from "./values";
import { SheetView } from "./view";

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

export interface DataRow {
  row: number;
  fields: Map<string, FieldRead>;
  branch: string;
  unit: string;
  code?: string;
}

/** Each kind's fields by key, made once: a lookup per cell must not search the list. */
const BY_KEY = new WeakMap<readonly FieldSpec[], ReadonlyMap<string, FieldSpec>>();

export function specOf(kind: Pick<SheetKind, "fields">, key: string): FieldSpec | undefined {
  let byKey = BY_KEY.get(kind.fields);
  if (!byKey) BY_KEY.set(kind.fields, (byKey = new Map(kind.fields.map((f) => [f.key, f]))));
  return byKey.get(key);
}

/**
 * One row of a sheet read as the fields its header maps: each cell by its field's type (a covered
 * cell of a merge shows its area's text, and is blank for a number); the row's branch and unit
 * from its cells, else the sheet's.
 */
export function readRow(view: SheetView, header: Header, kind: Pick<SheetKind, "fields">, row: number, sheetUnit: string, sheetBranch: string): DataRow {
  const fields = new Map<string, FieldRead>();
  for (const [key, column] of header.byKey) {
    const spec = specOf(kind, key);
    if (!spec) continue;
    const area = view.coveredBy(row, column.col);
    const covered = area !== undefined && area.top > header.bottom;
    let cell = view.get(row, column.col);
    let read: ReadValue;
    if (covered && isNumeric(spec.type)) {
      read = { value: null, blank: true, invalid: false, issues: [] };
    } else {
      if (covered) cell = view.shown(row, column.col);
      read = readField(cell, spec, column.unit);
    }
    fields.set(key, { key, row, col: column.col, cell, covered, read });
  }
  const text = (key: string): string | undefined => {
    const v = fields.get(key)?.read.value;
    return typeof v === "string" && v !== "" ? v : undefined;
  };
  return { row, fields, branch: text("branch") ?? sheetBranch, unit: text("unit") ?? sheetUnit, code: text("code") };
}

/** A usable value of a row's field: present, filled and valid. */
export function usableValue(row: DataRow, key: string): ReadValue["value"] | undefined {
  const field = row.fields.get(key);
  if (!field || field.read.invalid || field.read.value === null) return undefined;
  return field.read.value;
}

/** A usable number of a row's field, else undefined. */
export function numberOf(row: DataRow, key: string): number | undefined {
  const value = usableValue(row, key);
  return typeof value === "number" ? value : undefined;
}

/** Where a finding about a row's field points: its cell and what it holds, else the row's first column. */
export function fieldAt(row: DataRow, key: string): { row: number; col: number; field: string; value?: CellValue } {
  const field = row.fields.get(key);
  return { row: row.row, col: field?.col ?? 1, field: key, value: field ? originalValue(field.cell) : undefined };
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
  return { header, rows: rows.map((_, i) => readRow(view, header, kind, i + 2, "", "")) };
}
