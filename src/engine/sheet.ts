/**
 * Reading one sheet of any kind: header, title block, period, data rows, totals rows; with the
 * header rules, the layout rules (blank-row, extra-cell) and the cell rules of PRODUCT.md §3 and
 * LEDGERS.md §1. What differs between kinds comes from the kind (src/engine/kinds).
 */
import { address, type Cell } from "./grid";
import type { Column, Header } from "./header";
import { fieldAt, fieldPlan, isRequired, readRow, type DataRow } from "./rows";
import type { Finding } from "./report";
import type { FieldSpec, SheetKind } from "./kinds/kind";
import { schemeFor, LEVEL_SCHEMES, type Settings } from "./settings";
import { readTitleBlock, type TitleBlock } from "./title";
import { leadCode, parseNumberText, removeWhitespace } from "./text";
import { isNumeric, originalValue } from "./values";
import { SheetView, cellText, isBlank } from "./view";
import { makeFinding, type FindingInput } from "./findings";
import { periodDays, ymdOf } from "./dates";
import type { Locale } from "../i18n";

export interface TotalRow {
  row: number;
  /** 小计 sums the rows since the previous 小计; 合计/总计 every data row above. */
  subtotal: boolean;
}

/**
 * The period a sheet is about: calendar months `startMonth` … `startMonth + months - 1` of
 * `year` (LEDGERS.md §1). A 统计表 may have none of year: its counts are held against the months.
 */
export interface SheetPeriod {
  year?: number;
  startMonth: number;
  months: number;
}

/** The first and last day of a period, as serials; null when its year is unknown. */
export function daysOfPeriod(period: SheetPeriod): { start: number; end: number } | null {
  return period.year === undefined ? null : periodDays(period.year, period.startMonth, period.months);
}

export interface ParsedSheet {
  kind: SheetKind;
  sheet: string;
  /** The sheet as read, for rules that look at cells outside the data rows (totals). */
  view: SheetView;
  unit: string;
  /** Months in the period (PRODUCT.md §2). */
  months: number;
  period: SheetPeriod;
  title: TitleBlock;
  header: Header;
  rows: DataRow[];
  totals: TotalRow[];
  /** The level scheme of the sheet's level fields, low → high. */
  levels: readonly string[];
  findings: Finding[];
  /** The language of the findings' messages. */
  locale: Locale;
}

/** Words that begin a row of totals, or a footer below the table (after whitespace is taken out). */
const TOTAL = prefixes(["合计", "总计", "小计"]);
const FOOTER = prefixes(["注：", "注:", "说明：", "说明:", "填表人", "制表人", "审核人", "负责人", "单位负责人", "联系电话"]);
const STEM = /^(甲|乙|丙|丁|戊|己|庚|辛|壬|癸|栏次)$/;

function firstNonBlank(view: SheetView, row: number): { col: number; cell: Cell } | null {
  for (let c = view.firstCol; c <= view.lastCol; c++) {
    const cell = view.get(row, c);
    if (!isBlank(cell)) return { col: c, cell };
  }
  return null;
}

interface Prefixes {
  words: readonly string[];
  /** Their first characters: a cell starting otherwise is tested no further. */
  leads: ReadonlySet<number>;
}

function prefixes(words: readonly string[]): Prefixes {
  return { words, leads: new Set(words.map((word) => word.charCodeAt(0))) };
}

function startsWith(cell: Cell | undefined, { words, leads }: Prefixes): boolean {
  if (cell === undefined || cell.kind !== "text" || !leads.has(leadCode(cell.value))) return false;
  const text = removeWhitespace(cell.value);
  return words.some((word) => text.startsWith(word));
}

/** A 栏次 row: every filled cell is 甲/乙/丙… or a column number. */
function isColumnNumberRow(view: SheetView, row: number): boolean {
  let filled = 0;
  for (let c = view.firstCol; c <= view.lastCol; c++) {
    const cell = view.get(row, c);
    if (isBlank(cell)) continue;
    filled++;
    const text = removeWhitespace(cellText(cell));
    if (!STEM.test(text) && !/^\d{1,2}$/.test(text)) return false;
  }
  return filled >= 2;
}

type RowKind = "blank" | "data" | "total" | "subtotal" | "footer" | "section";

