/** Strings of the WPS 表格 adapter (src/wps). */
export const wpsZhCN = {
  "wps.error.read": "读取工作表失败：{detail}（WPS 错误：{code}）",
  "wps.error.mark": "标记问题单元格失败：{detail}（WPS 错误：{code}）",
  "wps.error.clear": "清除标记失败：{detail}（WPS 错误：{code}）",
  "wps.error.select": "无法定位到该单元格：{detail}（WPS 错误：{code}）",
  "wps.error.write": "写入工作表失败：{detail}（WPS 错误：{code}）",
  "wps.error.fix": "自动修正失败：{detail}（WPS 错误：{code}）",
  "wps.error.undo": "撤销修正失败：{detail}（WPS 错误：{code}）",
  "wps.error.freeze": "固化为数值失败：{detail}（WPS 错误：{code}）",
  "wps.error.import": "导入工作簿失败：{detail}（WPS 错误：{code}）",
  "wps.error.settle": "整理导入的工作表失败：{detail}（WPS 错误：{code}）",

  "wps.refuse.noWorkbook": "WPS 表格中没有打开的工作簿：请先打开或新建一个工作簿，再使用助手",
  "wps.refuse.nameTaken": "无法写入“{sheet}”：工作簿中已有名称“{name}”且不是助手创建的，助手不会覆盖它。请将该名称改名或删除后重试",
  "wps.refuse.notImported": "无法处理工作表“{sheet}”：它不是刚导入的、也不是助手记录为导入的工作表，助手不会删除或改名用户的工作表",
  "wps.refuse.noOwned": "找不到助手生成的“{role}”工作表，请先生成后再固化为数值",

  "wps.role.report": "问题清单",
  "wps.role.consolidated": "汇总",
  "wps.role.flags": "预警",
  "wps.role.results": "评分结果",
  "wps.role.settings": "参数",
  "wps.role.template": "模板",
  "wps.role.coverage": "三会一课覆盖",
  "wps.role.frozen": "固化副本",

  "wps.frozen.name": "{name}（数值）",
  "wps.sheet.untitled": "工作表",

  "wps.ribbon.tab": "党建考核",
  "wps.ribbon.group": "党建考核",
  "wps.ribbon.validate": "一键校验",
  "wps.ribbon.validateTip": "校验工作簿的每个工作表，标出问题单元格，并打开助手查看结果",
  "wps.ribbon.openPane": "打开助手",
  "wps.ribbon.openPaneTip": "打开党建考核助手任务窗格",
  "wps.ribbon.failed": "党建考核助手出错：{reason}",
  "wps.pane.title": "党建考核助手",
} as const;
