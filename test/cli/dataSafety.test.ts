/**
 * What `dj-assess validate --annotate` promises about the user's data (PRODUCT.md §7–8), on real
 * .xlsx files made by LibreOffice and the compiled CLI run as a user runs it:
 * - it never modifies an input, wherever the input lies, the output folder included;
 * - an annotated copy keeps every submitted value and formula of every sheet;
 * - text from a submission that starts with = + - or @ stays text in everything we produce;
 * - a sheet or file name we want that is already taken gets a suffix instead of being replaced.
 */
import { createHash } from "node:crypto";
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { basename, join, relative } from "node:path";
import ExcelJS from "exceljs";
import { requireBuiltCli, runCli } from "./run";
import { snapshot } from "../support/cells";
import { fods, type FodsCell } from "../support/fods";
import { toXlsx } from "../support/libreoffice";
import { unzip } from "../support/zip";
import { messyRows } from "./fixtures";

const cli = (...args: string[]) => runCli(args);

/** Every file under `dir` (the ledger included) by relative path, with its SHA-256. */
function hashes(dir: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const entry of readdirSync(dir, { recursive: true, encoding: "utf8" })) {
    const file = join(dir, entry);
    if (statSync(file).isFile()) out.set(relative(dir, file), createHash("sha256").update(readFileSync(file)).digest("hex"));
  }
  return out;
}

/** The files of `before` whose content changed or that are gone. */
function changed(before: Map<string, string>, after: Map<string, string>): string[] {
  return [...before].filter(([file, hash]) => after.get(file) !== hash).map(([file]) => file);
}

async function load(file: string): Promise<ExcelJS.Workbook> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.readFile(file);
  return book;
}

/** Text a spreadsheet program could take for a formula, a number or a mention. */
const EVIL = '=HYPERLINK("http://evil.invalid","点我")';
const HOSTILE = [EVIL, "+86 123", "-", "@home"];

/** A submission whose branch names and cells hold text starting with = + - and @ (LibreOffice writes them as text). */
function hostileRows(): FodsCell[][] {
  return [
    [{ value: "2025年上半年党支部工作情况统计表", colSpan: 10 }],
    ["填报单位：", "机关三局", null, null, "统计期间：", "2025年1-6月"],
    ["序号", "党支部名称", "正式党员数", "预备党员数", "党员大会", "支委会", "党课", "本年发展党员数", "党建经费预算（元）", "党建经费支出（元）"],
    [1, EVIL, 9, 1, 2, 6, 2, 1, 10000, 6000],
    [2, EVIL, 5, 0, 2, 6, 2, 1, 8000, 4000],
    [3, "@home", "+86 123", 1, 2, 6, 2, 0, 12000, 9000],
    [4, "+86 123", 7, "-", 2, 6, 2, 1, 6000, 3000],
    [5, "-", 8, 0, 2, 6, 2, 1, 6000, 3000],
  ];
}

/** A messy submission in a workbook that also has the user's own 问题清单 and a hidden sheet of formulas. */
function messyBook(): string {
  return fods([
    { name: "报表", rows: messyRows() },
    { name: "问题清单", rows: [["我自己的问题清单"], ["第一条", 1, { formula: "of:=0*5" }]] },
    { name: "计算", hidden: true, rows: [["零", { formula: "of:=1-1" }, { formula: "of:=1=2" }, { formula: 'of:=IF(1>2;"x";"")' }]] },
  ]);
}

let dir: string;
let messy: string;
let hostile: string;

beforeAll(async () => {
  requireBuiltCli();
  dir = mkdtempSync(join(tmpdir(), "dj-cli-safety-"));
  messy = join(dir, "机关一局报表.xlsx");
  hostile = join(dir, "机关三局报表.xlsx");
  copyFileSync(await toXlsx(messyBook(), "safety-messy"), messy);
  copyFileSync(await toXlsx(fods([{ name: "报表", rows: hostileRows() }]), "safety-hostile"), hostile);
});

afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe("inputs are never modified", () => {
  test("annotating into the folder the inputs are in: every input keeps its bytes, the copies get suffixes", () => {
    const work = join(dir, "same-folder");
    mkdirSync(work);
    for (const file of [messy, hostile]) copyFileSync(file, join(work, basename(file)));
    const settings = join(work, "参数.json");
    writeFileSync(settings, JSON.stringify({ assessmentYear: 2025 }));
    const before = hashes(work);

    const run = cli("validate", join(work, "机关一局报表.xlsx"), join(work, "机关三局报表.xlsx"), "--settings", settings, "--annotate", work, "--json");
    expect(run.stderr).toBe("");
    expect(run.status).toBe(1);
    const after = hashes(work);
    expect(changed(before, after)).toEqual([]);
    expect([...after.keys()].filter((file) => !before.has(file)).sort()).toEqual([
      ".dj-assess-annotated.json",
      "机关一局报表 (2).xlsx",
      "机关三局报表 (2).xlsx",
    ]);
  });

  test("an annotated copy from an earlier run, given again as input or roster, is not written over", () => {
    const out = join(dir, "again");
    expect(cli("validate", messy, hostile, "--annotate", out).status).toBe(1);
    const copy = join(out, "机关一局报表.xlsx");
    const rosterCopy = join(out, "机关三局报表.xlsx");
    const before = hashes(out);

    // The earlier copies are now inputs: one as a submission, one as the roster, next to where
    // this run writes, under the very names its copies would take.
    const run = cli("validate", copy, hostile, "--roster", rosterCopy, "--annotate", out, "--json");
    expect(run.stderr).toBe("");
    expect(run.status).toBe(1);
    const after = hashes(out);
    // The ledger is ours, not an input: it learns the new copies.
    expect(changed(before, after)).toEqual([".dj-assess-annotated.json"]);
    expect([...after.keys()].filter((file) => !before.has(file)).sort()).toEqual(["机关一局报表 (2).xlsx", "机关三局报表 (2).xlsx"]);
  });

  test("nor an earlier copy reached by another path (a linked folder, as another case would be on Windows)", () => {
    const out = join(dir, "linked");
    expect(cli("validate", hostile, "--annotate", out).status).toBe(1);
    const link = join(dir, "linked-again");
    symlinkSync(out, link);
    const before = hashes(out);
    const run = cli("validate", join(link, "机关三局报表.xlsx"), "--annotate", out);
    expect(run.status).toBe(1);
    expect(changed(before, hashes(out))).toEqual([".dj-assess-annotated.json"]);
    expect(readdirSync(out).filter((f) => f.endsWith(".xlsx")).sort()).toEqual(["机关三局报表 (2).xlsx", "机关三局报表.xlsx"]);
  });
});

describe("the annotated copy keeps every submitted value", () => {
  let original: ExcelJS.Workbook;
  let annotated: ExcelJS.Workbook;

  beforeAll(async () => {
    const out = join(dir, "values");
    expect(cli("validate", messy, "--annotate", out).status).toBe(1);
    original = await load(messy);
    annotated = await load(join(out, "机关一局报表.xlsx"));
  });

  test("every sheet of the input, cell by cell: type, value, formula and cached result (0 and false included)", () => {
    expect(original.worksheets.map((ws) => ws.name)).toEqual(["报表", "问题清单", "计算"]);
    for (const ws of original.worksheets) {
      const cells = snapshot(ws);
      expect(Object.keys(cells).length).toBeGreaterThan(0);
      expect([ws.name, snapshot(annotated.getWorksheet(ws.name)!)]).toEqual([ws.name, cells]);
    }
    const hidden = annotated.getWorksheet("计算")!;
    expect([hidden.getCell("B1").result, hidden.getCell("C1").result]).toEqual([0, false]);
    expect(hidden.state).toBe("hidden");
    expect(annotated.getWorksheet("报表")!.getCell("C7").value).toBe("１２");
  });

  test("the user's 问题清单 is kept as it was; ours is 问题清单 (2), after the input's sheets", () => {
    expect(annotated.worksheets.map((ws) => ws.name)).toEqual(["报表", "问题清单", "计算", "问题清单 (2)"]);
    expect(annotated.getWorksheet("问题清单")!.getCell("A1").value).toBe("我自己的问题清单");
    expect(annotated.getWorksheet("问题清单 (2)")!.getCell("A1").value).toBe("序号");
  });
});

