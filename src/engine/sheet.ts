/**
 * Reading one submission sheet: header, title block, data rows, totals rows; with the header
 * rules, the layout rules (blank-row, extra-cell) and the cell rules of PRODUCT.md §3.
 */
import { address, type Cell, type Grid } from "./grid";
import { findHeader, headerAt, type Column, type Header } from "./header";
import type { Finding } from "./report";
import { CONTENT_KEYS, FIELDS, FIELD_BY_KEY, isNumeric, type FieldKey } from "./schema";
import { committeeDue, schemeFor, LEVEL_SCHEMES, type Settings } from "./settings";
import { readTitleBlock, type TitleBlock } from "./title";
import { parseNumberText, removeWhitespace } from "./text";
import { readField, originalValue, type ReadValue } from "./values";
import { SheetView, cellText, isBlank } from "./view";
import { makeFinding, type FindingInput } from "./findings";
import { DEFAULT_LOCALE, type Locale } from "../i18n";

export interface FieldRead {
  key: FieldKey;
  row: number;
  col: number;
  /** The cell as it stands (a covered cell of a text merge shows its merged area's value). */
  cell: Cell;
  /** A covered cell of a merged area. */
  covered: boolean;
  read: ReadValue;
}

export interface DataRow {
  row: number;
  fields: Map<FieldKey, FieldRead>;
  branch: string;
  unit: string;
  code?: string;
}

export interface TotalRow {
  row: number;
  /** 小计 sums the rows since the previous 小计; 合计/总计 every data row above. */
  subtotal: boolean;
}

export interface ParsedSheet {
  sheet: string;
  /** The sheet as read, for rules that look at cells outside the data rows (totals). */
  view: SheetView;
  unit: string;
  months: number;
  title: TitleBlock;
  header: Header;
  rows: DataRow[];
  totals: TotalRow[];
  /** The level scheme of the sheet, low → high. */
  levels: readonly string[];
  findings: Finding[];
  /** The language of the findings' messages. */
  locale: Locale;
}

const TOTAL = /^(合计|总计|小计)/;
const FOOTER = /^(注[：:]|说明[：:]|填表人|制表人|审核人|负责人|单位负责人|联系电话)/;
const STEM = /^(甲|乙|丙|丁|戊|己|庚|辛|壬|癸|栏次)$/;

/** Is this header the header of a submission sheet (PRODUCT.md §2)? */
export function isSubmissionHeader(header: Header): boolean {
  if (!header.byKey.has("branch")) return false;
  let content = 0;
  for (const key of header.byKey.keys()) if (CONTENT_KEYS.has(key)) content++;
  return content >= 3;
}

export function findSubmissionHeader(view: SheetView): Header | null {
  return findHeader(view, isSubmissionHeader);
}

function firstNonBlank(view: SheetView, row: number): { col: number; cell: Cell } | null {
  for (let c = view.firstCol; c <= view.lastCol; c++) {
    const cell = view.get(row, c);
    if (!isBlank(cell)) return { col: c, cell };
  }
  return null;
}

function startsWith(cell: Cell | undefined, pattern: RegExp): boolean {
  return cell !== undefined && cell.kind === "text" && pattern.test(removeWhitespace(cell.value));
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
  view: SheetView;
  header: Header;
  findings: Finding[];
}

function report(ctx: SheetContext, input: FindingInput): void {
  ctx.findings.push(makeFinding(ctx.sheet, input, ctx.locale));
}

function headerFindings(ctx: SheetContext): void {
  const { header } = ctx;
  const seen = new Map<FieldKey, Column>();
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
  for (const spec of FIELDS) {
    if (spec.required === "yes" && !header.byKey.has(spec.key)) missingColumn(ctx, spec.key);
  }
}

function missingColumn(ctx: SheetContext, key: FieldKey): void {
  const spec = FIELD_BY_KEY.get(key);
  report(ctx, {
    rule: "missing-column",
    field: key,
    row: ctx.header.bottom,
    col: ctx.header.firstCol,
    params: { aliases: spec ? spec.labels.join("、") : key },
  });
}

