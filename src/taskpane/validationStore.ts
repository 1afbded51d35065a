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
import { validateWorkbooks, type Report } from "../engine";
import { locatedFindings, type Host } from "./host";

export type Stage = "reading" | "marking";
export type Phase = { kind: "idle" } | { kind: Stage; done: number; total: number };

/** Why the last request has no (fresh) report: shown by the pane in words. */
export type Failure =
  /** Reading, validating or marking threw; reason is the error's message. */
  | { kind: "failed"; reason: string }
  /** The ribbon could not open the task pane. */
  | { kind: "showFailed"; reason: string }
  /** Clicking a finding could not select its cell. */
  | { kind: "selectFailed"; cell: string; reason: string }
  /** A refusal already in words (e.g. the preview's "open files first"). */
  | { kind: "refused"; message: string };

export interface ValidationState {
  phase: Phase;
  report: Report | null;
  /** What went wrong since the last validation started, at most one of each kind. */
  failures: Failure[];
  /** Counts finished validations, so a view can tell a new report from the one it has shown. */
  runs: number;
}

export type StageProgress = (stage: Stage, done: number, total: number) => void;

/**
 * One validation: reads the host's sheets, validates them and marks the problem cells. The only
 * place this sequence lives: the 校验 view and the ribbon both come here (through a store).
 */
export async function runValidation(host: Host, scope: "all" | "active", progress?: StageProgress): Promise<Report> {
  progress?.("reading", 0, 0);
  const books = await host.readWorkbooks(scope, (done, total) => progress?.("reading", done, total));
  const { report } = validateWorkbooks(books);
  progress?.("marking", 0, 0);
  await host.markFindings(locatedFindings(report), (done, total) => progress?.("marking", done, total));
  return report;
}

export function reasonOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

export interface ValidationStore {
  get(): ValidationState;
  /** Calls listener after every change; returns the unsubscribe function. */
  subscribe(listener: () => void): () => void;
  /**
   * Validates on host, recording progress, then the report or the failure. Never rejects. While
   * one runs, another request gets the running one's promise instead of starting a second.
   */
  run(host: Host, scope?: "all" | "active"): Promise<Report | null>;
  /**
   * Records a failure that happened outside run (e.g. opening the pane, selecting a cell),
   * replacing an earlier one of the same kind; the next run clears them all.
   */
  fail(failure: Failure): void;
}

export function createValidationStore(): ValidationStore {
  let state: ValidationState = { phase: { kind: "idle" }, report: null, failures: [], runs: 0 };
  let running: Promise<Report | null> | null = null;
  const listeners = new Set<() => void>();

  const set = (change: Partial<ValidationState>) => {
    state = { ...state, ...change };
    for (const listener of [...listeners]) listener();
  };

  const start = async (host: Host, scope: "all" | "active"): Promise<Report | null> => {
    set({ failures: [], phase: { kind: "reading", done: 0, total: 0 } });
    try {
      const report = await runValidation(host, scope, (kind, done, total) => set({ phase: { kind, done, total } }));
      set({ report, phase: { kind: "idle" }, runs: state.runs + 1 });
      return report;
    } catch (error) {
      set({ failures: [{ kind: "failed", reason: reasonOf(error) }], phase: { kind: "idle" }, runs: state.runs + 1 });
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
