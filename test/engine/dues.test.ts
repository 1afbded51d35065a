/** The 党费 ledger (LEDGERS.md §3, §6): recognition in both layouts, the rules of its rows, arrears, the 统计表. */
import { check, checkBooks, findingsOf, flagsOf, only, sheetsOf } from "./helpers";
import { duesSubmission, long, member, TITLE, wide, WIDE_HEADER, year, type Member } from "./duesLedger";
import { fullYear, ledger, submission } from "./ledger";
import { grid, type Plain } from "../support/grid";

const cells = (report: ReturnType<typeof check>, rule: string) => only(report, rule).map((f) => f.cell);
const MONTHS = ["G", "H", "I", "J", "K", "L", "M", "N", "O", "P", "Q", "R"];
/** Paid every month but those given (1–12), which are blank. */
const unpaid = (...months: number[]): Plain[] => Array.from({ length: 12 }, (_, i) => (months.includes(i + 1) ? null : 40));
const fullWidth = (n: number) => String(n).replace(/\d/g, (d) => String.fromCharCode(0xff10 + Number(d)));

describe("recognised as a 党费 ledger", () => {
  it("wide: 姓名 and the month columns; a ledger paid in full has no finding and no flag", () => {
    const report = check(wide([member("张三"), member("李四")]));
    expect(sheetsOf(report).map((s) => [s.kind, s.rows])).toEqual([["dues", 2]]);
    expect(findingsOf(report)).toEqual([]);
    expect(flagsOf(report)).toEqual([]);
  });

  it("long: 姓名, 月份, 应缴, 实缴; a ledger paid in full has no finding and no flag", () => {
    const report = check(long([...year("张三"), ...year("李四")]));
    expect(sheetsOf(report).map((s) => [s.kind, s.rows])).toEqual([["dues", 24]]);
    expect(findingsOf(report)).toEqual([]);
    expect(flagsOf(report)).toEqual([]);
  });

  it("a 统计表 and a meeting ledger are recognised as before", () => {
    expect(sheetsOf(check(submission([{ branch: "第一党支部", general: 4, lectures: 4 }])))[0].kind).toBe("submission");
    expect(sheetsOf(check(ledger(fullYear())))[0].kind).toBe("meetings");
  });

  it("fewer than three month columns and no 实缴 is no ledger; a long ledger without 月份 gets missing-column", () => {
    const two = grid([["姓名", "1月", "2月"], ["张三", 40, 40]]);
    expect(findingsOf(check(two)).map((f) => f.rule)).toEqual(["header-not-found"]);
    const noMonth = grid([["党支部：第一党支部　统计期间：2025年"], ["姓名", "实缴"], ["张三", 40]]);
    const report = check(noMonth);
    expect(sheetsOf(report)[0].kind).toBe("dues");
    expect(only(report, "missing-column").map((f) => f.field)).toEqual(["month"]);
  });

  it("takes the branch from the title block; without a column or a title, missing-column for branch", () => {
    const header = WIDE_HEADER.filter((h) => h !== "党支部名称");
    const row = ["1", "张三", null, 4000, 40, ...unpaid(4, 5, 6, 7, 8, 9, 10, 11, 12), null, null];
    const titled = check(grid([["党支部：机关第一党支部　统计期间：2025年"], header, row, ["2", "李四", null, 4000, 40, ...unpaid(), null, null]]));
    expect(only(titled, "missing-column")).toEqual([]);
    expect(flagsOf(titled).map((f) => [f.branch, f.person])).toEqual([["机关第一党支部", "张三"]]);
    expect(only(check(grid([header, row])), "missing-column").map((f) => f.field)).toEqual(["branch"]);
  });

  it.each([
    ["1月", (m: number) => `${m}月`],
    ["1月份", (m: number) => `${m}月份`],
    ["2025年1月", (m: number) => `2025年${m}月`],
    ["2025-01", (m: number) => `2025-${String(m).padStart(2, "0")}`],
    ["2025.1", (m: number) => `2025.${m}`],
    ["2025/1", (m: number) => `2025/${m}`],
    ["一月", (m: number) => `${["一", "二", "三", "四", "五", "六", "七", "八", "九", "十", "十一", "十二"][m - 1]}月`],
    ["１月 （元）", (m: number) => `${fullWidth(m)}月 （元）`],
  ])("month columns labelled like %s are the twelve months", (_, label) => {
    const header = WIDE_HEADER.map((h) => (/^\d+月$/.test(h) ? label(Number.parseInt(h, 10)) : h));
    const paid = unpaid();
    paid[10] = 20;
    const report = check(wide([member("张三", { paid })], { header }));
    expect(sheetsOf(report)[0].kind).toBe("dues");
    expect(only(report, "unknown-column")).toEqual([]);
    expect(cells(report, "dues-underpaid")).toEqual(["Q4"]);
    expect(only(report, "dues-underpaid")[0].message).toMatch(/^Q4：11月实缴 20 元，少于应缴 40 元/);
  });
});

