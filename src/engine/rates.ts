/**
 * Grades and rates over cohorts (PRODUCT.md §5, §6): level schemes, 晋位升级率, 提升率, the
 * transition matrix, quota grades and normalised scores. Blank members arrive as null and pairs
 * with a blank side are left out. Impossible inputs throw ScoreError, which the functions layer
 * turns into #VALUE!, #NUM! or #DIV/0!.
 */
import { normaliseName, removeWhitespace, toHalfWidth } from "./text";
import { LEVEL_SCHEMES, schemeFor } from "./settings";
import { ScoreError, engineWords, roundTo } from "./scoring";
import type { Wording } from "../i18n";

export type Blank = null;

/** A level as written: no whitespace, half-width. */
export function cleanLevel(value: string): string {
  return removeWhitespace(toHalfWidth(value));
}

/**
 * The scheme levels are read in: the one given, else the first built-in scheme holding every
 * value. A value outside the scheme is an error naming the allowed levels.
 */
export function resolveScheme(values: readonly string[], given?: readonly string[] | null): readonly string[] {
  const wanted = [...new Set(values.map(cleanLevel))];
  if (given && given.length > 0) {
    const scheme = given.map(cleanLevel);
    if (scheme.length < 2 || new Set(scheme).size !== scheme.length) throw new ScoreError("value", engineWords("score.badLevels"));
    const unknown = wanted.find((v) => !scheme.includes(v));
    if (unknown !== undefined) throw new ScoreError("value", engineWords("score.unknownLevel", { level: unknown, levels: scheme.join("、") }));
    return scheme;
  }
  const scheme = schemeFor(wanted);
  if (!scheme) {
    const unknown = wanted.find((v) => !LEVEL_SCHEMES.some((s) => s.includes(v))) ?? wanted.join("、");
    throw new ScoreError("value", engineWords("score.unknownLevel", { level: unknown, levels: LEVEL_SCHEMES.map((s) => s.join("/")).join("；") }));
  }
  return scheme;
}

function pairs<A, B>(a: readonly (A | Blank)[], b: readonly (B | Blank)[]): [A, B][] {
  if (a.length !== b.length) throw new ScoreError("value", engineWords("score.shapeMismatch"));
  const out: [A, B][] = [];
  for (let i = 0; i < a.length; i++) {
    const x = a[i];
    const y = b[i];
    if (x !== null && y !== null) out.push([x, y]);
  }
  return out;
}

/** Distinct texts a cohort compares a member with before hashing it: a cohort has a handful. */
const FEW = 8;

/** Each distinct text of one cohort numbered once, as it first comes; blank texts are -1. */
class TextIds {
  readonly texts: string[] = [];
  private readonly few: string[] = [];
  private readonly fewIds: number[] = [];
  private readonly more = new Map<string, number>();

  constructor(private readonly blank: (text: string) => boolean) {}

  idOf(text: string): number {
    const { few, fewIds } = this;
    for (let k = 0; k < few.length; k++) if (few[k] === text) return fewIds[k];
    const known = this.more.get(text);
    if (known !== undefined) return known;
    const id = this.blank(text) ? -1 : this.texts.push(text) - 1;
    if (few.length < FEW) {
      few.push(text);
      fewIds.push(id);
    } else this.more.set(text, id);
    return id;
  }
}

/**
 * Two cohorts of levels paired member by member, as the number of members with each pair of
 * texts: all that 晋位升级率 and the transition matrix need. A cohort holds a few distinct texts
 * many times over (100 000 cells of 后进/一般/先进): counted in one pass, each text is cleaned
 * and placed in the scheme once, and nothing is kept per member.
 */
export class LevelPairs {
  private readonly start: TextIds;
  private readonly end: TextIds;
  /** Members by start text id, then end text id; pairs with a blank side are not counted. */
  private readonly counts: number[][] = [];
  /** The texts of counted pairs, start before end, in the order they first come. */
  private readonly order: string[] = [];

  /** `blank`: which texts count as blank (null always does). */
  constructor(blank: (text: string) => boolean = () => false) {
    this.start = new TextIds(blank);
    this.end = new TextIds(blank);
  }

