/**
 * LibreOffice as the oracle of MEETINGGAPS: the test writes a meeting ledger (dates as date
 * cells, as numbers and as text in every written form, blank cells, other types, month ends, a
 * year boundary) and, for every month, quarter and year of two years and every type, a native
 * COUNTIFS of the meetings in it. LibreOffice computes them while converting to .xlsx; the
 * months and quarters it counts no meeting in must be exactly what MEETINGGAPS names, given
 * the ledger's columns as LibreOffice wrote them.
 */
import { readFileSync } from "node:fs";
import type { Cell } from "../../src/engine";
import { readWorkbook } from "../../src/files/read";
import { fods, type FodsCell } from "../support/fods";
import { toXlsx } from "../support/libreoffice";
import { serial } from "../engine/ledger";
import { generator, loadFunctions, one } from "./helpers";

const YEARS = [2024, 2025];
const MONTHLY = ["支委会", "主题党日"];
const QUARTERLY = ["党员大会", "党课"];
const YEARLY = ["组织生活会", "民主评议"];

interface Row {
  /** What the ledger's date cell holds. */
  written: FodsCell;
  /** The day it means, for LibreOffice's COUNTIFS; null when the cell is blank. */
  day: string | null;
  type: string | null;
}

const pad = (n: number) => String(n).padStart(2, "0");
const lastDay = (year: number, month: number) => new Date(Date.UTC(year, month, 0)).getUTCDate();

/** A date as a ledger may hold it: mostly a date cell, else a YYYYMMDD number or text in one of the forms people type. */
function written(year: number, month: number, day: number, pick: number): FodsCell {
  const iso = `${year}-${pad(month)}-${pad(day)}`;
  switch (pick % 9) {
    case 1:
      return `${year}/${month}/${day}`;
    case 2:
      return `${year}年${month}月${day}日`;
    case 3:
      return `${year}.${month}.${day}`;
    case 4:
      return `${iso} 14:30`;
    case 5:
      return year * 10000 + month * 100 + day;
    case 6:
      return { date: `${iso}T09:00:00` };
    default:
      return { date: iso };
  }
}

/**
 * Two years of one branch's meetings with gaps of every kind: each type held in a month by
 * chance, on the 1st, the 15th or the month's last day, in shuffled order, with rows of
 * another type and rows with a blank side.
 */
function ledgerRows(): Row[] {
  const random = generator(20261203);
  const rows: Row[] = [];
  const meeting = (type: string | null, year: number, month: number) => {
    const day = [1, 15, lastDay(year, month)][Math.floor(random() * 3)];
    rows.push({ written: written(year, month, day, Math.floor(random() * 9)), day: `${year}-${pad(month)}-${pad(day)}`, type });
  };
  const chance: Record<string, number> = { 支委会: 0.7, 主题党日: 0.6, 党员大会: 0.25, 党课: 0.3, 座谈会: 0.2 };
  for (const year of YEARS) {
    for (let month = 1; month <= 12; month++) {
      for (const [type, p] of Object.entries(chance)) if (random() < p) meeting(type, year, month);
      if (random() < 0.15) meeting(null, year, month);
    }
  }
  // The year boundary: 2024-12-31 counts for December 2024, not January 2025; the latest date ends the ledger's year.
  rows.push({ written: { date: "2024-12-31" }, day: "2024-12-31", type: "党员大会" });
  rows.push({ written: "2025-12-31", day: "2025-12-31", type: "组织生活会" });
  // The yearly meetings: each held in one of the two years.
  rows.push({ written: "2024年6月30日", day: "2024-06-30", type: "民主评议" });
  rows.push({ written: null, day: null, type: "支委会" });
  rows.push({ written: "  ", day: null, type: "党课" });
  for (let i = rows.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [rows[i], rows[j]] = [rows[j], rows[i]];
  }
  return rows;
}

interface Bucket {
  type: string;
  /** How MEETINGGAPS words it. */
  word: string;
  first: string;
  /** The first day after it. */
  next: string;
}

function buckets(): Bucket[] {
  const out: Bucket[] = [];
  const day = (year: number, month: number) => (month > 12 ? `${year + 1}-01-01` : `${year}-${pad(month)}-01`);
  for (const year of YEARS) {
    for (let month = 1; month <= 12; month++) {
      for (const type of MONTHLY) out.push({ type, word: `${year}年${month}月`, first: day(year, month), next: day(year, month + 1) });
      if (month % 3 === 1) for (const type of QUARTERLY) out.push({ type, word: `${year}年第${(month + 2) / 3}季度`, first: day(year, month), next: day(year, month + 3) });
    }
    for (const type of YEARLY) out.push({ type, word: `${year}年`, first: day(year, 1), next: day(year + 1, 1) });
  }
  return out;
}

const FIRST = 2;
const f = (formula: string) => ({ formula: `of:=${formula}` });

