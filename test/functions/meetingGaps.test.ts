/**
 * MEETINGGAPS through the built bundle, as Excel calls it (LEDGERS.md §7), and the proof that it
 * cannot disagree with the ledger: the same meetings validated as a 三会一课台账 give the same gaps.
 */
import { check, flagsOf } from "../engine/helpers";
import { fullYear, ledger, serial, type Meeting } from "../engine/ledger";
import { column, errorOf, loadFunctions, one, row, shown, single, thrownBy } from "./helpers";

const { call } = loadFunctions();

/** A ledger's two columns, as ranges: dates (ISO text becomes a serial, as Excel passes a date cell) and types. */
function columns(meetings: readonly [unknown, unknown][]): { dates: unknown[][]; types: unknown[][] } {
  const asCell = (date: unknown) => (typeof date === "string" && /^\d{4}-\d{2}-\d{2}$/.test(date) ? serial(date) : date);
  return { dates: meetings.map(([date]) => [asCell(date)]), types: meetings.map(([, type]) => [type]) };
}

/** MEETINGGAPS of one type over a ledger, start and end omitted unless given. */
function gaps(meetings: readonly [unknown, unknown][], type: unknown, start: unknown = null, end: unknown = null): unknown {
  const { dates, types } = columns(meetings);
  return single(call("MEETINGGAPS", dates, types, one(type), start === null ? null : one(start), end === null ? null : one(end)));
}

/** A meeting of `type` on the 5th of each month of 2025 except those listed. */
function monthly(type: string, except: number[] = []): [string, string][] {
  const months = Array.from({ length: 12 }, (_, i) => i + 1).filter((m) => !except.includes(m));
  return months.map((m) => [`2025-${String(m).padStart(2, "0")}-05`, type]);
}

