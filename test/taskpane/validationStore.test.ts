/** The store the ribbon and the pane share: one per page, even across bundles; failures as data. */
import { withDefaults } from "../../src/engine";
import type { Host } from "../../src/host/host";
import { createValidationStore, resetShared, sharedValidationStore } from "../../src/taskpane/validationStore";
import { grid } from "../support/grid";
import { StandInExcelHost, StandInWorkbook, submission } from "./standInWorkbook";

const failing: Host = {
  kind: "excel",
  locale: "zh-CN",
  readWorkbooks: async () => {
    throw new Error("读不到");
  },
  markFindings: async () => {},
  clearMarks: async () => {},
  selectCell: async () => {},
};
const empty: Host = { ...failing, readWorkbooks: async () => [] };

afterEach(() => resetShared());

test("two copies of the module (two bundles on one page) share one store", () => {
  let a: typeof import("../../src/taskpane/validationStore") | undefined;
  let b: typeof import("../../src/taskpane/validationStore") | undefined;
  jest.isolateModules(() => {
    a = require("../../src/taskpane/validationStore");
  });
  jest.isolateModules(() => {
    b = require("../../src/taskpane/validationStore");
  });
  expect(a).not.toBe(b);
  expect(a!.sharedValidationStore()).toBe(b!.sharedValidationStore());
  expect(a!.sharedValidationStore()).toBe(sharedValidationStore());
});

test("run never rejects: a failure is kept; fail replaces one of its kind; the next run clears them", async () => {
  const store = createValidationStore();
  const seen: number[] = [];
  store.subscribe(() => seen.push(store.get().runs));
  await expect(store.run(failing)).resolves.toBeNull();
  expect(store.get().failures).toEqual([{ kind: "failed", reason: "读不到" }]);
  store.fail({ kind: "selectFailed", cell: "A1", reason: "x" });
  store.fail({ kind: "selectFailed", cell: "B2", reason: "y" });
  expect(store.get().failures).toEqual([
    { kind: "failed", reason: "读不到" },
    { kind: "selectFailed", cell: "B2", reason: "y" },
  ]);
  const checked = await store.run(empty);
  expect(checked).not.toBeNull();
  expect(store.get()).toMatchObject({ checked, failures: [], runs: 2, phase: { kind: "idle" } });
  expect(seen.length).toBeGreaterThan(3);
});

describe("on a live workbook", () => {
  const roster = () =>
    grid(
      [
        ["党支部名称", "所属单位"],
        ["第一党支部", "一局"],
        ["第九党支部", "一局"],
        ["第一党支部", "五局"],
      ],
      { sheet: "名册" },
    );

  test("a wrong value in 参数 fails in words and nothing is read, validated or marked", async () => {
    const workbook = new StandInWorkbook([submission("一局", "一局")]);
    workbook.owned.set("settings", { name: "参数", grid: grid([["参数", "值"], ["党建权重", 2], ["党员数上限", 40]]) });
    const host = new StandInExcelHost(workbook);
    const store = createValidationStore();
    await expect(store.run(host)).resolves.toBeNull();
    const failure = store.get().failures[0];
    expect(failure.kind).toBe("settings");
    expect(failure.kind === "settings" && failure.problems).toHaveLength(1);
    expect(host.reads).toBe(0);
    expect(host.marked).toBeUndefined();
    expect(store.get().checked).toBeNull();
  });

  test("the settings of 参数 are the ones validated with, and kept with the result", async () => {
    const workbook = new StandInWorkbook([submission("一局", "一局")]);
    workbook.owned.set("settings", { name: "参数", grid: grid([["参数", "值"], ["党建权重", 0.7]]) });
    const store = createValidationStore();
    const checked = await store.run(new StandInExcelHost(workbook));
    expect(checked!.settings).toEqual(withDefaults({ partyWeight: 0.7 }));
    expect(checked!.parsed.map((p) => p.sheet)).toEqual(["一局"]);
  });

  test("the roster chosen is checked against, and is never read as a submission", async () => {
    const workbook = new StandInWorkbook([submission("一局", "一局"), roster()]);
    const host = new StandInExcelHost(workbook);
    const store = createValidationStore();
    store.setRosterSheet("名册");
    const checked = await store.run(host);
    expect(checked!.roster).toBe("名册");
    expect(checked!.report.roster.missing).toEqual([{ branch: "第九党支部", unit: "一局" }, { branch: "第一党支部", unit: "五局" }]);
    expect(checked!.report.roster.unsubmitted).toEqual([{ unit: "五局" }]);
    expect(checked!.report.files[0].skipped).toContain("名册");
    expect(checked!.parsed.map((p) => p.sheet)).toEqual(["一局"]);
  });

  test("a roster sheet that is gone, or has no 党支部名称, is a failure and nothing is validated", async () => {
    const workbook = new StandInWorkbook([submission("一局", "一局"), grid([["名单"], ["张三"]], { sheet: "名单" })]);
    const host = new StandInExcelHost(workbook);
    const store = createValidationStore();
    store.setRosterSheet("旧名册");
    await store.run(host);
    expect(store.get().failures).toEqual([{ kind: "roster", sheet: "旧名册", problem: "missing" }]);
    store.setRosterSheet("名单");
    await store.run(host);
    expect(store.get().failures).toEqual([{ kind: "roster", sheet: "名单", problem: "noBranches" }]);
    expect(host.marked).toBeUndefined();
  });

  test("the preview has no workbook: no roster, default settings", async () => {
    const store = createValidationStore();
    store.setRosterSheet("名册");
    const checked = await store.run(empty);
    expect(checked).toMatchObject({ roster: null, settings: withDefaults() });
  });
});
