/** Sheet-coordinate access to a Grid, with merged areas resolved. */
import { isoOf } from "./dates";
import { type Cell, type CellRange, type Grid, EMPTY, EXCEL_COLUMNS } from "./grid";
import { isBlankText } from "./text";

export function isBlank(cell: Cell): boolean {
  return cell.kind === "empty" || (cell.kind === "text" && isBlankText(cell.value));
}

export function cellText(cell: Cell): string {
  switch (cell.kind) {
    case "text":
      return cell.value;
    case "number":
      return String(cell.value);
    case "bool":
      return cell.value ? "TRUE" : "FALSE";
    case "error":
      return cell.code;
    case "date":
      return isoOf(cell.serial);
    default:
      return "";
  }
}

/** Excel has at most 16 384 columns, so this is a unique number per cell (and cheaper than a string). */
function key(row: number, col: number): number {
  return row * (EXCEL_COLUMNS + 1) + col;
}

export class SheetView {
  readonly firstRow: number;
  readonly lastRow: number;
  readonly firstCol: number;
  readonly lastCol: number;
  /** key(row, col) of a covered (non top-left) cell → its merged area. */
  private readonly covered = new Map<number, CellRange>();
  private readonly masters = new Map<number, CellRange>();

  constructor(readonly grid: Grid) {
    this.firstRow = grid.origin.row;
    this.firstCol = grid.origin.col;
    this.lastRow = grid.origin.row + grid.cells.length - 1;
    let width = 0;
    for (const row of grid.cells) width = Math.max(width, row.length);
    this.lastCol = grid.origin.col + width - 1;
    for (const m of grid.merges) {
      this.masters.set(key(m.top, m.left), m);
      // Only areas inside the grid matter; clamping keeps a whole-column merge cheap.
      for (let r = m.top; r <= Math.min(m.bottom, this.lastRow); r++) {
        for (let c = m.left; c <= Math.min(m.right, this.lastCol); c++) {
          if (r !== m.top || c !== m.left) this.covered.set(key(r, c), m);
        }
      }
    }
  }

  get(row: number, col: number): Cell {
    const r = this.grid.cells[row - this.firstRow];
    return r?.[col - this.firstCol] ?? EMPTY;
  }

  /** The merged area a cell is covered by (not its top-left cell), if any. */
  coveredBy(row: number, col: number): CellRange | undefined {
    return this.covered.size === 0 ? undefined : this.covered.get(key(row, col));
  }

  /** The merged area whose top-left cell this is, if any. */
  mergeAt(row: number, col: number): CellRange | undefined {
    return this.masters.get(key(row, col));
  }

  /** The value shown in a cell: a covered cell shows its merged area's value. */
  shown(row: number, col: number): Cell {
    const m = this.coveredBy(row, col);
    return m ? this.get(m.top, m.left) : this.get(row, col);
  }

  isRowBlank(row: number, fromCol = this.firstCol, toCol = this.lastCol): boolean {
    for (let c = fromCol; c <= toCol; c++) if (!isBlank(this.get(row, c))) return false;
    return true;
  }
}
