/** UPGRADERATE, IMPROVERATE and TRANSITIONS through the built bundle, as Excel calls them. */
import { column, errorOf, loadFunctions, one, row, seedCounty, shown, single, thrownBy } from "./helpers";

const { call } = loadFunctions();

describe("UPGRADERATE", () => {
  // 后进→一般 up, 一般→先进 up, 一般→一般, 一般→后进 down, 先进→先进.
  const start = column("后进", "一般", "一般", "一般", "先进");
  const end = column("一般", "先进", "一般", "后进", "先进");

  test("without a class: over the branches that did not start at the top", () => {
    expect(call("UPGRADERATE", start, end, null, null)).toEqual([[2 / 4]]);
    // Arguments left off entirely behave as omitted ones.
    expect(call("UPGRADERATE", start, end)).toEqual([[2 / 4]]);
  });

  test("by class: over the branches that started in it", () => {
    expect(single(call("UPGRADERATE", start, end, one("一般"), null))).toBeCloseTo(1 / 3, 12);
    expect(call("UPGRADERATE", start, end, one("后进"), null)).toEqual([[1]]);
    expect(call("UPGRADERATE", start, end, one("先进"), null)).toEqual([[0]]);
  });

  test("fromLevel is element-wise: a range of classes spills one rate each", () => {
    const result = call("UPGRADERATE", start, end, column("后进", "一般", "先进"), null) as number[][];
    expect(result).toHaveLength(3);
    expect(result.map(([r]) => Math.round(r * 1e9) / 1e9)).toEqual([1, 0.333333333, 0]);
    expect(shown(call("UPGRADERATE", start, end, row("后进", "优秀"), null))).toEqual([[1, "#VALUE!"]]);
  });

  test("a blank fromLevel (an empty cell) means no class, like an omitted one", () => {
    expect(call("UPGRADERATE", start, end, one(""), null)).toEqual([[0.5]]);
    expect(call("UPGRADERATE", start, end, one(null), null)).toEqual([[0.5]]);
  });

  test("pairs with a blank side, \"\" or null, are left out", () => {
    const s = column("后进", "", "一般", null, "一般", "  ");
    const e = column("一般", "先进", null, "先进", "一般", "先进");
    expect(call("UPGRADERATE", s, e, null, null)).toEqual([[1 / 2]]);
  });

  test("the cohort is read whole, whatever its shape, row by row", () => {
    const s = [["后进", "一般"], ["一般", "先进"]];
    const e = [["一般", "先进"], ["一般", "先进"]];
    expect(single(call("UPGRADERATE", s, e, null, null))).toBeCloseTo(2 / 3, 12);
  });

  test("every branch starting at the top leaves no denominator: #DIV/0!", () => {
    expect(errorOf(() => call("UPGRADERATE", column("先进", "先进"), column("先进", "一般"), null, null)).code).toBe("#DIV/0!");
    expect(errorOf(() => call("UPGRADERATE", column("好", "好"), column("好", "较好"), null, null)).code).toBe("#DIV/0!");
  });

  test("empty and all-blank ranges: #DIV/0!", () => {
    expect(errorOf(() => call("UPGRADERATE", [], [], null, null)).code).toBe("#DIV/0!");
    expect(errorOf(() => call("UPGRADERATE", column("", null), column(null, ""), null, null)).code).toBe("#DIV/0!");
  });

  test("ranges of different shapes: #VALUE! naming both shapes", () => {
    const error = thrownBy(() => call("UPGRADERATE", column("后进", "一般"), row("一般", "先进"), null, null));
    expect(error).toMatchObject({ code: "#VALUE!", message: expect.stringContaining("2×1、1×2") });
    expect(thrownBy(() => call("UPGRADERATE", column("后进", "一般"), column("一般"), null, null)).code).toBe("#VALUE!");
  });

  test("an unknown level: #VALUE! with a Chinese message naming it", () => {
    const error = errorOf(() => call("UPGRADERATE", column("后进", "优秀"), column("一般", "一般"), null, null));
    expect(error.code).toBe("#VALUE!");
    expect(error.message).toContain("优秀");
    expect(error.message).toMatch(/未知的等次/);
  });

  test("levels of two schemes at once are an unknown level", () => {
    expect(errorOf(() => call("UPGRADERATE", column("后进", "较好"), column("一般", "好"), null, null)).code).toBe("#VALUE!");
  });

  test("the 4-level scheme 较差/一般/较好/好", () => {
    const s = column("较差", "一般", "较好", "好", "一般");
    const e = column("一般", "较好", "较好", "好", "较差");
    expect(call("UPGRADERATE", s, e, null, null)).toEqual([[2 / 4]]);
    expect(call("UPGRADERATE", s, e, one("一般"), null)).toEqual([[1 / 2]]);
    // The class counts when choosing the scheme: 一般 with 较好 is the 4-level one, where no branch started at 较好.
    expect(errorOf(() => call("UPGRADERATE", column("一般"), column("一般"), one("较好"), null)).code).toBe("#DIV/0!");
  });

  test("the star scheme 一星 … 五星", () => {
    const s = column("一星", "二星", "三星", "四星", "五星", "三星");
    const e = column("三星", "二星", "四星", "五星", "五星", "二星");
    expect(call("UPGRADERATE", s, e, null, null)).toEqual([[3 / 5]]);
    expect(call("UPGRADERATE", s, e, one("三星"), null)).toEqual([[1 / 2]]);
  });

  test("levels given as text or as a range, low → high; full-width commas and spaces are fine", () => {
    const s = column("中", "差", "好");
    const e = column("好", "中", "好");
    expect(call("UPGRADERATE", s, e, null, one("差,中,好"))).toEqual([[1]]);
    expect(call("UPGRADERATE", s, e, null, one("差，中，好"))).toEqual([[1]]);
    expect(call("UPGRADERATE", s, e, null, row("差", "中", "好"))).toEqual([[1]]);
    expect(call("UPGRADERATE", s, e, null, column("差", "", "中", "好"))).toEqual([[1]]);
    // Without the scheme 中 is unknown.
    expect(errorOf(() => call("UPGRADERATE", s, e, null, null)).code).toBe("#VALUE!");
    // A level outside the given scheme, and a scheme with a repeated level.
    expect(errorOf(() => call("UPGRADERATE", s, e, null, one("差,好"))).message).toContain("中");
    expect(errorOf(() => call("UPGRADERATE", s, e, null, one("差,中,中,好"))).code).toBe("#VALUE!");
    // The given scheme wins over the built-in ones: 后进 ranks above 先进 here.
    expect(call("UPGRADERATE", column("先进"), column("后进"), null, one("先进,一般,后进"))).toEqual([[1]]);
  });

  test("levels are compared after removing whitespace and full-width forms", () => {
    expect(call("UPGRADERATE", column(" 一 般 "), column("先进\u3000"), null, null)).toEqual([[1]]);
  });

  test("the county report of the seeds: 一般 25.3%, 后进 93.3%", () => {
    const rows = seedCounty();
    const s = rows.map(([x]) => [x]);
    const e = rows.map(([, x]) => [x]);
    const rates = call("UPGRADERATE", s, e, column("一般", "后进"), null) as number[][];
    expect(rates.map(([r]) => Math.round(r * 1000) / 10)).toEqual([25.3, 93.3]);
  });
});

