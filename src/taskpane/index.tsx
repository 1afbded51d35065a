/**
 * Task pane entry. The page is also the shared runtime of the ribbon commands and the custom
 * functions (webpack adds their bundles to it), so it is loaded even while the pane is hidden.
 * The pane's React UI comes in its own chunk, fetched once Office is ready: the scripts the page
 * runs before the ribbon and the custom functions can work stay small.
 */
import { Component, lazy, Suspense, type ReactNode } from "react";
import { createRoot } from "react-dom/client";
import { DEFAULT_LOCALE, reasonOf, type Locale } from "../i18n";
import { paneText } from "../i18n/pane";
import { excelHost, officeLocale, themeFor } from "./office";
import { LocaleProvider } from "./text";
import { sharedValidationStore } from "./validationStore";

const App = lazy(() => import(/* webpackChunkName: "pane" */ "./App").then((m) => ({ default: m.App })));

/**
 * Says in words why the pane's code could not load (or render), instead of a blank pane. Plain
 * HTML: Fluent's MessageBar is in the very chunk that may have failed.
 */
class PaneBoundary extends Component<{ children: ReactNode; locale: Locale }, { failure: { error: unknown } | null }> {
  override state: { failure: { error: unknown } | null } = { failure: null };

  static getDerivedStateFromError(error: unknown): { failure: { error: unknown } } {
    return { failure: { error } };
  }

  override render() {
    const { failure } = this.state;
    if (failure === null) return this.props.children;
    const { locale } = this.props;
    return <p role="alert">{paneText(locale)("tabs.loadFailed", { reason: reasonOf(failure.error, locale) })}</p>;
  }
}

Office.onReady((info) => {
  // Outside Office (a plain browser) host is null and there is no display language or theme.
  const inOffice = info.host !== null && info.host !== undefined;
  const locale = inOffice ? officeLocale() : DEFAULT_LOCALE;
  document.documentElement.lang = locale;
  document.title = paneText(locale)("app.name");
  const root = document.getElementById("root");
  if (!root) throw new Error("taskpane.html has no #root element");
  createRoot(root).render(
    <PaneBoundary locale={locale}>
      <LocaleProvider value={locale}>
        <Suspense fallback={null}>
          {inOffice ? (
            <App host={excelHost()} store={sharedValidationStore()} theme={themeFor(Office.context.officeTheme)} />
          ) : (
            <App host={null} />
          )}
        </Suspense>
      </LocaleProvider>
    </PaneBoundary>,
  );
});
