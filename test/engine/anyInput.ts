/**
 * Any input for the engine: any grid of any cells, and the standard sheet knocked about (cells
 * overwritten, merges added, a two-row header), in workbooks with any options.
 */
import fc from "fast-check";
import type { Cell, CellRange, Grid, ValidateOptions, WorkbookInput } from "../../src/engine";
import type { Plain } from "../support/grid";
import { LABEL, TITLE, sheet, type Key, type Row } from "./helpers";

const ERROR_CODES = ["#REF!", "#DIV/0!", "#N/A", "#VALUE!", "#NAME?", "#NUM!", "#NULL!", "#SPILL!", "#CALC!"];

/** Text a submission sheet is made of, so that generated grids reach deep into the reader. */
const VOCABULARY = [
  ...Object.values(LABEL), "三会一课（次）", "党建经费（万元）", "党费（元）", "预算", "支出", "应缴", "实缴",
  "合计", "小计", "总计", "注：", "说明:", "填表人：张三", "联系电话", "一、机关", "甲", "乙", "栏次",
  "填报单位：财务处", "填报单位（盖章）：", "统计期间：", "统计期间：2025年上半年", "报告期：1-6月", "年度：2024",
  "填报日期：2025年6月30日", "2025年", "前三季度", "第一季度", "１－６月", "是", "否", "有", "无", "√", "×", "Y", "N",
  "先进", "一般", "后进", "较好", "好", "差", "一星", "五星", "四", "十二", "１２", " 12 ", "12次", "1,200", "1.2万元",
  "—", "－", "-", "/", "／", "", " ", "\u3000", "第1党支部", "第 1 党支部", "DZB001", "dzb001", "违纪", "0", "FALSE",
  "9".repeat(400), "-0", "1e5", "0x10", "∞", "NaN",
];

const finite = fc.double({ noNaN: true, noDefaultInfinity: true }).map((x) => (Object.is(x, -0) ? 0 : x));

export const anyCell: fc.Arbitrary<Cell> = fc.oneof(
  { arbitrary: fc.constant<Cell>({ kind: "empty" }), weight: 4 },
  { arbitrary: finite.map((value): Cell => ({ kind: "number", value })), weight: 2 },
  { arbitrary: fc.integer({ min: -20, max: 2000 }).map((value): Cell => ({ kind: "number", value })), weight: 3 },
  { arbitrary: fc.string({ unit: "binary", maxLength: 12 }).map((value): Cell => ({ kind: "text", value })), weight: 2 },
  { arbitrary: fc.constantFrom(...VOCABULARY).map((value): Cell => ({ kind: "text", value })), weight: 4 },
  { arbitrary: fc.boolean().map((value): Cell => ({ kind: "bool", value })), weight: 1 },
  { arbitrary: fc.oneof(finite, fc.integer({ min: 0, max: 60000 })).map((serial): Cell => ({ kind: "date", serial })), weight: 1 },
  { arbitrary: fc.oneof(fc.constantFrom(...ERROR_CODES), fc.string({ maxLength: 6 }).map((s) => `#${s}`)).map((code): Cell => ({ kind: "error", code })), weight: 1 },
);

const anyRange = (maxRow: number, maxCol: number): fc.Arbitrary<CellRange> =>
  fc
    .record({
      top: fc.integer({ min: 1, max: maxRow }),
      left: fc.integer({ min: 1, max: maxCol }),
      height: fc.oneof({ arbitrary: fc.integer({ min: 0, max: 5 }), weight: 5 }, { arbitrary: fc.constant(1048576), weight: 1 }),
      width: fc.oneof({ arbitrary: fc.integer({ min: 0, max: 5 }), weight: 5 }, { arbitrary: fc.constant(16383), weight: 1 }),
    })
    .map(({ top, left, height, width }) => ({ top, left, bottom: Math.min(top + height, 1048576), right: Math.min(left + width, 16384) }));

/** Any grid: ragged rows of any cells, any origin, merges inside, across and outside it. */
export const anyGrid: fc.Arbitrary<Grid> = fc
  .record({
    sheet: fc.oneof(fc.constantFrom("Sheet1", "填报", "名册", "汇总"), fc.string({ maxLength: 8 })),
    origin: fc.record({ row: fc.integer({ min: 1, max: 30 }), col: fc.integer({ min: 1, max: 20 }) }),
    cells: fc.array(fc.array(anyCell, { maxLength: 14 }), { maxLength: 16 }),
    visible: fc.option(fc.boolean(), { nil: undefined }),
  })
  .chain((g) =>
    fc.array(anyRange(g.origin.row + 20, g.origin.col + 16), { maxLength: 6 }).map((merges): Grid => ({ ...g, merges })),
  );

const MEETINGS = new Set<Key>(["generalMeetings", "committeeMeetings", "groupMeetings", "lectures"]);

/**
 * The header row at index `at` of `cells` made into two rows, as many forms have it: the meeting
 * columns under a 三会一课 group label merged across each run of them, every other label merged
 * down over both rows.
 */
