/** The title block above the header: 填报单位 and the period (PRODUCT.md §2). */
import { toHalfWidth, removeWhitespace } from "./text";
import { SheetView, cellText, isBlank } from "./view";

export interface TitleBlock {
  unit?: string;
  /** Months in the period, when one was found and understood. */
  months?: number;
  year?: number;
  /** The cell holding the period, for findings about it. */
  periodCell?: { row: number; col: number };
  periodText?: string;
}

const UNIT_LABEL = /填报单位(?:[（(]盖章[)）])?\s*[：:]/;
const PERIOD_LABEL = /(?:统计期间|统计时段|报告期|年度)\s*[：:]/;
/** Labels that may follow 填报单位 in the same cell. */
const NEXT_LABEL = /(?:统计期间|统计时段|报告期|填报日期|年度)\s*[：:]/;

function after(text: string, label: RegExp): string {
  const m = label.exec(text);
  if (!m) return "";
  let rest = text.slice(m.index + m[0].length);
  const next = NEXT_LABEL.exec(rest);
  if (next) rest = rest.slice(0, next.index);
  return rest.split(/\u3000|\t| {2,}/)[0].trim();
}

const QUARTERS: Record<string, number> = { 一: 1, 二: 2, 三: 3, 四: 4, "1": 1, "2": 2, "3": 3, "4": 4 };

/** Months covered by a period text such as "2025年度", "上半年", "第一季度", "１－６月". */
export function parsePeriod(text: string): { months?: number; year?: number } {
  const s = removeWhitespace(toHalfWidth(text));
  const yearMatch = /((?:19|20)\d{2})年?/.exec(s);
  const year = yearMatch ? Number(yearMatch[1]) : undefined;
  const range = /(\d{1,2})月?(?:[-－—–~～至到]+)(\d{1,2})月/.exec(s);
  if (range) {
    const from = Number(range[1]);
    const to = Number(range[2]);
    if (from >= 1 && to <= 12 && to >= from) return { months: to - from + 1, year };
  }
  if (s.includes("前三季度")) return { months: 9, year };
  if (/上半年|下半年/.test(s)) return { months: 6, year };
  const quarter = /第?([一二三四1-4])季度/.exec(s);
  if (quarter && QUARTERS[quarter[1]]) return { months: 3, year };
  if (/全年|年度/.test(s) || /^(?:19|20)\d{2}年?$/.test(s)) return { months: 12, year };
  const month = /(?:^|年)(\d{1,2})月(?:份)?$/.exec(s);
  if (month && Number(month[1]) >= 1 && Number(month[1]) <= 12) return { months: 1, year };
  return { year };
}

function nextNonEmpty(view: SheetView, row: number, col: number): { text: string; col: number } | null {
  for (let c = col + 1; c <= view.lastCol; c++) {
    const cell = view.get(row, c);
    if (!isBlank(cell)) return { text: cellText(cell).trim(), col: c };
  }
  return null;
}

export function readTitleBlock(view: SheetView, headerTop: number): TitleBlock {
  const block: TitleBlock = {};
  for (let r = view.firstRow; r < headerTop; r++) {
    for (let c = view.firstCol; c <= view.lastCol; c++) {
      const cell = view.get(r, c);
      if (cell.kind !== "text") continue;
      const text = cell.value;
      if (block.unit === undefined && UNIT_LABEL.test(text)) {
        // The next cell holds the unit unless it is the next label (填报单位： 统计期间：2025年).
        const next = nextNonEmpty(view, r, c)?.text ?? "";
        const unit = after(text, UNIT_LABEL) || (NEXT_LABEL.test(next) ? "" : next);
        if (unit) block.unit = unit;
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
          block.year = period.year;
        }
      }
    }
  }
  return block;
}
