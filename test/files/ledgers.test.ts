/**
 * Meeting ledgers as offices keep them, made by LibreOffice: one typed by hand (a title block that
 * names the branch, a two-row merged header, dates typed every way, full-width digits) with a
 * problem planted on each rule, and one exported from a real system's import template
 * (xvchaoqun/owip's 三会一课录入样表 header). Both are read from the .xlsx and held against the
 * department's 统计表 in the same workbook.
 */
import { readFile } from "node:fs/promises";
import ExcelJS from "exceljs";
import { annotateWorkbook } from "../../src/files/annotate";
import { validate, type Finding, type Flag, type Report } from "../../src/engine";
import { readWorkbook } from "../../src/files/read";
import { fods, type FodsCell } from "../support/fods";
import { toXlsx } from "../support/libreoffice";

const STATISTICS: FodsCell[][] = [
  ["填报单位：机关一局　统计期间：2025年"],
  ["序号", "党支部名称", "正式党员数", "是否设支委会", "党员大会", "支委会", "党课", "本年发展党员数", "党建经费预算", "党建经费支出"],
  [1, "机关第一党支部", 12, "是", 4, 12, 4, 1, 20000, 18000],
  [2, "机关第二党支部", 15, "是", 4, 12, 4, 1, 20000, 18000],
];

interface Planted {
  rule: string;
  cell: string;
}

/** The hand-typed ledger of 机关第一党支部: rows from sheet row 5 (two title rows, a two-row header). */
function handTyped(): { rows: FodsCell[][]; planted: Planted[] } {
  const rows: FodsCell[][] = [
    [{ value: "机关第一党支部2025年三会一课台账", colSpan: 10 }],
    ["党支部：机关第一党支部　统计期间：2025年"],
    [
      { value: "序号", rowSpan: 2 },
      { value: "会议类型", rowSpan: 2 },
      { value: "会议时间", rowSpan: 2 },
      { value: "会议主题", rowSpan: 2 },
      { value: "主持人", rowSpan: 2 },
      { value: "记录人", rowSpan: 2 },
      { value: "出席情况（人）", colSpan: 3 },
      null,
      null,
      { value: "缺席人员及原因", rowSpan: 2 },
    ],
    [null, null, null, null, null, null, "应到", "实到", "请假", null],
  ];
  const planted: Planted[] = [];
  const add = (type: string, date: FodsCell, extra: { expected?: number; present?: number; leave?: number; absentees?: string } = {}) => {
    const { expected = 12, present = 11, leave = 1, absentees = "" } = extra;
    rows.push([rows.length - 3, type, date, "学习贯彻", "王书记", "李委员", expected, present, leave, absentees]);
    return rows.length;
  };
  const months = ["１", "2", "3", "4", "5", "6", "7", "8", "9", "10", "11", "12"];
  months.forEach((m, i) => {
    const month = i + 1;
    // 支委会 each month but July; dates typed every way a person types them.
    if (month !== 7) {
      const typed: FodsCell[] = [`２０２５－０${m}－０５`, "2025.2.5", 20250305, "2025/4/5 14:30", "2025年5月5日", { date: "2025-06-05" }];
      const date = month <= typed.length ? typed[month - 1] : { date: `2025-${String(month).padStart(2, "0")}-05` };
      const row = add("支委会", date, { expected: 5, present: 5, leave: 0 });
      if (typeof date === "string" || typeof date === "number") planted.push({ rule: "date-as-text", cell: `C${row}` });
    }
    // 党员大会 and 党课 each quarter but the third (no 党员大会 in July–September).
    if (month % 3 === 1) {
      if (month !== 7) add("支部党员大会", { date: `2025-${String(month).padStart(2, "0")}-10` });
      add("讲党课", { date: `2025-${String(month).padStart(2, "0")}-20` });
    }
  });
  planted.push({ rule: "bad-date", cell: `C${add("党小组会", "2025-02-30")}` });
  planted.push({ rule: "attendance-mismatch", cell: `H${add("组织生活会", { date: "2025-12-15" }, { expected: 12, present: 13, leave: 0 })}` });
  planted.push({ rule: "quorum-not-met", cell: `H${add("党员大会", { date: "2025-08-20" }, { expected: 12, present: 5, leave: 7 })}` });
  planted.push({ rule: "duplicate-meeting", cell: `C${add("支部委员会", { date: "2025-03-05" })}` });
  planted.push({ rule: "date-out-of-period", cell: `C${add("党课", { date: "2024-12-28" })}` });
  planted.push({ rule: "bad-option", cell: `B${add("茶话会", { date: "2025-09-09" })}` });
  return { rows, planted };
}

