/**
 * The last validation and its outcome, shared by whoever starts one and whoever shows it: the
 * 校验 view's button, and the ribbon's 一键校验 (src/commands), which has no screen of its own and
 * opens the task pane on the result (PRODUCT.md §7).
 *
 * The ribbon handlers and the pane are separate bundles on one page (the shared runtime), so each
 * has its own copy of this module; `sharedValidationStore()` keeps the one store on globalThis so
 * both copies see the same state. Failures are kept as data (kind + reason), not as sentences:
 * the pane words them in its own locale.
 */
import { validateWorkbooks, withDefaults, type Grid, type Settings, type Validation, type WorkbookInput } from "../engine";
import { readRoster } from "../engine/roster";
import { settingsFromGrid } from "../engine/settingsInput";
import { locatedFindings, type Host, type WorkbookActions } from "../host/host";
import { reasonOf, type Locale } from "../i18n";

export type Stage = "reading" | "marking";
export type Phase = { kind: "idle" } | { kind: Stage; done: number; total: number };
export type Scope = "all" | "active";

/** Why the last request has no (fresh) report: shown by the pane in words. */
export type Failure =
  /** Reading, validating or marking threw; reason is the error's message. */
  | { kind: "failed"; reason: string }
  /** The 参数 sheet has values the engine refuses: nothing was validated. */
  | { kind: "settings"; problems: string[] }
  /** The roster sheet chosen in 名册 is gone, or has no 党支部名称 column. */
  | { kind: "roster"; sheet: string; problem: "missing" | "noBranches" }
  /** The ribbon could not open the task pane. */
  | { kind: "showFailed"; reason: string }
  /** Clicking a finding could not select its cell. */
  | { kind: "selectFailed"; cell: string; reason: string }
  /** A refusal already in words (e.g. the preview's "open files first"). */
  | { kind: "refused"; message: string };

/** A validation with what it was made with, so 汇总/预警/评分 can build on the fresh result. */
export interface Checked extends Validation {
  /** The settings it used (from the 参数 sheet, else the defaults). */
  settings: Settings;
  /** The roster sheet it checked against, if any. */
  roster: string | null;
  scope: Scope;
}

export interface ValidationState {
  phase: Phase;
  /** The last validation that finished (a failed one leaves the previous one here). */
  checked: Checked | null;
  /** What went wrong since the last validation started, at most one of each kind. */
  failures: Failure[];
  /** Counts finished validations, so a view can tell a new report from the one it has shown. */
  runs: number;
  /** The sheet chosen in 名册 as the roster; null for none. */
  rosterSheet: string | null;
}

export type StageProgress = (stage: Stage, done: number, total: number) => void;

/** A validation refused before it started, for a reason the pane words itself. */
export class ValidationRefused extends Error {
  constructor(readonly failure: Failure) {
    super(failure.kind);
  }
}

/**
 * The settings of the workbook's 参数 sheet, or the defaults when it has none. Refused when a
 * value is wrong: validating or scoring with half of the office's settings would look right and
 * not be.
 */
export async function workbookSettings(workbook: WorkbookActions | undefined, locale: Locale): Promise<Settings> {
  const grid = workbook ? await workbook.readOwned("settings") : null;
  if (!grid) return withDefaults();
  const { settings, problems } = settingsFromGrid(grid, locale);
  if (problems.length > 0) throw new ValidationRefused({ kind: "settings", problems });
  return withDefaults(settings);
}

/**
 * The roster sheet as a grid. Taken from the sheets already read when it is among them, so the
 * validator recognises the very same grid and never reads the roster as a submission.
 */
async function rosterGrid(workbook: WorkbookActions, locale: Locale, sheet: string, books: WorkbookInput[], settings: Settings): Promise<Grid> {
  const grid = books.flatMap((b) => b.grids).find((g) => g.sheet === sheet) ?? (await workbook.readSheet(sheet));
  if (!grid) throw new ValidationRefused({ kind: "roster", sheet, problem: "missing" });
  if (!readRoster([grid], settings, locale)) throw new ValidationRefused({ kind: "roster", sheet, problem: "noBranches" });
  return grid;
}

export interface RunOptions {
  scope?: Scope;
  /** The roster sheet's name (Excel only: the preview has no workbook to hold one). */
  roster?: string | null;
}

/**
 * One validation: reads the settings and the host's sheets (and the roster), validates them and
 * marks the problem cells. The only place this sequence lives: the 校验 view, the other tabs and
 * the ribbon all come here (through a store).
 */
