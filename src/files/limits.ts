/**
 * How much a workbook file may hold before we refuse to read it. exceljs builds every cell,
 * every merged cell and every data-validated cell as an object (≈300–600 bytes each, measured),
 * and inflates each part into one string: an ordinary-looking file can exhaust memory. These
 * limits are checked on the zip and its sheet XML before exceljs sees the file (inspect.ts).
 *
 * A department's submission is normally under 1 MB with a few hundred cells; the defaults leave
 * room for whole-organisation ledgers and pictures. Files are read by the lean reader
 * (src/files/xlsx), which keeps only values; exceljs only writes annotated copies, and those have
 * limits of their own (maxCopyCells, maxValidatedCells). Each can be changed from the command line (cli.help.limit.*) or a settings file's "limits"
 * (src/cli/limitOptions.ts).
 */
export interface ReadLimits {
  /** Largest file, in bytes. */
  maxFileBytes: number;
  /** Most parts (files inside the zip). */
  maxParts: number;
  /** Most bytes all parts together may inflate to — whatever sizes the zip declares. */
  maxUnzippedBytes: number;
  /**
   * Largest inflated-to-compressed ratio of one part, once it inflates past
   * RATIO_GRACE_BYTES. Ordinary sheet XML packs 5–30×; a zip bomb about 1 000×.
   */
  maxCompressionRatio: number;
  /** Highest row number in any sheet. */
  maxRows: number;
  /** Cells of all sheets together, each row counted from column A to its last cell. */
  maxCells: number;
  /** The same count, for an annotated copy: exceljs writes it and so reads it whole (≈ 1.7 KB a cell). */
  maxCopyCells: number;
  /** Cells covered by merged ranges, all sheets together. */
  maxMergedCells: number;
  /** Cells covered by data-validation ranges (drop-down lists), all sheets together. */
  maxValidatedCells: number;
}

const MB = 1024 * 1024;

export const DEFAULT_READ_LIMITS: Readonly<ReadLimits> = Object.freeze({
  // 20× a normal submission: room for a few embedded photos; a 60 MB file is refused unread.
  maxFileBytes: 20 * MB,
  // Apache POI's default (ZipSecureFile.setMaxFileCount); a workbook has 10–50 parts.
  maxParts: 1_000,
  // A million cells of sheet XML is about 50 MB; exceljs holds each part as a string twice.
  maxUnzippedBytes: 100 * MB,
  // Apache POI's default (ZipSecureFile.setMinInflateRatio(0.01)).
  maxCompressionRatio: 100,
  // A year of 三会一课 of 2 000 branches is 100 000 rows, twice over; Excel's 1 048 576-row sheet is refused.
  maxRows: 200_000,
  // That ledger with its 统计表 is 1.4 million cells; the lean reader holds 2 million distinct
  // ones with their findings in ≈ 600 MB (measured, docs/PERFORMANCE.md), a ledger in ≈ 250 MB.
  maxCells: 2_000_000,
  // exceljs, writing a copy, took 770 MB for 400 000 cells and 2.2 GB for 1.4 million (measured):
  // a 20 000-member 党费 ledger gets its copy, a file near maxCells only its findings.
  maxCopyCells: 500_000,
  // ≈ 60 MB in exceljs; one whole-column merge (1 048 576 cells) costs about 700 MB.
  maxMergedCells: 100_000,
  // Only for the annotated copy, which exceljs writes and so reads whole: two whole-column
  // drop-down lists (2 × 1 048 575 cells) are ≈ 180 MB there. Reading for validation never
  // builds validations, so a template's whole-column lists refuse no submission.
  maxValidatedCells: 2 * 1_048_576,
});

/** Parts smaller than this are not held to maxCompressionRatio: small XML packs very well and cannot hurt. */
export const RATIO_GRACE_BYTES = 1 * MB;

export function withReadLimits(partial: Partial<ReadLimits> = {}): ReadLimits {
  return { ...DEFAULT_READ_LIMITS, ...partial };
}
