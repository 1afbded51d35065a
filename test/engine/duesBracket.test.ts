/** The 党费 bracket (LEDGERS.md §3): each upper bound in the lower bracket, the whole base at one rate. */
import fc from "fast-check";
import { bracketDue, matchesBracket, roundDues, type DuesCategory } from "../../src/engine/dues";

const due = (base: number, category: DuesCategory = "在职") => bracketDue(base, category, 0.01).amount;

describe("bracketDue", () => {
  test("在职 (and 其他): each bound in the lower bracket, the base just above it at the next rate", () => {
    expect([due(3000), due(3000.01), due(5000), due(5000.01), due(10000), due(10000.01)]).toEqual([15, 30, 50, 75, 150, 200]);
    expect(due(12000, "其他")).toBe(240);
  });

  test("离退休: 0.5% up to 5000, 1% above; 学生 and 低保 0.20; 农民 0.20 to 1.00", () => {
    expect([due(3000, "离退休"), due(5000, "离退休"), due(5000.01, "离退休"), due(10000.01, "离退休")]).toEqual([15, 25, 50, 100]);
    expect([due(8000, "学生"), due(0, "低保")]).toEqual([0.2, 0.2]);
    expect(bracketDue(8000, "农民", 0.01)).toEqual({ amount: 0.2, upTo: 1 });
    expect(matchesBracket(0.8, bracketDue(0, "农民", 0.01))).toBe(true);
    expect(matchesBracket(1.2, bracketDue(0, "农民", 0.01))).toBe(false);
  });

  test("rounded half up to the setting's unit, whatever the binary residue", () => {
    expect(roundDues(4321.5 * 0.01, 0.01)).toBe(43.22);
    expect(due(4321.5)).toBe(43.22);
    expect(bracketDue(4321.5, "在职", 0.1).amount).toBe(43.2);
    expect(bracketDue(4350, "在职", 1).amount).toBe(44);
    expect(roundDues(15.05, 0.1)).toBe(15.1);
  });

  test("every base in 分 pays its bracket's rate of the whole base, never less than a lower base", () => {
    const category = fc.constantFrom<DuesCategory>("在职", "离退休", "其他");
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 5_000_000 }), category, (cents, c) => {
        const base = cents / 100;
        const amount = due(base, c);
        const bounds = c === "离退休" ? [5000] : [3000, 5000, 10000];
        const rates = c === "离退休" ? [0.005, 0.01] : [0.005, 0.01, 0.015, 0.02];
        const rate = rates[bounds.filter((b) => base > b).length];
        expect(Math.abs(amount - base * rate)).toBeLessThanOrEqual(0.005 + 1e-9);
        expect(amount).toBeGreaterThanOrEqual(due(Math.max(0, base - 0.01), c));
      }),
    );
  });
});
