/**
 * Dates in Excel's 1900 serial system, and reading a cell as a date (LEDGERS.md §1 "Dates").
 * The one place serials and calendar dates are converted. Returns data only: callers turn a
 * `DateRead` into findings (`date-as-text`, `bad-date`).
 */
import type { Cell } from "./grid";
import { chineseNumeral, removeWhitespace, toHalfWidth } from "./text";

export interface Ymd {
  year: number;
  month: number;
  day: number;
}

const MS_PER_DAY = 86_400_000;
/** Serial 0 for serials from 61 on; the days before Excel's fictitious 1900-02-29 count from a day later. */
const EPOCH_MS = Date.UTC(1899, 11, 30);
/** Excel's 1900-02-29, a day that never was. */
const FICTITIOUS_DAY = 60;
/** 1900-03-01: from here on serials and the calendar agree, so earlier serials are not read as dates. */
const FIRST_READABLE = 61;
/** 9999-12-31, the last day Excel has. */
const LAST_SERIAL = 2_958_465;

const MONTH_DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** Leap years as Excel counts them: the Gregorian ones, and 1900. */
function isExcelLeap(year: number): boolean {
  return year === 1900 || (year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0));
}

function daysInMonth(year: number, month: number): number {
  return month === 2 && isExcelLeap(year) ? 29 : MONTH_DAYS[month - 1];
}

/**
 * The whole days of a serial, its time of day dropped. Rounded to the millisecond first, as
 * Excel shows it: a time stored a hair below midnight belongs to the next day.
 */
function wholeDays(serial: number): number {
  return Math.floor(Math.round(serial * MS_PER_DAY) / MS_PER_DAY);
}

/**
 * Excel 1900 system: serial 1 = 1900-01-01, 60 = the fictitious 1900-02-29, 61 = 1900-03-01,
 * 45721 = 2025-03-05. Null for an impossible date (2025-02-30, month 13) or one outside
 * 1900-01-01..9999-12-31.
 */
export function serialOf(year: number, month: number, day: number): number | null {
  if (!Number.isInteger(year) || !Number.isInteger(month) || !Number.isInteger(day)) return null;
  if (year < 1900 || year > 9999 || month < 1 || month > 12) return null;
  if (day < 1 || day > daysInMonth(year, month)) return null;
  // Date.UTC rolls 1900-02-29 over to 03-01 (61); Excel's days up to it sit one lower.
  const days = (Date.UTC(year, month - 1, day) - EPOCH_MS) / MS_PER_DAY;
  return year === 1900 && month <= 2 ? days - 1 : days;
}

/**
 * The calendar day of a serial's integer part (a time of day is ignored). Meant for serials
 * 1..2958465; a non-finite one gives NaN fields.
 */
export function ymdOf(serial: number): Ymd {
  const days = wholeDays(serial);
  if (days === FICTITIOUS_DAY) return { year: 1900, month: 2, day: 29 };
  const date = new Date(EPOCH_MS + (days < FICTITIOUS_DAY ? days + 1 : days) * MS_PER_DAY);
  return { year: date.getUTCFullYear(), month: date.getUTCMonth() + 1, day: date.getUTCDate() };
}

/** 3 → "03", as months and days are written in ISO dates. */
export function twoDigits(n: number): string {
  return String(n).padStart(2, "0");
}

/** "2025-03-05". A serial no day of Excel's stands for (below 1, beyond 9999-12-31, NaN) is given back as it is. */
export function isoOf(serial: number): string {
  const days = wholeDays(serial);
  if (!(days >= 1 && days <= LAST_SERIAL)) return String(serial);
  const { year, month, day } = ymdOf(days);
  return `${year}-${twoDigits(month)}-${twoDigits(day)}`;
}

/** "2025-03": the month a serial falls in. */
export function monthKey(serial: number): string {
  const { year, month } = ymdOf(serial);
  return `${year}-${twoDigits(month)}`;
}

/** "2025Q1": the calendar quarter a serial falls in. */
export function quarterKey(serial: number): string {
  const { year, month } = ymdOf(serial);
  return `${year}Q${Math.ceil(month / 3)}`;
}

/** year*12 + month-1: consecutive months are consecutive numbers, so gaps between months are a subtraction. */
export function monthIndex(serial: number): number {
  const { year, month } = ymdOf(serial);
  return year * 12 + month - 1;
}

/**
 * The value of a month field (LEDGERS.md §3): the monthIndex of a month written with its year,
 * else the month (1–12) alone, which is of the sheet's year. No monthIndex is that small (year 0).
 */
