/**
 * The WPS host over the fake ET model (test/wps/fakeEt.ts):
 * - a LibreOffice-made messy submission, opened in "WPS", is read into the very grids the file
 *   reader makes of the same file, so the engine reports the same findings as the CLI;
 * - marking puts a conditional format of ours on every error and warning cell and the messages
 *   as comments, changes no value, keeps the user's own comment and conditional format, and
 *   clearing leaves the workbook exactly as it was;
 * - reading and marking cost object-model calls by block and by finding, never by row.
 */
import { validateWorkbooks, type Finding } from "../../src/engine";
import { readWorkbook } from "../../src/files/read";
import { rowBlocks } from "../../src/host/blocks";
import { chunkAddresses } from "../../src/host/address";
import { locatedFindings } from "../../src/host/host";
import { MARK_COLORS, NOTE_PREFIX, planMarks, SIGNATURE } from "../../src/host/marks";
import { bgr } from "../../src/wps/et";
import { BLOCK_CELLS, HEAD_ROWS } from "../../src/wps/readGrid";
import { MAX_ADDRESS } from "../../src/wps/marks";
import { WpsHost } from "../../src/wps/wpsHost";
import { makeXlsx, messyRows, MESSY_EXPECTED } from "../cli/fixtures";
import { readFileSync } from "node:fs";
import { createFakeEt, type FakeBookData, type FakeCellData, type FakeEt } from "./fakeEt";
import { fakeBookFromXlsx } from "./fromXlsx";

const LOCALE = "zh-CN" as const;

function hostOn(fake: FakeEt, blockCells?: number): WpsHost {
  return new WpsHost(() => fake.root, { locale: LOCALE, blockCells });
}

/** The cells' values and formulas only: what a user typed or a formula shows (a snapshot lists an empty cell given a comment). */
function values(book: FakeBookData): Record<string, Record<string, unknown>> {
  const filled = (cell: FakeCellData) => cell.value !== "" || cell.formula !== undefined;
  return Object.fromEntries(book.sheets.map((sheet) => [sheet.name, Object.fromEntries(sheet.cells.filter(filled).map((c) => [c.address, [c.value, c.formula ?? null]]))]));
}

describe("a messy submission in WPS", () => {
  let file: string;
  let data: FakeBookData;

  beforeAll(async () => {
    file = await makeXlsx("wps-messy", messyRows());
    data = await fakeBookFromXlsx(file);
  });

  test.each([
    ["2-D arrays", false],
    ["one row as a 1-D array, as some builds give it", true],
  ])("with Value2 as %s, is read into the grids the file reader makes, so the findings are the CLI's", async (_shape, oneRowAs1D) => {
    const fake = createFakeEt(data, { oneRowAs1D });
    // With 1-D rows, blocks of one row each (the sheet is 14 columns wide): every read is a row.
    const [book] = await hostOn(fake, oneRowAs1D ? 14 : undefined).readWorkbooks("all");
    if (oneRowAs1D) expect(fake.callLog.filter((call) => call === "Range.Value2.get").length).toBeGreaterThan(10);
    const fromFile = await readWorkbook(readFileSync(file));
    const wps = validateWorkbooks([book], { locale: LOCALE }).report;
    const cli = validateWorkbooks([{ file: book.file, grids: fromFile }], { locale: LOCALE }).report;
    const found = (report: typeof wps) => locatedFindings(report).map((f) => [f.sheet, f.cell, f.rule, f.message]);
    expect(found(wps)).toEqual(found(cli));
    for (const [rule, cell] of MESSY_EXPECTED) expect(found(wps)).toContainEqual(["报表", cell, rule, expect.any(String)]);
  });

  test("is marked at every problem cell with its message, no value changed, and cleared to what it was", async () => {
    // A user's own comment on a problem cell, and a conditional format of theirs.
    const withUsers: FakeBookData = structuredClone(data);
    const sheet = withUsers.sheets[0];
    const userCell = sheet.cells.find((c) => c.address === "C7") as FakeCellData;
    userCell.comment = "请核实";
    sheet.formatConditions = [{ address: "A6:A13", type: 2, formula1: "=A6>5", interiorColor: 65535 }];
    const fake = createFakeEt(withUsers);
    const before = fake.snapshot();
    const host = hostOn(fake);

    const [book] = await host.readWorkbooks("all");
    const findings = locatedFindings(validateWorkbooks([book], { locale: LOCALE }).report);
    await host.markFindings(findings);

    const plan = planMarks(findings, LOCALE).get("报表")!;
    const cellsOf = (severity: "error" | "warning") => [...plan].filter(([, m]) => m.severity === severity).map(([cell]) => cell);
    const ours = fake.formatConditions("报表").filter((f) => f.formula1 === SIGNATURE.error || f.formula1 === SIGNATURE.warning);
    for (const severity of ["error", "warning"] as const) {
      const marked = ours.filter((f) => f.formula1 === SIGNATURE[severity]);
      expect(marked.flatMap((f) => f.address.split(",")).sort()).toEqual(cellsOf(severity).sort());
      for (const format of marked) {
        expect(format.interiorColor).toBe(bgr(MARK_COLORS[severity].fill));
        expect(format.fontColor).toBe(bgr(MARK_COLORS[severity].font));
      }
    }
    const comments = fake.comments("报表");
    for (const [cell, mark] of plan) expect(comments[cell]).toBe(cell === "C7" ? "请核实" : mark.note);
    expect(comments.C7).toBe("请核实");
    expect(Object.keys(comments).sort()).toEqual([...plan.keys()].sort());
    expect(comments.F7).toContain(NOTE_PREFIX);
    expect(fake.formatConditions("报表")).toContainEqual(expect.objectContaining({ address: "A6:A13", formula1: "=A6>5" }));
    expect(values(fake.snapshot())).toEqual(values(before));

    await host.clearMarks();
    expect(fake.snapshot()).toEqual(before);
  });

  test("marking again replaces the earlier marks instead of adding to them", async () => {
    const fake = createFakeEt(data);
    const host = hostOn(fake);
    const [book] = await host.readWorkbooks("all");
    const findings = locatedFindings(validateWorkbooks([book], { locale: LOCALE }).report);
    await host.markFindings(findings);
    const once = fake.snapshot();
    await host.markFindings(findings);
    expect(fake.snapshot()).toEqual(once);
  });

  test("selects a finding's cell on its sheet", async () => {
    const fake = createFakeEt(data);
    await hostOn(fake).selectCell("wps-messy.xlsx", "报表", "F7");
    expect(fake.selection("报表")).toBe("F7");
  });
});

