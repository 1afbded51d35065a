/**
 * Properties of the .xlsx reader over generated workbooks (ENGINEERING.md §3):
 * - a workbook exceljs writes from a generated grid — text that looks like a formula (= + - @),
 *   CJK and full-width text, numbers of any size, booleans, dates, error values, formulas with
 *   cached results (0, false and "" among them), rich text, hyperlinks, merges, hidden sheets —
 *   reads back as exactly that grid;
 * - any bytes — random, a real workbook with bytes flipped or cut, or with the XML of one of its
 *   parts mangled — either read as grids the engine validates without throwing, or fail with
 *   WorkbookReadError; never any other error.
 *
 * Runs (CI seed): 500 + 1 500 = 2 000; the total over the property suites is in
 * test/engine/properties.test.ts.
 */
import ExcelJS from "exceljs";
import fc from "fast-check";
import type { Cell, CellRange, Grid } from "../../src/engine";
import { validate } from "../../src/engine";
import { readWorkbook, WorkbookReadError } from "../../src/files/read";
import { unzip, zip } from "../support/zip";

const DAY_MS = 86_400_000;
const UNIX_EPOCH_SERIAL = 25_569;
const ERROR_CODES = ["#REF!", "#DIV/0!", "#N/A", "#VALUE!", "#NAME?", "#NUM!", "#NULL!"];

/** A value as exceljs is given it, and the Cell the reader must give back. */
interface Written {
  value: ExcelJS.CellValue;
  cell: Cell;
}

const EMPTY: Cell = { kind: "empty" };

/** Characters XML 1.0 can hold, weighted towards what submissions are written in. */
const char = fc.oneof(
  fc.constantFrom(..."党支部名称正式预备合计小计第一二三四十　，。：（）１２３ＡＢ－／—√×"),
  fc.constantFrom(..."=+-@'\"<>&;:#%$ \t\n"),
  fc.integer({ min: 0x20, max: 0x7e }).map((c) => String.fromCharCode(c)),
  fc.integer({ min: 0x4e00, max: 0x9fff }).map((c) => String.fromCharCode(c)),
  fc.integer({ min: 0x1f300, max: 0x1f64f }).map((c) => String.fromCodePoint(c)),
);

const anyText = fc.tuple(fc.constantFrom("", "=", "+", "-", "@", "=SUM(", "'"), fc.array(char, { minLength: 1, maxLength: 12 })).map(([lead, chars]) => lead + chars.join(""));

const anyNumber = fc.oneof(
  fc.integer({ min: -1_000_000, max: 1_000_000 }),
  fc.double({ noNaN: true, noDefaultInfinity: true }).map((x) => (Object.is(x, -0) ? 0 : x)),
);

/** Whole milliseconds from 1900-03-01 to 9999-12-31, where Excel's serials and JS dates agree. */
const anyDate = fc.integer({ min: Date.UTC(1900, 2, 1), max: Date.UTC(9999, 11, 31) }).map((ms) => new Date(ms));

const written: fc.Arbitrary<Written> = fc.oneof(
  { arbitrary: fc.constant<Written>({ value: null, cell: EMPTY }), weight: 4 },
  { arbitrary: anyText.map((value): Written => ({ value, cell: { kind: "text", value } })), weight: 4 },
  { arbitrary: anyNumber.map((value): Written => ({ value, cell: { kind: "number", value } })), weight: 3 },
  { arbitrary: fc.boolean().map((value): Written => ({ value, cell: { kind: "bool", value } })), weight: 1 },
  { arbitrary: anyDate.map((value): Written => ({ value, cell: { kind: "date", serial: value.getTime() / DAY_MS + UNIX_EPOCH_SERIAL } })), weight: 1 },
  { arbitrary: fc.constantFrom(...ERROR_CODES).map((code): Written => ({ value: { error: code } as ExcelJS.CellErrorValue, cell: { kind: "error", code } })), weight: 1 },
  {
    arbitrary: fc
      .oneof(
        // A formula that came to "" shows nothing; exceljs keeps no cached value for it (read.test.ts).
        fc.constantFrom<[number | boolean | string, Cell]>([0, { kind: "number", value: 0 }], [false, { kind: "bool", value: false }], ["", EMPTY]),
        anyNumber.map((n): [number, Cell] => [n, { kind: "number", value: n }]),
        anyText.map((s): [string, Cell] => [s, { kind: "text", value: s }]),
      )
      .map(([result, cell]): Written => ({ value: { formula: "A1", result } as ExcelJS.CellFormulaValue, cell })),
    weight: 2,
  },
  {
    arbitrary: fc
      .array(anyText, { minLength: 1, maxLength: 3 })
      .map((runs): Written => ({ value: { richText: runs.map((text, i) => ({ text, font: { bold: i % 2 === 0 } })) }, cell: { kind: "text", value: runs.join("") } })),
    weight: 1,
  },
  { arbitrary: anyText.map((text): Written => ({ value: { text, hyperlink: "https://example.org/" }, cell: { kind: "text", value: text } })), weight: 1 },
);

