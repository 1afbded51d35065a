/**
 * The .xlsx reader on files a real spreadsheet program wrote: LibreOffice converts .fods text
 * into .xlsx, and the Grid read back must be exactly what the sheet shows.
 */
import ExcelJS from "exceljs";
import { readFile } from "node:fs/promises";
import { columnLetter, type Cell, type Grid } from "../../src/engine/grid";
import { isUnsupportedName, readWorkbook } from "../../src/files/read";
import { gridFromWorksheet } from "../support/exceljsGrids";
import { excelLikeWorkbook, SUBMISSION } from "./submission";
import { toXlsx } from "../support/libreoffice";

const num = (value: number): Cell => ({ kind: "number", value });
const text = (value: string): Cell => ({ kind: "text", value });
const err = (code: string): Cell => ({ kind: "error", code });
const bool = (value: boolean): Cell => ({ kind: "bool", value });
const E: Cell = { kind: "empty" };

/** 2025-03-01 as an Excel serial. */
const MARCH_1 = 45717;

describe("readWorkbook on a LibreOffice .xlsx", () => {
  let path: string;
  let grids: Grid[];

  beforeAll(async () => {
    path = await toXlsx(SUBMISSION, "submission");
    grids = await readWorkbook(await readFile(path));
  });

  test("one grid per sheet in tab order, hidden sheets marked", () => {
    expect(grids.map((g) => [g.sheet, g.visible])).toEqual([
      ["填报表", true],
      ["隐藏表", false],
      ["空白", true],
    ]);
    expect(grids[1].cells).toEqual([[text("隐藏内容")]]);
    expect(grids[2]).toEqual({ sheet: "空白", origin: { row: 1, col: 1 }, cells: [], merges: [], visible: true });
  });

  test("golden grid: values, formula results, errors, merges", () => {
    const grid = grids[0];
    expect(grid.origin).toEqual({ row: 1, col: 1 });
    const { cells } = grid;
    // Dates are checked apart: their serials are floating point.
    const dateRow = cells[8].map((c) => (c.kind === "date" ? E : c));
    expect([...cells.slice(0, 8), dateRow, ...cells.slice(9)]).toEqual([
      [text("2025年度党支部工作情况统计表")],
      [text("填报单位：机关党委　统计期间：2025年")],
      [text("序号"), text("党支部名称"), text("所属单位"), text("三会一课（次）"), E, text("正式党员数"), text("备注")],
      [E, E, E, text("党员大会"), text("党课")],
      [num(1), text("机关第1党支部（Party Branch A）"), text("办公室"), num(4), num(0), text("１２"), E, E, num(0)],
      [num(2), text("第二党支部"), E, err("#DIV/0!"), err("#N/A"), num(7), err("#REF!")],
      [num(3), text("第三党支部"), E, num(3), num(2.5), bool(true), bool(false)],
      [],
      [text("填报日期"), E, E, num(1), text("=1+1"), text("  前后空格  "), text("甲\n乙"), E, E, E, E, text("远")],
      [text("注：本表由各党支部填写。")],
    ]);
    expect(cells[8][1]).toEqual({ kind: "date", serial: MARCH_1 });
    const withTime = cells[8][2];
    expect(withTime.kind).toBe("date");
    expect(withTime.kind === "date" && withTime.serial).toBeCloseTo(MARCH_1 + 12.5 / 24, 9);
    expect(grid.merges).toEqual([
      { top: 1, left: 1, bottom: 1, right: 7 },
      { top: 3, left: 1, bottom: 4, right: 1 },
      { top: 3, left: 2, bottom: 4, right: 2 },
      { top: 3, left: 3, bottom: 4, right: 3 },
      { top: 3, left: 4, bottom: 3, right: 5 },
      { top: 3, left: 6, bottom: 4, right: 6 },
      { top: 3, left: 7, bottom: 4, right: 7 },
      { top: 5, left: 3, bottom: 7, right: 3 },
    ]);
  });

  test("the fixture exercises the exceljs cases it claims to", async () => {
    // If LibreOffice or exceljs change, these say which reader path lost its test.
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await readFile(path)) as unknown as ArrayBuffer);
    const ws = workbook.getWorksheet("填报表")!;
    expect(ws.getCell("B5").type).toBe(ExcelJS.ValueType.RichText); // mixed Chinese/Latin
    expect(ws.getCell("C6").type).toBe(ExcelJS.ValueType.Merge); // covered, shows the master's value
    expect(ws.getCell("C6").value).toBe("办公室");
    // exceljs 4.4.0 drops falsy cached results from `value`; `result` keeps them.
    expect(ws.getCell("E5").value).toEqual({ formula: "SUM(I5:J5)" });
    expect(ws.getCell("E5").result).toBe(0);
    expect(ws.getCell("G7").value).toEqual({ formula: "1=2" });
    expect(ws.getCell("G7").result).toBe(false);
    // A formula that came to "" has no cached value at all once exceljs has read it.
    expect(ws.getCell("G5").type).toBe(ExcelJS.ValueType.Formula);
    expect(ws.getCell("G5").result).toBeUndefined();
    expect(ws.getCell("B9").type).toBe(ExcelJS.ValueType.Date);
    // The reader's merge index (exceljs internals) agrees with exceljs's public but costly model.
    const a1 = (r: { top: number; left: number; bottom: number; right: number }) =>
      `${columnLetter(r.left)}${r.top}:${columnLetter(r.right)}${r.bottom}`;
    expect(gridFromWorksheet(ws).merges.map(a1).sort()).toEqual([...ws.model.merges].sort());
  });

  test("ArrayBuffer input reads the same as a Buffer", async () => {
    const bytes = await readFile(path);
    const copy = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
    expect(await readWorkbook(copy)).toEqual(grids);
  });
});

