/**
 * The upgrade rates the 评分 tab shows beside the results sheet, computed on the same figures
 * the sheet's formulas use: 上年定级 (the roster's where it has one), and the grade of the
 * combined score (DJ.COMBINEDSCORE, then DJ.LEVEL with the 参数 settings), so the pane and the
 * sheet agree.
 */
import { pairLevels, upgradeRate } from "../rates";
import { combinedScore, levelOf, ScoreError } from "../scoring";
import type { Settings } from "../settings";
import type { ParsedSheet } from "../sheet";
import type { DataRow } from "../rows";
import type { Locale } from "../../i18n";
import { engineText } from "../../i18n/engine";
import { resultLevels, scoreOf, startLevel } from "./results";
import { submissionSheets } from "../kinds/submission";

export interface UpgradeRate {
  /** The starting class, or null for all branches that could still rise. */
  from: string | null;
  /** Null when nobody started in that class (the sheet shows #DIV/0!). */
  rate: number | null;
}

export type UpgradeRates = { rates: UpgradeRate[] } | { problem: string };

export function upgradeRates(
  parsed: readonly ParsedSheet[],
  settings: Settings,
  rosterLevels: ReadonlyMap<DataRow, string>,
  locale: Locale,
): UpgradeRates {
  const levels = resultLevels(parsed, settings);
  if (settings.thresholds.length !== levels.length - 1) {
    return { problem: engineText(locale)("settings.thresholdsVsLevels", { thresholds: settings.thresholds.length, levels: levels.length }) };
  }
  const start: (string | null)[] = [];
  const end: (string | null)[] = [];
  for (const sheet of submissionSheets(parsed)) {
    for (const row of sheet.rows) {
      const party = scoreOf(row, "partyScore");
      const business = scoreOf(row, "businessScore");
      const veto = row.fields.value("veto") === true;
      start.push(startLevel(row, rosterLevels));
      end.push(
        party === null || business === null
          ? null
          : levelOf(combinedScore(party, business, settings.partyWeight, settings.method), veto, settings.thresholds, levels),
      );
    }
  }
  const pairs = pairLevels(start, end);
  const rate = (from: string | null): UpgradeRate => {
    try {
      return { from, rate: upgradeRate(pairs, from, levels) };
    } catch (error) {
      // An empty class has no rate; any other refusal (a level outside the scheme) is the answer.
      if (error instanceof ScoreError && error.kind === "div0") return { from, rate: null };
      throw error;
    }
  };
  try {
    // From the top level nobody can rise: that class has no rate, as in the sheet.
    return { rates: [...levels.slice(0, -1).map(rate), rate(null)] };
  } catch (error) {
    if (error instanceof ScoreError) return { problem: error.wording(locale) };
    throw error;
  }
}
