/**
 * `dj-assess validate`: reads the files, runs the engine, prints, writes annotated copies and
 * decides the exit status (0 clean, 1 errors found, 2 a file or an argument could not be used).
 * Every problem reaches the user as one Chinese line; nothing here prints a stack.
 */
import { mkdirSync, readFileSync, statSync } from "node:fs";
import { basename, extname, resolve } from "node:path";
import { validateWorkbooks, type Grid, type Settings, type WorkbookInput } from "../engine";
import { settingsFromGrid, settingsFromJson } from "../engine/settingsInput";
import { isUnsupportedName, readWorkbook, WorkbookReadError } from "../files/read";
import { withReadLimits, type ReadLimits } from "../files/limits";
import { reasonOf, type Locale, type Translate } from "../i18n";
import { cliText, type CliKey } from "../i18n/cli";
import { sheetsStrings } from "../i18n/sheets";
import { ruleMessage } from "../engine/rules";
import { limitFlag, limitsFromSettings } from "./limitOptions";
import { formatSummary } from "./summary";
import { chooseOutputName, writeOwnedFile } from "./outputName";

export interface ValidateArgs {
  files: string[];
  roster?: string;
  settings?: string;
  sheet?: string;
  json?: boolean;
  annotate?: string;
  /**
   * Read limits raised or lowered from the command line. They win over the settings file's
   * "limits", which win over the defaults.
   */
  limits?: Partial<ReadLimits>;
  /** The language of everything printed. */
  locale: Locale;
}

export interface Output {
  out(text: string): void;
  err(line: string): void;
}

export const EXIT = { clean: 0, errors: 1, unusable: 2 } as const;

/** A problem with one input, said in one line. */
class InputProblem extends Error {}

/** The words of one run: its language and the command line's strings in it. */
interface Speech {
  locale: Locale;
  t: Translate<CliKey>;
}

function describe(error: unknown, file: string, { locale, t }: Speech): string {
  if (error instanceof InputProblem) return error.message;
  if (error instanceof WorkbookReadError) {
    const hint = error.limit ? t("cli.limit.hint", { option: limitFlag(error.limit) }) : "";
    return `${basename(file)}：${reasonOf(error, locale)}${hint}`;
  }
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  if (code === "ENOENT") return t("cli.error.notFound", { file });
  if (code === "EACCES" || code === "EPERM") return t("cli.error.noAccess", { file });
  if (code === "EISDIR") return t("cli.error.isDirectory", { file });
  return t("cli.error.unreadable", { file, reason: reasonOf(error, locale) });
}

function readBytes(file: string): Buffer {
  if (statSync(file).isDirectory()) throw Object.assign(new Error(file), { code: "EISDIR" });
  return readFileSync(file);
}

async function readGrids(file: string, limits: ReadLimits, locale: Locale): Promise<{ bytes: Buffer; grids: Grid[] }> {
  if (isUnsupportedName(file)) throw new InputProblem(ruleMessage("unsupported-file", "default", locale, { file: basename(file) }));
  const bytes = readBytes(file);
  return { bytes, grids: await readWorkbook(bytes, limits) };
}

/** What a settings file says: the engine's settings, the read limits, and every problem with either. */
interface SettingsFile {
  settings: Partial<Settings>;
  limits: Partial<ReadLimits>;
  problems: string[];
}

/**
 * A settings JSON's "limits" taken apart from the rest. The engine never reads files, so read
 * limits are not Settings: they are split off here, before settingsFromJson sees the object,
 * rather than taught to the engine as a key it must skip — settingsFromJson keeps refusing
 * every key it does not own, and the limits are checked by the code that applies them.
 */
function splitLimits(json: unknown): { limits?: unknown; rest: unknown } {
  if (json === null || typeof json !== "object" || Array.isArray(json) || !("limits" in json)) return { rest: json };
  const { limits, ...rest } = json as Record<string, unknown>;
  return { limits, rest };
}

