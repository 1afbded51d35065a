/** 发展党员 registers for tests: a standard header, a person who passes every stage on time, and a 统计表 to hold them against. */
import type { Grid } from "../../src/engine";
import { grid, type Plain } from "../support/grid";
import { serial } from "./ledger";

export const REGISTER_HEADER = [
  "序号", "党支部名称", "姓名", "出生日期", "递交入党申请书时间", "首次组织谈话时间", "确定为入党积极分子时间", "确定为发展对象时间",
  "接收为预备党员时间", "党委审批时间", "转为正式党员时间", "延长预备期（月）", "入党介绍人", "备注",
];

/** Each field's column letter under REGISTER_HEADER. */
export const COLUMN = {
  branch: "B", name: "C", birth: "D", applied: "E", talked: "F", activist: "G", candidate: "H",
  admitted: "I", approved: "J", full: "K", extension: "L", introducers: "M",
} as const;

export type Person = Partial<Record<keyof typeof COLUMN, Plain>>;

/** Someone who passed every stage on time: applied at 26, became a full member on the day the probation ended. */
export const CLEAN: Person = {
  branch: "第一党支部",
  name: "赵一",
  birth: "1996-05-20",
  applied: "2022-03-01",
  talked: "2022-03-20",
  activist: "2022-09-01",
  candidate: "2023-09-01",
  admitted: "2024-03-05",
  approved: "2024-04-10",
  full: "2025-03-05",
  introducers: "张三、李四",
};

const ISO = /^\d{4}-\d{2}-\d{2}$/;

/** ISO text is written as a date cell; anything else as it is. */
const cell = (value: Plain | undefined): Plain => (typeof value === "string" && ISO.test(value) ? { date: serial(value) } : (value ?? null));

export function personRow(i: number, p: Person): Plain[] {
  const keys = ["branch", "name", "birth", "applied", "talked", "activist", "candidate", "admitted", "approved", "full", "extension", "introducers"] as const;
  return [i + 1, ...keys.map((k) => cell(p[k])), null];
}

/** A register sheet: the title block lines, the header, then one row per person (data from row title.length + 2). */
export function register(people: Person[], options: { sheet?: string; title?: string[]; header?: string[] } = {}): Grid {
  const title = options.title ?? ["2025年发展党员台账", "填报单位：机关一局　统计期间：2025年"];
  return grid([...title.map((line) => [line]), options.header ?? REGISTER_HEADER, ...people.map((p, i) => personRow(i, p))], { sheet: options.sheet ?? "发展党员台账" });
}

/** The clean person with some stages changed. */
export function person(over: Person): Person {
  return { ...CLEAN, ...over };
}

/** A 统计表 of one department whose branches report their newMembers (blank: null). */
export function reporting(rows: { branch: string; newMembers: number | null }[], period = "2025年"): Grid {
  return grid(
    [
      [`填报单位：机关一局　统计期间：${period}`],
      ["序号", "党支部名称", "正式党员数", "党员大会", "支委会", "党课", "主题党日", "本年发展党员数", "党建经费预算", "党建经费支出"],
      ...rows.map((r, i) => [i + 1, r.branch, 10, 4, 12, 4, 12, r.newMembers, 1000, 900]),
    ],
    { sheet: "统计表" },
  );
}
