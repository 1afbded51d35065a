/**
 * One describe per flag of PRODUCT.md §4, through `validate` on the standard sheet: row 2 of the
 * clean sheet (第2党支部, sheet row 5) is altered and its flags read back.
 */
import type { Flag } from "../../src/engine";
import { ALL, TITLE, check, cleanRow, flagsOf, rows, sheet, type CheckOptions, type Col, type Row } from "./helpers";

function titled(period: string | null) {
  const line = period === null ? "填报单位：机关党委" : `填报单位：机关党委\u3000统计期间：${period}`;
  return [[TITLE], [line]];
}

interface Case {
  period?: string | null;
  columns?: readonly Col[];
  labels?: Partial<Record<Col, string>>;
  options?: CheckOptions;
}

/** The flags of every row when row 2 is altered by `over`. */
function flagsWith(over: Row, c: Case = {}): Flag[] {
  const data = rows(3);
  data[1] = { ...data[1], ...over };
  const built = sheet({ rows: data, columns: c.columns, labels: c.labels, title: titled(c.period === undefined ? "2025年" : c.period) });
  return flagsOf(check(built.grid, c.options));
}

/** [flag, level, detail] of the flags of the altered row. */
function brief(over: Row, c: Case = {}): [string, string, string][] {
  const flags = flagsWith(over, c);
  expect(flags.every((f) => f.row === 5)).toBe(true);
  return flags.map((f) => [f.flag, f.level, f.detail]);
}

const without = (...keys: Col[]): Col[] => ALL.filter((k) => !keys.includes(k));

