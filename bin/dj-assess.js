#!/usr/bin/env node
"use strict";
// The CLI is compiled to build/ by `npm run build:cli`, which `npm ci` runs through `prepare`.
let cli;
try {
  cli = require("../build/cli/main.js");
} catch (error) {
  if (error && error.code === "MODULE_NOT_FOUND") {
    process.stderr.write("dj-assess 尚未编译，请先运行 npm run build:cli（dj-assess is not built yet: run npm run build:cli）\n");
    process.exit(2);
  }
  process.stderr.write(`dj-assess 无法启动：${error && error.message}\n`);
  process.exit(2);
}
cli.main();
