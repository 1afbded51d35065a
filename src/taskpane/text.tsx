/**
 * The pane's language, given once at the top (Office's display language, the preview's ?lang=)
 * and read by every view: nothing in the pane keeps a language of its own.
 */
import { createContext, useContext, useMemo } from "react";
import { DEFAULT_LOCALE, type Locale, type Translate } from "../i18n";
import { paneText, type PaneKey } from "../i18n/pane";
import { sheetsText, type SheetsKey } from "../i18n/sheets";

const LocaleContext = createContext<Locale>(DEFAULT_LOCALE);

export const LocaleProvider = LocaleContext.Provider;

export function useLocale(): Locale {
  return useContext(LocaleContext);
}

/** The pane's strings in the pane's language. */
export function useText(): Translate<PaneKey> {
  const locale = useLocale();
  return useMemo(() => paneText(locale), [locale]);
}

/** The strings of the sheets the add-in writes (their headings, settings' help), in the pane's language. */
export function useSheetsText(): Translate<SheetsKey> {
  const locale = useLocale();
  return useMemo(() => sheetsText(locale), [locale]);
}
