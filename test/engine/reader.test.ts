/**
 * Golden cases for reading a submission sheet (PRODUCT.md §2): the title block, periods, one-
 * and two-row headers, 栏次 rows, totals, footers, blank and section rows, merged cells, and
 * which sheets of a workbook are submissions.
 */
import type { Report, SheetReport } from "../../src/engine";
import { grid, type Plain } from "../support/grid";
import { ALL, TITLE, briefs, check, cleanRow, findingsOf, flagsOf, rows, sheet, sheetsOf, type Col, type Row } from "./helpers";

function shape(report: Report): Pick<SheetReport, "sheet" | "unit" | "months" | "rows">[] {
  return sheetsOf(report).map(({ sheet, unit, months, rows }) => ({ sheet, unit, months, rows }));
}

function withTitle(...lines: Plain[][]) {
  return sheet({ title: [[TITLE], ...lines], sheet: "表1" });
}

describe("title block: 填报单位", () => {
  it.each([
    ["in the same cell, up to U+3000", [["填报单位：财务处\u3000统计期间：2025年\u3000填报日期：2026年1月5日"]]],
    ["in the same cell, up to the end", [["填报单位：财务处"], ["统计期间：2025年"]]],
    ["with （盖章）", [["填报单位（盖章）：财务处\u3000\u3000统计期间：2025年"]]],
    ["with half-width brackets and colon", [["填报单位(盖章):财务处\u3000统计期间：2025年"]]],
    ["in the next cell", [["填报单位：", "财务处", null, "统计期间：", "2025年"]]],
    ["in the next non-empty cell", [["填报单位：", null, null, "财务处", null, "统计期间：2025年"]]],
    ["with spaces around the colon", [["填报单位 ：财务处\u3000统计期间 ：2025年"]]],
  ] as [string, Plain[][]][])("is read %s", (_, lines) => {
    const report = check(withTitle(...lines).grid);
    expect(shape(report)).toEqual([{ sheet: "表1", unit: "财务处", months: 12, rows: 3 }]);
    expect(findingsOf(report)).toEqual([]);
  });

  it("is not the next label when the unit was left empty", () => {
    const report = check(withTitle(["填报单位：", "统计期间：2025年上半年"]).grid);
    expect(shape(report)).toEqual([{ sheet: "表1", unit: "表1", months: 6, rows: 3 }]);
  });

  it("falls back to the sheet name", () => {
    const report = check(withTitle(["统计期间：2025年"]).grid);
    expect(shape(report)).toEqual([{ sheet: "表1", unit: "表1", months: 12, rows: 3 }]);
  });

  it("is read from a line merged across the table", () => {
    const built = sheet({ title: [[TITLE], ["填报单位：财务处\u3000统计期间：2025年上半年"]], merges: ["A1:AD1", "A2:AD2"] });
    expect(shape(check(built.grid))[0]).toMatchObject({ unit: "财务处", months: 6 });
  });

  it("gives the unit of rows without 所属单位", () => {
    const built = sheet({ title: [["填报单位：财务处\u3000统计期间：2025年"]], rows: rows(2).map((r) => ({ ...r, unit: null, membersFormal: 2 })) });
    expect(flagsOf(check(built.grid)).map((f) => f.unit)).toEqual(["财务处", "财务处"]);
  });
});

describe("title block: the period", () => {
  const forms: [string, number][] = [
    ["2025年", 12],
    ["2025年度", 12],
    ["2025", 12],
    ["上半年", 6],
    ["2025年上半年", 6],
    ["2025年下半年", 6],
    ["第一季度", 3],
    ["2025年第二季度", 3],
    ["第三季度", 3],
    ["第四季度", 3],
    ["前三季度", 9],
    ["2025年前三季度", 9],
    ["1-6月", 6],
    ["1—6月", 6],
    ["1–6月", 6],
    ["1至6月", 6],
    ["１－６月", 6],
    ["2025年1-6月", 6],
    ["2025年7—12月", 6],
    ["1-3月", 3],
    ["2025年1月至9月", 9],
    ["１—１２月", 12],
  ];
  it.each(forms)("reads %p as %i months", (period, months) => {
    const report = check(withTitle([`填报单位：财务处\u3000统计期间：${period}`]).grid);
    expect(shape(report)).toEqual([{ sheet: "表1", unit: "财务处", months, rows: 3 }]);
    expect(findingsOf(report)).toEqual([]);
  });

  it.each([
    ["统计时段：", "上半年", 6],
    ["报告期：", "第一季度", 3],
    ["年度：", "2025", 12],
    ["统计期间:", "前三季度", 9],
  ])("reads the label %p", (label, period, months) => {
    expect(shape(check(withTitle([`填报单位：财务处\u3000${label}${period}`]).grid))[0].months).toBe(months);
    expect(shape(check(withTitle(["填报单位：财务处", label, period]).grid))[0].months).toBe(months);
  });

  it("never reads 填报日期 as the period", () => {
    const report = check(withTitle(["填报单位：财务处\u3000填报日期：2025年1-6月"]).grid);
    expect(shape(report)).toEqual([{ sheet: "表1", unit: "财务处", months: 12, rows: 3 }]);
    expect(briefs(report)).toEqual(["period-unknown@A1"]);
    const separate = check(withTitle(["填报日期：", "2025年第三季度"]).grid, { settings: { assessmentYear: 2024 } });
    expect(briefs(separate)).toEqual(["period-unknown@A1"]);
  });

  it("reads the period beside 填报日期", () => {
    const report = check(withTitle(["填报日期：2026年1月5日\u3000统计期间：2025年上半年"]).grid);
    expect(shape(report)[0].months).toBe(6);
  });
});

