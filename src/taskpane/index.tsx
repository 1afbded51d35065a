/**
 * Task pane entry. The page is also the shared runtime of the ribbon commands and the custom
 * functions (webpack adds their bundles to it), so it is loaded even while the pane is hidden.
 */
import { createRoot } from "react-dom/client";
import { setLocale, t } from "../i18n";
import { App } from "./App";

Office.onReady((info) => {
  // Outside Office (a plain browser) host is null and there is no display language.
  if (info.host) setLocale(Office.context.displayLanguage);
  document.title = t("app.name");
  const root = document.getElementById("root");
  if (!root) throw new Error("taskpane.html has no #root element");
  createRoot(root).render(<App inOffice={info.host !== null} />);
});
