/**
 * dist-wps/ as built: every script parses as ES2018 (WPS's embedded Chromium is old on 信创 builds:
 * nothing newer may reach it, from our code or from a package), the pages load only their own
 * scripts under the same Content-Security-Policy as Excel's, and ribbon.xml's words are ours.
 */
import { readdirSync } from "node:fs";
import { parse } from "acorn";
import { wpsZhCN } from "../../src/i18n/wps.zh-CN";
import { DIST_WPS, readDistWps } from "./distWps";

const { CONTENT_SECURITY_POLICY } = require("../../scripts/webpack-common.js") as { CONTENT_SECURITY_POLICY: string };

const scripts = readdirSync(DIST_WPS).filter((file) => file.endsWith(".js"));

test("the build has the add-in's page, the pane and the lazily loaded parts", () => {
  expect(scripts).toEqual(expect.arrayContaining(["addin.js", "pane.js"]));
  expect(scripts.length).toBeGreaterThan(2);
});

test.each(scripts)("%s parses as ES2018", (file) => {
  expect(() => parse(readDistWps(file), { ecmaVersion: 2018, sourceType: "script" })).not.toThrow();
});

test.each(["index.html", "taskpane.html"])("%s loads only its own scripts, under the pages' policy", (page) => {
  const html = readDistWps(page);
  expect(html).toContain(`content="${CONTENT_SECURITY_POLICY}"`);
  // The build minifies the pages: attribute values may come without quotes.
  const sources = [...html.matchAll(/<script[^>]*\ssrc=("?)([^"\s>]+)\1/g)].map((m) => m[2]);
  expect(sources.length).toBeGreaterThan(0);
  for (const source of sources) expect(source).not.toMatch(/^(https?:)?\/\//);
});

test("ribbon.xml's labels and tips are the wps.ribbon strings", () => {
  const xml = readDistWps("ribbon.xml");
  const attribute = (id: string, name: string) => new RegExp(`id="${id}"[^>]*\\s${name}="([^"]*)"`).exec(xml)?.[1];
  expect(attribute("djAssessTab", "label")).toBe(wpsZhCN["wps.ribbon.tab"]);
  expect(attribute("djAssessGroup", "label")).toBe(wpsZhCN["wps.ribbon.group"]);
  expect(attribute("djValidate", "label")).toBe(wpsZhCN["wps.ribbon.validate"]);
  expect(attribute("djValidate", "supertip")).toBe(wpsZhCN["wps.ribbon.validateTip"]);
  expect(attribute("djOpenPane", "label")).toBe(wpsZhCN["wps.ribbon.openPane"]);
  expect(attribute("djOpenPane", "supertip")).toBe(wpsZhCN["wps.ribbon.openPaneTip"]);
});