describe("one-row header", () => {
  it("maps every label of §2 in any column order", () => {
    const report = check(sheet({ columns: [...ALL].sort(), sheet: "表1" }).grid);
    expect(findingsOf(report)).toEqual([]);
    expect(shape(report)).toEqual([{ sheet: "表1", unit: "机关党委", months: 12, rows: 3 }]);
  });

  it("maps the aliases", () => {
    const aliases: Partial<Record<Col, string>> = {
      code: "组织编码", branch: "基层党组织名称", unit: "部门", membersFormal: "正式党员", membersProbationary: "预备党员",
      hasCommittee: "设立支委会", generalMeetings: "支部党员大会", committeeMeetings: "支委会会议", lectures: "党课",
      memberReview: "民主评议", activists: "积极分子", newMembers: "新发展党员", nonMemberStaff: "党外群众数",
      budget: "经费预算", spent: "实际支出", levelPrev: "年初定级", level: "年末定级", partyScore: "党建得分",
      businessScore: "业务得分", veto: "一票否决",
    };
    expect(briefs(check(sheet({ labels: aliases }).grid))).toEqual([]);
    const others: Partial<Record<Col, string>> = { branch: "支部名称", unit: "单位名称", budget: "党建工作经费预算", spent: "经费支出", committeeMeetings: "支部委员会" };
    expect(briefs(check(sheet({ labels: others }).grid))).toEqual([]);
    expect(briefs(check(sheet({ labels: { branch: "党组织名称", unit: "所在单位" } }).grid))).toEqual([]);
  });

  it("normalises header text: line breaks, U+3000, full width, a leading or trailing *, units", () => {
    const labels: Partial<Record<Col, string>> = {
      branch: "＊党支部名称",
      membersFormal: "正式\n党员数（人）",
      membersProbationary: " 预备党员数 (人) ",
      groups: "党小组数（个）",
      generalMeetings: "党员大会*",
      committeeMeetings: "*支委会（次）",
      lectures: "党\u3000课",
      activists: "入党积极分子数（名）",
      newMembers: "*本年发展\r\n党员数*",
      budget: "党建经费预算（元）",
      spent: "党建经费支出(万元)",
      duesDue: "党费应缴［元］",
      partyScore: "党建考核得分（分）",
    };
    const data = rows(3).map((r) => ({ ...r, spent: 1.5 }));
    const built = sheet({ labels, rows: data });
    const report = check(built.grid);
    expect(briefs(report)).toEqual([]);
    expect(flagsOf(report)).toEqual([]);
  });

  it("strips only the units of §2 from brackets", () => {
    const built = sheet({ labels: { budget: "党建经费预算（千元）" } });
    const report = check(built.grid);
    expect(briefs(report)).toEqual(["missing-column@A3", `unknown-column@${built.col("budget")}3`]);
  });

  it("finds the header below a long title block", () => {
    const title: Plain[][] = [[TITLE], [], ["（2025年度）"], ["填报单位：财务处"], ["统计期间：2025年"], [], ["单位：人、次、元"], []];
    const report = check(sheet({ title, merges: [] }).grid);
    expect(shape(report)[0]).toMatchObject({ unit: "财务处", months: 12, rows: 3 });
    expect(findingsOf(report)).toEqual([]);
  });
});

