/**
 * @jest-environment jsdom
 */
/**
 * The 校验 view on a stand-in host: what it shows after 一键校验, what clicking a finding asks
 * of the host, and how a failure reaches the user (in words, no stack).
 */
import { act, fireEvent, render, screen, within } from "@testing-library/react";
import { validateWorkbooks, type Finding } from "../../src/engine";
import { setLocale } from "../../src/i18n";
import type { Host } from "../../src/taskpane/host";
import { ValidateView } from "../../src/taskpane/ValidateView";
import { BOOK, StandInHost, stubResizeObserver } from "./standInHost";


async function run(host: Host, button = "一键校验") {
  render(<ValidateView host={host} />);
  await act(async () => {
    fireEvent.click(screen.getByRole("button", { name: button }));
  });
}

beforeAll(stubResizeObserver);

afterEach(() => setLocale("zh-CN"));

test("shows counts, findings with their cells grouped by rule, and flags; a click selects the cell", async () => {
  setLocale("zh-CN");
  const expected = validateWorkbooks([BOOK]).report;
  const findings = expected.files[0].sheets[0].findings;
  expect(findings.length).toBeGreaterThan(1);
  const host = new StandInHost(async () => [BOOK]);
  await run(host);

  const status = screen.getByRole("status");
  expect(within(status).getByText(`错误 ${expected.summary.errors}`)).toBeTruthy();
  expect(within(status).getByText(`警告 ${expected.summary.warnings}`)).toBeTruthy();
  expect(within(status).getByText(`预警 ${expected.summary.flags}`)).toBeTruthy();
  for (const finding of findings) {
    const button = screen.getByText(finding.message).closest("button")!;
    expect(button.getAttribute("data-cell")).toBe(finding.cell);
    expect(within(button).getByText(finding.cell)).toBeTruthy();
  }
  expect(screen.getByText(/^不是数字（\d+）$/)).toBeTruthy();
  for (const flag of expected.files[0].sheets[0].flags) expect(screen.getAllByText(flag.label).length).toBeGreaterThan(0);

  // Every finding was marked, each with its file.
  expect(host.marked).toHaveLength(findings.length);
  expect(host.marked!.every((f) => (f as Finding & { file?: string }).file === "一局.xlsx")).toBe(true);

  const first = findings[0];
  const button = screen.getByText(first.message).closest("button")!;
  await act(async () => {
    fireEvent.click(button);
  });
  expect(host.selected).toEqual([["一局.xlsx", "报表", first.cell]]);
  expect(button.getAttribute("aria-current")).toBe("true");
});

test("a host failure is shown in words, without a stack", async () => {
  setLocale("zh-CN");
  const host = new StandInHost(async () => {
    throw new Error("无法读取工作簿");
  });
  await run(host);
  const text = screen.getByText(/^校验失败：/).textContent!;
  expect(text).toBe("校验失败：无法读取工作簿");
  expect(text).not.toMatch(/\bat\b|\.ts|\.js/);
  expect(screen.getByRole("button", { name: "一键校验" }).hasAttribute("disabled")).toBe(false);
});

test("speaks English when the language is English", async () => {
  setLocale("en-US");
  const expected = validateWorkbooks([BOOK]).report;
  await run(new StandInHost(async () => [BOOK]), "Validate all");
  expect(within(screen.getByRole("status")).getByText(`Errors ${expected.summary.errors}`)).toBeTruthy();
  expect(screen.getByText(expected.files[0].sheets[0].findings[0].message)).toBeTruthy();
  expect(screen.getByRole("heading", { name: "Problems" })).toBeTruthy();
});
