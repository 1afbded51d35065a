/**
 * The read limits, at the level of src/files: each hostile or oversized file is refused with its
 * own reason and a one-line Chinese message while the lean reader streams it (and, for the
 * annotated copy, before exceljs builds anything), and the same file under the limit is read —
 * so each refusal is the limit's doing, not a malformed fixture's.
 */
import { readWorkbook, WorkbookReadError } from "../../src/files/read";
import { loadWorkbook } from "../../src/files/load";
import { DEFAULT_READ_LIMITS, withReadLimits, type ReadLimits } from "../../src/files/limits";
import { rangeArea, SheetScanner, type WorkbookCounts } from "../../src/files/sheetScan";
import { bombSheet, deflatePieces, rowsXml, SHEET, sheetXml, smallWorkbook, withSheet } from "../support/hostile";
import { unzip, zip } from "../support/zip";

/** What the gate before exceljs (the annotated copy's reader) throws. */
async function gateRefusal(data: Buffer, limits?: ReadLimits): Promise<WorkbookReadError> {
  try {
    await loadWorkbook(data, limits);
  } catch (error) {
    expect(error).toBeInstanceOf(WorkbookReadError);
    return error as WorkbookReadError;
  }
  throw new Error("expected the gate to refuse the workbook");
}

async function refusal(data: Buffer, limits?: ReadLimits): Promise<WorkbookReadError> {
  try {
    await readWorkbook(data, limits);
  } catch (error) {
    expect(error).toBeInstanceOf(WorkbookReadError);
    const e = error as WorkbookReadError;
    expect(e.message).not.toMatch(/\n/);
    expect(e.message).toMatch(/[\u4e00-\u9fff]/);
    return e;
  }
  throw new Error("readWorkbook did not refuse the file");
}

let small: Buffer;

beforeAll(async () => {
  small = await smallWorkbook();
});

describe("the fixtures are sound", () => {
  test("a replaced sheet with a few rows, a merge and a drop-down list is read", async () => {
    const xml = sheetXml(
      rowsXml(1, 3),
      `<mergeCells count="1"><mergeCell ref="B1:C2"/></mergeCells><dataValidations count="1"><dataValidation type="list" sqref="D1:D3"><formula1>"优秀,一般"</formula1></dataValidation></dataValidations>`,
    );
    const [grid] = await readWorkbook(withSheet(small, xml));
    expect(grid.cells.map((row) => row[0])).toEqual([1, 2, 3].map((value) => ({ kind: "number", value })));
    expect(grid.merges).toEqual([{ top: 1, left: 2, bottom: 2, right: 3 }]);
  });
});

describe("files that are not workbooks", () => {
  test("a truncated workbook", async () => {
    for (const length of [small.length - 1, Math.floor(small.length / 2), 10]) {
      const e = await refusal(small.subarray(0, length));
      expect(e.reason).toBe("not-zip");
      expect(e.message).toBe("不是有效的 .xlsx 文件（无法解压）");
    }
  });

  test("a PDF and a text file named .xlsx", async () => {
    for (const data of [Buffer.from("%PDF-1.7\n1 0 obj\n<< /Type /Catalog >>\nendobj\n%%EOF\n"), Buffer.from("党支部名称\t党员大会\n")]) {
      expect((await refusal(data)).reason).toBe("not-zip");
    }
  });

  test("malformed XML inside the zip", async () => {
    const e = await refusal(withSheet(small, `<worksheet xmlns="x"><sheetData><row r="1"><c r="A1"><v>1</v></row></sheetData`));
    expect(e.reason).toBe("corrupt");
    expect(e.message).toBe("不是有效的 .xlsx 文件（内容已损坏，无法读取）");
  });
});

describe("a part whose declared size is wrong", () => {
  test("is refused as damaged, not thrown out of jszip", async () => {
    const lying = deflatePieces(SHEET, [{ text: sheetXml(rowsXml(1, 3)) }], { crc: true, declaredSize: 10 });
    expect((await refusal(withSheet(small, lying))).reason).toBe("corrupt");
  });
});

