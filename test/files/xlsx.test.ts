/**
 * The lean reader (src/files/xlsx) against the exceljs reader it is meant to replace (read.ts),
 * which is the oracle: on every kind of file the reader tests make — LibreOffice's, exceljs's
 * Excel-like ones, generated ones — both give the same grids, and both refuse the same hostile
 * files for the same reason with the same message. Where the lean reader departs from exceljs on
 * purpose (a whole-column drop-down list, files exceljs misreads or fails on), the test says so
 * and shows both.
 */
import ExcelJS from "exceljs";
import fc from "fast-check";
import { readFile } from "node:fs/promises";
import { validate } from "../../src/engine";
import type { Cell, CellRange, Grid } from "../../src/engine/grid";
import { withReadLimits, type ReadLimits } from "../../src/files/limits";
import { WorkbookReadError } from "../../src/files/read";
import { exceljsGrids } from "../support/exceljsGrids";
import { readXlsx } from "../../src/files/xlsx/readXlsx";
import { XmlScanner, type Attributes, type Wanted, type XmlHandler } from "../../src/files/xlsx/xml";
import { cleanRows, departmentRows, ledgerRows, makeXlsx, messyRows } from "../cli/fixtures";
import { fods } from "../support/fods";
import { excelLikeWorkbook, SUBMISSION } from "./submission";
import { bombSheet, deflatePieces, fullHeightSheet, rowsXml, SHEET, sheetXml, smallWorkbook, withSheet } from "../support/hostile";
import { fromFods, toXlsx } from "../support/libreoffice";
import { wholeColumnListsSubmission } from "../support/templates";
import { crc32, unzip, zip, zipStored, type StoredEntry } from "../support/zip";

type Outcome = Grid[] | WorkbookReadError;

async function oracle(data: Buffer, limits?: ReadLimits): Promise<Outcome> {
  try {
    return await exceljsGrids(data, limits);
  } catch (error) {
    if (error instanceof WorkbookReadError) return error;
    throw error;
  }
}

function lean(data: Buffer, limits?: ReadLimits): Outcome {
  try {
    return readXlsx(data, limits);
  } catch (error) {
    if (error instanceof WorkbookReadError) return error;
    throw error;
  }
}

/** A refusal as people and code see it. */
const refusal = (e: WorkbookReadError) => ({ reason: e.reason, limit: e.limit, message: e.message });

/** Both readers give the same grids, or refuse with the same reason, limit and message; returns the lean outcome. */
async function expectSame(data: Buffer, limits?: ReadLimits): Promise<Outcome> {
  const expected = await oracle(data, limits);
  const actual = lean(data, limits);
  if (expected instanceof WorkbookReadError) {
    expect(actual).toBeInstanceOf(WorkbookReadError);
    expect(refusal(actual as WorkbookReadError)).toEqual(refusal(expected));
  } else {
    expect(actual).toEqual(expected);
  }
  return actual;
}

function grids(outcome: Outcome): Grid[] {
  if (outcome instanceof WorkbookReadError) throw outcome;
  return outcome;
}

function reason(outcome: Outcome): string {
  if (!(outcome instanceof WorkbookReadError)) throw new Error("the file was read");
  return outcome.reason;
}

/** The archive with parts replaced (a function gets the old text) or removed (undefined). */
function withParts(archive: Buffer, changes: Record<string, string | ((text: string) => string) | undefined>): Buffer {
  const files = unzip(archive);
  for (const [name, change] of Object.entries(changes)) {
    if (change === undefined) files.delete(name);
    else files.set(name, Buffer.from(typeof change === "string" ? change : change(files.get(name)!.toString("utf8")), "utf8"));
  }
  return zip(files);
}

const num = (value: number): Cell => ({ kind: "number", value });
const text = (value: string): Cell => ({ kind: "text", value });
const E: Cell = { kind: "empty" };


/** Text LibreOffice must keep exactly (libreoffice.test.ts's fixture). */
const TEXTS = fods([
  {
    name: "文本",
    rows: [
      [`<b>&amp; "引号" 'x'`, "  两个  空格  ", "第一行\n第二行", "　全角空格　"],
      [{ rich: [{ text: "党建" }, { text: "Party ", bold: true }, { text: "建设\n第二行", italic: true }] }],
    ],
  },
]);

/** errors.test.ts's small workbook. */
const SMALL = fods([{ name: "表一", rows: [["党支部名称", "党员大会"], ["第一党支部", 4]] }]);

/** 2025-03-01 as an Excel serial (1900 system). */
const MARCH_1 = 45717;

