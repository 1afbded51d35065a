/** Unit tests of the custom functions' argument helpers, with a stand-in CustomFunctions global. */
import fc from "fast-check";
import { ScoreError } from "../../src/engine/scoring";
import { transitions } from "../../src/engine/rates";
import {
  ARG,
  broadcastShape,
  cohort,
  elementwise,
  isBlank,
  isOmitted,
  levelCohort,
  levelPairs,
  levelList,
  matrixOf,
  monthsOf,
  numberCohort,
  optionalText,
  orError,
  perRow,
  sameShape,
  shapeOf,
  textList,
  thresholdList,
  toCell,
  toExcelError,
  toNumber,
  whole,
} from "../../src/functions/args";
import { thrownBy } from "../support/thrown";

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


describe("isBlank", () => {
  test.each([[""], ["   "], ["\u3000"], ["\u200b"], [null], [undefined]])("%p is blank", (value) => expect(isBlank(value)).toBe(true));
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
    ["\u3000１２．５\u3000", 12.5],
    ["－３", -3],
  ])("%p → %p", (value, expected) => expect(toNumber(value)).toBe(expected));

  test.each([[""], ["abc"], ["0x10"], ["1,200"], ["12次"], ["四"], [true], [null], [undefined], [[[1]]]])("%p is not a number", (value) =>
    expect(toNumber(value)).toBeNaN(),
  );
});

