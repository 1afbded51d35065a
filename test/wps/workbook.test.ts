/**
 * WpsWorkbook over the fake ET model (test/wps/fakeEt.ts): what ends up in the workbook when each
 * kind of spec is written — values, "@" on strings so they stay text, formulas with their
 * structured references as A1 references, widths, frozen rows, validation, names, tags and the
 * record — the sheets of ours replaced and the user's never touched, fixes and their undo, the
 * values-only copy, import and its settling, and what it costs in object-model calls.
 */
import ExcelJS from "exceljs";
import { meetingsKind, resultsSheet, settingsSheet, submissionKind, templateSheet, validateWorkbooks, withDefaults } from "../../src/engine";
import type { CellFix, SheetSpec } from "../../src/engine/sheets/spec";
import { consolidatedSpec } from "../support/sheetSpec";
import { rowBlocks } from "../../src/host/blocks";
import { MARK_COLORS } from "../../src/host/marks";
import { bgr, XL, type EtApplication } from "../../src/wps/et";
import { WpsHostError } from "../../src/wps/errors";
import { chunksOf, RECORD_CHUNK, RECORD_SHEET } from "../../src/wps/record";
import { parseTag, tagFormula, TAG_NAME } from "../../src/wps/tags";
import { WpsWorkbook, WRITE_BLOCK_CELLS } from "../../src/wps/workbook";
import { cleanRow, sheet as submissionSheet } from "../engine/helpers";
import { createFakeEt, type FakeBookData, type FakeCellData, type FakeEt, type FakeSheetData } from "./fakeEt";

const LOCALE = "zh-CN" as const;

function workbookOn(fake: FakeEt, blockCells?: number): WpsWorkbook {
  return new WpsWorkbook(() => fake.root, { locale: LOCALE, blockCells });
}

function userBook(...sheets: FakeSheetData[]): FakeEt {
  return createFakeEt({ name: "考核.xlsx", sheets: sheets.length > 0 ? sheets : [{ name: "填报", cells: [{ address: "A1", value: "党支部名称" }] }] });
}

function sheetOf(fake: FakeEt, name: string): FakeSheetData {
  const found = fake.snapshot().sheets.find((s) => s.name === name);
  if (!found) throw new Error(`no sheet ${name} in ${fake.snapshot().sheets.map((s) => s.name).join(", ")}`);
  return found;
}

/** A sheet's cells by address. */
function cellsOf(fake: FakeEt, name: string): Record<string, FakeCellData> {
  return Object.fromEntries(sheetOf(fake, name).cells.map((cell) => [cell.address, cell]));
}

/** The tag a sheet carries, read from its own names as the adapter reads it. */
function tagOf(fake: FakeEt, name: string) {
  const tag = fake.names(name).find((n) => n.name === TAG_NAME);
  return tag && { ...parseTag(tag.refersTo), visible: tag.visible ?? true };
}

/** The JSON of the record sheet. */
function recordOf(fake: FakeEt): { fixes: unknown[]; names: { name: string; sheetId: string }[] } {
  const record = fake.snapshot().sheets.find((s) => tagOf(fake, s.name)?.role === "record");
  if (!record) throw new Error("no record sheet");
  return JSON.parse(record.cells.map((c) => String(c.value)).join(""));
}

/** Strings WPS would turn into formulas, numbers, booleans or errors if they arrived in a General cell. */
const TRICKY = ["=SUM(A1)", "=1+1", "001", "1/2", "TRUE", "#N/A"];

/** The writers' 汇总-like spec, with the zero fills a WPS sheet of ours carries. */
function consolidated(rows: number, name = "汇总"): SheetSpec {
  return { ...consolidatedSpec(rows, TRICKY, name), zeroFills: [{ row: 3, col: 1, rows, cols: 1 }] };
}

