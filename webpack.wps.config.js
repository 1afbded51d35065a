/**
 * Builds the WPS 表格 add-in into dist-wps/ (PRODUCT.md §10), a folder an IT department publishes
 * as it is on an intranet server:
 * - ribbon.xml: the 党建考核 group; index.html + addin.js: the add-in's page, defining the ribbon's
 *   callbacks and registering the DJ functions; taskpane.html + pane.js: the task pane;
 *   images/: the buttons' icons;
 * - jsplugins.xml (在线 mode: oem.ini's JSPluginsServer points at it; it names ADDIN_URL) and
 *   publish.xml (离线 mode: it goes in each user's jsaddons folder beside a copy of the folder).
 *
 * `ADDIN_URL=http://host/path/ npm run build:wps` sets where the folder is served; without it,
 * http://127.0.0.1:3889/, the port of WPS's own development server (wpsjs debug).
 *
 * The DJ functions come from the same source and the same metadata as Excel's: the JSDoc of
 * src/functions/functions.ts (custom-functions-metadata) with the Chinese names of
 * src/functions/zh-CN-names.json, turned into the table WPS registers (scripts/wps-functions.js).
 */
const path = require("path");
const webpack = require("webpack");
const CopyWebpackPlugin = require("copy-webpack-plugin");
const CustomFunctionsMetadataPlugin = require("custom-functions-metadata-plugin");
const HtmlWebpackPlugin = require("html-webpack-plugin");
const { CONTENT_SECURITY_POLICY, packagesRule, typescriptRule } = require("./scripts/webpack-common");
const { wpsFunctionTable } = require("./scripts/wps-functions");
const { jspluginsXml, publishXml, wpsAddinUrl } = require("./scripts/wps-publish");
const { version } = require("./package.json");

/**
 * WPS's embedded Chromium is not documented and is older on 信创 builds: our code and the packages' are lowered to
 * ES2018 (Chromium 64 and later: the engine's regular expressions need its Unicode property escapes), and a test parses every script of dist-wps at that level.
 */
const TARGET = "es2018";

/** Emits the two XML files that tell WPS where the add-in is. */
class PublishFilesPlugin {
  constructor(url) {
    this.url = url;
  }

  apply(compiler) {
    const { Compilation, sources } = compiler.webpack;
    compiler.hooks.thisCompilation.tap("PublishFilesPlugin", (compilation) => {
      compilation.hooks.processAssets.tap({ name: "PublishFilesPlugin", stage: Compilation.PROCESS_ASSETS_STAGE_ADDITIONAL }, () => {
        compilation.emitAsset("jsplugins.xml", new sources.RawSource(jspluginsXml(this.url, version)));
        compilation.emitAsset("publish.xml", new sources.RawSource(publishXml(version)));
      });
    });
  }
}

module.exports = async (env, argv) => {
  const production = argv.mode === "production";
  const url = wpsAddinUrl(process.env.ADDIN_URL);
  const functions = await wpsFunctionTable();

  return {
    entry: {
      addin: "./src/wps/addin.ts",
      pane: "./src/wps/pane.tsx",
    },
    output: {
      path: path.resolve(__dirname, "dist-wps"),
      filename: "[name].js",
      clean: true,
    },
    target: ["web", TARGET],
    devtool: production ? false : "source-map",
    resolve: { extensions: [".ts", ".tsx", ".js"] },
    module: { rules: [typescriptRule(TARGET), packagesRule(TARGET)] },
    plugins: [
      new webpack.DefinePlugin({ __DJ_FUNCTIONS__: JSON.stringify(functions) }),
      // Appends CustomFunctions.associate calls to functions.ts, as in the Excel build; the
      // add-in page's shim receives them.
      new CustomFunctionsMetadataPlugin({ input: "./src/functions/functions.ts", output: "functions.json" }),
      new HtmlWebpackPlugin({
        filename: "index.html",
        template: "./src/wps/index.html",
        chunks: ["addin"],
        templateParameters: { contentSecurityPolicy: CONTENT_SECURITY_POLICY },
      }),
      new HtmlWebpackPlugin({
        filename: "taskpane.html",
        template: "./src/wps/taskpane.html",
        chunks: ["pane"],
        templateParameters: { contentSecurityPolicy: CONTENT_SECURITY_POLICY },
      }),
      new CopyWebpackPlugin({
        patterns: [
          { from: "src/wps/ribbon.xml", to: "ribbon.xml" },
          { from: "assets/icon-32.png", to: "images/validate.png" },
          { from: "assets/pane-32.png", to: "images/pane.png" },
        ],
      }),
      new PublishFilesPlugin(url),
    ],
    performance: { hints: false },
  };
};
