/**
 * @jest-environment jsdom
 */
/**
 * 汇总, 预警, 评分 and 模板 on the in-memory workbook: each builds on a validation made now, and
 * writes the sheet the engine's builder makes of it; what they say in the pane, in words.
 */
import type { ReactElement } from "react";
import type { Locale } from "../../src/i18n";
import { screen, within } from "@testing-library/react";
import { renderIn } from "./renderIn";
import { meetingsKind, submissionKind, validateWorkbooks, withDefaults } from "../../src/engine";
import { coverageSheet, flagsSheet, meetingCoverage, resultsSheet, settingsSheet, templateSheet } from "../../src/engine/sheets";
import { fullYear, ledger } from "../engine/ledger";
import type { WorkbookViewProps } from "../../src/taskpane/App";
import { ConsolidatedView } from "../../src/taskpane/ConsolidatedView";
import { FlagsView } from "../../src/taskpane/FlagsView";
import { flagCounts } from "../../src/engine/sheets";
import { ResultsView } from "../../src/taskpane/ResultsView";
import { TemplateView } from "../../src/taskpane/TemplateView";
import { createValidationStore } from "../../src/taskpane/validationStore";
import { grid } from "../support/grid";
import { stubResizeObserver } from "./standInHost";
import { press } from "./interact";
import { StandInExcelHost, StandInWorkbook, submission } from "./standInWorkbook";
import { specGrid } from "../support/sheetSpec";

beforeAll(stubResizeObserver);

/** Two departments: 一局 with two branches (one with too few members), 二局 with one. */
function twoDepartments() {
  return new StandInWorkbook([
    submission("一局", "一局", [
      [1, "第一党支部", 12, 1, 4, 4, 1, "一般", 95, 92],
      [2, "第二党支部", 2, 0, 4, 4, 0, "后进", 50, 50],
    ]),
    submission("二局", "二局", [[1, "第一党支部", 30, 2, 4, 4, 2, "先进", 96, 98]]),
  ]);
}

function renderView(View: (props: WorkbookViewProps) => ReactElement, workbook: StandInWorkbook, locale: Locale = "zh-CN") {
  const host = new StandInExcelHost(workbook, locale);
  const store = createValidationStore();
  renderIn(locale, <View host={host} workbook={workbook} store={store} />);
  return { host, store };
}

/** What the engine makes of the workbook as it stands. */
function validationOf(workbook: StandInWorkbook) {
  return validateWorkbooks([{ file: "考核汇总.xlsx", grids: workbook.sheets }], { locale: "zh-CN", settings: withDefaults() });
}

describe("汇总", () => {
  test("validates afresh and writes the consolidated table of every data row", async () => {
    const workbook = twoDepartments();
    const { host } = renderView(ConsolidatedView, workbook);
    await press("生成汇总表");
    expect(host.reads).toBe(1);
    const [spec] = workbook.written;
    expect(spec.role).toBe("consolidated");
    expect(spec.tables![0].rows).toHaveLength(3);
    expect(spec.tables![0].rows.map((row) => row.at(-1))).toEqual(["一局", "一局", "二局"]);
    expect(screen.getByText("汇总表已写入工作表“汇总”，共 3 行。")).toBeTruthy();
  });

  test("wrong settings stop it before anything is written, in words", async () => {
    const workbook = twoDepartments();
    workbook.owned.set("settings", { name: "参数", grid: grid([["参数", "值"], ["党建权重", "一半"]]) });
    renderView(ConsolidatedView, workbook);
    await press("生成汇总表");
    expect(workbook.callsOf("writeSheet")).toEqual([]);
    expect(screen.getByText(/^“参数”工作表中有错误的值，未校验：.*党建权重/)).toBeTruthy();
    expect(screen.getByRole("button", { name: "生成汇总表" }).hasAttribute("disabled")).toBe(false);
  });

  test("a failed write is shown in words", async () => {
    const workbook = twoDepartments();
    workbook.failures.set("writeSheet", new Error("工作簿受保护"));
    renderView(ConsolidatedView, workbook);
    await press("生成汇总表");
    expect(screen.getByText("生成汇总表失败：工作簿受保护")).toBeTruthy();
  });
});

