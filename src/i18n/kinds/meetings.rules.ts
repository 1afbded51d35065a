/** The 三会一课 meeting ledger's rules (LEDGERS.md §2). */
import { rule } from "../rules";

const ARTICLE = "《中国共产党支部工作条例（试行）》";

/** In the order of LEDGERS.md §2, after the rules of PRODUCT.md §3. */
export const meetingsRules = {
  "date-out-of-period": rule(
    "warning",
    {
      title: "日期不在统计期间内",
      description: "会议日期或党费月份不在统计期间内，这条记录不计入本期。",
      messages: {
        default: "{cell}：会议日期 {value} 不在统计期间（{period}）内，不计入本期。请核对日期，或把这条记录放入对应期间的台账。",
        month: "{cell}：党费月份 {value} 不在统计期间（{period}）内，不计入本期。请核对月份，或把这条记录放入对应期间的台账。",
      },
    },
    {
      title: "Date outside the period",
      description: "A meeting's date or a dues payment's month is outside the period; the record does not count for it.",
      messages: {
        default: "{cell}: the meeting's date {value} is outside the period ({period}) and does not count. Check the date, or move the record to that period's ledger.",
        month: "{cell}: the dues month {value} is outside the period ({period}) and does not count. Check the month, or move the record to that period's ledger.",
      },
    },
  ),
  "attendance-mismatch": rule(
    "error",
    {
      title: "出席人数不符",
      description: "实到人数多于应到人数，或实到、请假、缺席人数之和不等于应到人数，或缺席名单的人数多于请假与缺席人数之和。",
      messages: {
        default: "{cell}：实到 {present} 人，多于应到 {expected} 人。请核对人数。",
        sum: "{cell}：实到 {present} 人、请假 {leave} 人、缺席 {absent} 人，合计 {sum} 人，与应到 {expected} 人不符。请核对人数。",
        names: "{cell}：缺席人员列了 {names} 人，多于请假与缺席人数之和 {count} 人。请核对名单或人数。",
      },
    },
    {
      title: "Attendance does not add up",
      description: "More present than expected; or present, on leave and absent do not add up to expected; or more absentees named than on leave and absent.",
      messages: {
        default: "{cell}: {present} present, more than the {expected} expected. Check the figures.",
        sum: "{cell}: {present} present, {leave} on leave and {absent} absent make {sum}, not the {expected} expected. Check the figures.",
        names: "{cell}: {names} absentees are named, more than the {count} on leave and absent. Check the list or the figures.",
      },
    },
  ),
  "quorum-not-met": rule(
    "error",
    {
      title: "到会人数未过半",
      description: `党员大会、支委会须有半数以上应到人员到会方能召开（${ARTICLE}第十一、十二条）；未过半的会议不计入。`,
      messages: {
        default: `{cell}：{type}应到 {expected} 人、实到 {present} 人，未超过半数（${ARTICLE}第十一、十二条：须有半数以上到会方能召开），本次会议不计入。`,
      },
    },
    {
      title: "No quorum",
      description: "A general or committee meeting needs more than half of those expected (branch regulations, articles 11 and 12); one without does not count.",
      messages: {
        default: "{cell}: {type} with {present} of {expected} present, not more than half (branch regulations, articles 11 and 12); the meeting does not count.",
      },
    },
  ),
  "duplicate-meeting": rule(
    "warning",
    {
      title: "会议重复登记",
      description: "同一党支部同一天的同类会议登记了两次，只计一次。",
      messages: {
        default: "{cell}：{branch}{date}的{type}已在{other}登记，本行不重复计入。请删除重复记录，或核对日期和类型。",
      },
    },
    {
      title: "Meeting recorded twice",
      description: "The same branch, type and date recorded twice; it counts once.",
      messages: {
        default: "{cell}: {branch}'s {type} of {date} is already recorded at {other}; this row does not count again. Delete the duplicate or check the date and type.",
      },
    },
  ),
};
