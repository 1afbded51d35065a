/**
 * A sheet kind (LEDGERS.md §1): one value the whole pipeline takes — its fields, how its header
 * is recognised, what a row must hold, the checks of its rows and sheets, and what it finds once
 * every sheet is read (duplicates across files, flags, the comparison with the 统计表). The
 * engine's reading of a sheet (header, title block, rows, cell rules) is the same for every kind.
 */
import type { Locale } from "../../i18n";
import type { FindingInput, SheetFinding } from "../findings";
import type { Header } from "../header";
import type { Flag } from "../report";
import type { Settings } from "../settings";
import type { ParsedSheet } from "../sheet";
import type { DataRow } from "../rows";
import type { PersonalKind } from "../personal";

export type FieldType =
  | "integer"
  | "number"
  | "money"
  | "text"
  | "yesno"
  | "level"
  | "yesno-or-integer"
  | "veto"
  | "date"
  /** A calendar month: a date, 2025-03, 2025年3月, or 3月 and 3 for that month of the sheet's period (LEDGERS.md §3). */
  | "month"
  /** One of `options` (or an alias of one). */
  | "option"
  /** Names separated by 、，,；; or spaces, each with an optional bracketed reason. */
  | "names";

/**
 * When a blank cell is missing-value: always, never, when its column is there at all, or under
 * a condition the kind decides (the 统计表's 支委会 and 党小组会 columns).
 */
export type Requirement = "yes" | "no" | "when-present" | "when-committee" | "when-groups";

/** A value of an option field: the standard word first, then how forms also write it. */
export interface OptionSpec {
  value: string;
  aliases: readonly string[];
}

export interface FieldSpec<K extends string = string> {
  key: K;
  /** The standard header, then its aliases. */
  labels: readonly string[];
  type: FieldType;
  required: Requirement;
  min?: number;
  max?: number;
  options?: readonly OptionSpec[];
  /**
   * Other labels of the column, after the normalisation of labels: for a family of columns whose
   * labels are written many ways (a month column: 1月, 2025年1月, 2025-01, 一月).
   */
  pattern?: RegExp;
  /**
   * A date field that also takes a year and month without a day (出生年月: 1990年5月, 1990.05,
   * 199005), read as the first of that month: the earliest day it can mean. Such a value is the
   * form the column asks for, so it is not date-as-text (there is no whole date to offer as fix).
   */
  yearMonth?: true;
  /** False for a field the kind's blank template leaves out (it still reads the column). */
  template?: false;
  /** A column of ID or phone numbers: never copied, masked in findings (LEDGERS.md §8). */
  personal?: PersonalKind;
}

export interface CheckContext {
  settings: Settings;
  locale: Locale;
}

/** A check of one data row of a sheet, after its cell rules. */
export type RowRule = (row: DataRow, sheet: ParsedSheet, context: CheckContext) => readonly FindingInput[];

/** A check over the rows of one sheet. */
export type SheetRule = (sheet: ParsedSheet, context: CheckContext) => FindingInput[];

/** A flag of a sheet, with the sheet it is about (sheet names repeat across files). */
export interface SheetFlag {
  sheet: ParsedSheet;
  flag: Flag;
}

/** A 统计表 row and the sheet it is on: what a department reported of one branch. */
export interface Reported {
  sheet: ParsedSheet;
  row: DataRow;
}

/** What every sheet validated together offers a kind once all are read. */
export interface Gathering extends CheckContext {
  /** The sheets of this kind, in file and sheet order. */
  sheets: readonly ParsedSheet[];
  /** The 统计表 sheets, whose rows a ledger is held against (LEDGERS.md §6). */
  submissions: readonly ParsedSheet[];
}

/** What a kind finds across its sheets: findings on any sheet (a 统计表's too), flags, and its own analysis. */
export interface Outcome {
  findings: SheetFinding[];
  flags: SheetFlag[];
}

export interface SheetKind<K extends string = string> {
  readonly id: string;
  readonly fields: readonly FieldSpec<K>[];
  /** Whether a header makes a sheet of this kind (PRODUCT.md §2, LEDGERS.md §1). */
  accepts(header: Header): boolean;
  /** A ledger of one branch may name it in its title block instead of a column (LEDGERS.md §1). */
  readonly branchInTitle?: boolean;
  /**
   * The date field whose dates tell a ledger's year when neither its title block nor the
   * assessment year does (LEDGERS.md §1); a 统计表 has none.
   */
  readonly periodField?: K;
  /** Whether a blank cell of a field with a conditional requirement must be filled in this row. */
  requiredWhen?(row: DataRow, requirement: Requirement, settings: Settings): boolean;
  readonly rowRules: readonly RowRule[];
  readonly sheetRules: readonly SheetRule[];
  /** Once every sheet is read: checks across the kind's sheets and against the 统计表, and flags. */
  gather(gathering: Gathering): Outcome;
}