describe("shapes", () => {
  test("a bare value, an empty array and a 1×1 matrix are 1×1", () => {
    expect(shapeOf(5)).toEqual({ rows: 1, columns: 1 });
    expect(shapeOf([])).toEqual({ rows: 1, columns: 1 });
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
    expect(toExcelError(new ScoreError("value", () => "坏值"))).toEqual(new StandInError("#VALUE!", "坏值"));
    expect(toExcelError(new ScoreError("num", () => "负数"))).toEqual(new StandInError("#NUM!"));
    expect(toExcelError(new ScoreError("div0", () => "零"))).toEqual(new StandInError("#DIV/0!"));
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
      if (toNumber(x) === 0) throw new ScoreError("div0", () => "零");
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

describe("whole-argument helpers", () => {
  test("matrixOf: rows of values; a bare value or an empty array is 1×1", () => {
    expect(matrixOf(5)).toEqual([[5]]);
    expect(matrixOf([])).toEqual([[null]]);
    expect(matrixOf([1, 2])).toEqual([[1], [2]]);
    expect(matrixOf([[1, 2]])).toEqual([[1, 2]]);
  });

  test("isOmitted: null, undefined or a single blank cell", () => {
    for (const arg of [null, undefined, "", [[""]], [[null]], [["  "]], []]) expect([arg, isOmitted(arg)]).toEqual([arg, true]);
    for (const arg of [0, [[0]], [["无"]], [[""], [""]], [[null, null]]]) expect([arg, isOmitted(arg)]).toEqual([arg, false]);
  });

  test("cohort: every cell row by row, blanks as null", () => {
    expect(cohort([[1, ""], [" ", "a"]])).toEqual([1, null, null, "a"]);
    expect(cohort(7)).toEqual([7]);
    expect(cohort([])).toEqual([null]);
    expect(levelCohort([["一般", 3, true, null]])).toEqual(["一般", "3", "TRUE", null]);
  });

  test("levelPairs: cell by cell, a blank on either side leaves the pair out; numbers as their digits; a scalar is a 1×1 range", () => {
    const counted = (start: unknown, end: unknown, levels: string[]) => transitions(levelPairs(start, end), levels).counts;
    expect(counted([["一般", " ", 1], [null, "先进", 2]], [["先进", "一般", 2], ["一般", "", 2]], ["一般", "先进", "1", "2"])).toEqual([
      [0, 1, 0, 0],
      [0, 0, 0, 0],
      [0, 0, 0, 1],
      [0, 0, 0, 1],
    ]);
    expect(counted("一般", [["先进"]], ["一般", "先进"])).toEqual([[0, 1], [0, 0]]);
    expect(counted([["一般"], ["一般"]], [["先进"], [null]], ["一般", "先进"])).toEqual([[0, 1], [0, 0]]);
  });

  test("numberCohort: numbers and numeric text; other text is a value error quoting it", () => {
    expect(numberCohort([[1, "２"], [null, " 3 "]], ARG.score)).toEqual([1, 2, null, 3]);
    expect(() => numberCohort([[1, "缺考"]], ARG.score)).toThrow("得分中的“缺考”不是数字");
    expect(() => numberCohort([[true]], ARG.score)).toThrow(ScoreError);
  });

  test("textList: a range, or text split at commas (either width), 、, semicolons or spaces", () => {
    expect(textList([["后进,一般,先进"]])).toEqual(["后进", "一般", "先进"]);
    expect(textList("后进，一般；先进")).toEqual(["后进", "一般", "先进"]);
    expect(textList([["60、 90"]])).toEqual(["60", "90"]);
    expect(textList([["差"], [""], ["中"], ["好"]])).toEqual(["差", "中", "好"]);
    expect(textList([[60, 90]])).toEqual(["60", "90"]);
    expect(textList(null)).toBeNull();
    expect(textList([[""], [null]])).toBeNull();
    expect(textList([[" , "]])).toBeNull();
  });

  test("thresholdList: rising numbers, else a value error", () => {
    expect(thresholdList([["60,90"]])).toEqual([60, 90]);
    expect(thresholdList([[60, "７５", 90]])).toEqual([60, 75, 90]);
    expect(thresholdList(null)).toBeNull();
    for (const bad of ["90,60", "60,60", "60,九十", "60,,x"]) expect(() => thresholdList([[bad]])).toThrow(ScoreError);
  });

  test("levelList: a checked, cleaned scheme of 2 or more distinct levels, or null", () => {
    expect(levelList([["差, 中 ,好"]])).toEqual(["差", "中", "好"]);
    expect(levelList(null)).toBeNull();
    expect(() => levelList([["好"]])).toThrow(ScoreError);
    expect(() => levelList([["好,好"]])).toThrow(ScoreError);
  });

  test("monthsOf: blank is 12; a whole number 1–12, else num; text, value", () => {
    expect(monthsOf(null)).toBe(12);
    expect(monthsOf("")).toBe(12);
    expect(monthsOf("６")).toBe(6);
    for (const bad of [0, 13, 6.5]) expect(() => monthsOf(bad)).toThrow(expect.objectContaining({ kind: "num" }));
    expect(() => monthsOf("半年")).toThrow(expect.objectContaining({ kind: "value" }));
  });

  test("optionalText: null when blank, else the text as shown", () => {
    expect(optionalText(" ")).toBeNull();
    expect(optionalText(null)).toBeNull();
    expect(optionalText(3)).toBe("3");
    expect(optionalText("一般")).toBe("一般");
  });

  test("toCell: Excel's values as engine cells", () => {
    expect(toCell(3)).toEqual({ kind: "number", value: 3 });
    expect(toCell("a")).toEqual({ kind: "text", value: "a" });
    expect(toCell(" ")).toEqual({ kind: "empty" });
    expect(toCell(null)).toEqual({ kind: "empty" });
    expect(toCell(false)).toEqual({ kind: "bool", value: false });
    expect(toCell(new StandInError("#N/A"))).toEqual({ kind: "error", code: "#N/A" });
    expect(toCell({})).toEqual({ kind: "error", code: "#VALUE!" });
  });

  test("sameShape: paired cohorts do not broadcast", () => {
    expect(() => sameShape([[[1], [2]], [[1], [2]]])).not.toThrow();
    expect(thrownBy(() => sameShape([[[1], [2]], [[1]]]))).toMatchObject({ code: "#VALUE!", message: expect.stringContaining("2×1、1×1") });
  });

  test("perRow: one value for every row, or a column as long as the rows", () => {
    expect(perRow(null, 3)).toEqual([null, null, null]);
    expect(perRow([[6]], 2)).toEqual([6, 6]);
    expect(perRow([[6], [12]], 2)).toEqual([6, 12]);
    expect(thrownBy(() => perRow([[6], [12]], 1))).toMatchObject({ code: "#VALUE!", message: expect.stringContaining("1×1、2×1") });
    expect(thrownBy(() => perRow([[6, 12]], 2))).toMatchObject({ code: "#VALUE!" });
  });

  test("orError: the value, or the engine error as an Excel error", () => {
    expect(orError(() => 1)).toBe(1);
    const failing = (): number => {
      throw new ScoreError("num", () => "x");
    };
    expect(orError(failing)).toEqual(new StandInError("#NUM!"));
  });

  test("whole: an engine error becomes the thrown Excel error; a bug propagates", () => {
    expect(whole(() => 5)).toBe(5);
    expect(
      thrownBy(() =>
        whole(() => {
          throw new ScoreError("div0", () => "零");
        }),
      ),
    ).toEqual(new StandInError("#DIV/0!"));
    expect(() =>
      whole(() => {
        throw new TypeError("bug");
      }),
    ).toThrow(TypeError);
  });
});
