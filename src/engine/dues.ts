/**
 * The monthly 党费 a member owes (LEDGERS.md §3; 《关于中国共产党党费收缴、使用和管理的规定》
 * 第二、五、六条): the whole base at one rate, each upper bound in the lower bracket. What the
 * dues ledger checks a 月缴纳额 against and what DJ.DUES returns; no words, so functions.js can
 * carry it.
 */
import { normaliseName } from "./text";

/** 人员类别 as the ledger's drop-down offers them; blank is 在职. */
export type DuesCategory = "在职" | "离退休" | "学生" | "农民" | "低保" | "其他";

export const DUES_CATEGORIES: readonly { value: DuesCategory; aliases: readonly string[] }[] = [
  { value: "在职", aliases: ["在职党员", "在岗", "职工", "干部"] },
  { value: "离退休", aliases: ["离休", "退休", "离退休党员", "离休干部", "退休干部", "退休职工"] },
  { value: "学生", aliases: ["学生党员", "在校学生"] },
  { value: "农民", aliases: ["农民党员", "农村党员"] },
  { value: "低保", aliases: ["下岗", "失业", "困难", "下岗失业", "生活困难", "享受低保", "低保户"] },
  { value: "其他", aliases: [] },
];

/** The category a cell names (its word or an alias, compared as names are; blank = 在职), else null. */
export function duesCategory(text: string): DuesCategory | null {
  const wanted = normaliseName(text);
  if (wanted === "") return "在职";
  const found = DUES_CATEGORIES.find((c) => normaliseName(c.value) === wanted || c.aliases.some((a) => normaliseName(a) === wanted));
  return found?.value ?? null;
}

/** A bracket: bases up to `upTo` (inclusive) pay `rate` of the whole base. */
interface Bracket {
  upTo: number;
  rate: number;
}

/** 第五条: 在职 (and 其他, paid like 在职). */
const WORKING: readonly Bracket[] = [
  { upTo: 3000, rate: 0.005 },
  { upTo: 5000, rate: 0.01 },
  { upTo: 10000, rate: 0.015 },
  { upTo: Infinity, rate: 0.02 },
];

/** 第六条: 离退休. */
const RETIRED: readonly Bracket[] = [
  { upTo: 5000, rate: 0.005 },
  { upTo: Infinity, rate: 0.01 },
];

/** 第六条: 学生, 低保 (下岗失业, 困难) pay a fixed 0.20 元; 农民 0.20 to 1.00 元. */
export const FIXED_DUE = 0.2;
export const FARMER_MAX = 1;

/** The amount owed, or for 农民 the least of the range (FIXED_DUE…FARMER_MAX). */
export interface BracketDue {
  amount: number;
  /** The most that is still right (农民 only). */
  upTo?: number;
}

/** `value` rounded half up to `unit` 元 (0.01, 0.1 or 1), exact for amounts in 分. */
export function roundDues(value: number, unit: number): number {
  // To a millionth of a step first, so that no binary residue (4321.5 × 1% = 43.21499…) decides a half.
  const steps = Math.round((value / unit) * 1e6) / 1e6;
  return Math.round(Math.floor(steps + 0.5) * unit * 100) / 100;
}

/** The rate a base pays in its category's brackets. */
function rateOf(brackets: readonly Bracket[], base: number): number {
  return (brackets.find((b) => base <= b.upTo) ?? brackets[brackets.length - 1]).rate;
}

/** The monthly due of a member of `category` with monthly `base` 元, rounded to `rounding` 元. */
export function bracketDue(base: number, category: DuesCategory, rounding: number): BracketDue {
  switch (category) {
    case "学生":
    case "低保":
      return { amount: FIXED_DUE };
    case "农民":
      return { amount: FIXED_DUE, upTo: FARMER_MAX };
    case "离退休":
      return { amount: roundDues(base * rateOf(RETIRED, base), rounding) };
    default:
      return { amount: roundDues(base * rateOf(WORKING, base), rounding) };
  }
}

/** Half a 分: two amounts of 党费 closer than this are the same. */
export const DUES_TOLERANCE = 0.005;

/** Whether `amount` is the bracket's (within half a 分, or within 农民's range). */
export function matchesBracket(amount: number, due: BracketDue): boolean {
  return amount >= due.amount - DUES_TOLERANCE && amount <= (due.upTo ?? due.amount) + DUES_TOLERANCE;
}
