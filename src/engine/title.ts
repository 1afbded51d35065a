/**
 * The title block above the header: 填报单位 and the period (PRODUCT.md §2), and for a ledger
 * without a branch column the branch it is of (LEDGERS.md §1: 党支部：XX, 填报单位：XX党支部).
 */
import { toHalfWidth, removeWhitespace } from "./text";
import { SheetView, cellText, isBlank } from "./view";

export interface TitleBlock {
  unit?: string;
  /** Months in the period, when one was found and understood. */
  months?: number;
  /** The period's first month (1–12), with months. */
  startMonth?: number;
  year?: number;
  /** The branch the sheet is of, when the title block names one. */
  branch?: string;
  /** The cell holding the period, for findings about it. */
  periodCell?: { row: number; col: number };
  periodText?: string;
}

const UNIT_LABEL = /填报单位(?:[（(]盖章[)）])?\s*[：:]/;
const BRANCH_LABEL = /(?:党支部|支部名称|党支部名称)\s*[：:]/;
/** A 填报单位 that is itself a branch: 填报单位：机关第一党支部. */
const BRANCH_NAME = /支部$/;
const PERIOD_LABEL = /(?:统计期间|统计时段|报告期|年度)\s*[：:]/;
/** Labels that may follow 填报单位 in the same cell. */
const NEXT_LABEL = /(?:统计期间|统计时段|报告期|填报日期|年度|党支部|填报单位)\s*[：:]/;

function after(text: string, label: RegExp): string {
  const m = label.exec(text);
  if (!m) return "";
  let rest = text.slice(m.index + m[0].length);
  const next = NEXT_LABEL.exec(rest);
  if (next) rest = rest.slice(0, next.index);
  return rest.split(/\u3000|\t| {2,}/)[0].trim();
}

const QUARTERS: Record<string, number> = { 一: 1, 二: 2, 三: 3, 四: 4, "1": 1, "2": 2, "3": 3, "4": 4 };

export interface Period {
  months?: number;
  /** The first month (1–12), with months. */
  startMonth?: number;
  year?: number;
}

/** Months covered by a period text such as "2025年度", "上半年", "第一季度", "１－６月", and from which month. */
export function parsePeriod(text: string): Period {
  const s = removeWhitespace(toHalfWidth(text));
  const yearMatch = /((?:19|20)\d{2})年?/.exec(s);
  const year = yearMatch ? Number(yearMatch[1]) : undefined;
  const span = (startMonth: number, months: number): Period => ({ months, startMonth, year });
  const range = /(\d{1,2})月?(?:[-－—–~～至到]+)(\d{1,2})月/.exec(s);
  if (range) {
    const from = Number(range[1]);
    const to = Number(range[2]);
    if (from >= 1 && to <= 12 && to >= from) return span(from, to - from + 1);
  }
  if (s.includes("前三季度")) return span(1, 9);
  if (s.includes("上半年")) return span(1, 6);
  if (s.includes("下半年")) return span(7, 6);
  const quarter = /第?([一二三四1-4])季度/.exec(s);
  if (quarter && QUARTERS[quarter[1]]) return span(QUARTERS[quarter[1]] * 3 - 2, 3);
  if (/全年|年度/.test(s) || /^(?:19|20)\d{2}年?$/.test(s)) return span(1, 12);
  const month = /(?:^|年)(\d{1,2})月(?:份)?$/.exec(s);
  if (month && Number(month[1]) >= 1 && Number(month[1]) <= 12) return span(Number(month[1]), 1);
  return { year };
}

function nextNonEmpty(view: SheetView, row: number, col: number): { text: string; col: number } | null {
  for (let c = col + 1; c <= view.lastCol; c++) {
    const cell = view.get(row, c);
    if (!isBlank(cell)) return { text: cellText(cell).trim(), col: c };
  }
  return null;
}

/** The text after a label in the cell, else the next non-empty cell unless that is the next label (填报单位： 统计期间：2025年). */
function labelled(view: SheetView, row: number, col: number, text: string, label: RegExp): string {
  const next = nextNonEmpty(view, row, col)?.text ?? "";
  return after(text, label) || (NEXT_LABEL.test(next) ? "" : next);
}

export function readTitleBlock(view: SheetView, headerTop: number): TitleBlock {
  const block: TitleBlock = {};
  for (let r = view.firstRow; r < headerTop; r++) {
    for (let c = view.firstCol; c <= view.lastCol; c++) {
      const cell = view.get(r, c);
      if (cell.kind !== "text") continue;
      const text = cell.value;
      if (block.unit === undefined && UNIT_LABEL.test(text)) {
        const unit = labelled(view, r, c, text, UNIT_LABEL);
        if (unit) block.unit = unit;
        if (unit && BRANCH_NAME.test(unit)) block.branch ??= unit;
      }
      if (BRANCH_LABEL.test(text) && !UNIT_LABEL.test(text.slice(0, BRANCH_LABEL.exec(text)?.index))) {
        const branch = labelled(view, r, c, text, BRANCH_LABEL);
        if (branch) block.branch = branch;
      }
      if (block.periodText === undefined && PERIOD_LABEL.test(text)) {
        let periodText = after(text, PERIOD_LABEL);
        let periodCol = c;
        if (!periodText) {
          const next = nextNonEmpty(view, r, c);
          periodText = next?.text ?? "";
          periodCol = next?.col ?? c;
        }
        if (periodText) {
          const period = parsePeriod(periodText);
          block.periodText = periodText;
          block.periodCell = { row: r, col: periodCol };
          block.months = period.months;
          block.startMonth = period.startMonth;
          block.year = period.year;
        }
      }
    }
  }
  return block;
}
