/**
 * The rest of ExcelHost.workbook against the fake workbook (fakeBook.ts): fixes and their undo,
 * 固化为数值, 导入, and the sheets the add-in owns being left out of validation.
 */
import type { CellFix, SheetSpec } from "../../src/engine/sheets/spec";
import { ExcelHost } from "../../src/excel/excelHost";
import { type BookState, install, newBook, newSheet, registryOf, reopenBook, sheetNamed, withOffice } from "./fakeBook";

beforeEach(() => withOffice(18));
afterEach(() => {
  delete (globalThis as Record<string, unknown>).Excel;
  delete (globalThis as Record<string, unknown>).Office;
});

const report: SheetSpec = { role: "report", name: "问题清单", cells: [{ row: 0, col: 0, value: "序号" }] };

describe("sheets the add-in owns", () => {
  test("are left out of validation and of sheetNames, after save and reopen; readOwned and readSheet read them", async () => {
    let state = newBook(newSheet("{USER-0}", "填报", { A1: { value: "党支部名称" } }), newSheet("{USER-1}", "旧表"));
    state.sheets[1].visibility = "Hidden";
    install(state);
    await new ExcelHost({ locale: "zh-CN" }).workbook!.writeSheet(report);
    state = reopenBook(state);
    const { syncs } = install(state);
    const host = new ExcelHost({ locale: "zh-CN" });
    const books = await host.readWorkbooks("all");
    expect(books[0].grids.map((g) => g.sheet)).toEqual(["填报", "旧表"]);
    expect(syncs()).toBe(4); // registry + sheets, its XML, used ranges, the one block (the hidden sheet is not read)
    expect(await host.workbook!.sheetNames()).toEqual(["填报"]);
    expect((await host.workbook!.readOwned("report"))?.cells).toEqual([[{ kind: "text", value: "序号" }]]);
    expect(await host.workbook!.readOwned("flags")).toBeNull();
    expect((await host.workbook!.readSheet("填报"))?.cells).toEqual([[{ kind: "text", value: "党支部名称" }]]);
    expect(await host.workbook!.readSheet("名册")).toBeNull();
  });
});

describe("applyFixes / undoFixes", () => {
  function submission(): BookState {
    return newBook(
      newSheet("{USER-0}", "填报", {
        B2: { value: "12", format: "@" }, // a number stored as text
        C2: { value: " 张三 ", format: "General" },
        D2: { value: "001", format: "0.00" }, // text in a number-formatted cell
        E2: { value: "5人", format: "General" },
      }),
    );
  }
  const fixes: CellFix[] = [
    { sheet: "填报", cell: "B2", rule: "number-as-text", old: "12", new: 12 },
    { sheet: "填报", cell: "C2", rule: "bad-option", old: " 张三 ", new: "张三" },
    { sheet: "填报", cell: "D2", rule: "bad-option", old: "001", new: "1/2" },
    { sheet: "填报", cell: "E2", rule: "not-an-integer", old: "6人", new: 6 }, // the cell no longer holds old
    { sheet: "不存在", cell: "A1", rule: "not-an-integer", old: "1", new: 1 },
  ];

  test("apply where the cell still holds old; record; after reopen, undo restores every value and format", async () => {
    let state = submission();
    const original = JSON.parse(JSON.stringify(state.sheets[0].cells)) as unknown;
    const applying = install(state);
    const applied = await new ExcelHost({ locale: "zh-CN" }).workbook!.applyFixes(fixes);
    expect(applied).toEqual(fixes.slice(0, 3));
    expect(applying.syncs()).toBe(3); // registry + sheets, the cells, the write
    const cells = state.sheets[0].cells;
    expect(cells.B2).toEqual({ value: 12, format: "General" }); // a number now, not text
    expect(cells.C2).toEqual({ value: "张三", format: "General" });
    expect(cells.D2).toEqual({ value: "1/2", format: "0.00" }); // stays text, format kept
    expect(cells.E2).toEqual({ value: "5人", format: "General" });
    expect(registryOf(state).fixes.map((f) => [f.cell, f.format, f.sheetId])).toEqual([
      ["B2", "@", "{USER-0}"],
      ["C2", "General", "{USER-0}"],
      ["D2", "0.00", "{USER-0}"],
    ]);

    state = reopenBook(state);
    state.sheets[0].name = "填报（改名）";
    install(state);
    const host = new ExcelHost({ locale: "zh-CN" });
    expect((await host.workbook!.recordedFixes()).map((f) => [f.sheet, f.cell])).toEqual([
      ["填报（改名）", "B2"],
      ["填报（改名）", "C2"],
      ["填报（改名）", "D2"],
    ]);
    const undoing = install(state);
    const undone = await host.workbook!.undoFixes();
    expect(undone.map((f) => f.cell)).toEqual(["B2", "C2", "D2"]);
    expect(undoing.syncs()).toBe(4); // registry + sheets, its XML, the cells, the write
    expect(state.sheets[0].cells).toEqual(original);
    expect(state.parts).toEqual([]);
    install(state);
    expect(await host.workbook!.recordedFixes()).toEqual([]);
  });

  test("undo leaves a cell the user changed since; 10 and 1 000 fixes take the same syncs", async () => {
    const state = submission();
    install(state);
    await new ExcelHost({ locale: "zh-CN" }).workbook!.applyFixes(fixes);
    state.sheets[0].cells.C2 = { value: "李四", format: "General" };
    install(state);
    expect((await new ExcelHost({ locale: "zh-CN" }).workbook!.undoFixes()).map((f) => f.cell)).toEqual(["B2", "D2"]);
    expect(state.sheets[0].cells.C2).toEqual({ value: "李四", format: "General" });

    const counts: number[] = [];
    for (const n of [10, 1_000]) {
      const cells: Record<string, { value: string }> = {};
      const many: CellFix[] = [];
      for (let i = 1; i <= n; i++) {
        cells[`B${i}`] = { value: `${i}` };
        many.push({ sheet: "填报", cell: `B${i}`, rule: "not-an-integer", old: `${i}`, new: i });
      }
      const book = newBook(newSheet("{USER-0}", "填报", cells));
      const { syncs } = install(book);
      expect(await new ExcelHost({ locale: "zh-CN" }).workbook!.applyFixes(many)).toHaveLength(n);
      counts.push(syncs());
    }
    expect(counts).toEqual([3, 3]);
  });
});

