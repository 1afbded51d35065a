/** The 统计表's own words: its flags (PRODUCT.md §4), its name, the flags' details (its rules: submission.rules.ts). */
import { strings, translator, type Locale, type Translate } from "..";
import { flag } from "../rules";

/** PRODUCT.md §4, in table order. */
export const submissionFlags = {
  "missing-meetings": flag(
    { label: "缺会", description: "三会一课次数少于《中国共产党支部工作条例（试行）》第十一至十三条的要求（党课每季度1次为各地通行做法）。" },
    { label: "Missing meetings", description: "Fewer meetings than the 2018 branch work regulations require (articles 11–13; a lecture a quarter is local practice)." },
  ),
  "unspent-funds": flag(
    { label: "经费未用", description: "党建经费执行率低于按期折算的下限（默认全年 50%）：“量入为出、收支平衡、略有结余”，大额闲置才是问题。" },
    { label: "Unspent funds", description: "Party-work funds spent below the pro-rated minimum (50% a year by default): a small balance is normal, a large idle one is not." },
  ),
  "no-new-members": flag(
    { label: "未发展党员", description: "本年未发展党员（有党外职工可发展时）；连续2年为严重。" },
    { label: "No new members", description: "No new members this year while there are staff to recruit; two years running is critical." },
  ),
  "small-branch": flag(
    { label: "党员不足3人", description: "正式党员不足3人，不具备单独成立党支部的条件。" },
    { label: "Fewer than 3 members", description: "Fewer than 3 full members: too few for a branch of its own." },
  ),
  "committee-missing": flag(
    { label: "应设未设支委会", description: "正式党员7人以上的党支部应设立支部委员会。" },
    { label: "Committee missing", description: "A branch with 7 or more full members should have a committee." },
  ),
  "large-branch": flag(
    { label: "党员超过50人", description: "党员超过50人的党支部一般应调整或分设。" },
    { label: "More than 50 members", description: "A branch of more than 50 members should usually be split." },
  ),
  "dues-shortfall": flag(
    { label: "党费未足额", description: "党费实缴少于应缴；实缴为 0 为严重。" },
    { label: "Dues shortfall", description: "Dues paid fall short of dues due; none paid is critical." },
  ),
};

/** The 统计表's other words: its name and the flags' details. */
export const submissionStrings = strings(
  {
    "kind.name": "统计表",
    "kind.title": "党支部工作情况统计表",
    "kind.template": "填报模板",
    "flag.unspent-funds.detail": "执行率 {rate}%（{spent}/{budget} 元）",
    "flag.no-new-members.detail": "本年未发展党员",
    "flag.no-new-members.two-years": "连续2年未发展党员",
    "flag.small-branch.detail": "正式党员 {formal} 人",
    "flag.committee-missing.detail": "正式党员 {formal} 人，未设支委会",
    "flag.large-branch.detail": "党员 {total} 人（正式 {formal}，预备 {probationary}）",
    "flag.dues-shortfall.detail": "实缴 {paid}/应缴 {due} 元",
  },
  {
    "kind.name": "Statistics sheet",
    "kind.title": "党支部工作情况统计表",
    "kind.template": "template",
    "flag.unspent-funds.detail": "spent {rate}% ({spent}/{budget} yuan)",
    "flag.no-new-members.detail": "no new members this year",
    "flag.no-new-members.two-years": "no new members two years running",
    "flag.small-branch.detail": "{formal} full members",
    "flag.committee-missing.detail": "{formal} full members, no committee",
    "flag.large-branch.detail": "{total} members ({formal} full, {probationary} probationary)",
    "flag.dues-shortfall.detail": "paid {paid} of {due} yuan",
  },
);

export type SubmissionKey = keyof (typeof submissionStrings)["zh-CN"];
export const submissionText = (locale: Locale): Translate<SubmissionKey> => translator(submissionStrings, locale);
