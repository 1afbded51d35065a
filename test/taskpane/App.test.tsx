/**
 * @jest-environment jsdom
 */
/** The task pane shell: the 校验 view inside Office, a pointer to the preview outside it, Office's theme. */
import { render, screen } from "@testing-library/react";
import { webDarkTheme, webLightTheme } from "@fluentui/react-components";
import { setLocale } from "../../src/i18n";
import { App } from "../../src/taskpane/App";
import type { Host } from "../../src/taskpane/host";
import { isDark, themeFor } from "../../src/taskpane/office";

const host: Host = {
  kind: "excel",
  readWorkbooks: async () => [],
  markFindings: async () => {},
  clearMarks: async () => {},
  selectCell: async () => {},
};

afterEach(() => setLocale("zh-CN"));

test("inside Office the pane is the 校验 view, with no empty tabs", () => {
  setLocale("zh-CN");
  render(<App host={host} />);
  expect(screen.getByRole("heading", { name: "党建考核助手" })).toBeTruthy();
  expect(screen.getByRole("button", { name: "一键校验" })).toBeTruthy();
  expect(screen.queryByRole("tab")).toBeNull();
  expect(screen.queryByRole("link")).toBeNull();
});

test("outside Office the page points to the browser preview", () => {
  setLocale("zh-CN");
  render(<App host={null} />);
  expect(screen.queryByRole("button", { name: "一键校验" })).toBeNull();
  expect(screen.getByText(/当前不在 Excel 中运行/)).toBeTruthy();
  expect(screen.getByRole("link", { name: "preview.html" }).getAttribute("href")).toBe("preview.html");
});

test("outside Office, in English", () => {
  setLocale("en-US");
  render(<App host={null} />);
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