describe("writeSheet", () => {
  test("writes strings as text, numbers with their formats, formulas with A1 references, links, and the table as a plain range", async () => {
    const fake = userBook();
    const workbook = workbookOn(fake);
    expect(await workbook.writeSheet(consolidated(8))).toBe("汇总");
    const cells = cellsOf(fake, "汇总");
    TRICKY.forEach((text, i) => expect(cells[`A${4 + i}`]).toEqual({ address: `A${4 + i}`, value: text, numberFormat: "@" }));
    expect(cells.A1).toEqual({ address: "A1", value: "党建考核汇总", numberFormat: "@", bold: true });
    expect(cells.A3).toEqual({ address: "A3", value: "党支部名称", numberFormat: "@", bold: true });
    expect(cells.A10).toEqual({ address: "A10", value: "第7党支部", numberFormat: "@" });
    expect(cells.B4).toEqual({ address: "B4", value: 1, numberFormat: "0" });
    expect(cells.C5).toEqual({ address: "C5", value: 0.01, numberFormat: "0.00%" });
    // The table is A3:D11: its data rows are 4–11.
    expect(cells.D1).toMatchObject({ formula: "=ROWS($A$4:$D$11)" });
    expect(cells.D1.numberFormat).toBeUndefined();
    expect(cells.D4).toEqual({ address: "D4", value: '来源 "1"', formula: `=HYPERLINK("#'O''Brien ""报送""'!C5","来源 ""1""")` });
    expect(cells.B1).toBeUndefined();
    expect(fake.boldCells("汇总")).toEqual(["A1", "A3", "B3", "C3", "D3"]);
    expect(sheetOf(fake, "汇总").autoFilter).toBe("A3:D11");
  });

  test("sets widths in characters, freezes the rows, validates, names, fills zeros, tags the sheet and makes it active", async () => {
    const fake = userBook();
    await workbookOn(fake).writeSheet(consolidated(8));
    expect(fake.columnWidths("汇总")).toEqual({ A: 20, B: 10, C: 10, D: 16 });
    expect(fake.freeze("汇总")).toEqual({ freezePanes: true, splitRow: 3, splitColumn: 0 });
    expect(fake.validations("汇总")).toEqual([
      { address: "B4:B11", type: XL.validateWholeNumber, alertStyle: XL.alertStop, operator: XL.greaterEqual, formula1: "0", inputTitle: "党员人数", inputMessage: "填写整数", errorTitle: "输入有误", errorMessage: "必须是不小于 0 的整数" },
    ]);
    expect(fake.names()).toEqual([{ name: "DJ_Total", refersTo: "='汇总'!$D$1" }]);
    expect(fake.formatConditions("汇总")).toEqual([
      { address: "B4:B11", type: XL.expression, formula1: "=AND(ISNUMBER(B4),B4=0)", interiorColor: bgr(MARK_COLORS.error.fill), fontColor: bgr(MARK_COLORS.error.font) },
    ]);
    expect(tagOf(fake, "汇总")).toEqual({ id: expect.stringMatching(/^[0-9a-f]{16}$/), role: "consolidated", visible: false });
    expect(fake.root.ActiveSheet?.Name).toBe("汇总");
    // The name is recorded with the sheet it was made for, in a very hidden record sheet.
    const record = sheetOf(fake, RECORD_SHEET);
    expect(record.visible).toBe(XL.sheetVeryHidden);
    expect(record.cells.every((c) => c.numberFormat === "@")).toBe(true);
    expect(recordOf(fake).names).toEqual([{ name: "DJ_Total", sheetId: tagOf(fake, "汇总")?.id }]);
  });

  test("has no chart to make: it says so through lacks, and writes the rest", async () => {
    const fake = userBook();
    const workbook = workbookOn(fake);
    expect([...workbook.lacks].sort()).toEqual(["chart", "fileInsert", "tableStyle"]);
    await workbook.writeSheet(consolidated(3));
    expect(fake.callLog.some((call) => /chart/i.test(call))).toBe(false);
  });

  test("puts calculation and screen updating back, also when ET fails", async () => {
    const fake = userBook();
    await workbookOn(fake).writeSheet(consolidated(2));
    expect(fake.root.Calculation).toBe(-4105);
    expect(fake.root.ScreenUpdating).toBe(true);
    expect(fake.callLog.filter((call) => call === "Application.Calculation.set")).toHaveLength(2);

    const failing = createFakeEt({ name: "b.xlsx", sheets: [{ name: "填报", cells: [] }] }, { throwOnValue2Write: true });
    const error = await workbookOn(failing)
      .writeSheet(consolidated(2))
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(WpsHostError);
    expect(error).toMatchObject({ operation: "write", code: "Unknown", message: expect.stringMatching(/^写入工作表失败：Application-defined .*（WPS 错误：Unknown）$/) });
    expect((error as WpsHostError).original).toBeInstanceOf(Error);
    expect(failing.root.Calculation).toBe(-4105);
    expect(failing.root.ScreenUpdating).toBe(true);
  });

  test("refuses clearly when no workbook is open", async () => {
    const fake = userBook();
    const app = new Proxy(fake.root, { get: (target, key) => (key === "ActiveWorkbook" ? null : Reflect.get(target, key)) }) as EtApplication;
    const workbook = new WpsWorkbook(() => app, { locale: LOCALE });
    await expect(workbook.writeSheet(consolidated(1))).rejects.toMatchObject({ code: "NoWorkbook", operation: "write", message: "WPS 表格中没有打开的工作簿：请先打开或新建一个工作簿，再使用助手" });
    await expect(workbook.sheetNames()).rejects.toMatchObject({ code: "NoWorkbook", operation: "read" });
  });

  test("the results sheet: live formulas with their structured references in A1, one AutoFilter", async () => {
    const rows = [cleanRow(0), cleanRow(1, { levelPrev: "先进" }), cleanRow(2)];
    const { parsed } = validateWorkbooks([{ file: "a.xlsx", grids: [submissionSheet({ sheet: "机关", rows }).grid] }], { locale: LOCALE });
    const fake = userBook();
    expect(await workbookOn(fake).writeSheet(resultsSheet(parsed, withDefaults(), new Map(), LOCALE))).toBe("考核结果");
    const cells = cellsOf(fake, "考核结果");
    const levels = `IF(DJ_Levels="","后进,一般,先进",DJ_Levels)`;
    // DJ_Results is A1:J4 (three branches); the formulas of row 3 read row 3.
    expect(cells.H3.formula).toBe("=DJ.COMBINEDSCORE(E3,F3,DJ_PartyWeight,DJ_Method)");
    expect(cells.I3.formula).toBe(`=DJ.LEVEL(H3,G3,DJ_Thresholds,${levels})`);
    expect(cells.J3.formula).toBe(`=IF(H3="","",RANK.EQ(H3,$H$2:$H$4))`);
    expect(cells.H3.numberFormat).toBe("0.00");
    // The blocks right of it read DJ_Results's columns absolutely, and their own tables' rows relatively.
    expect(cells.L2.formula).toBe(`=DJ.TRANSITIONS($D$2:$D$4,$I$2:$I$4,${levels})`);
    const upgrade = Object.values(cells).filter((c) => c.formula?.startsWith("=DJ.UPGRADERATE("));
    expect(upgrade.map((c) => c.formula)).toContain(`=DJ.UPGRADERATE($D$2:$D$4,$I$2:$I$4,"",${levels})`);
    const counts = Object.values(cells).filter((c) => c.formula?.startsWith("=COUNTIF("));
    expect(counts).toHaveLength(6);
    for (const cell of counts) {
      const row = cell.address.replace(/^[A-Z]+/, "");
      const label = cell.address.startsWith("M") ? "L" : "O";
      expect(cell.formula).toBe(`=COUNTIF(${label === "L" ? "$D$2:$D$4" : "$I$2:$I$4"},${label}${row})`);
    }
    expect(Object.values(cells).some((c) => c.formula?.includes("["))).toBe(false);
    expect(sheetOf(fake, "考核结果").autoFilter).toBe("A1:J4");
    expect(fake.freeze("考核结果")).toMatchObject({ freezePanes: true, splitRow: 1 });
  });

  test("the template: validations as COM takes them (lists, dates as DATE formulas), untagged: it becomes the user's", async () => {
    const fake = userBook();
    const workbook = workbookOn(fake);
    const name = await workbook.writeSheet(templateSheet(submissionKind, withDefaults(), LOCALE, 5));
    const validations = fake.validations(name);
    const levels = validations.filter((v) => v.formula1 === "后进,一般,先进");
    expect(levels.length).toBeGreaterThan(0);
    // A list's operator is skipped (undefined), as COM ignores it.
    expect(levels.every((v) => v.type === XL.validateList && v.operator === undefined)).toBe(true);
    expect(validations).toContainEqual(expect.objectContaining({ type: XL.validateDecimal, operator: XL.between, formula1: "0", formula2: "100" }));
    expect(validations.every((v) => v.inputTitle && v.errorTitle === "输入有误")).toBe(true);
    expect(tagOf(fake, name)).toBeUndefined();
    expect(await workbook.sheetNames()).toEqual(["填报", name]);

    const meetings = await workbook.writeSheet(templateSheet(meetingsKind, withDefaults(), LOCALE, 5));
    expect(fake.validations(meetings)).toContainEqual(expect.objectContaining({ type: XL.validateDate, operator: XL.between, formula1: "=DATE(1900,3,1)", formula2: "=DATE(2099,12,31)" }));
    // A second template is added, never replacing the first.
    await workbook.writeSheet(templateSheet(submissionKind, withDefaults(), LOCALE, 5));
    expect((await workbook.sheetNames()).filter((n) => n.startsWith(name))).toHaveLength(2);
  });

  test("the settings sheet: its names are ours, replaced on a re-run; a user's name of the same spelling is refused in words", async () => {
    const fake = userBook();
    const workbook = workbookOn(fake);
    await workbook.writeSheet(settingsSheet(withDefaults(), LOCALE));
    const first = fake.names();
    expect(first.map((n) => n.name)).toContain("DJ_PartyWeight");
    expect(first.find((n) => n.name === "DJ_PartyWeight")?.refersTo).toBe("='参数'!$B$2");
    await workbook.writeSheet(settingsSheet(withDefaults(), LOCALE));
    expect(fake.names()).toEqual(first);
    expect(fake.snapshot().sheets.map((s) => s.name)).toEqual(["填报", "参数", RECORD_SHEET]);
    expect(recordOf(fake).names).toHaveLength(first.length);

    const theirs = createFakeEt({ name: "c.xlsx", sheets: [{ name: "填报", cells: [] }], names: [{ name: "DJ_PartyWeight", refersTo: "=填报!$A$1" }] });
    const before = theirs.snapshot();
    await expect(workbookOn(theirs).writeSheet(settingsSheet(withDefaults(), LOCALE))).rejects.toMatchObject({
      code: "NameTaken",
      operation: "write",
      message: "无法写入“参数”：工作簿中已有名称“DJ_PartyWeight”且不是助手创建的，助手不会覆盖它。请将该名称改名或删除后重试",
    });
    expect(theirs.snapshot()).toEqual(before);
  });
});

