/**
 * The annotated copy: marks and notes where the findings are, a linked 问题清单, and every
 * submitted value exactly as it was — checked with exceljs, in the raw XML, and by LibreOffice
 * opening the copy.
 */
import ExcelJS from "exceljs";
import { createHash } from "node:crypto";
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Finding } from "../../src/engine/report";
import { annotateWorkbook } from "../../src/files/annotate";
import { NOTE_PREFIX } from "../../src/host/marks";
import { readWorkbook } from "../../src/files/read";
import { snapshot } from "../support/cells";
import { parseCsv } from "../support/csv";
import { fods } from "../support/fods";
import { sheetsAsCsv, toXlsx } from "../support/libreoffice";
import { unzip } from "../support/zip";

/** A sheet name with both kinds of quote, to test the escaping inside our HYPERLINK formulas. */
const QUOTED = `党委'纪委"表`;

const SUBMISSION = fods([
  {
    name: "填报表",
    rows: [
      [{ value: "2025年度党支部工作情况统计表", colSpan: 6 }],
      ["序号", "党支部名称", "所属单位", "党员大会", "党课", "正式党员数", { date: "2025-03-01" }],
      [1, "第一党支部", { value: "办公室", rowSpan: 3 }, 4, { formula: "of:=SUM([.H3:.I3])" }, { value: "１２", note: "请核对（填表人批注）" }, null, 0],
      [2, "第二党支部", null, { formula: "of:=1/0" }, 0, 5],
      [3, "第三党支部", null, 3, { formula: "of:=1=2" }, '=HYPERLINK("http://example.invalid","点我")'],
      ["合计", null, null, { formula: "of:=SUM([.D5:.D5])" }, { formula: "of:=SUM([.E3:.E4])" }, { formula: 'of:=IF(1>2;"x";"")' }],
    ],
  },
  { name: "问题清单", rows: [["我自己的问题清单"], ["第一条", 1]] },
  { name: "隐藏", hidden: true, rows: [["内部", { formula: "of:=0*5" }]] },
  { name: QUOTED, rows: [["名称", { formula: "of:=1+1" }]] },
]);

function finding(partial: Partial<Finding> & Pick<Finding, "sheet" | "cell" | "severity" | "message">): Finding {
  const m = /^([A-Z]+)(\d+)$/.exec(partial.cell);
  return { rule: "inconsistent", row: m ? Number(m[2]) : 0, column: m ? m[1] : "", ...partial };
}

const FINDINGS: Finding[] = [
  finding({ rule: "excel-error", severity: "error", sheet: "填报表", cell: "D4", field: "generalMeetings", value: "#DIV/0!", message: "D4：党员大会是 Excel 错误值 #DIV/0!。" }),
  finding({ rule: "number-as-text", severity: "warning", sheet: "填报表", cell: "F3", field: "membersFormal", value: "１２", fix: 12, message: "F3：正式党员数“１２”是文本格式的全角数字。" }),
  finding({ rule: "inconsistent", severity: "warning", sheet: "填报表", cell: "E3", field: "lectures", value: 0, message: "E3：第一条警告。" }),
  finding({ rule: "not-an-integer", severity: "error", sheet: "填报表", cell: "E3", field: "lectures", value: 0, message: "E3：随后的错误。" }),
  finding({ rule: "period-unknown", severity: "info", sheet: "填报表", cell: "A1", message: "未找到统计期间。" }),
  finding({ rule: "missing-value", severity: "error", sheet: "填报表", cell: "C4", field: "unit", message: "C4：被合并覆盖的单元格。" }),
  finding({ rule: "not-a-number", severity: "warning", sheet: "填报表", cell: "F5", field: "membersFormal", value: '=HYPERLINK("http://example.invalid","点我")', fix: "+1", message: "F5：不是数字。" }),
  finding({ rule: "bad-option", severity: "warning", sheet: "隐藏", cell: "A1", value: "-1", fix: "@x", message: "A1：提示@x。" }),
  finding({ rule: "unknown-column", severity: "warning", sheet: QUOTED, cell: "B1", message: "B1：引号工作表。" }),
];

const FILE = "二局报表.xlsx";

const RED = "FFFFC7CE";
const AMBER = "FFFFEB9C";

function sha256(data: Buffer): string {
  return createHash("sha256").update(data).digest("hex");
}

async function load(data: Buffer): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(data as unknown as ArrayBuffer);
  return wb;
}

function fillOf(cell: ExcelJS.Cell): string | undefined {
  const fill = cell.fill as ExcelJS.FillPattern | undefined;
  return fill?.type === "pattern" && fill.pattern === "solid" ? fill.fgColor?.argb : undefined;
}

