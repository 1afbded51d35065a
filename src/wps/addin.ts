/**
 * The add-in's page in WPS 表格 (index.html, loaded hidden beside ribbon.xml): the ribbon's
 * callbacks, as the globals ribbon.xml names, and the DJ functions registered with
 * wps.AddCustomFunction where this WPS has it (PRODUCT.md §10).
 *
 * Import order matters: the shim must define CustomFunctions before functions.ts runs its
 * associate calls (appended by custom-functions-metadata-plugin, as in the Excel build).
 */
import { customFunctionRegistry } from "./customFunctionsShim";
import "../functions/functions";
import { localeOf, reasonOf } from "../i18n";
import { wpsText } from "../i18n/wps";
import { createValidationStore } from "../taskpane/validationStore";
import { registerWpsFunctions } from "./customFunctions";
import type { EtApplication, EtRoot, EtTaskPane } from "./et";
import { FUNCTIONS_KEY, handOver, rosterSheetOf, type FunctionsState } from "./handoff";
import { WpsHost } from "./wpsHost";

/** Set by WPS before the page's scripts run. */
declare const window: Window & { Application?: EtRoot; wps?: EtRoot; ribbon?: Ribbon };

/** Where the pane's id is kept, per WPS window: one pane per window. */
const PANE_KEY = "dj-assess.pane.";

/** A ribbon control as WPS hands it to a callback. */
interface RibbonControl {
  Id: string;
}

interface Ribbon {
  OnAddinLoad(ribbonUI: unknown): boolean;
  OnAction(control: RibbonControl): void;
  GetImage(control: RibbonControl): string;
}

const IMAGES: Record<string, string> = {
  djValidate: "images/validate.png",
  djOpenPane: "images/pane.png",
};

function application(): EtApplication {
  const app = window.Application;
  if (!app) throw new Error("window.Application is missing: this page runs only inside WPS");
  return app;
}

/** The language of WPS's embedded browser, which follows WPS's own. */
const locale = localeOf(navigator.language);

function paneUrl(): string {
  return new URL("taskpane.html", window.location.href).href;
}

/**
 * This window's pane, made visible: the one made earlier (kept by id in PluginStorage, shared by
 * every page of the add-in) or a new one. `reload` makes an open pane show the latest outcome.
 */
function showPane(app: EtApplication, reload: boolean): EtTaskPane {
  const storage = app.PluginStorage;
  const key = `${PANE_KEY}${app.ActiveWindow?.Hwnd ?? 0}`;
  const id = Number(storage.getItem(key));
  let pane = id > 0 ? app.GetTaskPane(id) : undefined;
  if (pane) {
    if (reload) pane.Navigate(paneUrl());
  } else {
    pane = app.CreateTaskPane(paneUrl(), wpsText(locale)("wps.pane.title"));
    storage.setItem(key, String(pane.ID));
  }
  pane.Visible = true;
  return pane;
}

/**
 * 一键校验: validates every sheet and marks it here, hands the outcome to the pane and opens it.
 * A failure reaches the user either way: in the pane, or in a dialog when no pane would open.
 */
async function validateAll(app: EtApplication): Promise<void> {
  const host = new WpsHost(() => app, { locale });
  const store = createValidationStore();
  store.setRosterSheet(rosterSheetOf(app.PluginStorage));
  const checked = await store.run(host, "all");
  handOver(app.PluginStorage, checked, store.get().failures);
  showPane(app, true);
}

function fail(error: unknown): void {
  window.alert(wpsText(locale)("wps.ribbon.failed", { reason: reasonOf(error, locale) }));
}

const ribbon: Ribbon = {
  OnAddinLoad() {
    return true;
  },
  OnAction(control) {
    try {
      if (control.Id === "djValidate") validateAll(application()).catch(fail);
      else if (control.Id === "djOpenPane") showPane(application(), false);
    } catch (error) {
      fail(error);
    }
  },
  GetImage(control) {
    return IMAGES[control.Id] ?? "";
  },
};

window.ribbon = ribbon;

/**
 * Registers the DJ functions as the page loads, not in OnAddinLoad: formulas recalculated at
 * start-up need them before the ribbon is built. An older WPS without AddCustomFunction, or one
 * whose AddCustomFunction fails, still gets ribbon and pane; the pane says which (FUNCTIONS_KEY).
 */
function registerFunctions(): FunctionsState {
  try {
    const outcome = registerWpsFunctions(window.wps, __DJ_FUNCTIONS__, customFunctionRegistry);
    return outcome.reason ? { state: outcome.reason } : { state: "registered" };
  } catch (error) {
    return { state: "failed", reason: reasonOf(error, locale) };
  }
}

application().PluginStorage.setItem(FUNCTIONS_KEY, JSON.stringify(registerFunctions()));
