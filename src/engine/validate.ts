/** The one entry point every host calls: workbooks in, a report out (PRODUCT.md §3, §4, §8). */
import type { Grid } from "./grid";
import { findHeader, type Header } from "./header";
import { makeFinding, orderFindings, type SheetFinding } from "./findings";
import type { FileReport, Finding, Flag, Report, SheetReport } from "./report";
import { RULES_VERSION } from "./rules";
import { FLAG_IDS } from "./flags";
import { checkRoster, readRoster } from "./roster";
import { termFlags } from "./terms";
import { parseSheet, type ParsedSheet } from "./sheet";
import { type DataRow } from "./rows";
import { withDefaults, type Settings } from "./settings";
import { totalFindings } from "./totals";
import { SheetView } from "./view";
import { KINDS } from "./kinds";
import type { SheetFlag, SheetKind } from "./kinds/kind";
import type { Locale } from "../i18n";

export interface WorkbookInput {
  file: string;
  grids: Grid[];
  /** Set when the host could not read the file; it then has no grids. */
  error?: string;
  /** The rule that refused the file (unsupported-file), if one did. */
  errorRule?: "unsupported-file";
}

export interface ValidateOptions {
  settings?: Partial<Settings>;
  /** The roster workbook's sheets. */
  roster?: Grid[];
  /** Only this sheet of each workbook. */
  sheet?: string;
  /** Sheets the add-in created (report, flags…): never validated. */
  ownSheets?: ReadonlySet<string>;
  /** The language of messages, details and labels. */
  locale: Locale;
}

export interface Validation {
  report: Report;
  /** The parsed sheets of every kind, for hosts that go on to consolidate or score the rows. */
  parsed: ParsedSheet[];
  /**
   * The roster's 上年定级 of the rows it matched (PRODUCT.md §7: the office's record wins over
   * the self-reported one); empty without a roster.
   */
  rosterLevels: ReadonlyMap<DataRow, string>;
}

interface Pending {
  book: WorkbookInput;
  file: FileReport;
  /** In sheet order, with the parsed sheet or a ready-made report (header-not-found). */
  sheets: (ParsedSheet | SheetReport)[];
}

/** PRODUCT.md §2: at A1 of the sheet, wherever its used range starts. */
function headerNotFound(grid: Grid, locale: Locale): SheetReport {
  const finding = makeFinding(grid.sheet, { rule: "header-not-found", row: 1, col: 1 }, locale, []);
  return { sheet: grid.sheet, kind: "submission", unit: grid.sheet, months: 12, rows: 0, findings: [finding], flags: [] };
}

/** The first kind whose header a sheet has (LEDGERS.md §1), with that header; null when it has none. */
export function recognise(view: SheetView): { kind: SheetKind; header: Header } | null {
  for (const kind of KINDS) {
    const header = findHeader(view, kind.fields, kind.accepts);
    if (header) return { kind, header };
  }
  return null;
}

function readSheet(grid: Grid, settings: Settings, locale: Locale): ParsedSheet | null {
  const view = new SheetView(grid);
  const found = recognise(view);
  return found ? parseSheet(view, found.header, found.kind, settings, locale) : null;
}

function readBook(book: WorkbookInput, settings: Settings, options: ValidateOptions): Pending {
  const file: FileReport = { file: book.file, sheets: [], skipped: [] };
  const pending: Pending = { book, file, sheets: [] };
  if (book.error !== undefined) {
    file.error = book.error;
    return pending;
  }
  // The roster is never a submission, even when it is a sheet of a submitted workbook.
  const roster = new Set(options.roster ?? []);
  for (const grid of book.grids) {
    const wanted = (options.sheet === undefined || grid.sheet === options.sheet) && !roster.has(grid);
    const parsed = wanted && grid.visible !== false && !options.ownSheets?.has(grid.sheet) ? readSheet(grid, settings, options.locale) : null;
    if (parsed) pending.sheets.push(parsed);
    else file.skipped.push(grid.sheet);
  }
  if (pending.sheets.length === 0) {
    const candidates = book.grids.filter((g) => options.sheet === undefined || g.sheet === options.sheet);
    const first = candidates.find((g) => g.visible !== false) ?? candidates[0];
    if (first) {
      pending.sheets.push(headerNotFound(first, options.locale));
      file.skipped = file.skipped.filter((name) => name !== first.sheet);
    }
  }
  return pending;
}