describe("the same grids as the exceljs reader", () => {
  test("LibreOffice's files: the reader tests' submission, text that must survive, the CLI's submissions and ledgers", async () => {
    const files = await Promise.all([
      toXlsx(SUBMISSION, "submission"),
      toXlsx(TEXTS, "text-escaping"),
      toXlsx(SMALL, "small"),
      makeXlsx("messy", messyRows()),
      makeXlsx("clean", cleanRows()),
      makeXlsx("dept", departmentRows(), "统计表"),
      makeXlsx("ledger", ledgerRows(), "三会一课台账"),
    ]);
    for (const file of files) expect(grids(await expectSame(await readFile(file))).length).toBeGreaterThan(0);
    // The golden values of read.test.ts, so "the same" is not the same mistake twice.
    const [submission, hidden, blank] = grids(lean(await readFile(files[0])));
    expect([hidden.visible, blank]).toEqual([false, { sheet: "空白", origin: { row: 1, col: 1 }, cells: [], merges: [], visible: true }]);
    expect(submission.cells[4]).toEqual([num(1), text("机关第1党支部（Party Branch A）"), text("办公室"), num(4), num(0), text("１２"), E, E, num(0)]);
    expect(submission.cells[8][1]).toEqual({ kind: "date", serial: MARCH_1 });
    expect(submission.merges[0]).toEqual({ top: 1, left: 1, bottom: 1, right: 7 });
  });

  test("an Excel-like workbook: booleans, error literals, shared formulas, hyperlinks, rich text, dates, styled empty cells, a very hidden sheet", async () => {
    // read.test.ts's "cases only Excel-like writers produce".
    const [data, veryHidden] = grids(await expectSame(await excelLikeWorkbook()));
    expect(data.cells.length).toBe(5);
    expect(veryHidden.visible).toBe(false);
  });

  test("every built-in number format id, and custom ones, decide dates as exceljs does", async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("格式");
    const custom = ['yyyy"年"m"月"d"日"', "[$-F800]dddd, mmmm dd, yyyy", "h:mm", "[h]:mm:ss", '0.00" 元"', "0\\h", "[Red]0.0", "@", "General", "mmss.0", "b"];
    custom.forEach((code, i) => {
      const cell = ws.getCell(1, i + 1);
      cell.value = 45717.25;
      cell.numFmt = code;
    });
    // Row 2: a number in each built-in id 1–81, through cell styles added by hand below (exceljs
    // writes an id only for the codes its table has).
    for (let id = 1; id <= 81; id++) ws.getCell(2, id).value = 45717.5 + id;
    const bytes = Buffer.from(await wb.xlsx.writeBuffer());
    const styles = unzip(bytes).get("xl/styles.xml")!.toString("utf8");
    const xfs = Array.from({ length: 81 }, (_, i) => `<xf numFmtId="${i + 1}" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>`);
    const base = Number(/<cellXfs count="(\d+)"/.exec(styles)![1]);
    const withIds = withParts(bytes, {
      "xl/styles.xml": styles.replace(/<cellXfs count="\d+">([\s\S]*?)<\/cellXfs>/, (_, inner: string) => `<cellXfs count="${base + 81}">${inner}${xfs.join("")}</cellXfs>`),
      [SHEET]: (xml) => xml.replace(/<c r="([A-Z]+)2"/g, (_, letters: string) => `<c r="${letters}2" s="${base + columnNumber(letters) - 1}"`),
    });
    const [sheet] = grids(await expectSame(withIds));
    expect(sheet.cells[1].filter((c) => c.kind === "date")).toHaveLength(12); // ids 14–22 and 45–47
  });

  test("workbooks exceljs writes from generated grids: any values, formats, merges, hidden sheets", async () => {
    await fc.assert(
      fc.asyncProperty(workbookSpec, async (sheets) => {
        await expectSame(await writeSpec(sheets));
      }),
      { numRuns: 150 },
    );
  });

  test("a zip64 directory reads as the ordinary one", async () => {
    const small = await smallWorkbook();
    const outcome = await expectSame(asZip64(small));
    expect(outcome).toEqual(lean(small));
  });
});

/** The column number of letters ("A" 1, "AA" 27). */
function columnNumber(letters: string): number {
  let n = 0;
  for (const ch of letters) n = n * 26 + ch.charCodeAt(0) - 64;
  return n;
}

/** A value as exceljs is given it, with a number format maybe. */
interface Written {
  value: ExcelJS.CellValue;
  numFmt?: string;
}

const FORMATS = ["0.00", "yyyy-mm-dd", "mm-dd-yy", "h:mm:ss", 'yyyy"年"m"月"d"日"', "0%", '#,##0.00" 元"', "m/d/yy h:mm", "[h]:mm", "@"];
const char = fc.oneof(
  fc.constantFrom(..."党支部名称正式预备合计，。：（）１２３ＡＢ－／—√×"),
  fc.constantFrom(..."=+-@'\"<>&;:#%$ \t\n_x000D_"),
  fc.integer({ min: 0x20, max: 0x7e }).map((c) => String.fromCharCode(c)),
  fc.integer({ min: 0x1f300, max: 0x1f64f }).map((c) => String.fromCodePoint(c)),
);
const anyText = fc.array(char, { minLength: 1, maxLength: 10 }).map((chars) => chars.join(""));
const anyNumber = fc.oneof(fc.integer({ min: -1_000_000, max: 1_000_000 }), fc.double({ noNaN: true, noDefaultInfinity: true }), fc.double({ min: 0, max: 80_000, noNaN: true }));
const written: fc.Arbitrary<Written> = fc.oneof(
  { arbitrary: fc.constant<Written>({ value: null }), weight: 3 },
  { arbitrary: anyText.map((value): Written => ({ value })), weight: 3 },
  { arbitrary: fc.tuple(anyNumber, fc.option(fc.constantFrom(...FORMATS))).map(([value, numFmt]): Written => ({ value, numFmt: numFmt ?? undefined })), weight: 4 },
  { arbitrary: fc.boolean().map((value): Written => ({ value })), weight: 1 },
  { arbitrary: fc.integer({ min: Date.UTC(1900, 2, 1), max: Date.UTC(9999, 11, 31) }).map((ms): Written => ({ value: new Date(ms), numFmt: "yyyy-mm-dd hh:mm:ss" })), weight: 1 },
  { arbitrary: fc.constantFrom("#REF!", "#DIV/0!", "#N/A", "#VALUE!").map((error): Written => ({ value: { error } as ExcelJS.CellErrorValue })), weight: 1 },
  {
    arbitrary: fc
      .tuple(fc.oneof(anyNumber, anyText, fc.boolean(), fc.constant("")), fc.option(fc.constantFrom(...FORMATS)))
      .map(([result, numFmt]): Written => ({ value: { formula: "A1", result } as ExcelJS.CellFormulaValue, numFmt: typeof result === "number" ? (numFmt ?? undefined) : undefined })),
    weight: 2,
  },
  { arbitrary: fc.array(anyText, { minLength: 1, maxLength: 3 }).map((runs): Written => ({ value: { richText: runs.map((t, i) => ({ text: t, font: { bold: i % 2 === 0 } })) } })), weight: 1 },
  { arbitrary: anyText.map((t): Written => ({ value: { text: t, hyperlink: "https://example.org/" } })), weight: 1 },
);

