/** The standard submission sheet, 统计表 (PRODUCT.md §2–4): a branch a row, its reported counts. */
import type { Header } from "../../header";
import type { ParsedSheet } from "../../sheet";
import { isRequired, type DataRow } from "../../rows";
import type { SheetKind, SheetFlag } from "../kind";
import { conditionalColumns, duplicateFindings, inconsistentRow, periodYear } from "./checks";
import { requiredWhen } from "./committee";
import { CONTENT_KEYS, FIELDS, type FieldKey } from "./fields";
import { flagsOfRow } from "./flags";

/** A header with 党支部名称 and at least three of the figures (PRODUCT.md §2). */
function accepts(header: Header): boolean {
  if (!header.byKey.has("branch")) return false;
  let content = 0;
  for (const key of header.byKey.keys()) if (CONTENT_KEYS.has(key)) content++;
  return content >= 3;
}

export const submissionKind = {
  id: "submission",
  fields: FIELDS,
  accepts,
  requiredWhen,
  rowRules: [inconsistentRow],
  sheetRules: [conditionalColumns, periodYear],
  gather({ sheets, settings, locale }) {
    const flags: SheetFlag[] = [];
    const required = (row: DataRow, key: string) => isRequired(submissionKind, row, key, settings);
    for (const sheet of sheets) {
      const present = new Set<string>(sheet.header.byKey.keys());
      for (const row of sheet.rows) {
        for (const flag of flagsOfRow(row, sheet.sheet, sheet.months, settings, present, required, locale)) flags.push({ sheet, flag });
      }
    }
    return { findings: duplicateFindings(sheets), flags };
  },
} as const satisfies SheetKind<FieldKey>;

/** The 统计表 sheets among sheets of every kind: what 汇总 and 评分 are made of. */
export function submissionSheets(parsed: readonly ParsedSheet[]): ParsedSheet[] {
  return parsed.filter((sheet) => sheet.kind === submissionKind);
}
