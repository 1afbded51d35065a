/** Unit tests of the custom functions' argument helpers, with a stand-in CustomFunctions global. */
import fc from "fast-check";
import { ScoreError } from "../../src/engine/scoring";
import { broadcastShape, elementwise, isBlank, shapeOf, toExcelError, toNumber } from "../../src/functions/args";

class StandInError {
  constructor(
    readonly code: string,
    readonly message?: string,
  ) {}
}

beforeAll(() => {
  Object.assign(globalThis, {
    CustomFunctions: {
      Error: StandInError,
      ErrorCode: { invalidValue: "#VALUE!", divisionByZero: "#DIV/0!", invalidNumber: "#NUM!" },
    },
  });
});

afterAll(() => {
  delete (globalThis as { CustomFunctions?: unknown }).CustomFunctions;
});

function thrownBy(fn: () => unknown): unknown {
  try {
    fn();
  } catch (error) {
    return error;
  }
  throw new Error("did not throw");
}

describe("isBlank", () => {
  test.each([[""], ["   "], ["\u3000"], [null], [undefined]])("%p is blank", (value) => expect(isBlank(value)).toBe(true));
  test.each([[0], ["0"], [false], ["无"], [NaN]])("%p is not blank", (value) => expect(isBlank(value)).toBe(false));
});

describe("toNumber", () => {
  test.each([
    [12, 12],
    [-0.5, -0.5],
    ["12", 12],
    [" 12 ", 12],
    ["１２", 12],
    ["1.5e3", 1500],
    [".5", 0.5],
    ["-3.", -3],
  ])("%p → %p", (value, expected) => expect(toNumber(value)).toBe(expected));

  test.each([[""], ["abc"], ["0x10"], ["1,200"], ["12次"], ["四"], [true], [null], [undefined], [[[1]]]])("%p is not a number", (value) =>
    expect(toNumber(value)).toBeNaN(),
  );
});

describe("shapes", () => {
  test("a bare value and a 1×1 matrix are 1×1", () => {
    expect(shapeOf(5)).toEqual({ rows: 1, columns: 1 });
    expect(shapeOf([[5]])).toEqual({ rows: 1, columns: 1 });
    expect(shapeOf([[1, 2, 3], [4, 5, 6]])).toEqual({ rows: 2, columns: 3 });
  });

  test("1×1 arguments broadcast to the shape of the others", () => {
    expect(broadcastShape([[[1]], 2, [[1], [2]], [[3], [4]]])).toEqual({ rows: 2, columns: 1 });
    expect(broadcastShape([1, [[2]]])).toEqual({ rows: 1, columns: 1 });
  });

  test("different shapes are #VALUE! with a Chinese message naming them", () => {
    const error = thrownBy(() => broadcastShape([[[1], [2]], [[1, 2]]]));
    expect(error).toBeInstanceOf(StandInError);
    expect(error).toMatchObject({ code: "#VALUE!", message: expect.stringContaining("2×1、1×2") });
    expect((error as StandInError).message).toMatch(/形状/);
  });
});

describe("toExcelError", () => {
  test("maps the engine's kinds to Excel codes; only #VALUE! carries the message", () => {
    expect(toExcelError(new ScoreError("value", "坏值"))).toEqual(new StandInError("#VALUE!", "坏值"));
    expect(toExcelError(new ScoreError("num", "负数"))).toEqual(new StandInError("#NUM!"));
    expect(toExcelError(new ScoreError("div0", "零"))).toEqual(new StandInError("#DIV/0!"));
  });
});

describe("elementwise", () => {
  const add = (a: unknown, b: unknown) => toNumber(a) + toNumber(b);

  test("two scalars give a 1×1 result", () => {
    expect(elementwise([1, 2], add)).toEqual([[3]]);
  });

  test("follows the shape of the ranges, broadcasting single values", () => {
    expect(elementwise([[[1, 2], [3, 4]], [[10]]], add)).toEqual([[11, 12], [13, 14]]);
    expect(elementwise([[[1], [2]], [[10], [20]]], add)).toEqual([[11], [22]]);
  });

  test("a blank among the first arguments gives \"\" without computing", () => {
    const compute = jest.fn(add);
    expect(elementwise([[[1], [""], [null]], 5], compute)).toEqual([[6], [""], [""]]);
    expect(compute).toHaveBeenCalledTimes(1);
  });

  test("arguments after blankGivesEmpty reach compute even when blank (omitted optionals)", () => {
    expect(elementwise([[[2]], null], (a, weight) => toNumber(a) * (isBlank(weight) ? 10 : toNumber(weight)), 1)).toEqual([[20]]);
  });

  test("engine errors become the cell's error; other cells still compute", () => {
    const [[ok, bad]] = elementwise([[[1, 0]]], (x) => {
      if (toNumber(x) === 0) throw new ScoreError("div0", "零");
      return 1 / toNumber(x);
    });
    expect(ok).toBe(1);
    expect(bad).toEqual(new StandInError("#DIV/0!"));
  });

  test("a bug is not turned into a cell error", () => {
    expect(() =>
      elementwise([1], () => {
        throw new TypeError("bug");
      }),
    ).toThrow(TypeError);
  });

  test("property: the result is the element-wise sum for any matrix and scalar", () => {
    const matrix = fc
      .tuple(fc.integer({ min: 1, max: 5 }), fc.integer({ min: 1, max: 5 }))
      .chain(([rows, columns]) => fc.array(fc.array(fc.integer({ min: -1000, max: 1000 }), { minLength: columns, maxLength: columns }), { minLength: rows, maxLength: rows }));
    fc.assert(
      fc.property(matrix, fc.integer({ min: -1000, max: 1000 }), (m, k) => {
        expect(elementwise([m, [[k]]], add)).toEqual(m.map((row) => row.map((x) => x + k)));
        expect(elementwise([k, m], add)).toEqual(m.map((row) => row.map((x) => k + x)));
      }),
    );
  });
});
