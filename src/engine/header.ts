/** Finding the header under a title block and mapping its columns to keys (PRODUCT.md §2). */
import type { FieldKey } from "./schema";
import { FIELDS } from "./schema";
import { normaliseLabel, type Unit } from "./text";
import { SheetView, cellText, isBlank } from "./view";

export interface Column {
  col: number;
  /** Where the label stands (for a label merged over two header rows, its top-left cell). */
  labelRow: number;
  labelCol: number;
  /** The label as written (group and leaf joined for two-row headers). */
  label: string;
  key?: FieldKey;
  unit?: Unit;
}

export interface Header {
  top: number;
  bottom: number;
  /** Labelled columns, left to right. */
  columns: Column[];
  /** The first column of each key (later duplicates are reported, not used). */
  byKey: Map<FieldKey, Column>;
  firstCol: number;
  lastCol: number;
}

const ALIASES: ReadonlyMap<string, FieldKey> = new Map(
  FIELDS.flatMap((f) => f.labels.map((label) => [normaliseLabel(label).text, f.key] as const)),
);

/** How far down a header is looked for: title blocks are a few rows, never dozens. */
const HEADER_SEARCH_ROWS = 40;

function match(text: string): { key?: FieldKey; unit?: Unit } {
  const n = normaliseLabel(text);
  return { key: ALIASES.get(n.text), unit: n.unit };
}

function singleRow(view: SheetView, row: number): Column[] {
  const columns: Column[] = [];
  for (let c = view.firstCol; c <= view.lastCol; c++) {
    if (view.coveredBy(row, c)) continue;
    const cell = view.get(row, c);
    if (isBlank(cell)) continue;
    const label = cellText(cell).trim();
    columns.push({ col: c, labelRow: row, labelCol: c, label, ...match(label) });
  }
  return columns;
}

/** Two header rows: a group label (possibly merged across) over leaf labels. */
function twoRows(view: SheetView, row: number): Column[] {
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
      columns.push({ col: c, labelRow: topRow, labelCol: topCol, label: top, ...match(top) });
      continue;
    }
    const leaf = cellText(bottomCell).trim();
    let found = match(leaf);
    if (!found.key && top) {
      const group = normaliseLabel(top);
      const joined = match(group.text + normaliseLabel(leaf).text);
      found = { key: joined.key, unit: found.unit ?? group.unit };
    } else if (!found.unit && top) {
      found = { key: found.key, unit: normaliseLabel(top).unit };
    }
    const label = top ? `${top}/${leaf}` : leaf;
    columns.push({ col: c, labelRow: row + 1, labelCol: c, label, ...found });
  }
  return columns;
}

function build(top: number, bottom: number, columns: Column[]): Header {
  const byKey = new Map<FieldKey, Column>();
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
 * The header row(s) mapping the most keys among every one-row and two-row candidate near the
 * top, or null when no candidate is acceptable.
 */
export function findHeader(view: SheetView, accept: (header: Header) => boolean): Header | null {
  let best: Header | null = null;
  const lastCandidate = Math.min(view.lastRow, view.firstRow + HEADER_SEARCH_ROWS - 1);
  for (let row = view.firstRow; row <= lastCandidate; row++) {
    if (view.isRowBlank(row)) continue;
    const candidates = [build(row, row, singleRow(view, row))];
    if (row < view.lastRow) candidates.push(build(row, row + 1, twoRows(view, row)));
    for (const header of candidates) {
      if (accept(header) && (!best || better(header, best))) best = header;
    }
  }
  return best;
}

/** A one-row header at `row`, whatever it maps: for labels handed over by a formula. */
export function headerAt(view: SheetView, row: number): Header {
  return build(row, row, singleRow(view, row));
}