  add(startText: string | Blank, endText: string | Blank): void {
    const s = startText === null ? -1 : this.start.idOf(startText);
    const e = endText === null ? -1 : this.end.idOf(endText);
    if (s < 0 || e < 0) return;
    const row = this.counts[s] ?? (this.counts[s] = []);
    const count = row[e] ?? 0;
    row[e] = count + 1;
    // A text's first counted pair is a pair not counted before.
    if (count === 0) {
      if (!this.order.includes(this.start.texts[s])) this.order.push(this.start.texts[s]);
      if (!this.order.includes(this.end.texts[e])) this.order.push(this.end.texts[e]);
    }
  }

  /**
   * The counts by position in the scheme (`extra` joins the texts the scheme is resolved from):
   * `counts[from][to]` members went from level `from` to level `to`.
   */
  ranked(levels: readonly string[] | null, extra: string | null): { scheme: readonly string[]; counts: number[][] } {
    const distinct = new Set(this.order.map(cleanLevel));
    if (extra !== null) distinct.add(extra);
    const scheme = resolveScheme([...distinct], levels);
    const position = new Map(scheme.map((level, i) => [level, i]));
    const counts = scheme.map(() => scheme.map(() => 0));
    this.counts.forEach((row, s) => {
      const from = position.get(cleanLevel(this.start.texts[s])) as number;
      row.forEach((count, e) => {
        counts[from][position.get(cleanLevel(this.end.texts[e])) as number] += count;
      });
    });
    return { scheme, counts };
  }
}

/** Two cohorts of levels as written (null for blank), paired member by member. */
export function pairLevels(start: readonly (string | Blank)[], end: readonly (string | Blank)[]): LevelPairs {
  if (start.length !== end.length) throw new ScoreError("value", engineWords("score.shapeMismatch"));
  const pairs = new LevelPairs();
  for (let i = 0; i < start.length; i++) pairs.add(start[i], end[i]);
  return pairs;
}

function share(hits: number, total: number): number {
  if (total === 0) throw new ScoreError("div0", engineWords("score.emptyCohort"));
  return hits / total;
}

/**
 * 晋位升级率: of the branches with both levels, the share whose end level is higher. By class
 * (fromLevel): over those that started there; else over those that did not start at the top.
 */
export function upgradeRate(pairs: LevelPairs, fromLevel: string | Blank = null, levels: readonly string[] | null = null): number {
  const from = fromLevel === null ? null : cleanLevel(fromLevel);
  const { scheme, counts } = pairs.ranked(levels, from);
  const top = scheme.length - 1;
  const fromRank = from === null ? -1 : scheme.indexOf(from);
  let cohort = 0;
  let rose = 0;
  counts.forEach((row, s) => {
    if (from === null ? s >= top : s !== fromRank) return;
    row.forEach((count, e) => {
      cohort += count;
      if (e > s) rose += count;
    });
  });
  return share(rose, cohort);
}

/** 提升率: the share of branches whose score rose by at least `threshold`, optionally within one starting class. */
export function improveRate(
  startScores: readonly (number | Blank)[],
  endScores: readonly (number | Blank)[],
  threshold = 10,
  startLevels: readonly (string | Blank)[] | null = null,
  fromLevel: string | Blank = null,
): number {
  if (!Number.isFinite(threshold)) throw new ScoreError("value", engineWords("score.notANumber", { what: engineWords("word.threshold") }));
  if (fromLevel !== null && startLevels === null) throw new ScoreError("value", engineWords("score.fromLevelNeedsLevels"));
  if (startLevels !== null && startLevels.length !== startScores.length) throw new ScoreError("value", engineWords("score.shapeMismatch"));
  const from = fromLevel === null ? null : cleanLevel(fromLevel);
  if (startLevels !== null) {
    const given = startLevels.filter((v): v is string => v !== null);
    resolveScheme(from === null ? given : [...given, from]);
  }
  const inClass = (i: number) => {
    const level = startLevels?.[i] ?? null;
    return from === null || (level !== null && cleanLevel(level) === from);
  };
  const both = pairs(startScores.map((s, i) => (inClass(i) ? s : null)), endScores);
  return share(both.filter(([s, e]) => roundTo(e - s, 6) >= threshold).length, both.length);
}

