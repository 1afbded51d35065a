/** 党费 ledgers for tests: a wide ledger (a member a row, 1月…12月) and a long one (a member-month a row), both paid in full. */
import type { Grid } from "../../src/engine";
import { grid, type Plain } from "../support/grid";

export const WIDE_HEADER = ["序号", "党支部名称", "姓名", "人员类别", "缴费基数", "月缴纳额", ...Array.from({ length: 12 }, (_, i) => `${i + 1}月`), "减免", "备注"];

export interface Member {
  name: string;
  branch?: string;
  category?: Plain;
  base?: Plain;
  monthlyDue?: Plain;
  /** What was paid each month, January first (missing months blank). */
  paid?: Plain[];
  exemption?: Plain;
}

/** A 在职 member on 4000 元 (1%: 40 元 a month), paid every month. */
export function member(name: string, over: Partial<Member> = {}): Member {
  return { name, base: 4000, monthlyDue: 40, paid: Array<Plain>(12).fill(over.monthlyDue ?? 40), ...over };
}

export const TITLE = ["2025年党费收缴台账", "填报单位：机关一局　统计期间：2025年"];

/** The wide ledger: title lines, the header, then a member a row (data from row title.length + 2). */
export function wide(members: Member[], options: { title?: string[]; header?: string[]; sheet?: string } = {}): Grid {
  const rows = members.map((m, i) => {
    const paid = Array.from({ length: 12 }, (_, k) => m.paid?.[k] ?? null);
    return [i + 1, m.branch ?? "第一党支部", m.name, m.category ?? null, m.base ?? null, m.monthlyDue ?? null, ...paid, m.exemption ?? null, null];
  });
  const title = options.title ?? TITLE;
  return grid([...title.map((line) => [line]), options.header ?? WIDE_HEADER, ...rows], { sheet: options.sheet ?? "党费台账" });
}

export const LONG_HEADER = ["序号", "党支部名称", "姓名", "人员类别", "缴费基数", "月份", "应缴", "实缴", "缴费日期", "减免"];

export interface MemberMonth {
  name: string;
  branch?: string;
  category?: Plain;
  base?: Plain;
  month: Plain;
  due?: Plain;
  paid?: Plain;
  exemption?: Plain;
}

/** The long ledger: title lines, the header, then a member-month a row. */
export function long(rows: MemberMonth[], options: { title?: string[]; sheet?: string } = {}): Grid {
  const data = rows.map((r, i) => [i + 1, r.branch ?? "第一党支部", r.name, r.category ?? null, r.base ?? 4000, r.month, r.due ?? 40, r.paid ?? null, null, r.exemption ?? null]);
  return grid([...(options.title ?? TITLE).map((line) => [line]), LONG_HEADER, ...data], { sheet: options.sheet ?? "党费台账" });
}

/** A member's twelve months in the long layout, paid `paid` (by month, January first; 40 where not given). */
export function year(name: string, paid: Plain[] = [], over: Partial<MemberMonth> = {}): MemberMonth[] {
  return Array.from({ length: 12 }, (_, i) => ({ name, month: `2025-${String(i + 1).padStart(2, "0")}`, paid: i < paid.length ? paid[i] : 40, ...over }));
}

/** A 统计表 with 党费应缴 and 党费实缴 of one branch, in 元 or in 万元 (the other required figures filled). */
export function duesSubmission(due: Plain, paid: Plain, unit: "元" | "万元" = "元", branch = "第一党支部"): Grid {
  return grid(
    [
      ["填报单位：机关一局　统计期间：2025年"],
      ["序号", "党支部名称", "正式党员数", "党员大会", "党课", "本年发展党员数", `党费应缴（${unit}）`, `党费实缴（${unit}）`],
      [1, branch, 10, 4, 4, 1, due, paid],
    ],
    { sheet: "统计表" },
  );
}