describe("two-row header with merged group labels", () => {
  const header3 = ["序号", "党支部名称", "正式党员数", "党小组数", "三会一课（次）", null, null, null, "党建经费（万元）", null, "党费（元）", null, "本年发展党员数"];
  const header4 = [null, null, null, null, "党员大会", "支委会", "党小组会", "党课", "预算", "支出", "应缴", "实缴", null];
  const merges = ["A1:M1", "A3:A4", "B3:B4", "C3:C4", "D3:D4", "E3:H3", "I3:J3", "K3:L3", "M3:M4"];
  const data = (over: Plain[] = []): Plain[][] => [
    [1, "第1党支部", 8, 1, 4, 12, 12, 4, 2, 1.5, 1200, 1200, 1],
    [2, "第2党支部", 9, 2, 4, 12, 24, 4, 2, 1.5, 1200, 1200, 1],
    over.length ? over : [3, "第3党支部", 10, 0, 4, 12, 0, 4, 1, 0.5, 600, 600, 1],
  ];
  const build = (body: Plain[][], extra: { merges?: string[]; header?: Plain[] } = {}) =>
    grid([[TITLE], ["填报单位：人事处\u3000统计期间：2025年"], extra.header ?? header3, header4, ...body], { merges: [...merges, ...(extra.merges ?? [])], sheet: "人事处" });

  it("maps leaf labels, group + leaf labels, and takes the unit from the group", () => {
    const report = check(build(data()));
    expect(findingsOf(report)).toEqual([]);
    expect(flagsOf(report)).toEqual([]);
    expect(shape(report)).toEqual([{ sheet: "人事处", unit: "人事处", months: 12, rows: 3 }]);
  });

  it("multiplies a 万元 group by 10 000", () => {
    const report = check(build(data([3, "第3党支部", 10, 0, 4, 12, 0, 4, 2, 0.46, 600, 600, 1])));
    expect(flagsOf(report).map((f) => [f.row, f.flag, f.detail])).toEqual([[7, "unspent-funds", "执行率 23%（4 600/20 000 元）"]]);
  });

  it("takes the unit from the group when the leaf label matches alone", () => {
    const leafs = [...header4];
    leafs[8] = "经费预算";
    leafs[9] = "经费支出";
    const g = grid([["填报单位：人事处\u3000统计期间：2025年"], header3, leafs, [1, "第1党支部", 8, 0, 4, 12, 0, 4, 2, 0.46, 0, 0, 1]], {
      merges: merges.map((m) => m.replace(/\d+/g, (n) => String(Number(n) - 1))).slice(1),
    });
    expect(findingsOf(check(g))).toEqual([]);
    expect(flagsOf(check(g)).map((f) => f.detail)).toEqual(["执行率 23%（4 600/20 000 元）"]);
  });

  it("takes the leaf's own unit before the group's", () => {
    const leafs = [...header4];
    leafs[9] = "支出（元）";
    const g = grid([["填报单位：人事处\u3000统计期间：2025年"], header3, leafs, [1, "第1党支部", 8, 0, 4, 12, 0, 4, 2, 4600, 0, 0, 1]], {
      merges: merges.map((m) => m.replace(/\d+/g, (n) => String(Number(n) - 1))).slice(1),
    });
    expect(flagsOf(check(g)).map((f) => f.detail)).toEqual(["执行率 23%（4 600/20 000 元）"]);
  });

  it("uses the group + leaf label for 党费 应缴/实缴", () => {
    const report = check(build(data([3, "第3党支部", 10, 0, 4, 12, 0, 4, 1, 0.5, 600, 0, 1])));
    expect(flagsOf(report).map((f) => [f.row, f.flag, f.level])).toEqual([[7, "dues-shortfall", "critical"]]);
  });

  it("reports a header finding at the top-left cell of a label merged over both rows", () => {
    const h3 = [...header3, "联系人"];
    const report = check(build(data(), { header: h3, merges: ["N3:N4"] }));
    expect(briefs(report)).toEqual(["unknown-column@N3"]);
  });

  it("skips a 栏次 row and checks 合计 in 万元", () => {
    const body: Plain[][] = [
      ["甲", "乙", 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11],
      ...data(),
      ["合计", null, 27, 3, 12, 36, 36, 12, 5, 3.5, 3000, 3000, 3],
      ["注：本表经费单位为万元。"],
      ["填表人：张三", null, null, "联系电话：12345678"],
    ];
    const report = check(build(body));
    expect(findingsOf(report)).toEqual([]);
    expect(shape(report)[0].rows).toBe(3);
    const wrong = [...body];
    wrong[4] = ["合计", null, 27, 3, 12, 36, 36, 12, 5.1, 3.5, 3000, 3000, 3];
    expect(findingsOf(check(build(wrong))).map((f) => [f.rule, f.cell, f.fix])).toEqual([["total-mismatch", "I9", 5]]);
  });
});

