/** src/engine/rates.ts: level schemes, 晋位升级率, 提升率, the transition matrix, quota grades, normalisation. */
import fc from "fast-check";
import {
  cleanLevel,
  improveRate,
  normalize,
  normalizeMethodOf,
  quotaLevel,
  resolveScheme,
  pairLevels,
  ScoreError,
  transitions as transitionsOfPairs,
  upgradeRate as upgradeRateOfPairs,
} from "../../src/engine";

type Cohort = readonly (string | null)[];

/** 晋位升级率 of two cohorts as written, paired as the engine pairs them. */
const upgradeRate = (start: Cohort, end: Cohort, from: string | null = null, levels: readonly string[] | null = null) =>
  upgradeRateOfPairs(pairLevels(start, end), from, levels);

/** The transition matrix of two cohorts as written. */
const transitions = (start: Cohort, end: Cohort, levels: readonly string[] | null = null) => transitionsOfPairs(pairLevels(start, end), levels);

/** The kind and message of the ScoreError `fn` throws. */
function failure(fn: () => unknown): { kind: string; message: string } {
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(ScoreError);
    return { kind: (error as ScoreError).kind, message: (error as ScoreError).message };
  }
  throw new Error("did not throw");
}

const THREE = ["后进", "一般", "先进"];
const FOUR = ["较差", "一般", "较好", "好"];
const STARS = ["一星", "二星", "三星", "四星", "五星"];

describe("cleanLevel", () => {
  test.each([
    ["一般", "一般"],
    [" 一 般 ", "一般"],
    ["先进\u3000", "先进"],
    ["一\n星", "一星"],
    ["Ａ级", "A级"],
  ])("%p → %p", (raw, clean) => expect(cleanLevel(raw)).toBe(clean));
});

describe("resolveScheme", () => {
  test("the first built-in scheme holding every value", () => {
    expect(resolveScheme(["一般"])).toEqual(THREE);
    expect(resolveScheme([])).toEqual(THREE);
    expect(resolveScheme(["一般", "较好"])).toEqual(FOUR);
    expect(resolveScheme(["差", "好"])).toEqual(["差", "一般", "较好", "好"]);
    expect(resolveScheme(["三星", " 五星 "])).toEqual(STARS);
  });

  test("a value in no built-in scheme, or values of two schemes: value error naming a level", () => {
    expect(failure(() => resolveScheme(["优秀"]))).toEqual({ kind: "value", message: expect.stringContaining("优秀") });
    expect(failure(() => resolveScheme(["后进", "好"])).kind).toBe("value");
  });

  test("a given scheme is cleaned and wins; values outside it are errors", () => {
    expect(resolveScheme(["中"], ["差", " 中", "好 "])).toEqual(["差", "中", "好"]);
    expect(resolveScheme(["一般"], ["一般", "后进"])).toEqual(["一般", "后进"]);
    expect(failure(() => resolveScheme(["一般"], ["差", "好"]))).toEqual({ kind: "value", message: expect.stringContaining("差、好") });
  });

  test("a given scheme needs 2 or more distinct levels; an empty one means none given", () => {
    expect(failure(() => resolveScheme([], ["好"])).kind).toBe("value");
    expect(failure(() => resolveScheme([], ["好", " 好"])).kind).toBe("value");
    expect(resolveScheme(["一般"], [])).toEqual(THREE);
    expect(resolveScheme(["一般"], null)).toEqual(THREE);
  });
});

