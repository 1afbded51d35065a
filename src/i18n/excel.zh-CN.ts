/** Strings of the Excel adapter (src/excel). */
export const excelZhCN = {
  "excel.error.read": "读取工作表失败：{detail}（Office 错误代码：{code}）",
  "excel.error.mark": "标记问题单元格失败：{detail}（Office 错误代码：{code}）",
  "excel.error.clear": "清除标记失败：{detail}（Office 错误代码：{code}）",
  "excel.error.select": "无法定位到该单元格：{detail}（Office 错误代码：{code}）",
  "excel.code.cellEditMode": "Excel 正在编辑单元格，请先按 Enter 或 Esc 结束编辑后重试",
  "excel.code.itemNotFound": "找不到对应的工作表或单元格，可能已被重命名或删除",
  "excel.code.payloadTooLarge": "一次传输的数据超过 Excel 的上限",
  "excel.code.accessDenied": "工作簿受保护或为只读，无法修改",
  "excel.code.apiNotFound": "当前 Excel 版本不支持所需的功能",
  "excel.note.line": "【{severity}】{message}",
} as const;
