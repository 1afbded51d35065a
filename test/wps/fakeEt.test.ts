/**
 * The fake ET model (fakeEt.ts) behaves as WPS 表格 does where the adapter depends on it: the
 * shapes of Value2 and Formula, COM error integers, null for mixed formats and merges, text kept
 * in text cells, COM-like failures — and it counts every member access, so the WPS host's tests
 * can hold the adapter to whole-range reads and writes.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { runInNewContext } from "node:vm";
import ts from "typescript";
import type { EtRange, EtWorksheet } from "../../src/wps/et";
import { bgr, XL } from "../../src/wps/et";
import { thrownBy } from "../support/thrown";
import { createFakeEt, type FakeBookData, type FakeCellData, type FakeEt, type FakeOptions } from "./fakeEt";

const DIV0 = -2146826281;

/** A submission sheet: a merged title, headers, two rows of figures (one a date), an error and an empty cell. */
function book(): FakeBookData {
  return {
    name: "报送.xlsx",
    sheets: [
      {
        name: "报表",
        cells: [
          { address: "A1", value: "2025年统计表" },
          { address: "A2", value: "支部" },
          { address: "B2", value: "人数" },
          { address: "C2", value: "换届时间" },
          { address: "A3", value: "第一支部" },
          { address: "B3", value: 12 },
          { address: "C3", value: 45292, numberFormat: "yyyy-mm-dd" },
          { address: "A4", value: "第二支部" },
          { address: "C4", value: 45300, numberFormat: "yyyy-mm-dd" },
          { address: "B5", value: { error: "#DIV/0!" }, formula: "=B3/0" },
        ],
        merges: ["A1:C1"],
      },
      { name: "说明", cells: [] },
    ],
  };
}

function fakeOf(options?: FakeOptions, data: FakeBookData = book()): { fake: FakeEt; sheet: EtWorksheet } {
  const fake = createFakeEt(data, options);
  const sheet = fake.root.ActiveWorkbook!.Worksheets.Item("报表");
  fake.resetCalls();
  return { fake, sheet };
}

function message(fn: () => unknown): string {
  return (thrownBy(fn) as Error).message;
}

describe("call counting", () => {
  test("reading Value2 of a 1000 × 30 range is one counted get, however many cells", () => {
    const cells: FakeCellData[] = [];
    for (let row = 1; row <= 1000; row++) cells.push({ address: `A${row}`, value: row }, { address: `AD${row}`, value: -row });
    const { fake, sheet } = fakeOf(undefined, { name: "大.xlsx", sheets: [{ name: "报表", cells }] });
    const values = sheet.Range("A1:AD1000").Value2 as unknown[][];
    expect(values).toHaveLength(1000);
    expect(values[999]).toHaveLength(30);
    expect(values[999][29]).toBe(-1000);
    expect(fake.callLog).toEqual(["Worksheet.Range", "Range.Value2.get"]);
    expect(fake.calls).toBe(2);
  });

  test("names a get, a set and a method call by the object's kind and member", () => {
    const fake = createFakeEt(book());
    const range = fake.root.ActiveWorkbook!.Worksheets.Item(1).Range("B3:B4");
    range.Value2 = [[1], [2]];
    expect(range.Rows.Count).toBe(2);
    range.AddComment("核对");
    range.Interior.Color = bgr("#FFC7CE");
    expect(fake.callLog).toEqual([
      "Application.ActiveWorkbook.get",
      "Workbook.Worksheets.get",
      "Sheets.Item",
      "Worksheet.Range",
      "Range.Value2.set",
      "Range.Rows.get",
      "Rows.Count.get",
      "Range.AddComment",
      "Range.Interior.get",
      "Interior.Color.set",
    ]);
    expect(fake.calls).toBe(10);
    fake.resetCalls();
    expect([fake.calls, fake.callLog]).toEqual([0, []]);
  });

  test("a call that throws is counted too: it crossed the boundary", () => {
    const { fake, sheet } = fakeOf();
    thrownBy(() => sheet.Range("not an address"));
    expect(fake.callLog).toEqual(["Worksheet.Range"]);
  });
});

