/**
 * Submissions as departments send them, written as flat ODS and turned into real .xlsx files by
 * LibreOffice. `messy` carries one known problem per line; `clean` must give no finding at all.
 */
import { fods, type FodsCell } from "../support/fods";
import { toXlsx } from "../support/libreoffice";

const f = (formula: string) => ({ formula });
const span = (value: string, colSpan: number, rowSpan = 1) => ({ value, colSpan, rowSpan });

/** The problems planted in `messy`, as (rule, cell). */
export const MESSY_EXPECTED: readonly [string, string][] = [
  ["unknown-column", "M3"],
  ["number-as-text", "C7"],
  ["not-a-number", "F7"],
  ["excel-error", "E8"],
  ["bad-option", "L8"],
  ["blank-row", "A9"],
  ["not-an-integer", "I10"],
  ["duplicate-branch", "B11"],
  ["out-of-range", "C12"],
  ["extra-cell", "N12"],
  ["missing-value", "B13"],
  ["total-mismatch", "H14"],
  ["total-mismatch", "K14"],
];

export function messyRows(): FodsCell[][] {
  return [
    [span("2025年度党支部工作情况统计表", 14)],
    [span("填报单位：机关一局\u3000统计期间：2025年\u3000填报日期：2026年1月10日", 14)],
    [
      span("序号", 1, 2), span("党支部名称", 1, 2), span("正式党员数（人）", 1, 2), span("预备党员数", 1, 2),
      span("三会一课（次）", 4), null, null, null,
      span("本年发展党员数", 1, 2), span("党建经费（万元）", 2), null, span("本年定级", 1, 2), span("联系人", 1, 2),
    ],
    [null, null, null, null, "党员大会", "支委会", "党小组会", "党课", null, "预算", "支出", null, null],
    ["甲", "乙", 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11],
    [1, "第一党支部", 12, 1, 4, 12, null, 4, 1, 2, 1.5, "一般", "张三"],
    [2, "第二党支部", "１２", 0, 2, "四", null, 1, 0, 1, 0.1, "先进", "李四"],
    [3, "第三党支部", 8, 2, f("of:=1/0"), 8, null, 4, 1, 1.2, 0.9, "优秀", "王五"],
    [],
    [4, "第四党支部", 5, 1, 4, null, null, 4, 2.5, 0.5, 0.4, "一般", "赵六"],
    [5, "第一党支部", 3, 0, 4, null, null, 4, 0, 0.3, 0.3, "一般", null],
    [6, "第六党支部", 10000, 1, 4, 12, null, 4, 1, 1, 0.6, "一般", null, "多余内容"],
    [7, null, 9, 1, 4, 12, null, 4, 1, 1, 0.8, "一般"],
    ["合计", null, null, 6, f("of:=SUM([.E6:.E13])"), null, null, 24, null, f("of:=SUM([.J6:.J13])"), 4.5],
    ["注：本表金额单位为万元。"],
    ["填表人：张三"],
  ];
}

export function cleanRows(): FodsCell[][] {
  return [
    [span("2025年上半年党支部工作情况统计表", 10)],
    ["填报单位：", "机关二局", null, null, "统计期间：", "2025年1-6月"],
    ["序号", "党支部名称", "正式党员数", "预备党员数", "党员大会", "支委会", "党课", "本年发展党员数", "党建经费预算（元）", "党建经费支出（元）"],
    [1, "机关二局第一党支部", 9, 1, 2, 6, 2, 1, 10000, 6000],
    [2, "机关二局第二党支部", 5, 0, 2, 0, 2, 0, 8000, f("of:=4000+0")],
    [3, "机关二局第三党支部", 15, 2, 3, 6, 2, 2, 12000, 9000],
    ["合计", null, f("of:=SUM([.C4:.C6])"), f("of:=SUM([.D4:.D6])"), 7, 12, 6, 3, 30000, 19000],
    ["填表人：李四", null, null, null, "联系电话：12345678"],
  ];
}

export async function makeXlsx(name: string, rows: FodsCell[][], sheet = "报表"): Promise<string> {
  return toXlsx(fods([{ name: sheet, rows }]), name);
}
