/**
 * 自动修正 and 撤销修正 (PRODUCT.md §7): a fix is applied only where the cell still holds the
 * value it was computed from, and undone only where the cell still holds the fixed value, so
 * nothing the user typed in between is overwritten. What was applied is recorded in the
 * registry with each cell's old number format, so 撤销 works after the workbook was reopened.
 *
 * Syncs, whatever the number of fixes: 1 (registry, sheets) [+1 its XML] + 1 (the cells) + 1 (write).
 */
import type { CellValue } from "../engine/report";
import type { CellFix } from "../engine/sheets/spec";
import { loadRegistry, saveRegistry, type AppliedFix } from "./registry";
import { quietSync } from "./writeSheet";

/** Whether a cell holds exactly this value, of this type ("12" the text is not 12 the number). */
function holds(value: unknown, expected: CellValue): boolean {
  return value === expected;
}

/**
 * Queues writing one value with its final number format. Excel converts what arrives in a cell
 * not formatted as Text, and stores as text whatever arrives in one that is: so a string goes in
 * under "@", a number or boolean under anything but "@", and the final format is set after —
 * changing a format never converts a value already there.
 */
function writeCell(range: Excel.Range, value: CellValue, format: string): void {
  const entry = typeof value === "string" ? "@" : format === "@" ? "General" : format;
  range.numberFormat = [[entry]];
  range.values = [[value]];
  if (entry !== format) range.numberFormat = [[format]];
}

function plainFix(fix: AppliedFix, sheet: string): CellFix {
  return { sheet, cell: fix.cell, rule: fix.rule, old: fix.old, new: fix.new };
}

interface Probe<T> {
  fix: T;
  sheetId: string;
  range: Excel.Range;
}

export async function applyFixes(context: Excel.RequestContext, fixes: CellFix[]): Promise<CellFix[]> {
  const loaded = await loadRegistry(context, "items/id,items/name");
  const byName = new Map(loaded.sheets.map((sheet) => [sheet.name, sheet]));
  const probes: Probe<CellFix>[] = [];
  for (const fix of fixes) {
    const sheet = byName.get(fix.sheet);
    if (!sheet) continue; // deleted or renamed since validation: nothing to compare with
    const range = sheet.getRange(fix.cell);
    range.load("values,numberFormat");
    probes.push({ fix, sheetId: sheet.id, range });
  }
  if (probes.length === 0) return [];
  await context.sync();

  const applied: AppliedFix[] = [];
  const done = new Set<string>();
  for (const { fix, sheetId, range } of probes) {
    const key = `${sheetId}!${fix.cell.replace(/\$/g, "").toUpperCase()}`;
    if (done.has(key) || !holds(range.values[0][0], fix.old)) continue;
    done.add(key);
    const format = String(range.numberFormat[0][0]);
    // A number fixed out of a Text cell must become a number: the cell becomes General.
    writeCell(range, fix.new, typeof fix.new !== "string" && format === "@" ? "General" : format);
    applied.push({ ...fix, sheetId, format });
  }
  // Nothing applied: the record of an earlier application stays undoable.
  if (applied.length === 0) return [];
  saveRegistry(context.workbook, loaded, { ...loaded.registry, fixes: applied });
  await quietSync(context);
  return applied.map((fix) => plainFix(fix, fix.sheet));
}

export async function undoFixes(context: Excel.RequestContext): Promise<CellFix[]> {
  const loaded = await loadRegistry(context, "items/id,items/name");
  const recorded = loaded.registry.fixes;
  if (recorded.length === 0) return [];
  const byName = new Map(loaded.sheets.map((sheet) => [sheet.name, sheet]));
  const probes: Probe<AppliedFix>[] = [];
  for (const fix of recorded) {
    const sheet = loaded.byId.get(fix.sheetId) ?? byName.get(fix.sheet);
    if (!sheet) continue;
    const range = sheet.getRange(fix.cell);
    range.load("values");
    probes.push({ fix, sheetId: sheet.id, range });
  }
  if (probes.length > 0) await context.sync();

  const undone: CellFix[] = [];
  for (const { fix, sheetId, range } of probes) {
    if (!holds(range.values[0][0], fix.new)) continue; // changed by the user since: theirs now
    writeCell(range, fix.old, fix.format);
    undone.push(plainFix(fix, loaded.byId.get(sheetId)!.name));
  }
  saveRegistry(context.workbook, loaded, { ...loaded.registry, fixes: [] });
  await quietSync(context);
  return undone;
}

export async function recordedFixes(context: Excel.RequestContext): Promise<CellFix[]> {
  const loaded = await loadRegistry(context, "items/id,items/name");
  return loaded.registry.fixes.map((fix) => plainFix(fix, loaded.byId.get(fix.sheetId)?.name ?? fix.sheet));
}
