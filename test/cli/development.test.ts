/**
 * A branch's 发展党员 register given to dj-assess (LEDGERS.md §4, §7): a real .xlsx made by
 * LibreOffice, the compiled CLI run as a user runs it — the sheet's kind, a rule's finding with
 * its severity, the overdue probation flagged with the person, and the summary's heading.
 */
import { copyFileSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fods, type FodsCell } from "../support/fods";
import { toXlsx } from "../support/libreoffice";
import { requireBuiltCli, runCli } from "./run";

const ROWS: FodsCell[][] = [
  ["党支部：机关第一党支部　统计期间：2025年"],
  ["序号", "姓名", "递交入党申请书时间", "确定为入党积极分子时间", "确定为发展对象时间", "接收为预备党员时间", "转为正式党员时间", "入党介绍人"],
  [1, "赵一", { date: "2022-03-01" }, { date: "2022-09-01" }, { date: "2023-09-05" }, { date: "2024-03-05" }, { date: "2025-03-05" }, "张三、李四"],
  [2, "钱二", { date: "2022-03-01" }, { date: "2022-09-01" }, { date: "2023-03-05" }, { date: "2024-03-05" }, null, "张三、李四"],
];

let register: string;

beforeAll(async () => {
  requireBuiltCli();
  register = join(mkdtempSync(join(tmpdir(), "dj-cli-register-")), "register.xlsx");
  copyFileSync(await toXlsx(fods([{ name: "发展党员台账", rows: ROWS }]), "cli-register"), register);
});

test("--json: the register's kind, its finding and the overdue probation with the person", () => {
  const result = runCli(["validate", register, "--json"]);
  expect(result.stderr).toBe("");
  expect(result.status).toBe(1);
  const [sheet] = JSON.parse(result.stdout).files[0].sheets;
  expect(sheet).toMatchObject({ sheet: "发展党员台账", kind: "development", rows: 2 });
  expect(sheet.findings.map((f: { rule: string; cell: string; severity: string }) => [f.rule, f.cell, f.severity])).toEqual([["activist-too-short", "E4", "error"]]);
  expect(sheet.flags).toEqual([
    {
      flag: "probation-overdue",
      level: "warning",
      branch: "机关第一党支部",
      unit: "发展党员台账",
      sheet: "发展党员台账",
      row: 4,
      label: "预备期满未转正",
      detail: "2024年3月5日接收为预备党员，预备期应于2025年3月5日期满，尚未转正",
      person: "钱二",
    },
  ]);
});

test("the summary lists the register under its kind's name", () => {
  const zh = runCli(["validate", register]).stdout;
  expect(zh).toContain("发展党员台账：");
  expect(zh).toContain("预备期满未转正");
  expect(runCli(["validate", register], [], { lang: "en-US" }).stdout).toContain("Member development register:");
});
