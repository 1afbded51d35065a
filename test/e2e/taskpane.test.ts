/**
 * The task pane page outside Office: the built dist/taskpane.html served from 127.0.0.1 and
 * opened in Debian's Chromium, with office.js loaded from our own server as in Excel. Outside a
 * host office.js reaches for its telemetry proxy frame on a Microsoft host; the page's
 * Content-Security-Policy must refuse it, and nothing else may leave 127.0.0.1. The page itself
 * must say it is not running in Excel and point to the browser preview.
 */
import { join } from "node:path";
import type { Page } from "playwright-core";
import { paneText } from "../../src/i18n/pane";

const t = paneText("zh-CN");
import { openWatched, outsideRequests, requireDistAndChromium, RESULTS, type CspViolation, type WatchedPage } from "./support";

/** Where office.js's telemetry proxy frame lives (o15apptofilemappingtable.js), refused by frame-src 'none'. */
const TELEMETRY_PROXY = "https://telemetryservice.firstpartyapps.oaspapps.com";

/** Waits until `done()` holds, polling; office.js opens its proxy frame on a 3-second timer. */
async function until(done: () => boolean, what: string, timeoutMs = 20_000): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!done()) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((ok) => setTimeout(ok, 100));
  }
}

describe("task pane page outside Office (dist/taskpane.html in Chromium)", () => {
  let watched: WatchedPage;
  let origin: string;
  let page: Page;
  let violations: CspViolation[];
  let requests: string[];
  let pageErrors: string[];

  beforeAll(async () => {
    requireDistAndChromium("taskpane.html");
    watched = await openWatched("taskpane.html");
    ({ origin, page, violations, requests, errors: pageErrors } = watched);
  });

  afterAll(async () => {
    await watched?.close();
  });

  test("says it is not running in Excel and links to the browser preview", async () => {
    await page.getByText(t("pane.app.outsideOffice")).waitFor();
    expect(await page.title()).toBe("党建考核助手");
    expect(await page.getByRole("heading", { name: "党建考核助手" }).isVisible()).toBe(true);
    const link = page.getByRole("link", { name: t("pane.app.previewLink") });
    expect(await link.getAttribute("href")).toBe("preview.html");
    await page.screenshot({ path: join(RESULTS, "taskpane-outside-excel.png"), fullPage: true });
  });

  test("office.js came from our own server", () => {
    expect(requests).toContain(`${origin}/assets/office-js/office.js`);
    expect(requests.some((url) => /appsforoffice\.microsoft\.com/.test(url))).toBe(false);
  });

  test("the Content-Security-Policy refuses office.js's telemetry frame, and only that", async () => {
    await until(() => violations.length > 0, "office.js's telemetry frame");
    // Whatever office.js would still try after its timer has had time to fire twice over.
    await page.waitForTimeout(4_000);
    expect(violations.map((v) => ({ directive: v.directive, blocked: new URL(v.blocked).origin }))).toEqual([
      { directive: "frame-src", blocked: TELEMETRY_PROXY },
    ]);
  });

  test("no request left 127.0.0.1, and the page threw no error", () => {
    expect(requests.length).toBeGreaterThan(3);
    expect(outsideRequests(requests, origin)).toEqual([]);
    expect(pageErrors).toEqual([]);
  });

  test("the link opens the preview, which breaks no rule of its policy either", async () => {
    const before = violations.length;
    await page.getByRole("link", { name: t("pane.app.previewLink") }).click();
    await page.getByRole("button", { name: "一键校验" }).waitFor();
    expect(page.url()).toBe(`${origin}/preview.html`);
    expect(violations.slice(before)).toEqual([]);
    expect(outsideRequests(requests, origin)).toEqual([]);
  });
});
