/**
 * The command line as one minified file, build/bundle/dj-assess.js, made from tsc's output in
 * build/ (npm run build:cli). Node then reads and compiles one script instead of resolving and
 * loading about a hundred modules: 60–90 ms of a 0.8 s run on 50 department files, and no more
 * memory (docs/PERFORMANCE.md). exceljs stays a package of its own, required only when an
 * annotated copy is written; the copy's code is a chunk beside the bundle.
 */
const path = require("node:path");

module.exports = {
  mode: "production",
  target: "node20",
  entry: "./build/cli/main.js",
  output: {
    path: path.resolve(__dirname, "build/bundle"),
    filename: "dj-assess.js",
    chunkFilename: "dj-assess.[id].js",
    library: { type: "commonjs2" },
    clean: true,
  },
  externals: { exceljs: "commonjs exceljs" },
  devtool: false,
  performance: { hints: false },
  // Only what is wrong; `npm run dj-assess` sends even that to stderr, so `--json` prints the JSON alone.
  stats: "errors-warnings",
};