interface SheetSpec {
  name: string;
  hidden: boolean;
  rows: Written[][];
  merges: CellRange[];
}

const SHEET_NAMES = ["Sheet1", "填报", "机关党委", "汇总 (2)", "２０２５年", "表-1", "a", "党支部工作情况统计表"];

/** Merged areas of at least two cells, none overlapping another (Excel refuses those). */
function disjoint(ranges: CellRange[]): CellRange[] {
  const kept: CellRange[] = [];
  for (const r of ranges) {
    if (r.top === r.bottom && r.left === r.right) continue;
    if (kept.some((k) => r.left <= k.right && k.left <= r.right && r.top <= k.bottom && k.top <= r.bottom)) continue;
    kept.push(r);
  }
  return kept;
}

const sheetSpec = (name: string): fc.Arbitrary<SheetSpec> =>
  fc
    .record({
      hidden: fc.boolean(),
      rows: fc.array(fc.array(written, { maxLength: 8 }), { maxLength: 10 }),
      merges: fc.array(
        fc.record({ top: fc.integer({ min: 1, max: 12 }), left: fc.integer({ min: 1, max: 10 }), height: fc.nat(3), width: fc.nat(3) }),
        { maxLength: 4 },
      ),
    })
    .map(({ hidden, rows, merges }) => ({
      name,
      hidden,
      rows,
      merges: disjoint(merges.map((m) => ({ top: m.top, left: m.left, bottom: m.top + m.height, right: m.left + m.width }))),
    }));

const workbookSpec: fc.Arbitrary<SheetSpec[]> = fc
  .uniqueArray(fc.constantFrom(...SHEET_NAMES), { minLength: 1, maxLength: 3 })
  .chain((names) => fc.tuple(...names.map(sheetSpec)));

