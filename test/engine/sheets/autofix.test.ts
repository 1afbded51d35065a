import { planFixes, type Finding, type Report } from "../../../src/engine";
import { check, cleanRow, sheet } from "../helpers";

describe("planFixes", () => {
  it("restates numbers written as text and Chinese numerals, nothing that changes what was meant", () => {
    const built = sheet({
      sheet: "机关",
      rows: [
        cleanRow(0, { membersFormal: "12", generalMeetings: "４", lectures: "四" }),
        cleanRow(1, { activists: "/", themeDays: "—", budget: "20,000" }),
        cleanRow(2),
      ],
      // A wrong total: its fix (the sum) may be the error, the rows may be.
      after: [[null, null, "合计", null, 100]],
    });
    const report = check(built.grid);
    const rules = report.files[0].sheets[0].findings.map((f) => f.rule);
    expect(rules).toEqual(expect.arrayContaining(["number-as-text", "not-a-number", "total-mismatch"]));
    expect(planFixes(report)).toEqual([
      { sheet: "机关", cell: built.at("membersFormal", 0), rule: "number-as-text", old: "12", new: 12 },
      { sheet: "机关", cell: built.at("generalMeetings", 0), rule: "number-as-text", old: "４", new: 4 },
      { sheet: "机关", cell: built.at("lectures", 0), rule: "not-a-number", old: "四", new: 4 },
      { sheet: "机关", cell: built.at("budget", 1), rule: "number-as-text", old: "20,000", new: 20000 },
    ]);
  });

  it("plans one fix per cell, the first", () => {
    const finding = (fix: number): Finding => ({
      rule: "number-as-text",
      severity: "warning",
      sheet: "S",
      cell: "E4",
      row: 4,
      column: "E",
      value: "12",
      message: "",
      fix,
    });
    const report: Report = {
      rulesVersion: "",
      files: [{ file: "a.xlsx", sheets: [{ sheet: "S", kind: "submission", unit: "S", months: 12, rows: 1, findings: [finding(12), finding(13)], flags: [] }], skipped: [] }],
      roster: { missing: [], unknown: [], unsubmitted: [] },
      summary: { errors: 0, warnings: 2, infos: 0, flags: 0 },
    };
    expect(planFixes(report)).toEqual([{ sheet: "S", cell: "E4", rule: "number-as-text", old: "12", new: 12 }]);
  });
});
