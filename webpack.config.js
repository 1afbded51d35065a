/**
 * Builds the add-in into dist/: taskpane.html (the shared runtime page: task pane, ribbon
 * commands and custom functions), functions.js (self-contained), functions.json and
 * functions.zh-CN.json, the manifest, icons, a copy of office.js for offline use, and
 * preview.html (the browser preview on opened .xlsx files, with exceljs and without office.js).
 *
 * `webpack --mode production` with ADDIN_URL=https://host/path/ writes a manifest pointing there.
 */
const path = require("path");
const CopyWebpackPlugin = require("copy-webpack-plugin");
const CustomFunctionsMetadataPlugin = require("custom-functions-metadata-plugin");
const HtmlWebpackPlugin = require("html-webpack-plugin");
const { addinUrl, rewriteManifest } = require("./scripts/addin-url");
const { ZhCnMetadataPlugin } = require("./scripts/zh-cn-metadata");

const OFFICE_JS = path.join(path.dirname(require.resolve("@microsoft/office-js/package.json")), "dist");

/**
 * The Content-Security-Policy of taskpane.html and preview.html (a meta element in each template,
 * before any script). The pages talk to nothing but their own server; Excel reaches the add-in
 * through office.js's messaging, which no fetch directive governs.
 * - script-src 'self': office.js and the host files it loads (excel-*.js, locale strings,
 *   custom-functions-runtime.js) are served from assets/office-js/ on our own server and loaded by
 *   script elements with a src; none of them needs eval or inline script.
 * - connect-src, img-src, font-src 'self' (and data: images, which never leave the page): nothing
 *   is sent anywhere. This is also what silences the telemetry built into office.js (its Aria and
 *   OTel endpoints).
 * - frame-src 'none': the pages show no frames. The one frame office.js opens is its telemetry
 *   proxy on https://telemetryservice.firstpartyapps.oaspapps.com/, refused on purpose.
 * - style-src 'unsafe-inline': Fluent UI's Griffel inserts <style> elements at run time, and
 *   office.js (excel-web-16.00.js) writes inline style attributes. Griffel can put a nonce on its
 *   elements (createDOMRenderer's styleElementAttributes), but a nonce must be new in every
 *   response, and these pages are static files on any static server; a nonce would also switch
 *   'unsafe-inline' off for office.js's style attributes. Styles cannot send anything out while
 *   img-src, font-src and connect-src stay 'self'.
 * - frame-ancestors has no effect in a meta element; Excel on the web frames the task pane.
 */
const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "frame-src 'none'",
  "worker-src 'none'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'none'",
].join("; ");

module.exports = (env, argv) => {
  const production = argv.mode === "production";
  const publicUrl = production ? addinUrl(process.env.ADDIN_URL) : undefined;

  return {
    entry: {
      taskpane: "./src/taskpane/index.tsx",
      functions: "./src/functions/functions.ts",
      commands: "./src/commands/commands.ts",
      // The browser preview: the 校验 view on opened files, with exceljs; no office.js.
      preview: "./src/preview/index.tsx",
    },
    output: {
      path: path.resolve(__dirname, "dist"),
      filename: "[name].js",
      clean: true,
    },
    devtool: production ? false : "source-map",
    resolve: { extensions: [".ts", ".tsx", ".js"] },
    module: {
      rules: [
        {
          test: /\.tsx?$/,
          exclude: /node_modules/,
          loader: "ts-loader",
          options: {
            // ES modules let webpack tree-shake Fluent UI and its icons: with CommonJS the
            // task pane bundle is 60 times larger (TOOLCHAIN.md).
            compilerOptions: { module: "esnext", moduleResolution: "bundler" },
            // Type errors in files outside the bundles (tests, the CLI) are `npm run typecheck`'s job.
            onlyCompileBundledFiles: true,
          },
        },
      ],
    },
    plugins: [
      new CustomFunctionsMetadataPlugin({ input: "./src/functions/functions.ts", output: "functions.json" }),
      new ZhCnMetadataPlugin(),
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
