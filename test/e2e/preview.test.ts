/**
 * The browser preview end to end: the built dist/preview.html served from 127.0.0.1, Debian's
 * Chromium driven by playwright-core, a LibreOffice-made messy submission opened through the
 * file input. Asserts what a person sees, downloads the annotated copy, and checks that no
 * request left 127.0.0.1. Screenshots go to test-results/ for people to look at.
 */
import { readFileSync } from "node:fs";
import type { Server } from "node:http";
import { join } from "node:path";
import ExcelJS from "exceljs";
import type { Page } from "playwright-core";
import { validateWorkbooks, type Grid, type Report } from "../../src/engine";
import { ruleMessage, ruleTitle, type RuleId } from "../../src/engine/rules";
import { makeXlsx, messyRows, MESSY_EXPECTED } from "../cli/fixtures";
import type { FodsCell } from "../support/fods";
import { fullYear, ledger, submission } from "../engine/ledger";
import { wholeColumnListsSubmission } from "../support/templates";
import { DIST } from "../addin/dist";
import { FileHost } from "../../src/preview/fileHost";
import { closeServer, launchChromium, outsideRequests, recordCspViolations, requireDistAndChromium, RESULTS, serveDist, type Browser, type CspViolation } from "./support";

const MESSY_NAME = "机关一局报表.xlsx";
const LEGACY_NAME = "旧版报表.xls";

/** The file host's own input in Node: the same bytes the page gets. */
function opened(name: string, bytes: Buffer) {
  return { name, arrayBuffer: async () => bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer };
}

/** The report the engine gives in Node for the same files: what the page must show. */
async function expectedReport(files: { name: string; arrayBuffer(): Promise<ArrayBuffer> }[]): Promise<Report> {
  const host = new FileHost("zh-CN");
  host.setFiles(files);
  return validateWorkbooks(await host.readWorkbooks("all"), { locale: "zh-CN" }).report;
}

/** A finding's button on the page (CSS strings: JSON quoting is valid CSS for these names). */
function findingButton(page: Page, file: string, sheet: string, cell: string) {
  const q = (value: string) => JSON.stringify(value);
  return page.locator(`[data-file=${q(file)}] [data-sheet=${q(sheet)}][data-cell=${q(cell)}]`);
}

const LEGACY_BYTES = Buffer.from("not really a workbook");
const TEMPLATE_NAME = "机关一局报表（模板填报）.xlsx";

const STATS_NAME = "机关一局统计表.xlsx";
const LEDGER_NAME = "机关一局三会一课台账.xlsx";
const XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

/** A test grid as LibreOffice's cells, its dates as dates, for a real .xlsx of it. */
function fodsRows(grid: Grid): FodsCell[][] {
  return grid.cells.map((row) =>
    row.map((cell) => {
      switch (cell.kind) {
        case "date":
          return { date: new Date(Date.UTC(1899, 11, 30) + cell.serial * 86_400_000).toISOString().slice(0, 10) };
        case "number":
        case "text":
        case "bool":
          return cell.value;
        default:
          return null;
      }
    }),
  );
}

/**
 * A department's 统计表 and its 三会一课 ledger as two files: the ledger has no 党员大会 in the
 * second quarter though the 统计表 reports 4, and 张三 missed every meeting from March to August.
 */
async function ledgerFiles(): Promise<{ stats: Buffer; ledger: Buffer }> {
  const meetings = fullYear()
    .filter((m) => !(m.type === "党员大会" && m.date === "2025-04-10"))
    .map((m) => {
      const month = Number(String(m.date).slice(5, 7));
      return ["党员大会", "主题党日"].includes(m.type) && month >= 3 && month <= 8 ? { ...m, leave: 0, absent: 1, absentees: "张三" } : m;
    });
  const stats = submission([{ branch: "第一党支部", general: 4, committee: 12, lectures: 4, themeDays: 12 }], "报表");
  return {
    stats: readFileSync(await makeXlsx("ledger-stats", fodsRows(stats), stats.sheet)),
    ledger: readFileSync(await makeXlsx("ledger-meetings", fodsRows(ledger(meetings)), "三会一课台账")),
  };
}

