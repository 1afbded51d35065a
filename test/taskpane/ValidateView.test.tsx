/**
 * @jest-environment jsdom
 */
/**
 * The 校验 view on a stand-in host: what it shows after 一键校验, what clicking a finding asks
 * of the host, and how a failure reaches the user (in words, no stack).
 */
import { act, fireEvent, getDefaultNormalizer, screen, within } from "@testing-library/react";
import { renderIn } from "./renderIn";
import { flagDescription, ruleDescription, validateWorkbooks, type Finding } from "../../src/engine";
import { planFixes, reportSheet, reportSource } from "../../src/engine/sheets";
import type { CellFix, Host } from "../../src/host/host";
import { ValidateView } from "../../src/taskpane/ValidateView";
import { BOOK, StandInHost, stubResizeObserver } from "./standInHost";
import { press, pressForDialog, reachable, settled } from "./interact";
import { copyOf, StandInExcelHost, StandInWorkbook } from "./standInWorkbook";
import { fullYear, ledger, submission, type Meeting } from "../engine/ledger";


async function run(host: Host, button = "一键校验") {
  renderIn(host.locale, <ValidateView host={host} />);
  await act(async () => {
    fireEvent.click(screen.getByRole("button", { name: button }));
  });
}

beforeAll(stubResizeObserver);


test("shows counts, findings with their cells grouped by rule, and flags; a click selects the cell", async () => {
  const expected = validateWorkbooks([BOOK], { locale: "zh-CN" }).report;
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
  const expected = validateWorkbooks([BOOK], { locale: "en-US" }).report;
  await run(new StandInHost(async () => [BOOK], "files", "en-US"), "Validate all");
  expect(within(screen.getByRole("status")).getByText(`Errors ${expected.summary.errors}`)).toBeTruthy();
  expect(screen.getByText(expected.files[0].sheets[0].findings[0].message)).toBeTruthy();
  expect(screen.getByRole("heading", { name: "Problems" })).toBeTruthy();
});

/**
 * A department's 统计表 and its meeting ledger in one file: the ledger has no 党员大会 in the second
 * quarter (the 统计表 says 4), and 张三 missed every meeting from March to August without a reason.
 */
function withLedger() {
  const meetings: Meeting[] = fullYear()
    .filter((m) => !(m.type === "党员大会" && m.date === "2025-04-10"))
    .map((m) => {
      const month = Number(String(m.date).slice(5, 7));
      return ["党员大会", "主题党日"].includes(m.type) && month >= 3 && month <= 8 ? { ...m, leave: 0, absent: 1, absentees: "张三" } : m;
    });
  const grids = [submission([{ branch: "第一党支部", general: 4, committee: 12, lectures: 4, themeDays: 12 }], "报表"), ledger(meetings)];
  return { file: "机关一局.xlsx", grids };
}

test("names each sheet's kind, shows a ledger's mismatch with the 统计表, its gaps and the person of a long absence", async () => {
  const book = withLedger();
  const expected = validateWorkbooks([book], { locale: "zh-CN" }).report;
  const [reported, ledgerSheet] = expected.files[0].sheets;
  expect([reported.kind, ledgerSheet.kind]).toEqual(["submission", "meetings"]);
  await run(new StandInHost(async () => [book]));

  // As written: the default normaliser would fold the ideographic spaces between the parts.
  const exactly = { normalizer: getDefaultNormalizer({ collapseWhitespace: false }) };
  expect(screen.getByText("工作表“报表”（统计表）　填报单位：机关一局　数据行：1", exactly)).toBeTruthy();
  expect(screen.getByText(`工作表“三会一课台账”（三会一课台账）　填报单位：机关一局　数据行：${ledgerSheet.rows}`, exactly)).toBeTruthy();
  const mismatch = reported.findings.find((f) => f.rule === "ledger-mismatch")!;
  expect(screen.getByText(mismatch.message).closest("button")!.getAttribute("data-sheet")).toBe("报表");

  const missing = document.querySelector<HTMLElement>('[data-flag="missing-meetings"]')!;
  expect(within(missing).getByText(/党员大会：第2季度无/)).toBeTruthy();
  const absence = document.querySelector<HTMLElement>('[data-flag="long-absence"]')!;
  expect(within(absence).getByText("党员：张三")).toBeTruthy();
  expect(within(missing).queryByText(/^党员：/)).toBeNull();
  // Each rule and flag says what it checks and why, where it is named.
  expect(within(absence).getByText("连续6个月未参加组织生活").getAttribute("title")).toBe(flagDescription("long-absence", "zh-CN"));
  expect(screen.getByText(/^报表与台账不符（1）$/).getAttribute("title")).toBe(ruleDescription("ledger-mismatch", "zh-CN"));
});

test("the kinds and the person in English", async () => {
  const book = withLedger();
  const expected = validateWorkbooks([book], { locale: "en-US" }).report;
  await run(new StandInHost(async () => [book], "files", "en-US"), "Validate all");
  expect(screen.getByText(/^Sheet “报表” \(Statistics sheet\)/)).toBeTruthy();
  expect(screen.getByText(/^Sheet “三会一课台账” \(Meeting ledger\)/)).toBeTruthy();
  const mismatch = expected.files[0].sheets[0].findings.find((f) => f.rule === "ledger-mismatch")!;
  expect(screen.getByText(mismatch.message)).toBeTruthy();
  expect(within(document.querySelector<HTMLElement>('[data-flag="long-absence"]')!).getByText("member: 张三")).toBeTruthy();
});