describe("sheets of ours and of the user", () => {
  test("ours is replaced in its place; a user's sheet of the wanted name is never touched, ours gets a suffix", async () => {
    const users: FakeSheetData = { name: "汇总", cells: [{ address: "A1", value: "我的汇总" }], columnWidths: { A: 30 } };
    const fake = userBook({ name: "填报", cells: [] }, users, { name: "说明", cells: [] });
    const workbook = workbookOn(fake);
    expect(await workbook.writeSheet(consolidated(3))).toBe("汇总 (2)");
    const firstId = tagOf(fake, "汇总 (2)")?.id;
    // The user moves on to another sheet; a re-run replaces ours where it stands.
    fake.root.ActiveWorkbook!.Worksheets.Item("填报").Activate();
    expect(await workbook.writeSheet(consolidated(8))).toBe("汇总 (2)");
    expect(fake.snapshot().sheets.map((s) => s.name)).toEqual(["填报", "汇总", "说明", "汇总 (2)", RECORD_SHEET]);
    expect(tagOf(fake, "汇总 (2)")?.id).not.toBe(firstId);
    expect(cellsOf(fake, "汇总 (2)").A11).toMatchObject({ value: "第8党支部" });
    expect(sheetOf(fake, "汇总")).toEqual(users);
    // The name made for the replaced sheet went with it; the new one is recorded for the new sheet.
    expect(recordOf(fake).names).toEqual([{ name: "DJ_Total", sheetId: tagOf(fake, "汇总 (2)")?.id }]);
  });

  test("sheetNames leaves ours out, readOwned reads the newest of a role, readSheet any sheet by name", async () => {
    const fake = userBook({ name: "填报", cells: [{ address: "A1", value: "党支部名称" }] }, { name: "旧表", visible: 0, cells: [] });
    const workbook = workbookOn(fake);
    await workbook.writeSheet({ role: "report", name: "问题清单", cells: [{ row: 0, col: 0, value: "序号" }] });
    expect(await workbook.sheetNames()).toEqual(["填报"]);
    expect((await workbook.readOwned("report"))?.cells).toEqual([[{ kind: "text", value: "序号" }]]);
    expect(await workbook.readOwned("flags")).toBeNull();
    expect((await workbook.readSheet("填报"))?.cells).toEqual([[{ kind: "text", value: "党支部名称" }]]);
    expect((await workbook.readSheet("问题清单"))?.sheet).toBe("问题清单");
    expect(await workbook.readSheet("名册")).toBeNull();
  });

  test("a tag survives a rename: the renamed sheet is still ours and still replaced", async () => {
    const fake = userBook();
    const workbook = workbookOn(fake);
    await workbook.writeSheet({ role: "flags", name: "预警", cells: [{ row: 0, col: 0, value: "旧" }] });
    fake.root.ActiveWorkbook!.Worksheets.Item("预警").Name = "我改的名";
    expect(await workbook.sheetNames()).toEqual(["填报"]);
    expect(await workbook.writeSheet({ role: "flags", name: "预警", cells: [{ row: 0, col: 0, value: "新" }] })).toBe("预警");
    expect(fake.snapshot().sheets.map((s) => s.name)).toEqual(["填报", "预警"]);
  });
});

