/**
 * A SheetSpec laid out as a host would write it, for tests: every cell it sets (tables with
 * their header row; an empty table keeps one empty row, as Excel does), and the Grid the
 * engine would read back. Formulas read back as their text ("=…"), links as their shown text.
 */
import type { Cell, Grid, OutCell, SheetSpec } from "../../src/engine";
import { address, columnNumber } from "../../src/engine";

/** Every cell the spec writes, by A1 address (1-based, as the writer places row 0 at sheet row 1). */
export function specCells(spec: SheetSpec): Map<string, OutCell> {
  const cells = new Map<string, OutCell>();
  const put = (row: number, col: number, value: OutCell) => {
    const at = address(row + 1, col + 1);
    if (cells.has(at)) throw new Error(`${spec.name}: ${at} is written twice`);
    cells.set(at, value);
  };
  for (const table of spec.tables ?? []) {
    table.columns.forEach((name, c) => put(table.row, table.col + c, name));
    const rows = table.rows.length > 0 ? table.rows : [table.columns.map(() => null)];
    rows.forEach((line, r) => {
      if (line.length !== table.columns.length) throw new Error(`${table.name}: row ${r} has ${line.length} cells for ${table.columns.length} columns`);
      line.forEach((value, c) => put(table.row + 1 + r, table.col + c, value));
    });
  }
  for (const cell of spec.cells ?? []) put(cell.row, cell.col, cell.value);
  return cells;
}

/** The value a spec writes at an A1 address; undefined when it writes nothing there. */
export function specCell(spec: SheetSpec, a1: string): OutCell | undefined {
  return specCells(spec).get(a1);
}

function toCell(value: OutCell): Cell {
  if (value === null) return { kind: "empty" };
  if (typeof value === "string") return { kind: "text", value };
  if (typeof value === "number") return { kind: "number", value };
  if (typeof value === "boolean") return { kind: "bool", value };
  if ("formula" in value) return { kind: "text", value: `=${value.formula}` };
  return { kind: "text", value: value.text };
}

/** The sheet as the engine would read it back, from A1, under the name it got (the spec's by default). */
export function specGrid(spec: SheetSpec, name = spec.name): Grid {
  const rows: Cell[][] = [];
  for (const [at, value] of specCells(spec)) {
    const m = /^([A-Z]+)(\d+)$/.exec(at);
    if (!m) throw new Error(`bad address ${at}`);
    const col = columnNumber(m[1]);
    const row = Number(m[2]);
    while (rows.length < row) rows.push([]);
    const line = rows[row - 1];
    while (line.length < col) line.push({ kind: "empty" });
    line[col - 1] = toCell(value);
  }
  return { sheet: name, origin: { row: 1, col: 1 }, cells: rows, merges: [] };
}

/**
 * A 汇总-like spec the writers' tests share: a title, a formula over the table, a table of `rows`
 * rows (branch, members, rate, source link) whose first branches are `tricky` strings a host would
 * turn into something else in a General cell, a validation, a name, a chart.
 */
export function consolidatedSpec(rows: number, tricky: readonly string[], name = "汇总"): SheetSpec {
  const tableRows: OutCell[][] = Array.from({ length: rows }, (_, i) => [
    i < tricky.length ? tricky[i] : `第${i + 1}党支部`,
    i + 1,
    (i % 100) / 100,
    { link: { sheet: "O'Brien \"报送\"", cell: `C${i + 5}` }, text: `来源 "${i + 1}"` },
  ]);
  return {
    role: "consolidated",
    name,
    cells: [
      { row: 0, col: 0, value: "党建考核汇总", bold: true },
      { row: 0, col: 3, value: { formula: "=ROWS(Consolidated)" } },
    ],
    tables: [{ name: "Consolidated", row: 2, col: 0, columns: ["党支部名称", "党员人数", "执行率", "来源"], rows: tableRows, formats: [undefined, "0", "0.00%", undefined] }],
    validations: [{ area: { row: 3, col: 1, rows, cols: 1 }, rule: { kind: "whole", min: 0 }, prompt: { title: "党员人数", message: "填写整数" }, error: { title: "输入有误", message: "必须是不小于 0 的整数" } }],
    names: [{ name: "DJ_Total", row: 0, col: 3, comment: "汇总行数" }],
    charts: [{ title: "党员人数", type: "columnClustered", source: { row: 2, col: 0, rows: 4, cols: 2 }, at: { row: 2, col: 6 } }],
    widths: [20, 10, 10, 16],
    freezeRows: 3,
  };
}
