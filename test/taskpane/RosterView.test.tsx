/**
 * @jest-environment jsdom
 */
/** 名册: choosing the roster among the workbook's sheets, validating with it, and what it finds. */
import { act, fireEvent, screen } from "@testing-library/react";
import { renderIn } from "./renderIn";
import type { Locale } from "../../src/i18n";
import { RosterView } from "../../src/taskpane/RosterView";
import { createValidationStore } from "../../src/taskpane/validationStore";
import { grid } from "../support/grid";
import { stubResizeObserver } from "./standInHost";
import { press, settled } from "./interact";
import { StandInExcelHost, StandInWorkbook, submission } from "./standInWorkbook";

beforeAll(stubResizeObserver);

function workbookWithRoster() {
  return new StandInWorkbook([
    submission("一局", "一局", [
      [1, "第一党支部", 12, 1, 4, 4, 1, "一般", 95, 92],
      [2, "第八党支部", 12, 1, 4, 4, 1, "一般", 95, 92],
    ]),
    grid(
      [
        ["党支部名称", "所属单位", "上年定级"],
        ["第一党支部", "一局", "一般"],
        ["第九党支部", "一局", "先进"],
        ["第一党支部", "五局", "一般"],
      ],
      { sheet: "名册" },
    ),
  ]);
}

async function renderRoster(workbook: StandInWorkbook, locale: Locale = "zh-CN") {
  const host = new StandInExcelHost(workbook, locale);
  const store = createValidationStore();
  renderIn(locale, <RosterView host={host} workbook={workbook} store={store} />);
  await settled();
  return { host, store };
}

async function choose(sheet: string, dropdown = "名册工作表") {
  await act(async () => {
    fireEvent.click(screen.getByRole("combobox", { name: dropdown }));
  });
  await act(async () => {
    fireEvent.click(screen.getByRole("option", { name: sheet }));
  });
}

test("the roster is chosen among the workbook's sheets; the check lists who is missing and who is unknown", async () => {
  const workbook = workbookWithRoster();
  const { host, store } = await renderRoster(workbook);
  expect(workbook.callsOf("sheetNames")).toHaveLength(1);
  expect(screen.getByText("名册填有“上年定级”的以名册为准；与填报表不一致时提示“前后矛盾”。")).toBeTruthy();
  expect(screen.getByRole("button", { name: "按名册校验" }).hasAttribute("disabled")).toBe(true);

  await choose("名册");
  expect(store.get().rosterSheet).toBe("名册");
  await press("按名册校验");

  expect(host.reads).toBe(1);
  expect(screen.getByRole("heading", { name: "未报送的单位（1）" })).toBeTruthy();
  expect(screen.getByText("五局")).toBeTruthy();
  expect(screen.getByRole("heading", { name: "缺报的党支部（2）" })).toBeTruthy();
  expect(screen.getByText("第九党支部（一局）")).toBeTruthy();
  expect(screen.getByText("第一党支部（五局）")).toBeTruthy();
  expect(screen.getByRole("heading", { name: "名册外的党支部（1）" })).toBeTruthy();
  expect(screen.getByText("第八党支部（一局）")).toBeTruthy();
});

test("choosing no roster again hides the lists; a failure to list the sheets is shown in words", async () => {
  const workbook = workbookWithRoster();
  workbook.failures.set("sheetNames", new Error("工作簿已关闭"));
  const { store } = await renderRoster(workbook);
  expect(screen.getByText("无法读取工作表列表：工作簿已关闭")).toBeTruthy();
  await press("刷新工作表列表");
  await choose("名册");
  await press("按名册校验");
  expect(screen.getByRole("heading", { name: "缺报的党支部（2）" })).toBeTruthy();
  await choose("不使用名册");
  expect(store.get().rosterSheet).toBeNull();
  expect(screen.queryByRole("heading", { name: /缺报的党支部/ })).toBeNull();
});

test("in English", async () => {
  const workbook = workbookWithRoster();
  await renderRoster(workbook, "en-US");
  await choose("名册", "Roster sheet");
  await press("Validate against the roster");
  expect(screen.getByRole("heading", { name: "Missing branches (2)" })).toBeTruthy();
  expect(screen.getByText(/last year's grade \(上年定级\), it wins over the submitted one/)).toBeTruthy();
});
