import { FLAG_COUNTS_TABLE, FLAGS_TABLE, flagsSheet, type Report } from "../../../src/engine";
import { check, cleanRow, sheet } from "../helpers";
import { specCells } from "../../support/sheetSpec";
import { fullYear, ledger } from "../ledger";

function flagged(): Report {
  const a = sheet({
    sheet: "机关",
    rows: [
      cleanRow(0, { membersFormal: 2, hasCommittee: "否", committeeMeetings: 0 }),
      cleanRow(1, { newMembers: 0, newMembersPrev: 0 }),
      cleanRow(2, { unit: "二处", newMembers: 0 }),
    ],
  });
  const b = sheet({ sheet: "后勤", title: [["填报单位：后勤处"]], rows: [cleanRow(3, { unit: null })] });
  return check([a.grid, b.grid]);
}

describe("flagsSheet", () => {
  it("lists one row per flag with its level in words and a link to the row", () => {
    const spec = flagsSheet(flagged(), "zh-CN");
    expect(spec).toMatchObject({ role: "flags", name: "预警", freezeRows: 1 });
    const table = spec.tables?.[0];
    expect(table?.name).toBe(FLAGS_TABLE);
    expect(table?.columns).toEqual(["所属单位", "党支部名称", "预警", "级别", "人员", "说明", "缺会期间", "来源"]);
    expect(table?.rows).toEqual([
      ["机关党委", "第1党支部", "党员不足3人", "一般", null, "正式党员 2 人", null, { link: { sheet: "机关", cell: "A4" }, text: "A4" }],
      ["机关党委", "第2党支部", "未发展党员", "严重", null, "连续2年未发展党员", null, { link: { sheet: "机关", cell: "A5" }, text: "A5" }],
      ["二处", "第3党支部", "未发展党员", "一般", null, "本年未发展党员", null, { link: { sheet: "机关", cell: "A6" }, text: "A6" }],
    ]);
  });

  it("a ledger's flags: the missing months and quarters of 缺会, and the member of 连续6个月未参加组织生活", () => {
    const meetings = fullYear()
      .filter((m) => !(m.type === "支委会" && m.date === "2025-03-05"))
      .map((m) => (m.type === "主题党日" || m.type === "党员大会" ? { ...m, leave: 0, absent: 1, absentees: "张三" } : m));
    const rows = flagsSheet(check(ledger(meetings)), "zh-CN").tables?.[0].rows ?? [];
    expect(rows.map((r) => [r[2], r[4], r[6]])).toEqual([
      ["缺会", null, "支委会 2025-03"],
      ["连续6个月未参加组织生活", "张三", null],
    ]);
  });

  it("counts flags per department in §4 order, with a row for a department without flags and a 合计 line", () => {
    const spec = flagsSheet(flagged(), "zh-CN");
    const counts = spec.tables?.[1];
    expect(counts).toMatchObject({ name: FLAG_COUNTS_TABLE, row: 0, col: 9 });
    expect(counts?.columns).toEqual(["所属单位", "未发展党员", "党员不足3人", "合计"]);
    expect(counts?.rows).toEqual([
      ["机关党委", 1, 1, 2],
      ["二处", 1, 0, 1],
      ["后勤处", 0, 0, 0],
    ]);
    const cells = specCells(spec);
    // One blank row between the table and the 合计 line, so the line is never taken into the table.
    expect(cells.get("J5")).toBeUndefined();
    expect([cells.get("J6"), cells.get("K6"), cells.get("L6"), cells.get("M6")]).toEqual(["合计", 2, 1, 3]);
    expect(spec.cells?.every((c) => c.bold)).toBe(true);
    expect(spec.widths?.length).toBe(9 + 4);
  });

  it("writes empty tables when nothing is flagged", () => {
    const spec = flagsSheet(check(sheet().grid), "zh-CN");
    expect(spec.tables?.[0].rows).toEqual([]);
    expect(spec.tables?.[1].columns).toEqual(["所属单位", "合计"]);
    expect(spec.tables?.[1].rows).toEqual([["机关党委", 0]]);
    expect(specCells(spec).get("J4")).toBe("合计");
  });
});
