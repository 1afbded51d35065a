/** Rules of every sheet kind: the file, the header, the layout and each cell (PRODUCT.md §3). */
import { rule } from "../rules";

export const commonRules = {
  "header-not-found": rule(
    "error",
    {
      title: "未找到表头",
      description: "工作簿中没有任何可识别的表：每种表都要有能识别的表头（统计表须有“党支部名称”列和至少三项统计指标）。",
      messages: {
        default: "未找到统计表或台账的表头：统计表须有“党支部名称”列和至少三项统计指标（如正式党员数、党员大会、党课）；三会一课台账须有“会议类型”“会议日期”列；党费台账须有“姓名”列和“实缴”列或至少三个月份列；发展党员台账须有“姓名”列和至少两个发展阶段的时间列（如递交入党申请书时间、转正时间）。请使用“模板”中的标准表，或检查表头文字。",
      },
    },
    {
      title: "Header not found",
      description: "No sheet of any kind was recognised: each kind needs a recognisable header (a 统计表 needs 党支部名称 and at least three figures).",
      messages: {
        default: "No header of a statistics sheet or a ledger found: a statistics sheet needs a 党支部名称 (branch) column and at least three figures (members, meetings, lectures…); a meeting ledger needs 会议类型 and 会议日期; a dues ledger needs 姓名 and 实缴 or at least three month columns; a development register needs 姓名 and the dates of at least two stages (递交入党申请书时间, 转正时间…). Use a template or check the header text.",
      },
    },
  ),
  "missing-column": rule(
    "error",
    {
      title: "缺少必填列",
      description: "表头缺少必填列，该列的数据无法校验。",
      messages: {
        default: "缺少必填列“{label}”。请在表头补充该列（可写作：{aliases}）。",
      },
    },
    {
      title: "Missing column",
      description: "A required column is missing from the header, so its figures cannot be checked.",
      messages: {
        default: "Required column “{label}” is missing. Add it to the header (accepted names: {aliases}).",
      },
    },
  ),
  "duplicate-header": rule(
    "error",
    {
      title: "重复列",
      description: "两列对应同一个指标，只用第一列。",
      messages: {
        default: "{cell}：列“{value}”与{other}都对应“{label}”。请删除或更正其中一列。",
      },
    },
    {
      title: "Duplicate column",
      description: "Two columns mean the same field; only the first is used.",
      messages: {
        default: "{cell}: column “{value}” and {other} both mean “{label}”. Delete or rename one of them.",
      },
    },
  ),
  "blank-header": rule(
    "error",
    {
      title: "表头为空",
      description: "有数据的列没有列名，无法判断其含义。",
      messages: {
        default: "{cell}：此列有数据但表头为空。请填写列名，或删除该列的数据。",
      },
    },
    {
      title: "Blank header",
      description: "A column holds data under an empty header, so its meaning is unknown.",
      messages: {
        default: "{cell}: this column has data but no header. Name the column or delete its data.",
      },
    },
  ),
  "unknown-column": rule(
    "warning",
    {
      title: "无法识别的列",
      description: "列名不是标准指标，不参与校验。",
      messages: {
        default: "{cell}：无法识别的列“{value}”，本列不参与校验。若为标准指标，请改用标准列名。",
      },
    },
    {
      title: "Unknown column",
      description: "A column name that is no standard field; it is not checked.",
      messages: {
        default: "{cell}: unknown column “{value}”; it is not checked. Use the standard name if it is a standard figure.",
      },
    },
  ),
  "extra-cell": rule(
    "error",
    {
      title: "表格外的内容",
      description: "表格最右一列之外还有内容。",
      messages: {
        default: "{cell}：表格最右一列之外有内容“{value}”。请移入对应列或删除。",
      },
    },
    {
      title: "Content outside the table",
      description: "Content stands right of the table's last column.",
      messages: {
        default: "{cell}: “{value}” stands right of the last column. Move it into its column or delete it.",
      },
    },
  ),
  "blank-row": rule(
    "info",
    {
      title: "空行",
      description: "数据行之间的空行，可能漏填或多插。",
      messages: {
        default: "第 {row} 行是数据行之间的空行。请删除空行。",
      },
    },
    {
      title: "Blank row",
      description: "An empty row between data rows: a row left out or inserted by mistake.",
      messages: {
        default: "Row {row} is an empty row between data rows. Delete it.",
      },
    },
  ),
  "period-unknown": rule(
    "info",
    {
      title: "统计期间不明",
      description: "表头上方没有可识别的统计期间，按全年计算应开会次数。",
      messages: {
        default: "表头上方没有找到统计期间（如“统计期间：2025年”），按全年 12 个月计算应开会次数。",
        unreadable: "无法识别统计期间“{period}”，按全年 12 个月计算应开会次数。请写作“2025年”“上半年”“第一季度”或“1-6月”。",
        dates: "表头上方没有找到统计期间，按台账中多数日期所在的 {year} 年计算。如有不同，请在表头上方写明，如“统计期间：2025年”。",
      },
    },
    {
      title: "Period unknown",
      description: "No period above the header; meetings are counted for a whole year.",
      messages: {
        default: "No period found above the header (such as “统计期间：2025年”); meetings are counted for 12 months.",
        unreadable: "The period “{period}” is not understood; meetings are counted for 12 months. Write it as 2025年, 上半年, 第一季度 or 1-6月.",
        dates: "No period found above the header; the ledger is read as the year {year}, where most of its dates are. If that is wrong, write the period above the header, such as “统计期间：2025年”.",
      },
    },
  ),
  "missing-value": rule(
    "error",
    {
      title: "必填项未填",
      description: "必填项未填写。",
      messages: {
        default: "{cell}：{label}未填写。此项必填，没有发生请填 0。",
        text: "{cell}：{label}未填写。此项必填。",
      },
    },
    {
      title: "Missing value",
      description: "A required cell is empty.",
      messages: {
        default: "{cell}: {label} is empty. It is required; enter 0 if there was none.",
        text: "{cell}: {label} is empty. It is required.",
      },
    },
  ),
  "excel-error": rule(
    "error",
    {
      title: "Excel 错误值",
      description: "单元格是 Excel 错误值（如 #REF!、#DIV/0!），通常是公式出错。",
      messages: {
        default: "{cell}：{label}是 Excel 错误值 {value}。请检查公式，或直接填写数值。",
      },
    },
    {
      title: "Excel error value",
      description: "The cell is an Excel error value (#REF!, #DIV/0! …), usually a broken formula.",
      messages: {
        default: "{cell}: {label} is the Excel error {value}. Check the formula or enter the value.",
      },
    },
  ),
  "not-a-number": rule(
    "error",
    {
      title: "不是数字",
      description: "应填数字的单元格填了文字。",
      messages: {
        default: "{cell}：{label}“{value}”不是数字。请填写数字。",
        chinese: "{cell}：{label}“{value}”是中文数字。请改为阿拉伯数字 {fix}。",
      },
    },
    {
      title: "Not a number",
      description: "Text where a number is expected.",
      messages: {
        default: "{cell}: {label} “{value}” is not a number. Enter a number.",
        chinese: "{cell}: {label} “{value}” is a Chinese numeral. Enter {fix} in digits.",
      },
    },
  ),
  "not-an-integer": rule(
    "error",
    {
      title: "不是整数",
      description: "次数、人数应为整数。",
      messages: {
        default: "{cell}：{label}应为整数，“{value}”带有小数。请核实后填写整数。",
      },
    },
    {
      title: "Not an integer",
      description: "Counts of meetings and people must be whole numbers.",
      messages: {
        default: "{cell}: {label} must be a whole number, “{value}” has decimals.",
      },
    },
  ),
  "out-of-range": rule(
    "error",
    {
      title: "超出范围",
      description: "数值超出合理范围（如人数为负、得分超过 100）。",
      messages: {
        default: "{cell}：{label} {value} 超出允许范围 {min}–{max}。请核实。",
        min: "{cell}：{label} {value} 不能小于 {min}。请核实。",
      },
    },
    {
      title: "Out of range",
      description: "A value outside its plausible range (a negative count, a score over 100).",
      messages: {
        default: "{cell}: {label} {value} is outside {min}–{max}. Please check.",
        min: "{cell}: {label} {value} cannot be below {min}. Please check.",
      },
    },
  ),
  "bad-option": rule(
    "error",
    {
      title: "不是可选值",
      description: "不是可选值（等次、是/否、会议类型等）。",
      messages: {
        yesno: "{cell}：{label}“{value}”不是可选值。请填写：是 或 否。",
        list: "{cell}：{label}“{value}”不是可选值。请填写：{options}。",
      },
    },
    {
      title: "Not an allowed value",
      description: "A value outside its list (grades, yes/no, meeting types …).",
      messages: {
        yesno: "{cell}: {label} “{value}” is not an allowed value. Enter 是 or 否.",
        list: "{cell}: {label} “{value}” is not an allowed value. Enter one of: {options}.",
      },
    },
  ),
  "number-as-text": rule(
    "warning",
    {
      title: "文本格式的数字",
      description: "以文本格式保存的数字（含全角数字、带单位、千分位、“无”等占位符），已按数字识别，建议改为数字格式。",
      messages: {
        text: "{cell}：{label}“{value}”是文本格式的数字，已识别为 {fix}。请改为数字格式的 {fix}。",
        fullwidth: "{cell}：{label}“{value}”是文本格式的全角数字，已识别为 {fix}。请改为数字格式的 {fix}。",
        placeholder: "{cell}：{label}填写了“{value}”，已按 0 处理。没有发生请直接填数字 0。",
      },
    },
    {
      title: "Number stored as text",
      description: "A number stored as text (full-width, with a unit, thousands separators, or a placeholder such as 无): read as the number; better entered as one.",
      messages: {
        text: "{cell}: {label} “{value}” is a number stored as text, read as {fix}. Enter it as the number {fix}.",
        fullwidth: "{cell}: {label} “{value}” is a full-width number stored as text, read as {fix}. Enter it as the number {fix}.",
        placeholder: "{cell}: {label} is “{value}”, read as 0. Enter the number 0 when there was none.",
      },
    },
  ),
  "date-as-text": rule(
    "warning",
    {
      title: "文本格式的日期",
      description: "日期写成了文字或数字（如 2025.3.5、20250305），已按日期识别，建议改为日期格式，便于排序和计算。",
      messages: {
        default: "{cell}：{label}“{value}”不是日期格式，已识别为 {fix}。请改为日期格式的 {fix}。",
      },
    },
    {
      title: "Date stored as text",
      description: "A date written as text or a plain number (2025.3.5, 20250305): read as the date; better entered as one, so it sorts and computes.",
      messages: {
        default: "{cell}: {label} “{value}” is not a date cell; read as {fix}. Enter it as the date {fix}.",
      },
    },
  ),
  "bad-date": rule(
    "error",
    {
      title: "日期无效",
      description: "不是有效日期：不存在的日期（如 2025-02-30）、只有年月（如 2025.3）或无法识别的写法。",
      messages: {
        default: "{cell}：{label}“{value}”不是有效日期。请填写完整日期，如 2025-03-05。",
        month: "{cell}：{label}“{value}”不是有效月份。请填写如 2025-03、2025年3月 或 3月。",
      },
    },
    {
      title: "Invalid date",
      description: "Not a valid date: a day that does not exist (2025-02-30), a year and month alone (2025.3), or a form that cannot be read.",
      messages: {
        default: "{cell}: {label} “{value}” is not a valid date. Enter a whole date such as 2025-03-05.",
        month: "{cell}: {label} “{value}” is not a valid month. Enter one such as 2025-03, 2025年3月 or 3月.",
      },
    },
  ),
  "unsupported-file": rule(
    "error",
    {
      title: "不支持的文件",
      description: "不是 .xlsx 文件（.xls、.et、.csv），须另存为 .xlsx。",
      messages: {
        default: "{file}：不支持 .xls、.et、.csv 文件。请另存为 .xlsx 后再校验。",
      },
    },
    {
      title: "Unsupported file",
      description: "Not an .xlsx file (.xls, .et, .csv): save it as .xlsx first.",
      messages: {
        default: "{file}: .xls, .et and .csv files are not supported. Save it as .xlsx and validate again.",
      },
    },
  ),
};
