import type { filesZhCN } from "./files.zh-CN";

/** Why a workbook file could not be read or written (src/files). Same keys as zh-CN. */
export const filesEnUS: Record<keyof typeof filesZhCN, string> = {
  "files.error.notZip": "Not a valid .xlsx file (cannot be unzipped)",
  "files.error.legacy": "Not an .xlsx file: this is a legacy .xls/.et file or a password-protected workbook. Remove the password, save it as .xlsx and validate again",
  "files.error.corrupt": "Not a valid .xlsx file (its content is damaged and cannot be read)",
  "files.error.noSheets": "Not a valid .xlsx file (it has no worksheet)",
  "files.error.tooLarge": "File too large ({size} MB): over the read limit of {limit} MB; not read",
  "files.error.tooManyParts": "The file holds {count} parts: over the read limit of {limit}; not read",
  "files.error.unzippedTooLarge": "Unzipped, the content is over the read limit of {limit} MB (possibly a zip bomb); not read",
  "files.error.compressionRatio": "Part “{part}” is compressed more than {limit}:1, the read limit (possibly a zip bomb); not read",
  "files.error.tooManyRows": "A sheet uses row {row}: over the read limit of {limit} rows; not read",
  "files.error.tooManyCells": "More cells than the read limit of {limit}; not read",
  "files.error.copyTooManyCells": "More cells than the {limit} an annotated copy may have; no copy was written (validation is not affected)",
  "files.error.mergesTooLarge": "Merged cells (such as {range}) cover more than the read limit of {limit} cells; not read. Unmerge whole rows and columns before submitting",
  "files.error.validationsTooLarge": "Data validation (drop-down lists, such as {range}) covers more than the {limit} cells an annotated copy may have; no copy was written (validation is not affected). Put validation on the form's cells only",
  "files.error.write": "Cannot write the annotated copy: {detail}",
};
