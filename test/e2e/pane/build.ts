/**
 * Builds the pane harness (harness.tsx) into a temporary folder with webpack, the way the real
 * pane is built, plus a page with the real pane's Content-Security-Policy.
 */
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import webpack, { type Configuration } from "webpack";
import { DIST, ROOT } from "../../addin/dist";

/** The add-in's own webpack configuration, whose loaders and resolution the harness is built with. */
const addinConfig = require(join(ROOT, "webpack.config.js")) as (env: unknown, argv: { mode: string }) => Configuration;

/** The policy the built taskpane.html carries, so the harness runs under the same rules. */
function panePolicy(): string {
  const html = readFileSync(join(DIST, "taskpane.html"), "utf8");
  const match = /http-equiv="?Content-Security-Policy"? content="([^"]+)"/.exec(html);
  if (!match) throw new Error("dist/taskpane.html has no Content-Security-Policy: run `npm run build` first");
  return match[1];
}

export async function buildHarness(): Promise<string> {
  const out = mkdtempSync(join(tmpdir(), "dj-assess-pane-"));
  const { module, resolve } = addinConfig({}, { mode: "development" });
  const compiler = webpack({
    mode: "development",
    devtool: false,
    entry: join(__dirname, "harness.tsx"),
    output: { path: out, filename: "harness.js" },
    resolve,
    module,
  });
  await new Promise<void>((ok, fail) =>
    compiler.run((error, stats) =>
      compiler.close((closeError) => {
        if (error ?? closeError) fail(error ?? closeError);
        else if (stats?.hasErrors()) fail(new Error(stats.toString("errors-only")));
        else ok();
      }),
    ),
  );
  writeFileSync(
    join(out, "index.html"),
    `<!doctype html><html lang="zh-CN"><head><meta charset="UTF-8" />` +
      `<meta http-equiv="Content-Security-Policy" content="${panePolicy()}" />` +
      `<title>党建考核助手</title></head><body><div id="root"></div><script src="harness.js"></script></body></html>`,
  );
  return out;
}