describe("readWorkbook on cases only Excel-like writers produce", () => {
  // LibreOffice cannot write very hidden sheets, literal booleans, literal error cells,
  // shared formulas or cell hyperlinks; exceljs writes them as Excel does.
  let grids: Grid[];
  let rowCount = 0;

  beforeAll(async () => {
    const bytes = await excelLikeWorkbook();
    const check = new ExcelJS.Workbook();
    await check.xlsx.load(bytes as unknown as ArrayBuffer);
    rowCount = check.getWorksheet("数据")!.rowCount; // counts the styled empty row 30
    grids = await readWorkbook(bytes);
  });

  test("booleans, error literals, shared formulas (falsy results too), hyperlinks, rich text, dates", () => {
    const [data] = grids;
    expect(data.cells.slice(0, 4)).toEqual([
      [bool(true), bool(false), err("#REF!"), err("#SPILL!")],
      [num(5), num(0), num(0)],
      [num(2), num(3), num(6)],
      [num(0), num(9), num(0)],
    ]);
    const row5 = data.cells[4];
    expect(row5.slice(0, 2)).toEqual([text("党建网站"), text("党支部ABC")]);
    expect(row5[2].kind === "date" && row5[2].serial).toBeCloseTo(45657.25, 9);
    expect(row5.length).toBe(3); // D5 has no cached value: empty, and the row ends at C5
  });

  test("the grid ends at the last value, not at styled empty cells (exceljs's rowCount)", () => {
    expect(rowCount).toBe(30);
    expect(grids[0].cells.length).toBe(5);
    expect(Math.max(...grids[0].cells.map((r) => r.length))).toBe(4);
  });

  test("very hidden sheets are not visible", () => {
    expect(grids.map((g) => [g.sheet, g.visible])).toEqual([
      ["数据", true],
      ["深度隐藏", false],
    ]);
  });
});

describe("isUnsupportedName", () => {
  test.each([
    ["报表.xls", true],
    ["报表.XLS", true],
    ["报表.et", true],
    ["名册.csv", true],
    ["报表.xlsx", false],
    ["报表.xlsm", false],
    ["xls", false],
    ["报表.xls.xlsx", false],
  ])("%s → %s", (name, expected) => {
    expect(isUnsupportedName(name)).toBe(expected);
  });
});
