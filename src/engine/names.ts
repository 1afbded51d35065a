/**
 * A list of names as forms write it (LEDGERS.md §2): separated by 、，,；; or spaces, each name
 * with an optional reason in brackets — 张三（出差）、李四. A separator inside brackets is part of
 * the reason.
 */
import { normaliseName } from "./text";

export interface ListedName {
  /** The name as written. */
  name: string;
  /** The reason in brackets; undefined when none is given (empty brackets give none). */
  reason?: string;
}

const SEPARATOR = /[、，,；;\s\u3000]/;
const OPEN = "（(【[";
const CLOSE = "）)】]";
const WITH_REASON = /^(.*?)[（(【[](.*)[）)】\]]$/s;

export function parseNames(text: string): ListedName[] {
  // Separators and brackets are all in the BMP: an index walk cuts pieces without splitting a pair.
  const pieces: string[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (OPEN.includes(ch)) depth++;
    else if (CLOSE.includes(ch)) depth = Math.max(0, depth - 1);
    else if (depth === 0 && SEPARATOR.test(ch)) {
      pieces.push(text.slice(start, i));
      start = i + 1;
    }
  }
  pieces.push(text.slice(start));
  const names: ListedName[] = [];
  for (const piece of pieces) {
    const trimmed = piece.trim();
    if (trimmed === "") continue;
    const parts = WITH_REASON.exec(trimmed);
    const name = (parts ? parts[1] : trimmed).trim();
    const reason = parts?.[2].trim();
    if (name === "") continue;
    names.push(reason ? { name, reason } : { name });
  }
  return names;
}

/** The form names are compared in (张 三 and 张三 are one person). */
export function personKey(name: string): string {
  return normaliseName(name);
}