function readRow(ctx: SheetContext, row: number, sheetUnit: string): DataRow {
  const { view, header } = ctx;
  const fields = new Map<FieldKey, FieldRead>();
  for (const [key, column] of header.byKey) {
    const spec = FIELD_BY_KEY.get(key);
    if (!spec) continue;
    const area = view.coveredBy(row, column.col);
    const covered = area !== undefined && area.top > header.bottom;
    let cell = view.get(row, column.col);
    let read: ReadValue;
    if (covered && isNumeric(spec.type)) {
      read = { value: null, blank: true, invalid: false, issues: [] };
    } else {
      if (covered) cell = view.shown(row, column.col);
      read = readField(cell, spec, column.unit);
    }
    fields.set(key, { key, row, col: column.col, cell, covered, read });
  }
  const text = (key: FieldKey): string | undefined => {
    const v = fields.get(key)?.read.value;
    return typeof v === "string" && v !== "" ? v : undefined;
  };
  return { row, fields, branch: text("branch") ?? "", unit: text("unit") ?? sheetUnit, code: text("code") };
}

/** Cell rules (excel-error … number-as-text) and missing-value for one data row. */
function cellFindings(ctx: SheetContext, data: DataRow, settings: Settings): void {
  for (const field of data.fields.values()) {
    for (const issue of field.read.issues) {
      report(ctx, {
        ...issue,
        row: field.row,
        col: field.col,
        field: field.key,
        value: originalValue(field.cell),
        fix: issue.fix,
        params: issue.params,
      });
    }
  }
  for (const field of data.fields.values()) {
    if (!field.read.blank || field.covered || !isRequired(data, field.key, settings)) continue;
    const numeric = isNumeric(FIELD_BY_KEY.get(field.key)?.type ?? "text");
    report(ctx, { rule: "missing-value", variant: numeric ? "default" : "text", row: field.row, col: field.col, field: field.key });
  }
}

/** Whether a field must be filled in this row; undefined when it cannot be known. */
export function isRequired(data: DataRow, key: FieldKey, settings: Settings): boolean {
  const spec = FIELD_BY_KEY.get(key);
  switch (spec?.required) {
    case "yes":
      return true;
    case "when-committee":
      return hasCommittee(data, settings) === true;
    case "when-groups":
      return groupCount(data) > 0;
    default:
      return false;
  }
}

export function hasCommittee(data: DataRow, settings: Settings): boolean | undefined {
  const field = data.fields.get("hasCommittee");
  const formal = data.fields.get("membersFormal")?.read.value;
  return committeeDue(field?.read.value, field?.read.invalid ?? false, typeof formal === "number" ? formal : undefined, settings);
}

export function groupCount(data: DataRow): number {
  const v = data.fields.get("groups")?.read.value;
  return typeof v === "number" ? v : 0;
}

/** Columns that rows need but the header lacks (支委会 when a row has a committee, …). */
function conditionalColumns(ctx: SheetContext, rows: DataRow[], settings: Settings): void {
  for (const spec of FIELDS) {
    if (spec.required === "yes" || spec.required === "no" || ctx.header.byKey.has(spec.key)) continue;
    const needed = rows.some((data) =>
      spec.required === "when-committee" ? hasCommittee(data, settings) === true : groupCount(data) > 0,
    );
    if (needed) missingColumn(ctx, spec.key);
  }
}