export async function runValidation(host: Host, options: RunOptions = {}, progress?: StageProgress): Promise<Checked> {
  const scope = options.scope ?? "all";
  const rosterSheet = host.workbook ? (options.roster ?? null) : null;
  progress?.("reading", 0, 0);
  const settings = await workbookSettings(host.workbook, host.locale);
  const read = await host.readWorkbooks(scope, (done, total) => progress?.("reading", done, total));
  let books = read;
  let roster: Grid[] | undefined;
  if (host.workbook && rosterSheet !== null) {
    const grid = await rosterGrid(host.workbook, host.locale, rosterSheet, read, settings);
    roster = [grid];
    // The active sheet may be the roster, read a second time: the one grid stands for both.
    books = read.map((book) => ({ ...book, grids: book.grids.map((g) => (g.sheet === rosterSheet ? grid : g)) }));
  }
  const validation = validateWorkbooks(books, { settings, roster, locale: host.locale });
  progress?.("marking", 0, 0);
  await host.markFindings(locatedFindings(validation.report), (done, total) => progress?.("marking", done, total));
  return { ...validation, settings, roster: rosterSheet, scope };
}

/** A thrown error as the failure the pane shows, its reason in the host's language. */
export function failureOf(error: unknown, locale: Locale): Failure {
  return error instanceof ValidationRefused ? error.failure : { kind: "failed", reason: reasonOf(error, locale) };
}

export interface ValidationStore {
  get(): ValidationState;
  /** Calls listener after every change; returns the unsubscribe function. */
  subscribe(listener: () => void): () => void;
  /**
   * Validates on host with the chosen roster, recording progress, then the result or the
   * failure. Never rejects. While one runs, another request gets the running one's promise
   * instead of starting a second.
   */
  run(host: Host, scope?: Scope): Promise<Checked | null>;
  /**
   * Records a failure that happened outside run (e.g. opening the pane, selecting a cell),
   * replacing an earlier one of the same kind; the next run clears them all.
   */
  fail(failure: Failure): void;
  /** Chooses the roster sheet (null for none) for the next validations. */
  setRosterSheet(sheet: string | null): void;
  /**
   * Shows the outcome of a validation run elsewhere, as if it had just finished here: in WPS the
   * ribbon's page validates and the pane, a page of its own, is handed the outcome.
   */
  adopt(checked: Checked | null, failures: Failure[]): void;
}

export function createValidationStore(): ValidationStore {
  let state: ValidationState = { phase: { kind: "idle" }, checked: null, failures: [], runs: 0, rosterSheet: null };
  let running: Promise<Checked | null> | null = null;
  const listeners = new Set<() => void>();

  const set = (change: Partial<ValidationState>) => {
    state = { ...state, ...change };
    for (const listener of [...listeners]) listener();
  };

  const start = async (host: Host, scope: Scope): Promise<Checked | null> => {
    set({ failures: [], phase: { kind: "reading", done: 0, total: 0 } });
    try {
      const checked = await runValidation(host, { scope, roster: state.rosterSheet }, (kind, done, total) =>
        set({ phase: { kind, done, total } }),
      );
      set({ checked, phase: { kind: "idle" }, runs: state.runs + 1 });
      return checked;
    } catch (error) {
      set({ failures: [failureOf(error, host.locale)], phase: { kind: "idle" }, runs: state.runs + 1 });
      return null;
    }
  };

  return {
    get: () => state,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    run(host, scope = "all") {
      running ??= start(host, scope).finally(() => {
        running = null;
      });
      return running;
    },
    fail(failure) {
      set({ failures: [...state.failures.filter((f) => f.kind !== failure.kind), failure] });
    },
    setRosterSheet(sheet) {
      set({ rosterSheet: sheet });
    },
    adopt(checked, failures) {
      set({ checked: checked ?? state.checked, failures, phase: { kind: "idle" }, runs: state.runs + 1 });
    },
  };
}

const SLOT = Symbol.for("dj-assess.taskpane.shared");

interface SharedSlot {
  store?: ValidationStore;
  host?: Host;
}

function slot(): SharedSlot {
  const global = globalThis as { [SLOT]?: SharedSlot };
  return (global[SLOT] ??= {});
}

/** The page's one store: the ribbon writes to it, the task pane shows it. */
export function sharedValidationStore(): ValidationStore {
  const shared = slot();
  return (shared.store ??= createValidationStore());
}

/**
 * The page's one host, made by `make` the first time it is asked for (src/taskpane/office.ts
 * passes one that makes an ExcelHost). Tests put a stand-in in first with provideSharedHost.
 */
export function sharedHost(make: () => Host): Host {
  const shared = slot();
  return (shared.host ??= make());
}

/** Replaces the page's host (tests) or forgets it (undefined). */
export function provideSharedHost(host: Host | undefined): void {
  slot().host = host;
}

/** Forgets the page's store and host (tests). */
export function resetShared(): void {
  const shared = slot();
  delete shared.store;
  delete shared.host;
}
