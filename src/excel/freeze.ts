/**
 * 固化为数值 (PRODUCT.md §7): a copy of our sheet where every formula is replaced by its value,
 * for people without the add-in (DJ.* functions would show #NAME? there). Worksheet.copy keeps
 * the formats, widths, tables and charts; then every cell of the copy's used range is rewritten
 * with the value it shows. Whole blocks are rewritten, not just formula cells: a dynamic array's
 * spill area holds no formula of its own and would empty when its anchor became a constant.
 * Every block is read before any is written, while the spills still stand.
 *
 * Syncs: 1 (registry, sheets) [+1 its XML] + 1 (copy, used range) + one per batch read + one per
 * batch written (the last with the record).
 */
import type { SheetRole } from "../engine/sheets/spec";
import { wordsOf, type Locale } from "../i18n";
import { excelStrings, excelText } from "../i18n/excel";
import { parseRange } from "../host/address";
import { rowBlocks } from "../host/blocks";
import { refusal } from "./errors";
import { uniqueSheetName } from "../host/naming";
import { loadRegistry, ownedOf, saveRegistry } from "./registry";
import { isSupported } from "./requirements";
import { CalculationPause, WRITE_BLOCK_CELLS, WRITE_BLOCKS_PER_SYNC, quietSync, type WriteOptions } from "./writeSheet";

interface Block {
  range: Excel.Range;
}

export async function freezeOwned(context: Excel.RequestContext, role: SheetRole, locale: Locale, options: WriteOptions = {}): Promise<string> {
  if (!isSupported("ExcelApi", "1.7")) throw refusal("freeze", "ApiNotSupported", "excel.refuse.copyUnsupported");
  const blockCells = Math.max(1, options.blockCells ?? WRITE_BLOCK_CELLS);
  const blocksPerSync = Math.max(1, options.blocksPerSync ?? WRITE_BLOCKS_PER_SYNC);
  const calculation = new CalculationPause(context);
  const loaded = await loadRegistry(context, "items/id,items/name");
  const owned = ownedOf(loaded.registry, role);
  if (!owned) throw refusal("freeze", "NotFound", "excel.refuse.noOwned", { role: wordsOf(excelStrings)(`excel.role.${role}`) });

  const name = uniqueSheetName(
    excelText(locale)("excel.frozen.name", { name: owned.name }),
    loaded.sheets.map((sheet) => sheet.name),
  );
  const copy = loaded.byId.get(owned.id)!.copy("End");
  copy.name = name;
  copy.load("id,name");
  const used = copy.getUsedRangeOrNullObject();
  used.load("address,rowCount,columnCount");
  await context.sync();

  return calculation.around(context, async () => {
    calculation.pause();
    const blocks: Block[] = [];
    const at = used.isNullObject ? undefined : parseRange(used.address);
    if (at) {
      for (const { offset, rows } of rowBlocks(used.rowCount, used.columnCount, blockCells)) {
        blocks.push({ range: copy.getRangeByIndexes(at.top - 1 + offset, at.left - 1, rows, used.columnCount) });
      }
    }
    for (let start = 0; start < blocks.length; start += blocksPerSync) {
      for (const block of blocks.slice(start, start + blocksPerSync)) block.range.load("values,valueTypes,numberFormat");
      await context.sync();
    }
    const batches = Math.max(1, Math.ceil(blocks.length / blocksPerSync));
    for (let batch = 0; batch < batches; batch++) {
      for (const { range } of blocks.slice(batch * blocksPerSync, (batch + 1) * blocksPerSync)) {
        // Strings go in under Text so that a formula's result "=x" or "001" stays text; then
        // each cell gets its own format back (a format change never converts a stored value).
        const formats = range.numberFormat;
        range.numberFormat = range.valueTypes.map((row, r) => row.map((type, c) => (type === "String" ? "@" : formats[r][c])));
        range.values = range.values;
        range.numberFormat = formats;
      }
      if (batch === batches - 1) {
        const registry = loaded.registry;
        saveRegistry(context.workbook, loaded, { ...registry, owned: [...registry.owned, { id: copy.id, role: "frozen", name: copy.name }] });
        copy.activate();
        calculation.resume();
      }
      await quietSync(context);
    }
    return copy.name;
  });
}
