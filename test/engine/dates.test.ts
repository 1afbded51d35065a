/**
 * src/engine/dates.ts: Excel 1900 serials ↔ calendar days, and reading a cell of a date field
 * (LEDGERS.md §1 "Dates").
 *
 * Runs (CI seed): 2 000 + 3 000 = 5 000.
 */
import fc from "fast-check";
import type { Cell } from "../../src/engine/grid";
import { addMonths, isoOf, monthIndex, monthKey, quarterKey, readDate, serialOf, ymdOf, type DateRead } from "../../src/engine/dates";
import { anyCell } from "./anyInput";

const text = (value: string): Cell => ({ kind: "text", value });
const number = (value: number): Cell => ({ kind: "number", value });
const dateCell = (serial: number): Cell => ({ kind: "date", serial });

const asDate = (serial: number): DateRead => ({ kind: "date", serial, asText: true });
const BAD: DateRead = { kind: "bad" };

/** Digits and ASCII punctuation in their full-width forms, as Chinese input methods type them. */
function fullWidth(s: string): string {
  return s.replace(/[!-~]/g, (ch) => String.fromCharCode(ch.charCodeAt(0) + 0xfee0));
}

const pad = (n: number): string => String(n).padStart(2, "0");

describe("serialOf and ymdOf", () => {
  test.each([
    [1900, 1, 1, 1],
    [1900, 2, 28, 59],
    [1900, 2, 29, 60],
    [1900, 3, 1, 61],
    [2000, 1, 1, 36526],
    [2024, 2, 29, 45351],
    [2025, 3, 5, 45721],
    [2025, 12, 31, 46022],
    [9999, 12, 31, 2958465],
  ])("%i-%i-%i is Excel's serial %i, and back", (year, month, day, serial) => {
    expect(serialOf(year, month, day)).toBe(serial);
    expect(ymdOf(serial)).toEqual({ year, month, day });
  });

  test.each([
    [2025, 2, 29],
    [2100, 2, 29],
    [2025, 2, 30],
    [2025, 4, 31],
    [2025, 13, 1],
    [2025, 0, 1],
    [2025, 1, 0],
    [1899, 12, 31],
    [10000, 1, 1],
    [2025.5, 1, 1],
    [NaN, 1, 1],
  ])("%p-%p-%p is no date", (year, month, day) => expect(serialOf(year, month, day)).toBeNull());

  test("a time of day is dropped, and a time a hair below midnight is the next day", () => {
    expect(ymdOf(45721.99)).toEqual({ year: 2025, month: 3, day: 5 });
    expect(ymdOf(45722 - 1e-10)).toEqual({ year: 2025, month: 3, day: 6 });
  });
});

describe("isoOf and the month helpers", () => {
  test("isoOf writes a serial as an ISO date, and gives back a serial no day stands for", () => {
    expect(isoOf(45721)).toBe("2025-03-05");
    expect(isoOf(45721.75)).toBe("2025-03-05");
    expect(isoOf(60)).toBe("1900-02-29");
    expect(isoOf(1)).toBe("1900-01-01");
    expect(isoOf(0)).toBe("0");
    expect(isoOf(-3)).toBe("-3");
    expect(isoOf(2958466)).toBe("2958466");
    expect(isoOf(NaN)).toBe("NaN");
    expect(isoOf(Infinity)).toBe("Infinity");
  });

  test("monthKey, quarterKey and monthIndex", () => {
    expect(monthKey(45721)).toBe("2025-03");
    expect(quarterKey(45721)).toBe("2025Q1");
    expect(quarterKey(serialOf(2025, 4, 1)!)).toBe("2025Q2");
    expect(quarterKey(serialOf(2025, 12, 31)!)).toBe("2025Q4");
    expect(monthIndex(45721)).toBe(2025 * 12 + 2);
    expect(monthIndex(serialOf(2026, 1, 1)!) - monthIndex(serialOf(2025, 12, 31)!)).toBe(1);
  });

  test.each([
    [[2024, 1, 31], 1, [2024, 2, 29]],
    [[2025, 1, 31], 1, [2025, 2, 28]],
    [[2025, 3, 31], -1, [2025, 2, 28]],
    [[2025, 3, 5], 12, [2026, 3, 5]],
    [[2025, 3, 5], -15, [2023, 12, 5]],
    [[2025, 8, 31], 1.9, [2025, 9, 30]],
    [[2025, 3, 5], 0, [2025, 3, 5]],
  ])("addMonths(%p, %p) is %p, as EDATE", (from, months, to) => {
    const [y, m, d] = from;
    expect(addMonths(serialOf(y, m, d)!, months)).toBe(serialOf(to[0], to[1], to[2]));
  });

  test("addMonths gives null beyond Excel's calendar", () => {
    expect(addMonths(serialOf(9999, 12, 1)!, 1)).toBeNull();
    expect(addMonths(serialOf(1900, 1, 1)!, -1)).toBeNull();
    expect(addMonths(NaN, 1)).toBeNull();
  });
});

