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

/** 一体化考核: the weighted mean, or 双乘数 (party / 100 × business). */
export function combinedScore(party: number, business: number, partyWeight: number, method: "weighted" | "multiplier"): number {
  return method === "multiplier" ? (party / 100) * business : partyWeight * party + (1 - partyWeight) * business;
}

/** 分类定级: the level a score reaches; a veto forces the lowest level. */
export function levelOf(score: number, veto: boolean, thresholds: readonly number[], levels: readonly string[]): string {
  if (veto) return levels[0];
  const rounded = roundTo(score, 6);
  let index = 0;
  thresholds.forEach((threshold, i) => {
    if (rounded >= threshold) index = i + 1;
  });
  return levels[index];
}