describe("栏次 row", () => {
  it.each([
    ["甲/乙/1/2/3…", ["甲", "乙", "丙", ...ALL.slice(3).map((_, i) => i + 1)]],
    ["栏次/1/2/3…", ["栏次", ...ALL.slice(1).map((_, i) => String(i + 1))]],
  ] as [string, Plain[]][])("is skipped right under the header: %s", (_, stems) => {
    const built = sheet({ rows: [stems, ...rows(3)] });
    const report = check(built.grid);
    expect(findingsOf(report)).toEqual([]);
    expect(shape(report)[0].rows).toBe(3);
  });
});

describe("totals rows", () => {
  it("are not data rows", () => {
    const data: (Row | Plain[])[] = [cleanRow(0), cleanRow(1), { seq: "小计" }, cleanRow(2), { branch: "合 计" }, { seq: "总计：" }];
    const report = check(sheet({ rows: data }).grid);
    expect(findingsOf(report)).toEqual([]);
    expect(shape(report)[0].rows).toBe(3);
  });
});

describe("footer rows", () => {
  const starters = ["注：", "注:", "说明：", "说明:", "填表人：张三", "制表人", "审核人：李四", "负责人", "单位负责人：王五", "联系电话：010-1234"];
  it.each(starters)("%p ends the table: it and every row after it are ignored", (text) => {
    const garbage: Plain[] = [9, "第9党支部", "#REF!", "abc", -5];
    const built = sheet({ rows: [...rows(3), [text, null, null, null, "x"], garbage, [], garbage] });
    const report = check(built.grid);
    expect(findingsOf(report)).toEqual([]);
    expect(shape(report)[0].rows).toBe(3);
  });

  it("is recognised in the branch column", () => {
    const built = sheet({ rows: [...rows(3), { branch: "填表人：张三", lectures: "x" }, cleanRow(0)] });
    expect(findingsOf(check(built.grid))).toEqual([]);
  });
});

describe("blank and section rows", () => {
  it("skips a section row (一、机关), also when merged across the table", () => {
    const data: (Row | Plain[])[] = [["一、机关"], cleanRow(0), cleanRow(1), ["二、基层单位"], cleanRow(2)];
    const built = sheet({ rows: data, merges: ["A1:AD1", "A7:AD7"] });
    const report = check(built.grid);
    expect(findingsOf(report)).toEqual([]);
    expect(shape(report)[0].rows).toBe(3);
  });

  it("counts a row with only 序号 as blank, and ignores trailing template rows", () => {
    const data: Row[] = [...rows(3), { seq: 4 }, { seq: 5 }, { seq: 6 }];
    const report = check(sheet({ rows: data }).grid);
    expect(findingsOf(report)).toEqual([]);
    expect(shape(report)[0].rows).toBe(3);
  });

});

describe("full-width digits", () => {
  it("are read in number cells with a number-as-text warning", () => {
    const data = rows(3);
    data[0] = { ...data[0], membersFormal: "１０", spent: "１５０００" };
    const built = sheet({ rows: data });
    expect(findingsOf(check(built.grid)).map((f) => [f.rule, f.cell, f.fix])).toEqual([
      ["number-as-text", built.at("membersFormal", 0), 10],
      ["number-as-text", built.at("spent", 0), 15000],
    ]);
  });
});

describe("merged cells in the data area", () => {
  it("gives a merged 所属单位 to every row it covers", () => {
    const data: Row[] = rows(4).map((r) => ({ ...r, membersFormal: 2, unit: null }));
    data[0] = { ...data[0], unit: "办公室" };
    data[3] = { ...data[3], unit: "后勤处" };
    const built = sheet({ rows: data, merges: ["A1:AD1", "D4:D6"] });
    const report = check(built.grid);
    expect(findingsOf(report)).toEqual([]);
    expect(flagsOf(report).map((f) => [f.row, f.unit])).toEqual([
      [4, "办公室"],
      [5, "办公室"],
      [6, "办公室"],
      [7, "后勤处"],
    ]);
  });

  it("gives a merged branch name to every row it covers, so they are duplicates", () => {
    const data = rows(3).map((r) => ({ ...r, code: null }));
    const built = sheet({ rows: data, merges: ["A1:AD1", "C4:C5"] });
    expect(briefs(check(built.grid))).toEqual(["duplicate-branch@C5"]);
  });

  it("leaves the covered cells of a merged number blank, and never missing-value", () => {
    const built = sheet({ merges: ["A1:AD1", "I4:I6", "E5:E6"] });
    const report = check(built.grid);
    expect(findingsOf(report)).toEqual([]);
    expect(flagsOf(report)).toEqual([]);
  });

  it("sums only the top-left cell of a merged number in totals", () => {
    const built = sheet({ rows: [...rows(3), { seq: "合计", generalMeetings: 4 }], merges: ["A1:AD1", "I4:I6"] });
    expect(findingsOf(check(built.grid))).toEqual([]);
  });
});