describe("MEETINGGAPS: the uncovered months, quarters or year", () => {
  test("months of a monthly type, in time order, joined by 、; \"\" when covered", () => {
    expect(gaps(monthly("支委会", [7, 3]), "支委会")).toBe("2025年3月、2025年7月");
    expect(gaps(monthly("支委会"), "支委会")).toBe("");
    expect(gaps(monthly("主题党日", [12]), "主题党日")).toBe("2025年12月");
    expect(gaps(monthly("党小组会", [1]), "党小组会")).toBe("2025年1月");
  });

  test("quarters of 党员大会 and 党课; the year of 组织生活会 and 民主评议", () => {
    const meetings: [string, string][] = [
      ["2025-01-10", "党员大会"],
      ["2025-09-30", "党员大会"],
      ["2025-10-01", "党员大会"],
      ["2025-03-31", "党课"],
      ["2025-12-31", "组织生活会"],
    ];
    expect(gaps(meetings, "党员大会")).toBe("2025年第2季度");
    expect(gaps(meetings, "党课")).toBe("2025年第2季度、2025年第3季度、2025年第4季度");
    expect(gaps(meetings, "组织生活会")).toBe("");
    expect(gaps(meetings, "民主评议")).toBe("2025年");
  });

  test("month ends and leap days fall in their own month", () => {
    const ends: [string, string][] = [
      ["2024-01-31", "支委会"],
      ["2024-02-29", "支委会"],
      ["2024-04-30", "支委会"],
      ["2024-06-30", "支委会"],
      ["2024-12-31", "支委会"],
    ];
    expect(gaps(ends, "支委会")).toBe("2024年3月、2024年5月、2024年7月、2024年8月、2024年9月、2024年10月、2024年11月");
    expect(gaps([["2025-02-28", "支委会"]], "支委会", "2025-02-01", "2025-03-31")).toBe("2025年3月");
  });

  test("a period across the year boundary", () => {
    const meetings: [string, string][] = [
      ["2024-11-30", "支委会"],
      ["2025-01-01", "支委会"],
      ["2024-12-31", "党员大会"],
    ];
    expect(gaps(meetings, "支委会", "2024-11-01", "2025-02-28")).toBe("2024年12月、2025年2月");
    expect(gaps(meetings, "党员大会", "2024-10-01", "2025-06-30")).toBe("2025年第1季度、2025年第2季度");
    expect(gaps(meetings, "民主评议", "2024-07-01", "2025-06-30")).toBe("2024年、2025年");
  });

  test("dates as serials with a time, or as text in every form a ledger writes them", () => {
    const meetings: [unknown, string][] = [
      [serial("2025-01-05") + 0.6, "支委会"],
      ["2025/2/5", "支委会"],
      ["2025.3.5", "支委会"],
      ["2025年4月5日", "支委会"],
      [20250505, "支委会"],
      ["20250605", "支委会"],
      ["2025-07-05 14:30", "支委会"],
      ["２０２５－０８－０５", "支委会"],
      [" 2025 年 9 月 5 日 ", "支委会"],
      ["2025-10-05", "支委会"],
      ["2025-12-31", "支委会"],
    ];
    expect(gaps(meetings, "支委会")).toBe("2025年11月");
  });

  test("types by any of their names; rows of other types are not counted", () => {
    const meetings: [string, string][] = [
      ["2025-01-05", "支部党员大会"],
      ["2025-04-05", "党员大会会议"],
      ["2025-07-05", "座谈会"],
      ["2025-10-05", "general"],
    ];
    expect(gaps(meetings, "党员大会")).toBe("2025年第3季度");
    expect(gaps(meetings, "General")).toBe("2025年第3季度");
    expect(gaps(meetings, "支部党员大会")).toBe("2025年第3季度");
  });

  test("a pair with a blank side is left out, even when its date is no date", () => {
    const meetings: [unknown, unknown][] = [
      ["2025-01-05", "党员大会"],
      ["2025-04-05", ""],
      [null, "党员大会"],
      ["下旬", null],
      ["   ", "党员大会"],
      ["2025-10-05", "党员大会"],
    ];
    expect(gaps(meetings, "党员大会")).toBe("2025年第2季度、2025年第3季度");
  });

  test("a ledger over several columns pairs date and type cell by cell", () => {
    const dates = [
      [serial("2025-01-05"), serial("2025-04-05")],
      [serial("2025-07-05"), null],
    ];
    const types = [
      ["党课", "党课"],
      ["党员大会", "党课"],
    ];
    expect(call("MEETINGGAPS", dates, types, one("党课"), null, null)).toEqual([["2025年第3季度、2025年第4季度"]]);
  });
});