async function readSettings(file: string, limits: ReadLimits, { locale, t }: Speech): Promise<SettingsFile> {
  if (extname(file).toLowerCase() === ".json") {
    let json: unknown;
    try {
      json = JSON.parse(readBytes(file).toString("utf8"));
    } catch (error) {
      if (error instanceof SyntaxError) throw new InputProblem(t("cli.error.badJson", { file, reason: error.message }));
      throw error;
    }
    const split = splitLimits(json);
    const input = settingsFromJson(split.rest, locale);
    const read = "limits" in split ? limitsFromSettings(split.limits, t) : { limits: {}, problems: [] };
    return { settings: input.settings, limits: read.limits, problems: [...input.problems, ...read.problems] };
  }
  // A 参数 sheet holds what an office changes in the add-in too, where read limits mean nothing.
  const { grids } = await readGrids(file, limits, locale);
  // The 参数 sheet is named in the language of the Excel that wrote it.
  const names = [sheetsStrings["zh-CN"]["sheet.settings"], sheetsStrings["en-US"]["sheet.settings"]];
  const sheet = grids.find((g) => names.includes(g.sheet));
  if (!sheet) throw new InputProblem(t("cli.error.noSettingsSheet", { file, sheet: names[0] }));
  return { ...settingsFromGrid(sheet, locale), limits: {} };
}

export async function runValidate(args: ValidateArgs, io: Output): Promise<number> {
  const speech: Speech = { locale: args.locale, t: cliText(args.locale) };
  const { t } = speech;
  let limits = withReadLimits(args.limits);
  let unusable = false;
  const fail = (line: string) => {
    unusable = true;
    io.err(line);
  };

  let settings: Partial<Settings> = {};
  if (args.settings) {
    try {
      // A settings workbook is read under the command line's limits: it cannot carry its own.
      const input = await readSettings(args.settings, limits, speech);
      if (input.problems.length > 0) {
        for (const problem of input.problems) io.err(`${args.settings}: ${problem}`);
        return EXIT.unusable;
      }
      settings = input.settings;
      limits = withReadLimits({ ...input.limits, ...args.limits });
    } catch (error) {
      io.err(describe(error, args.settings, speech));
      return EXIT.unusable;
    }
  }

  let roster: Grid[] | undefined;
  if (args.roster) {
    try {
      roster = (await readGrids(args.roster, limits, args.locale)).grids;
    } catch (error) {
      fail(describe(error, args.roster, speech));
    }
  }

  const books: WorkbookInput[] = [];
  const bytes = new Map<string, Buffer>();
  for (const file of args.files) {
    try {
      const read = await readGrids(file, limits, args.locale);
      books.push({ file, grids: read.grids });
      bytes.set(file, read.bytes);
    } catch (error) {
      const message = describe(error, file, speech);
      fail(message);
      books.push({ file, grids: [], error: message });
    }
  }
  if (args.sheet !== undefined && !books.some((b) => b.grids.some((g) => g.sheet === args.sheet))) {
    io.err(t("cli.error.noSuchSheet", { sheet: args.sheet }));
    return EXIT.unusable;
  }

  const { report } = validateWorkbooks(books, { settings, roster, sheet: args.sheet, locale: args.locale });
  // Compact: --json is for programs, and V8 indents a report of 50 files at a tenth of the speed
  // (72 ms against 6 ms, docs/PERFORMANCE.md) and twice the bytes. People read the summary.
  if (args.json) io.out(JSON.stringify(report) + "\n");
  else io.out(formatSummary(report, roster !== undefined, args.locale));

  if (args.annotate) {
    const dir = resolve(args.annotate);
    try {
      mkdirSync(dir, { recursive: true });
    } catch (error) {
      io.err(describe(error, args.annotate, speech));
      return EXIT.unusable;
    }
    const taken = new Set<string>();
    // No file given to this run is ever written over, whatever the folder: a copy gets a suffix instead.
    const inputs = [...args.files, args.settings, args.roster].filter((file): file is string => file !== undefined);
    for (const file of report.files) {
      const original = bytes.get(file.file);
      if (!original) continue;
      try {
        const findings = file.sheets.flatMap((s) => s.findings);
        // exceljs, most of the CLI's start-up, is loaded only when a copy is written.
        const { annotateWorkbook } = await import("../files/annotate.js");
        const copy = await annotateWorkbook(original, file.file, findings, { limits, locale: args.locale });
        const name = chooseOutputName(dir, file.file, taken, inputs);
        writeOwnedFile(dir, name, copy);
        if (!args.json) io.err(t("cli.annotated", { file: resolve(dir, name) }));
      } catch (error) {
        fail(describe(error, file.file, speech));
      }
    }
  }

  if (unusable) return EXIT.unusable;
  return report.summary.errors > 0 ? EXIT.errors : EXIT.clean;
}