interface SheetSpec {
  name: string;
  state: "visible" | "hidden" | "veryHidden";
  rows: Written[][];
  merges: CellRange[];
}

const sheetSpec = (name: string): fc.Arbitrary<SheetSpec> =>
  fc
    .record({
      state: fc.constantFrom<SheetSpec["state"]>("visible", "visible", "hidden", "veryHidden"),
      rows: fc.array(fc.array(written, { maxLength: 8 }), { maxLength: 10 }),
      merges: fc.array(fc.record({ top: fc.integer({ min: 1, max: 12 }), left: fc.integer({ min: 1, max: 10 }), height: fc.nat(3), width: fc.nat(3) }), { maxLength: 4 }),
    })
    .map(({ state, rows, merges }) => {
      const kept: CellRange[] = [];
      for (const m of merges) {
        const r = { top: m.top, left: m.left, bottom: m.top + m.height, right: m.left + m.width };
        if (r.top === r.bottom && r.left === r.right) continue;
        if (kept.some((k) => r.left <= k.right && k.left <= r.right && r.top <= k.bottom && k.top <= r.bottom)) continue;
        kept.push(r);
      }
      return { name, state, rows, merges: kept };
    });

const workbookSpec = fc
  .uniqueArray(fc.constantFrom("Sheet1", "填报", "汇总 (2)", "２０２５年", "a"), { minLength: 1, maxLength: 3 })
  .chain((names) => fc.tuple(...names.map(sheetSpec)));

