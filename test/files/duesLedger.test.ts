/**
 * 党费 ledgers as offices keep them, made by LibreOffice: a wide one typed by hand (a title block
 * that names the branch, a two-row merged header over the months, a full-width figure) and a long
 * one (a member-month a row, months written every way), each with a problem planted on each rule,
 * read from the .xlsx and held against the department's 统计表 (in 万元) in the same workbook.
 */
import { validate, type Finding, type Report } from "../../src/engine";
import { readWorkbook } from "../../src/files/read";
import { readFile } from "node:fs/promises";
import { fods, type FodsCell } from "../support/fods";
import { toXlsx } from "../support/libreoffice";

const STATISTICS: FodsCell[][] = [
  ["填报单位：机关一局　统计期间：2025年"],
  ["序号", "党支部名称", "正式党员数", "党员大会", "党课", "本年发展党员数", "党费应缴（万元）", "党费实缴（万元）", "党建经费预算", "党建经费支出"],
  // The first branch's ledger records 4 472.4 元 due and 5 392.4 元 paid; the second's 1 585 元 and 3 225 元.
  [1, "机关第一党支部", 8, 4, 4, 1, 0.5, 0.53924, 20000, 18000],
  [2, "机关第二党支部", 3, 4, 4, 1, 0.1585, 0.3, 20000, 18000],
];

/** Paid each month, January first; null is blank. */
const months = (amount: FodsCell, over: Record<number, FodsCell> = {}): FodsCell[] => Array.from({ length: 12 }, (_, i) => (i + 1 in over ? over[i + 1] : amount));

/** 机关第一党支部, by hand: columns A 序号 … E 月缴纳额, F–Q 1月–12月, R 减免, S 备注; members from row 5. */
const WIDE: FodsCell[][] = [
  [{ value: "机关第一党支部2025年党费收缴台账", colSpan: 19 }],
  ["党支部：机关第一党支部　统计期间：2025年"],
  [
    { value: "序号", rowSpan: 2 },
    { value: "姓名", rowSpan: 2 },
    { value: "人员类别", rowSpan: 2 },
    { value: "缴费基数（元）", rowSpan: 2 },
    { value: "月缴纳额（元）", rowSpan: 2 },
    { value: "2025年缴纳情况（元）", colSpan: 12 },
    ...Array<FodsCell>(11).fill(null),
    { value: "减免", rowSpan: 2 },
    { value: "备注", rowSpan: 2 },
  ],
  [null, null, null, null, null, ...Array.from({ length: 12 }, (_, i) => `${i + 1}月`), null, null],
  [1, "张三", "在职", 4000, 40, ...months(40), null, null],
  [2, "李四", "退休", 6000, 60, ...months(60, { 2: "６０" }), null, null],
  [3, "王五", null, 8000, 100, ...months(100), null, null],
  [4, "赵六", "学生党员", 0, 0.2, ...months(0.2), null, null],
  [5, "钱七", "在职", 5000, 50, ...months(50, { 3: 30, 9: 1200 }), null, "9月自愿多交"],
  [6, "孙八", "在职", 3000, 15, ...months(15, { 6: null, 7: null, 8: null, 9: null, 10: null, 11: null }), null, null],
  [7, "周九", "临时工", 4000, 40, ...months(40, { 2: null, 3: 0, 4: null }), null, null],
  [8, "吴十", "在职", 9000, 67.5, ...months(67.5), "党委批准减半", null],
];

const WIDE_PLANTED = ["number-as-text@G6", "dues-rate@E7", "dues-underpaid@H9", "large-payment@N9", "bad-option@C11"];