describe("missing-meetings", () => {
  it("lists each shortfall as held/required, e.g. 党员大会 2/4；党课 1/4", () => {
    const flags = flagsWith({ generalMeetings: 2, lectures: 1 });
    expect(flags).toEqual([
      { flag: "missing-meetings", level: "warning", branch: "第2党支部", unit: "机关党委", sheet: "Sheet1", row: 5, label: "缺会", detail: "党员大会 2/4；党课 1/4" },
    ]);
  });

  it("joins the shortfalls in the language of the output: ；in Chinese, ; in English", () => {
    const [flag] = flagsWith({ generalMeetings: 2, lectures: 1 }, { options: { locale: "en-US" } });
    expect(flag.detail).toMatch(/^\S.* 2\/4; \S.* 1\/4$/);
    expect(flag.detail).not.toContain("；");
  });

  it("is critical when a required type was held 0 times", () => {
    expect(brief({ lectures: 0 })).toEqual([["missing-meetings", "critical", "党课 0/4"]]);
    expect(brief({ generalMeetings: 3, committeeMeetings: 0 })).toEqual([["missing-meetings", "critical", "党员大会 3/4；支委会 0/12"]]);
  });

  it("lists the types in the order of §4", () => {
    const all: Row = { generalMeetings: 1, committeeMeetings: 11, groupMeetings: 23, lectures: 2, themeDays: 11, orgLifeMeeting: "否", memberReview: "否" };
    expect(brief(all)).toEqual([["missing-meetings", "critical", "党员大会 1/4；支委会 11/12；党小组会 23/24；党课 2/4；主题党日 11/12；组织生活会 0/1；民主评议 0/1"]]);
  });

  // held one short of the requirement → flagged; held the requirement → not.
  const periods: [string, number][] = [
    ["2025年", 12],
    ["2025年上半年", 6],
    ["2025年第一季度", 3],
    ["2025年前三季度", 9],
  ];
  const types: [Col, string, (m: number) => number][] = [
    ["generalMeetings", "党员大会", (m) => Math.ceil(m / 3)],
    ["committeeMeetings", "支委会", (m) => m],
    ["groupMeetings", "党小组会", (m) => m * 2],
    ["lectures", "党课", (m) => Math.ceil(m / 3)],
    ["themeDays", "主题党日", (m) => m],
  ];
  for (const [period, months] of periods) {
    for (const [key, name, required] of types) {
      const due = required(months);
      it(`${period} (${months} months): ${name} requires ${due}`, () => {
        const short = due - 1;
        expect(brief({ [key]: short }, { period })).toEqual([["missing-meetings", short === 0 ? "critical" : "warning", `${name} ${short}/${due}`]]);
        expect(brief({ [key]: due }, { period })).toEqual([]);
      });
    }
  }

  it("asks for 组织生活会 and 民主评议 once in a full year, and not in shorter periods", () => {
    expect(brief({ orgLifeMeeting: "否" })).toEqual([["missing-meetings", "critical", "组织生活会 0/1"]]);
    expect(brief({ orgLifeMeeting: 0 })).toEqual([["missing-meetings", "critical", "组织生活会 0/1"]]);
    expect(brief({ orgLifeMeeting: 2 })).toEqual([]);
    expect(brief({ memberReview: "否" })).toEqual([["missing-meetings", "critical", "民主评议 0/1"]]);
    for (const period of ["上半年", "第四季度", "前三季度", "1-6月"]) {
      expect(brief({ orgLifeMeeting: "否", memberReview: "否" }, { period })).toEqual([]);
    }
  });

  it("asks for 组织生活会 and 民主评议 only when their columns are present", () => {
    const columns = without("orgLifeMeeting", "memberReview");
    expect(brief({}, { columns })).toEqual([]);
  });

  it("asks for 主题党日 only when the column is present", () => {
    expect(brief({ themeDays: 0 })).toEqual([["missing-meetings", "critical", "主题党日 0/12"]]);
    expect(brief({}, { columns: without("themeDays") })).toEqual([]);
  });

  it("asks for 支委会 only when the branch has a committee", () => {
    expect(brief({ hasCommittee: "否", membersFormal: 5, committeeMeetings: 0 })).toEqual([]);
    expect(brief({ hasCommittee: null, membersFormal: 5, committeeMeetings: 0 })).toEqual([]);
    expect(brief({ hasCommittee: null, membersFormal: 7, committeeMeetings: 5 })).toEqual([["missing-meetings", "warning", "支委会 5/12"]]);
    expect(brief({ hasCommittee: "是", membersFormal: 3, committeeMeetings: 5 })).toEqual([["missing-meetings", "warning", "支委会 5/12"]]);
    const noHasCommittee = without("hasCommittee");
    expect(brief({ membersFormal: 8, committeeMeetings: 11 }, { columns: noHasCommittee })).toEqual([["missing-meetings", "warning", "支委会 11/12"]]);
  });

  it("asks for 党小组会 m × groups, only when groups > 0", () => {
    expect(brief({ groups: 3, groupMeetings: 35 })).toEqual([["missing-meetings", "warning", "党小组会 35/36"]]);
    expect(brief({ groups: 3, groupMeetings: 36 })).toEqual([]);
    expect(brief({ groups: 3, groupMeetings: 17 }, { period: "1至6月" })).toEqual([["missing-meetings", "warning", "党小组会 17/18"]]);
    expect(brief({ groups: 0, groupMeetings: 0 })).toEqual([]);
    expect(brief({ groups: null, groupMeetings: null })).toEqual([]);
  });

  it("takes the requirements from the settings", () => {
    const options = { settings: { meetingEveryMonths: { general: 3, committee: 1, group: 1, lecture: 1, themeday: 1 } } };
    const data = rows(3).map((r) => ({ ...r, lectures: 12 }));
    data[1] = { ...data[1], lectures: 11 };
    const flags = flagsOf(check(sheet({ rows: data }).grid, options));
    expect(flags.map((f) => [f.row, f.detail])).toEqual([[5, "党课 11/12"]]);
    expect(flagsOf(check(sheet({ rows: data }).grid))).toEqual([]);
  });

  it("counts a period-unknown sheet as 12 months", () => {
    expect(brief({ generalMeetings: 3 }, { period: null })).toEqual([["missing-meetings", "warning", "党员大会 3/4"]]);
  });
});