describe("dues-rate (规定 第五、六条)", () => {
  const rated = (over: Partial<Member>) => {
    const paid = Array(12).fill(over.monthlyDue ?? 40);
    return only(check(wide([member("张三", { paid, ...over })])), "dues-rate").map((f) => [f.cell, f.fix]);
  };

  it.each([
    ["在职", 3000, 15, 30],
    ["在职", 5000, 50, 75],
    ["在职", 10000, 150, 200],
    ["离退休", 5000, 25, 50],
  ])("%s on a base of exactly %d owes %d: that is right, the next bracket's %d is not", (category, base, due, next) => {
    expect(rated({ category, base, monthlyDue: due })).toEqual([]);
    expect(rated({ category, base, monthlyDue: next })).toEqual([["F4", due]]);
  });

  it("above a boundary is the next bracket; a blank category is 在职; an alias is its category", () => {
    expect(rated({ base: 3000.01, monthlyDue: 30 })).toEqual([]);
    expect(rated({ category: "退休", base: 6000, monthlyDue: 60 })).toEqual([]);
    expect(rated({ category: "退休干部", base: 6000, monthlyDue: 120 })).toEqual([["F4", 60]]);
  });

  it("学生 and 低保 pay 0.20 元; 农民 0.20–1.00 元, with the nearer end as fix", () => {
    expect(rated({ category: "学生", base: 0, monthlyDue: 0.2 })).toEqual([]);
    expect(rated({ category: "学生", base: 0, monthlyDue: 0.5 })).toEqual([["F4", 0.2]]);
    expect(rated({ category: "下岗", base: 800, monthlyDue: 0.2 })).toEqual([]);
    expect(rated({ category: "低保", base: 800, monthlyDue: 4 })).toEqual([["F4", 0.2]]);
    expect(rated({ category: "农民", base: 2000, monthlyDue: 0.5 })).toEqual([]);
    expect(rated({ category: "农民", base: 2000, monthlyDue: 1 })).toEqual([]);
    expect(rated({ category: "农民", base: 2000, monthlyDue: 1.5 })).toEqual([["F4", 1]]);
    expect(rated({ category: "农民", base: 2000, monthlyDue: 0.1 })).toEqual([["F4", 0.2]]);
  });

  it("says the base, the category and the amount, citing the articles", () => {
    const [finding] = only(check(wide([member("张三", { base: 5000, monthlyDue: 75, paid: Array(12).fill(75) })])), "dues-rate");
    expect(finding.severity).toBe("error");
    expect(finding.message).toBe(
      "F4：缴费基数 5 000 元（在职）每月应缴 50 元，此处填写 75 元（《关于中国共产党党费收缴、使用和管理的规定》第五、六条）。请核对缴费基数、人员类别或缴纳额；如经批准减免，请在“减免”列注明。",
    );
    const [farmer] = only(check(wide([member("张三", { category: "农民", base: 0, monthlyDue: 2, paid: Array(12).fill(2) })])), "dues-rate");
    expect(farmer.message).toMatch(/^F4：农民党员每月交纳党费 0\.2–1 元，此处填写 2 元/);
  });

  it("the rounding setting changes the fix: 4321 × 1% is 43.21, or 43.2 to the 角", () => {
    const g = wide([member("张三", { base: 4321, monthlyDue: 45, paid: Array(12).fill(45) })]);
    expect(only(check(g), "dues-rate").map((f) => f.fix)).toEqual([43.21]);
    expect(only(check(g, { settings: { dues: { rounding: 0.1, largePayment: 1000, arrearsWarning: 3, arrearsCritical: 6 } } }), "dues-rate").map((f) => f.fix)).toEqual([43.2]);
  });

  it("a long row's 应缴 is checked at its cell; an approved reduction silences the rate", () => {
    const rows = year("张三", [], { base: 5000, due: 50 });
    rows[2] = { ...rows[2], due: 75, paid: 75 };
    expect(cells(check(long(rows)), "dues-rate")).toEqual(["G6"]);
    rows[2] = { ...rows[2], exemption: "经支委会批准减免" };
    expect(cells(check(long(rows)), "dues-rate")).toEqual([]);
    expect(rated({ base: 5000, monthlyDue: 20, exemption: "2025年1月党委批准" })).toEqual([]);
  });
});

