/**
 * One describe per rule of PRODUCT.md §3. Every test starts from the clean standard sheet
 * (no finding, no flag) and alters one thing; it then asserts the exact findings it expects —
 * rule, cell, severity, fix — and nothing else.
 */
import type { Finding } from "../../src/engine";
import { grid } from "../support/grid";
import {
  ALL,
  briefs,
  check,
  checkBooks,
  checkRow,
  cleanRow,
  findingsOf,
  only,
  rows,
  sheet,
  sheetsOf,
  single,
  TITLE,
  type Col,
  type Row,
} from "./helpers";

const without = (...keys: Col[]): Col[] => ALL.filter((k) => !keys.includes(k));

describe("the clean standard sheet", () => {
  it("gives no finding and no flag", () => {
    const report = check(sheet().grid);
    expect(findingsOf(report)).toEqual([]);
    expect(sheetsOf(report).flatMap((s) => s.flags)).toEqual([]);
    expect(report.summary).toEqual({ errors: 0, warnings: 0, infos: 0, flags: 0 });
    expect(sheetsOf(report)).toMatchObject([{ sheet: "Sheet1", unit: "机关党委", months: 12, rows: 3 }]);
  });

  it("gives no finding with only the required columns", () => {
    const columns: Col[] = ["branch", "membersFormal", "generalMeetings", "committeeMeetings", "lectures", "newMembers", "budget", "spent"];
    expect(briefs(check(sheet({ columns }).grid))).toEqual([]);
  });

  it("gives no finding for twenty rows in shuffled column order", () => {
    const columns = [...ALL].reverse();
    expect(briefs(check(sheet({ columns, rows: rows(20) }).grid))).toEqual([]);
  });

  it("gives no finding for blank optional cells", () => {
    const optional: Row = {
      seq: null, code: null, unit: null, membersProbationary: null, themeDays: null, orgLifeMeeting: null,
      memberReview: null, activists: null, newMembersPrev: null, nonMemberStaff: null, duesDue: null,
      duesPaid: null, levelPrev: null, level: null, partyScorePrev: null, partyScore: null,
      businessScore: null, veto: null, notes: null,
    };
    expect(briefs(checkRow(optional).report)).toEqual([]);
  });
});

describe("header-not-found", () => {
  it("is reported once at A1 of the first visible sheet of a workbook with no submission", () => {
    const hidden = sheet({ sheet: "隐藏", visible: false }).grid;
    const notes = grid([[null, null], [null, "会议记录"], [null, "第1党支部"]], { sheet: "记录", origin: { row: 3, col: 2 } });
    const other = grid([["党支部名称", "正式党员数"], ["第1党支部", 3]], { sheet: "其他" });
    const report = check([hidden, notes, other]);
    const all = findingsOf(report);
    expect(all).toHaveLength(1);
    expect(all[0]).toMatchObject({ rule: "header-not-found", severity: "error", sheet: "记录", cell: "A1", row: 1, column: "A" });
    expect(report.summary.errors).toBe(1);
  });

  it("needs 党支部名称 plus three content keys", () => {
    const two = sheet({ columns: ["seq", "branch", "membersFormal", "generalMeetings", "notes"] }).grid;
    expect(briefs(check(two))).toEqual(["header-not-found@A1"]);
    const noBranch = sheet({ columns: without("branch") }).grid;
    expect(briefs(check(noBranch))).toEqual(["header-not-found@A1"]);
    const three = sheet({ columns: ["branch", "membersFormal", "generalMeetings", "lectures"] }).grid;
    expect(only(check(three), "header-not-found")).toEqual([]);
  });

  it("is not reported when another sheet of the workbook is a submission", () => {
    const report = check([grid([["说明"]], { sheet: "说明" }), sheet({ sheet: "填报" }).grid]);
    expect(findingsOf(report)).toEqual([]);
    expect(report.files[0].skipped).toEqual(["说明"]);
  });
});

describe("missing-column", () => {
  const required: [Col, string][] = [
    ["membersFormal", "正式党员数"],
    ["generalMeetings", "党员大会"],
    ["lectures", "党课"],
    ["newMembers", "本年发展党员数"],
    ["budget", "党建经费预算"],
    ["spent", "党建经费支出"],
  ];
  it.each(required)("is reported when %s is absent, at the leftmost cell of the header row", (key, label) => {
    const built = sheet({ columns: without(key) });
    const f = single(check(built.grid));
    expect(f).toMatchObject({ rule: "missing-column", severity: "error", cell: "A3", row: 3, column: "A", field: key });
    expect(f.message).toContain(label);
  });

  it("is at the leftmost cell of the last row of a two-row header", () => {
    const g = grid(
      [
        ["序号", "党支部名称", "正式党员数", "三会一课（次）", null, "本年发展党员数", "党建经费预算", "党建经费支出"],
        [null, null, null, "党员大会", "党课", null, null, null],
        [1, "第1党支部", 5, 4, 4, 1, 100, 100],
      ],
      { merges: ["A1:A2", "B1:B2", "C1:C2", "D1:E1", "F1:F2", "G1:G2", "H1:H2"] },
    );
    expect(briefs(check(g))).toEqual(["period-unknown@A1"]);
    const noLectures = grid(
      [
        ["序号", "党支部名称", "正式党员数", "三会一课（次）", null, "本年发展党员数", "党建经费预算", "党建经费支出"],
        [null, null, null, "党员大会", "支委会", null, null, null],
        [1, "第1党支部", 5, 4, 4, 1, 100, 100],
      ],
      { merges: ["A1:A2", "B1:B2", "C1:C2", "D1:E1", "F1:F2", "G1:G2", "H1:H2"] },
    );
    const f = only(check(noLectures), "missing-column");
    expect(f.map((x) => [x.cell, x.field])).toEqual([["A2", "lectures"]]);
  });

  it("asks for 支委会 when a row has a committee, and only then", () => {
    const noCommittee = without("committeeMeetings");
    expect(only(check(sheet({ columns: noCommittee }).grid), "missing-column").map((f) => [f.cell, f.field])).toEqual([
      ["A3", "committeeMeetings"],
    ]);
    const smallNoCommittee = rows(3).map((r) => ({ ...r, hasCommittee: "否", membersFormal: 5 }));
    expect(briefs(check(sheet({ columns: noCommittee, rows: smallNoCommittee }).grid))).toEqual([]);
    // 是否设支委会 absent: a committee is due from 7 正式党员.
    const small = rows(3).map((r) => ({ ...r, membersFormal: 5 }));
    expect(briefs(check(sheet({ columns: without("committeeMeetings", "hasCommittee"), rows: small }).grid))).toEqual([]);
  });

  it("asks for 党小组会 when a row has 党小组, and only then", () => {
    const noGroupMeetings = without("groupMeetings");
    expect(only(check(sheet({ columns: noGroupMeetings }).grid), "missing-column").map((f) => f.field)).toEqual(["groupMeetings"]);
    const noGroups = rows(3).map((r) => ({ ...r, groups: 0 }));
    expect(briefs(check(sheet({ columns: noGroupMeetings, rows: noGroups }).grid))).toEqual([]);
    expect(briefs(check(sheet({ columns: without("groupMeetings", "groups") }).grid))).toEqual([]);
  });
});