/** 机关第二党支部, one row a member-month: A 序号 … F 缴费月份, G 应缴金额, H 实缴金额, I 缴费日期, J 减免情况; 陈一 from row 3, 林二 from 17, 黄三 from 29. */
function longLedger(): { rows: FodsCell[][]; planted: string[] } {
  const rows: FodsCell[][] = [
    ["填报单位：机关一局　统计期间：2025年"],
    ["序号", "所在党支部", "党员姓名", "人员类别", "缴费基数", "缴费月份", "应缴金额", "实缴金额", "缴费日期", "减免情况"],
  ];
  const add = (name: string, base: number, month: FodsCell, due: number, paid: FodsCell, date: FodsCell = { date: "2025-06-10" }) => {
    rows.push([rows.length - 1, "机关第二党支部", name, "在职", base, month, due, paid, date, null]);
    return rows.length;
  };
  const written: FodsCell[] = [{ date: "2025-01-15" }, "2025-02", "2025年3月", "4月", 5, "6", "七月", 202508, "2025.9", "2025/10", "2025-11", "2025-12"];
  written.forEach((month, i) => add("陈一", 4000, month, 40, 40, i === 5 ? "2025.6.10" : undefined));
  const planted = [`date-as-text@I${3 + 5}`];
  planted.push(`bad-date@F${add("陈一", 4000, "2025-13", 40, 40)}`);
  planted.push(`date-out-of-period@F${add("陈一", 4000, "2024-12", 40, 40)}`);
  for (let month = 1; month <= 12; month++) {
    const m = `2025-${String(month).padStart(2, "0")}`;
    const row = add("林二", 5000, m, month === 2 ? 75 : 50, month === 2 ? 75 : month === 4 ? 20 : month === 7 ? 2000 : 50);
    if (month === 2) planted.push(`dues-rate@G${row}`);
    if (month === 4) planted.push(`dues-underpaid@H${row}`);
    if (month === 7) planted.push(`large-payment@H${row}`);
  }
  for (let month = 1; month <= 8; month++) add("黄三", 4000, `2025-0${month}`, 40, month >= 5 && month <= 7 ? 0 : 40);
  return { rows, planted };
}

let report: Report;
let longPlanted: string[];

beforeAll(async () => {
  const long = longLedger();
  longPlanted = long.planted;
  const file = await toXlsx(
    fods([
      { name: "统计表", rows: STATISTICS },
      { name: "一支部党费", rows: WIDE },
      { name: "二支部党费", rows: long.rows },
    ]),
    "dues-ledgers",
  );
  report = validate([{ file: "机关一局.xlsx", grids: await readWorkbook(await readFile(file)) }], { locale: "zh-CN" });
});

const sheet = (name: string) => report.files[0].sheets.find((s) => s.sheet === name)!;
const brief = (f: Finding) => `${f.rule}@${f.cell}`;

test("both ledgers are recognised as 党费台账, the hand-typed one's branch taken from its title block", () => {
  expect(report.files[0].sheets.map((s) => [s.sheet, s.kind, s.rows])).toEqual([
    ["统计表", "submission", 2],
    ["一支部党费", "dues", 8],
    ["二支部党费", "dues", 34],
  ]);
});

test("every planted problem is reported at its cell with its rule, and nothing else", () => {
  expect(sheet("一支部党费").findings.map(brief).sort()).toEqual([...WIDE_PLANTED].sort());
  expect(sheet("二支部党费").findings.map(brief).sort()).toEqual([...longPlanted].sort());
  const rate = sheet("一支部党费").findings.find((f) => f.rule === "dues-rate");
  expect([rate?.fix, rate?.message]).toEqual([120, expect.stringContaining("缴费基数 8 000 元（在职）每月应缴 120 元，此处填写 100 元")]);
});

test("each member in arrears is flagged at their row, with the months", () => {
  const flags = (name: string) => sheet(name).flags.map((f) => [f.flag, f.level, f.row, f.person, f.branch, f.detail]);
  expect(flags("一支部党费")).toEqual([
    ["dues-arrears", "critical", 10, "孙八", "机关第一党支部", "欠缴 2025年6–11月，共6个月"],
    ["dues-arrears", "warning", 11, "周九", "机关第一党支部", "欠缴 2025年2–4月，共3个月"],
  ]);
  expect(flags("二支部党费")).toEqual([
    ["dues-arrears", "warning", 29, "黄三", "机关第二党支部", "欠缴 2025年5–7月，共3个月；欠缴 2025年9–12月，共4个月"],
  ]);
});

test("the 统计表's 党费 in 万元 is held against each branch's ledger at its cell", () => {
  const mismatches = sheet("统计表").findings.filter((f) => f.rule === "ledger-mismatch");
  expect(mismatches.map((f) => [f.cell, f.message])).toEqual([
    ["G3", expect.stringMatching(/^G3：党费应缴报表填报 0\.5 万元，台账记录 0\.44724 万元（一支部党费 第5、6、7、8、9、10、11、12行）/)],
    ["H4", expect.stringMatching(/^H4：党费实缴报表填报 0\.3 万元，台账记录 0\.3225 万元（二支部党费 第3、/)],
  ]);
});
