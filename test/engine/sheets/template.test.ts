import { developmentKind, duesKind, FIELDS, meetingsKind, submissionKind, templateSheet, validate, withDefaults, type Grid } from "../../../src/engine";
import { recognise } from "../../../src/engine/validate";
import { SheetView } from "../../../src/engine/view";
import { toCell } from "../../support/grid";
import { specGrid } from "../../support/sheetSpec";
import { cleanRow, LABEL, type Key } from "../helpers";

/** The template with one data row (sheet row 4) filled in from a clean row, by standard label. */
function filled(grid: Grid, unit: string): Grid {
  const header = grid.cells[2];
  const row = cleanRow(0);
  const labelOf = (cell: (typeof header)[number]) => (cell.kind === "text" ? cell.value.replace("（元）", "") : "");
  const keyOf = (label: string) => (Object.keys(LABEL) as Key[]).find((k) => LABEL[k].replace("（元）", "") === label);
  const data = header.map((cell) => {
    const key = keyOf(labelOf(cell));
    return toCell(key ? row[key] : null);
  });
  const cells = grid.cells.map((line) => [...line]);
  cells[1][1] = toCell(unit);
  cells[3] = data;
  return { ...grid, cells };
}

describe("templateSheet", () => {
  it("has a title, the 填报单位/统计期间 labels and the header of §2", () => {
    const spec = templateSheet(submissionKind, withDefaults(), "zh-CN");
    expect(spec).toMatchObject({ role: "template", name: "填报模板", freezeRows: 3 });
    const at = (row: number, col: number) => spec.cells?.find((c) => c.row === row && c.col === col)?.value;
    expect(at(0, 0)).toBe("党支部工作情况统计表");
    expect(at(1, 0)).toBe("填报单位：");
    expect(at(1, 5)).toBe("统计期间：");
    expect(FIELDS.map((_, col) => at(2, col))).toEqual(FIELDS.map((f) => (f.type === "money" ? `${f.labels[0]}（元）` : f.labels[0])));
    expect(spec.widths).toHaveLength(FIELDS.length);
  });

  it("is recognised as a submission, and a filled-in valid row validates with no error", () => {
    const grid = specGrid(templateSheet(submissionKind, withDefaults(), "zh-CN"));
    expect(recognise(new SheetView(grid))?.kind.id).toBe("submission");
    const blank = validate([{ file: "t.xlsx", grids: [grid] }], { locale: "zh-CN" });
    expect(blank.files[0].skipped).toEqual([]);
    expect(blank.summary.errors).toBe(0);

    const report = validate([{ file: "t.xlsx", grids: [filled(grid, "机关党委")] }], { locale: "zh-CN" });
    const [sheetReport] = report.files[0].sheets;
    expect(sheetReport).toMatchObject({ sheet: "填报模板", unit: "机关党委", rows: 1 });
    expect(sheetReport.findings.map((f) => f.rule)).toEqual(["period-unknown"]);
    expect(sheetReport.flags).toEqual([]);
  });

  it("validates each column by its type, with a prompt and an error message", () => {
    const spec = templateSheet(submissionKind, withDefaults(), "zh-CN", 20);
    const of = (key: string) => spec.validations?.find((v) => v.area.col === FIELDS.findIndex((f) => f.key === key));
    expect(of("levelPrev")).toEqual({
      area: { row: 3, col: 23, rows: 20, cols: 1 },
      rule: { kind: "list", options: ["后进", "一般", "先进"] },
      prompt: { title: "上年定级", message: "请从下拉列表选择等次：后进、一般、先进。" },
      error: { title: "输入有误", message: "“上年定级”只能是以下等次之一：后进、一般、先进。" },
    });
    expect(of("hasCommittee")?.rule).toEqual({ kind: "list", options: ["是", "否"] });
    expect(of("membersFormal")?.rule).toEqual({ kind: "whole", min: 0, max: 9999 });
    expect(of("membersFormal")?.prompt).toEqual({ title: "正式党员数", message: "请填写 0 到 9999 之间的整数，单位：人。" });
    expect(of("generalMeetings")?.prompt?.message).toContain("单位：次");
    expect(of("partyScore")?.rule).toEqual({ kind: "decimal", min: 0, max: 100 });
    expect(of("budget")?.rule).toEqual({ kind: "decimal", min: 0 });
    expect(of("budget")?.prompt?.message).toContain("元");
    expect(of("budget")?.error?.message).toBe("“党建经费预算”应为不小于 0 的数字（元）。");
    for (const free of ["seq", "branch", "unit", "orgLifeMeeting", "veto", "notes"]) expect(of(free)).toBeUndefined();
    expect(spec.validations).toHaveLength(FIELDS.length - 7);
  });

  it("offers the office's levels when it set them", () => {
    const spec = templateSheet(submissionKind, withDefaults({ levels: ["一星", "二星", "三星", "四星", "五星"], thresholds: [60, 70, 80, 90] }), "zh-CN");
    const level = spec.validations?.find((v) => v.prompt?.title === "本年定级");
    expect(level?.rule).toEqual({ kind: "list", options: ["一星", "二星", "三星", "四星", "五星"] });
  });
});

