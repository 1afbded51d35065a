/**
 * Submissions as departments send them, written as flat ODS and turned into real .xlsx files by
 * LibreOffice. `messy` carries one known problem per line; `clean` must give no finding at all.
 */
import { fods, type FodsCell, type FodsValue } from "../support/fods";
import { toXlsx } from "../support/libreoffice";

const f = (formula: string) => ({ formula });
const span = (value: string, colSpan: number, rowSpan = 1) => ({ value, colSpan, rowSpan });

/** The problems planted in `messy`, as (rule, cell). */
export const MESSY_EXPECTED: readonly [string, string][] = [
  ["unknown-column", "M3"],
  ["number-as-text", "C7"],
  ["not-a-number", "F7"],
  ["excel-error", "E8"],
  ["bad-option", "L8"],
  ["blank-row", "A9"],
  ["not-an-integer", "I10"],
  ["duplicate-branch", "B11"],
  ["out-of-range", "C12"],
  ["extra-cell", "N12"],
  ["missing-value", "B13"],
  ["total-mismatch", "H14"],
  ["total-mismatch", "K14"],
];

export function messyRows(): FodsCell[][] {
  return [
    [span("2025年度党支部工作情况统计表", 14)],
    [span("填报单位：机关一局\u3000统计期间：2025年\u3000填报日期：2026年1月10日", 14)],
    [
      span("序号", 1, 2), span("党支部名称", 1, 2), span("正式党员数（人）", 1, 2), span("预备党员数", 1, 2),
      span("三会一课（次）", 4), null, null, null,
      span("本年发展党员数", 1, 2), span("党建经费（万元）", 2), null, span("本年定级", 1, 2), span("联系人", 1, 2),
    ],
    [null, null, null, null, "党员大会", "支委会", "党小组会", "党课", null, "预算", "支出", null, null],
    ["甲", "乙", 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11],
    [1, "第一党支部", 12, 1, 4, 12, null, 4, 1, 2, 1.5, "一般", "张三"],
    [2, "第二党支部", "１２", 0, 2, "四", null, 1, 0, 1, 0.1, "先进", "李四"],
    [3, "第三党支部", 8, 2, f("of:=1/0"), 8, null, 4, 1, 1.2, 0.9, "优秀", "王五"],
    [],
    [4, "第四党支部", 5, 1, 4, null, null, 4, 2.5, 0.5, 0.4, "一般", "赵六"],
    [5, "第一党支部", 3, 0, 4, null, null, 4, 0, 0.3, 0.3, "一般", null],
    [6, "第六党支部", 10000, 1, 4, 12, null, 4, 1, 1, 0.6, "一般", null, "多余内容"],
    [7, null, 9, 1, 4, 12, null, 4, 1, 1, 0.8, "一般"],
    ["合计", null, null, 6, f("of:=SUM([.E6:.E13])"), null, null, 24, null, f("of:=SUM([.J6:.J13])"), 4.5],
    ["注：本表金额单位为万元。"],
    ["填表人：张三"],
  ];
}

export function cleanRows(): FodsCell[][] {
  return [
    [span("2025年上半年党支部工作情况统计表", 10)],
    ["填报单位：", "机关二局", null, null, "统计期间：", "2025年1-6月"],
    ["序号", "党支部名称", "正式党员数", "预备党员数", "党员大会", "支委会", "党课", "本年发展党员数", "党建经费预算（元）", "党建经费支出（元）"],
    [1, "机关二局第一党支部", 9, 1, 2, 6, 2, 1, 10000, 6000],
    [2, "机关二局第二党支部", 5, 0, 2, 0, 2, 0, 8000, f("of:=4000+0")],
    [3, "机关二局第三党支部", 15, 2, 3, 6, 2, 2, 12000, 9000],
    ["合计", null, f("of:=SUM([.C4:.C6])"), f("of:=SUM([.D4:.D6])"), 7, 12, 6, 3, 30000, 19000],
    ["填表人：李四", null, null, null, "联系电话：12345678"],
  ];
}

export async function makeXlsx(name: string, rows: FodsCell[][], sheet = "报表"): Promise<string> {
  return toXlsx(fods([{ name: sheet, rows }]), name);
}

