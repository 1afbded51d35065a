#!/usr/bin/env node
// @ts-check
/**
 * Runs before `npm test` and is the one list of the system packages the tests need: LibreOffice
 * (real .xlsx files), Chromium (the task pane in a real browser), a CJK font and fc-list to find
 * it. On a fresh Debian machine run as root (CI) it installs what is missing and lets the tests
 * go on; otherwise it stops at once with the one command to run, instead of letting a test fail
 * obscurely later. Node's own modules only: it must work before anything else is installed.
 */
"use strict";
const { execFileSync } = require("node:child_process");
const { accessSync, constants } = require("node:fs");
const { delimiter, join } = require("node:path");

/** Whether `file` exists and may be run. @param {string} file */
function executable(file) {
  try {
    accessSync(file, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/** @param {string} program */
function onPath(program) {
  return (process.env.PATH ?? "").split(delimiter).some((dir) => dir !== "" && executable(join(dir, program)));
}

/** @type {{ debian: string, what: string, installed: () => boolean }[]} */
const PACKAGES = [
  // The tests take $SOFFICE before PATH (test/support/libreoffice.ts), so this check does too.
  { debian: "libreoffice-calc-nogui", what: "LibreOffice (soffice)", installed: () => (process.env.SOFFICE ? executable(process.env.SOFFICE) : onPath("soffice")) },
  { debian: "chromium", what: "Chromium (/usr/bin/chromium)", installed: () => executable("/usr/bin/chromium") },
  { debian: "fontconfig", what: "fc-list", installed: () => onPath("fc-list") },
  { debian: "fonts-wqy-microhei", what: "中文字体 / a CJK font", installed: cjkFont },
];

function cjkFont() {
  try {
    return execFileSync("fc-list", [":lang=zh"], { stdio: ["ignore", "pipe", "ignore"], timeout: 60000 }).toString().trim() !== "";
  } catch {
    return false;
  }
}

/** Same flags for CI and for people, so both get the same packages. */
const INSTALL = ["install", "-y", "--no-install-recommends"];

/**
 * For the install it runs itself: a machine that has just started may still hold apt's lock
 * (wait for it rather than fail), a mirror may drop a connection (retry), and nothing may wait
 * for ever (a bounded time, then the reason).
 */
const APT_OPTIONS = ["-o", "DPkg::Lock::Timeout=600", "-o", "Acquire::Retries=3", "-o", "Acquire::http::Timeout=60"];
const APT_TIME_LIMIT_MS = 30 * 60 * 1000;

/**
 * What to do about the missing packages: `uid` is undefined where there are no POSIX users.
 * @param {string[]} missing Debian package names
 * @param {number | undefined} uid
 * @param {boolean} aptGet whether apt-get is on PATH
 * @returns {{ action: "none" } | { action: "install", packages: string[] } | { action: "tell", packages: string[], command: string } | { action: "no-apt", packages: string[] }}
 */
function decide(missing, uid, aptGet) {
  if (missing.length === 0) return { action: "none" };
  if (!aptGet) return { action: "no-apt", packages: missing };
  if (uid === 0) return { action: "install", packages: missing };
  return { action: "tell", packages: missing, command: `sudo apt-get update && sudo apt-get ${[...INSTALL, ...missing].join(" ")}` };
}

function missingNow() {
  return PACKAGES.filter((p) => !p.installed()).map((p) => p.debian);
}

/** @param {string[]} packages */
function list(packages) {
  return packages.map((debian) => `  - ${debian}: ${PACKAGES.find((p) => p.debian === debian)?.what}\n`).join("");
}

/** @param {string[]} packages */
function install(packages) {
  process.stderr.write(`正在安装测试所需的系统软件包 / Installing the system packages the tests need: ${packages.join(" ")}\n`);
  const started = Date.now();
  // apt's progress would be thousands of lines for LibreOffice; its errors still reach stderr.
  /** @type {import("node:child_process").ExecFileSyncOptions} */
  const options = { stdio: ["ignore", "ignore", "inherit"], env: { ...process.env, DEBIAN_FRONTEND: "noninteractive" }, timeout: APT_TIME_LIMIT_MS };
  try {
    execFileSync("apt-get", [...APT_OPTIONS, "update", "-qq"], options);
    execFileSync("apt-get", [...APT_OPTIONS, "-qq", ...INSTALL, ...packages], options);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    process.stderr.write(`apt-get 安装失败 / apt-get failed: ${reason}\n`);
    process.exit(1);
  }
  const still = missingNow();
  if (still.length > 0) {
    process.stderr.write(`安装后仍然缺少 / Still missing after installing:\n${list(still)}`);
    process.exit(1);
  }
  const seconds = Math.round((Date.now() - started) / 1000);
  process.stderr.write(`已安装，用时 ${seconds} 秒 / Installed in ${seconds} s\n`);
}

/** @param {number | undefined} uid who runs it: process.getuid() when run as a script */
function main(uid) {
  const plan = decide(missingNow(), uid, onPath("apt-get"));
  switch (plan.action) {
    case "none":
      return;
    case "install":
      return install(plan.packages);
    case "tell":
      process.stderr.write(
        `本机缺少测试所需的系统软件包 / The tests need system packages missing here:\n${list(plan.packages)}` +
          `请运行以下命令后重试 / Run this, then try again:\n  ${plan.command}\n`,
      );
      return process.exit(1);
    case "no-apt":
      process.stderr.write(
        `本机缺少测试所需的软件，且没有 apt-get，请用本系统的方式安装（以下为 Debian 包名）/ ` +
          `The tests need these, missing here, and there is no apt-get: install them your system's way (Debian names shown):\n${list(plan.packages)}`,
      );
      return process.exit(1);
  }
}

if (require.main === module) main(process.getuid?.());

module.exports = { decide, main };