describe("duplicate-header", () => {
  it("is reported at the second column mapping the same key, once", () => {
    const columns = [...ALL, "支部党员大会"];
    const data = rows(3).map((r) => ({ ...r, 支部党员大会: "x" }));
    const built = sheet({ columns, rows: data });
    const f = single(check(built.grid));
    expect(f).toMatchObject({ rule: "duplicate-header", severity: "error", cell: "AE3", field: "generalMeetings", value: "支部党员大会" });
  });

  it("reads the first of the two columns", () => {
    const columns = ["支部党员大会", ...ALL];
    const data = rows(3).map((r) => ({ ...r, 支部党员大会: 4, generalMeetings: "abc" }));
    const report = check(sheet({ columns, rows: data }).grid);
    expect(briefs(report)).toEqual(["duplicate-header@J3"]);
  });
});

describe("blank-header", () => {
  it("is reported once at the empty header cell of a column with data between labelled columns", () => {
    const columns = [...ALL.slice(0, 5), "", ...ALL.slice(5)];
    const data = rows(3).map((r, i) => ({ ...r, "": i === 2 ? null : "附注" }));
    const f = single(check(sheet({ columns, rows: data }).grid));
    expect(f).toMatchObject({ rule: "blank-header", severity: "error", cell: "F3", row: 3, column: "F" });
  });

  it("is not reported for an empty unlabelled column", () => {
    const columns = [...ALL.slice(0, 5), "", ...ALL.slice(5)];
    expect(briefs(check(sheet({ columns }).grid))).toEqual([]);
  });
});

describe("unknown-column", () => {
  it("is a warning at the label, once, and its cells are not checked", () => {
    const columns = [...ALL.slice(0, 3), "联系人", ...ALL.slice(3)];
    const data = rows(3).map((r) => ({ ...r, 联系人: "#REF!" }));
    const f = single(check(sheet({ columns, rows: data }).grid));
    expect(f).toMatchObject({ rule: "unknown-column", severity: "warning", cell: "D3", value: "联系人" });
  });
});

describe("extra-cell", () => {
  it("is an error at each value right of the last labelled column", () => {
    const data: Row[] = rows(3);
    const built = sheet({ rows: data.map((r) => ALL.map((k) => r[k] ?? null)) });
    const cells = built.grid.cells;
    cells[3].push({ kind: "empty" }, { kind: "text", value: "补充" });
    cells[5].push({ kind: "number", value: 7 });
    const report = check(built.grid);
    expect(briefs(report)).toEqual(["extra-cell@AF4", "extra-cell@AE6"]);
    expect(findingsOf(report).map((f) => [f.severity, f.value])).toEqual([
      ["error", "补充"],
      ["error", 7],
    ]);
  });

  it("is not reported in the title block or the footer", () => {
    const built = sheet({
      title: [[TITLE], ["填报单位：机关党委\u3000统计期间：2025年", ...Array(30).fill(null), "填报日期：2026年1月5日"]],
      after: [["填表人：张三", ...Array(31).fill(null), "联系电话：123"]],
      merges: [],
    });
    expect(briefs(check(built.grid))).toEqual([]);
  });
});

describe("blank-row", () => {
  it("is an info at column A of each empty row between data rows", () => {
    const data: (Row | null[])[] = [cleanRow(0), [], [null, null], cleanRow(1), cleanRow(2)];
    const built = sheet({ rows: data as Row[] });
    const report = check(built.grid);
    expect(briefs(report)).toEqual(["blank-row@A5", "blank-row@A6"]);
    expect(findingsOf(report).every((f) => f.severity === "info")).toBe(true);
  });

  it("is at column A even when the table starts further right", () => {
    const data = [cleanRow(0), [], cleanRow(1)];
    const built = sheet({ rows: data as Row[], origin: { row: 1, col: 3 } });
    const blanks = only(check(built.grid), "blank-row");
    expect(blanks.map((f) => f.cell)).toEqual(["A5"]);
  });

  it("counts a row with only 序号 as blank", () => {
    const data = [cleanRow(0), { seq: 2 }, cleanRow(2)];
    expect(briefs(check(sheet({ rows: data }).grid))).toEqual(["blank-row@A5"]);
  });

  it("is not reported before the first data row, after the last, or before the footer", () => {
    const data = [[], cleanRow(0), cleanRow(1), [], { seq: 4 }, []];
    const built = sheet({ rows: data as Row[], after: [["填表人：张三"], [], ["x"]] });
    expect(briefs(check(built.grid))).toEqual([]);
  });
});

