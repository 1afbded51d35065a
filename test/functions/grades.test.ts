/** COMBINEDSCORE, LEVEL, QUOTALEVEL and NORMALIZE through the built bundle, as Excel calls them. */
import { column, errorOf, loadFunctions, one, row, shown, single, thrownBy } from "./helpers";

const { call } = loadFunctions();

describe("COMBINEDSCORE", () => {
  test("weighted by default, 党建 weight 0.5", () => {
    expect(call("COMBINEDSCORE", one(80), one(90), null, null)).toEqual([[85]]);
    expect(call("COMBINEDSCORE", one(80), one(90))).toEqual([[85]]);
    expect(call("COMBINEDSCORE", one(80), one(90), one(""), one(null))).toEqual([[85]]);
  });

  test("another weight", () => {
    expect(single(call("COMBINEDSCORE", one(80), one(90), one(0.6), null))).toBeCloseTo(84, 12);
    expect(call("COMBINEDSCORE", one(80), one(90), one(0), null)).toEqual([[90]]);
    expect(call("COMBINEDSCORE", one(80), one(90), one(1), null)).toEqual([[80]]);
    expect(call("COMBINEDSCORE", one(80), one(90), one("0.5"), null)).toEqual([[85]]);
  });

  test("双乘数: party / 100 × business, in English or Chinese", () => {
    for (const method of ["multiplier", "Multiplier", "双乘数", " 双乘数 "]) {
      expect([method, call("COMBINEDSCORE", one(80), one(90), null, one(method))]).toEqual([method, [[72]]]);
    }
    for (const method of ["weighted", "加权", "WEIGHTED"]) {
      expect([method, call("COMBINEDSCORE", one(80), one(90), null, one(method))]).toEqual([method, [[85]]]);
    }
  });

  test("an unknown method: #VALUE! with a Chinese message", () => {
    const error = errorOf(() => call("COMBINEDSCORE", one(80), one(90), null, one("average")));
    expect(error).toMatchObject({ code: "#VALUE!", message: expect.stringContaining("average") });
    expect(error.message).toContain("双乘数");
  });

  test("scores outside 0–100 and weights outside 0–1: #NUM!", () => {
    expect(shown(call("COMBINEDSCORE", row(101, -1, 100, 0), one(50), null, null))).toEqual([["#NUM!", "#NUM!", 75, 25]]);
    expect(shown(call("COMBINEDSCORE", one(50), row(100.5, 0), null, null))).toEqual([["#NUM!", 25]]);
    expect(shown(call("COMBINEDSCORE", one(50), one(50), row(1.2, -0.1), null))).toEqual([["#NUM!", "#NUM!"]]);
  });

  test("text where a score belongs: #VALUE! naming it; numbers as text are read", () => {
    expect(errorOf(() => call("COMBINEDSCORE", one("八十"), one(90), null, null))).toMatchObject({ code: "#VALUE!", message: "党建得分必须是数字" });
    expect(errorOf(() => call("COMBINEDSCORE", one(80), one(true), null, null))).toMatchObject({ code: "#VALUE!", message: "业务得分必须是数字" });
    expect(call("COMBINEDSCORE", one("８０"), one(" 90 "), null, null)).toEqual([[85]]);
  });

  test("element-wise: ranges spill, single values broadcast, blanks give \"\"", () => {
    expect(call("COMBINEDSCORE", column(80, 60, "", null), column(90, 70, 50, 50), null, null)).toEqual([[85], [65], [""], [""]]);
    expect(call("COMBINEDSCORE", column(80, 60), one(100), column(0.5, 1), column("weighted", "multiplier"))).toEqual([[90], [60]]);
    expect(call("COMBINEDSCORE", [[80, 60], [40, 20]], one(100), null, null)).toEqual([[90, 80], [70, 60]]);
  });

  test("ranges of different shapes: #VALUE!", () => {
    expect(thrownBy(() => call("COMBINEDSCORE", column(1, 2), row(1, 2), null, null))).toMatchObject({ code: "#VALUE!", message: expect.stringContaining("2×1、1×2") });
    expect(thrownBy(() => call("COMBINEDSCORE", column(1, 2), column(1, 2), column(0.5, 0.5, 0.5), null)).code).toBe("#VALUE!");
  });

  test("an empty range is one blank cell", () => {
    expect(call("COMBINEDSCORE", [], one(50), null, null)).toEqual([[""]]);
  });
});

