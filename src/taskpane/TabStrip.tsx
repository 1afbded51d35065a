/** The pane's tab strip: a Fluent TabList that wraps onto a second line in a 320 px pane. */
import { makeStyles, Tab, TabList, tokens } from "@fluentui/react-components";
import { useText } from "./text";
import type { TabId } from "./App";

const useStyles = makeStyles({
  // Eight tabs do not fit a 320 px pane on one line: they wrap rather than scroll out of sight.
  tabs: { flexWrap: "wrap", marginLeft: `calc(-1 * ${tokens.spacingHorizontalS})` },
});

export interface TabStripProps {
  tabs: readonly TabId[];
  selected: TabId;
  onSelect: (tab: TabId) => void;
}

export function TabStrip({ tabs, selected, onSelect }: TabStripProps) {
  const t = useText();
  const styles = useStyles();
  return (
    <TabList
      className={styles.tabs}
      size="small"
      selectedValue={selected}
      onTabSelect={(_event, data) => onSelect(data.value as TabId)}
      aria-label={t("tabs.list")}
    >
      {tabs.map((tab) => (
        <Tab key={tab} id={`tab-${tab}`} value={tab} aria-controls={`panel-${tab}`}>
          {t(`tabs.tab.${tab}`)}
        </Tab>
      ))}
    </TabList>
  );
}