async function write(sheets: SheetSpec[]): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  for (const spec of sheets) {
    const worksheet = workbook.addWorksheet(spec.name, { state: spec.hidden ? "hidden" : "visible" });
    spec.rows.forEach((row, r) =>
      row.forEach((w, c) => {
        if (w.value === null) return;
        const cell = worksheet.getCell(r + 1, c + 1);
        cell.value = w.value;
        if (w.value instanceof Date) cell.numFmt = "yyyy-mm-dd hh:mm:ss";
      }),
    );
    // After the values: exceljs keeps the top-left value of a merged area and drops the others.
    for (const m of spec.merges) worksheet.mergeCells(m.top, m.left, m.bottom, m.right);
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** The grid the reader must give: covered cells empty, rows and sheet trimmed of empty ends. */
function expected(spec: SheetSpec): Grid {
  const covered = (r: number, c: number) => spec.merges.some((m) => r >= m.top && r <= m.bottom && c >= m.left && c <= m.right && (r !== m.top || c !== m.left));
  const cells = spec.rows.map((row, r) => {
    const out = row.map((w, c) => (covered(r + 1, c + 1) ? EMPTY : w.cell));
    while (out.length > 0 && out[out.length - 1] === EMPTY) out.pop();
    return out;
  });
  while (cells.length > 0 && cells[cells.length - 1].length === 0) cells.pop();
  return {
    sheet: spec.name,
    origin: { row: 1, col: 1 },
    cells,
    merges: [...spec.merges].sort((a, b) => a.top - b.top || a.left - b.left),
    visible: !spec.hidden,
  };
}

describe("readWorkbook on a workbook exceljs wrote", () => {
  it("reads back exactly the grid that was written", async () => {
    await fc.assert(
      fc.asyncProperty(workbookSpec, async (sheets) => {
        const grids = await readWorkbook(await write(sheets));
        expect(grids).toEqual(sheets.map(expected));
      }),
      { numRuns: 500 },
    );
  });
});

/** A real submission, so mutations land in shared strings, styles, merges, dates and formulas. */
async function baseWorkbook(): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet("填报");
  sheet.addRow(["2025年度党支部工作情况统计表"]);
  sheet.addRow(["填报单位：机关党委　统计期间：2025年"]);
  sheet.addRow(["序号", "党支部名称", "正式党员数", "党员大会", "支委会", "党小组会", "党课", "本年发展党员数", "党建经费预算（元）", "党建经费支出（元）"]);
  for (let i = 1; i <= 6; i++) sheet.addRow([i, `第${i}党支部`, 8 + i, 4, 12, 24, "４", 1, 20000, { formula: "I4*0.5", result: 10000 }]);
  sheet.addRow(["合计", null, { formula: "SUM(C4:C9)", result: 69 }, { error: "#REF!" }, true, new Date(Date.UTC(2025, 5, 30))]);
  sheet.mergeCells("A1:J1");
  sheet.mergeCells("A2:J2");
  workbook.addWorksheet("说明", { state: "hidden" }).addRow([{ richText: [{ text: "注：" }, { text: "金额单位为元", font: { bold: true } }] }]);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** What a mangled part of a workbook may be given: XML fragments that readers trip over. */
const XML_BITS = [
  "<", ">", "&", "&amp;", "&#0;", '"', "<c r=\"A1\" t=\"s\"><v>999</v></c>", '<c r="XFD1048576"><v>1</v></c>', '<c r="A0"><v>1</v></c>',
  '<c t="e"><v>#BOGUS</v></c>', '<c t="b"><v>2</v></c>', '<c t="d"><v>not a date</v></c>', "<v>1e400</v>", "<v>-</v>",
  '<mergeCell ref="A1:ZZZ9"/>', '<mergeCell ref="B2"/>', '<mergeCell ref="A1:A1048577"/>', '<sheet name="x" sheetId="9" r:id="rId99"/>',
  '<row r="0">', "</row>", "<si><t>", "</sheetData>", '<numFmt numFmtId="200" formatCode="yyyy"/>', '<xf numFmtId="200"/>', "党支部",
];

const mutation = fc.oneof(
  fc.record({ kind: fc.constant("flip" as const), at: fc.array(fc.tuple(fc.nat(), fc.integer({ min: 0, max: 255 })), { minLength: 1, maxLength: 8 }) }),
  fc.record({ kind: fc.constant("cut" as const), at: fc.nat() }),
  fc.record({ kind: fc.constant("splice" as const), at: fc.nat(), bytes: fc.uint8Array({ maxLength: 64 }) }),
  fc.record({
    kind: fc.constant("part" as const),
    part: fc.nat(),
    edits: fc.array(fc.record({ at: fc.nat(), remove: fc.nat(40), insert: fc.oneof(fc.constantFrom(...XML_BITS), fc.string({ maxLength: 8 })) }), { minLength: 1, maxLength: 4 }),
  }),
  fc.record({ kind: fc.constant("drop" as const), part: fc.nat() }),
);

type Mutation = typeof mutation extends fc.Arbitrary<infer M> ? M : never;

function mutate(base: Buffer, m: Mutation): Buffer {
  switch (m.kind) {
    case "flip": {
      const out = Buffer.from(base);
      for (const [at, byte] of m.at) out[at % out.length] = byte;
      return out;
    }
    case "cut":
      return base.subarray(0, m.at % base.length);
    case "splice": {
      const at = m.at % base.length;
      return Buffer.concat([base.subarray(0, at), m.bytes, base.subarray(at)]);
    }
    case "part":
    case "drop": {
      const files = unzip(base);
      const name = [...files.keys()][m.part % files.size];
      if (m.kind === "drop") files.delete(name);
      else {
        let text = files.get(name)!.toString("utf8");
        for (const e of m.edits) {
          const at = e.at % (text.length + 1);
          text = text.slice(0, at) + e.insert + text.slice(at + e.remove);
        }
        files.set(name, Buffer.from(text, "utf8"));
      }
      return zip(files);
    }
  }
}

/** Read, and if it reads, validate: either succeeds or the error is a WorkbookReadError. */
async function readOrRefuse(data: Buffer): Promise<void> {
  let grids: Grid[];
  try {
    grids = await readWorkbook(data);
  } catch (error) {
    if (!(error instanceof WorkbookReadError)) throw error;
    expect(error.message).not.toMatch(/\n/);
    return;
  }
  expect(grids.length).toBeGreaterThan(0);
  validate([{ file: "x.xlsx", grids }], { locale: "zh-CN" });
}

describe("readWorkbook on any bytes", () => {
  let base: Buffer;

  beforeAll(async () => {
    base = await baseWorkbook();
  });

  it("the base workbook reads, so mutations start from something readable", async () => {
    const grids = await readWorkbook(base);
    expect(grids.map((g) => g.sheet)).toEqual(["填报", "说明"]);
    expect(grids[0].cells[9][3]).toEqual({ kind: "error", code: "#REF!" });
  });

  it("returns grids the engine accepts, or throws WorkbookReadError — nothing else", async () => {
    const data = fc.oneof(
      { arbitrary: mutation.map((m) => mutate(base, m)), weight: 6 },
      {
        arbitrary: fc
          .tuple(fc.constantFrom([], [0x50, 0x4b, 0x03, 0x04], [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), fc.uint8Array({ maxLength: 256 }))
          .map(([magic, rest]) => Buffer.concat([Buffer.from(magic), rest])),
        weight: 1,
      },
    );
    await fc.assert(
      fc.asyncProperty(data, readOrRefuse),
      { numRuns: 1500 },
    );
  });
});