describe("upgradeRate", () => {
  const start = ["后进", "一般", "一般", "一般", "先进", "先进"];
  const end = ["一般", "先进", "一般", "后进", "先进", "一般"];

  test("without a class: over the branches not starting at the top", () => {
    expect(upgradeRate(start, end)).toBe(2 / 4);
  });

  test("by class: over the branches that started there", () => {
    expect(upgradeRate(start, end, "一般")).toBe(1 / 3);
    expect(upgradeRate(start, end, "后进")).toBe(1);
    expect(upgradeRate(start, end, "先进")).toBe(0);
    expect(upgradeRate(start, end, " 一般 ")).toBe(1 / 3);
  });

  test("pairs with a blank side are left out", () => {
    expect(upgradeRate(["后进", null, "一般"], ["一般", "先进", null])).toBe(1);
  });

  test("no branch in the denominator: div0", () => {
    expect(failure(() => upgradeRate(["先进", "先进"], ["先进", "一般"])).kind).toBe("div0");
    expect(failure(() => upgradeRate([], [])).kind).toBe("div0");
    expect(failure(() => upgradeRate(["一般"], ["先进"], "后进")).kind).toBe("div0");
  });

  test("4-level and star schemes", () => {
    expect(upgradeRate(["较差", "一般", "较好", "好"], ["一般", "一般", "好", "较好"])).toBe(2 / 3);
    expect(upgradeRate(["一星", "五星", "三星"], ["二星", "五星", "三星"])).toBe(1 / 2);
    expect(upgradeRate(["一星", "五星", "三星"], ["二星", "五星", "三星"], "一星")).toBe(1);
  });

  test("counted by pairs of texts, it agrees with counting member by member, past the few texts compared before hashing", () => {
    const scheme = Array.from({ length: 12 }, (_, i) => `L${i}`);
    const member = fc.option(fc.constantFrom(...scheme, " L3 ", "Ｌ5"), { nil: null });
    const cohorts = fc.array(fc.tuple(member, member), { minLength: 1, maxLength: 60 });
    fc.assert(
      fc.property(cohorts, fc.option(fc.constantFrom(...scheme), { nil: null }), (members, from) => {
        const start = members.map(([s]) => s);
        const end = members.map(([, e]) => e);
        const rank = (level: string) => scheme.indexOf(cleanLevel(level));
        const counted = members.filter(([s, e]) => s !== null && e !== null && (from === null ? rank(s) < 11 : rank(s) === rank(from)));
        const rose = counted.filter(([s, e]) => rank(e!) > rank(s!)).length;
        if (counted.length === 0) expect(failure(() => upgradeRate(start, end, from, scheme)).kind).toBe("div0");
        else expect(upgradeRate(start, end, from, scheme)).toBe(rose / counted.length);
        const matrix = scheme.map(() => scheme.map(() => 0));
        for (const [s, e] of members) if (s !== null && e !== null) matrix[rank(s)][rank(e)]++;
        expect(transitions(start, end, scheme).counts).toEqual(matrix);
      }),
    );
  });

  test("a given scheme orders the levels", () => {
    expect(upgradeRate(["先进"], ["后进"], null, ["先进", "一般", "后进"])).toBe(1);
    expect(failure(() => upgradeRate(["先进"], ["后进"], "一般", ["先进", "后进"])).kind).toBe("value");
  });

  test("an unknown level, or cohorts of different lengths: value", () => {
    expect(failure(() => upgradeRate(["优秀"], ["一般"])).kind).toBe("value");
    expect(failure(() => upgradeRate(["一般"], ["一般"], "优秀")).kind).toBe("value");
    expect(failure(() => upgradeRate(["一般", "一般"], ["一般"])).kind).toBe("value");
  });

  test("the seed figure: 174 一般 of which 44 rise, 15 后进 of which 14 rise", () => {
    const s = [...Array(174).fill("一般"), ...Array(15).fill("后进"), ...Array(65).fill("先进")];
    const e = [...Array(44).fill("先进"), ...Array(130).fill("一般"), ...Array(14).fill("一般"), "后进", ...Array(65).fill("先进")];
    expect(Math.round(upgradeRate(s, e, "一般") * 1000) / 10).toBe(25.3);
    expect(Math.round(upgradeRate(s, e, "后进") * 1000) / 10).toBe(93.3);
    expect(upgradeRate(s, e)).toBe(58 / 189);
  });
});