describe("freeze", () => {
  function withResults(): BookState {
    return newBook(newSheet("{USER-0}", "填报"));
  }
  const results: SheetSpec = {
    role: "results",
    name: "考核结果",
    cells: [
      { row: 0, col: 0, value: "党支部" },
      { row: 0, col: 1, value: { formula: "=DJ.SCORE(A2)" } },
      { row: 0, col: 2, value: { formula: "=SEQUENCE(2)" } },
      { row: 0, col: 3, value: { formula: '="="&"x"' } },
      { row: 0, col: 4, value: 3 },
    ],
  };

  test("a values-only copy: formulas and spills replaced by their values, strings kept as text, formats kept, recorded as frozen", async () => {
    const state = withResults();
    install(state);
    await new ExcelHost({ locale: "zh-CN" }).workbook!.writeSheet(results);
    // What Excel computed: the custom function's score, a spilled array, a formula giving "=x".
    const ours = sheetNamed(state, "考核结果");
    ours.cells.B1 = { value: 87.5, formula: "=DJ.SCORE(A2)", format: "0.0" };
    ours.cells.C1 = { value: 1, formula: "=SEQUENCE(2)", format: "General" };
    ours.cells.C2 = { value: 2, format: "General" }; // spilled: no formula of its own
    ours.cells.D1 = { value: "=x", formula: '="="&"x"', format: "General" };
    const { syncs } = install(state);
    expect(await new ExcelHost({ locale: "zh-CN" }).workbook!.freeze("results")).toBe("考核结果（数值）");
    const copy = sheetNamed(state, "考核结果（数值）");
    expect(copy.cells).toEqual({
      A1: { value: "党支部", format: "@" },
      B1: { value: 87.5, format: "0.0" },
      C1: { value: 1, format: "General" },
      C2: { value: 2, format: "General" },
      D1: { value: "=x", format: "General" },
      E1: { value: 3, format: "General" },
    });
    expect(sheetNamed(state, "考核结果").cells.B1.formula).toBe("=DJ.SCORE(A2)");
    expect(registryOf(state).owned.map((o) => [o.role, o.name])).toEqual([
      ["results", "考核结果"],
      ["frozen", "考核结果（数值）"],
    ]);
    expect(syncs()).toBe(5); // registry + sheets, its XML, copy + used range, read, write
  });

  test("without ExcelApi 1.7, or without our sheet: a Chinese refusal", async () => {
    const state = withResults();
    install(state);
    await expect(new ExcelHost({ locale: "zh-CN" }).workbook!.freeze("results")).rejects.toMatchObject({ code: "NotFound", message: "找不到助手生成的“评分结果”工作表，请先生成后再固化为数值" });
    withOffice(6);
    await expect(new ExcelHost({ locale: "zh-CN" }).workbook!.freeze("results")).rejects.toMatchObject({ code: "ApiNotSupported", message: "当前 Excel 版本不能复制工作表（需要 ExcelApi 1.7）" });
  });
});

