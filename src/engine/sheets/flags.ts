/**
 * 预警: one row per flag, linked to its row in the submission or ledger — a member's flag (连续6个月
 * 未参加组织生活) names the member, a ledger's 缺会 its missing months and quarters — and beside it
 * the count of each flag per department (所属单位): the figures an office reports back to each.
 */
import type { Flag, Report } from "../report";
import { FLAG_IDS, flagLabel, type FlagId } from "../flags";
import { fieldLabel } from "../kinds";
import type { Locale } from "../../i18n";
import { sheetsText, type SheetsKey } from "../../i18n/sheets";
import { linkTo } from "./report";
import type { OutCell, SheetSpec } from "./spec";

export const FLAGS_TABLE = "DJ_Flags";
export const FLAG_COUNTS_TABLE = "DJ_FlagCounts";

const LEVEL_WORD: Record<Flag["level"], SheetsKey> = { warning: "flags.level.warning", critical: "flags.level.critical" };

interface Counts {
  units: string[];
  ids: FlagId[];
  /** unit → count per id. */
  byUnit: Map<string, Map<FlagId, number>>;
}

/**
 * Departments in the order they first appear: those with flags, then those whose sheets had data
 * rows but no flag at all, so a clean department shows as a row of zeros rather than vanishing.
 */
function countFlags(report: Report, flags: readonly Flag[]): Counts {
  const byUnit = new Map<string, Map<FlagId, number>>();
  const occurring = new Set<FlagId>();
  for (const flag of flags) {
    let counts = byUnit.get(flag.unit);
    if (!counts) byUnit.set(flag.unit, (counts = new Map()));
    counts.set(flag.flag, (counts.get(flag.flag) ?? 0) + 1);
    occurring.add(flag.flag);
  }
  for (const file of report.files) {
    for (const sheet of file.sheets) {
      if (sheet.rows > 0 && sheet.flags.length === 0 && !byUnit.has(sheet.unit)) byUnit.set(sheet.unit, new Map());
    }
  }
  return { units: [...byUnit.keys()], ids: FLAG_IDS.filter((id) => occurring.has(id)), byUnit };
}

/** Counts by a key, in the order keys first appear. */
function countBy<T>(items: readonly T[], key: (item: T) => string): [string, number][] {
  const counts = new Map<string, number>();
  for (const item of items) counts.set(key(item), (counts.get(key(item)) ?? 0) + 1);
  return [...counts];
}

export interface FlagCounts {
  total: number;
  byUnit: [string, number][];
  byFlag: [string, number][];
}

/** The totals the 预警 tab shows: by department and by flag, each in order of first appearance. */
export function flagCounts(report: Report): FlagCounts {
  const flags = report.files.flatMap((file) => file.sheets.flatMap((sheet) => sheet.flags));
  return { total: flags.length, byUnit: countBy(flags, (f) => f.unit), byFlag: countBy(flags, (f) => f.label) };
}

export function flagsSheet(report: Report, locale: Locale): SheetSpec {
  const t = sheetsText(locale);
  const label = (id: FlagId) => flagLabel(id, locale);
  const flags = report.files.flatMap((file) => file.sheets.flatMap((sheet) => sheet.flags));
  const flagRows: OutCell[][] = flags.map((flag) => [
    flag.unit,
    flag.branch,
    flag.label,
    t(LEVEL_WORD[flag.level]),
    flag.person ?? null,
    flag.detail,
    flag.gaps ? flag.gaps.map((g) => `${g.type} ${g.periods.join("、")}`).join("；") : null,
    linkTo(flag.sheet, `A${flag.row}`),
  ]);
  const flagColumns = [
    fieldLabel("unit"),
    fieldLabel("branch"),
    t("flags.col.flag"),
    t("flags.col.level"),
    t("flags.col.person"),
    t("flags.col.detail"),
    t("flags.col.gaps"),
    t("flags.col.source"),
  ];

  const { units, ids, byUnit } = countFlags(report, flags);
  const countRows: OutCell[][] = units.map((unit) => {
    const counts = ids.map((id) => byUnit.get(unit)?.get(id) ?? 0);
    return [unit, ...counts, counts.reduce((a, b) => a + b, 0)];
  });
  // Right of the flags table, one column apart, so both can grow downwards independently.
  const countsCol = flagColumns.length + 1;
  // The 合计 line is plain cells one row below the table: a row touching a table can be taken into it.
  const totalRow = 1 + Math.max(countRows.length, 1) + 1;
  const totals = ids.map((_, i) => countRows.reduce((sum, row) => sum + (row[i + 1] as number), 0));
  const totalLine: OutCell[] = [t("flags.total"), ...totals, totals.reduce((a, b) => a + b, 0)];

  return {
    role: "flags",
    name: t("sheet.flags"),
    tables: [
      { name: FLAGS_TABLE, row: 0, col: 0, columns: flagColumns, rows: flagRows },
      {
        name: FLAG_COUNTS_TABLE,
        row: 0,
        col: countsCol,
        columns: [fieldLabel("unit"), ...ids.map(label), t("flags.col.total")],
        rows: countRows,
      },
    ],
    cells: totalLine.map((value, i) => ({ row: totalRow, col: countsCol + i, value, bold: true })),
    widths: [16, 20, 14, 6, 8, 36, 24, 8, 2, 16, ...ids.map((id) => Math.max(8, label(id).length * 2 + 2)), 6],
    freezeRows: 1,
  };
}
