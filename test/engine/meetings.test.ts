/** The 三会一课 meeting ledger (LEDGERS.md §2, §6): recognition, the rules of its rows, coverage, absences, the 统计表. */
import fc from "fast-check";
import type { Flag } from "../../src/engine";
import { grid } from "../support/grid";
import { briefs, check, checkBooks, findingsOf, flagsOf, only, sheetsOf } from "./helpers";
import { fullYear, ledger, MEETING_HEADER, submission, type Meeting } from "./ledger";

const without = (meetings: Meeting[], drop: (m: Meeting) => boolean) => meetings.filter((m) => !drop(m));

describe("recognised as a meeting ledger", () => {
  it("by 党支部名称, 会议类型 and 会议日期; a clean year has no finding and no flag", () => {
    const report = check(ledger(fullYear()));
    expect(sheetsOf(report).map((s) => [s.sheet, s.kind, s.rows])).toEqual([["三会一课台账", "meetings", fullYear().length]]);
    expect(briefs(report)).toEqual([]);
    expect(flagsOf(report)).toEqual([]);
  });

  it("takes the branch from the title block when there is no branch column; without either, missing-column", () => {
    const header = MEETING_HEADER.filter((h) => h !== "党支部名称");
    const rows = (meetings: Meeting[]) => meetings.map((m, i) => [i + 1, m.type, { date: 45672 + i }, "学习", "张", "李", 10, 9, 1, 0, "", null]);
    const titled = grid([["党支部：机关第一党支部　统计期间：2025年"], header, ...rows([{ type: "党员大会", date: "" }])], { sheet: "台账" });
    const report = check(titled);
    expect(sheetsOf(report)[0].kind).toBe("meetings");
    expect(only(report, "missing-column")).toEqual([]);
    expect(flagsOf(report).map((f) => f.branch)).toEqual(["机关第一党支部"]);
    const unit = grid([["填报单位：机关第二党支部"], header, ...rows([{ type: "党员大会", date: "" }])], { sheet: "台账" });
    expect(flagsOf(check(unit, { settings: { assessmentYear: 2025 } })).map((f) => f.branch)).toEqual(["机关第二党支部"]);
    const bare = grid([header, ...rows([{ type: "党员大会", date: "" }])], { sheet: "台账" });
    expect(only(check(bare), "missing-column").map((f) => f.field)).toEqual(["branch"]);
  });

  it("matches labels as real forms write them: 所在党支部, 实际会议时间, 会议名称 beside 会议时间", () => {
    const header = ["所在党支部", "会议类别", "实际会议时间", "会议名称", "会议地点", "应到人数", "实到人数"];
    const g = grid([["统计期间：2025年"], header, ["第一党支部", "支部党员大会", { date: 45672 }, "学习", "会议室", 10, 9]]);
    const report = check(g);
    expect(sheetsOf(report)[0].kind).toBe("meetings");
    expect(only(report, "unknown-column")).toEqual([]);
    expect(only(report, "duplicate-header")).toEqual([]);
  });

  it("a 统计表 stays a 统计表: the first kind a sheet fits", () => {
    expect(sheetsOf(check(submission([{ branch: "第一党支部", general: 4, lectures: 4 }])))[0].kind).toBe("submission");
  });
});

describe("dates", () => {
  it("a text date is read, with date-as-text and the ISO date as fix; an impossible or part date is bad-date", () => {
    const meetings = fullYear();
    meetings[0] = { ...meetings[0], date: "2025.1.5" };
    meetings[1] = { ...meetings[1], date: "2025/2/30" };
    meetings[2] = { ...meetings[2], date: "202503" };
    const report = check(ledger(meetings));
    const dated = findingsOf(report).filter((f) => f.field === "date");
    expect(dated.map((f) => [f.rule, f.cell, f.fix])).toEqual([
      ["date-as-text", "D4", "2025-01-05"],
      ["bad-date", "D5", undefined],
      ["bad-date", "D6", undefined],
    ]);
    expect(dated[0].message).toBe("D4：会议日期“2025.1.5”不是日期格式，已识别为 2025-01-05。请改为日期格式的 2025-01-05。");
  });
});

