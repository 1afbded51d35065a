/**
 * The preview's file host in Node: the same class the page uses, on files given as plain
 * objects with a name and arrayBuffer(). A bad file must come back as an error, never a throw.
 */
import { readFileSync } from "node:fs";
import ExcelJS from "exceljs";
import { validateWorkbooks } from "../../src/engine";
import { locatedFindings } from "../../src/host/host";
import { FileHost, type OpenedFile } from "../../src/preview/fileHost";
import { ruleMessage } from "../../src/engine/rules";
import { filesText } from "../../src/i18n/files";
import { makeXlsx, messyRows, MESSY_EXPECTED } from "../cli/fixtures";

function file(name: string, bytes: Uint8Array): OpenedFile {
  return { name, arrayBuffer: async () => bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer };
}

async function workbookOf(blob: Blob): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load((await blob.arrayBuffer()) as unknown as Parameters<ExcelJS.Xlsx["load"]>[0]);
  return workbook;
}

/** What the 校验 view passes to markFindings: every finding with its file. */
let messy: Buffer;

beforeAll(async () => {
  messy = readFileSync(await makeXlsx("messy", messyRows()));
});

describe("FileHost", () => {
  test("reads opened .xlsx files into the grids the engine validates, with progress", async () => {
    const host = new FileHost("zh-CN");
    host.setFiles([file("一局.xlsx", messy)]);
    const steps: [number, number][] = [];
    const books = await host.readWorkbooks("all", (done, total) => steps.push([done, total]));
    expect(books).toHaveLength(1);
    expect(books[0].file).toBe("一局.xlsx");
    expect(books[0].error).toBeUndefined();
    expect(steps).toEqual([[0, 1], [1, 1]]);
    const found = validateWorkbooks(books, { locale: "zh-CN" }).report.files[0].sheets.flatMap((s) => s.findings.map((f) => [f.rule, f.cell]));
    for (const expected of MESSY_EXPECTED) expect(found).toContainEqual(expected);
  });

  test("an unsupported or broken file becomes an error in words, never a throw", async () => {
    const host = new FileHost("zh-CN");
    host.setFiles([file("旧表.xls", new Uint8Array([1, 2, 3])), file("坏表.xlsx", new TextEncoder().encode("not a zip")), file("一局.xlsx", messy)]);
    const books = await host.readWorkbooks("active");
    expect(books.map((b) => b.file)).toEqual(["旧表.xls", "坏表.xlsx", "一局.xlsx"]);
    expect(books[0]).toMatchObject({ grids: [], error: ruleMessage("unsupported-file", "default", "zh-CN", { file: "旧表.xls" }), errorRule: "unsupported-file" });
    expect(books[1]).toMatchObject({ grids: [], error: filesText("zh-CN")("files.error.notZip") });
    expect(books[2].error).toBeUndefined();
    const report = validateWorkbooks(books, { locale: "zh-CN" }).report;
    expect(report.files.map((f) => f.error)).toEqual([books[0].error, books[1].error, undefined]);
  });

  test("two files of the same name are told apart", async () => {
    const host = new FileHost("zh-CN");
    host.setFiles([file("报表.xlsx", messy), file("报表.xlsx", messy), file("报表", messy)]);
    expect(host.fileNames).toEqual(["报表.xlsx", "报表 (2).xlsx", "报表"]);
  });

  test("annotated copies carry the marked findings and a 问题清单 sheet; clearMarks forgets them", async () => {
    const host = new FileHost("zh-CN");
    host.setFiles([file("一局.xlsx", messy), file("二局.xlsx", messy), file("旧表.xls", new Uint8Array([1]))]);
    expect(await host.annotatedCopies()).toEqual([]);
    const report = validateWorkbooks(await host.readWorkbooks("all"), { locale: "zh-CN" }).report;
    const findings = locatedFindings(report);
    // Only the first file's findings: the second gets an annotated copy with none.
    await host.markFindings(findings.filter((f) => f.file === "一局.xlsx"));
    const copies = await host.annotatedCopies();
    expect(copies.map((c) => c.name)).toEqual(["一局（标注）.xlsx", "二局（标注）.xlsx"]);
    const first = await workbookOf(copies[0].blob);
    expect(first.getWorksheet("问题清单")!.actualRowCount).toBe(report.files[0].sheets[0].findings.length + 1);
    expect(String(first.getWorksheet("报表")!.getCell("C7").note)).toContain("C7");
    const second = await workbookOf(copies[1].blob);
    expect(second.getWorksheet("问题清单")!.actualRowCount).toBe(1);
    expect(second.getWorksheet("报表")!.getCell("C7").note).toBeUndefined();

    await host.clearMarks();
    expect(await host.annotatedCopies()).toEqual([]);
  });

  test("selectCell tells the page which finding to show", async () => {
    const host = new FileHost("zh-CN");
    const shown: string[][] = [];
    await host.selectCell("a.xlsx", "报表", "C7"); // no listener yet: nothing happens
    host.onSelect((...args) => shown.push(args));
    await host.selectCell("a.xlsx", "报表", "C7");
    expect(shown).toEqual([["a.xlsx", "报表", "C7"]]);
  });
});
