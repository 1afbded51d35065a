/** src/engine/settings.ts: the combination method as offices write it, shared by the 参数 sheet and COMBINEDSCORE. */
import { combineMethodOf } from "../../src/engine";
import { settingsFromPairs } from "../../src/engine/settingsInput";

describe("combineMethodOf", () => {
  test.each([
    ["weighted", "weighted"],
    [" Weighted ", "weighted"],
    ["加权", "weighted"],
    ["multiplier", "multiplier"],
    ["MULTIPLIER", "multiplier"],
    ["双 乘 数", "multiplier"],
  ])("%p → %p", (text, method) => expect(combineMethodOf(text)).toBe(method));

  test.each([[""], ["average"], ["乘数"]])("%p is no method", (text) => expect(combineMethodOf(text)).toBeNull());

  test("the 参数 sheet reads the method the same way", () => {
    expect(settingsFromPairs([["综合得分方法", "双乘数"]], "zh-CN").settings).toEqual({ method: "multiplier" });
    expect(settingsFromPairs([["method", "average"]], "zh-CN").problems).toHaveLength(1);
  });
});
