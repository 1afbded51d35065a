import { Body1, FluentProvider, makeStyles, Subtitle1, tokens, webLightTheme } from "@fluentui/react-components";
import { t } from "../i18n";

const useStyles = makeStyles({
  page: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM, padding: tokens.spacingHorizontalL },
  // Subdued rather than italic: slanted Chinese is hard to read.
  note: { color: tokens.colorNeutralForeground3 },
});

export interface AppProps {
  /** False in a plain browser, where Office.onReady reports no host. */
  inOffice: boolean;
}

export function App({ inOffice }: AppProps) {
  const styles = useStyles();
  return (
    <FluentProvider theme={webLightTheme}>
      <main className={styles.page}>
        <Subtitle1 as="h1">{t("app.name")}</Subtitle1>
        <Body1>{t("app.description")}</Body1>
        {!inOffice && <Body1 className={styles.note}>{t("app.previewLater")}</Body1>}
      </main>
    </FluentProvider>
  );
}