describe("call counts", () => {
  /** A table of `rows` rows: text, a formatted number, a General number. */
  function long(rows: number): SheetSpec {
    return {
      role: "consolidated",
      name: "汇总",
      tables: [{ name: "T", row: 0, col: 0, columns: ["名称", "人数", "分数"], rows: Array.from({ length: rows }, (_, i) => [`第${i + 1}支部`, i, i / 2]), formats: [undefined, "0", undefined] }],
    };
  }

  test("a 100-row and a 10 000-row spec differ only by the number of blocks written", async () => {
    const counts: { calls: number; blocks: number; log: readonly string[] }[] = [];
    for (const rows of [100, 10_000]) {
      const fake = userBook();
      fake.resetCalls();
      await workbookOn(fake).writeSheet(long(rows));
      counts.push({ calls: fake.calls, blocks: rowBlocks(rows + 1, 3, WRITE_BLOCK_CELLS).length, log: fake.callLog });
      expect(fake.callLog.filter((call) => call === "Range.Value2.set")).toHaveLength(counts[counts.length - 1].blocks);
    }
    const [small, large] = counts;
    expect(small.blocks).toBe(1);
    expect(large.blocks).toBe(2);
    // A further block: a format for each of two formatted columns and one Value2, each on a Range.
    expect(large.calls - small.calls).toBe((large.blocks - small.blocks) * 6);
  });
});

