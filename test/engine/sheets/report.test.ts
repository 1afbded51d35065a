import { reportSheet, reportSource, type CellFix, type Report } from "../../../src/engine";
import { check, sheet, cleanRow } from "../helpers";
import { specCell, specCells } from "../../support/sheetSpec";

function submitted(): Report {
  const built = sheet({
    sheet: "机关",
    rows: [cleanRow(0, { membersFormal: "12" }), cleanRow(1, { generalMeetings: "=1+1" }), cleanRow(2)],
  });
  return check(built.grid);
}

describe("reportSheet", () => {
  it("lists every finding with a link to its cell, the submitted value kept as it was", () => {
    const report = submitted();
    const spec = reportSheet(reportSource(report), [], "zh-CN");
    expect(spec.role).toBe("report");
    expect(spec.name).toBe("问题清单");
    expect(spec.freezeRows).toBe(1);
    const [table] = spec.tables ?? [];
    expect(table.name).toBe("DJ_Findings");
    expect(table.columns).toEqual(["序号", "文件", "工作表", "单元格", "规则", "级别", "字段", "原值", "问题说明", "建议修正"]);
    const findings = report.files[0].sheets[0].findings;
    expect(table.rows).toHaveLength(findings.length);
    const asText = table.rows.find((r) => r[4] === "number-as-text");
    expect(asText).toEqual([
      expect.any(Number),
      "a.xlsx",
      "机关",
      { link: { sheet: "机关", cell: "E4" }, text: "E4" },
      "number-as-text",
      "警告",
      "正式党员数",
      "12",
      findings.find((f) => f.rule === "number-as-text")?.message,
      12,
    ]);
    // A formula-looking value stays the string it was: the writer writes strings as text.
    const formulaLike = table.rows.find((r) => r[7] === "=1+1");
    expect(formulaLike?.slice(3, 7)).toEqual([{ link: { sheet: "机关", cell: "I5" }, text: "I5" }, "not-a-number", "错误", "党员大会"]);
    expect(formulaLike?.[9]).toBeNull();
    expect(table.rows.map((r) => r[0])).toEqual(table.rows.map((_, i) => i + 1));
    expect(spec.widths).toHaveLength(table.columns.length);
    expect(spec.cells).toBeUndefined();
    expect(spec.tables).toHaveLength(1);
  });

  it("lists an unreadable file and a roster branch nobody submitted, which have no cell", () => {
    const report: Report = {
      ...submitted(),
      files: [{ file: "旧.xls", error: "请另存为 .xlsx 后再校验", sheets: [], skipped: [] }],
      roster: { missing: [{ branch: "第九党支部", unit: "后勤处" }], unknown: [], unsubmitted: [] },
    };
    const rows = reportSheet(reportSource(report), [], "zh-CN").tables?.[0].rows;
    expect(rows).toEqual([
      [1, "旧.xls", "", "", "unsupported-file", "错误", "", null, "请另存为 .xlsx 后再校验", null],
      [2, "", "", "", "missing-branch", "错误", "党支部名称", "第九党支部", expect.stringContaining("第九党支部"), null],
    ]);
    expect(rows?.[1][8]).toContain("后勤处");
  });

  it("records the automatic corrections below the findings, under a bold caption", () => {
    const report = submitted();
    const fixes: CellFix[] = [{ sheet: "机关", cell: "E4", rule: "number-as-text", old: "12", new: 12 }];
    const spec = reportSheet(reportSource(report), fixes, "zh-CN");
    const findingRows = spec.tables?.[0].rows.length ?? 0;
    const captionRow = 1 + findingRows + 1;
    expect(spec.cells).toEqual([{ row: captionRow, col: 0, value: "自动修正记录", bold: true }]);
    const fixTable = spec.tables?.[1];
    expect(fixTable).toEqual({
      name: "DJ_Fixes",
      row: captionRow + 1,
      col: 0,
      columns: ["工作表", "单元格", "规则", "原值", "新值"],
      rows: [["机关", { link: { sheet: "机关", cell: "E4" }, text: "E4" }, "number-as-text", "12", 12]],
    });
    // A blank row separates the two tables.
    expect(specCell(spec, `A${captionRow}`)).toBeUndefined();
    expect(specCell(spec, `A${captionRow + 1}`)).toBe("自动修正记录");
    expect(specCell(spec, `A${captionRow + 2}`)).toBe("工作表");
  });

  it("keeps the caption clear of an empty findings table, which still shows one row", () => {
    const clean = check(sheet().grid);
    const spec = reportSheet(
      { ...reportSource(clean), files: clean.files.map((f) => ({ file: f.file, findings: [] })) },
      [{ sheet: "S", cell: "B2", rule: "number-as-text", old: "1", new: 1 }],
      "zh-CN",
    );
    expect(spec.tables?.[0].rows).toEqual([]);
    // specCells lays an empty table out with one row and throws if anything overlaps.
    const cells = specCells(spec);
    expect(cells.get("A4")).toBe("自动修正记录");
    expect(cells.get("A5")).toBe("工作表");
  });
});
