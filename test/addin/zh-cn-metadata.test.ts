/** dist/functions.zh-CN.json: the Chinese names Excel shows, derived from functions.json. */
import { readDist } from "./dist";
const { isValidFunctionName, translateMetadata } = require("../../scripts/zh-cn-metadata.js") as {
  isValidFunctionName(name: string): boolean;
  translateMetadata(metadata: Metadata, table: unknown): Metadata;
};

interface Parameter {
  name: string;
  description?: string;
  [option: string]: unknown;
}
interface Fn {
  id: string;
  name: string;
  description?: string;
  parameters: Parameter[];
  [option: string]: unknown;
}
interface Metadata {
  functions: Fn[];
  [option: string]: unknown;
}

const english: Metadata = JSON.parse(readDist("functions.json"));
const chinese: Metadata = JSON.parse(readDist("functions.zh-CN.json"));

/** The zh-CN names of PRODUCT.md §6 and LEDGERS.md §7. */
const PRODUCT_NAMES: Record<string, string> = {
  UPGRADERATE: "晋位升级率",
  IMPROVERATE: "提升率",
  TRANSITIONS: "升降矩阵",
  COMBINEDSCORE: "综合得分",
  LEVEL: "分类定级",
  QUOTALEVEL: "按比例定级",
  NORMALIZE: "标准化",
  MEETINGGAP: "缺会次数",
  MEETINGGAPS: "缺会期间",
  FUNDRATE: "经费执行率",
  DUES: "应缴党费",
  PROBATIONEND: "预备期满日",
  FLAGS: "预警信息",
};

const withoutText = ({ name, description, ...rest }: Parameter | Fn) => rest;

test("same ids, options and parameter lists as functions.json; only names and descriptions differ", () => {
  expect(chinese.functions.map((f) => f.id)).toEqual(english.functions.map((f) => f.id));
  const { functions: _zh, ...chineseOptions } = chinese;
  const { functions: _en, ...englishOptions } = english;
  expect(chineseOptions).toEqual(englishOptions);
  english.functions.forEach((fn, i) => {
    const zh = chinese.functions[i];
    expect({ ...withoutText(zh), parameters: zh.parameters.map(withoutText) }).toEqual({ ...withoutText(fn), parameters: fn.parameters.map(withoutText) });
    for (const parameter of zh.parameters) expect(parameter.name).toMatch(/\p{Script=Han}/u);
    expect(zh.description).toMatch(/\p{Script=Han}/u);
  });
});

test("every zh-CN name is the one of PRODUCT.md §6, valid in Excel and unique", () => {
  for (const fn of chinese.functions) {
    expect({ id: fn.id, name: fn.name }).toEqual({ id: fn.id, name: PRODUCT_NAMES[fn.id] });
    expect({ name: fn.name, valid: isValidFunctionName(fn.name) }).toEqual({ name: fn.name, valid: true });
  }
  const names = chinese.functions.map((f) => f.name.toLowerCase());
  expect(new Set(names).size).toBe(names.length);
});

test("the name rule: a letter first, 3 or more letters, digits, periods or underscores, not a cell address", () => {
  for (const name of ["经费执行率", "提升率", "FUNDRATE", "DJ.RATE", "A_1", "ROW2COL", "XFDA1"]) expect([name, isValidFunctionName(name)]).toEqual([name, true]);
  for (const name of ["率", "提升", "AB", "1ABC", "_ABC", ".ABC", "经费 率", "经费-率", "率（元）", "ABC1", "XFD1048576", "R1C1", "RC2", "R12", "rc"]) {
    expect([name, isValidFunctionName(name)]).toEqual([name, false]);
  }
});

test("a function or parameter without a translation fails the build step", () => {
  const fn: Fn = { id: "X", name: "XNAME", parameters: [{ name: "a", type: "any" }] };
  expect(() => translateMetadata({ functions: [fn] }, {})).toThrow(/X has no translation/);
  expect(() => translateMetadata({ functions: [fn] }, { X: { name: "某某函数", parameters: {} } })).toThrow(/parameter a/);
  expect(() => translateMetadata({ functions: [fn] }, { X: { name: "某某函数", parameters: { a: { name: "甲" }, b: { name: "乙" } } } })).toThrow(/no parameter b/);
  expect(() => translateMetadata({ functions: [fn] }, { X: { name: "A1", parameters: { a: { name: "甲" } } } })).toThrow(/not a valid/);
  expect(() => translateMetadata({ functions: [] }, { X: { name: "某某函数" } })).toThrow(/no such function: X/);
});