describe("applyFixes / undoFixes", () => {
  function submission(): FakeEt {
    return userBook({
      name: "填报",
      cells: [
        { address: "B2", value: "12", numberFormat: "@" }, // a number stored as text
        { address: "C2", value: " 张三 " },
        { address: "D2", value: "001", numberFormat: "0.00" }, // text in a number-formatted cell
        { address: "E2", value: "5人" },
      ],
    });
  }
  const fixes: CellFix[] = [
    { sheet: "填报", cell: "B2", rule: "number-as-text", old: "12", new: 12 },
    { sheet: "填报", cell: "C2", rule: "bad-option", old: " 张三 ", new: "张三" },
    { sheet: "填报", cell: "D2", rule: "bad-option", old: "001", new: "1/2" },
    { sheet: "填报", cell: "E2", rule: "not-an-integer", old: "6人", new: 6 }, // the cell no longer holds old
    { sheet: "不存在", cell: "A1", rule: "not-an-integer", old: "1", new: 1 },
  ];

  test("apply where the cell still holds old, recorded; undo (by a new session) puts back every value and format", async () => {
    const fake = submission();
    const original = sheetOf(fake, "填报");
    const applied = await workbookOn(fake).applyFixes(fixes);
    expect(applied).toEqual(fixes.slice(0, 3));
    expect(cellsOf(fake, "填报")).toEqual({
      B2: { address: "B2", value: 12 },
      C2: { address: "C2", value: "张三" },
      D2: { address: "D2", value: "1/2", numberFormat: "0.00" },
      E2: { address: "E2", value: "5人" },
    });
    expect(await workbookOn(fake).recordedFixes()).toEqual(applied);
    expect(await workbookOn(fake).sheetNames()).toEqual(["填报"]);

    expect(await workbookOn(fake).undoFixes()).toEqual(applied);
    expect(sheetOf(fake, "填报")).toEqual(original);
    expect(await workbookOn(fake).recordedFixes()).toEqual([]);
  });

  test("undo leaves a cell the user changed since; nothing applied keeps the earlier record", async () => {
    const fake = submission();
    const workbook = workbookOn(fake);
    await workbook.applyFixes(fixes);
    fake.root.ActiveWorkbook!.Worksheets.Item("填报").Range("C2").Value2 = "李四";
    expect(await workbook.applyFixes([{ sheet: "填报", cell: "E2", rule: "not-an-integer", old: "6人", new: 6 }])).toEqual([]);
    expect(await workbook.recordedFixes()).toHaveLength(3);
    expect((await workbook.undoFixes()).map((f) => f.cell)).toEqual(["B2", "D2"]);
    expect(cellsOf(fake, "填报").C2).toEqual({ address: "C2", value: "李四" });
  });
});