describe("Value2 and Formula", () => {
  test("one cell gives a scalar: undefined and '' when empty", () => {
    const { sheet } = fakeOf();
    expect(sheet.Range("B3").Value2).toBe(12);
    expect(sheet.Range("B3").Formula).toBe("12");
    expect(sheet.Range("A3").Formula).toBe("第一支部");
    expect(sheet.Range("B4").Value2).toBeUndefined();
    expect(sheet.Range("B4").Formula).toBe("");
  });

  test("a range gives rows of cells, undefined for empty cells in Value2 and '' in Formula", () => {
    const { sheet } = fakeOf();
    expect(sheet.Range("A4:C5").Value2).toEqual([
      ["第二支部", undefined, 45300],
      [undefined, DIV0, undefined],
    ]);
    expect(sheet.Range("A4:C5").Formula).toEqual([
      ["第二支部", "", "45300"],
      ["", "=B3/0", ""],
    ]);
    expect(sheet.Range("B3:B4").Value2).toEqual([[12], [undefined]]);
  });

  test("oneRowAs1D gives a one-row range as a 1-D array, and only a one-row range", () => {
    const { sheet } = fakeOf({ oneRowAs1D: true });
    expect(sheet.Range("A2:C2").Value2).toEqual(["支部", "人数", "换届时间"]);
    expect(sheet.Range("A2:C2").Formula).toEqual(["支部", "人数", "换届时间"]);
    expect(sheet.Range("B3:B4").Value2).toEqual([[12], [undefined]]);
    expect(sheet.Range("B3").Value2).toBe(12);
    expect(fakeOf().sheet.Range("A2:C2").Value2).toEqual([["支部", "人数", "换届时间"]]);
  });

  test("a date is its serial number; its NumberFormat says it is a date", () => {
    const { sheet } = fakeOf();
    expect(sheet.Range("C3").Value2).toBe(45292);
    expect(sheet.Range("C3").NumberFormat).toBe("yyyy-mm-dd");
  });

  test("an error's Value2 is its COM integer; Formula is the formula, or the error for a constant", () => {
    const codes: Record<string, number> = {
      "#DIV/0!": -2146826281,
      "#N/A": -2146826246,
      "#NAME?": -2146826259,
      "#NULL!": -2146826288,
      "#NUM!": -2146826252,
      "#REF!": -2146826265,
      "#VALUE!": -2146826273,
    };
    const cells = Object.keys(codes).map((error, i) => ({ address: `A${i + 1}`, value: { error } }));
    const { sheet } = fakeOf(undefined, { name: "e.xlsx", sheets: [{ name: "报表", cells }] });
    expect(sheet.Range("A1:A7").Value2).toEqual(Object.values(codes).map((code) => [code]));
    expect(sheet.Range("A1:A7").Formula).toEqual(Object.keys(codes).map((error) => [error]));
    expect(fakeOf().sheet.Range("B5").Formula).toBe("=B3/0");
    expect(() => createFakeEt({ name: "e.xlsx", sheets: [{ name: "S", cells: [{ address: "A1", value: { error: "#SPILL!" } }] }] })).toThrow(/unknown error/);
  });
});

describe("writing Value2", () => {
  test("a 2-D array of the range's shape fills it; a scalar fills every cell", () => {
    const { fake, sheet } = fakeOf();
    sheet.Range("E1:F2").Value2 = [
      [1, "甲"],
      [true, undefined],
    ];
    sheet.Range("G1:G2").Value2 = 0;
    expect(sheet.Range("E1:G2").Value2).toEqual([
      [1, "甲", 0],
      [true, undefined, 0],
    ]);
    expect(fake.snapshot().sheets[0].cells.filter((c) => /^[EFG]/.test(c.address)).map((c) => c.address)).toEqual(["E1", "F1", "G1", "E2", "G2"]);
  });

  test("a 1-D array fills a one-row range; any other shape is refused, and nothing is written", () => {
    const { sheet } = fakeOf();
    sheet.Range("E1:G1").Value2 = [1, 2, 3];
    expect(sheet.Range("E1:G1").Value2).toEqual([[1, 2, 3]]);
    expect(message(() => (sheet.Range("E2:F3").Value2 = [[1, 2]]))).toMatch(/not 2×2/);
    expect(message(() => (sheet.Range("E2:E3").Value2 = [1, 2]))).toMatch(/not 2×1/);
    expect(() => (sheet.Range("E2:F2").Value2 = [[1, Symbol("x")]])).toThrow(/Type mismatch/);
    expect(sheet.Range("E2:F3").Value2).toEqual([
      [undefined, undefined],
      [undefined, undefined],
    ]);
  });

  test("text is converted as if typed: formulas, numbers, booleans, errors", () => {
    const { sheet } = fakeOf();
    sheet.Range("E1:E6").Value2 = [["=SUM(B3:B4)"], ["007"], ["-1.5e3"], ["true"], ["#n/a"], ["第7支部"]];
    expect(sheet.Range("E1:E6").Value2).toEqual([["=SUM(B3:B4)"], [7], [-1500], [true], [-2146826246], ["第7支部"]]);
    expect(sheet.Range("E1:E6").Formula).toEqual([["=SUM(B3:B4)"], ["7"], ["-1500"], ["TRUE"], ["#N/A"], ["第7支部"]]);
  });

  test("a HYPERLINK formula's Value2 is its text", () => {
    const { sheet } = fakeOf();
    sheet.Range("E1").Value2 = `=HYPERLINK("#'报表'!A1","第""1""条")`;
    expect(sheet.Range("E1").Value2).toBe('第"1"条');
    expect(sheet.Range("E1").Formula).toBe(`=HYPERLINK("#'报表'!A1","第""1""条")`);
  });

  test("text written into a cell formatted as text ('@') stays exactly as written", () => {
    const { sheet } = fakeOf();
    const range = sheet.Range("E1:E3");
    range.NumberFormat = "@";
    range.Value2 = [["007"], ["=A1"], ["TRUE"]];
    expect(range.Value2).toEqual([["007"], ["=A1"], ["TRUE"]]);
    expect(range.Formula).toEqual([["007"], ["=A1"], ["TRUE"]]);
  });

  test("'' or undefined clears a cell's value and keeps its format", () => {
    const { fake, sheet } = fakeOf();
    sheet.Range("B3:C3").Value2 = [["", undefined]];
    expect(sheet.Range("B3:C3").Value2).toEqual([[undefined, undefined]]);
    expect(fake.snapshot().sheets[0].cells.find((c) => c.address === "C3")).toEqual({ address: "C3", value: "", numberFormat: "yyyy-mm-dd" });
    expect(fake.snapshot().sheets[0].cells.find((c) => c.address === "B3")).toBeUndefined();
  });

  test("a Range.Value write throws, as on some builds; Formula writes like Value2", () => {
    const { sheet } = fakeOf();
    expect(() => ((sheet.Range("E1") as unknown as { Value: unknown }).Value = 1)).toThrow(/Range.Value/);
    sheet.Range("E1:E2").Formula = [["=B3*2"], ["42"]];
    expect(sheet.Range("E1:E2").Value2).toEqual([["=B3*2"], [42]]);
    expect(sheet.Range("E1").Formula).toBe("=B3*2");
  });
});

