/**
 * The read limits (src/files/limits.ts) as command-line options: one option per limit, sizes in
 * MB, so a refusal can name the exact option that lets the file in.
 */
import { DEFAULT_READ_LIMITS, type ReadLimits } from "../files/limits";
import { t } from "../i18n";

type Limit = keyof ReadLimits;

interface LimitOption {
  limit: Limit;
  flag: string;
  /** Commander's name for the option's value. */
  key: string;
  /** Bytes per unit of the option's value: sizes are given in MB. */
  unit: number;
}

const MB = 1024 * 1024;

export const LIMIT_OPTIONS: readonly LimitOption[] = [
  { limit: "maxFileBytes", flag: "--max-file-mb", key: "maxFileMb", unit: MB },
  { limit: "maxParts", flag: "--max-parts", key: "maxParts", unit: 1 },
  { limit: "maxUnzippedBytes", flag: "--max-unzipped-mb", key: "maxUnzippedMb", unit: MB },
  { limit: "maxCompressionRatio", flag: "--max-compression-ratio", key: "maxCompressionRatio", unit: 1 },
  { limit: "maxRows", flag: "--max-rows", key: "maxRows", unit: 1 },
  { limit: "maxCells", flag: "--max-cells", key: "maxCells", unit: 1 },
  { limit: "maxMergedCells", flag: "--max-merged-cells", key: "maxMergedCells", unit: 1 },
  { limit: "maxValidatedCells", flag: "--max-validated-cells", key: "maxValidatedCells", unit: 1 },
];

/** The option's help line, with its default in the option's own unit. */
export function limitHelp(option: LimitOption): string {
  return t(`cli.help.limit.${option.limit}` as const, { value: DEFAULT_READ_LIMITS[option.limit] / option.unit });
}

/** The option that raises `limit`, for the hint after a refusal. */
export function limitFlag(limit: Limit): string {
  const option = LIMIT_OPTIONS.find((o) => o.limit === limit);
  if (!option) throw new Error(`no command-line option for read limit ${limit}`);
  return option.flag;
}

/** The limits given on the command line, or the line saying which value is wrong. */
export function limitsFromOptions(options: Record<string, unknown>): { limits: Partial<ReadLimits> } | { problem: string } {
  const limits: Partial<ReadLimits> = {};
  for (const option of LIMIT_OPTIONS) {
    const value = options[option.key];
    if (value === undefined) continue;
    const number = Number(value);
    if (typeof value !== "string" || value.trim() === "" || !Number.isFinite(number) || number <= 0) {
      return { problem: t("cli.error.badLimit", { option: option.flag, value: String(value) }) };
    }
    limits[option.limit] = number * option.unit;
  }
  return { limits };
}