describe("size limits on the zip", () => {
  test("a file over maxFileBytes is refused before it is looked at", async () => {
    const e = await refusal(Buffer.alloc(60 * 1024 * 1024));
    expect(e.reason).toBe("too-large");
    expect(e.limit).toBe("maxFileBytes");
    expect(e.message).toBe("文件过大（60 MB），超过读取上限 20 MB，未读取");
  });

  test("too many parts", async () => {
    const parts = unzip(small).size;
    const e = await refusal(small, withReadLimits({ maxParts: parts - 1 }));
    expect(e).toMatchObject({ reason: "too-many-parts", limit: "maxParts" });
    expect(e.message).toBe(`文件内部有 ${parts} 个部件，超过读取上限 ${parts - 1} 个，未读取`);
    await expect(readWorkbook(small, withReadLimits({ maxParts: parts }))).resolves.toHaveLength(1);
  });

  test("a zip bomb that declares its size is refused from the directory", async () => {
    const e = await refusal(withSheet(small, bombSheet(2)));
    expect(e).toMatchObject({ reason: "compression-ratio", limit: "maxCompressionRatio" });
    expect(e.message).toBe(`文件内部“${SHEET}”的压缩比超过读取上限 100 倍（可能是“压缩炸弹”），未读取`);
  });

  test("a zip bomb that lies about its size is refused as it inflates", async () => {
    // The CLI test runs the default 100 MB; here a lower limit keeps the test quick.
    const e = await refusal(withSheet(small, bombSheet(2, 1000)), withReadLimits({ maxUnzippedBytes: 8 * 1024 * 1024 }));
    expect(e).toMatchObject({ reason: "unzipped-too-large", limit: "maxUnzippedBytes" });
    expect(e.message).toBe("解压后的内容超过读取上限 8 MB（可能是“压缩炸弹”），未读取");
  });

  test("a lying part's real compression ratio is checked as it inflates", async () => {
    // 2 MB of spaces packs to a few kB: past the 1 MB grace, far over 100:1.
    const lying = deflatePieces(SHEET, [{ text: sheetXml(" ".repeat(2 * 1024 * 1024)) }], { declaredSize: 1000 });
    expect((await refusal(withSheet(small, lying))).reason).toBe("compression-ratio");
  });

  test("declared sizes over maxUnzippedBytes are refused without inflating", async () => {
    const e = await refusal(small, withReadLimits({ maxUnzippedBytes: 1024 }));
    expect(e).toMatchObject({ reason: "unzipped-too-large", limit: "maxUnzippedBytes" });
  });
});

describe("limits on what the sheets hold", () => {
  test("a row past maxRows is refused there, without reading on", async () => {
    // Excel's full 1 048 576 rows under the default limit: test/cli/hostile.test.ts.
    const xml = sheetXml(rowsXml(1, 20_000));
    const e = await refusal(withSheet(small, xml), withReadLimits({ maxRows: 1_000 }));
    expect(e).toMatchObject({ reason: "too-many-rows", limit: "maxRows" });
    expect(e.message).toBe("有工作表用到第 1001 行，超过读取上限 1000 行，未读取");
    await expect(readWorkbook(withSheet(small, xml), withReadLimits({ maxRows: 20_000 }))).resolves.toHaveLength(1);
  });

  test("a cell's own row number counts too", async () => {
    const xml = sheetXml(`<row r="1"><c r="A5000"><v>1</v></c></row>`);
    expect(await refusal(withSheet(small, xml), withReadLimits({ maxRows: 1_000 }))).toMatchObject({ reason: "too-many-rows", limit: "maxRows" });
  });

  test("cells over maxCells", async () => {
    const e = await refusal(withSheet(small, sheetXml(rowsXml(1, 20_000))), withReadLimits({ maxCells: 19_999 }));
    expect(e).toMatchObject({ reason: "too-many-cells", limit: "maxCells" });
    expect(e.message).toBe("单元格总数超过读取上限 19999 个，未读取");
  });

  test("cells over maxCopyCells: read and validated, but no annotated copy (exceljs would need ≈ 1.7 KB a cell)", async () => {
    const file = withSheet(small, sheetXml(rowsXml(1, 20_000)));
    const limits = withReadLimits({ maxCopyCells: 19_999 });
    await expect(readWorkbook(file, limits)).resolves.toHaveLength(1);
    const e = await gateRefusal(file, limits);
    expect(e).toMatchObject({ reason: "copy-too-many-cells", limit: "maxCopyCells" });
    expect(e.message).toBe("单元格总数超过写标注副本的上限 19999 个，未写副本（校验不受影响）");
    await expect(loadWorkbook(file, withReadLimits({ maxCopyCells: 20_000 }))).resolves.toBeDefined();
  });

  test("a far-away cell counts every cell of its row from column A", async () => {
    const xml = sheetXml(`<row r="1"><c r="XFD1"><v>1</v></c></row>`);
    expect((await refusal(withSheet(small, xml), withReadLimits({ maxCells: 16_383 }))).reason).toBe("too-many-cells");
    await expect(readWorkbook(withSheet(small, xml), withReadLimits({ maxCells: 16_384 }))).resolves.toHaveLength(1);
  });

  test("a whole-column merge is refused before exceljs expands it", async () => {
    const xml = sheetXml(rowsXml(1, 3), `<mergeCells count="1"><mergeCell ref="A1:A1048576"/></mergeCells>`);
    const e = await refusal(withSheet(small, xml));
    expect(e).toMatchObject({ reason: "merges-too-large", limit: "maxMergedCells" });
    expect(e.message).toBe("合并单元格（如 A1:A1048576）覆盖的单元格超过读取上限 100000 个，未读取。请取消整行、整列的合并后再报送");
  });

  test("whole-sheet merges are refused; drop-down lists over whole columns are read (the reader never builds them)", async () => {
    const merge = sheetXml(rowsXml(1, 3), `<mergeCells count="1"><mergeCell ref="A1:XFD1048576"/></mergeCells>`);
    expect((await refusal(withSheet(small, merge))).reason).toBe("merges-too-large");
    const validations = ["B", "C", "D"].map((c) => `<dataValidation type="list" sqref="${c}2:${c}1048576"><formula1>"优秀,一般"</formula1></dataValidation>`);
    const xml = sheetXml(rowsXml(1, 3), `<dataValidations count="3">${validations.join("")}</dataValidations>`);
    await expect(readWorkbook(withSheet(small, xml))).resolves.toEqual(await readWorkbook(withSheet(small, sheetXml(rowsXml(1, 3)))));
    // exceljs, which writes the annotated copy, would build an object per validated cell: its gate refuses.
    const e = await gateRefusal(withSheet(small, xml));
    expect(e).toMatchObject({ reason: "validations-too-large", limit: "maxValidatedCells" });
    expect(e.message).toContain("D2:D1048576");
  });

  test("the copy's gate: a validation's sqref lists several ranges", async () => {
    const xml = sheetXml(rowsXml(1, 3), `<dataValidations count="1"><dataValidation type="whole" sqref="A1:A5 C1:C5"><formula1>0</formula1></dataValidation></dataValidations>`);
    expect((await gateRefusal(withSheet(small, xml), withReadLimits({ maxValidatedCells: 9 }))).reason).toBe("validations-too-large");
    await expect(loadWorkbook(withSheet(small, xml), withReadLimits({ maxValidatedCells: 10 }))).resolves.toBeDefined();
  });

  test("the copy's gate counts all sheets together, listed or not", async () => {
    const files = unzip(small);
    const two = zip(new Map([...files, ["xl/worksheets/sheet2.xml", files.get(SHEET)!]]));
    // exceljs parses every xl/worksheets/sheetN.xml, whether the workbook lists it or not.
    await expect(loadWorkbook(two, withReadLimits({ maxCells: 6 }))).rejects.toMatchObject({ reason: "too-many-cells" });
    await expect(loadWorkbook(small, withReadLimits({ maxCells: 6 }))).resolves.toBeDefined();
  });
});