describe("预警", () => {
  test("writes the flags sheet of a fresh validation and counts per department and per flag", async () => {
    const workbook = twoDepartments();
    renderView(FlagsView, workbook);
    await press("生成预警表");
    const { report } = validationOf(workbook);
    const counts = flagCounts(report);
    expect(counts.total).toBeGreaterThan(0);
    expect(workbook.written).toEqual([flagsSheet(report, "zh-CN")]);
    expect(screen.getByText(`预警表已写入工作表“预警”，共 ${counts.total} 条预警。`)).toBeTruthy();
    const byUnit = screen.getByRole("table", { name: "各单位预警数" });
    for (const [unit, count] of counts.byUnit) {
      expect(within(within(byUnit).getByRole("rowheader", { name: unit }).closest("tr")!).getByText(String(count))).toBeTruthy();
    }
    const byFlag = screen.getByRole("table", { name: "各类预警数" });
    expect(within(byFlag).getAllByRole("rowheader").map((h) => h.textContent)).toEqual(counts.byFlag.map(([label]) => label));
  });

  test("writes the 三会一课 coverage sheet of the workbook's ledger and shows each branch's months, the gaps red", async () => {
    const meetings = fullYear().filter((m) => !(m.type === "支委会" && m.date === "2025-03-05"));
    const workbook = new StandInWorkbook([ledger(meetings)]);
    renderView(FlagsView, workbook);
    await press("生成三会一课覆盖表");
    const { parsed } = validationOf(workbook);
    const table = meetingCoverage(parsed, withDefaults(), "zh-CN");
    expect(workbook.written).toEqual([coverageSheet(table, "zh-CN")]);
    expect(screen.getByText("三会一课覆盖表已写入工作表“三会一课覆盖”，共 1 个党支部。")).toBeTruthy();
    const branch = screen.getByRole("table", { name: /第一党支部（机关一局）/ });
    expect(within(branch).getAllByRole("rowheader").map((h) => h.textContent)).toEqual(["党员大会", "支委会", "党课", "主题党日", "组织生活会", "民主评议"]);
    const gap = within(branch).getByTitle("支委会 3月：0 次");
    expect(gap.textContent).toBe("0");
    expect(within(branch).getByTitle("支委会 4月：1 次").className).not.toBe(gap.className);
  });
});

describe("评分", () => {
  test("without a 参数 sheet it writes one first, then the results; the upgrade rates show in the pane", async () => {
    const workbook = twoDepartments();
    renderView(ResultsView, workbook);
    await press("生成考核结果");
    const { parsed } = validationOf(workbook);
    expect(workbook.written).toEqual([settingsSheet(withDefaults(), "zh-CN"), resultsSheet(parsed, withDefaults(), new Map(), "zh-CN")]);
    expect(screen.getByText("考核结果已写入工作表“考核结果”。公式引用的参数已写入工作表“参数”。")).toBeTruthy();
    // 一般 → 93.5 先进 (rose); 后进 → 50 后进 (stayed); 先进 cannot rise.
    const rate = (label: string) => screen.getByText(label).closest("li")!.textContent;
    expect(rate("上年“后进”")).toBe("上年“后进”0.0%");
    expect(rate("上年“一般”")).toBe("上年“一般”100.0%");
    expect(rate("总体")).toBe("总体50.0%");
    expect(screen.queryByText("上年“先进”")).toBeNull();
  });

  test("with a 参数 sheet of ours it writes only the results, with those settings; 固化为数值 asks for a values copy", async () => {
    const workbook = twoDepartments();
    const settings = withDefaults({ partyWeight: 0.8 });
    workbook.owned.set("settings", { name: "参数", grid: specGrid(settingsSheet(settings, "zh-CN"), "参数") });
    renderView(ResultsView, workbook);
    await press("生成考核结果");
    expect(workbook.written).toEqual([resultsSheet(validationOf(workbook).parsed, settings, new Map(), "zh-CN")]);
    await press("固化为数值");
    expect(workbook.callsOf("freeze")).toEqual([["results"]]);
    expect(screen.getByText("已生成只含数值的副本“考核结果（数值）”，可发给未安装本插件的人。")).toBeTruthy();
  });

  test("freezing with no results sheet says why", async () => {
    const workbook = twoDepartments();
    renderView(ResultsView, workbook);
    await press("固化为数值");
    expect(screen.getByText("固化为数值失败：没有results工作表")).toBeTruthy();
  });
});

describe("模板", () => {
  test("inserts the template sheet with the office's settings and says its name", async () => {
    const workbook = new StandInWorkbook();
    const settings = withDefaults({ levels: ["较差", "一般", "较好", "好"], thresholds: [60, 75, 90] });
    workbook.owned.set("settings", { name: "参数", grid: specGrid(settingsSheet(settings, "zh-CN"), "参数") });
    renderView(TemplateView, workbook);
    await press("插入填报模板");
    expect(workbook.written).toEqual([templateSheet(submissionKind, settings, "zh-CN")]);
    expect(workbook.written[0].role).toBe("template");
    expect(screen.getByText("已插入工作表“填报模板”。")).toBeTruthy();
  });

  test("inserts the meeting-ledger template too, with its drop-down of meeting types", async () => {
    const workbook = new StandInWorkbook();
    renderView(TemplateView, workbook);
    await press("插入三会一课台账模板");
    expect(workbook.written).toEqual([templateSheet(meetingsKind, withDefaults(), "zh-CN")]);
    expect(screen.getByText("已插入工作表“三会一课台账模板”。")).toBeTruthy();
  });

  test("in English", async () => {
    const workbook = new StandInWorkbook();
    renderView(TemplateView, workbook, "en-US");
    await press("Insert the template");
    expect(screen.getByText(`Inserted the sheet “${templateSheet(submissionKind, withDefaults(), "en-US").name}”.`)).toBeTruthy();
  });
});
