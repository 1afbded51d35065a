/** The 统计表's rules across its rows and against the roster (PRODUCT.md §3). */
import { rule } from "../rules";

export const submissionRules = {
  "duplicate-branch": rule(
    "error",
    {
      title: "党支部重复",
      description: "同一党支部在一张表或一起校验的多张表中出现两次。",
      messages: {
        default: "{cell}：党支部“{branch}”与第 {otherRow} 行重复。请删除重复行，或核对名称和编码。",
        "other-sheet": "{cell}：党支部“{branch}”已在工作表“{otherSheet}”第 {otherRow} 行出现。请核对是否重复填报。",
      },
    },
    {
      title: "Duplicate branch",
      description: "The same branch twice, in one sheet or across the sheets validated together.",
      messages: {
        default: "{cell}: branch “{branch}” repeats row {otherRow}. Delete the duplicate or check its name and code.",
        "other-sheet": "{cell}: branch “{branch}” already appears on sheet “{otherSheet}”, row {otherRow}. Check for a double submission.",
      },
    },
  ),
  "total-mismatch": rule(
    "error",
    {
      title: "合计不符",
      description: "合计/小计行与明细之和不符。",
      messages: {
        default: "{cell}：合计行的{label}为 {value}，上方各行之和为 {sum}，相差 {diff}。请核对合计或明细。",
        subtotal: "{cell}：小计行的{label}为 {value}，本组各行之和为 {sum}，相差 {diff}。请核对小计或明细。",
      },
    },
    {
      title: "Total does not match",
      description: "A 合计/小计 row differs from the sum of its rows.",
      messages: {
        default: "{cell}: the total of {label} is {value}, the rows above add up to {sum} (difference {diff}).",
        subtotal: "{cell}: the subtotal of {label} is {value}, its rows add up to {sum} (difference {diff}).",
      },
    },
  ),
  "inconsistent": rule(
    "warning",
    {
      title: "前后矛盾",
      description: "同一行的数字前后矛盾（支出大于预算、实缴大于应缴、定级与得分不符等）。",
      messages: {
        spent: "{cell}：经费支出 {value} 大于经费预算 {other}。请核对。",
        dues: "{cell}：党费实缴 {value} 大于党费应缴 {other}。请核对。",
        "newMembers": "{cell}：本年发展党员数 {value} 大于预备党员数 {other}。本年发展的党员均为预备党员，请核对。",
        committee: "{cell}：填报未设支委会，却有支委会会议 {value} 次。请核对是否设支委会。",
        level: "{cell}：本年定级“{value}”与综合得分 {score} 应得的“{expected}”不符。请核对定级或得分。",
        veto: "{cell}：有否决事项，本年定级却为“{level}”。有否决事项的党支部应定为“{lowest}”。",
        year: "{cell}：统计期间“{value}”是 {year} 年，本次考核年度为 {expected} 年。请核对是否交错了表。",
        "roster-level": "{cell}：上年定级填报为“{value}”，名册记录为“{roster}”，以名册为准。",
      },
    },
    {
      title: "Inconsistent",
      description: "Figures of one row that contradict each other (spent over budget, paid over due, grade against score …).",
      messages: {
        spent: "{cell}: funds spent {value} exceed the budget {other}. Please check.",
        dues: "{cell}: dues paid {value} exceed dues due {other}. Please check.",
        "newMembers": "{cell}: {value} new members but only {other} probationary members. Please check.",
        committee: "{cell}: no committee is reported, yet {value} committee meetings. Please check.",
        level: "{cell}: grade “{value}” differs from “{expected}”, the grade of the combined score {score}.",
        veto: "{cell}: a veto item is reported but the grade is “{level}”; it should be “{lowest}”.",
        year: "{cell}: the period “{value}” is in {year}, the assessment year is {expected}.",
        "roster-level": "{cell}: last year's grade is reported as “{value}”, the roster says “{roster}”; the roster wins.",
      },
    },
  ),
  "unknown-branch": rule(
    "warning",
    {
      title: "不在名册中",
      description: "报送的党支部不在名册中。",
      messages: {
        default: "{cell}：党支部“{branch}”不在名册中。请核对名称或编码，或先更新名册。",
      },
    },
    {
      title: "Not in the roster",
      description: "A submitted branch that the roster does not list.",
      messages: {
        default: "{cell}: branch “{branch}” is not in the roster. Check its name or code, or update the roster.",
      },
    },
  ),
  "missing-branch": rule(
    "error",
    {
      title: "名册中缺报",
      description: "名册中的党支部没有出现在任何报送表中。",
      messages: {
        default: "名册中的党支部“{branch}”（{unit}）未出现在任何报送表中。请核实是否漏报。",
      },
    },
    {
      title: "Missing from submissions",
      description: "A roster branch that appears in no submission.",
      messages: {
        default: "Branch “{branch}” ({unit}) of the roster is in no submitted sheet. Check whether it was left out.",
      },
    },
  ),
};
