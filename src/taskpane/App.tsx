import { Body1, FluentProvider, Link, makeStyles, Subtitle1, tokens, webLightTheme, type Theme } from "@fluentui/react-components";
import { t } from "../i18n";
import type { Host } from "./host";
import { ValidateView } from "./ValidateView";
import type { ValidationStore } from "./validationStore";

const useStyles = makeStyles({
  page: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM, padding: tokens.spacingHorizontalL },
  heading: { margin: 0 },
  // Subdued rather than italic: slanted Chinese is hard to read.
  note: { color: tokens.colorNeutralForeground3 },
});

export interface AppProps {
  /** Where the pane runs; null in a plain browser, where Office.onReady reports no host. */
  host: Host | null;
  /** The page's shared store, so a validation started from the ribbon shows here. */
  store?: ValidationStore;
  /** Office's theme as Fluent's; light by default. */
  theme?: Theme;
}

export function App({ host, store, theme = webLightTheme }: AppProps) {
  const styles = useStyles();
  return (
    <FluentProvider theme={theme}>
      <main className={styles.page}>
        <Subtitle1 as="h1" className={styles.heading}>{t("app.name")}</Subtitle1>
        {host ? (
          <ValidateView host={host} store={store} />
        ) : (
          <>
            <Body1>{t("app.description")}</Body1>
            <Body1 className={styles.note}>
              {t("pane.app.outsideOffice")} <Link href="preview.html">{t("pane.app.previewLink")}</Link>
            </Body1>
          </>
        )}
      </main>
    </FluentProvider>
  );
}
