/**
 * ExcelHost.workbook.writeSheet against the fake workbook (fakeBook.ts): what ends up in the
 * workbook — cells as text or numbers or formulas, tables, validations, names, charts, the
 * registry — and how many context.sync() calls it takes.
 */
import type { SheetSpec } from "../../src/engine/sheets/spec";
import { consolidatedSpec } from "../support/sheetSpec";
import { ExcelHostError } from "../../src/excel/errors";
import { MARK_COLORS } from "../../src/host/marks";
import { ExcelHost } from "../../src/excel/excelHost";
import { entered, install, newBook, newSheet, registryOf, reopenBook, sheetNamed, withOffice } from "./fakeBook";

beforeEach(() => withOffice(18));
afterEach(() => {
  delete (globalThis as Record<string, unknown>).Excel;
  delete (globalThis as Record<string, unknown>).Office;
});

/** Strings Excel would turn into formulas, numbers or dates if they arrived in a General cell. */
const TRICKY = ["=SUM(A1)", "+1", "-2", "@x", "001", "1/2"];

function consolidated(rows: number, name = "汇总"): SheetSpec {
  return consolidatedSpec(rows, TRICKY, name);
}

describe("the fake converts like Excel (so the tests below can fail)", () => {
  test.each(TRICKY)("%s in a General cell is not kept as the string; in a Text cell it is", (text) => {
    expect(entered(text, "General")).not.toEqual({ value: text });
    expect(entered(text, "@")).toEqual({ value: text });
  });
  test("a number arriving in a Text cell is stored as text", () => {
    expect(entered(12, "@")).toEqual({ value: "12" });
  });
});