async function writeSpec(sheets: SheetSpec[]): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  for (const spec of sheets) {
    const worksheet = workbook.addWorksheet(spec.name, { state: spec.state });
    spec.rows.forEach((row, r) =>
      row.forEach((w, c) => {
        if (w.value === null) return;
        const cell = worksheet.getCell(r + 1, c + 1);
        cell.value = w.value;
        if (w.numFmt) cell.numFmt = w.numFmt;
      }),
    );
    for (const m of spec.merges) worksheet.mergeCells(m.top, m.left, m.bottom, m.right);
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/**
 * The same archive with a zip64 directory: sizes and offsets 0xFFFFFFFF in the directory, the
 * real ones in each entry's zip64 extra field, and a zip64 end record, as some writers make it.
 */
function asZip64(archive: Buffer): Buffer {
  const entries: StoredEntry[] = [...unzip(archive)].map(([name, data]) => ({ name, method: 0, packed: data, crc: crc32(data), size: data.length }));
  const plain = zipStored(entries);
  const eocd = plain.length - 22;
  const directoryStart = plain.readUInt32LE(eocd + 16);
  const locals = plain.subarray(0, directoryStart);
  const centrals: Buffer[] = [];
  let at = directoryStart;
  for (let n = 0; n < entries.length; n++) {
    const nameLength = plain.readUInt16LE(at + 28);
    const header = Buffer.from(plain.subarray(at, at + 46));
    const extra = Buffer.alloc(4 + 24);
    extra.writeUInt16LE(0x0001, 0);
    extra.writeUInt16LE(24, 2);
    extra.writeBigUInt64LE(BigInt(header.readUInt32LE(24)), 4);
    extra.writeBigUInt64LE(BigInt(header.readUInt32LE(20)), 12);
    extra.writeBigUInt64LE(BigInt(header.readUInt32LE(42)), 20);
    header.writeUInt32LE(0xffffffff, 20);
    header.writeUInt32LE(0xffffffff, 24);
    header.writeUInt32LE(0xffffffff, 42);
    header.writeUInt16LE(extra.length, 30);
    centrals.push(header, plain.subarray(at + 46, at + 46 + nameLength), extra);
    at += 46 + nameLength;
  }
  const directory = Buffer.concat(centrals);
  const end64 = Buffer.alloc(56);
  end64.writeUInt32LE(0x06064b50, 0);
  end64.writeBigUInt64LE(44n, 4);
  end64.writeUInt16LE(45, 12);
  end64.writeUInt16LE(45, 14);
  end64.writeBigUInt64LE(BigInt(entries.length), 24);
  end64.writeBigUInt64LE(BigInt(entries.length), 32);
  end64.writeBigUInt64LE(BigInt(directory.length), 40);
  end64.writeBigUInt64LE(BigInt(directoryStart), 48);
  const locator = Buffer.alloc(20);
  locator.writeUInt32LE(0x07064b50, 0);
  locator.writeBigUInt64LE(BigInt(directoryStart + directory.length), 8);
  locator.writeUInt32LE(1, 16);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(0xffff, 8);
  end.writeUInt16LE(0xffff, 10);
  end.writeUInt32LE(0xffffffff, 12);
  end.writeUInt32LE(0xffffffff, 16);
  return Buffer.concat([locals, directory, end64, locator, end]);
}

describe("the same refusals as the exceljs reader (hostile.test.ts's and errors.test.ts's files)", () => {
  let small: Buffer;
  let libreOffice: Buffer;

  beforeAll(async () => {
    small = await smallWorkbook();
    libreOffice = await readFile(await toXlsx(SMALL, "small"));
  });

  test("files that are not workbooks: truncated, a PDF, text, empty, an OLE container, a zip without a workbook, an .ods", async () => {
    const samples = [
      small.subarray(0, small.length - 1),
      small.subarray(0, Math.floor(small.length / 2)),
      small.subarray(0, 10),
      libreOffice.subarray(0, libreOffice.length - 30),
      Buffer.from("%PDF-1.7\n1 0 obj\n<< /Type /Catalog >>\nendobj\n%%EOF\n"),
      Buffer.from("党支部名称\t党员大会\n"),
      Buffer.alloc(0),
      Buffer.from("PK"),
      Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(504)]),
      withParts(libreOffice, { "xl/workbook.xml": undefined }),
      await readFile(await fromFods(SMALL, "small", "ods")),
    ];
    const reasons: string[] = [];
    for (const sample of samples) reasons.push(reason(await expectSame(sample)));
    expect(reasons).toEqual(["not-zip", "not-zip", "not-zip", "not-zip", "not-zip", "not-zip", "not-zip", "not-zip", "legacy-or-encrypted", "no-sheets", "no-sheets"]);
  });

  test("damaged XML: a closing tag that does not match, a sheet or the shared strings cut in half", async () => {
    const sheet = unzip(libreOffice).get("xl/worksheets/sheet1.xml")!;
    const strings = unzip(libreOffice).get("xl/sharedStrings.xml")!;
    for (const damaged of [
      withSheet(small, `<worksheet xmlns="x"><sheetData><row r="1"><c r="A1"><v>1</v></row></sheetData`),
      withParts(libreOffice, { "xl/worksheets/sheet1.xml": sheet.subarray(0, Math.floor(sheet.length / 2)).toString("utf8") }),
      withParts(libreOffice, { "xl/sharedStrings.xml": strings.subarray(0, Math.floor(strings.length / 2)).toString("utf8") }),
    ]) {
      expect(reason(await expectSame(damaged))).toBe("corrupt");
    }
  });

  test("a part whose declared size is wrong", async () => {
    const lying = deflatePieces(SHEET, [{ text: sheetXml(rowsXml(1, 3)) }], { crc: true, declaredSize: 10 });
    expect(reason(await expectSame(withSheet(small, lying)))).toBe("corrupt");
  });

  test("size limits on the zip: file size, parts, bombs that declare their size or lie about it, declared total", async () => {
    expect(reason(await expectSame(Buffer.alloc(60 * 1024 * 1024)))).toBe("too-large");
    const parts = unzip(small).size;
    expect(reason(await expectSame(small, withReadLimits({ maxParts: parts - 1 })))).toBe("too-many-parts");
    expect(grids(await expectSame(small, withReadLimits({ maxParts: parts })))).toHaveLength(1);
    expect(reason(await expectSame(withSheet(small, bombSheet(2))))).toBe("compression-ratio");
    expect(reason(await expectSame(withSheet(small, bombSheet(2, 1000)), withReadLimits({ maxUnzippedBytes: 8 * 1024 * 1024 })))).toBe("unzipped-too-large");
    const spaces = deflatePieces(SHEET, [{ text: sheetXml(" ".repeat(2 * 1024 * 1024)) }], { declaredSize: 1000 });
    expect(reason(await expectSame(withSheet(small, spaces)))).toBe("compression-ratio");
    expect(reason(await expectSame(small, withReadLimits({ maxUnzippedBytes: 1024 })))).toBe("unzipped-too-large");
  });

  test("the default 100 MB limit on a bomb that lies: refused after about 100 MB inflated, not 2 GB", () => {
    const started = Date.now();
    expect(reason(lean(withSheet(small, bombSheet(2, 1000))))).toBe("unzipped-too-large");
    expect(Date.now() - started).toBeLessThan(20_000);
  });

  test("limits on what the sheets hold: rows, a cell's own row, cells, a far-away cell, merges", async () => {
    const rows = withSheet(small, sheetXml(rowsXml(1, 20_000)));
    expect(reason(await expectSame(rows, withReadLimits({ maxRows: 1_000 })))).toBe("too-many-rows");
    await expectSame(rows, withReadLimits({ maxRows: 20_000 }));
    expect(reason(await expectSame(withSheet(small, sheetXml(`<row r="1"><c r="A5000"><v>1</v></c></row>`)), withReadLimits({ maxRows: 1_000 })))).toBe("too-many-rows");
    expect(reason(await expectSame(rows, withReadLimits({ maxCells: 19_999 })))).toBe("too-many-cells");
    const far = withSheet(small, sheetXml(`<row r="1"><c r="XFD1"><v>1</v></c></row>`));
    expect(reason(await expectSame(far, withReadLimits({ maxCells: 16_383 })))).toBe("too-many-cells");
    expect(grids(await expectSame(far, withReadLimits({ maxCells: 16_384 })))[0].cells[0]).toHaveLength(16_384);
    const column = withSheet(small, sheetXml(rowsXml(1, 3), `<mergeCells count="1"><mergeCell ref="A1:A1048576"/></mergeCells>`));
    expect(reason(await expectSame(column))).toBe("merges-too-large");
    const whole = withSheet(small, sheetXml(rowsXml(1, 3), `<mergeCells count="1"><mergeCell ref="A1:XFD1048576"/></mergeCells>`));
    expect(reason(await expectSame(whole))).toBe("merges-too-large");
    const replaced = withSheet(
      small,
      sheetXml(rowsXml(1, 3), `<mergeCells count="1"><mergeCell ref="B1:C2"/></mergeCells><dataValidations count="1"><dataValidation type="list" sqref="D1:D3"><formula1>"优秀,一般"</formula1></dataValidation></dataValidations>`),
    );
    expect(grids(await expectSame(replaced))[0].merges).toEqual([{ top: 1, left: 2, bottom: 2, right: 3 }]);
  });

  test("Excel's full 1 048 576 rows under the default limits", async () => {
    const refused = await expectSame(withSheet(small, fullHeightSheet()));
    expect(refused).toMatchObject({ reason: "too-many-rows", limit: "maxRows" });
  });

  test("the limits count all the sheets the workbook lists together; a sheet part it does not list is not read", async () => {
    const files = unzip(small);
    const unlisted = zip(new Map([...files, ["xl/worksheets/sheet2.xml", files.get(SHEET)!]]));
    // exceljs parses every xl/worksheets/sheetN.xml and so refuses; the lean reader reads only listed sheets.
    expect(reason(await oracle(unlisted, withReadLimits({ maxCells: 6 })))).toBe("too-many-cells");
    expect(lean(unlisted, withReadLimits({ maxCells: 6 }))).toEqual(lean(small));
    const listed = withParts(unlisted, {
      "xl/workbook.xml": (xml) => xml.replace("</sheets>", `<sheet sheetId="2" name="报表二" state="visible" r:id="rId9"/></sheets>`),
      "xl/_rels/workbook.xml.rels": (xml) =>
        xml.replace("</Relationships>", `<Relationship Id="rId9" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet2.xml"/></Relationships>`),
    });
    expect(grids(await expectSame(listed, withReadLimits({ maxCells: 12 })))).toHaveLength(2);
    expect(reason(await expectSame(listed, withReadLimits({ maxCells: 11 })))).toBe("too-many-cells");
  });

  test("data validations are not read, so none is refused — even where the exceljs reader refuses", async () => {
    const lists = ["B", "C", "D"].map((c) => `<dataValidation type="list" sqref="${c}2:${c}1048576"><formula1>"优秀,一般"</formula1></dataValidation>`);
    const three = withSheet(small, sheetXml(rowsXml(1, 3), `<dataValidations count="3">${lists.join("")}</dataValidations>`));
    expect(reason(await oracle(three))).toBe("validations-too-large");
    expect(grids(lean(three))[0].cells).toEqual([[num(1)], [num(2)], [num(3)]]);
    const several = withSheet(small, sheetXml(rowsXml(1, 3), `<dataValidations count="1"><dataValidation type="whole" sqref="A1:A5 C1:C5"><formula1>0</formula1></dataValidation></dataValidations>`));
    expect(reason(await oracle(several, withReadLimits({ maxValidatedCells: 9 })))).toBe("validations-too-large");
    expect(lean(several, withReadLimits({ maxValidatedCells: 9 }))).toEqual(lean(several));
  });
});

