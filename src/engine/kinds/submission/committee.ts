/** Whether a 统计表 row's branch has a committee and groups: what makes its 支委会 and 党小组会 counts required. */
import { committeeDue, type Settings } from "../../settings";
import type { DataRow } from "../../rows";

export function hasCommittee(data: DataRow, settings: Settings): boolean | undefined {
  const formal = data.fields.value("membersFormal");
  return committeeDue(data.fields.value("hasCommittee"), data.fields.isInvalid("hasCommittee"), typeof formal === "number" ? formal : undefined, settings);
}

export function groupCount(data: DataRow): number {
  const v = data.fields.value("groups");
  return typeof v === "number" ? v : 0;
}

/** Whether the row needs its 支委会 or 党小组会 filled: it has a committee, or groups. */
export function requiredWhen(data: DataRow, requirement: string, settings: Settings): boolean {
  if (requirement === "when-committee") return hasCommittee(data, settings) === true;
  if (requirement === "when-groups") return groupCount(data) > 0;
  return false;
}
