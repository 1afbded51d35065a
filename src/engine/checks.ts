/** Rules over rows rather than cells: total-mismatch, inconsistent, duplicate-branch. */
import { makeFinding, type FindingInput } from "./findings";
import type { Finding } from "./report";
import type { Variant } from "./rules";
import { FIELD_BY_KEY, type FieldKey } from "./schema";
import { combinedScore, levelOf, roundTo } from "./scoring";
import type { Settings } from "./settings";
import type { DataRow, ParsedSheet, TotalRow } from "./sheet";
import { BranchIndex } from "./identity";
import { readField, originalValue } from "./values";

/** Columns a 合计 row adds up: counts and money, not scores or yes/no. */
function summable(key: FieldKey): boolean {
  const type = FIELD_BY_KEY.get(key)?.type;
  return key !== "seq" && (type === "integer" || type === "money");
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

export function totalFindings(parsed: ParsedSheet): Finding[] {
  const { view } = parsed;
  const findings: Finding[] = [];
  for (const [key, column] of parsed.header.byKey) {
    const spec = FIELD_BY_KEY.get(key);
    if (!spec || !summable(key)) continue;
    // Sums are kept in the column's own unit, so a 万元 column compares in 万元.
    const toCellUnit = spec.type === "money" && column.unit === "万元" ? 1 / 10000 : 1;
    // Money is compared to 0.01 元, which in a 万元 column is the 6th decimal.
    const decimals = spec.type === "money" && toCellUnit === 1 ? 2 : 6;
    for (const total of parsed.totals) {
      const contributing = rowsSummedBy(parsed, total);
      if (contributing.some((r) => r.fields.get(key)?.read.invalid)) continue;
      const cell = view.get(total.row, column.col);
      const read = readField(cell, { ...spec, type: spec.type === "money" ? "money" : "number", min: undefined, max: undefined }, column.unit);
      if (read.blank || typeof read.value !== "number") continue;
      const sum = contributing.reduce((acc, r) => {
        const v = r.fields.get(key)?.read.value;
        return acc + (typeof v === "number" ? v * toCellUnit : 0);
      }, 0);
      const stated = read.value * toCellUnit;
      if (Math.abs(roundTo(stated, decimals) - roundTo(sum, decimals)) <= 0.005) continue;
      findings.push(
        makeFinding(parsed.sheet, {
          rule: "total-mismatch",
          variant: total.subtotal ? "subtotal" : "default",
          row: total.row,
          col: column.col,
          field: key,
          value: originalValue(cell),
          fix: roundTo(sum, decimals),
          params: { sum: roundTo(sum, decimals), diff: roundTo(stated - sum, decimals) },
        }, parsed.locale),
      );
    }
  }
  return findings;
}

/** A usable value of a field: present, filled and valid. */
function usable(data: DataRow, key: FieldKey): number | string | boolean | undefined {
  const field = data.fields.get(key);
  if (!field || field.read.invalid || field.read.value === null) return undefined;
  return field.read.value;
}

type InconsistentVariant = Variant<"inconsistent">;

function at(data: DataRow, key: FieldKey, variant: InconsistentVariant, params: FindingInput["params"] = {}): FindingInput {
  const field = data.fields.get(key);
  return {
    rule: "inconsistent",
    variant,
    row: data.row,
    col: field?.col ?? 1,
    field: key,
    value: field ? originalValue(field.cell) : undefined,
    params,
  };
}

/** The inconsistent warnings of one row (PRODUCT.md §3), each only when all its cells are filled. */
export function inconsistentFindings(parsed: ParsedSheet, settings: Settings): Finding[] {
  const out: FindingInput[] = [];
  for (const data of parsed.rows) {
    const num = (key: FieldKey): number | undefined => {
      const v = usable(data, key);
      return typeof v === "number" ? v : undefined;
    };
    const pairs: [FieldKey, FieldKey, InconsistentVariant][] = [
      ["spent", "budget", "spent"],
      ["duesPaid", "duesDue", "dues"],
      ["newMembers", "membersProbationary", "newMembers"],
    ];
    for (const [more, less, variant] of pairs) {
      const a = num(more);
      const b = num(less);
      const decimals = FIELD_BY_KEY.get(more)?.type === "money" ? 2 : 6;
      if (a !== undefined && b !== undefined && roundTo(a, decimals) > roundTo(b, decimals)) {
        out.push(at(data, more, variant, { other: b }));
      }
    }
    const committeeMeetings = num("committeeMeetings");
    if (committeeMeetings !== undefined && committeeMeetings > 0 && usable(data, "hasCommittee") === false) {
      out.push(at(data, "committeeMeetings", "committee"));
    }
    const level = usable(data, "level");
    const party = num("partyScore");
    const business = num("businessScore");
    const vetoed = usable(data, "veto") === true;
    if (
      typeof level === "string" &&
      party !== undefined &&
      business !== undefined &&
      settings.thresholds.length === parsed.levels.length - 1
    ) {
      const score = combinedScore(party, business, settings.partyWeight, settings.method);
      const expected = levelOf(score, vetoed, settings.thresholds, parsed.levels);
      if (expected !== level) {
        out.push(at(data, "level", "level", { score: roundTo(score, 2), expected }));
      }
    }
    if (vetoed && typeof level === "string" && level !== parsed.levels[0]) {
      out.push(at(data, "veto", "veto", { level, lowest: parsed.levels[0] }));
    }
  }
  const findings = out.map((input) => makeFinding(parsed.sheet, input, parsed.locale));
  const { year, periodCell, periodText } = parsed.title;
  if (settings.assessmentYear !== null && year !== undefined && periodCell && year !== settings.assessmentYear) {
    findings.push(
      makeFinding(parsed.sheet, {
        rule: "inconsistent",
        variant: "year",
        row: periodCell.row,
        col: periodCell.col,
        value: periodText,
        params: { year, expected: settings.assessmentYear },
      }, parsed.locale),
    );
  }
  return findings;
}

export interface Located {
  sheet: ParsedSheet;
  row: DataRow;
}

/** A finding tied to the parsed sheet it belongs to (sheet names repeat across files). */
export interface SheetFinding {
  sheet: ParsedSheet;
  finding: Finding;
}

/**
 * duplicate-branch over every sheet validated together, in order; reported at the later row.
 * Within a sheet branches are told apart by code, else by name alone; across sheets by code,
 * else by (unit, name) (PRODUCT.md §2).
 */
export function duplicateFindings(sheets: ParsedSheet[]): SheetFinding[] {
  const across = new BranchIndex<Located>(true);
  const findings: SheetFinding[] = [];
  for (const sheet of sheets) {
    const within = new BranchIndex<Located>(false);
    const read: DataRow[] = [];
    for (const row of sheet.rows) {
      const branchField = row.fields.get("branch");
      if (!row.branch || !branchField || branchField.read.invalid) continue;
      const earlier = within.find(row.code, undefined, row.branch) ?? across.find(row.code, row.unit, row.branch);
      // A duplicate is indexed too (the index keeps the first row of each identity): its own code or
      // name may be the only link to a later row, which would otherwise go unreported in one file
      // order and be reported in the other.
      within.add({ sheet, row }, row.code, undefined, row.branch);
      read.push(row);
      if (!earlier) continue;
      const field = (earlier.byCode ? row.fields.get("code") : undefined) ?? branchField;
      findings.push({
        sheet,
        finding: makeFinding(sheet.sheet, {
          rule: "duplicate-branch",
          variant: earlier.item.sheet === sheet ? "default" : "other-sheet",
          row: row.row,
          col: field.col,
          field: field.key,
          value: originalValue(field.cell),
          params: { branch: row.branch, otherRow: earlier.item.row.row, otherSheet: earlier.item.sheet.sheet },
        }, sheet.locale),
      });
    }
    for (const row of read) across.add({ sheet, row }, row.code, row.unit, row.branch);
  }
  return findings;
}
