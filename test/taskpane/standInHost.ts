/** A Host that records what the pane asks of it, over a workbook the test hands in. */
import type { WorkbookInput } from "../../src/engine";
import type { Host, LocatedFinding } from "../../src/host/host";
import type { Locale } from "../../src/i18n";
import { grid } from "../support/grid";

/** A small submission with one number-as-text and one error per row. */
export const BOOK: WorkbookInput = {
  file: "一局.xlsx",
  grids: [
    grid(
      [
        ["序号", "党支部名称", "正式党员数", "预备党员数", "党员大会", "党课", "本年发展党员数"],
        [1, "第一党支部", "十二", 1, 4, 4, 1],
        [2, "第二党支部", 2.5, 0, 4, 4, 0],
      ],
      { sheet: "报表" },
    ),
  ],
};

export class StandInHost implements Host {
  marked: LocatedFinding[] | undefined;
  selected: string[][] = [];
  reads = 0;
  constructor(
    private readonly read: () => Promise<WorkbookInput[]>,
    readonly kind: "excel" | "files" = "files",
    readonly locale: Locale = "zh-CN",
  ) {}
  readWorkbooks(_scope: "all" | "active", progress?: (done: number, total: number) => void) {
    this.reads++;
    progress?.(1, 1);
    return this.read();
  }
  async markFindings(findings: LocatedFinding[]) {
    this.marked = findings;
  }
  async clearMarks() {
    this.marked = undefined;
  }
  async selectCell(file: string, sheet: string, cell: string) {
    this.selected.push([file, sheet, cell]);
  }
}

/** jsdom has no layout, so no ResizeObserver; Fluent's MessageBar observes its own width. */
export function stubResizeObserver(): void {
  globalThis.ResizeObserver ??= class {
    observe() {}
    unobserve() {}
    disconnect() {}
  } as unknown as typeof ResizeObserver;
}

/**
 * jsdom has no layout either: every element is 0 px wide, which leaves Fluent's overflow (the tab
 * strip's) room for no tab. This gives every element 60 px and the tab list `width`; the returned
 * function takes the widths back.
 */
export function stubWidths(width: number): () => void {
  const offset = Object.getOwnPropertyDescriptor(HTMLElement.prototype, "offsetWidth")!;
  const client = Object.getOwnPropertyDescriptor(Element.prototype, "clientWidth")!;
  Object.defineProperty(HTMLElement.prototype, "offsetWidth", { configurable: true, get: () => 60 });
  Object.defineProperty(Element.prototype, "clientWidth", {
    configurable: true,
    get(this: Element) {
      return this.getAttribute("role") === "tablist" ? width : 0;
    },
  });
  return () => {
    Object.defineProperty(HTMLElement.prototype, "offsetWidth", offset);
    Object.defineProperty(Element.prototype, "clientWidth", client);
  };
}
