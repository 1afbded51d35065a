import { lazy, Suspense, useState, type ComponentType, type ReactElement } from "react";
import {
  Body1,
  Caption1,
  FluentProvider,
  Link,
  makeStyles,
  Subtitle1,
  tokens,
  webLightTheme,
  type Theme,
} from "@fluentui/react-components";
import { useText } from "./text";
import type { Host, WorkbookActions } from "../host/host";
import { Loading, LoadBoundary } from "./feedback";
import { ValidateView } from "./ValidateView";
import { createValidationStore, type ValidationStore } from "./validationStore";

const useStyles = makeStyles({
  page: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM, padding: tokens.spacingHorizontalL },
  heading: { margin: 0 },
  // Subdued rather than italic: slanted Chinese is hard to read.
  note: { color: tokens.colorNeutralForeground3 },
});

/** What a tab other than 校验 is given: they all act on the live workbook. */
export interface WorkbookViewProps {
  host: Host;
  workbook: WorkbookActions;
  store: ValidationStore;
}

/** The workbook tabs come in their own chunk, loaded when the first of them is opened. */
const loadTabs = () => import(/* webpackChunkName: "workbook-tabs" */ "./workbookTabs");

export type TabId = "validate" | "import" | "roster" | "consolidated" | "flags" | "results" | "template" | "settings";

/** The tabs that need a live workbook, in the order PRODUCT.md §7 lists them. */
const TabStrip = lazy(() => loadTabs().then((m) => ({ default: m.TabStrip })));

const WORKBOOK_TABS: readonly [Exclude<TabId, "validate">, ComponentType<WorkbookViewProps>][] = [
  ["import", lazy(() => loadTabs().then((m) => ({ default: m.ImportView })))],
  ["roster", lazy(() => loadTabs().then((m) => ({ default: m.RosterView })))],
  ["consolidated", lazy(() => loadTabs().then((m) => ({ default: m.ConsolidatedView })))],
  ["flags", lazy(() => loadTabs().then((m) => ({ default: m.FlagsView })))],
  ["results", lazy(() => loadTabs().then((m) => ({ default: m.ResultsView })))],
  ["template", lazy(() => loadTabs().then((m) => ({ default: m.TemplateView })))],
  ["settings", lazy(() => loadTabs().then((m) => ({ default: m.SettingsView })))],
];

export interface AppProps {
  /** Where the pane runs; null in a plain browser, where Office.onReady reports no host. */
  host: Host | null;
  /** The page's shared store, so a validation started from the ribbon shows here. */
  store?: ValidationStore;
  /** Office's theme as Fluent's; light by default. */
  theme?: Theme;
  /** A line about the host shown above the tabs (WPS: the custom functions are unavailable). */
  notice?: AppNotice;
}

export type AppNotice = { kind: "functionsUnsupported" } | { kind: "functionsFailed"; reason: string };

export function App({ host, store: given, theme = webLightTheme, notice }: AppProps) {
  const t = useText();
  const styles = useStyles();
  // One store for every tab: 汇总, 预警 and 评分 build on the validation 校验 or 名册 made.
  const [store] = useState(() => given ?? createValidationStore());
  return (
    <FluentProvider theme={theme}>
      <main className={styles.page}>
        <Subtitle1 as="h1" className={styles.heading}>{t("app.name")}</Subtitle1>
        {notice && (
          <Caption1 role="note" className={styles.note}>
            {notice.kind === "functionsFailed" ? t("tabs.notice.functionsFailed", { reason: notice.reason }) : t("tabs.notice.functionsUnsupported")}
          </Caption1>
        )}
        {host === null ? (
          <>
            <Body1>{t("app.description")}</Body1>
            <Body1 className={styles.note}>
              {t("pane.app.outsideOffice")} <Link href="preview.html">{t("pane.app.previewLink")}</Link>
            </Body1>
          </>
        ) : host.workbook ? (
          <Tabs host={host} workbook={host.workbook} store={store} />
        ) : (
          // Only 校验 works without a live workbook: a tab strip of one would be noise.
          <ValidateView host={host} store={store} />
        )}
      </main>
    </FluentProvider>
  );
}

const TAB_IDS: readonly TabId[] = ["validate", ...WORKBOOK_TABS.map(([tab]) => tab)];

function Tabs({ host, workbook, store }: WorkbookViewProps) {
  const [selected, setSelected] = useState<TabId>("validate");
  // A tab, once opened, stays mounted (hidden when not selected): its work in progress and its
  // last outcome survive a look at another tab.
  const [opened, setOpened] = useState<ReadonlySet<TabId>>(() => new Set(["validate"]));
  const select = (tab: TabId) => {
    setSelected(tab);
    setOpened((before) => new Set(before).add(tab));
  };
  const panel = (tab: TabId, content: ReactElement) =>
    opened.has(tab) && (
      <div key={tab} role="tabpanel" id={`panel-${tab}`} aria-labelledby={`tab-${tab}`} hidden={selected !== tab}>
        {content}
      </div>
    );
  return (
    <>
      <LoadBoundary>
        <Suspense fallback={<Loading />}>
          <TabStrip tabs={TAB_IDS} selected={selected} onSelect={select} />
        </Suspense>
      </LoadBoundary>
      {panel("validate", <ValidateView host={host} store={store} />)}
      {WORKBOOK_TABS.map(([tab, View]) =>
        panel(
          tab,
          <LoadBoundary>
            <Suspense fallback={<Loading />}>
              <View host={host} workbook={workbook} store={store} />
            </Suspense>
          </LoadBoundary>,
        ),
      )}
    </>
  );
}