describe("payments", () => {
  it("dues-underpaid: a month paid above 0 but below its due, at that month's cell; blank and 0 are not", () => {
    const paid = unpaid();
    paid[2] = 20;
    paid[4] = 39.99;
    paid[5] = 39.996;
    paid[6] = 0;
    const report = check(wide([member("张三", { paid }), member("李四")]));
    expect(cells(report, "dues-underpaid")).toEqual(["I4", "K4"]);
    expect(only(report, "dues-underpaid")[0].severity).toBe("warning");
  });

  it("the due of an underpaid month is 月缴纳额, else the long row's 应缴, else the bracket", () => {
    const bracketOnly = wide([member("张三", { monthlyDue: null, base: 6000, paid: Array(12).fill(60) })]);
    expect(cells(check(bracketOnly), "dues-underpaid")).toEqual(MONTHS.map((c) => `${c}4`));
    const rows = year("张三", [40, 40, 30], { base: 4000 });
    expect(cells(check(long(rows)), "dues-underpaid")).toEqual(["H6"]);
    const noDue = year("张三", [40, 40, 30], { base: 4000, due: null });
    expect(cells(check(long(noDue)), "dues-underpaid")).toEqual(["H6"]);
  });

  it("an approved reduction silences dues-underpaid", () => {
    const paid = Array(12).fill(10);
    expect(cells(check(wide([member("张三", { paid, exemption: "减半，党委批准" })])), "dues-underpaid")).toEqual([]);
  });

  it("large-payment: one month's 1 200 元 at its cell (第十一条); 999 is not; the mark is a setting", () => {
    const paid = unpaid();
    paid[8] = 1200;
    paid[9] = 999;
    const report = check(wide([member("张三", { paid })]));
    const [finding] = only(report, "large-payment");
    expect([finding.cell, finding.severity]).toEqual(["O4", "info"]);
    expect(finding.message).toBe(
      "O4：9月实缴 1 200 元，达到 1 000 元。一次性自愿多交纳1000元以上的党费须全额上缴中央（《关于中国共产党党费收缴、使用和管理的规定》第十一条），请确认并按规定上缴。",
    );
    const lower = check(wide([member("张三", { paid })]), { settings: { dues: { rounding: 0.01, largePayment: 900, arrearsWarning: 3, arrearsCritical: 6 } } });
    expect(cells(lower, "large-payment")).toEqual(["O4", "P4"]);
    const rows = year("张三", [40, 5000]);
    expect(cells(check(long(rows)), "large-payment")).toEqual(["H5"]);
  });
});

