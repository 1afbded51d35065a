/** 模板: a blank standard submission sheet, with drop-downs and input prompts, for departments to fill. */
import { Body1, Button, makeStyles, tokens } from "@fluentui/react-components";
import { DocumentAdd20Regular } from "@fluentui/react-icons";
import { templateSheet } from "../engine/sheets";
import { useText } from "./text";
import type { WorkbookViewProps } from "./App";
import { Feedback, useAction } from "./feedback";
import { workbookSettings } from "./validationStore";

const useStyles = makeStyles({
  view: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM, alignItems: "flex-start" },
});

export function TemplateView({ host, workbook }: WorkbookViewProps) {
  const t = useText();
  const styles = useStyles();
  const action = useAction();

  const insert = () =>
    action.perform(
      (reason) => t("tabs.template.failed", { reason }),
      async (progress) => {
        // The drop-downs offer the office's own levels, so the template follows 参数.
        const settings = await workbookSettings(workbook, host.locale);
        const sheet = await workbook.writeSheet(templateSheet(settings, host.locale), progress);
        return t("tabs.template.done", { sheet });
      },
    );

  return (
    <section className={styles.view} aria-busy={action.state.busy}>
      <Body1>{t("tabs.template.intro")}</Body1>
      <Button appearance="primary" icon={<DocumentAdd20Regular />} onClick={insert} disabled={action.state.busy}>
        {t("tabs.template.run")}
      </Button>
      <Feedback state={action.state} />
    </section>
  );
}
