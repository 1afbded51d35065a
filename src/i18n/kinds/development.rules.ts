/** The 发展党员 register's rules (LEDGERS.md §4); every threshold is a setting, shown as in use. */
import { rule } from "../rules";

const RULES = "《中国共产党发展党员工作细则》";

/** In the order of LEDGERS.md §4, after the rules of PRODUCT.md §3. */
export const developmentRules = {
  "date-order": rule(
    "error",
    {
      title: "发展阶段日期顺序颠倒",
      description: `发展党员须依次经过递交入党申请书、首次组织谈话、确定入党积极分子、确定发展对象、接收预备党员、党委审批、转为正式党员（${RULES}第二至第六章）；后一阶段的日期不能早于前一阶段。`,
      messages: {
        default: `{cell}：{label} {value} 早于{previous} {previousDate}。发展党员须按程序依次进行（${RULES}第二至第六章），请核对这两个日期。`,
      },
    },
    {
      title: "Stages out of order",
      description: "A person passes the stages in order — application, first talk, activist, candidate, probationary member, approval, full member (development rules of 2014, chapters 2–6); a later stage cannot be dated before an earlier one.",
      messages: {
        default: "{cell}: {label} {value} is before {previous} {previousDate}. The stages come in order (development rules, chapters 2–6); check both dates.",
      },
    },
  ),
  "under-age": rule(
    "error",
    {
      title: "申请入党时未满年龄",
      description: `年满十八岁方可申请入党（党章第一条；${RULES}第五条）；年龄是设置项。只写出生年月的，按该月任何一天出生都未满年龄才报告。`,
      messages: {
        default: `{cell}：递交入党申请书时间 {value} 时未满 {age} 周岁（出生 {birth}，{adult} 满 {age} 周岁）。年满 {age} 周岁方可申请入党（党章第一条；${RULES}第五条），请核对出生日期或申请时间。`,
      },
    },
    {
      title: "Under age when applying",
      description: "Only a person of 18 or over may apply (party constitution, article 1; development rules, article 5); the age is a setting. With only a year and month of birth, it is reported only when under age whichever day of that month.",
      messages: {
        default: "{cell}: on applying ({value}) the person was under {age} (born {birth}, {age} on {adult}). Only a person of {age} or over may apply (party constitution, article 1; development rules, article 5); check the birth date or the application date.",
      },
    },
  ),
  "talk-late": rule(
    "warning",
    {
      title: "谈话不及时",
      description: `党组织收到入党申请书后，应当在一个月内派人同入党申请人谈话（${RULES}第七条）；月数是设置项。`,
      messages: {
        default: `{cell}：首次组织谈话 {value} 距递交入党申请书 {applied} 超过 {months} 个月。党组织收到入党申请书后应在 {months} 个月内派人谈话（${RULES}第七条），请核对。`,
      },
    },
    {
      title: "Talk late",
      description: "The party organisation talks with an applicant within a month of receiving the application (development rules, article 7); the months are a setting.",
      messages: {
        default: "{cell}: the first talk ({value}) came more than {months} months after the application ({applied}). The talk is due within {months} months of the application (development rules, article 7); please check.",
      },
    },
  ),
  "activist-too-short": rule(
    "error",
    {
      title: "积极分子培养考察不满期限",
      description: `入党积极分子经过一年以上培养教育和考察，方可列为发展对象（${RULES}第十三条）；月数是设置项。`,
      messages: {
        default: `{cell}：确定为发展对象 {value} 距确定为入党积极分子 {activist} 不满 {months} 个月。入党积极分子须经 {months} 个月以上培养教育和考察方可列为发展对象（${RULES}第十三条），请核对。`,
      },
    },
    {
      title: "Activist stage too short",
      description: "An activist becomes a candidate only after a year or more of education and observation (development rules, article 13); the months are a setting.",
      messages: {
        default: "{cell}: made a candidate ({value}) less than {months} months after becoming an activist ({activist}). It takes {months} months or more of education and observation (development rules, article 13); please check.",
      },
    },
  ),
  "approval-late": rule(
    "warning",
    {
      title: "党委审批超期",
      description: `上级党委应在三个月内审批接收预备党员的决议，特殊情况可延长，但不得超过六个月（${RULES}第二十八条）；超过前者为警告，超过后者为错误，月数是设置项。`,
      messages: {
        default: `{cell}：党委审批 {value} 距接收为预备党员 {admitted} 超过 {months} 个月。上级党委应在 {months} 个月内审批（${RULES}第二十八条），请核对是否属特殊情况。`,
        overdue: `{cell}：党委审批 {value} 距接收为预备党员 {admitted} 超过 {months} 个月。审批时间特殊情况下也不得超过 {months} 个月（${RULES}第二十八条），请核对。`,
      },
    },
    {
      title: "Approval late",
      description: "The higher party committee approves an admission within three months, in special cases at most six (development rules, article 28): past the first a warning, past the second an error; the months are settings.",
      messages: {
        default: "{cell}: approved ({value}) more than {months} months after the admission ({admitted}). Approval is due within {months} months (development rules, article 28); check whether this was a special case.",
        overdue: "{cell}: approved ({value}) more than {months} months after the admission ({admitted}). Even in a special case approval may not take more than {months} months (development rules, article 28); please check.",
      },
    },
    { overdue: "error" },
  ),
  "probation-length": rule(
    "error",
    {
      title: "预备期不符",
      description: `预备期为一年，从支部大会通过为预备党员之日算起；延长预备期不少于半年、最长一年（党章第七条；${RULES}第三十二、三十三条）。转正早于预备期满，或未填延长预备期却晚于期满超过宽限月数，都报告；月数是设置项。`,
      messages: {
        default: `{cell}：转为正式党员时间 {value} 早于预备期满之日 {end}（{admitted} 接收为预备党员，预备期 {months} 个月）。预备期满方可转正（党章第七条；${RULES}第三十二、三十三条），请核对。`,
        late: `{cell}：转为正式党员时间 {value} 晚于预备期满之日 {end} 超过 {grace} 个月，且未填延长预备期。预备期满应及时讨论转正；延长了预备期的，请填写延长的月数（${RULES}第三十二、三十三条）。`,
      },
    },
    {
      title: "Probation length wrong",
      description: "The probation is a year from admission; an extension is from half a year to a year (party constitution, article 7; development rules, articles 32 and 33). Full membership before the probation ends, or more than the grace months after it with no extension given, is reported; the months are settings.",
      messages: {
        default: "{cell}: full membership ({value}) comes before the probation ends on {end} (admitted {admitted}, a probation of {months} months). Full membership comes only when the probation is over (party constitution, article 7; development rules, articles 32 and 33); please check.",
        late: "{cell}: full membership ({value}) comes more than {grace} months after the probation ended on {end}, and no extension is given. The branch should decide when the probation ends; if it was extended, enter the months of the extension (development rules, articles 32 and 33).",
      },
    },
  ),
  "introducer-count": rule(
    "warning",
    {
      title: "入党介绍人人数不符",
      description: `发展党员，必须有两名正式党员作入党介绍人（${RULES}第十四条）；人数是设置项。`,
      messages: {
        default: `{cell}：入党介绍人写了 {count} 人（{value}）。发展党员须有 {expected} 名正式党员作入党介绍人（${RULES}第十四条），请核对。`,
      },
    },
    {
      title: "Introducers",
      description: "A new member needs two full members as introducers (development rules, article 14); the number is a setting.",
      messages: {
        default: "{cell}: {count} introducers are given ({value}). A new member needs {expected} full members as introducers (development rules, article 14); please check.",
      },
    },
  ),
};
