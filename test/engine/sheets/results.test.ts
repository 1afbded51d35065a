import { resultsSheet, resultLevels, validateWorkbooks, withDefaults, type SheetSpec, type TableSpec } from "../../../src/engine";
import { cleanRow, sheet } from "../helpers";
import { specCells } from "../../support/sheetSpec";
import { grid } from "../../support/grid";

function parsedOf(rows = [cleanRow(0), cleanRow(1, { partyScore: "abc", levelPrev: "先进" }), cleanRow(2, { veto: "违纪", partyScore: null })]) {
  return validateWorkbooks([{ file: "a.xlsx", grids: [sheet({ sheet: "机关", rows }).grid] }], { locale: "zh-CN" }).parsed;
}

function table(spec: SheetSpec, name: string): TableSpec {
  const found = spec.tables?.find((t) => t.name === name);
  if (!found) throw new Error(`no table ${name}`);
  return found;
}

const LEVELS_ARG = `IF(DJ_Levels="","后进,一般,先进",DJ_Levels)`;

describe("resultsSheet", () => {
  it("writes one row per branch with valid values only, then live formulas over the 参数 names", () => {
    const spec = resultsSheet(parsedOf(), withDefaults(), new Map(), "zh-CN");
    expect(spec).toMatchObject({ role: "results", name: "考核结果", freezeRows: 1 });
    const results = table(spec, "DJ_Results");
    expect(results.columns).toEqual(["来源", "所属单位", "党支部名称", "上年定级", "党建得分", "业务得分", "否决", "综合得分", "定级", "排名"]);
    const combined = { formula: "DJ.COMBINEDSCORE([@[党建得分]],[@[业务得分]],DJ_PartyWeight,DJ_Method)" };
    const level = { formula: `DJ.LEVEL([@[综合得分]],[@[否决]],DJ_Thresholds,${LEVELS_ARG})` };
    const rank = { formula: `IF([@[综合得分]]="","",RANK.EQ([@[综合得分]],[综合得分]))` };
    expect(results.rows).toEqual([
      ["机关", "机关党委", "第1党支部", "一般", 92, 90, null, combined, level, rank],
      // An unreadable score is left blank: the row is not scored, and 问题清单 says why.
      ["机关", "机关党委", "第2党支部", "先进", null, 90, null, combined, level, rank],
      ["机关", "机关党委", "第3党支部", "一般", null, 90, "是", combined, level, rank],
    ]);
    expect(results.formats?.[7]).toBe("0.00");
  });

  it("takes 上年定级 from the roster where it has one: the office's record wins (PRODUCT.md §7)", () => {
    const roster = grid([["党支部名称", "所属单位", "上年定级"], ["第1党支部", "机关党委", "后进"], ["第2党支部", "机关党委", ""]], { sheet: "名册" });
    const rows = [cleanRow(0), cleanRow(1, { levelPrev: "先进" }), cleanRow(2)];
    const validation = validateWorkbooks([{ file: "a.xlsx", grids: [sheet({ sheet: "机关", rows }).grid, roster] }], { locale: "zh-CN", roster: [roster] });
    // 第1 is in the roster as 后进 (submitted 一般); 第2 has no roster level (submitted 先进 stands); 第3 is not in the roster.
    expect([...validation.rosterLevels.values()]).toEqual(["后进"]);
    const withRoster = table(resultsSheet(validation.parsed, withDefaults(), validation.rosterLevels, "zh-CN"), "DJ_Results");
    expect(withRoster.rows.map((row) => row[3])).toEqual(["后进", "先进", "一般"]);
    const selfReported = table(resultsSheet(validation.parsed, withDefaults(), new Map(), "zh-CN"), "DJ_Results");
    expect(selfReported.rows.map((row) => row[3])).toEqual(["一般", "先进", "一般"]);
  });

  it("puts the transition matrix in one anchor cell whose spill area nothing else uses", () => {
    const spec = resultsSheet(parsedOf(), withDefaults(), new Map(), "zh-CN");
    const cells = specCells(spec);
    expect(cells.get("L1")).toBe("升降矩阵（行：上年定级；列：本年定级）");
    expect(cells.get("L2")).toEqual({ formula: `DJ.TRANSITIONS(DJ_Results[上年定级],DJ_Results[定级],${LEVELS_ARG})` });
    // 3 levels: a 4 × 4 spill from L2 (L2:O5), and a blank row under it.
    for (const col of ["L", "M", "N", "O", "P"]) {
      for (let row = 2; row <= 6; row++) if (`${col}${row}` !== "L2") expect(cells.get(`${col}${row}`)).toBeUndefined();
    }
  });

  it("computes upgrade rates per starting class and overall, as percentages", () => {
    const spec = resultsSheet(parsedOf(), withDefaults(), new Map(), "zh-CN");
    const upgrade = table(spec, "DJ_UpgradeRates");
    expect(upgrade).toMatchObject({ row: 6, col: 11, columns: ["等次", "晋位升级率"], formats: [undefined, "0.0%"] });
    const rate = (from: string) => ({ formula: `DJ.UPGRADERATE(DJ_Results[上年定级],DJ_Results[定级],${from},${LEVELS_ARG})` });
    expect(upgrade.rows).toEqual([
      ["上年“后进”", rate(`"后进"`)],
      ["上年“一般”", rate(`"一般"`)],
      ["总体", rate(`""`)],
    ]);
  });

  it("counts each level before and after, each count block the source of its chart", () => {
    const spec = resultsSheet(parsedOf(), withDefaults(), new Map(), "zh-CN");
    const prev = table(spec, "DJ_GradesPrev");
    const current = table(spec, "DJ_GradesCurrent");
    expect(prev.columns).toEqual(["等次", "上年"]);
    expect(current.columns).toEqual(["等次", "本年"]);
    expect(prev.rows).toEqual(["后进", "一般", "先进"].map((level) => [level, { formula: "COUNTIF(DJ_Results[上年定级],[@[等次]])" }]));
    expect(current.rows.map((r) => r[1])).toEqual(Array(3).fill({ formula: "COUNTIF(DJ_Results[定级],[@[等次]])" }));
    expect(current.col).toBe(prev.col + 3);
    expect(spec.charts).toEqual([
      { title: "定级分布（上年）", type: "columnClustered", source: { row: prev.row, col: prev.col, rows: 4, cols: 2 }, at: { row: prev.row + 5, col: 11 } },
      { title: "定级分布（本年）", type: "columnClustered", source: { row: current.row, col: current.col, rows: 4, cols: 2 }, at: { row: prev.row + 5, col: 20 } },
    ]);
    const cells = specCells(spec);
    expect(cells.get(`L${prev.row}`)).toBe("定级分布");
    // Charts stand below every cell written.
    const lastRow = Math.max(...[...cells.keys()].map((a) => Number(/\d+$/.exec(a)?.[0])));
    expect(prev.row + 5).toBeGreaterThanOrEqual(lastRow);
  });

  it("shows the office's levels, else the scheme of the sheets, else the default", () => {
    const fourLevels = parsedOf([cleanRow(0, { levelPrev: "较差", level: "好" })]);
    expect(resultLevels(fourLevels, withDefaults())).toEqual(["较差", "一般", "较好", "好"]);
    expect(resultLevels(parsedOf(), withDefaults({ levels: ["差", "中", "优"] }))).toEqual(["差", "中", "优"]);
    expect(resultLevels([], withDefaults())).toEqual(["后进", "一般", "先进"]);

    const spec = resultsSheet(fourLevels, withDefaults({ thresholds: [60, 75, 90] }), new Map(), "zh-CN");
    const cells = specCells(spec);
    expect(cells.get("L2")).toEqual({ formula: `DJ.TRANSITIONS(DJ_Results[上年定级],DJ_Results[定级],IF(DJ_Levels="","较差,一般,较好,好",DJ_Levels))` });
    // 4 levels: the 5 × 5 spill (L2:P6) stays clear; the rates start after a blank row.
    for (let row = 3; row <= 7; row++) for (const col of ["L", "M", "N", "O", "P"]) expect(cells.get(`${col}${row}`)).toBeUndefined();
    expect(table(spec, "DJ_UpgradeRates").row).toBe(7);
    expect(table(spec, "DJ_GradesPrev").rows.map((r) => r[0])).toEqual(["较差", "一般", "较好", "好"]);
  });

  it("writes an empty results table when nothing was parsed", () => {
    const spec = resultsSheet([], withDefaults(), new Map(), "zh-CN");
    expect(table(spec, "DJ_Results").rows).toEqual([]);
    expect(() => specCells(spec)).not.toThrow();
  });
});
