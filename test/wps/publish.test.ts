/**
 * The files that tell WPS where the add-in is (scripts/wps-publish.js), and dist-wps/ as
 * `npm run build:wps` leaves it: what an IT department copies to its server.
 */
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { ROOT } from "../addin/dist";
import { DIST_WPS, readDistWps } from "./distWps";

const { ADDIN_NAME, DEV_URL, jspluginsXml, publishXml, wpsAddinUrl } = require(join(ROOT, "scripts", "wps-publish.js")) as {
  ADDIN_NAME: string;
  DEV_URL: string;
  jspluginsXml(url: string, version: string): string;
  publishXml(version: string): string;
  wpsAddinUrl(value: string | undefined): string;
};

describe("ADDIN_URL for WPS", () => {
  test("takes http and https intranet addresses, with the trailing slash added", () => {
    expect(wpsAddinUrl("http://10.1.2.3/dj-assess")).toBe("http://10.1.2.3/dj-assess/");
    expect(wpsAddinUrl("https://oa.example.gov.cn/addins/dj/")).toBe("https://oa.example.gov.cn/addins/dj/");
  });

  test("is WPS's development server when unset", () => {
    expect(wpsAddinUrl(undefined)).toBe(DEV_URL);
    expect(wpsAddinUrl("")).toBe(DEV_URL);
  });

  test("refuses what is not a web address", () => {
    expect(() => wpsAddinUrl("\\\\server\\share")).toThrow(/ADDIN_URL/);
    expect(() => wpsAddinUrl("ftp://host/")).toThrow(/ADDIN_URL/);
    expect(() => wpsAddinUrl("http://host/a b")).toThrow(/ADDIN_URL/);
  });
});

describe("jsplugins.xml and publish.xml", () => {
  test("jsplugins.xml names the add-in as a WPS 表格 (et) add-in served at the URL, attribute-escaped", () => {
    const xml = jspluginsXml('http://host/a?x=1&y="2"/', "1.2.3");
    expect(xml).toContain(`<jspluginonline name="${ADDIN_NAME}" type="et" url="http://host/a?x=1&amp;y=&quot;2&quot;/" version="1.2.3"/>`);
    expect(xml.startsWith('<?xml version="1.0" encoding="UTF-8"?>\n<jsplugins>')).toBe(true);
  });

  test("publish.xml points at the versioned folder beside it", () => {
    expect(publishXml("0.1.0")).toContain(`<jsplugin name="${ADDIN_NAME}" type="et" url="${ADDIN_NAME}_0.1.0" version="0.1.0"`);
  });

  test("dist-wps holds everything a server needs, the URL in jsplugins.xml", () => {
    for (const file of ["ribbon.xml", "index.html", "addin.js", "taskpane.html", "pane.js", "images/validate.png", "images/pane.png", "jsplugins.xml", "publish.xml"]) {
      expect(existsSync(join(DIST_WPS, file))).toBe(true);
    }
    expect(readDistWps("jsplugins.xml")).toContain(`url="${DEV_URL}"`);
    const { version } = JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8")) as { version: string };
    expect(readDistWps("publish.xml")).toContain(`version="${version}"`);
  });
});
