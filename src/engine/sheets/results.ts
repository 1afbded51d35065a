/**
 * 考核结果: one row per branch with live DJ.* formulas (combined score, grade, rank) over the
 * 参数 sheet's defined names, then the transition matrix, upgrade rates and the grade
 * distribution with two charts. Formulas are in the invariant (English, comma) syntax.
 */
import type { ParsedSheet } from "../sheet";
import type { DataRow } from "../rows";
import { LEVEL_SCHEMES, schemeFor, type Settings } from "../settings";
import type { Locale } from "../../i18n";
import { sheetsText } from "../../i18n/sheets";
import { SETTING_NAME } from "./settingsSheet";
import { submissionSheets } from "../kinds/submission";
import type { ChartSpec, OutCell, SheetSpec, TableSpec } from "./spec";

export const RESULTS_TABLE = "DJ_Results";
export const UPGRADE_TABLE = "DJ_UpgradeRates";
export const GRADES_PREV_TABLE = "DJ_GradesPrev";
export const GRADES_CURRENT_TABLE = "DJ_GradesCurrent";

/** A string literal of a formula: quotes doubled. */
export function formulaText(text: string): string {
  return `"${text.replace(/"/g, '""')}"`;
}

/** A column name inside a structured reference: ' [ ] # are escaped with a leading '. */
function columnRef(name: string): string {
  return `[${name.replace(/['[\]#]/g, "'$&")}]`;
}

function thisRow(name: string): string {
  return `[@${columnRef(name)}]`;
}

function wholeColumn(name: string): string {
  return `${RESULTS_TABLE}${columnRef(name)}`;
}

/** The levels shown: the office's scheme, else the one scheme every sheet used, else the default. */
export function resultLevels(parsed: readonly ParsedSheet[], settings: Settings): readonly string[] {
  return settings.levels ?? schemeFor(submissionSheets(parsed).flatMap((sheet) => sheet.levels)) ?? LEVEL_SCHEMES[0];
}

/** A row's score as read validly; null when blank or unreadable. */
export function scoreOf(data: DataRow, key: "partyScore" | "businessScore"): number | null {
  const value = data.fields.value(key);
  return typeof value === "number" ? value : null;
}

/** A row's 上年定级: the roster's where it has one (the office's record wins), else as submitted. */
export function startLevel(data: DataRow, rosterLevels: ReadonlyMap<DataRow, string>): string | null {
  const value = rosterLevels.get(data) ?? data.fields.value("levelPrev");
  return typeof value === "string" ? value : null;
}

