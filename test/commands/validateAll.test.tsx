/**
 * @jest-environment jsdom
 */
/**
 * The ribbon's 一键校验 as Office calls it: through the handler commands.ts associates, with the
 * task pane (App on the page's shared store) showing what it found, or why it failed, in words.
 * Office is a stub: showAsTaskpane resolves (or rejects) and associate collects the handlers.
 */
import { act, screen, within } from "@testing-library/react";
import { renderIn } from "../taskpane/renderIn";
import { validateWorkbooks } from "../../src/engine";
import { App } from "../../src/taskpane/App";
import { officeLocale } from "../../src/taskpane/office";
import type { Host } from "../../src/host/host";
import { provideSharedHost, resetShared, sharedValidationStore } from "../../src/taskpane/validationStore";
import { BOOK, StandInHost, stubResizeObserver } from "../taskpane/standInHost";


type Handler = (event: Office.AddinCommands.Event) => Promise<void>;
const handlers = new Map<string, Handler>();
const showAsTaskpane = jest.fn<Promise<void>, []>();
const office = {
  addin: { showAsTaskpane },
  actions: { associate: (name: string, handler: Handler) => handlers.set(name, handler) },
  context: { displayLanguage: "zh-CN" },
};

function fakeEvent() {
  const completed = jest.fn();
  return { event: { completed } as unknown as Office.AddinCommands.Event, completed };
}

/** Presses 一键校验 on the ribbon: Office calls the handler registered under the manifest's name. */
async function pressRibbon() {
  const handler = handlers.get("validateAll");
  expect(handler).toBeDefined();
  const { event, completed } = fakeEvent();
  await act(async () => {
    await handler!(event);
  });
  return completed;
}

function renderPane(host: Host) {
  renderIn(host.locale, <App host={host} store={sharedValidationStore()} />);
}

beforeAll(() => {
  stubResizeObserver();
  (globalThis as unknown as { Office: typeof office }).Office = office;
  // Registers its handlers with the stub, as in the shared runtime.
  require("../../src/commands/commands");
});

beforeEach(() => {
  resetShared();
  showAsTaskpane.mockReset();
  showAsTaskpane.mockResolvedValue(undefined);
  office.context.displayLanguage = "zh-CN";
});

afterAll(() => {
  resetShared();
  delete (globalThis as { Office?: unknown }).Office;
});

test("commands.ts registers 一键校验 under the manifest's FunctionName", () => {
  expect([...handlers.keys()]).toEqual(["validateAll"]);
});

test("一键校验 opens the pane, validates every sheet on the shared host, and the pane shows the findings", async () => {
  const host = new StandInHost(async () => [BOOK], "excel");
  provideSharedHost(host);
  renderPane(host);
  expect(screen.getByText("按“一键校验”检查全部填报表。")).toBeTruthy();

  const completed = await pressRibbon();

  expect(showAsTaskpane).toHaveBeenCalledTimes(1);
  expect(completed).toHaveBeenCalledTimes(1);
  expect(host.reads).toBe(1);
  const expected = validateWorkbooks([BOOK], { locale: "zh-CN" }).report;
  const findings = expected.files[0].sheets[0].findings;
  expect(findings.length).toBeGreaterThan(1);
  expect(host.marked).toHaveLength(findings.length);
  expect(within(screen.getByRole("status")).getByText(`错误 ${expected.summary.errors}`)).toBeTruthy();
  for (const finding of findings) expect(screen.getByText(finding.message).closest("button")!.getAttribute("data-cell")).toBe(finding.cell);
  expect(sharedValidationStore().get()).toMatchObject({ phase: { kind: "idle" }, failures: [], runs: 1 });
});

test("a pane opened after the ribbon's validation shows its result", async () => {
  const host = new StandInHost(async () => [BOOK], "excel");
  provideSharedHost(host);
  await pressRibbon();
  renderPane(host);
  const expected = validateWorkbooks([BOOK], { locale: "zh-CN" }).report;
  expect(within(screen.getByRole("status")).getByText(`错误 ${expected.summary.errors}`)).toBeTruthy();
});

test("when validation throws, event.completed() is still called and the pane says why in words", async () => {
  const host = new StandInHost(async () => {
    throw new Error("无法读取工作簿");
  }, "excel");
  provideSharedHost(host);
  renderPane(host);

  const completed = await pressRibbon();

  expect(completed).toHaveBeenCalledTimes(1);
  expect(sharedValidationStore().get().failures).toEqual([{ kind: "failed", reason: "无法读取工作簿" }]);
  const text = screen.getByText(/^校验失败：/).textContent!;
  expect(text).toBe("校验失败：无法读取工作簿");
  expect(text).not.toMatch(/\bat\b|\.ts|\.js/);
  expect(screen.getByRole("button", { name: "一键校验" }).hasAttribute("disabled")).toBe(false);
});

test("when the pane will not open, the sheets are still validated and marked, and the failure is kept", async () => {
  showAsTaskpane.mockRejectedValue(new Error("不支持共享运行时"));
  const host = new StandInHost(async () => [BOOK], "excel");
  provideSharedHost(host);

  const completed = await pressRibbon();

  expect(completed).toHaveBeenCalledTimes(1);
  expect(host.marked?.length).toBeGreaterThan(0);
  expect(sharedValidationStore().get().failures).toEqual([{ kind: "showFailed", reason: "不支持共享运行时" }]);
  renderPane(host);
  expect(screen.getByText("无法打开任务窗格：不支持共享运行时")).toBeTruthy();
  expect(screen.getByRole("status")).toBeTruthy();
});

test("a second press while one validation runs does not start another", async () => {
  let release!: () => void;
  const host = new StandInHost(() => new Promise((resolve) => (release = () => resolve([BOOK]))), "excel");
  provideSharedHost(host);
  renderPane(host);
  const first = fakeEvent();
  const second = fakeEvent();
  let done!: Promise<unknown>;
  await act(async () => {
    done = Promise.all([handlers.get("validateAll")!(first.event), handlers.get("validateAll")!(second.event)]);
    await Promise.resolve();
  });
  expect(screen.getByRole("button", { name: "一键校验" }).hasAttribute("disabled")).toBe(true);
  await act(async () => {
    release();
    await done;
  });
  expect(host.reads).toBe(1);
  expect(first.completed).toHaveBeenCalledTimes(1);
  expect(second.completed).toHaveBeenCalledTimes(1);
  expect(screen.getByRole("status")).toBeTruthy();
});

test("the ribbon words findings in Office's display language", async () => {
  office.context.displayLanguage = "en-US";
  // The page's host is made in Office's language.
  expect(officeLocale()).toBe("en-US");
  const host = new StandInHost(async () => [BOOK], "excel", officeLocale());
  provideSharedHost(host);
  await pressRibbon();
  renderPane(host);
  const expected = validateWorkbooks([BOOK], { locale: "en-US" }).report;
  expect(within(screen.getByRole("status")).getByText(`Errors ${expected.summary.errors}`)).toBeTruthy();
  expect(screen.getByText(expected.files[0].sheets[0].findings[0].message)).toBeTruthy();
});
