/** 模板: a blank sheet of each kind (统计表, 三会一课台账), with drop-downs and input prompts, for departments to fill. */
import { Body1, Button, makeStyles, tokens } from "@fluentui/react-components";
import { DocumentAdd20Regular } from "@fluentui/react-icons";
import { KINDS, kindText, type SheetKind } from "../engine";
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
  const nameOf = (kind: SheetKind) => kindText(kind.id, host.locale)("kind.template");

  const insert = (kind: SheetKind) =>
    action.perform(
      (reason) => t("tabs.template.failed", { name: nameOf(kind), reason }),
      async (progress) => {
        // The drop-downs offer the office's own levels, so the template follows 参数.
        const settings = await workbookSettings(workbook, host.locale);
        const sheet = await workbook.writeSheet(templateSheet(kind, settings, host.locale), progress);
        return t("tabs.template.done", { sheet });
      },
    );

  return (
    <section className={styles.view} aria-busy={action.state.busy}>
      <Body1>{t("tabs.template.intro")}</Body1>
      {KINDS.map((kind) => (
        <Button key={kind.id} appearance="primary" icon={<DocumentAdd20Regular />} onClick={() => insert(kind)} disabled={action.state.busy}>
          {t("tabs.template.run", { name: nameOf(kind) })}
        </Button>
      ))}
      <Feedback state={action.state} />
    </section>
  );
}