describe("freeze", () => {
  /** Our results sheet as WPS holds it after calculating: formulas with their results, a spilled cell. */
  function calculated(): FakeEt {
    return createFakeEt({
      name: "考核.xlsx",
      sheets: [
        { name: "填报", cells: [] },
        {
          name: "考核结果",
          names: [{ name: TAG_NAME, refersTo: tagFormula({ id: "r1", role: "results" }), visible: false }],
          cells: [
            { address: "A1", value: "党支部", numberFormat: "@" },
            { address: "B1", value: 87.5, formula: "=DJ.COMBINEDSCORE(1,2)", numberFormat: "0.0" },
            { address: "C1", value: 1, formula: "=SEQUENCE(2)" },
            { address: "C2", value: 2 }, // spilled: no formula of its own
            { address: "D1", value: "=x", formula: '="="&"x"' },
            { address: "D2", value: "001", formula: '="00"&"1"' },
            { address: "E1", value: 3 },
            { address: "E2", value: { error: "#N/A" }, formula: "=NA()" },
          ],
          columnWidths: { A: 14 },
        },
      ],
    });
  }

  test("a values-only copy at the end: formulas replaced by their values, text kept as text, formats kept, tagged frozen", async () => {
    const fake = calculated();
    const original = sheetOf(fake, "考核结果");
    expect(await workbookOn(fake).freeze("results")).toBe("考核结果（数值）");
    expect(fake.snapshot().sheets.map((s) => s.name)).toEqual(["填报", "考核结果", "考核结果（数值）"]);
    expect(cellsOf(fake, "考核结果（数值）")).toEqual({
      A1: { address: "A1", value: "党支部", numberFormat: "@" },
      B1: { address: "B1", value: 87.5, numberFormat: "0.0" },
      C1: { address: "C1", value: 1 },
      C2: { address: "C2", value: 2 },
      D1: { address: "D1", value: "=x", numberFormat: "@" },
      D2: { address: "D2", value: "001", numberFormat: "@" },
      E1: { address: "E1", value: 3 },
      E2: { address: "E2", value: { error: "#N/A" } },
    });
    expect(fake.columnWidths("考核结果（数值）")).toEqual({ A: 14 });
    expect(sheetOf(fake, "考核结果")).toEqual(original);
    const tag = tagOf(fake, "考核结果（数值）");
    expect(tag).toMatchObject({ role: "frozen", visible: false });
    expect(tag?.id).not.toBe("r1");
    expect(fake.names("考核结果（数值）").filter((n) => n.name === TAG_NAME)).toHaveLength(1);
    expect(fake.root.ActiveSheet?.Name).toBe("考核结果（数值）");
    // The frozen copy is ours: never a submission; and freeze reads the newest results sheet, not it.
    expect(await workbookOn(fake).sheetNames()).toEqual(["填报"]);
  });

  test("writes runs of formula cells, never cell by cell", async () => {
    const rows = 500;
    const cells: FakeCellData[] = [];
    for (let r = 1; r <= rows; r++) {
      cells.push({ address: `A${r}`, value: `第${r}支部`, numberFormat: "@" });
      cells.push({ address: `B${r}`, value: r, formula: `=ROW()` });
      cells.push({ address: `C${r}`, value: "一般", formula: `=DJ.LEVEL(B${r})` });
    }
    const fake = createFakeEt({
      name: "a.xlsx",
      sheets: [
        { name: "填报", cells: [] },
        { name: "考核结果", names: [{ name: TAG_NAME, refersTo: tagFormula({ id: "r1", role: "results" }), visible: false }], cells },
      ],
    });
    fake.resetCalls();
    await workbookOn(fake).freeze("results");
    // Column B: one Value2; column C: "@" and one Value2.
    expect(fake.callLog.filter((call) => call === "Range.Value2.set")).toHaveLength(2);
    expect(fake.callLog.filter((call) => call === "Range.NumberFormat.set")).toHaveLength(1);
    expect(cellsOf(fake, "考核结果（数值）").C500).toEqual({ address: "C500", value: "一般", numberFormat: "@" });
  });

  test("without our sheet: a refusal in words", async () => {
    await expect(workbookOn(userBook()).freeze("results")).rejects.toMatchObject({
      code: "NotFound",
      operation: "freeze",
      message: "找不到助手生成的“评分结果”工作表，请先生成后再固化为数值",
    });
  });
});