describe("readDate", () => {
  const MARCH_5 = 45721;

  test.each<[string, Cell, DateRead]>([
    ["a date cell", dateCell(MARCH_5), { kind: "date", serial: MARCH_5, asText: false }],
    ["a date cell with a time", dateCell(MARCH_5 + 14.5 / 24), { kind: "date", serial: MARCH_5, asText: false }],
    ["2025-03-05", text("2025-03-05"), asDate(MARCH_5)],
    ["2025-3-5", text("2025-3-5"), asDate(MARCH_5)],
    ["2025/3/5", text("2025/3/5"), asDate(MARCH_5)],
    ["2025.3.5", text("2025.3.5"), asDate(MARCH_5)],
    ["2025年3月5日", text("2025年3月5日"), asDate(MARCH_5)],
    ["20250305", text("20250305"), asDate(MARCH_5)],
    ["spaces about", text(" \u3000 2025-03-05\u00a0\n"), asDate(MARCH_5)],
    ["spaces inside", text("2025 年 3 月 5 日"), asDate(MARCH_5)],
    ["full-width digits", text("２０２５年３月５日"), asDate(MARCH_5)],
    ["full-width punctuation", text("２０２５／３／５"), asDate(MARCH_5)],
    ["a time", text("2025/3/5 14:30"), asDate(MARCH_5)],
    ["a time with seconds", text("2025-03-05 14:30:00"), asDate(MARCH_5)],
    ["an ISO date-time", text("2025-03-05T08:00:00.000"), asDate(MARCH_5)],
    ["a time right after 日", text("2025年3月5日14:30"), asDate(MARCH_5)],
    ["a full-width time", text("２０２５／３／５　１４：３０"), asDate(MARCH_5)],
    ["YYYYMMDD as a number", number(20250305), asDate(MARCH_5)],
    ["a bare serial", number(MARCH_5), asDate(MARCH_5)],
    ["a bare serial with a time", number(MARCH_5 + 0.25), asDate(MARCH_5)],
    ["1900-03-01", text("1900-03-01"), asDate(61)],
    ["serial 61", dateCell(61), { kind: "date", serial: 61, asText: false }],
    ["2024-02-29", text("2024-02-29"), asDate(45351)],
    ["9999-12-31", text("9999-12-31"), asDate(2958465)],
  ])("%s", (_, cell, read) => expect(readDate(cell)).toEqual(read));

  test.each<[string, Cell]>([
    ["2025-02-30", text("2025-02-30")],
    ["2025-02-29", text("2025-02-29")],
    ["2100-02-29", text("2100-02-29")],
    ["month 13", text("2025-13-01")],
    ["day 0", text("2025-03-00")],
    ["1900-02-29 (serial 60)", text("1900-02-29")],
    ["1900-01-01 (serial 1)", text("1900-01-01")],
    ["serial 60 in a date cell", dateCell(60)],
    ["serial 0", dateCell(0)],
    ["a negative serial", dateCell(-1)],
    ["NaN", dateCell(NaN)],
    ["Infinity", dateCell(Infinity)],
    ["beyond 9999-12-31", dateCell(2958466)],
    ["a time that is no time", text("2025-03-05 25:00")],
    ["a time alone", text("14:30")],
    ["mixed separators", text("2025-3/5")],
    ["a two-digit year", text("25-3-5")],
    ["a serial as text", text("45721")],
    ["words", text("三月五日")],
    ["a part date 2025.3", text("2025.3")],
    ["a part date 202503", text("202503")],
    ["a part date 2025-03", text("2025-03")],
    ["a part date 2025年3月", text("2025年3月")],
    ["a number part date 202503", number(202503)],
    ["a number part date 2025.3", number(2025.3)],
    ["a year", number(2025)],
    ["an impossible YYYYMMDD", number(20250230)],
    ["a fractional YYYYMMDD", number(20250305.5)],
    ["a number below 61", number(60)],
    ["zero", number(0)],
    ["a negative number", number(-45721)],
    ["NaN as a number", number(NaN)],
    ["a boolean", { kind: "bool", value: true }],
    ["an error", { kind: "error", code: "#VALUE!" }],
    ["long text", text("2025-03-05" + " ".repeat(100) + "x")],
  ])("%s is bad", (_, cell) => expect(readDate(cell)).toEqual(BAD));

  test.each<[string, Cell]>([
    ["empty", { kind: "empty" }],
    ["empty text", text("")],
    ["whitespace", text(" \u3000\u00a0\u200b\n")],
  ])("%s is blank", (_, cell) => expect(readDate(cell)).toEqual({ kind: "blank" }));

  describe("with yearMonth", () => {
    const yearMonth = (year: number, month: number): DateRead => ({ kind: "yearMonth", year, month, asText: true });

    test.each<[string, Cell, DateRead]>([
      ["2025.3", text("2025.3"), yearMonth(2025, 3)],
      ["2025-03", text("2025-03"), yearMonth(2025, 3)],
      ["2025/3", text("2025/3"), yearMonth(2025, 3)],
      ["2025年3月", text("2025年3月"), yearMonth(2025, 3)],
      ["202503 as text", text("202503"), yearMonth(2025, 3)],
      ["full-width", text("１９８５．１１"), yearMonth(1985, 11)],
      ["202503 as a number", number(202503), yearMonth(2025, 3)],
      ["1985.06 as a number", number(1985.06), yearMonth(1985, 6)],
      ["1985.6 as a number", number(1985.6), yearMonth(1985, 6)],
      ["1985.12 as a number", number(1985.12), yearMonth(1985, 12)],
      ["a full date stays a date", text("2025-03-05"), asDate(MARCH_5)],
      ["a date cell stays a date", dateCell(MARCH_5), { kind: "date", serial: MARCH_5, asText: false }],
      ["YYYYMMDD stays a date", number(20250305), asDate(MARCH_5)],
      ["month 13", text("2025-13"), BAD],
      ["month 0 as a number", number(202500), BAD],
      ["1985.1, January or October", number(1985.1), BAD],
      ["a year alone", number(1985), BAD],
      ["before 1900", text("1899-12"), BAD],
    ])("%s", (_, cell, read) => expect(readDate(cell, { yearMonth: true })).toEqual(read));
  });
});

