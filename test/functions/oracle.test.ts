/**
 * LibreOffice as the oracle: the test writes a sheet of branches with native formulas (IF,
 * CEILING, COUNTIFS, SUMPRODUCT, RANK, STDEVP…) computing the figures of PRODUCT.md §5–§6,
 * LibreOffice computes them while converting to .xlsx, and our functions — loaded from the
 * built bundle as Excel binds them — must agree to 1e-9 on every row.
 */
import { readFileSync } from "node:fs";
import type { Cell } from "../../src/engine";
import { readWorkbook } from "../../src/files/read";
import { loadFunctions, StandInError, type LoadedFunctions } from "../addin/dist";
import { fods, type FodsCell } from "../support/fods";
import { toXlsx } from "../support/libreoffice";
import { generator, seedCounty } from "./helpers";

const N = 60;
const FIRST = 2;
const LAST = FIRST + N - 1;
const LEVELS = ["后进", "一般", "先进"];

interface Branch {
  party: number;
  business: number;
  start: string;
  end: string;
  held: number;
  months: number;
  spent: number;
  budget: number;
  prevScore: number;
}

function branches(): Branch[] {
  const random = generator(20261123);
  const score = () => Math.round(random() * 1000) / 10;
  return Array.from({ length: N }, (_, i) => ({
    party: i === 0 ? 90 : score(),
    business: i === 0 ? 90 : score(),
    start: LEVELS[Math.floor(random() * 3)],
    end: LEVELS[Math.floor(random() * 3)],
    held: Math.floor(random() * 5),
    months: [3, 6, 9, 12][Math.floor(random() * 4)],
    spent: Math.round(random() * 3000000) / 100,
    budget: 1000 + Math.round(random() * 2000000) / 100,
    prevScore: score(),
  }));
}

const f = (formula: string) => ({ formula: `of:=${formula}` });
const col = (letter: string) => `[.${letter}$${FIRST}:.${letter}$${LAST}]`;

/** Per-row formulas, by column letter, written with cell references of row r. */
function rowFormulas(r: number): FodsCell[] {
  const at = (letter: string) => `[.${letter}${r}]`;
  return [
    f(`0.5*${at("A")}+0.5*${at("B")}`),
    f(`${at("A")}/100*${at("B")}`),
    f(`IF(ROUND(${at("J")};6)>=90;"先进";IF(ROUND(${at("J")};6)>=60;"一般";"后进"))`),
    f(`MAX(0;CEILING(${at("F")}/3;1)-${at("E")})`),
    f(`${at("G")}/${at("H")}`),
    f(`(${at("A")}-MIN(${col("A")}))/(MAX(${col("A")})-MIN(${col("A")}))*100`),
    f(`MIN(100;MAX(0;50+10*(${at("A")}-AVERAGE(${col("A")}))/STDEVP(${col("A")})))`),
    f(`COUNTIF(${col("A")};"<"&${at("A")})/(COUNT(${col("A")})-1)*100`),
    f(`IF(RANK(${at("J")};${col("J")};0)<=ROUND(0.2*COUNT(${col("J")});0);"先进";IF(RANK(${at("J")};${col("J")};1)<=ROUND(0.05*COUNT(${col("J")});0);"后进";"一般"))`),
    f(`IF(${at("C")}="先进";2;IF(${at("C")}="一般";1;0))`),
    f(`IF(${at("D")}="先进";2;IF(${at("D")}="一般";1;0))`),
  ];
}

