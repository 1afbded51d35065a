/**
 * The custom functions the way Excel binds them: dist/functions.js is loaded alone into a
 * sandbox with a stand-in CustomFunctions global, and every id of dist/functions.json is
 * called through what the bundle registered. test/functions/ tests each function in depth.
 */
import { gzipSync } from "node:zlib";
import { loadFunctions, readDist, StandInError } from "./dist";
import { thrownBy } from "../support/thrown";

const { registered, metadata, call } = loadFunctions();

const one = (value: unknown) => [[value]];
const column = (...values: unknown[]) => values.map((v) => [v]);


/** How each function is exercised; an id in functions.json without cases fails the test. */
const cases: Record<string, () => void> = {
  UPGRADERATE: () => {
    const start = column("后进", "一般", "一般", "先进");
    const end = column("一般", "先进", "一般", "先进");
    expect(call("UPGRADERATE", start, end, null, null)).toEqual([[2 / 3]]);
    expect(call("UPGRADERATE", start, end, one("后进"), one("后进,一般,先进"))).toEqual([[1]]);
    expect(call("UPGRADERATE", column("先进"), column("先进"), null, null)).toEqual([[new StandInError("#DIV/0!")]]);
  },
  IMPROVERATE: () => {
    expect(call("IMPROVERATE", column(70, 80), column(85, 85), null, null, null)).toEqual([[1 / 2]]);
    expect(call("IMPROVERATE", column(70, 80), column(85, 85), one(5), column("一般", "先进"), one("先进"))).toEqual([[1]]);
  },
  TRANSITIONS: () => {
    expect(call("TRANSITIONS", column("后进", "一般"), column("一般", "一般"), null)).toEqual([
      ["", "后进", "一般", "先进"],
      ["后进", 0, 1, 0],
      ["一般", 0, 1, 0],
      ["先进", 0, 0, 0],
    ]);
  },
  COMBINEDSCORE: () => {
    expect(call("COMBINEDSCORE", one(80), one(90), null, null)).toEqual([[85]]);
    expect(call("COMBINEDSCORE", one(80), one(90), one(0.5), one("双乘数"))).toEqual([[72]]);
  },
  LEVEL: () => {
    expect(call("LEVEL", column(95, 70, 30, 95), column("无", "无", "无", "违纪"), null, null)).toEqual([["先进"], ["一般"], ["后进"], ["后进"]]);
    expect(thrownBy(() => call("LEVEL", one(70), null, one("60,75,90"), null))).toMatchObject({ code: "#VALUE!" });
  },
  QUOTALEVEL: () => {
    const all = column(100, 90, 80, 70, 60, 50, 40, 30, 20, 10);
    expect(call("QUOTALEVEL", column(100, 50, 10), all, one(0.2), one(0.1), null)).toEqual([["先进"], ["一般"], ["后进"]]);
  },
  NORMALIZE: () => {
    expect(call("NORMALIZE", column(50, 70, 90), column(50, 70, 90), null)).toEqual([[0], [50], [100]]);
    expect(call("NORMALIZE", one(80), column(80, 80), one("zscore"))).toEqual([[50]]);
  },
  MEETINGGAP: () => {
    expect(call("MEETINGGAP", one(1), one("党员大会"), null, null)).toEqual([[3]]);
    expect(call("MEETINGGAP", one(0), one("group"), one(6), one(2))).toEqual([[12]]);
  },
  MEETINGGAPS: () => {
    const dates = column(45662, "2025-04-05", 45845, "2025年10月5日");
    const types = column("党员大会", "党员大会", "支委会", "支部党员大会");
    expect(call("MEETINGGAPS", dates, types, one("党员大会"), null, null)).toEqual([["2025年第3季度"]]);
    expect(call("MEETINGGAPS", dates, types, column("支委会", "组织生活会"), one("2025-07-01"), one("2025-08-31"))).toEqual([["2025年8月"], ["2025年"]]);
  },
  DUES: () => {
    expect(call("DUES", column(3000, 3000.01, 6000), null)).toEqual([[15], [30], [90]]);
    expect(call("DUES", column(6000, 6000), column("退休", "学生"))).toEqual([[60], [0.2]]);
    const [[unknown]] = call("DUES", one(6000), one("职员")) as unknown[][];
    expect(unknown).toMatchObject({ code: "#VALUE!", message: "人员类别“职员”无效。请填写 在职、离退休、学生、农民、低保 或 其他" });
  },
  PROBATIONEND: () => {
    // 2025-01-31 + 12 months; 2024-02-29 + 12 months is 2025-02-28, as EDATE counts.
    expect(call("PROBATIONEND", column(45688, "2024-02-29"), null)).toEqual([[46053], [45716]]);
    expect(call("PROBATIONEND", one("2025年3月5日"), column(6, 3))).toEqual([[46270], [new StandInError("#NUM!")]]);
  },
  FUNDRATE: () => {
    // Excel passes a single value to a matrix parameter as [[value]].
    expect(call("FUNDRATE", [[4600]], [[20000]])).toEqual([[0.23]]);
    expect(call("FUNDRATE", 4600, 20000)).toEqual([[0.23]]);
    expect(call("FUNDRATE", [["4600"]], [[" 20000 "]])).toEqual([[0.23]]);
    const [[zero]] = call("FUNDRATE", 1, 0) as unknown[][];
    expect(zero).toBeInstanceOf(StandInError);
    expect(zero).toMatchObject({ code: "#DIV/0!" });
    // A 2×1 range spills 2×1; the single budget applies to both.
    expect(call("FUNDRATE", [[100], [300]], [[1000]])).toEqual([[0.1], [0.3]]);
    expect(call("FUNDRATE", [[100], [300]], [[1000], [600]])).toEqual([[0.1], [0.5]]);
    expect(call("FUNDRATE", [[""]], [[1000]])).toEqual([[""]]);
    expect(call("FUNDRATE", [[100], [null]], [[1000], [""]])).toEqual([[0.1], [""]]);
    const [[text, negative]] = call("FUNDRATE", [["四千", -1]], [[1000, 1000]]) as unknown[][];
    expect(text).toMatchObject({ code: "#VALUE!", message: "经费支出必须是数字" });
    expect(negative).toMatchObject({ code: "#NUM!", message: undefined });
    const thrown = thrownBy(() => call("FUNDRATE", [[1], [2]], [[1], [2], [3]]));
    expect(thrown).toBeInstanceOf(StandInError);
    expect(thrown).toMatchObject({ code: "#VALUE!", message: expect.stringContaining("2×1、3×1") });
  },
  FLAGS: () => {
    const header = [["党支部名称", "正式党员数", "党员大会", "党课", "本年发展党员数", "党建经费预算", "党建经费支出"]];
    const rows = [
      ["第一支部", 5, 4, 4, 1, 1000, 900],
      ["第二支部", 2, 1, 4, 0, 1000, 100],
    ];
    expect(call("FLAGS", rows, header, null)).toEqual([[""], ["缺会；经费未用；未发展党员；党员不足3人"]]);
  },
};

