/**
 * Structure of manifest.xml, offline: `office-addin-manifest validate` needs a Microsoft service
 * and no XSD ships in any package, so we check what breaks sideloading ourselves.
 */
import { execFileSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { DIST, readDist, ROOT } from "./dist";
import { child, childrenNamed, parseXml, path as at, walk, XmlElement } from "./xml";

const { DEV_URL, addinUrl, rewriteManifest } = require("../../scripts/addin-url.js") as {
  DEV_URL: string;
  addinUrl(value: string | undefined): string | undefined;
  rewriteManifest(manifest: string, publicUrl: string): string;
};
const source = fs.readFileSync(path.join(ROOT, "manifest.xml"), "utf8");
const manifest = parseXml(source);
const overrides = child(manifest, "VersionOverrides");
const host = at(overrides, "Hosts", "Host");
const resources = child(overrides, "Resources");

function resourceGroup(name: string): Map<string, XmlElement> {
  return new Map(child(resources, name).children.map((r) => [r.attributes.id, r]));
}
const images = resourceGroup("bt:Images");
const urls = resourceGroup("bt:Urls");
const shortStrings = resourceGroup("bt:ShortStrings");
const longStrings = resourceGroup("bt:LongStrings");

function urlOf(resid: string): string {
  const url = urls.get(resid)?.attributes.DefaultValue;
  if (url === undefined) throw new Error(`no bt:Url ${resid}`);
  return url;
}
function stringOf(resid: string): string {
  const text = (shortStrings.get(resid) ?? longStrings.get(resid))?.attributes.DefaultValue;
  if (text === undefined) throw new Error(`no bt:String ${resid}`);
  return text;
}
const count = (text: string, what: string) => text.split(what).length - 1;
const typeOf = (element: XmlElement) => element.attributes["xsi:type"];
const residOf = (element: XmlElement, ...names: string[]) => at(element, ...names).attributes.resid;

/** Children must appear in this order (the schema's); absent ones are allowed. */
function expectOrder(element: XmlElement, order: string[]): void {
  const names = element.children.map((c) => c.name);
  for (const name of names) expect(order).toContain(name);
  const positions = names.map((name) => order.indexOf(name));
  expect(positions).toEqual([...positions].sort((a, b) => a - b));
  expect(new Set(names).size).toBe(names.length);
}

/** Width and height from a PNG's IHDR chunk, after checking the signature. */
function pngSize(file: string): { width: number; height: number } {
  const bytes = fs.readFileSync(file);
  expect([...bytes.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  expect(bytes.subarray(12, 16).toString("ascii")).toBe("IHDR");
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

describe("manifest.xml", () => {
  test("is well-formed, with elements in the schema's order", () => {
    expectOrder(manifest, [
      "Id", "AlternateId", "Version", "ProviderName", "DefaultLocale", "DisplayName", "Description", "IconUrl",
      "HighResolutionIconUrl", "SupportUrl", "AppDomains", "Hosts", "Requirements", "DefaultSettings", "Permissions",
      "Rule", "DisableEntityHighlighting", "Dictionary", "VersionOverrides",
    ]);
    for (const required of ["Id", "Version", "ProviderName", "DefaultLocale", "DisplayName", "Description", "IconUrl", "Hosts", "DefaultSettings", "Permissions"]) {
      expect(childrenNamed(manifest, required)).toHaveLength(1);
    }
    expectOrder(overrides, ["Description", "Requirements", "Hosts", "Resources"]);
    expectOrder(host, ["Runtimes", "AllFormFactors", "DesktopFormFactor", "MobileFormFactor"]);
    expectOrder(child(host, "DesktopFormFactor"), ["GetStarted", "FunctionFile", "ExtensionPoint"]);
    expectOrder(resources, ["bt:Images", "bt:Urls", "bt:ShortStrings", "bt:LongStrings"]);
  });

  test("is an Excel task pane add-in in Chinese with an English override", () => {
    expect(manifest.name).toBe("OfficeApp");
    expect(typeOf(manifest)).toBe("TaskPaneApp");
    expect(child(manifest, "Id").text).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i);
    expect(child(manifest, "Version").text).toMatch(/^\d+\.\d+\.\d+\.\d+$/);
    expect(child(manifest, "DefaultLocale").text).toBe("zh-CN");
    const displayName = child(manifest, "DisplayName");
    expect(displayName.attributes.DefaultValue).toBe("党建考核助手");
    expect(child(displayName, "Override").attributes).toEqual({ Locale: "en-US", Value: expect.stringMatching(/\w/) });
    expect(child(child(manifest, "Description"), "Override").attributes.Locale).toBe("en-US");
    expect(at(manifest, "Hosts", "Host").attributes.Name).toBe("Workbook");
    expect(typeOf(host)).toBe("Workbook");
    expect(child(manifest, "Permissions").text).toBe("ReadWriteDocument");
  });

  test("every resid resolves to a resource of the right kind; ids are unique and at most 32 characters", () => {
    const kinds: Record<string, Map<string, XmlElement>[]> = {
      "bt:Image": [images],
      SourceLocation: [urls],
      Runtime: [urls],
      FunctionFile: [urls],
      LearnMoreUrl: [urls],
      Label: [shortStrings],
      Title: [shortStrings],
      Namespace: [shortStrings],
      Description: [longStrings],
    };
    const referenced = walk(manifest).filter((e) => "resid" in e.attributes);
    expect(referenced.length).toBeGreaterThan(10);
    for (const element of referenced) {
      const resid = element.attributes.resid;
      expect(resid.length).toBeLessThanOrEqual(32);
      expect(kinds[element.name]).toBeDefined();
      expect({ [element.name]: resid, found: kinds[element.name].some((group) => group.has(resid)) }).toEqual({ [element.name]: resid, found: true });
    }
    const ids = [images, urls, shortStrings, longStrings].flatMap((group) => [...group.keys()]);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(id.length).toBeLessThanOrEqual(32);
    // An unused resource is a sign of a typo in a resid.
    expect(ids.filter((id) => !referenced.some((e) => e.attributes.resid === id))).toEqual([]);
  });

  test("strings fit the schema's limits (125 short, 250 long), overrides included", () => {
    for (const [group, limit] of [[shortStrings, 125], [longStrings, 250]] as const) {
      for (const resource of group.values()) {
        const texts = [resource.attributes.DefaultValue, ...childrenNamed(resource, "bt:Override").map((o) => o.attributes.Value)];
        for (const text of texts) expect(text.length).toBeLessThanOrEqual(limit);
      }
    }
  });

  test("task pane, ribbon commands and custom functions share one runtime", () => {
    const set = at(manifest, "Requirements", "Sets", "Set");
    expect(set.attributes).toEqual({ Name: "SharedRuntime", MinVersion: "1.1" });
    const runtime = at(host, "Runtimes", "Runtime");
    expect(runtime.attributes.lifetime).toBe("long");
    const page = runtime.attributes.resid;
    const customFunctions = at(host, "AllFormFactors", "ExtensionPoint");
    expect(residOf(customFunctions, "Page", "SourceLocation")).toBe(page);
    expect(residOf(host, "DesktopFormFactor", "FunctionFile")).toBe(page);
    const showTaskpane = walk(host).filter((e) => e.name === "Action" && typeOf(e) === "ShowTaskpane");
    expect(showTaskpane.map((action) => residOf(action, "SourceLocation"))).toEqual([page]);
    expect(urlOf(page)).toBe(`${DEV_URL}taskpane.html`);
    expect(at(manifest, "DefaultSettings", "SourceLocation").attributes.DefaultValue).toBe(urlOf(page));
  });

  test("declares the DJ custom functions with Chinese metadata for zh-CN", () => {
    const point = at(host, "AllFormFactors", "ExtensionPoint");
    expect(typeOf(point)).toBe("CustomFunctions");
    expect(urlOf(residOf(point, "Script", "SourceLocation"))).toBe(`${DEV_URL}functions.js`);
    const metadata = urls.get(residOf(point, "Metadata", "SourceLocation"))!;
    expect(metadata.attributes.DefaultValue).toBe(`${DEV_URL}functions.json`);
    expect(child(metadata, "bt:Override").attributes).toEqual({ Locale: "zh-CN", Value: `${DEV_URL}functions.zh-CN.json` });
    expect(stringOf(child(point, "Namespace").attributes.resid)).toBe("DJ");
  });

  test("the Home tab has a 党建考核 group with 一键校验 and 打开助手", () => {
    const surface = at(host, "DesktopFormFactor", "ExtensionPoint");
    expect(typeOf(surface)).toBe("PrimaryCommandSurface");
    const tab = child(surface, "OfficeTab");
    expect(tab.attributes.id).toBe("TabHome");
    const group = child(tab, "Group");
    expect(stringOf(residOf(group, "Label"))).toBe("党建考核");
    const controls = childrenNamed(group, "Control").map((control) => {
      const action = child(control, "Action");
      return {
        type: typeOf(control),
        label: stringOf(residOf(control, "Label")),
        action: typeOf(action),
        functionName: childrenNamed(action, "FunctionName")[0]?.text,
      };
    });
    expect(controls).toEqual([
      { type: "Button", label: "一键校验", action: "ExecuteFunction", functionName: "validateAll" },
      { type: "Button", label: "打开助手", action: "ShowTaskpane", functionName: undefined },
    ]);
    const ids = walk(host).filter((e) => e.name === "Control" || e.name === "Group").map((e) => e.attributes.id);
    expect(new Set(ids).size).toBe(ids.length);
  });

  test("uses https URLs only", () => {
    const values = walk(manifest).flatMap((e) => [...Object.values(e.attributes), e.text.trim()]);
    const links = values.filter((value) => value.includes("://") && !value.startsWith("http://schemas.microsoft.com/") && value !== "http://www.w3.org/2001/XMLSchema-instance");
    expect(links.length).toBeGreaterThan(5);
    for (const link of links) expect(link).toMatch(/^https:\/\/[^\s"<>]+$/);
  });

  test("icons are PNG files in assets/ of the size they are declared at", () => {
    const declared: [string, number][] = [
      [child(manifest, "IconUrl").attributes.DefaultValue, 32],
      [child(manifest, "HighResolutionIconUrl").attributes.DefaultValue, 64],
    ];
    for (const icon of walk(host).filter((e) => e.name === "Icon")) {
      const sizes = childrenNamed(icon, "bt:Image").map((image) => {
        declared.push([images.get(image.attributes.resid)!.attributes.DefaultValue, Number(image.attributes.size)]);
        return Number(image.attributes.size);
      });
      expect(sizes).toEqual([16, 32, 80]);
    }
    for (const [url, size] of declared) {
      expect(url.startsWith(`${DEV_URL}assets/`)).toBe(true);
      expect(pngSize(path.join(ROOT, url.slice(DEV_URL.length)))).toEqual({ width: size, height: size });
    }
  });
});

describe("built manifest", () => {
  test("every URL in dist/manifest.xml names a file of the build", () => {
    const built = parseXml(readDist("manifest.xml"));
    const links = walk(built).flatMap((e) => Object.values(e.attributes)).filter((v) => v.startsWith("https://"));
    const taskpane = links.find((link) => link.endsWith("/taskpane.html"))!;
    const base = taskpane.slice(0, -"taskpane.html".length);
    for (const link of links) {
      expect(link.startsWith(base)).toBe(true);
      expect({ link, exists: fs.existsSync(path.join(DIST, link.slice(base.length))) }).toEqual({ link, exists: true });
    }
  });

  test("the ribbon's FunctionName is what commands.js registers", () => {
    expect(readDist("commands.js")).toContain('associate("validateAll"');
  });

  test("the ADDIN_URL rewrite replaces every development URL, with or without a trailing slash", () => {
    for (const given of ["https://example.org/dj/", "https://example.org/dj", "https://dj.example.org"]) {
      const base = given.endsWith("/") ? given : `${given}/`;
      const built = rewriteManifest(source, addinUrl(given)!);
      expect(built).not.toMatch(/localhost/i);
      expect(count(built, base)).toBe(count(source, DEV_URL));
      expect(built.replaceAll(base, DEV_URL)).toBe(source);
    }
    expect(addinUrl(undefined)).toBeUndefined();
    expect(addinUrl("")).toBeUndefined();
  });

  test("ADDIN_URL must be an https URL", () => {
    for (const wrong of ["http://example.org/dj/", "example.org/dj", "https://", "file:///srv/dj/"]) {
      expect(() => addinUrl(wrong)).toThrow(/https/);
    }
    const saved = process.env.ADDIN_URL;
    process.env.ADDIN_URL = "http://example.org/dj/";
    try {
      const makeConfig = require(path.join(ROOT, "webpack.config.js"));
      expect(() => makeConfig({}, { mode: "production" })).toThrow(/https/);
    } finally {
      if (saved === undefined) delete process.env.ADDIN_URL;
      else process.env.ADDIN_URL = saved;
    }
  });

  test("a production build with an ADDIN_URL without trailing slash leaves localhost nowhere: manifest, pages or our bundles", () => {
    const out = fs.mkdtempSync(path.join(os.tmpdir(), "dj-addin-url-"));
    try {
      execFileSync(process.execPath, [require.resolve("webpack-cli/bin/cli.js"), "--mode", "production", "--output-path", out], {
        cwd: ROOT,
        env: { ...process.env, ADDIN_URL: "https://example.org/dj" },
        stdio: "pipe",
        timeout: 900_000,
      });
      const built = fs.readFileSync(path.join(out, "manifest.xml"), "utf8");
      parseXml(built);
      expect(count(source, DEV_URL)).toBeGreaterThan(5);
      expect(count(built, "https://example.org/dj/")).toBe(count(source, DEV_URL));
      // Everything we wrote ourselves; assets/office-js/ is Microsoft's office.js, copied unchanged
      // (its host files mention localhost for Microsoft's own debugging).
      const ours = fs.readdirSync(out).filter((file) => /\.(xml|html|js|json)$/.test(file));
      expect(ours).toEqual(expect.arrayContaining(["manifest.xml", "taskpane.html", "preview.html", "taskpane.js", "functions.js", "functions.json", "functions.zh-CN.json"]));
      const withLocalhost = ours.filter((file) => /localhost/i.test(fs.readFileSync(path.join(out, file), "utf8")));
      expect(withLocalhost).toEqual([]);
    } finally {
      fs.rmSync(out, { recursive: true, force: true });
    }
  }, 300_000);

  test("asks only for ReadWriteDocument and trusts no other domain", () => {
    const built = parseXml(readDist("manifest.xml"));
    expect(childrenNamed(built, "Permissions").map((p) => p.text)).toEqual(["ReadWriteDocument"]);
    expect(walk(built).filter((e) => e.name === "Permissions")).toHaveLength(1);
    expect(walk(built).filter((e) => e.name === "AppDomains" || e.name === "AppDomain")).toEqual([]);
  });
});