describe("row rules", () => {
  it("date-out-of-period: a meeting of another year is reported and does not count", () => {
    const meetings = fullYear();
    const i = meetings.findIndex((m) => m.type === "党课");
    meetings[i] = { ...meetings[i], date: "2024-12-20" };
    const report = check(ledger(meetings));
    expect(briefs(report)).toEqual([`date-out-of-period@D${i + 4}`]);
    expect(flagsOf(report).map((f) => [f.flag, f.gaps])).toEqual([["missing-meetings", [{ type: "党课", periods: ["2025Q1"] }]]]);
  });

  it("attendance-mismatch: more present than expected; counts that do not add up; more absentees than leave and absent", () => {
    const meetings = fullYear();
    meetings[0] = { ...meetings[0], expected: 5, present: 6, leave: 0 };
    meetings[1] = { ...meetings[1], expected: 10, present: 7, leave: 1, absent: 1 };
    meetings[3] = { ...meetings[3], expected: 10, present: 9, leave: 1, absent: 0, absentees: "王五（出差）、赵六" };
    const found = only(check(ledger(meetings)), "attendance-mismatch");
    expect(found.map((f) => f.cell)).toEqual(["I4", "I5", "I7"]);
    expect(found[1].message).toBe("I5：实到 7 人、请假 1 人、缺席 1 人，合计 9 人，与应到 10 人不符。请核对人数。");
  });

  it("quorum-not-met: a 党员大会 with half present does not count; a 党课 needs no quorum", () => {
    const meetings = fullYear();
    const i = meetings.findIndex((m) => m.type === "党员大会");
    meetings[i] = { ...meetings[i], expected: 10, present: 5, leave: 5 };
    const j = meetings.findIndex((m) => m.type === "党课");
    meetings[j] = { ...meetings[j], expected: 10, present: 2, leave: 8 };
    const report = check(ledger(meetings));
    expect(briefs(report)).toEqual([`quorum-not-met@I${i + 4}`]);
    expect(only(report, "quorum-not-met")[0].message).toContain("党员大会应到 10 人、实到 5 人，未超过半数");
    expect(flagsOf(report).map((f) => f.gaps)).toEqual([[{ type: "党员大会", periods: ["2025Q1"] }]]);
  });

  it("duplicate-meeting: the same branch, type and date again is reported at the later row and counts once", () => {
    const meetings = [...fullYear(), { branch: "第一党支部", type: "支部委员会", date: "2025-01-05" }];
    const report = check(ledger(meetings));
    expect(briefs(report)).toEqual([`duplicate-meeting@D${meetings.length + 3}`]);
    expect(only(report, "duplicate-meeting")[0].message).toBe(`D${meetings.length + 3}：第一党支部2025-01-05的支委会已在第4行登记，本行不重复计入。请删除重复记录，或核对日期和类型。`);
  });

  it("a type outside the list is bad-option, naming the types", () => {
    const meetings = [...fullYear(), { type: "茶话会", date: "2025-05-05" }];
    const found = only(check(ledger(meetings)), "bad-option");
    expect(found.map((f) => f.cell)).toEqual([`C${meetings.length + 3}`]);
    expect(found[0].message).toContain("党员大会、支委会、党小组会、党课、主题党日、组织生活会、民主评议");
  });

  it("host, recorder, expected and present are required where their columns are", () => {
    const meetings = fullYear();
    const rows = ledger(meetings);
    rows.cells[3][5] = { kind: "empty" };
    rows.cells[3][8] = { kind: "empty" };
    expect(only(check(rows), "missing-value").map((f) => f.cell)).toEqual(["F4", "I4"]);
  });
});

