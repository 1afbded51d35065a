/** The pane's components rendered in a language, as the page renders them under its LocaleProvider. */
import { render, type RenderResult } from "@testing-library/react";
import type { ReactElement } from "react";
import type { Locale } from "../../src/i18n";
import { LocaleProvider } from "../../src/taskpane/text";

export function renderIn(locale: Locale, ui: ReactElement): RenderResult {
  return render(<LocaleProvider value={locale}>{ui}</LocaleProvider>);
}
