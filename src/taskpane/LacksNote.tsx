/**
 * One line saying what this host's workbook does instead of something Excel does (WPS: no charts,
 * no table styles, no sheets inserted from a file), so the nearest thing never passes silently.
 */
import { Caption1 } from "@fluentui/react-components";
import type { HostLack, WorkbookActions } from "../host/host";
import { useText } from "./text";

export function LacksNote({ workbook, lacks }: { workbook: WorkbookActions; lacks: readonly HostLack[] }) {
  const t = useText();
  const shown = lacks.filter((lack) => workbook.lacks?.has(lack));
  return (
    <>
      {shown.map((lack) => (
        <Caption1 key={lack} role="note">
          {t(`tabs.lacks.${lack}`)}
        </Caption1>
      ))}
    </>
  );
}
