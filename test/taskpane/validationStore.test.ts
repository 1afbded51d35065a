/** The store the ribbon and the pane share: one per page, even across bundles; failures as data. */
import type { Host } from "../../src/taskpane/host";
import { createValidationStore, resetShared, sharedValidationStore } from "../../src/taskpane/validationStore";

const failing: Host = {
  kind: "excel",
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
  const report = await store.run(empty);
  expect(report).not.toBeNull();
  expect(store.get()).toMatchObject({ report, failures: [], runs: 2, phase: { kind: "idle" } });
  expect(seen.length).toBeGreaterThan(3);
});