/** A department's 统计表 for 2025: one branch, its meeting counts to be held against its ledger. */
export function departmentRows(): FodsCell[][] {
  return [
    [span("2025年党支部工作情况统计表", 10)],
    [span("填报单位：机关一局\u3000统计期间：2025年", 10)],
    ["序号", "党支部名称", "正式党员数", "预备党员数", "党员大会", "支委会", "党课", "本年发展党员数", "党建经费预算（元）", "党建经费支出（元）"],
    // 党员大会 4: the ledger counts 2. 支委会 10 and 党课 4 are what it counts.
    [1, "机关一局第一党支部", 9, 1, 4, 10, 4, 1, 10000, 8000],
  ];
}

interface Meeting {
  type: string;
  /** A date cell ({ date }) or, as some departments type it, text. */
  date: FodsValue;
  expected?: number;
  present?: number;
  leave?: number;
  absent?: number;
  absentees?: string;
}

const MEETING_HEADER = ["序号", "党支部名称", "会议类型", "会议日期", "会议主题", "主持人", "记录人", "应到人数", "实到人数", "请假人数", "缺席人数", "缺席人员"];
const pad2 = (n: number) => String(n).padStart(2, "0");

/**
 * The problems planted in the ledger, as (rule, cell): rows follow from ledgerMeetings' order
 * (January's 支委会, 主题党日, 党员大会, 党课 are rows 4–7, February's two 8–9, and so on).
 */
export const LEDGER_EXPECTED: readonly [string, string][] = [
  ["bad-date", "D8"],
  ["date-as-text", "D11"],
  ["quorum-not-met", "I13"],
  ["attendance-mismatch", "I29"],
  ["date-out-of-period", "D36"],
  ["duplicate-meeting", "D37"],
];

/** The ledger's meetings in row order (data from row 4), each planted problem where the year would otherwise be covered. */
function ledgerMeetings(): Meeting[] {
  const meetings: Meeting[] = [];
  // 赵六 is absent without a reason from every 党员大会 and 主题党日 of January to June: long-absence.
  const zhaoLiu = { present: 8, leave: 1, absent: 1, absentees: "王五（出差）、赵六" };
  for (let month = 1; month <= 12; month++) {
    const day = (d: number) => ({ date: `2025-${pad2(month)}-${pad2(d)}` });
    // February's only 支委会 has an impossible date, March has none, April's is dated as text.
    if (month === 2) meetings.push({ type: "支委会", date: "2025-02-30" });
    else if (month === 4) meetings.push({ type: "支委会", date: "2025/4/5" });
    else if (month !== 3) meetings.push({ type: "支委会", date: day(5) });
    meetings.push({ type: "主题党日", date: day(15), ...(month <= 6 ? zhaoLiu : {}) });
    // The second quarter's 党员大会 lacks a quorum and the third quarter has none.
    if (month === 1) meetings.push({ type: "党员大会", date: day(10), ...zhaoLiu });
    if (month === 4) meetings.push({ type: "党员大会", date: day(10), expected: 10, present: 5, leave: 5, absentees: "" });
    if (month === 10) meetings.push({ type: "党员大会", date: day(10) });
    // October's 党课 has more present than expected.
    if (month % 3 === 1) meetings.push({ type: "党课", date: day(20), ...(month === 10 ? { present: 11, leave: 0, absentees: "" } : {}) });
  }
  meetings.push({ type: "组织生活会", date: { date: "2025-12-25" } }, { type: "民主评议", date: { date: "2025-12-26" } });
  // A meeting of the year before, and May's 支委会 entered twice.
  meetings.push({ type: "党课", date: { date: "2024-12-20" } }, { type: "支委会", date: { date: "2025-05-05" } });
  return meetings;
}

/** The branch's 三会一课 ledger for 2025, title block and standard header first. */
export function ledgerRows(): FodsCell[][] {
  const rows: FodsCell[][] = [["2025年三会一课台账"], ["填报单位：机关一局\u3000统计期间：2025年"], MEETING_HEADER];
  ledgerMeetings().forEach((m, i) => {
    rows.push([i + 1, "机关一局第一党支部", m.type, m.date, "学习", "张书记", "李委员", m.expected ?? 10, m.present ?? 9, m.leave ?? 1, m.absent ?? 0, m.absentees ?? "王五（出差）"]);
  });
  return rows;
}
