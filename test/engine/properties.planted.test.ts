/**
 * A generated valid submission gives no error; the same submission with one known defect planted
 * in one cell gives exactly that rule at that cell, and no other error (ENGINEERING.md §3).
 *
 * Runs (CI seed): 1 000 + 2 000 = 3 000; the total over the property suites is in
 * properties.test.ts.
 */
import fc from "fast-check";
import type { Cell, Grid } from "../../src/engine";
import { columnLetter, FIELDS, validate } from "../../src/engine";
import type { Key } from "./helpers";
import { problemsOf } from "./wellFormed";
import { SUMMABLE, validSheet, type ValidSheet } from "./validSheet";

const SPEC = new Map(FIELDS.map((f) => [f.key as Key, f]));
const INTEGERS = (Object.keys(Object.fromEntries(SPEC)) as Key[]).filter((k) => SPEC.get(k)!.type === "integer" && k !== "seq");
const NUMERIC = (Object.keys(Object.fromEntries(SPEC)) as Key[]).filter((k) => ["integer", "number", "money"].includes(SPEC.get(k)!.type) && k !== "seq");
/** Required whatever the row says; committee and group meetings depend on other cells. */
const ALWAYS_REQUIRED = FIELDS.filter((f) => f.required === "yes").map((f) => f.key as Key);

interface Defect {
  rule: string;
  row: number;
  col: number;
  /** What the cell is set to. */
  cell: Cell;
  /** Other cells set with it (a duplicate copies the earlier row's identity). */
  also?: { row: number; col: number; cell: Cell }[];
}

const text = (value: string): Cell => ({ kind: "text", value });
const num = (value: number): Cell => ({ kind: "number", value });

/** Every single defect that can be planted in this sheet, with the finding it must give. */
function defectsOf(s: ValidSheet): Defect[] {
  const out: Defect[] = [];
  const has = (k: Key) => s.columns.includes(k);
  s.rowOf.forEach((row, i) => {
    for (const k of s.columns) out.push({ rule: "excel-error", row, col: s.colOf(k), cell: { kind: "error", code: i % 2 ? "#DIV/0!" : "#N/A" } });
    for (const k of INTEGERS.filter(has)) out.push({ rule: "not-an-integer", row, col: s.colOf(k), cell: num(2.5) });
    for (const k of NUMERIC.filter(has)) out.push({ rule: "not-a-number", row, col: s.colOf(k), cell: text("若干") });
    for (const k of NUMERIC.filter(has)) {
      const max = SPEC.get(k)!.max;
      out.push({ rule: "out-of-range", row, col: s.colOf(k), cell: num(max === undefined ? -1 : max + 1) });
    }
    for (const k of (["hasCommittee", "memberReview"] as Key[]).filter(has)) out.push({ rule: "bad-option", row, col: s.colOf(k), cell: text("也许") });
    // A blank number would also break the 合计 row's sum; a blank name cannot.
    for (const k of ALWAYS_REQUIRED.filter((k) => k === "branch" || s.totalRow === undefined)) out.push({ rule: "missing-value", row, col: s.colOf(k), cell: { kind: "empty" } });
    out.push({ rule: "extra-cell", row, col: s.pastLastCol, cell: text("多余内容") });
    for (let j = 0; j < i; j++) {
      const code = has("code") ? s.rows[j].code : null;
      const name = { row, col: s.colOf("branch"), cell: text(String(s.rows[j].branch)) };
      // Told apart by code when both have one, else by name: the earlier row's code goes too.
      if (typeof code === "string") out.push({ rule: "duplicate-branch", row, col: s.colOf("code"), cell: text(code), also: [name] });
      else if (has("code")) out.push({ rule: "duplicate-branch", row, col: name.col, cell: name.cell, also: [{ row, col: s.colOf("code"), cell: { kind: "empty" } }] });
      else out.push({ rule: "duplicate-branch", row, col: name.col, cell: name.cell });
    }
  });
  if (s.totalRow !== undefined) {
    for (const k of SUMMABLE.filter((k) => has(k) && k !== s.columns[0])) {
      out.push({ rule: "total-mismatch", row: s.totalRow, col: s.colOf(k), cell: num(s.sums[k]! + 1) });
    }
  }
  return out;
}

function plant(grid: Grid, defect: Defect): Grid {
  const cells = grid.cells.map((r) => [...r]);
  for (const { row, col, cell } of [defect, ...(defect.also ?? [])]) {
    const r = row - grid.origin.row;
    const c = col - grid.origin.col;
    while (cells.length <= r) cells.push([]);
    while (cells[r].length < c) cells[r].push({ kind: "empty" });
    cells[r][c] = cell;
  }
  return { ...grid, cells };
}

/** The errors of a sheet validated alone, as rule@cell, and the number of branches read. */
function errorsOf(grid: Grid): { errors: string[]; rows: number[] } {
  const input = [{ file: "ok.xlsx", grids: [grid] }];
  const report = validate(input, { locale: "zh-CN" });
  expect(problemsOf(report, input)).toEqual([]);
  const sheets = report.files.flatMap((f) => f.sheets);
  const errors = sheets.flatMap((s) => s.findings).filter((f) => f.severity === "error");
  return { errors: errors.map((f) => `${f.rule}@${f.cell}`), rows: sheets.map((s) => s.rows) };
}

describe("a generated valid sheet", () => {
  it("has no error, and every branch is read", () => {
    fc.assert(
      fc.property(validSheet, (s) => {
        expect(errorsOf(s.grid)).toEqual({ errors: [], rows: [s.n] });
      }),
      { numRuns: 1000 },
    );
  });

  it("with one defect planted gives exactly that rule at that cell", () => {
    const planted = validSheet.chain((s) => fc.constantFrom(...defectsOf(s)).map((defect) => ({ s, defect })));
    fc.assert(
      fc.property(planted, ({ s, defect }) => {
        expect(errorsOf(plant(s.grid, defect)).errors).toEqual([`${defect.rule}@${columnLetter(defect.col)}${defect.row}`]);
      }),
      { numRuns: 2000 },
    );
  });
});
