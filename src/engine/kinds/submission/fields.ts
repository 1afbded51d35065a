/** The fields of the standard submission sheet (统计表) of PRODUCT.md §2: one entry per column key. */
import type { FieldSpec } from "../kind";

export type FieldKey =
  | "seq"
  | "code"
  | "branch"
  | "unit"
  | "membersFormal"
  | "membersProbationary"
  | "groups"
  | "hasCommittee"
  | "generalMeetings"
  | "committeeMeetings"
  | "groupMeetings"
  | "lectures"
  | "themeDays"
  | "orgLifeMeeting"
  | "memberReview"
  | "activists"
  | "newMembers"
  | "newMembersPrev"
  | "nonMemberStaff"
  | "budget"
  | "spent"
  | "duesDue"
  | "duesPaid"
  | "levelPrev"
  | "level"
  | "partyScorePrev"
  | "partyScore"
  | "businessScore"
  | "veto"
  | "lastElection"
  | "notes";

export const FIELDS: readonly FieldSpec<FieldKey>[] = [
  { key: "seq", labels: ["序号"], type: "integer", required: "no" },
  { key: "code", labels: ["党组织编码", "组织编码"], type: "text", required: "no" },
  { key: "branch", labels: ["党支部名称", "支部名称", "党组织名称", "基层党组织名称"], type: "text", required: "yes" },
  { key: "unit", labels: ["所属单位", "单位名称", "所在单位", "部门"], type: "text", required: "no" },
  { key: "membersFormal", labels: ["正式党员数", "正式党员"], type: "integer", required: "yes", min: 0, max: 9999 },
  { key: "membersProbationary", labels: ["预备党员数", "预备党员"], type: "integer", required: "no", min: 0, max: 9999 },
  { key: "groups", labels: ["党小组数"], type: "integer", required: "no", min: 0, max: 999 },
  { key: "hasCommittee", labels: ["是否设支委会", "设立支委会"], type: "yesno", required: "no" },
  { key: "generalMeetings", labels: ["党员大会", "支部党员大会"], type: "integer", required: "yes", min: 0, max: 999 },
  { key: "committeeMeetings", labels: ["支委会", "支部委员会", "支委会会议"], type: "integer", required: "when-committee", min: 0, max: 999 },
  { key: "groupMeetings", labels: ["党小组会"], type: "integer", required: "when-groups", min: 0, max: 999 },
  { key: "lectures", labels: ["党课"], type: "integer", required: "yes", min: 0, max: 999 },
  { key: "themeDays", labels: ["主题党日"], type: "integer", required: "no", min: 0, max: 999 },
  { key: "orgLifeMeeting", labels: ["组织生活会"], type: "yesno-or-integer", required: "no", min: 0, max: 999 },
  { key: "memberReview", labels: ["民主评议党员", "民主评议"], type: "yesno", required: "no" },
  { key: "activists", labels: ["入党积极分子数", "积极分子"], type: "integer", required: "no", min: 0, max: 9999 },
  { key: "newMembers", labels: ["本年发展党员数", "发展党员数", "新发展党员"], type: "integer", required: "yes", min: 0, max: 999 },
  { key: "newMembersPrev", labels: ["上年发展党员数"], type: "integer", required: "no", min: 0, max: 999 },
  { key: "nonMemberStaff", labels: ["党外职工数", "党外群众数"], type: "integer", required: "no", min: 0, max: 99999 },
  { key: "budget", labels: ["党建经费预算", "党建工作经费预算", "经费预算"], type: "money", required: "yes", min: 0 },
  { key: "spent", labels: ["党建经费支出", "经费支出", "实际支出"], type: "money", required: "yes", min: 0 },
  { key: "duesDue", labels: ["党费应缴"], type: "money", required: "no", min: 0 },
  { key: "duesPaid", labels: ["党费实缴"], type: "money", required: "no", min: 0 },
  { key: "levelPrev", labels: ["上年定级", "年初定级"], type: "level", required: "no" },
  { key: "level", labels: ["本年定级", "年末定级"], type: "level", required: "no" },
  { key: "partyScorePrev", labels: ["上年党建得分"], type: "number", required: "no", min: 0, max: 100 },
  { key: "partyScore", labels: ["党建考核得分", "党建得分"], type: "number", required: "no", min: 0, max: 100 },
  { key: "businessScore", labels: ["业务考核得分", "业务得分"], type: "number", required: "no", min: 0, max: 100 },
  { key: "veto", labels: ["否决事项", "一票否决"], type: "veto", required: "no" },
  { key: "lastElection", labels: ["上次换届时间", "换届时间", "选举时间"], type: "date", required: "no" },
  { key: "notes", labels: ["备注"], type: "text", required: "no" },
];

export const FIELD_BY_KEY: ReadonlyMap<string, FieldSpec<FieldKey>> = new Map(FIELDS.map((f) => [f.key, f]));

/** The keys that make a sheet a submission (PRODUCT.md §2: membersFormal … businessScore). */
export const CONTENT_KEYS: ReadonlySet<string> = new Set(
  FIELDS.slice(
    FIELDS.findIndex((f) => f.key === "membersFormal"),
    FIELDS.findIndex((f) => f.key === "businessScore") + 1,
  ).map((f) => f.key),
);