describe("unspent-funds", () => {
  it("flags spent/budget below half the budget over a year, with 执行率 as detail", () => {
    const flags = flagsWith({ budget: 20000, spent: 4600 });
    expect(flags).toEqual([
      { flag: "unspent-funds", level: "warning", branch: "第2党支部", unit: "机关党委", sheet: "Sheet1", row: 5, label: "经费未用", detail: "执行率 23%（4 600/20 000 元）" },
    ]);
    expect(brief({ budget: 20000, spent: 10000 })).toEqual([]);
    expect(brief({ budget: 20000, spent: 9990 }).map((f) => f[0])).toEqual(["unspent-funds"]);
  });

  it("is critical when nothing was spent", () => {
    expect(brief({ budget: 20000, spent: 0 })).toEqual([["unspent-funds", "critical", "执行率 0%（0/20 000 元）"]]);
  });

  it("shows a huge budget as written, not as Infinity", () => {
    const [flag] = brief({ budget: 1e307, spent: 0 });
    expect(flag.slice(0, 2)).toEqual(["unspent-funds", "critical"]);
    expect(flag[2]).not.toContain("Infinity");
  });

  it("is not raised without a budget", () => {
    expect(brief({ budget: 0, spent: 0 })).toEqual([]);
  });

  it.each([
    ["上半年", 4900, 5000],
    ["第二季度", 2400, 2500],
    ["前三季度", 7400, 7500],
    ["1－6月", 4900, 5000],
  ])("pro-rates the threshold for %s", (period, flagged, fine) => {
    expect(brief({ budget: 20000, spent: flagged }, { period }).map((f) => f[0])).toEqual(["unspent-funds"]);
    expect(brief({ budget: 20000, spent: fine }, { period })).toEqual([]);
  });

  it("reads a 万元 column in 元", () => {
    const labels = { budget: "党建经费预算（万元）", spent: "党建经费支出（万元）" };
    const all = rows(3).map((r) => ({ ...r, budget: 2, spent: 1.5 }));
    all[1] = { ...all[1], spent: 0.46 };
    const built = sheet({ rows: all, labels });
    expect(flagsOf(check(built.grid)).map((f) => [f.flag, f.row, f.detail])).toEqual([["unspent-funds", 5, "执行率 23%（4 600/20 000 元）"]]);
  });

  it("takes the threshold from the settings", () => {
    const options = { settings: { minFundRate: 0.3 } };
    expect(brief({ budget: 20000, spent: 5900 }, { options }).map((f) => f[0])).toEqual(["unspent-funds"]);
    expect(brief({ budget: 20000, spent: 6000 }, { options })).toEqual([]);
  });
});

describe("no-new-members", () => {
  it("flags a branch that recruited no one this year", () => {
    const flags = flagsWith({ newMembers: 0, newMembersPrev: 1 });
    expect(flags).toMatchObject([{ flag: "no-new-members", level: "warning", label: "未发展党员", branch: "第2党支部", row: 5 }]);
  });

  it("is critical when none were recruited the year before either (连续2年)", () => {
    const [f] = flagsWith({ newMembers: 0, newMembersPrev: 0 });
    expect(f).toMatchObject({ flag: "no-new-members", level: "critical" });
    expect(f.detail).toContain("连续2年");
  });

  it("is not raised when 党外职工数 = 0 is given: nobody to recruit", () => {
    expect(brief({ newMembers: 0, newMembersPrev: 0, nonMemberStaff: 0 })).toEqual([]);
  });

  it("is raised when 党外职工数 is blank or absent, and only a warning without 上年发展党员数", () => {
    expect(brief({ newMembers: 0, nonMemberStaff: null }).map((f) => f.slice(0, 2))).toEqual([["no-new-members", "warning"]]);
    expect(brief({ newMembers: 0, newMembersPrev: 0 }, { columns: without("nonMemberStaff") }).map((f) => f.slice(0, 2))).toEqual([["no-new-members", "critical"]]);
    expect(brief({ newMembers: 0, newMembersPrev: null }).map((f) => f.slice(0, 2))).toEqual([["no-new-members", "warning"]]);
  });

  it("is not raised when someone was recruited", () => {
    expect(brief({ newMembers: 1, newMembersPrev: 0 })).toEqual([]);
  });
});

