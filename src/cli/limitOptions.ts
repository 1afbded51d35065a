/**
 * The read limits (src/files/limits.ts) as the user gives them: one command-line option per
 * limit, and the same names in a settings file's "limits" object. Sizes are in MB in both, and
 * a setting's name is its option's flag in camelCase (--max-rows, "maxRows"), so one table
 * serves the help, both checks and the hint after a refusal.
 */
import { DEFAULT_READ_LIMITS, type ReadLimits } from "../files/limits";
import type { Translate } from "../i18n";
import type { CliKey } from "../i18n/cli";

type Words = Translate<CliKey>;

type Limit = keyof ReadLimits;

interface LimitOption {
  limit: Limit;
  flag: string;
  /** Commander's name for the option's value, and the limit's name in a settings file. */
  key: string;
  /** Bytes per unit of the option's value: sizes are given in MB. */
  unit: number;
  /** A count (of parts, rows, cells), which cannot be fractional; sizes and the ratio can. */
  integer: boolean;
}

const MB = 1024 * 1024;

export const LIMIT_OPTIONS: readonly LimitOption[] = [
  { limit: "maxFileBytes", flag: "--max-file-mb", key: "maxFileMb", unit: MB, integer: false },
  { limit: "maxParts", flag: "--max-parts", key: "maxParts", unit: 1, integer: true },
  { limit: "maxUnzippedBytes", flag: "--max-unzipped-mb", key: "maxUnzippedMb", unit: MB, integer: false },
  { limit: "maxCompressionRatio", flag: "--max-compression-ratio", key: "maxCompressionRatio", unit: 1, integer: false },
  { limit: "maxRows", flag: "--max-rows", key: "maxRows", unit: 1, integer: true },
  { limit: "maxCells", flag: "--max-cells", key: "maxCells", unit: 1, integer: true },
  { limit: "maxCopyCells", flag: "--max-copy-cells", key: "maxCopyCells", unit: 1, integer: true },
  { limit: "maxMergedCells", flag: "--max-merged-cells", key: "maxMergedCells", unit: 1, integer: true },
  { limit: "maxValidatedCells", flag: "--max-validated-cells", key: "maxValidatedCells", unit: 1, integer: true },
];

/** The option's help line, with its default in the option's own unit. */
export function limitHelp(option: LimitOption, t: Words): string {
  return t(`cli.help.limit.${option.limit}` as const, { value: DEFAULT_READ_LIMITS[option.limit] / option.unit });
}

/** The option that raises `limit`, for the hint after a refusal. */
export function limitFlag(limit: Limit): string {
  const option = LIMIT_OPTIONS.find((o) => o.limit === limit);
  if (!option) throw new Error(`no command-line option for read limit ${limit}`);
  return option.flag;
}

/** Whether `value` (in the option's unit) can be the limit: the same rule for the option and the setting. */
function acceptable(option: LimitOption, value: number): boolean {
  return Number.isFinite(value) && value > 0 && (!option.integer || Number.isInteger(value));
}

/** The limits given on the command line, or the line saying which value is wrong. */
export function limitsFromOptions(options: Record<string, unknown>, t: Words): { limits: Partial<ReadLimits> } | { problem: string } {
  const limits: Partial<ReadLimits> = {};
  for (const option of LIMIT_OPTIONS) {
    const value = options[option.key];
    if (value === undefined) continue;
    const number = Number(value);
    if (typeof value !== "string" || value.trim() === "" || !acceptable(option, number)) {
      return { problem: t(option.integer ? "cli.error.badLimitInteger" : "cli.error.badLimit", { option: option.flag, value: String(value) }) };
    }
    limits[option.limit] = number * option.unit;
  }
  return { limits };
}

/**
 * The limits of a settings file's "limits" object, and a line for each name or value that is
 * wrong. Values must be JSON numbers: a quoted "50" is more likely a slip than a choice.
 */
export function limitsFromSettings(value: unknown, t: Words): { limits: Partial<ReadLimits>; problems: string[] } {
  if (value === null || typeof value !== "object" || Array.isArray(value)) {
    return { limits: {}, problems: [t("cli.settings.limitsNotObject")] };
  }
  const limits: Partial<ReadLimits> = {};
  const problems: string[] = [];
  for (const [name, given] of Object.entries(value)) {
    const option = LIMIT_OPTIONS.find((o) => o.key === name);
    if (!option) {
      problems.push(t("cli.settings.unknownLimit", { name, names: LIMIT_OPTIONS.map((o) => o.key).join(", ") }));
    } else if (typeof given !== "number" || !acceptable(option, given)) {
      problems.push(t(option.integer ? "cli.settings.badLimitInteger" : "cli.settings.badLimit", { name, value: JSON.stringify(given) }));
    } else {
      limits[option.limit] = given * option.unit;
    }
  }
  return { limits, problems };
}