test("the bundle registers exactly the functions of functions.json", () => {
  expect([...registered.keys()].sort()).toEqual(metadata.functions.map((f) => f.id).sort());
  expect(metadata.functions.length).toBeGreaterThan(0);
});

test.each(metadata.functions.map((f) => [f.id, f.parameters.length] as const))("%s takes the %i parameters of its metadata", (id, count) => {
  // Excel passes arguments by position: a function declaring fewer or more would shift them.
  expect(registered.get(id)?.length).toBe(count);
});

test.each(metadata.functions.map((f) => f.id))("%s works as registered", (id) => {
  expect(cases[id]).toBeDefined();
  cases[id]();
});

test("every optional parameter comes after the required ones", () => {
  for (const fn of metadata.functions) {
    const optional = fn.parameters.map((p) => p.optional === true);
    expect([fn.id, optional]).toEqual([fn.id, [...optional].sort((a, b) => Number(a) - Number(b))]);
  }
});

test("the functions bundle does not include React or Fluent UI", () => {
  const code = readDist("functions.js");
  expect(code).not.toMatch(/react\.(transitional\.)?element|__CLIENT_INTERNALS|fluentui|fui-FluentProvider/);
});

test("the functions bundle carries only the engine's and the functions' strings: under 20 kB gzipped, no rule's message", () => {
  const code = readDist("functions.js");
  expect(gzipSync(code).length).toBeLessThan(20 * 1024);
  // Rule messages (a 统计表's, a ledger's) and the pane's strings belong to other bundles.
  for (const text of ["合计行的", "不在统计期间", "报表填报", "一键校验"]) expect([text, code.includes(text)]).toEqual([text, false]);
  // DJ.FLAGS shows flag labels, so those are in.
  expect(code).toContain("经费未用");
});