describe("improveRate", () => {
  const before = [80, 70, 60, 50];
  const after = [90, 79.9, 75, null];

  test("the share whose rise reaches the threshold (default 10), blank pairs left out", () => {
    expect(improveRate(before, after)).toBe(2 / 3);
    expect(improveRate(before, after, 5)).toBe(1);
    expect(improveRate(before, after, 15.0000001)).toBe(0);
  });

  test("the rise is rounded to 6 decimals", () => {
    expect(70.1 - 60.1).toBeLessThan(10);
    expect(improveRate([60.1], [70.1])).toBe(1);
    expect(improveRate([60], [69.9999994])).toBe(0);
    expect(improveRate([60], [69.9999995])).toBe(1);
  });

  test("within a starting class", () => {
    const levels = ["一般", "一般", "后进", "一般"];
    expect(improveRate(before, after, 10, levels, "一般")).toBe(1 / 2);
    expect(improveRate(before, after, 10, levels, "后进")).toBe(1);
    expect(improveRate(before, after, 10, [null, "一般", "后进", "一般"], "一般")).toBe(0);
    expect(improveRate([60, 70], [75, 72], 10, ["较好", "一般"], "较好")).toBe(1);
  });

  test("levels are checked even without a class; a class needs levels", () => {
    expect(improveRate(before, after, 10, ["一般", "一般", "后进", "一般"])).toBe(2 / 3);
    expect(failure(() => improveRate(before, after, 10, ["一般", "优秀", "后进", "一般"])).kind).toBe("value");
    expect(failure(() => improveRate(before, after, 10, null, "一般")).kind).toBe("value");
    expect(failure(() => improveRate(before, after, 10, ["一般"], "一般")).kind).toBe("value");
  });

  test("a threshold that is no number: value; nothing to count: div0", () => {
    expect(failure(() => improveRate(before, after, NaN)).kind).toBe("value");
    expect(failure(() => improveRate([], [])).kind).toBe("div0");
    expect(failure(() => improveRate([1, null], [null, 2])).kind).toBe("div0");
    expect(failure(() => improveRate(before, after, 10, ["一般", "一般", "一般", "一般"], "后进")).kind).toBe("div0");
  });

  test("cohorts of different lengths: value", () => {
    expect(failure(() => improveRate([1, 2], [1])).kind).toBe("value");
  });
});

describe("transitions", () => {
  test("counts by start level (rows) and end level (columns)", () => {
    expect(transitions(["后进", "一般", "一般", null], ["一般", "先进", "一般", "先进"])).toEqual({
      levels: THREE,
      counts: [
        [0, 1, 0],
        [0, 1, 1],
        [0, 0, 0],
      ],
    });
  });

  test("the scheme comes from the values, or is given", () => {
    expect(transitions(["较差"], ["好"]).levels).toEqual(FOUR);
    expect(transitions(["一星"], ["五星"]).counts[0]).toEqual([0, 0, 0, 0, 1]);
    expect(transitions([], []).levels).toEqual(THREE);
    expect(transitions(["中"], ["好"], ["差", "中", "好"])).toEqual({ levels: ["差", "中", "好"], counts: [[0, 0, 0], [0, 0, 1], [0, 0, 0]] });
  });

  test("levels are cleaned before counting", () => {
    expect(transitions([" 一般"], ["先进\u3000"]).counts[1]).toEqual([0, 0, 1]);
  });

  test("an unknown level or cohorts of different lengths: value", () => {
    expect(failure(() => transitions(["优秀"], ["一般"])).kind).toBe("value");
    expect(failure(() => transitions(["一般"], [])).kind).toBe("value");
  });
});

