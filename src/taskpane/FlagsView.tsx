/**
 * 预警: the flags sheet (one row per flag, with counts per department) and the 三会一课 coverage
 * sheet, each written from a validation made now, and the same counts and coverage in the pane,
 * with the flags about a person (欠缴党费, 预备期满未转正, 连续6个月未参加组织生活) listed by name.
 */
import { useState } from "react";
import { Body1, Button, makeStyles, mergeClasses, Subtitle2, tokens } from "@fluentui/react-components";
import { CalendarLtr20Regular, Warning20Regular } from "@fluentui/react-icons";
import { coverageSheet, flagCounts, flagsSheet, meetingCoverage, type CoverageTable, type FlagCounts } from "../engine/sheets";
import type { Flag, Report } from "../engine";
import { CoverageMatrix } from "./CoverageMatrix";
import { useText } from "./text";
import type { WorkbookViewProps } from "./App";
import { Feedback, freshValidation, useValidatingAction } from "./feedback";
import { LacksNote } from "./LacksNote";

const useStyles = makeStyles({
  view: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM },
  start: { alignSelf: "flex-start" },
  heading: { margin: 0 },
  table: { borderCollapse: "collapse", width: "100%" },
  cell: {
    textAlign: "start",
    padding: `${tokens.spacingVerticalXXS} ${tokens.spacingHorizontalXS}`,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    wordBreak: "break-all",
  },
  count: { textAlign: "end", whiteSpace: "nowrap" },
  muted: { color: tokens.colorNeutralForeground3 },
});

function Counts({ caption, name, counts }: { caption: string; name: string; counts: [string, number][] }) {
  const t = useText();
  const styles = useStyles();
  return (
    <table className={styles.table}>
      <caption className={styles.cell}>
        <Subtitle2 as="h2" className={styles.heading}>{caption}</Subtitle2>
      </caption>
      <thead>
        <tr>
          <th className={styles.cell} scope="col">{name}</th>
          <th className={mergeClasses(styles.cell, styles.count)} scope="col">{t("tabs.flags.count")}</th>
        </tr>
      </thead>
      <tbody>
        {counts.map(([key, count]) => (
          <tr key={key}>
            <th className={styles.cell} scope="row">{key}</th>
            <td className={mergeClasses(styles.cell, styles.count)}>{count}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** The flags about one person, in report order. */
function personFlags(report: Report): Flag[] {
  return report.files.flatMap((file) => file.sheets.flatMap((sheet) => sheet.flags.filter((flag) => flag.person !== undefined)));
}

/** Who is in arrears, overdue or absent, and for which months: what a branch is asked about, person by person. */
function People({ flags }: { flags: Flag[] }) {
  const t = useText();
  const styles = useStyles();
  return (
    <table className={styles.table}>
      <caption className={styles.cell}>
        <Subtitle2 as="h2" className={styles.heading}>{t("tabs.flags.byPerson")}</Subtitle2>
      </caption>
      <thead>
        <tr>
          <th className={styles.cell} scope="col">{t("tabs.flags.person")}</th>
          <th className={styles.cell} scope="col">{t("tabs.flags.flag")}</th>
          <th className={styles.cell} scope="col">{t("tabs.flags.detail")}</th>
        </tr>
      </thead>
      <tbody>
        {flags.map((flag) => (
          <tr key={`${flag.sheet}\u0000${flag.row}\u0000${flag.flag}\u0000${flag.person}`}>
            <th className={styles.cell} scope="row">
              {flag.person}
              <div className={styles.muted}>{flag.branch}</div>
            </th>
            <td className={styles.cell}>{flag.label}</td>
            <td className={styles.cell}>{flag.detail}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export function FlagsView({ host, workbook, store }: WorkbookViewProps) {
  const t = useText();
  const styles = useStyles();
  const { action, busy } = useValidatingAction(store);
  const [counts, setCounts] = useState<FlagCounts | null>(null);
  const [people, setPeople] = useState<Flag[]>([]);
  const [coverage, setCoverage] = useState<CoverageTable | null>(null);

  const write = () =>
    action.perform(
      (reason) => t("tabs.flags.failed", { reason }),
      async (progress) => {
        const { report } = await freshValidation(host, store, t);
        const sheet = await workbook.writeSheet(flagsSheet(report, host.locale), progress);
        const written = flagCounts(report);
        setCounts(written);
        setPeople(personFlags(report));
        return t("tabs.flags.done", { sheet, count: written.total });
      },
    );

  const writeCoverage = () =>
    action.perform(
      (reason) => t("tabs.coverage.failed", { reason }),
      async (progress) => {
        const { parsed, settings } = await freshValidation(host, store, t);
        const table = meetingCoverage(parsed, settings, host.locale);
        const sheet = await workbook.writeSheet(coverageSheet(table, host.locale), progress);
        setCoverage(table);
        return t("tabs.coverage.done", { sheet, count: table.rows.length });
      },
    );

  return (
    <section className={styles.view} aria-busy={busy}>
      <Body1>{t("tabs.flags.intro")}</Body1>
      <LacksNote workbook={workbook} lacks={["tableStyle"]} />
      <Button className={styles.start} appearance="primary" icon={<Warning20Regular />} onClick={write} disabled={busy}>
        {t("tabs.flags.run")}
      </Button>
      <Button className={styles.start} icon={<CalendarLtr20Regular />} onClick={writeCoverage} disabled={busy}>
        {t("tabs.coverage.run")}
      </Button>
      <Feedback state={action.state} />
      {counts !== null &&
        (counts.total === 0 ? (
          <Body1 className={styles.muted}>{t("pane.validate.noFlags")}</Body1>
        ) : (
          <>
            <Counts caption={t("tabs.flags.byUnit")} name={t("tabs.flags.unit")} counts={counts.byUnit} />
            <Counts caption={t("tabs.flags.byFlag")} name={t("tabs.flags.flag")} counts={counts.byFlag} />
            {people.length > 0 && <People flags={people} />}
          </>
        ))}
      {coverage !== null && <CoverageMatrix table={coverage} />}
    </section>
  );
}