let rows: Row[];
let counts: Map<Bucket, number>;
let latestYear: number;
let dates: unknown[][];
let types: unknown[][];
const fns = loadFunctions();

/** A cell of the converted file as Excel passes it to a function: a date as its serial, blank as null. */
function asArgument(cell: Cell | undefined): unknown {
  switch (cell?.kind) {
    case "date":
      return cell.serial;
    case "number":
    case "text":
      return cell.value;
    default:
      return null;
  }
}

beforeAll(async () => {
  rows = ledgerRows();
  const last = FIRST + rows.length - 1;
  const range = (c: string) => `[.$${c}$${FIRST}:.$${c}$${last}]`;
  const all = buckets();
  const sheet: FodsCell[][] = [["会议日期", "会议类型", "核对日期", "", "期间", "次数", "", "年度"]];
  const height = Math.max(rows.length, all.length);
  for (let i = 0; i < height; i++) {
    const r = rows[i];
    const b = all[i];
    const line: FodsCell[] = r ? [r.written, r.type, r.day === null ? null : { date: r.day }, null] : [null, null, null, null];
    if (b) {
      const [fy, fm, fd] = b.first.split("-").map(Number);
      const [ny, nm, nd] = b.next.split("-").map(Number);
      line.push(`${b.type} ${b.word}`, f(`COUNTIFS(${range("B")};"${b.type}";${range("C")};">="&DATE(${fy};${fm};${fd});${range("C")};"<"&DATE(${ny};${nm};${nd}))`));
    }
    if (i === 0) line.push(null, f(`YEAR(SUMPRODUCT(MAX((${range("B")}<>"")*${range("C")})))`));
    sheet.push(line);
  }
  const xlsx = await toXlsx(fods([{ name: "三会一课台账", rows: sheet }]), "meeting-gaps-oracle");
  const cells = (await readWorkbook(readFileSync(xlsx)))[0].cells;
  const number = (r: number, c: number): number => {
    const cell = cells[r]?.[c];
    if (cell?.kind !== "number") throw new Error(`LibreOffice left row ${r + 1} column ${c + 1} as ${JSON.stringify(cell)}`);
    return cell.value;
  };
  counts = new Map(all.map((b, i) => [b, number(FIRST - 1 + i, 5)]));
  latestYear = number(FIRST - 1, 7);
  dates = rows.map((_, i) => [asArgument(cells[FIRST - 1 + i]?.[0])]);
  types = rows.map((_, i) => [asArgument(cells[FIRST - 1 + i]?.[1])]);
});

/** The buckets of a type LibreOffice counts no meeting in, from `first` up to the day before `next`, as MEETINGGAPS words them. */
function oracleGaps(type: string, first: string, next: string): string {
  return [...counts]
    .filter(([b, n]) => b.type === type && n === 0 && b.first >= first && b.next <= next)
    .map(([b]) => b.word)
    .join("、");
}

function gaps(type: string, start: number | null, end: number | null): unknown {
  const result = fns.call("MEETINGGAPS", dates, types, one(type), start === null ? null : one(start), end === null ? null : one(end)) as unknown[][];
  return result[0][0];
}

const TYPES = [...MONTHLY, ...QUARTERLY, ...YEARLY];

describe("MEETINGGAPS against LibreOffice's COUNTIFS", () => {
  it("LibreOffice read the ledger as written: date cells, numbers and text, blanks as blanks", () => {
    expect(latestYear).toBe(2025);
    expect(dates.map(([d]) => typeof d)).toEqual(expect.arrayContaining(["number", "string", "object"]));
    expect(rows.some((r) => r.type === null)).toBe(true);
    // The oracle is not vacuous: every type has a gap and a covered bucket somewhere in the two years.
    for (const type of TYPES) {
      const mine = [...counts].filter(([b]) => b.type === type).map(([, n]) => n);
      expect([type, mine.some((n) => n === 0), mine.some((n) => n > 0)]).toEqual([type, true, true]);
    }
  });

  it.each(TYPES)("%s: the ledger's year by default", (type) => {
    expect(gaps(type, null, null)).toBe(oracleGaps(type, `${latestYear}-01-01`, `${latestYear + 1}-01-01`));
  });

  it.each(TYPES)("%s: over both years", (type) => {
    expect(gaps(type, serial("2024-01-01"), serial("2025-12-31"))).toBe(oracleGaps(type, "2024-01-01", "2026-01-01"));
  });

  it.each([...MONTHLY, ...QUARTERLY])("%s: across the year boundary, 2024-10 to 2025-03", (type) => {
    expect(gaps(type, serial("2024-10-01"), serial("2025-03-31"))).toBe(oracleGaps(type, "2024-10-01", "2025-04-01"));
  });

  it.each([...MONTHLY, ...QUARTERLY])("%s: one year given by its start alone", (type) => {
    expect(gaps(type, serial("2024-01-01"), null)).toBe(oracleGaps(type, "2024-01-01", "2025-01-01"));
  });
});
