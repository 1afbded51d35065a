/**
 * A department's 统计表 and its branch's 三会一课 ledger given to dj-assess together (LEDGERS.md
 * §2, §6, §7): real .xlsx files made by LibreOffice, the compiled CLI run as a user runs it.
 */
import { copyFileSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fods } from "../support/fods";
import { toXlsx } from "../support/libreoffice";
import { departmentRows, LEDGER_EXPECTED, ledgerRows, makeXlsx } from "./fixtures";
import { requireBuiltCli, runCli } from "./run";

interface Brief {
  rule: string;
  cell: string;
}

let dept: string;
let ledger: string;
/** Both sheets in one workbook, the ledger first. */
let both: string;

beforeAll(async () => {
  requireBuiltCli();
  const dir = mkdtempSync(join(tmpdir(), "dj-cli-ledger-"));
  [dept, ledger, both] = ["dept.xlsx", "ledger.xlsx", "both.xlsx"].map((name) => join(dir, name));
  copyFileSync(await makeXlsx("dept", departmentRows(), "统计表"), dept);
  copyFileSync(await makeXlsx("ledger", ledgerRows(), "三会一课台账"), ledger);
  const sheets = [
    { name: "三会一课台账", rows: ledgerRows() },
    { name: "统计表", rows: departmentRows() },
  ];
  copyFileSync(await toXlsx(fods(sheets), "both"), both);
});

describe("dj-assess validate <统计表> <三会一课台账> --json", () => {
  const run = () => runCli(["validate", dept, ledger, "--json"]);

  it("reports each planted problem of the ledger at its cell, and gives each sheet its kind", () => {
    const result = run();
    expect(result.stderr).toBe("");
    expect(result.status).toBe(1);
    const [submission, meetings] = JSON.parse(result.stdout).files.map((f: { sheets: unknown[] }) => f.sheets);
    expect(submission).toMatchObject([{ sheet: "统计表", kind: "submission", unit: "机关一局", rows: 1 }]);
    expect(meetings).toMatchObject([{ sheet: "三会一课台账", kind: "meetings", unit: "机关一局", months: 12, rows: 34 }]);
    expect(meetings[0].findings.map((f: Brief) => [f.rule, f.cell])).toEqual(LEDGER_EXPECTED);
    const at = (cell: string) => meetings[0].findings.find((f: Brief) => f.cell === cell);
    expect(at("D11")).toMatchObject({ severity: "warning", value: "2025/4/5", fix: "2025-04-05" });
    expect(at("D8")).toMatchObject({ severity: "error", value: "2025-02-30" });
  });

  it("flags the months and quarters without a counted meeting, with their exact gaps, and the member absent six months", () => {
    const flags = JSON.parse(run().stdout).files[1].sheets[0].flags;
    expect(flags.map((f: { flag: string; row: number }) => [f.flag, f.row])).toEqual([
      ["missing-meetings", 4],
      ["long-absence", 5],
    ]);
    // 党员大会: Q2's lacked a quorum, Q3 had none. 支委会: February's date is impossible, March had none;
    // April's text date, the duplicate and the meeting of 2024 change nothing.
    expect(flags[0]).toMatchObject({
      level: "warning",
      branch: "机关一局第一党支部",
      gaps: [
        { type: "党员大会", periods: ["2025Q2", "2025Q3"] },
        { type: "支委会", periods: ["2025-02", "2025-03"] },
      ],
      detail: "党员大会：第2季度、第3季度无；支委会：2月、3月无",
    });
    expect(flags[1]).toMatchObject({ person: "赵六", detail: expect.stringContaining("赵六：2025年1月至2025年6月") });
  });

  it("holds the 统计表 against the ledger: ledger-mismatch at the 党员大会 cell, naming the ledger rows counted", () => {
    const findings = JSON.parse(run().stdout).files[0].sheets[0].findings;
    expect(findings.map((f: Brief) => [f.rule, f.cell])).toEqual([["ledger-mismatch", "E4"]]);
    expect(findings[0]).toMatchObject({ severity: "warning", field: "generalMeetings", value: 4 });
    // Q1's and Q4's: the one without a quorum does not count.
    expect(findings[0].message).toBe("E4：党员大会报表填报 4 次，台账记录 2 次（三会一课台账 第6、28行）。请核对报表与台账。");
  });
});

describe("dj-assess validate (readable summary) of both kinds", () => {
  /** The lines of a file's block that name a kind or a sheet, in order. */
  const outline = (stdout: string) => stdout.split("\n").filter((line) => /^ {2}\S.*[:：]$|^ {4}(工作表|Sheet )“/.test(line));

  it("groups each file's sheets under their kind's name, the 统计表 first, whatever the sheet order", () => {
    const result = runCli(["validate", both]);
    expect(result.status).toBe(1);
    expect(outline(result.stdout).map((line) => line.trim().split("　")[0])).toEqual(["统计表：", "工作表“统计表”", "三会一课台账：", "工作表“三会一课台账”"]);
    const english = runCli(["validate", both], [], { lang: "en" });
    expect(outline(english.stdout).map((line) => line.trim().split("  ")[0])).toEqual(["Statistics sheet:", "Sheet “统计表”", "Meeting ledger:", "Sheet “三会一课台账”"]);
  });

  it("names both kinds for two files, with the ledger's findings, its gaps and the absent member in the tables", () => {
    const { stdout } = runCli(["validate", dept, ledger]);
    expect(stdout).toMatch(/文件：.*dept\.xlsx\n {2}统计表：\n/);
    expect(stdout).toMatch(/文件：.*ledger\.xlsx\n {2}三会一课台账：\n/);
    expect(stdout).toMatch(/E4\s+警告\s+ledger-mismatch\s+E4：党员大会报表填报 4 次/);
    expect(stdout).toMatch(/D8\s+错误\s+bad-date/);
    expect(stdout).toMatch(/4\s+机关一局第一党支部\s+缺会\s+党员大会：第2季度、第3季度无；支委会：2月、3月无/);
    expect(stdout).toMatch(/5\s+机关一局第一党支部\s+连续6个月未参加组织生活\s+赵六：/);
  });
});
