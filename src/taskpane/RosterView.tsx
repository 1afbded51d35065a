/**
 * 名册: the office's list of branches, chosen among the workbook's sheets, against the
 * submissions: departments that sent nothing, branches missing, branches the roster lacks.
 */
import { useCallback, useEffect, useId, useState } from "react";
import { Body1, Button, Caption1, Dropdown, Field, makeStyles, Option, Subtitle2, tokens } from "@fluentui/react-components";
import { ArrowSync20Regular, CheckmarkCircle20Regular } from "@fluentui/react-icons";
import type { RosterEntry } from "../engine";
import type { Translate } from "../i18n";
import type { PaneKey } from "../i18n/pane";
import { useText } from "./text";
import type { WorkbookViewProps } from "./App";
import { Feedback, freshValidation, useAction, useValidationState } from "./feedback";

const useStyles = makeStyles({
  view: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM },
  row: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalS, alignItems: "end" },
  // Fluent's Dropdown has a fixed min-width; in a 320 px pane it must be allowed to shrink.
  dropdown: { minWidth: 0, maxWidth: "100%" },
  heading: { margin: 0 },
  list: { margin: 0, paddingLeft: tokens.spacingHorizontalXL, wordBreak: "break-all" },
  muted: { color: tokens.colorNeutralForeground3 },
});

/** The Dropdown's value for "no roster": not a possible sheet name (names cannot be empty). */
const NONE = "";

function entryText(entry: RosterEntry, t: Translate<PaneKey>): string {
  return entry.unit ? t("tabs.roster.entryWithUnit", { branch: entry.branch, unit: entry.unit }) : entry.branch;
}

function Group({ title, items }: { title: string; items: string[] }) {
  const t = useText();
  const styles = useStyles();
  return (
    <section>
      <Subtitle2 as="h2" className={styles.heading}>{title}</Subtitle2>
      {items.length === 0 ? (
        <Body1 className={styles.muted}>{t("tabs.roster.noneInGroup")}</Body1>
      ) : (
        <ul className={styles.list}>
          {items.map((item, i) => (
            <li key={`${item}-${i}`}>{item}</li>
          ))}
        </ul>
      )}
    </section>
  );
}

export function RosterView({ host, workbook, store }: WorkbookViewProps) {
  const t = useText();
  const styles = useStyles();
  const labelId = useId();
  const { rosterSheet, checked, phase } = useValidationState(store);
  const [sheets, setSheets] = useState<string[]>([]);
  const action = useAction();
  const busy = action.state.busy || phase.kind !== "idle";

  const refresh = useCallback(
    () =>
      action.perform(
        (reason) => t("tabs.roster.sheetsFailed", { reason }),
        async () => {
          setSheets(await workbook.sheetNames());
          return null;
        },
      ),
    [action.perform, workbook],
  );

  useEffect(() => {
    void refresh();
  }, [refresh]);

  const check = () =>
    action.perform(
      (reason) => t("pane.validate.failed", { reason }),
      async () => {
        await freshValidation(host, store, t);
        return null;
      },
    );

  // The lists belong to a validation made with the roster now chosen.
  const result = checked !== null && rosterSheet !== null && checked.roster === rosterSheet ? checked.report.roster : null;
  const options = rosterSheet !== null && !sheets.includes(rosterSheet) ? [...sheets, rosterSheet] : sheets;
  return (
    <section className={styles.view} aria-busy={busy}>
      <Body1>{t("tabs.roster.intro")}</Body1>
      <Caption1>{t("tabs.roster.levelRule")}</Caption1>
      <div className={styles.row}>
        <Field label={{ children: t("tabs.roster.pick"), id: labelId }}>
          <Dropdown
            className={styles.dropdown}
            aria-labelledby={labelId}
            placeholder={t("tabs.roster.placeholder")}
            value={rosterSheet ?? t("tabs.roster.none")}
            selectedOptions={[rosterSheet ?? NONE]}
            onOptionSelect={(_event, data) => store.setRosterSheet(data.optionValue ? data.optionValue : null)}
            disabled={busy}
          >
            <Option value={NONE}>{t("tabs.roster.none")}</Option>
            {options.map((sheet) => (
              <Option key={sheet} value={sheet}>
                {sheet}
              </Option>
            ))}
          </Dropdown>
        </Field>
        <Button icon={<ArrowSync20Regular />} onClick={refresh} disabled={busy} aria-label={t("tabs.roster.refresh")} title={t("tabs.roster.refresh")} />
      </div>
      <div>
        <Button appearance="primary" icon={<CheckmarkCircle20Regular />} onClick={check} disabled={busy || rosterSheet === null}>
          {t("tabs.roster.check")}
        </Button>
      </div>
      <Feedback state={action.state} />
      {result !== null && (
        <>
          <Group title={t("tabs.roster.unsubmitted", { count: result.unsubmitted.length })} items={result.unsubmitted.map((u) => u.unit)} />
          <Group title={t("tabs.roster.missing", { count: result.missing.length })} items={result.missing.map((e) => entryText(e, t))} />
          <Group title={t("tabs.roster.unknown", { count: result.unknown.length })} items={result.unknown.map((e) => entryText(e, t))} />
        </>
      )}
    </section>
  );
}
