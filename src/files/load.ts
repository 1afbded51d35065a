/**
 * Opening .xlsx bytes with exceljs — only to write a copy of the file (the annotated copy) —
 * with every way that can fail turned into one error the CLI can print on a line and the task
 * pane can show. Reading for validation goes through the lean reader (read.ts).
 */
import ExcelJS from "exceljs";
import { WordedError, wordsOf } from "../i18n";
import { filesStrings } from "../i18n/files";
import { checkFileSize, inspectArchive } from "./inspect";
import { DEFAULT_READ_LIMITS, type ReadLimits } from "./limits";
import { bytesOf } from "./read";
import { WorkbookReadError } from "./readError";
import { looksLikeOle, looksLikeZip } from "./xlsx/readXlsx";

export { WorkbookReadError, type ReadFailure } from "./readError";

/** The annotated copy could not be produced (exceljs failed to serialise the workbook). */
export class WorkbookWriteError extends WordedError {
  override readonly name = "WorkbookWriteError";
  constructor(detail: string, options?: { cause?: unknown }) {
    super(wordsOf(filesStrings)("files.error.write", { detail }), options);
  }
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