function noteText(cell: ExcelJS.Cell): string | undefined {
  const note = cell.note as string | ExcelJS.Comment | undefined;
  if (note === undefined || typeof note === "string") return note;
  return (note.texts ?? []).map((t) => t.text).join("");
}

describe("annotateWorkbook on a LibreOffice .xlsx", () => {
  let input: Buffer;
  let inputHash: string;
  let copy: Buffer;
  let original: ExcelJS.Workbook;
  let annotated: ExcelJS.Workbook;

  beforeAll(async () => {
    input = await readFile(await toXlsx(SUBMISSION, "annotate-input"));
    inputHash = sha256(input);
    copy = await annotateWorkbook(input, FILE, FINDINGS, { locale: "zh-CN" });
    original = await load(input);
    annotated = await load(copy);
  });

  test("the input buffer is not modified", () => {
    expect(sha256(input)).toBe(inputHash);
    expect(copy).not.toBe(input);
  });

  test("problem cells are filled by severity; red wins; info and other cells are not filled", () => {
    const ws = annotated.getWorksheet("填报表")!;
    expect(fillOf(ws.getCell("D4"))).toBe(RED);
    expect(fillOf(ws.getCell("F3"))).toBe(AMBER);
    expect(fillOf(ws.getCell("E3"))).toBe(RED); // a warning and an error
    expect(fillOf(ws.getCell("F5"))).toBe(AMBER);
    expect(fillOf(ws.getCell("A1"))).toBeUndefined(); // info only
    expect(fillOf(annotated.getWorksheet("隐藏")!.getCell("A1"))).toBe(AMBER);
    // exceljs shares a style object between cells of the same style: none may be painted along.
    for (const address of ["D3", "D5", "E4", "E5", "B4", "A2", "F4", "D6"]) {
      expect([address, fillOf(ws.getCell(address))]).toEqual([address, undefined]);
    }
  });

  test("a finding on a cell covered by a merge marks the merge's visible cell", () => {
    const ws = annotated.getWorksheet("填报表")!;
    expect(fillOf(ws.getCell("C3"))).toBe(RED);
    expect(noteText(ws.getCell("C3"))).toContain("C4：被合并覆盖的单元格。");
  });

  test("notes hold every message of the cell, in order, after the user's own note, as the add-in writes them", () => {
    const ws = annotated.getWorksheet("填报表")!;
    expect(noteText(ws.getCell("E3"))).toBe(`${NOTE_PREFIX}\n【警告】E3：第一条警告。\n【错误】E3：随后的错误。`);
    expect(noteText(ws.getCell("D4"))).toBe(`${NOTE_PREFIX}\n【错误】D4：党员大会是 Excel 错误值 #DIV/0!。`);
    // Info findings are for the record: listed in 问题清单, not noted on the cell (as in the add-in).
    expect(noteText(ws.getCell("A1"))).toBeUndefined();
    const f3 = noteText(ws.getCell("F3"))!;
    expect(f3.startsWith("请核对（填表人批注）\n\n")).toBe(true);
    expect(f3.endsWith(`${NOTE_PREFIX}\n【警告】F3：正式党员数“１２”是文本格式的全角数字。`)).toBe(true);
    expect(noteText(ws.getCell("B3"))).toBeUndefined();
  });

  test("every original cell keeps its value, formula and cached result (0 and false included)", async () => {
    for (const ws of original.worksheets) {
      expect([ws.name, snapshot(annotated.getWorksheet(ws.name)!)]).toEqual([ws.name, snapshot(ws)]);
    }
    const sheet = annotated.getWorksheet("填报表")!;
    expect(sheet.getCell("E3").result).toBe(0);
    expect(sheet.getCell("E5").result).toBe(false);
    expect(annotated.getWorksheet("隐藏")!.getCell("B1").result).toBe(0);
    // And the reader sees the same grids, merges and visibility.
    const before = await readWorkbook(input);
    const after = await readWorkbook(copy);
    expect(after.slice(0, before.length)).toEqual(before);
    expect(annotated.getWorksheet("隐藏")!.state).toBe("hidden");
  });

  test("cached results of 0 are written into the copy's XML", () => {
    const xml = unzip(copy).get("xl/worksheets/sheet1.xml")!.toString("utf8");
    expect(xml).toMatch(/<c r="E3"[^>]*><f>SUM\(H3:I3\)<\/f><v>0<\/v><\/c>/);
    expect(xml).toMatch(/<c r="E5"[^>]*t="b"[^>]*><f>1=2<\/f><v>0<\/v><\/c>/);
  });

  test("the user's 问题清单 is kept; ours is 问题清单 (2), after the original sheets", () => {
    expect(annotated.worksheets.map((ws) => ws.name)).toEqual(["填报表", "问题清单", "隐藏", QUOTED, "问题清单 (2)"]);
    expect(snapshot(annotated.getWorksheet("问题清单")!)).toEqual(snapshot(original.getWorksheet("问题清单")!));
  });

  test("问题清单 (2) is the add-in's 问题清单: every finding with a link to its cell", () => {
    const ws = annotated.getWorksheet("问题清单 (2)")!;
    const header = (ws.getRow(1).values as unknown[]).slice(1);
    expect(header).toEqual(["序号", "文件", "工作表", "单元格", "规则", "级别", "字段", "原值", "问题说明", "建议修正"]);
    expect(ws.actualRowCount).toBe(FINDINGS.length + 1);
    FINDINGS.forEach((f, i) => {
      const row = ws.getRow(i + 2);
      expect(row.getCell(1).value).toBe(i + 1);
      expect(row.getCell(2).value).toBe(FILE);
      expect(row.getCell(3).value).toBe(f.sheet);
      expect(row.getCell(5).value).toBe(f.rule);
      expect(row.getCell(6).value).toBe({ error: "错误", warning: "警告", info: "提示" }[f.severity]);
      expect(row.getCell(9).value).toBe(f.message);
    });
    const first = ws.getRow(2);
    expect(first.getCell(4).formula).toBe(`HYPERLINK("#'填报表'!D4","D4")`);
    expect(first.getCell(4).result).toBe("D4");
    expect(first.getCell(7).value).toBe("党员大会");
    expect(ws.getRow(3).getCell(10).value).toBe(12);
  });

  test("values copied from submissions are text, never formulas", () => {
    const ws = annotated.getWorksheet("问题清单 (2)")!;
    const hyperlinkRow = ws.getRow(8);
    const atRow = ws.getRow(9);
    for (const [cell, text] of [
      [hyperlinkRow.getCell(8), '=HYPERLINK("http://example.invalid","点我")'],
      [hyperlinkRow.getCell(10), "+1"],
      [atRow.getCell(8), "-1"],
      [atRow.getCell(10), "@x"],
    ] as const) {
      expect([cell.type, cell.value]).toEqual([ExcelJS.ValueType.String, text]);
    }
    // In the XML: the only formulas of the sheet are our HYPERLINK links.
    const files = unzip(copy);
    const xml = files.get("xl/worksheets/sheet5.xml")!.toString("utf8");
    const formulas = [...xml.matchAll(/<f>([^<]*)<\/f>/g)].map((m) => m[1].replace(/&quot;/g, '"').replace(/&apos;/g, "'"));
    expect(formulas.length).toBe(FINDINGS.length);
    for (const f of formulas) expect(f).toMatch(/^HYPERLINK\("#'(填报表|隐藏|党委''纪委""表)'![A-Z]+\d+","[A-Z]+\d+"\)$/);
  });

  test("LibreOffice opens the copy, shows the original's values, and recalculates to the same", async () => {
    const dir = await mkdtemp(join(tmpdir(), "dj-annotate-"));
    try {
      await writeFile(join(dir, "original.xlsx"), input);
      await writeFile(join(dir, "copy.xlsx"), copy);
      const [before, cached, recalculated] = await Promise.all([
        sheetsAsCsv(join(dir, "original.xlsx")),
        sheetsAsCsv(join(dir, "copy.xlsx")),
        sheetsAsCsv(join(dir, "copy.xlsx"), { recalc: true }),
      ]);
      expect([...before.keys()]).toEqual(expect.arrayContaining(["填报表", "问题清单", "隐藏"]));
      for (const [name, csv] of before) {
        expect([name, cached.get(name)]).toEqual([name, csv]); // the cached values we wrote
        expect([name, recalculated.get(name)]).toEqual([name, csv]); // the formulas we kept
      }
      // Our HYPERLINK formulas parse (quotes in sheet names included) and give their address.
      expect(recalculated.get("问题清单 (2)")).toBe(cached.get("问题清单 (2)"));
      const report = parseCsv(cached.get("问题清单 (2)")!);
      expect(report[1].slice(0, 4)).toEqual(["1", FILE, "填报表", "D4"]);
      expect(report[7][7]).toBe('=HYPERLINK("http://example.invalid","点我")');
      expect(report[7][9]).toBe("+1");
      expect(report[8][9]).toBe("@x");
      expect(report[9].slice(2, 4)).toEqual([QUOTED, "B1"]);
      expect(parseCsv(before.get("填报表")!)[2][4]).toBe("0"); // the =SUM of 0, as LibreOffice shows it
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