export function monthValue(month: number, year?: number): number {
  return year === undefined ? month : year * 12 + month - 1;
}

/** A month field's value as a monthIndex, a month alone taken as of `year`. */
export function monthIndexOf(value: number, year: number): number {
  return value <= 12 ? monthValue(value, year) : value;
}

/** The year and month of a monthIndex. */
export function monthOf(index: number): { year: number; month: number } {
  return { year: Math.floor(index / 12), month: (index % 12) + 1 };
}

/**
 * The same day `months` months on (or back), as Excel's EDATE: a day the target month lacks
 * becomes its last (31 Jan + 1 month = 28/29 Feb), a fractional `months` is truncated, and
 * the time of day is dropped. Null when the result leaves 1900-01-01..9999-12-31.
 */
export function addMonths(serial: number, months: number): number | null {
  const { year, month, day } = ymdOf(serial);
  const index = year * 12 + month - 1 + Math.trunc(months);
  const toYear = Math.floor(index / 12);
  const toMonth = (index % 12) + 1;
  if (toYear < 1900 || toYear > 9999) return null;
  return serialOf(toYear, toMonth, Math.min(day, daysInMonth(toYear, toMonth)));
}

/** First and last day of a period of months, as serials; null when it is outside Excel's calendar. */
export function periodDays(year: number, startMonth: number, months: number): { start: number; end: number } | null {
  const start = serialOf(year, startMonth, 1);
  const after = start === null ? null : addMonths(start, months);
  return start === null || after === null ? null : { start, end: after - 1 };
}

export type DateRead =
  | { kind: "blank" }
  /** serial: whole days (a time of day dropped). asText: not a date cell (text or a plain number). */
  | { kind: "date"; serial: number; asText: boolean }
  /** Only with `options.yearMonth`: a year and month without a day (`2025年3月`, `202503`). */
  | { kind: "yearMonth"; year: number; month: number; asText: boolean }
  | { kind: "bad" };

const BAD: DateRead = { kind: "bad" };

/** A date read from a serial, or bad when Excel's calendar does not hold it (before 1900-03-01, beyond 9999-12-31, NaN). */
function fromSerial(serial: number, asText: boolean): DateRead {
  const days = wholeDays(serial);
  return days >= FIRST_READABLE && days <= LAST_SERIAL ? { kind: "date", serial: days, asText } : BAD;
}

function fromYmd(year: number, month: number, day: number): DateRead {
  const serial = serialOf(year, month, day);
  return serial === null ? BAD : fromSerial(serial, true);
}

/** A year and month without a day: read only where they are enough (yearMonth), else a part date, bad. */
function fromYearMonth(year: number, month: number, yearMonth: boolean): DateRead {
  const valid = year >= 1900 && year <= 9999 && month >= 1 && month <= 12;
  return yearMonth && valid ? { kind: "yearMonth", year, month, asText: true } : BAD;
}

/** Whitespace at either end, including the kinds JS's trim misses (zero-width space). */
const ENDS = /^[\s\u200b]+|[\s\u200b]+$/g;

/** Longer than any written date with its time ("2025 年 3 月 5 日 14:30:00.000"); spares the patterns long text. */
const MAX_DATE_LENGTH = 64;

