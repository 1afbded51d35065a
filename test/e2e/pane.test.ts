/**
 * The task pane's components in Chromium at a task pane's width, on an Excel-like stand-in
 * workbook (test/e2e/pane/harness.tsx): press 一键校验, see the findings, go through the tabs
 * that write sheets. Asserts what a person sees, that nothing left 127.0.0.1 and that the pane's
 * Content-Security-Policy was never violated (Fluent's run-time styles, the lazily loaded tab
 * chunk). The screenshots in test-results/ are the README's pictures of the pane.
 */
import { rmSync } from "node:fs";
import { join } from "node:path";
import type { Page } from "playwright-core";
import { paneText } from "../../src/i18n/pane";
import { sheetsText } from "../../src/i18n/sheets";

const t = paneText("zh-CN");
const sheets = sheetsText("zh-CN");
import { buildHarness } from "./pane/build";
import { openWatched, outsideRequests, requireDistAndChromium, RESULTS, type WatchedPage } from "./support";

describe("task pane (the App on a stand-in workbook, in Chromium)", () => {
  let built: string;
  let watched: WatchedPage;
  let page: Page;

  beforeAll(async () => {
    requireDistAndChromium("taskpane.html");
    built = await buildHarness();
    // A task pane's width in Excel on the desktop.
    watched = await openWatched("index.html", { root: built, viewport: { width: 360, height: 900 } });
    ({ page } = watched);
  });

  afterAll(async () => {
    await watched?.close();
    if (built) rmSync(built, { recursive: true, force: true });
  });

  test("shows the eight tabs of PRODUCT.md §7", async () => {
    const tabs = page.getByRole("tab");
    await tabs.first().waitFor();
    expect(await tabs.allInnerTexts()).toEqual(
      ["validate", "import", "roster", "consolidated", "flags", "results", "template", "settings"].map((id) => t(`tabs.tab.${id}` as `tabs.tab.${"validate"}`)),
    );
  });

  test("一键校验 lists the findings with their cells", async () => {
    await page.getByRole("button", { name: "一键校验" }).click();
    await page.getByRole("status").getByText(/^错误 \d+$/).waitFor();
    // 第二党支部's full-width "１５" and 第三党支部's 四 are numbers written as text; 2.5 members is no integer.
    for (const cell of ["C4", "F5", "C6"]) {
      await page.locator(`[data-sheet="机关一局"][data-cell="${cell}"]`).first().waitFor({ state: "visible" });
    }
    await page.screenshot({ path: join(RESULTS, "pane-validate.png") });
  });

  test("评分 writes the results and shows the upgrade rates", async () => {
    await page.getByRole("tab", { name: "评分" }).click();
    await page.getByRole("button", { name: t("tabs.results.run") }).click();
    await page.getByText(t("tabs.results.done", { sheet: sheets("sheet.results") })).waitFor();
    await page.screenshot({ path: join(RESULTS, "pane-results.png"), fullPage: true });
  });

  test("预警 writes the flags sheet and counts them per department", async () => {
    await page.getByRole("tab", { name: "预警" }).click();
    await page.getByRole("button", { name: t("tabs.flags.run") }).click();
    await page.getByText(t("tabs.flags.byUnit")).waitFor();
    await page.screenshot({ path: join(RESULTS, "pane-flags.png"), fullPage: true });
  });

  test("导入 and 名册 offer their choices", async () => {
    await page.getByRole("tab", { name: "导入" }).click();
    await page.locator("button", { hasText: t("tabs.import.pick") }).waitFor();
    await page.screenshot({ path: join(RESULTS, "pane-import.png"), fullPage: true });
    await page.getByRole("tab", { name: "名册" }).click();
    await page.getByRole("button", { name: t("tabs.roster.check") }).waitFor();
    await page.screenshot({ path: join(RESULTS, "pane-roster.png"), fullPage: true });
  });

  test("设置 shows every setting, pre-filled", async () => {
    await page.getByRole("tab", { name: "设置" }).click();
    await page.getByRole("button", { name: t("tabs.settings.save") }).waitFor();
    await page.screenshot({ path: join(RESULTS, "pane-settings.png"), fullPage: true });
  });

  test("nothing left 127.0.0.1, the policy held and the page raised no error", () => {
    expect(outsideRequests(watched.requests, watched.origin)).toEqual([]);
    expect(watched.violations).toEqual([]);
    expect(watched.errors).toEqual([]);
  });
});