/** Any day from 1900-03-01 to 2099-12-31, with its serial worked out from the Unix epoch. */
const anyDay = fc
  .date({ min: new Date(Date.UTC(1900, 2, 1)), max: new Date(Date.UTC(2099, 11, 31)), noInvalidDate: true })
  .map((d) => {
    const midnight = Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate());
    return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate(), serial: midnight / 86_400_000 + 25569 };
  });

const anyTime = fc.constantFrom("", " 14:30", " 9:05", " 23:59:59", "  0:00:00.5", "T08:00:00");
const anyFraction = fc.constantFrom(0, 0.25, 0.5, 0.999);

describe("readDate on any day", () => {
  it("reads every accepted form of the day as that day, and serialOf and ymdOf round-trip it", () => {
    fc.assert(
      fc.property(anyDay, anyTime, anyFraction, fc.boolean(), ({ year, month, day, serial }, time, fraction, yearMonth) => {
        expect(serialOf(year, month, day)).toBe(serial);
        expect(ymdOf(serial + fraction)).toEqual({ year, month, day });
        expect(isoOf(serial + fraction)).toBe(`${year}-${pad(month)}-${pad(day)}`);

        const written = [
          `${year}-${pad(month)}-${pad(day)}`,
          `${year}-${month}-${day}`,
          `${year}/${month}/${day}`,
          `${year}.${month}.${day}`,
          `${year}年${month}月${day}日`,
          `${year}${pad(month)}${pad(day)}`,
        ];
        const texts = written.flatMap((w) => [w, w + time, fullWidth(w + time)]);
        texts.push(`${year}年${month}月${day}日${time.trim()}`);
        const cells = [...texts.map(text), number(year * 10000 + month * 100 + day)];
        // Serials 1900–2099 (days in 1905) are read as a year or year.month typed as a number.
        if (serial < 1900 || serial >= 2100) cells.push(number(serial + fraction));
        // One expect for all the forms: jest's matchers cost more than readDate itself.
        const misread = cells.filter((cell) => JSON.stringify(readDate(cell, { yearMonth })) !== JSON.stringify(asDate(serial)));
        expect(misread).toEqual([]);
        expect(readDate(dateCell(serial + fraction), { yearMonth })).toEqual({ kind: "date", serial, asText: false });
      }),
      { numRuns: 2000 },
    );
  });
});

/** Cells of every kind, with the numbers and text a date field is likely to hold besides. */
const anyDateCell: fc.Arbitrary<Cell> = fc.oneof(
  anyCell,
  fc.double().map(number),
  fc.double().map(dateCell),
  fc.integer({ min: 100000, max: 30000000 }).map(number),
  fc.string({ maxLength: 30 }).map(text),
  fc.string({ unit: fc.constantFrom(..."0123456789-/.年月日: T１２３４５６７８９０－／．：　"), maxLength: 24 }).map(text),
);

describe("readDate on any cell", () => {
  it("never throws, and a date it reads is a whole serial Excel's calendar holds", () => {
    fc.assert(
      fc.property(anyDateCell, fc.boolean(), (cell, yearMonth) => {
        const read = readDate(cell, { yearMonth });
        if (read.kind === "date") {
          expect(Number.isInteger(read.serial)).toBe(true);
          expect(read.serial).toBeGreaterThanOrEqual(61);
          expect(read.serial).toBeLessThanOrEqual(2958465);
          expect(read.asText).toBe(cell.kind !== "date");
        }
        if (read.kind === "yearMonth") {
          expect(yearMonth).toBe(true);
          expect(read.month).toBeGreaterThanOrEqual(1);
          expect(read.month).toBeLessThanOrEqual(12);
        }
      }),
      { numRuns: 3000 },
    );
  });
});