describe("a LibreOffice-made submission from a template with whole-column drop-down lists (issue 12, point 6)", () => {
  /**
   * messy's submission with the lists an import template carries: 本年定级 (L) a list, the
   * meeting counts (E, F) whole numbers. LibreOffice writes the lists for the rows they were
   * given on; the template has them from row 3 to Excel's last row, as the sqrefs say after.
   */
  let plain: Buffer;
  let template: Buffer;

  beforeAll(async () => {
    ({ plain, template } = await wholeColumnListsSubmission());
  });

  test("LibreOffice wrote the lists, and they now cover whole columns from row 3", () => {
    const xml = unzip(template).get("xl/worksheets/sheet1.xml")!.toString("utf8");
    const validated = [...xml.matchAll(/<dataValidation [^>]*sqref="([^"]+)"[^>]*type="(\w+)"/g)].map(([, sqref, type]) => `${type} ${sqref}`);
    expect(validated.sort()).toEqual(["list L3:L1048576", "whole E3:F1048576"]);
    expect(xml).toContain("&quot;后进,一般,先进&quot;");
  });

  test("is read, as the same grid as the submission without the lists", async () => {
    expect(lean(template)).toEqual(await oracle(plain));
  });

  test("which the exceljs reader refuses", async () => {
    expect(reason(await oracle(template))).toBe("validations-too-large");
  });

  test("a list over the whole sheet costs nothing either", () => {
    const everywhere = withParts(template, { "xl/worksheets/sheet1.xml": (xml) => xml.replace(/sqref="L3:L1048576"/, 'sqref="A1:XFD1048576"') });
    expect(lean(everywhere)).toEqual(lean(plain));
  });
});