describe("MEETINGGAPS: the period", () => {
  const meetings: [string, string][] = [
    ["2024-03-05", "支委会"],
    ["2025-01-05", "支委会"],
    ["2025-02-05", "党员大会"],
  ];

  test("default: the calendar year of the latest date of any type", () => {
    expect(gaps(meetings, "支委会")).toBe("2025年2月、2025年3月、2025年4月、2025年5月、2025年6月、2025年7月、2025年8月、2025年9月、2025年10月、2025年11月、2025年12月");
    expect(gaps(meetings, "党员大会")).toBe("2025年第2季度、2025年第3季度、2025年第4季度");
    // A type with no meeting at all is missing in every month of the ledger's year.
    expect(gaps(meetings, "党课")).toBe("2025年第1季度、2025年第2季度、2025年第3季度、2025年第4季度");
  });

  test("start alone runs to the end of its year; end alone from the start of its year", () => {
    expect(gaps(meetings, "支委会", "2024-10-01")).toBe("2024年10月、2024年11月、2024年12月");
    expect(gaps(meetings, "支委会", null, "2024-04-30")).toBe("2024年1月、2024年2月、2024年4月");
    expect(gaps(meetings, "支委会", "2024-03-01", "2024-03-31")).toBe("");
  });

  test("start and end as serials or text; blank cells mean omitted", () => {
    const { dates, types } = columns(meetings);
    const start = serial("2025-01-01");
    expect(call("MEETINGGAPS", dates, types, one("党员大会"), one(start), one("2025/6/30"))).toEqual([["2025年第2季度"]]);
    expect(call("MEETINGGAPS", dates, types, one("党员大会"), one(""), one(null))).toEqual([["2025年第2季度、2025年第3季度、2025年第4季度"]]);
    expect(call("MEETINGGAPS", dates, types, one("党员大会"), [], [])).toEqual([["2025年第2季度、2025年第3季度、2025年第4季度"]]);
  });

  test("only meetings from start to end count; a month or quarter the period touches is named", () => {
    expect(gaps([["2025-03-10", "支委会"]], "支委会", "2025-03-15", "2025-04-30")).toBe("2025年3月、2025年4月");
    expect(gaps([["2025-03-20", "支委会"]], "支委会", "2025-03-15", "2025-04-10")).toBe("2025年4月");
    expect(gaps([["2025-05-05", "党课"]], "党课", "2025-05-01", "2025-05-31")).toBe("");
  });

  test("no date to take the year from: #VALUE! asking for the period; given a start, every month is missing", () => {
    const error = errorOf(() => call("MEETINGGAPS", column(null, ""), column("支委会", "党课"), one("支委会"), null, null));
    expect(error).toMatchObject({ code: "#VALUE!", message: "会议日期中没有日期，无法确定统计年度。请填写起始日期或截止日期" });
    expect(gaps([], "党员大会", "2025-01-01")).toBe("2025年第1季度、2025年第2季度、2025年第3季度、2025年第4季度");
  });

  test("end before start: #NUM!", () => {
    expect(errorOf(() => call("MEETINGGAPS", column(serial("2025-01-05")), column("支委会"), one("支委会"), one("2025-06-01"), one("2025-05-31"))).code).toBe("#NUM!");
    expect(gaps(meetings, "支委会", "2025-05-31", "2025-05-31")).toBe("2025年5月");
  });
});

describe("MEETINGGAPS: errors", () => {
  test("a date that is no date: #VALUE! naming it, for the whole result", () => {
    const cases: [unknown, string][] = [
      ["三月初", "三月初"],
      ["2025-02-30", "2025-02-30"],
      ["2025.3", "2025.3"],
      [202503, "202503"],
      [true, "TRUE"],
    ];
    for (const [bad, written] of cases) {
      const dates = column(serial("2025-01-05"), bad);
      const error = thrownBy(() => call("MEETINGGAPS", dates, column("支委会", "党课"), column("支委会", "党课"), null, null));
      expect([bad, error.code, error.message]).toEqual([bad, "#VALUE!", expect.stringMatching(new RegExp(`^会议日期中的“${written}”不是日期`))]);
    }
  });

  test("a start or end that is no date: #VALUE! naming it", () => {
    const { dates, types } = columns(monthly("支委会"));
    expect(errorOf(() => call("MEETINGGAPS", dates, types, one("支委会"), one("年初"), null))).toMatchObject({ code: "#VALUE!", message: expect.stringMatching(/^起始日期中的“年初”不是日期/) });
    expect(errorOf(() => call("MEETINGGAPS", dates, types, one("支委会"), null, one(2025)))).toMatchObject({ code: "#VALUE!", message: expect.stringMatching(/^截止日期中的“2025”不是日期/) });
  });

  test("a type that is no meeting type: #VALUE! listing the types", () => {
    const { dates, types } = columns(monthly("支委会"));
    for (const type of ["座谈会", 3]) {
      const error = errorOf(() => call("MEETINGGAPS", dates, types, one(type), null, null));
      expect(error.code).toBe("#VALUE!");
      expect(error.message).toContain(`“${type}”`);
      expect(error.message).toContain("党员大会、支委会、党小组会、党课、主题党日、组织生活会、民主评议");
    }
  });

  test("dates and types of different shapes: #VALUE!", () => {
    const error = thrownBy(() => call("MEETINGGAPS", column(serial("2025-01-05"), serial("2025-02-05")), column("支委会"), one("支委会"), null, null));
    expect(error).toMatchObject({ code: "#VALUE!", message: expect.stringContaining("2×1、1×1") });
  });
});

