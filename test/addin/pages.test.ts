/**
 * @jest-environment jsdom
 */
/**
 * The built pages as a static server hands them out: taskpane.html (the task pane, ribbon
 * commands and custom functions) and preview.html. Each carries its Content-Security-Policy before
 * any script, loads only files of the build by relative URLs, and office.js is Microsoft's file
 * served from our own dist/, unchanged.
 */
import * as fs from "fs";
import * as path from "path";
import { DIST, readDist, ROOT } from "./dist";

const PAGES = ["taskpane.html", "preview.html"];
const OFFICE_JS = path.join(ROOT, "node_modules", "@microsoft", "office-js", "dist");
const OFFICE_JS_IN_DIST = path.join(DIST, "assets", "office-js");

function parse(page: string): Document {
  return new DOMParser().parseFromString(readDist(page), "text/html");
}

/** The page's one Content-Security-Policy as directive → sources. */
function policyOf(document: Document): Map<string, string[]> {
  const metas = [...document.querySelectorAll("meta")].filter((m) => m.httpEquiv.toLowerCase() === "content-security-policy");
  expect(metas).toHaveLength(1);
  const directives = metas[0].content.split(";").map((d) => d.trim().split(/\s+/)).filter((d) => d[0] !== "");
  const policy = new Map(directives.map(([name, ...sources]) => [name, sources]));
  expect(policy.size).toBe(directives.length);
  return policy;
}

/** Every file under `dir`, as paths relative to it. */
function filesUnder(dir: string): string[] {
  return fs.readdirSync(dir, { recursive: true, encoding: "utf8" }).filter((file) => fs.statSync(path.join(dir, file)).isFile());
}

