/**
 * Hostile and oversized files through the built CLI, run as a user runs it but with a 512 MB
 * heap: each is refused with one Chinese line naming the limit and the option that raises it,
 * the run exits 2 like any unreadable file, and a sound file given alongside is still validated.
 * The limits themselves come from the defaults, a settings file's "limits" and the options, the
 * options winning.
 */
import { copyFileSync, existsSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { randomBytes } from "node:crypto";
import { crc32 } from "node:zlib";
import { cleanRows, makeXlsx } from "./fixtures";
import { requireBuiltCli, runCli } from "./run";
import { bombSheet, fullHeightSheet, rowsXml, sheetXml, smallWorkbook, withSheet } from "../support/hostile";
import { unzip, zipStored, type StoredEntry } from "../support/zip";

/** A heap the hostile files must be refused within. */
const cli = (...args: string[]) => runCli(args, ["--max-old-space-size=512"]);

let dir: string;
let clean: string;
/** Each hostile file by name, with the start of the line it must be refused with. */
const hostile = new Map<string, string>();

beforeAll(async () => {
  requireBuiltCli();
  dir = mkdtempSync(join(tmpdir(), "dj-hostile-"));
  clean = join(dir, "clean.xlsx");
  copyFileSync(await makeXlsx("clean", cleanRows()), clean);
  const small = await smallWorkbook();
  const files: [string, Buffer, string][] = [
    ["truncated.xlsx", small.subarray(0, Math.floor(small.length / 2)), "不是有效的 .xlsx 文件（无法解压）"],
    ["bomb.xlsx", withSheet(small, bombSheet(2)), "文件内部“xl/worksheets/sheet1.xml”的压缩比超过读取上限 100 倍（可能是“压缩炸弹”），未读取（可用 --max-compression-ratio 调高此上限）"],
    ["lying-bomb.xlsx", withSheet(small, bombSheet(2, 1000)), "解压后的内容超过读取上限 100 MB（可能是“压缩炸弹”），未读取（可用 --max-unzipped-mb 调高此上限）"],
    ["rows.xlsx", withSheet(small, fullHeightSheet()), "有工作表用到第 200001 行，超过读取上限 200000 行，未读取（可用 --max-rows 调高此上限）"],
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
  files.push(["far.xlsx", withSheet(small, sheetXml(`<row r="250000"><c r="A250000"><v>1</v></c></row>`)), "有工作表用到第 250000 行，超过读取上限 200000 行，未读取（可用 --max-rows 调高此上限）"]);
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
    const run = cli("validate", join(dir, "rows.xlsx"), "--max-rows", "2000000", "--max-cells", "1000000", "--json");
    expect(run.status).toBe(2);
    expect(run.stderr.trim()).toBe("rows.xlsx：单元格总数超过读取上限 1000000 个，未读取（可用 --max-cells 调高此上限）");
  });

  it("a raised limit lets a file in, a lowered one keeps it out", () => {
    const far = cli("validate", join(dir, "far.xlsx"), "--max-rows", "300000", "--json");
    expect(far.stderr).toBe("");
    expect(JSON.parse(far.stdout).files[0].error).toBeUndefined();
    const lowered = cli("validate", clean, "--max-rows", "2");
    expect(lowered.status).toBe(2);
    expect(lowered.stderr).toBe("clean.xlsx：有工作表用到第 3 行，超过读取上限 2 行，未读取（可用 --max-rows 调高此上限）\n");
  });

  it("a file over --max-copy-cells is validated and reported, but gets no annotated copy", () => {
    const out = join(dir, "copies");
    const run = cli("validate", clean, "--annotate", out, "--max-copy-cells", "5", "--json");
    expect(run.status).toBe(2);
    expect(run.stderr.trim()).toBe("clean.xlsx：单元格总数超过写标注副本的上限 5 个，未写副本（校验不受影响）（可用 --max-copy-cells 调高此上限）");
    expect(JSON.parse(run.stdout).files[0].sheets[0]).toMatchObject({ unit: "机关二局", rows: 3 });
    expect(existsSync(join(out, "clean.xlsx"))).toBe(false);
    expect(cli("validate", clean, "--annotate", out, "--max-copy-cells", "1000").status).toBe(0);
    expect(existsSync(join(out, "clean.xlsx"))).toBe(true);
  });

  it("refuses a value that is not a positive number, and a fraction of a count", () => {
    for (const value of ["abc", "0", "2.5"]) {
      const run = cli("validate", clean, "--max-rows", value);
      expect(run.status).toBe(2);
      expect(run.stderr.trim()).toBe(`选项 --max-rows 的取值“${value}”无效：应为正整数。`);
    }
    const size = cli("validate", clean, "--max-file-mb", "-1");
    expect(size.status).toBe(2);
    expect(size.stderr.trim()).toBe("选项 --max-file-mb 的取值“-1”无效：应为正数。");
    // A size need not be whole.
    expect(cli("validate", clean, "--max-file-mb", "0.5").status).toBe(0);
  });

  it("lists every limit and its default in the help", () => {
    const help = cli("validate", "--help").stdout;
    for (const option of ["--max-file-mb", "--max-parts", "--max-unzipped-mb", "--max-compression-ratio", "--max-rows", "--max-cells", "--max-copy-cells", "--max-merged-cells", "--max-validated-cells"]) {
      expect(help).toContain(option);
    }
    expect(help).toContain("默认 200000");
    // Commander wraps the line at the terminal's width: only the name is sure to be whole.
    expect(help).toContain('"limits"');
  });
});