/** A 统计表 of `rows` branches under a merged title and header, with a date column. */
function generated(rows: number): FakeBookData {
  const headers = ["序号", "党支部名称", "正式党员数", "预备党员数", "党员大会", "支委会", "党课", "本年发展党员数", "上次换届时间"];
  const cells: FakeCellData[] = [
    { address: "A1", value: "2025年度党支部工作情况统计表" },
    { address: "A2", value: "填报单位：机关一局" },
    ...headers.map((value, c) => ({ address: `${String.fromCharCode(65 + c)}3`, value })),
  ];
  for (let r = 0; r < rows; r++) {
    const row = 4 + r;
    const line: (number | string)[] = [r + 1, `第${r + 1}党支部`, 10, 1, 4, 12, 4, 1];
    line.forEach((value, c) => cells.push({ address: `${String.fromCharCode(65 + c)}${row}`, value }));
    cells.push({ address: `I${row}`, value: 44927 + (r % 300), numberFormat: "yyyy-mm-dd" });
  }
  return { name: "generated.xlsx", sheets: [{ name: "报表", cells, merges: ["A1:I1", "A2:I2"] }] };
}

describe("object-model calls", () => {
  /** Calls to read the generated sheet: a few per block, whatever the rows in it. */
  async function readCalls(rows: number, blockCells: number): Promise<number> {
    const fake = createFakeEt(generated(rows));
    fake.resetCalls();
    await hostOn(fake, blockCells).readWorkbooks("all");
    return fake.calls;
  }

  test("reading 100 and 10 000 rows costs the same but for the blocks", async () => {
    const blockCells = BLOCK_CELLS;
    // Values are read in blocks of the whole used range (3 heading rows); merges are searched in
    // the head rows once, then in blocks of the rows below them.
    const valueBlocks = (rows: number) => rowBlocks(rows + 3, 9, blockCells).length;
    const mergeBlocks = (rows: number) => rowBlocks(rows + 3 - HEAD_ROWS, 9, blockCells).length;
    const small = await readCalls(100, blockCells);
    const large = await readCalls(10_000, blockCells);
    expect(valueBlocks(10_000)).toBeGreaterThan(valueBlocks(100));
    // Per value block: Range + Value2, then Range + NumberFormat for each of the 8 columns holding
    // numbers (A, C–H and the dates in I). Per merge block: Range + MergeCells.
    const perValueBlock = 2 + 2 * 8;
    const perMergeBlock = 2;
    expect(large - small).toBe((valueBlocks(10_000) - valueBlocks(100)) * perValueBlock + (mergeBlocks(10_000) - mergeBlocks(100)) * perMergeBlock);
    expect(small).toBeLessThan(150);
  });

  test("the date column is read as dates, the title's merges found", async () => {
    const fake = createFakeEt(generated(100));
    const [book] = await hostOn(fake).readWorkbooks("all");
    const grid = book.grids[0];
    expect(grid.cells[3][8]).toEqual({ kind: "date", serial: 44927 });
    expect(grid.cells[3][2]).toEqual({ kind: "number", value: 10 });
    expect(grid.merges).toEqual([
      { top: 1, left: 1, bottom: 1, right: 9 },
      { top: 2, left: 1, bottom: 2, right: 9 },
    ]);
  });

  /** Findings at the first n data cells of column C, errors. */
  function findings(n: number): Finding[] {
    return Array.from({ length: n }, (_, i) => ({
      sheet: "报表",
      cell: `C${4 + i}`,
      row: 4 + i,
      rule: "out-of-range",
      severity: "error",
      message: `第${i + 1}条`,
    })) as unknown as Finding[];
  }

  async function markCalls(n: number): Promise<number> {
    const fake = createFakeEt(generated(1_000));
    fake.resetCalls();
    await hostOn(fake).markFindings(findings(n));
    return fake.calls;
  }

  test("marking 10 and 1 000 findings differs by the comments and the address lists", async () => {
    const chunks = (n: number) => chunkAddresses(findings(n).map((f) => f.cell), MAX_ADDRESS).length;
    const few = await markCalls(10);
    const many = await markCalls(1_000);
    // Per noted cell: Range, Comment, AddComment. Per address list: Range, FormatConditions,
    // Add, Interior, Color, Font, Color.
    expect(many - few).toBe((1_000 - 10) * 3 + (chunks(1_000) - chunks(10)) * 7);
  });
});
