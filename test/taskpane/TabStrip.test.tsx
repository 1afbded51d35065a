/**
 * @jest-environment jsdom
 */
/**
 * The tab strip in a pane too narrow for its eight tabs: the ones that do not fit are in the 更多标签
 * menu, choosing one there selects it, and the selected tab is never the one left out. jsdom has
 * no layout, so the widths are made up; the real wrapping is test/e2e/pane.test.ts's.
 */
import { act, fireEvent, screen } from "@testing-library/react";
import { useState } from "react";
import { renderIn } from "./renderIn";
import { stubResizeObserver, stubWidths } from "./standInHost";
import type { TabId } from "../../src/taskpane/App";
import { TabStrip } from "../../src/taskpane/TabStrip";

const TABS: readonly TabId[] = ["validate", "import", "roster", "consolidated", "flags", "results", "template", "settings"];

function Strip({ selected: first, chosen }: { selected: TabId; chosen: TabId[] }) {
  const [selected, setSelected] = useState(first);
  const select = (tab: TabId) => {
    chosen.push(tab);
    setSelected(tab);
  };
  return <TabStrip tabs={TABS} selected={selected} onSelect={select} />;
}

/** The tabs on the strip (the overflow manager marks the others), by their ids. */
function shownTabs(): string[] {
  return screen
    .getAllByRole("tab")
    .filter((tab) => tab.id.startsWith("tab-") && !tab.hasAttribute("data-overflowing"))
    .map((tab) => tab.id.slice("tab-".length));
}

async function openMenu(name: string): Promise<string[]> {
  await act(async () => {
    fireEvent.click(screen.getByRole("tab", { name }));
  });
  return (await screen.findAllByRole("menuitem")).map((item) => item.textContent!);
}

let restore: () => void;
beforeAll(stubResizeObserver);
// Room for three tabs and the menu button.
beforeEach(() => {
  restore = stubWidths(300);
});
afterEach(() => restore());

test("the tabs that do not fit are in the 更多标签 menu; choosing one selects it and brings it onto the strip", async () => {
  const chosen: TabId[] = [];
  renderIn("zh-CN", <Strip selected="validate" chosen={chosen} />);
  expect(shownTabs()).toEqual(["validate", "import", "roster"]);
  expect(await openMenu("更多标签")).toEqual(["汇总", "预警", "评分", "模板", "设置"]);

  await act(async () => {
    fireEvent.click(screen.getByRole("menuitem", { name: "评分" }));
  });
  expect(chosen).toEqual(["results"]);
  expect(screen.queryByRole("menu")).toBeNull();
  // The selected tab outranks the others: 名册, the last of them, makes room for it.
  expect(shownTabs()).toEqual(["validate", "import", "results"]);
  expect(screen.getByRole("tab", { name: "评分" }).getAttribute("aria-selected")).toBe("true");
  expect(await openMenu("更多标签")).toEqual(["名册", "汇总", "预警", "模板", "设置"]);
});

test("a selected tab far along the list starts on the strip; the menu button is named in English too", async () => {
  renderIn("en-US", <Strip selected="settings" chosen={[]} />);
  expect(shownTabs()).toEqual(["validate", "import", "settings"]);
  expect(await openMenu("More tabs")).toEqual(["Roster", "Summary", "Flags", "Scoring", "Template"]);
});