describe("LEVEL", () => {
  const level = (score: unknown, veto: unknown = null, thresholds: unknown = null, levels: unknown = null) =>
    single(call("LEVEL", one(score), veto === null ? null : one(veto), thresholds, levels));

  test("default scheme 后进/一般/先进 with thresholds 60 and 90", () => {
    expect([0, 59.5, 60, 75, 89.99, 90, 100].map((s) => level(s))).toEqual(["后进", "后进", "一般", "一般", "一般", "先进", "先进"]);
    expect(call("LEVEL", one(95))).toEqual([["先进"]]);
  });

  test("the score is rounded to 6 decimals before comparing: on the boundary", () => {
    expect(level(89.9999995)).toBe("先进");
    expect(level(89.9999994)).toBe("一般");
    expect(level(59.9999995)).toBe("一般");
    expect(level(59.9999994999)).toBe("后进");
    expect(level(90.0000004)).toBe("先进");
  });

  test("a veto forces the lowest level; 无, 否, /, —, 0, FALSE and blank are no veto", () => {
    for (const veto of ["违反中央八项规定精神", "有", "是", "1", true, 1]) {
      expect([veto, level(95, veto)]).toEqual([veto, "后进"]);
    }
    for (const veto of ["无", "否", "/", "—", "0", "FALSE", "false", false, 0, "", "  "]) {
      expect([veto, level(95, veto)]).toEqual([veto, "先进"]);
    }
  });

  test("veto is element-wise", () => {
    expect(call("LEVEL", column(95, 95, 70), column("无", "违纪", "无"), null, null)).toEqual([["先进"], ["后进"], ["一般"]]);
    expect(call("LEVEL", column(95, 95), one("违纪"), null, null)).toEqual([["后进"], ["后进"]]);
  });

  test("the 4-level scheme", () => {
    const levels = one("较差,一般,较好,好");
    expect([50, 60, 74.9, 75, 90].map((s) => level(s, null, one("60,75,90"), levels))).toEqual(["较差", "一般", "一般", "较好", "好"]);
    expect(level(95, "违纪", one("60,75,90"), levels)).toBe("较差");
  });

  test("the star scheme, thresholds and levels given as ranges", () => {
    const thresholds = row(60, 70, 80, 90);
    const stars = column("一星", "二星", "三星", "四星", "五星");
    expect(call("LEVEL", row(59, 60, 79.9999996, 85, 100), null, thresholds, stars)).toEqual([["一星", "二星", "四星", "四星", "五星"]]);
  });

  test("thresholds as text with full-width digits and commas", () => {
    expect(level(70, null, one("６０，８０"))).toBe("一般");
    expect(level(80, null, one("60、80"))).toBe("先进");
  });

  test("#VALUE! unless there is one threshold fewer than levels", () => {
    const error = thrownBy(() => call("LEVEL", one(70), null, one("60,75,90"), null));
    expect(error.code).toBe("#VALUE!");
    expect(error.message).toContain("分数线应比等次少 1 个");
    expect(thrownBy(() => call("LEVEL", one(70), null, one("60"), null)).code).toBe("#VALUE!");
    expect(thrownBy(() => call("LEVEL", one(70), null, null, one("较差,一般,较好,好"))).code).toBe("#VALUE!");
  });

  test("thresholds that are not rising numbers, and levels that repeat: #VALUE!", () => {
    expect(thrownBy(() => call("LEVEL", one(70), null, one("90,60"), null)).code).toBe("#VALUE!");
    expect(thrownBy(() => call("LEVEL", one(70), null, one("60,60"), null)).code).toBe("#VALUE!");
    expect(thrownBy(() => call("LEVEL", one(70), null, one("六十,90"), null))).toMatchObject({ code: "#VALUE!", message: expect.stringContaining("六十") });
    expect(thrownBy(() => call("LEVEL", one(70), null, null, one("差,差,好"))).code).toBe("#VALUE!");
  });

  test("blank scores give \"\"; text scores #VALUE!; the rest of the range still computes", () => {
    expect(shown(call("LEVEL", column(95, "", null, "九十", "61"), null, null, null))).toEqual([["先进"], [""], [""], ["#VALUE!"], ["一般"]]);
  });

  test("ranges of different shapes: #VALUE!", () => {
    expect(thrownBy(() => call("LEVEL", column(95, 70), row("无", "无"), null, null)).code).toBe("#VALUE!");
  });
});