/** Cohort figures below the rows: one per line, in column B. */
const COHORT: [string, string][] = [
  ["upgrade 一般", `COUNTIFS(${col("C")};"一般";${col("D")};"先进")/COUNTIF(${col("C")};"一般")`],
  ["upgrade 后进", `SUMPRODUCT((${col("C")}="后进")*(${col("D")}<>"后进"))/COUNTIF(${col("C")};"后进")`],
  ["upgrade", `SUMPRODUCT((${col("T")}>${col("S")})*(${col("C")}<>"先进"))/COUNTIF(${col("C")};"<>先进")`],
  ["improve", `SUMPRODUCT((ROUND(${col("A")}-${col("I")};6)>=10)*1)/COUNT(${col("A")})`],
  ["improve 一般", `SUMPRODUCT((ROUND(${col("A")}-${col("I")};6)>=10)*(${col("C")}="一般"))/COUNTIF(${col("C")};"一般")`],
  ...LEVELS.flatMap((s) => LEVELS.map((e): [string, string] => [`${s}→${e}`, `COUNTIFS(${col("C")};"${s}";${col("D")};"${e}")`])),
];

const HEADER = ["党建", "业务", "上年", "本年", "党员大会", "月数", "支出", "预算", "上年党建", "综合", "双乘数", "定级", "缺会", "执行率", "minmax", "zscore", "rank", "比例定级", "起", "止"];
const COHORT_ROW = LAST + 2;

let values: Cell[][];
let fns: LoadedFunctions;
const data = branches();

beforeAll(async () => {
  const rows: FodsCell[][] = [HEADER];
  data.forEach((b, i) => rows.push([b.party, b.business, b.start, b.end, b.held, b.months, b.spent, b.budget, b.prevScore, ...rowFormulas(FIRST + i)]));
  rows.push([]);
  for (const [name, formula] of COHORT) rows.push([name, f(formula)]);
  const xlsx = await toXlsx(fods([{ name: "oracle", rows }]), "oracle");
  values = (await readWorkbook(readFileSync(xlsx)))[0].cells;
  fns = loadFunctions();
});

function oracle(row: number, column: string): number | string {
  const cell = values[row - 1]?.[column.charCodeAt(0) - 65];
  if (cell?.kind === "number" || cell?.kind === "text") return cell.value;
  throw new Error(`LibreOffice left ${column}${row} as ${JSON.stringify(cell)}`);
}

/** Calls a function as Excel does (single values as 1×1 ranges) and unwraps a 1×1 result. */
function call(id: string, ...args: unknown[]): unknown {
  const result = fns.call(id, ...args);
  if (result instanceof StandInError) throw new Error(`${id} gave ${result.code} ${result.message ?? ""}`);
  return Array.isArray(result) && result.length === 1 && Array.isArray(result[0]) && result[0].length === 1 ? result[0][0] : result;
}

const one = (v: unknown) => [[v]];
const column = (pick: (b: Branch) => unknown) => data.map((b) => [pick(b)]);

describe("per row, against LibreOffice", () => {
  const cases: [string, string, (b: Branch, row: number) => unknown][] = [
    ["COMBINEDSCORE weighted", "J", (b) => call("COMBINEDSCORE", one(b.party), one(b.business), null, null)],
    ["COMBINEDSCORE multiplier", "K", (b) => call("COMBINEDSCORE", one(b.party), one(b.business), one(0.5), one("multiplier"))],
    ["LEVEL", "L", (_, row) => call("LEVEL", one(oracle(row, "J")), null, null, null)],
    ["MEETINGGAP 党员大会", "M", (b) => call("MEETINGGAP", one(b.held), one("党员大会"), one(b.months), null)],
    ["FUNDRATE", "N", (b) => call("FUNDRATE", one(b.spent), one(b.budget))],
    ["NORMALIZE minmax", "O", (b) => call("NORMALIZE", one(b.party), column((x) => x.party), null)],
    ["NORMALIZE zscore", "P", (b) => call("NORMALIZE", one(b.party), column((x) => x.party), one("zscore"))],
    ["NORMALIZE rank", "Q", (b) => call("NORMALIZE", one(b.party), column((x) => x.party), one("rank"))],
    ["QUOTALEVEL", "R", (_, row) => call("QUOTALEVEL", one(oracle(row, "J")), data.map((__, i) => [oracle(FIRST + i, "J")]), null, null, null)],
  ];
  it.each(cases)("%s agrees on every row", (_, letter, ours) => {
    data.forEach((b, i) => {
      const row = FIRST + i;
      const expected = oracle(row, letter);
      const got = ours(b, row);
      if (typeof expected === "number") expect([row, Math.abs((got as number) - expected) <= 1e-9]).toEqual([row, true]);
      else expect([row, got]).toEqual([row, expected]);
    });
  });
});

