/** Names of what hosts make: a taken name gets the first free suffix, within Excel's limits. */
import { numberedName, planDefinedNames, sanitiseSheetName, uniqueSheetName, uniqueTableName } from "../../src/host/naming";

describe("uniqueSheetName", () => {
  test("keeps a free name, else the first free suffix; compares without case; stays within 31 characters", () => {
    expect(uniqueSheetName("问题清单", ["填报表"])).toBe("问题清单");
    expect(uniqueSheetName("问题清单", ["问题清单", "问题清单 (2)"])).toBe("问题清单 (3)");
    expect(uniqueSheetName("Issues", ["ISSUES"])).toBe("Issues (2)");
    const long = "一".repeat(31);
    expect(uniqueSheetName(long, [long])).toBe(`${"一".repeat(27)} (2)`);
  });

  test("a name Excel refuses is made acceptable", () => {
    expect(sanitiseSheetName("a/b:c")).toBe("a_b_c");
    expect(sanitiseSheetName("'引号'")).toBe("引号");
    expect(sanitiseSheetName("history")).toBe("history_");
    expect(sanitiseSheetName("  ")).toBe("_");
  });
});

test("tables take _2, files (2) before the extension", () => {
  expect(uniqueTableName("DJ_Flags", ["dj_flags"])).toBe("DJ_Flags_2");
  expect(numberedName("报表.xlsx", 2)).toBe("报表 (2).xlsx");
  expect(numberedName("报表", 3)).toBe("报表 (3)");
});

describe("planDefinedNames", () => {
  const existing = new Set(["dj_partyweight", "dj_method", "dj_old", "用户名称"]);
  const owned = [
    { name: "DJ_PartyWeight", sheetId: "s1" },
    { name: "DJ_Old", sheetId: "s2" },
    { name: "DJ_Gone", sheetId: "s1" },
  ];

  test("ours made for a replaced sheet or wanted again go; ours no longer in the workbook are forgotten", () => {
    const plan = planDefinedNames([{ name: "dj_method" }, { name: "DJ_PARTYWEIGHT" }], new Set(["dj_partyweight", "dj_old"]), owned, new Set(["s2"]));
    expect(plan.taken).toBeUndefined();
    expect(plan.drop.map((item) => item.name)).toEqual(["DJ_PartyWeight", "DJ_Old"]);
    expect([...plan.dropped]).toEqual(["dj_partyweight", "dj_old"]);
    expect(plan.kept).toEqual([]);
  });

  test("a wanted name the user holds is taken, whatever its case; ours are not", () => {
    expect(planDefinedNames([{ name: "DJ_PartyWeight" }, { name: "DJ_METHOD" }], existing, owned, new Set()).taken).toBe("DJ_METHOD");
    expect(planDefinedNames([{ name: "DJ_PartyWeight" }], existing, owned, new Set()).kept.map((item) => item.name)).toEqual(["DJ_Old"]);
  });
});
