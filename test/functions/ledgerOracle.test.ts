/**
 * LibreOffice as the oracle of DUES and PROBATIONEND (LEDGERS.md §7): the test writes every
 * bracket boundary of every category (3000 and 3000.01, 5000 and 5000.01, 10000 and 10000.01),
 * random bases, and admissions on month ends (31 January, 29 February, 31 March…) with every
 * extension, and beside each a native formula — a nested IF of the regulation's brackets, EDATE
 * for the dates. LibreOffice computes them while converting to .xlsx; the built functions must
 * return exactly what it computed.
 */
import { readFileSync } from "node:fs";
import type { Cell } from "../../src/engine";
import { readWorkbook } from "../../src/files/read";
import { fods, type FodsCell } from "../support/fods";
import { toXlsx } from "../support/libreoffice";
import { column, generator, loadFunctions } from "./helpers";

const CATEGORIES = ["在职", "离退休", "学生", "农民", "低保", "其他"];
const BOUNDARIES = [0, 0.01, 2999.99, 3000, 3000.01, 4999.99, 5000, 5000.01, 9999.99, 10000, 10000.01, 25000];
const EXTENSIONS = [0, 6, 9, 12];
const f = (formula: string) => ({ formula: `of:=${formula}` });

/** The regulation's brackets as an office would write them in a sheet: the base in column A, the category in B. */
function bracketFormula(row: number): string {
  const base = `A${row}`;
  const rate = (r: number) => `ROUND(${base}*${r};2)`;
  const working = `IF(${base}<=3000;${rate(0.005)};IF(${base}<=5000;${rate(0.01)};IF(${base}<=10000;${rate(0.015)};${rate(0.02)})))`;
  const retired = `IF(${base}<=5000;${rate(0.005)};${rate(0.01)})`;
  return `IF(B${row}="离退休";${retired};IF(OR(B${row}="学生";B${row}="低保";B${row}="农民");0.2;${working}))`;
}

const pad = (n: number) => String(n).padStart(2, "0");
const lastDay = (year: number, month: number) => new Date(Date.UTC(year, month, 0)).getUTCDate();

const fns = loadFunctions();
let bases: { base: number; category: string; expected: number }[];
let admissions: { admitted: number; extension: number; expected: number }[];

function numberAt(cells: Cell[][], r: number, c: number): number {
  const cell = cells[r]?.[c];
  if (cell?.kind === "number") return cell.value;
  if (cell?.kind === "date") return cell.serial;
  throw new Error(`LibreOffice left row ${r + 1} column ${c + 1} as ${JSON.stringify(cell)}`);
}

beforeAll(async () => {
  const random = generator(20261204);
  const dues: [number, string][] = [];
  for (const category of CATEGORIES) for (const base of BOUNDARIES) dues.push([base, category]);
  for (let i = 0; i < 120; i++) dues.push([Math.round(random() * 2_000_000) / 100, CATEGORIES[i % CATEGORIES.length]]);
  const dates: [string, number][] = [];
  for (const year of [2023, 2024, 2025]) {
    for (let month = 1; month <= 12; month++) {
      for (const day of [1, 28, lastDay(year, month)]) for (const extension of EXTENSIONS) dates.push([`${year}-${pad(month)}-${pad(day)}`, extension]);
    }
  }
  const rows: FodsCell[][] = [["缴费基数", "人员类别", "应缴党费", "接收日期", "延长月数", "预备期满日"]];
  const height = Math.max(dues.length, dates.length);
  for (let i = 0; i < height; i++) {
    const row = i + 2;
    const line: FodsCell[] = dues[i] ? [dues[i][0], dues[i][1], f(bracketFormula(row))] : [null, null, null];
    if (dates[i]) line.push({ date: dates[i][0] }, dates[i][1], f(`EDATE(D${row};12+E${row})`));
    rows.push(line);
  }
  const xlsx = await toXlsx(fods([{ name: "党费与预备期", rows }]), "dues-probation-oracle");
  const cells = (await readWorkbook(readFileSync(xlsx)))[0].cells;
  bases = dues.map(([base, category], i) => ({ base, category, expected: numberAt(cells, i + 1, 2) }));
  admissions = dates.map(([, extension], i) => ({ admitted: numberAt(cells, i + 1, 3), extension, expected: numberAt(cells, i + 1, 5) }));
});

test("DUES gives LibreOffice's nested IF of the brackets for every boundary of every category and 120 random bases", () => {
  expect(bases.length).toBe(CATEGORIES.length * BOUNDARIES.length + 120);
  const got = fns.call("DUES", column(...bases.map((b) => b.base)), column(...bases.map((b) => b.category))) as unknown[][];
  expect(got.map((r, i) => `${bases[i].category} ${bases[i].base}: ${r[0]}`)).toEqual(bases.map((b) => `${b.category} ${b.base}: ${b.expected}`));
});

test("PROBATIONEND gives LibreOffice's EDATE(admitted; 12 + extension), month ends and 29 February included", () => {
  expect(admissions.length).toBe(3 * 12 * 3 * EXTENSIONS.length);
  const got = fns.call("PROBATIONEND", column(...admissions.map((a) => a.admitted)), column(...admissions.map((a) => (a.extension === 0 ? null : a.extension)))) as unknown[][];
  expect(got.map((r) => r[0])).toEqual(admissions.map((a) => a.expected));
});