describe("small-branch", () => {
  it("flags fewer than 3 正式党员, always as a warning", () => {
    expect(flagsWith({ membersFormal: 2 })).toMatchObject([{ flag: "small-branch", level: "warning", label: "党员不足3人", row: 5 }]);
    expect(brief({ membersFormal: 0 }).map((f) => f.slice(0, 2))).toEqual([["small-branch", "warning"]]);
    expect(brief({ membersFormal: 3 })).toEqual([]);
  });

  it("takes the minimum from the settings", () => {
    expect(brief({ membersFormal: 4 }, { options: { settings: { minMembers: 5 } } }).map((f) => f[0])).toEqual(["small-branch"]);
  });
});

describe("committee-missing", () => {
  it("flags 7 or more 正式党员 without a 支委会", () => {
    expect(flagsWith({ membersFormal: 7, hasCommittee: "否", committeeMeetings: 0 })).toMatchObject([
      { flag: "committee-missing", level: "warning", label: "应设未设支委会", row: 5 },
    ]);
  });

  it("is not raised below 7 正式党员, with a 支委会, or when 是否设支委会 is blank", () => {
    expect(brief({ membersFormal: 6, hasCommittee: "否", committeeMeetings: 0 })).toEqual([]);
    expect(brief({ membersFormal: 20, hasCommittee: "是" })).toEqual([]);
    expect(brief({ membersFormal: 20, hasCommittee: null })).toEqual([]);
  });
});

describe("large-branch", () => {
  it("flags more than 50 党员 (正式 + 预备)", () => {
    expect(flagsWith({ membersFormal: 50, membersProbationary: 1 })).toMatchObject([{ flag: "large-branch", level: "warning", label: "党员超过50人", row: 5 }]);
    expect(brief({ membersFormal: 49, membersProbationary: 1 })).toEqual([]);
    expect(brief({ membersFormal: 51, membersProbationary: null, newMembers: 0, nonMemberStaff: 0 }).map((f) => f[0])).toEqual(["large-branch"]);
    expect(brief({ membersFormal: 51, newMembers: 0, nonMemberStaff: 0 }, { columns: without("membersProbationary") }).map((f) => f[0])).toEqual(["large-branch"]);
  });
});

describe("dues-shortfall", () => {
  it("flags 党费实缴 below 党费应缴", () => {
    expect(flagsWith({ duesDue: 1200, duesPaid: 1000 })).toMatchObject([{ flag: "dues-shortfall", level: "warning", label: "党费未足额", row: 5 }]);
  });

  it("is critical when nothing was paid", () => {
    expect(brief({ duesDue: 1200, duesPaid: 0 }).map((f) => f.slice(0, 2))).toEqual([["dues-shortfall", "critical"]]);
  });

  it("is not raised when paid in full, with nothing due, or without 党费实缴", () => {
    expect(brief({ duesDue: 1200, duesPaid: 1200 })).toEqual([]);
    expect(brief({ duesDue: 1200, duesPaid: 1199.999 })).toEqual([]);
    expect(brief({ duesDue: 0, duesPaid: 0 })).toEqual([]);
    expect(brief({ duesDue: 1200, duesPaid: null })).toEqual([]);
  });
});

