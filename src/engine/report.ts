/** The plain results the engine returns; PRODUCT.md §3, §4 and §8 fix their field names. */
import type { RuleId } from "./rules";
import type { FlagId } from "./flags";
import type { Severity } from "../i18n/rules";

export type { RuleId } from "./rules";
export type { FlagId } from "./flags";
export type { Severity } from "../i18n/rules";

/** A value as it stood in the cell: numbers, text and booleans as such; dates as ISO text. */
export type CellValue = string | number | boolean;

export interface Finding {
  rule: RuleId;
  severity: Severity;
  sheet: string;
  cell: string;
  row: number;
  column: string;
  field?: string;
  value?: CellValue;
  message: string;
  fix?: CellValue;
}


export interface Flag {
  flag: FlagId;
  level: "warning" | "critical";
  branch: string;
  unit: string;
  sheet: string;
  row: number;
  label: string;
  detail: string;
  /** The months, quarters or year a required type of meeting has none (a meeting ledger's missing-meetings). */
  gaps?: { type: string; periods: string[] }[];
  /** The person a flag is about, as written (long-absence, dues-arrears, probation-overdue; LEDGERS.md §7). */
  person?: string;
}

export interface SheetReport {
  sheet: string;
  /** The sheet's kind (LEDGERS.md §1): submission, meetings, dues, development. */
  kind: string;
  unit: string;
  months: number;
  /** Number of data rows read. */
  rows: number;
  findings: Finding[];
  flags: Flag[];
}

export interface FileReport {
  file: string;
  /** Set when the file could not be read at all; the file then has no sheets. */
  error?: string;
  sheets: SheetReport[];
  /** Names of the sheets of no kind (neither a 统计表 nor a ledger), and those not asked for. */
  skipped: string[];
}

export interface RosterEntry {
  branch: string;
  unit?: string;
  code?: string;
}

export interface Report {
  rulesVersion: string;
  files: FileReport[];
  roster: { missing: RosterEntry[]; unknown: RosterEntry[]; unsubmitted: { unit: string }[] };
  summary: { errors: number; warnings: number; infos: number; flags: number };
}
