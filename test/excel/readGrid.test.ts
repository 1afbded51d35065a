import { readGrids, cellOf } from "../../src/excel/readGrid";
import { looksLikeDate } from "../../src/host/numberFormat";
import { mockExcel, type Mock, type SheetData } from "./fakeExcel";

async function read(excel: Mock, options = {}) {
  return excel.run(async (context: Mock) => {
    const sheets = [0].map((i) => ({ sheet: context.workbook.worksheets[`sheet${i}`], name: "S", visible: true }));
    return readGrids(context as unknown as Excel.RequestContext, sheets as never, options);
  });
}

describe("readGrids", () => {
  test("maps every value type, the origin and the merges", async () => {
    const sheet: SheetData = {
      name: "S",
      used: "B3:G3",
      values: [[12.5, "党支部", true, "#DIV/0!", "", 45292]],
      valueTypes: [["Double", "String", "Boolean", "Error", "Empty", "Double"]],
      numberFormat: [["0.00", "@", "General", "General", "General", 'yyyy"年"m"月"d"日"']],
      merged: "S!B3:C3, 'S, x'!E3:F3",
    };
    const grids = await read(mockExcel([sheet]));
    expect(grids).toHaveLength(1);
    expect(grids[0].origin).toEqual({ row: 3, col: 2 });
    expect(grids[0].cells).toEqual([
      [
        { kind: "number", value: 12.5 },
        { kind: "text", value: "党支部" },
        { kind: "bool", value: true },
        { kind: "error", code: "#DIV/0!" },
        { kind: "empty" },
        { kind: "date", serial: 45292 },
      ],
    ]);
    expect(grids[0].merges).toEqual([
      { top: 3, left: 2, bottom: 3, right: 3 },
      { top: 3, left: 5, bottom: 3, right: 6 },
    ]);
  });
});

describe("looksLikeDate", () => {
  test.each([
    ["yyyy/m/d", true],
    ['yyyy"年"m"月"d"日"', true],
    ["[$-F800]dddd, mmmm dd, yyyy", true],
    ["m月d日", true],
    ["mmm-yy", true],
    ["General", false],
    ["0.00", false],
    ["0.00E+00", false],
    ["h:mm", false],
    ["[h]:mm:ss", false],
    ["#,##0;[Red]-#,##0", false],
    ["@", false],
  ])("%s → %s", (format, expected) => {
    expect(looksLikeDate(format)).toBe(expected);
  });
  test("a date-formatted Integer is a date; NaN is #NUM!", () => {
    expect(cellOf(45000, "Integer", "yyyy-mm-dd")).toEqual({ kind: "date", serial: 45000 });
    expect(cellOf(Number.NaN, "Double", "General")).toEqual({ kind: "error", code: "#NUM!" });
  });
});
