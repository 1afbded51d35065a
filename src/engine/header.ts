/**
 * Finding the header under a title block and mapping its columns to a kind's keys (PRODUCT.md §2,
 * LEDGERS.md §1).
 */
import type { FieldSpec } from "./kinds/kind";
import { normaliseLabel, type Unit } from "./text";
import { isNumeric } from "./values";
import { SheetView, cellText, isBlank } from "./view";
import { getOrAdd } from "./maps";

export interface Column {
  col: number;
  /** Where the label stands (for a label merged over two header rows, its top-left cell). */
  labelRow: number;
  labelCol: number;
  /** The label as written (group and leaf joined for two-row headers). */
  label: string;
  key?: string;
  unit?: Unit;
}

export interface Header {
  top: number;
  bottom: number;
  /** Labelled columns, left to right. */
  columns: Column[];
  /** The first column of each key (later duplicates are reported, not used). */
  byKey: Map<string, Column>;
  firstCol: number;
  lastCol: number;
}

/** How far down a header is looked for: title blocks are a few rows, never dozens. */
const HEADER_SEARCH_ROWS = 40;

const PREFIXES = ["所在", "所属"];
/** Longer before shorter where one ends another (人数 before 数), so the longer is taken off. */
const SUFFIXES = ["名称", "姓名", "时间", "日期", "人数", "数"];

/**
 * A label without a leading 所在/所属 and a trailing 名称/姓名/时间/日期/人数/数 (LEDGERS.md §1),
 * or null when fewer than two characters would remain or nothing was taken off.
 */
function stripped(text: string): string | null {
  const prefix = PREFIXES.find((word) => text.startsWith(word));
  const afterPrefix = prefix ? text.slice(prefix.length) : text;
  const suffix = SUFFIXES.find((word) => afterPrefix.endsWith(word));
  const bare = suffix ? afterPrefix.slice(0, afterPrefix.length - suffix.length) : afterPrefix;
  return bare !== text && bare.length >= 2 ? bare : null;
}

/**
 * A note in brackets at the end of a label (确定发展对象时间（党委备案时间）), which real forms add.
 * Only for fields that are not numbers: there a bracket holds a unit (千元), which must not be lost.
 */
const NOTE = /\([^()]*\)$/;

/**
 * A kind's labels: an exact alias first; then the label and the aliases without their 所在/所属 and
 * 名称/时间… (a stripped form two keys share matches neither: 会议名称 and 会议时间 both give 会议);
 * then a field's pattern; then the same without a bracketed note at the end.
 */
class LabelMatcher {
  private readonly exact = new Map<string, string>();
  /** Keys whose labels may carry a note in brackets. */
  private readonly noted = new Set<string>();
  /** Stripped alias → its key, or null when aliases of two keys strip to it. */
  private readonly loose = new Map<string, string | null>();
  private readonly patterns: { key: string; pattern: RegExp }[] = [];

  constructor(fields: readonly FieldSpec[]) {
    for (const field of fields) {
      for (const label of field.labels) this.exact.set(normaliseLabel(label).text, field.key);
      if (!isNumeric(field.type)) this.noted.add(field.key);
      if (field.pattern) this.patterns.push({ key: field.key, pattern: field.pattern });
    }
    for (const field of fields) {
      for (const label of field.labels) {
        const text = normaliseLabel(label).text;
        const bare = stripped(text) ?? text;
        const known = this.loose.get(bare);
        this.loose.set(bare, known === undefined || known === field.key ? field.key : null);
      }
    }
  }

  private keyOf(text: string): string | undefined {
    const exact = this.exact.get(text);
    if (exact) return exact;
    return this.loose.get(stripped(text) ?? text) ?? this.patterns.find((p) => p.pattern.test(text))?.key;
  }

  /**
   * Labels matched so far. A header is looked for in the first 40 rows, as one row and as two,
   * for every kind: the same texts (序号, 党支部名称, the data below) come back many times a sheet
   * and in every file of a batch. Emptied when full, so it stays small.
   */
  private readonly matched = new Map<string, { key?: string; unit?: Unit }>();

  match(label: string): { key?: string; unit?: Unit } {
    let found = this.matched.get(label);
    if (!found) {
      const n = labelOf(label);
      found = { key: this.keyOf(n.text) ?? this.withoutNote(n.text), unit: n.unit };
      remember(this.matched, label, found);
    }
    return found;
  }

  private withoutNote(text: string): string | undefined {
    if (!text.endsWith(")") || !NOTE.test(text)) return undefined;
    const key = this.keyOf(text.replace(NOTE, ""));
    return key !== undefined && this.noted.has(key) ? key : undefined;
  }
}

/** Labels a matcher (and labelOf) remembers: a batch's headers and first rows many times over. */
const MATCHED_LABELS = 4096;