function classify(view: SheetView, header: Header, row: number): RowKind {
  const first = firstNonBlank(view, row);
  if (!first) return "blank";
  const branchCol = header.byKey.get("branch")?.col;
  const branchCell = branchCol !== undefined ? view.get(row, branchCol) : undefined;
  if (startsWith(branchCell, FOOTER) || startsWith(first.cell, FOOTER)) return "footer";
  for (const cell of [branchCell, first.cell]) {
    if (startsWith(cell, TOTAL)) return removeWhitespace((cell as { value: string }).value).startsWith("小计") ? "subtotal" : "total";
  }
  let filled = 0;
  for (let c = view.firstCol; c <= view.lastCol; c++) if (!isBlank(view.get(row, c))) filled++;
  const seqCol = header.byKey.get("seq")?.col;
  // Only a number in 序号 makes a blank row; text there (一、机关) is a section row.
  const seqOnly = filled === 1 && first.col === seqCol;
  if (seqOnly && !(first.cell.kind === "text" && parseNumberText(first.cell.value).kind === "none")) return "blank";
  if (filled === 1 && first.cell.kind === "text" && first.col <= header.firstCol) {
    // With the branch name in the first column, a lone name is a branch with nothing filled.
    const looksLikeBranch = first.col === branchCol && /支部|党/.test(first.cell.value);
    if (!looksLikeBranch) return "section";
  }
  return "data";
}

interface SheetContext {
  sheet: string;
  locale: Locale;
  kind: SheetKind;
  view: SheetView;
  header: Header;
  findings: Finding[];
}

function report(ctx: SheetContext, input: FindingInput): void {
  ctx.findings.push(makeFinding(ctx.sheet, input, ctx.locale, ctx.kind.fields));
}

function headerFindings(ctx: SheetContext, title: TitleBlock): void {
  const { header } = ctx;
  const seen = new Map<string, Column>();
  for (const column of header.columns) {
    const at = { row: column.labelRow, col: column.labelCol, value: column.label };
    if (!column.key) {
      report(ctx, { rule: "unknown-column", ...at });
      continue;
    }
    const first = seen.get(column.key);
    if (first) {
      report(ctx, {
        rule: "duplicate-header",
        field: column.key,
        ...at,
        params: { other: `${first.label}（${address(first.labelRow, first.labelCol)}）` },
      });
    } else {
      seen.set(column.key, column);
    }
  }
  for (const spec of ctx.kind.fields) {
    if (spec.required !== "yes" || header.byKey.has(spec.key)) continue;
    // A ledger of one branch may name it above the header instead (LEDGERS.md §1).
    if (spec.key === "branch" && ctx.kind.branchInTitle && title.branch) continue;
    report(ctx, missingColumn(header, spec));
  }
}

/** missing-column for a field: at the leftmost cell of the header's last row, naming its aliases. */
export function missingColumn(header: Header, spec: FieldSpec): FindingInput {
  return { rule: "missing-column", field: spec.key, row: header.bottom, col: header.firstCol, params: { aliases: spec.labels.join("、") } };
}

/** Cell rules (excel-error … date-as-text) and missing-value for one data row. */
function cellFindings(ctx: SheetContext, data: DataRow, settings: Settings): void {
  const { fields } = data;
  const { keys, cols, specs } = fields.plan;
  for (let i = 0; i < keys.length; i++) {
    const issues = fields.issuesAt(i);
    if (issues.length === 0) continue;
    const value = originalValue(fields.cellAt(i));
    for (const issue of issues) report(ctx, { ...issue, row: data.row, col: cols[i], field: keys[i], value });
  }
  for (let i = 0; i < keys.length; i++) {
    if (!fields.isBlankAt(i) || fields.coveredAt(i) || !isRequired(ctx.kind, data, keys[i], settings)) continue;
    report(ctx, { rule: "missing-value", variant: isNumeric(specs[i].type) ? "default" : "text", row: data.row, col: cols[i], field: keys[i] });
  }
}

/** Level cells outside the sheet's scheme are bad-option; the scheme is chosen from the values. */
function levelScheme(ctx: SheetContext, rows: DataRow[], settings: Settings): readonly string[] {
  const keys = ctx.kind.fields.filter((f) => f.type === "level").map((f) => f.key);
  const values: string[] = [];
  for (const data of rows) {
    for (const key of keys) {
      const v = data.fields.value(key);
      if (typeof v === "string") values.push(v);
    }
  }
  const scheme =
    settings.levels ??
    schemeFor(values) ??
    [...LEVEL_SCHEMES].sort((a, b) => values.filter((v) => b.includes(v)).length - values.filter((v) => a.includes(v)).length)[0];
  for (const data of rows) {
    for (const key of keys) {
      const v = data.fields.value(key);
      if (typeof v !== "string" || scheme.includes(v)) continue;
      report(ctx, { rule: "bad-option", variant: "list", ...fieldAt(data, key), params: { options: scheme.join("、") } });
      data.fields.invalidate(key);
    }
  }
  return scheme;
}

/** Data in a column with no label (blank-header), and values right of the table (extra-cell). */
function layoutFindings(ctx: SheetContext, row: number, unlabelled: Set<number>, reported: Set<number>): void {
  const { view, header } = ctx;
  // Most headers label every column: no iterator per row over an empty set.
  if (unlabelled.size > 0) {
    for (const col of unlabelled) {
      if (reported.has(col) || isBlank(view.get(row, col))) continue;
      reported.add(col);
      report(ctx, { rule: "blank-header", row: header.bottom, col });
    }
  }
  for (let col = header.lastCol + 1; col <= view.lastCol; col++) {
    const cell = view.get(row, col);
    if (isBlank(cell)) continue;
    report(ctx, { rule: "extra-cell", row, col, value: originalValue(cell) });
  }
}

