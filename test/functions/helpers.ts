/**
 * Calling the built custom functions as Excel binds them (test/addin/dist.ts loads the bundle),
 * and reading what they return: values, or the stand-in errors with their codes.
 */
import { StandInError } from "../addin/dist";
import { thrownBy as anyThrown } from "../support/thrown";

export { loadFunctions, StandInError } from "../addin/dist";

/** A single value as Excel passes it to a matrix parameter. */
export const one = (value: unknown): unknown[][] => [[value]];

/** A column range. */
export const column = (...values: unknown[]): unknown[][] => values.map((v) => [v]);

/** A row range. */
export const row = (...values: unknown[]): unknown[][] => [values];

/** A result with each error replaced by its code ("#VALUE!"), so whole matrices compare at once. */
export function shown(result: unknown): unknown {
  if (result instanceof StandInError) return result.code;
  if (Array.isArray(result)) return result.map(shown);
  return result;
}

/** The one value of a 1×1 result (fails on any other shape). */
export function single(result: unknown): unknown {
  expect(Array.isArray(result) && result.length === 1 && Array.isArray(result[0]) && result[0].length === 1).toBe(true);
  return (result as unknown[][])[0][0];
}

/** The error a call throws — Excel shows it in the formula cell; fails when nothing is thrown. */
export function thrownBy(fn: () => unknown): StandInError {
  const error = anyThrown(fn);
  expect(error).toBeInstanceOf(StandInError);
  return error as StandInError;
}

/** The error in a 1×1 result, or thrown for the whole result: Excel shows both the same way. */
export function errorOf(fn: () => unknown): StandInError {
  let result: unknown;
  try {
    result = fn();
  } catch (e) {
    expect(e).toBeInstanceOf(StandInError);
    return e as StandInError;
  }
  const value = single(result);
  expect(value).toBeInstanceOf(StandInError);
  return value as StandInError;
}

/**
 * The county report of the seeds: 254 branches, 65 先进 / 174 一般 / 15 后进 at the start; 44 of
 * the 一般 and 14 of the 后进 move up. (start, end) pairs, one per branch.
 */
export function seedCounty(): [string, string][] {
  const groups: [string, string, number][] = [
    ["先进", "先进", 65],
    ["一般", "先进", 44],
    ["一般", "一般", 125],
    ["一般", "后进", 5],
    ["后进", "一般", 12],
    ["后进", "先进", 2],
    ["后进", "后进", 1],
  ];
  return groups.flatMap(([start, end, n]) => Array.from({ length: n }, (): [string, string] => [start, end]));
}

/** A small deterministic generator, so every run checks the same rows: numbers in [0, 1). */
export function generator(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 1103515245 + 12345) % 2147483648;
    return state / 2147483648;
  };
}
