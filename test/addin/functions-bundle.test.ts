/**
 * The custom functions the way Excel binds them: dist/functions.js is loaded alone into a
 * sandbox with a stand-in CustomFunctions global, and every id of dist/functions.json is
 * called through what the bundle registered.
 */
import * as vm from "vm";
import { readDist } from "./dist";

class StandInError {
  constructor(
    readonly code: string,
    readonly message?: string,
  ) {}
}
const ErrorCode = {
  invalidValue: "#VALUE!",
  notAvailable: "#N/A",
  divisionByZero: "#DIV/0!",
  invalidNumber: "#NUM!",
  nullReference: "#NULL!",
  invalidName: "#NAME?",
  invalidReference: "#REF!",
};

type Fn = (...args: unknown[]) => unknown;
const registered = new Map<string, Fn>();
vm.runInNewContext(readDist("functions.js"), {
  CustomFunctions: {
    associate: (id: string, fn: Fn) => {
      if (registered.has(id)) throw new Error(`${id} registered twice`);
      registered.set(id, fn);
    },
    Error: StandInError,
    ErrorCode,
  },
});
const metadata: { functions: { id: string; parameters: unknown[] }[] } = JSON.parse(readDist("functions.json"));

function call(id: string, ...args: unknown[]): unknown {
  const fn = registered.get(id);
  if (!fn) throw new Error(`${id} is not registered`);
  return fn(...args);
}

/** How each function is exercised; an id in functions.json without cases fails the test. */
const cases: Record<string, () => void> = {
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
    let thrown: unknown;
    try {
      call("FUNDRATE", [[1], [2]], [[1], [2], [3]]);
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(StandInError);
    expect(thrown).toMatchObject({ code: "#VALUE!", message: expect.stringContaining("2×1、3×1") });
  },
};

test("the bundle registers exactly the functions of functions.json", () => {
  expect([...registered.keys()].sort()).toEqual(metadata.functions.map((f) => f.id).sort());
  expect(metadata.functions.length).toBeGreaterThan(0);
});

test.each(metadata.functions.map((f) => f.id))("%s works as registered", (id) => {
  expect(cases[id]).toBeDefined();
  cases[id]();
});

test("the functions bundle does not include React or Fluent UI", () => {
  const code = readDist("functions.js");
  expect(code).not.toMatch(/react\.(transitional\.)?element|__CLIENT_INTERNALS|fluentui|fui-FluentProvider/);
});