export function resultsSheet(
  parsed: readonly ParsedSheet[],
  settings: Settings,
  rosterLevels: ReadonlyMap<DataRow, string>,
  locale: Locale,
): SheetSpec {
  const t = sheetsText(locale);
  const levels = resultLevels(parsed, settings);
  const n = levels.length;
  const col = {
    source: t("results.col.source"),
    unit: t("results.col.unit"),
    branch: t("results.col.branch"),
    levelPrev: t("results.col.levelPrev"),
    party: t("results.col.partyScore"),
    business: t("results.col.businessScore"),
    veto: t("results.col.veto"),
    combined: t("results.col.combined"),
    level: t("results.col.level"),
    rank: t("results.col.rank"),
  };
  // A blank DJ_Levels means "recognised from the submissions": the scheme shown here, so that
  // LEVEL, TRANSITIONS and the COUNTIF labels agree; once the office sets DJ_Levels, it wins.
  const levelsArg = `IF(${SETTING_NAME.levels}="",${formulaText(levels.join(","))},${SETTING_NAME.levels})`;
  const combined = {
    formula: `DJ.COMBINEDSCORE(${thisRow(col.party)},${thisRow(col.business)},${SETTING_NAME.partyWeight},${SETTING_NAME.method})`,
  };
  const level = { formula: `DJ.LEVEL(${thisRow(col.combined)},${thisRow(col.veto)},${SETTING_NAME.thresholds},${levelsArg})` };
  const rank = { formula: `IF(${thisRow(col.combined)}="","",RANK.EQ(${thisRow(col.combined)},${columnRef(col.combined)}))` };

  // Only values read validly: an unreadable score or level leaves the cell blank, the row is
  // then not scored (PRODUCT.md §3: errors make a row unusable), and 问题清单 says why.
  const rows: OutCell[][] = submissionSheets(parsed).flatMap((sheet) =>
    sheet.rows.map((data) => [
      sheet.sheet,
      data.unit,
      data.branch,
      startLevel(data, rosterLevels),
      scoreOf(data, "partyScore"),
      scoreOf(data, "businessScore"),
      data.fields.value("veto") === true ? t("results.yes") : null,
      combined,
      level,
      rank,
    ]),
  );
  const columns = [col.source, col.unit, col.branch, col.levelPrev, col.party, col.business, col.veto, col.combined, col.level, col.rank];
  const results: TableSpec = {
    name: RESULTS_TABLE,
    row: 0,
    col: 0,
    columns,
    rows,
    formats: [undefined, undefined, undefined, undefined, undefined, undefined, undefined, "0.00", undefined, undefined],
  };

  // The blocks stand right of the table, one blank column apart, top to bottom.
  const left = columns.length + 1;
  const prevColumn = wholeColumn(col.levelPrev);
  const endColumn = wholeColumn(col.level);
  // The matrix spills (n + 1) × (n + 1) from its anchor: rows 1 … n + 1.
  const matrixRow = 1;
  const upgradeRow = matrixRow + n + 2;
  const upgrade: TableSpec = {
    name: UPGRADE_TABLE,
    row: upgradeRow,
    col: left,
    columns: [t("results.distribution.level"), t("results.upgrade")],
    rows: [
      // From the top level nobody can move up: that class has no rate.
      ...levels.slice(0, -1).map((from): OutCell[] => [
        t("results.upgrade.from", { level: from }),
        { formula: `DJ.UPGRADERATE(${prevColumn},${endColumn},${formulaText(from)},${levelsArg})` },
      ]),
      [t("results.upgrade.overall"), { formula: `DJ.UPGRADERATE(${prevColumn},${endColumn},"",${levelsArg})` }],
    ],
    formats: [undefined, "0.0%"],
  };
  const distributionRow = upgradeRow + 1 + n + 1;
  const gradesRow = distributionRow + 1;
  const grades = (name: string, header: string, column: string, at: number): TableSpec => ({
    name,
    row: gradesRow,
    col: at,
    columns: [t("results.distribution.level"), header],
    rows: levels.map((value) => [value, { formula: `COUNTIF(${column},${thisRow(t("results.distribution.level"))})` }]),
  });
  const prev = grades(GRADES_PREV_TABLE, t("results.distribution.prev"), prevColumn, left);
  const current = grades(GRADES_CURRENT_TABLE, t("results.distribution.current"), endColumn, left + 3);
  const chartRow = gradesRow + n + 2;
  const chart = (title: string, table: TableSpec, at: number): ChartSpec => ({
    title,
    type: "columnClustered",
    source: { row: table.row, col: table.col, rows: n + 1, cols: 2 },
    at: { row: chartRow, col: at },
  });

  return {
    role: "results",
    name: t("sheet.results"),
    tables: [results, upgrade, prev, current],
    cells: [
      { row: 0, col: left, value: t("results.transitions"), bold: true },
      { row: matrixRow, col: left, value: { formula: `DJ.TRANSITIONS(${prevColumn},${endColumn},${levelsArg})` } },
      { row: distributionRow, col: left, value: t("results.distribution"), bold: true },
    ],
    charts: [chart(t("results.chart.prev"), prev, left), chart(t("results.chart.current"), current, left + 9)],
    widths: [14, 16, 22, 9, 9, 9, 6, 9, 8, 6, 2, 14, 10, 10, 10, 10, 10],
    freezeRows: 1,
  };
}