/** owip's import template header, rows of 机关第二党支部 with date cells: every month but November's 支委会. */
function exported(): FodsCell[][] {
  const header = [
    "所在分党委编码", "所在分党委", "所在党支部编码", "所在党支部", "会议类型", "主持人学工号", "主持人姓名", "记录人学工号", "记录人姓名", "会议名称",
    "计划会议时间", "实际会议时间", "会议地点", "应到人数", "实到人数", "请假人数", "列席人员", "会议议题", "会议内容", "会议决议",
  ];
  const rows: FodsCell[][] = [header];
  const meeting = (type: string, date: string) =>
    rows.push(["001", "机关一局", "001002", "机关第二党支部", type, "1001", "赵书记", "1002", "钱委员", "例会", { date }, { date }, "三楼会议室", 15, 14, 1, "", "议题", "内容", "决议"]);
  for (let month = 1; month <= 12; month++) {
    const mm = String(month).padStart(2, "0");
    if (month !== 11) meeting("支委会", `2025-${mm}-06`);
    if (month % 3 === 1) {
      meeting("党员大会", `2025-${mm}-12`);
      meeting("党课", `2025-${mm}-22`);
    }
  }
  return rows;
}

let report: Report;
let planted: Planted[];
let bytes: Buffer;

beforeAll(async () => {
  const hand = handTyped();
  planted = hand.planted;
  const file = await toXlsx(
    fods([
      { name: "统计表", rows: STATISTICS },
      { name: "一支部台账", rows: hand.rows },
      { name: "二支部台账", rows: exported() },
    ]),
    "ledgers",
  );
  bytes = await readFile(file);
  const grids = await readWorkbook(bytes);
  report = validate([{ file: "机关一局.xlsx", grids }], { locale: "zh-CN" });
});

const sheet = (name: string) => report.files[0].sheets.find((s) => s.sheet === name)!;
const brief = (f: Finding) => `${f.rule}@${f.cell}`;
const gapsOf = (flags: Flag[]) => flags.filter((f) => f.flag === "missing-meetings").map((f) => [f.branch, f.gaps]);

test("both ledgers are recognised, the hand-typed one's branch taken from its title block", () => {
  expect(report.files[0].sheets.map((s) => [s.sheet, s.kind])).toEqual([
    ["统计表", "submission"],
    ["一支部台账", "meetings"],
    ["二支部台账", "meetings"],
  ]);
  expect(sheet("一支部台账").findings.filter((f) => f.rule === "missing-column")).toEqual([]);
  // No title block: the year is that of its dates, and it says so.
  expect(sheet("二支部台账").findings.map(brief)).toEqual([
    "unknown-column@A1",
    "period-unknown@A1",
    "unknown-column@F1",
    "unknown-column@H1",
    "unknown-column@K1",
    "unknown-column@Q1",
    "unknown-column@R1",
    "unknown-column@T1",
  ]);
});

test("every planted problem is reported at its cell with its rule, and nothing else", () => {
  const found = sheet("一支部台账").findings.map(brief);
  expect(found.sort()).toEqual(planted.map((p) => `${p.rule}@${p.cell}`).sort());
});

test("every uncovered month or quarter is named", () => {
  expect(gapsOf(sheet("一支部台账").flags)).toEqual([
    ["机关第一党支部", [
      { type: "党员大会", periods: ["2025Q3"] },
      { type: "支委会", periods: ["2025-07"] },
    ]],
  ]);
  expect(gapsOf(sheet("二支部台账").flags)).toEqual([["机关第二党支部", [{ type: "支委会", periods: ["2025-11"] }]]]);
});

test("the 统计表's claims are held against the ledgers at their cells", () => {
  const mismatches = sheet("统计表").findings.filter((f) => f.rule === "ledger-mismatch");
  expect(mismatches.map((f) => [f.cell, f.message])).toEqual([
    ["E3", expect.stringMatching(/^E3：党员大会报表填报 4 次，台账记录 3 次（一支部台账 第\d+、\d+、\d+行）/)],
    ["F3", expect.stringMatching(/^F3：支委会报表填报 12 次，台账记录 11 次（一支部台账 第/)],
    ["F4", expect.stringMatching(/^F4：支委会报表填报 12 次，台账记录 11 次（二支部台账 第/)],
  ]);
});

test("the annotated copy marks the ledger's problem cells and the 统计表's, and lists them in 问题清单", async () => {
  const findings = report.files[0].sheets.flatMap((s) => s.findings);
  const copy = new ExcelJS.Workbook();
  await copy.xlsx.load((await annotateWorkbook(bytes, "机关一局.xlsx", findings, { locale: "zh-CN" })) as unknown as ArrayBuffer);
  const note = (name: string, cell: string) => {
    const value = copy.getWorksheet(name)!.getCell(cell).note as string | { texts?: { text: string }[] } | undefined;
    return typeof value === "string" ? value : (value?.texts ?? []).map((t) => t.text).join("");
  };
  for (const p of planted) expect([p.cell, note("一支部台账", p.cell)]).toEqual([p.cell, expect.stringContaining(p.cell)]);
  expect(note("统计表", "E3")).toContain("台账记录 3 次");
  const listed = copy.getWorksheet("问题清单")!.getColumn(5).values.slice(2);
  expect(listed).toEqual(expect.arrayContaining(["bad-date", "quorum-not-met", "duplicate-meeting", "ledger-mismatch"]));
});
