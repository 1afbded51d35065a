/**
 * 预备期 (党章 第七条; 细则 第三十二、三十三条): a probationary member's probation ends 12 months
 * after admission, plus an extension of 6 to 12 months when one was decided. What the 发展党员
 * register checks and DJ.PROBATIONEND returns; no words, so functions.js can carry it.
 */
import { addMonths } from "./dates";

/** An extension is at least half a year and at most a year (第三十三条). */
export const EXTENSION_MONTHS = { min: 6, max: 12 } as const;

/** The day the probation ends, as EDATE counts it (31 January + 1 month = 28 or 29 February); null past 9999. */
export function probationEnd(admitted: number, extensionMonths = 0, probationMonths = 12): number | null {
  return addMonths(admitted, probationMonths + extensionMonths);
}
