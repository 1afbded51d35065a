/**
 * Custom functions, namespace DJ (PRODUCT.md §6). Each one converts Excel's arguments, calls the
 * engine and converts the result; none touches the workbook. custom-functions-metadata-plugin
 * builds functions.json from the JSDoc below and appends the CustomFunctions.associate calls, so
 * parameter and return types must be written out literally (no type aliases), and optional
 * parameters are marked with `?` (Excel passes null for them when omitted).
 * English names and descriptions here; the Chinese ones are in zh-CN-names.json.
 *
 * Arguments read whole (cohorts, level schemes, thresholds) are converted once; the others are
 * element-wise (args.ts): a range spills a result of its shape, a blank element gives "".
 */
import { flagLabelsOfRows } from "../engine/kinds/submission/rowFlags";
import { combinedScore, engineWords, fundRate, levelOf, ScoreError } from "../engine/scoring";
import { improveRate, normalize, normalizeMethodOf, quotaLevel, transitions, upgradeRate } from "../engine/rates";
import { meetingGap } from "../engine/kinds/submission/flags";
import { bucketWord, gapPeriod, gapsOf, intervalOf } from "../engine/kinds/meetings/coverage";
import { meetingType } from "../engine/meetingTypes";
import { combineMethodOf, DEFAULT_SETTINGS, LEVEL_SCHEMES, withDefaults, type MeetingType } from "../engine/settings";
import { isoOf } from "../engine/dates";
import { bracketDue, duesCategory } from "../engine/dues";
import { EXTENSION_MONTHS, probationEnd } from "../engine/probation";
import { engineText } from "../i18n/engine";
import { functionsText } from "../i18n/functions";
import { isVeto } from "../engine/values";
import {
  ARG,
  cohort,
  dateOf,
  displayLocale,
  elementwise,
  functionsWords,
  scoreRange,
  shareRange,
  filledNumbers,
  isBlank,
  isOmitted,
  levelCohort,
  levelPairs,
  levelList,
  matrixOf,
  monthsOf,
  numberCohort,
  numberOf,
  numberWithin,
  optionalText,
  orError,
  perRow,
  sameShape,
  shapeOf,
  textOf,
  thresholdList,
  toCell,
  toNumber,
  whole,
  type Element,
} from "./args";

/** Meeting requirements and flag thresholds: the defaults of PRODUCT.md §4 (functions take no settings). */
const SETTINGS = withDefaults();

/**
 * Upgrade rate (晋位升级率): of the branches with both a start and an end level, the share whose
 * end level is higher.
 * @customfunction UPGRADERATE UPGRADERATE
 * @param startLevels Levels at the start of the period (a range, read as a whole).
 * @param endLevels Levels at the end of the period: a range of the same shape as startLevels.
 * @param fromLevel Starting class: only branches that started at this level count. Omitted: every branch that did not start at the top level.
 * @param levels Level scheme, low to high: a range or comma-separated text such as "后进,一般,先进". Omitted: the first built-in scheme holding every level.
 * @returns The share of branches that moved up, from 0 to 1; #DIV/0! when no branch counts.
 */
function upgradeRateFunction(startLevels: unknown[][], endLevels: unknown[][], fromLevel?: unknown[][], levels?: unknown[][]): unknown[][] {
  return whole(() => {
    sameShape([startLevels, endLevels]);
    const pairs = levelPairs(startLevels, endLevels);
    const scheme = levelList(levels);
    return elementwise([fromLevel], (from) => upgradeRate(pairs, optionalText(from), scheme), 0);
  });
}

/**
 * Improvement rate (提升率): the share of branches whose score rose by at least a threshold.
 * @customfunction IMPROVERATE IMPROVERATE
 * @param startScores Scores at the start of the period (a range, read as a whole).
 * @param endScores Scores at the end of the period: a range of the same shape as startScores.
 * @param threshold The rise in points that counts as an improvement. Default 10.
 * @param startLevels Levels at the start, a range of the same shape as startScores; needed with fromLevel.
 * @param fromLevel Starting class: only branches that started at this level count. Omitted: every branch.
 * @returns The share of branches that improved, from 0 to 1; #DIV/0! when no branch counts.
 */