describe("import", () => {
  function withFile(): BookState {
    const state = newBook(newSheet("{USER-0}", "填报"), newSheet("{USER-1}", "机关党委"));
    state.files["BASE64"] = [newSheet("x", "Sheet1", { A1: { value: "填报单位：机关党委" } }), newSheet("y", "说明", { A1: { value: "填表说明" } })];
    return state;
  }

  test("inserts at the end, reads back, settles: renamed after the unit (suffix when taken, sanitised), the rest deleted, recorded", async () => {
    const state = withFile();
    const { syncs } = install(state);
    const host = new ExcelHost({ locale: "zh-CN" });
    const inserted = await host.workbook!.insertWorkbook("BASE64");
    expect(inserted.map((s) => [s.name, s.grid.cells])).toEqual([
      ["Sheet1", [[{ kind: "text", value: "填报单位：机关党委" }]]],
      ["说明", [[{ kind: "text", value: "填表说明" }]]],
    ]);
    expect(syncs()).toBe(4); // insert, the new sheets, used ranges, the block
    const settled = await host.workbook!.settleImport([{ id: inserted[0].id, unit: "机关党委" }], [inserted[1].id]);
    expect(settled).toEqual([{ id: inserted[0].id, name: "机关党委 (2)", unit: "机关党委" }]);
    expect(state.sheets.map((s) => s.name)).toEqual(["填报", "机关党委", "机关党委 (2)"]);
    expect(await host.workbook!.importedSheets()).toEqual(settled);

    // Imported again in a later session: the earlier sheet may be replaced; a unit with / and : is sanitised.
    const again = new ExcelHost({ locale: "zh-CN" });
    const next = await again.workbook!.insertWorkbook("BASE64");
    await again.workbook!.settleImport([{ id: next[0].id, unit: "机关党委/办公室:一" }], [settled[0].id, next[1].id]);
    expect(state.sheets.map((s) => s.name)).toEqual(["填报", "机关党委", "机关党委_办公室_一"]);
    expect((await again.workbook!.importedSheets()).map((s) => s.name)).toEqual(["机关党委_办公室_一"]);
  });

  test("settleImport refuses to delete or rename a user's sheet, and deletes nothing", async () => {
    const state = withFile();
    install(state);
    const host = new ExcelHost({ locale: "zh-CN" });
    const inserted = await host.workbook!.insertWorkbook("BASE64");
    const before = JSON.stringify(state);
    await expect(host.workbook!.settleImport([], [inserted[1].id, "{USER-1}"])).rejects.toMatchObject({
      name: "ExcelHostError",
      code: "NotImported",
      message: "无法处理工作表“机关党委”：它不是刚导入的、也不是助手记录为导入的工作表，助手不会删除或改名用户的工作表",
    });
    await expect(host.workbook!.settleImport([{ id: "{USER-0}", unit: "x" }], [])).rejects.toMatchObject({ code: "NotImported" });
    expect(JSON.stringify(state)).toBe(before);
    // Another session did not insert them: it may not delete them either.
    await expect(new ExcelHost({ locale: "zh-CN" }).workbook!.settleImport([], [inserted[1].id])).rejects.toMatchObject({ code: "NotImported" });
  });

  test("without ExcelApi 1.13: a Chinese refusal, nothing inserted", async () => {
    withOffice(12);
    const state = withFile();
    install(state);
    await expect(new ExcelHost({ locale: "zh-CN" }).workbook!.insertWorkbook("BASE64")).rejects.toMatchObject({
      code: "ApiNotSupported",
      message: "当前 Excel 版本不能导入工作表（需要 ExcelApi 1.13：Microsoft 365、Excel 2021 或网页版 Excel）",
    });
    expect(state.sheets).toHaveLength(2);
  });
});