function isParsed(sheet: ParsedSheet | SheetReport): sheet is ParsedSheet {
  return "header" in sheet;
}

const FLAG_ORDER = new Map(FLAG_IDS.map((id, i) => [id, i]));

/** A sheet's flags by row, each row's in the order of PRODUCT.md §4 (then LEDGERS.md §7). */
function orderFlags(flags: Flag[]): Flag[] {
  return [...flags].sort((a, b) => a.row - b.row || (FLAG_ORDER.get(a.flag) ?? 0) - (FLAG_ORDER.get(b.flag) ?? 0));
}

export function validateWorkbooks(books: WorkbookInput[], options: ValidateOptions): Validation {
  const settings = withDefaults(options.settings);
  const { locale } = options;
  const pendings = books.map((book) => readBook(book, settings, options));
  const parsed = pendings.flatMap((p) => p.sheets.filter(isParsed));
  const submissions = parsed.filter((p) => p.kind.id === "submission");

  const findings = new Map<ParsedSheet, Finding[]>(parsed.map((p) => [p, []]));
  const flags = new Map<ParsedSheet, Flag[]>(parsed.map((p) => [p, []]));
  const attach = (found: readonly SheetFinding[]) => {
    for (const { sheet, finding } of found) findings.get(sheet)?.push(finding);
  };
  const raise = (raised: readonly SheetFlag[]) => {
    for (const { sheet, flag } of raised) flags.get(sheet)?.push(flag);
  };
  for (const sheet of parsed) {
    attach(totalFindings(sheet).map((input) => ({ sheet, finding: makeFinding(sheet.sheet, input, locale, sheet.kind.fields) })));
  }
  for (const kind of KINDS) {
    const outcome = kind.gather({ sheets: parsed.filter((p) => p.kind === kind), submissions, settings, locale });
    attach(outcome.findings);
    raise(outcome.flags);
  }
  let roster: Report["roster"] = { missing: [], unknown: [], unsubmitted: [] };
  let rosterLevels = new Map<DataRow, string>();
  let rosterElections = new Map<DataRow, number>();
  const rosterData = options.roster ? readRoster(options.roster, settings, locale) : null;
  if (rosterData) {
    const checked = checkRoster(rosterData, submissions);
    attach(checked.findings);
    roster = checked.roster;
    rosterLevels = checked.levels;
    rosterElections = checked.elections;
  }
  raise(termFlags(submissions, rosterElections, settings, locale));

  const files: FileReport[] = [];
  for (const pending of pendings) {
    for (const sheet of pending.sheets) {
      if (!isParsed(sheet)) {
        pending.file.sheets.push(sheet);
        continue;
      }
      pending.file.sheets.push({
        sheet: sheet.sheet,
        kind: sheet.kind.id,
        unit: sheet.unit,
        months: sheet.months,
        rows: sheet.rows.length,
        findings: orderFindings([...sheet.findings, ...(findings.get(sheet) ?? [])]),
        flags: orderFlags(flags.get(sheet) ?? []),
      });
    }
    files.push(pending.file);
  }

  const summary = { errors: 0, warnings: 0, infos: 0, flags: 0 };
  for (const file of files) {
    if (file.error !== undefined) summary.errors++;
    for (const sheet of file.sheets) {
      summary.flags += sheet.flags.length;
      for (const f of sheet.findings) {
        if (f.severity === "error") summary.errors++;
        else if (f.severity === "warning") summary.warnings++;
        else summary.infos++;
      }
    }
  }
  summary.errors += roster.missing.length;
  return { report: { rulesVersion: RULES_VERSION, files, roster, summary }, parsed, rosterLevels };
}

export function validate(books: WorkbookInput[], options: ValidateOptions): Report {
  return validateWorkbooks(books, options).report;
}
