/**
 * Opening .xlsx bytes with exceljs, with every way that can fail turned into one error the
 * CLI can print on a line and the task pane can show.
 */
import ExcelJS from "exceljs";
import { WordedError, wordsOf } from "../i18n";
import { filesStrings } from "../i18n/files";
import { checkFileSize, inspectArchive } from "./inspect";
import { DEFAULT_READ_LIMITS, type ReadLimits } from "./limits";
import { WorkbookReadError } from "./readError";

export { WorkbookReadError, type ReadFailure } from "./readError";

/** The annotated copy could not be produced (exceljs failed to serialise the workbook). */
export class WorkbookWriteError extends WordedError {
  override readonly name = "WorkbookWriteError";
  constructor(detail: string, options?: { cause?: unknown }) {
    super(wordsOf(filesStrings)("files.error.write", { detail }), options);
  }
}

/** Formats the product does not read: they must be saved as .xlsx first (PRODUCT.md §3). */
export function isUnsupportedName(file: string): boolean {
  return /\.(xls|et|csv)$/i.test(file.trim());
}

export function bytesOf(data: Buffer | ArrayBuffer | Uint8Array): Uint8Array {
  return data instanceof ArrayBuffer ? new Uint8Array(data) : new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
}

/** A zip (and so an .xlsx) starts with a local file header "PK\3\4". */
function looksLikeZip(bytes: Uint8Array): boolean {
  return bytes.length >= 4 && bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;
}

/**
 * OLE compound files: .xls and .et, and also any .xlsx saved with an open password (Office
 * encrypts it into an OLE container). Worth a message of its own: the fix differs.
 */
function looksLikeOle(bytes: Uint8Array): boolean {
  const magic = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
  return bytes.length >= magic.length && magic.every((b, i) => bytes[i] === b);
}

/** jszip's words for a damaged or cut-off archive. */
const ZIP_FAILURE = /zip|central directory|end of data|signature|compression|crc32/i;

/** The workbook in `data`, once it has passed every read limit (see limits.ts). */
export async function loadWorkbook(data: Buffer | ArrayBuffer | Uint8Array, limits: ReadLimits = DEFAULT_READ_LIMITS): Promise<ExcelJS.Workbook> {
  const bytes = bytesOf(data);
  checkFileSize(bytes, limits);
  if (looksLikeOle(bytes)) throw new WorkbookReadError("legacy-or-encrypted");
  if (!looksLikeZip(bytes)) throw new WorkbookReadError("not-zip");
  await inspectArchive(bytes, limits);
  const workbook = new ExcelJS.Workbook();
  try {
    // exceljs hands the bytes to jszip, which reads them without writing.
    await workbook.xlsx.load(data as unknown as Parameters<ExcelJS.Xlsx["load"]>[0]);
  } catch (cause) {
    const text = cause instanceof Error ? cause.message : String(cause);
    throw new WorkbookReadError(ZIP_FAILURE.test(text) ? "not-zip" : "corrupt", { cause });
  }
  // A zip without xl/workbook.xml (a .docx, any other archive) loads as an empty workbook.
  if (workbook.worksheets.length === 0) throw new WorkbookReadError("no-sheets");
  return workbook;
}
