/** 换届 (LEDGERS.md §5): term-expired from the 统计表's or the roster's 上次换届时间. */
import { ALL, check, cleanRow, flagsOf, sheet, type Row } from "./helpers";
import { serial } from "./ledger";
import { grid } from "../support/grid";

const ELECTED = "上次换届时间";
const columns = [...ALL, ELECTED];

/** The clean sheet (统计期间：2025年) with the 上次换届时间 of each row. */
function withElections(dates: (string | null)[], over: Row[] = []) {
  return sheet({ columns, rows: dates.map((d, i) => ({ ...cleanRow(i), ...over[i], [ELECTED]: d === null ? null : { date: serial(d) } })) });
}

const terms = (report: ReturnType<typeof check>) =>
  flagsOf(report)
    .filter((f) => f.flag === "term-expired")
    .map((f) => `${f.branch}:${f.level}:${f.detail}`);

describe("term-expired", () => {
  test("past the term at the period's end: warning, then critical over a year late; on the day itself not yet", () => {
    // The period ends 2025-12-31: a term from 2022-12-31 ends that very day.
    const built = withElections(["2022-12-31", "2022-06-15", "2021-06-15"]);
    expect(terms(check(built.grid))).toEqual([
      "第2党支部:warning:2022-06 换届，应于 2025-06 前换届",
      "第3党支部:critical:2021-06 换届，应于 2024-06 前换届",
    ]);
  });

  test("a 村 or 社区 branch has five years", () => {
    const built = withElections(["2021-06-15", "2021-06-15", "2020-06-15"], [{ branch: "东村党支部" }, { unit: "阳光社区" }, { branch: "西村党支部" }]);
    expect(terms(check(built.grid))).toEqual(["西村党支部:warning:2020-06 换届，应于 2025-06 前换届"]);
  });

  test("the roster's date is the office's record and wins; settings change the term and the critical delay", () => {
    const built = withElections(["2024-01-10", null, null]);
    const roster = grid(
      [
        ["党支部名称", "所属单位", ELECTED],
        ["第1党支部", "机关党委", { date: serial("2022-03-01") }],
        ["第2党支部", "机关党委", "2024年3月1日"],
        ["第3党支部", "机关党委", null],
      ],
      { sheet: "名册" },
    );
    expect(terms(check(built.grid, { roster: [roster] }))).toEqual(["第1党支部:warning:2022-03 换届，应于 2025-03 前换届"]);
    const stricter = { terms: { years: 1, villageYears: 5, criticalMonths: 3 } };
    expect(terms(check(built.grid, { roster: [roster], settings: stricter }))).toEqual([
      "第1党支部:critical:2022-03 换届，应于 2023-03 前换届",
      "第2党支部:critical:2024-03 换届，应于 2025-03 前换届",
    ]);
  });

  test("no year, no flag: a period without one takes the assessment year", () => {
    const built = sheet({ columns, title: [["填报单位：机关党委"]], rows: [{ ...cleanRow(0), [ELECTED]: { date: serial("2020-01-01") } }] });
    expect(terms(check(built.grid))).toEqual([]);
    expect(terms(check(built.grid, { settings: { assessmentYear: 2025 } }))).toEqual(["第1党支部:critical:2020-01 换届，应于 2023-01 前换届"]);
  });

  test("a date written as text is read, with date-as-text; English details", () => {
    const built = sheet({ columns, rows: [{ ...cleanRow(0), [ELECTED]: "2022.6.15" }] });
    const report = check(built.grid, { locale: "en-US" });
    expect(terms(report)).toEqual(["第1党支部:warning:elected 2022-06; the next election was due by 2025-06"]);
    expect(report.files[0].sheets[0].findings.map((f) => `${f.rule}@${f.cell}:${f.fix}`)).toEqual([`date-as-text@${built.at(ELECTED, 0)}:2022-06-15`]);
  });
});
