/**
 * The kinds of meeting (三会一课 and the rest) that the 统计表 counts and the meeting ledger
 * records: the engine's one vocabulary of them, with the words forms use (PRODUCT.md §2,
 * LEDGERS.md §2).
 */
import type { OptionSpec } from "./kinds/kind";
import { FIELD_BY_KEY, type FieldKey } from "./kinds/submission/fields";
import { normaliseLabel } from "./text";
import type { MeetingType } from "./settings";

export interface MeetingKind extends OptionSpec {
  type: MeetingType;
  /** The 统计表's count of this kind of meeting. */
  key: FieldKey;
}

/**
 * In the order of PRODUCT.md §4. `value` is the standard word (a ledger's 会议类型, the `type` of
 * a gap); aliases are other ways ledgers write it. 民主生活会 is a leadership team's meeting, not
 * a branch's 组织生活会, and is no alias of it.
 */
export const MEETING_KINDS: readonly MeetingKind[] = [
  { type: "general", key: "generalMeetings", value: "党员大会", aliases: ["支部党员大会", "党员大会会议", "支部党员大会会议"] },
  { type: "committee", key: "committeeMeetings", value: "支委会", aliases: ["支部委员会", "支委会会议", "支部委员会会议", "支委会议"] },
  { type: "group", key: "groupMeetings", value: "党小组会", aliases: ["党小组会议", "党小组活动"] },
  { type: "lecture", key: "lectures", value: "党课", aliases: ["讲党课", "上党课", "专题党课"] },
  { type: "themeday", key: "themeDays", value: "主题党日", aliases: ["主题党日活动", "党日活动"] },
  { type: "orglife", key: "orgLifeMeeting", value: "组织生活会", aliases: ["专题组织生活会"] },
  { type: "review", key: "memberReview", value: "民主评议", aliases: ["民主评议党员"] },
];

export const MEETING_KIND: ReadonlyMap<MeetingType, MeetingKind> = new Map(MEETING_KINDS.map((k) => [k.type, k]));

/** Every way of naming a type, normalised: its id, its word, its aliases, its 统计表 column names. */
const NAMES: ReadonlyMap<string, MeetingType> = new Map(
  MEETING_KINDS.flatMap((kind) =>
    [kind.type, kind.value, ...kind.aliases, ...(FIELD_BY_KEY.get(kind.key)?.labels ?? [])].map((word) => [normaliseLabel(word).text, kind.type] as const),
  ),
);

/** A meeting type named by its id (general …), its word or an alias (党员大会, 支委会会议 …), or its 统计表 column name. */
export function meetingType(name: string): MeetingType | null {
  return NAMES.get(normaliseLabel(name).text) ?? null;
}
