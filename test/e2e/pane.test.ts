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
import { ruleTitle } from "../../src/engine/rules";
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

  const TAB_NAMES = (["validate", "import", "roster", "consolidated", "flags", "results", "template", "settings"] as const).map((id) => t(`tabs.tab.${id}`));

  /** The tabs on the strip (with their top edges) and those in the 更多标签 menu, by name; the menu is left closed. */
  async function tabStrip(): Promise<{ shown: string[]; more: string[]; tops: number[] }> {
    const tabs = page.locator('[role="tab"][id^="tab-"]:visible');
    const shown = (await tabs.allInnerTexts()).map((name) => name.trim());
    const tops = await tabs.evaluateAll((elements) => elements.map((el) => el.getBoundingClientRect().top));
    const menu = page.getByRole("tab", { name: t("tabs.more") });
    if (!(await menu.isVisible())) return { shown, more: [], tops };
    await menu.click();
    const more = await page.getByRole("menuitem").allInnerTexts();
    await page.keyboard.press("Escape");
    await page.getByRole("menu").waitFor({ state: "detached" });
    return { shown, more, tops };
  }

  /** Waits for the menu's opening animation, so the screenshot shows it as a person reads it (a spinner's never ends). */
  async function settledAnimations(): Promise<void> {
    await page.evaluate(() =>
      Promise.all(
        document
          .getAnimations()
          .filter((animation) => animation.effect?.getTiming().iterations !== Infinity)
          .map((animation) => animation.finished),
      ),
    );
  }

  /** Opens a tab as a person does: on the strip where it is there, else from the 更多标签 menu. */
  async function openTab(name: string): Promise<void> {
    const tab = page.getByRole("tab", { name, exact: true });
    if (await tab.isVisible()) {
      await tab.click();
    } else {
      await page.getByRole("tab", { name: t("tabs.more") }).click();
      await page.getByRole("menuitem", { name }).click();
    }
    await page.locator('[role="tab"][aria-selected="true"]', { hasText: name }).waitFor();
  }

  test("shows the eight tabs of PRODUCT.md §7: on the strip, and the rest in the 更多标签 menu", async () => {
    await page.getByRole("tab", { name: t("tabs.tab.validate") }).waitFor();
    const { shown, more } = await tabStrip();
    expect([...shown, ...more]).toEqual(TAB_NAMES);
  });

  test("at 320 px the tabs keep to one line; the others are reached through the menu, by mouse or keyboard", async () => {
    await page.setViewportSize({ width: 320, height: 900 });
    const menu = page.getByRole("tab", { name: t("tabs.more") });
    await menu.waitFor();
    // The first test left focus (and the pointer) on the menu button; the picture is of the strip at rest.
    await page.getByRole("heading", { name: "党建考核助手" }).click();
    await page.screenshot({ path: join(RESULTS, "pane-tabs-320.png"), clip: { x: 0, y: 0, width: 320, height: 160 } });
    const { shown, more, tops } = await tabStrip();
    expect(more.length).toBeGreaterThan(0);
    expect([...shown, ...more]).toEqual(TAB_NAMES);
    expect(new Set(tops).size).toBe(1);
    // The menu button sits on that line too, within the tabs' height.
    const row = (await page.getByRole("tab", { name: shown[0], exact: true }).boundingBox())!;
    const button = (await menu.boundingBox())!;
    expect(button.y + button.height / 2).toBeGreaterThan(row.y);
    expect(button.y + button.height / 2).toBeLessThan(row.y + row.height);
    // The strip and the page fit the pane: nothing scrolls sideways.
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320);

    // Keyboard: from the first tab, ← wraps round to the menu button; Enter opens it on its first item.
    await page.getByRole("tab", { name: shown[0], exact: true }).focus();
    await page.keyboard.press("ArrowLeft");
    expect(await menu.evaluate((el) => el === document.activeElement)).toBe(true);
    await page.keyboard.press("Enter");
    await page.getByRole("menu").waitFor();
    expect(await page.getByRole("menuitem").allInnerTexts()).toEqual(more);
    expect(await page.getByRole("menuitem").first().evaluate((el) => el === document.activeElement)).toBe(true);
    await settledAnimations();
    await page.screenshot({ path: join(RESULTS, "pane-tabs-menu.png"), clip: { x: 0, y: 0, width: 320, height: 360 } });
    await page.keyboard.press("ArrowDown");
    await page.keyboard.press("Enter");
    // The chosen tab is selected and on the strip, still one line, in the place of another.
    const chosen = page.getByRole("tab", { name: more[1], exact: true });
    await chosen.waitFor();
    expect(await chosen.getAttribute("aria-selected")).toBe("true");
    const after = await tabStrip();
    expect(after.shown).toContain(more[1]);
    expect(new Set(after.tops).size).toBe(1);
    await page.screenshot({ path: join(RESULTS, "pane-tabs-chosen.png"), clip: { x: 0, y: 0, width: 320, height: 160 } });

    await openTab(t("tabs.tab.validate"));
    await page.setViewportSize({ width: 360, height: 900 });
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

  test("the meeting ledger is validated with the 统计表: its kind, its gaps and the report held against it", async () => {
    await page.getByText(/工作表“一支部台账”（三会一课台账）/).waitFor();
    // The 统计表 says 4 党员大会 for 第一党支部; the ledger counts 3.
    const mismatch = page.locator('[data-sheet="机关一局"][data-cell="E3"]', { hasText: "台账记录 3 次" });
    await mismatch.first().waitFor({ state: "visible" });
    await page.getByText("党员大会：第2季度无；支委会：3月、7月无").waitFor();
    await page.getByText(/张三/).first().waitFor();
    // The picture for the README: the 统计表's cells held against the ledgers, under their rule's heading.
    const heading = page.getByText(new RegExp(`^${ruleTitle("ledger-mismatch", "zh-CN")}（\\d+）$`)).first();
    await heading.evaluate((element) => element.scrollIntoView({ block: "start" }));
    await page.screenshot({ path: join(RESULTS, "pane-ledger.png") });
  });

  test("the 党费 and 发展党员 ledgers are validated with it: their kinds, and each problem at its cell", async () => {
    await page.getByText(/工作表“一支部党费”（党费台账）/).waitFor();
    await page.getByText(/工作表“一支部发展党员”（发展党员台账）/).waitFor();
    // 李四's 50 元 a month is below the bracket of 5000.01 元 (75 元); 冯四 was a 发展对象 six months after being an activist.
    await page.locator('[data-sheet="一支部党费"][data-cell="F5"]', { hasText: "75" }).first().waitFor({ state: "visible" });
    await page.locator('[data-sheet="一支部发展党员"][data-cell="H6"]').first().waitFor({ state: "visible" });
    await page.getByText(/工作表“一支部党费”（党费台账）/).scrollIntoViewIfNeeded();
    await page.screenshot({ path: join(RESULTS, "pane-dues.png") });
  });

  test("评分 writes the results and shows the upgrade rates", async () => {
    await openTab("评分");
    await page.getByRole("button", { name: t("tabs.results.run") }).click();
    await page.getByText(t("tabs.results.done", { sheet: sheets("sheet.results") })).waitFor();
    await page.screenshot({ path: join(RESULTS, "pane-results.png"), fullPage: true });
  });

  test("预警 writes the flags sheet and counts them per department", async () => {
    await openTab("预警");
    await page.getByRole("button", { name: t("tabs.flags.run") }).click();
    await page.getByText(t("tabs.flags.byUnit")).waitFor();
    await page.screenshot({ path: join(RESULTS, "pane-flags.png"), fullPage: true });
    // The flags about a person, by name: who is in arrears for which months, whose probation is overdue.
    const people = page.getByRole("table", { name: t("tabs.flags.byPerson") });
    await people.getByRole("row", { name: /王五.*欠缴党费.*欠缴 2025年3–8月，共6个月/ }).waitFor();
    await people.getByRole("row", { name: /陈五.*预备期满未转正/ }).waitFor();
    await people.getByRole("row", { name: /张三.*连续6个月未参加组织生活/ }).waitFor();
    await people.scrollIntoViewIfNeeded();
    await people.screenshot({ path: join(RESULTS, "pane-people.png") });
  });

  test("预警 writes the 三会一课 coverage and shows each branch's months, the gaps red", async () => {
    await page.getByRole("button", { name: t("tabs.coverage.run") }).click();
    await page.getByText(t("tabs.coverage.done", { sheet: sheets("sheet.coverage"), count: 1 })).waitFor();
    const branch = page.getByRole("table", { name: /第一党支部（机关一局）/ });
    await branch.waitFor();
    const gap = branch.getByTitle("支委会 3月：0 次");
    const held = branch.getByTitle("支委会 4月：1 次");
    const [gapColour, heldColour] = await Promise.all([gap, held].map((cell) => cell.evaluate((el) => getComputedStyle(el).backgroundColor)));
    expect(gapColour).not.toBe(heldColour);
    await branch.scrollIntoViewIfNeeded();
    await page.screenshot({ path: join(RESULTS, "pane-coverage.png"), fullPage: true });
  });

  test("导入 and 名册 offer their choices", async () => {
    await openTab("导入");
    await page.locator("button", { hasText: t("tabs.import.pick") }).waitFor();
    await page.screenshot({ path: join(RESULTS, "pane-import.png"), fullPage: true });
    await openTab("名册");
    await page.getByRole("button", { name: t("tabs.roster.check") }).waitFor();
    await page.screenshot({ path: join(RESULTS, "pane-roster.png"), fullPage: true });
  });

  test("设置 shows every setting, pre-filled", async () => {
    await openTab("设置");
    await page.getByRole("button", { name: t("tabs.settings.save") }).waitFor();
    await page.screenshot({ path: join(RESULTS, "pane-settings.png"), fullPage: true });
  });

  test("nothing left 127.0.0.1, the policy held and the page raised no error", () => {
    expect(outsideRequests(watched.requests, watched.origin)).toEqual([]);
    expect(watched.violations).toEqual([]);
    expect(watched.errors).toEqual([]);
  });
});
