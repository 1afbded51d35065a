/**
 * Builds the add-in into dist/: taskpane.html (the shared runtime page: task pane, ribbon
 * commands and custom functions), functions.js (self-contained), functions.json and
 * functions.zh-CN.json, the manifest, icons, a copy of office.js for offline use, and
 * preview.html (the browser preview on opened .xlsx files, with exceljs and without office.js).
 *
 * `webpack --mode production` with ADDIN_URL=https://host/path/ writes a manifest pointing there.
 * `--env functionsOnly` builds functions.js and its metadata alone, into the dist/ there is
 * (`npm run test:unit`: the functions' tests load the built bundle the way Excel binds it).
 */
const path = require("path");
const CopyWebpackPlugin = require("copy-webpack-plugin");
const CustomFunctionsMetadataPlugin = require("custom-functions-metadata-plugin");
const HtmlWebpackPlugin = require("html-webpack-plugin");
const { addinUrl, rewriteManifest } = require("./scripts/addin-url");
const { ZhCnMetadataPlugin } = require("./scripts/zh-cn-metadata");
const { CONTENT_SECURITY_POLICY, typescriptRule } = require("./scripts/webpack-common");

const OFFICE_JS = path.join(path.dirname(require.resolve("@microsoft/office-js/package.json")), "dist");

/** The pages, the manifest, the icons and office.js: everything but functions.js and its metadata. */
function pagePlugins(publicUrl) {
  return [
    new HtmlWebpackPlugin({
      filename: "taskpane.html",
      template: "./src/taskpane/taskpane.html",
      // One page is the runtime of the pane, the ribbon commands and the custom functions.
      chunks: ["taskpane", "functions", "commands"],
      templateParameters: { contentSecurityPolicy: CONTENT_SECURITY_POLICY },
    }),
    new HtmlWebpackPlugin({
      filename: "preview.html",
      template: "./src/preview/preview.html",
      chunks: ["preview"],
      templateParameters: { contentSecurityPolicy: CONTENT_SECURITY_POLICY },
    }),
    new CopyWebpackPlugin({
      patterns: [
        // Named explicitly: a root-level glob makes `webpack --watch` rebuild forever.
        {
          from: "manifest.xml",
          to: "manifest.xml",
          transform: publicUrl ? (content) => rewriteManifest(content.toString(), publicUrl) : undefined,
        },
        { from: "assets", to: "assets" },
        // office.js loads its host and locale files next to itself: copy those Excel can ask for.
        {
          from: "**/*.js",
          context: OFFICE_JS,
          to: "assets/office-js/",
          // Already minified by Microsoft; without this, terser spends a minute on 13 MB.
          info: { minimized: true },
          globOptions: {
            ignore: [
              "**/*.debug.js",
              "**/*vsdoc.js",
              "**/outlook*.js",
              "**/word*.js",
              "**/powerpoint*.js",
              "**/onenote*.js",
              "**/project*.js",
              "**/access*.js",
              "**/html2canvas.js",
              "**/agaveerrorux/**",
            ],
          },
        },
      ],
    }),
  ];
}

module.exports = (env = {}, argv) => {
  const production = argv.mode === "production";
  const functionsOnly = Boolean(env.functionsOnly);
  const publicUrl = production ? addinUrl(process.env.ADDIN_URL) : undefined;

  return {
    entry: functionsOnly
      ? { functions: "./src/functions/functions.ts" }
      : {
          taskpane: "./src/taskpane/index.tsx",
          functions: "./src/functions/functions.ts",
          commands: "./src/commands/commands.ts",
          // The browser preview: the 校验 view on opened files, with exceljs; no office.js.
          preview: "./src/preview/index.tsx",
        },
    output: {
      path: path.resolve(__dirname, "dist"),
      filename: "[name].js",
      clean: !functionsOnly,
    },
    devtool: production ? false : "source-map",
    resolve: { extensions: [".ts", ".tsx", ".js"] },
    module: {
      rules: [typescriptRule()],
    },
    plugins: [
      new CustomFunctionsMetadataPlugin({ input: "./src/functions/functions.ts", output: "functions.json" }),
      new ZhCnMetadataPlugin(),
      ...(functionsOnly ? [] : pagePlugins(publicUrl)),
    ],
    performance: {
      hints: production ? "warning" : false,
      // Budget our own bundles; office.js files are copied, not bundled, and loaded on demand.
      assetFilter: (file) => /^(taskpane|functions|commands)\.js$/.test(file),
      maxAssetSize: 512 * 1024,
      maxEntrypointSize: 512 * 1024,
    },
    devServer: {
      port: 3000,
      host: "localhost",
      // Excel on the web fetches functions.json from its own origin.
      headers: { "Access-Control-Allow-Origin": "*" },
      static: false,
      hot: false,
    },
  };
};
