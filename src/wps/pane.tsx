/**
 * The task pane page in WPS 表格 (taskpane.html, opened by Application.CreateTaskPane): the same
 * React pane as in Excel over a WpsHost. WPS injects window.Application into this page too. The
 * outcome of the ribbon's 一键校验, when it left one, is shown at once; the roster chosen in 名册
 * is left for the ribbon's next run.
 */
import { createRoot } from "react-dom/client";
import { localeOf } from "../i18n";
import { paneText } from "../i18n/pane";
import { wpsText } from "../i18n/wps";
import { App, type AppNotice } from "../taskpane/App";
import { PaneBoundary } from "../taskpane/PaneBoundary";
import { LocaleProvider } from "../taskpane/text";
import { createValidationStore } from "../taskpane/validationStore";
import type { EtApplication } from "./et";
import { functionsState, keepRosterSheet, rosterSheetOf, takeOver } from "./handoff";
import { WpsHost } from "./wpsHost";

declare const window: Window & { Application?: EtApplication };

const locale = localeOf(navigator.language);
document.documentElement.lang = locale;
document.title = paneText(locale)("app.name");
const root = document.getElementById("root");
if (!root) throw new Error("taskpane.html has no #root element");

/** A line above the tabs when the DJ functions could not be registered. */
function functionsNotice(app: EtApplication): AppNotice | undefined {
  const functions = functionsState(app.PluginStorage);
  if (functions?.state === "unsupported") return { kind: "functionsUnsupported" };
  if (functions?.state === "failed") return { kind: "functionsFailed", reason: functions.reason };
  return undefined;
}

const app = window.Application;
const host = app ? new WpsHost(() => app, { locale }) : null;
const store = createValidationStore();
if (app) {
  const storage = app.PluginStorage;
  store.setRosterSheet(rosterSheetOf(storage));
  const handed = takeOver(storage);
  if (handed) store.adopt(handed.checked, handed.failures);
  let roster = store.get().rosterSheet;
  store.subscribe(() => {
    const chosen = store.get().rosterSheet;
    if (chosen !== roster) keepRosterSheet(storage, (roster = chosen));
  });
}

createRoot(root).render(
  <PaneBoundary locale={locale}>
    <LocaleProvider value={locale}>
      {app && host ? <App host={host} store={store} notice={functionsNotice(app)} /> : <p role="alert">{wpsText(locale)("wps.pane.outsideWps")}</p>}
    </LocaleProvider>
  </PaneBoundary>,
);
