/**
 * The browser preview (dist/preview.html): the task pane's 校验 view on files opened in the
 * browser, for machines without Excel. It does not load office.js and makes no request beyond
 * its own page and bundle.
 */
import { createRoot } from "react-dom/client";
import { setLocale, t } from "../i18n";
import { FileHost } from "./fileHost";
import { PreviewApp } from "./PreviewApp";

// ?lang=en-US forces a language (tests, screenshots); otherwise the browser's.
const lang = new URLSearchParams(location.search).get("lang") ?? navigator.language;
setLocale(lang);
document.documentElement.lang = lang.toLowerCase().startsWith("en") ? "en-US" : "zh-CN";
document.title = t("preview.title");

const root = document.getElementById("root");
if (!root) throw new Error("preview.html has no #root element");
createRoot(root).render(<PreviewApp host={new FileHost()} />);
