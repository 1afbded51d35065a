/**
 * Task pane entry. The page is also the shared runtime of the ribbon commands and the custom
 * functions (webpack adds their bundles to it), so it is loaded even while the pane is hidden.
 * The pane's React UI comes in its own chunk, fetched once Office is ready: the scripts the page
 * runs before the ribbon and the custom functions can work stay small.
 */
import { Component, lazy, Suspense, type ReactNode } from "react";
import { createRoot } from "react-dom/client";
import { setLocale, t } from "../i18n";
import { excelHost, themeFor } from "./office";
import { reasonOf, sharedValidationStore } from "./validationStore";

const App = lazy(() => import(/* webpackChunkName: "pane" */ "./App").then((m) => ({ default: m.App })));

/**
 * Says in words why the pane's code could not load (or render), instead of a blank pane. Plain
 * HTML: Fluent's MessageBar is in the very chunk that may have failed.
 */
class PaneBoundary extends Component<{ children: ReactNode }, { failure: string | null }> {
  override state: { failure: string | null } = { failure: null };

  static getDerivedStateFromError(error: unknown): { failure: string } {
    return { failure: reasonOf(error) };
  }

  override render() {
    return this.state.failure === null ? this.props.children : <p role="alert">{t("tabs.loadFailed", { reason: this.state.failure })}</p>;
  }
}

Office.onReady((info) => {
  // Outside Office (a plain browser) host is null and there is no display language or theme.
  const inOffice = info.host !== null && info.host !== undefined;
  if (inOffice) setLocale(Office.context.displayLanguage);
  document.title = t("app.name");
  const root = document.getElementById("root");
  if (!root) throw new Error("taskpane.html has no #root element");
  createRoot(root).render(
    <PaneBoundary>
      <Suspense fallback={null}>
        {inOffice ? (
          <App host={excelHost()} store={sharedValidationStore()} theme={themeFor(Office.context.officeTheme)} />
        ) : (
          <App host={null} />
        )}
      </Suspense>
    </PaneBoundary>,
  );
});
