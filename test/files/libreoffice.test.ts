/**
 * The fixture tooling itself: .fods text LibreOffice accepts, conversions that really happen
 * in parallel, recalculation that really recalculates, and a clear failure without soffice.
 */
import ExcelJS from "exceljs";
import { randomUUID } from "node:crypto";
import { existsSync } from "node:fs";
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { readWorkbook } from "../../src/files/read";
import { escapeXml, fods } from "../support/fods";
import { hasLibreOffice, sheetsAsCsv, toXlsx } from "../support/libreoffice";

describe("fods", () => {
  test("escapes XML in text and attributes", () => {
    expect(escapeXml(`a&b<c>"d"'e'`)).toBe("a&amp;b&lt;c&gt;&quot;d&quot;&apos;e&apos;");
    const text = fods([{ name: `表"&<>`, rows: [[{ formula: 'of:=IF(1<2;"&";"")' }]] }]);
    expect(text).toContain(`table:name="表&quot;&amp;&lt;&gt;"`);
    expect(text).toContain(`table:formula="of:=IF(1&lt;2;&quot;&amp;&quot;;&quot;&quot;)"`);
  });

  test("rejects what would silently make a different sheet", () => {
    expect(() => fods([{ name: "S", rows: [[{ value: "x", colSpan: 2 }, "covered"]] }])).toThrow(/covered by a merge/);
    expect(() =>
      fods([{ name: "S", rows: [[{ value: "x", rowSpan: 2 }], [null, { value: "y", colSpan: 1, rowSpan: 1 }], []] }]),
    ).not.toThrow();
    expect(() => fods([{ name: "S", rows: [[{ value: "x", colSpan: 2, rowSpan: 2 }, null], [null, { value: "y" }]] }])).toThrow(
      /covered by a merge/,
    );
    expect(() => fods([{ name: "S", rows: [[{ formula: "=1+1" }]] }])).toThrow(/of:=/);
    expect(() => fods([{ name: "S", rows: [["bell\u0007"]] }])).toThrow(/XML cannot hold/);
    expect(() => fods([{ name: "S", rows: [["a\tb"]] }])).toThrow(/drops tabs/);
    expect(() => fods([{ name: "S", rows: [] }, { name: "s", rows: [] }])).toThrow(/duplicate sheet/);
  });

  test("text survives LibreOffice exactly: markup characters, runs of spaces, line breaks, rich runs", async () => {
    const values = [`<b>&amp; "引号" 'x'`, "  两个  空格  ", "第一行\n第二行", "　全角空格　"];
    const path = await toXlsx(
      fods([
        {
          name: "文本",
          rows: [values, [{ rich: [{ text: "党建" }, { text: "Party ", bold: true }, { text: "建设\n第二行", italic: true }] }]],
        },
      ]),
      "text-escaping",
    );
    const [grid] = await readWorkbook(await readFile(path));
    expect(grid.cells).toEqual([
      values.map((value) => ({ kind: "text", value })),
      [{ kind: "text", value: "党建Party 建设\n第二行" }],
    ]);
  });
});

describe("libreoffice", () => {
  test("LibreOffice is installed: the real-file tests fail rather than skip without it", () => {
    expect(hasLibreOffice()).toBe(true);
  });

  test("a missing soffice is a clear error", async () => {
    const saved = process.env.SOFFICE;
    process.env.SOFFICE = "/nonexistent/soffice";
    try {
      await expect(toXlsx(fods([{ name: "S", rows: [[randomUUID()]] }]), "missing")).rejects.toThrow(
        /LibreOffice \(soffice\) was not found.*apt-get install -y libreoffice-calc-nogui/,
      );
    } finally {
      if (saved === undefined) delete process.env.SOFFICE;
      else process.env.SOFFICE = saved;
    }
  });

  test("parallel conversions each get their own profile and all write their file", async () => {
    // Unique content: these always run soffice, three at once.
    const nonce = randomUUID();
    const paths = await Promise.all(
      [1, 2, 3].map((n) => toXlsx(fods([{ name: `表${n}`, rows: [[nonce, n]] }]), `parallel-${n}`)),
    );
    const grids = await Promise.all(paths.map(async (p) => (await readWorkbook(await readFile(p)))[0]));
    expect(grids.map((g) => [g.sheet, g.cells])).toEqual(
      [1, 2, 3].map((n) => [`表${n}`, [[{ kind: "text", value: nonce }, { kind: "number", value: n }]]]),
    );
  });

  test("converted files are cached by content", async () => {
    const text = fods([{ name: "S", rows: [["缓存"]] }]);
    const first = await toXlsx(text, "cached");
    const started = Date.now();
    expect(await toXlsx(text, "cached")).toBe(first);
    expect(Date.now() - started).toBeLessThan(500);
    expect(existsSync(first)).toBe(true);
    expect(await toXlsx(fods([{ name: "S", rows: [["另一个"]] }]), "cached")).not.toBe(first);
  });

  test("recalc: LibreOffice recomputes formulas instead of showing the cached results", async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet("S").getCell("A1").value = { formula: "1+1", result: 5 }; // a stale cache
    const dir = await mkdtemp(join(tmpdir(), "dj-recalc-"));
    try {
      const file = join(dir, "stale.xlsx");
      await writeFile(file, (await wb.xlsx.writeBuffer()) as unknown as Buffer);
      const [cached, recalculated] = await Promise.all([sheetsAsCsv(file), sheetsAsCsv(file, { recalc: true })]);
      expect(cached.get("S")).toBe("5\n");
      expect(recalculated.get("S")).toBe("2\n");
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
