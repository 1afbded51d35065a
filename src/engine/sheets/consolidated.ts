/**
 * 汇总: every data row of every submission sheet in the columns of PRODUCT.md §2 plus 来源,
 * the data source of 预警 and 评分. What was read validly is written normalised (money in 元,
 * 是/否); what was not is written as the department wrote it, so nothing typed is lost.
 */
import type { CellValue } from "../report";
import { FIELDS, FIELD_BY_KEY } from "../kinds/submission/fields";
import type { ParsedSheet } from "../sheet";
import type { DataRow, FieldRead } from "../rows";
import { originalValue } from "../values";
import { submissionSheets } from "../kinds/submission";
import type { Locale } from "../../i18n";
import { sheetsText } from "../../i18n/sheets";
import type { OutCell, SheetSpec } from "./spec";

export const CONSOLIDATED_TABLE = "DJ_Consolidated";

export function yesNoWord(value: boolean): string {
  return value ? "是" : "否";
}

/** A cell of the consolidated table for one field of one row. */
export function consolidatedValue(field: FieldRead | undefined): OutCell {
  if (!field || field.read.blank) return null;
  const { read, cell } = field;
  if (read.invalid || read.value === null) return original(originalValue(cell));
  // A veto is read as "is there one"; the text says what it was, which the office needs to see.
  if (FIELD_BY_KEY.get(field.key)?.type === "veto") return trimmed(originalValue(cell));
  if (typeof read.value === "boolean") return yesNoWord(read.value);
  return read.value;
}

function original(value: CellValue | undefined): OutCell {
  return value === undefined ? null : value;
}

function trimmed(value: CellValue | undefined): OutCell {
  return typeof value === "string" ? value.trim() : original(value);
}

function rowCells(sheet: ParsedSheet, data: DataRow): OutCell[] {
  return [...FIELDS.map((spec) => consolidatedValue(data.fields.get(spec.key))), sheet.sheet];
}

export function consolidatedSheet(parsed: readonly ParsedSheet[], locale: Locale): SheetSpec {
  const t = sheetsText(locale);
  const columns = [...FIELDS.map((spec) => spec.labels[0]), t("consolidated.col.source")];
  return {
    role: "consolidated",
    name: t("sheet.consolidated"),
    tables: [
      {
        name: CONSOLIDATED_TABLE,
        row: 0,
        col: 0,
        columns,
        rows: submissionSheets(parsed).flatMap((sheet) => sheet.rows.map((data) => rowCells(sheet, data))),
      },
    ],
    widths: columns.map((label) => Math.max(8, label.length * 2 + 2)),
    freezeRows: 1,
  };
}