describe("period-unknown", () => {
  it("is an info at A1 when the title block has no period, and the period is 12 months", () => {
    const built = sheet({ title: [[TITLE], ["填报单位：机关党委"]] });
    const report = check(built.grid);
    const f = single(report);
    expect(f).toMatchObject({ rule: "period-unknown", severity: "info", cell: "A1", row: 1, column: "A" });
    expect(sheetsOf(report)[0].months).toBe(12);
  });

  it("is reported when there is no title block at all", () => {
    expect(briefs(check(sheet({ title: null }).grid))).toEqual(["period-unknown@A1"]);
  });

  it("is at A1 even when the used range starts elsewhere", () => {
    const built = sheet({ title: null, origin: { row: 2, col: 2 } });
    expect(briefs(check(built.grid))).toEqual(["period-unknown@A1"]);
  });

  it("is reported for a period that cannot be read", () => {
    const built = sheet({ title: [["填报单位：机关党委\u3000统计期间：不详"]] });
    expect(briefs(check(built.grid))).toEqual(["period-unknown@A1"]);
  });
});

describe("missing-value", () => {
  const required: Col[] = ["branch", "membersFormal", "generalMeetings", "lectures", "newMembers", "budget", "spent"];
  it.each(required)("is an error at a blank %s cell", (key) => {
    const { report, built } = checkRow({ [key]: null });
    const f = single(report);
    expect(f).toMatchObject({ rule: "missing-value", severity: "error", cell: built.at(key, 1), field: key });
    expect(f.fix).toBeUndefined();
  });

  it.each([
    ["whitespace", " \t "],
    ["U+3000", "\u3000"],
    ["a formula giving \"\"", ""],
  ])("treats %s as blank", (_, value) => {
    const { report, built } = checkRow({ lectures: value });
    expect(briefs(report)).toEqual([`missing-value@${built.at("lectures", 1)}`]);
  });

  it("asks for 支委会 when 是否设支委会 is 是", () => {
    const { report, built } = checkRow({ committeeMeetings: null, membersFormal: 4, hasCommittee: "是" });
    expect(briefs(report)).toEqual([`missing-value@${built.at("committeeMeetings", 1)}`]);
  });

  it("asks for 支委会 when 是否设支委会 is blank and there are 7 正式党员", () => {
    const { report, built } = checkRow({ committeeMeetings: null, membersFormal: 7, hasCommittee: null });
    expect(briefs(report)).toEqual([`missing-value@${built.at("committeeMeetings", 1)}`]);
  });

  it("does not ask for 支委会 when 是否设支委会 is 否, or blank with fewer than 7 正式党员", () => {
    expect(briefs(checkRow({ committeeMeetings: null, membersFormal: 9, hasCommittee: "否" }).report)).toEqual([]);
    expect(briefs(checkRow({ committeeMeetings: null, membersFormal: 6, hasCommittee: null }).report)).toEqual([]);
  });

  it("asks for 党小组会 only when 党小组数 > 0", () => {
    const { report, built } = checkRow({ groupMeetings: null, groups: 1 });
    expect(briefs(report)).toEqual([`missing-value@${built.at("groupMeetings", 1)}`]);
    expect(briefs(checkRow({ groupMeetings: null, groups: 0 }).report)).toEqual([]);
    expect(briefs(checkRow({ groupMeetings: null, groups: null }).report)).toEqual([]);
  });

  it("does not ask for optional cells", () => {
    expect(briefs(checkRow({ themeDays: null, partyScore: null, level: null, duesDue: null }).report)).toEqual([]);
  });
});

describe("excel-error", () => {
  const codes = ["#REF!", "#DIV/0!", "#N/A", "#VALUE!", "#NAME?", "#NUM!", "#NULL!", "#SPILL!", "#CALC!"];
  it.each(codes)("reports %s in a number cell, with the code as value", (code) => {
    const { report, built } = checkRow({ membersFormal: code });
    const f = single(report);
    expect(f).toMatchObject({ rule: "excel-error", severity: "error", cell: built.at("membersFormal", 1), field: "membersFormal", value: code });
    expect(f.message).toContain(code);
    expect(f.fix).toBeUndefined();
  });

  it.each([["branch"], ["level"], ["hasCommittee"], ["notes"], ["partyScore"]] as [Col][])("reports an error value in %s", (key) => {
    const { report, built } = checkRow({ [key]: "#N/A" });
    expect(briefs(report)).toEqual([`excel-error@${built.at(key, 1)}`]);
  });
});

describe("not-a-number", () => {
  it("is an error for text that is no number, without a fix", () => {
    const { report, built } = checkRow({ lectures: "四次左右" });
    const f = single(report);
    expect(f).toMatchObject({ rule: "not-a-number", severity: "error", cell: built.at("lectures", 1), value: "四次左右" });
    expect(f.fix).toBeUndefined();
  });

  it.each([
    ["四", 4],
    ["十二", 12],
    ["二十三", 23],
  ])("gives the Arabic value of the Chinese numeral %s as fix, still as an error", (text, value) => {
    const { report, built } = checkRow({ generalMeetings: text });
    const f = single(report);
    expect(f).toMatchObject({ rule: "not-a-number", severity: "error", cell: built.at("generalMeetings", 1), value: text, fix: value });
  });

  it("is an error for digits beyond what a number can hold, without a fix", () => {
    const digits = "9".repeat(400);
    const { report, built } = checkRow({ budget: digits });
    const f = single(report);
    expect(f).toMatchObject({ rule: "not-a-number", cell: built.at("budget", 1), value: digits });
    expect(f.fix).toBeUndefined();
    expect(JSON.stringify(report)).not.toContain("Infinity");
  });

  it("applies to money and score columns", () => {
    const { report, built } = checkRow({ budget: "约两万", partyScore: "优" });
    expect(briefs(report)).toEqual([`not-a-number@${built.at("budget", 1)}`, `not-a-number@${built.at("partyScore", 1)}`]);
  });
});