describe("long layout months", () => {
  it("reads a date, 2025-03, 2025年3月, 3月, 三月 and 3 as March of the period; anything else is bad-date", () => {
    const forms = [{ date: 45717 }, "2025-03", "2025年3月", "3月", "三月", 3, 202503];
    for (const month of forms) {
      const rows = year("张三").filter((r) => r.month !== "2025-03");
      const report = check(long([...rows, { name: "张三", month, paid: 40 }]));
      expect([month, findingsOf(report), flagsOf(report)]).toEqual([month, [], []]);
    }
    const report = check(long([...year("张三"), { name: "张三", month: "十三月", paid: 40 }, { name: "张三", month: "2025-02-30", paid: 40 }]));
    expect(only(report, "bad-date").map((f) => [f.cell, f.message])).toEqual([
      ["F16", "F16：月份“十三月”不是有效月份。请填写如 2025-03、2025年3月 或 3月。"],
      ["F17", "F17：月份“2025-02-30”不是有效月份。请填写如 2025-03、2025年3月 或 3月。"],
    ]);
  });

  it("a month outside the period is date-out-of-period and not counted; a blank month is missing-value", () => {
    const rows = year("张三", [null, null, null]);
    const report = check(long([...rows, { name: "张三", month: "2024-12", paid: 120 }, { name: "张三", month: null, paid: 40 }]));
    expect(only(report, "date-out-of-period").map((f) => [f.cell, f.message])).toEqual([
      ["F16", "F16：党费月份 2024-12 不在统计期间（2025年）内，不计入本期。请核对月份，或把这条记录放入对应期间的台账。"],
    ]);
    expect(cells(report, "missing-value")).toEqual(["F17"]);
    expect(flagsOf(report).map((f) => f.detail)).toEqual(["欠缴 2025年1–3月，共3个月"]);
  });
});

describe("dues-arrears (党章 第九条, 规定 第十三条)", () => {
  it("three unpaid months running: warning; six: critical; with the exact detail, the person and the member's row", () => {
    const report = check(wide([member("张三", { paid: unpaid(3, 4, 5) }), member("李四", { paid: unpaid(3, 4, 5, 6, 7, 8) }), member("王五", { paid: unpaid(2, 4, 6) })]));
    expect(flagsOf(report).map((f) => [f.flag, f.level, f.row, f.person, f.detail, f.label, f.branch])).toEqual([
      ["dues-arrears", "warning", 4, "张三", "欠缴 2025年3–5月，共3个月", "欠缴党费", "第一党支部"],
      ["dues-arrears", "critical", 5, "李四", "欠缴 2025年3–8月，共6个月", "欠缴党费", "第一党支部"],
    ]);
  });

  it("two months are not arrears; blank and 0 are both unpaid; two runs are both named", () => {
    const paid = unpaid(1, 2, 6, 7, 8, 10, 11, 12);
    paid[6] = 0;
    const report = check(wide([member("张三", { paid }), member("李四")]));
    expect(flagsOf(report).map((f) => [f.level, f.detail])).toEqual([["warning", "欠缴 2025年6–8月，共3个月；欠缴 2025年10–12月，共3个月"]]);
  });

  it("months due stop at the last month anyone paid", () => {
    const upTo = (last: number, ...gaps: number[]) => unpaid(...gaps, ...Array.from({ length: 12 - last }, (_, i) => last + i + 1));
    const report = check(wide([member("张三", { paid: upTo(8) }), member("李四", { paid: upTo(8, 6, 7) }), member("王五", { paid: upTo(8, 6, 7, 8) })]));
    expect(flagsOf(report).map((f) => [f.person, f.detail])).toEqual([["王五", "欠缴 2025年6–8月，共3个月"]]);
    expect(flagsOf(check(wide([member("张三", { paid: unpaid(...Array.from({ length: 12 }, (_, i) => i + 1)) })])))).toEqual([]);
  });

  it("the long layout groups a member's months by branch and name, at the member's first row", () => {
    const rows = [...year("张三", [40, 40, 40, 0, null, 0]), ...year("张三", [], { branch: "第二党支部" })];
    const report = check(long(rows.filter((r) => r.paid !== null)));
    expect(flagsOf(report).map((f) => [f.row, f.person, f.branch, f.level, f.detail])).toEqual([[4, "张三", "第一党支部", "warning", "欠缴 2025年4–6月，共3个月"]]);
  });

  it("the thresholds are settings; the detail is in the report's language", () => {
    const g = wide([member("张三", { paid: unpaid(3, 4) }), member("李四")]);
    const settings = { dues: { rounding: 0.01, largePayment: 1000, arrearsWarning: 2, arrearsCritical: 2 } };
    expect(flagsOf(check(g, { settings })).map((f) => [f.level, f.detail])).toEqual([["critical", "欠缴 2025年3–4月，共2个月"]]);
    const english = check(wide([member("张三", { paid: unpaid(3, 4, 5, 6, 7, 8) }), member("李四")]), { locale: "en-US" });
    expect(flagsOf(english).map((f) => [f.label, f.detail])).toEqual([["Dues in arrears", "unpaid 2025-03 to 2025-08, 6 months"]]);
  });
});

