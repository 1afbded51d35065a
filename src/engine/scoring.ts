/** Scores, grades and rates of PRODUCT.md §5. Pure arithmetic over plain numbers. */
import { t } from "../i18n";

/** Why a figure cannot be computed; the functions layer maps these onto Excel error codes. */
export class ScoreError extends Error {
  constructor(
    readonly kind: "value" | "num" | "div0",
    message: string,
  ) {
    super(message);
  }
}

/** Round to a number of decimals, the way PRODUCT.md §2 compares numbers. */
export function roundTo(value: number, decimals: number): number {
  const f = 10 ** decimals;
  return Math.round((value + Number.EPSILON * Math.sign(value)) * f) / f;
}

/** 经费执行率: spent / budget. */
export function fundRate(spent: number, budget: number): number {
  for (const [value, what] of [[spent, t("word.spent")], [budget, t("word.budget")]] as const) {
    if (!Number.isFinite(value)) throw new ScoreError("value", t("score.notANumber", { what }));
    if (value < 0) throw new ScoreError("num", t("score.negative", { what }));
  }
  if (budget === 0) throw new ScoreError("div0", t("score.zeroBudget"));
  return spent / budget;
}