describe("import", () => {
  /** A department's file: a title, a merged header cell, text that looks like numbers, a date, a boolean, an error, a hidden sheet. */
  async function departmentFile(): Promise<string> {
    const book = new ExcelJS.Workbook();
    const sheet = book.addWorksheet("Sheet1");
    sheet.getCell("A1").value = "填报单位：机关党委";
    sheet.mergeCells("A1:D1");
    sheet.getRow(2).values = ["党支部名称", "正式党员数", "填报日期", "是否设支委会", "备注"];
    sheet.getRow(3).values = ["001", 12, new Date(Date.UTC(2025, 2, 5)), true, "=1+1"];
    sheet.getCell("B4").value = { error: "#N/A" } as ExcelJS.CellErrorValue;
    const hidden = book.addWorksheet("说明");
    hidden.getCell("A1").value = "填表说明";
    hidden.state = "hidden";
    book.addWorksheet("空表");
    return Buffer.from(await book.xlsx.writeBuffer()).toString("base64");
  }

  test("inserts each visible sheet at the end as values, tagged imported, and reads it back", async () => {
    const fake = userBook({ name: "填报", cells: [] }, { name: "Sheet1", cells: [] });
    const workbook = workbookOn(fake);
    const inserted = await workbook.insertWorkbook(await departmentFile());
    expect(inserted.map((s) => s.name)).toEqual(["Sheet1 (2)", "空表"]);
    expect(fake.snapshot().sheets.map((s) => s.name)).toEqual(["填报", "Sheet1", "Sheet1 (2)", "空表"]);
    const cells = cellsOf(fake, "Sheet1 (2)");
    expect(cells.A1).toEqual({ address: "A1", value: "填报单位：机关党委", numberFormat: "@" });
    expect(cells.A3).toEqual({ address: "A3", value: "001", numberFormat: "@" });
    expect(cells.B3).toEqual({ address: "B3", value: 12 });
    expect(cells.C3).toEqual({ address: "C3", value: 45721, numberFormat: "yyyy-mm-dd" });
    expect(cells.D3).toEqual({ address: "D3", value: true });
    expect(cells.E3).toEqual({ address: "E3", value: "=1+1", numberFormat: "@" });
    expect(cells.B4).toEqual({ address: "B4", value: { error: "#N/A" } });
    expect(sheetOf(fake, "Sheet1 (2)").merges).toEqual(["A1:D1"]);
    expect(inserted[0].id).toBe(tagOf(fake, "Sheet1 (2)")?.id);
    expect(tagOf(fake, "Sheet1 (2)")).toEqual({ id: inserted[0].id, role: "imported", visible: false });
    // What validation sees is what WPS holds.
    const grid = inserted[0].grid;
    expect(grid.merges).toEqual([{ top: 1, left: 1, bottom: 1, right: 4 }]);
    expect(grid.cells[2]).toEqual([
      { kind: "text", value: "001" },
      { kind: "number", value: 12 },
      { kind: "date", serial: 45721 },
      { kind: "bool", value: true },
      { kind: "text", value: "=1+1" },
    ]);
    expect(grid.cells[3][1]).toEqual({ kind: "error", code: "#N/A" });
    // Not imported until settled; but already never a sheet of ours to leave out of validation.
    expect(await workbook.importedSheets()).toEqual([]);
    expect(await workbook.sheetNames()).toEqual(["填报", "Sheet1", "Sheet1 (2)", "空表"]);
  });

  test("settles: the removed deleted, the kept renamed after its unit (a suffix where a user's sheet has it) and listed as imported", async () => {
    const fake = userBook({ name: "填报", cells: [] }, { name: "机关党委", cells: [{ address: "A1", value: "用户的表" }] });
    const workbook = workbookOn(fake);
    const [main, empty] = await workbook.insertWorkbook(await departmentFile());
    const settled = await workbook.settleImport([{ id: main.id, unit: "机关党委" }], [empty.id]);
    expect(settled).toEqual([{ id: main.id, name: "机关党委 (2)", unit: "机关党委" }]);
    expect(fake.snapshot().sheets.map((s) => s.name)).toEqual(["填报", "机关党委", "机关党委 (2)"]);
    expect(cellsOf(fake, "机关党委").A1.value).toBe("用户的表");
    expect(await workbookOn(fake).importedSheets()).toEqual(settled);
    expect(tagOf(fake, "机关党委 (2)")).toMatchObject({ id: main.id, role: "imported", unit: "机关党委" });

    // Importing the department again: the earlier imported sheet may be replaced (removed) by a new session.
    const again = workbookOn(fake);
    const [next, nextEmpty] = await again.insertWorkbook(await departmentFile());
    const resettled = await again.settleImport([{ id: next.id, unit: "机关党委" }], [main.id, nextEmpty.id]);
    expect(resettled).toEqual([{ id: next.id, name: "机关党委 (2)", unit: "机关党委" }]);
    expect(fake.snapshot().sheets.map((s) => s.name)).toEqual(["填报", "机关党委", "机关党委 (2)"]);
  });

  test("a settle naming any other sheet is refused whole, and changes nothing", async () => {
    const fake = userBook();
    const workbook = workbookOn(fake);
    await workbook.writeSheet({ role: "report", name: "问题清单", cells: [{ row: 0, col: 0, value: "序号" }] });
    const [main, empty] = await workbook.insertWorkbook(await departmentFile());
    const ours = tagOf(fake, "问题清单")?.id as string;
    const before = fake.snapshot();
    await expect(workbook.settleImport([{ id: main.id, unit: "机关党委" }], [empty.id, ours])).rejects.toMatchObject({
      code: "NotImported",
      operation: "settle",
      message: "无法处理工作表“问题清单”：它不是刚导入的、也不是助手记录为导入的工作表，助手不会删除或改名用户的工作表",
    });
    await expect(workbook.settleImport([{ id: "nope", unit: "x" }], [])).rejects.toMatchObject({ code: "NotImported" });
    expect(fake.snapshot()).toEqual(before);
  });

  test("a file the reader refuses leaves as a WpsHostError in the reader's words", async () => {
    const error = await workbookOn(userBook())
      .insertWorkbook(Buffer.from("not a workbook").toString("base64"))
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(WpsHostError);
    expect(error).toMatchObject({ operation: "import", code: "WorkbookReadError" });
  });
});