describe("over the cohort, against LibreOffice", () => {
  const figure = (name: string) => oracle(COHORT_ROW + COHORT.findIndex(([n]) => n === name), "B") as number;
  const start = column((b) => b.start);
  const end = column((b) => b.end);

  it("UPGRADERATE by class and overall", () => {
    expect(call("UPGRADERATE", start, end, one("一般"), null)).toBeCloseTo(figure("upgrade 一般"), 9);
    expect(call("UPGRADERATE", start, end, one("后进"), null)).toBeCloseTo(figure("upgrade 后进"), 9);
    expect(call("UPGRADERATE", start, end, null, null)).toBeCloseTo(figure("upgrade"), 9);
  });

  it("IMPROVERATE overall and within a class", () => {
    const before = column((b) => b.prevScore);
    const after = column((b) => b.party);
    expect(call("IMPROVERATE", before, after, null, null, null)).toBeCloseTo(figure("improve"), 9);
    expect(call("IMPROVERATE", before, after, one(10), start, one("一般"))).toBeCloseTo(figure("improve 一般"), 9);
  });

  it("TRANSITIONS counts every start → end pair", () => {
    const matrix = call("TRANSITIONS", start, end, null) as unknown[][];
    expect(matrix[0]).toEqual(["", ...LEVELS]);
    LEVELS.forEach((s, i) => {
      expect(matrix[i + 1][0]).toBe(s);
      LEVELS.forEach((e, j) => expect([s, e, matrix[i + 1][j + 1]]).toEqual([s, e, figure(`${s}→${e}`)]));
    });
  });
});

describe("the county report of the seeds", () => {
  const pairs = seedCounty();

  it("has the shape of the report", () => {
    expect(pairs).toHaveLength(254);
    expect(LEVELS.map((l) => pairs.filter(([s]) => s === l).length)).toEqual([15, 174, 65]);
  });

  it("gives 25.3% for 一般 and 93.3% for 后进, as LibreOffice's COUNTIFS does", async () => {
    const last = pairs.length + 1;
    const range = (c: string) => `[.${c}2:.${c}${last}]`;
    const rows: FodsCell[][] = [["上年定级", "本年定级"], ...pairs];
    rows[1] = [...pairs[0], f(`COUNTIFS(${range("A")};"一般";${range("B")};"先进")/COUNTIF(${range("A")};"一般")`), f(`SUMPRODUCT((${range("A")}="后进")*(${range("B")}<>"后进"))/COUNTIF(${range("A")};"后进")`)];
    const xlsx = await toXlsx(fods([{ name: "县级报告", rows }]), "seed-county");
    const cells = (await readWorkbook(readFileSync(xlsx)))[0].cells;
    const lo = (c: number) => (cells[1][c] as { value: number }).value;
    const start = pairs.map(([s]) => [s]);
    const end = pairs.map(([, e]) => [e]);
    const general = call("UPGRADERATE", start, end, one("一般"), null) as number;
    const lagging = call("UPGRADERATE", start, end, one("后进"), null) as number;
    expect(general).toBeCloseTo(lo(2), 12);
    expect(lagging).toBeCloseTo(lo(3), 12);
    expect(Math.round(general * 1000) / 10).toBe(25.3);
    expect(Math.round(lagging * 1000) / 10).toBe(93.3);
    expect(call("UPGRADERATE", start, end, null, null)).toBeCloseTo(58 / 189, 12);
  });
});
