/**
 * @jest-environment jsdom
 */
/** 设置: the form filled from 参数, checked by the engine before saving, saved as the 参数 sheet. */
import { act, fireEvent, screen } from "@testing-library/react";
import { renderIn } from "./renderIn";
import type { Locale } from "../../src/i18n";
import { DEFAULT_SETTINGS, withDefaults } from "../../src/engine";
import { settingsSheet } from "../../src/engine/sheets";
import { SettingsView } from "../../src/taskpane/SettingsView";
import { createValidationStore } from "../../src/taskpane/validationStore";
import { grid } from "../support/grid";
import { stubResizeObserver } from "./standInHost";
import { press, settled } from "./interact";
import { StandInExcelHost, StandInWorkbook } from "./standInWorkbook";
import { specGrid } from "../support/sheetSpec";

beforeAll(stubResizeObserver);

async function renderSettings(workbook: StandInWorkbook, locale: Locale = "zh-CN") {
  renderIn(locale, <SettingsView host={new StandInExcelHost(workbook, locale)} workbook={workbook} store={createValidationStore()} />);
  await settled();
}

function input(label: string): HTMLInputElement {
  return screen.getByRole("textbox", { name: label }) as HTMLInputElement;
}

function type(label: string, value: string) {
  fireEvent.change(input(label), { target: { value } });
}

test("filled from the 参数 sheet; a wrong value is shown next to the form and nothing is saved", async () => {
  const workbook = new StandInWorkbook();
  workbook.owned.set("settings", { name: "参数", grid: specGrid(settingsSheet(withDefaults({ partyWeight: 0.7, maxMembers: 40 }), "zh-CN"), "参数") });
  await renderSettings(workbook);
  expect(workbook.callsOf("readOwned")).toEqual([["settings"]]);
  expect(input("党建权重").value).toBe("0.7");
  expect(input("党员数上限").value).toBe("40");
  expect(input("定级分数线").value).toBe("60,90");

  type("党建权重", "2");
  type("党员数上限", "很多");
  await press("保存");
  expect(workbook.callsOf("writeSheet")).toEqual([]);
  expect(screen.getByText("参数有误，未保存：")).toBeTruthy();
  expect(screen.getAllByRole("listitem").map((li) => li.textContent)).toEqual([
    expect.stringContaining("党建权重"),
    expect.stringContaining("党员数上限"),
  ]);
});

test("every setting is saved as the 参数 sheet; the level scheme is chosen from the built-in ones", async () => {
  const workbook = new StandInWorkbook();
  await renderSettings(workbook);
  expect(input("党建权重").value).toBe(String(DEFAULT_SETTINGS.partyWeight));
  type("党建权重", "0.6");
  type("定级分数线", "60，75，90");
  await act(async () => {
    fireEvent.click(screen.getByRole("combobox", { name: "定级等次" }));
  });
  await act(async () => {
    fireEvent.click(screen.getByRole("option", { name: "较差、一般、较好、好" }));
  });
  await act(async () => {
    fireEvent.click(screen.getByRole("combobox", { name: "综合得分方法" }));
  });
  await act(async () => {
    fireEvent.click(screen.getByRole("option", { name: "双乘数" }));
  });
  await press("保存");
  const saved = withDefaults({ partyWeight: 0.6, thresholds: [60, 75, 90], levels: ["较差", "一般", "较好", "好"], method: "multiplier" });
  expect(workbook.written).toEqual([settingsSheet(saved, "zh-CN")]);
  expect(screen.getByText("参数已保存到工作表“参数”。")).toBeTruthy();
});

test("thresholds that do not fit the chosen levels are refused", async () => {
  const workbook = new StandInWorkbook();
  await renderSettings(workbook);
  await act(async () => {
    fireEvent.click(screen.getByRole("combobox", { name: "定级等次" }));
  });
  await act(async () => {
    fireEvent.click(screen.getByRole("option", { name: "一星、二星、三星、四星、五星" }));
  });
  await press("保存");
  expect(workbook.callsOf("writeSheet")).toEqual([]);
  expect(screen.getByText("定级分数线有 2 个，定级等次有 5 个：分数线应比等次少 1 个。")).toBeTruthy();
});

test("恢复默认 fills the form with the defaults without saving; a 参数 sheet with wrong values says so", async () => {
  const workbook = new StandInWorkbook();
  workbook.owned.set("settings", { name: "参数", grid: grid([["参数", "值"], ["党建权重", 0.9], ["党员数上限", -1]]) });
  await renderSettings(workbook);
  expect(screen.getByText("“参数”工作表中有错误的值，表单中这些项显示为默认值：")).toBeTruthy();
  expect(input("党建权重").value).toBe("0.9");
  expect(input("党员数上限").value).toBe(String(DEFAULT_SETTINGS.maxMembers));
  await press("恢复默认");
  expect(input("党建权重").value).toBe(String(DEFAULT_SETTINGS.partyWeight));
  expect(screen.getByText("表单已恢复为默认值，按“保存”后写入“参数”工作表。")).toBeTruthy();
  expect(workbook.callsOf("writeSheet")).toEqual([]);
});

test("a failed read of 参数 is shown in words", async () => {
  const workbook = new StandInWorkbook();
  workbook.failures.set("readOwned", new Error("无权访问"));
  await renderSettings(workbook);
  expect(screen.getByText("无法读取“参数”工作表：无权访问")).toBeTruthy();
});

test("in English", async () => {
  const workbook = new StandInWorkbook();
  await renderSettings(workbook, "en-US");
  expect(screen.getByRole("button", { name: "Restore defaults" })).toBeTruthy();
  expect(screen.getByRole("combobox", { name: "Grade levels" }).textContent).toContain("Automatic");
});
