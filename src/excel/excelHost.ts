/**
 * The task pane's Host for Excel: the only place (with readGrid and marks) that calls Excel.run.
 * Every Office error leaves as an ExcelHostError with a sentence for the user.
 */
import type { Finding, WorkbookInput } from "../engine";
import type { Host, Progress } from "../taskpane/host";
import { guarded } from "./errors";
import { replaceMarks, type NoteKind } from "./marks";
import { isVisible, readGrids, type SheetToRead } from "./readGrid";

export interface ExcelHostOptions {
  /** Block size and blocks per sync for reading (defaults in readGrid.ts). */
  blockCells?: number;
  blocksPerSync?: number;
  /** Force a note kind instead of asking Office's requirement sets (tests). */
  noteKind?: NoteKind;
}

export class ExcelHost implements Host {
  readonly kind = "excel" as const;

  constructor(private readonly options: ExcelHostOptions = {}) {}

  readWorkbooks(scope: "all" | "active", progress?: Progress): Promise<WorkbookInput[]> {
    return guarded("read", () =>
      Excel.run(async (context) => {
        const book = context.workbook;
        book.load("name");
        const worksheets = book.worksheets;
        let active: Excel.Worksheet | undefined;
        if (scope === "active") {
          active = worksheets.getActiveWorksheet();
          active.load("name,visibility");
        } else {
          worksheets.load("items/name,items/visibility");
        }
        await context.sync();
        const sheets: SheetToRead[] = (active ? [active] : worksheets.items).map((sheet) => ({
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
        await replaceMarks(context, findings, { noteKind: this.options.noteKind, progress });
      }),
    );
  }

  clearMarks(): Promise<void> {
    return guarded("clear", () =>
      Excel.run(async (context) => {
        await replaceMarks(context, [], { noteKind: this.options.noteKind });
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
