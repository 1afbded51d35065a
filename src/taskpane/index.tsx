/**
 * Task pane entry. The page is also the shared runtime of the ribbon commands and the custom
 * functions (webpack adds their bundles to it), so it is loaded even while the pane is hidden.
 */
import { createRoot } from "react-dom/client";
import { setLocale, t } from "../i18n";
import { App } from "./App";
import { excelHost, themeFor } from "./office";
import { sharedValidationStore } from "./validationStore";

Office.onReady((info) => {
  // Outside Office (a plain browser) host is null and there is no display language or theme.
  const inOffice = info.host !== null && info.host !== undefined;
  if (inOffice) setLocale(Office.context.displayLanguage);
  document.title = t("app.name");
  const root = document.getElementById("root");
  if (!root) throw new Error("taskpane.html has no #root element");
  createRoot(root).render(
    inOffice ? (
      <App host={excelHost()} store={sharedValidationStore()} theme={themeFor(Office.context.officeTheme)} />
    ) : (
      <App host={null} />
    ),
  );
});
