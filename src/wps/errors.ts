/**
 * Every ET failure leaves src/wps as a WpsHostError: a sentence the pane words in its own
 * language, plus the error's code as WPS gave it. Nothing is swallowed.
 *
 * ET is synchronous, so guarded runs sync work. What ET throws is not documented: COM-style
 * errors may carry an HRESULT as `number`, others a string `code`; the message is kept as the
 * detail either way.
 */
import { WordedError, wordsOf, type Wording, type WordingParams } from "../i18n";
import { wpsStrings, type WpsKey } from "../i18n/wps";

const words = wordsOf(wpsStrings);

export type WpsOperation = "read" | "mark" | "clear" | "select" | "write" | "fix" | "undo" | "freeze" | "import" | "settle";

const OPERATION_KEYS: Record<WpsOperation, WpsKey> = {
  read: "wps.error.read",
  mark: "wps.error.mark",
  clear: "wps.error.clear",
  select: "wps.error.select",
  write: "wps.error.write",
  fix: "wps.error.fix",
  undo: "wps.error.undo",
  freeze: "wps.error.freeze",
  import: "wps.error.import",
  settle: "wps.error.settle",
};

export class WpsHostError extends WordedError {
  override readonly name = "WpsHostError";
  constructor(
    wording: Wording,
    /**
     * The error's code as WPS gave it (a string code, or a COM HRESULT as "0x800A03EC"),
     * "Unknown", or one of ours when the add-in itself refuses (see refusal).
     */
    readonly code: string,
    readonly operation: WpsOperation,
    /** The error ET (or the file reader) threw; undefined for a refusal of ours. */
    readonly original: unknown,
  ) {
    super(wording, { cause: original });
  }
}

/** A code for what was thrown: its own string code, its HRESULT in hex, else "Unknown". */
function codeOf(raw: { code?: unknown; number?: unknown } | null | undefined): string {
  if (typeof raw?.code === "string" && raw.code) return raw.code;
  if (typeof raw?.number === "number" && Number.isFinite(raw.number)) return `0x${(raw.number >>> 0).toString(16).toUpperCase().padStart(8, "0")}`;
  return "Unknown";
}

export function toHostError(operation: WpsOperation, error: unknown): WpsHostError {
  if (error instanceof WpsHostError) {
    // A refusal made by a helper every operation shares (no workbook open) names the operation it interrupted.
    return error.operation === operation ? error : new WpsHostError(error.wording, error.code, operation, error.original);
  }
  // Our own worded errors (a file the reader refuses) already say what is wrong, in both languages.
  if (error instanceof WordedError) return new WpsHostError(error.wording, error.name, operation, error);
  const raw = error as { code?: unknown; number?: unknown; message?: unknown } | null | undefined;
  const code = codeOf(raw);
  const detail = typeof raw?.message === "string" && raw.message ? raw.message : String(error);
  return new WpsHostError(words(OPERATION_KEYS[operation], { detail, code }), code, operation, error);
}

/**
 * The add-in refusing to do something harmful or impossible (a user's name in the way, no
 * workbook open): `key` is a whole sentence for the user; `code` names the reason for callers.
 */
export function refusal(operation: WpsOperation, code: string, key: WpsKey, params: WordingParams = {}): WpsHostError {
  return new WpsHostError(words(key, params), code, operation, undefined);
}

/** Runs ET work and turns whatever it throws into a WpsHostError. */
export function guarded<T>(operation: WpsOperation, work: () => T): T {
  try {
    return work();
  } catch (error) {
    throw toHostError(operation, error);
  }
}
