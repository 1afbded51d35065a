/** total-mismatch (PRODUCT.md §3): a 合计/小计 row against the data rows it adds up, in any kind of sheet. */
import type { FindingInput } from "./findings";
import type { FieldSpec } from "./kinds/kind";
import { roundTo } from "./scoring";
import type { ParsedSheet, TotalRow } from "./sheet";
import type { DataRow } from "./rows";
import { readField, originalValue } from "./values";

/** Columns a 合计 row adds up: counts and money, not scores, dates or yes/no. */
function summable(spec: FieldSpec): boolean {
  return spec.key !== "seq" && (spec.type === "integer" || spec.type === "money");
}

/**
 * The rows a total adds up: 小计 the rows since the previous 小计, 合计/总计 every data row above.
 * Many forms put 合计 first, right under the header: with no data row above, it adds up the
 * rows below it.
 */
function rowsSummedBy(parsed: ParsedSheet, total: TotalRow): DataRow[] {
  if (total.subtotal) {
    const since = Math.max(0, ...parsed.totals.filter((t) => t.subtotal && t.row < total.row).map((t) => t.row));
    return parsed.rows.filter((r) => r.row < total.row && r.row > since);
  }
  const above = parsed.rows.filter((r) => r.row < total.row);
  return above.length > 0 ? above : parsed.rows.filter((r) => r.row > total.row);
}

export function totalFindings(parsed: ParsedSheet): FindingInput[] {
  const { view } = parsed;
  const findings: FindingInput[] = [];
  for (const [key, column] of parsed.header.byKey) {
    const spec = parsed.kind.fields.find((f) => f.key === key);
    if (!spec || !summable(spec)) continue;
    // Sums are kept in the column's own unit, so a 万元 column compares in 万元.
    const toCellUnit = spec.type === "money" && column.unit === "万元" ? 1 / 10000 : 1;
    // Money is compared to 0.01 元, which in a 万元 column is the 6th decimal.
    const decimals = spec.type === "money" && toCellUnit === 1 ? 2 : 6;
    for (const total of parsed.totals) {
      const contributing = rowsSummedBy(parsed, total);
      if (contributing.some((r) => r.fields.isInvalid(key))) continue;
      const cell = view.get(total.row, column.col);
      const read = readField(cell, { ...spec, type: spec.type === "money" ? "money" : "number", min: undefined, max: undefined }, column.unit);
      if (read.blank || typeof read.value !== "number") continue;
      const sum = contributing.reduce((acc, r) => {
        const v = r.fields.value(key);
        return acc + (typeof v === "number" ? v * toCellUnit : 0);
      }, 0);
      const stated = read.value * toCellUnit;
      if (Math.abs(roundTo(stated, decimals) - roundTo(sum, decimals)) <= 0.005) continue;
      findings.push({
        rule: "total-mismatch",
        variant: total.subtotal ? "subtotal" : "default",
        row: total.row,
        col: column.col,
        field: key,
        value: originalValue(cell),
        fix: roundTo(sum, decimals),
        params: { sum: roundTo(sum, decimals), diff: roundTo(stated - sum, decimals) },
      });
    }
  }
  return findings;
}