describe.each(PAGES)("dist/%s", (page) => {
  const document = parse(page);

  test("its Content-Security-Policy comes before any script and lets nothing leave our server", () => {
    const policy = policyOf(document);
    const meta = document.querySelector('meta[http-equiv="Content-Security-Policy"]')!;
    const firstScript = document.querySelector("script")!;
    expect(firstScript).not.toBeNull();
    // A meta policy governs only what the parser meets after it.
    expect(meta.compareDocumentPosition(firstScript) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
    expect(policy.get("default-src")).toEqual(["'self'"]);
    expect(policy.get("script-src")).toEqual(["'self'"]);
    expect(policy.get("connect-src")).toEqual(["'self'"]);
    expect(policy.get("frame-src")).toEqual(["'none'"]);
    expect(policy.get("object-src")).toEqual(["'none'"]);
    // Griffel's run-time <style> elements and office.js's style attributes (webpack.config.js).
    expect(policy.get("style-src")).toEqual(["'self'", "'unsafe-inline'"]);
    // No directive names another origin, a scheme that reaches the network, or a wildcard.
    for (const [name, sources] of policy) {
      for (const source of sources) {
        expect({ name, source, allowed: ["'self'", "'none'", "'unsafe-inline'", "data:"].includes(source) }).toEqual({ name, source, allowed: true });
      }
    }
    expect(policy.get("style-src")).not.toContain("data:");
    expect([...policy.keys()].filter((name) => policy.get(name)!.includes("data:"))).toEqual(["img-src"]);
  });

  test("runs no inline script and loads only files of the build, by relative URLs", () => {
    const scripts = [...document.querySelectorAll("script")];
    expect(scripts.length).toBeGreaterThan(0);
    for (const script of scripts) expect(script.textContent?.trim()).toBe("");
    const urls = [...document.querySelectorAll("[src], [href]")].map((e) => e.getAttribute("src") ?? e.getAttribute("href")!);
    for (const url of urls) {
      // Relative: the pages work wherever dist/ is copied, under any path.
      expect(url).not.toMatch(/^([a-z][a-z0-9+.-]*:|\/)/i);
      expect({ url, exists: fs.existsSync(path.join(DIST, url)) }).toEqual({ url, exists: true });
    }
  });
});

describe("office.js", () => {
  test("the task pane loads it first, from assets/office-js/ of our own server", () => {
    const scripts = [...parse("taskpane.html").querySelectorAll("script")].map((s) => s.getAttribute("src"));
    expect(scripts[0]).toBe("assets/office-js/office.js");
    expect(scripts.slice(1).sort()).toEqual(["commands.js", "functions.js", "taskpane.js"]);
  });

  test("dist/ holds what Excel asks office.js for: its Excel host files, the locale strings, the custom functions runtime", () => {
    for (const file of [
      "office.js",
      "o15apptofilemappingtable.js",
      "excel-web-16.00.js",
      "excel-win32-16.01.js",
      "excel-mac-16.00.js",
      "custom-functions-runtime.js",
      "zh-cn/office_strings.js",
      "en-us/office_strings.js",
    ]) {
      expect({ file, exists: fs.existsSync(path.join(OFFICE_JS_IN_DIST, file)) }).toEqual({ file, exists: true });
    }
  });

  test("every file under assets/office-js/ is Microsoft's, byte for byte: nothing of ours is hidden there", () => {
    const copied = filesUnder(OFFICE_JS_IN_DIST);
    expect(copied.length).toBeGreaterThan(100);
    const changed = copied.filter((file) => {
      const original = path.join(OFFICE_JS, file);
      return !fs.existsSync(original) || !fs.readFileSync(original).equals(fs.readFileSync(path.join(OFFICE_JS_IN_DIST, file)));
    });
    expect(changed).toEqual([]);
  });
});

describe("no telemetry", () => {
  /**
   * Hosts and names of the telemetry SDKs an Office add-in could carry: Application Insights,
   * Microsoft's 1DS/OneCollector and Aria pipelines, office.js's telemetry proxy, and the Office
   * add-in CLI's usage data.
   */
  const TELEMETRY = [
    /applicationinsights/i,
    /instrumentationkey/i,
    /dc\.services\.visualstudio\.com/i,
    /\bonecollector\b/i,
    /\b1ds\b|oneds/i,
    /events\.data\.microsoft\.com/i,
    /aria\.microsoft\.com/i,
    /telemetryservice\.firstpartyapps/i,
    /oaspapps\.com/i,
    /office-addin-usage-data/i,
  ];
  const found = (text: string) => TELEMETRY.filter((pattern) => pattern.test(text)).map(String);

  test("the patterns find the telemetry in Microsoft's own office.js files", () => {
    // Shows the check can fail: these files are served unchanged (the Content-Security-Policy
    // keeps them from sending), and they are exactly what the patterns must catch.
    expect(found(fs.readFileSync(path.join(OFFICE_JS_IN_DIST, "ariatelemetry", "aria-web-telemetry.js"), "utf8"))).not.toEqual([]);
    expect(found(fs.readFileSync(path.join(OFFICE_JS_IN_DIST, "o15apptofilemappingtable.js"), "utf8"))).toContain(String(/oaspapps\.com/i));
  });

  test("none of our bundles, pages or metadata contains any", () => {
    const ours = fs.readdirSync(DIST).filter((file) => /\.(js|html|json|xml)$/.test(file));
    expect(ours).toEqual(expect.arrayContaining(["taskpane.js", "functions.js", "commands.js", "preview.js", ...PAGES]));
    const offending = ours.map((file) => ({ file, found: found(readDist(file)) })).filter((hit) => hit.found.length > 0);
    expect(offending).toEqual([]);
  });

  test("office-addin-usage-data, where the Office tools pull it in, is a version that sends nothing (≥ 2.1)", () => {
    const lock = JSON.parse(fs.readFileSync(path.join(ROOT, "package-lock.json"), "utf8")) as { packages: Record<string, { version?: string }> };
    const versions = Object.entries(lock.packages)
      .filter(([where]) => where.endsWith("node_modules/office-addin-usage-data"))
      .map(([, entry]) => entry.version!);
    for (const version of versions) {
      const [major, minor] = version.split(".").map(Number);
      expect({ version, sendsNothing: major > 2 || (major === 2 && minor >= 1) }).toEqual({ version, sendsNothing: true });
    }
  });
});