describe("against the 统计表 (LEDGERS.md §6)", () => {
  const members = [member("张三"), member("李四"), member("王五", { paid: unpaid(11, 12) })];
  const mismatches = (due: number | null, paid: number | null, unit: "元" | "万元" = "元") =>
    only(checkBooks([{ file: "统计表.xlsx", grids: [duesSubmission(due, paid, unit)] }, { file: "台账.xlsx", grids: [wide(members)] }]), "ledger-mismatch").map((f) => [
      f.cell,
      f.message,
    ]);

  it("in 元: equal figures give nothing; a difference names both figures and the ledger rows", () => {
    expect(mismatches(1440, 1360)).toEqual([]);
    expect(mismatches(1440.004, 1359.996)).toEqual([]);
    expect(mismatches(1200, 1360.01)).toEqual([
      ["G3", "G3：党费应缴报表填报 1 200 元，台账记录 1 440 元（党费台账 第4、5、6行）。请核对报表与台账。"],
      ["H3", "H3：党费实缴报表填报 1 360.01 元，台账记录 1 360 元（党费台账 第4、5、6行）。请核对报表与台账。"],
    ]);
  });

  it("in 万元: figures in the 统计表's unit, equal to half its last place (0.005 万元, 50 元)", () => {
    expect(mismatches(0.144, 0.136, "万元")).toEqual([]);
    expect(mismatches(0.14, 0.14, "万元")).toEqual([]);
    expect(mismatches(0.139, 0.141, "万元")).toEqual([]);
    expect(mismatches(0.1385, 0.1415, "万元").map(([cell]) => cell)).toEqual(["G3", "H3"]);
    expect(mismatches(0.12, 0.136, "万元")).toEqual([["G3", "G3：党费应缴报表填报 0.12 万元，台账记录 0.144 万元（党费台账 第4、5、6行）。请核对报表与台账。"]]);
  });

  it("a blank 统计表 cell, another branch and another period are not compared", () => {
    expect(mismatches(null, null)).toEqual([]);
    const other = checkBooks([{ file: "a.xlsx", grids: [duesSubmission(1, 1, "元", "第二党支部"), wide(members)] }]);
    expect(only(other, "ledger-mismatch")).toEqual([]);
    const lastYear = checkBooks([{ file: "a.xlsx", grids: [duesSubmission(1, 1), wide(members, { title: ["统计期间：2024年"] })] }]);
    expect(only(lastYear, "ledger-mismatch")).toEqual([]);
  });

  it("the long layout's sums are over the period's months and the months due", () => {
    const rows = [...year("张三", [40, 40, 40, 40, 40, 40, null, null, null, null, null, null]), { name: "张三", month: "2024-12", paid: 40 }];
    const report = checkBooks([{ file: "a.xlsx", grids: [duesSubmission(240, 240), long(rows, { title: TITLE })] }]);
    expect(only(report, "ledger-mismatch")).toEqual([]);
  });
});
