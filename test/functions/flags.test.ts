/**
 * FLAGS through the built bundle, and the proof that it cannot disagree with the validator:
 * the same rows, validated as a submission sheet and handed to FLAGS as a formula would, give
 * the same labels row by row.
 */
import { ALL, LABEL, TITLE, check, cleanRow, flagsOf, sheet, sheetsOf, type Col, type Row } from "../engine/helpers";
import type { Plain } from "../support/grid";
import { column, loadFunctions, one, row, shown, single, thrownBy } from "./helpers";

const { call } = loadFunctions();

const label = (c: Col): string => (LABEL as Record<string, string>)[c] ?? c;

/** Rows with every flag of PRODUCT.md §4, alone and together, and rows whose fields are in error. */
const ROWS: Row[] = [
  cleanRow(0),
  cleanRow(1, { generalMeetings: 2, lectures: 1 }),
  cleanRow(2, { spent: 4600 }),
  cleanRow(3, { newMembers: 0, newMembersPrev: 0 }),
  cleanRow(4, { membersFormal: 2, hasCommittee: "否", committeeMeetings: 0 }),
  cleanRow(5, { membersFormal: 9, hasCommittee: "否", committeeMeetings: 0 }),
  cleanRow(6, { membersFormal: 48, membersProbationary: 5 }),
  cleanRow(7, { duesPaid: 600 }),
  // Not-a-number in a meeting count: no missing-meetings flag from it; the funds flag stays.
  cleanRow(8, { generalMeetings: "四", lectures: 1, spent: 0 }),
  cleanRow(9, { generalMeetings: 0, spent: 0, newMembers: 0, duesPaid: 0, membersFormal: 60 }),
  // Nobody to recruit: no no-new-members flag.
  cleanRow(10, { newMembers: 0, nonMemberStaff: 0 }),
  // A placeholder reads as 0; 否 in 组织生活会 is 0 held.
  cleanRow(11, { themeDays: "无", orgLifeMeeting: "否" }),
  // A required cell left blank: missing-value, so no meeting flag.
  cleanRow(12, { lectures: null, generalMeetings: 1 }),
  // Numbers as text, full-width, with a unit.
  cleanRow(13, { generalMeetings: "３", lectures: "4次", budget: "20,000", spent: "1000" }),
  // 是否设支委会 blank: due from 7 正式党员, so 支委会 is required.
  cleanRow(14, { hasCommittee: null, membersFormal: 7, committeeMeetings: 3 }),
  cleanRow(15, { hasCommittee: null, membersFormal: 5, committeeMeetings: null }),
  cleanRow(16, { duesDue: 1200.004, duesPaid: 1200 }),
  cleanRow(17, { newMembers: 0, newMembersPrev: "/" }),
];

function titled(period: string): Plain[][] {
  return [[TITLE], [`填报单位：机关党委\u3000统计期间：${period}`]];
}

/** The labels the validator gives each row (joined by "；" in report order), and the sheet's months. */
function validated(rows: Row[], columns: readonly Col[], period: string): { labels: string[]; months: number } {
  const built = sheet({ rows, columns, title: titled(period) });
  const report = check(built.grid);
  const flags = flagsOf(report);
  const labels = rows.map((_, i) =>
    flags
      .filter((f) => f.row === built.rowOf(i))
      .map((f) => f.label)
      .join("；"),
  );
  return { labels, months: sheetsOf(report)[0].months };
}

/** FLAGS over the same rows, as a formula over the data block with the header row. */
function viaFlags(rows: Row[], columns: readonly Col[], months: number): unknown[] {
  const values = rows.map((r) => columns.map((c) => r[c] ?? null));
  const result = call("FLAGS", values, [columns.map(label)], one(months)) as unknown[][];
  expect(result.every((line) => line.length === 1)).toBe(true);
  return result.map(([labels]) => labels);
}

