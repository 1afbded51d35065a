/**
 * A generated valid sheet — any column order, any optional columns, any number of clean rows,
 * numbers as numbers or as text, optional title, blank/section/total/footer rows — that knows
 * where each of its cells stands, so a test can plant a defect in one of them.
 */
import fc from "fast-check";
import type { Grid } from "../../src/engine";
import type { Plain } from "../support/grid";
import { LABEL, TITLE, sheet, type Col, type Key, type Row } from "./helpers";

export const REQUIRED: Key[] = ["branch", "membersFormal", "generalMeetings", "committeeMeetings", "groupMeetings", "lectures", "newMembers", "budget", "spent"];
const OPTIONAL: Key[] = (Object.keys(LABEL) as Key[]).filter((k) => !REQUIRED.includes(k));
export const SUMMABLE: Key[] = ["membersFormal", "membersProbationary", "groups", "generalMeetings", "committeeMeetings", "groupMeetings", "lectures", "themeDays", "activists", "newMembers", "newMembersPrev", "nonMemberStaff", "budget", "spent", "duesDue", "duesPaid"];
export const MONEY: Key[] = ["budget", "spent", "duesDue", "duesPaid"];
const SCHEMES = [
  ["后进", "一般", "先进"],
  ["较差", "一般", "较好", "好"],
  ["差", "一般", "较好", "好"],
  ["一星", "二星", "三星", "四星", "五星"],
];

const count = (max: number) => fc.integer({ min: 0, max });
const money = fc.integer({ min: 0, max: 100_000_000 }).map((cents) => cents / 100);
const score = fc.integer({ min: 0, max: 10000 }).map((x) => x / 100);
const yesNo = fc.constantFrom<Plain>("是", "否", "有", "无", "√", "×", "Y", "N", "TRUE", "FALSE", "1", "0", true, false, 1, 0, null);

/** A number as a number, or as text the reader accepts with a warning. */
const written = (n: fc.Arbitrary<number>, unit = ""): fc.Arbitrary<Plain> =>
  n.chain((v) =>
    fc.constantFrom<Plain>(
      v,
      v,
      v,
      String(v),
      ` ${v} `,
      String(v).replace(/[0-9.]/g, (d) => String.fromCharCode(d.charCodeAt(0) + 0xfee0)),
      `${v}${unit}`,
      ...(v === 0 ? ["无", "—", "/"] : []),
    ),
  );

interface ValidRow {
  values: Partial<Record<Key, number>>;
  cells: Row;
}

const validRow = (i: number, levels: string[], wanYuan: boolean): fc.Arbitrary<ValidRow> =>
  fc
    .record({
      prefix: fc.constantFrom("", "机关", "后勤", "ＡＢ", "综合 "),
      code: fc.boolean(),
      unit: fc.constantFrom<Plain>(null, "办公室", "财务处"),
      membersFormal: count(9999),
      membersProbationary: count(9999),
      groups: count(20),
      hasCommittee: yesNo,
      generalMeetings: count(999),
      committeeMeetings: count(999),
      groupMeetings: count(999),
      lectures: count(999),
      themeDays: count(999),
      orgLifeMeeting: fc.oneof(yesNo, count(999)),
      memberReview: yesNo,
      activists: count(9999),
      newMembers: count(999),
      newMembersPrev: count(999),
      nonMemberStaff: count(99999),
      budget: money,
      spent: money,
      duesDue: money,
      duesPaid: money,
      levelPrev: fc.constantFrom<Plain>(null, ...levels),
      level: fc.constantFrom<Plain>(null, ...levels),
      partyScorePrev: score,
      partyScore: score,
      businessScore: score,
      veto: fc.constantFrom<Plain>(null, "无", "否", "违反中央八项规定精神"),
      notes: fc.constantFrom<Plain>(null, "已整改", "新成立", "备注：见附件"),
      asText: fc.array(fc.constantFrom(...SUMMABLE, "partyScore", "businessScore"), { maxLength: 4 }),
    })
    .chain((r) => {
      const values: Partial<Record<Key, number>> = {};
      for (const k of SUMMABLE) values[k] = r[k as keyof typeof r] as number;
      if (wanYuan) for (const k of MONEY) values[k] = Math.round(values[k]! / 100) / 100; // 万元 with 4 decimals: whole 元
      const texts = r.asText.map((k) => {
        const v = (k in values ? values[k as Key] : r[k as keyof typeof r]) as number;
        const unit = MONEY.includes(k as Key) ? (wanYuan ? "万元" : "元") : k.endsWith("Score") ? "分" : k.startsWith("members") ? "人" : "次";
        return written(fc.constant(v), unit).map((t) => [k, t] as const);
      });
      return fc.tuple(...texts).map((pairs) => {
        const cells: Row = {
          seq: i + 1,
          code: r.code ? `DZB${i}` : null,
          branch: `${r.prefix}第${i + 1}党支部`,
          unit: r.unit,
          hasCommittee: r.hasCommittee,
          orgLifeMeeting: r.orgLifeMeeting,
          memberReview: r.memberReview,
          levelPrev: r.levelPrev,
          level: r.level,
          partyScorePrev: r.partyScorePrev,
          partyScore: r.partyScore,
          businessScore: r.businessScore,
          veto: r.veto,
          notes: r.notes,
          ...values,
        };
        for (const [k, t] of pairs) cells[k as Col] = t;
        return { values, cells };
      });
    });

