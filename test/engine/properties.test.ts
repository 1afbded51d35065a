/**
 * Properties of `validate` over generated input (ENGINEERING.md §3): it never throws on any grid,
 * its results are deterministic and plain data, every finding is well-formed (address, severity
 * of PRODUCT.md §3, at most one error per cell), and a generated valid sheet has no error.
 */
import fc from "fast-check";
import type { Cell, CellRange, Grid, Report, ValidateOptions, WorkbookInput } from "../../src/engine";
import { columnLetter, validate } from "../../src/engine";
import type { Plain } from "../support/grid";
import { LABEL, TITLE, sheet, type Col, type Key, type Row } from "./helpers";

/** PRODUCT.md §3, written out here so the test does not trust the engine's own table. */
const SEVERITY: Record<string, string> = {
  "header-not-found": "error",
  "missing-column": "error",
  "duplicate-header": "error",
  "blank-header": "error",
  "unknown-column": "warning",
  "extra-cell": "error",
  "blank-row": "info",
  "period-unknown": "info",
  "missing-value": "error",
  "excel-error": "error",
  "not-a-number": "error",
  "not-an-integer": "error",
  "out-of-range": "error",
  "bad-option": "error",
  "number-as-text": "warning",
  "duplicate-branch": "error",
  "total-mismatch": "error",
  inconsistent: "warning",
  "unknown-branch": "warning",
  "missing-branch": "error",
  "unsupported-file": "error",
};

/** PRODUCT.md §4. */
const FLAG_LABEL: Record<string, string> = {
  "missing-meetings": "缺会",
  "unspent-funds": "经费未用",
  "no-new-members": "未发展党员",
  "small-branch": "党员不足3人",
  "committee-missing": "应设未设支委会",
  "large-branch": "党员超过50人",
  "dues-shortfall": "党费未足额",
};
const FLAG_ORDER = Object.keys(FLAG_LABEL);
const ALWAYS_WARNING = new Set(["small-branch", "committee-missing", "large-branch"]);

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

