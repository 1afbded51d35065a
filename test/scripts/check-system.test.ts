/** npm test's pretest on a fresh machine: install as root, else stop with the one command to run. */
import { spawnSync } from "node:child_process";
import { chmodSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { decide } from "../../scripts/check-system";

const SCRIPT = resolve(__dirname, "../../scripts/check-system.js");

/** Where `program` is on this machine's PATH, or "" (the child's PATH will not have it). */
function which(program: string): string {
  return spawnSync("sh", ["-c", 'command -v "$0"', program], { encoding: "utf8", timeout: 60_000 }).stdout.trim();
}

describe("decide", () => {
  test("nothing missing: nothing to do, whoever runs it", () => {
    expect(decide([], 0, true)).toEqual({ action: "none" });
    expect(decide([], 1000, false)).toEqual({ action: "none" });
  });

  test("root with apt-get installs the missing packages", () => {
    expect(decide(["chromium", "fonts-wqy-microhei"], 0, true)).toEqual({ action: "install", packages: ["chromium", "fonts-wqy-microhei"] });
  });

  test("anyone else gets one command that installs them all", () => {
    expect(decide(["libreoffice-calc-nogui", "chromium"], 1000, true)).toEqual({
      action: "tell",
      packages: ["libreoffice-calc-nogui", "chromium"],
      command: "sudo apt-get update && sudo apt-get install -y --no-install-recommends libreoffice-calc-nogui chromium",
    });
    // No POSIX users (Windows): never install.
    expect(decide(["chromium"], undefined, true).action).toBe("tell");
  });

  test("without apt-get, even root is only told what is needed", () => {
    expect(decide(["chromium"], 0, false)).toEqual({ action: "no-apt", packages: ["chromium"] });
    expect(decide(["chromium"], 1000, false)).toEqual({ action: "no-apt", packages: ["chromium"] });
  });
});

/** A PATH of one directory for the real script: fc-list as it is here, no soffice, and `aptGet(bin)` as apt-get. */
function withBin(aptGet: (bin: string) => string, body: (bin: string) => void): void {
  const bin = mkdtempSync(join(tmpdir(), "dj-check-system-"));
  try {
    chmodSync(bin, 0o755);
    const fcList = which("fc-list");
    if (fcList) symlinkSync(fcList, join(bin, "fc-list"));
    writeFileSync(join(bin, "apt-get"), `#!/bin/sh\n${aptGet(bin)}\n`, { mode: 0o755 });
    body(bin);
  } finally {
    rmSync(bin, { recursive: true, force: true });
  }
}

/** The real script's main, run in a child as user `uid` would run it, on PATH `bin` and nothing else. */
function runAs(uid: number, bin: string) {
  return spawnSync(process.execPath, ["-e", `require(${JSON.stringify(SCRIPT)}).main(${uid})`], { encoding: "utf8", env: { PATH: bin }, timeout: 60_000 });
}

test("the real script, not root and without soffice, stops at once with the command", () => {
  withBin(() => "echo 'apt-get ran' >&2; exit 99", (bin) => {
    const run = runAs(1000, bin);
    expect(run.stderr).not.toContain("apt-get ran");
    expect(run.status).toBe(1);
    expect(run.stderr).toContain("libreoffice-calc-nogui: LibreOffice (soffice)");
    expect(run.stderr).toMatch(/^ {2}sudo apt-get update && sudo apt-get install -y --no-install-recommends .*libreoffice-calc-nogui/m);
  });
});

test("the real script, as root, installs what is missing with apt-get and goes on", () => {
  // The fake apt-get "installs" soffice into the PATH; its PATH is only bin, so chmod is named in full.
  const aptGet = (bin: string) => `echo "$DEBIAN_FRONTEND $*" >> ${bin}/log\n[ "$1" = update ] && exit 0\necho > ${bin}/soffice\n${which("chmod")} 755 ${bin}/soffice`;
  withBin(aptGet, (bin) => {
    const run = runAs(0, bin);
    expect(run.stderr).toContain("Installing the system packages the tests need: libreoffice-calc-nogui");
    expect(run.status).toBe(0);
    expect(readFileSync(join(bin, "log"), "utf8")).toMatch(
      /^noninteractive -o DPkg::Lock::Timeout=600 .*update -qq\nnoninteractive -o DPkg::Lock::Timeout=600 .*-qq install -y --no-install-recommends libreoffice-calc-nogui/,
    );
  });
});