describe("not-an-integer", () => {
  it.each([
    ["membersFormal", 8.5],
    ["generalMeetings", 3.5],
    ["newMembers", 0.25],
    ["groups", 1.5],
  ] as [Col, number][])("is an error for %s = %s", (key, value) => {
    const { report, built } = checkRow({ [key]: value });
    const errors = findingsOf(report).filter((f) => f.severity === "error");
    expect(errors.map((f) => `${f.rule}@${f.cell}`)).toEqual([`not-an-integer@${built.at(key, 1)}`]);
    expect(errors[0].value).toBe(value);
  });

  it("accepts a count that is whole after rounding to 6 decimals", () => {
    expect(briefs(checkRow({ lectures: 4.0000000001 }).report)).toEqual([]);
  });

  it("does not apply to scores and money", () => {
    expect(briefs(checkRow({ partyScore: 91.5, businessScore: 90.5, budget: 20000.5, spent: 1234.56 }).report)).toEqual([]);
  });
});

describe("out-of-range", () => {
  it.each([
    ["membersFormal", 10000],
    ["membersFormal", -1],
    ["membersProbationary", 10000],
    ["groups", 1000],
    ["generalMeetings", 1000],
    ["activists", 10000],
    ["newMembers", 1000],
    ["newMembersPrev", -3],
    ["nonMemberStaff", 100000],
    ["budget", -1],
    ["duesPaid", -0.01],
    ["partyScore", 100.5],
    ["businessScore", -1],
    ["partyScorePrev", 101],
  ] as [Col, number][])("is an error for %s = %s", (key, value) => {
    const { report, built } = checkRow({ [key]: value });
    const errors = findingsOf(report).filter((f) => f.severity === "error");
    expect(errors.map((f) => `${f.rule}@${f.cell}`)).toEqual([`out-of-range@${built.at(key, 1)}`]);
    expect(errors[0].value).toBe(value);
  });

  it("shows a huge value as written, not as Infinity", () => {
    const { report, built } = checkRow({ membersFormal: 1e303 });
    const f = single(report);
    expect(f).toMatchObject({ rule: "out-of-range", cell: built.at("membersFormal", 1), value: 1e303 });
    expect(f.message).toContain("1e+303");
  });

  it("accepts the bounds", () => {
    const bounds: Row = { membersFormal: 9999, membersProbationary: 9999, groups: 999, generalMeetings: 999, nonMemberStaff: 99999, partyScore: 100, businessScore: 100, partyScorePrev: 0, budget: 0, spent: 0, level: "一般", newMembers: 0 };
    const errors = findingsOf(checkRow(bounds).report).filter((f) => f.severity === "error");
    expect(errors).toEqual([]);
  });
});

describe("bad-option", () => {
  it("is an error for a level outside the scheme; the message lists the levels", () => {
    const { report, built } = checkRow({ level: "优秀" });
    const f = single(report);
    expect(f).toMatchObject({ rule: "bad-option", severity: "error", cell: built.at("level", 1), field: "level", value: "优秀" });
    for (const level of ["后进", "一般", "先进"]) expect(f.message).toContain(level);
  });

  it("applies to 上年定级", () => {
    const { report, built } = checkRow({ levelPrev: "良好" });
    expect(briefs(report)).toEqual([`bad-option@${built.at("levelPrev", 1)}`]);
  });

  it("accepts each built-in scheme, chosen from the values", () => {
    const schemes = [
      ["较差", "一般", "较好", "好"],
      ["差", "一般", "较好", "好"],
      ["一星", "二星", "三星", "四星", "五星"],
    ];
    for (const scheme of schemes) {
      const data = scheme.map((level, i) => cleanRow(i, { levelPrev: level, level, partyScore: null }));
      expect(briefs(check(sheet({ rows: data }).grid))).toEqual([]);
    }
  });

  it("uses the level scheme of the settings", () => {
    const data = rows(3).map((r) => ({ ...r, levelPrev: "B", level: "A" }));
    data[1] = { ...data[1], level: "先进" };
    const built = sheet({ rows: data });
    const report = check(built.grid, { settings: { levels: ["C", "B", "A"], thresholds: [60, 90] } });
    const bad = only(report, "bad-option");
    expect(bad.map((f) => f.cell)).toEqual([built.at("level", 1)]);
    for (const level of ["C", "B", "A"]) expect(bad[0].message).toContain(level);
  });

  it("is an error for a yes/no value outside 是/否; the message lists them", () => {
    const { report, built } = checkRow({ hasCommittee: "可能" });
    const f = single(report);
    expect(f).toMatchObject({ rule: "bad-option", severity: "error", cell: built.at("hasCommittee", 1), value: "可能" });
    expect(f.message).toContain("是");
    expect(f.message).toContain("否");
  });

  it.each(["是", "有", "√", "Y", "y", "TRUE", 1, true, "1", "ｙ"])("accepts %p as yes", (value) => {
    expect(briefs(checkRow({ hasCommittee: value, memberReview: value }).report)).toEqual([]);
  });

  it.each(["否", "无", "×", "N", "FALSE", 0, false, "0"])("accepts %p as no", (value) => {
    expect(briefs(checkRow({ hasCommittee: value, committeeMeetings: 0, membersFormal: 5, memberReview: "是" }).report)).toEqual([]);
  });

  it("reports 民主评议党员 outside 是/否", () => {
    const { report, built } = checkRow({ memberReview: "2次" });
    expect(briefs(report)).toEqual([`bad-option@${built.at("memberReview", 1)}`]);
  });
});