function improveRateFunction(
  startScores: unknown[][],
  endScores: unknown[][],
  threshold?: unknown[][],
  startLevels?: unknown[][],
  fromLevel?: unknown[][],
): unknown[][] {
  return whole(() => {
    const levelsGiven = !isOmitted(startLevels);
    sameShape(levelsGiven ? [startScores, endScores, startLevels] : [startScores, endScores]);
    const start = numberCohort(startScores, ARG.startScores);
    const end = numberCohort(endScores, ARG.endScores);
    const levels = levelsGiven ? levelCohort(startLevels) : null;
    return elementwise(
      [threshold, fromLevel],
      (points, from) => {
        const rise = isBlank(points) ? DEFAULT_SETTINGS.improveThreshold : numberOf(points, ARG.threshold);
        return improveRate(start, end, rise, levels, optionalText(from));
      },
      0,
    );
  });
}

/**
 * Transition matrix (升降矩阵): how many branches went from each start level (rows) to each end level (columns).
 * @customfunction TRANSITIONS TRANSITIONS
 * @param startLevels Levels at the start of the period (a range, read as a whole).
 * @param endLevels Levels at the end of the period: a range of the same shape as startLevels.
 * @param levels Level scheme, low to high: a range or comma-separated text. Omitted: the first built-in scheme holding every level.
 * @returns A spilled table: the first row is "" then the levels, the first column the levels; rows are start levels, columns end levels.
 */
function transitionsFunction(startLevels: unknown[][], endLevels: unknown[][], levels?: unknown[][]): unknown[][] {
  return whole(() => {
    sameShape([startLevels, endLevels]);
    const table = transitions(levelPairs(startLevels, endLevels), levelList(levels));
    return [["", ...table.levels], ...table.levels.map((level, i) => [level, ...table.counts[i]])];
  });
}

/**
 * Combined score (一体化考核) of party-building and business scores.
 * @customfunction COMBINEDSCORE COMBINEDSCORE
 * @param partyScore Party-building score, 0 to 100: a number or a range.
 * @param businessScore Business score, 0 to 100: a number or a range of the same shape.
 * @param partyWeight Weight of the party-building score in the weighted method, 0 to 1. Default 0.5.
 * @param method "weighted" (w × party + (1 − w) × business) or "multiplier" (party / 100 × business). Default "weighted".
 * @returns The combined score.
 */
function combinedScoreFunction(partyScore: unknown[][], businessScore: unknown[][], partyWeight?: unknown[][], method?: unknown[][]): unknown[][] {
  return elementwise(
    [partyScore, businessScore, partyWeight, method],
    (party, business, weight, how) => {
      const p = numberWithin(party, ARG.partyScore, 0, 100, scoreRange);
      const b = numberWithin(business, ARG.businessScore, 0, 100, scoreRange);
      const w = isBlank(weight) ? DEFAULT_SETTINGS.partyWeight : numberWithin(weight, ARG.partyWeight, 0, 1, shareRange);
      const combine = isBlank(how) ? DEFAULT_SETTINGS.method : combineMethodOf(textOf(how));
      if (combine === null) throw new ScoreError("value", functionsWords("functions.badMethod", { method: textOf(how) }));
      return combinedScore(p, b, w, combine);
    },
    2,
  );
}

/**
 * Grade (分类定级) of a score: the highest level whose threshold the score reaches (rounded to 6 decimals); a veto gives the lowest level.
 * @customfunction LEVEL LEVEL
 * @param score The score: a number or a range.
 * @param veto Veto items (一票否决): any text except blank, 无, 否, /, —, 0 or FALSE forces the lowest level. A value or a range of the same shape as score.
 * @param thresholds Thresholds, low to high: a range or comma-separated text, one fewer than the levels. Default "60,90".
 * @param levels Levels, low to high: a range or comma-separated text. Default "后进,一般,先进".
 * @returns The level.
 */
function levelFunction(score: unknown[][], veto?: unknown[][], thresholds?: unknown[][], levels?: unknown[][]): unknown[][] {
  return whole(() => {
    const lines = thresholdList(thresholds) ?? DEFAULT_SETTINGS.thresholds;
    const scheme = levelList(levels) ?? LEVEL_SCHEMES[0];
    if (lines.length !== scheme.length - 1) {
      throw new ScoreError("value", engineWords("settings.thresholdsVsLevels", { thresholds: lines.length, levels: scheme.length }));
    }
    return elementwise(
      [score, veto],
      (value, vetoItem) => levelOf(numberOf(value, ARG.score), isVeto(toCell(vetoItem)), lines, scheme),
      1,
    );
  });
}

