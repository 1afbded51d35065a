/**
 * Issue 5 point 3, at the adapter: "validate, then 清除标记, leaves every value and fill as it was".
 * The real flow runs against one fake workbook (fakeBook.ts) — ExcelHost reads the sheets, the
 * engine validates them, ExcelHost marks the findings and then clears them — and the workbook's
 * whole plain state before marking is compared with the state after clearing: every cell's value,
 * formula, number format and fill, the user's conditional format, note and comment, the record
 * parts, the sheets, names and calculation mode. The fake applies every write the adapter makes
 * (values, number formats, fills, formats, notes, comments), so any change it left behind shows.
 */
import { validateWorkbooks } from "../../src/engine";
import { ExcelHost } from "../../src/excel/excelHost";
import { MARKS_NAMESPACE } from "../../src/excel/marks";
import { SIGNATURE } from "../../src/host/marks";
import { NOTE_PREFIX } from "../../src/host/marks";
import { locatedFindings, type LocatedFinding } from "../../src/host/host";
import { install, newBook, newSheet, reopenBook, withOffice, type BookSheet, type BookState } from "./fakeBook";

afterEach(() => {
  delete (globalThis as Record<string, unknown>).Excel;
  delete (globalThis as Record<string, unknown>).Office;
});

const HEADER = ["序号", "党支部名称", "正式党员数", "党员大会", "党课", "本年发展党员数", "党建经费预算（元）", "党建经费支出（元）"];
const COLUMNS = "ABCDEFGH";

/** A submission sheet: the header in row 1, then one row a branch (null: a blank cell). */
function submission(id: string, name: string, rows: (string | number | null)[][]): BookSheet {
  const sheet = newSheet(id, name);
  [HEADER, ...rows].forEach((row, r) =>
    row.forEach((value, c) => {
      if (value !== null) sheet.cells[`${COLUMNS[c]}${r + 1}`] = { value, format: "General" };
    }),
  );
  return sheet;
}

/**
 * Two submissions with problems — numbers stored as text, a non-integer, missing values — and
 * the user's own look on them: fills (on problem cells too), number formats, a formula, a
 * conditional format, a note and a comment on cells that will be marked, and elsewhere.
 */
function workbook(): BookState {
  const first = submission("{USER-0}", "机关党委", [
    [1, "第一党支部", 12, 4, 4, 1, 5000, 4800],
    [2, "第二党支部", "15", 4, 4, 0, 6000, 5900], // C3: a number stored as text
    [3, "第三党支部", 9, 2.5, 4, 0, 3000, 2000], // D4: not an integer
    [4, "第四党支部", 10, 4, null, 1, 4000, null], // E5, H5: missing
  ]);
  const second = submission("{USER-1}", "后勤党委", [
    [1, "后勤第一党支部", 7, 4, "3", 0, 2000, 1500], // E2: a number stored as text
    [2, "后勤第二党支部", null, 4, 4, 1.5, 2500, 2500], // C3 missing, F3 not an integer
  ]);
  const { cells } = first;
  cells.C3.format = "@";
  for (const col of COLUMNS) cells[`${col}1`].fill = "#DDEBF7"; // the header row
  cells.D4.fill = "#FFFF00"; // a problem cell the user had highlighted
  cells.B2.fill = "#E2EFDA";
  cells.G2.format = cells.H2.format = "#,##0.00";
  cells.F2 = { value: 1, formula: "=0+1", format: "0" };
  cells.J1 = { value: "", format: "General", fill: "#FF0000" }; // a filled cell with nothing in it
  first.formats.push({ id: "{USER-CF}", type: "Custom", ranges: "C2:C20", formula: "=C2>100", fill: "#00FF00", font: "" });
  first.notes.E5 = "请核对：党课次数"; // on a cell that will be marked
  first.notes.B2 = "支部书记：张三";
  second.cells.E2.format = "@";
  second.cells.C3 = { value: "", format: "General", fill: "#FFFF00" }; // an empty problem cell the user filled
  second.comments.push({ id: "{USER-CM}", cell: "F3", content: "用户的评论：待补" }); // on a cell that will be marked
  return newBook(first, second);
}