describe("FLAGS agrees with the validator row by row", () => {
  test.each([
    ["2025年", 12],
    ["上半年", 6],
    ["前三季度", 9],
    ["第一季度", 3],
  ])("the standard sheet, period %s", (period, months) => {
    const expected = validated(ROWS, ALL, period);
    expect(expected.months).toBe(months);
    expect(viaFlags(ROWS, ALL, months)).toEqual(expected.labels);
  });

  test("the comparison is not vacuous: the rows carry every flag", () => {
    const { labels } = validated(ROWS, ALL, "2025年");
    expect(labels[0]).toBe("");
    expect(labels[1]).toBe("缺会");
    expect(labels[8]).toBe("经费未用");
    expect(labels[9]).toBe("缺会；经费未用；未发展党员；党员超过50人；党费未足额");
    expect(labels[11]).toBe("缺会");
    expect(labels[12]).toBe("");
    const all = new Set(labels.flatMap((l) => l.split("；")));
    for (const flag of ["缺会", "经费未用", "未发展党员", "党员不足3人", "应设未设支委会", "党员超过50人", "党费未足额"]) expect(all).toContain(flag);
  });

  test("a sheet without the optional columns, in another column order", () => {
    const columns: Col[] = ["branch", "lectures", "generalMeetings", "membersFormal", "hasCommittee", "committeeMeetings", "newMembers", "budget", "spent", "groups", "groupMeetings", "membersProbationary"];
    const rows = ROWS.map((r) => ({ ...r, groupMeetings: r.groupMeetings === 24 ? 20 : r.groupMeetings }));
    const expected = validated(rows, columns, "2025年");
    expect(expected.labels.filter((l) => l !== "").length).toBeGreaterThan(5);
    expect(viaFlags(rows, columns, 12)).toEqual(expected.labels);
  });

  test("a blank row in the block gives \"\", as the validator skips it", () => {
    const values = [ALL.map((c) => ROWS[1][c] ?? null), ALL.map(() => null), ALL.map(() => "")];
    expect(call("FLAGS", values, [ALL.map(label)], null)).toEqual([["缺会"], [""], [""]]);
  });
});

describe("FLAGS arguments", () => {
  const header = [ALL.map(label)];
  const values = (over: Row) => [ALL.map((c) => ({ ...cleanRow(0), ...over })[c] ?? null)];

  test("one result per row; months defaults to 12", () => {
    expect(call("FLAGS", values({}), header)).toEqual([[""]]);
    expect(call("FLAGS", values({ lectures: 3 }), header, null)).toEqual([["缺会"]]);
    expect(call("FLAGS", values({ lectures: 3 }), header, one(""))).toEqual([["缺会"]]);
    // Three lectures are enough for 9 months.
    expect(call("FLAGS", values({ lectures: 3 }), header, one(9))).toEqual([[""]]);
  });

  test("months per row, as a column as long as the rows", () => {
    const rows = [...values({ lectures: 3 }), ...values({ lectures: 3 }), ...values({ lectures: 3 })];
    expect(call("FLAGS", rows, header, column(12, 9, 12))).toEqual([["缺会"], [""], ["缺会"]]);
    expect(shown(call("FLAGS", rows, header, column(12, 13, 0.5)))).toEqual([["缺会"], ["#NUM!"], ["#NUM!"]]);
    expect(single(call("FLAGS", values({}), header, one("半年")))).toMatchObject({ code: "#VALUE!", message: "月数必须是数字" });
    expect(thrownBy(() => call("FLAGS", rows, header, column(12, 9))).code).toBe("#VALUE!");
    expect(thrownBy(() => call("FLAGS", rows, header, row(12, 9, 12))).code).toBe("#VALUE!");
    // One row with a longer column of months is a mismatch too, not a longer result.
    expect(thrownBy(() => call("FLAGS", values({}), header, column(12, 6))).message).toContain("1×1、2×1");
  });

  test("Excel's own types: booleans and numbers, text with spaces", () => {
    expect(call("FLAGS", values({ hasCommittee: false, committeeMeetings: 0, membersFormal: 8 }), header, null)).toEqual([["应设未设支委会"]]);
    expect(call("FLAGS", values({ hasCommittee: true, committeeMeetings: 2 }), header, null)).toEqual([["缺会"]]);
    expect(call("FLAGS", values({ lectures: " 4 " }), header, null)).toEqual([[""]]);
  });

  test("the header must be one row as wide as the rows: else #VALUE!", () => {
    const narrow = [ALL.slice(1).map(label)];
    const error = thrownBy(() => call("FLAGS", values({}), narrow, null));
    expect(error.code).toBe("#VALUE!");
    expect(error.message).toBe(`表头行有 ${ALL.length - 1} 列，数据行有 ${ALL.length} 列：两者列数应相同`);
    expect(thrownBy(() => call("FLAGS", values({}), [...header, ...header], null)).code).toBe("#VALUE!");
  });

  test("columns the header does not name are ignored; a header naming nothing flags nothing", () => {
    const rows = [[...values({ lectures: 1 })[0], "额外"]];
    expect(call("FLAGS", rows, [[...header[0], "说明"]], null)).toEqual([["缺会"]]);
    expect(call("FLAGS", [[1, 2]], [["甲", "乙"]], null)).toEqual([[""]]);
  });

  test("an empty block is one blank row", () => {
    expect(call("FLAGS", [], [], null)).toEqual([[""]]);
  });
});
