/**
 * WorkbookActions for Excel (src/taskpane/host.ts): each action is one Excel.run, and every Office
 * failure leaves as an ExcelHostError in the user's language. The sheets this session inserted
 * and has not settled are remembered here: only they (and sheets recorded as imported) may be
 * deleted by settleImport.
 */
import type { Grid } from "../engine";
import type { CellFix, SheetRole, SheetSpec } from "../engine/sheets/spec";
import type { ImportedSheet, InsertedSheet, Progress, WorkbookActions } from "../host/host";
import { guarded } from "./errors";
import { applyFixes, recordedFixes, undoFixes } from "./fixes";
import { freezeOwned } from "./freeze";
import { importedSheets, insertSheets, settleSheets } from "./importSheets";
import { isVisible, readGrids } from "./readGrid";
import { loadRegistry, ownedIds, ownedOf } from "./registry";
import { writeSpec } from "./writeSheet";
import type { Locale } from "../i18n";
import { excelText } from "../i18n/excel";

export interface WorkbookOptions {
  /** The language of the names and notes the add-in writes. */
  locale: Locale;
  /** Reading (defaults in readGrid.ts). */
  blockCells?: number;
  blocksPerSync?: number;
  /** Writing (defaults in writeSheet.ts). */
  writeBlockCells?: number;
  writeBlocksPerSync?: number;
}

export class ExcelWorkbook implements WorkbookActions {
  /** Worksheet ids inserted by insertWorkbook and not yet settled. */
  private readonly inserted = new Set<string>();

  constructor(private readonly options: WorkbookOptions) {}

  private get readOptions() {
    return { blockCells: this.options.blockCells, blocksPerSync: this.options.blocksPerSync };
  }

  sheetNames(): Promise<string[]> {
    return guarded("read", () =>
      Excel.run(async (context) => {
        const { registry, sheets } = await loadRegistry(context);
        const owned = ownedIds(registry);
        return sheets.filter((sheet) => isVisible(sheet.visibility) && !owned.has(sheet.id)).map((sheet) => sheet.name);
      }),
    );
  }

  readSheet(name: string): Promise<Grid | null> {
    return guarded("read", () =>
      Excel.run(async (context) => {
        const sheet = context.workbook.worksheets.getItemOrNullObject(name);
        sheet.load("name,visibility");
        await context.sync();
        if (sheet.isNullObject) return null;
        const [grid] = await readGrids(context, [{ sheet, name: sheet.name, visible: isVisible(sheet.visibility) }], this.readOptions);
        return grid;
      }),
    );
  }

  readOwned(role: SheetRole): Promise<Grid | null> {
    return guarded("read", () =>
      Excel.run(async (context) => {
        const { registry, byId } = await loadRegistry(context);
        const owned = ownedOf(registry, role);
        if (!owned) return null;
        const sheet = byId.get(owned.id)!;
        const [grid] = await readGrids(context, [{ sheet, name: sheet.name, visible: isVisible(sheet.visibility) }], this.readOptions);
        return grid;
      }),
    );
  }

  writeSheet(spec: SheetSpec, progress?: Progress): Promise<string> {
    return guarded("write", () =>
      Excel.run((context) => writeSpec(context, spec, { blockCells: this.options.writeBlockCells, blocksPerSync: this.options.writeBlocksPerSync, progress })),
    );
  }

  applyFixes(fixes: CellFix[]): Promise<CellFix[]> {
    return guarded("fix", () => Excel.run((context) => applyFixes(context, fixes)));
  }

  undoFixes(): Promise<CellFix[]> {
    return guarded("undo", () => Excel.run((context) => undoFixes(context)));
  }

  recordedFixes(): Promise<CellFix[]> {
    return guarded("read", () => Excel.run((context) => recordedFixes(context)));
  }

  freeze(role: SheetRole): Promise<string> {
    return guarded("freeze", () =>
      Excel.run((context) =>
        freezeOwned(context, role, this.options.locale, { blockCells: this.options.writeBlockCells, blocksPerSync: this.options.writeBlocksPerSync }),
      ),
    );
  }

  insertWorkbook(base64: string, progress?: Progress): Promise<InsertedSheet[]> {
    return guarded("import", () =>
      Excel.run(async (context) => {
        const sheets = await insertSheets(context, base64, { ...this.readOptions, progress });
        for (const sheet of sheets) this.inserted.add(sheet.id);
        return sheets;
      }),
    );
  }

  importedSheets(): Promise<ImportedSheet[]> {
    return guarded("read", () => Excel.run((context) => importedSheets(context)));
  }

  settleImport(keep: { id: string; unit: string }[], remove: string[]): Promise<ImportedSheet[]> {
    return guarded("settle", () =>
      Excel.run(async (context) => {
        const untitled = excelText(this.options.locale)("excel.sheet.untitled");
        const settled = await settleSheets(context, keep.map((sheet) => ({ ...sheet, unit: sheet.unit || untitled })), remove, this.inserted);
        for (const id of [...remove, ...keep.map((sheet) => sheet.id)]) this.inserted.delete(id);
        return settled;
      }),
    );
  }
}
