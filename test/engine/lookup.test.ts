/** The engine's small fast paths, each held against the plain form it stands for. */
import fc from "fast-check";
import { isBlankText, isSpaceCode, needsNormalising, normaliseName } from "../../src/engine/text";
import { SplitMap } from "../../src/engine/maps";
import { BranchIndex } from "../../src/engine/identity";
import { translator, strings } from "../../src/i18n";

test("isSpaceCode is the whitespace the reader strips (\\s, U+3000, U+00A0, U+200B, U+FEFF), for every code of the BMP", () => {
  const whitespace = /[\s\u3000\u00a0\u200b\ufeff]/;
  const differ: number[] = [];
  for (let code = 0; code <= 0xffff; code++) if (isSpaceCode(code) !== whitespace.test(String.fromCharCode(code))) differ.push(code);
  expect(differ).toEqual([]);
  expect(isBlankText(" \u3000\u2002\u200b\n")).toBe(true);
  expect(isBlankText(" 党")).toBe(false);
});

test("needsNormalising is the test for whitespace, full-width forms and anything lower-casing changes, for every code of the BMP and mixed texts", () => {
  const changes = /[\s\u3000\u00a0\u200b\ufeff\uFF01-\uFF5E]|\p{Changes_When_Lowercased}/u;
  const differ: number[] = [];
  for (let code = 0; code <= 0xffff; code++) {
    const ch = String.fromCharCode(code);
    if (needsNormalising(`第1${ch}支部`) !== changes.test(`第1${ch}支部`)) differ.push(code);
  }
  expect(differ).toEqual([]);
  const pieces = fc.constantFrom("党", "支部", "1", "a", "A", " ", "\u3000", "Ａ", "１", "Ⅱ", "Ä", "é", "〇", "—", "𝐀", "Ω", "ω");
  fc.assert(
    fc.property(fc.array(pieces, { maxLength: 8 }).map((parts) => parts.join("")), (text) => {
      expect(needsNormalising(text)).toBe(changes.test(text));
      if (!changes.test(text)) expect(normaliseName(text)).toBe(text);
    }),
  );
});

test("a SplitMap answers as one Map does, beyond the 4 096 keys where it splits", () => {
  fc.assert(
    fc.property(fc.array(fc.tuple(fc.string(), fc.integer()), { maxLength: 200 }), fc.array(fc.string(), { maxLength: 50 }), (entries, probes) => {
      const split = new SplitMap<number>();
      const plain = new Map<string, number>();
      for (const [key, value] of entries) {
        split.set(key, value);
        plain.set(key, value);
      }
      for (const key of [...entries.map(([key]) => key), ...probes]) {
        expect(split.get(key)).toBe(plain.get(key));
        expect(split.has(key)).toBe(plain.has(key));
      }
    }),
  );
  const many = new SplitMap<number>();
  for (let i = 0; i < 20000; i++) many.set(`第${i}党支部`, i);
  expect([0, 4096, 19999].map((i) => many.get(`第${i}党支部`))).toEqual([0, 4096, 19999]);
  expect(many.has("第20000党支部")).toBe(false);
});

test("BranchIndex.claim finds what find finds, then adds as add does", () => {
  const branch = fc.record({ code: fc.option(fc.constantFrom("DJ01", "dj01", "ＤＪ02", ""), { nil: undefined }), unit: fc.constantFrom("机关", "机 关", "后勤"), name: fc.constantFrom("一支部", "一 支部", "二支部") });
  fc.assert(
    fc.property(fc.boolean(), fc.array(branch, { maxLength: 12 }), (useUnit, rows) => {
      const claimed = new BranchIndex<number>(useUnit);
      const stepwise = new BranchIndex<number>(useUnit);
      rows.forEach(({ code, unit, name }, i) => {
        const expected = stepwise.find(code, unit, name);
        stepwise.add(i, code, unit, name);
        expect(claimed.claim(i, code, unit, name)).toEqual(expected);
      });
    }),
  );
});

test("a translator is made once per table and language, and fills as before", () => {
  const table = strings({ hello: "你好，{name}" }, { hello: "Hello, {name}" });
  expect(translator(table, "zh-CN")).toBe(translator(table, "zh-CN"));
  expect(translator(table, "en-US")("hello", { name: "A" })).toBe("Hello, A");
  expect(translator(table, "zh-CN")("hello", { name: "甲" })).toBe("你好，甲");
});
