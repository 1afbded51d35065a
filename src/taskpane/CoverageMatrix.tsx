/**
 * 三会一课覆盖 in the pane and the preview: a small table per branch, most missing first — a row
 * per required type, twelve month columns (a quarter spans three, the year all twelve), each cell
 * the meetings counted, red where one was due and none was held.
 */
import { Body1, Caption1, makeStyles, mergeClasses, Subtitle2, tokens } from "@fluentui/react-components";
import type { CoverageColumn, CoverageRow, CoverageTable } from "../engine/sheets";
import { useText } from "./text";

const useStyles = makeStyles({
  view: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  heading: { margin: 0 },
  table: { borderCollapse: "collapse", tableLayout: "fixed", width: "100%" },
  caption: { textAlign: "start", paddingBottom: tokens.spacingVerticalXXS },
  type: { textAlign: "start", fontWeight: tokens.fontWeightRegular, whiteSpace: "nowrap", width: "5.5em", paddingRight: tokens.spacingHorizontalXS },
  cell: {
    textAlign: "center",
    fontVariantNumeric: "tabular-nums",
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralBackground1}`,
    backgroundColor: tokens.colorPaletteGreenBackground1,
  },
  gap: { backgroundColor: tokens.colorPaletteRedBackground2, color: tokens.colorPaletteRedForeground2, fontWeight: tokens.fontWeightSemibold },
  missing: { color: tokens.colorPaletteRedForeground2 },
  muted: { color: tokens.colorNeutralForeground3 },
  month: { fontWeight: tokens.fontWeightRegular, color: tokens.colorNeutralForeground3, textAlign: "center" },
});

/** The columns of one type, each with the months it spans (a quarter 3, the year 12). */
function groupsOf(columns: readonly CoverageColumn[]): { type: string; name: string; cells: { index: number; span: number; column: CoverageColumn }[] }[] {
  const groups: ReturnType<typeof groupsOf> = [];
  columns.forEach((column, index) => {
    let group = groups.find((g) => g.type === column.type);
    if (!group) groups.push((group = { type: column.type, name: column.typeName, cells: [] }));
    group.cells.push({ index, span: Math.min(12, column.bucket.months), column });
  });
  return groups;
}

function Branch({ row, columns }: { row: CoverageRow; columns: readonly CoverageColumn[] }) {
  const t = useText();
  const styles = useStyles();
  // Only the types this branch must hold, and only its own period's buckets.
  const groups = groupsOf(columns)
    .map((g) => ({ ...g, cells: g.cells.filter((c) => row.cells[c.index] !== null) }))
    .filter((g) => g.cells.length > 0);
  // The months, over the type held each month, so a quarter's or the year's cell reads against them.
  const monthly = groups.find((g) => g.cells.every((c) => c.span === 1));
  return (
    <table className={styles.table} data-branch={row.branch}>
      <caption className={styles.caption}>
        <Body1>{t("pane.coverage.branch", { branch: row.branch, unit: row.unit })}</Body1>{" "}
        {row.missing > 0 && <Caption1 className={styles.missing}>{t("pane.coverage.missing", { count: row.missing })}</Caption1>}
      </caption>
      {monthly && (
        <thead>
          <tr>
            <td className={styles.type} />
            {monthly.cells.map(({ index, column }) => (
              <th key={index} scope="col" className={styles.month}>
                <Caption1>{column.bucket.firstMonth}</Caption1>
              </th>
            ))}
          </tr>
        </thead>
      )}
      <tbody>
        {groups.map((group) => (
          <tr key={group.type}>
            <th scope="row" className={styles.type}>
              <Caption1>{group.name}</Caption1>
            </th>
            {group.cells.map(({ index, span, column }) => {
              const count = row.cells[index] as number;
              return (
                <td
                  key={index}
                  colSpan={span}
                  className={mergeClasses(styles.cell, count === 0 && styles.gap)}
                  title={t("pane.coverage.cell", { type: group.name, bucket: column.bucketName, count })}
                >
                  <Caption1>{count}</Caption1>
                </td>
              );
            })}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export function CoverageMatrix({ table }: { table: CoverageTable }) {
  const t = useText();
  const styles = useStyles();
  return (
    <section className={styles.view} aria-label={t("pane.coverage.title")}>
      <Subtitle2 as="h2" className={styles.heading}>{t("pane.coverage.title")}</Subtitle2>
      {table.rows.length === 0 ? (
        <Body1 className={styles.muted}>{t("pane.coverage.none")}</Body1>
      ) : (
        <>
          <Caption1 className={styles.muted}>{t("pane.coverage.intro")}</Caption1>
          {table.rows.map((row) => (
            <Branch key={`${row.sheet}:${row.row}`} row={row} columns={table.columns} />
          ))}
        </>
      )}
    </section>
  );
}
