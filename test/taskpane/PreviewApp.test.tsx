/**
 * @jest-environment jsdom
 */
/** The preview page's line of open files: one file or several, in either language. */
import { fireEvent, screen } from "@testing-library/react";
import type { Locale } from "../../src/i18n";
import { FileHost } from "../../src/preview/fileHost";
import { PreviewApp } from "../../src/preview/PreviewApp";
import { renderIn } from "./renderIn";
import { stubResizeObserver } from "./standInHost";

beforeAll(stubResizeObserver);

function open(locale: Locale, label: string, names: string[]) {
  renderIn(locale, <PreviewApp host={new FileHost(locale)} />);
  const files = names.map((name) => new File(["not read until validated"], name));
  fireEvent.change(screen.getByLabelText(label), { target: { files } });
}

test.each([
  [["一局.xlsx"], "1 file open: 一局.xlsx"],
  [["一局.xlsx", "二局.xlsx"], "2 files open: 一局.xlsx, 二局.xlsx"],
])("in English, %j gives “%s”", (names, line) => {
  open("en-US", "Open submissions", names);
  expect(screen.getByText(line)).toBeTruthy();
});

test.each([
  [["一局.xlsx"], "已打开 1 个文件：一局.xlsx"],
  [["一局.xlsx", "二局.xlsx"], "已打开 2 个文件：一局.xlsx、二局.xlsx"],
])("in Chinese, %j gives “%s”", (names, line) => {
  open("zh-CN", "打开报送文件", names);
  expect(screen.getByText(line)).toBeTruthy();
});