describe("quotaLevel", () => {
  const all = [100, 90, 80, 70, 60, 50, 40, 30, 20, 10];

  test("top round(topShare × n) get the top level, bottom round(bottomShare × n) the lowest", () => {
    expect(all.map((s) => quotaLevel(s, all, 0.2, 0.1))).toEqual(["先进", "先进", ...Array(7).fill("一般"), "后进"]);
    expect(quotaLevel(100, all)).toBe("先进");
    expect(quotaLevel(10, all)).toBe("后进"); // round(0.05 × 10) = round(0.5) = 1
  });

  test("ties at a boundary are all included", () => {
    const tied = [100, 90, 90, 80, 70, 60, 50, 40, 30, 30];
    expect(tied.map((s) => quotaLevel(s, tied, 0.2, 0.1))).toEqual(["先进", "先进", "先进", ...Array(5).fill("一般"), "后进", "后进"]);
  });

  test("scores are compared after rounding to 6 decimals", () => {
    const cohort = [100, 90, 89.9999999, 10, 20, 30, 40, 50, 60, 70];
    expect(quotaLevel(89.9999999, cohort, 0.2, 0)).toBe("先进");
    expect(quotaLevel(89.99999, cohort, 0.2, 0)).toBe("一般");
  });

  test("zero shares give no top or lowest level", () => {
    expect(all.map((s) => quotaLevel(s, all, 0, 0))).toEqual(Array(10).fill("一般"));
  });

  test("the middle levels split the rest by rank, high to low", () => {
    expect(all.map((s) => quotaLevel(s, all, 0.2, 0.1, FOUR))).toEqual(["好", "好", "较好", "较好", "较好", "较好", "一般", "一般", "一般", "较差"]);
    expect(all.map((s) => quotaLevel(s, all, 0.1, 0.1, STARS))).toEqual(["五星", "四星", "四星", "四星", "三星", "三星", "三星", "二星", "二星", "一星"]);
  });

  test("shares outside 0–1 or over 1 together: num; not a number: value", () => {
    expect(failure(() => quotaLevel(50, all, 1.1)).kind).toBe("num");
    expect(failure(() => quotaLevel(50, all, 0.2, -0.01)).kind).toBe("num");
    expect(failure(() => quotaLevel(50, all, 0.7, 0.4)).kind).toBe("num");
    expect(quotaLevel(30, all, 0.7, 0.3)).toBe("后进");
    expect(failure(() => quotaLevel(50, all, NaN)).kind).toBe("value");
  });

  test("fewer than 3 levels: value; an empty cohort: div0", () => {
    expect(failure(() => quotaLevel(50, all, 0.2, 0.05, ["差", "好"])).kind).toBe("value");
    expect(failure(() => quotaLevel(50, [])).kind).toBe("div0");
  });
});

describe("normalizeMethodOf", () => {
  test.each([
    ["minmax", "minmax"],
    ["MinMax", "minmax"],
    ["极差", "minmax"],
    ["zscore", "zscore"],
    [" ZSCORE ", "zscore"],
    ["标准分", "zscore"],
    ["rank", "rank"],
    ["ｒａｎｋ", "rank"],
    ["百分位", "rank"],
  ])("%p → %p", (text, method) => expect(normalizeMethodOf(text)).toBe(method));

  test.each([[""], ["median"], ["constructor"], ["__proto__"], ["z-score"]])("%p is no method", (text) => expect(normalizeMethodOf(text)).toBeNull());
});

describe("normalize", () => {
  test("minmax: the lowest peer 0, the highest 100, outside values clamped", () => {
    expect([50, 60, 75, 90, 30, 120].map((v) => normalize(v, [50, 70, 90]))).toEqual([0, 25, 62.5, 100, 0, 100]);
  });

  test("zscore: a T-score 50 + 10·z with the population standard deviation", () => {
    const peers = [2, 4, 4, 4, 5, 5, 7, 9]; // mean 5, population SD 2
    expect(normalize(9, peers, "zscore")).toBe(70);
    expect(normalize(2, peers, "zscore")).toBe(35);
    expect(normalize(100, peers, "zscore")).toBe(100);
    expect(normalize(-100, peers, "zscore")).toBe(0);
  });

  test("rank: the share of the other peers strictly below", () => {
    const peers = [10, 20, 30, 30, 50];
    expect([10, 20, 30, 50].map((v) => normalize(v, peers, "rank"))).toEqual([0, 25, 50, 100]);
  });

  test("all peers equal (after rounding to 9 decimals) → 50, whatever the method", () => {
    for (const method of ["minmax", "zscore", "rank"] as const) {
      expect(normalize(80, [80, 80, 80], method)).toBe(50);
      expect(normalize(10, [7], method)).toBe(50);
      expect(normalize(80, [80, 80 + 1e-12], method)).toBe(50);
    }
  });

  test("no peers: div0", () => {
    expect(failure(() => normalize(1, [])).kind).toBe("div0");
  });

  test("a cohort too large to spread into Math.min still works", () => {
    const peers = Array.from({ length: 200_000 }, (_, i) => i);
    expect(normalize(100_000, peers)).toBeCloseTo(50, 3);
  });
});
