/**
 * What the ribbon's page hands the task pane. In WPS they are two pages with nothing shared but
 * PluginStorage (strings, kept while WPS runs, never saved): the ribbon's 一键校验 validates and
 * marks on its own page — so the marks are made even when no pane can open — and leaves its
 * outcome here for the pane it opens. Only plain data crosses: the report, the settings, the
 * roster and the scope; the parsed rows stay behind, and the tabs that build on them (汇总, 预警,
 * 评分) validate afresh as they do in Excel. The pane, in turn, leaves the roster chosen in 名册
 * for the ribbon's next run.
 */
import type { Checked, Failure } from "../taskpane/validationStore";
import type { EtPluginStorage } from "./et";

export const VALIDATION_KEY = "dj-assess.validation";
export const ROSTER_KEY = "dj-assess.rosterSheet";
/** Whether the add-in's page registered the DJ functions (FunctionsState as JSON). */
export const FUNCTIONS_KEY = "dj-assess.functions";

/** "unsupported": WPS before 12.1.0.20540, without AddCustomFunction. */
export type FunctionsState = { state: "registered" | "unsupported" } | { state: "failed"; reason: string };

/** What the add-in's page said of the DJ functions; undefined before it said anything. */
export function functionsState(storage: EtPluginStorage): FunctionsState | undefined {
  const text = storage.getItem(FUNCTIONS_KEY);
  return text ? (JSON.parse(text) as FunctionsState) : undefined;
}

type Handed = Pick<Checked, "report" | "settings" | "roster" | "scope">;

interface Handoff {
  checked: Handed | null;
  failures: Failure[];
}

export function handOver(storage: EtPluginStorage, checked: Checked | null, failures: Failure[]): void {
  const handed: Handoff = {
    checked: checked && { report: checked.report, settings: checked.settings, roster: checked.roster, scope: checked.scope },
    failures,
  };
  storage.setItem(VALIDATION_KEY, JSON.stringify(handed));
}

/** The outcome the ribbon left, or undefined when it left none. */
export function takeOver(storage: EtPluginStorage): { checked: Checked | null; failures: Failure[] } | undefined {
  const text = storage.getItem(VALIDATION_KEY);
  if (!text) return undefined;
  const handed = JSON.parse(text) as Handoff;
  return {
    checked: handed.checked && { ...handed.checked, parsed: [], rosterLevels: new Map() },
    failures: handed.failures,
  };
}

export function rosterSheetOf(storage: EtPluginStorage): string | null {
  return storage.getItem(ROSTER_KEY) || null;
}

export function keepRosterSheet(storage: EtPluginStorage, sheet: string | null): void {
  if (sheet === null) storage.removeItem(ROSTER_KEY);
  else storage.setItem(ROSTER_KEY, sheet);
}