describe("SheetScanner", () => {
  const counts = (): WorkbookCounts => ({ cells: 0, mergedCells: 0, validatedCells: 0 });
  const xml = sheetXml(
    `<row r="2" spans="1:3"><c r="A2" t="inlineStr"><is><t>第一党支部</t></is></c><c r="C2"><v>1</v></c></row><row><c><v>1</v></c><c/></row>`,
    `<mergeCells count="2"><mergeCell ref="A1:C1"/><mergeCell ref="$D$2:$E$3"/></mergeCells><dataValidations><dataValidation sqref="F1:F10 G1"/></dataValidations>`,
  );

  test("counts rows, cells, merged and validated cells, whatever the chunks", () => {
    const bytes = Buffer.from(xml, "utf8");
    const whole = counts();
    new SheetScanner(DEFAULT_READ_LIMITS, whole).push(bytes);
    expect(whole).toEqual({ cells: 3 + 2, mergedCells: 3 + 4, validatedCells: 11 });
    for (const size of [1, 2, 7]) {
      const chunked = counts();
      const scanner = new SheetScanner(DEFAULT_READ_LIMITS, chunked);
      for (let i = 0; i < bytes.length; i += size) scanner.push(bytes.subarray(i, i + size));
      expect(chunked).toEqual(whole);
      expect(scanner.breach).toBeUndefined();
    }
  });

  test("a row after the last numbered one takes the next number", () => {
    const scanner = new SheetScanner(withReadLimits({ maxRows: 2 }), counts());
    scanner.push(Buffer.from(`<row r="2"/><row>`));
    expect(scanner.breach).toEqual({ limit: "maxRows", row: 3 });
  });

  test("tags that only start like ours are not counted", () => {
    const c = counts();
    new SheetScanner(DEFAULT_READ_LIMITS, c).push(Buffer.from(`<cols><col min="1" max="16384"/></cols><cfRule/><rowBreaks/><mergeCells count="0"/>`));
    expect(c).toEqual(counts());
  });

  test("rangeArea clamps to Excel's grid and ignores what is not a range", () => {
    expect(rangeArea("A1")).toBe(1);
    expect(rangeArea("B2:D9")).toBe(24);
    expect(rangeArea("D9:B2")).toBe(24);
    expect(rangeArea("A1:XFD1048576")).toBe(16_384 * 1_048_576);
    expect(rangeArea("A1:ZZZ99999999")).toBe(16_384 * 1_048_576);
    expect(rangeArea("A:A")).toBe(0);
    expect(rangeArea("")).toBe(0);
  });
});