describe("writeSheet", () => {
  test("writes strings as text, numbers with the column formats, formulas, links, the table, validation, name, chart and record", async () => {
    const state = newBook(newSheet("{USER-1}", "填报"));
    const { log } = install(state);
    const name = await new ExcelHost({ locale: "zh-CN" }).workbook!.writeSheet(consolidated(8));
    expect(name).toBe("汇总");
    const sheet = sheetNamed(state, "汇总");
    TRICKY.forEach((text, i) => expect(sheet.cells[`A${4 + i}`]).toEqual({ value: text, format: "@" }));
    expect(sheet.cells.A1).toEqual({ value: "党建考核汇总", format: "@", bold: true });
    expect(sheet.cells.A3).toEqual({ value: "党支部名称", format: "@" });
    expect(sheet.cells.A10).toEqual({ value: "第7党支部", format: "@" });
    expect(sheet.cells.B4).toEqual({ value: 1, format: "0" });
    expect(sheet.cells.C5).toEqual({ value: 0.01, format: "0.00%" });
    expect(sheet.cells.D1).toEqual({ value: "", formula: "=ROWS(Consolidated)", format: "General" });
    expect(sheet.cells.D4).toEqual({ value: "", formula: `=HYPERLINK("#'O''Brien ""报送""'!C5","来源 ""1""")`, format: "General" });
    expect(sheet.cells.B1).toBeUndefined();
    expect(sheet.tables).toEqual([{ name: "Consolidated", address: "A3:D11" }]);
    expect(sheet.validations).toEqual([
      {
        address: "B4:B11",
        rule: { wholeNumber: { operator: "GreaterThanOrEqualTo", formula1: 0 } },
        prompt: { showPrompt: true, title: "党员人数", message: "填写整数" },
        errorAlert: { showAlert: true, style: "Stop", title: "输入有误", message: "必须是不小于 0 的整数" },
      },
    ]);
    expect(state.names).toEqual([{ name: "DJ_Total", reference: "='汇总'!$D$1", comment: "汇总行数" }]);
    expect(sheet.charts).toEqual([{ type: "ColumnClustered", source: "A3:B6", seriesBy: "Auto", title: "党员人数", position: ["G3", "N17"] }]);
    expect(sheet.widths).toEqual({ A: 108.75, B: 56.25, C: 56.25, D: 87.75 });
    expect(sheet.frozenRows).toBe(3);
    expect(state.activeId).toBe(sheet.id);
    expect(registryOf(state)).toEqual({
      version: 1,
      owned: [{ id: sheet.id, role: "consolidated", name: "汇总" }],
      tables: [{ name: "Consolidated", sheetId: sheet.id }],
      names: [{ name: "DJ_Total", sheetId: sheet.id }],
      imported: [],
      fixes: [],
    });
    // Calculation manual during the write, the user's mode back after; screen updating off for each write sync.
    expect(log.calculationModes).toEqual(["Manual", "Automatic"]);
    expect(state.calculationMode).toBe("Automatic");
    expect(log.screenSuspended).toBe(2);
    expect(state.sheets.map((s) => s.name)).toEqual(["填报", "汇总"]);
  });

  test("100 and 10 000 rows in one block take the same syncs; blocks add one sync per batch", async () => {
    const counts: number[] = [];
    for (const rows of [100, 10_000]) {
      const state = newBook(newSheet("{USER-1}", "填报"));
      const { syncs } = install(state);
      await new ExcelHost({ locale: "zh-CN", writeBlockCells: 1_000_000 }).workbook!.writeSheet(consolidated(rows));
      const sheet = sheetNamed(state, "汇总");
      expect(sheet.cells[`A${3 + rows}`]).toEqual({ value: `第${rows}党支部`, format: "@" });
      expect(sheet.cells[`B${3 + rows}`]).toEqual({ value: rows, format: "0" });
      expect(sheet.tables[0].address).toBe(`A3:D${3 + rows}`);
      counts.push(syncs());
    }
    // registry + sheets (no record yet: no XML sync), the one block with the new sheet, tables/names/record.
    expect(counts).toEqual([3, 3]);

    // 10 003 canvas rows × 4 columns in blocks of 4 000 cells (1 000 rows): 11 blocks, 2 a sync → 6 batches.
    const state = newBook();
    const { syncs } = install(state);
    await new ExcelHost({ locale: "zh-CN", writeBlockCells: 4_000, writeBlocksPerSync: 2 }).workbook!.writeSheet(consolidated(10_000));
    expect(syncs()).toBe(1 + 6 + 1);
    expect(sheetNamed(state, "汇总").cells.A10003).toEqual({ value: "第10000党支部", format: "@" });
  });

  test("a user's sheet of the wanted name is never touched: ours gets a suffix; a re-run replaces ours in place", async () => {
    const user = newSheet("{USER-1}", "汇总", { A1: { value: "我的汇总" } });
    user.tables.push({ name: "Consolidated", address: "A1:A2" });
    let state = newBook(newSheet("{USER-0}", "填报"), user, newSheet("{USER-2}", "备注"));
    install(state);
    expect(await new ExcelHost({ locale: "zh-CN" }).workbook!.writeSheet(consolidated(3))).toBe("汇总 (2)");
    const first = sheetNamed(state, "汇总 (2)");
    expect(first.tables.map((t) => t.name)).toEqual(["Consolidated_2"]);
    expect(sheetNamed(state, "汇总")).toEqual(newSheetWithTable());

    // The user moves our sheet between theirs; save, close, reopen; run again.
    state.sheets.splice(state.sheets.indexOf(first), 1);
    state.sheets.splice(1, 0, first);
    state = reopenBook(state);
    const { log, syncs } = install(state);
    expect(await new ExcelHost({ locale: "zh-CN" }).workbook!.writeSheet(consolidated(5))).toBe("汇总 (2)");
    expect(log.deleted).toEqual(["~汇总 (2)"]); // ours, stepped aside and deleted; nothing else
    expect(state.sheets.map((s) => s.name)).toEqual(["填报", "汇总 (2)", "汇总", "备注"]);
    const second = sheetNamed(state, "汇总 (2)");
    expect(second.id).not.toBe(first.id);
    expect(second.cells.A8).toEqual({ value: "001", format: "@" });
    expect(second.tables.map((t) => t.name)).toEqual(["Consolidated_2"]);
    expect(sheetNamed(state, "汇总")).toEqual(newSheetWithTable());
    expect(registryOf(state).owned).toEqual([{ id: second.id, role: "consolidated", name: "汇总 (2)" }]);
    // Our earlier name was replaced, pointing at the new sheet.
    expect(state.names).toEqual([{ name: "DJ_Total", reference: "='汇总 (2)'!$D$1", comment: "汇总行数" }]);
    expect(syncs()).toBe(4); // the record exists now: one more sync for its XML

    function newSheetWithTable() {
      const expected = newSheet("{USER-1}", "汇总", { A1: { value: "我的汇总" } });
      expected.tables.push({ name: "Consolidated", address: "A1:A2" });
      return expected;
    }
  });

  test("a recorded sheet the user deleted is forgotten; the name is free again", async () => {
    const state = newBook(newSheet("{USER-0}", "填报"));
    install(state);
    await new ExcelHost({ locale: "zh-CN" }).workbook!.writeSheet(consolidated(3));
    state.sheets = state.sheets.filter((s) => s.name !== "汇总");
    install(state);
    expect(await new ExcelHost({ locale: "zh-CN" }).workbook!.writeSheet(consolidated(3))).toBe("汇总");
    expect(registryOf(state).owned.map((o) => o.name)).toEqual(["汇总"]);
  });

  test("a user's defined name of a wanted name: a clear refusal, and the workbook unchanged", async () => {
    const state = newBook(newSheet("{USER-0}", "填报"));
    state.names.push({ name: "DJ_Total", reference: "='填报'!$A$1" });
    const before = JSON.stringify(state);
    install(state);
    const error = await new ExcelHost({ locale: "zh-CN" }).workbook!.writeSheet(consolidated(3)).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ExcelHostError);
    expect(error).toMatchObject({
      code: "NameTaken",
      operation: "write",
      message: "无法写入“汇总”：工作簿中已有名称“DJ_Total”且不是助手创建的，助手不会覆盖它。请将该名称改名或删除后重试",
    });
    expect(JSON.stringify(state)).toBe(before);
  });

  test("a date validation, and zero cells of an area filled red by a conditional format that leaves blanks alone", async () => {
    const state = newBook();
    install(state);
    const spec: SheetSpec = {
      role: "coverage",
      name: "三会一课覆盖",
      cells: [
        { row: 0, col: 0, value: "党支部" },
        { row: 1, col: 0, value: "第一党支部" },
        { row: 1, col: 1, value: 0 },
        { row: 1, col: 2, value: 2 },
      ],
      validations: [{ area: { row: 1, col: 4, rows: 10, cols: 1 }, rule: { kind: "date", min: "1900-03-01", max: "2099-12-31" } }],
      zeroFills: [{ row: 1, col: 1, rows: 5, cols: 12 }],
    };
    await new ExcelHost({ locale: "zh-CN" }).workbook!.writeSheet(spec);
    const sheet = sheetNamed(state, "三会一课覆盖");
    expect(sheet.validations).toEqual([{ address: "E2:E11", rule: { date: { operator: "Between", formula1: "1900-03-01", formula2: "2099-12-31" } } }]);
    expect(sheet.formats).toEqual([
      { id: expect.any(String), type: "Custom", ranges: "B2:M6", formula: "=AND(ISNUMBER(B2),B2=0)", fill: MARK_COLORS.error.fill, font: MARK_COLORS.error.font },
    ]);
  });

  test("template and frozen sheets always add a sheet; a template is not recorded as ours", async () => {
    const state = newBook(newSheet("{USER-0}", "填报"));
    install(state);
    const template: SheetSpec = {
      role: "template",
      name: "填报模板",
      cells: [{ row: 0, col: 0, value: "党支部名称" }],
      validations: [{ area: { row: 1, col: 1, rows: 100, cols: 1 }, rule: { kind: "list", options: ["好", "较好", "一般", "差"] } }],
    };
    const host = new ExcelHost({ locale: "zh-CN" });
    expect(await host.workbook!.writeSheet(template)).toBe("填报模板");
    expect(await host.workbook!.writeSheet(template)).toBe("填报模板 (2)");
    expect(sheetNamed(state, "填报模板").validations).toEqual([{ address: "B2:B101", rule: { list: { inCellDropDown: true, source: "好,较好,一般,差" } } }]);
    expect(state.parts).toEqual([]);
    const frozen: SheetSpec = { role: "frozen", name: "结果", cells: [{ row: 0, col: 0, value: 1 }] };
    await host.workbook!.writeSheet(frozen);
    await host.workbook!.writeSheet(frozen);
    expect(state.sheets.map((s) => s.name)).toEqual(["填报", "填报模板", "填报模板 (2)", "结果", "结果 (2)"]);
    expect(registryOf(state).owned.map((o) => [o.role, o.name])).toEqual([
      ["frozen", "结果"],
      ["frozen", "结果 (2)"],
    ]);
    // Templates are the user's: listed with their sheets; frozen copies are ours.
    expect(await host.workbook!.sheetNames()).toEqual(["填报", "填报模板", "填报模板 (2)"]);
  });

  test("an Office failure mid-write leaves as ExcelHostError in Chinese and calculation is put back", async () => {
    const state = newBook(newSheet("{USER-0}", "填报"));
    const { excel, log } = install(state);
    const sheets = excel.context.workbook.worksheets;
    const add = sheets.add.bind(sheets);
    sheets.add = (name: string) => {
      const sheet = add(name);
      sheet.tables.add = () => {
        throw Object.assign(new Error("Access denied"), { code: "AccessDenied" });
      };
      return sheet;
    };
    await expect(new ExcelHost({ locale: "zh-CN" }).workbook!.writeSheet(consolidated(3))).rejects.toMatchObject({
      name: "ExcelHostError",
      code: "AccessDenied",
      message: "写入工作表失败：工作簿受保护或为只读，无法修改（Office 错误代码：AccessDenied）",
    });
    expect(log.calculationModes).toEqual(["Manual", "Automatic"]);
    expect(state.calculationMode).toBe("Automatic");
  });

  test("older Excel (ExcelApi 1.7): no calculation or screen-updating calls, same cells", async () => {
    withOffice(7);
    const state = newBook();
    const { log } = install(state);
    await new ExcelHost({ locale: "zh-CN" }).workbook!.writeSheet(consolidated(3));
    expect(log.calculationModes).toEqual([]);
    expect(log.screenSuspended).toBe(0);
    expect(sheetNamed(state, "汇总").cells.A4).toEqual({ value: "=SUM(A1)", format: "@" });
  });
});