describe("what the spreadsheet XML may hold", () => {
  let small: Buffer;
  let smallGrid: Grid[];

  beforeAll(async () => {
    small = await smallWorkbook();
    smallGrid = grids(lean(small));
  });

  /** The small workbook with its sheet's rows replaced. */
  const sheetWith = (rows: string, after = "") => withSheet(small, sheetXml(rows, after));

  test("inline strings, plain, rich and with phonetic runs; entities, character references, CDATA, xml:space", async () => {
    const inline = (ref: string, body: string) => `<c r="${ref}" t="inlineStr"><is>${body}</is></c>`;
    const xml = sheetWith(
      `<row r="1">${inline("A1", "<t>第一党支部</t>")}${inline("B1", '<t xml:space="preserve">  两侧空格 </t>')}${inline("C1", "<t>&lt;&amp;&gt;&quot;&apos;&#20826;&#x5EFA;&#x1F600;</t>")}</row>` +
        `<row r="2">${inline("A2", "<r><t>党建</t></r><r><rPr><b/></rPr><t>Party</t></r>")}${inline("B2", '<t>漢字</t><rPh sb="0" eb="2"><t>かんじ</t></rPh><phoneticPr fontId="1"/>')}${inline("C2", "<t><![CDATA[<b>&amp;</b>]]></t>")}</row>`,
    );
    const [sheet] = grids(lean(xml));
    expect(sheet.cells).toEqual([
      [text("第一党支部"), text("  两侧空格 "), text(`<&>"'党建😀`)],
      [text("党建Party"), text("漢字"), text("<b>&amp;</b>")],
    ]);
    // exceljs agrees on the first row.
    expect(grids(await oracle(xml))[0].cells[0]).toEqual(sheet.cells[0]);
  });

  test("shared strings: rich text with phonetic runs, an empty item, an empty text, _x000D_ escapes", async () => {
    const strings =
      `<?xml version="1.0" encoding="UTF-8"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="5" uniqueCount="5">` +
      `<si><r><t>党</t></r><r><rPr><b/></rPr><t>支部</t></r><rPh sb="0" eb="1"><t>とう</t></rPh><phoneticPr fontId="1"/></si>` +
      `<si/><si><t/></si><si><t>第一行_x000D_\n第二行</t></si><si><t>漢字</t><rPh sb="0" eb="2"><t>かんじ</t></rPh></si></sst>`;
    const cells = [0, 1, 2, 3, 4].map((i) => `<c r="${String.fromCharCode(65 + i)}1" t="s"><v>${i}</v></c>`).join("");
    const file = withParts(sheetWith(`<row r="1">${cells}</row>`), { "xl/sharedStrings.xml": strings });
    const [sheet] = grids(await expectSame(file));
    expect(sheet.cells).toEqual([[text("党支部"), E, text(""), text("第一行\r\n第二行"), text("漢字")]]);
  });

  test("cells without r follow the cell before them", async () => {
    const file = sheetWith(`<row r="1"><c r="B1"><v>1</v></c><c><v>2</v></c><c r="E1" s="1"/><c><v>3</v></c></row>`);
    expect(grids(await expectSame(file))[0].cells).toEqual([[E, num(1), num(2), E, E, num(3)]]);
  });

  test("SpreadsheetML with a namespace prefix (x:), as some writers make it, reads as the plain one", () => {
    const prefixed = (xml: string) =>
      xml
        .replace(/xmlns="http:\/\/schemas\.openxmlformats\.org\/spreadsheetml\/2006\/main"/, 'xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main"')
        .replace(/<(\/?)([A-Za-z]+)(?=[\s/>])/g, "<$1x:$2");
    const parts = ["xl/workbook.xml", "xl/styles.xml", "xl/sharedStrings.xml", SHEET];
    const file = withParts(small, Object.fromEntries(parts.map((part) => [part, prefixed])));
    expect(unzip(file).get(SHEET)!.toString("utf8")).toContain("<x:sheetData>");
    expect(lean(file)).toEqual(smallGrid);
  });

  test("line ends: \\r\\n in a part reads as \\n, as XML wants", async () => {
    const file = sheetWith(`<row r="1">\r\n<c r="A1" t="inlineStr"><is><t>一\r\n二\r三</t></is></c>\r\n</row>`);
    expect(grids(await expectSame(file))[0].cells).toEqual([[text("一\n二\n三")]]);
  });

  test("comments and processing instructions anywhere; a second root is not read", async () => {
    const file = withParts(small, {
      [SHEET]: (xml) => xml.replace("<sheetData>", "<!-- 注释 <row> --><sheetData><?pi <c>?>").replace("</worksheet>", "</worksheet><!-- after -->"),
    });
    expect(lean(file)).toEqual(smallGrid);
  });

  test("malformed XML is damaged: unknown entity, attribute without quotes, '<' in a value, a DOCTYPE, nothing at all", () => {
    for (const body of [
      `<row r="1"><c r="A1" t="inlineStr"><is><t>&nbsp;</t></is></c></row>`,
      `<row r=1><c r="A1"><v>1</v></c></row>`,
      `<row r="1"><c r="A<1"><v>1</v></c></row>`,
      `<row r="1"><c r="A1"><v>1</v></c>`,
    ]) {
      expect(reason(lean(sheetWith(body)))).toBe("corrupt");
    }
    expect(reason(lean(withParts(small, { [SHEET]: (xml) => xml.replace("<worksheet", '<!DOCTYPE worksheet [<!ENTITY a "b">]><worksheet') })))).toBe("corrupt");
    expect(reason(lean(withParts(small, { [SHEET]: "" })))).toBe("corrupt");
  });

  test("merges: a value under one reads as empty; one cell, reversed corners; overlapping ones and a shared-string index outside the table are damage, as exceljs finds them", async () => {
    expect(reason(await expectSame(sheetWith(`<row r="1"><c r="A1" t="s"><v>99</v></c></row>`)))).toBe("corrupt");
    const overlapping = sheetWith(rowsXml(1, 3), `<mergeCells count="2"><mergeCell ref="A1:B2"/><mergeCell ref="B2:C3"/></mergeCells>`);
    expect(reason(await expectSame(overlapping))).toBe("corrupt");
    const covering = sheetWith(`<row r="1"><c r="A1"><v>1</v></c><c r="B1"><v>2</v></c></row>`, `<mergeCells count="1"><mergeCell ref="A1:B1"/></mergeCells>`);
    expect(grids(await expectSame(covering))[0].cells).toEqual([[num(1)]]);
    const single = sheetWith(rowsXml(1, 3), `<mergeCells count="2"><mergeCell ref="C5"/><mergeCell ref="D4:B3"/></mergeCells>`);
    expect(grids(await expectSame(single))[0].merges).toEqual([
      { top: 3, left: 2, bottom: 4, right: 4 },
      { top: 5, left: 3, bottom: 5, right: 3 },
    ]);
  });
});

