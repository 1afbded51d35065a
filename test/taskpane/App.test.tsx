/**
 * @jest-environment jsdom
 */
/** The task pane shell: the 校验 view inside Office, a pointer to the preview outside it, Office's theme. */
import { act, fireEvent, screen } from "@testing-library/react";
import { renderIn } from "./renderIn";
import { webDarkTheme, webLightTheme } from "@fluentui/react-components";
import { App } from "../../src/taskpane/App";
import type { Host } from "../../src/host/host";
import { isDark, themeFor } from "../../src/taskpane/office";
import { stubResizeObserver, stubWidths } from "./standInHost";
import { press, settled } from "./interact";
import { StandInExcelHost, StandInWorkbook, submission } from "./standInWorkbook";

const host: Host = {
  kind: "excel",
  locale: "zh-CN",
  readWorkbooks: async () => [],
  markFindings: async () => {},
  clearMarks: async () => {},
  selectCell: async () => {},
};

/** The tabs, in order, by accessible name (Fluent repeats a tab's text, hidden, to reserve its bold width). */
function expectTabs(names: string[]) {
  const tabs = screen.getAllByRole("tab");
  expect(tabs).toHaveLength(names.length);
  names.forEach((name, i) => expect(screen.getByRole("tab", { name })).toBe(tabs[i]));
}

beforeAll(stubResizeObserver);
// A pane wide enough for all eight tabs; the overflow menu is TabStrip.test.tsx's.
let restore: () => void;
beforeEach(() => {
  restore = stubWidths(1000);
});
afterEach(() => restore());

test("a host without a workbook (the preview's kind) gets the 校验 view alone, with no tabs", async () => {
  renderIn("zh-CN", <App host={host} />);
  await settled();
  expect(screen.getByRole("heading", { name: "党建考核助手" })).toBeTruthy();
  expect(screen.getByRole("button", { name: "一键校验" })).toBeTruthy();
  expect(screen.queryByRole("tab")).toBeNull();
  expect(screen.queryByRole("link")).toBeNull();
});

test("with a live workbook the pane has the eight tabs; each tab's view shares the one validation", async () => {
  const workbook = new StandInWorkbook([submission("一局", "一局")]);
  const host = new StandInExcelHost(workbook);
  renderIn("zh-CN", <App host={host} />);
  // The tab strip and the workbook buttons come in the workbook tabs' chunk.
  await settled();
  expectTabs(["校验", "导入", "名册", "汇总", "预警", "评分", "模板", "设置"]);
  expect(screen.getByRole("tab", { name: "校验" }).getAttribute("aria-selected")).toBe("true");
  expect(screen.getByRole("button", { name: "问题清单" })).toBeTruthy();
  // Other tabs' views are not made until they are opened.
  expect(workbook.callsOf("sheetNames")).toEqual([]);

  await act(async () => {
    fireEvent.click(screen.getByRole("tab", { name: "汇总" }));
  });
  await settled();
  expect(screen.queryByRole("button", { name: "一键校验" })).toBeNull();
  await press("生成汇总表");
  expect(workbook.written.map((spec) => spec.role)).toEqual(["consolidated"]);

  // Back on 校验, the validation 汇总 made is the one shown.
  await act(async () => {
    fireEvent.click(screen.getByRole("tab", { name: "校验" }));
  });
  expect(screen.getByRole("status")).toBeTruthy();
  expect(host.reads).toBe(1);
});

test("the tabs in English", async () => {
  renderIn("en-US", <App host={new StandInExcelHost(new StandInWorkbook())} />);
  await settled();
  expectTabs(["Validate", "Import", "Roster", "Summary", "Flags", "Scoring", "Template", "Settings"]);
});

test("outside Office the page points to the browser preview", () => {
  renderIn("zh-CN", <App host={null} />);
  expect(screen.queryByRole("button", { name: "一键校验" })).toBeNull();
  expect(screen.getByText(/当前不在 Excel 中运行/)).toBeTruthy();
  expect(screen.getByRole("link", { name: "preview.html" }).getAttribute("href")).toBe("preview.html");
});

test("outside Office, in English", () => {
  renderIn("en-US", <App host={null} />);
  expect(screen.getByText(/Not running inside Excel/)).toBeTruthy();
});

test("the theme follows Office's body background, light when Office does not say", () => {
  expect(themeFor({ bodyBackgroundColor: "#262626" })).toBe(webDarkTheme);
  expect(themeFor({ bodyBackgroundColor: "#000" })).toBe(webDarkTheme);
  expect(themeFor({ bodyBackgroundColor: "#FFFFFF" })).toBe(webLightTheme);
  expect(themeFor({ bodyBackgroundColor: "#e6e6e6" })).toBe(webLightTheme);
  expect(themeFor(undefined)).toBe(webLightTheme);
  expect(isDark("not a colour")).toBe(false);
  expect(isDark("")).toBe(false);
});
