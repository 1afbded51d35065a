/**
 * Every Office error leaves src/excel as an ExcelHostError: a sentence the pane words in its own
 * language, plus Office's own error code. Nothing is swallowed.
 */
import { WordedError, wordsOf, type Wording, type WordingParams } from "../i18n";
import { excelStrings, type ExcelKey } from "../i18n/excel";

const words = wordsOf(excelStrings);

export type ExcelOperation = "read" | "mark" | "clear" | "select" | "write" | "fix" | "undo" | "freeze" | "import" | "settle";

const OPERATION_KEYS: Record<ExcelOperation, ExcelKey> = {
  read: "excel.error.read",
  mark: "excel.error.mark",
  clear: "excel.error.clear",
  select: "excel.error.select",
  write: "excel.error.write",
  fix: "excel.error.fix",
  undo: "excel.error.undo",
  freeze: "excel.error.freeze",
  import: "excel.error.import",
  settle: "excel.error.settle",
};

/** Codes (OfficeExtension.ErrorCodes / Excel.ErrorCodes) worth explaining in words. */
const CODE_KEYS: Record<string, ExcelKey> = {
  InvalidOperationInCellEditMode: "excel.code.cellEditMode",
  ItemNotFound: "excel.code.itemNotFound",
  RequestPayloadSizeLimitExceeded: "excel.code.payloadTooLarge",
  ResponsePayloadSizeLimitExceeded: "excel.code.payloadTooLarge",
  AccessDenied: "excel.code.accessDenied",
  ApiNotFound: "excel.code.apiNotFound",
};

export class ExcelHostError extends WordedError {
  override readonly name = "ExcelHostError";
  constructor(
    wording: Wording,
    /**
     * Office's error code ("ItemNotFound", "GeneralException", …), "Unknown", or one of ours when
     * the add-in itself refuses (see refusal).
     */
    readonly code: string,
    readonly operation: ExcelOperation,
    /** The error Office threw; undefined for a refusal of ours. */
    readonly original: unknown,
  ) {
    super(wording);
  }
}

export function toHostError(operation: ExcelOperation, error: unknown): ExcelHostError {
  if (error instanceof ExcelHostError) return error;
  const raw = error as { code?: unknown; message?: unknown } | null | undefined;
  const code = typeof raw?.code === "string" && raw.code ? raw.code : "Unknown";
  const detail = typeof raw?.message === "string" && raw.message ? raw.message : String(error);
  const hintKey = CODE_KEYS[code];
  const hint = hintKey ? words(hintKey) : detail;
  return new ExcelHostError(words(OPERATION_KEYS[operation], { detail: hint, code }), code, operation, error);
}

/**
 * The add-in refusing to do something harmful or impossible (a user's name in the way, an API
 * this Excel lacks): `key` is a whole sentence for the user; `code` names the reason for callers.
 */
export function refusal(operation: ExcelOperation, code: string, key: ExcelKey, params: WordingParams = {}): ExcelHostError {
  return new ExcelHostError(words(key, params), code, operation, undefined);
}

/** Runs Office work and turns whatever it throws into an ExcelHostError. */
export async function guarded<T>(operation: ExcelOperation, work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    throw toHostError(operation, error);
  }
}