describe("which sheets are submissions", () => {
  it("skips hidden sheets", () => {
    const report = check([sheet({ sheet: "隐藏", visible: false }).grid, sheet({ sheet: "填报" }).grid]);
    expect(shape(report).map((s) => s.sheet)).toEqual(["填报"]);
    expect(report.files[0].skipped).toEqual(["隐藏"]);
  });

  it("lists sheets without a header under skipped", () => {
    const cover = grid([["封面"], ["2025年度党建考核"]], { sheet: "封面" });
    const empty = grid([], { sheet: "空表" });
    const report = check([cover, sheet({ sheet: "填报" }).grid, empty]);
    expect(shape(report)).toEqual([{ sheet: "填报", unit: "机关党委", months: 12, rows: 3 }]);
    expect(report.files[0].skipped).toEqual(["封面", "空表"]);
  });

  it("does not validate the roster sheet as a submission", () => {
    const roster = grid(
      [["党支部名称", "所属单位", "正式党员数", "上年定级", "上年党建得分"], ["第1党支部", "机关党委", 8, "一般", 80], ["第2党支部", "机关党委", 9, "一般", 80], ["第3党支部", "机关党委", 10, "一般", 80]],
      { sheet: "名册" },
    );
    const report = check([sheet({ sheet: "填报" }).grid, roster], { roster: [roster] });
    expect(shape(report).map((s) => s.sheet)).toEqual(["填报"]);
    expect(report.files[0].skipped).toEqual(["名册"]);
    expect(findingsOf(report)).toEqual([]);
    expect(report.roster).toEqual({ missing: [], unknown: [], unsubmitted: [] });
  });

  it("reads the roster from its first visible sheet with 党支部名称, below a title", () => {
    const hidden = grid([["党支部名称"], ["第9党支部"]], { sheet: "旧名册", visible: false });
    const roster = grid([["2025年党支部名册"], ["党支部名称", "上年定级"], ["第1党支部", "一般"], ["第2党支部", "一般"], ["第3党支部", "一般"], ["第4党支部", "一般"]], { sheet: "名册" });
    const report = check(sheet().grid, { roster: [hidden, roster] });
    expect(report.roster.missing).toEqual([{ branch: "第4党支部" }]);
  });

  it("skips sheets the add-in created", () => {
    const report = check([sheet({ sheet: "填报" }).grid, sheet({ sheet: "汇总" }).grid], { ownSheets: new Set(["汇总"]) });
    expect(shape(report).map((s) => s.sheet)).toEqual(["填报"]);
    expect(report.files[0].skipped).toEqual(["汇总"]);
  });

  it("validates only the named sheet when asked", () => {
    const report = check([sheet({ sheet: "甲" }).grid, sheet({ sheet: "乙", rows: [cleanRow(4)] }).grid], { sheet: "乙" });
    expect(shape(report)).toEqual([{ sheet: "乙", unit: "机关党委", months: 12, rows: 1 }]);
  });

  it("gives a workbook with no submission one header-not-found at A1 of its first visible sheet", () => {
    const report = check([grid([["x"]], { sheet: "隐藏", visible: false }), grid([[null, "说明"]], { sheet: "说明", origin: { row: 5, col: 3 } })]);
    expect(sheetsOf(report).map((s) => ({ sheet: s.sheet, rows: s.rows, findings: s.findings.map((f) => `${f.rule}@${f.cell}`) }))).toEqual([
      { sheet: "说明", rows: 0, findings: ["header-not-found@A1"] },
    ]);
  });

  it("reads several submission sheets of one workbook, each with its own title block", () => {
    const a = sheet({ sheet: "甲", title: [["填报单位：办公室\u3000统计期间：上半年"]], rows: rows(2).map((r) => ({ ...r, unit: null })) }).grid;
    const b = sheet({ sheet: "乙", title: [["填报单位：财务处\u3000统计期间：第一季度"]], rows: rows(1).map((r) => ({ ...r, unit: null })) }).grid;
    expect(shape(check([a, b]))).toEqual([
      { sheet: "甲", unit: "办公室", months: 6, rows: 2 },
      { sheet: "乙", unit: "财务处", months: 3, rows: 1 },
    ]);
  });
});