/** A valid sheet and where its parts stand, so that a test can change one cell of it. */
export interface ValidSheet {
  grid: Grid;
  /** Number of branches (data rows). */
  n: number;
  columns: Key[];
  /** The branches as written, in order. */
  rows: Row[];
  /** Sheet row of each branch. */
  rowOf: number[];
  /** Sheet row of the 合计 row, if there is one. */
  totalRow?: number;
  /** What each summable column adds up to, in the column's unit. */
  sums: Partial<Record<Key, number>>;
  /** Sheet column of a column. */
  colOf(key: Key): number;
  /** The first sheet column right of the table. */
  pastLastCol: number;
  /** Money columns are in 万元. */
  wanYuan: boolean;
}

export const validSheet: fc.Arbitrary<ValidSheet> = fc
  .record({
    n: fc.integer({ min: 1, max: 8 }),
    scheme: fc.constantFrom(...SCHEMES),
    wanYuan: fc.boolean(),
    optional: fc.subarray(OPTIONAL),
    order: fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: 30, maxLength: 30 }),
    title: fc.constantFrom<(Plain[][] | null)[]>(
      null,
      [[TITLE], ["填报单位：财务处\u3000统计期间：2025年\u3000填报日期：2026年1月5日"]],
      [["填报单位（盖章）：", "办公室"], ["统计期间：", "1－6月"]],
      [["报告期：前三季度"]],
    ),
    total: fc.boolean(),
    blankAt: fc.option(fc.nat(8), { nil: undefined }),
    sectionFirst: fc.boolean(),
    footer: fc.boolean(),
    origin: fc.record({ row: fc.integer({ min: 1, max: 4 }), col: fc.integer({ min: 1, max: 4 }) }),
  })
  .chain((s) =>
    fc.tuple(...Array.from({ length: s.n }, (_, i) => validRow(i, s.scheme, s.wanYuan))).map((rs) => ({ ...s, rs })),
  )
  .map((s): ValidSheet => {
    const chosen: Key[] = [...REQUIRED, ...s.optional];
    const columns = chosen.map((k, i) => [k, s.order[i]] as const).sort((a, b) => a[1] - b[1]).map(([k]) => k);
    const labels: Partial<Record<Col, string>> = {};
    if (s.wanYuan) for (const k of MONEY) labels[k] = LABEL[k].replace("（元）", "（万元）");
    const TOTAL = -1;
    // Branch indexes, TOTAL, or raw rows; positions in this list are positions under the header.
    const body: (number | Plain[])[] = s.rs.map((_, i) => i);
    if (s.total) body.push(TOTAL);
    if (s.blankAt !== undefined && s.blankAt < body.length) body.splice(s.blankAt, 0, []);
    if (s.sectionFirst) body.unshift(["一、机关"]);
    if (s.footer) body.push(["注：本表由各单位填报。"], ["填表人：张三", null, "联系电话：123"]);
    const sums: Partial<Record<Key, number>> = {};
    for (const k of SUMMABLE) sums[k] = s.rs.reduce((a, r) => a + r.values[k]!, 0);
    const total: Row = { [columns[0]]: "合计" };
    for (const k of SUMMABLE) if (columns.includes(k) && k !== columns[0]) total[k] = sums[k];
    const rows = body.map((b) => (b === TOTAL ? total : typeof b === "number" ? s.rs[b].cells : b));
    const built = sheet({ columns, labels, rows, title: s.title, origin: s.origin });
    const originCol = s.origin.col;
    return {
      grid: built.grid,
      n: s.n,
      columns,
      rows: s.rs.map((r) => r.cells),
      rowOf: s.rs.map((_, i) => built.rowOf(body.indexOf(i))),
      totalRow: s.total ? built.rowOf(body.indexOf(TOTAL)) : undefined,
      sums,
      colOf: (key) => originCol + columns.indexOf(key),
      pastLastCol: originCol + columns.length,
      wanYuan: s.wanYuan,
    };
  });
