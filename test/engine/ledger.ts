/** Meeting ledgers for tests: a standard header, a year of meetings that covers every requirement, and a 统计表 to hold them against. */
import type { Grid } from "../../src/engine";
import { grid, type Plain } from "../support/grid";

export const MEETING_HEADER = ["序号", "党支部名称", "会议类型", "会议日期", "会议主题", "主持人", "记录人", "应到人数", "实到人数", "请假人数", "缺席人数", "缺席人员", "备注"];

export interface Meeting {
  branch?: string;
  type: string;
  /** ISO text, or a plain cell value (a serial as { date }, a number, a text date). */
  date: Plain;
  expected?: Plain;
  present?: Plain;
  leave?: Plain;
  absent?: Plain;
  absentees?: Plain;
}

/** Excel serial of an ISO date (1900 system, dates from 1900-03-01). */
export function serial(iso: string): number {
  const [y, m, d] = iso.split("-").map(Number);
  return Date.UTC(y, m - 1, d) / 86_400_000 + 25569;
}

export function meetingRow(i: number, m: Meeting): Plain[] {
  const date = typeof m.date === "string" && /^\d{4}-\d{2}-\d{2}$/.test(m.date) ? { date: serial(m.date) } : m.date;
  return [i + 1, m.branch ?? "第一党支部", m.type, date, "学习", "张书记", "李委员", m.expected ?? 10, m.present ?? 9, m.leave ?? 1, m.absent ?? 0, m.absentees ?? "王五（出差）", null];
}

/** A ledger sheet: the title block lines, the header, then one row per meeting (data from row title.length + 2). */
export function ledger(meetings: Meeting[], options: { sheet?: string; title?: string[]; header?: string[] } = {}): Grid {
  const title = options.title ?? ["2025年三会一课台账", "填报单位：机关一局　统计期间：2025年"];
  return grid([...title.map((line) => [line]), options.header ?? MEETING_HEADER, ...meetings.map((m, i) => meetingRow(i, m))], { sheet: options.sheet ?? "三会一课台账" });
}

const pad = (n: number) => String(n).padStart(2, "0");

/**
 * A year of one branch's meetings that meets every requirement of LEDGERS.md §2: a 支委会 and a
 * 主题党日 each month, a 党员大会 and a 党课 each quarter, one 组织生活会 and one 民主评议.
 */
export function fullYear(branch = "第一党支部", year = 2025): Meeting[] {
  const meetings: Meeting[] = [];
  for (let month = 1; month <= 12; month++) {
    meetings.push({ branch, type: "支委会", date: `${year}-${pad(month)}-05`, expected: 5, present: 5, leave: 0, absentees: "" });
    meetings.push({ branch, type: "主题党日", date: `${year}-${pad(month)}-15` });
    if (month % 3 === 1) {
      meetings.push({ branch, type: "党员大会", date: `${year}-${pad(month)}-10` });
      meetings.push({ branch, type: "党课", date: `${year}-${pad(month)}-20` });
    }
  }
  meetings.push({ branch, type: "组织生活会", date: `${year}-12-25` });
  meetings.push({ branch, type: "民主评议", date: `${year}-12-26` });
  return meetings;
}

/** A 统计表 of one department: its branches' reported counts (the other required figures filled). */
export function submission(rows: { branch: string; general: number; committee?: number; lectures: number; themeDays?: number; formal?: number }[], sheet = "统计表"): Grid {
  return grid(
    [
      ["填报单位：机关一局　统计期间：2025年"],
      ["序号", "党支部名称", "正式党员数", "党员大会", "支委会", "党课", "主题党日", "本年发展党员数", "党建经费预算", "党建经费支出"],
      ...rows.map((r, i) => [i + 1, r.branch, r.formal ?? 10, r.general, r.committee ?? null, r.lectures, r.themeDays ?? null, 1, 1000, 900]),
    ],
    { sheet },
  );
}
