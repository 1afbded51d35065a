/**
 * Properties of `validate` over any input (ENGINEERING.md §3): it never throws on any grid —
 * merges inside, across and outside it, error cells, dates, huge numbers, full-width text, 合计
 * rows, two-row headers —, its results are deterministic, plain data, independent of the order
 * the workbooks come in, and well-formed (every finding on its sheet's cells with a rule of
 * RULES and the severity of PRODUCT.md §3, at most one error per cell).
 *
 * Runs (CI seed): 1 200 + 3 000 + 1 000 = 5 200 here; with properties.planted.test.ts (3 000) and
 * test/files/read.properties.test.ts (2 000), 10 200 generated inputs in all.
 */
import fc from "fast-check";
import { isDeepStrictEqual } from "node:util";
import type { FileReport, Report, WorkbookInput } from "../../src/engine";
import { columnLetter, validate } from "../../src/engine";
import { anyGrid, books, mutatedSheet, options } from "./anyInput";
import { problemsOf } from "./wellFormed";

/**
 * Equal as data, compared through JSON first: jest's toEqual costs more than validate itself
 * and is only worth it for its diff on failure. (isDeepStrictEqual cannot be used across the
 * two: structuredClone builds objects of another realm than the test's.)
 */
function same(actual: unknown, expected: unknown): void {
  if (JSON.stringify(actual) !== JSON.stringify(expected)) expect(actual).toEqual(expected);
}

/** Plain data: what JSON gives back is the report itself, with no undefined, NaN or -0 in it. */
function expectPlain(report: Report): void {
  if (!isDeepStrictEqual(JSON.parse(JSON.stringify(report)), report)) expect(JSON.parse(JSON.stringify(report))).toStrictEqual(report);
}

describe("validate on any input", () => {
  it("never throws, is deterministic, leaves its input alone, and returns plain, well-formed data", () => {
    fc.assert(
      fc.property(books, options, (input, opts) => {
        const before = structuredClone({ input, opts });
        const report = validate(input, opts);
        same({ input, opts }, before);
        same(validate(before.input, before.opts), report);
        expectPlain(report);
        expect(problemsOf(report, input, opts.locale)).toEqual([]);
      }),
      { numRuns: 1200 },
    );
  });

  it("never throws on a grid of one sheet alone, whatever its merges and origin", () => {
    fc.assert(
      fc.property(fc.oneof(anyGrid, mutatedSheet), (g) => {
        const input = [{ file: "x.xlsx", grids: [g] }];
        const report = validate(input, { locale: "zh-CN" });
        expect(problemsOf(report, input)).toEqual([]);
        expect(report.files[0].sheets.length + report.files[0].skipped.length).toBeGreaterThanOrEqual(1);
      }),
      { numRuns: 3000 },
    );
  });
});

/**
 * A file's report without its duplicate-branch findings. Which rows are duplicates depends on
 * the order: PRODUCT.md §3 reports the later row, and branch identity is not transitive — a row
 * without a code matches a coded one by (unit, name), that one matches a third by code, the first
 * and the third need not match — so the count itself may change with the order. Everything else
 * must not.
 */
function ownPart(file: FileReport): unknown {
  return { ...file, sheets: file.sheets.map((s) => ({ ...s, findings: s.findings.filter((f) => f.rule !== "duplicate-branch") })) };
}

/** The summary without the duplicate-branch errors. */
function summaryBesideDuplicates(report: Report): Report["summary"] {
  const duplicates = report.files.flatMap((f) => f.sheets).flatMap((s) => s.findings).filter((f) => f.rule === "duplicate-branch").length;
  return { ...report.summary, errors: report.summary.errors - duplicates };
}

/** Roster lists as sets: their order follows the files'. */
function rosterSets(report: Report): unknown {
  const sorted = (entries: unknown[]) => entries.map((e) => JSON.stringify(e)).sort();
  return { missing: sorted(report.roster.missing), unknown: sorted(report.roster.unknown), unsubmitted: sorted(report.roster.unsubmitted) };
}

describe("validate on workbooks in another order", () => {
  it("gives each file the same report, the same summary and the same roster, duplicates aside", () => {
    fc.assert(
      fc.property(books, options, (input, opts) => {
        const forward = validate(input, opts);
        const reversed: WorkbookInput[] = [...input].reverse();
        const backward = validate(reversed, opts);
        same([...backward.files].reverse().map(ownPart), forward.files.map(ownPart));
        same(summaryBesideDuplicates(backward), summaryBesideDuplicates(forward));
        same(rosterSets(backward), rosterSets(forward));
      }),
      { numRuns: 1000 },
    );
  });
});

describe("columnLetter", () => {
  it("round-trips with the A1 addresses findings use", () => {
    expect([1, 26, 27, 52, 703, 16384].map(columnLetter)).toEqual(["A", "Z", "AA", "AZ", "AAA", "XFD"]);
  });
});