describe("read limits in the settings file", () => {
  /** A settings JSON holding `json`, written once per test under its own name. */
  function settingsFile(name: string, json: unknown): string {
    const file = join(dir, `${name}.json`);
    writeFileSync(file, JSON.stringify(json));
    return file;
  }
  const refusedRows = (file: string, row: number, limit: number) =>
    `${file}：有工作表用到第 ${row} 行，超过读取上限 ${limit} 行，未读取（可用 --max-rows 调高此上限）\n`;

  it("applies a limit the settings file lowers, and keeps the default of one it does not name", () => {
    const lowered = cli("validate", clean, "--settings", settingsFile("lowered", { limits: { maxRows: 2 } }));
    expect(lowered.status).toBe(2);
    expect(lowered.stderr).toBe(refusedRows("clean.xlsx", 3, 2));
    const other = cli("validate", join(dir, "far.xlsx"), "--settings", settingsFile("other", { limits: { maxCells: 3_000_000 } }));
    expect(other.status).toBe(2);
    expect(other.stderr).toBe(refusedRows("far.xlsx", 250000, 200000));
  });

  it("applies a limit the settings file raises, with the file's other settings", () => {
    const settings = settingsFile("raised", { assessmentYear: 2024, limits: { maxRows: 300_000 } });
    const far = cli("validate", join(dir, "far.xlsx"), "--settings", settings, "--json");
    expect(far.stderr).toBe("");
    expect(JSON.parse(far.stdout).files[0].error).toBeUndefined();
    // assessmentYear reached the engine: 2024 does not match the sheet's 统计期间 2025.
    const findings = JSON.parse(cli("validate", clean, "--settings", settings, "--json").stdout).files[0].sheets[0].findings;
    expect(findings.map((f: { rule: string; cell: string }) => [f.rule, f.cell])).toEqual([["inconsistent", "F2"]]);
  });

  it("lets an option given on the command line win over the settings file, either way", () => {
    const lowered = cli("validate", clean, "--settings", settingsFile("lowered", { limits: { maxRows: 2 } }), "--max-rows", "100");
    expect(lowered.stderr).toBe("");
    expect(lowered.status).toBe(0);
    const raised = cli("validate", join(dir, "far.xlsx"), "--settings", settingsFile("raised", { limits: { maxRows: 300_000 } }), "--max-rows", "220000");
    expect(raised.status).toBe(2);
    expect(raised.stderr).toBe(refusedRows("far.xlsx", 250000, 220000));
  });

  it("refuses a wrong limit with a Chinese line naming it, applies nothing and exits 2", () => {
    const cases: [unknown, string[]][] = [
      [{ maxRows: -1 }, ["读取上限“limits.maxRows”的值 -1 无效：应为正整数。"]],
      [{ maxRows: 2.5, maxCells: "500" }, ["读取上限“limits.maxRows”的值 2.5 无效：应为正整数。", "读取上限“limits.maxCells”的值 \"500\" 无效：应为正整数。"]],
      [{ maxFileMb: 0 }, ["读取上限“limits.maxFileMb”的值 0 无效：应为正数。"]],
      [
        { maxLines: 5, maxFileBytes: 1 },
        [
          "未知的读取上限“limits.maxLines”。可用的有：maxFileMb, maxParts, maxUnzippedMb, maxCompressionRatio, maxRows, maxCells, maxCopyCells, maxMergedCells, maxValidatedCells。",
          "未知的读取上限“limits.maxFileBytes”。可用的有：maxFileMb, maxParts, maxUnzippedMb, maxCompressionRatio, maxRows, maxCells, maxCopyCells, maxMergedCells, maxValidatedCells。",
        ],
      ],
      [5, ['参数“limits”应为一个对象，如 {"limits": {"maxRows": 300000}}。']],
    ];
    for (const [limits, lines] of cases) {
      // A sound limit and a sound setting beside the wrong one: neither is applied, nothing is validated.
      const settings = settingsFile("bad-limits", { partyWeight: 0.5, limits: typeof limits === "object" ? { maxParts: 500, ...limits } : limits });
      const run = cli("validate", clean, "--settings", settings, "--json");
      expect(run.status).toBe(2);
      expect(run.stdout).toBe("");
      expect(run.stderr).toBe(lines.map((line) => `${settings}: ${line}\n`).join(""));
    }
  });

  it("reports a wrong limit beside a wrong setting", () => {
    const settings = settingsFile("both-bad", { 不存在: 1, limits: { maxRows: 0 } });
    const run = cli("validate", clean, "--settings", settings);
    expect(run.status).toBe(2);
    expect(run.stderr).toBe(`${settings}: 未知参数“不存在”。\n${settings}: 读取上限“limits.maxRows”的值 0 无效：应为正整数。\n`);
  });
});
