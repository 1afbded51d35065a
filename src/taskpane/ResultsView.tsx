/**
 * 评分: the results sheet (live DJ.* formulas for combined score, grade and rank; the transition
 * matrix, upgrade rates and grade charts), the upgrade rates in the pane, and 固化为数值 for
 * people without the add-in.
 */
import { useState } from "react";
import { Body1, Button, makeStyles, MessageBar, MessageBarBody, Subtitle2, tokens } from "@fluentui/react-components";
import { Calculator20Regular, LockClosed20Regular } from "@fluentui/react-icons";
import { resultsSheet, settingsSheet, upgradeRates, type UpgradeRates } from "../engine/sheets";
import type { Translate } from "../i18n";
import type { PaneKey } from "../i18n/pane";
import { useSheetsText, useText } from "./text";
import type { WorkbookViewProps } from "./App";
import { Feedback, freshValidation, useValidatingAction } from "./feedback";
import { LacksNote } from "./LacksNote";

const useStyles = makeStyles({
  view: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM },
  actions: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalS },
  heading: { margin: 0 },
  list: { listStyleType: "none", margin: 0, padding: 0, display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXXS },
  rate: { display: "flex", justifyContent: "space-between", gap: tokens.spacingHorizontalM },
  value: { fontWeight: tokens.fontWeightSemibold, fontVariantNumeric: "tabular-nums" },
});

function percent(rate: number | null, t: Translate<PaneKey>): string {
  return rate === null ? t("tabs.results.noCohort") : `${(rate * 100).toFixed(1)}%`;
}

function Rates({ rates }: { rates: UpgradeRates }) {
  const t = useText();
  const sheets = useSheetsText();
  const styles = useStyles();
  if ("problem" in rates) {
    return (
      <MessageBar intent="warning">
        <MessageBarBody>{t("tabs.results.ratesProblem", { problem: rates.problem })}</MessageBarBody>
      </MessageBar>
    );
  }
  return (
    <section>
      <Subtitle2 as="h2" className={styles.heading}>{sheets("results.upgrade")}</Subtitle2>
      <ul className={styles.list}>
        {rates.rates.map(({ from, rate }) => (
          <li key={from ?? ""} className={styles.rate}>
            <span>{from === null ? sheets("results.upgrade.overall") : sheets("results.upgrade.from", { level: from })}</span>
            <span className={styles.value}>{percent(rate, t)}</span>
          </li>
        ))}
      </ul>
    </section>
  );
}

export function ResultsView({ host, workbook, store }: WorkbookViewProps) {
  const t = useText();
  const styles = useStyles();
  const { action, busy } = useValidatingAction(store);
  const [rates, setRates] = useState<UpgradeRates | null>(null);

  const write = () =>
    action.perform(
      (reason) => t("tabs.results.failed", { reason }),
      async (progress) => {
        const { parsed, settings, rosterLevels } = await freshValidation(host, store, t);
        // The formulas reference the 参数 sheet's names: without it they would all be #NAME?.
        const settingsWritten = (await workbook.readOwned("settings")) === null ? await workbook.writeSheet(settingsSheet(settings, host.locale)) : null;
        const sheet = await workbook.writeSheet(resultsSheet(parsed, settings, rosterLevels, host.locale), progress);
        setRates(upgradeRates(parsed, settings, rosterLevels, host.locale));
        const done = t("tabs.results.done", { sheet });
        return settingsWritten === null ? done : `${done}${t("tabs.results.settingsWritten", { sheet: settingsWritten })}`;
      },
    );

  const freeze = () =>
    action.perform(
      (reason) => t("tabs.results.freezeFailed", { reason }),
      async () => t("tabs.results.frozen", { sheet: await workbook.freeze("results") }),
    );

  return (
    <section className={styles.view} aria-busy={busy}>
      <Body1>{t("tabs.results.intro")}</Body1>
      <LacksNote workbook={workbook} lacks={["tableStyle", "chart"]} />
      <div className={styles.actions}>
        <Button appearance="primary" icon={<Calculator20Regular />} onClick={write} disabled={busy}>
          {t("tabs.results.run")}
        </Button>
        <Button icon={<LockClosed20Regular />} onClick={freeze} disabled={busy}>
          {t("tabs.results.freeze")}
        </Button>
      </div>
      <Feedback state={action.state} />
      {rates !== null && <Rates rates={rates} />}
    </section>
  );
}
