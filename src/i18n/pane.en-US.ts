import type { paneZhCN } from "./pane.zh-CN";

/** English strings of the task pane around the 校验 view, and of the ribbon commands. Same keys as zh-CN. */
export const paneEnUS: Record<keyof typeof paneZhCN, string> = {
  "pane.app.outsideOffice": "Not running inside Excel. To validate .xlsx files in a browser, open the browser preview:",
  "pane.app.previewLink": "preview.html",
  "pane.command.showFailed": "Could not open the task pane: {reason}",
  "pane.list.items": ", ",
  "app.name": "Party Building Assessment Assistant",
  "app.description": "Validates the party-branch statistics sheets departments submit, flags problems, and computes assessment scores, grades and upgrade rates.",
};
