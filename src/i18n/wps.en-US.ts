/** Strings of the WPS 表格 adapter (src/wps). */
import type { wpsZhCN } from "./wps.zh-CN";

export const wpsEnUS: Record<keyof typeof wpsZhCN, string> = {
  "wps.error.read": "Could not read the worksheets: {detail} (WPS error: {code})",
  "wps.error.mark": "Could not mark the problem cells: {detail} (WPS error: {code})",
  "wps.error.clear": "Could not clear the marks: {detail} (WPS error: {code})",
  "wps.error.select": "Could not go to the cell: {detail} (WPS error: {code})",
  "wps.error.write": "Could not write the worksheet: {detail} (WPS error: {code})",
  "wps.error.fix": "Could not apply the fixes: {detail} (WPS error: {code})",
  "wps.error.undo": "Could not undo the fixes: {detail} (WPS error: {code})",
  "wps.error.freeze": "Could not make the values-only copy: {detail} (WPS error: {code})",
  "wps.error.import": "Could not import the workbook: {detail} (WPS error: {code})",
  "wps.error.settle": "Could not settle the imported worksheets: {detail} (WPS error: {code})",

  "wps.refuse.noWorkbook": "No workbook is open in WPS Spreadsheets: open or create one, then use the add-in",
  "wps.refuse.nameTaken": "Could not write \"{sheet}\": the workbook already has a name \"{name}\" that the add-in did not create, and the add-in does not overwrite it. Rename or delete that name and try again",
  "wps.refuse.notImported": "Could not handle the worksheet \"{sheet}\": it was neither just imported nor recorded as imported, and the add-in never deletes or renames a user's worksheet",
  "wps.refuse.noOwned": "The add-in's \"{role}\" worksheet was not found: create it first, then make the values-only copy",

  "wps.role.report": "Problems",
  "wps.role.consolidated": "Consolidated",
  "wps.role.flags": "Flags",
  "wps.role.results": "Results",
  "wps.role.settings": "Settings",
  "wps.role.template": "Template",
  "wps.role.coverage": "Meeting coverage",
  "wps.role.frozen": "Values-only copy",

  "wps.frozen.name": "{name} (values)",
  "wps.sheet.untitled": "Sheet",

  "wps.ribbon.tab": "Party-building assessment",
  "wps.ribbon.group": "Party-building assessment",
  "wps.ribbon.validate": "Validate all",
  "wps.ribbon.validateTip": "Validate every sheet of the workbook, mark the problem cells and open the pane on the results",
  "wps.ribbon.openPane": "Open pane",
  "wps.ribbon.openPaneTip": "Open the 党建考核助手 task pane",
  "wps.ribbon.failed": "党建考核助手 failed: {reason}",
  "wps.pane.title": "党建考核助手",
  "wps.pane.outsideWps": "This page is 党建考核助手's task pane in WPS 表格: open it from WPS 表格 with 党建考核 › 打开助手.",
};
