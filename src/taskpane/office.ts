/**
 * What the task pane takes from Office itself, kept apart from the views (which only see a Host):
 * the page's one ExcelHost, and the Fluent theme matching Office's.
 */
import { webDarkTheme, webLightTheme, type Theme } from "@fluentui/react-components";
import { ExcelHost } from "../excel/excelHost";
import type { Host } from "../host/host";
import { localeOf, type Locale } from "../i18n";
import { sharedHost } from "./validationStore";

/** Office's display language as ours; Chinese outside Office or before it says. */
export function officeLocale(): Locale {
  return localeOf(typeof Office === "undefined" ? undefined : Office.context?.displayLanguage);
}

/** The page's one ExcelHost, shared by the pane and the ribbon commands, in Office's language. */
export function excelHost(): Host {
  return sharedHost(() => new ExcelHost({ locale: officeLocale() }));
}

/** True for a dark CSS hex colour (#rgb or #rrggbb); false for anything else. */
export function isDark(color: string | undefined): boolean {
  const hex = color?.trim().replace(/^#/, "") ?? "";
  const full = /^[0-9a-f]{3}$/i.test(hex) ? [...hex].map((c) => c + c).join("") : hex;
  if (!/^[0-9a-f]{6}$/i.test(full)) return false;
  const [r, g, b] = [0, 2, 4].map((i) => parseInt(full.slice(i, i + 2), 16) / 255);
  // Relative luminance, roughly: below the midpoint reads as a dark background.
  return 0.2126 * r + 0.7152 * g + 0.0722 * b < 0.5;
}

/** Fluent's dark theme when Office's body background is dark; the light one otherwise or when Office does not say. */
export function themeFor(officeTheme: Pick<Office.OfficeTheme, "bodyBackgroundColor"> | undefined): Theme {
  return isDark(officeTheme?.bodyBackgroundColor) ? webDarkTheme : webLightTheme;
}
