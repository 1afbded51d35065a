/** The 统计表's rules over rows rather than cells: inconsistent, conditional columns, duplicate-branch. */
import { makeFinding, type FindingInput, type SheetFinding } from "../../findings";
import type { Variant } from "../../rules";
import { FIELDS, FIELD_BY_KEY, type FieldKey } from "./fields";
import { combinedScore, levelOf, roundTo } from "../../scoring";
import { missingColumn, type ParsedSheet } from "../../sheet";
import { fieldAt, numberOf, usableValue, type DataRow } from "../../rows";
import { BranchIndex } from "../../identity";
import { requiredWhen } from "./committee";
import type { CheckContext, Reported } from "../kind";

type InconsistentVariant = Variant<"inconsistent">;

function at(data: DataRow, key: FieldKey, variant: InconsistentVariant, params: FindingInput["params"] = {}): FindingInput {
  return { rule: "inconsistent", variant, ...fieldAt(data, key), params };
}

/** What a row with nothing inconsistent gets: read-only by type, not frozen (see NO_FLAGS in flags.ts). */
const NO_FINDINGS: readonly FindingInput[] = [];

/** Figures that may not exceed another of the same row, with the variant that says so. */
const AT_MOST: readonly (readonly [FieldKey, FieldKey, InconsistentVariant])[] = [
  ["spent", "budget", "spent"],
  ["duesPaid", "duesDue", "dues"],
  ["newMembers", "membersProbationary", "newMembers"],
];

/** The inconsistent warnings of one row (PRODUCT.md §3), each only when all its cells are filled. */
export function inconsistentRow(data: DataRow, parsed: ParsedSheet, { settings }: CheckContext): readonly FindingInput[] {
  let out: FindingInput[] | undefined;
  const num = (key: FieldKey): number | undefined => numberOf(data, key);
  for (const [more, less, variant] of AT_MOST) {
    const a = num(more);
    const b = num(less);
    const decimals = FIELD_BY_KEY.get(more)?.type === "money" ? 2 : 6;
    if (a !== undefined && b !== undefined && roundTo(a, decimals) > roundTo(b, decimals)) {
      (out ??= []).push(at(data, more, variant, { other: b }));
    }
  }
  const committeeMeetings = num("committeeMeetings");
  if (committeeMeetings !== undefined && committeeMeetings > 0 && usableValue(data, "hasCommittee") === false) {
    (out ??= []).push(at(data, "committeeMeetings", "committee"));
  }
  const level = usableValue(data, "level");
  const party = num("partyScore");
  const business = num("businessScore");
  const vetoed = usableValue(data, "veto") === true;
  if (
    typeof level === "string" &&
    party !== undefined &&
    business !== undefined &&
    settings.thresholds.length === parsed.levels.length - 1
  ) {
    const score = combinedScore(party, business, settings.partyWeight, settings.method);
    const expected = levelOf(score, vetoed, settings.thresholds, parsed.levels);
    if (expected !== level) {
      (out ??= []).push(at(data, "level", "level", { score: roundTo(score, 2), expected }));
    }
  }
  if (vetoed && typeof level === "string" && level !== parsed.levels[0]) {
    (out ??= []).push(at(data, "veto", "veto", { level, lowest: parsed.levels[0] }));
  }
  return out ?? NO_FINDINGS;
}

/** inconsistent: the period's year is not the assessment year (when that setting is given). */
export function periodYear(parsed: ParsedSheet, { settings }: CheckContext): FindingInput[] {
  const { year, periodCell, periodText } = parsed.title;
  if (settings.assessmentYear === null || year === undefined || !periodCell || year === settings.assessmentYear) return [];
  return [
    {
      rule: "inconsistent",
      variant: "year",
      row: periodCell.row,
      col: periodCell.col,
      value: periodText,
      params: { year, expected: settings.assessmentYear },
    },
  ];
}

/** Columns that rows need but the header lacks (支委会 when a row has a committee, …). */
export function conditionalColumns(parsed: ParsedSheet, { settings }: CheckContext): FindingInput[] {
  return FIELDS.filter(
    (spec) =>
      (spec.required === "when-committee" || spec.required === "when-groups") &&
      !parsed.header.byKey.has(spec.key) &&
      parsed.rows.some((data) => requiredWhen(data, spec.required, settings)),
  ).map((spec) => missingColumn(parsed.header, spec));
}

/**
 * duplicate-branch over every sheet validated together, in order; reported at the later row.
 * Within a sheet branches are told apart by code, else by name alone; across sheets by code,
 * else by (unit, name) (PRODUCT.md §2).
 */
export function duplicateFindings(sheets: readonly ParsedSheet[]): SheetFinding[] {
  const across = new BranchIndex<Reported>(true);
  const findings: SheetFinding[] = [];
  for (const [index, sheet] of sheets.entries()) {
    const within = new BranchIndex<Reported>(false);
    const read: DataRow[] = [];
    for (const row of sheet.rows) {
      if (!row.branch || !row.fields.has("branch") || row.fields.isInvalid("branch")) continue;
      // Nothing is across before the second sheet, and nothing after the last needs it.
      // A duplicate is indexed too (the index keeps the first row of each identity): its own code or
      // name may be the only link to a later row, which would otherwise go unreported in one file
      // order and be reported in the other.
      const earlier =
        within.claim({ sheet, row }, row.code, undefined, row.branch) ?? (index > 0 ? across.find(row.code, row.unit, row.branch) : undefined);
      read.push(row);
      if (!earlier) continue;
      const where = fieldAt(row, earlier.byCode && row.fields.has("code") ? "code" : "branch");
      findings.push({
        sheet,
        finding: makeFinding(sheet.sheet, {
          rule: "duplicate-branch",
          variant: earlier.item.sheet === sheet ? "default" : "other-sheet",
          ...where,
          params: { branch: row.branch, otherRow: earlier.item.row.row, otherSheet: earlier.item.sheet.sheet },
        }, sheet.locale, sheet.kind.fields),
      });
    }
    if (index < sheets.length - 1) for (const row of read) across.add({ sheet, row }, row.code, row.unit, row.branch);
  }
  return findings;
}
