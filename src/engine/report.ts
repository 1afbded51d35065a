/** The plain results the engine returns; PRODUCT.md §3, §4 and §8 fix their field names. */
import type { FieldKey } from "./schema";

export type Severity = "error" | "warning" | "info";

export type RuleId =
  | "header-not-found"
  | "missing-column"
  | "duplicate-header"
  | "blank-header"
  | "unknown-column"
  | "extra-cell"
  | "blank-row"
  | "period-unknown"
  | "missing-value"
  | "excel-error"
  | "not-a-number"
  | "not-an-integer"
  | "out-of-range"
  | "bad-option"
  | "number-as-text"
  | "duplicate-branch"
  | "total-mismatch"
  | "inconsistent"
  | "unknown-branch"
  | "missing-branch"
  | "unsupported-file";

/** A value as it stood in the cell: numbers, text and booleans as such; dates as ISO text. */
export type CellValue = string | number | boolean;

export interface Finding {
  rule: RuleId;
  severity: Severity;
  sheet: string;
  cell: string;
  row: number;
  column: string;
  field?: FieldKey;
  value?: CellValue;
  message: string;
  fix?: CellValue;
}

export type FlagId =
  | "missing-meetings"
  | "unspent-funds"
  | "no-new-members"
  | "small-branch"
  | "committee-missing"
  | "large-branch"
  | "dues-shortfall";

export interface Flag {
  flag: FlagId;
  level: "warning" | "critical";
  branch: string;
  unit: string;
  sheet: string;
  row: number;
  label: string;
  detail: string;
}

export interface SheetReport {
  sheet: string;
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
  /** Names of the sheets that are not submissions. */
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
