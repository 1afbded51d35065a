/**
 * Worksheets into engine Grids, the Office.js way (ENGINEERING.md §2): load only values,
 * valueTypes and numberFormat; read the used range in blocks of rows sized by cells; queue every
 * block of a batch and sync once per batch. The number of syncs is
 *   1 (used ranges) + ceil(blocks / blocksPerSync)
 * whatever the number of rows inside a block.
 */
import { EMPTY, type Cell, type CellRange, type Grid } from "../engine";
import type { Progress } from "../host/host";
import { parseAreas, parseRange } from "../host/address";
import { rowBlocks } from "../host/blocks";
import { looksLikeDate } from "../host/numberFormat";

/**
 * Cells per block. Excel on the web caps a response at 5 MB and a read at 5 million cells; a cell
 * of 20 Chinese characters costs about 60 bytes of value plus ~20 of valueType and numberFormat,
 * so 20 000 cells is about 1.6 MB a block.
 */
export const BLOCK_CELLS = 20_000;
/** Blocks queued before one context.sync(): 2 × 20 000 cells stays near 3.2 MB a response. */
export const BLOCKS_PER_SYNC = 2;

export interface ReadOptions {
  blockCells?: number;
  blocksPerSync?: number;
  progress?: Progress;
}

/** Worksheet visibility as Office reports it ("Visible", "Hidden", "VeryHidden"). */
export function isVisible(visibility: string): boolean {
  return visibility === "Visible";
}

function numberCell(value: number, format: string): Cell {
  if (!Number.isFinite(value)) return { kind: "error", code: "#NUM!" };
  return looksLikeDate(format) ? { kind: "date", serial: value } : { kind: "number", value };
}

/** One cell from Range.values, Range.valueTypes and Range.numberFormat. */
export function cellOf(value: unknown, type: string, format: string): Cell {
  switch (type) {
    case "Empty":
      return EMPTY;
    case "Double":
    case "Integer":
      return typeof value === "number" ? numberCell(value, format) : cellOf(value, "Unknown", format);
    case "String":
      return { kind: "text", value: String(value) };
    case "Boolean":
      return typeof value === "boolean" ? { kind: "bool", value } : cellOf(value, "Unknown", format);
    case "Error":
      return { kind: "error", code: String(value) };
    default:
      // "Unknown", "RichValue" (data types, images in cells): keep what values says.
      if (typeof value === "number") return numberCell(value, format);
      if (typeof value === "boolean") return { kind: "bool", value };
      if (typeof value === "string" && value !== "") return value.startsWith("#") ? { kind: "error", code: value } : { kind: "text", value };
      return EMPTY;
  }
}

/** A worksheet to read, with what the caller already loaded (name, visibility). */
export interface SheetToRead {
  sheet: Excel.Worksheet;
  name: string;
  visible: boolean;
}

interface Block {
  grid: Grid;
  /** Row offset of this block inside the grid. */
  offset: number;
  range: Excel.Range;
}

interface Plan {
  grid: Grid;
  /** 0-based sheet index of the used range's top-left cell, and its size. */
  row0: number;
  col0: number;
  rows: number;
  cols: number;
  sheet: Excel.Worksheet;
  merged?: Excel.RangeAreas;
}

function emptyGrid(name: string, visible: boolean): Grid {
  return { sheet: name, origin: { row: 1, col: 1 }, cells: [], merges: [], visible };
}

/**
 * Reads the sheets into grids, in the order given. Hidden sheets are listed (visible: false)
 * but not read: they are never submissions.
 */
export async function readGrids(context: Excel.RequestContext, sheets: SheetToRead[], options: ReadOptions = {}): Promise<Grid[]> {
  const blockCells = Math.max(1, options.blockCells ?? BLOCK_CELLS);
  const blocksPerSync = Math.max(1, options.blocksPerSync ?? BLOCKS_PER_SYNC);

  // Sync 1: the used range (values only: formatting alone does not make a cell used) of each visible sheet.
  const used = sheets.map((s) => {
    if (!s.visible) return undefined;
    const range = s.sheet.getUsedRangeOrNullObject(true);
    range.load("address,rowCount,columnCount");
    return range;
  });
  if (used.some((r) => r !== undefined)) await context.sync();

  const grids: Grid[] = [];
  const plans: Plan[] = [];
  sheets.forEach((s, i) => {
    const grid = emptyGrid(s.name, s.visible);
    grids.push(grid);
    const range = used[i];
    if (!range || range.isNullObject) return;
    const at = parseRange(range.address);
    if (!at) return;
    grid.origin = { row: at.top, col: at.left };
    plans.push({ grid, sheet: s.sheet, row0: at.top - 1, col0: at.left - 1, rows: range.rowCount, cols: range.columnCount });
  });

  const blocks = plans.flatMap((plan) => rowBlocks(plan.rows, plan.cols, blockCells).map((block) => ({ plan, ...block })));

  // Merged areas ride along with the first batch.
  for (const plan of plans) {
    plan.merged = plan.sheet.getRangeByIndexes(plan.row0, plan.col0, plan.rows, plan.cols).getMergedAreasOrNullObject();
    plan.merged.load("address");
  }

  let done = 0;
  options.progress?.(0, blocks.length);
  for (let start = 0; start < blocks.length; start += blocksPerSync) {
    const batch: Block[] = blocks.slice(start, start + blocksPerSync).map((b) => {
      const range = b.plan.sheet.getRangeByIndexes(b.plan.row0 + b.offset, b.plan.col0, b.rows, b.plan.cols);
      range.load("values,valueTypes,numberFormat");
      return { grid: b.plan.grid, offset: b.offset, range };
    });
    await context.sync();
    for (const block of batch) {
      const { values, valueTypes, numberFormat } = block.range;
      for (let r = 0; r < values.length; r++) {
        const row: Cell[] = new Array(values[r].length);
        for (let c = 0; c < values[r].length; c++) {
          row[c] = cellOf(values[r][c], valueTypes[r][c], numberFormat[r]?.[c]);
        }
        block.grid.cells[block.offset + r] = row;
      }
    }
    done += batch.length;
    options.progress?.(done, blocks.length);
  }

  for (const plan of plans) {
    const merged = plan.merged;
    if (merged && !merged.isNullObject) plan.grid.merges = mergesOf(merged.address);
  }
  return grids;
}

function mergesOf(address: string): CellRange[] {
  return parseAreas(address).sort((a, b) => a.top - b.top || a.left - b.left);
}
