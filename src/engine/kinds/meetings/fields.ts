/**
 * The fields of the 三会一课 meeting ledger (LEDGERS.md §2), with the labels real forms use: the
 * aliases of the spec, and those seen in the import templates of public 党建 systems
 * (test/fixtures/real-headers.ts). 地点 and 内容, on nearly every real ledger, are known fields so
 * that they are not reported as unknown columns.
 */
import type { FieldSpec } from "../kind";
import { MEETING_KINDS } from "../../meetingTypes";
import { PERSONAL_FIELDS } from "../../personal";

export type MeetingField =
  | "seq"
  | "code"
  | "unit"
  | "branch"
  | "type"
  | "date"
  | "topic"
  | "place"
  | "content"
  | "host"
  | "recorder"
  | "expected"
  | "present"
  | "leave"
  | "absent"
  | "absentees"
  | "notes"
  | "idNumber"
  | "phone";

export const MEETING_FIELDS: readonly FieldSpec<MeetingField>[] = [
  { key: "seq", labels: ["序号"], type: "integer", required: "no" },
  { key: "code", labels: ["党组织编码", "党支部编码", "组织编码"], type: "text", required: "no", template: false },
  { key: "unit", labels: ["所属单位", "单位名称", "分党委", "所属党委", "二级党组织", "所属分党委"], type: "text", required: "no", template: false },
  { key: "branch", labels: ["党支部名称", "支部名称", "党支部", "党组织名称"], type: "text", required: "yes" },
  { key: "type", labels: ["会议类型", "会议类别", "类型", "活动类型"], type: "option", required: "yes", options: MEETING_KINDS },
  {
    key: "date",
    labels: ["会议日期", "日期", "会议时间", "实际会议时间", "召开时间", "时间", "实际时间", "开展时间", "开始时间", "会议开始时间", "活动时间", "活动日期"],
    type: "date",
    required: "yes",
  },
  { key: "topic", labels: ["会议主题", "主题", "议题", "会议名称", "活动名称", "开展主题"], type: "text", required: "no" },
  { key: "place", labels: ["会议地点", "地点", "活动地点", "开展地点"], type: "text", required: "no" },
  { key: "content", labels: ["会议内容", "主要内容", "内容", "活动内容"], type: "text", required: "no", template: false },
  { key: "host", labels: ["主持人", "主讲人", "授课人", "主讲人及身份"], type: "text", required: "when-present" },
  { key: "recorder", labels: ["记录人", "会议记录人"], type: "text", required: "when-present" },
  { key: "expected", labels: ["应到人数", "应到"], type: "integer", required: "when-present", min: 0, max: 9999 },
  { key: "present", labels: ["实到人数", "实到", "出席人数"], type: "integer", required: "when-present", min: 0, max: 9999 },
  { key: "leave", labels: ["请假人数", "请假"], type: "integer", required: "no", min: 0, max: 9999 },
  { key: "absent", labels: ["缺席人数", "缺席"], type: "integer", required: "no", min: 0, max: 9999 },
  { key: "absentees", labels: ["缺席人员", "缺席名单", "缺席人员及原因"], type: "names", required: "no" },
  { key: "notes", labels: ["备注", "备注信息"], type: "text", required: "no" },
  ...PERSONAL_FIELDS,
];