/** 升降矩阵: counts of branches by start level (rows) and end level (columns). */
export function transitions(pairs: LevelPairs, levels: readonly string[] | null = null): { levels: readonly string[]; counts: number[][] } {
  const { scheme, counts } = pairs.ranked(levels, null);
  return { levels: scheme, counts };
}

function checkShare(value: number, what: Wording): void {
  if (!Number.isFinite(value)) throw new ScoreError("value", engineWords("score.notANumber", { what }));
  if (value < 0 || value > 1) throw new ScoreError("num", engineWords("score.shareRange", { what }));
}

/**
 * 按比例定级: the top level to the branches ranked within the top round(topShare × n), the lowest
 * to the bottom round(bottomShare × n) — ties at a boundary all included — and the middle
 * levels, high to low, to the rest in equal bands by rank.
 */
export function quotaLevel(
  score: number,
  all: readonly number[],
  topShare = 0.2,
  bottomShare = 0.05,
  levels: readonly string[] = LEVEL_SCHEMES[0],
): string {
  checkShare(topShare, engineWords("word.topShare"));
  checkShare(bottomShare, engineWords("word.bottomShare"));
  if (roundTo(topShare + bottomShare, 9) > 1) throw new ScoreError("num", engineWords("score.sharesOverOne"));
  if (levels.length < 3) throw new ScoreError("value", engineWords("score.quotaNeedsThreeLevels"));
  const n = all.length;
  if (n === 0) throw new ScoreError("div0", engineWords("score.emptyCohort"));
  const desc = [...all].map((v) => roundTo(v, 6)).sort((a, b) => b - a);
  const s = roundTo(score, 6);
  const topCount = Math.round(roundTo(topShare * n, 9));
  const bottomCount = Math.round(roundTo(bottomShare * n, 9));
  if (topCount > 0 && s >= desc[topCount - 1]) return levels[levels.length - 1];
  if (bottomCount > 0 && s <= desc[n - bottomCount]) return levels[0];
  const middle = levels.slice(1, -1);
  const rest = desc.filter((v) => !(topCount > 0 && v >= desc[topCount - 1]) && !(bottomCount > 0 && v <= desc[n - bottomCount]));
  const above = rest.filter((v) => v > s).length;
  const band = rest.length === 0 ? 0 : Math.min(middle.length - 1, Math.floor((above * middle.length) / rest.length));
  return middle[middle.length - 1 - band];
}

export type NormalizeMethod = "minmax" | "zscore" | "rank";

/** The Chinese names statisticians use: 极差 (min–max), 标准分 (z-score), 百分位 (percentile rank). */
const NORMALIZE_METHODS = new Map<string, NormalizeMethod>([
  ["minmax", "minmax"],
  ["极差", "minmax"],
  ["zscore", "zscore"],
  ["标准分", "zscore"],
  ["rank", "rank"],
  ["百分位", "rank"],
]);

/** A normalisation method by its id or Chinese name; else null. */
export function normalizeMethodOf(text: string): NormalizeMethod | null {
  return NORMALIZE_METHODS.get(normaliseName(text)) ?? null;
}

const clamp = (v: number) => Math.min(100, Math.max(0, v));

/** 标准化 onto 0–100: min–max, a T-score 50 + 10·z (population SD), or a percentile rank. */
export function normalize(value: number, peers: readonly number[], method: NormalizeMethod = "minmax"): number {
  if (peers.length === 0) throw new ScoreError("div0", engineWords("score.emptyCohort"));
  // A loop, not Math.min(...peers): spreading more than about 120 000 values overflows the stack.
  let min = Infinity;
  let max = -Infinity;
  for (const p of peers) {
    if (p < min) min = p;
    if (p > max) max = p;
  }
  if (roundTo(max - min, 9) === 0) return 50;
  switch (method) {
    case "minmax":
      return clamp(((value - min) / (max - min)) * 100);
    case "zscore": {
      const mean = peers.reduce((a, b) => a + b, 0) / peers.length;
      const sd = Math.sqrt(peers.reduce((a, b) => a + (b - mean) ** 2, 0) / peers.length);
      return clamp(50 + (10 * (value - mean)) / sd);
    }
    case "rank":
      return clamp((peers.filter((p) => p < value).length / (peers.length - 1)) * 100);
  }
}