describe("text starting with = + - or @ stays text", () => {
  let report: {
    files: { sheets: { findings: { cell: string; value?: unknown; message: string }[]; flags: { branch: string }[] }[] }[];
  };
  let summary: string;
  let copyFile: string;

  beforeAll(() => {
    const out = join(dir, "text");
    const run = cli("validate", hostile, "--annotate", out, "--json");
    expect(run.status).toBe(1);
    report = JSON.parse(run.stdout);
    summary = cli("validate", hostile).stdout;
    copyFile = join(out, "机关三局报表.xlsx");
  });

  test("the JSON report carries the submitted text unchanged, in values, messages and flags", () => {
    const { findings, flags } = report.files[0].sheets[0];
    const duplicate = findings.find((f) => f.cell === "B5")!;
    expect(duplicate.value).toBe(EVIL);
    expect(duplicate.message).toContain(EVIL);
    expect(findings.find((f) => f.cell === "C6")!.value).toBe("+86 123");
    expect(findings.find((f) => f.cell === "D7")!.value).toBe("-");
    expect(flags.map((f) => f.branch)).toEqual(expect.arrayContaining(["@home"]));
  });

  test("the readable summary prints it as it was written", () => {
    expect(summary).toContain(EVIL);
    expect(summary).toContain("+86 123");
    expect(summary).toContain("@home");
  });

  test("in the annotated copy: text cells in the submission's sheet, and text (not formulas) in 问题清单", async () => {
    const book = await load(copyFile);
    const sheet = book.getWorksheet("报表")!;
    const original = (await load(hostile)).getWorksheet("报表")!;
    expect(snapshot(sheet)).toEqual(snapshot(original));
    for (const address of ["B4", "B5", "B6", "C6", "B7", "D7", "B8"]) {
      const cell = sheet.getCell(address);
      // LibreOffice writes text with a URL in it as rich text; either way text, never a formula.
      expect([address, [ExcelJS.ValueType.String, ExcelJS.ValueType.RichText].includes(cell.type), HOSTILE.includes(cell.text)]).toEqual([address, true, true]);
    }
    const list = book.getWorksheet("问题清单")!;
    const texts: string[] = [];
    list.eachRow((row, r) => {
      if (r === 1) return;
      for (const column of [2, 3, 5, 6, 7, 8, 9]) {
        const cell = row.getCell(column);
        if (cell.type === ExcelJS.ValueType.Null || cell.type === ExcelJS.ValueType.Number) continue;
        expect([r, column, cell.type]).toEqual([r, column, ExcelJS.ValueType.String]);
        texts.push(String(cell.value));
      }
    });
    for (const text of [EVIL, "+86 123", "-"]) expect(texts).toContain(text);
    expect(texts.some((text) => text.includes(EVIL) && text !== EVIL)).toBe(true); // the message quoting it
  });

  test("in the copy's XML, every formula is one of our links to a cell: none came from submitted text", () => {
    for (const [name, data] of unzip(readFileSync(copyFile))) {
      if (!/^xl\/worksheets\/sheet\d+\.xml$/.test(name)) continue;
      const formulas = [...data.toString("utf8").matchAll(/<f(?:\s[^>]*)?>([^<]*)<\/f>/g)].map((m) => m[1].replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, "&"));
      for (const formula of formulas) expect({ name, formula }).toEqual({ name, formula: expect.stringMatching(/^HYPERLINK\("#'报表'![A-Z]+\d+","[A-Z]+\d+"\)$/) });
    }
  });
});

describe("names already taken get a suffix", () => {
  test("an output file that is not ours, even one we once wrote and the user then changed, is kept", () => {
    const out = join(dir, "names");
    expect(cli("validate", hostile, "--annotate", out).status).toBe(1);
    const ours = join(out, "机关三局报表.xlsx");
    // The user opens our copy, fixes something and saves: it is theirs now.
    writeFileSync(ours, Buffer.concat([readFileSync(ours), Buffer.from("edited")]));
    const edited = readFileSync(ours);
    expect(cli("validate", hostile, "--annotate", out).status).toBe(1);
    expect(readFileSync(ours)).toEqual(edited);
    expect(readdirSync(out).filter((f) => f.endsWith(".xlsx")).sort()).toEqual(["机关三局报表 (2).xlsx", "机关三局报表.xlsx"]);
  });

  test("two inputs with the same name from different folders get two copies", () => {
    const other = join(dir, "other");
    mkdirSync(other);
    copyFileSync(messy, join(other, "机关三局报表.xlsx"));
    const out = join(dir, "same-name");
    expect(cli("validate", hostile, join(other, "机关三局报表.xlsx"), "--annotate", out).status).toBe(1);
    expect(readdirSync(out).filter((f) => f.endsWith(".xlsx")).sort()).toEqual(["机关三局报表 (2).xlsx", "机关三局报表.xlsx"]);
  });
});