function remember<V>(memory: Map<string, V>, label: string, value: V): void {
  if (memory.size >= MATCHED_LABELS) memory.clear();
  memory.set(label, value);
}

const normalised = new Map<string, { text: string; unit?: Unit }>();

/** normaliseLabel, remembered: every kind reads the same candidate rows. */
function labelOf(label: string): { text: string; unit?: Unit } {
  let n = normalised.get(label);
  if (!n) remember(normalised, label, (n = normaliseLabel(label)));
  return n;
}

const matchers = new WeakMap<readonly FieldSpec[], LabelMatcher>();

function matcherOf(fields: readonly FieldSpec[]): LabelMatcher {
  return getOrAdd(matchers, fields, () => new LabelMatcher(fields));
}

function singleRow(view: SheetView, row: number, matcher: LabelMatcher): Column[] {
  const columns: Column[] = [];
  for (let c = view.firstCol; c <= view.lastCol; c++) {
    if (view.coveredBy(row, c)) continue;
    const cell = view.get(row, c);
    if (isBlank(cell)) continue;
    const label = cellText(cell).trim();
    const found = matcher.match(label);
    columns.push({ col: c, labelRow: row, labelCol: c, label, key: found.key, unit: found.unit });
  }
  return columns;
}

/** Two header rows: a group label (possibly merged across) over leaf labels. */
function twoRows(view: SheetView, row: number, matcher: LabelMatcher): Column[] {
  const columns: Column[] = [];
  for (let c = view.firstCol; c <= view.lastCol; c++) {
    const topArea = view.coveredBy(row, c);
    if (topArea && topArea.top < row) continue;
    const topRow = topArea ? topArea.top : row;
    const topCol = topArea ? topArea.left : c;
    const top = cellText(view.get(topRow, topCol)).trim();
    const bottomArea = view.coveredBy(row + 1, c);
    const spansBoth = bottomArea !== undefined && bottomArea.top === row && bottomArea.left === c;
    const bottomCell = view.get(row + 1, c);
    if (spansBoth || isBlank(bottomCell) || (bottomArea && bottomArea.top === row + 1)) {
      if (bottomArea && bottomArea.top === row + 1) continue;
      if (!top || (topArea && !spansBoth)) continue;
      const found = matcher.match(top);
      columns.push({ col: c, labelRow: topRow, labelCol: topCol, label: top, key: found.key, unit: found.unit });
      continue;
    }
    const leaf = cellText(bottomCell).trim();
    let found = matcher.match(leaf);
    if (!found.key && top) {
      const group = labelOf(top);
      const joined = matcher.match(group.text + labelOf(leaf).text);
      found = { key: joined.key, unit: found.unit ?? group.unit };
    } else if (!found.unit && top) {
      found = { key: found.key, unit: labelOf(top).unit };
    }
    const label = top ? `${top}/${leaf}` : leaf;
    columns.push({ col: c, labelRow: row + 1, labelCol: c, label, key: found.key, unit: found.unit });
  }
  return columns;
}

function build(top: number, bottom: number, columns: Column[]): Header {
  const byKey = new Map<string, Column>();
  for (const column of columns) if (column.key && !byKey.has(column.key)) byKey.set(column.key, column);
  return {
    top,
    bottom,
    columns,
    byKey,
    firstCol: columns[0]?.col ?? 0,
    lastCol: columns[columns.length - 1]?.col ?? 0,
  };
}

/**
 * More keys win. On a tie, of two readings ending on the same row the shorter wins: the line
 * above a one-row header (填报单位…) is no group label; otherwise the earlier wins.
 */
function better(candidate: Header, best: Header): boolean {
  if (candidate.byKey.size !== best.byKey.size) return candidate.byKey.size > best.byKey.size;
  return candidate.bottom === best.bottom && candidate.top > best.top;
}

/**
 * The header row(s) mapping the most of these fields' keys among every one-row and two-row
 * candidate near the top, or null when no candidate is acceptable.
 */
export function findHeader(view: SheetView, fields: readonly FieldSpec[], accept: (header: Header) => boolean): Header | null {
  const matcher = matcherOf(fields);
  let best: Header | null = null;
  const lastCandidate = Math.min(view.lastRow, view.firstRow + HEADER_SEARCH_ROWS - 1);
  for (let row = view.firstRow; row <= lastCandidate; row++) {
    if (view.isRowBlank(row)) continue;
    const candidates = [build(row, row, singleRow(view, row, matcher))];
    if (row < view.lastRow) candidates.push(build(row, row + 1, twoRows(view, row, matcher)));
    for (const header of candidates) {
      if (accept(header) && (!best || better(header, best))) best = header;
    }
  }
  return best;
}

/** A one-row header at `row`, whatever it maps: for labels handed over by a formula. */
export function headerAt(view: SheetView, row: number, fields: readonly FieldSpec[]): Header {
  return build(row, row, singleRow(view, row, matcherOf(fields)));
}
