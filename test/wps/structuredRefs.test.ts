/**
 * Structured references as A1 references (src/wps/structuredRefs.ts): WPS gets each table as a
 * plain range, so every formula of a spec must name cells. A table at C4 (0-based row 3, col 2)
 * with columns 党建得分, 综合得分, a]b#'c and 3 data rows: header row 4, data rows 5–7, columns C–E.
 */
import { resolveStructuredRefs, tableAt, type TablePlace } from "../../src/wps/structuredRefs";

const RESULTS: TablePlace = { name: "DJ_Results", row: 3, col: 2, columns: ["党建得分", "综合得分", "a]b#'c"], rows: 3 };
const OTHER: TablePlace = { name: "DJ_Grades", row: 3, col: 6, columns: ["等级", "人数"], rows: 2 };
const TABLES = [RESULTS, OTHER];
/** A cell of DJ_Results's second data row (sheet row 6), column D. */
const IN_RESULTS = { row: 5, col: 3 };
/** A cell of DJ_Grades's first data row (sheet row 5), column H. */
const IN_GRADES = { row: 4, col: 7 };
const LOOSE = { row: 20, col: 0 };

describe("resolveStructuredRefs", () => {
  test.each([
    ["=[@[党建得分]]*2", "=C6*2"],
    ["=[@党建得分]+1", "=C6+1"],
    ["=DJ_Results[@[综合得分]]", "=D6"],
    ["=DJ_Results[[#This Row],[综合得分]]", "=D6"],
    ["=RANK.EQ([@[综合得分]],[综合得分])", "=RANK.EQ(D6,$D$5:$D$7)"],
    ["=SUM(DJ_Results[综合得分])", "=SUM($D$5:$D$7)"],
    ["=SUM(dj_results[[综合得分]])", "=SUM($D$5:$D$7)"],
    ["=ROWS(DJ_Results)", "=ROWS($C$5:$E$7)"],
    ["=ROWS(DJ_Results[#Data])", "=ROWS($C$5:$E$7)"],
    ["=COUNTA(DJ_Results[#All])", "=COUNTA($C$4:$E$7)"],
    ["=INDEX(DJ_Results[[#Headers],[综合得分]],1)", "=INDEX($D$4,1)"],
    ["=SUM(DJ_Results[[党建得分]:[综合得分]])", "=SUM($C$5:$D$7)"],
    ["=SUM([@[党建得分]:[综合得分]])", "=SUM(C6:D6)"],
    // ' escapes ] # and ' inside a column name.
    ["=[@[a']b'#''c]]", "=E6"],
    ["=DJ_Results[a']b'#''c]", "=$E$5:$E$7"],
  ])("%s in DJ_Results → %s", (formula, expected) => {
    expect(resolveStructuredRefs(formula, TABLES, IN_RESULTS)).toBe(expected);
  });

  test("a bare column or this-row reference is into the formula's own table", () => {
    expect(resolveStructuredRefs("=COUNTIF(DJ_Results[综合得分],[@[等级]])", TABLES, IN_GRADES)).toBe("=COUNTIF($D$5:$D$7,G5)");
    expect(resolveStructuredRefs("=SUM([人数])", TABLES, IN_GRADES)).toBe("=SUM($H$5:$H$6)");
  });

  test("a loose cell may name tables, not bare columns", () => {
    expect(resolveStructuredRefs("=DJ.TRANSITIONS(DJ_Results[党建得分],DJ_Grades[等级])", TABLES, LOOSE)).toBe("=DJ.TRANSITIONS($C$5:$C$7,$G$5:$G$6)");
    expect(() => resolveStructuredRefs("=SUM([人数])", TABLES, LOOSE)).toThrow(/outside any table/);
  });

  test("string literals, quoted sheet names, functions and other names are left as written", () => {
    const formula = `=IF(DJ_Levels="",'DJ_Results [x]'!A1&"DJ_Results[综合得分]",DJ_Results.X(1)+Sheet1!DJ_Results+1.5E3)`;
    expect(resolveStructuredRefs(formula, TABLES, LOOSE)).toBe(formula);
    expect(resolveStructuredRefs("=A1+B2", TABLES, LOOSE)).toBe("=A1+B2");
  });

  test("an empty table still has one data row, as in Excel", () => {
    const empty: TablePlace = { name: "T", row: 0, col: 0, columns: ["x"], rows: 0 };
    expect(resolveStructuredRefs("=SUM(T[x])", [empty], LOOSE)).toBe("=SUM($A$2)");
  });

  test("an unknown table or column is refused, not written as #NAME?", () => {
    expect(() => resolveStructuredRefs("=SUM(DJ_Nope[x])", TABLES, LOOSE)).toThrow(/no table "DJ_Nope"/);
    expect(() => resolveStructuredRefs("=SUM(DJ_Results[x])", TABLES, LOOSE)).toThrow(/no column "x"/);
    expect(() => resolveStructuredRefs("=SUM(DJ_Results[x", TABLES, LOOSE)).toThrow(/unclosed/);
  });
});

describe("tableAt", () => {
  test("finds the table holding a cell, header row included", () => {
    expect(tableAt(TABLES, 3, 2)).toBe(RESULTS);
    expect(tableAt(TABLES, 6, 4)).toBe(RESULTS);
    expect(tableAt(TABLES, 7, 4)).toBeUndefined();
    expect(tableAt(TABLES, 5, 7)).toBe(OTHER);
    expect(tableAt(TABLES, 5, 5)).toBeUndefined();
  });
});
