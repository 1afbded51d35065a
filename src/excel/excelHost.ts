/**
 * The task pane's Host for Excel: with src/excel's other modules, the only code that calls
 * Excel.run. Every Office error leaves as an ExcelHostError with a sentence for the user.
 */
import type { Finding, WorkbookInput } from "../engine";
import type { Host, Progress, WorkbookActions } from "../host/host";
import type { Locale } from "../i18n";
import { guarded } from "./errors";
import { replaceMarks, type NoteKind } from "./marks";
import { isVisible, readGrids, type SheetToRead } from "./readGrid";
import { loadRegistry, ownedIds } from "./registry";
import { ExcelWorkbook, type WorkbookOptions } from "./workbookActions";

export interface ExcelHostOptions extends WorkbookOptions {
  /** Force a note kind instead of asking Office's requirement sets (tests). */
  noteKind?: NoteKind;
}

export class ExcelHost implements Host {
  readonly kind = "excel" as const;
  readonly workbook: WorkbookActions;
  readonly locale: Locale;

  constructor(private readonly options: ExcelHostOptions) {
    this.workbook = new ExcelWorkbook(options);
    this.locale = options.locale;
  }

  readWorkbooks(scope: "all" | "active", progress?: Progress): Promise<WorkbookInput[]> {
    return guarded("read", () =>
      Excel.run(async (context) => {
        const book = context.workbook;
        book.load("name");
        let active: Excel.Worksheet | undefined;
        if (scope === "active") {
          active = book.worksheets.getActiveWorksheet();
          active.load("id,name,visibility");
        }
        // The sheets the add-in wrote (汇总, 问题清单, …) are never submissions.
        const { registry, sheets: all } = await loadRegistry(context);
        const owned = ownedIds(registry);
        const sheets: SheetToRead[] = (active ? [active] : all).filter((sheet) => !owned.has(sheet.id)).map((sheet) => ({
          sheet,
          name: sheet.name,
          visible: isVisible(sheet.visibility),
        }));
        const grids = await readGrids(context, sheets, { blockCells: this.options.blockCells, blocksPerSync: this.options.blocksPerSync, progress });
        return [{ file: book.name, grids }];
      }),
    );
  }

  markFindings(findings: Finding[], progress?: Progress): Promise<void> {
    return guarded("mark", () =>
      Excel.run(async (context) => {
        await replaceMarks(context, findings, { locale: this.options.locale, noteKind: this.options.noteKind, progress });
      }),
    );
  }

  clearMarks(): Promise<void> {
    return guarded("clear", () =>
      Excel.run(async (context) => {
        await replaceMarks(context, [], { locale: this.options.locale, noteKind: this.options.noteKind });
      }),
    );
  }

  selectCell(_file: string, sheet: string, cell: string): Promise<void> {
    return guarded("select", () =>
      Excel.run(async (context) => {
        const worksheet = context.workbook.worksheets.getItem(sheet);
        worksheet.activate();
        worksheet.getRange(cell).select();
        await context.sync();
      }),
    );
  }
}
