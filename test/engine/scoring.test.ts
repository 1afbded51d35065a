import { fundRate, ScoreError } from "../../src/engine/scoring";

describe("fundRate", () => {
  it("divides spent by budget", () => expect(fundRate(4600, 20000)).toBeCloseTo(0.23, 12));
  it("refuses a zero budget as a division by zero", () => {
    expect(() => fundRate(1, 0)).toThrow(ScoreError);
    try {
      fundRate(1, 0);
    } catch (e) {
      expect((e as ScoreError).kind).toBe("div0");
    }
  });
  it("refuses negative amounts as out of range", () => expect(() => fundRate(-1, 5)).toThrow("不能为负数"));
});
