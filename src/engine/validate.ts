/** The one entry point every host calls: workbooks in, a report out (PRODUCT.md §3, §4, §8). */
import type { Grid } from "./grid";
import { makeFinding, orderFindings } from "./findings";
import { flagsOfRow } from "./flags";
import type { FileReport, Finding, Flag, Report, SheetReport } from "./report";
import { RULES_VERSION } from "./rules";
import { checkRoster, readRoster } from "./roster";
import { duplicateFindings, inconsistentFindings, totalFindings } from "./checks";
import { findSubmissionHeader, isRequired, parseSheet, type DataRow, type ParsedSheet } from "./sheet";
import { withDefaults, type Settings } from "./settings";
import type { FieldKey } from "./schema";
import { SheetView } from "./view";
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
  /** Sheets the add-in created (report, flags…): never submissions. */
  ownSheets?: ReadonlySet<string>;
  /** The language of messages, details and labels. */
  locale: Locale;
}

export interface Validation {
  report: Report;
  /** The parsed sheets, for hosts that go on to consolidate or score the rows. */
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
  const finding = makeFinding(grid.sheet, { rule: "header-not-found", row: 1, col: 1 }, locale);
  return { sheet: grid.sheet, unit: grid.sheet, months: 12, rows: 0, findings: [finding], flags: [] };
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
    const view = new SheetView(grid);
    const header = wanted && grid.visible !== false && !options.ownSheets?.has(grid.sheet) ? findSubmissionHeader(view) : null;
    if (!header) {
      file.skipped.push(grid.sheet);
      continue;
    }
    const parsed = parseSheet(view, header, settings, options.locale);
    pending.sheets.push(parsed);
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

export function validateWorkbooks(books: WorkbookInput[], options: ValidateOptions): Validation {
  const settings = withDefaults(options.settings);
  const pendings = books.map((book) => readBook(book, settings, options));
  const parsed = pendings.flatMap((p) => p.sheets.filter(isParsed));

  const bySheet = new Map<ParsedSheet, Finding[]>(parsed.map((p) => [p, []]));
  const attach = (sheet: ParsedSheet, findings: Finding[]) => bySheet.get(sheet)?.push(...findings);
  for (const sheet of parsed) {
    attach(sheet, totalFindings(sheet));
    attach(sheet, inconsistentFindings(sheet, settings));
  }
  const crossSheet = duplicateFindings(parsed);
  let roster: Report["roster"] = { missing: [], unknown: [], unsubmitted: [] };
  let rosterLevels = new Map<DataRow, string>();
  const rosterData = options.roster ? readRoster(options.roster, settings, options.locale) : null;
  if (rosterData) {
    const checked = checkRoster(rosterData, parsed);
    crossSheet.push(...checked.findings);
    roster = checked.roster;
    rosterLevels = checked.levels;
  }
  for (const { sheet, finding } of crossSheet) attach(sheet, [finding]);

  const files: FileReport[] = [];
  for (const pending of pendings) {
    for (const sheet of pending.sheets) {
      if (!isParsed(sheet)) {
        pending.file.sheets.push(sheet);
        continue;
      }
      const findings = orderFindings([...sheet.findings, ...(bySheet.get(sheet) ?? [])]);
      const present = new Set<FieldKey>(sheet.header.byKey.keys());
      const flags: Flag[] = sheet.rows.flatMap((row) =>
        flagsOfRow(row, sheet.sheet, sheet.months, settings, present, (key) => isRequired(row, key, settings), options.locale),
      );
      pending.file.sheets.push({ sheet: sheet.sheet, unit: sheet.unit, months: sheet.months, rows: sheet.rows.length, findings, flags });
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