function twoRowHeader(cells: Cell[][], at: number, columns: readonly Key[], origin: { row: number; col: number }): { cells: Cell[][]; merges: CellRange[] } {
  const top: Cell[] = [];
  const bottom: Cell[] = [];
  const merges: CellRange[] = [];
  const row = origin.row + at;
  let run: number | undefined;
  columns.forEach((key, i) => {
    const col = origin.col + i;
    if (MEETINGS.has(key)) {
      top.push(run === undefined ? { kind: "text", value: "三会一课（次）" } : { kind: "empty" });
      run ??= col;
      bottom.push({ kind: "text", value: LABEL[key] });
      if (!MEETINGS.has(columns[i + 1]) && col > run) merges.push({ top: row, left: run, bottom: row, right: col });
      if (!MEETINGS.has(columns[i + 1])) run = undefined;
    } else {
      top.push({ kind: "text", value: LABEL[key] });
      bottom.push({ kind: "empty" });
      merges.push({ top: row, left: col, bottom: row + 1, right: col });
    }
  });
  return { cells: [...cells.slice(0, at), top, bottom, ...cells.slice(at + 1)], merges };
}

/** The standard sheet with random cells overwritten, rows dropped and merges added: reaches the rules. */
export const mutatedSheet: fc.Arbitrary<Grid> = fc
  .record({
    rows: fc.integer({ min: 0, max: 6 }),
    columns: fc.shuffledSubarray(Object.keys(LABEL) as Key[], { minLength: 3 }),
    title: fc.constantFrom<(Plain[][] | null)[]>(null, [[TITLE], ["填报单位：机关党委\u3000统计期间：2025年上半年"]], [["统计期间：", "第三季度"]]),
    twoRows: fc.boolean(),
    origin: fc.record({ row: fc.integer({ min: 1, max: 5 }), col: fc.integer({ min: 1, max: 5 }) }),
    edits: fc.array(fc.record({ r: fc.nat(12), c: fc.nat(32), cell: anyCell }), { maxLength: 12 }),
    merges: fc.array(anyRange(20, 35), { maxLength: 4 }),
    sheet: fc.constantFrom("甲", "乙", "Sheet1"),
  })
  .map(({ rows: n, columns, title, twoRows, origin, edits, merges, sheet: name }) => {
    const data: Row[] = Array.from({ length: n }, (_, i) => cleanish(i));
    const order = ["branch", ...columns.filter((c) => c !== "branch")] as Key[];
    const g = sheet({ rows: data, columns: order, title, origin, sheet: name }).grid;
    const header = twoRows ? twoRowHeader(g.cells, title?.length ?? 0, order, origin) : { cells: g.cells, merges: [] };
    const cells = header.cells.map((r) => [...r]);
    for (const { r, c, cell } of edits) {
      while (cells.length <= r) cells.push([]);
      cells[r][c] = cell;
    }
    for (const row of cells) for (let i = 0; i < row.length; i++) row[i] ??= { kind: "empty" };
    return { ...g, cells, merges: [...g.merges, ...header.merges, ...merges] };
  });

function cleanish(i: number): Row {
  return {
    seq: i + 1, code: `DZB${i % 4}`, branch: `第${i % 5}党支部`, unit: i % 2 ? "办公室" : null, membersFormal: 2 + i * 11,
    membersProbationary: 1, groups: i % 3, hasCommittee: i % 2 ? "是" : null, generalMeetings: i, committeeMeetings: 12 - i,
    groupMeetings: 24, lectures: 4, themeDays: 12, orgLifeMeeting: "是", memberReview: i % 2 ? "否" : "是", activists: 2,
    newMembers: i % 2, newMembersPrev: 0, nonMemberStaff: 30, budget: 20000, spent: 4600 * i, duesDue: 1200,
    duesPaid: 1000 + i * 100, levelPrev: "一般", level: "先进", partyScorePrev: 80, partyScore: 70 + i * 5, businessScore: 90,
    veto: i === 3 ? "违纪" : "无", notes: null,
  };
}

export const books: fc.Arbitrary<WorkbookInput[]> = fc.array(
  fc.record({
    file: fc.constantFrom("a.xlsx", "b.xlsx"),
    grids: fc.array(fc.oneof(anyGrid, mutatedSheet), { maxLength: 3 }),
  }),
  { minLength: 1, maxLength: 3 },
);

export const options: fc.Arbitrary<ValidateOptions> = fc.record(
  {
    roster: fc.array(fc.oneof(anyGrid, mutatedSheet), { maxLength: 2 }),
    settings: fc.record(
      {
        assessmentYear: fc.option(fc.integer({ min: 2020, max: 2030 }), { nil: null }),
        partyWeight: fc.double({ min: 0, max: 1, noNaN: true }),
        method: fc.constantFrom("weighted" as const, "multiplier" as const),
      },
      { requiredKeys: [] },
    ),
    sheet: fc.constantFrom("甲", "Sheet1"),
    locale: fc.constantFrom("zh-CN" as const, "en-US" as const),
  },
  { requiredKeys: ["locale"] },
);