describe("browser preview (dist/preview.html in Chromium)", () => {
  let server: Server;
  let origin: string;
  let browser: Browser;
  let page: Page;
  let messy: Buffer;
  let report: Report;
  const requests: string[] = [];
  const pageErrors: string[] = [];
  let violations: CspViolation[];

  beforeAll(async () => {
    requireDistAndChromium("preview.html");
    messy = readFileSync(await makeXlsx("messy", messyRows()));
    report = await expectedReport([opened(MESSY_NAME, messy), opened(LEGACY_NAME, LEGACY_BYTES)]);
    ({ server, origin } = await serveDist());
    browser = await launchChromium({ acceptDownloads: true });
    page = browser.page;
    page.on("request", (request) => requests.push(request.url()));
    page.on("pageerror", (error) => pageErrors.push(error.message));
    violations = await recordCspViolations(page);
    await page.goto(`${origin}/preview.html`);
  });

  afterAll(async () => {
    await browser?.close();
    await closeServer(server);
  });

  test("the page opens in Chinese without office.js", async () => {
    await page.getByRole("button", { name: "一键校验" }).waitFor();
    expect(await page.title()).toBe("党建考核助手 · 浏览器预览");
    expect(await page.locator("button", { hasText: "打开报送文件" }).isVisible()).toBe(true);
    expect(await page.getByLabel("打开报送文件").getAttribute("accept")).toBe(".xlsx");
    expect(await page.evaluate(() => "Office" in window)).toBe(false);
    await page.screenshot({ path: join(RESULTS, "preview-start.png"), fullPage: true });
  });

  test("validating before opening a file says so in words", async () => {
    await page.getByRole("button", { name: "一键校验" }).click();
    await page.getByText("请先打开报送文件（.xlsx）。").waitFor();
  });

  test("opens a messy submission and an .xls, and shows every finding with its cell and message", async () => {
    await page.getByLabel("打开报送文件").setInputFiles([
      { name: MESSY_NAME, mimeType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", buffer: messy },
      { name: LEGACY_NAME, mimeType: "application/vnd.ms-excel", buffer: LEGACY_BYTES },
    ]);
    await page.getByText(`已打开 2 个文件：${MESSY_NAME}、${LEGACY_NAME}`).waitFor();
    await page.getByRole("button", { name: "一键校验" }).click();
    await page.getByRole("status").getByText(`错误 ${report.summary.errors}`).waitFor();

    const findings = report.files[0].sheets.flatMap((s) => s.findings);
    for (const [rule, cell] of MESSY_EXPECTED) {
      const finding = findings.find((f) => f.rule === rule && f.cell === cell);
      expect(finding).toBeDefined();
      const row = findingButton(page, MESSY_NAME, finding!.sheet, cell).filter({ hasText: finding!.message });
      await row.first().waitFor({ state: "visible" });
      expect(await row.first().innerText()).toContain(cell);
      // Grouped under the rule's name.
      await page.getByText(new RegExp(`^${ruleTitle(rule as RuleId, "zh-CN")}（\\d+）$`)).first().waitFor();
    }
    const status = page.getByRole("status");
    for (const text of [
      `错误 ${report.summary.errors}`,
      `警告 ${report.summary.warnings}`,
      `提示 ${report.summary.infos}`,
      `预警 ${report.summary.flags}`,
    ]) {
      expect(await status.getByText(text).isVisible()).toBe(true);
    }
    // The .xls did not break the run: it is reported in words.
    await page.getByText(ruleMessage("unsupported-file", "default", "zh-CN", { file: LEGACY_NAME })).waitFor();
    await page.screenshot({ path: join(RESULTS, "preview-findings.png"), fullPage: true });
  });

  test("shows the flags with branch, label and detail", async () => {
    const flags = report.files[0].sheets.flatMap((s) => s.flags);
    expect(flags.length).toBeGreaterThan(0);
    const list = page.locator("[data-flag]");
    expect(await list.count()).toBe(flags.length);
    for (const [i, flag] of flags.entries()) {
      const item = list.nth(i);
      const text = await item.innerText();
      expect(text).toContain(flag.branch);
      expect(text).toContain(flag.label);
      if (flag.detail) expect(text).toContain(flag.detail);
      expect(await item.isVisible()).toBe(true);
    }
    await page.getByRole("heading", { name: "预警" }).scrollIntoViewIfNeeded();
    await page.screenshot({ path: join(RESULTS, "preview-flags.png") });
  });

  test("clicking a finding scrolls to it and highlights it", async () => {
    const [, cell] = MESSY_EXPECTED[MESSY_EXPECTED.length - 1];
    const finding = report.files[0].sheets.flatMap((s) => s.findings).find((f) => f.cell === cell)!;
    const row = findingButton(page, MESSY_NAME, finding.sheet, cell).first();
    await row.click();
    expect(await row.getAttribute("aria-current")).toBe("true");
    expect(await row.evaluate((el) => el === document.activeElement)).toBe(true);
    await page.screenshot({ path: join(RESULTS, "preview-selected.png") });
  });

  test("downloads an annotated copy with the 问题清单 sheet", async () => {
    const downloading = page.waitForEvent("download");
    await page.getByRole("button", { name: "下载标注副本" }).click();
    const download = await downloading;
    expect(download.suggestedFilename()).toBe("机关一局报表（标注）.xlsx");
    const saved = join(RESULTS, "preview-annotated.xlsx");
    await download.saveAs(saved);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(saved);
    const sheet = workbook.getWorksheet("问题清单");
    expect(sheet).toBeDefined();
    const findings = report.files[0].sheets.flatMap((s) => s.findings);
    // A header row plus one row per finding.
    expect(sheet!.actualRowCount).toBe(findings.length + 1);
    const original = workbook.getWorksheet("报表")!;
    expect(String(original.getCell("C7").note ?? "")).not.toBe("");
  });

  test("a submission made from a template with whole-column drop-down lists: the same findings as without them, and its copy refused in words", async () => {
    const { plain, template } = await wholeColumnListsSubmission();
    const withoutLists = await expectedReport([opened(MESSY_NAME, plain)]);
    const expected = await expectedReport([opened(TEMPLATE_NAME, template)]);
    expect(expected.files[0].error).toBeUndefined();
    expect(expected.files[0].sheets).toEqual(withoutLists.files[0].sheets);
    await page.getByLabel("打开报送文件").setInputFiles([{ name: TEMPLATE_NAME, mimeType: XLSX, buffer: template }]);
    await page.getByText(`已打开 1 个文件：${TEMPLATE_NAME}`).waitFor();
    await page.getByRole("button", { name: "一键校验" }).click();
    await page.getByRole("status").getByText(`错误 ${expected.summary.errors}`).waitFor();
    const findings = expected.files[0].sheets.flatMap((s) => s.findings);
    expect(findings.length).toBeGreaterThan(0);
    for (const finding of findings) {
      await findingButton(page, TEMPLATE_NAME, finding.sheet, finding.cell).filter({ hasText: finding.message }).first().waitFor({ state: "attached" });
    }
    // exceljs, which writes the copy, would build an object per validated cell: refused with the reason, nothing downloaded.
    let downloads = 0;
    page.on("download", () => downloads++);
    await page.getByRole("button", { name: "下载标注副本" }).click();
    await page.getByText(/^无法生成标注副本：数据验证（下拉列表，如 [A-Z]+3:[A-Z]+1048576）覆盖的单元格超过写标注副本的上限 2097152 个/).waitFor();
    expect(downloads).toBe(0);
  });

  test("a meeting ledger opened alone is named as one, with its gaps", async () => {
    const { ledger } = await ledgerFiles();
    const expected = await expectedReport([opened(LEDGER_NAME, ledger)]);
    const [sheet] = expected.files[0].sheets;
    expect(sheet.kind).toBe("meetings");
    await page.getByLabel("打开报送文件").setInputFiles([{ name: LEDGER_NAME, mimeType: XLSX, buffer: ledger }]);
    await page.getByText(`已打开 1 个文件：${LEDGER_NAME}`).waitFor();
    await page.getByRole("button", { name: "一键校验" }).click();
    await page.getByRole("status").getByText(`预警 ${expected.summary.flags}`).waitFor();
    await page.getByText(`工作表“三会一课台账”（三会一课台账）　填报单位：机关一局　数据行：${sheet.rows}`).waitFor();
    const gaps = sheet.flags.find((f) => f.flag === "missing-meetings")!;
    expect(gaps.detail).toContain("党员大会：第2季度无");
    await page.locator('[data-flag="missing-meetings"]', { hasText: gaps.detail }).waitFor();
  });

  test("a 统计表 and its meeting ledger together: each sheet's kind, the ledger-mismatch at the 统计表 cell, the absent member", async () => {
    const files = await ledgerFiles();
    const expected = await expectedReport([opened(STATS_NAME, files.stats), opened(LEDGER_NAME, files.ledger)]);
    await page.getByLabel("打开报送文件").setInputFiles([
      { name: STATS_NAME, mimeType: XLSX, buffer: files.stats },
      { name: LEDGER_NAME, mimeType: XLSX, buffer: files.ledger },
    ]);
    await page.getByText(`已打开 2 个文件：${STATS_NAME}、${LEDGER_NAME}`).waitFor();
    await page.getByRole("button", { name: "一键校验" }).click();
    await page.getByRole("status").getByText(`错误 ${expected.summary.errors}`).waitFor();

    const [stats, ledger] = expected.files.map((f) => f.sheets[0]);
    expect([stats.kind, ledger.kind]).toEqual(["submission", "meetings"]);
    const caption = (file: string) => page.locator(`[data-file=${JSON.stringify(file)}]`).getByText(/^工作表“/);
    expect(await caption(STATS_NAME).innerText()).toBe(`工作表“报表”（统计表）　填报单位：机关一局　数据行：${stats.rows}`);
    expect(await caption(LEDGER_NAME).innerText()).toBe(`工作表“三会一课台账”（三会一课台账）　填报单位：机关一局　数据行：${ledger.rows}`);

    const mismatch = stats.findings.find((f) => f.rule === "ledger-mismatch")!;
    expect(mismatch.message).toContain("党员大会报表填报 4 次，台账记录 3 次");
    await findingButton(page, STATS_NAME, "报表", mismatch.cell).filter({ hasText: mismatch.message }).waitFor({ state: "visible" });
    await page.getByText(new RegExp(`^${ruleTitle("ledger-mismatch", "zh-CN")}（1）$`)).waitFor();
    const absence = page.locator('[data-flag="long-absence"]');
    expect(await absence.innerText()).toContain("党员：张三");
    // The coverage, as the pane's 预警 shows it: the second quarter's 党员大会 missing, in red.
    const coverage = page.getByRole("table", { name: /（机关一局）/ });
    await coverage.waitFor();
    expect(await coverage.getByTitle("党员大会 第2季度：0 次").innerText()).toBe("0");
    await page.screenshot({ path: join(RESULTS, "preview-ledger.png"), fullPage: true });
  });

  test("shows the view in English when asked", async () => {
    await page.goto(`${origin}/preview.html?lang=en-US`);
    await page.getByLabel("Open submissions").setInputFiles([
      { name: MESSY_NAME, mimeType: "application/octet-stream", buffer: messy },
      { name: LEGACY_NAME, mimeType: "application/octet-stream", buffer: LEGACY_BYTES },
    ]);
    await page.getByText(`2 files open: ${MESSY_NAME}, ${LEGACY_NAME}`).waitFor();
    await page.getByRole("button", { name: "Validate all" }).click();
    await page.getByRole("status").getByText(`Errors ${report.summary.errors}`).waitFor();
    await page.getByText(`${LEGACY_NAME}: .xls, .et and .csv files are not supported`, { exact: false }).waitFor();
    await page.screenshot({ path: join(RESULTS, "preview-english.png"), fullPage: true });
  });

  test("made no request beyond 127.0.0.1, broke no rule of its Content-Security-Policy and threw no error", () => {
    expect(requests.length).toBeGreaterThan(0);
    expect(outsideRequests(requests, origin)).toEqual([]);
    expect(requests.some((url) => /office\.js/i.test(url))).toBe(false);
    expect(violations).toEqual([]);
    expect(pageErrors).toEqual([]);
  });
});

describe("bundles", () => {
  // exceljs is found by a path only a workbook reader writes; the detector is checked on preview.js.
  const EXCELJS = "xl/workbook.xml";

  test("exceljs is in the preview bundle only: not in the custom functions' or the task pane's", () => {
    const read = (file: string) => readFileSync(join(DIST, file), "utf8");
    expect(read("preview.js")).toContain(EXCELJS);
    expect(read("functions.js")).not.toContain(EXCELJS);
    expect(read("taskpane.js")).not.toContain(EXCELJS);
  });

  test("preview.html loads its own bundle and no office.js", () => {
    const html = readFileSync(join(DIST, "preview.html"), "utf8");
    const scripts = [...html.matchAll(/<script[^>]*\ssrc=["']?([^"'\s>]+)/g)].map((m) => m[1]);
    expect(scripts).toEqual(["preview.js"]);
    expect(html).not.toMatch(/office\.js|https?:\/\//);
  });
});
