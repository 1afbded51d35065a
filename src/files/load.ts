/**
 * Opening .xlsx bytes with exceljs, with every way that can fail turned into one error the
 * CLI can print on a line and the task pane can show.
 */
import ExcelJS from "exceljs";
import { t, type MessageKey } from "../i18n";

export type ReadFailure = "not-zip" | "legacy-or-encrypted" | "corrupt" | "no-sheets";

const MESSAGE: Record<ReadFailure, MessageKey> = {
  "not-zip": "files.error.notZip",
  "legacy-or-encrypted": "files.error.legacy",
  corrupt: "files.error.corrupt",
  "no-sheets": "files.error.noSheets",
};

/** The bytes are not a workbook exceljs can read. The message is for people; `reason` for code. */
export class WorkbookReadError extends Error {
  override readonly name = "WorkbookReadError";
  constructor(
    readonly reason: ReadFailure,
    options?: { cause?: unknown },
  ) {
    super(t(MESSAGE[reason]), options);
  }
}

/** The annotated copy could not be produced (exceljs failed to serialise the workbook). */
export class WorkbookWriteError extends Error {
  override readonly name = "WorkbookWriteError";
  constructor(detail: string, options?: { cause?: unknown }) {
    super(t("files.error.write", { detail }), options);
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

export async function loadWorkbook(data: Buffer | ArrayBuffer | Uint8Array): Promise<ExcelJS.Workbook> {
  const bytes = bytesOf(data);
  if (looksLikeOle(bytes)) throw new WorkbookReadError("legacy-or-encrypted");
  if (!looksLikeZip(bytes)) throw new WorkbookReadError("not-zip");
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