/** A time after the date — after a space, a "T", or straight after 日: 14:30, 14:30:00, 14:30:00.5. */
const TIME = /(?:\s+|T|(?<=日)\s*)(\d{1,2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?$/;

/** The text without its time of day; a time that is no time (25:00) is left on, so the text reads as bad. */
function withoutTime(text: string): string {
  const time = TIME.exec(text);
  if (!time) return text;
  const [hours, minutes, seconds] = [time[1], time[2], time[3] ?? "0"].map(Number);
  return hours <= 23 && minutes <= 59 && seconds <= 59 ? text.slice(0, time.index) : text;
}

/** Year, month and day, in the written forms of LEDGERS.md §1. */
const FULL_DATES = [
  /^(\d{4})-(\d{1,2})-(\d{1,2})$/,
  /^(\d{4})\/(\d{1,2})\/(\d{1,2})$/,
  /^(\d{4})\.(\d{1,2})\.(\d{1,2})$/,
  /^(\d{4})年(\d{1,2})月(\d{1,2})日$/,
  /^(\d{4})(\d{2})(\d{2})$/,
];

/** The same forms without a day: 2025-03, 2025/3, 2025.3, 2025年3月, 202503. */
const PART_DATES = [/^(\d{4})[-/.](\d{1,2})$/, /^(\d{4})年(\d{1,2})月$/, /^(\d{4})(\d{2})$/];

function readText(value: string, yearMonth: boolean): DateRead {
  const trimmed = toHalfWidth(value).replace(ENDS, "");
  if (trimmed === "") return { kind: "blank" };
  if (trimmed.length > MAX_DATE_LENGTH) return BAD;
  // Spaces inside a date ("2025 年 3 月 5 日") are typing, not meaning.
  const text = removeWhitespace(withoutTime(trimmed));
  for (const form of FULL_DATES) {
    const parts = form.exec(text);
    if (parts) return fromYmd(Number(parts[1]), Number(parts[2]), Number(parts[3]));
  }
  for (const form of PART_DATES) {
    const parts = form.exec(text);
    if (parts) return fromYearMonth(Number(parts[1]), Number(parts[2]), yearMonth);
  }
  return BAD;
}

/**
 * The month of a number typed as year.month (1985.06, 1985.6, 1985.11), or null when its
 * digits do not name one for sure: 1985.1 is January typed "1985.1" or October typed
 * "1985.10", and the number cannot tell which.
 */
function monthAfterPoint(value: number): number | null {
  const digits = /^\d{4}\.(\d{1,2})$/.exec(String(value))?.[1];
  if (digits === undefined || digits === "1") return null;
  return Number(digits);
}

/**
 * A number without a date format. A serial from 1900 to 2099 (days in 1905) or 190001 to
 * 209912 (years 2420–2474) is never a ledger date, while a year, a year.month or a YYYYMM
 * typed into a cell is common; so those ranges are read as part dates.
 */
function readNumber(value: number, yearMonth: boolean): DateRead {
  if (Number.isInteger(value) && value >= 19000101 && value <= 20991231) {
    return fromYmd(Math.floor(value / 10000), Math.floor(value / 100) % 100, value % 100);
  }
  if (Number.isInteger(value) && value >= 190001 && value <= 209912) {
    return fromYearMonth(Math.floor(value / 100), value % 100, yearMonth);
  }
  if (value >= 1900 && value < 2100) {
    const month = monthAfterPoint(value);
    return month === null ? BAD : fromYearMonth(Math.floor(value), month, yearMonth);
  }
  return fromSerial(value, true);
}

/**
 * A cell of a date field as a date (LEDGERS.md §1): a date cell as itself; text in the
 * written forms, an 8-digit YYYYMMDD number or a bare serial as a date `asText`; anything
 * else bad. With `yearMonth`, a year and month without a day is read too. Never throws.
 */
export function readDate(cell: Cell, options: { yearMonth?: boolean } = {}): DateRead {
  const yearMonth = options.yearMonth === true;
  switch (cell.kind) {
    case "empty":
      return { kind: "blank" };
    case "date":
      return fromSerial(cell.serial, false);
    case "number":
      return readNumber(cell.value, yearMonth);
    case "text":
      return readText(cell.value, yearMonth);
    default:
      return BAD;
  }
}

export type MonthRead = { kind: "blank" } | { kind: "month"; month: number; year?: number } | { kind: "bad" };

/** A month alone: 3, 03, 3月, 3月份, 三月, 十二月. */
const MONTH_ALONE = /^(\d{1,2}|[一二三四五六七八九十]{1,3})(?:月份?)?$/;

/**
 * A cell of a month field (LEDGERS.md §3): a date or a date written as text (its month), a year
 * and month (2025-03, 2025年3月, 202503, 2025.3), or a month alone (3, 3月, 三月). Never throws.
 */
export function readMonth(cell: Cell): MonthRead {
  const alone = cell.kind === "number" ? String(cell.value) : cell.kind === "text" ? removeWhitespace(toHalfWidth(cell.value)) : "";
  const written = MONTH_ALONE.exec(alone)?.[1];
  if (written !== undefined) {
    const month = /^\d+$/.test(written) ? Number(written) : chineseNumeral(written);
    if (month !== null && month >= 1 && month <= 12) return { kind: "month", month };
  }
  const read = readDate(cell, { yearMonth: true });
  switch (read.kind) {
    case "blank":
    case "bad":
      return read;
    case "yearMonth":
      return { kind: "month", month: read.month, year: read.year };
    case "date": {
      const { year, month } = ymdOf(read.serial);
      return { kind: "month", month, year };
    }
  }
}
