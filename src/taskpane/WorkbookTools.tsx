/**
 * The 校验 tab's buttons that need a live workbook: 问题清单 writes the report sheet, 自动修正
 * applies the safe fixes after confirmation and records them, 撤销修正 puts the old values back.
 * Loaded with the other workbook tabs (workbookTabs.ts), so the preview and the first paint of
 * the pane do without the dialog's code.
 */
import { useEffect, useState } from "react";
import { Body1, Button, Caption1, makeStyles, MessageBar, MessageBarBody, tokens } from "@fluentui/react-components";
import { ArrowUndo20Regular, DocumentTable20Regular, Wrench20Regular } from "@fluentui/react-icons";
import type { Report } from "../engine";
import { planFixes, reportSheet, reportSource } from "../engine/sheets";
import { useText } from "./text";
import { useConfirm } from "./confirm";
import type { Action } from "./feedback";
import type { CellFix, Host, WorkbookActions } from "../host/host";
import type { Scope, ValidationStore } from "./validationStore";
import { reasonOf } from "../i18n";

const useStyles = makeStyles({
  actions: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalS, alignItems: "center" },
  section: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  examples: { margin: 0, paddingLeft: tokens.spacingHorizontalXL, wordBreak: "break-all" },
  muted: { color: tokens.colorNeutralForeground3 },
});

/** How many planned fixes the confirmation shows as examples: enough to judge, few enough to read. */
const FIX_EXAMPLES = 5;

function FixPreview({ fixes }: { fixes: CellFix[] }) {
  const t = useText();
  const styles = useStyles();
  return (
    <div className={styles.section}>
      <Body1>{t("tabs.fix.confirm", { count: fixes.length })}</Body1>
      <ul className={styles.examples}>
        {fixes.slice(0, FIX_EXAMPLES).map((fix) => (
          <li key={`${fix.sheet}!${fix.cell}`}>
            {t("tabs.fix.example", { sheet: fix.sheet, cell: fix.cell, old: String(fix.old), new: String(fix.new) })}
          </li>
        ))}
      </ul>
      {fixes.length > FIX_EXAMPLES && <Caption1 className={styles.muted}>{t("tabs.fix.more", { count: fixes.length - FIX_EXAMPLES })}</Caption1>}
    </div>
  );
}

export interface WorkbookToolsProps {
  host: Host;
  workbook: WorkbookActions;
  store: ValidationStore;
  scope: Scope;
  report: Report | null;
  busy: boolean;
  /** The 校验 view's action: one progress bar and one outcome for all its buttons. */
  action: Action;
}

/** 问题清单, 自动修正 and 撤销修正: what only a live workbook can do. */
export function WorkbookTools({ host, workbook, store, scope, report, busy, action }: WorkbookToolsProps) {
  const t = useText();
  const styles = useStyles();
  const [confirm, dialog] = useConfirm();
  // The record of the last 自动修正, which 撤销修正 puts back; read from the workbook, which
  // keeps it across sessions. Null while it is being read.
  const [fixes, setFixes] = useState<CellFix[] | null>(null);
  const [fixesFailure, setFixesFailure] = useState<string | null>(null);

  useEffect(() => {
    let live = true;
    workbook.recordedFixes().then(
      (recorded) => live && setFixes(recorded),
      (error: unknown) => live && setFixesFailure(t("tabs.fixes.readFailed", { reason: reasonOf(error, host.locale) })),
    );
    return () => {
      live = false;
    };
  }, [workbook]);

  const writeReport = () =>
    action.perform(
      (reason) => t("tabs.validate.reportFailed", { reason }),
      async (progress) => {
        if (!report) return null;
        const sheet = await workbook.writeSheet(reportSheet(reportSource(report), await workbook.recordedFixes(), host.locale), progress);
        return t("tabs.validate.reportWritten", { sheet });
      },
    );

  const autoFix = () =>
    action.perform(
      (reason) => t("tabs.fix.failed", { reason }),
      async (progress) => {
        if (!report) return null;
        const planned = planFixes(report);
        if (planned.length === 0) return t("tabs.fix.none");
        const accepted = await confirm({
          title: t("tabs.fix.title"),
          body: <FixPreview fixes={planned} />,
          confirm: t("tabs.fix.apply"),
          cancel: t("tabs.cancel"),
        });
        if (!accepted) return null;
        const applied = await workbook.applyFixes(planned);
        // The report keeps the findings as they were, with the old and new value of every fix.
        const sheet = await workbook.writeSheet(reportSheet(reportSource(report), applied, host.locale), progress);
        setFixes(await workbook.recordedFixes());
        setFixesFailure(null);
        await store.run(host, scope);
        const done = t("tabs.fix.applied", { count: applied.length, sheet });
        return applied.length < planned.length ? `${done}${t("tabs.fix.changed", { count: planned.length - applied.length })}` : done;
      },
    );

  const undo = () =>
    action.perform(
      (reason) => t("tabs.undo.failed", { reason }),
      async () => {
        const undone = await workbook.undoFixes();
        setFixes(await workbook.recordedFixes());
        setFixesFailure(null);
        await store.run(host, scope);
        return t("tabs.undo.done", { count: undone.length });
      },
    );

  return (
    <>
      <div className={styles.actions} aria-busy={fixes === null && fixesFailure === null}>
        <Button icon={<DocumentTable20Regular />} onClick={writeReport} disabled={busy || report === null}>
          {t("tabs.validate.report")}
        </Button>
        <Button icon={<Wrench20Regular />} onClick={autoFix} disabled={busy || report === null}>
          {t("tabs.validate.fix")}
        </Button>
        <Button icon={<ArrowUndo20Regular />} onClick={undo} disabled={busy || fixes === null || fixes.length === 0}>
          {t("tabs.validate.undo")}
        </Button>
      </div>
      {fixesFailure !== null && (
        <MessageBar intent="error">
          <MessageBarBody>{fixesFailure}</MessageBarBody>
        </MessageBar>
      )}
      {dialog}
    </>
  );
}
