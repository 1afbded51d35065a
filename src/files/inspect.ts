/**
 * The gate before exceljs: a file is refused, in bounded memory and time, when it is larger
 * than a department's workbook can reasonably be (limits.ts). exceljs inflates every part whole
 * and builds an object per cell, so a zip bomb, a 1 048 576-row sheet or a whole-column merge
 * would exhaust memory inside it, where nothing can be refused any more.
 *
 * The zip is read with jszip — the very reader exceljs uses — so this check sees the same
 * parts, at the same offsets, that exceljs will inflate. Declared sizes are checked first (a
 * quick refusal of an honest bomb), then every part is inflated as a stream and counted, since
 * a bomb can declare any size it likes; nothing inflated is kept.
 */
import JSZip from "jszip";
import { RATIO_GRACE_BYTES, type ReadLimits } from "./limits";
import { WorkbookReadError } from "./readError";
import { SheetScanner, type Breach, type WorkbookCounts } from "./sheetScan";

/** jszip's StreamHelper (ZipObject#internalStream, documented but missing from its typings). */
interface StreamHelper {
  on(event: "data", listener: (chunk: Uint8Array) => void): StreamHelper;
  on(event: "error", listener: (error: unknown) => void): StreamHelper;
  on(event: "end", listener: () => void): StreamHelper;
  resume(): StreamHelper;
  pause(): StreamHelper;
}

interface Part {
  name: string;
  compressedSize: number;
  declaredSize: number;
  stream(): StreamHelper;
}

/** The worksheets exceljs parses: its own pattern (exceljs 4.4.0, lib/xlsx/xlsx.js). */
const WORKSHEET = /xl\/worksheets\/sheet\d+[.]xml/;

const MB = 1024 * 1024;
const megabytes = (bytes: number) => Math.round((bytes / MB) * 10) / 10;

/**
 * The sizes jszip read from the central directory. It keeps them on `_data` only; jszip is
 * pinned, and the hostile-file tests fail first if that changes.
 */
function partOf(entry: JSZip.JSZipObject): Part {
  const data = (entry as unknown as { _data?: { compressedSize?: unknown; uncompressedSize?: unknown } })._data;
  if (typeof data?.compressedSize !== "number" || typeof data.uncompressedSize !== "number") {
    throw new Error("jszip no longer keeps ZipObject._data sizes: update src/files/inspect.ts");
  }
  // jszip reads the 32-bit sizes as signed numbers: 2 GB and more come out negative.
  return {
    name: entry.name,
    compressedSize: data.compressedSize >>> 0,
    declaredSize: data.uncompressedSize >>> 0,
    stream: () => (entry as unknown as { internalStream(type: "uint8array"): StreamHelper }).internalStream("uint8array"),
  };
}

function overRatio(inflated: number, compressed: number, limits: ReadLimits): boolean {
  return inflated > RATIO_GRACE_BYTES && inflated > compressed * limits.maxCompressionRatio;
}

function refusal(breach: Breach, limits: ReadLimits): WorkbookReadError {
  switch (breach.limit) {
    case "maxRows":
      return new WorkbookReadError("too-many-rows", { limit: "maxRows", params: { limit: limits.maxRows, row: breach.row } });
    case "maxCells":
      return new WorkbookReadError("too-many-cells", { limit: "maxCells", params: { limit: limits.maxCells } });
    case "maxCopyCells":
      return new WorkbookReadError("copy-too-many-cells", { limit: "maxCopyCells", params: { limit: limits.maxCopyCells } });
    case "maxMergedCells":
      return new WorkbookReadError("merges-too-large", { limit: "maxMergedCells", params: { limit: limits.maxMergedCells, range: breach.range } });
    case "maxValidatedCells":
      return new WorkbookReadError("validations-too-large", { limit: "maxValidatedCells", params: { limit: limits.maxValidatedCells, range: breach.range } });
  }
}

function checkDirectory(parts: readonly Part[], limits: ReadLimits): void {
  if (parts.length > limits.maxParts) {
    throw new WorkbookReadError("too-many-parts", { limit: "maxParts", params: { count: parts.length, limit: limits.maxParts } });
  }
  let declared = 0;
  for (const part of parts) {
    declared += part.declaredSize;
    if (overRatio(part.declaredSize, part.compressedSize, limits)) {
      throw new WorkbookReadError("compression-ratio", { limit: "maxCompressionRatio", params: { part: part.name, limit: limits.maxCompressionRatio } });
    }
  }
  if (declared > limits.maxUnzippedBytes) {
    throw new WorkbookReadError("unzipped-too-large", { limit: "maxUnzippedBytes", params: { limit: megabytes(limits.maxUnzippedBytes) } });
  }
}

/**
 * Inflates one part as a stream, counting its real size into `total`, and scans it when it
 * is a worksheet. Stops at the first limit passed.
 */
function inflatePart(part: Part, limits: ReadLimits, counts: WorkbookCounts, total: { bytes: number }): Promise<void> {
  const scanner = WORKSHEET.test(part.name) ? new SheetScanner(limits, counts) : undefined;
  let inflated = 0;
  return new Promise((resolve, reject) => {
    const stream = part.stream();
    const stop = (error: unknown) => {
      stream.pause();
      reject(error);
    };
    stream
      .on("data", (chunk) => {
        inflated += chunk.length;
        total.bytes += chunk.length;
        if (total.bytes > limits.maxUnzippedBytes) {
          return stop(new WorkbookReadError("unzipped-too-large", { limit: "maxUnzippedBytes", params: { limit: megabytes(limits.maxUnzippedBytes) } }));
        }
        if (overRatio(inflated, part.compressedSize, limits)) {
          return stop(new WorkbookReadError("compression-ratio", { limit: "maxCompressionRatio", params: { part: part.name, limit: limits.maxCompressionRatio } }));
        }
        if (!scanner) return;
        scanner.push(chunk);
        if (scanner.breach) stop(refusal(scanner.breach, limits));
      })
      .on("error", (cause) => reject(new WorkbookReadError("corrupt", { cause })))
      .on("end", resolve)
      .resume();
  });
}

/** The first check of all, before a byte of the file is looked at. */
export function checkFileSize(bytes: Uint8Array, limits: ReadLimits): void {
  if (bytes.length > limits.maxFileBytes) {
    throw new WorkbookReadError("too-large", { limit: "maxFileBytes", params: { size: megabytes(bytes.length), limit: megabytes(limits.maxFileBytes) } });
  }
}

/** Throws WorkbookReadError when the zip at `bytes` is over a limit or cannot be unzipped. */
export async function inspectArchive(bytes: Uint8Array, limits: ReadLimits): Promise<void> {
  let zip: JSZip;
  try {
    zip = await JSZip.loadAsync(bytes);
  } catch (cause) {
    throw new WorkbookReadError("not-zip", { cause });
  }
  const parts = Object.values(zip.files)
    .filter((entry) => !entry.dir)
    .map(partOf);
  checkDirectory(parts, limits);
  const counts: WorkbookCounts = { cells: 0, mergedCells: 0, validatedCells: 0 };
  const total = { bytes: 0 };
  for (const part of parts) await inflatePart(part, limits, counts, total);
}