describe("number-as-text", () => {
  it.each([
    ["12", 12],
    ["１２", 12],
    [" 12 ", 12],
    ["12次", 12],
    ["\u300012\u3000", 12],
  ])("is a warning with fix for %p in a count", (text, fix) => {
    const { report, built } = checkRow({ committeeMeetings: text });
    const f = single(report);
    expect(f).toMatchObject({ rule: "number-as-text", severity: "warning", cell: built.at("committeeMeetings", 1), field: "committeeMeetings", value: text, fix });
  });

  it("reads \"1,200\" as 1200", () => {
    const { report, built } = checkRow({ nonMemberStaff: "1,200", duesDue: "1,200" });
    expect(findingsOf(report).map((f) => [f.rule, f.cell, f.fix])).toEqual([
      ["number-as-text", built.at("nonMemberStaff", 1), 1200],
      ["number-as-text", built.at("duesDue", 1), 1200],
    ]);
  });

  it.each(["无", "—", "－", "-", "/", "／"])("reads the placeholder %p as 0 (fix 0)", (text) => {
    const { report, built } = checkRow({ activists: text });
    const f = single(report);
    expect(f).toMatchObject({ rule: "number-as-text", severity: "warning", cell: built.at("activists", 1), value: text, fix: 0 });
  });

  it("gives the fix in the column's own unit", () => {
    const labels = { budget: "党建经费预算（万元）", spent: "党建经费支出（万元）" };
    const data: Row[] = rows(3).map((r) => ({ ...r, budget: 2, spent: 1.5 }));
    data[1] = { ...data[1], budget: "1.2", spent: 1 };
    const built = sheet({ labels, rows: data });
    const report = check(built.grid);
    const f = single(report);
    expect(f).toMatchObject({ rule: "number-as-text", cell: built.at("budget", 1), fix: 1.2 });
  });

  it("uses the value: a placeholder in a required cell is no missing-value", () => {
    const { report } = checkRow({ newMembers: "无", newMembersPrev: 1 });
    expect(findingsOf(report).map((f) => f.rule)).toEqual(["number-as-text"]);
  });
});

describe("duplicate-branch", () => {
  const codeless = (): Row[] => rows(3).map((r) => ({ ...r, code: null }));

  it("is an error at the later branch cell of the same name in a sheet", () => {
    const data = codeless();
    data[2] = { ...data[2], branch: "第1党支部" };
    const built = sheet({ rows: data });
    const f = single(check(built.grid));
    expect(f).toMatchObject({ rule: "duplicate-branch", severity: "error", cell: built.at("branch", 2), field: "branch", value: "第1党支部" });
  });

  it("compares normalised names (whitespace, full width, case)", () => {
    const data = codeless();
    data[0] = { ...data[0], branch: "Ａ党支部" };
    data[2] = { ...data[2], branch: " a 党 支部\u3000" };
    const built = sheet({ rows: data });
    expect(briefs(check(built.grid))).toEqual([`duplicate-branch@${built.at("branch", 2)}`]);
  });

  it("compares names within a sheet regardless of 所属单位", () => {
    const data = codeless();
    data[2] = { ...data[2], branch: "第1党支部", unit: "办公室" };
    const built = sheet({ rows: data });
    expect(briefs(check(built.grid))).toEqual([`duplicate-branch@${built.at("branch", 2)}`]);
  });

  it("matches by code when present: at the later code cell", () => {
    const data = rows(3);
    data[2] = { ...data[2], code: "dzb００１" };
    const built = sheet({ rows: data });
    const f = single(check(built.grid));
    expect(f).toMatchObject({ rule: "duplicate-branch", cell: built.at("code", 2), field: "code", value: "dzb００１" });
  });

  it("does not match two branches with different codes, even of the same name", () => {
    const data = rows(3);
    data[2] = { ...data[2], branch: "第1党支部" };
    expect(briefs(check(sheet({ rows: data }).grid))).toEqual([]);
  });

  it("is reported across two sheets of two workbooks, at the later one", () => {
    const first = sheet({ sheet: "甲表", rows: codeless() }).grid;
    const second = codeless().slice(1).map((r, i) => ({ ...r, branch: i === 0 ? "第3党支部" : "第9党支部" }));
    const built = sheet({ sheet: "乙表", rows: second });
    const report = checkBooks([
      { file: "a.xlsx", grids: [first] },
      { file: "b.xlsx", grids: [built.grid] },
    ]);
    expect(report.files[0].sheets[0].findings).toEqual([]);
    const dup = report.files[1].sheets[0].findings;
    expect(dup.map((f) => `${f.rule}@${f.cell}`)).toEqual([`duplicate-branch@${built.at("branch", 0)}`]);
    expect(dup[0].message).toContain("甲表");
  });

  it("is reported across sheets by code, at the code cell", () => {
    const first = sheet({ sheet: "甲" }).grid;
    const second = sheet({ sheet: "乙", rows: [cleanRow(5, { code: "DZB002", unit: "办公室" })] });
    const report = checkBooks([
      { file: "a.xlsx", grids: [first] },
      { file: "b.xlsx", grids: [second.grid] },
    ]);
    expect(briefs(report)).toEqual([`duplicate-branch@${second.at("code", 0)}`]);
  });

  it("a duplicate's own code still identifies it: a third sheet with that code is a duplicate too, in either order", () => {
    // 甲 has 第1党支部 without a code; 乙 has it with code DZB777 (a duplicate by name); 丙 has DZB777 under another name.
    const first = sheet({ sheet: "甲", rows: [cleanRow(0, { code: null })] });
    const second = sheet({ sheet: "乙", rows: [cleanRow(0, { code: "DZB777" })] });
    const third = sheet({ sheet: "丙", rows: [cleanRow(4, { code: "DZB777" })] });
    const books = [first, second, third].map((built, i) => ({ file: `${i}.xlsx`, grids: [built.grid] }));
    expect(briefs(checkBooks(books))).toEqual([`duplicate-branch@${second.at("branch", 0)}`, `duplicate-branch@${third.at("code", 0)}`]);
    // Reversed: 乙 is a duplicate of 丙 by code, and 甲 of 乙 by name.
    expect(briefs(checkBooks([...books].reverse()))).toEqual([`duplicate-branch@${second.at("code", 0)}`, `duplicate-branch@${first.at("branch", 0)}`]);
  });

  it("does not match the same name in different units across sheets", () => {
    const first = sheet({ sheet: "甲", rows: codeless() }).grid;
    const second = sheet({ sheet: "乙", rows: codeless().map((r) => ({ ...r, unit: "办公室" })) }).grid;
    expect(briefs(checkBooks([{ file: "a.xlsx", grids: [first] }, { file: "b.xlsx", grids: [second] }]))).toEqual([]);
  });
});

