/**
 * A standard, clean submission sheet that each test alters in one place, and small readers of
 * the report. The clean sheet must give no finding and no flag: every test starts from silence.
 */
import type { Finding, Flag, Grid, Report, SheetReport, ValidateOptions, WorkbookInput } from "../../src/engine";
import { validate, columnLetter } from "../../src/engine";
import { grid, type Plain } from "../support/grid";

/** The labels of PRODUCT.md §2, one per key, as a template would write them. */
export const LABEL = {
  seq: "序号",
  code: "党组织编码",
  branch: "党支部名称",
  unit: "所属单位",
  membersFormal: "正式党员数",
  membersProbationary: "预备党员数",
  groups: "党小组数",
  hasCommittee: "是否设支委会",
  generalMeetings: "党员大会",
  committeeMeetings: "支委会",
  groupMeetings: "党小组会",
  lectures: "党课",
  themeDays: "主题党日",
  orgLifeMeeting: "组织生活会",
  memberReview: "民主评议党员",
  activists: "入党积极分子数",
  newMembers: "本年发展党员数",
  newMembersPrev: "上年发展党员数",
  nonMemberStaff: "党外职工数",
  budget: "党建经费预算（元）",
  spent: "党建经费支出（元）",
  duesDue: "党费应缴（元）",
  duesPaid: "党费实缴（元）",
  levelPrev: "上年定级",
  level: "本年定级",
  partyScorePrev: "上年党建得分",
  partyScore: "党建考核得分",
  businessScore: "业务考核得分",
  veto: "否决事项",
  notes: "备注",
} as const;

export type Key = keyof typeof LABEL;
/** A column: a field key (written with its label) or any other header text as written. */
export type Col = Key | (string & {});
export type Row = Partial<Record<Col, Plain>>;

export const ALL: readonly Key[] = Object.keys(LABEL) as Key[];

/** A branch that meets every requirement of a full year: no finding, no flag. */
export function cleanRow(i: number, over: Row = {}): Row {
  return {
    seq: i + 1,
    code: `DZB${String(i + 1).padStart(3, "0")}`,
    branch: `第${i + 1}党支部`,
    unit: "机关党委",
    membersFormal: 8 + i,
    membersProbationary: 1,
    groups: 2,
    hasCommittee: "是",
    generalMeetings: 4,
    committeeMeetings: 12,
    groupMeetings: 24,
    lectures: 4,
    themeDays: 12,
    orgLifeMeeting: "是",
    memberReview: "是",
    activists: 2,
    newMembers: 1,
    newMembersPrev: 1,
    nonMemberStaff: 30,
    budget: 20000,
    spent: 15000,
    duesDue: 1200,
    duesPaid: 1200,
    levelPrev: "一般",
    level: "先进",
    partyScorePrev: 80,
    partyScore: 92,
    businessScore: 90,
    veto: "无",
    notes: null,
    ...over,
  };
}

export const TITLE = "2025年度党支部工作情况统计表";
export const TITLE_LINE = "填报单位：机关党委\u3000统计期间：2025年\u3000填报日期：2026年1月5日";

export interface SheetOptions {
  sheet?: string;
  columns?: readonly Col[];
  /** Labels written for keys, when not the standard ones (e.g. money in 万元). */
  labels?: Partial<Record<Col, string>>;
  /** Data rows (objects by column) or raw rows (arrays, written from column A). Default: 3 clean rows. */
  rows?: (Row | Plain[])[];
  /** Raw rows above the header; default the title and the 填报单位 line. null: none. */
  title?: Plain[][] | null;
  /** Raw rows after `rows`. */
  after?: Plain[][];
  merges?: string[];
  visible?: boolean;
  origin?: { row: number; col: number };
}

export interface Built {
  grid: Grid;
  headerRow: number;
  firstDataRow: number;
  /** Column letter of a column. */
  col(c: Col): string;
  /** Address of column c in rows[i]. */
  at(c: Col, i: number): string;
  /** Sheet row of rows[i]. */
  rowOf(i: number): number;
}

export function rows(n: number): Row[] {
  return Array.from({ length: n }, (_, i) => cleanRow(i));
}

export function sheet(options: SheetOptions = {}): Built {
  const columns = options.columns ?? ALL;
  const label = (c: Col): string => options.labels?.[c] ?? (LABEL as Record<string, string>)[c] ?? c;
  const title = options.title === undefined ? [[TITLE], [TITLE_LINE]] : options.title ?? [];
  const data = options.rows ?? rows(3);
  const cells: Plain[][] = [
    ...title,
    columns.map(label),
    ...data.map((r) => (Array.isArray(r) ? r : columns.map((c) => r[c] ?? null))),
    ...(options.after ?? []),
  ];
  const originRow = options.origin?.row ?? 1;
  const originCol = options.origin?.col ?? 1;
  const lastLetter = columnLetter(originCol + columns.length - 1);
  const merges =
    options.merges ?? (options.title === undefined ? [`${columnLetter(originCol)}${originRow}:${lastLetter}${originRow}`] : []);
  const headerRow = originRow + title.length;
  const letterOf = (c: Col): string => {
    const i = columns.indexOf(c);
    if (i < 0) throw new Error(`no column ${c}`);
    return columnLetter(originCol + i);
  };
  return {
    grid: grid(cells, { sheet: options.sheet, merges, visible: options.visible, origin: options.origin }),
    headerRow,
    firstDataRow: headerRow + 1,
    col: letterOf,
    at: (c, i) => `${letterOf(c)}${headerRow + 1 + i}`,
    rowOf: (i) => headerRow + 1 + i,
  };
}

/** Options of a check: the validator's, in Chinese unless a test asks for another language. */
export type CheckOptions = Partial<ValidateOptions>;

/** Validate grids as one workbook. */
export function check(grids: Grid | Grid[], options: CheckOptions = {}): Report {
  return checkBooks([{ file: "a.xlsx", grids: Array.isArray(grids) ? grids : [grids] }], options);
}

export function checkBooks(books: WorkbookInput[], options: CheckOptions = {}): Report {
  return validate(books, { locale: "zh-CN", ...options });
}

export function sheetsOf(report: Report): SheetReport[] {
  return report.files.flatMap((f) => f.sheets);
}

export function findingsOf(report: Report): Finding[] {
  return sheetsOf(report).flatMap((s) => s.findings);
}

export function flagsOf(report: Report): Flag[] {
  return sheetsOf(report).flatMap((s) => s.flags);
}

/** "rule@cell" for every finding, in report order. */
export function briefs(report: Report): string[] {
  return findingsOf(report).map((f) => `${f.rule}@${f.cell}`);
}

export function only(report: Report, rule: string): Finding[] {
  return findingsOf(report).filter((f) => f.rule === rule);
}

/** The single finding of a report (fails when there are none or several). */
export function single(report: Report): Finding {
  const all = findingsOf(report);
  expect(all.map((f) => `${f.rule}@${f.cell}`)).toHaveLength(1);
  return all[0];
}

/** Validate the standard sheet with rows[i] altered, as one workbook. */
export function checkRow(over: Row, i = 1, options: CheckOptions & SheetOptions = {}): { report: Report; built: Built } {
  const data = rows(3);
  data[i] = { ...data[i], ...over };
  const built = sheet({ ...options, rows: data });
  return { report: check(built.grid, options), built };
}