describe("IMPROVERATE", () => {
  const before = column(80, 70, 60, 50, 60.1);
  const after = column(90, 79.9, 75, null, 70.1);

  test("the share whose score rose by at least 10 (default), blank pairs left out", () => {
    // 80→90 (+10), 70→79.9 (+9.9), 60→75 (+15), 60.1→70.1 (+9.999999999999993, +10 rounded).
    expect(call("IMPROVERATE", before, after, null, null, null)).toEqual([[3 / 4]]);
    expect(call("IMPROVERATE", before, after)).toEqual([[3 / 4]]);
    expect(call("IMPROVERATE", before, after, one(""), null, null)).toEqual([[3 / 4]]);
  });

  test("the threshold is element-wise", () => {
    expect(call("IMPROVERATE", before, after, column(5, 10, 12, 20), null, null)).toEqual([[1], [3 / 4], [1 / 4], [0]]);
    expect(shown(call("IMPROVERATE", before, after, row(10, "十分"), null, null))).toEqual([[3 / 4, "#VALUE!"]]);
  });

  test("the rise is rounded to 6 decimals before comparing with the threshold", () => {
    expect(call("IMPROVERATE", column(60), column(69.9999995), null, null, null)).toEqual([[1]]);
    expect(call("IMPROVERATE", column(60), column(69.9999994), null, null, null)).toEqual([[0]]);
  });

  test("within one starting class", () => {
    const levels = column("一般", "一般", "后进", "一般", "先进");
    expect(call("IMPROVERATE", before, after, null, levels, one("一般"))).toEqual([[1 / 2]]);
    expect(call("IMPROVERATE", before, after, one(10), levels, column("一般", "后进", "先进"))).toEqual([[1 / 2], [1], [1]]);
    // startLevels alone does not narrow the cohort; its levels must still be known.
    expect(call("IMPROVERATE", before, after, null, levels, null)).toEqual([[3 / 4]]);
    expect(errorOf(() => call("IMPROVERATE", before, after, null, column("一般", "优秀", "", "", ""), null)).code).toBe("#VALUE!");
  });

  test("a class in the 4-level and the star schemes", () => {
    expect(call("IMPROVERATE", column(60, 70), column(75, 72), null, column("较好", "一般"), one("较好"))).toEqual([[1]]);
    expect(call("IMPROVERATE", column(60, 70), column(75, 72), null, column("二星", "四星"), one("四星"))).toEqual([[0]]);
  });

  test("a class without starting levels: #VALUE!", () => {
    expect(errorOf(() => call("IMPROVERATE", before, after, null, null, one("一般"))).code).toBe("#VALUE!");
  });

  test("scores given as text numbers count; other text is #VALUE! naming the range", () => {
    expect(call("IMPROVERATE", column("80", "６０"), column(" 95 ", 65), null, null, null)).toEqual([[1 / 2]]);
    const error = errorOf(() => call("IMPROVERATE", column(80, "八十"), column(95, 65), null, null, null));
    expect(error.code).toBe("#VALUE!");
    expect(error.message).toBe("起始得分中的“八十”不是数字");
  });

  test("ranges of different shapes: #VALUE!", () => {
    expect(thrownBy(() => call("IMPROVERATE", column(1, 2), row(1, 2), null, null, null)).code).toBe("#VALUE!");
    expect(thrownBy(() => call("IMPROVERATE", column(1, 2), column(1, 2), null, column("一般"), one("一般"))).code).toBe("#VALUE!");
  });

  test("nothing to count: #DIV/0!", () => {
    expect(errorOf(() => call("IMPROVERATE", [], [], null, null, null)).code).toBe("#DIV/0!");
    expect(errorOf(() => call("IMPROVERATE", column(1, null), column(null, 2), null, null, null)).code).toBe("#DIV/0!");
    expect(errorOf(() => call("IMPROVERATE", before, after, null, column("一般", "一般", "一般", "一般", "一般"), one("后进"))).code).toBe("#DIV/0!");
  });
});