describe("no flag from a field that has an error", () => {
  it.each([
    ["an error value", { generalMeetings: 2, lectures: "#REF!" }],
    ["a blank required cell (missing-value)", { generalMeetings: 2, lectures: null }],
    ["a bad 党小组数", { generalMeetings: 2, groups: "两个" }],
    ["a bad 是否设支委会", { generalMeetings: 2, hasCommittee: "也许" }],
    ["a fractional count", { generalMeetings: 2.5 }],
  ] as [string, Row][])("missing-meetings: %s", (_, over) => {
    expect(flagsWith(over).filter((f) => f.flag === "missing-meetings")).toEqual([]);
  });

  it("unspent-funds: a bad budget or spent", () => {
    expect(brief({ budget: "两万", spent: 0 }).filter((f) => f[0] === "unspent-funds")).toEqual([]);
    expect(brief({ budget: 20000, spent: "#N/A" })).toEqual([]);
    expect(brief({ budget: -20000, spent: 0 })).toEqual([]);
  });

  it("no-new-members: any of its fields in error", () => {
    expect(brief({ newMembers: "零" })).toEqual([]);
    expect(brief({ newMembers: 0, newMembersPrev: "#N/A" })).toEqual([]);
    expect(brief({ newMembers: 0, nonMemberStaff: "很多" })).toEqual([]);
    expect(brief({ newMembers: null })).toEqual([]);
  });

  it("small-branch, committee-missing, large-branch: 正式党员数 in error", () => {
    expect(brief({ membersFormal: 2.5 })).toEqual([]);
    expect(brief({ membersFormal: "#DIV/0!", hasCommittee: "否", committeeMeetings: 0 })).toEqual([]);
    expect(brief({ membersFormal: 60, membersProbationary: -1 })).toEqual([]);
    expect(brief({ membersFormal: 8, hasCommittee: "不详", committeeMeetings: 0 }).filter((f) => f[0] === "committee-missing")).toEqual([]);
  });

  it("dues-shortfall: 党费 in error", () => {
    expect(brief({ duesDue: 1200, duesPaid: "未缴" })).toEqual([]);
    expect(brief({ duesDue: "#REF!", duesPaid: 0 })).toEqual([]);
  });

  it("a warning does not stop a flag: number-as-text uses the value", () => {
    expect(brief({ lectures: "1" })).toEqual([["missing-meetings", "warning", "党课 1/4"]]);
    expect(brief({ spent: "无" })).toEqual([["unspent-funds", "critical", "执行率 0%（0/20 000 元）"]]);
  });
});

describe("flags are listed in table order", () => {
  it("within a row, in the order of §4; rows in sheet order", () => {
    const data = rows(3);
    data[0] = cleanRow(0, { membersFormal: 2 });
    data[1] = cleanRow(1, {
      membersFormal: 60, membersProbationary: 1, hasCommittee: "否", committeeMeetings: 0,
      generalMeetings: 2, spent: 1000, newMembers: 0, newMembersPrev: 0, duesPaid: 0,
    });
    data[2] = cleanRow(2, { duesPaid: 600, lectures: 3 });
    const report = check(sheet({ rows: data }).grid);
    expect(flagsOf(report).map((f) => `${f.row}:${f.flag}:${f.level}`)).toEqual([
      "4:small-branch:warning",
      "5:missing-meetings:warning",
      "5:unspent-funds:warning",
      "5:no-new-members:critical",
      "5:committee-missing:warning",
      "5:large-branch:warning",
      "5:dues-shortfall:critical",
      "6:missing-meetings:warning",
      "6:dues-shortfall:warning",
    ]);
    expect(report.summary.flags).toBe(9);
  });

  it("gives no flag for totals rows", () => {
    const built = sheet({ rows: [...rows(3), { seq: "合计", generalMeetings: 12, membersFormal: 27 }] });
    expect(flagsOf(check(built.grid))).toEqual([]);
  });

  it("takes the unit of a flag from 所属单位, else from 填报单位", () => {
    const data = rows(3).map((r, i) => ({ ...r, membersFormal: 2, unit: i === 0 ? "办公室" : null }));
    const flags = flagsOf(check(sheet({ rows: data }).grid));
    expect(flags.map((f) => f.unit)).toEqual(["办公室", "机关党委", "机关党委"]);
  });
});