/**
 * Quota grade (按比例定级): the top level to the top share of the cohort, the lowest level to the bottom share (ties at a boundary all included), the middle level(s) to the rest.
 * @customfunction QUOTALEVEL QUOTALEVEL
 * @param score The score to grade: a number or a range.
 * @param allScores The scores of every branch graded together (a range, read as a whole).
 * @param topShare Share of branches given the top level, 0 to 1. Default 0.2.
 * @param bottomShare Share of branches given the lowest level, 0 to 1. Default 0.05.
 * @param levels Levels, low to high, at least 3: a range or comma-separated text. Default "后进,一般,先进".
 * @returns The level.
 */
function quotaLevelFunction(score: unknown[][], allScores: unknown[][], topShare?: unknown[][], bottomShare?: unknown[][], levels?: unknown[][]): unknown[][] {
  return whole(() => {
    const all = filledNumbers(allScores, ARG.allScores);
    const scheme = levelList(levels) ?? LEVEL_SCHEMES[0];
    return elementwise(
      [score, topShare, bottomShare],
      (value, top, bottom) =>
        quotaLevel(
          numberOf(value, ARG.score),
          all,
          isBlank(top) ? DEFAULT_SETTINGS.quotaTop : numberOf(top, ARG.topShare),
          isBlank(bottom) ? DEFAULT_SETTINGS.quotaBottom : numberOf(bottom, ARG.bottomShare),
          scheme,
        ),
      1,
    );
  });
}

/**
 * Normalised score (标准化) on a 0–100 scale against peer values.
 * @customfunction NORMALIZE NORMALIZE
 * @param value The value to normalise: a number or a range.
 * @param peerValues The values it is compared with (a range, read as a whole).
 * @param method "minmax" (min 0, max 100), "zscore" (T-score 50 + 10·z, population SD) or "rank" (percentile). Default "minmax". All peers equal gives 50.
 * @returns The normalised value, 0 to 100.
 */
function normalizeFunction(value: unknown[][], peerValues: unknown[][], method?: unknown[][]): unknown[][] {
  return whole(() => {
    const peers = filledNumbers(peerValues, ARG.peerValues);
    return elementwise(
      [value, method],
      (x, how) => {
        const scale = isBlank(how) ? "minmax" : normalizeMethodOf(textOf(how));
        if (scale === null) throw new ScoreError("value", functionsWords("functions.badNormalizeMethod", { method: textOf(how) }));
        return normalize(numberOf(x, ARG.value), peers, scale);
      },
      1,
    );
  });
}

/** A meeting type argument, or #VALUE! listing the types. */
function meetingTypeOf(value: unknown): MeetingType {
  const type = meetingType(textOf(value));
  if (type === null) throw new ScoreError("value", engineWords("score.unknownMeetingType", { type: textOf(value) }));
  return type;
}

/**
 * Meetings missing (缺会次数): how many meetings of a type are still due in a period (PRODUCT.md §4).
 * @customfunction MEETINGGAP MEETINGGAP
 * @param held Meetings held: a number or a range.
 * @param type Meeting type: 党员大会, 支委会, 党小组会, 党课, 主题党日, 组织生活会, 民主评议 or general, committee, group, lecture, themeday, orglife, review.
 * @param months Months in the period, 1 to 12. Default 12.
 * @param groups Party groups (for 党小组会). Default 1.
 * @returns The shortfall, 0 or more.
 */
function meetingGapFunction(held: unknown[][], type: unknown[][], months?: unknown[][], groups?: unknown[][]): unknown[][] {
  return elementwise(
    [held, type, months, groups],
    (count, kind, period, groupCount) => {
      const meeting = meetingTypeOf(kind);
      return meetingGap(
        numberOf(count, ARG.held),
        meeting,
        isBlank(period) ? 12 : numberOf(period, ARG.months),
        isBlank(groupCount) ? 1 : numberOf(groupCount, ARG.groups),
        SETTINGS,
      );
    },
    2,
  );
}

/** A ledger as MEETINGGAPS reads it: the dates of each meeting type, and the latest date of any row. */
interface LedgerDates {
  byType: Map<MeetingType, number[]>;
  latest: number | null;
}

/**
 * The dates and types of a ledger's rows, paired row by row. A pair with a blank side is left
 * out; a type that is no meeting type is not counted, but its date is still read and still
 * dates the ledger. A date that is no date is #VALUE! naming it.
 */