describe("coverage: missing-meetings with gaps", () => {
  it("names every uncovered quarter and month, in time order, in the exact format of LEDGERS.md §2", () => {
    const meetings = without(fullYear(), (m) => (m.type === "党员大会" && m.date === "2025-04-10") || (m.type === "支委会" && (m.date === "2025-03-05" || m.date === "2025-07-05")));
    const [flag] = flagsOf(check(ledger(meetings)));
    expect(Object.keys(flag)).toEqual(["flag", "level", "branch", "unit", "sheet", "row", "label", "detail", "gaps"]);
    expect(flag).toEqual({
      flag: "missing-meetings",
      level: "warning",
      branch: "第一党支部",
      unit: "机关一局",
      sheet: "三会一课台账",
      row: 4,
      label: "缺会",
      detail: "党员大会：第2季度无；支委会：3月、7月无",
      gaps: [
        { type: "党员大会", periods: ["2025Q2"] },
        { type: "支委会", periods: ["2025-03", "2025-07"] },
      ],
    });
  });

  it("is critical when a required type has no counted meeting in the whole period", () => {
    const [flag] = flagsOf(check(ledger(without(fullYear(), (m) => m.type === "党课"))));
    expect([flag.level, flag.gaps]).toEqual(["critical", [{ type: "党课", periods: ["2025Q1", "2025Q2", "2025Q3", "2025Q4"] }]]);
  });

  it("支委会, 党小组会, 主题党日 and the yearly meetings are required only as LEDGERS.md §2 says", () => {
    const core = fullYear().filter((m) => m.type === "党员大会" || m.type === "党课");
    expect(flagsOf(check(ledger(core)))).toEqual([]);
    const oneGroup = [...core, { type: "党小组会", date: "2025-02-02" }];
    expect(flagsOf(check(ledger(oneGroup)))[0].gaps?.map((g) => [g.type, g.periods.length])).toEqual([["党小组会", 11]]);
    // Half a year: no 组织生活会 or 民主评议 is due.
    const half = fullYear().filter((m) => m.date !== "2025-12-25" && (m.type !== "民主评议" || false));
    const first = ledger(half.filter((m) => String(m.date) < "2025-07"), { title: ["统计期间：2025年上半年"] });
    expect(flagsOf(check(first))).toEqual([]);
  });

  it("a 统计表 row says whether the branch has a committee: hasCommittee, else membersFormal ≥ 7", () => {
    const noCommittee = fullYear().filter((m) => m.type !== "支委会");
    const small = submission([{ branch: "第一党支部", general: 4, lectures: 4, formal: 5 }]);
    expect(flagsOf(checkBooks([{ file: "a.xlsx", grids: [small, ledger(noCommittee)] }])).filter((f) => f.sheet !== "统计表")).toEqual([]);
    const large = submission([{ branch: "第一党支部", general: 4, lectures: 4, committee: 0, formal: 9 }]);
    const flags = flagsOf(checkBooks([{ file: "a.xlsx", grids: [large, ledger(noCommittee)] }])).filter((f) => f.sheet !== "统计表");
    expect(flags.map((f) => [f.level, f.gaps?.map((g) => g.type)])).toEqual([["critical", ["支委会"]]]);
  });
});

describe("the period", () => {
  it("comes from the title block, else the assessment year, else the year of most dates with period-unknown", () => {
    const meetings = fullYear();
    const untitled = ledger(meetings, { title: ["三会一课台账"] });
    expect(briefs(check(untitled))).toEqual(["period-unknown@A1"]);
    expect(only(check(untitled), "period-unknown")[0].message).toContain("2025 年");
    expect(briefs(check(untitled, { settings: { assessmentYear: 2025 } }))).toEqual([]);
    // Read as 2024, every meeting of 2025 is out of the period.
    expect(only(check(untitled, { settings: { assessmentYear: 2024 } }), "date-out-of-period")).toHaveLength(meetings.length);
  });
});

