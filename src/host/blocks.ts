/** A run of whole rows of an area: `rows` rows from row `offset` of it. */
export interface RowBlock {
  offset: number;
  rows: number;
}

/**
 * An area of rows × cols cut into blocks of whole rows, each at most blockCells cells (a row
 * wider than that is a block by itself): what one request reads or writes, so every request
 * stays under Excel's 5 MB whatever the number of rows (ENGINEERING.md §2).
 */
export function rowBlocks(rows: number, cols: number, blockCells: number): RowBlock[] {
  const rowsPerBlock = Math.max(1, Math.floor(blockCells / Math.max(1, cols)));
  const blocks: RowBlock[] = [];
  for (let offset = 0; offset < rows; offset += rowsPerBlock) blocks.push({ offset, rows: Math.min(rowsPerBlock, rows - offset) });
  return blocks;
}
