import { cliEnUS } from "./cli.en-US";
import type { zhCN } from "./zh-CN";
import { engineEnUS } from "./engine.en-US";

/** English strings, for Office in English. Same keys as zh-CN: the compiler checks it. */
export const enUS: Record<keyof typeof zhCN, string> = {
  ...engineEnUS,
  ...cliEnUS,
  "score.notANumber": "{what} must be a number",
  "score.negative": "{what} cannot be negative",
  "score.zeroBudget": "The budget is 0: no execution rate can be computed",
  "word.spent": "Funds spent",
  "word.budget": "Budget",
  "files.error.notZip": "Not a valid .xlsx file (cannot be unzipped)",
  "files.error.legacy": "Not an .xlsx file: this is a legacy .xls/.et file or a password-protected workbook. Remove the password, save it as .xlsx and validate again",
  "files.error.corrupt": "Not a valid .xlsx file (its content is damaged and cannot be read)",
  "files.error.noSheets": "Not a valid .xlsx file (it has no worksheet)",
  "files.error.write": "Cannot write the annotated copy: {detail}",
  "files.report.sheetName": "Issues",
  "files.report.seq": "No.",
  "files.report.sheet": "Sheet",
  "files.report.cell": "Cell",
  "files.report.rule": "Rule",
  "files.report.severity": "Severity",
  "files.report.field": "Field",
  "files.report.value": "Original value",
  "files.report.message": "Problem",
  "files.report.fix": "Suggested fix",
  "files.severity.error": "Error",
  "files.severity.warning": "Warning",
  "files.severity.info": "Info",
  "files.note.line": "[{severity}] {message}",
  "functions.shapeMismatch": "The argument ranges have different shapes ({shapes}): use ranges of the same shape or single values",
  "app.name": "Party Building Assessment Assistant",
  "app.description": "Validates the party-branch statistics sheets departments submit, flags problems, and computes assessment scores, grades and upgrade rates.",
  "app.previewLater": "Not running inside Excel: the browser preview arrives in a later version.",
};