describe("NumberFormat", () => {
  test("one format for the range, null when its cells differ; empty cells are General", () => {
    const { sheet } = fakeOf();
    expect(sheet.Range("C3:C4").NumberFormat).toBe("yyyy-mm-dd");
    expect(sheet.Range("B3:C3").NumberFormat).toBeNull();
    expect(sheet.Range("E1:F9").NumberFormat).toBe("General");
    expect(sheet.Cells.NumberFormat).toBeNull();
  });

  test("is set on every cell of the range, and of every area of a union", () => {
    const { sheet } = fakeOf();
    sheet.Range("A3,C3:C4").NumberFormat = "0.00";
    expect(sheet.Range("A3,C3:C4").NumberFormat).toBe("0.00");
    expect(sheet.Range("A3:C3").NumberFormat).toBeNull();
    expect(sheet.Range("C4").Value2).toBe(45300);
    expect(() => (sheet.Range("A:A").NumberFormat = "@")).toThrow(/not modelled/);
  });
});

describe("merged cells", () => {
  test("MergeCells is true inside a merged area, false outside, null across both", () => {
    const { sheet } = fakeOf();
    expect(sheet.Range("A1:C1").MergeCells).toBe(true);
    expect(sheet.Range("B1").MergeCells).toBe(true);
    expect(sheet.Range("A2:C4").MergeCells).toBe(false);
    expect(sheet.Range("A1:A2").MergeCells).toBeNull();
    expect(sheet.Range("B1,B3").MergeCells).toBeNull();
    expect(sheet.Cells.MergeCells).toBeNull();
  });

  test("MergeArea is the merged area holding the cell, else the cell", () => {
    const { sheet } = fakeOf();
    expect(sheet.Range("B1").MergeArea.Address(false, false)).toBe("A1:C1");
    expect(sheet.Range("B3").MergeArea.Address(false, false)).toBe("B3");
  });

  test("Merge merges the range, keeping the top-left value; across merges each row", () => {
    const { fake, sheet } = fakeOf();
    sheet.Range("A3:B4").Merge();
    expect(sheet.Range("A3:B4").Value2).toEqual([
      ["第一支部", undefined],
      [undefined, undefined],
    ]);
    sheet.Range("E1:F2").Merge(true);
    expect(fake.snapshot().sheets[0].merges).toEqual(["A1:C1", "A3:B4", "E1:F1", "E2:F2"]);
    sheet.Range("A3").MergeCells = false;
    expect(fake.snapshot().sheets[0].merges).toEqual(["A1:C1", "E1:F1", "E2:F2"]);
  });
});

