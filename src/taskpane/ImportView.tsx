/**
 * 导入: departments' .xlsx files into the workbook, one worksheet per submission, named after its
 * 填报单位; a department imported again replaces its earlier sheet, after confirmation. Then a
 * fresh validation of every sheet, so the 校验 tab shows the imported data.
 */
import { useState } from "react";
import { Body1, Caption1, makeStyles, Subtitle2, tokens } from "@fluentui/react-components";
import { importName } from "../engine/sheets";
import { useText } from "./text";
import type { WorkbookViewProps } from "./App";
import { FilePicker } from "./FilePicker";
import { useConfirm } from "./confirm";
import { Feedback, freshValidation, useValidatingAction } from "./feedback";
import type { ImportedSheet, Progress } from "../host/host";
import { reasonOf } from "../i18n";
import { LacksNote } from "./LacksNote";

/**
 * Excel on the web refuses a request over 5 MB, and insertWorksheetsFromBase64 sends the file as
 * base64, a third larger: about 3.5 MB of .xlsx is the most one insert can carry. Checked before
 * reading, so a file that cannot go in is never read into memory.
 */
export const MAX_IMPORT_BYTES = 3.5 * 1024 * 1024;

/** Bytes as base64, in slices: one String.fromCharCode over a few megabytes overflows the stack. */
export function toBase64(bytes: Uint8Array): string {
  const SLICE = 0x8000;
  const parts: string[] = [];
  for (let i = 0; i < bytes.length; i += SLICE) parts.push(String.fromCharCode(...bytes.subarray(i, i + SLICE)));
  return btoa(parts.join(""));
}

function megabytes(bytes: number): string {
  return (bytes / (1024 * 1024)).toFixed(1);
}

/** What became of one file, or of one sheet in it. */
type Outcome =
  | { kind: "imported"; file: string; sheet: string; unit: string; replaced?: string }
  | { kind: "refused"; message: string };

const useStyles = makeStyles({
  view: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM },
  // The native input stays in the page (tests and keyboard users reach it); the visible control
  // is the Fluent button that clicks it.
  heading: { margin: 0 },
  list: { margin: 0, paddingLeft: tokens.spacingHorizontalXL, wordBreak: "break-all" },
  muted: { color: tokens.colorNeutralForeground3 },
});

export function ImportView({ host, workbook, store }: WorkbookViewProps) {
  const t = useText();
  const styles = useStyles();
  const { action, busy } = useValidatingAction(store);
  const [confirm, dialog] = useConfirm();
  const [outcomes, setOutcomes] = useState<Outcome[]>([]);

  // Excel on the web's request size, or the host's own reader's limit (WPS).
  const limit = workbook.maxImportBytes ?? MAX_IMPORT_BYTES;
  const limitKey = workbook.maxImportBytes === undefined ? "tabs.import.limit" : "tabs.import.readerLimit";

  /** Inserts one file's sheets and settles them: kept, replacing, or removed. */
  const importFile = async (file: File, progress: Progress): Promise<Outcome[]> => {
    if (file.size > limit) {
      const key = workbook.maxImportBytes === undefined ? "tabs.import.tooLarge" : "tabs.import.tooLargeForReader";
      return [{ kind: "refused", message: t(key, { file: file.name, size: megabytes(file.size), limit: megabytes(limit) }) }];
    }
    const base64 = toBase64(new Uint8Array(await file.arrayBuffer()));
    const inserted = await workbook.insertWorkbook(base64, progress);
    const earlier = await workbook.importedSheets();
    const keep: { id: string; unit: string }[] = [];
    const remove: string[] = [];
    const refused: Outcome[] = [];
    const replacing = new Map<string, ImportedSheet>();
    for (const sheet of inserted) {
      const unit = importName(sheet.grid, host.locale);
      if (unit === null) {
        remove.push(sheet.id);
        refused.push({ kind: "refused", message: t("tabs.import.notSubmission", { file: file.name, sheet: sheet.name }) });
        continue;
      }
      const old = replacing.has(unit) ? undefined : earlier.find((e) => e.unit === unit);
      if (old && !(await confirmReplace(unit, old, file.name))) {
        remove.push(sheet.id);
        refused.push({ kind: "refused", message: t("tabs.import.keptOld", { unit, sheet: old.name, file: file.name }) });
        continue;
      }
      if (old) {
        remove.push(old.id);
        replacing.set(unit, old);
      }
      keep.push({ id: sheet.id, unit });
    }
    const kept = await workbook.settleImport(keep, remove);
    return [
      ...kept.map((sheet): Outcome => ({ kind: "imported", file: file.name, sheet: sheet.name, unit: sheet.unit, replaced: replacing.get(sheet.unit)?.name })),
      ...refused,
    ];
  };

  const confirmReplace = (unit: string, old: ImportedSheet, file: string) =>
    confirm({
      title: t("tabs.import.replaceTitle", { unit }),
      body: <Body1>{t("tabs.import.replaceBody", { unit, sheet: old.name, file })}</Body1>,
      confirm: t("tabs.import.replace"),
      cancel: t("tabs.import.keep"),
    });

  const onFiles = (files: File[]) =>
    action.perform(
      (reason) => t("tabs.import.failed", { reason }),
      async (progress) => {
        setOutcomes([]);
        const all: Outcome[] = [];
        for (const file of files) {
          try {
            all.push(...(await importFile(file, progress)));
          } catch (error) {
            // One file that Excel would not take leaves the others to import; its reason is listed.
            all.push({ kind: "refused", message: t("tabs.import.fileFailed", { file: file.name, reason: reasonOf(error, host.locale) }) });
          }
          setOutcomes([...all]);
        }
        if (all.some((o) => o.kind === "imported")) await freshValidation(host, store, t);
        return null;
      },
    );

  const imported = outcomes.filter((o): o is Extract<Outcome, { kind: "imported" }> => o.kind === "imported");
  const refused = outcomes.filter((o): o is Extract<Outcome, { kind: "refused" }> => o.kind === "refused");
  return (
    <section className={styles.view} aria-busy={busy}>
      <Body1>{t("tabs.import.intro")}</Body1>
      <LacksNote workbook={workbook} lacks={["fileInsert"]} />
      <div>
        <FilePicker label={t("tabs.import.pick")} primary disabled={busy} onFiles={(files) => void onFiles(files)} />
      </div>
      <Caption1 className={styles.muted}>{t(limitKey, { size: megabytes(limit) })}</Caption1>
      <Feedback state={action.state} />
      {imported.length > 0 && (
        <>
          <Subtitle2 as="h2" className={styles.heading}>{t("tabs.import.importedTitle", { count: imported.length })}</Subtitle2>
          <ul className={styles.list}>
            {imported.map((o) => (
              <li key={`${o.file}→${o.sheet}`}>
                {t("tabs.import.imported", { file: o.file, sheet: o.sheet, unit: o.unit })}
                {o.replaced !== undefined && t("tabs.import.replaced", { sheet: o.replaced })}
              </li>
            ))}
          </ul>
        </>
      )}
      {refused.length > 0 && (
        <>
          <Subtitle2 as="h2" className={styles.heading}>{t("tabs.import.refusedTitle", { count: refused.length })}</Subtitle2>
          <ul className={styles.list}>
            {refused.map((o, i) => (
              <li key={i}>{o.message}</li>
            ))}
          </ul>
        </>
      )}
      {dialog}
    </section>
  );
}
