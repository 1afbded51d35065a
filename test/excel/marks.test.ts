/**
 * Marks and 清除标记, asserted on what ends up in the workbook (the fake of fakeBook.ts) and
 * on the number of context.sync() calls (office-addin-mock's context).
 */
import type { Finding, Severity } from "../../src/engine";
import { columnLetter } from "../../src/engine";
import { ExcelHost } from "../../src/excel/excelHost";
import { ExcelHostError } from "../../src/excel/errors";
import { MARKS_NAMESPACE, recordFromXml } from "../../src/excel/marks";
import { SIGNATURE } from "../../src/host/marks";
import { MARK_COLORS, NOTE_PREFIX } from "../../src/host/marks";
import { install, newBook, newSheet, reopenBook, withOffice, type BookState } from "./fakeBook";

function finding(sheet: string, cell: string, severity: Severity, message = "党员人数不能为空"): Finding {
  const m = /^([A-Z]+)(\d+)$/.exec(cell)!;
  return { rule: "missing-value", severity, sheet, cell, row: Number(m[2]), column: m[1], message };
}

/** n distinct cells, spread over 10 columns. */
function manyFindings(n: number, sheet = "填报"): Finding[] {
  return Array.from({ length: n }, (_, i) => finding(sheet, `${columnLetter(2 + (i % 10))}${3 + Math.floor(i / 10)}`, i % 3 === 0 ? "warning" : "error"));
}

/** A workbook of empty sheets with these names. */
function emptyState(...names: string[]): BookState {
  return newBook(...names.map((name, i) => newSheet(`{SHEET-${i}}`, name)));
}

beforeEach(() => withOffice(18));
afterEach(() => {
  delete (globalThis as Record<string, unknown>).Excel;
  delete (globalThis as Record<string, unknown>).Office;
});

describe("markFindings", () => {
  test("writes one red and one amber custom format per sheet, a note per cell, and the record", async () => {
    const state = emptyState("填报", "汇总");
    const { log } = install(state);
    await new ExcelHost({ locale: "zh-CN" }).markFindings([
      finding("填报", "C5", "error", "党员人数不能为空"),
      finding("填报", "C5", "warning", "与上年相差过大"),
      finding("填报", "D6", "warning", "预算执行率偏低"),
      finding("填报", "E7", "error", "不是数字"),
      finding("填报", "F8", "info", "仅提示"),
      finding("不存在的表", "A1", "error", "x"),
    ]);
    const sheet = state.sheets[0];
    expect(sheet.formats).toEqual([
      { id: expect.any(String), type: "Custom", ranges: "C5,E7", formula: SIGNATURE.error, fill: MARK_COLORS.error.fill, font: MARK_COLORS.error.font },
      { id: expect.any(String), type: "Custom", ranges: "D6", formula: SIGNATURE.warning, fill: MARK_COLORS.warning.fill, font: MARK_COLORS.warning.font },
    ]);
    expect(sheet.notes).toEqual({
      C5: `${NOTE_PREFIX}\n【错误】党员人数不能为空\n【警告】与上年相差过大`,
      D6: `${NOTE_PREFIX}\n【警告】预算执行率偏低`,
      E7: `${NOTE_PREFIX}\n【错误】不是数字`,
    });
    expect(state.sheets[1].formats).toEqual([]);
    expect(state.parts).toHaveLength(1);
    expect(state.parts[0].namespace).toBe(MARKS_NAMESPACE);
    expect(recordFromXml(state.parts[0].xml)).toEqual({
      version: 1,
      sheets: [
        {
          id: sheet.id,
          name: "填报",
          formats: [
            { severity: "error", ranges: "C5,E7" },
            { severity: "warning", ranges: "D6" },
          ],
          notes: ["C5", "D6", "E7"],
          noteKind: "note",
        },
      ],
    });
    expect(log.screenSuspended).toBe(1);
  });

  test("10 and 1 000 findings take the same number of syncs", async () => {
    const counts: number[] = [];
    for (const n of [10, 1_000]) {
      const state = emptyState("填报");
      const { syncs } = install(state);
      await new ExcelHost({ locale: "zh-CN" }).markFindings(manyFindings(n));
      expect(Object.keys(state.sheets[0].notes)).toHaveLength(n);
      counts.push(syncs());
    }
    // parts + sheets, (no record yet: no getXml sync), notes in place, write.
    expect(counts).toEqual([3, 3]);
  });

  test("re-marking (record present) and clearing take the same syncs for 10 and 1 000 findings", async () => {
    const counts: number[][] = [];
    for (const n of [10, 1_000]) {
      const state = emptyState("填报");
      install(state);
      await new ExcelHost({ locale: "zh-CN" }).markFindings(manyFindings(n));
      const again = install(state);
      await new ExcelHost({ locale: "zh-CN" }).markFindings(manyFindings(n));
      const remark = again.syncs();
      const clear = install(state);
      await new ExcelHost({ locale: "zh-CN" }).clearMarks();
      counts.push([remark, clear.syncs()]);
      expect(state.sheets[0].formats).toEqual([]);
    }
    expect(counts).toEqual([
      [4, 4],
      [4, 4],
    ]);
  });

  test("long address lists are split under 8 192 characters and every cell is still covered", async () => {
    const state = emptyState("填报");
    const { log } = install(state);
    const findings = manyFindings(3_000).map((f) => ({ ...f, severity: "error" as const }));
    await new ExcelHost({ locale: "zh-CN" }).markFindings(findings);
    const formats = state.sheets[0].formats;
    expect(formats.length).toBeGreaterThan(1);
    expect(Math.max(...log.getRangesLengths)).toBeLessThan(8192);
    const covered = formats.flatMap((f) => f.ranges.split(","));
    expect(new Set(covered)).toEqual(new Set(findings.map((f) => f.cell)));
    expect(covered).toHaveLength(findings.length);
  });

  test("marking again replaces the earlier marks instead of piling them up", async () => {
    const state = emptyState("填报");
    install(state);
    await new ExcelHost({ locale: "zh-CN" }).markFindings([finding("填报", "C5", "error"), finding("填报", "D6", "warning")]);
    install(state);
    await new ExcelHost({ locale: "zh-CN" }).markFindings([finding("填报", "E7", "error", "新问题")]);
    expect(state.sheets[0].formats.map((f) => [f.ranges, f.formula])).toEqual([["E7", SIGNATURE.error]]);
    expect(state.sheets[0].notes).toEqual({ E7: `${NOTE_PREFIX}\n【错误】新问题` });
    expect(state.parts).toHaveLength(1);
  });
});

