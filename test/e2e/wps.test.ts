/**
 * The WPS add-in as WPS runs it, without WPS: dist-wps/ served from 127.0.0.1 and opened in
 * Debian's Chromium, with the fake ET model (test/wps/fakeEt.ts) injected before any script as
 * WPS injects window.Application and window.wps, holding a LibreOffice-made messy submission.
 *
 * - index.html (the add-in's page) defines every callback ribbon.xml names and registers every DJ
 *   function with wps.AddCustomFunction;
 * - the ribbon's 一键校验 marks every problem at its cell with its message, changes no value, and
 *   opens the pane with Application.CreateTaskPane; the pane (a page of its own, handed the same
 *   Application as WPS would) shows the findings; 打开助手 shows that same pane again;
 * - the pane's 清除标记 leaves the workbook exactly as it was;
 * - nothing leaves 127.0.0.1 and no script fails.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import ts from "typescript";
import type { BrowserContext, Page } from "playwright-core";
import { kindText, validateWorkbooks } from "../../src/engine";
import { readWorkbook } from "../../src/files/read";
import { locatedFindings } from "../../src/host/host";
import { planMarks, SIGNATURE } from "../../src/host/marks";
import { paneText } from "../../src/i18n/pane";
import { ROOT } from "../addin/dist";
import { makeXlsx, messyRows, MESSY_EXPECTED } from "../cli/fixtures";
import type { FakeBookData, FakeEt, FakeFormatConditionData, FakeOptions, FakeTaskPaneData } from "../wps/fakeEt";
import { DIST_WPS, readDistWps } from "../wps/distWps";
import { fakeBookFromXlsx } from "../wps/fromXlsx";
import { closeServer, launchChromium, outsideRequests, RESULTS, serveDist, type Browser } from "./support";
import type { Server } from "node:http";

const t = paneText("zh-CN");
const SHEET = "报表";

declare global {
  interface Window {
    __fake?: FakeEt;
    ribbon?: { OnAction(control: { Id: string }): void };
  }
}

/**
 * The script injected into every page before its own: the fake model made once, in the add-in's
 * page, and handed to the pane's page (opened from it) as WPS hands both the same Application.
 * CreateTaskPane also opens its URL, so the pane is a real page of its own.
 */
function injection(data: FakeBookData, options: FakeOptions = {}): string {
  const source = readFileSync(join(ROOT, "test", "wps", "fakeEt.ts"), "utf8");
  const { outputText } = ts.transpileModule(source, { compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2017 } });
  return `(() => {
    if (window.opener && window.opener.__fake) {
      window.__fake = window.opener.__fake;
      window.__fake.install(window);
      return;
    }
    const exports = {};
    const module = { exports };
    ${outputText}
    const fake = exports.createFakeEt(${JSON.stringify(data)}, ${JSON.stringify(options)});
    const create = fake.root.CreateTaskPane.bind(fake.root);
    fake.root.CreateTaskPane = (url, title) => {
      const pane = create(url, title);
      window.open(url);
      return pane;
    };
    window.__fake = fake;
    fake.install(window);
  })();`;
}

/** Each sheet's values and formulas: what was submitted (a snapshot also lists empty cells given a comment). */
function valuesOf(book: FakeBookData): unknown[] {
  return book.sheets.map((s) => s.cells.filter((c) => c.value !== "" || c.formula).map((c) => [c.address, c.value, c.formula ?? null]));
}

