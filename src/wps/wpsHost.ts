/**
 * The task pane's Host for WPS 表格 (PRODUCT.md §10): the same contract as Excel's, over the ET
 * object model that WPS injects into the add-in's pages as window.Application. ET calls are
 * synchronous; the methods stay async because the contract is. Every ET failure leaves as a
 * WpsHostError with a sentence for the user.
 */
import type { Finding, WorkbookInput } from "../engine";
import type { Host, Progress } from "../host/host";
import type { Locale } from "../i18n";
import { guarded } from "./errors";
import { replaceMarks } from "./marks";
import { readGrids, type SheetToRead } from "./readGrid";
import { activeBook, taggedSheets } from "./tags";
import { XL, type EtApplication } from "./et";
import { WpsWorkbook } from "./workbook";

export interface WpsHostOptions {
  locale: Locale;
  /** Cells per read (readGrid.ts's default otherwise). */
  blockCells?: number;
}

export class WpsHost implements Host {
  readonly kind = "wps" as const;
  readonly locale: Locale;
  readonly workbook: WpsWorkbook;

  /** `app` gives WPS's Application each time: a page may outlive the workbook it started on. */
  constructor(
    private readonly app: () => EtApplication,
    private readonly options: WpsHostOptions,
  ) {
    this.locale = options.locale;
    this.workbook = new WpsWorkbook(app, { locale: options.locale, blockCells: options.blockCells });
  }

  async readWorkbooks(scope: "all" | "active", progress?: Progress): Promise<WorkbookInput[]> {
    return guarded("read", () => {
      const book = activeBook(this.app());
      // The sheets the add-in wrote (汇总, 问题清单, its record, …) are never submissions.
      const sheets: SheetToRead[] = taggedSheets(book)
        .filter(({ tag }) => tag === undefined || tag.role === "imported")
        .map(({ sheet }) => ({ sheet, name: sheet.Name, visible: sheet.Visible === XL.sheetVisible }));
      const active = scope === "active" ? book.ActiveSheet.Name : undefined;
      const chosen = active === undefined ? sheets : sheets.filter((s) => s.name === active);
      return [{ file: book.Name, grids: readGrids(chosen, { blockCells: this.options.blockCells, progress }) }];
    });
  }

  async markFindings(findings: Finding[], progress?: Progress): Promise<void> {
    guarded("mark", () => {
      const app = this.app();
      replaceMarks(app, activeBook(app), findings, { locale: this.locale, progress });
    });
  }

  async clearMarks(): Promise<void> {
    guarded("clear", () => {
      const app = this.app();
      replaceMarks(app, activeBook(app), [], { locale: this.locale });
    });
  }

  async selectCell(_file: string, sheet: string, cell: string): Promise<void> {
    guarded("select", () => {
      const worksheet = activeBook(this.app()).Worksheets.Item(sheet);
      worksheet.Activate();
      worksheet.Range(cell).Select();
    });
  }
}
