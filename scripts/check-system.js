#!/usr/bin/env node
/**
 * Runs before `npm test`: the tests need LibreOffice (real .xlsx files) and Chromium (the task
 * pane in a real browser). Say exactly what is missing and how to install it, instead of letting
 * a test fail obscurely later.
 */
"use strict";
const { execFileSync } = require("node:child_process");

/** What a command prints, or null when it cannot run (not installed, or it failed). */
function output(command, args) {
  try {
    return execFileSync(command, args, { stdio: ["ignore", "pipe", "ignore"], timeout: 60000 }).toString();
  } catch {
    return null;
  }
}

const needs = [
  { what: "LibreOffice (soffice)", ok: output("soffice", ["--version"]) !== null, debian: "libreoffice-calc-nogui" },
  { what: "Chromium (/usr/bin/chromium)", ok: output("/usr/bin/chromium", ["--version"]) !== null, debian: "chromium" },
  { what: "中文字体 / a CJK font", ok: Boolean(output("fc-list", [":lang=zh"])?.trim()), debian: "fonts-wqy-microhei" },
];
const missing = needs.filter((n) => !n.ok);
if (missing.length > 0) {
  process.stderr.write("测试需要以下系统软件，本机缺少 / The tests need these system packages, missing here:\n");
  for (const m of missing) process.stderr.write(`  - ${m.what}: apt-get install ${m.debian}\n`);
  process.stderr.write(`一次安装 / install all: sudo apt-get update && sudo apt-get install -y ${missing.map((m) => m.debian).join(" ")}\n`);
  process.exit(1);
}
