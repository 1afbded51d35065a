/** MEETINGGAP and FUNDRATE through the built bundle, as Excel calls them. */
import { column, errorOf, loadFunctions, one, row, shown, single, thrownBy } from "./helpers";

const { call } = loadFunctions();

const MONTHS = [3, 6, 9, 12];

describe("MEETINGGAP", () => {
  const gap = (held: unknown, type: string, months: unknown = null, groups: unknown = null) =>
    single(call("MEETINGGAP", one(held), one(type), months === null ? null : one(months), groups === null ? null : one(groups)));

  /** Meetings required in m months (PRODUCT.md §4), by type, with 2 party groups where it matters. */
  const required: [string, string, (m: number) => number][] = [
    ["党员大会", "general", (m) => Math.ceil(m / 3)],
    ["支委会", "committee", (m) => m],
    ["党小组会", "group", (m) => 2 * m],
    ["党课", "lecture", (m) => Math.ceil(m / 3)],
    ["主题党日", "themeday", (m) => m],
    ["组织生活会", "orglife", (m) => (m === 12 ? 1 : 0)],
    ["民主评议", "review", (m) => (m === 12 ? 1 : 0)],
  ];

  describe.each(required)("%s (%s)", (chinese, english, due) => {
    test.each(MONTHS)("over %i months", (months) => {
      const need = due(months);
      for (const type of [chinese, english]) {
        expect([type, gap(0, type, months, 2)]).toEqual([type, need]);
        expect([type, gap(1, type, months, 2)]).toEqual([type, Math.max(0, need - 1)]);
        expect([type, gap(need, type, months, 2)]).toEqual([type, 0]);
        expect([type, gap(need + 3, type, months, 2)]).toEqual([type, 0]);
      }
    });
  });

  test("defaults: 12 months, 1 party group", () => {
    expect(call("MEETINGGAP", one(1), one("党员大会"))).toEqual([[3]]);
    expect(call("MEETINGGAP", one(1), one("党员大会"), null, null)).toEqual([[3]]);
    expect(call("MEETINGGAP", one(5), one("党小组会"), one(""), one(null))).toEqual([[7]]);
    expect(gap(0, "组织生活会")).toBe(1);
  });

  test("党小组会 scales with the groups; no group, nothing due", () => {
    expect(gap(10, "党小组会", 12, 3)).toBe(26);
    expect(gap(0, "党小组会", 6, 0)).toBe(0);
  });

  test("other names of a type: the column aliases, English in any case, full-width, with a unit", () => {
    expect(gap(0, "支部党员大会", 6)).toBe(2);
    expect(gap(0, "支部委员会", 6)).toBe(6);
    expect(gap(0, "民主评议党员")).toBe(1);
    expect(gap(0, "General", 6)).toBe(2);
    expect(gap(0, "ｌｅｃｔｕｒｅ", 6)).toBe(2);
    expect(gap(0, "党课（次）", 6)).toBe(2);
  });

  test("an unknown type: #VALUE! listing the types", () => {
    const error = errorOf(() => call("MEETINGGAP", one(1), one("座谈会"), null, null));
    expect(error.code).toBe("#VALUE!");
    expect(error.message).toContain("座谈会");
    expect(error.message).toContain("党员大会");
    expect(errorOf(() => call("MEETINGGAP", one(1), one(3), null, null)).code).toBe("#VALUE!");
  });

  test("months outside 1–12 or fractional, negative meetings or groups: #NUM!", () => {
    expect(shown(call("MEETINGGAP", one(1), one("党课"), row(0, 13, 6.5, 12), null))).toEqual([["#NUM!", "#NUM!", "#NUM!", 3]]);
    expect(errorOf(() => call("MEETINGGAP", one(-1), one("党课"), null, null)).code).toBe("#NUM!");
    expect(errorOf(() => call("MEETINGGAP", one(1), one("党小组会"), null, one(-2))).code).toBe("#NUM!");
    expect(errorOf(() => call("MEETINGGAP", one(1), one("党小组会"), null, one(1.5))).code).toBe("#NUM!");
  });

  test("text where a number belongs: #VALUE! naming it; numbers as text are read", () => {
    expect(errorOf(() => call("MEETINGGAP", one("两次"), one("党课"), null, null))).toMatchObject({ code: "#VALUE!", message: "开会次数必须是数字" });
    expect(errorOf(() => call("MEETINGGAP", one(1), one("党课"), one("半年"), null))).toMatchObject({ code: "#VALUE!", message: "月数必须是数字" });
    expect(errorOf(() => call("MEETINGGAP", one(1), one("党小组会"), null, one("两个")))).toMatchObject({ code: "#VALUE!", message: "党小组数必须是数字" });
    expect(call("MEETINGGAP", one("１"), one("党课"), one("6"), null)).toEqual([[1]]);
  });

  test("element-wise over a sheet's columns: held and type ranges of the same shape spill", () => {
    const held = [
      [4, 10, 1],
      [2, 12, 0],
    ];
    // Only a 1×1 broadcasts (PRODUCT.md §6): a row of types against a 2×3 block is a shape mismatch.
    expect(thrownBy(() => call("MEETINGGAP", held, row("党员大会", "支委会", "党课"), null, null))).toMatchObject({
      code: "#VALUE!",
      message: expect.stringContaining("2×3、1×3"),
    });
    expect(call("MEETINGGAP", held, [["党员大会", "支委会", "党课"], ["党员大会", "支委会", "党课"]], null, null)).toEqual([
      [0, 2, 3],
      [2, 0, 4],
    ]);
    expect(call("MEETINGGAP", column(1, 2), one("党员大会"), column(6, 12), null)).toEqual([[1], [2]]);
  });

  test("blank held or type gives \"\"", () => {
    expect(call("MEETINGGAP", column(1, "", null), one("党课"), null, null)).toEqual([[3], [""], [""]]);
    expect(call("MEETINGGAP", one(1), column("党课", ""), null, null)).toEqual([[3], [""]]);
  });

  test("ranges of different shapes: #VALUE!", () => {
    expect(thrownBy(() => call("MEETINGGAP", column(1, 2), column("党课", "党课", "党课"), null, null)).code).toBe("#VALUE!");
  });
});

describe("FUNDRATE", () => {
  test("spent ÷ budget, element-wise", () => {
    expect(call("FUNDRATE", one(4600), one(20000))).toEqual([[0.23]]);
    expect(call("FUNDRATE", row(0, 5000, 30000), one(20000))).toEqual([[0, 0.25, 1.5]]);
  });

  test("a zero budget: #DIV/0!; negative amounts: #NUM!; text: #VALUE!", () => {
    expect(shown(call("FUNDRATE", row(1, -1, "一千"), row(0, 100, 100)))).toEqual([["#DIV/0!", "#NUM!", "#VALUE!"]]);
    expect(errorOf(() => call("FUNDRATE", one(1), one("预算"))).message).toBe("经费预算必须是数字");
  });

  test("blank gives \"\"; an empty range is one blank", () => {
    expect(call("FUNDRATE", column("", 10), column(100, null))).toEqual([[""], [""]]);
    expect(call("FUNDRATE", [], one(100))).toEqual([[""]]);
  });
});
