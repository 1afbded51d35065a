/**
 * 填报模板: a blank sheet of a kind — the standard submission sheet (PRODUCT.md §2), the meeting
 * ledger (LEDGERS.md §2) — for departments to fill in, with data validation per column so most
 * mistakes the validator would report cannot be typed.
 */
import type { FieldSpec, SheetKind } from "../kinds/kind";
import { kindText } from "../kinds";
import { LEVEL_SCHEMES, type Settings } from "../settings";
import type { Locale, Translate } from "../../i18n";
import { sheetsText, type SheetsKey } from "../../i18n/sheets";
import type { SheetSpec, ValidationRule, ValidationSpec } from "./spec";

/** Rows above the header: the title, then the 填报单位/统计期间 line. */
export const TEMPLATE_HEADER_ROW = 2;

/** The unit a count is in, for the input prompt. */
const COUNT_UNIT: Partial<Record<string, SheetsKey>> = {
  membersFormal: "template.unit.people",
  membersProbationary: "template.unit.people",
  activists: "template.unit.people",
  newMembers: "template.unit.people",
  newMembersPrev: "template.unit.people",
  nonMemberStaff: "template.unit.people",
  groups: "template.unit.pieces",
  generalMeetings: "template.unit.times",
  committeeMeetings: "template.unit.times",
  groupMeetings: "template.unit.times",
  lectures: "template.unit.times",
  themeDays: "template.unit.times",
  expected: "template.unit.people",
  present: "template.unit.people",
  leave: "template.unit.people",
  absent: "template.unit.people",
  extension: "template.unit.months",
};

/** Dates a ledger may hold: from Excel's first readable day to the end of the century. */
const DATES = { min: "1900-03-01", max: "2099-12-31" };

/** The header as written: money columns say their unit, so nobody fills them in 万元 by habit. */
function headerLabel(spec: FieldSpec, t: Translate<SheetsKey>): string {
  return spec.type === "money" ? t("template.moneyLabel", { label: spec.labels[0] }) : spec.labels[0];
}

interface ColumnRule {
  rule: ValidationRule;
  prompt: string;
  error: string;
}

/**
 * The validation of a column, or null where any text may go (names, notes, 否决事项) or where
 * two kinds are accepted (组织生活会: 是/否 or a count), which a single rule cannot express.
 */
function columnRule(spec: FieldSpec, levels: readonly string[], t: Translate<SheetsKey>): ColumnRule | null {
  const label = spec.labels[0];
  switch (spec.type) {
    case "level": {
      const options = levels.join("、");
      return {
        rule: { kind: "list", options: [...levels] },
        prompt: t("template.prompt.level", { options }),
        error: t("template.error.level", { label, options }),
      };
    }
    case "yesno":
      return { rule: { kind: "list", options: ["是", "否"] }, prompt: t("template.prompt.yesno"), error: t("template.error.yesno", { label }) };
    case "option": {
      const values = (spec.options ?? []).map((o) => o.value);
      const options = values.join("、");
      return { rule: { kind: "list", options: values }, prompt: t("template.prompt.option", { options }), error: t("template.error.option", { label, options }) };
    }
    case "date":
      return { rule: { kind: "date", ...DATES }, prompt: t("template.prompt.date"), error: t("template.error.date", { label }) };
    case "number":
      return {
        rule: { kind: "decimal", min: spec.min ?? 0, max: spec.max ?? 100 },
        prompt: t("template.prompt.score"),
        error: t("template.error.score", { label }),
      };
    case "money":
      return { rule: { kind: "decimal", min: spec.min ?? 0 }, prompt: t("template.prompt.money"), error: t("template.error.money", { label }) };
    case "integer": {
      const unit = COUNT_UNIT[spec.key];
      // 序号 is the department's own numbering: no range to check.
      if (!unit || spec.max === undefined) return null;
      return {
        rule: { kind: "whole", min: spec.min ?? 0, max: spec.max },
        prompt: t("template.prompt.count", { min: spec.min ?? 0, max: spec.max, unit: t(unit) }),
        error: t("template.error.count", { label, min: spec.min ?? 0, max: spec.max }),
      };
    }
    default:
      return null;
  }
}

/** A blank sheet of the kind with `rows` rows of validated cells (fields marked `template: false` left out). */
export function templateSheet(kind: SheetKind, settings: Settings, locale: Locale, rows = 50): SheetSpec {
  const t = sheetsText(locale);
  const words = kindText(kind.id, locale);
  const fields = kind.fields.filter((f) => f.template !== false);
  const levels = settings.levels ?? LEVEL_SCHEMES[0];
  const dataRow = TEMPLATE_HEADER_ROW + 1;
  const validations: ValidationSpec[] = [];
  fields.forEach((spec, col) => {
    const column = columnRule(spec, levels, t);
    if (!column || rows <= 0) return;
    validations.push({
      area: { row: dataRow, col, rows, cols: 1 },
      rule: column.rule,
      prompt: { title: spec.labels[0], message: column.prompt },
      error: { title: t("template.error.title"), message: column.error },
    });
  });
  return {
    role: "template",
    name: words("kind.template"),
    cells: [
      { row: 0, col: 0, value: words("kind.title"), bold: true },
      { row: 1, col: 0, value: t("template.unit") },
      { row: 1, col: 5, value: t("template.period") },
      ...fields.map((spec, col) => ({ row: TEMPLATE_HEADER_ROW, col, value: headerLabel(spec, t), bold: true })),
    ],
    validations,
    widths: fields.map((spec) => Math.max(6, headerLabel(spec, t).length * 2 + 1)),
    freezeRows: dataRow,
  };
}