/** Names of the callbacks ribbon.xml gives (onLoad="ribbon.OnAddinLoad", onAction=…, getImage=…). */
function ribbonCallbacks(): string[] {
  const xml = readDistWps("ribbon.xml");
  return [...new Set([...xml.matchAll(/\s(?:on[A-Z]\w*|get[A-Z]\w*)="([^"]+)"/g)].map((m) => m[1]))];
}

describe("the WPS add-in in Chromium over a fake ET model", () => {
  let server: Server;
  let origin: string;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let pane: Page;
  let data: FakeBookData;
  /** The workbook as the fake holds it before anything ran. */
  let original: FakeBookData;
  let file: string;
  const requests: string[] = [];
  const errors: string[] = [];

  const watch = (p: Page) => {
    p.on("request", (request) => requests.push(request.url()));
    p.on("pageerror", (error) => errors.push(error.message));
  };
  const fake = <T>(read: (fake: FakeEt) => T): Promise<T> => page.evaluate(`(${read.toString()})(window.__fake)`) as Promise<T>;

  beforeAll(async () => {
    file = await makeXlsx("wps-e2e", messyRows());
    data = await fakeBookFromXlsx(file);
    ({ server, origin } = await serveDist(DIST_WPS));
    browser = await launchChromium();
    ({ context, page } = browser);
    await context.addInitScript(injection(data));
    watch(page);
    await page.goto(`${origin}/index.html`);
    await page.waitForFunction(() => window.ribbon !== undefined);
    original = await fake((f) => f.snapshot());
  });

  afterAll(async () => {
    await browser?.close();
    await closeServer(server);
  });

  test("the add-in's page defines every callback ribbon.xml names", async () => {
    const names = ribbonCallbacks();
    expect(names).toEqual(expect.arrayContaining(["ribbon.OnAddinLoad", "ribbon.OnAction", "ribbon.GetImage"]));
    const kinds = await page.evaluate(
      (list) => list.map((name) => typeof name.split(".").reduce<unknown>((at, key) => (at as Record<string, unknown> | undefined)?.[key], window)),
      names,
    );
    expect(kinds).toEqual(names.map(() => "function"));
    const images = await page.evaluate(() => ["djValidate", "djOpenPane"].map((Id) => (window as unknown as { ribbon: { GetImage(c: { Id: string }): string } }).ribbon.GetImage({ Id })));
    for (const image of images) expect((await fetch(`${origin}/${image}`)).status).toBe(200);
  });

  test("every DJ function is registered with wps.AddCustomFunction and computes as in Excel", async () => {
    const ids = (JSON.parse(readDistWps("functions.json")) as { functions: { id: string }[] }).functions.map((f) => `DJ.${f.id}`);
    const registered = await fake((f) => [...f.customFunctions.keys()]);
    expect(registered.sort()).toEqual(ids.sort());
    const results = await fake((f) => {
      const fn = (id: string) => f.customFunctions.get(id)!.fn;
      return [fn("DJ.COMBINEDSCORE")(80, 90), fn("DJ.FUNDRATE")(3, 0), fn("DJ.LEVEL")([[95], [70], [30]])];
    });
    expect(results).toEqual([85, "#DIV/0!", [["先进"], ["一般"], ["后进"]]]);
  });

  test("一键校验 marks every problem at its cell with its message, changes no value, and opens the pane on the results", async () => {
    const opened = context.waitForEvent("page");
    await page.evaluate(() => window.ribbon!.OnAction({ Id: "djValidate" }));
    pane = await opened;
    watch(pane);

    const findings = locatedFindings(validateWorkbooks([{ file: "wps-e2e.xlsx", grids: await readWorkbook(readFileSync(file)) }], { locale: "zh-CN" }).report);
    const plan = planMarks(findings, "zh-CN").get(SHEET)!;
    for (const [rule, cell] of MESSY_EXPECTED) expect(findings).toContainEqual(expect.objectContaining({ rule, cell }));

    await page.waitForFunction((sheet) => Object.keys(window.__fake!.comments(sheet)).length > 0, SHEET);
    const comments = await fake((f) => f.comments("报表"));
    expect(comments).toEqual(Object.fromEntries([...plan].map(([cell, mark]) => [cell, mark.note])));
    const formats = await fake((f) => f.formatConditions("报表"));
    const covered = (formula: string) => formats.filter((fc: FakeFormatConditionData) => fc.formula1 === formula).flatMap((fc) => fc.address.split(",")).sort();
    expect(covered(SIGNATURE.error)).toEqual([...plan].filter(([, m]) => m.severity === "error").map(([cell]) => cell).sort());
    expect(covered(SIGNATURE.warning)).toEqual([...plan].filter(([, m]) => m.severity === "warning").map(([cell]) => cell).sort());

    const after = await fake((f) => f.snapshot());
    expect(valuesOf(after)).toEqual(valuesOf(original));

    const panes: FakeTaskPaneData[] = await fake((f) => f.taskPanes());
    expect(panes).toHaveLength(1);
    expect(panes[0]).toMatchObject({ visible: true, urls: [`${origin}/taskpane.html`] });
    expect(await fake((f) => f.pluginStorage())).toMatchObject({ [`dj-assess.pane.${await fake((f) => f.root.ActiveWindow!.Hwnd)}`]: String(panes[0].id) });

    // The pane shows what the ribbon found, without validating again.
    await pane.getByText(findings.find((f) => f.cell === "F7")!.message).first().waitFor();
    await pane.screenshot({ path: join(RESULTS, "wps-pane.png"), fullPage: true });
  });

  test("打开助手 shows the same pane rather than a second one", async () => {
    await page.evaluate(() => window.ribbon!.OnAction({ Id: "djOpenPane" }));
    const panes: FakeTaskPaneData[] = await fake((f) => f.taskPanes());
    expect(panes).toHaveLength(1);
    expect(panes[0].visible).toBe(true);
  });

  test("the pane's 清除标记 leaves the workbook exactly as it was", async () => {
    await pane.getByRole("button", { name: t("tabs.validate.clear") }).click();
    await pane.getByText(t("tabs.validate.cleared")).waitFor();
    expect(await fake((f) => f.snapshot())).toEqual(original);
  });

  test("the pane's tabs write their sheets into the WPS workbook and say what WPS does differently", async () => {
    await pane.getByRole("tab", { name: t("tabs.tab.consolidated") }).click();
    await pane.getByText(t("tabs.lacks.tableStyle")).first().waitFor();
    await pane.getByRole("button", { name: t("tabs.consolidated.run") }).click();
    await pane.getByText(/汇总表已写入工作表/).waitFor();

    await pane.getByRole("tab", { name: t("tabs.tab.results") }).click();
    await pane.getByText(t("tabs.lacks.chart")).waitFor();
    await pane.getByRole("button", { name: t("tabs.results.run") }).click();
    await pane.getByText(/考核结果已写入工作表/).waitFor();
    await pane.getByRole("button", { name: t("tabs.results.freeze") }).click();
    await pane.getByText(/已生成只含数值的副本/).waitFor();

    await pane.getByRole("tab", { name: t("tabs.tab.flags") }).click();
    await pane.getByRole("button", { name: t("tabs.flags.run") }).click();
    await pane.getByText(/预警表已写入工作表/).waitFor();

    await pane.getByRole("tab", { name: t("tabs.tab.template") }).click();
    await pane.getByRole("button", { name: t("tabs.template.run", { name: kindText("submission", "zh-CN")("kind.template") }) }).click();
    await pane.getByText(/已插入工作表/).waitFor();

    await pane.getByRole("tab", { name: t("tabs.tab.settings") }).click();
    await pane.getByRole("button", { name: t("tabs.settings.save") }).click();
    await pane.getByText(/参数已保存到工作表/).waitFor();

    const book = await fake((f) => f.snapshot());
    const names = book.sheets.map((sheet) => sheet.name);
    expect(names).toEqual(expect.arrayContaining([SHEET, "汇总", "考核结果", "参数", "预警"]));
    // The template's drop-down lists and prompts, as WPS's Validation.Add takes them.
    const template = book.sheets.find((sheet) => !original.sheets.some((o) => o.name === sheet.name) && (sheet.validations ?? []).length > 0);
    expect(template?.validations?.some((v) => v.type === 3 && (v.formula1 ?? "").includes("一般"))).toBe(true);
    const results = book.sheets.find((sheet) => sheet.name === "考核结果")!;
    const formulas = results.cells.flatMap((cell) => (cell.formula ? [cell.formula] : []));
    // The DJ functions and the table references, written as cell references WPS can read.
    expect(formulas.some((formula) => formula.includes("DJ.COMBINEDSCORE("))).toBe(true);
    expect(formulas.filter((formula) => /\[/.test(formula))).toEqual([]);
    const frozen = book.sheets.find((sheet) => sheet.name.startsWith("考核结果（数值）"))!;
    expect(frozen.cells.filter((cell) => cell.formula && !cell.formula.startsWith("=HYPERLINK"))).toEqual([]);
    // The tabs validated afresh (and marked again), and changed no submitted value.
    expect(valuesOf(book).slice(0, 1)).toEqual(valuesOf(original));
    await pane.screenshot({ path: join(RESULTS, "wps-pane-results.png"), fullPage: true });
  });

  test("nothing left 127.0.0.1 and no script failed", () => {
    expect(outsideRequests(requests, origin)).toEqual([]);
    expect(errors).toEqual([]);
  });
});

describe("the WPS add-in on a WPS without custom functions (before 12.1.0.20540)", () => {
  let server: Server;
  let browser: Browser;

  afterAll(async () => {
    await browser?.close();
    await closeServer(server);
  });

  test("still has its ribbon and pane, and the pane says the DJ functions are unavailable", async () => {
    const data = await fakeBookFromXlsx(await makeXlsx("wps-old", messyRows()));
    let origin: string;
    ({ server, origin } = await serveDist(DIST_WPS));
    browser = await launchChromium();
    const { context, page } = browser;
    const errors: string[] = [];
    page.on("pageerror", (error) => errors.push(error.message));
    await context.addInitScript(injection(data, { customFunctions: false, version: "11.1.0.11664" }));
    await page.goto(`${origin}/index.html`);
    await page.waitForFunction(() => window.ribbon !== undefined);
    expect(await page.evaluate(() => window.__fake!.pluginStorage()["dj-assess.functions"])).toBe(JSON.stringify({ state: "unsupported" }));
    const opened = context.waitForEvent("page");
    await page.evaluate(() => window.ribbon!.OnAction({ Id: "djValidate" }));
    const pane = await opened;
    await pane.getByText(t("tabs.notice.functionsUnsupported")).waitFor();
    expect(Object.keys(await page.evaluate(() => window.__fake!.comments("报表"))).length).toBeGreaterThan(0);
    expect(errors).toEqual([]);
  });
});