/** The workbook as saved: the fake's id counter is the fake's, not the workbook's. */
function saved(state: BookState): Omit<BookState, "nextId"> {
  const { nextId: _counter, ...rest } = reopenBook(state);
  return rest;
}

function oursAt(sheet: BookSheet, cell: string, noteKind: "note" | "comment"): { format: boolean; note: boolean } {
  const format = sheet.formats.some((f) => Object.values(SIGNATURE).includes(f.formula) && f.ranges.split(",").includes(cell));
  const text = noteKind === "note" ? sheet.notes[cell] : sheet.comments.find((c) => c.cell === cell)?.content;
  return { format, note: text?.startsWith(NOTE_PREFIX) ?? false };
}

/** Validates the workbook as the task pane does and marks what was found; returns the findings. */
async function validateAndMark(state: BookState): Promise<LocatedFinding[]> {
  install(state);
  const host = new ExcelHost({ locale: "zh-CN" });
  const { report } = validateWorkbooks(await host.readWorkbooks("all"), { locale: "zh-CN" });
  const findings = locatedFindings(report);
  install(state);
  await host.markFindings(findings);
  return findings;
}

describe.each([
  ["note", 18],
  ["comment", 10],
] as const)("validate, mark, 清除标记 (marks with a %s, ExcelApi 1.%d)", (noteKind, minor) => {
  beforeEach(() => withOffice(minor));

  /** Marks, checks that the marks are there, and returns the state before marking. */
  async function marked(state: BookState): Promise<Omit<BookState, "nextId">> {
    const before = saved(state);
    const findings = await validateAndMark(state);
    const problems = findings.filter((f) => f.severity === "error" || f.severity === "warning");
    expect(new Set(problems.map((f) => `${f.sheet}!${f.cell} ${f.rule}`))).toEqual(
      new Set([
        // No 支委会 column though branches of 7 or more members have a committee: on the header's A1.
        "机关党委!A1 missing-column",
        "后勤党委!A1 missing-column",
        "机关党委!C3 number-as-text",
        "机关党委!D4 not-an-integer",
        "机关党委!E5 missing-value",
        "机关党委!H5 missing-value",
        "后勤党委!E2 number-as-text",
        "后勤党委!C3 missing-value",
        "后勤党委!F3 not-an-integer",
      ]),
    );
    const [first, second] = state.sheets;
    // Every problem cell is coloured by a format of ours and noted, except where the user's own
    // note (机关党委!E5) or comment (后勤党委!F3) already stands: that stays, untouched.
    const userNoted = noteKind === "note" ? "机关党委!E5" : "后勤党委!F3";
    for (const f of problems) {
      const sheet = f.sheet === first.name ? first : second;
      expect([`${f.sheet}!${f.cell}`, oursAt(sheet, f.cell, noteKind)]).toEqual([`${f.sheet}!${f.cell}`, { format: true, note: `${f.sheet}!${f.cell}` !== userNoted }]);
    }
    expect(state.parts.map((p) => p.namespace)).toEqual([MARKS_NAMESPACE]);
    return before;
  }

  test("clearing leaves the workbook exactly as it was before marking", async () => {
    const state = workbook();
    const before = await marked(state);
    expect(saved(state)).not.toEqual(before); // the marks really changed the workbook
    install(state);
    await new ExcelHost({ locale: "zh-CN" }).clearMarks();
    // Our record part is deleted, not left empty: the states are equal with no exception.
    expect(saved(state)).toStrictEqual(before);
  });

  test("after saving and reopening between marking and clearing, too", async () => {
    const state = workbook();
    const before = await marked(state);
    const reopened = reopenBook(state);
    install(reopened);
    await new ExcelHost({ locale: "zh-CN" }).clearMarks();
    expect(saved(reopened)).toStrictEqual(before);
  });
});
