/**
 * The fields of the 党费 ledger (LEDGERS.md §3), in both layouts: wide (a member a row, a column
 * for each month's payment) and long (a member-month a row: 月份, 应缴, 实缴). The branch columns
 * are the meeting ledger's.
 */
import { DUES_CATEGORIES } from "../../dues";
import type { FieldSpec } from "../kind";
import { MEETING_FIELDS } from "../meetings/fields";
import { PERSONAL_FIELDS } from "../../personal";

/** The twelve month columns of the wide layout, m1 for January. */
export type MonthColumn = "m1" | "m2" | "m3" | "m4" | "m5" | "m6" | "m7" | "m8" | "m9" | "m10" | "m11" | "m12";

export type DuesField =
  | "seq"
  | "code"
  | "unit"
  | "branch"
  | "name"
  | "category"
  | "base"
  | "monthlyDue"
  | "month"
  | "due"
  | "paid"
  | "paidDate"
  | "exemption"
  | "notes"
  | "idNumber"
  | "phone"
  | MonthColumn;

type BranchField = "code" | "unit" | "branch";
const BRANCH_KEYS: readonly string[] = ["code", "unit", "branch"] satisfies BranchField[];

const BRANCH_FIELDS = MEETING_FIELDS.filter((f): f is FieldSpec<BranchField> => BRANCH_KEYS.includes(f.key));

const CHINESE_MONTHS = ["一", "二", "三", "四", "五", "六", "七", "八", "九", "十", "十一", "十二"];

/** The month column `month` (1–12) and the key of its field. */
export function monthColumn(month: number): MonthColumn {
  return `m${month}` as MonthColumn;
}

/** A month's payment column: 3月, 3月份, 三月, 2025年3月, 2025-03, 2025.3, 2025/3 (labels as normalised). */
function monthField(month: number): FieldSpec<MonthColumn> {
  const digits = `0?${month}`;
  const pattern = new RegExp(`^(?:(?:(?:19|20)\\d{2}年)?(?:${digits}|${CHINESE_MONTHS[month - 1]})月份?|(?:19|20)\\d{2}[-./]${digits})$`);
  return { key: monthColumn(month), labels: [`${month}月`], type: "money", required: "no", min: 0, pattern };
}

export const MONTH_COLUMNS: readonly MonthColumn[] = Array.from({ length: 12 }, (_, i) => monthColumn(i + 1));

export const DUES_FIELDS: readonly FieldSpec<DuesField>[] = [
  { key: "seq", labels: ["序号"], type: "integer", required: "no" },
  ...BRANCH_FIELDS,
  { key: "name", labels: ["姓名", "党员姓名"], type: "text", required: "yes" },
  { key: "category", labels: ["人员类别", "党员类别", "类别", "身份"], type: "option", required: "no", options: DUES_CATEGORIES },
  { key: "base", labels: ["缴费基数", "月工资收入", "税后工资", "工资收入", "月收入"], type: "money", required: "no", min: 0 },
  { key: "monthlyDue", labels: ["月缴纳额", "每月应缴", "月应缴", "缴纳标准", "应缴标准"], type: "money", required: "no", min: 0 },
  ...Array.from({ length: 12 }, (_, i) => monthField(i + 1)),
  // The long layout's: a blank month there is missing-value (a blank payment is a month unpaid); the wide layout has no such column.
  { key: "month", labels: ["月份", "缴费月份", "所属月份"], type: "month", required: "when-present", template: false },
  { key: "due", labels: ["应缴", "应缴金额", "应交"], type: "money", required: "no", min: 0, template: false },
  { key: "paid", labels: ["实缴", "实缴金额", "实交", "缴纳金额"], type: "money", required: "no", min: 0, template: false },
  { key: "paidDate", labels: ["缴费日期", "缴纳日期"], type: "date", required: "no", template: false },
  { key: "exemption", labels: ["减免", "减免情况", "减免批准"], type: "text", required: "no" },
  { key: "notes", labels: ["备注"], type: "text", required: "no" },
  ...PERSONAL_FIELDS,
];