describe("addresses and shapes", () => {
  test("Address is absolute by default; Address(false, false) is not; a union lists its areas", () => {
    const { sheet } = fakeOf();
    expect(sheet.Range("a1:c3").Address()).toBe("$A$1:$C$3");
    expect(sheet.Range("C3:A1").Address(false, false)).toBe("A1:C3");
    expect(sheet.Range("A1,B3:C4").Address()).toBe("$A$1,$B$3:$C$4");
    expect(sheet.Range("A1,B3:C4").Address(false, false)).toBe("A1,B3:C4");
    expect(sheet.Range("'报表'!B:C").Address()).toBe("$B:$C");
    expect(sheet.Range("2:5").Address(false, false)).toBe("2:5");
    expect(sheet.Cells.Address()).toBe("$1:$1048576");
  });

  test("Range throws on an invalid address, another sheet's, or one over 255 characters", () => {
    const { sheet } = fakeOf();
    for (const address of ["", "A0", "XFE1", "A1048577", "A1:B", "说明!A1", "A1:B2:C3", "名称"]) {
      expect(message(() => sheet.Range(address))).toMatch(/^Method 'Range' of object '_Worksheet' failed/);
    }
    const cells = Array.from({ length: 80 }, (_, i) => `B${i + 1}`);
    expect(cells.slice(0, 60).join(",").length).toBeLessThanOrEqual(255);
    expect(sheet.Range(cells.slice(0, 60).join(",")).Count).toBe(60);
    expect(cells.join(",").length).toBeGreaterThan(255);
    expect(() => sheet.Range(cells.join(","))).toThrow(/_Worksheet' failed/);
  });

  test("Row, Column, Rows.Count, Columns.Count of the first area; Count of all", () => {
    const { sheet } = fakeOf();
    const range = sheet.Range("B3:D7,F1");
    expect([range.Row, range.Column, range.Rows.Count, range.Columns.Count, range.Count]).toEqual([3, 2, 5, 3, 16]);
    expect(sheet.Cells.Count).toBe(1048576 * 16384);
  });

  test("Item(row, column) is relative and 1-based; Item(n) counts along rows; Resize keeps the top-left", () => {
    const { sheet } = fakeOf();
    const range = sheet.Range("B3:C4");
    expect(range.Item(1, 1).Address(false, false)).toBe("B3");
    expect(range.Item(2, 2).Value2).toBe(45300);
    expect(range.Item(3).Address(false, false)).toBe("B4");
    expect(range.Item(1, 3).Address(false, false)).toBe("D3");
    expect(sheet.Cells.Item(5, 2).Value2).toBe(DIV0);
    expect(range.Resize(1, 3).Address(false, false)).toBe("B3:D3");
    expect(range.Resize(undefined, 1).Address(false, false)).toBe("B3:B4");
    expect(() => range.Resize(0, 1)).toThrow();
    expect(() => sheet.Cells.Item(0, 1)).toThrow();
  });

  test("UsedRange starts at the first used row and column; A1 on an empty sheet", () => {
    const { fake, sheet } = fakeOf();
    expect(sheet.UsedRange.Address(false, false)).toBe("A1:C5");
    const empty = fake.root.ActiveWorkbook!.Worksheets.Item("说明");
    expect(empty.UsedRange.Address(false, false)).toBe("A1");
    empty.Range("C4").NumberFormat = "@";
    empty.Range("E9").AddComment("注");
    empty.Range("D3").Value2 = 1;
    expect(empty.UsedRange.Address(false, false)).toBe("C3:E9");
    empty.Range("C3:E9").NumberFormat = "General";
    empty.Range("D3").Value2 = "";
    expect(empty.UsedRange.Address(false, false)).toBe("E9");
  });
});

describe("comments", () => {
  test("Comment is null until AddComment; a second AddComment throws; Text and Delete", () => {
    const { fake, sheet } = fakeOf();
    const cell = sheet.Range("B3");
    expect(cell.Comment).toBeNull();
    expect(cell.AddComment("人数偏少").Text()).toBe("人数偏少");
    expect(cell.Comment!.Text()).toBe("人数偏少");
    expect(message(() => cell.AddComment("again"))).toMatch(/B3 already has a comment/);
    cell.Comment!.Delete();
    expect(cell.Comment).toBeNull();
    expect(fake.comments("报表")).toEqual({});
  });

  test("AddComment on a union notes its first cell; Worksheet.Comments goes row by row", () => {
    const { fake, sheet } = fakeOf();
    sheet.Range("C4").AddComment("二");
    sheet.Range("B3,A9").AddComment("一");
    sheet.Range("A5").AddComment("三");
    expect(fake.comments("报表")).toEqual({ B3: "一", C4: "二", A5: "三" });
    const comments = sheet.Comments;
    expect(comments.Count).toBe(3);
    expect([1, 2, 3].map((i) => comments.Item(i).Text())).toEqual(["一", "二", "三"]);
    expect(message(() => comments.Item(4))).toMatch(/^Subscript out of range/);
  });
});

describe("conditional formats", () => {
  test("Add on a union records its address, type, formula and the colours set on it", () => {
    const { fake, sheet } = fakeOf();
    const condition = sheet.Range("C5,E7").FormatConditions.Add(XL.expression, undefined, "=TRUE");
    condition.Interior.Color = bgr("#FFC7CE");
    condition.Font.Color = bgr("#9C0006");
    expect(fake.formatConditions("报表")).toEqual([{ address: "C5,E7", type: 2, formula1: "=TRUE", interiorColor: 0xcec7ff, fontColor: 0x06009c }]);
    expect(condition.Font.Bold).toBeNull();
  });

  test("Cells.FormatConditions lists all of the sheet's; a range's lists those touching it; Delete removes one", () => {
    const { fake, sheet } = fakeOf();
    sheet.Range("A1:A9").FormatConditions.Add(XL.expression, undefined, "=A1>5");
    sheet.Range("C5").FormatConditions.Add(XL.expression, undefined, "=TRUE");
    const all = sheet.Cells.FormatConditions;
    expect(all.Count).toBe(2);
    expect([all.Item(1).Formula1, all.Item(2).Type]).toEqual(["=A1>5", 2]);
    expect(sheet.Range("C1:C9").FormatConditions.Count).toBe(1);
    expect(sheet.Range("B1:B9").FormatConditions.Count).toBe(0);
    sheet.Range("C5").FormatConditions.Item(1).Delete();
    expect(fake.formatConditions("报表").map((f) => f.formula1)).toEqual(["=A1>5"]);
    expect(() => all.Item(2)).toThrow(/Subscript out of range/);
    expect(() => sheet.Range("A1").FormatConditions.Add(XL.expression)).toThrow();
  });
});

describe("validation", () => {
  test("Add records a validation and its texts; a second Add throws until Delete", () => {
    const { fake, sheet } = fakeOf();
    const validation = sheet.Range("B3:B20").Validation;
    validation.Add(XL.validateWholeNumber, XL.alertStop, XL.greaterEqual, "0");
    validation.InputTitle = "人数";
    validation.ErrorMessage = "请填写非负整数";
    validation.ShowInput = false;
    expect(fake.validations("报表")).toEqual([{ address: "B3:B20", type: 1, alertStyle: 1, operator: 7, formula1: "0", inputTitle: "人数", errorMessage: "请填写非负整数", showInput: false }]);
    expect([validation.InputTitle, validation.InputMessage, validation.ShowError]).toEqual(["人数", "", true]);
    expect(() => sheet.Range("B10").Validation.Add(XL.validateList, undefined, undefined, "是,否")).toThrow(/Delete it first/);
    sheet.Range("B10").Validation.Delete();
    sheet.Range("B10").Validation.Add(XL.validateList, undefined, undefined, "是,否");
    expect(fake.validations("报表").map((v) => v.address)).toEqual(["B3:B9,B11:B20", "B10"]);
  });

  test("texts over Excel's limits and reading where there is none throw", () => {
    const { sheet } = fakeOf();
    const validation = sheet.Range("C3").Validation;
    expect(() => validation.InputTitle).toThrow(/0 validations/);
    validation.Add(XL.validateDate, XL.alertStop, XL.between, "=DATE(2020,1,1)", "=DATE(2030,12,31)");
    expect(() => (validation.InputTitle = "题".repeat(33))).toThrow(/over 32/);
    expect(() => sheet.Range("D3").Validation.Add(XL.validateList, undefined, undefined, "是,".repeat(128))).toThrow(/over 255/);
  });
});

describe("names", () => {
  test("Add, Item by name or index, Count; a constant is stored as a formula of it; Add redefines", () => {
    const fake = createFakeEt(book());
    const names = fake.root.ActiveWorkbook!.Names;
    names.Add("人数", "=报表!$B$3", true);
    names.Add("_dj", "隐藏的\"设置\"", false);
    expect(names.Count).toBe(2);
    expect(names.Item(2).RefersTo).toBe('="隐藏的""设置"""');
    expect(names.Item("人数").Visible).toBe(true);
    names.Add("人数", "=报表!$B$4");
    expect(fake.names()).toEqual([
      { name: "人数", refersTo: "=报表!$B$4" },
      { name: "_dj", refersTo: '="隐藏的""设置"""', visible: false },
    ]);
    expect(message(() => names.Item("无"))).toMatch(/Names.Item\("无"\)/);
    expect(() => names.Add("B3", "=1")).toThrow(/invalid name/);
    names.Item("_dj").Delete();
    expect(names.Count).toBe(1);
  });

  test("a sheet's own name reads 'Sheet!Name' and is in the workbook's Names as well", () => {
    const fake = createFakeEt(book());
    const sheets = fake.root.ActiveWorkbook!.Worksheets;
    sheets.Item("报表").Names.Add("标记", "=1", false);
    sheets.Item("说明").Names.Add("标记", "=2", false);
    expect(sheets.Item("报表").Names.Item("标记").Name).toBe("报表!标记");
    expect(sheets.Item("报表").Names.Item(1).RefersTo).toBe("=1");
    const all = fake.root.ActiveWorkbook!.Names;
    expect(all.Count).toBe(2);
    expect(all.Item("说明!标记").RefersTo).toBe("=2");
    expect(() => all.Item("标记")).toThrow();
    expect(fake.names("报表")).toEqual([{ name: "标记", refersTo: "=1", visible: false }]);
    expect(fake.names()).toEqual([]);
  });
});

describe("worksheets", () => {
  test("Item by index or name (any case); a missing one throws 'Subscript out of range'", () => {
    const fake = createFakeEt({ name: "b.xlsx", sheets: [{ name: "Data", cells: [] }, { name: "报表", cells: [], visible: 0 }] });
    const sheets = fake.root.ActiveWorkbook!.Worksheets;
    expect(sheets.Count).toBe(2);
    expect(sheets.Item("data").Name).toBe("Data");
    expect([sheets.Item(2).Index, sheets.Item(2).Visible]).toEqual([2, 0]);
    expect(message(() => sheets.Item("无"))).toBe('Subscript out of range (Sheets.Item("无"))');
    expect(() => sheets.Item(3)).toThrow(/Subscript out of range/);
  });

  test("Add puts 'Sheet<n>' before the active sheet, or after the one given, and activates it", () => {
    const fake = createFakeEt(book(), { activeSheet: "说明" });
    const sheets = fake.root.ActiveWorkbook!.Worksheets;
    const added = sheets.Add();
    expect([added.Name, added.Index, fake.root.ActiveSheet!.Name]).toEqual(["Sheet3", 2, "Sheet3"]);
    const last = sheets.Add(undefined, sheets.Item(sheets.Count));
    expect([last.Name, last.Index]).toEqual(["Sheet4", 4]);
    expect(() => sheets.Add(sheets.Item(1), sheets.Item(2))).toThrow();
  });

  test("Name refuses a name taken (in any case) or invalid", () => {
    const { sheet } = fakeOf();
    expect(() => (sheet.Name = "说明")).toThrow(/already taken/);
    for (const name of ["a/b", "[x]", "", "x".repeat(32), "'x"]) expect(() => (sheet.Name = name)).toThrow(/invalid sheet name/);
    sheet.Name = "报表2025";
    expect(sheet.Name).toBe("报表2025");
  });

  test("Delete keeps a visible sheet, moves the active one on, and leaves the old object dead", () => {
    const fake = createFakeEt(book());
    const sheets = fake.root.ActiveWorkbook!.Worksheets;
    const report = sheets.Item("报表");
    report.Names.Add("标记", "=1");
    expect(() => report.Delete()).toThrow(/DisplayAlerts/);
    fake.root.DisplayAlerts = false;
    report.Delete();
    expect([sheets.Count, fake.root.ActiveSheet!.Name, fake.names("说明")]).toEqual([1, "说明", []]);
    expect(fake.root.ActiveWorkbook!.Names.Count).toBe(0);
    expect(() => report.Name).toThrow(/disconnected/);
    expect(() => sheets.Item(1).Delete()).toThrow(/one visible sheet/);
  });

  test("Visible hides and shows; a hidden sheet cannot be activated; the last visible one cannot be hidden", () => {
    const fake = createFakeEt(book());
    const sheets = fake.root.ActiveWorkbook!.Worksheets;
    sheets.Item("报表").Visible = XL.sheetVeryHidden;
    expect(fake.root.ActiveSheet!.Name).toBe("说明");
    expect(() => sheets.Item("报表").Activate()).toThrow(/Activate method/);
    expect(() => (sheets.Item("说明").Visible = XL.sheetHidden)).toThrow(/one visible sheet/);
    expect(() => (sheets.Item("说明").Visible = 1)).toThrow();
    sheets.Item("报表").Visible = XL.sheetVisible;
    sheets.Item("报表").Activate();
    expect(fake.root.ActiveSheet!.Name).toBe("报表");
  });

  test("Copy makes 'Name (2)' with the cells, formats, merges and the sheet's own names, and activates it", () => {
    const fake = createFakeEt(book());
    const sheets = fake.root.ActiveWorkbook!.Worksheets;
    const report = sheets.Item("报表");
    report.Names.Add("首格", "=报表!$A$1");
    report.Range("B3").FormatConditions.Add(XL.expression, undefined, "=TRUE");
    report.Copy(undefined, sheets.Item("说明"));
    report.Copy(sheets.Item(1));
    const names = [1, 2, 3, 4].map((i) => sheets.Item(i).Name);
    expect(names).toEqual(["报表 (3)", "报表", "说明", "报表 (2)"]);
    expect(fake.root.ActiveSheet!.Name).toBe("报表 (3)");
    const [original, copy] = fake.snapshot().sheets.filter((s) => s.name === "报表" || s.name === "报表 (2)");
    expect(copy).toEqual({ ...original, name: "报表 (2)", names: [{ name: "首格", refersTo: "='报表 (2)'!$A$1" }] });
    expect(() => report.Copy()).toThrow(/not modelled/);
  });
});

describe("styles and columns", () => {
  test("Interior.Color and Font are BGR per cell, white and automatic by default, null when mixed", () => {
    const { fake, sheet } = fakeOf();
    const range = sheet.Range("A2:C2");
    expect([range.Interior.Color, range.Font.Color, range.Font.Bold]).toEqual([16777215, 0, false]);
    range.Font.Bold = true;
    sheet.Range("A2").Interior.Color = bgr("#FFEB9C");
    expect(sheet.Range("A2").Interior.Color).toBe(0x9cebff);
    expect([range.Interior.Color, sheet.Range("A2:A3").Font.Bold]).toEqual([null, null]);
    expect(fake.boldCells("报表")).toEqual(["A2", "B2", "C2"]);
    expect(() => (range.Interior.Color = -1)).toThrow();
  });

  test("ColumnWidth is per column, the default until set, null across different widths", () => {
    const { fake, sheet } = fakeOf();
    expect(sheet.Range("A1").ColumnWidth).toBe(8.38);
    sheet.Range("B1:C1").ColumnWidth = 20;
    expect([sheet.Range("B3:C9").ColumnWidth, sheet.Range("A1:B1").ColumnWidth]).toEqual([20, null]);
    expect(fake.columnWidths("报表")).toEqual({ B: 20, C: 20 });
  });

  test("Select and Activate work on the active sheet only; AutoFilter toggles", () => {
    const { fake, sheet } = fakeOf();
    sheet.Range("F7").Select();
    expect(fake.selection("报表")).toBe("F7");
    expect(() => fake.root.ActiveWorkbook!.Worksheets.Item("说明").Range("A1").Activate()).toThrow(/Activate method of Range class failed/);
    sheet.Range("A2:C4").AutoFilter();
    expect(fake.snapshot().sheets[0].autoFilter).toBe("A2:C4");
    sheet.Range("A2:C4").AutoFilter();
    expect(fake.snapshot().sheets[0].autoFilter).toBeUndefined();
  });
});

describe("the application", () => {
  test("ActiveWindow's panes belong to the active sheet", () => {
    const fake = createFakeEt(book());
    const window = fake.root.ActiveWindow!;
    expect(window.Hwnd).toBe(fake.root.ActiveWindow!.Hwnd);
    window.SplitRow = 2;
    window.FreezePanes = true;
    fake.root.ActiveWorkbook!.Worksheets.Item("说明").Activate();
    expect([window.FreezePanes, window.SplitRow]).toEqual([false, 0]);
    expect(fake.freeze("报表")).toEqual({ freezePanes: true, splitRow: 2, splitColumn: 0 });
    expect(() => (window.SplitColumn = -1)).toThrow();
  });

  test("ScreenUpdating, Calculation (automatic by default, only the three modes) and Version", () => {
    const fake = createFakeEt(book());
    const app = fake.root;
    expect([app.ScreenUpdating, app.Calculation, app.Version]).toEqual([true, -4105, "12.1.0.20540"]);
    app.ScreenUpdating = false;
    app.Calculation = XL.calculationManual;
    expect([app.ScreenUpdating, app.Calculation]).toEqual([false, -4135]);
    expect(() => (app.Calculation = 1)).toThrow(/Calculation/);
    expect(createFakeEt(book(), { version: "11.1.0.9912" }).root.Version).toBe("11.1.0.9912");
  });

  test("task panes: hidden when created, numbered, found again by ID; Navigate is recorded", () => {
    const fake = createFakeEt(book());
    const pane = fake.root.CreateTaskPane("https://intranet/pane.html", "党建考核助手");
    const second = fake.root.CreateTaskPane("https://intranet/other.html");
    expect([pane.ID, second.ID, pane.Visible]).toEqual([1, 2, false]);
    pane.Visible = true;
    pane.Width = 420;
    fake.root.GetTaskPane(1)!.Navigate("https://intranet/pane.html#results");
    expect(fake.root.GetTaskPane(3)).toBeNull();
    expect(fake.taskPanes()[0]).toEqual({ id: 1, title: "党建考核助手", urls: ["https://intranet/pane.html", "https://intranet/pane.html#results"], visible: true, width: 420 });
  });

  test("PluginStorage keeps items in memory; a missing one is null", () => {
    const fake = createFakeEt(book());
    const storage = fake.root.PluginStorage;
    storage.setItem("roster", "名册");
    storage.setItem("gone", "x");
    storage.removeItem("gone");
    expect([storage.getItem("roster"), storage.getItem("gone")]).toEqual(["名册", null]);
    expect(fake.pluginStorage()).toEqual({ roster: "名册" });
  });

  test("AddCustomFunction is recorded, and absent from an older WPS", () => {
    const fake = createFakeEt(book());
    const fn = (x: unknown) => x;
    fake.root.AddCustomFunction!("DJ", "RATE", fn, { result: { type: "number" } });
    expect(fake.customFunctions.get("DJ.RATE")).toEqual({ fn, metadata: { result: { type: "number" } } });
    expect(fake.callLog).toEqual(["Application.AddCustomFunction"]);
    expect("AddCustomFunction" in createFakeEt(book(), { customFunctions: false }).root).toBe(false);
  });

  test("install sets the root as both Application and wps", () => {
    const fake = createFakeEt(book());
    const page: { Application?: unknown; wps?: unknown } = {};
    fake.install(page);
    expect(page.Application).toBe(fake.root);
    expect(page.wps).toBe(fake.root);
  });
});

describe("snapshot", () => {
  test("gives back the data it was made from, row by row", () => {
    const data = book();
    data.sheets[0].cells.sort(() => -1);
    const sorted = book();
    expect(createFakeEt(data).snapshot()).toEqual(sorted);
  });

  test("round-trips everything a sheet can hold", () => {
    const data: FakeBookData = {
      name: "全.xlsx",
      names: [{ name: "设置", refersTo: '="{}"', visible: false }],
      sheets: [
        {
          name: "报表",
          visible: 0,
          cells: [
            { address: "B2", value: "", comment: "空格注释", fill: 255, fontColor: 65280, bold: true },
            { address: "C2", value: "", formula: '=""', numberFormat: "@" },
          ],
          merges: ["D1:E2"],
          columnWidths: { A: 4, C: 30 },
          formatConditions: [{ address: "A1:A9,C3", type: 2, operator: 1, formula1: "=A1>5", interiorColor: 65535, bold: true }],
          validations: [{ address: "B3:B9", type: 3, formula1: "是,否", inputMessage: "选择", showError: false }],
          names: [{ name: "标记", refersTo: "=报表!$A$1" }],
          freeze: { freezePanes: true, splitRow: 3, splitColumn: 1 },
          autoFilter: "A3:E9",
        },
        { name: "说明", cells: [{ address: "A1", value: false }] },
      ],
    };
    const fake = createFakeEt(data);
    expect(fake.snapshot()).toEqual(data);
    expect(createFakeEt(fake.snapshot()).snapshot()).toEqual(data);
  });

  test("is the workbook as it was once what was written is undone", () => {
    const { fake, sheet } = fakeOf();
    const before = fake.snapshot();
    const range = sheet.Range("B3:C4");
    const saved = range.Formula;
    range.Value2 = [
      [1, 2],
      [3, 4],
    ];
    sheet.Range("B3").AddComment("注");
    expect(fake.snapshot()).not.toEqual(before);
    range.Formula = saved;
    sheet.Range("B3").Comment!.Delete();
    expect(fake.snapshot()).toEqual(before);
  });
});

test("runs on its own: transpiled alone, it needs no module and no DOM", () => {
  const source = readFileSync(join(__dirname, "fakeEt.ts"), "utf8");
  const js = ts.transpileModule(source, { compilerOptions: { target: ts.ScriptTarget.ES2017, module: ts.ModuleKind.CommonJS } }).outputText;
  const exports: { createFakeEt?: typeof createFakeEt } = {};
  runInNewContext(js, { exports });
  const fake = exports.createFakeEt!(book());
  const page: { wps?: { ActiveSheet: EtWorksheet } } = {};
  fake.install(page);
  const range: EtRange = page.wps!.ActiveSheet.Range("B3");
  expect(range.Value2).toBe(12);
  expect(js).not.toMatch(/require\(/);
});
