/**
 * One language per line (issue 9): everything dj-assess says about its own command line — help,
 * wrong arguments, the version — is in the language DJ_LANG chooses, never commander's English
 * with ours around it. The compiled CLI, run as a user runs it.
 */
import { readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { displayWidth } from "../../src/cli/summary";
import { requireBuiltCli, ROOT, runCli, type Run } from "./run";

beforeAll(requireBuiltCli);

/** What a user may type: help asked for, and each way of getting the command line wrong. */
const TYPED: readonly { args: string[]; status: number }[] = [
  { args: ["--help"], status: 0 },
  { args: ["help", "validate"], status: 0 },
  { args: ["validate", "--help"], status: 0 },
  { args: [], status: 2 },
  { args: ["validate"], status: 2 },
  { args: ["validate", "a.xlsx", "--bogus"], status: 2 },
  { args: ["validate", "a.xlsx", "--roster"], status: 2 },
  { args: ["frobnicate"], status: 2 },
];

const lines = (run: Run) => (run.stdout + run.stderr).split("\n").filter((line) => line.trim() !== "");

/** Words of commander's own help and errors; none may reach a Chinese user. */
const COMMANDER_WORDS = /\b(usage|options?|commands?|arguments?|display|missing|required|unknown)\b/i;

/** Sentences commander writes on its own, which in either language ours replace. */
const COMMANDER_SENTENCES = /missing required argument|unknown option '|unknown command '|argument missing|display help for command|output the version number|Did you mean/;

const CJK = /[\u3000-\u303f\u4e00-\u9fff\uff00-\uffef]/;

describe("in Chinese (DJ_LANG=zh-CN)", () => {
  it.each(TYPED)("dj-assess $args: no line has a word of commander's English", ({ args, status }) => {
    const run = runCli(args);
    expect(run.status).toBe(status);
    expect(lines(run).length).toBeGreaterThan(0);
    for (const line of lines(run)) {
      expect(line).not.toMatch(COMMANDER_WORDS);
      expect(line).not.toMatch(COMMANDER_SENTENCES);
    }
  });

  it("names the argument, option or command at fault, then the usage", () => {
    const said = (...args: string[]) => runCli(args).stderr.split("\n").slice(0, 2);
    expect(said("validate")).toEqual(["缺少参数“文件”。", expect.stringMatching(/^用法：dj-assess validate /)]);
    expect(said("validate", "a.xlsx", "--bogus")[0]).toBe("未知选项“--bogus”。");
    expect(said("validate", "a.xlsx", "--roster")[0]).toBe("选项“--roster <名册文件>”缺少取值。");
    expect(said("frobnicate")[0]).toBe("未知命令“frobnicate”。");
  });

  it("writes its help in Chinese, the columns lined up for characters two columns wide", () => {
    const help = runCli(["--help"]).stdout;
    expect(help).toMatch(/^用法： dj-assess \[选项\] \[命令\]\n/);
    expect(help).toContain("\n选项：\n");
    expect(help).toContain("\n命令：\n");
    expect(help).toContain("  help [命令]");
    // Where each item's description starts, in terminal columns: the same for all.
    const items = help.split("\n").filter((line) => line.startsWith("  "));
    expect(new Set(items.map((line) => displayWidth(/^ {2}\S.*? {2,}/.exec(line)![0]))).size).toBe(1);
    expect(runCli(["validate", "--help"]).stdout).toContain("\n参数：\n  文件 ");
  });

  it("shows the help on stderr, with exit 2, when no command is given", () => {
    const run = runCli([]);
    expect(run.stdout).toBe("");
    expect(run.stderr).toMatch(/^用法： dj-assess/);
  });
});

describe("in English (DJ_LANG=en)", () => {
  it.each(TYPED)("dj-assess $args: no Chinese, and none of commander's own sentences", ({ args, status }) => {
    const run = runCli(args, [], { lang: "en" });
    expect(run.status).toBe(status);
    for (const line of lines(run)) {
      // 参数 is the settings sheet's name, in every language.
      expect(line.replaceAll("参数", "")).not.toMatch(CJK);
      expect(line).not.toMatch(COMMANDER_SENTENCES);
    }
  });

  it("names the argument, option or command at fault", () => {
    const said = (...args: string[]) => runCli(args, [], { lang: "en" }).stderr.split("\n")[0];
    expect(said("validate")).toBe("Missing argument “files”.");
    expect(said("validate", "a.xlsx", "--bogus")).toBe("Unknown option “--bogus”.");
    expect(said("frobnicate")).toBe("Unknown command “frobnicate”.");
  });
});

describe("--version", () => {
  const version = JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8")).version;

  it.each(["--version", "-V"])("%s prints package.json's version and exits 0, from any folder", (flag) => {
    const run = runCli([flag], [], { cwd: tmpdir() });
    expect(run).toMatchObject({ status: 0, stdout: `${version}\n`, stderr: "" });
  });

  it("is in the help", () => {
    expect(runCli(["--help"]).stdout).toMatch(/-V, --version\s+显示版本号/);
  });
});
