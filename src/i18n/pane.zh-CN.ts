/** Chinese strings of the task pane around the 校验 view, and of the ribbon commands. */
export const paneZhCN = {
  "pane.app.outsideOffice": "当前不在 Excel 中运行。要在浏览器中校验 .xlsx 文件，请打开浏览器预览：",
  "pane.app.previewLink": "preview.html",
  "pane.command.showFailed": "无法打开任务窗格：{reason}",
  "pane.list.items": "、",
  "app.name": "党建考核助手",
  "app.description": "校验各部门报送的党支部工作情况统计表，预警问题，计算考核得分、定级和晋位升级率。",
} as const;