describe("clearMarks", () => {
  function withUserFormatting(): BookState {
    const state = emptyState("填报");
    const sheet = state.sheets[0];
    // The user's own: a custom format over C3:C20 and notes on C5 (also a problem cell) and H1.
    sheet.formats.push({ id: "{USER-CF}", type: "Custom", ranges: "C3:C20", formula: "=C3>100", fill: "#00FF00", font: "" });
    sheet.formats.push({ id: "{USER-BAR}", type: "DataBar", ranges: "D3:D20", formula: "", fill: "", font: "" });
    sheet.notes.C5 = "请核对：张三";
    sheet.notes.H1 = "用户自己的批注";
    return state;
  }

  test("removes our formats and notes, after the workbook was closed, reopened and the sheet renamed, and nothing of the user's", async () => {
    let state = withUserFormatting();
    install(state);
    await new ExcelHost({ locale: "zh-CN" }).markFindings([finding("填报", "C5", "error"), finding("填报", "C6", "error"), finding("填报", "D7", "warning")]);
    // Marked: our formats added, the user's note on C5 kept (ours not added there).
    expect(state.sheets[0].formats).toHaveLength(4);
    expect(state.sheets[0].notes).toEqual({
      C5: "请核对：张三",
      H1: "用户自己的批注",
      C6: `${NOTE_PREFIX}\n【错误】党员人数不能为空`,
      D7: `${NOTE_PREFIX}\n【警告】党员人数不能为空`,
    });

    state = reopenBook(state);
    state.sheets[0].name = "填报（改名）";
    const { syncs } = install(state);
    await new ExcelHost({ locale: "zh-CN" }).clearMarks();

    expect(state.sheets[0].formats.map((f) => f.id)).toEqual(["{USER-CF}", "{USER-BAR}"]);
    expect(state.sheets[0].notes).toEqual({ C5: "请核对：张三", H1: "用户自己的批注" });
    expect(state.parts).toEqual([]);
    expect(syncs()).toBe(4);
  });

  test("leaves a format with our colours but the user's formula, and a note the user rewrote, in place", async () => {
    const state = emptyState("填报");
    install(state);
    await new ExcelHost({ locale: "zh-CN" }).markFindings([finding("填报", "C5", "error")]);
    const sheet = state.sheets[0];
    sheet.formats.push({ id: "{USER}", type: "Custom", ranges: "C5", formula: "=TRUE", fill: MARK_COLORS.error.fill, font: "" });
    sheet.notes.C5 = "我改写了这条批注";
    install(state);
    await new ExcelHost({ locale: "zh-CN" }).clearMarks();
    expect(sheet.formats.map((f) => f.id)).toEqual(["{USER}"]);
    expect(sheet.notes).toEqual({ C5: "我改写了这条批注" });
  });

  test("rows inserted after marking moved our marks: they are still found and removed", async () => {
    const state = withUserFormatting();
    install(state);
    await new ExcelHost({ locale: "zh-CN" }).markFindings([finding("填报", "C6", "error"), finding("填报", "D7", "warning")]);
    // The user inserts two rows above row 6: Excel moves our formats and notes down with the cells.
    const sheet = state.sheets[0];
    for (const f of sheet.formats) if (f.formula.includes("dj-assess")) f.ranges = f.ranges.replace(/\d+/g, (n) => String(Number(n) + 2));
    sheet.notes = { C5: sheet.notes.C5, H1: sheet.notes.H1, C8: sheet.notes.C6, D9: sheet.notes.D7 };
    install(state);
    await new ExcelHost({ locale: "zh-CN" }).clearMarks();
    expect(sheet.formats.map((f) => f.id)).toEqual(["{USER-CF}", "{USER-BAR}"]);
    expect(sheet.notes).toEqual({ C5: "请核对：张三", H1: "用户自己的批注" });
  });

  test("with the record lost (part deleted), marking again still replaces our marks instead of piling up", async () => {
    const state = emptyState("填报");
    install(state);
    await new ExcelHost({ locale: "zh-CN" }).markFindings([finding("填报", "C5", "error", "旧")]);
    state.parts = [];
    install(state);
    await new ExcelHost({ locale: "zh-CN" }).markFindings([finding("填报", "C5", "error", "新")]);
    expect(state.sheets[0].formats.map((f) => f.ranges)).toEqual(["C5"]);
    expect(state.sheets[0].notes).toEqual({ C5: `${NOTE_PREFIX}\n【错误】新` });
  });

  test("with nothing recorded it changes nothing and takes one sync", async () => {
    const state = withUserFormatting();
    const before = JSON.stringify(state);
    const { syncs } = install(state);
    await new ExcelHost({ locale: "zh-CN" }).clearMarks();
    expect(JSON.stringify(state)).toBe(before);
    expect(syncs()).toBe(1);
  });
});

