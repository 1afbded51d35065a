/**
 * 汇总: every valid data row of every submission sheet in one Excel table, with its source sheet:
 * the data 预警 and 评分 work from. Always built on a validation made now.
 */
import { Body1, Button, makeStyles, tokens } from "@fluentui/react-components";
import { TableSimple20Regular } from "@fluentui/react-icons";
import { consolidatedSheet } from "../engine/sheets";
import { useText } from "./text";
import type { WorkbookViewProps } from "./App";
import { Feedback, freshValidation, useValidatingAction } from "./feedback";
import { LacksNote } from "./LacksNote";

const useStyles = makeStyles({
  view: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM, alignItems: "flex-start" },
});

export function ConsolidatedView({ host, workbook, store }: WorkbookViewProps) {
  const t = useText();
  const styles = useStyles();
  const { action, busy } = useValidatingAction(store);

  const write = () =>
    action.perform(
      (reason) => t("tabs.consolidated.failed", { reason }),
      async (progress) => {
        const { parsed } = await freshValidation(host, store, t);
        const spec = consolidatedSheet(parsed, host.locale);
        const rows = spec.tables?.[0]?.rows.length ?? 0;
        const sheet = await workbook.writeSheet(spec, progress);
        return t("tabs.consolidated.done", { sheet, rows });
      },
    );

  return (
    <section className={styles.view} aria-busy={busy}>
      <Body1>{t("tabs.consolidated.intro")}</Body1>
      <LacksNote workbook={workbook} lacks={["tableStyle"]} />
      <Button appearance="primary" icon={<TableSimple20Regular />} onClick={write} disabled={busy}>
        {t("tabs.consolidated.run")}
      </Button>
      <Feedback state={action.state} />
    </section>
  );
}
