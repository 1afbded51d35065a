/**
 * A submission made from a template with drop-down lists on whole columns (issue 12): the CLI
 * validates it as it validates the same submission without the lists — it is no hostile file.
 */
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { wholeColumnListsSubmission } from "../support/templates";
import { requireBuiltCli, runCli } from "./run";

interface Json {
  files: { sheets: { findings: { cell: string; rule: string; message: string }[] }[] }[];
}

const findingsOf = (stdout: string) => (JSON.parse(stdout) as Json).files.flatMap((f) => f.sheets.flatMap((s) => s.findings.map((x) => [x.cell, x.rule, x.message])));

test("the CLI validates it exactly as the same submission without the lists", async () => {
  requireBuiltCli();
  const { plain, template } = await wholeColumnListsSubmission();
  const dir = mkdtempSync(join(tmpdir(), "dj-templates-"));
  writeFileSync(join(dir, "报表.xlsx"), template);
  writeFileSync(join(dir, "plain.xlsx"), plain);
  const withLists = runCli(["validate", join(dir, "报表.xlsx"), "--json"]);
  const without = runCli(["validate", join(dir, "plain.xlsx"), "--json"]);
  expect(withLists.stderr).toBe("");
  expect(withLists.status).toBe(1);
  expect(findingsOf(withLists.stdout)).toEqual(findingsOf(without.stdout));
  expect(findingsOf(withLists.stdout).length).toBeGreaterThan(10);
});
