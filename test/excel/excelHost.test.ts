/**
 * ExcelHost against office-addin-mock: what it reads, how many syncs it takes, and that Office
 * errors reach the caller as ExcelHostError with a Chinese message.
 */
import { ExcelHost } from "../../src/excel/excelHost";
import { ExcelHostError } from "../../src/excel/errors";
import { reasonOf } from "../../src/i18n";
import { countSyncs, mockExcel, type Mock, type SheetData } from "./fakeExcel";

function submission(rows: number, name = "填报"): SheetData {
  const values: unknown[][] = [["党支部名称", "党员人数"]];
  const valueTypes: string[][] = [["String", "String"]];
  for (let i = 1; i < rows; i++) {
    values.push([`第${i}党支部`, i]);
    valueTypes.push(["String", "Double"]);
  }
  return { name, used: `A1:B${rows}`, values, valueTypes, numberFormat: values.map(() => ["@", "0"]) };
}

function install(excel: Mock): void {
  (globalThis as Record<string, unknown>).Excel = excel;
}

afterEach(() => {
  delete (globalThis as Record<string, unknown>).Excel;
});

describe("ExcelHost.readWorkbooks", () => {
  test("reads every sheet, lists hidden ones unread, names the file after the workbook", async () => {
    const hidden: SheetData = { name: "旧表", visibility: "Hidden", used: "A1:A1", values: [["x"]], valueTypes: [["String"]] };
    const excel = mockExcel([submission(3), hidden, { name: "空表" }], { workbookName: "二〇二六年报送.xlsx" });
    install(excel);
    const books = await new ExcelHost({ locale: "zh-CN" }).readWorkbooks("all");
    expect(books).toHaveLength(1);
    expect(books[0].file).toBe("二〇二六年报送.xlsx");
    expect(books[0].grids.map((g) => [g.sheet, g.visible])).toEqual([
      ["填报", true],
      ["旧表", false],
      ["空表", true],
    ]);
    expect(books[0].grids[0].cells[2]).toEqual([
      { kind: "text", value: "第2党支部" },
      { kind: "number", value: 2 },
    ]);
    expect(books[0].grids[1].cells).toEqual([]); // hidden: never read
    expect(excel.context.workbook.worksheets.sheet1.rangeCalls).toBeUndefined();
    expect(books[0].grids[2].cells).toEqual([]);
  });

  test("active scope reads only the active sheet", async () => {
    install(mockExcel([submission(3, "甲"), submission(4, "乙")], { active: 1 }));
    const books = await new ExcelHost({ locale: "zh-CN" }).readWorkbooks("active");
    expect(books[0].grids.map((g) => g.sheet)).toEqual(["乙"]);
    expect(books[0].grids[0].cells).toHaveLength(4);
  });

  test("100 and 10 000 rows of one block take the same number of syncs", async () => {
    const counts: number[] = [];
    for (const rows of [100, 10_000]) {
      const excel = mockExcel([submission(rows)]);
      install(excel);
      const syncs = countSyncs(excel);
      const books = await new ExcelHost({ locale: "zh-CN" }).readWorkbooks("all");
      expect(books[0].grids[0].cells).toHaveLength(rows); // all rows really read
      expect(books[0].grids[0].cells[rows - 1][1]).toEqual({ kind: "number", value: rows - 1 });
      counts.push(syncs());
    }
    // 1 (sheet list) + 1 (used ranges) + 1 (the one block, with the merged areas).
    expect(counts).toEqual([3, 3]);
  });

  test("syncs grow with blocks: 10 000 rows × 2 columns in blocks of 1 000 cells, 2 blocks a sync", async () => {
    const excel = mockExcel([submission(10_000)]);
    install(excel);
    const syncs = countSyncs(excel);
    const progress: [number, number][] = [];
    const books = await new ExcelHost({ locale: "zh-CN", blockCells: 1_000, blocksPerSync: 2 }).readWorkbooks("all", (d, t) => progress.push([d, t]));
    expect(books[0].grids[0].cells).toHaveLength(10_000);
    expect(books[0].grids[0].cells[9_999][0]).toEqual({ kind: "text", value: "第9999党支部" });
    expect(excel.context.workbook.worksheets.sheet0.rangeCalls).toBe(20 + 1); // 20 blocks + the merge probe
    expect(syncs()).toBe(2 + 10); // 20 blocks / 2 per sync
    expect(progress.at(-1)).toEqual([20, 20]);
  });
});

describe("Office errors", () => {
  test("a method that throws reaches the caller as ExcelHostError with a Chinese message", async () => {
    const excel = mockExcel([submission(3)]);
    excel.context.workbook.worksheets.sheet0.getUsedRangeOrNullObject = () => {
      throw Object.assign(new Error("The operation is not allowed in cell edit mode."), { code: "InvalidOperationInCellEditMode" });
    };
    install(excel);
    const error = await new ExcelHost({ locale: "zh-CN" }).readWorkbooks("all").then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(ExcelHostError);
    expect((error as ExcelHostError).code).toBe("InvalidOperationInCellEditMode");
    expect((error as ExcelHostError).message).toBe(
      "读取工作表失败：Excel 正在编辑单元格，请先按 Enter 或 Esc 结束编辑后重试（Office 错误代码：InvalidOperationInCellEditMode）",
    );
  });

  test("a failing sync is not swallowed either; an unknown code keeps Office's own words", async () => {
    const excel = mockExcel([submission(3)]);
    install(excel);
    jest.spyOn(excel.context, "sync").mockRejectedValueOnce(Object.assign(new Error("内部错误"), { code: "GeneralException" }));
    await expect(new ExcelHost({ locale: "zh-CN" }).readWorkbooks("all")).rejects.toMatchObject({
      name: "ExcelHostError",
      code: "GeneralException",
      message: "读取工作表失败：内部错误（Office 错误代码：GeneralException）",
    });
  });

  test("selectCell: a missing sheet is an ExcelHostError; an existing one is activated and selected", async () => {
    const excel = mockExcel([submission(3, "甲")]);
    install(excel);
    const host = new ExcelHost({ locale: "zh-CN" });
    await host.selectCell("报送.xlsx", "甲", "B2");
    const sheet = excel.context.workbook.worksheets.sheet0;
    expect(sheet.activated).toBe(true);
    expect(sheet.cell_B2.selected).toBe(true);
    await expect(host.selectCell("报送.xlsx", "乙", "B2")).rejects.toMatchObject({
      name: "ExcelHostError",
      code: "ItemNotFound",
      message: expect.stringMatching(/^无法定位到该单元格：找不到对应的工作表或单元格/),
    });
  });

  test("the error is worded in the pane's language: English in English Office", async () => {
    const excel = mockExcel([submission(3)]);
    install(excel);
    const error: unknown = await new ExcelHost({ locale: "en-US" }).selectCell("x", "none", "A1").catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ExcelHostError);
    expect(reasonOf(error, "en-US")).toMatch(/^Could not go to the cell/);
    expect(reasonOf(error, "zh-CN")).toBe((error as ExcelHostError).message);
  });
});
