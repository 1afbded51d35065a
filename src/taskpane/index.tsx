/**
 * Task pane entry. The page is also the shared runtime of the ribbon commands and the custom
 * functions (webpack adds their bundles to it), so it is loaded even while the pane is hidden.
 * The pane's React UI comes in its own chunk, fetched once Office is ready: the scripts the page
 * runs before the ribbon and the custom functions can work stay small.
 */
import { lazy, Suspense } from "react";
import { createRoot } from "react-dom/client";
import { DEFAULT_LOCALE } from "../i18n";
import { paneText } from "../i18n/pane";
import { excelHost, officeLocale, themeFor } from "./office";
import { PaneBoundary } from "./PaneBoundary";
import { LocaleProvider } from "./text";
import { sharedValidationStore } from "./validationStore";

const App = lazy(() => import(/* webpackChunkName: "pane" */ "./App").then((m) => ({ default: m.App })));

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