describe("QUOTALEVEL", () => {
  const scores = Array.from({ length: 20 }, (_, i) => 100 - i * 5); // 100, 95, … 5
  const all = column(...scores);

  test("top 20% 先进, bottom 5% 后进, the rest 一般", () => {
    const result = call("QUOTALEVEL", column(...scores), all, null, null, null) as string[][];
    expect(result.map(([l]) => l)).toEqual([...Array(4).fill("先进"), ...Array(15).fill("一般"), "后进"]);
  });

  test("ties at the boundary are all included", () => {
    // top round(0.2 × 10) = 2, but three share the second place; bottom round(0.1 × 10) = 1, two share it.
    const tied = column(100, 90, 90, 80, 70, 60, 50, 40, 30, 30);
    const result = call("QUOTALEVEL", tied, tied, one(0.2), one(0.1), null) as string[][];
    expect(result.map(([l]) => l)).toEqual(["先进", "先进", "先进", "一般", "一般", "一般", "一般", "一般", "后进", "后进"]);
  });

  test("scores equal after rounding to 6 decimals are ties", () => {
    const cohort = column(100, 90, 89.9999999, 10, 20, 30, 40, 50, 60, 70);
    expect(single(call("QUOTALEVEL", one(89.9999999), cohort, one(0.2), one(0), null))).toBe("先进");
    expect(single(call("QUOTALEVEL", one(89.999), cohort, one(0.2), one(0), null))).toBe("一般");
  });

  test("shares are element-wise; blank shares are the defaults", () => {
    expect(call("QUOTALEVEL", one(80), all, column(0.2, 0.5, ""), null, null)).toEqual([["一般"], ["先进"], ["一般"]]);
    expect(call("QUOTALEVEL", one(15), all, null, column(0.05, 0.2), null)).toEqual([["一般"], ["后进"]]);
  });

  test("the 4-level scheme: the middle levels split the rest by rank", () => {
    const cohort = column(100, 90, 80, 70, 60, 50, 40, 30, 20, 10);
    const result = call("QUOTALEVEL", cohort, cohort, one(0.2), one(0.1), one("较差,一般,较好,好")) as string[][];
    expect(result.map(([l]) => l)).toEqual(["好", "好", "较好", "较好", "较好", "较好", "一般", "一般", "一般", "较差"]);
  });

  test("the star scheme", () => {
    const cohort = column(100, 90, 80, 70, 60, 50, 40, 30, 20, 10);
    const result = call("QUOTALEVEL", cohort, cohort, one(0.1), one(0.1), row("一星", "二星", "三星", "四星", "五星")) as string[][];
    expect(result.map(([l]) => l)).toEqual(["五星", "四星", "四星", "四星", "三星", "三星", "三星", "二星", "二星", "一星"]);
  });

  test("blank members of the cohort are left out", () => {
    const cohort = column(100, "", 90, null, 80, 70, 60);
    // n = 5: top round(1) = 1, bottom round(0.25) = 0.
    expect(call("QUOTALEVEL", column(100, 90, 60), cohort, null, null, null)).toEqual([["先进"], ["一般"], ["一般"]]);
  });

  test("shares outside 0–1, or adding up to more than 1: #NUM!", () => {
    expect(errorOf(() => call("QUOTALEVEL", one(50), all, one(1.2), null, null)).code).toBe("#NUM!");
    expect(errorOf(() => call("QUOTALEVEL", one(50), all, null, one(-0.1), null)).code).toBe("#NUM!");
    expect(errorOf(() => call("QUOTALEVEL", one(50), all, one(0.6), one(0.5), null)).code).toBe("#NUM!");
  });

  test("fewer than 3 levels, text in the cohort, a text score: #VALUE!", () => {
    expect(errorOf(() => call("QUOTALEVEL", one(50), all, null, null, one("差,好"))).code).toBe("#VALUE!");
    expect(thrownBy(() => call("QUOTALEVEL", one(50), column(50, "缺考"), null, null, null))).toMatchObject({
      code: "#VALUE!",
      message: expect.stringContaining("缺考"),
    });
    expect(errorOf(() => call("QUOTALEVEL", one("五十"), all, null, null, null)).code).toBe("#VALUE!");
  });

  test("an empty or all-blank cohort: #DIV/0!", () => {
    expect(errorOf(() => call("QUOTALEVEL", one(50), [], null, null, null)).code).toBe("#DIV/0!");
    expect(errorOf(() => call("QUOTALEVEL", one(50), column("", null), null, null, null)).code).toBe("#DIV/0!");
  });

  test("a blank score gives \"\"", () => {
    expect(call("QUOTALEVEL", column("", 100), all, null, null, null)).toEqual([[""], ["先进"]]);
  });
});