describe("where the lean reader departs from exceljs on purpose (both shown)", () => {
  let small: Buffer;
  const sheetWith = (rows: string) => withSheet(small, sheetXml(rows));

  beforeAll(async () => {
    small = await smallWorkbook();
  });

  test("a LibreOffice workbook counting dates from 1904 (date1904=\"true\"): exceljs reads its dates 1 462 days early", async () => {
    const text1904 = fods([{ name: "日期", rows: [[{ date: "2025-03-01" }]] }]).replace(
      "<office:spreadsheet>",
      '<office:spreadsheet><table:calculation-settings><table:null-date table:date-value="1904-01-01"/></table:calculation-settings>',
    );
    const file = await readFile(await toXlsx(text1904, "date1904"));
    expect(unzip(file).get("xl/workbook.xml")!.toString("utf8")).toContain('date1904="true"');
    expect(grids(lean(file))[0].cells).toEqual([[{ kind: "date", serial: MARCH_1 }]]);
    expect(grids(await oracle(file))[0].cells).toEqual([[{ kind: "date", serial: MARCH_1 - 1462 }]]);
    // Written as Excel writes it, both readers agree.
    const excelStyle = withParts(file, { "xl/workbook.xml": (xml) => xml.replace('date1904="true"', 'date1904="1"') });
    expect(grids(await expectSame(excelStyle))[0].cells).toEqual([[{ kind: "date", serial: MARCH_1 }]]);
  });

  test("rows without r, and a row whose first cell has no r: exceljs refuses the file", async () => {
    const file = sheetWith(`<row><c><v>1</v></c><c><v>2</v></c></row><row><c r="B2"><v>3</v></c></row><row r="5"><c r="A5"><v>5</v></c></row><row><c><v>6</v></c></row>`);
    expect(reason(await oracle(file))).toBe("corrupt");
    expect(grids(lean(file))[0].cells).toEqual([[num(1), num(2)], [E, num(3)], [], [], [num(5)], [num(6)]]);
  });

  test("a cell without r after an empty cell without a style: exceljs puts it one column early", async () => {
    const file = sheetWith(`<row r="1"><c r="A1"><v>1</v></c><c r="C1"/><c><v>4</v></c></row>`);
    expect(grids(await oracle(file))[0].cells).toEqual([[num(1), num(4)]]);
    expect(grids(lean(file))[0].cells).toEqual([[num(1), E, E, num(4)]]);
  });

  test("an inline string with a phonetic run: exceljs loses the whole sheet", async () => {
    const file = sheetWith(`<row r="1"><c r="A1" t="inlineStr"><is><t>漢字</t><rPh sb="0" eb="2"><t>かんじ</t></rPh></is></c><c r="B1"><v>2</v></c></row>`);
    expect(grids(await oracle(file))[0].cells).toEqual([]);
    expect(grids(lean(file))[0].cells).toEqual([[text("漢字"), num(2)]]);
  });

  test("t=\"d\" cells (ISO dates, strict OOXML): exceljs reads 2025-03-01 as the number 2025", async () => {
    const file = sheetWith(`<row r="1"><c r="A1" t="d"><v>2025-03-01</v></c><c r="B1" t="d"><v>2025-03-01T12:00:00</v></c><c r="C1" t="d"><v>不是日期</v></c></row>`);
    expect(grids(await oracle(file))[0].cells[0][0]).toEqual(num(2025));
    expect(grids(lean(file))[0].cells).toEqual([[{ kind: "date", serial: MARCH_1 }, { kind: "date", serial: MARCH_1 + 0.5 }, { kind: "error", code: "#VALUE!" }]]);
  });

  test("t=\"str\" text and inline text: exceljs decodes entities twice and leaves _xHHHH_ escapes", async () => {
    const file = sheetWith(`<row r="1"><c r="A1" t="str"><f>"a&amp;lt;b"</f><v>a&amp;lt;b</v></c><c r="B1" t="inlineStr"><is><t>一_x000D_二</t></is></c></row>`);
    expect(grids(await oracle(file))[0].cells).toEqual([[text("a<b"), text("一_x000D_二")]]);
    expect(grids(lean(file))[0].cells).toEqual([[text("a&lt;b"), text("一\r二")]]);
  });

  test("a formula's text or error result in a date style: exceljs makes an invalid date of it", async () => {
    const styles = unzip(small).get("xl/styles.xml")!.toString("utf8");
    // A cell style of its own, after those the workbook has, showing numbers as dates (id 14).
    const dated = Number(/<cellXfs count="(\d+)"/.exec(styles)![1]);
    const file = withParts(sheetWith(`<row r="1"><c r="A1" s="${dated}" t="str"><f>"待定"</f><v>待定</v></c><c r="B1" s="${dated}" t="e"><f>NA()</f><v>#N/A</v></c></row>`), {
      "xl/styles.xml": styles.replace(/<cellXfs count="\d+">/, `<cellXfs count="${dated + 1}">`).replace("</cellXfs>", '<xf numFmtId="14" fontId="0" fillId="0" borderId="0" xfId="0"/></cellXfs>'),
    });
    expect(grids(await oracle(file))[0].cells).toEqual([[{ kind: "date", serial: NaN }, { kind: "date", serial: NaN }]]);
    expect(grids(lean(file))[0].cells).toEqual([[text("待定"), { kind: "error", code: "#N/A" }]]);
  });

  test("a worksheet part not named sheetN.xml (any name is valid): exceljs does not see it", async () => {
    const files = unzip(small);
    files.set("xl/worksheets/data.xml", files.get(SHEET)!);
    files.delete(SHEET);
    const renamed = withParts(zip(files), { "xl/_rels/workbook.xml.rels": (xml) => xml.replace("worksheets/sheet1.xml", "worksheets/data.xml") });
    expect(reason(await oracle(renamed))).toBe("no-sheets");
    expect(lean(renamed)).toEqual(lean(small));
  });

  test("a sheet name longer than Excel's 31 characters (LibreOffice allows it): exceljs refuses the file", async () => {
    const name = "二〇二五年度机关第一党支部党员发展工作情况统计汇总表（最终版第二稿）";
    expect(name.length).toBeGreaterThan(31);
    const file = withParts(small, { "xl/workbook.xml": (xml) => xml.replace('name="报表"', `name="${name}"`) });
    // exceljs warns on the console that it will cut the name short, then fails on the cut name.
    const warn = jest.spyOn(console, "warn").mockImplementation(() => undefined);
    try {
      expect(reason(await oracle(file))).toBe("corrupt");
    } finally {
      warn.mockRestore();
    }
    expect(grids(lean(file)).map((g) => g.sheet)).toEqual([name]);
  });
});

