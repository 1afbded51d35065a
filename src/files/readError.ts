/**
 * Every way a workbook file can be refused, as one error the CLI prints on a line and the task
 * pane shows: `wording` for people, `reason` (and `limit`, for a file over a read limit) for code.
 */
import { WordedError, wordsOf, type Params } from "../i18n";
import { filesStrings, type FilesKey } from "../i18n/files";
import type { ReadLimits } from "./limits";

export type ReadFailure =
  | "not-zip"
  | "legacy-or-encrypted"
  | "corrupt"
  | "no-sheets"
  | "too-large"
  | "too-many-parts"
  | "unzipped-too-large"
  | "compression-ratio"
  | "too-many-rows"
  | "too-many-cells"
  | "copy-too-many-cells"
  | "merges-too-large"
  | "validations-too-large";

const MESSAGE: Record<ReadFailure, FilesKey> = {
  "not-zip": "files.error.notZip",
  "legacy-or-encrypted": "files.error.legacy",
  corrupt: "files.error.corrupt",
  "no-sheets": "files.error.noSheets",
  "too-large": "files.error.tooLarge",
  "too-many-parts": "files.error.tooManyParts",
  "unzipped-too-large": "files.error.unzippedTooLarge",
  "compression-ratio": "files.error.compressionRatio",
  "too-many-rows": "files.error.tooManyRows",
  "too-many-cells": "files.error.tooManyCells",
  "copy-too-many-cells": "files.error.copyTooManyCells",
  "merges-too-large": "files.error.mergesTooLarge",
  "validations-too-large": "files.error.validationsTooLarge",
};

export interface ReadErrorOptions {
  cause?: unknown;
  params?: Params;
  /** The read limit the file is over: the setting to raise to read it anyway. */
  limit?: keyof ReadLimits;
}

/** The bytes are not a workbook we read. */
export class WorkbookReadError extends WordedError {
  override readonly name = "WorkbookReadError";
  readonly limit: keyof ReadLimits | undefined;
  constructor(
    readonly reason: ReadFailure,
    options: ReadErrorOptions = {},
  ) {
    super(wordsOf(filesStrings)(MESSAGE[reason], options.params), { cause: options.cause });
    this.limit = options.limit;
  }
}
