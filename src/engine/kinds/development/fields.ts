/**
 * The fields of the 发展党员 register (LEDGERS.md §4), with the labels real registers use: the
 * aliases of the spec, and those seen in the import templates and exports of public 党建 systems
 * (test/fixtures/real-headers.ts). 入党时间 is the day the 支部大会 admitted the person as a
 * probationary member (党龄 counts from 转正, 入党时间 from admission).
 */
import type { FieldSpec } from "../kind";
import { EXTENSION_MONTHS } from "../../probation";
import { PERSONAL_FIELDS } from "../../personal";

export type DevelopmentField =
  | "seq"
  | "code"
  | "unit"
  | "branch"
  | "name"
  | "birth"
  | "applied"
  | "talked"
  | "activist"
  | "candidate"
  | "admitted"
  | "approved"
  | "full"
  | "extension"
  | "introducers"
  | "notes"
  | "idNumber"
  | "phone";

/** The stages of 发展党员, in the order they are passed (细则 第二至第六章). */
export const STAGES = ["applied", "talked", "activist", "candidate", "admitted", "approved", "full"] as const satisfies readonly DevelopmentField[];

export type Stage = (typeof STAGES)[number];

export const DEVELOPMENT_FIELDS: readonly FieldSpec<DevelopmentField>[] = [
  { key: "seq", labels: ["序号"], type: "integer", required: "no" },
  { key: "code", labels: ["党组织编码", "党支部编码", "组织编码"], type: "text", required: "no", template: false },
  { key: "unit", labels: ["所属单位", "单位名称", "分党委", "所属党委", "二级党组织", "所属分党委"], type: "text", required: "no", template: false },
  { key: "branch", labels: ["党支部名称", "支部名称", "党支部", "党组织名称"], type: "text", required: "yes" },
  { key: "name", labels: ["姓名"], type: "text", required: "yes" },
  { key: "birth", labels: ["出生日期", "出生年月", "出生年月日", "出生时间"], type: "date", required: "no", yearMonth: true },
  {
    key: "applied",
    labels: ["递交入党申请书时间", "申请入党时间", "入党申请时间", "申请日期", "提交书面申请书时间", "申请入党日期"],
    type: "date",
    required: "no",
  },
  { key: "talked", labels: ["首次组织谈话时间", "谈话时间", "谈话日期"], type: "date", required: "no" },
  {
    key: "activist",
    labels: ["确定为入党积极分子时间", "确定入党积极分子时间", "积极分子日期", "确定积极分子时间", "成为入党积极分子时间", "成为积极分子日期"],
    type: "date",
    required: "no",
  },
  {
    key: "candidate",
    labels: ["确定为发展对象时间", "列为发展对象时间", "发展对象日期", "确定发展对象时间", "列为入党发展对象时间", "确定为重点发展对象时间"],
    type: "date",
    required: "no",
  },
  {
    key: "admitted",
    labels: ["接收为预备党员时间", "发展为预备党员时间", "支部大会通过时间", "预备日期", "确定为预备党员时间", "确定预备党员时间", "成为预备党员日期", "入党时间"],
    type: "date",
    required: "no",
  },
  { key: "approved", labels: ["党委审批时间", "上级党委审批时间", "审批日期"], type: "date", required: "no" },
  { key: "full", labels: ["转为正式党员时间", "转正时间", "正式日期", "转为正式党员日期"], type: "date", required: "no" },
  { key: "extension", labels: ["延长预备期（月）", "延长预备期"], type: "integer", required: "no", min: EXTENSION_MONTHS.min, max: EXTENSION_MONTHS.max },
  { key: "introducers", labels: ["入党介绍人", "介绍人"], type: "names", required: "no" },
  { key: "notes", labels: ["备注"], type: "text", required: "no" },
  ...PERSONAL_FIELDS,
];
