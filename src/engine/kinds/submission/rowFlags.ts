/**
 * DJ.FLAGS: flags of rows handed over by a formula, computed by the very code that flags rows of
 * a validated sheet, so a formula and the command line cannot disagree.
 */
import type { Cell } from "../../grid";
import { computeFlags, flagInputOf } from "./flags";
import type { Settings } from "../../settings";
import { isRequired, rowsUnderLabels } from "../../rows";
import { isBlank } from "../../view";
import type { Locale } from "../../../i18n";
import { flagLabel } from "../../flags";
import { requiredWhen } from "./committee";
import { FIELDS } from "./fields";

/** For each row, the labels of its flags joined by "；" in table order, or "" (blank rows too). */
/** The 统计表 as far as reading its rows goes: its fields and when they are required, none of its checks. */
const READING = { fields: FIELDS, requiredWhen };

export function flagLabelsOfRows(labels: Cell[], rows: Cell[][], months: number, settings: Settings, locale: Locale): string[] {
  const read = rowsUnderLabels(READING, labels, rows);
  const present = new Set<string>(read.header.byKey.keys());
  return read.rows.map((data, i) => {
    if (rows[i].every(isBlank)) return "";
    const input = flagInputOf(data, present, (row, key) => isRequired(READING, row, key, settings));
    return computeFlags(input, months, settings, locale)
      .map((f) => flagLabel(f.flag, locale))
      .join("；");
  });
}
