import { CONSOLIDATED_TABLE, consolidatedSheet, FIELDS, validateWorkbooks, type OutCell } from "../../../src/engine";
import { sheet, cleanRow, ALL, type Col } from "../helpers";
import { grid, range } from "../../support/grid";
import { fullYear, meetingRow, MEETING_HEADER, serial } from "../ledger";

const COLUMNS = [...FIELDS.map((f) => f.labels[0]), "来源"];

function consolidate(...built: ReturnType<typeof sheet>[]) {
  const { parsed } = validateWorkbooks([{ file: "a.xlsx", grids: built.map((b) => b.grid) }], { locale: "zh-CN" });
  const spec = consolidatedSheet(parsed, "zh-CN");
  const table = spec.tables?.[0];
  if (!table) throw new Error("no table");
  const value = (row: OutCell[], label: string) => row[COLUMNS.indexOf(label)];
  return { spec, table, value };
}

describe("consolidatedSheet", () => {
  it("has the columns of §2 in FIELDS order, then 来源", () => {
    const { spec, table } = consolidate(sheet());
    expect(spec).toMatchObject({ role: "consolidated", name: "汇总", freezeRows: 1 });
    expect(table.name).toBe(CONSOLIDATED_TABLE);
    expect(CONSOLIDATED_TABLE).toBe("DJ_Consolidated");
    expect(table.columns).toEqual(COLUMNS);
    expect(table.columns).toHaveLength(FIELDS.length + 1);
  });

  it("writes valid values normalised: numbers, money in 元, 是/否, levels as text", () => {
    const built = sheet({
      sheet: "财务处",
      labels: { budget: "党建经费预算（万元）", spent: "党建经费支出（万元）" },
      rows: [cleanRow(0, { budget: 2, spent: "1.5", hasCommittee: "√", memberReview: "否", membersFormal: "１２", levelPrev: " 一般 " })],
    });
    const { table, value } = consolidate(built);
    const [row] = table.rows;
    expect(value(row, "党建经费预算")).toBe(20000);
    expect(value(row, "党建经费支出")).toBe(15000);
    expect(value(row, "是否设支委会")).toBe("是");
    expect(value(row, "民主评议党员")).toBe("否");
    expect(value(row, "正式党员数")).toBe(12);
    expect(value(row, "上年定级")).toBe("一般");
    expect(value(row, "本年定级")).toBe("先进");
    expect(value(row, "组织生活会")).toBe(1);
    expect(value(row, "党支部名称")).toBe("第1党支部");
    expect(value(row, "党组织编码")).toBe("DZB001");
    expect(value(row, "否决事项")).toBe("无");
    expect(value(row, "备注")).toBeNull();
    expect(value(row, "来源")).toBe("财务处");
  });

  it("writes an invalid value as the department wrote it, and blank as null", () => {
    const built = sheet({
      rows: [cleanRow(0, { membersFormal: "十多", generalMeetings: 4.5, lectures: "#REF!", activists: null, hasCommittee: "也许" })],
    });
    const { table, value } = consolidate(built);
    const [row] = table.rows;
    expect(value(row, "正式党员数")).toBe("十多");
    expect(value(row, "党员大会")).toBe(4.5);
    expect(value(row, "党课")).toBe("#REF!");
    expect(value(row, "是否设支委会")).toBe("也许");
    expect(value(row, "入党积极分子数")).toBeNull();
  });

  it("fills a column the sheet lacks with null and keeps rows of every sheet, in order", () => {
    const without: Col[] = ALL.filter((c) => c !== "themeDays" && c !== "code");
    const a = sheet({ sheet: "甲", columns: without });
    const b = sheet({ sheet: "乙", rows: [cleanRow(5)] });
    const { table, value } = consolidate(a, b);
    expect(table.rows.map((r) => value(r, "来源"))).toEqual(["甲", "甲", "甲", "乙"]);
    expect(table.rows.map((r) => value(r, "主题党日"))).toEqual([null, null, null, 12]);
    expect(table.rows.map((r) => value(r, "党支部名称"))).toEqual(["第1党支部", "第2党支部", "第3党支部", "第6党支部"]);
  });

  it("gives the value of a merged 所属单位 to every row it covers", () => {
    const data = [cleanRow(0, { unit: "一处" }), cleanRow(1, { unit: null }), cleanRow(2, { unit: null })];
    const built = sheet({ rows: data });
    built.grid.merges.push(range(`${built.at("unit", 0)}:${built.at("unit", 2)}`));
    const { table, value } = consolidate(built);
    expect(table.rows.map((r) => value(r, "所属单位"))).toEqual(["一处", "一处", "一处"]);
  });
});

describe("consolidatedSheet with ledgers", () => {
  it("adds a table per ledger kind under the 统计表's, titled, dates as dates, without personal columns", () => {
    const built = sheet({ rows: [cleanRow(0)] });
    const meetings = fullYear().slice(0, 3);
    const header = [...MEETING_HEADER, "身份证号"];
    const ledgerGrid = grid([["填报单位：机关一局　统计期间：2025年"], header, ...meetings.map((m, i) => [...meetingRow(i, m), "620102198001015678"])], { sheet: "三会一课台账" });
    const { parsed } = validateWorkbooks([{ file: "a.xlsx", grids: [built.grid, ledgerGrid] }], { locale: "zh-CN" });
    const spec = consolidatedSheet(parsed, "zh-CN");
    const [main, ledgerTable] = spec.tables ?? [];
    expect(main.rows).toHaveLength(1);
    expect(spec.cells).toEqual([{ row: 4, col: 0, value: "三会一课台账（3 行）", bold: true }]);
    expect(ledgerTable).toMatchObject({ name: "DJ_Consolidated_Meetings", row: 5, col: 0 });
    expect(ledgerTable.columns).not.toContain("身份证号");
    expect(JSON.stringify(spec)).not.toContain("620102198001015678");
    const at = (label: string) => ledgerTable.columns.indexOf(label);
    expect(ledgerTable.rows.map((r) => [r[at("党支部名称")], r[at("会议类型")], r[at("会议日期")], r[at("来源")]])).toEqual(
      meetings.map((m) => ["第一党支部", m.type, serial(String(m.date)), "三会一课台账"]),
    );
    expect(ledgerTable.formats?.[at("会议日期")]).toBe("yyyy-mm-dd");
  });

  it("has only the 统计表's table when no ledger was validated", () => {
    const { spec } = consolidate(sheet());
    expect(spec.tables).toHaveLength(1);
    expect(spec.cells).toBeUndefined();
  });
});