describe("total-mismatch", () => {
  const seqTotal = (label: string, over: Row): Row => ({ seq: label, ...over });

  it("checks a 合计 row against every data row above; a correct one gives nothing", () => {
    const total = seqTotal("合计", { membersFormal: 27, membersProbationary: 3, generalMeetings: 12, budget: 60000, spent: 45000, partyScore: 276 });
    const built = sheet({ rows: [...rows(3), total] });
    expect(briefs(check(built.grid))).toEqual([]);
    expect(sheetsOf(check(built.grid))[0].rows).toBe(3);
  });

  it("is an error at the total cell, with the sum as fix", () => {
    const total = seqTotal("合计", { membersFormal: 28, generalMeetings: 12, spent: 45000.01 });
    const built = sheet({ rows: [...rows(3), total] });
    const report = check(built.grid);
    expect(findingsOf(report).map((f) => [f.rule, f.severity, f.cell, f.value, f.fix])).toEqual([
      ["total-mismatch", "error", built.at("membersFormal", 3), 28, 27],
      ["total-mismatch", "error", built.at("spent", 3), 45000.01, 45000],
    ]);
  });

  it("checks a 合计 row put first, right under the header, against the rows below it", () => {
    const good = sheet({ rows: [seqTotal("合计", { membersFormal: 27, generalMeetings: 12 }), ...rows(3)] });
    expect(briefs(check(good.grid))).toEqual([]);
    const bad = sheet({ rows: [seqTotal("合计", { membersFormal: 26 }), ...rows(3)] });
    expect(findingsOf(check(bad.grid)).map((f) => [f.rule, f.cell, f.fix])).toEqual([["total-mismatch", bad.at("membersFormal", 0), 27]]);
  });

  it("recognises 总计 and a total in the branch column", () => {
    const t1 = { branch: "总计", generalMeetings: 11 };
    const built = sheet({ rows: [...rows(3), t1] });
    expect(briefs(check(built.grid))).toEqual([`total-mismatch@${built.at("generalMeetings", 3)}`]);
  });

  it("sums a 小计 over the rows since the previous 小计; 合计 over all data rows", () => {
    const data = [
      cleanRow(0), cleanRow(1), seqTotal("小计", { membersFormal: 17, generalMeetings: 8 }),
      cleanRow(2), cleanRow(3), seqTotal("小计", { membersFormal: 21, generalMeetings: 8 }),
      seqTotal("合计", { membersFormal: 38, generalMeetings: 16 }),
    ];
    const built = sheet({ rows: data });
    expect(briefs(check(built.grid))).toEqual([]);
    const wrong = [...data];
    wrong[5] = seqTotal("小计", { membersFormal: 38 });
    wrong[6] = seqTotal("合计", { membersFormal: 76 });
    const b2 = sheet({ rows: wrong });
    expect(findingsOf(check(b2.grid)).map((f) => [f.cell, f.fix])).toEqual([
      [b2.at("membersFormal", 5), 21],
      [b2.at("membersFormal", 6), 38],
    ]);
  });

  it("compares a 万元 column in 万元", () => {
    const labels = { budget: "党建经费预算（万元）", spent: "党建经费支出（万元）" };
    const data = [cleanRow(0, { budget: 1.2, spent: 1 }), cleanRow(1, { budget: 2.3, spent: 1.5 })];
    const ok = sheet({ labels, rows: [...data, seqTotal("合计", { budget: 3.5, spent: 2.5 })] });
    expect(briefs(check(ok.grid))).toEqual([]);
    const near = sheet({ labels, rows: [...data, seqTotal("合计", { budget: 3.504, spent: 2.496 })] });
    expect(briefs(check(near.grid))).toEqual([]);
    const off = sheet({ labels, rows: [...data, seqTotal("合计", { budget: 3.51 })] });
    const f = single(check(off.grid));
    expect(f).toMatchObject({ rule: "total-mismatch", cell: off.at("budget", 2), value: 3.51, fix: 3.5 });
  });

  it("flags a 万元 total that differs by more than 0.005 万元 even when both round to the same cent of 万元", () => {
    const labels = { budget: "党建经费预算（万元）", spent: "党建经费支出（万元）" };
    const data = [cleanRow(0, { budget: 1.2, spent: 1 }), cleanRow(1, { budget: 2.2951, spent: 1.5 })];
    const built = sheet({ labels, rows: [...data, seqTotal("合计", { budget: 3.5049 })] });
    const f = single(check(built.grid));
    expect(f).toMatchObject({ rule: "total-mismatch", cell: built.at("budget", 2), fix: 3.4951 });
  });

  it("allows 0.005 in the column's unit", () => {
    const built = sheet({ rows: [...rows(3), seqTotal("合计", { generalMeetings: 12.004, spent: 45000.004 })] });
    expect(briefs(check(built.grid))).toEqual([]);
    const over = sheet({ rows: [...rows(3), seqTotal("合计", { generalMeetings: 12.006 })] });
    expect(briefs(check(over.grid))).toEqual([`total-mismatch@${over.at("generalMeetings", 3)}`]);
  });

  it("does not check a blank total cell", () => {
    const built = sheet({ rows: [...rows(3), seqTotal("合计", { generalMeetings: null, lectures: " " })] });
    expect(briefs(check(built.grid))).toEqual([]);
  });

  it("reads the values of number-as-text data cells", () => {
    const data = rows(3);
    data[0] = { ...data[0], generalMeetings: "4" };
    const built = sheet({ rows: [...data, seqTotal("合计", { generalMeetings: 12 })] });
    expect(briefs(check(built.grid))).toEqual([`number-as-text@${built.at("generalMeetings", 0)}`]);
  });
});

