/** Scores, grades and rates of PRODUCT.md §5. Pure arithmetic over plain numbers. */
import { WordedError, wordsOf, type Wording } from "../i18n";
import { engineStrings } from "../i18n/engine";

/** The engine's texts as wordings, for errors worded by whoever shows them. */
export const engineWords = wordsOf(engineStrings);

/**
 * Why a figure cannot be computed; the functions layer maps these onto Excel error codes and
 * words the reason in Office's language.
 */
export class ScoreError extends WordedError {
  constructor(
    readonly kind: "value" | "num" | "div0",
    wording: Wording,
  ) {
    super(wording);
  }
}

/** Round to a number of decimals, the way PRODUCT.md §2 compares numbers. */
export function roundTo(value: number, decimals: number): number {
  const f = 10 ** decimals;
  return Math.round((value + Number.EPSILON * Math.sign(value)) * f) / f;
}

/** 经费执行率: spent / budget. */
export function fundRate(spent: number, budget: number): number {
  for (const [value, what] of [[spent, engineWords("word.spent")], [budget, engineWords("word.budget")]] as const) {
    if (!Number.isFinite(value)) throw new ScoreError("value", engineWords("score.notANumber", { what }));
    if (value < 0) throw new ScoreError("num", engineWords("score.negative", { what }));
  }
  if (budget === 0) throw new ScoreError("div0", engineWords("score.zeroBudget"));
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