describe("the meeting-ledger template", () => {
  const spec = templateSheet(meetingsKind, withDefaults(), "zh-CN", 30);
  const header = () => (spec.cells ?? []).filter((c) => c.row === 2).map((c) => c.value);
  const of = (label: string) => spec.validations?.find((v) => v.prompt?.title === label);

  it("is a 三会一课台账 of the ledger's fields, recognised as a meeting ledger", () => {
    expect(spec).toMatchObject({ role: "template", name: "三会一课台账模板", freezeRows: 3 });
    expect(spec.cells?.find((c) => c.row === 0)?.value).toBe("三会一课台账");
    expect(header()).toEqual(["序号", "党支部名称", "会议类型", "会议日期", "会议主题", "会议地点", "主持人", "记录人", "应到人数", "实到人数", "请假人数", "缺席人数", "缺席人员", "备注"]);
    expect(recognise(new SheetView(specGrid(spec)))?.kind.id).toBe("meetings");
  });

  it("offers the meeting types in a drop-down, checks dates and counts, and prompts for each", () => {
    expect(of("会议类型")).toEqual({
      area: { row: 3, col: 2, rows: 30, cols: 1 },
      rule: { kind: "list", options: ["党员大会", "支委会", "党小组会", "党课", "主题党日", "组织生活会", "民主评议"] },
      prompt: { title: "会议类型", message: "请从下拉列表选择：党员大会、支委会、党小组会、党课、主题党日、组织生活会、民主评议。" },
      error: { title: "输入有误", message: "“会议类型”只能是以下之一：党员大会、支委会、党小组会、党课、主题党日、组织生活会、民主评议。" },
    });
    expect(of("会议日期")?.rule).toEqual({ kind: "date", min: "1900-03-01", max: "2099-12-31" });
    expect(of("会议日期")?.prompt?.message).toBe("请填写日期，如 2025-03-05。");
    expect(of("实到人数")?.rule).toEqual({ kind: "whole", min: 0, max: 9999 });
    expect(of("实到人数")?.prompt?.message).toContain("单位：人");
  });
});

describe("the 发展党员 register template", () => {
  const spec = templateSheet(developmentKind, withDefaults(), "zh-CN", 30);
  const header = () => (spec.cells ?? []).filter((c) => c.row === 2).map((c) => c.value);
  const of = (label: string) => spec.validations?.find((v) => v.prompt?.title === label);

  it("is a 发展党员台账 of the register's fields, recognised as a register", () => {
    expect(spec).toMatchObject({ role: "template", name: "发展党员台账模板", freezeRows: 3 });
    expect(spec.cells?.find((c) => c.row === 0)?.value).toBe("发展党员工作台账");
    expect(header()).toEqual([
      "序号", "党支部名称", "姓名", "出生日期", "递交入党申请书时间", "首次组织谈话时间", "确定为入党积极分子时间", "确定为发展对象时间",
      "接收为预备党员时间", "党委审批时间", "转为正式党员时间", "延长预备期（月）", "入党介绍人", "备注",
    ]);
    expect(recognise(new SheetView(specGrid(spec)))?.kind.id).toBe("development");
  });

  it("checks each stage's date and the months of an extension, 6 to 12", () => {
    expect(of("接收为预备党员时间")?.rule).toEqual({ kind: "date", min: "1900-03-01", max: "2099-12-31" });
    expect(of("延长预备期（月）")).toMatchObject({
      rule: { kind: "whole", min: 6, max: 12 },
      prompt: { message: "请填写 6 到 12 之间的整数，单位：月。" },
      error: { message: "“延长预备期（月）”应为 6 到 12 之间的整数。" },
    });
  });
});

describe("the 党费 ledger template", () => {
  const spec = templateSheet(duesKind, withDefaults(), "zh-CN", 30);
  const header = () => (spec.cells ?? []).filter((c) => c.row === 2).map((c) => c.value);
  const of = (label: string) => spec.validations?.find((v) => v.prompt?.title === label);

  it("is a wide 党费台账, a month a column, recognised as a dues ledger", () => {
    expect(spec).toMatchObject({ role: "template", name: "党费台账模板", freezeRows: 3 });
    expect(header()).toEqual([
      "序号", "党支部名称", "姓名", "人员类别", "缴费基数（元）", "月缴纳额（元）",
      ...Array.from({ length: 12 }, (_, i) => `${i + 1}月（元）`), "减免", "备注",
    ]);
    expect(recognise(new SheetView(specGrid(spec)))?.kind.id).toBe("dues");
  });

  it("offers the member categories in a drop-down and checks the amounts", () => {
    expect(of("人员类别")).toMatchObject({
      area: { row: 3, col: 3, rows: 30, cols: 1 },
      rule: { kind: "list", options: ["在职", "离退休", "学生", "农民", "低保", "其他"] },
    });
    expect(of("缴费基数")?.rule).toEqual({ kind: "decimal", min: 0 });
    expect(of("6月")?.rule).toEqual({ kind: "decimal", min: 0 });
    expect(header()).not.toContain("身份证号");
  });
});
