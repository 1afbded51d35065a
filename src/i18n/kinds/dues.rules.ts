/** The 党费 ledger's rules (LEDGERS.md §3). */
import { rule } from "../rules";

const ARTICLE = "《关于中国共产党党费收缴、使用和管理的规定》";

/** In the order of LEDGERS.md §3, after the rules of PRODUCT.md §3. */
export const duesRules = {
  "dues-rate": rule(
    "error",
    {
      title: "党费标准不符",
      description: `月缴纳额与按缴费基数和人员类别计算的标准不符（${ARTICLE}第五、六条）；有批准减免的不检查。`,
      messages: {
        default: `{cell}：缴费基数 {base} 元（{category}）每月应缴 {fix} 元，此处填写 {value} 元（${ARTICLE}第五、六条）。请核对缴费基数、人员类别或缴纳额；如经批准减免，请在“减免”列注明。`,
        range: `{cell}：{category}党员每月交纳党费 {min}–{max} 元，此处填写 {value} 元（${ARTICLE}第六条）。请核对人员类别或缴纳额；如经批准减免，请在“减免”列注明。`,
      },
    },
    {
      title: "Dues off the scale",
      description: "The monthly due differs from the one the base and category give (dues regulations, articles 5 and 6); not checked where a reduction was approved.",
      messages: {
        default: "{cell}: a base of {base} yuan ({category}) owes {fix} yuan a month, but {value} is written (dues regulations, articles 5 and 6). Check the base, the category or the amount; note an approved reduction under 减免.",
        range: "{cell}: a {category} member pays {min}–{max} yuan a month, but {value} is written (dues regulations, article 6). Check the category or the amount; note an approved reduction under 减免.",
      },
    },
  ),
  "dues-underpaid": rule(
    "warning",
    {
      title: "党费少交",
      description: `某月实缴少于应缴，且没有批准的减免（${ARTICLE}第五、六条）；未交的月份见“欠缴党费”预警。`,
      messages: {
        default: `{cell}：{month}实缴 {paid} 元，少于应缴 {due} 元（${ARTICLE}第五、六条）。请补交差额；如经批准减免，请在“减免”列注明。`,
      },
    },
    {
      title: "Dues underpaid",
      description: "A month's payment is below its due and no reduction was approved (dues regulations, articles 5 and 6); unpaid months are the dues-arrears flag's.",
      messages: {
        default: "{cell}: {paid} yuan paid{month}, less than the {due} yuan due (dues regulations, articles 5 and 6). Collect the difference, or note an approved reduction under 减免.",
      },
    },
  ),
  "large-payment": rule(
    "info",
    {
      title: "大额党费",
      description: `一次交纳达到大额标准：一次性自愿多交纳1000元以上的党费，全额上缴中央（${ARTICLE}第十一条）。`,
      messages: {
        default: `{cell}：{month}实缴 {paid} 元，达到 {limit} 元。一次性自愿多交纳1000元以上的党费须全额上缴中央（${ARTICLE}第十一条），请确认并按规定上缴。`,
      },
    },
    {
      title: "Large payment",
      description: "A single payment at the large-payment mark: voluntary payments of more than 1000 yuan at once go in full to the Central Committee (dues regulations, article 11).",
      messages: {
        default: "{cell}: {paid} yuan paid{month}, at least {limit} yuan. A voluntary payment of more than 1000 yuan at once goes in full to the Central Committee (dues regulations, article 11); confirm it and pass it on.",
      },
    },
  ),
};
