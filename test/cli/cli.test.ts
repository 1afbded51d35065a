/**
 * The command line end to end: real .xlsx files made by LibreOffice, the compiled CLI run as a
 * user runs it, its stdout, stderr and exit status.
 */
import { spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { copyFileSync, existsSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import ExcelJS from "exceljs";
import { fods } from "../support/fods";
import { toXlsx } from "../support/libreoffice";
import { cleanRows, makeXlsx, messyRows, MESSY_EXPECTED } from "./fixtures";
import { requireBuiltCli, ROOT, runCli, type Run } from "./run";

const cli = (...args: string[]): Run => runCli(args);

function json(run: Run) {
  return JSON.parse(run.stdout);
}

const sha = (file: string) => createHash("sha256").update(readFileSync(file)).digest("hex");

let dir: string;
let messy: string;
let clean: string;

beforeAll(async () => {
  requireBuiltCli();
  dir = mkdtempSync(join(tmpdir(), "dj-cli-"));
  messy = join(dir, "messy.xlsx");
  clean = join(dir, "clean.xlsx");
  copyFileSync(await makeXlsx("messy", messyRows()), messy);
  copyFileSync(await makeXlsx("clean", cleanRows()), clean);
});

describe("dj-assess validate --json", () => {
  it("reports every planted problem of a messy submission at its cell, and nothing else", () => {
    const run = cli("validate", messy, "--json");
    expect(run.stderr).toBe("");
    expect(run.status).toBe(1);
    const report = json(run);
    const sheet = report.files[0].sheets[0];
    expect(sheet).toMatchObject({ sheet: "报表", unit: "机关一局", months: 12, rows: 7 });
    const got = sheet.findings.map((f: { rule: string; cell: string }) => [f.rule, f.cell]);
    expect(got).toEqual(MESSY_EXPECTED);
  });

  it("gives the fixes and values a department needs", () => {
    const findings = json(cli("validate", messy, "--json")).files[0].sheets[0].findings;
    const at = (cell: string) => findings.find((f: { cell: string }) => f.cell === cell);
    expect(at("C7")).toMatchObject({ severity: "warning", field: "membersFormal", value: "１２", fix: 12 });
    expect(at("F7")).toMatchObject({ severity: "error", field: "committeeMeetings", value: "四", fix: 4 });
    expect(at("E8")).toMatchObject({ field: "generalMeetings", value: "#DIV/0!" });
    expect(at("H14")).toMatchObject({ field: "lectures", value: 24, fix: 25 });
    // 万元 column: compared and fixed in its own unit.
    expect(at("K14")).toMatchObject({ field: "spent", value: 4.5, fix: 4.6 });
    expect(at("A9").severity).toBe("info");
    for (const f of findings) expect(f.message).toMatch(/[\u4e00-\u9fff]/);
  });

  it("computes flags from the usable rows", () => {
    const flags = json(cli("validate", messy, "--json")).files[0].sheets[0].flags;
    expect(flags.map((f: { row: number; flag: string }) => [f.row, f.flag])).toEqual([
      [7, "unspent-funds"],
      [7, "no-new-members"],
      [11, "no-new-members"],
    ]);
    expect(flags[0]).toMatchObject({ branch: "第二党支部", unit: "机关一局", label: "经费未用", detail: "执行率 10%（1 000/10 000 元）" });
  });

  it("finds nothing in a clean submission and exits 0", () => {
    const run = cli("validate", clean, "--json");
    expect(run.status).toBe(0);
    const report = json(run);
    expect(report.files[0].sheets[0]).toMatchObject({ unit: "机关二局", months: 6, rows: 3, findings: [] });
    expect(report.summary).toEqual({ errors: 0, warnings: 0, infos: 0, flags: 1 });
    expect(report.files[0].sheets[0].flags[0]).toMatchObject({ flag: "no-new-members", row: 5 });
  });

  it("has the JSON shape of PRODUCT.md §8", () => {
    const report = json(cli("validate", clean, messy, "--json"));
    expect(Object.keys(report)).toEqual(["rulesVersion", "files", "roster", "summary"]);
    expect(Object.keys(report.files[0])).toEqual(["file", "sheets", "skipped"]);
    expect(Object.keys(report.files[0].sheets[0])).toEqual(["sheet", "kind", "unit", "months", "rows", "findings", "flags"]);
    expect(report.files[0].sheets[0].kind).toBe("submission");
    expect(report.roster).toEqual({ missing: [], unknown: [], unsubmitted: [] });
    expect(report.summary.errors).toBe(10);
  });

  it("runs as one bundle, and loads exceljs only to write an annotated copy", () => {
    // Every file node loads, listed as the run ends: validating needs only the bundle and node's own modules.
    const hook = join(dir, "loaded.js");
    writeFileSync(hook, 'process.on("exit", () => process.stderr.write("LOADED " + JSON.stringify(Object.keys(require.cache)) + "\\n"));\n');
    const loaded = (...args: string[]): string[] => {
      const listed = /LOADED (.*)/.exec(runCli(args, ["--require", hook]).stderr);
      if (!listed) throw new Error("the run listed no modules");
      const files = JSON.parse(listed[1]) as string[];
      return [...new Set(files.filter((file) => file !== hook).map((file) => file.slice(ROOT.length + 1).split("/").slice(0, 3).join("/")))];
    };
    expect(loaded("validate", clean, "--json")).toEqual(["bin/dj-assess.js", "build/bundle/dj-assess.js"]);
    expect(loaded("validate", clean, "--annotate", join(dir, "loaded-copies"))).toContain("node_modules/exceljs/lib");
  });

  it("works through npm run as the README says", () => {
    // As from a user's shell: without the log level an outer `npm test --loglevel=…` passes down.
    const env = Object.fromEntries(Object.entries(process.env).filter(([k]) => k.toLowerCase() !== "npm_config_loglevel"));
    const run = spawnSync("npm", ["run", "dj-assess", "--", "validate", clean, "--json"], { cwd: ROOT, encoding: "utf8", env, timeout: 300_000 });
    expect(run.status).toBe(0);
    expect(JSON.parse(run.stdout).summary.errors).toBe(0);
  });
});

describe("dj-assess validate (readable summary)", () => {
  it("prints a Chinese summary table", () => {
    const run = cli("validate", messy);
    expect(run.status).toBe(1);
    expect(run.stdout).toContain("文件：");
    expect(run.stdout).toContain("工作表“报表”");
    expect(run.stdout).toMatch(/C7\s+警告\s+number-as-text/);
    expect(run.stdout).toContain("合计：错误 10，警告 2，提示 1，预警 3");
  });
});

describe("files that cannot be read", () => {
  it("refuses a non-workbook with one line and exit 2, and still validates the others", () => {
    const fake = join(dir, "fake.xlsx");
    writeFileSync(fake, "this is not a workbook");
    const run = cli("validate", fake, clean, "--json");
    expect(run.status).toBe(2);
    const lines = run.stderr.trim().split("\n");
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^fake\.xlsx：/);
    expect(run.stderr).not.toMatch(/\n\s+at /);
    const report = json(run);
    expect(report.files[0].file).toBe(fake);
    expect(report.files[0].error).toBe(lines[0]);
    expect(report.files[1].sheets[0].findings).toEqual([]);
  });

  it("asks for .xlsx instead of .xls, .et and .csv", () => {
    for (const ext of ["xls", "et", "csv"]) {
      const old = join(dir, `old.${ext}`);
      writeFileSync(old, "a,b\n1,2\n");
      const run = cli("validate", old, "--json");
      expect(run.status).toBe(2);
      expect(run.stderr.trim()).toContain("请另存为 .xlsx 后再校验");
      expect(json(run).files[0].error).toContain("请另存为 .xlsx 后再校验");
    }
  });

  it("says so when a file does not exist", () => {
    const run = cli("validate", join(dir, "nowhere.xlsx"));
    expect(run.status).toBe(2);
    expect(run.stderr.trim()).toMatch(/nowhere\.xlsx：文件不存在/);
  });

  it("answers wrong arguments in Chinese with exit 2", () => {
    for (const args of [["validate"], ["validate", clean, "--bogus"], ["frobnicate"], ["validate", clean, "--roster"]]) {
      const run = cli(...args);
      expect(run.status).toBe(2);
      expect(run.stderr).toMatch(/[\u4e00-\u9fff]/);
      expect(run.stderr).not.toMatch(/\n\s+at /);
    }
  });

  it("refuses an unknown --sheet", () => {
    const run = cli("validate", clean, "--sheet", "没有这个表");
    expect(run.status).toBe(2);
    expect(run.stderr).toContain("没有名为“没有这个表”的工作表");
  });
});

describe("--roster", () => {
  it("lists missing and unknown branches and departments that sent nothing", async () => {
    const roster = join(dir, "roster.xlsx");
    copyFileSync(
      await toXlsx(
        fods([
          {
            name: "名册",
            rows: [
              ["党支部名称", "所属单位", "上年定级"],
              ["机关二局第一党支部", "机关二局", "一般"],
              ["机关二局第二党支部", "机关二局", "先进"],
              ["机关二局第四党支部", "机关二局", "一般"],
              ["机关三局第一党支部", "机关三局", "一般"],
            ],
          },
        ]),
        "roster",
      ),
      roster,
    );
    const run = cli("validate", clean, "--roster", roster, "--json");
    expect(run.status).toBe(1);
    const report = json(run);
    expect(report.roster.missing).toEqual([
      { branch: "机关二局第四党支部", unit: "机关二局" },
      { branch: "机关三局第一党支部", unit: "机关三局" },
    ]);
    expect(report.roster.unknown).toEqual([{ branch: "机关二局第三党支部", unit: "机关二局" }]);
    expect(report.roster.unsubmitted).toEqual([{ unit: "机关三局" }]);
    const findings = report.files[0].sheets[0].findings;
    expect(findings.map((f: { rule: string; cell: string }) => [f.rule, f.cell])).toEqual([["unknown-branch", "B6"]]);
    expect(report.summary.errors).toBe(2);
    expect(cli("validate", clean, "--roster", roster).stdout).toContain("名册中缺报的党支部 2 个");
  });
});

describe("--settings", () => {
  it("applies a JSON settings file", () => {
    const settings = join(dir, "settings.json");
    writeFileSync(settings, JSON.stringify({ assessmentYear: 2024 }));
    const findings = json(cli("validate", clean, "--settings", settings, "--json")).files[0].sheets[0].findings;
    expect(findings.map((f: { rule: string; cell: string }) => [f.rule, f.cell])).toEqual([["inconsistent", "F2"]]);
  });

  it("refuses bad settings with a Chinese line each and exit 2", () => {
    const settings = join(dir, "bad.json");
    writeFileSync(settings, JSON.stringify({ partyWeight: 3, 不存在: 1 }));
    const run = cli("validate", clean, "--settings", settings, "--json");
    expect(run.status).toBe(2);
    expect(run.stdout).toBe("");
    expect(run.stderr).toContain("党建权重");
    expect(run.stderr).toContain("未知参数“不存在”");
    writeFileSync(settings, "{ not json");
    expect(cli("validate", clean, "--settings", settings).stderr).toContain("不是有效的 JSON");
  });
});

describe("--annotate", () => {
  it("writes a marked copy with a 问题清单, keeps every value and never touches the input", async () => {
    const out = join(dir, "out");
    const before = sha(messy);
    const run = cli("validate", messy, "--annotate", out, "--json");
    expect(run.status).toBe(1);
    expect(sha(messy)).toBe(before);
    const copy = join(out, "messy.xlsx");
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(copy);
    expect(book.worksheets.map((w) => w.name)).toEqual(["报表", "问题清单"]);
    const sheet = book.getWorksheet("报表")!;
    expect(sheet.getCell("C7").value).toBe("１２");
    expect(String(sheet.getCell("C7").note ? "noted" : "")).toBe("noted");
    expect(sheet.getCell("H14").value).toBe(24);
    const original = new ExcelJS.Workbook();
    await original.xlsx.readFile(messy);
    original.getWorksheet("报表")!.eachRow({ includeEmpty: true }, (row, r) =>
      row.eachCell({ includeEmpty: true }, (cell, c) => {
        const copied = sheet.getCell(r, c);
        expect([r, c, copied.text]).toEqual([r, c, cell.text]);
      }),
    );
  });

  it("gives a suffix instead of replacing a file it did not write, and replaces its own", () => {
    const out = join(dir, "out2");
    cli("validate", clean, "--annotate", out);
    writeFileSync(join(out, "clean.xlsx"), "the user's own file");
    cli("validate", clean, "--annotate", out);
    expect(readFileSync(join(out, "clean.xlsx"), "utf8")).toBe("the user's own file");
    expect(existsSync(join(out, "clean (2).xlsx"))).toBe(true);
    cli("validate", clean, "--annotate", out);
    expect(readdirSync(out).filter((f) => f.endsWith(".xlsx")).sort()).toEqual(["clean (2).xlsx", "clean.xlsx"]);
  });
});