describe("inconsistent", () => {
  const warningsOf = (report: ReturnType<typeof check>): string[] =>
    findingsOf(report).map((f) => `${f.rule}:${f.severity}@${f.cell}`);

  it("spent > budget, at 经费支出", () => {
    const { report, built } = checkRow({ spent: 20000.01 });
    expect(warningsOf(report)).toEqual([`inconsistent:warning@${built.at("spent", 1)}`]);
    expect(briefs(checkRow({ spent: 20000 }).report)).toEqual([]);
  });

  it("duesPaid > duesDue, at 党费实缴", () => {
    const { report, built } = checkRow({ duesPaid: 1300 });
    expect(warningsOf(report)).toEqual([`inconsistent:warning@${built.at("duesPaid", 1)}`]);
  });

  it("newMembers > membersProbationary, at 本年发展党员数", () => {
    const { report, built } = checkRow({ newMembers: 2, membersProbationary: 1 });
    expect(warningsOf(report)).toEqual([`inconsistent:warning@${built.at("newMembers", 1)}`]);
  });

  it("支委会 > 0 while 是否设支委会 = 否, at 支委会", () => {
    const { report, built } = checkRow({ hasCommittee: "否", membersFormal: 5, committeeMeetings: 3 });
    expect(warningsOf(report)).toEqual([`inconsistent:warning@${built.at("committeeMeetings", 1)}`]);
    // 是否设支委会 blank: the rule needs all its cells.
    expect(briefs(checkRow({ hasCommittee: null, membersFormal: 5, committeeMeetings: 3 }).report)).toEqual([]);
  });

  it("本年定级 differs from the LEVEL of the combined score, at 本年定级", () => {
    const { report, built } = checkRow({ partyScore: 80, businessScore: 90, level: "先进" });
    const f = single(report);
    expect(f).toMatchObject({ rule: "inconsistent", severity: "warning", cell: built.at("level", 1), field: "level" });
    expect(f.message).toContain("一般");
    // 90 and 89.9999999 combine to 89.99999995, which rounds to 90: 先进.
    expect(briefs(checkRow({ partyScore: 90, businessScore: 89.9999999, level: "先进" }).report)).toEqual([]);
    expect(briefs(checkRow({ partyScore: 59, businessScore: 60, level: "后进" }).report)).toEqual([]);
  });

  it("uses the weight and method of the settings", () => {
    // 100 and 85: weighted 0.5 → 92.5 先进; weighted 0.2 → 88 一般; 双乘数 → 85 一般.
    const built = sheet({ rows: rows(3).map((r) => ({ ...r, partyScore: 100, businessScore: 85, level: "先进" })) });
    const levels = [0, 1, 2].map((i) => `inconsistent@${built.at("level", i)}`);
    expect(briefs(check(built.grid))).toEqual([]);
    expect(briefs(check(built.grid, { settings: { partyWeight: 0.2 } }))).toEqual(levels);
    expect(briefs(check(built.grid, { settings: { method: "multiplier" } }))).toEqual(levels);
    expect(briefs(check(built.grid, { settings: { thresholds: [60, 80] } }))).toEqual([]);
  });

  it("is not checked unless 本年定级 and both scores are filled", () => {
    expect(briefs(checkRow({ partyScore: 10, businessScore: null, level: "先进" }).report)).toEqual([]);
    expect(briefs(checkRow({ partyScore: 10, businessScore: 10, level: null }).report)).toEqual([]);
  });

  it("a veto but 本年定级 not the lowest, at 否决事项", () => {
    const { report, built } = checkRow({ veto: "违反中央八项规定", partyScore: null, level: "一般" });
    const f = single(report);
    expect(f).toMatchObject({ rule: "inconsistent", severity: "warning", cell: built.at("veto", 1), field: "veto" });
    expect(briefs(checkRow({ veto: "违纪", partyScore: null, level: "后进" }).report)).toEqual([]);
  });

  it.each(["无", "否", "/", "—", "0", "FALSE", 0, false, " "])("does not treat %p as a veto", (veto) => {
    expect(briefs(checkRow({ veto }).report)).toEqual([]);
  });

  it("the period's year differs from the assessment year, at the period", () => {
    const built = sheet();
    const f = single(check(built.grid, { settings: { assessmentYear: 2026 } }));
    expect(f).toMatchObject({ rule: "inconsistent", severity: "warning", cell: "A2" });
    expect(f.message).toContain("2026");
    expect(briefs(check(built.grid, { settings: { assessmentYear: 2025 } }))).toEqual([]);
    const nextCell = sheet({ title: [["统计期间：", null, "2024年"]] });
    expect(briefs(check(nextCell.grid, { settings: { assessmentYear: 2025 } }))).toEqual(["inconsistent@C1"]);
  });

  it("is not checked without a period or without the setting", () => {
    expect(briefs(check(sheet().grid))).toEqual([]);
    const noPeriod = sheet({ title: [["填报单位：机关党委\u3000填报日期：2024年12月31日"]] });
    expect(briefs(check(noPeriod.grid, { settings: { assessmentYear: 2025 } }))).toEqual(["period-unknown@A1"]);
  });

  it("the roster's 上年定级 wins over the self-reported one, with a warning at 上年定级", () => {
    const built = sheet();
    const roster = grid([["党支部名称", "所属单位", "上年定级"], ["第1党支部", "机关党委", "一般"], ["第2党支部", "机关党委", "后进"], ["第3党支部", "机关党委", "一般"]], { sheet: "名册" });
    const report = check(built.grid, { roster: [roster] });
    const f = single(report);
    expect(f).toMatchObject({ rule: "inconsistent", severity: "warning", cell: built.at("levelPrev", 1), field: "levelPrev", value: "一般" });
    expect(f.message).toContain("后进");
  });
});