const anyCell: fc.Arbitrary<Cell> = fc.oneof(
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
const anyGrid: fc.Arbitrary<Grid> = fc
  .record({
    sheet: fc.oneof(fc.constantFrom("Sheet1", "填报", "名册", "汇总"), fc.string({ maxLength: 8 })),
    origin: fc.record({ row: fc.integer({ min: 1, max: 30 }), col: fc.integer({ min: 1, max: 20 }) }),
    cells: fc.array(fc.array(anyCell, { maxLength: 14 }), { maxLength: 16 }),
    visible: fc.option(fc.boolean(), { nil: undefined }),
  })
  .chain((g) =>
    fc.array(anyRange(g.origin.row + 20, g.origin.col + 16), { maxLength: 6 }).map((merges): Grid => ({ ...g, merges })),
  );

/** The standard sheet with random cells overwritten, rows dropped and merges added: reaches the rules. */
const mutatedSheet: fc.Arbitrary<Grid> = fc
  .record({
    rows: fc.integer({ min: 0, max: 6 }),
    columns: fc.shuffledSubarray(Object.keys(LABEL) as Key[], { minLength: 3 }),
    title: fc.constantFrom<(Plain[][] | null)[]>(null, [[TITLE], ["填报单位：机关党委\u3000统计期间：2025年上半年"]], [["统计期间：", "第三季度"]]),
    origin: fc.record({ row: fc.integer({ min: 1, max: 5 }), col: fc.integer({ min: 1, max: 5 }) }),
    edits: fc.array(fc.record({ r: fc.nat(12), c: fc.nat(32), cell: anyCell }), { maxLength: 12 }),
    merges: fc.array(anyRange(20, 35), { maxLength: 4 }),
    sheet: fc.constantFrom("甲", "乙", "Sheet1"),
  })
  .map(({ rows: n, columns, title, origin, edits, merges, sheet: name }) => {
    const data: Row[] = Array.from({ length: n }, (_, i) => cleanish(i));
    const g = sheet({ rows: data, columns: ["branch", ...columns.filter((c) => c !== "branch")], title, origin, sheet: name }).grid;
    const cells = g.cells.map((r) => [...r]);
    for (const { r, c, cell } of edits) {
      while (cells.length <= r) cells.push([]);
      cells[r][c] = cell;
    }
    for (const row of cells) for (let i = 0; i < row.length; i++) row[i] ??= { kind: "empty" };
    return { ...g, cells, merges: [...g.merges, ...merges] };
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

const books: fc.Arbitrary<WorkbookInput[]> = fc.array(
  fc.record({
    file: fc.constantFrom("a.xlsx", "b.xlsx"),
    grids: fc.array(fc.oneof(anyGrid, mutatedSheet), { maxLength: 3 }),
  }),
  { minLength: 1, maxLength: 3 },
);

const options: fc.Arbitrary<ValidateOptions> = fc.record(
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
  },
  { requiredKeys: [] },
);

function checkWellFormed(report: Report): void {
  let errors = 0;
  let warnings = 0;
  let infos = 0;
  let flags = 0;
  for (const file of report.files) {
    if (file.error !== undefined) errors++;
    for (const s of file.sheets) {
      const erred = new Set<string>();
      for (const f of s.findings) {
        expect(f.sheet).toBe(s.sheet);
        const m = /^([A-Z]{1,3})([1-9][0-9]*)$/.exec(f.cell);
        expect(m).not.toBeNull();
        expect(f.column).toBe(m![1]);
        expect(f.row).toBe(Number(m![2]));
        expect(f.severity).toBe(SEVERITY[f.rule]);
        expect(typeof f.message).toBe("string");
        expect(f.message.length).toBeGreaterThan(0);
        // What the department typed is quoted in the message and may hold braces of its own.
        const ownText = f.message.split(String(f.value ?? "\u0000")).join("");
        expect(ownText).not.toMatch(/\{\w+\}|undefined/);
        if (f.severity === "error") {
          // missing-column is about a column: several may share the header cell they are pinned to.
          if (f.rule !== "missing-column") {
            expect(erred.has(f.cell)).toBe(false);
            erred.add(f.cell);
          }
          errors++;
        } else if (f.severity === "warning") warnings++;
        else infos++;
      }
      let last = -1;
      let lastRow = -1;
      for (const flag of s.flags) {
        expect(FLAG_LABEL[flag.flag]).toBe(flag.label);
        expect(["warning", "critical"]).toContain(flag.level);
        if (ALWAYS_WARNING.has(flag.flag)) expect(flag.level).toBe("warning");
        expect(flag.sheet).toBe(s.sheet);
        expect(flag.detail).not.toMatch(/\{\w+\}|undefined|NaN|Infinity/);
        const order = FLAG_ORDER.indexOf(flag.flag);
        if (flag.row === lastRow) expect(order).toBeGreaterThan(last);
        else expect(flag.row).toBeGreaterThan(lastRow);
        last = order;
        lastRow = flag.row;
        flags++;
      }
      expect(s.months).toBeGreaterThanOrEqual(1);
      expect(s.months).toBeLessThanOrEqual(12);
    }
  }
  expect(report.summary).toEqual({ errors: errors + report.roster.missing.length, warnings, infos, flags });
}

describe("validate on any input", () => {
  it("never throws, is deterministic, leaves its input alone, and returns plain, well-formed data", () => {
    fc.assert(
      fc.property(books, options, (input, opts) => {
        const before = structuredClone({ input, opts: { ...opts, ownSheets: undefined } });
        const report = validate(input, opts);
        expect(structuredClone({ input, opts: { ...opts, ownSheets: undefined } })).toEqual(before);
        const again = validate(structuredClone(input), structuredClone(opts));
        expect(again).toEqual(report);
        expect(JSON.parse(JSON.stringify(report))).toEqual(report);
        checkWellFormed(report);
      }),
      { numRuns: 400 },
    );
  });

  it("never throws on a grid of one sheet alone, whatever its merges and origin", () => {
    fc.assert(
      fc.property(fc.oneof(anyGrid, mutatedSheet), (g) => {
        const report = validate([{ file: "x.xlsx", grids: [g] }]);
        checkWellFormed(report);
        expect(report.files[0].sheets.length + report.files[0].skipped.length).toBeGreaterThanOrEqual(1);
      }),
      { numRuns: 600 },
    );
  });
});

// ---------------------------------------------------------------------------------------------
// A generated valid sheet: any column order, any optional columns, any number of clean rows,
// numbers as numbers or as text, optional title, blank/section/total/footer rows.

const REQUIRED: Key[] = ["branch", "membersFormal", "generalMeetings", "committeeMeetings", "groupMeetings", "lectures", "newMembers", "budget", "spent"];
const OPTIONAL: Key[] = (Object.keys(LABEL) as Key[]).filter((k) => !REQUIRED.includes(k));
const SUMMABLE: Key[] = ["membersFormal", "membersProbationary", "groups", "generalMeetings", "committeeMeetings", "groupMeetings", "lectures", "themeDays", "activists", "newMembers", "newMembersPrev", "nonMemberStaff", "budget", "spent", "duesDue", "duesPaid"];
const MONEY: Key[] = ["budget", "spent", "duesDue", "duesPaid"];
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

const validSheet = fc
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
  .map((s) => {
    const chosen: Key[] = [...REQUIRED, ...s.optional];
    const columns = chosen.map((k, i) => [k, s.order[i]] as const).sort((a, b) => a[1] - b[1]).map(([k]) => k);
    const labels: Partial<Record<Col, string>> = {};
    if (s.wanYuan) for (const k of MONEY) labels[k] = LABEL[k].replace("（元）", "（万元）");
    const body: (Row | Plain[])[] = s.rs.map((r) => r.cells);
    if (s.total) {
      const total: Row = { [columns[0]]: "合计" };
      for (const k of SUMMABLE) if (columns.includes(k) && k !== columns[0]) total[k] = s.rs.reduce((a, r) => a + r.values[k]!, 0);
      body.push(total);
    }
    if (s.blankAt !== undefined && s.blankAt < body.length) body.splice(s.blankAt, 0, []);
    if (s.sectionFirst) body.unshift(["一、机关"]);
    if (s.footer) body.push(["注：本表由各单位填报。"], ["填表人：张三", null, "联系电话：123"]);
    return { grid: sheet({ columns, labels, rows: body, title: s.title, origin: s.origin }).grid, n: s.n };
  });

describe("a generated valid sheet", () => {
  it("has no error, and every branch is read", () => {
    fc.assert(
      fc.property(validSheet, ({ grid: g, n }) => {
        const report = validate([{ file: "ok.xlsx", grids: [g] }]);
        const errors = report.files[0].sheets.flatMap((s) => s.findings).filter((f) => f.severity === "error");
        expect(errors).toEqual([]);
        expect(report.files[0].sheets.map((s) => s.rows)).toEqual([n]);
        checkWellFormed(report);
      }),
      { numRuns: 300 },
    );
  });
});

describe("columnLetter", () => {
  it("round-trips with the A1 addresses findings use", () => {
    expect([1, 26, 27, 52, 703, 16384].map(columnLetter)).toEqual(["A", "Z", "AA", "AZ", "AAA", "XFD"]);
  });
});
