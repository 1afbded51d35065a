/**
 * The registry: what the add-in made in this workbook, recorded in the workbook itself (a
 * CustomXmlPart of SHEETS_NAMESPACE, saved with the file). It is how the add-in tells its own
 * sheets, tables and defined names from the user's — a sheet the registry does not list is
 * never deleted or overwritten — and how 撤销修正 finds the fixes after the workbook was reopened.
 * Sheets are recorded by Worksheet.id, which survives a rename; a recorded sheet whose id is
 * gone (the user deleted it) is forgotten on the next load.
 */
import type { CellFix, SheetRole } from "../engine/sheets/spec";
import { jsonFromXml, jsonToXml, readPartXml, replaceParts } from "./xmlRecord";

export const SHEETS_NAMESPACE = "urn:dj-assess:sheets:1";

/** A sheet the add-in wrote ("template" sheets are not recorded: they become the user's). */
export interface OwnedSheet {
  id: string;
  role: SheetRole;
  name: string;
}

/** A table or defined name the add-in made, with the sheet it was made for. */
export interface OwnedItem {
  name: string;
  sheetId: string;
}

/** A department's sheet inserted by 导入 and kept. */
export interface ImportRecord {
  id: string;
  unit: string;
  name: string;
}

/** A fix as applied: the sheet's id (it may be renamed before 撤销) and the cell's old number format. */
export interface AppliedFix extends CellFix {
  sheetId: string;
  format: string;
}

export interface SheetRegistry {
  version: 1;
  owned: OwnedSheet[];
  tables: OwnedItem[];
  names: OwnedItem[];
  imported: ImportRecord[];
  fixes: AppliedFix[];
}

export function emptyRegistry(): SheetRegistry {
  return { version: 1, owned: [], tables: [], names: [], imported: [], fixes: [] };
}

export function registryToXml(registry: SheetRegistry): string {
  return jsonToXml(SHEETS_NAMESPACE, "sheets", registry);
}

const listOf = <T>(value: unknown): T[] => (Array.isArray(value) ? (value as T[]) : []);

/** The registry of one part; undefined when the part is not one we can read. */
export function registryFromXml(xml: string): SheetRegistry | undefined {
  const value = jsonFromXml(xml, "sheets") as Partial<SheetRegistry> | undefined;
  if (!value || value.version !== 1) return undefined;
  return {
    version: 1,
    owned: listOf(value.owned),
    tables: listOf(value.tables),
    names: listOf(value.names),
    imported: listOf(value.imported),
    fixes: listOf(value.fixes),
  };
}

function isEmpty(registry: SheetRegistry): boolean {
  return [registry.owned, registry.tables, registry.names, registry.imported, registry.fixes].every((list) => list.length === 0);
}

/** The workbook as loaded with its registry. */
export interface LoadedBook {
  registry: SheetRegistry;
  parts: Excel.CustomXmlPartScopedCollection;
  /** Every worksheet, in tab order, with the properties asked for. */
  sheets: Excel.Worksheet[];
  byId: Map<string, Excel.Worksheet>;
}

/**
 * Loads the registry and the worksheets (`sheetProps`: "items/id,items/name" at least), with
 * whatever else the caller queued before calling: 1 sync, 2 when a registry exists. Entries of
 * sheets that no longer exist are dropped and recorded names follow renames.
 */
export async function loadRegistry(context: Excel.RequestContext, sheetProps = "items/id,items/name,items/visibility"): Promise<LoadedBook> {
  const book = context.workbook;
  const parts = book.customXmlParts.getByNamespace(SHEETS_NAMESPACE);
  parts.load("items/id");
  const worksheets = book.worksheets;
  worksheets.load(sheetProps);
  await context.sync();
  const registry = emptyRegistry();
  for (const xml of await readPartXml(context, parts)) {
    const part = registryFromXml(xml);
    if (!part) continue;
    registry.owned.push(...part.owned);
    registry.tables.push(...part.tables);
    registry.names.push(...part.names);
    registry.imported.push(...part.imported);
    registry.fixes.push(...part.fixes);
  }
  const sheets = worksheets.items;
  const byId = new Map(sheets.map((sheet) => [sheet.id, sheet]));
  const live = <T extends { id: string; name: string }>(entries: T[]): T[] =>
    entries.filter((entry) => byId.has(entry.id)).map((entry) => ({ ...entry, name: byId.get(entry.id)!.name }));
  registry.owned = live(registry.owned);
  registry.imported = live(registry.imported);
  // A table dies with its sheet; a defined name outlives it (as #REF!) and stays ours to replace.
  registry.tables = registry.tables.filter((table) => byId.has(table.sheetId));
  return { registry, parts, sheets, byId };
}

/** Queues the registry's replacement (no sync): the old parts deleted, the new one added unless empty. */
export function saveRegistry(book: Excel.Workbook, loaded: LoadedBook, registry: SheetRegistry): void {
  replaceParts(book, loaded.parts, isEmpty(registry) ? undefined : registryToXml(registry));
}

/** The newest sheet of ours in this role. */
/** The ids of the sheets the add-in wrote: never submissions, never offered as a roster. */
export function ownedIds(registry: SheetRegistry): Set<string> {
  return new Set(registry.owned.map((sheet) => sheet.id));
}

export function ownedOf(registry: SheetRegistry, role: SheetRole): OwnedSheet | undefined {
  return registry.owned.filter((sheet) => sheet.role === role).at(-1);
}