function ledgerDates(dates: unknown[][], types: unknown[][]): LedgerDates {
  const when = cohort(dates);
  const what = cohort(types);
  const byType = new Map<MeetingType, number[]>();
  // A ledger repeats a handful of type words over thousands of rows: each is looked up once.
  const typeOfWord = new Map<string, MeetingType | null>();
  let latest: number | null = null;
  when.forEach((value, i) => {
    if (value === null || what[i] === null) return;
    const date = dateOf(value, ARG.dates);
    latest = latest === null ? date : Math.max(latest, date);
    const word = textOf(what[i]);
    if (!typeOfWord.has(word)) typeOfWord.set(word, meetingType(word));
    const type = typeOfWord.get(word);
    if (!type) return;
    const list = byType.get(type);
    if (list) list.push(date);
    else byType.set(type, [date]);
  });
  return { byType, latest };
}

/** The gaps of one type in one period (LEDGERS.md §7), in words of Office's display language. */
function gapsText(ledger: LedgerDates, typeValue: unknown, startValue: unknown, endValue: unknown): string {
  const type = meetingTypeOf(typeValue);
  const start = isBlank(startValue) ? null : dateOf(startValue, ARG.start);
  const end = isBlank(endValue) ? null : dateOf(endValue, ARG.end);
  const period = gapPeriod(start, end, ledger.latest);
  if (period === null) throw new ScoreError("value", functionsWords("functions.noMeetingDates"));
  if (period.end < period.start) throw new ScoreError("num", functionsWords("functions.endBeforeStart", { start: isoOf(period.start), end: isoOf(period.end) }));
  const locale = displayLocale();
  const t = functionsText(locale);
  const gaps = gapsOf(ledger.byType.get(type) ?? [], intervalOf(type, SETTINGS), period.start, period.end);
  return gaps.map((gap) => bucketWord(gap, t)).join(engineText(locale)("list.items"));
}

/**
 * Periods without a meeting (缺会期间): the months, quarters or year in which a meeting ledger records no meeting of a type.
 * @customfunction MEETINGGAPS MEETINGGAPS
 * @param dates Meeting dates, one per ledger row (a range, read as a whole): dates, or text such as 2025-03-05, 2025/3/5 or 2025年3月5日.
 * @param types Meeting types of the same rows: a range of the same shape as dates. Rows with a blank date or type are left out; rows of other types are not counted.
 * @param type The type to check: 党员大会 and 党课 by quarter; 支委会, 党小组会 and 主题党日 by month; 组织生活会 and 民主评议 by year (or general, committee, group, lecture, themeday, orglife, review). A value or a range (spills).
 * @param start First day of the period: a date or date text. Omitted: 1 January of the year of end, else of the year of the latest date in dates.
 * @param end Last day of the period: a date or date text. Omitted: 31 December of the year of start, else of the year of the latest date in dates.
 * @returns The months, quarters or year overlapping the period with no meeting of the type on a day from start to end, in time order, joined by "、" (2025年3月、2025年7月; 2025年第2季度; 2025年), in English Excel by ", " (2025-03, 2025-07; 2025 Q2; 2025); "" when every one has a meeting. #NUM! when end is before start.
 */
function meetingGapsFunction(dates: unknown[][], types: unknown[][], type: unknown[][], start?: unknown[][], end?: unknown[][]): unknown[][] {
  return whole(() => {
    sameShape([dates, types]);
    const ledger = ledgerDates(dates, types);
    return elementwise([type, start, end], (typeValue, startValue, endValue) => gapsText(ledger, typeValue, startValue, endValue), 1);
  });
}

/**
 * Execution rate of the party-building budget: funds spent ÷ budget.
 * @customfunction FUNDRATE FUNDRATE
 * @param spent Funds spent in yuan: a number or a range.
 * @param budget Budget in yuan: a number, or a range of the same shape as spent.
 * @returns The share of the budget spent (0.23 = 23%); #DIV/0! when the budget is 0.
 */
function fundRateFunction(spent: unknown[][], budget: unknown[][]): unknown[][] {
  return elementwise([spent, budget], (s, b) => fundRate(toNumber(s), toNumber(b)));
}

