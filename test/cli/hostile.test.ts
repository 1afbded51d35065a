/**
 * Hostile and oversized files through the built CLI, run as a user runs it but with a 512 MB
 * heap: each is refused with one Chinese line naming the limit and the option that raises it,
 * the run exits 2 like any unreadable file, and a sound file given alongside is still validated.
 */
import { spawnSync } from "node:child_process";
import { copyFileSync, existsSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { randomBytes } from "node:crypto";
import { crc32 } from "node:zlib";
import { cleanRows, makeXlsx } from "./fixtures";
import { bombSheet, fullHeightSheet, rowsXml, sheetXml, smallWorkbook, withSheet } from "../support/hostile";
import { unzip, zipStored, type StoredEntry } from "../support/zip";

const ROOT = resolve(__dirname, "../..");
const BIN = join(ROOT, "bin/dj-assess.js");

function cli(...args: string[]) {
  const started = Date.now();
  const result = spawnSync(process.execPath, ["--max-old-space-size=512", BIN, ...args], {
    encoding: "utf8",
    cwd: ROOT,
    env: { ...process.env, DJ_LANG: "zh-CN" },
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr, seconds: (Date.now() - started) / 1000 };
}

let dir: string;
let clean: string;
/** Each hostile file by name, with the start of the line it must be refused with. */
const hostile = new Map<string, string>();

beforeAll(async () => {
  if (!existsSync(join(ROOT, "build/cli/main.js"))) throw new Error("build/ is missing: run `npm run build:cli` (npm test does it)");
  dir = mkdtempSync(join(tmpdir(), "dj-hostile-"));
  clean = join(dir, "clean.xlsx");
  copyFileSync(await makeXlsx("clean", cleanRows()), clean);
  const small = await smallWorkbook();
  const files: [string, Buffer, string][] = [
    ["truncated.xlsx", small.subarray(0, Math.floor(small.length / 2)), "不是有效的 .xlsx 文件（无法解压）"],
    ["bomb.xlsx", withSheet(small, bombSheet(2)), "文件内部“xl/worksheets/sheet1.xml”的压缩比超过读取上限 100 倍（可能是“压缩炸弹”），未读取（可用 --max-compression-ratio 调高此上限）"],
    ["lying-bomb.xlsx", withSheet(small, bombSheet(2, 1000)), "解压后的内容超过读取上限 100 MB（可能是“压缩炸弹”），未读取（可用 --max-unzipped-mb 调高此上限）"],
    ["rows.xlsx", withSheet(small, fullHeightSheet()), "有工作表用到第 100001 行，超过读取上限 100000 行，未读取（可用 --max-rows 调高此上限）"],
    ["merge.xlsx", withSheet(small, sheetXml(rowsXml(1, 3), `<mergeCells count="1"><mergeCell ref="A1:A1048576"/></mergeCells>`)), "合并单元格（如 A1:A1048576）覆盖的单元格超过读取上限 100000 个，未读取。请取消整行、整列的合并后再报送（可用 --max-merged-cells 调高此上限）"],
    ["malformed.xlsx", withSheet(small, `<worksheet xmlns="x"><sheetData><row r="1"><c r="A1"><v>1</row>`), "不是有效的 .xlsx 文件（内容已损坏，无法读取）"],
    ["report.xlsx", Buffer.from("%PDF-1.7\n1 0 obj\n<< /Type /Catalog >>\nendobj\n%%EOF\n"), "不是有效的 .xlsx 文件（无法解压）"],
    ["notes.xlsx", Buffer.from("党支部名称\t党员大会\n第一党支部\t4\n"), "不是有效的 .xlsx 文件（无法解压）"],
  ];
  // 60 MB: a sound workbook carrying a 60 MB picture that does not compress, stored as is.
  const picture = randomBytes(60 * 1024 * 1024);
  const parts: StoredEntry[] = [...unzip(small)].map(([name, data]) => ({ name, method: 0, packed: data, crc: crc32(data), size: data.length }));
  parts.push({ name: "xl/media/image1.png", method: 0, packed: picture, crc: crc32(picture), size: picture.length });
  files.push(["huge.xlsx", zipStored(parts), "文件过大（60 MB），超过读取上限 20 MB，未读取（可用 --max-file-mb 调高此上限）"]);
  files.push(["far.xlsx", withSheet(small, sheetXml(`<row r="150000"><c r="A150000"><v>1</v></c></row>`)), "有工作表用到第 150000 行，超过读取上限 100000 行，未读取（可用 --max-rows 调高此上限）"]);
  for (const [name, data, line] of files) {
    writeFileSync(join(dir, name), data);
    hostile.set(name, `${name}：${line}`);
  }
});

afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

describe("hostile files", () => {
  it("refuses each with one Chinese line, exits 2, and still validates the sound file", () => {
    const names = [...hostile.keys()];
    const run = cli("validate", ...names.map((n) => join(dir, n)), clean, "--json");
    expect(run.status).toBe(2);
    expect(run.stderr).not.toMatch(/\n\s+at /);
    expect(run.stderr.trimEnd().split("\n")).toEqual([...hostile.values()]);
    const report = JSON.parse(run.stdout);
    expect(report.files.map((f: { error?: string }) => f.error)).toEqual([...hostile.values(), undefined]);
    const sound = report.files[names.length];
    expect(sound.file).toBe(clean);
    expect(sound.sheets[0]).toMatchObject({ unit: "机关二局", rows: 3, findings: [] });
    // Generous against a loaded machine: every refusal takes about a second at most.
    expect(run.seconds).toBeLessThan(60);
  });

  it("prints the same lines in the readable summary", () => {
    const run = cli("validate", join(dir, "merge.xlsx"), join(dir, "huge.xlsx"), clean);
    expect(run.status).toBe(2);
    expect(run.stderr.trimEnd().split("\n")).toEqual([hostile.get("merge.xlsx"), hostile.get("huge.xlsx")]);
    expect(run.stdout).toContain("工作表“报表”");
  });
});

describe("read-limit options", () => {
  it("raising the limit a file was refused by moves on to the next one", () => {
    const run = cli("validate", join(dir, "rows.xlsx"), "--max-rows", "2000000", "--json");
    expect(run.status).toBe(2);
    expect(run.stderr.trim()).toBe("rows.xlsx：单元格总数超过读取上限 1000000 个，未读取（可用 --max-cells 调高此上限）");
  });

  it("a raised limit lets a file in, a lowered one keeps it out", () => {
    const far = cli("validate", join(dir, "far.xlsx"), "--max-rows", "200000", "--json");
    expect(far.stderr).toBe("");
    expect(JSON.parse(far.stdout).files[0].error).toBeUndefined();
    const lowered = cli("validate", clean, "--max-rows", "2");
    expect(lowered.status).toBe(2);
    expect(lowered.stderr).toBe("clean.xlsx：有工作表用到第 3 行，超过读取上限 2 行，未读取（可用 --max-rows 调高此上限）\n");
  });

  it("refuses a value that is not a positive number", () => {
    for (const value of ["abc", "0"]) {
      const run = cli("validate", clean, "--max-rows", value);
      expect(run.status).toBe(2);
      expect(run.stderr.trim()).toBe(`选项 --max-rows 的取值“${value}”无效：应为正数。`);
    }
  });

  it("lists every limit and its default in the help", () => {
    const help = cli("validate", "--help").stdout;
    for (const option of ["--max-file-mb", "--max-parts", "--max-unzipped-mb", "--max-compression-ratio", "--max-rows", "--max-cells", "--max-merged-cells", "--max-validated-cells"]) {
      expect(help).toContain(option);
    }
    expect(help).toContain("默认 100000");
  });
});