describe("long-absence", () => {
  const absentAt = (meetings: Meeting[], name: string, months: number[]) =>
    meetings.map((m) =>
      ["党员大会", "主题党日", "党小组会"].includes(m.type) && months.includes(Number(String(m.date).slice(5, 7))) ? { ...m, leave: 0, absent: 1, absentees: name } : m,
    );

  it("flags a member absent without a reason from every meeting of 6 consecutive months, by name", () => {
    const meetings = absentAt(fullYear(), "张三", [3, 4, 5, 6, 7, 8]);
    const flags = flagsOf(check(ledger(meetings))).filter((f) => f.flag === "long-absence");
    expect(flags.map((f) => [f.person, f.level, f.label, f.detail])).toEqual([
      ["张三", "warning", "连续6个月未参加组织生活", "张三：2025年3月至2025年8月的 8 次党员大会、党小组会、主题党日均缺席且未注明原因，请核实"],
    ]);
  });

  it("a reason, or a meeting attended, in the six months breaks the run", () => {
    expect(flagsOf(check(ledger(absentAt(fullYear(), "张三", [3, 4, 5, 6, 7]))))).toEqual([]);
    expect(flagsOf(check(ledger(absentAt(fullYear(), "张三（病假）", [3, 4, 5, 6, 7, 8]))))).toEqual([]);
  });
});

describe("against the 统计表 (LEDGERS.md §6)", () => {
  it("a reported count that differs from the counted meetings gets ledger-mismatch at the 统计表 cell, naming the ledger rows", () => {
    const meetings = without(fullYear(), (m) => m.type === "党员大会" && m.date === "2025-04-10");
    const report = checkBooks([
      { file: "统计表.xlsx", grids: [submission([{ branch: "第一党支部", general: 4, committee: 12, lectures: 4, themeDays: 12 }])] },
      { file: "台账.xlsx", grids: [ledger(meetings)] },
    ]);
    const found = only(report, "ledger-mismatch");
    const rows = meetings.flatMap((m, i) => (m.type === "党员大会" ? [i + 4] : []));
    expect(found.map((f) => [f.sheet, f.cell, f.field, f.value])).toEqual([["统计表", "D3", "generalMeetings", 4]]);
    expect(found[0].message).toBe(`D3：党员大会报表填报 4 次，台账记录 3 次（三会一课台账 第${rows.join("、")}行）。请核对报表与台账。`);
  });

  it("a blank 统计表 cell, a branch without ledger rows, and a ledger of another period are not compared", () => {
    const report = checkBooks([
      {
        file: "a.xlsx",
        grids: [
          submission([
            { branch: "第一党支部", general: 9, lectures: 9 },
            { branch: "第二党支部", general: 1, lectures: 1 },
          ]),
          ledger(fullYear(), { title: ["统计期间：2024年"] }),
        ],
      },
    ]);
    expect(only(report, "ledger-mismatch")).toEqual([]);
  });
});

describe("shuffling the ledger's rows", () => {
  it("changes no gap and no flag", () => {
    const base = without(fullYear(), (m) => m.type === "党课" || m.date === "2025-06-05");
    base.push(...fullYear("第二党支部").filter((m) => m.type !== "支委会"), { branch: "第一党支部", type: "支委会", date: "2025-01-05" });
    const meetings = base.map((m) => (["党员大会", "主题党日"].includes(m.type) && m.branch === "第二党支部" ? { ...m, leave: 0, absent: 1, absentees: "孙七" } : m));
    const brief = (flags: Flag[]) => flags.map(({ row: _row, ...rest }) => rest).sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b)));
    const expected = brief(flagsOf(check(ledger(meetings))));
    expect(expected.map((f) => f.flag)).toEqual(expect.arrayContaining(["missing-meetings", "long-absence"]));
    fc.assert(
      fc.property(fc.shuffledSubarray(meetings, { minLength: meetings.length, maxLength: meetings.length }), (shuffled) => {
        expect(brief(flagsOf(check(ledger(shuffled))))).toEqual(expected);
      }),
      { numRuns: 40 },
    );
  });
});