describe("NORMALIZE", () => {
  const peers = column(50, 60, 70, 80, 90);

  test("minmax by default: min 0, max 100, values beyond clamped", () => {
    expect(call("NORMALIZE", column(50, 70, 90, 100, 40), peers, null)).toEqual([[0], [50], [100], [100], [0]]);
    expect(call("NORMALIZE", one(70), peers)).toEqual([[50]]);
    expect(call("NORMALIZE", one(70), peers, one("minmax"))).toEqual([[50]]);
  });

  test("all peers equal → 50, whatever the method", () => {
    for (const method of [null, one("minmax"), one("zscore"), one("rank")]) {
      expect(call("NORMALIZE", column(80, 100), column(80, 80, 80), method)).toEqual([[50], [50]]);
    }
    expect(call("NORMALIZE", one(80), one(80), one("rank"))).toEqual([[50]]);
  });

  test("zscore is a T-score with the population standard deviation", () => {
    // mean 5, population SD 2 (the sample SD would be 2.138…).
    const values = column(2, 4, 4, 4, 5, 5, 7, 9);
    const result = call("NORMALIZE", column(9, 5, 2, 4), values, one("zscore")) as number[][];
    expect(result.map(([v]) => Math.round(v * 1e9) / 1e9)).toEqual([70, 50, 35, 45]);
  });

  test("zscore is clamped to 0–100", () => {
    expect(call("NORMALIZE", row(1000, -1000), column(1, 2, 3), one("zscore"))).toEqual([[100, 0]]);
  });

  test("rank is the percentile: the share of the other peers below", () => {
    const values = column(10, 20, 30, 40, 50);
    expect(call("NORMALIZE", column(10, 30, 50), values, one("rank"))).toEqual([[0], [50], [100]]);
    expect(call("NORMALIZE", one(30), column(10, 30, 30, 50, 70), one("rank"))).toEqual([[25]]);
  });

  test("Chinese method names: 极差, 标准分, 百分位", () => {
    expect(call("NORMALIZE", one(70), peers, one("极差"))).toEqual([[50]]);
    expect(call("NORMALIZE", one(5), column(2, 4, 4, 4, 5, 5, 7, 9), one("标准分"))).toEqual([[50]]);
    expect(call("NORMALIZE", one(30), column(10, 20, 30, 40, 50), one("百分位"))).toEqual([[50]]);
    expect(call("NORMALIZE", one(70), peers, column("minmax", "ZScore", "rank"))).toEqual([[50], [50], [50]]);
  });

  test("an unknown method: #VALUE! naming it", () => {
    expect(errorOf(() => call("NORMALIZE", one(70), peers, one("median")))).toMatchObject({ code: "#VALUE!", message: expect.stringContaining("median") });
  });

  test("blank peers are left out; blank values give \"\"", () => {
    expect(call("NORMALIZE", column(70, ""), column(50, "", null, 90), null)).toEqual([[50], [""]]);
  });

  test("no peers: #DIV/0!; text among the peers: #VALUE!", () => {
    expect(errorOf(() => call("NORMALIZE", one(70), [], null)).code).toBe("#DIV/0!");
    expect(errorOf(() => call("NORMALIZE", one(70), column(null, ""), null)).code).toBe("#DIV/0!");
    expect(thrownBy(() => call("NORMALIZE", one(70), column(50, "优"), null)).code).toBe("#VALUE!");
    expect(errorOf(() => call("NORMALIZE", one("七十"), peers, null)).code).toBe("#VALUE!");
  });
});
