/**
 * Which calendar months, quarters or years of a period have a meeting of a type (LEDGERS.md §2,
 * §7): the period cut into buckets of the type's interval, aligned to January, and the buckets no
 * counted meeting falls in. One computation for the ledger's missing-meetings flag, its coverage
 * sheet and DJ.MEETINGGAPS.
 */
import { monthIndex, monthKey, periodDays, quarterKey, serialOf, twoDigits, ymdOf } from "../../dates";
import type { MeetingType, Settings } from "../../settings";
import type { Translate } from "../../../i18n";

export interface Bucket {
  /** "2025-03" (a month), "2025Q2" (a quarter), "2025" (a year), "2025-01/2025-02" (another interval). */
  key: string;
  year: number;
  /** 1–12. */
  firstMonth: number;
  months: number;
  /** First and last day, as serials. */
  start: number;
  end: number;
}

/** Months between meetings of a type: 组织生活会 and 民主评议 are yearly. */
export function intervalOf(type: MeetingType, settings: Settings): number {
  return type === "orglife" || type === "review" ? 12 : settings.meetingEveryMonths[type];
}

/** How a bucket is named: a calendar month, quarter or year, or another run of months. */
type BucketShape = "month" | "quarter" | "year" | "months";

/** The one place that decides how a bucket is named, so its key and its words in every output agree. */
function bucketShape({ firstMonth, months }: Pick<Bucket, "firstMonth" | "months">): BucketShape {
  if (months === 1) return "month";
  if (months === 3 && firstMonth % 3 === 1) return "quarter";
  if (months === 12 && firstMonth === 1) return "year";
  return "months";
}

/** The templates a layer names buckets with: the ledger's detail says 3月, DJ.MEETINGGAPS 2025年3月. */
export type BucketWords = Translate<"period.month" | "period.quarter" | "period.year" | "period.months">;

/** A bucket in words: a month, a quarter, the year, or a run of months such as 1–2月. */
export function bucketWord(bucket: Bucket, t: BucketWords): string {
  const { year, firstMonth, months } = bucket;
  const mm = twoDigits(firstMonth);
  switch (bucketShape(bucket)) {
    case "month":
      return t("period.month", { year, month: firstMonth, mm });
    case "quarter":
      return t("period.quarter", { year, quarter: (firstMonth + 2) / 3 });
    case "year":
      return t("period.year", { year });
    case "months": {
      const last = firstMonth + months - 1;
      return t("period.months", { year, from: firstMonth, to: last, fromMm: mm, toMm: twoDigits(last) });
    }
  }
}

function keyOf(year: number, firstMonth: number, months: number, start: number, end: number): string {
  switch (bucketShape({ firstMonth, months })) {
    case "month":
      return monthKey(start);
    case "quarter":
      return quarterKey(start);
    case "year":
      return String(year);
    case "months":
      return `${monthKey(start)}/${monthKey(end)}`;
  }
}

/**
 * The buckets of `interval` months (aligned to January; an interval that does not divide a year
 * restarts each January) that overlap the days `start`…`end`, in time order.
 */
export function bucketsOf(interval: number, start: number, end: number): Bucket[] {
  const buckets: Bucket[] = [];
  if (!(end >= start)) return buckets;
  const first = monthIndex(start);
  const last = monthIndex(end);
  for (let year = Math.floor(first / 12); year <= Math.floor(last / 12); year++) {
    for (let firstMonth = 1; firstMonth <= 12; firstMonth += interval) {
      const months = Math.min(interval, 13 - firstMonth);
      const from = year * 12 + firstMonth - 1;
      const to = from + months - 1;
      if (to < first || from > last) continue;
      const days = periodDays(year, firstMonth, months);
      if (days === null) continue;
      buckets.push({ key: keyOf(year, firstMonth, months, days.start, days.end), year, firstMonth, months, ...days });
    }
  }
  return buckets;
}

/** The buckets of `start`…`end` in which none of `dates` falls (dates outside the days do not count). */
export function gapsOf(dates: readonly number[], interval: number, start: number, end: number): Bucket[] {
  const within = dates.filter((d) => d >= start && d <= end);
  return bucketsOf(interval, start, end).filter((bucket) => !within.some((d) => d >= bucket.start && d <= bucket.end));
}

/**
 * The days DJ.MEETINGGAPS looks at (LEDGERS.md §7): `start` to `end`; a side not given is the
 * edge of the calendar year of the other side, or, with neither, of the year of `latest` (the
 * ledger's latest date). Null when there is nothing to take a year from.
 */
export function gapPeriod(start: number | null, end: number | null, latest: number | null): { start: number; end: number } | null {
  const anchor = start ?? end ?? latest;
  if (anchor === null) return null;
  const { year } = ymdOf(anchor);
  // A year of Excel's calendar always has both days; the fallback only keeps the types honest.
  return { start: start ?? serialOf(year, 1, 1) ?? anchor, end: end ?? serialOf(year, 12, 31) ?? anchor };
}