describe("without ExcelApi 1.18", () => {
  test("ExcelApi 1.10: comments instead of notes, cleared the same way; the user's comment stays", async () => {
    withOffice(10);
    const state = emptyState("填报");
    state.sheets[0].comments.push({ id: "{USER-CM}", cell: "C5", content: "用户的评论" });
    const marking = install(state);
    await new ExcelHost({ locale: "zh-CN" }).markFindings([finding("填报", "C5", "error"), finding("填报", "C6", "warning", "偏低")]);
    expect(marking.syncs()).toBe(4); // parts, comments, where the comments are, write
    expect(state.sheets[0].notes).toEqual({});
    expect(state.sheets[0].comments.map((c) => [c.cell, c.content])).toEqual([
      ["C5", "用户的评论"],
      ["C6", `${NOTE_PREFIX}\n【警告】偏低`],
    ]);
    const { syncs } = install(state);
    await new ExcelHost({ locale: "zh-CN" }).clearMarks();
    expect(state.sheets[0].comments.map((c) => c.id)).toEqual(["{USER-CM}"]);
    expect(state.sheets[0].formats).toEqual([]);
    expect(syncs()).toBe(4);
  });

  test("a workbook noted in Excel 365, cleared in an Excel without notes: formats removed, notes not asked for", async () => {
    const state = emptyState("填报");
    install(state);
    await new ExcelHost({ locale: "zh-CN" }).markFindings([finding("填报", "C5", "error")]);
    withOffice(9);
    install(state);
    await new ExcelHost({ locale: "zh-CN" }).clearMarks();
    expect(state.sheets[0].formats).toEqual([]);
    expect(Object.keys(state.sheets[0].notes)).toEqual(["C5"]); // left for an Excel that has notes
    expect(recordFromXml(state.parts[0].xml)?.sheets).toEqual([{ id: state.sheets[0].id, name: "填报", formats: [], notes: ["C5"], noteKind: "note" }]);
    // Back in Excel 365, 清除标记 removes the note too.
    withOffice(18);
    install(state);
    await new ExcelHost({ locale: "zh-CN" }).clearMarks();
    expect(state.sheets[0].notes).toEqual({});
    expect(state.parts).toEqual([]);
  });

  test("older Excel: the conditional format alone", async () => {
    withOffice(9);
    const state = emptyState("填报");
    install(state);
    await new ExcelHost({ locale: "zh-CN" }).markFindings([finding("填报", "C5", "error")]);
    expect(state.sheets[0].formats.map((f) => f.ranges)).toEqual(["C5"]);
    expect(state.sheets[0].notes).toEqual({});
    expect(state.sheets[0].comments).toEqual([]);
    install(state);
    await new ExcelHost({ locale: "zh-CN" }).clearMarks();
    expect(state.sheets[0].formats).toEqual([]);
  });
});

test("an Office error while marking reaches the caller as ExcelHostError in Chinese", async () => {
  const state = emptyState("填报");
  const { excel } = install(state);
  excel.context.workbook.customXmlParts.getByNamespace = () => {
    throw Object.assign(new Error("Access denied"), { code: "AccessDenied" });
  };
  const error = await new ExcelHost({ locale: "zh-CN" }).markFindings([finding("填报", "C5", "error")]).catch((e: unknown) => e);
  expect(error).toBeInstanceOf(ExcelHostError);
  expect(error).toMatchObject({ code: "AccessDenied", message: "标记问题单元格失败：工作簿受保护或为只读，无法修改（Office 错误代码：AccessDenied）" });
  expect(state.sheets[0].formats).toEqual([]);
});
