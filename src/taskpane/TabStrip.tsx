/**
 * The pane's tab strip: one line of tabs, and the ones a 320 px pane has no room for in a 更多
 * menu at its end, as Office's own panes do. The selected tab is the last to overflow.
 */
import {
  Button,
  makeStyles,
  Menu,
  MenuItem,
  MenuList,
  MenuPopover,
  MenuTrigger,
  Overflow,
  OverflowItem,
  Tab,
  TabList,
  tokens,
  useIsOverflowItemVisible,
  useOverflowMenu,
} from "@fluentui/react-components";
import { MoreHorizontal20Regular } from "@fluentui/react-icons";
import { useText } from "./text";
import type { TabId } from "./App";

const useStyles = makeStyles({
  // The tabs' own padding would indent the first one from the page's text.
  tabs: { marginLeft: `calc(-1 * ${tokens.spacingHorizontalS})` },
  // The tab list stretches its children to the tabs' height; the button keeps its own, centred on them.
  more: { alignSelf: "center" },
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
    <Overflow>
      <TabList
        className={styles.tabs}
        size="small"
        selectedValue={selected}
        onTabSelect={(_event, data) => onSelect(data.value as TabId)}
        aria-label={t("tabs.list")}
      >
        {tabs.map((tab) => (
          <OverflowItem key={tab} id={tab} priority={tab === selected ? 2 : 1}>
            <Tab id={`tab-${tab}`} value={tab} aria-controls={`panel-${tab}`}>
              {t(`tabs.tab.${tab}`)}
            </Tab>
          </OverflowItem>
        ))}
        <MoreTabs tabs={tabs} onSelect={onSelect} />
      </TabList>
    </Overflow>
  );
}

/** The menu of the tabs that did not fit; absent while they all do. */
function MoreTabs({ tabs, onSelect }: Omit<TabStripProps, "selected">) {
  const t = useText();
  const styles = useStyles();
  const { ref, isOverflowing } = useOverflowMenu<HTMLButtonElement>();
  if (!isOverflowing) return null;
  return (
    <Menu>
      <MenuTrigger disableButtonEnhancement>
        {/* A tab list may hold only tabs (ARIA): to assistive technology the button is one. */}
        <Button
          ref={ref}
          className={styles.more}
          appearance="transparent"
          role="tab"
          icon={<MoreHorizontal20Regular />}
          aria-label={t("tabs.more")}
          title={t("tabs.more")}
        />
      </MenuTrigger>
      <MenuPopover>
        <MenuList>
          {tabs.map((tab) => (
            <HiddenTab key={tab} tab={tab} onSelect={onSelect} />
          ))}
        </MenuList>
      </MenuPopover>
    </Menu>
  );
}

function HiddenTab({ tab, onSelect }: { tab: TabId; onSelect: (tab: TabId) => void }) {
  const t = useText();
  if (useIsOverflowItemVisible(tab)) return null;
  return <MenuItem onClick={() => onSelect(tab)}>{t(`tabs.tab.${tab}`)}</MenuItem>;
}