describe("TRANSITIONS", () => {
  test("a spilled table: \"\" then the levels across, the levels down; rows start, columns end", () => {
    const start = column("后进", "一般", "一般", "一般", "先进");
    const end = column("一般", "先进", "一般", "后进", "先进");
    expect(call("TRANSITIONS", start, end, null)).toEqual([
      ["", "后进", "一般", "先进"],
      ["后进", 0, 1, 0],
      ["一般", 1, 1, 1],
      ["先进", 0, 0, 1],
    ]);
  });

  test("pairs with a blank side are left out", () => {
    expect(call("TRANSITIONS", column("一般", "", "一般"), column("先进", "先进", null), null)).toEqual([
      ["", "后进", "一般", "先进"],
      ["后进", 0, 0, 0],
      ["一般", 0, 0, 1],
      ["先进", 0, 0, 0],
    ]);
  });

  test("all blank: the default scheme with zero counts", () => {
    expect(call("TRANSITIONS", column("", null), column(null, ""), null)).toEqual([
      ["", "后进", "一般", "先进"],
      ["后进", 0, 0, 0],
      ["一般", 0, 0, 0],
      ["先进", 0, 0, 0],
    ]);
  });

  test("the 4-level and the star schemes, chosen from the values", () => {
    const four = call("TRANSITIONS", column("较差", "好"), column("较好", "好"), null) as unknown[][];
    expect(four[0]).toEqual(["", "较差", "一般", "较好", "好"]);
    expect(four[1]).toEqual(["较差", 0, 0, 1, 0]);
    expect(four[4]).toEqual(["好", 0, 0, 0, 1]);
    const stars = call("TRANSITIONS", column("一星", "三星"), column("二星", "五星"), null) as unknown[][];
    expect(stars.map((r) => r[0])).toEqual(["", "一星", "二星", "三星", "四星", "五星"]);
    expect(stars[1]).toEqual(["一星", 0, 1, 0, 0, 0]);
    expect(stars[3]).toEqual(["三星", 0, 0, 0, 0, 1]);
  });

  test("a given scheme: its levels in its order, used or not", () => {
    expect(call("TRANSITIONS", column("中"), column("好"), one("差,中,好"))).toEqual([
      ["", "差", "中", "好"],
      ["差", 0, 0, 0],
      ["中", 0, 0, 1],
      ["好", 0, 0, 0],
    ]);
  });

  test("an unknown level or ranges of different shapes: #VALUE! for the whole table", () => {
    expect(thrownBy(() => call("TRANSITIONS", column("一般"), column("优秀"), null))).toMatchObject({ code: "#VALUE!", message: expect.stringContaining("优秀") });
    expect(thrownBy(() => call("TRANSITIONS", column("一般", "一般"), column("一般"), null)).code).toBe("#VALUE!");
  });
});
