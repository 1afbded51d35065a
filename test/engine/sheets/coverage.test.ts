/** 三会一课覆盖: a row per branch, a column per month or quarter, zero cells red, the most missing first. */
import { columnLetter, coverageSheet, meetingCoverage, validateWorkbooks, withDefaults, type Grid } from "../../../src/engine";
import { fullYear, ledger, submission, type Meeting } from "../ledger";
import { specCells } from "../../support/sheetSpec";

function coverage(grids: Grid[], locale: "zh-CN" | "en-US" = "zh-CN") {
  const { parsed } = validateWorkbooks([{ file: "a.xlsx", grids }], { locale });
  return meetingCoverage(parsed, withDefaults(), locale);
}

const drop = (meetings: Meeting[], out: (m: Meeting) => boolean) => meetings.filter((m) => !out(m));

describe("meetingCoverage", () => {
  const first = drop(fullYear("第一党支部"), (m) => m.type === "支委会" && (m.date === "2025-03-05" || m.date === "2025-07-05"));
  const second = drop(fullYear("第二党支部"), (m) => m.type === "党课");
  const table = coverage([ledger([...first, ...second])]);

  it("has a column per quarter for 党员大会 and 党课, per month for 支委会 and 主题党日, the year for the annual ones", () => {
    const names = table.columns.map((c) => `${c.typeName} ${c.bucketName}`);
    expect(names.slice(0, 4)).toEqual(["党员大会 第1季度", "党员大会 第2季度", "党员大会 第3季度", "党员大会 第4季度"]);
    expect(names.filter((n) => n.startsWith("支委会"))).toHaveLength(12);
    expect(names.filter((n) => n.startsWith("党课"))).toHaveLength(4);
    expect(names.filter((n) => n.startsWith("主题党日"))).toHaveLength(12);
    expect(names.slice(-2)).toEqual(["组织生活会 全年", "民主评议 全年"]);
  });

  it("counts the counted meetings of each cell; the branch missing most comes first", () => {
    expect(table.rows.map((r) => [r.branch, r.missing])).toEqual([
      ["第二党支部", 4],
      ["第一党支部", 2],
    ]);
    const [second, first] = table.rows;
    const cell = (row: typeof first, name: string) => row.cells[table.columns.findIndex((c) => `${c.typeName} ${c.bucketName}` === name)];
    expect([cell(first, "支委会 3月"), cell(first, "支委会 4月"), cell(first, "党课 第2季度")]).toEqual([0, 1, 1]);
    expect([cell(second, "党课 第1季度"), cell(second, "支委会 3月")]).toEqual([0, 1]);
    expect(first).toMatchObject({ unit: "机关一局", sheet: "三会一课台账", row: 4 });
  });

  it("leaves blank what a branch need not hold: no 支委会 without a committee", () => {
    const small = drop(fullYear("第三党支部"), (m) => m.type === "支委会");
    const grids = [submission([{ branch: "第三党支部", general: 4, lectures: 4, formal: 5 }]), ledger(small)];
    const [row] = coverage(grids).rows;
    const committee = coverage(grids).columns.flatMap((c, i) => (c.type === "committee" ? [row.cells[i]] : []));
    expect(committee).toEqual([]);
    expect(row.missing).toBe(0);
  });

  it("names columns in English too", () => {
    const english = coverage([ledger(fullYear())], "en-US");
    expect(english.columns.map((c) => `${c.typeName} ${c.bucketName}`)[0]).toBe("General meetings 2025 Q1");
  });
});

describe("coverageSheet", () => {
  it("is a table with the zero cells red and a link to each branch's ledger", () => {
    const table = coverage([ledger(drop(fullYear(), (m) => m.type === "支委会" && m.date === "2025-03-05"))]);
    const spec = coverageSheet(table, "zh-CN");
    expect(spec).toMatchObject({ role: "coverage", name: "三会一课覆盖", freezeRows: 1 });
    const cells = specCells(spec);
    expect([cells.get("A1"), cells.get("B1"), cells.get("C1"), cells.get("D1")]).toEqual(["所属单位", "党支部名称", "缺会", "党员大会 第1季度"]);
    expect([cells.get("B2"), cells.get("C2")]).toEqual(["第一党支部", 1]);
    expect(spec.zeroFills).toEqual([{ row: 1, col: 3, rows: 1, cols: table.columns.length }]);
    expect(cells.get(`${columnLetter(4 + table.columns.length)}2`)).toEqual({ link: { sheet: "三会一课台账", cell: "A4" }, text: "A4" });
  });
});
