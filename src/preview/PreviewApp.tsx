/**
 * The preview page: open .xlsx files, the 校验 view on them, and a download of the annotated
 * copies. Clicking a finding scrolls to it and highlights it (there is no sheet to select).
 */
import { useCallback, useEffect, useState } from "react";
import {
  Body1,
  Button,
  Caption1,
  FluentProvider,
  makeStyles,
  MessageBar,
  MessageBarBody,
  Subtitle1,
  tokens,
  webLightTheme,
} from "@fluentui/react-components";
import { ArrowDownload20Regular } from "@fluentui/react-icons";
import { meetingCoverage, type CoverageTable } from "../engine/sheets";
import { CoverageMatrix } from "../taskpane/CoverageMatrix";
import type { Checked } from "../taskpane/validationStore";
import { useText } from "../taskpane/text";
import { FilePicker } from "../taskpane/FilePicker";
import { findingSelector, ValidateView } from "../taskpane/ValidateView";
import { reasonOf } from "../i18n";
import type { FileHost } from "./fileHost";

const useStyles = makeStyles({
  page: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalM,
    padding: tokens.spacingHorizontalL,
    maxWidth: "860px",
    margin: "0 auto",
  },
  open: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalS, alignItems: "center" },
  // The native input stays in the page (tests and keyboard users reach it) but the visible
  // control is the Fluent button that clicks it.
  muted: { color: tokens.colorNeutralForeground3, wordBreak: "break-all" },
});

function download(name: string, blob: Blob): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement("a");
  link.href = url;
  link.download = name;
  document.body.appendChild(link);
  link.click();
  link.remove();
  // Revoked later: the download may still be reading it.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

export function PreviewApp({ host }: { host: FileHost }) {
  const t = useText();
  const styles = useStyles();
  const [names, setNames] = useState<string[]>([]);
  const [validated, setValidated] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const [downloading, setDownloading] = useState(false);
  // A new set of files starts the view afresh: the old report is not theirs.
  const [generation, setGeneration] = useState(0);

  useEffect(() => {
    host.onSelect((file, sheet, cell) => {
      const element = document.querySelector(findingSelector(file, sheet, cell));
      if (element instanceof HTMLElement) {
        element.scrollIntoView({ block: "center", behavior: "smooth" });
        element.focus({ preventScroll: true });
      }
    });
    return () => host.onSelect(undefined);
  }, [host]);

  const onFiles = useCallback(
    (files: File[]) => {
      host.setFiles(files);
      setNames(host.fileNames);
      setValidated(false);
      setCoverage(null);
      setFailure(null);
      setGeneration((n) => n + 1);
    },
    [host],
  );

  // The ledgers' coverage, as the pane's 预警 shows it: the preview has no sheet to write it to.
  const [coverage, setCoverage] = useState<CoverageTable | null>(null);
  const onReport = useCallback(
    (checked: Checked) => {
      setValidated(true);
      setCoverage(meetingCoverage(checked.parsed, checked.settings, host.locale));
    },
    [host],
  );
  const blocked = useCallback(() => (host.fileNames.length === 0 ? t("preview.noFilesToValidate") : null), [host, t]);

  const onDownload = useCallback(async () => {
    setFailure(null);
    setDownloading(true);
    try {
      const copies = await host.annotatedCopies();
      if (copies.length === 0) setFailure(t("preview.downloadNothing"));
      for (const copy of copies) download(copy.name, copy.blob);
    } catch (error) {
      setFailure(t("preview.downloadFailed", { reason: reasonOf(error, host.locale) }));
    } finally {
      setDownloading(false);
    }
  }, [host, t]);

  return (
    <FluentProvider theme={webLightTheme}>
      <main className={styles.page}>
        <Subtitle1 as="h1">{t("preview.title")}</Subtitle1>
        <Body1>{t("preview.intro")}</Body1>
        <div className={styles.open}>
          <FilePicker label={t("preview.open")} onFiles={onFiles} />
          <Caption1 className={styles.muted}>
            {names.length === 0
              ? t("preview.noFiles")
              : t(names.length === 1 ? "preview.opened.one" : "preview.opened.other", { count: names.length, names: names.join(t("pane.list.items")) })}
          </Caption1>
        </div>
        {failure !== null && (
          <MessageBar intent="error">
            <MessageBarBody>{failure}</MessageBarBody>
          </MessageBar>
        )}
        <ValidateView
          key={generation}
          host={host}
          onReport={onReport}
          blocked={blocked}
          actions={
            <Button icon={<ArrowDownload20Regular />} onClick={onDownload} disabled={!validated || downloading}>
              {t("preview.download")}
            </Button>
          }
        />
        {coverage !== null && coverage.rows.length > 0 && <CoverageMatrix table={coverage} />}
      </main>
    </FluentProvider>
  );
}