/** The calendar year most of these dates are in (the earliest of equals), or undefined when there are none. */
function commonYear(serials: readonly number[]): number | undefined {
  const counts = new Map<number, number>();
  for (const serial of serials) {
    const { year } = ymdOf(serial);
    counts.set(year, (counts.get(year) ?? 0) + 1);
  }
  let best: number | undefined;
  for (const [year, count] of counts) {
    const bestCount = best === undefined ? 0 : (counts.get(best) ?? 0);
    if (count > bestCount || (count === bestCount && best !== undefined && year < best)) best = year;
  }
  return best;
}

/**
 * The period (LEDGERS.md §1): the title block's; else, for a ledger, the assessment year; else
 * the year most of its dates are in, said by period-unknown. A 统计表 without one counts 12 months
 * (PRODUCT.md §2).
 */
function resolvePeriod(ctx: SheetContext, title: TitleBlock, rows: DataRow[], settings: Settings): SheetPeriod {
  const dated = ctx.kind.periodField;
  const months = title.months ?? 12;
  const startMonth = title.startMonth ?? 1;
  const unknown = (variant: "default" | "unreadable" | "dates", params: Record<string, string | number> = {}) =>
    // PRODUCT.md §3: at A1, wherever the used range starts.
    report(ctx, { rule: "period-unknown", variant, row: 1, col: 1, params: { period: title.periodText ?? "", ...params } });
  if (dated === undefined) {
    if (title.months === undefined) unknown(title.periodText ? "unreadable" : "default");
    return { year: title.year ?? undefined, startMonth, months };
  }
  if (title.year !== undefined && title.months !== undefined) return { year: title.year, startMonth, months };
  if (settings.assessmentYear !== null) return { year: settings.assessmentYear, startMonth, months };
  const serials = rows.flatMap((row) => {
    const value = row.fields.value(dated);
    return typeof value === "number" ? [value] : [];
  });
  const year = title.year ?? commonYear(serials);
  if (year === undefined) {
    unknown(title.periodText ? "unreadable" : "default");
    return { startMonth, months };
  }
  if (title.year === undefined) unknown("dates", { year });
  return { year, startMonth, months };
}

export function parseSheet(view: SheetView, header: Header, kind: SheetKind, settings: Settings, locale: Locale): ParsedSheet {
  const grid = view.grid;
  const ctx: SheetContext = { sheet: grid.sheet, locale, kind, view, header, findings: [] };
  const title = readTitleBlock(view, header.top);
  const unit = title.unit ?? grid.sheet;
  headerFindings(ctx, title);

  const labelled = new Set(header.columns.map((c) => c.col));
  const unlabelled = new Set<number>();
  for (let c = header.firstCol; c <= header.lastCol; c++) if (!labelled.has(c)) unlabelled.add(c);
  const blankHeaderReported = new Set<number>();
  const plan = fieldPlan(header, kind);

  const rows: DataRow[] = [];
  const totals: TotalRow[] = [];
  let pendingBlanks: number[] = [];
  let first = true;
  for (let r = header.bottom + 1; r <= view.lastRow; r++) {
    const rowKind = classify(view, header, r);
    if (rowKind === "footer") break;
    if (rowKind === "blank") {
      if (rows.length > 0) pendingBlanks.push(r);
      continue;
    }
    const wasFirst = first;
    first = false;
    if (wasFirst && isColumnNumberRow(view, r)) continue;
    for (const blank of pendingBlanks) {
      report(ctx, { rule: "blank-row", row: blank, col: 1 });
    }
    pendingBlanks = [];
    if (rowKind === "section") continue;
    layoutFindings(ctx, r, unlabelled, blankHeaderReported);
    if (rowKind === "total" || rowKind === "subtotal") {
      totals.push({ row: r, subtotal: rowKind === "subtotal" });
      continue;
    }
    const data = readRow(view, plan, r, unit, title.branch ?? "");
    cellFindings(ctx, data, settings);
    rows.push(data);
  }
  const levels = levelScheme(ctx, rows, settings);
  const period = resolvePeriod(ctx, title, rows, settings);
  const parsed: ParsedSheet = {
    kind,
    sheet: grid.sheet,
    view,
    unit,
    months: period.months,
    period,
    title,
    header,
    rows,
    totals,
    levels,
    findings: ctx.findings,
    locale,
  };
  const context = { settings, locale };
  for (const rule of kind.sheetRules) for (const input of rule(parsed, context)) report(ctx, input);
  for (const data of rows) for (const rule of kind.rowRules) for (const input of rule(data, parsed, context)) report(ctx, input);
  return parsed;
}
