/** Strings of the Excel adapter (src/excel). */
import type { excelZhCN } from "./excel.zh-CN";

export const excelEnUS: Record<keyof typeof excelZhCN, string> = {
  "excel.error.read": "Could not read the worksheets: {detail} (Office error code: {code})",
  "excel.error.mark": "Could not mark the problem cells: {detail} (Office error code: {code})",
  "excel.error.clear": "Could not clear the marks: {detail} (Office error code: {code})",
  "excel.error.select": "Could not go to the cell: {detail} (Office error code: {code})",
  "excel.code.cellEditMode": "Excel is editing a cell: press Enter or Esc and try again",
  "excel.code.itemNotFound": "The worksheet or cell was not found; it may have been renamed or deleted",
  "excel.code.payloadTooLarge": "One transfer exceeded Excel's size limit",
  "excel.code.accessDenied": "The workbook is protected or read-only",
  "excel.code.apiNotFound": "This version of Excel does not support a required feature",
  "excel.note.line": "[{severity}] {message}",
};
