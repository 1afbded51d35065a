/**
 * 汇总: every data row of every submission sheet in the columns of PRODUCT.md §2 plus 来源,
 * the data source of 预警 and 评分; below it, a table per ledger kind validated with them (every
 * department's meetings, dues, development rows), in the kind's columns but its personal ones
 * (LEDGERS.md §8). What was read validly is written normalised (money in 元, 是/否, dates as
 * dates); what was not is written as the department wrote it, so nothing typed is lost.
 */
import type { CellValue } from "../report";
import { KINDS, kindName } from "../kinds";
import type { FieldSpec, SheetKind } from "../kinds/kind";
import type { ParsedSheet } from "../sheet";
import type { FieldRead } from "../rows";
import { originalValue } from "../values";
import type { Locale } from "../../i18n";
import { sheetsText } from "../../i18n/sheets";
import type { OutCell, SheetSpec } from "./spec";

export const CONSOLIDATED_TABLE = "DJ_Consolidated";

/** How a date is shown in our tables. */
const DATE_FORMAT = "yyyy-mm-dd";

export function yesNoWord(value: boolean): string {
  return value ? "是" : "否";
}

/** A cell of the consolidated table for one field (`spec`) of one row. */
export function consolidatedValue(field: FieldRead | undefined, spec: FieldSpec | undefined): OutCell {
  if (!field || field.read.blank) return null;
  const { read, cell } = field;
  if (read.invalid || read.value === null) return original(originalValue(cell));
  // A veto is read as "is there one"; the text says what it was, which the office needs to see.
  if (spec?.type === "veto") return trimmed(originalValue(cell));
  if (typeof read.value === "boolean") return yesNoWord(read.value);
  return read.value;
}

function original(value: CellValue | undefined): OutCell {
  return value === undefined ? null : value;
}

function trimmed(value: CellValue | undefined): OutCell {
  return typeof value === "string" ? value.trim() : original(value);
}

/** The columns a kind's table has: its fields but the personal ones. */
function columnsOf(kind: SheetKind): readonly FieldSpec[] {
  return kind.fields.filter((spec) => !spec.personal);
}

function tableOf(kind: SheetKind, sheets: readonly ParsedSheet[], name: string, row: number, locale: Locale) {
  const fields = columnsOf(kind);
  return {
    name,
    row,
    col: 0,
    columns: [...fields.map((spec) => spec.labels[0]), sheetsText(locale)("consolidated.col.source")],
    rows: sheets.flatMap((sheet) => sheet.rows.map((data) => [...fields.map((spec) => consolidatedValue(data.fields.get(spec.key), spec)), sheet.sheet])),
    formats: [...fields.map((spec) => (spec.type === "date" ? DATE_FORMAT : undefined)), undefined],
  };
}

/** The table name of a ledger kind's rows: DJ_Consolidated_Meetings… */
function ledgerTableName(kind: SheetKind): string {
  return `${CONSOLIDATED_TABLE}_${kind.id.charAt(0).toUpperCase()}${kind.id.slice(1)}`;
}

export function consolidatedSheet(parsed: readonly ParsedSheet[], locale: Locale): SheetSpec {
  const t = sheetsText(locale);
  const [submission, ...ledgers] = KINDS;
  const main = tableOf(submission, parsed.filter((p) => p.kind === submission), CONSOLIDATED_TABLE, 0, locale);
  const tables = [main];
  const cells: NonNullable<SheetSpec["cells"]> = [];
  // Each ledger's table under the one before, after an empty row and its title.
  let next = main.rows.length + 3;
  for (const kind of ledgers) {
    const sheets = parsed.filter((p) => p.kind === kind);
    if (sheets.every((sheet) => sheet.rows.length === 0)) continue;
    const table = tableOf(kind, sheets, ledgerTableName(kind), next + 1, locale);
    cells.push({ row: next, col: 0, value: t("consolidated.ledgerTitle", { kind: kindName(kind.id, locale), rows: table.rows.length }), bold: true });
    tables.push(table);
    next = table.row + table.rows.length + 3;
  }
  const widest = tables.reduce((a, b) => (b.columns.length > a.columns.length ? b : a));
  return {
    role: "consolidated",
    name: t("sheet.consolidated"),
    ...(cells.length > 0 ? { cells } : {}),
    tables,
    widths: widest.columns.map((_, i) => Math.max(8, ...tables.map((table) => (table.columns[i]?.length ?? 0) * 2 + 2))),
    freezeRows: 1,
  };
}