describe("Value2 shapes", () => {
  test("a build that gives a one-row range as a 1-D array reads and writes the same", async () => {
    const data: FakeBookData = { name: "a.xlsx", sheets: [{ name: "填报", cells: [{ address: "B2", value: "12", numberFormat: "@" }] }] };
    const fake = createFakeEt(data, { oneRowAs1D: true });
    const workbook = workbookOn(fake);
    await workbook.writeSheet({ role: "report", name: "问题清单", cells: [{ row: 0, col: 0, value: "序号" }, { row: 0, col: 1, value: 1 }] });
    expect((await workbook.readOwned("report"))?.cells).toEqual([[{ kind: "text", value: "序号" }, { kind: "number", value: 1 }]]);
    await workbook.applyFixes([{ sheet: "填报", cell: "B2", rule: "number-as-text", old: "12", new: 12 }]);
    expect(await workbook.recordedFixes()).toHaveLength(1);
  });
});

describe("tags", () => {
  test("a tag is a JSON string literal of at most 255 characters, the unit cut to fit", () => {
    const plain = tagFormula({ id: "0123456789abcdef", role: "imported", unit: "机关党委" });
    expect(plain).toBe('="{""id"":""0123456789abcdef"",""role"":""imported"",""unit"":""机关党委""}"');
    expect(parseTag(plain)).toEqual({ id: "0123456789abcdef", role: "imported", unit: "机关党委" });
    const quotes = tagFormula({ id: "0123456789abcdef", role: "imported", unit: '"'.repeat(100) });
    expect(quotes.length - 3).toBeLessThanOrEqual(255);
    expect(parseTag(quotes)?.unit).toMatch(/^"+$/);
    expect(parseTag(tagFormula({ id: "x", role: "imported", unit: "单".repeat(100) }))?.unit).toBe("单".repeat(60));
  });

  test("a name of the same spelling that is not our JSON is no tag", () => {
    expect(parseTag('="hello"')).toBeUndefined();
    expect(parseTag("=Sheet1!$A$1")).toBeUndefined();
    expect(parseTag('="{""id"":""x"",""role"":""boss""}"')).toBeUndefined();
  });
});

describe("the record", () => {
  test("is cut in chunks of 30 000 characters, never inside a surrogate pair", () => {
    expect(chunksOf("a".repeat(RECORD_CHUNK * 2 + 1)).map((c) => c.length)).toEqual([RECORD_CHUNK, RECORD_CHUNK, 1]);
    const pair = "a".repeat(RECORD_CHUNK - 1) + "😀" + "b";
    expect(chunksOf(pair).map((c) => c.length)).toEqual([RECORD_CHUNK - 1, 3]);
    expect(chunksOf(pair).join("")).toBe(pair);
  });

  test("a record of many fixes spans cells of text, and a shorter one empties the cells it no longer needs", async () => {
    const cells: FakeCellData[] = [];
    const many: CellFix[] = [];
    for (let i = 1; i <= 2_000; i++) {
      cells.push({ address: `B${i}`, value: `${i}` });
      many.push({ sheet: "填报", cell: `B${i}`, rule: "number-as-text", old: `${i}`, new: i });
    }
    const fake = userBook({ name: "填报", cells });
    const workbook = workbookOn(fake);
    expect(await workbook.applyFixes(many)).toHaveLength(2_000);
    const record = sheetOf(fake, RECORD_SHEET).cells;
    expect(record.length).toBeGreaterThan(1);
    expect(record.every((c) => c.numberFormat === "@" && String(c.value).length <= RECORD_CHUNK)).toBe(true);
    expect(await workbookOn(fake).recordedFixes()).toEqual(many);
    expect(await workbookOn(fake).undoFixes()).toHaveLength(2_000);
    expect(sheetOf(fake, RECORD_SHEET).cells.filter((c) => c.value !== "")).toHaveLength(1);
    expect(await workbookOn(fake).recordedFixes()).toEqual([]);
  });
});
