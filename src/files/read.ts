/**
 * A workbook file into Grids, with the lean reader (src/files/xlsx): the parts the engine needs,
 * inflated and scanned as they stream, within the read limits; exceljs is loaded only where a
 * file is written (the annotated copy).
 */
import type { Grid } from "../engine/grid";
import type { ReadLimits } from "./limits";
import { readXlsx } from "./xlsx/readXlsx";

export { WorkbookReadError, type ReadFailure } from "./readError";

/** Formats the product does not read: they must be saved as .xlsx first (PRODUCT.md §3). */
export function isUnsupportedName(file: string): boolean {
  return /\.(xls|et|csv)$/i.test(file.trim());
}

export function bytesOf(data: Buffer | ArrayBuffer | Uint8Array): Uint8Array {
  return data instanceof ArrayBuffer ? new Uint8Array(data) : new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
}

/**
 * Every worksheet of an .xlsx file, in tab order. Throws WorkbookReadError for unreadable data
 * and for a file over a read limit (the defaults when `limits` is not given).
 */
export async function readWorkbook(data: Buffer | ArrayBuffer | Uint8Array, limits?: ReadLimits): Promise<Grid[]> {
  return readXlsx(bytesOf(data), limits);
}