/** Level cells outside the sheet's scheme are bad-option; the scheme is chosen from the values. */
function levelScheme(ctx: SheetContext, rows: DataRow[], settings: Settings): readonly string[] {
  const values: string[] = [];
  for (const data of rows) {
    for (const key of ["levelPrev", "level"] as const) {
      const v = data.fields.get(key)?.read.value;
      if (typeof v === "string") values.push(v);
    }
  }
  const scheme =
    settings.levels ??
    schemeFor(values) ??
    [...LEVEL_SCHEMES].sort((a, b) => values.filter((v) => b.includes(v)).length - values.filter((v) => a.includes(v)).length)[0];
  for (const data of rows) {
    for (const key of ["levelPrev", "level"] as const) {
      const field = data.fields.get(key);
      if (!field || typeof field.read.value !== "string" || scheme.includes(field.read.value)) continue;
      report(ctx, {
        rule: "bad-option",
        variant: "level",
        row: field.row,
        col: field.col,
        field: key,
        value: originalValue(field.cell),
        params: { options: scheme.join("、") },
      });
      field.read = { value: null, blank: false, invalid: true, issues: [] };
    }
  }
  return scheme;
}

/** Data in a column with no label (blank-header), and values right of the table (extra-cell). */
function layoutFindings(ctx: SheetContext, row: number, unlabelled: Set<number>, reported: Set<number>): void {
  const { view, header } = ctx;
  for (const col of unlabelled) {
    if (reported.has(col) || isBlank(view.get(row, col))) continue;
    reported.add(col);
    report(ctx, { rule: "blank-header", row: header.bottom, col });
  }
  for (let col = header.lastCol + 1; col <= view.lastCol; col++) {
    const cell = view.get(row, col);
    if (isBlank(cell)) continue;
    report(ctx, { rule: "extra-cell", row, col, value: originalValue(cell) });
  }
}

export function parseSheet(view: SheetView, header: Header, settings: Settings, locale: Locale): ParsedSheet {
  const grid = view.grid;
  const ctx: SheetContext = { sheet: grid.sheet, locale, view, header, findings: [] };
  const title = readTitleBlock(view, header.top);
  const unit = title.unit ?? grid.sheet;
  const months = title.months ?? 12;
  if (title.months === undefined) {
    report(ctx, {
      rule: "period-unknown",
      variant: title.periodText ? "unreadable" : "default",
      // PRODUCT.md §3: at A1, wherever the used range starts.
      row: 1,
      col: 1,
      params: { period: title.periodText ?? "" },
    });
  }
  headerFindings(ctx);

  const labelled = new Set(header.columns.map((c) => c.col));
  const unlabelled = new Set<number>();
  for (let c = header.firstCol; c <= header.lastCol; c++) if (!labelled.has(c)) unlabelled.add(c);
  const blankHeaderReported = new Set<number>();

  const rows: DataRow[] = [];
  const totals: TotalRow[] = [];
  let pendingBlanks: number[] = [];
  let first = true;
  for (let r = header.bottom + 1; r <= view.lastRow; r++) {
    const kind = classify(view, header, r);
    if (kind === "footer") break;
    if (kind === "blank") {
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
    if (kind === "section") continue;
    layoutFindings(ctx, r, unlabelled, blankHeaderReported);
    if (kind === "total" || kind === "subtotal") {
      totals.push({ row: r, subtotal: kind === "subtotal" });
      continue;
    }
    const data = readRow(ctx, r, unit);
    cellFindings(ctx, data, settings);
    rows.push(data);
  }
  conditionalColumns(ctx, rows, settings);
  const levels = levelScheme(ctx, rows, settings);
  return { sheet: grid.sheet, view, unit, months, title, header, rows, totals, levels, findings: ctx.findings, locale };
}

/**
 * Rows read under a row of labels, as DJ.FLAGS receives them from Excel: the same header
 * matching and cell reading as a submission sheet, so a formula and the validator agree.
 */
export function rowsUnderLabels(labels: Cell[], rows: Cell[][]): { header: Header; rows: DataRow[] } {
  const grid: Grid = { sheet: "", origin: { row: 1, col: 1 }, cells: [labels, ...rows], merges: [] };
  const view = new SheetView(grid);
  const header = headerAt(view, 1);
  // Reading rows makes no finding, so the language does not matter here.
  const ctx: SheetContext = { sheet: "", locale: DEFAULT_LOCALE, view, header, findings: [] };
  return { header, rows: rows.map((_, i) => readRow(ctx, i + 2, "")) };
}