describe("with a live workbook", () => {
  /** The sample submission in a workbook, and a host of kind "excel" over it. */
  function excel() {
    const workbook = new StandInWorkbook([copyOf(BOOK.grids[0])]);
    return { workbook, host: new StandInExcelHost(workbook) };
  }

  test("the scope choice validates only the active sheet; 清除标记 asks the host to clear", async () => {
    const { host } = excel();
    const scopes: string[] = [];
    const read = host.readWorkbooks.bind(host);
    host.readWorkbooks = (scope, progress) => {
      scopes.push(scope);
      return read(scope, progress);
    };
    renderIn("zh-CN", <ValidateView host={host} />);
    // The scope choice and the workbook buttons come in the workbook tabs' chunk.
    await settled();
    fireEvent.click(screen.getByRole("radio", { name: "当前工作表" }));
    await press("一键校验");
    expect(scopes).toEqual(["active"]);
    expect(host.marked!.length).toBeGreaterThan(0);
    await press("清除标记");
    expect(host.marked).toBeUndefined();
    expect(screen.getByText("已清除本插件所做的标记和批注。")).toBeTruthy();
  });

  test("问题清单 writes the report sheet of the last validation, with the recorded fixes", async () => {
    const { workbook, host } = excel();
    const fix: CellFix = { sheet: "报表", cell: "Z9", rule: "number-as-text", old: "1", new: 1 };
    workbook.recorded = [fix];
    renderIn("zh-CN", <ValidateView host={host} />);
    await settled();
    expect(screen.getByRole("button", { name: "问题清单" }).hasAttribute("disabled")).toBe(true);
    await press("一键校验");
    await press("问题清单");
    const report = validateWorkbooks([{ file: "考核汇总.xlsx", grids: workbook.sheets }], { locale: "zh-CN" }).report;
    expect(workbook.written).toEqual([reportSheet(reportSource(report), [fix], "zh-CN")]);
    expect(screen.getByText("问题清单已写入工作表“问题清单”。")).toBeTruthy();
  });

  test("自动修正 shows what it will change; cancelling changes nothing", async () => {
    const { workbook, host } = excel();
    renderIn("zh-CN", <ValidateView host={host} />);
    await press("一键校验");
    const planned = planFixes(validateWorkbooks([{ file: "考核汇总.xlsx", grids: workbook.sheets }], { locale: "zh-CN" }).report);
    expect(planned.length).toBeGreaterThan(0);
    const dialog = await pressForDialog("自动修正");
    expect(within(dialog).getByText(`将修正 ${planned.length} 处单元格`, { exact: false })).toBeTruthy();
    const first = planned[0];
    expect(within(dialog).getByText(`${first.sheet}!${first.cell}：${first.old} → ${first.new}`)).toBeTruthy();
    const before = workbook.calls.length;
    await press("取消");
    expect(screen.queryByRole("dialog")).toBeNull();
    expect(workbook.calls.slice(before)).toEqual([]);
    expect(workbook.callsOf("applyFixes")).toEqual([]);
    expect((await reachable("撤销修正")).hasAttribute("disabled")).toBe(true);
  });

  test("自动修正 accepted: applies, rewrites 问题清单 with the fixes, revalidates; 撤销修正 puts the old values back", async () => {
    const { workbook, host } = excel();
    renderIn("zh-CN", <ValidateView host={host} />);
    await press("一键校验");
    const report = validateWorkbooks([{ file: "考核汇总.xlsx", grids: workbook.sheets.map(copyOf) }], { locale: "zh-CN" }).report;
    const planned = planFixes(report);
    await pressForDialog("自动修正");
    await press("修正");
    expect(workbook.callsOf("applyFixes")).toEqual([[planned]]);
    expect(workbook.written).toEqual([reportSheet(reportSource(report), planned, "zh-CN")]);
    expect(host.reads).toBe(2);
    // The fixed cells are findings no more.
    const fixed = new Set(planned.map((f) => f.cell));
    expect(host.marked!.some((f) => fixed.has(f.cell) && f.rule === planned[0].rule)).toBe(false);
    expect(screen.getByText(`已修正 ${planned.length} 处，原值和新值记录在工作表“问题清单”。`)).toBeTruthy();

    await press("撤销修正");
    expect(workbook.callsOf("undoFixes")).toHaveLength(1);
    expect(host.reads).toBe(3);
    expect(host.marked!.filter((f) => fixed.has(f.cell))).not.toHaveLength(0);
    expect(screen.getByText(`已撤销 ${planned.length} 处修正，恢复了原值。`)).toBeTruthy();
    expect((await reachable("撤销修正")).hasAttribute("disabled")).toBe(true);
  });

  test("a workbook failure is shown in words and the buttons work again", async () => {
    const { workbook, host } = excel();
    renderIn("zh-CN", <ValidateView host={host} />);
    await press("一键校验");
    workbook.failures.set("writeSheet", new Error("工作表受保护"));
    await press("问题清单");
    expect(screen.getByText("写入问题清单失败：工作表受保护")).toBeTruthy();
    expect(screen.getByRole("button", { name: "问题清单" }).hasAttribute("disabled")).toBe(false);
  });

  test("the preview's host has no workbook: no workbook buttons and no scope, but 清除标记", async () => {
    renderIn("zh-CN", <ValidateView host={new StandInHost(async () => [BOOK])} />);
    expect(screen.queryByRole("button", { name: "问题清单" })).toBeNull();
    expect(screen.queryByRole("button", { name: "自动修正" })).toBeNull();
    expect(screen.queryByRole("radio")).toBeNull();
    expect(screen.getByRole("button", { name: "清除标记" })).toBeTruthy();
  });
});
