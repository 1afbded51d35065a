/**
 * A 发展党员 register as a branch keeps it, made by LibreOffice: the branch named in the title
 * block, dates as date cells with one typed as text and a birth given as year and month, every
 * date rule of LEDGERS.md §4 broken once by one person and one person who passed every stage on
 * time. Read from the .xlsx and held against the department's 统计表 in the same workbook.
 */
import { validate, type Finding, type Report } from "../../src/engine";
import { readWorkbook } from "../../src/files/read";
import { readFile } from "node:fs/promises";
import { fods, type FodsCell } from "../support/fods";
import { toXlsx } from "../support/libreoffice";

const STATISTICS: FodsCell[][] = [
  ["填报单位：机关一局　统计期间：2025年"],
  ["序号", "党支部名称", "正式党员数", "是否设支委会", "党员大会", "支委会", "党课", "本年发展党员数", "党建经费预算", "党建经费支出"],
  [1, "机关第一党支部", 12, "是", 4, 12, 4, 2, 20000, 18000],
  [2, "机关第二党支部", 15, "是", 4, 12, 4, 1, 20000, 18000],
];

const HEADER = [
  "序号", "姓名", "出生年月", "递交入党申请书时间", "首次组织谈话时间", "确定为入党积极分子时间", "确定为发展对象时间",
  "接收为预备党员时间", "党委审批时间", "转为正式党员时间", "延长预备期（月）", "入党介绍人", "备注",
];

type Stages = "birth" | "applied" | "talked" | "activist" | "candidate" | "admitted" | "approved" | "full" | "extension" | "introducers";

/** Every stage on time (ISO text is written as a date cell). */
const ON_TIME: Record<Stages, FodsCell> = {
  birth: "1995-05-20",
  applied: "2022-03-01",
  talked: "2022-03-15",
  activist: "2022-09-01",
  candidate: "2023-09-05",
  admitted: "2024-03-05",
  approved: "2024-04-20",
  full: "2025-03-05",
  extension: null,
  introducers: "张三、李四",
};

const ORDER: readonly Stages[] = ["birth", "applied", "talked", "activist", "candidate", "admitted", "approved", "full", "extension", "introducers"];
const ISO = /^\d{4}-\d{2}-\d{2}$/;

interface Planted {
  rule: string;
  cell: string;
  severity: string;
}

/** The register of 机关第一党支部: two title rows, the header in row 3, people from row 4. */
function register(): { rows: FodsCell[][]; planted: Planted[] } {
  const rows: FodsCell[][] = [
    [{ value: "机关第一党支部发展党员工作台账", colSpan: HEADER.length }],
    ["党支部：机关第一党支部　统计期间：2025年"],
    HEADER,
  ];
  const planted: Planted[] = [];
  const add = (name: string, over: Partial<Record<Stages, FodsCell>>, notes: string, problems: [string, string, string?][] = []) => {
    const stages = { ...ON_TIME, ...over };
    const cells = ORDER.map((key) => {
      const value = stages[key];
      return typeof value === "string" && ISO.test(value) ? { date: value } : value;
    });
    rows.push([rows.length - 2, name, ...cells, notes]);
    for (const [rule, column, severity = "error"] of problems) planted.push({ rule, cell: `${column}${rows.length}`, severity });
  };
  add("赵一", {}, "按期完成各阶段");
  add("钱二", { talked: "2022-02-20" }, "谈话早于申请", [["date-order", "E"]]);
  const minor = { activist: null, candidate: null, admitted: null, approved: null, full: null, introducers: null };
  add("孙三", { birth: "2005年6月", applied: "2023-05-01", talked: "2023-05-10", ...minor }, "申请时未满18岁", [["under-age", "D"]]);
  add("李四", { applied: "2022.3.1", talked: "2022-05-10" }, "谈话超过1个月", [["date-as-text", "D", "warning"], ["talk-late", "E", "warning"]]);
  add("周五", { activist: "2023-01-10", candidate: "2023-06-10" }, "积极分子不满1年", [["activist-too-short", "G"]]);
  add("吴六", { approved: "2024-07-01" }, "审批超过3个月", [["approval-late", "I", "warning"]]);
  add("郑七", { approved: "2024-10-01" }, "审批超过6个月", [["approval-late", "I", "error"]]);
  add("王八", { full: "2025-01-05" }, "提前转正", [["probation-length", "J"]]);
  add("冯九", { admitted: "2024-01-10", approved: "2024-02-20", full: "2025-06-10" }, "转正拖延且未延长预备期", [["probation-length", "J"]]);
  add("陈十", { introducers: "王五" }, "只有一名介绍人", [["introducer-count", "L", "warning"]]);
  add("褚十一", { full: null }, "预备期满未转正");
  add("卫十二", { admitted: "2025-06-01", approved: "2025-07-01", full: null }, "本年发展");
  return { rows, planted };
}

let report: Report;
let planted: Planted[];

beforeAll(async () => {
  const made = register();
  planted = made.planted;
  const file = await toXlsx(
    fods([
      { name: "统计表", rows: STATISTICS },
      { name: "一支部发展台账", rows: made.rows },
    ]),
    "development-ledger",
  );
  const grids = await readWorkbook(await readFile(file));
  report = validate([{ file: "机关一局.xlsx", grids }], { locale: "zh-CN" });
});

const sheet = (name: string) => report.files[0].sheets.find((s) => s.sheet === name)!;
const brief = (f: Finding) => ({ rule: f.rule, cell: f.cell, severity: f.severity });
const byCell = (a: Planted, b: Planted) => a.cell.localeCompare(b.cell) || a.rule.localeCompare(b.rule);

test("the register is recognised, its branch taken from its title block", () => {
  expect(report.files[0].sheets.map((s) => [s.sheet, s.kind])).toEqual([
    ["统计表", "submission"],
    ["一支部发展台账", "development"],
  ]);
});

test("every broken rule is reported at its cell with its severity, and nothing else; the clean person has none", () => {
  const found = sheet("一支部发展台账").findings;
  expect(found.map(brief).sort(byCell)).toEqual([...planted].sort(byCell));
  expect(found.filter((f) => f.row === 4)).toEqual([]);
  expect(sheet("一支部发展台账").flags.filter((f) => f.row === 4)).toEqual([]);
});

test("the person whose probation ended without 转正 is flagged at their row", () => {
  expect(sheet("一支部发展台账").flags.map((f) => [f.flag, f.row, f.branch, f.person, f.detail])).toEqual([
    ["probation-overdue", 14, "机关第一党支部", "褚十一", "2024年3月5日接收为预备党员，预备期应于2025年3月5日期满，尚未转正"],
  ]);
});

test("the 统计表's newMembers is held against the admissions within the period", () => {
  const mismatches = sheet("统计表").findings.filter((f) => f.rule === "ledger-mismatch");
  expect(mismatches.map((f) => [f.cell, f.message])).toEqual([["H3", "H3：本年发展党员数报表填报 2 人，台账记录 1 人（一支部发展台账 第15行）。请核对报表与台账。"]]);
});