describe("MEETINGGAPS: element-wise type, start and end", () => {
  const { dates, types } = columns([...monthly("支委会", [2]), ["2025-05-05", "党员大会"], ["2025-12-31", "组织生活会"]]);

  test("a range of types spills one result each; a blank type gives \"\"", () => {
    expect(call("MEETINGGAPS", dates, types, column("支委会", "党员大会", "", "组织生活会", "民主评议"), null, null)).toEqual([
      ["2025年2月"],
      ["2025年第1季度、2025年第3季度、2025年第4季度"],
      [""],
      [""],
      ["2025年"],
    ]);
  });

  test("a row of periods against one type; errors stay in their cell", () => {
    const starts = row("2025-01-01", "2025-03-01", "2025-12-01", "春节");
    const ends = row("2025-03-31", "2025-03-31", "2025-01-31", "2025-12-31");
    expect(shown(call("MEETINGGAPS", dates, types, one("支委会"), starts, ends))).toEqual([["2025年2月", "", "#NUM!", "#VALUE!"]]);
    expect(shown(call("MEETINGGAPS", dates, types, row("支委会", "茶话会"), null, null))).toEqual([["2025年2月", "#VALUE!"]]);
  });
});

describe("MEETINGGAPS in English", () => {
  const english = loadFunctions({ Office: { context: { displayLanguage: "en-US" } } });
  const { dates, types } = columns([...monthly("支委会", [3, 7]), ["2025-05-05", "党员大会"]]);

  test("periods as 2025-03, 2025 Q2 and 2025, joined by a comma; messages in English", () => {
    expect(english.call("MEETINGGAPS", dates, types, column("committee", "general", "review"), null, null)).toEqual([
      ["2025-03, 2025-07"],
      ["2025 Q1, 2025 Q3, 2025 Q4"],
      ["2025"],
    ]);
    const [[error]] = english.call("MEETINGGAPS", dates, types, one("支委会"), one("early spring"), null) as unknown[][];
    expect(error).toMatchObject({ code: "#VALUE!", message: expect.stringMatching(/^“early spring” in Start date is not a date/) });
  });
});

describe("MEETINGGAPS agrees with the ledger's missing-meetings gaps", () => {
  /** A gap key of the ledger's JSON ("2025-03", "2025Q2", "2025") as MEETINGGAPS words it. */
  const worded = (key: string): string => {
    const month = /^(\d{4})-(\d{2})$/.exec(key);
    if (month) return `${month[1]}年${Number(month[2])}月`;
    const quarter = /^(\d{4})Q(\d)$/.exec(key);
    return quarter ? `${quarter[1]}年第${quarter[2]}季度` : `${key}年`;
  };

  /** Every seventh meeting of a full year dropped, from a different offset each time. */
  test.each([0, 1, 2, 3, 4, 5, 6])("a year with every 7th meeting from #%i left out", (offset) => {
    const meetings: Meeting[] = fullYear().filter((_, i) => i % 7 !== offset);
    const flagged = flagsOf(check(ledger(meetings))).flatMap((f) => f.gaps ?? []);
    expect(flagged.length).toBeGreaterThan(0);
    const { dates, types } = columns(meetings.map((m): [unknown, unknown] => [m.date, m.type]));
    // Without a 统计表, the ledger requires 党员大会 and 党课, and every other type it records.
    const required = [...new Set(["党员大会", "党课", ...meetings.map((m) => m.type)])];
    const result = call("MEETINGGAPS", dates, types, column(...required), null, null) as unknown[][];
    const expected = required.map((type) => [(flagged.find((g) => g.type === type)?.periods ?? []).map(worded).join("、")]);
    expect(result).toEqual(expected);
  });
});