describe("unknown-branch", () => {
  const roster = (rowsOf: (string | null)[][], header = ["党支部名称", "所属单位"]) => grid([header, ...rowsOf], { sheet: "名册" });

  it("is a warning at the branch cell of a branch not in the roster; listed under roster.unknown", () => {
    const built = sheet();
    const report = check(built.grid, { roster: [roster([["第1党支部", "机关党委"], ["第3党支部", "机关党委"]])] });
    const f = single(report);
    expect(f).toMatchObject({ rule: "unknown-branch", severity: "warning", cell: built.at("branch", 1), field: "branch", value: "第2党支部" });
    expect(report.roster.unknown).toEqual([{ branch: "第2党支部", unit: "机关党委", code: "DZB002" }]);
  });

  it("matches by (unit, name) when the roster has units", () => {
    const built = sheet({ rows: rows(3).map((r) => ({ ...r, code: null })) });
    const report = check(built.grid, { roster: [roster([["第1党支部", "机关党委"], ["第2党支部", "办公室"], ["第3党支部", "机关党委"]])] });
    expect(briefs(report)).toEqual([`unknown-branch@${built.at("branch", 1)}`]);
    expect(report.roster.missing).toEqual([{ branch: "第2党支部", unit: "办公室" }]);
  });

  it("matches by name alone when the roster has no unit column", () => {
    const built = sheet({ rows: rows(3).map((r) => ({ ...r, code: null, unit: "其他单位" })) });
    const report = check(built.grid, { roster: [roster([["第1党支部"], ["第 2 党支部"], ["第3党支部"]], ["党支部名称"])] });
    expect(briefs(report)).toEqual([]);
    expect(report.roster.missing).toEqual([]);
  });

  it("matches by code when both sides have one", () => {
    const built = sheet();
    const byCode = roster([["DZB001", "一支部", "x"], ["DZB002", "二支部", "x"], ["DZB003", "三支部", "x"]], ["党组织编码", "党支部名称", "所属单位"]);
    expect(briefs(check(built.grid, { roster: [byCode] }))).toEqual([]);
    const otherCode = roster([["DZB001", "第1党支部", "机关党委"], ["X2", "第2党支部", "机关党委"], ["DZB003", "第3党支部", "机关党委"]], ["党组织编码", "党支部名称", "所属单位"]);
    expect(briefs(check(built.grid, { roster: [otherCode] }))).toEqual([`unknown-branch@${built.at("branch", 1)}`]);
  });

  it("is not reported without a roster", () => {
    expect(only(check(sheet().grid), "unknown-branch")).toEqual([]);
  });
});

describe("missing-branch", () => {
  it("lists a roster branch in no submission under roster.missing and counts it as an error", () => {
    const built = sheet();
    const roster = grid(
      [["党组织编码", "党支部名称", "所属单位"], ["DZB001", "第1党支部", "机关党委"], ["DZB002", "第2党支部", "机关党委"], ["DZB003", "第3党支部", "机关党委"], ["DZB004", "第4党支部", "机关党委"], [null, "后勤党支部", "后勤处"]],
      { sheet: "名册" },
    );
    const report = check(built.grid, { roster: [roster] });
    expect(report.roster.missing).toEqual([
      { branch: "第4党支部", unit: "机关党委", code: "DZB004" },
      { branch: "后勤党支部", unit: "后勤处" },
    ]);
    expect(report.roster.unsubmitted).toEqual([{ unit: "后勤处" }]);
    expect(report.roster.unknown).toEqual([]);
    expect(report.summary.errors).toBe(2);
    expect(findingsOf(report).filter((f) => f.severity === "error")).toEqual([]);
  });

  it("finds branches across every submitted workbook", () => {
    const a = sheet({ rows: [cleanRow(0)] }).grid;
    const b = sheet({ rows: [cleanRow(1)] }).grid;
    const roster = grid([["党支部名称"], ["第1党支部"], ["第2党支部"]], { sheet: "名册" });
    const report = checkBooks([{ file: "a.xlsx", grids: [a] }, { file: "b.xlsx", grids: [b] }], { roster: [roster] });
    expect(report.roster.missing).toEqual([]);
    expect(report.summary.errors).toBe(0);
  });
});

describe("at most one error per cell: the first in the table wins", () => {
  it("a negative fraction in a count is not-an-integer, not out-of-range", () => {
    const { report, built } = checkRow({ membersFormal: -0.5 });
    expect(briefs(report)).toEqual([`not-an-integer@${built.at("membersFormal", 1)}`]);
  });

  it("an error value in a required cell is excel-error, not missing-value or not-a-number", () => {
    const { report, built } = checkRow({ lectures: "#VALUE!" });
    expect(briefs(report)).toEqual([`excel-error@${built.at("lectures", 1)}`]);
  });

  it("except missing-column: every missing column is reported, at the same header cell", () => {
    const report = check(sheet({ columns: without("lectures", "budget") }).grid);
    const errors = findingsOf(report).filter((f) => f.severity === "error");
    expect(errors.map((f) => `${f.rule}@${f.cell}:${f.field}`)).toEqual(["missing-column@A3:lectures", "missing-column@A3:budget"]);
  });

  it("never gives two errors to one cell, whatever is wrong in a row", () => {
    const messy: Row = { branch: "第1党支部", code: "DZB001", membersFormal: "-3.5", generalMeetings: "#REF!", lectures: "四", budget: -5, spent: "—", levelPrev: "差不多", hasCommittee: "也许", committeeMeetings: null };
    const data = [cleanRow(0), cleanRow(1, messy), cleanRow(2)];
    const built = sheet({ rows: [...data, { seq: "合计", membersFormal: 1, generalMeetings: 1 }] });
    const report = check(built.grid);
    const errorCells = findingsOf(report).filter((f: Finding) => f.severity === "error").map((f) => f.cell);
    expect(new Set(errorCells).size).toBe(errorCells.length);
    expect(errorCells.length).toBeGreaterThan(5);
  });
});

describe("findings carry the fields of §3", () => {
  it("sheet, cell, row, column, field, value, message, fix", () => {
    const data = rows(3);
    data[2] = { ...data[2], lectures: "３" };
    const b = sheet({ sheet: "财务处", rows: data });
    const f = single(check(b.grid));
    expect(f).toEqual({
      rule: "number-as-text",
      severity: "warning",
      sheet: "财务处",
      cell: b.at("lectures", 2),
      row: b.rowOf(2),
      column: b.col("lectures"),
      field: "lectures",
      value: "３",
      message: expect.stringContaining(b.at("lectures", 2)),
      fix: 3,
    });
  });
});
