/** Building engine grids in tests from plain values: "text", 12, true, null, "#REF!", {date}. */
import type { Cell, CellRange, Grid } from "../../src/engine";
import { columnNumber } from "../../src/engine";

export type Plain = string | number | boolean | null | undefined | { date: number };

const ERRORS = new Set(["#REF!", "#DIV/0!", "#N/A", "#VALUE!", "#NAME?", "#NUM!", "#NULL!", "#SPILL!", "#CALC!"]);

export function toCell(value: Plain): Cell {
  if (value === null || value === undefined) return { kind: "empty" };
  if (typeof value === "number") return { kind: "number", value };
  if (typeof value === "boolean") return { kind: "bool", value };
  if (typeof value === "object") return { kind: "date", serial: value.date };
  if (ERRORS.has(value)) return { kind: "error", code: value };
  return { kind: "text", value };
}

export function range(a1: string): CellRange {
  const [from, to = from] = a1.split(":");
  const parse = (ref: string) => {
    const m = /^([A-Z]+)(\d+)$/.exec(ref);
    if (!m) throw new Error(`bad address ${ref}`);
    return { row: Number(m[2]), col: columnNumber(m[1]) };
  };
  const a = parse(from);
  const b = parse(to);
  return { top: a.row, left: a.col, bottom: b.row, right: b.col };
}

export function grid(rows: Plain[][], options: { sheet?: string; merges?: string[]; visible?: boolean; origin?: { row: number; col: number } } = {}): Grid {
  return {
    sheet: options.sheet ?? "Sheet1",
    origin: options.origin ?? { row: 1, col: 1 },
    cells: rows.map((row) => row.map(toCell)),
    merges: (options.merges ?? []).map(range),
    visible: options.visible,
  };
}