/**
 * Monthly party dues (应缴党费) by the brackets of the 2008 dues regulations (articles 5 and 6): the whole base at one rate, each bracket's upper bound in the lower bracket.
 * @customfunction DUES DUES
 * @param base Monthly base in yuan (after-tax wage, or pension): a number or a range.
 * @param category Member category: 在职 (default), 离退休, 学生, 农民, 低保 or 其他 (also 离休, 退休, 下岗, 失业, 困难). A value, or a range of the same shape as base.
 * @returns The monthly due in yuan, rounded half up to the fen: 在职 and 其他 0.5% up to 3000, 1% up to 5000, 1.5% up to 10000, 2% above; 离退休 0.5% up to 5000, 1% above; 学生 and 低保 0.20; 农民 0.20 (the least of 0.20 to 1.00).
 */
function duesFunction(base: unknown[][], category?: unknown[][]): unknown[][] {
  return elementwise(
    [base, category],
    (b, c) => {
      const amount = numberOf(b, ARG.base);
      if (amount < 0) throw new ScoreError("num", engineWords("score.negative", { what: ARG.base }));
      const kind = duesCategory(isBlank(c) ? "" : textOf(c));
      if (kind === null) throw new ScoreError("value", functionsWords("functions.badCategory", { value: textOf(c) }));
      return bracketDue(amount, kind, SETTINGS.dues.rounding).amount;
    },
    1,
  );
}

/**
 * The day a probationary member's probation ends (预备期满日): the admission date + 12 months + any extension, as EDATE counts months.
 * @customfunction PROBATIONEND PROBATIONEND
 * @param admitted Date of admission as a probationary member (支部大会通过): a date, or text such as 2025-03-05 or 2025年3月5日. A value or a range.
 * @param extensionMonths Months the probation was extended: 0 (default) or 6 to 12.
 * @returns The date as a serial number (format the cell as a date); #NUM! for an extension other than 0 or 6 to 12.
 */
function probationEndFunction(admitted: unknown[][], extensionMonths?: unknown[][]): unknown[][] {
  return elementwise(
    [admitted, extensionMonths],
    (a, e) => {
      const day = dateOf(a, ARG.admitted);
      const extension = isBlank(e) ? 0 : numberOf(e, ARG.extension);
      const allowed = extension === 0 || (Number.isInteger(extension) && extension >= EXTENSION_MONTHS.min && extension <= EXTENSION_MONTHS.max);
      if (!allowed) throw new ScoreError("num", functionsWords("functions.extensionRange"));
      const end = probationEnd(day, extension, SETTINGS.development.probationMonths);
      if (end === null) throw new ScoreError("num", functionsWords("functions.extensionRange"));
      return end;
    },
    1,
  );
}

/**
 * Flags (预警信息) of rows of the standard sheet, computed as the validator computes them.
 * @customfunction FLAGS FLAGS
 * @param rowValues Data rows of the standard sheet (one or more rows).
 * @param headerRow The header row of those columns (党支部名称, 正式党员数, 党员大会 …): one row, as wide as rowValues.
 * @param months Months in the period, 1 to 12: one value, or one per row. Default 12.
 * @returns For each row, its flags joined by "；" in the order of the flag table, or "".
 */
function flagsFunction(rowValues: unknown[][], headerRow: unknown[][], months?: unknown[][]): unknown[][] {
  return whole(() => {
    const rows = matrixOf(rowValues);
    const header = matrixOf(headerRow);
    const width = shapeOf(rowValues).columns;
    if (header.length !== 1) throw new ScoreError("value", functionsWords("functions.headerOneRow", { rows: header.length }));
    if (header[0].length !== width) throw new ScoreError("value", functionsWords("functions.headerWidth", { header: header[0].length, row: width }));
    const labels = header[0].map(toCell);
    const result: Element[][] = rows.map(() => [""]);
    // Rows of the same period are read together: usually one call for the whole block.
    const byMonths = new Map<number, number[]>();
    perRow(months, rows.length).forEach((value, i) => {
      const m = orError(() => monthsOf(value));
      if (typeof m !== "number") result[i][0] = m;
      else if (byMonths.has(m)) byMonths.get(m)?.push(i);
      else byMonths.set(m, [i]);
    });
    for (const [m, indices] of byMonths) {
      const flags = flagLabelsOfRows(labels, indices.map((i) => rows[i].map(toCell)), m, SETTINGS, displayLocale());
      indices.forEach((row, k) => (result[row][0] = flags[k]));
    }
    return result;
  });
}
