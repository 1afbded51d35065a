/**
 * 导入 (PRODUCT.md §7): a department's .xlsx inserted sheet by sheet at the end of the workbook,
 * read back for validation, then settled — the sheets kept are renamed after their 填报单位 and
 * recorded as imported, the others deleted. Only sheets just inserted or recorded as imported
 * may be deleted or renamed here: a request naming any other sheet is refused whole.
 */
import type { ImportedSheet, InsertedSheet, Progress } from "../host/host";
import { refusal } from "./errors";
import { uniqueSheetName } from "../host/naming";
import { isVisible, readGrids } from "./readGrid";
import { loadRegistry, saveRegistry } from "./registry";
import { isSupported } from "./requirements";

export interface InsertOptions {
  blockCells?: number;
  blocksPerSync?: number;
  progress?: Progress;
}

/** Syncs: 1 (insert) + 1 (the new sheets) + readGrids'. */
export async function insertSheets(context: Excel.RequestContext, base64: string, options: InsertOptions = {}): Promise<InsertedSheet[]> {
  if (!isSupported("ExcelApi", "1.13")) throw refusal("import", "ApiNotSupported", "excel.refuse.insertUnsupported");
  const worksheets = context.workbook.worksheets;
  const ids = context.workbook.insertWorksheetsFromBase64(base64, { positionType: "End" });
  await context.sync();
  const sheets = ids.value.map((id) => {
    const sheet = worksheets.getItem(id);
    sheet.load("id,name,visibility");
    return sheet;
  });
  await context.sync();
  const grids = await readGrids(
    context,
    sheets.map((sheet) => ({ sheet, name: sheet.name, visible: isVisible(sheet.visibility) })),
    options,
  );
  return sheets.map((sheet, i) => ({ id: sheet.id, name: sheet.name, grid: grids[i] }));
}

/** Departments' sheets recorded as imported and still in the workbook, under their current names. */
export async function importedSheets(context: Excel.RequestContext): Promise<ImportedSheet[]> {
  const { registry } = await loadRegistry(context, "items/id,items/name");
  return registry.imported.map(({ id, name, unit }) => ({ id, name, unit }));
}

/**
 * Syncs: 1 (registry, sheets) [+1 its XML] + 1 (delete, rename, record). `insertedIds` are the
 * sheets this session inserted and has not settled yet.
 */
export async function settleSheets(
  context: Excel.RequestContext,
  keep: { id: string; unit: string }[],
  remove: string[],
  insertedIds: ReadonlySet<string>,
): Promise<ImportedSheet[]> {
  const loaded = await loadRegistry(context, "items/id,items/name");
  const { registry, byId } = loaded;
  const allowed = new Set([...insertedIds, ...registry.imported.map((sheet) => sheet.id)]);
  for (const id of [...remove, ...keep.map((sheet) => sheet.id)]) {
    if (!allowed.has(id)) throw refusal("settle", "NotImported", "excel.refuse.notImported", { sheet: byId.get(id)?.name ?? id });
  }

  const removed = new Set(remove);
  const kept = keep.filter((sheet) => byId.has(sheet.id) && !removed.has(sheet.id));
  const keptIds = new Set(kept.map((sheet) => sheet.id));
  for (const id of removed) byId.get(id)?.delete();

  const taken = loaded.sheets.filter((sheet) => !removed.has(sheet.id) && !keptIds.has(sheet.id)).map((sheet) => sheet.name);
  const targets: string[] = [];
  for (const sheet of kept) targets.push(uniqueSheetName(sheet.unit, [...taken, ...targets]));
  // A kept sheet may want a name another kept sheet still has: step every kept sheet aside first.
  const current = kept.map((sheet) => byId.get(sheet.id)!.name.toLowerCase());
  const clash = targets.some((target, i) => current.some((name, j) => j !== i && name === target.toLowerCase()));
  if (clash) {
    const names = [...loaded.sheets.map((sheet) => sheet.name), ...targets];
    kept.forEach((sheet, i) => {
      const aside = uniqueSheetName(`~${i + 1}`, names);
      names.push(aside);
      byId.get(sheet.id)!.name = aside;
    });
  }
  kept.forEach((sheet, i) => {
    const worksheet = byId.get(sheet.id)!;
    if (clash || worksheet.name !== targets[i]) worksheet.name = targets[i];
  });

  const settled: ImportedSheet[] = kept.map((sheet, i) => ({ id: sheet.id, name: targets[i], unit: sheet.unit }));
  const imported = [...registry.imported.filter((sheet) => !removed.has(sheet.id) && !keptIds.has(sheet.id)), ...settled];
  saveRegistry(context.workbook, loaded, { ...registry, imported });
  await context.sync();
  return settled;
}
