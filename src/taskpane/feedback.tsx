/**
 * How every tab reports its work: a progress bar while it runs (buttons disabled), then what it
 * did or why it failed, in words. Shared so no view can forget one of them, and so no failure is
 * ever left unshown.
 */
import { Component, useCallback, useRef, useState, useSyncExternalStore, type ReactNode } from "react";
import { Field, MessageBar, MessageBarBody, ProgressBar } from "@fluentui/react-components";
import { reasonOf, type Locale, type Translate } from "../i18n";
import type { PaneKey } from "../i18n/pane";
import { useLocale, useText } from "./text";
import type { Host, Progress } from "../host/host";
import { ValidationRefused, type Checked, type Failure, type ValidationState, type ValidationStore } from "./validationStore";

/** A failure in the pane's words. */
export function failureText(failure: Failure, t: Translate<PaneKey>): string {
  switch (failure.kind) {
    case "failed":
      return t("pane.validate.failed", { reason: failure.reason });
    case "settings":
      return t("tabs.failure.settings", { problems: failure.problems.join("；") });
    case "roster":
      return t(failure.problem === "missing" ? "tabs.failure.rosterMissing" : "tabs.failure.rosterNoBranches", { sheet: failure.sheet });
    case "showFailed":
      return t("pane.command.showFailed", { reason: failure.reason });
    case "selectFailed":
      return t("pane.validate.selectFailed", { cell: failure.cell, reason: failure.reason });
    case "refused":
      return failure.message;
  }
}

/** An error whose message is already the whole sentence to show (no "…failed:" prefix). */
export class Refusal extends Error {}

/** An error as the sentence the user reads: refusals in their own words, anything else after `failed`. */
function sentenceOf(error: unknown, failed: (reason: string) => string, t: Translate<PaneKey>, locale: Locale): string {
  if (error instanceof Refusal) return error.message;
  if (error instanceof ValidationRefused) return failureText(error.failure, t);
  return failed(reasonOf(error, locale));
}

export function useValidationState(store: ValidationStore): ValidationState {
  return useSyncExternalStore(store.subscribe, store.get, store.get);
}

/**
 * A validation of every sheet, made now: what 汇总, 预警 and 评分 build on, so they never
 * write a sheet from a report older than the workbook. Refused in the store's words on failure.
 */
export async function freshValidation(host: Host, store: ValidationStore, t: Translate<PaneKey>): Promise<Checked> {
  let checked = await store.run(host, "all");
  // A run already under way (started from 校验 on the active sheet) covers less than every sheet.
  if (checked?.scope === "active") checked = await store.run(host, "all");
  if (checked) return checked;
  const failure = store.get().failures[0];
  throw new Refusal(failure ? failureText(failure, t) : t("tabs.failure.unknown"));
}

export interface ActionState {
  busy: boolean;
  /** Progress reported by the host, or null while it has said nothing (an indeterminate bar). */
  progress: { done: number; total: number } | null;
  failure: string | null;
  /** What the last action did, in words. */
  notice: string | null;
}

const IDLE: ActionState = { busy: false, progress: null, failure: null, notice: null };

export interface Action {
  state: ActionState;
  /**
   * Runs work unless an action of this view is already running: busy until it settles, then
   * its notice, or the failure as `failed(reason)` (a refusal in its own words).
   */
  perform(failed: (reason: string) => string, work: (progress: Progress) => Promise<string | null>): Promise<void>;
}

export function useAction(): Action {
  const t = useText();
  const locale = useLocale();
  const [state, setState] = useState<ActionState>(IDLE);
  const running = useRef(false);
  const perform = useCallback(async (failed: (reason: string) => string, work: (progress: Progress) => Promise<string | null>) => {
    if (running.current) return;
    running.current = true;
    setState({ ...IDLE, busy: true });
    try {
      const notice = await work((done, total) => setState((s) => ({ ...s, progress: { done, total } })));
      setState({ ...IDLE, notice });
    } catch (error) {
      setState({ ...IDLE, failure: sentenceOf(error, failed, t, locale) });
    } finally {
      running.current = false;
    }
  }, [t, locale]);
  return { state, perform };
}

/**
 * An action of a tab that builds on a validation: busy while the action runs or while any
 * validation (this tab's, another tab's, the ribbon's) is under way.
 */
export function useValidatingAction(store: ValidationStore): { action: Action; busy: boolean } {
  const action = useAction();
  const validating = useValidationState(store).phase.kind !== "idle";
  return { action, busy: action.state.busy || validating };
}

/** The progress bar of a running action, or its outcome. */
export function Feedback({ state, working }: { state: ActionState; working?: boolean }) {
  const t = useText();
  const busy = state.busy || working === true;
  const known = state.busy && state.progress !== null && state.progress.total > 0;
  const label = known ? t("tabs.progress", { done: state.progress!.done, total: state.progress!.total }) : t("tabs.working");
  return (
    <>
      {busy && (
        <Field validationMessage={label} validationState="none">
          <ProgressBar value={known ? state.progress!.done / state.progress!.total : undefined} aria-label={label} />
        </Field>
      )}
      {state.failure !== null && (
        <MessageBar intent="error">
          <MessageBarBody>{state.failure}</MessageBarBody>
        </MessageBar>
      )}
      {state.notice !== null && (
        <MessageBar intent="success">
          <MessageBarBody>{state.notice}</MessageBarBody>
        </MessageBar>
      )}
    </>
  );
}

/** Shown while a part of the pane loads (the workbook tabs' chunk); busy, so tests wait for it. */
export function Loading() {
  const t = useText();
  return (
    <div aria-busy="true">
      <ProgressBar aria-label={t("tabs.loading")} />
    </div>
  );
}

/**
 * Shows, in words, why a part of the pane could not be shown (its code would not load, or it
 * threw while rendering), instead of React unmounting the whole pane.
 */
export class LoadBoundary extends Component<{ children: ReactNode }, { failure: { error: unknown } | null }> {
  override state: { failure: { error: unknown } | null } = { failure: null };

  static getDerivedStateFromError(error: unknown): { failure: { error: unknown } } {
    return { failure: { error } };
  }

  override render() {
    return this.state.failure === null ? this.props.children : <LoadFailed error={this.state.failure.error} />;
  }
}

function LoadFailed({ error }: { error: unknown }) {
  const t = useText();
  const locale = useLocale();
  return (
    <MessageBar intent="error">
      <MessageBarBody>{t("tabs.loadFailed", { reason: reasonOf(error, locale) })}</MessageBarBody>
    </MessageBar>
  );
}
