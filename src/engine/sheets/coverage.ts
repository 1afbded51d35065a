/**
 * 三会一课覆盖: the picture an office pins on the wall — a row per branch of the meeting ledgers,
 * a column per month (per quarter for 党员大会 and 党课, the year for 组织生活会 and 民主评议), each
 * cell the counted meetings of that type in it, blank where the type is not required, 0 (red)
 * where a required month or quarter has none; branches with the most missing first. The same
 * table makes the sheet, the pane's view and the preview's.
 */
import { submissionSheets } from "../kinds/submission";
import { meetingsKind } from "../kinds/meetings";
import { bucketWord, type Bucket } from "../kinds/meetings/coverage";
import { coverageOf, meetingLedger } from "../kinds/meetings/ledger";
import { fieldLabel } from "../kinds";
import { MEETING_KINDS } from "../meetingTypes";
import type { MeetingType, Settings } from "../settings";
import type { ParsedSheet } from "../sheet";
import type { Locale } from "../../i18n";
import { engineText } from "../../i18n/engine";
import { meetingsText } from "../../i18n/kinds/meetings";
import { sheetsText } from "../../i18n/sheets";
import { linkTo } from "./report";
import type { OutCell, SheetSpec } from "./spec";

export const COVERAGE_TABLE = "DJ_MeetingCoverage";

export interface CoverageColumn {
  type: MeetingType;
  /** The type's name (党员大会) and the bucket's (3月, 第2季度, 全年), in the reader's language. */
  typeName: string;
  bucketName: string;
  bucket: Bucket;
}

export interface CoverageRow {
  unit: string;
  branch: string;
  /** The branch's first ledger row. */
  sheet: string;
  row: number;
  /** Required months, quarters and years without a counted meeting. */
  missing: number;
  /** Per column: the counted meetings, or null where the type is not required or the bucket is outside the branch's period. */
  cells: (number | null)[];
}

export interface CoverageTable {
  columns: CoverageColumn[];
  rows: CoverageRow[];
}

const TYPE_ORDER = new Map(MEETING_KINDS.map((k, i) => [k.type, i]));

/** The coverage of every branch of the meeting ledgers among `parsed`, held against the 统计表 among them. */
export function meetingCoverage(parsed: readonly ParsedSheet[], settings: Settings, locale: Locale): CoverageTable {
  const ledger = meetingLedger(
    parsed.filter((p) => p.kind === meetingsKind),
    submissionSheets(parsed),
  );
  const coverages = ledger.branches.map((branch) => ({ branch, types: coverageOf(ledger, branch, settings) }));
  const columnsByKey = new Map<string, CoverageColumn>();
  for (const { types } of coverages) {
    for (const { type, buckets } of types) {
      for (const { bucket } of buckets) columnsByKey.set(`${type}\u0000${bucket.key}`, { type, typeName: "", bucketName: "", bucket });
    }
  }
  const columns = [...columnsByKey.values()].sort(
    (a, b) => (TYPE_ORDER.get(a.type) ?? 0) - (TYPE_ORDER.get(b.type) ?? 0) || a.bucket.start - b.bucket.start,
  );
  // One year's columns are named by month or quarter alone; several years' by their keys.
  const oneYear = new Set(columns.map((c) => c.bucket.year)).size <= 1;
  const words = engineText(locale);
  for (const column of columns) {
    column.typeName = words(`meeting.${column.type}`);
    column.bucketName = oneYear ? bucketWord(column.bucket, meetingsText(locale)) : column.bucket.key;
  }
  const rows: CoverageRow[] = coverages.map(({ branch, types }) => {
    const counts = new Map<string, number>();
    let missing = 0;
    for (const { type, buckets, gaps } of types) {
      for (const { bucket, records } of buckets) counts.set(`${type}\u0000${bucket.key}`, records.length);
      missing += gaps.length;
    }
    const first = branch.records[0];
    return {
      unit: branch.unit,
      branch: branch.branch,
      sheet: first.sheet.sheet,
      row: first.row.row,
      missing,
      cells: columns.map((c) => counts.get(`${c.type}\u0000${c.bucket.key}`) ?? null),
    };
  });
  rows.sort((a, b) => b.missing - a.missing || a.unit.localeCompare(b.unit, "zh-CN") || a.branch.localeCompare(b.branch, "zh-CN"));
  return { columns, rows };
}

/** The coverage as a sheet of ours: an Excel table, its zero cells red, each branch linked to its first ledger row. */
export function coverageSheet(table: CoverageTable, locale: Locale): SheetSpec {
  const t = sheetsText(locale);
  const first = 3;
  const columns = [
    fieldLabel("unit"),
    fieldLabel("branch"),
    t("coverage.col.missing"),
    ...table.columns.map((c) => t("coverage.col.bucket", { type: c.typeName, bucket: c.bucketName })),
    t("coverage.col.source"),
  ];
  const rows: OutCell[][] = table.rows.map((r) => [r.unit, r.branch, r.missing, ...r.cells, linkTo(r.sheet, `A${r.row}`)]);
  return {
    role: "coverage",
    name: t("sheet.coverage"),
    tables: [{ name: COVERAGE_TABLE, row: 0, col: 0, columns, rows }],
    zeroFills: table.rows.length > 0 && table.columns.length > 0 ? [{ row: 1, col: first, rows: table.rows.length, cols: table.columns.length }] : [],
    widths: [16, 20, 6, ...table.columns.map((c) => Math.max(8, (c.typeName.length + c.bucketName.length) * 2 + 2)), 8],
    freezeRows: 1,
  };
}