describe("XmlScanner", () => {
  /** Every event as text, so two scans can be compared. */
  class Recorder implements XmlHandler {
    readonly events: string[] = [];
    constructor(private readonly skip: string | undefined = undefined) {}
    open(name: string, attributes: Attributes): Wanted {
      this.events.push(`<${name} r=${attributes.get("r")} id=${attributes.getPrefixed("id")}>`);
      return name === this.skip ? "skip" : "text";
    }
    close(name: string): void {
      this.events.push(`</${name}>`);
    }
    text(value: string): void {
      // Text may come in pieces; joined here so chunking cannot change the record.
      const last = this.events.length - 1;
      if (last >= 0 && this.events[last].startsWith("text:")) this.events[last] += value;
      else this.events.push(`text:${value}`);
    }
  }

  function scan(xml: string, chunks: readonly number[] = [], skip?: string): string[] {
    const recorder = new Recorder(skip);
    const scanner = new XmlScanner(recorder);
    let at = 0;
    for (const size of chunks) {
      scanner.push(xml.slice(at, at + size));
      at += size;
    }
    scanner.push(xml.slice(at));
    scanner.finish();
    return recorder.events;
  }

  const SAMPLE =
    `<?xml version="1.0" encoding="UTF-8"?>\r\n<!-- a <comment> -- with dashes -->` +
    `<x:root xmlns:x="urn:x" xmlns:r="urn:r"><sheet name="甲&amp;乙" r:id="rId7" r="a&#10;b\tc"/>` +
    `<c r="A1" t='s' f=">"><v>1&lt;2</v></c><t xml:space="preserve">  两 \r\n 行  </t>` +
    `<t><![CDATA[<not> ]] a tag & ]]>&#x1F600;</t><?pi ? > ?><empty></empty ></x:root>`;

  test("events: local names, attributes (prefixed, decoded, normalised), text, CDATA, comments and instructions skipped", () => {
    expect(scan(SAMPLE)).toEqual([
      "<root r=undefined id=undefined>",
      "<sheet r=a\nb c id=rId7>",
      "</sheet>",
      "<c r=A1 id=undefined>",
      "<v r=undefined id=undefined>",
      "text:1<2",
      "</v>",
      "</c>",
      "<t r=undefined id=undefined>",
      "text:  两 \n 行  ",
      "</t>",
      "<t r=undefined id=undefined>",
      "text:<not> ]] a tag & 😀",
      "</t>",
      "<empty r=undefined id=undefined>",
      "</empty>",
      "</root>",
    ]);
  });

  test("the same events whatever the chunks, down to one character each", () => {
    const whole = scan(SAMPLE);
    expect(scan(SAMPLE, Array.from({ length: SAMPLE.length }, () => 1))).toEqual(whole);
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 12 }), { maxLength: 60 }), (chunks) => {
        expect(scan(SAMPLE, chunks)).toEqual(whole);
      }),
      { numRuns: 500 },
    );
  });

  test("huge tokens across many chunks: a comment full of '<', a long attribute, long text", () => {
    const big = 4 * 1024 * 1024;
    const xml = `<a><!--${"<".repeat(big)}--><b v="${">".repeat(big)}">${"字".repeat(big)}</b></a>`;
    const chunks = Array.from({ length: Math.ceil(xml.length / 65536) }, () => 65536);
    const started = Date.now();
    const events = scan(xml, chunks);
    expect(Date.now() - started).toBeLessThan(10_000);
    expect(events).toEqual(["<a r=undefined id=undefined>", "<b r=undefined id=undefined>", `text:${"字".repeat(big)}`, "</b>", "</a>"]);
  });

  test("an element its handler skips is passed over whole: nothing within it is reported, not even its close", () => {
    const xml = `<a><c r="1"><v>1</v><c r="2"><v>2</v></c></c><c r="3"/><v>3</v></a>`;
    expect(scan(xml, [], "c")).toEqual([
      "<a r=undefined id=undefined>",
      "<c r=1 id=undefined>",
      "<c r=3 id=undefined>",
      "<v r=undefined id=undefined>",
      "text:3",
      "</v>",
      "</a>",
    ]);
    // Still checked as XML while skipped.
    expect(() => scan("<a><c><v></c></v></a>", [], "c")).toThrow(WorkbookReadError);
    expect(scan(xml, Array.from({ length: xml.length }, () => 1), "c")).toEqual(scan(xml, [], "c"));
  });

  test("refuses what is not XML: mismatched, unclosed, stray closing tag, unknown entity, bad character reference", () => {
    for (const xml of ["<a><b></a></b>", "<a><b></b>", "</a>", "<a>&foo;</a>", "<a>&#0;</a>", "<a>&#x110000;</a>", "<a b></a>", "<a b=c></a>", "<a/ >", "<!DOCTYPE a><a/>", "", "   "]) {
      expect(() => scan(xml)).toThrow(WorkbookReadError);
    }
  });
});

describe("readXlsx on any bytes", () => {
  test("gives grids the engine accepts, or WorkbookReadError — nothing else", async () => {
    const base = await readFile(await toXlsx(SUBMISSION, "submission"));
    const parts = [...unzip(base).keys()];
    const mutated = fc.oneof(
      fc.array(fc.tuple(fc.nat(), fc.integer({ min: 0, max: 255 })), { minLength: 1, maxLength: 8 }).map((flips) => {
        const out = Buffer.from(base);
        for (const [at, byte] of flips) out[at % out.length] = byte;
        return out;
      }),
      fc.nat().map((at) => base.subarray(0, at % base.length)),
      fc
        .record({
          part: fc.nat(),
          edits: fc.array(
            fc.record({
              at: fc.nat(),
              remove: fc.nat(40),
              insert: fc.oneof(fc.constantFrom("<", ">", "&", "&amp;", '"', '<c r="XFD1048576"><v>1</v></c>', '<c t="s"><v>999</v></c>', "<row>", "</row>", '<mergeCell ref="A1:A1048577"/>', "<![CDATA[", "<!--", "x:"), fc.string({ maxLength: 8 })),
            }),
            { minLength: 1, maxLength: 4 },
          ),
        })
        .map(({ part, edits }) => {
          const name = parts[part % parts.length];
          return withParts(base, {
            [name]: (xml) => edits.reduce((t, e) => t.slice(0, e.at % (t.length + 1)) + e.insert + t.slice((e.at % (t.length + 1)) + e.remove), xml),
          });
        }),
    );
    fc.assert(
      fc.property(mutated, (data) => {
        const outcome = lean(data);
        if (outcome instanceof WorkbookReadError) {
          expect(outcome.message).not.toMatch(/\n/);
          return;
        }
        expect(outcome.length).toBeGreaterThan(0);
        validate([{ file: "x.xlsx", grids: outcome }], { locale: "zh-CN" });
      }),
      { numRuns: 400 },
    );
  });
});
