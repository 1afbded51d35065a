/**
 * Data that is not a readable .xlsx gives a WorkbookReadError with a one-line Chinese message —
 * never a TypeError from inside exceljs, never an empty workbook read as "no problems".
 */
import { readFile } from "node:fs/promises";
import { annotateWorkbook } from "../../src/files/annotate";
import { readWorkbook, WorkbookReadError } from "../../src/files/read";
import { fods } from "../support/fods";
import { fromFods, toXlsx } from "../support/libreoffice";
import { unzip, zip } from "../support/zip";

const SMALL = fods([{ name: "表一", rows: [["党支部名称", "党员大会"], ["第一党支部", 4]] }]);

async function readError(data: Buffer): Promise<WorkbookReadError> {
  try {
    await readWorkbook(data);
  } catch (error) {
    expect(error).toBeInstanceOf(WorkbookReadError);
    const e = error as WorkbookReadError;
    expect(e.message).not.toMatch(/\n/);
    expect(e.name).toBe("WorkbookReadError");
    return e;
  }
  throw new Error("readWorkbook did not fail");
}

/** The archive with one part replaced (or removed, for undefined). */
function withPart(archive: Buffer, name: string, content: string | Buffer | undefined): Buffer {
  const files = unzip(archive);
  expect(files.has(name)).toBe(true);
  if (content === undefined) files.delete(name);
  else files.set(name, typeof content === "string" ? Buffer.from(content) : content);
  return zip(files);
}

describe("WorkbookReadError", () => {
  let good: Buffer;

  beforeAll(async () => {
    good = await readFile(await toXlsx(SMALL, "small"));
  });

  test("the fixture and the zip helper are sound", async () => {
    const grids = await readWorkbook(zip(unzip(good)));
    expect(grids.map((g) => g.sheet)).toEqual(["表一"]);
  });

  test("not a zip at all: text, CSV, an empty file", async () => {
    for (const data of [Buffer.from("党支部名称,党员大会\n第一党支部,4\n"), Buffer.alloc(0), Buffer.from("PK")]) {
      const e = await readError(data);
      expect(e.reason).toBe("not-zip");
      expect(e.message).toBe("不是有效的 .xlsx 文件（无法解压）");
    }
  });

  test("a truncated .xlsx", async () => {
    for (const length of [Math.floor(good.length / 2), good.length - 30, 100]) {
      const e = await readError(good.subarray(0, length));
      expect(e.reason).toBe("not-zip");
    }
  });

  test("an .xls or encrypted workbook (OLE container)", async () => {
    const ole = Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(504)]);
    const e = await readError(ole);
    expect(e.reason).toBe("legacy-or-encrypted");
    expect(e.message).toMatch(/另存为 \.xlsx/);
  });

  test("damaged XML inside the archive", async () => {
    const sheet = unzip(good).get("xl/worksheets/sheet1.xml")!;
    const strings = unzip(good).get("xl/sharedStrings.xml")!;
    for (const damaged of [
      withPart(good, "xl/worksheets/sheet1.xml", sheet.subarray(0, Math.floor(sheet.length / 2))),
      withPart(good, "xl/sharedStrings.xml", strings.subarray(0, Math.floor(strings.length / 2))),
    ]) {
      const e = await readError(damaged);
      expect(e.reason).toBe("corrupt");
      expect(e.message).toBe("不是有效的 .xlsx 文件（内容已损坏，无法读取）");
    }
  });

  test("a zip that is not a workbook: no workbook part, or an .ods", async () => {
    expect((await readError(withPart(good, "xl/workbook.xml", undefined))).reason).toBe("no-sheets");
    const ods = await readFile(await fromFods(SMALL, "small", "ods"));
    expect((await readError(ods)).reason).toBe("no-sheets");
  });

  test("annotateWorkbook fails the same way", async () => {
    await expect(annotateWorkbook(Buffer.from("not a workbook"), "x.xlsx", [], { locale: "zh-CN" })).rejects.toBeInstanceOf(WorkbookReadError);
    await expect(annotateWorkbook(good.subarray(0, 200), "x.xlsx", [], { locale: "zh-CN" })).rejects.toThrow("不是有效的 .xlsx 文件（无法解压）");
  });
});
