/**
 * The browser preview (dist/preview.html): the task pane's 校验 view on files opened in the
 * browser, for machines without Excel. It does not load office.js and makes no request beyond
 * its own page and bundle.
 */
import { createRoot } from "react-dom/client";
import { localeOf } from "../i18n";
import { paneText } from "../i18n/pane";
import { LocaleProvider } from "../taskpane/text";
import { FileHost } from "./fileHost";
import { PreviewApp } from "./PreviewApp";

// ?lang=en-US forces a language (tests, screenshots); otherwise the browser's.
const locale = localeOf(new URLSearchParams(location.search).get("lang") ?? navigator.language);
document.documentElement.lang = locale;
document.title = paneText(locale)("preview.title");

const root = document.getElementById("root");
if (!root) throw new Error("preview.html has no #root element");
createRoot(root).render(
  <LocaleProvider value={locale}>
    <PreviewApp host={new FileHost(locale)} />
  </LocaleProvider>,
);
