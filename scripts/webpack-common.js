/**
 * What the Excel build (webpack.config.js) and the WPS build (webpack.wps.config.js) share: the
 * pages' Content-Security-Policy and the TypeScript rule.
 */

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

/**
 * TypeScript through ts-loader. `target` lowers the syntax for an older browser (the WPS build:
 * WPS's embedded Chromium is older than Office's webview); the Excel build keeps tsconfig's.
 */
function typescriptRule(target) {
  return {
    test: /\.tsx?$/,
    exclude: /node_modules/,
    loader: "ts-loader",
    options: {
      // ES modules let webpack tree-shake Fluent UI and its icons: with CommonJS the
      // task pane bundle is 60 times larger (TOOLCHAIN.md).
      compilerOptions: { module: "esnext", moduleResolution: "bundler", ...(target ? { target } : {}) },
      // Type errors in files outside the bundles (tests, the CLI) are `npm run typecheck`'s job.
      onlyCompileBundledFiles: true,
    },
  };
}

/**
 * The packages' own JavaScript lowered to `target` too (the WPS build): React and Fluent UI ship
 * syntax newer than an old embedded Chromium parses (optional chaining, optional catch binding).
 * TypeScript only transpiles here, file by file, no type checking. exceljs ships ES5 already.
 */
function packagesRule(target) {
  return {
    test: /\.m?js$/,
    include: /node_modules/,
    exclude: /node_modules[\\/]exceljs[\\/]/,
    loader: "ts-loader",
    options: {
      transpileOnly: true,
      compilerOptions: { allowJs: true, target, module: "esnext", moduleResolution: "bundler", sourceMap: false },
    },
  };
}

module.exports = { CONTENT_SECURITY_POLICY, typescriptRule, packagesRule };
