/** Text normalisation shared by header matching, value reading and branch identity. */

/** Full-width ASCII (U+FF01–U+FF5E) and the ideographic space to their half-width forms. */
const FULL_WIDTH = /[\uFF01-\uFF5E\u3000]/;

export function toHalfWidth(text: string): string {
  // Most cells have nothing to convert; testing first spares a replace per cell.
  if (!FULL_WIDTH.test(text)) return text;
  return text.replace(/[\uFF01-\uFF5E\u3000]/g, (ch) =>
    ch === "\u3000" ? " " : String.fromCharCode(ch.charCodeAt(0) - 0xfee0),
  );
}

/** Every kind of whitespace, including line breaks, U+3000 and no-break spaces. */
const WHITESPACE = /[\s\u3000\u00a0\u200b\ufeff]+/g;

const HAS_WHITESPACE = /[\s\u3000\u00a0\u200b\ufeff]/;

export function removeWhitespace(text: string): string {
  return HAS_WHITESPACE.test(text) ? text.replace(WHITESPACE, "") : text;
}

/**
 * Whether a character code is one WHITESPACE matches: JavaScript's \s (its line terminators and
 * Unicode's space separators) and U+200B, compared as numbers (a CJK character is no space).
 */
export function isSpaceCode(code: number): boolean {
  if (code < 0xa0) return code === 0x20 || (code >= 0x09 && code <= 0x0d);
  return (
    code === 0xa0 ||
    code === 0x1680 ||
    (code >= 0x2000 && code <= 0x200b) ||
    code === 0x2028 ||
    code === 0x2029 ||
    code === 0x202f ||
    code === 0x205f ||
    code === 0x3000 ||
    code === 0xfeff
  );
}

/** The code of a text's first character that is not whitespace, else NaN. */
export function leadCode(text: string): number {
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (!isSpaceCode(code)) return code;
  }
  return NaN;
}

export function isBlankText(text: string): boolean {
  // Most cells hold something from their first character: no regex, no copy.
  return Number.isNaN(leadCode(text));
}

/** What normaliseName changes: whitespace, full-width forms, anything lower-casing changes (A, Ⅰ, Ä). */
const NOT_NORMAL = /[\s\u3000\u00a0\u200b\ufeff\uFF01-\uFF5E]|\p{Changes_When_Lowercased}/u;

/**
 * Whether normaliseName changes a text: NOT_NORMAL's test, with ASCII and CJK characters (most of
 * any sheet) decided by their codes, and the Unicode-property regex run only for anything else.
 */
export function needsNormalising(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x80) {
      if ((code >= 0x41 && code <= 0x5a) || isSpaceCode(code)) return true;
    } else if (!((code >= 0x4e00 && code <= 0x9fff) || (code > 0x3000 && code <= 0x303f))) {
      return NOT_NORMAL.test(text);
    }
  }
  return false;
}

/** The form names and codes are compared in: no whitespace, half-width, lower case. */
export function normaliseName(text: string): string {
  // Most names are in that form already: one test spares three passes and a copy per comparison.
  if (!needsNormalising(text)) return text;
  return removeWhitespace(toHalfWidth(text)).toLowerCase();
}

export const UNITS = ["万元", "元", "次", "人", "个", "名", "分"] as const;
export type Unit = (typeof UNITS)[number];

function isUnit(text: string): text is Unit {
  return (UNITS as readonly string[]).includes(text);
}

function stripStars(text: string): string {
  // A label read from every candidate row of every file: most have no star to take off.
  if (!text.startsWith("*") && !text.endsWith("*")) return text;
  return text.replace(/^\*+|\*+$/g, "");
}

/** A header label normalised per PRODUCT.md §2, with the unit in trailing brackets taken off. */
export function normaliseLabel(text: string): { text: string; unit?: Unit } {
  let s = stripStars(normaliseName(text));
  const bracket = s.endsWith(")") || s.endsWith("]") ? /[(\[]([^()[\]]*)[)\]]$/.exec(s) : null;
  if (bracket && isUnit(bracket[1])) {
    return { text: stripStars(s.slice(0, bracket.index)), unit: bracket[1] };
  }
  s = stripStars(s);
  return { text: s };
}

const DIGITS: Record<string, number> = {
  零: 0, 〇: 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9,
};
const MULTIPLIERS: Record<string, number> = { 十: 10, 百: 100, 千: 1000 };

/** A simple Chinese numeral (四, 十二, 二十三, 一百零五) as a number, else null. */
export function chineseNumeral(text: string): number | null {
  if (!/^[零〇一二两三四五六七八九十百千]+$/.test(text)) return null;
  let total = 0;
  let digit: number | null = null;
  for (const ch of text) {
    if (ch in DIGITS) {
      digit = DIGITS[ch];
    } else {
      total += (digit ?? 1) * MULTIPLIERS[ch];
      digit = null;
    }
  }
  return total + (digit ?? 0);
}

/** Placeholders that stand for "none" in number cells (PRODUCT.md §2). */
const PLACEHOLDERS = new Set(["无", "—", "——", "-", "--", "/", "－"]);

export type NumberText =
  | { kind: "number"; value: number; unit?: Unit }
  | { kind: "placeholder" }
  | { kind: "chinese"; value: number }
  | { kind: "none" };

/** Reads text that should be a number: "１２", " 12 ", "12次", "1,200", "无". */
export function parseNumberText(text: string): NumberText {
  const s = removeWhitespace(toHalfWidth(text));
  if (PLACEHOLDERS.has(s)) return { kind: "placeholder" };
  const unitMatch = /(万元|元|次|人|个|名|分)$/.exec(s);
  const unit = unitMatch ? (unitMatch[1] as Unit) : undefined;
  let body = unitMatch ? s.slice(0, unitMatch.index) : s;
  if (/^[+-]?\d{1,3}(,\d{3})+(\.\d+)?$/.test(body)) body = body.replace(/,/g, "");
  // Digits beyond the range of a double are no number a sheet can hold (Number gives Infinity).
  if (/^[+-]?(\d+(\.\d*)?|\.\d+)$/.test(body) && Number.isFinite(Number(body))) return { kind: "number", value: Number(body), unit };
  const chinese = chineseNumeral(body);
  if (chinese !== null) return { kind: "chinese", value: chinese };
  return { kind: "none" };
}

/** A number as messages show it: at most 6 decimals, no trailing zeros. */
export function formatNumber(value: number): string {
  // Rounding a huge value overflows to Infinity; such a value has no decimals to round anyway.
  const rounded = Math.round(value * 1e6) / 1e6;
  return String(Number.isFinite(rounded) ? rounded : value);
}

/** Money as written in reports: to `places` decimals (分 by default), grouped by thousands with a space, "4 600". */
export function formatMoney(value: number, places = 2): string {
  const scale = 10 ** places;
  const rounded = Math.round(value * scale) / scale;
  const [whole, fraction] = formatNumber(Number.isFinite(rounded) ? rounded : value).split(".");
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, " ");
  return fraction ? `${grouped}.${fraction}` : grouped;
}
