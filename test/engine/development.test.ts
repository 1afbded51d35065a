/** The 发展党员 register (LEDGERS.md §4, §6): recognition, dates, the rules of its rows at their boundaries, probation-overdue, the 统计表. */
import type { Settings } from "../../src/engine";
import { recognise } from "../../src/engine/validate";
import { SheetView } from "../../src/engine/view";
import { REAL_HEADERS } from "../fixtures/real-headers";
import { grid, toCell, type Plain } from "../support/grid";
import { briefs, check, checkBooks, findingsOf, flagsOf, only, sheetsOf, type CheckOptions } from "./helpers";
import { fullYear, ledger, submission } from "./ledger";
import { CLEAN, COLUMN, person, register, reporting, REGISTER_HEADER, type Person } from "./register";

/** The findings of one person on the register (row 4), as rule@cell. */
const of = (p: Person, options: CheckOptions = {}) => briefs(check(register([p]), options));
const at = (key: keyof typeof COLUMN) => `${COLUMN[key]}4`;
/** The clean person with 接收为预备党员时间 typed into its cell as it is (ISO text too). */
function typed(admitted: Plain) {
  const sheet = register([CLEAN]);
  sheet.cells[3][8] = toCell(admitted);
  return sheet;
}
const development = (over: Partial<Settings["development"]>): CheckOptions => ({ settings: { development: over as Settings["development"] } });

describe("recognised as a 发展党员 register", () => {
  it("by 姓名 and two stage dates; a person who passed every stage on time has no finding and no flag", () => {
    const report = check(register([CLEAN]));
    expect(sheetsOf(report).map((s) => [s.sheet, s.kind, s.rows])).toEqual([["发展党员台账", "development", 1]]);
    expect(briefs(report)).toEqual([]);
    expect(flagsOf(report)).toEqual([]);
  });

  it("matches the labels of real registers; 谈话 and 审批 alone do not make one", () => {
    const header = ["所在党支部", "姓名", "出生年月", "申请入党时间", "积极分子日期", "确定发展对象时间（党委备案时间）", "入党时间", "转正时间", "入党介绍人"];
    const report = check(grid([["统计期间：2025年"], header, ["第一党支部", "钱二", "1990.06", "2015-03-01", { date: 42430 }, { date: 42917 }, "2017/7/1", "2018年7月1日", "孙三、李四"]]));
    expect(sheetsOf(report)[0].kind).toBe("development");
    expect(only(report, "unknown-column")).toEqual([]);
    expect(briefs(report)).toEqual(["date-as-text@D3", "date-as-text@G3", "date-as-text@H3"]);
    const lists = grid([["姓名", "谈话时间", "党委审批时间"], ["钱二", { date: 45000 }, { date: 45100 }]]);
    expect(briefs(check(lists))).toEqual(["header-not-found@A1"]);
  });

  it("reads the registers of real 党建 systems, each stage where a person would read it", () => {
    const mapped = (labels: readonly string[]) => {
      const found = recognise(new SheetView(grid([[...labels], labels.map(() => "x")])));
      return { kind: found?.kind.id, keys: Object.fromEntries(found?.header.columns.map((c) => [c.label, c.key]) ?? []) };
    };
    const sysu = REAL_HEADERS.find((h) => h.kind === "development" && h.source.endsWith("成员信息.xlsx"))!;
    const { kind, keys } = mapped(sysu.labels);
    expect(kind).toBe("development");
    expect(keys).toMatchObject({
      党支部名称: "branch", 姓名: "name", 出生时间: "birth", 递交入党申请书时间: "applied", 首次组织谈话时间: "talked",
      确定为入党积极分子时间: "activist", "确定发展对象时间（党委备案时间）": "candidate", "确定为预备党员时间（支部大会）": "admitted",
      党委审批时间: "approved", "转正时间（支部大会讨论转正时间）": "full", 入党介绍人: "introducers",
    });
    // The talk before admission is not the first talk after applying.
    expect(keys["入党谈话时间"]).toBeUndefined();
    const registers = REAL_HEADERS.filter((h) => h.kind === "development" && h.labels.includes("姓名"));
    const recognised = registers.filter((h) => mapped(h.labels).kind === "development");
    expect(recognised.length).toBeGreaterThanOrEqual(10);
    for (const h of registers) expect([h.source, mapped(h.labels).kind]).toEqual([h.source, expect.not.stringMatching(/^(submission|meetings)$/)]);
  });

  it("the other kinds are recognised as before: a 统计表 and a meeting ledger", () => {
    expect(sheetsOf(check(submission([{ branch: "第一党支部", general: 4, lectures: 4 }])))[0].kind).toBe("submission");
    expect(sheetsOf(check(ledger(fullYear())))[0].kind).toBe("meetings");
    // A 统计表 with 入党积极分子数 and 本年发展党员数 stays one.
    expect(sheetsOf(check(reporting([{ branch: "第一党支部", newMembers: 1 }])))[0].kind).toBe("submission");
  });

  it("takes the branch from the title block when there is no branch column; without either, missing-column", () => {
    const header = REGISTER_HEADER.filter((h) => h !== "党支部名称");
    const row = [1, "赵一", null, { date: 45000 }, null, null, null, null, null, null, null, null, null];
    const titled = check(grid([["党支部：机关第一党支部　统计期间：2025年"], header, row]));
    expect(sheetsOf(titled)[0].kind).toBe("development");
    expect(only(titled, "missing-column")).toEqual([]);
    const bare = check(grid([header, row]));
    expect(only(bare, "missing-column").map((f) => f.field)).toEqual(["branch"]);
  });
});

describe("dates (LEDGERS.md §1)", () => {
  it("every written form of a stage date is read, with date-as-text and the ISO date as fix; a date cell is not", () => {
    const forms = ["2024-03-05", "2024/3/5", "2024.3.5", "2024年3月5日", 20240305, "2024/3/5 14:30", "２０２４－０３－０５"];
    for (const written of forms) {
      const found = findingsOf(check(typed(written)));
      expect([written, found.map((f) => [f.rule, f.cell, f.fix])]).toEqual([written, [["date-as-text", at("admitted"), "2024-03-05"]]]);
    }
    expect(of(person({ admitted: { date: 45356 } }))).toEqual([]);
  });

  it("an impossible or part date in a stage is bad-date", () => {
    for (const written of ["2024-02-30", "2024.3", 202403, "2024年3月"]) {
      expect([written, briefs(check(typed(written)))]).toEqual([written, [`bad-date@${at("admitted")}`]]);
    }
  });

  it("a birth also takes a year and month, which is the form the column asks for: no finding", () => {
    for (const written of ["1996年5月", "1996.05", "1996.5", 199605, "1996-05", "1996/5"]) {
      expect([written, of(person({ birth: written }))]).toEqual([written, []]);
    }
    // 1996.1 as a number is January typed "1996.1" or October typed "1996.10": unreadable.
    expect(of(person({ birth: 1996.1 }))).toEqual([`bad-date@${at("birth")}`]);
    expect(of(person({ birth: "1996.1" }))).toEqual([]);
    expect(of(person({ birth: "1996年2月30日" }))).toEqual([`bad-date@${at("birth")}`]);
    expect(of(person({ birth: "1996.5.20" }))).toEqual([`date-as-text@${at("birth")}`]);
  });
});

describe("row rules", () => {
  it("date-order: a stage before the nearest filled stage ahead of it, at the later date", () => {
    const report = check(register([person({ talked: "2022-02-20" })]));
    expect(briefs(report)).toEqual([`date-order@${at("talked")}`]);
    expect(only(report, "date-order")[0].message).toBe(
      "F4：首次组织谈话时间 2022-02-20 早于递交入党申请书时间 2022-03-01。发展党员须按程序依次进行（《中国共产党发展党员工作细则》第二至第六章），请核对这两个日期。",
    );
    // 谈话 blank: 积极分子 is held against the application.
    expect(of(person({ talked: null, activist: "2022-02-01" }))).toEqual([`date-order@${at("activist")}`]);
    expect(of(person({ approved: "2024-03-05" }))).toEqual([]);
  });

  it("under-age: younger than 18 on applying; the 18th birthday itself is old enough", () => {
    expect(of(person({ birth: "2004-03-01", applied: "2022-03-01" }))).toEqual([]);
    const report = check(register([person({ birth: "2004-03-01", applied: "2022-02-28", talked: "2022-03-01" })]));
    expect(briefs(report)).toEqual([`under-age@${at("applied")}`]);
    expect(only(report, "under-age")[0].message).toBe(
      "E4：递交入党申请书时间 2022-02-28 时未满 18 周岁（出生 2004-03-01，2022-03-01 满 18 周岁）。年满 18 周岁方可申请入党（党章第一条；《中国共产党发展党员工作细则》第五条），请核对出生日期或申请时间。",
    );
    // Born on 29 February: 18 on 28 February, as EDATE counts.
    expect(of(person({ birth: "2004-02-29", applied: "2022-02-28", talked: "2022-03-01" }))).toEqual([]);
    expect(of(person({ birth: "2004-02-29", applied: "2022-02-27", talked: "2022-03-01" }))).toEqual([`under-age@${at("applied")}`]);
  });

  it("under-age with a year-month birth: only when under age whichever day of that month", () => {
    expect(of(person({ birth: "2004年3月", applied: "2022-03-01" }))).toEqual([]);
    expect(of(person({ birth: "2004年3月", applied: "2022-02-28", talked: "2022-03-01" }))).toEqual([`under-age@${at("applied")}`]);
  });

  it("talk-late: more than a month after applying is late; a month exactly is not (31 January + 1 month = 28 February)", () => {
    expect(of(person({ applied: "2022-03-01", talked: "2022-04-01" }))).toEqual([]);
    const report = check(register([person({ applied: "2022-03-01", talked: "2022-04-02" })]));
    expect(briefs(report)).toEqual([`talk-late@${at("talked")}`]);
    expect(only(report, "talk-late")[0].severity).toBe("warning");
    expect(of(person({ applied: "2022-01-31", talked: "2022-02-28" }))).toEqual([]);
    expect(of(person({ applied: "2022-01-31", talked: "2022-03-01" }))).toEqual([`talk-late@${at("talked")}`]);
  });

  it("activist-too-short: 发展对象 less than 12 months after 积极分子; 12 months exactly is enough", () => {
    expect(of(person({ activist: "2022-09-01", candidate: "2023-09-01" }))).toEqual([]);
    const report = check(register([person({ activist: "2022-09-01", candidate: "2023-08-31" })]));
    expect(briefs(report)).toEqual([`activist-too-short@${at("candidate")}`]);
    expect(only(report, "activist-too-short")[0].message).toContain("不满 12 个月");
  });

  it("approval-late: a warning past 3 months, an error past 6; 3 and 6 months exactly are not past", () => {
    const approved = (date: string) => findingsOf(check(register([person({ admitted: "2024-03-05", approved: date })]))).map((f) => [f.rule, f.cell, f.severity]);
    expect(approved("2024-06-05")).toEqual([]);
    expect(approved("2024-06-06")).toEqual([["approval-late", at("approved"), "warning"]]);
    expect(approved("2024-09-05")).toEqual([["approval-late", at("approved"), "warning"]]);
    expect(approved("2024-09-06")).toEqual([["approval-late", at("approved"), "error"]]);
    const [late] = only(check(register([person({ admitted: "2024-03-05", approved: "2024-09-06" })])), "approval-late");
    expect(late.message).toContain("特殊情况下也不得超过 6 个月（《中国共产党发展党员工作细则》第二十八条）");
  });

  it("probation-length: 转正 at admission + 12 months exactly; earlier is an error, later by more than a month without an extension too", () => {
    const full = (date: string, over: Person = {}) => of(person({ admitted: "2024-03-05", full: date, ...over }));
    expect(full("2025-03-05")).toEqual([]);
    expect(full("2025-03-04")).toEqual([`probation-length@${at("full")}`]);
    expect(full("2025-04-05")).toEqual([]);
    expect(full("2025-04-06")).toEqual([`probation-length@${at("full")}`]);
    const report = check(register([person({ admitted: "2024-03-05", full: "2025-04-06" })]));
    expect(only(report, "probation-length")[0].message).toContain("晚于预备期满之日 2025-03-05 超过 1 个月，且未填延长预备期");
  });

  it("probation-length with a 6-month extension: 转正 at admission + 18 months; no lateness once an extension is given", () => {
    const full = (date: string) => of(person({ admitted: "2024-03-05", full: date, extension: 6 }));
    expect(full("2025-09-05")).toEqual([]);
    expect(full("2025-09-04")).toEqual([`probation-length@${at("full")}`]);
    expect(full("2026-03-05")).toEqual([]);
    const report = check(register([person({ admitted: "2024-03-05", full: "2025-03-05", extension: 6 })]));
    expect(only(report, "probation-length")[0].message).toContain("早于预备期满之日 2025-09-05（2024-03-05 接收为预备党员，预备期 18 个月）");
    expect(of(person({ extension: 3 }))).toEqual([`out-of-range@${at("extension")}`]);
  });

  it("probation-length at month ends, as EDATE counts: a 31 January and a 29 February admission", () => {
    const full = (admitted: string, date: string, extension?: number, over: Person = {}) => of(person({ admitted, approved: null, full: date, extension, ...over }));
    const earlier: Person = { activist: "2022-08-01", candidate: "2023-08-01" };
    expect(full("2024-01-31", "2025-01-31")).toEqual([]);
    expect(full("2024-01-31", "2025-01-30")).toEqual([`probation-length@${at("full")}`]);
    expect(full("2023-08-31", "2025-02-28", 6, earlier)).toEqual([]);
    expect(full("2023-08-31", "2025-02-27", 6, earlier)).toEqual([`probation-length@${at("full")}`]);
    expect(full("2024-02-29", "2025-02-28")).toEqual([]);
    expect(full("2024-02-29", "2025-02-27")).toEqual([`probation-length@${at("full")}`]);
  });

  it("introducer-count: introducers given but not exactly two", () => {
    expect(of(person({ introducers: "张三、李四" }))).toEqual([]);
    expect(of(person({ introducers: null }))).toEqual([]);
    const one = check(register([person({ introducers: "张三" })]));
    expect(briefs(one)).toEqual([`introducer-count@${at("introducers")}`]);
    expect(only(one, "introducer-count")[0].message).toBe(
      "M4：入党介绍人写了 1 人（张三）。发展党员须有 2 名正式党员作入党介绍人（《中国共产党发展党员工作细则》第十四条），请核对。",
    );
    expect(of(person({ introducers: "张三，李四 王五" }))).toEqual([`introducer-count@${at("introducers")}`]);
  });

  it("each message is worded in English too, with the threshold in use", () => {
    const report = check(register([person({ introducers: "张三", talked: "2022-05-01" })]), { locale: "en-US" });
    expect(findingsOf(report).map((f) => f.message)).toEqual([
      "F4: the first talk (2022-05-01) came more than 1 months after the application (2022-03-01). The talk is due within 1 months of the application (development rules, article 7); please check.",
      "M4: 1 introducers are given (张三). A new member needs 2 full members as introducers (development rules, article 14); please check.",
    ]);
  });
});

describe("every threshold is a setting", () => {
  it("minAge, talkMonths, activistMonths, approvalMonths, approvalErrorMonths, probationMonths, fullGraceMonths, introducers", () => {
    expect(of(person({ birth: "2003-03-01", applied: "2022-03-01" }), development({ minAge: 20 }))).toEqual([`under-age@${at("applied")}`]);
    expect(only(check(register([person({ birth: "2003-03-01", applied: "2022-03-01" })]), development({ minAge: 20 })), "under-age")[0].message).toContain("未满 20 周岁");
    expect(of(person({ talked: "2022-04-15" }))).toEqual([`talk-late@${at("talked")}`]);
    expect(of(person({ talked: "2022-04-15" }), development({ talkMonths: 2 }))).toEqual([]);
    expect(of(person({ candidate: "2023-03-01" }))).toEqual([`activist-too-short@${at("candidate")}`]);
    expect(of(person({ candidate: "2023-03-01" }), development({ activistMonths: 6 }))).toEqual([]);
    expect(of(person({ approved: "2024-05-10" }), development({ approvalMonths: 1 }))).toEqual([`approval-late@${at("approved")}`]);
    const severity = (options: CheckOptions) => findingsOf(check(register([person({ approved: "2024-07-10" })]), options)).map((f) => f.severity);
    expect(severity({})).toEqual(["warning"]);
    expect(severity(development({ approvalErrorMonths: 4 }))).toEqual(["error"]);
    expect(of(person({ full: "2024-09-05" }), development({ probationMonths: 6 }))).toEqual([]);
    expect(of(person({ full: "2025-05-05" }))).toEqual([`probation-length@${at("full")}`]);
    expect(of(person({ full: "2025-05-05" }), development({ fullGraceMonths: 3 }))).toEqual([]);
    expect(of(person({ introducers: "张三、李四" }), development({ introducers: 3 }))).toEqual([`introducer-count@${at("introducers")}`]);
  });
});

describe("probation-overdue", () => {
  it("the probation ended on or before the period's last day and 转正 is blank: a warning about the person, at their row", () => {
    const people = [
      person({ name: "孙五", admitted: "2024-12-31", approved: "2025-01-20", full: null }),
      person({ name: "周六", admitted: "2025-01-01", approved: "2025-01-20", full: null }),
      person({ name: "吴七", admitted: "2024-06-30", approved: "2024-07-20", full: null, extension: 6 }),
    ];
    const flags = flagsOf(check(register(people)));
    expect(Object.keys(flags[0])).toEqual(["flag", "level", "branch", "unit", "sheet", "row", "label", "detail", "person"]);
    expect(flags).toEqual([
      {
        flag: "probation-overdue",
        level: "warning",
        branch: "第一党支部",
        unit: "机关一局",
        sheet: "发展党员台账",
        row: 4,
        label: "预备期满未转正",
        detail: "2024年12月31日接收为预备党员，预备期应于2025年12月31日期满，尚未转正",
        person: "孙五",
      },
      expect.objectContaining({ row: 6, person: "吴七", detail: "2024年6月30日接收为预备党员，延长预备期6个月，预备期应于2025年12月30日期满，尚未转正" }),
    ]);
    const english = flagsOf(check(register(people.slice(0, 1)), { locale: "en-US" }));
    expect(english.map((f) => f.detail)).toEqual(["admitted as a probationary member on 2024-12-31; the probation ended on 2025-12-31 and there is no full membership yet"]);
  });

  it("follows the period and probationMonths; a register without a 转正 column says nothing about 转正", () => {
    const overdue = person({ admitted: "2024-12-31", approved: "2025-01-20", full: null });
    expect(flagsOf(check(register([overdue], { title: ["统计期间：2025年上半年"] })))).toEqual([]);
    expect(flagsOf(check(register([overdue], { title: ["统计期间：2025年上半年"] }), development({ probationMonths: 6 }))).map((f) => f.row)).toEqual([3]);
    const header = REGISTER_HEADER.filter((h) => h !== "转为正式党员时间");
    const row = [1, "第一党支部", "孙五", null, { date: 44000 }, null, null, null, { date: 45000 }, null, null, null, null];
    expect(flagsOf(check(grid([["统计期间：2025年"], header, row])))).toEqual([]);
  });
});

describe("the period", () => {
  it("comes from the title block, else the assessment year, else the year most people were admitted in, said by period-unknown", () => {
    const people = [person({ admitted: "2024-03-05" }), person({ admitted: "2025-02-01", approved: "2025-03-01", full: null }), person({ admitted: "2025-03-01", approved: "2025-04-01", full: null })];
    const untitled = register(people, { title: ["发展党员台账"] });
    expect(briefs(check(untitled))).toEqual(["period-unknown@A1"]);
    expect(only(check(untitled), "period-unknown")[0].message).toContain("2025 年");
    // Read as 2026, both probations of 2025 admissions have ended.
    expect(flagsOf(check(untitled, { settings: { assessmentYear: 2026 } })).map((f) => f.row)).toEqual([4, 5]);
  });
});

describe("against the 统计表 (LEDGERS.md §6)", () => {
  const people = [
    person({ name: "甲", admitted: "2025-03-05", approved: "2025-04-01", full: null }),
    person({ name: "乙", admitted: "2024-03-05" }),
    person({ name: "丙", admitted: "2025-12-31", approved: null, full: null }),
    person({ branch: "第二党支部", name: "丁", admitted: "2025-05-05", approved: "2025-06-01", full: null }),
  ];
  const against = (rows: { branch: string; newMembers: number | null }[], title?: string[]) =>
    checkBooks([
      { file: "统计表.xlsx", grids: [reporting(rows)] },
      { file: "台账.xlsx", grids: [register(people, { title })] },
    ]);

  it("the reported newMembers equal to the admissions within the period: nothing", () => {
    expect(only(against([{ branch: "第一党支部", newMembers: 2 }, { branch: "第二党支部", newMembers: 1 }]), "ledger-mismatch")).toEqual([]);
  });

  it("a different count gets ledger-mismatch at the 统计表 cell, naming the register rows", () => {
    const found = only(against([{ branch: "第一党支部", newMembers: 3 }, { branch: "第二党支部", newMembers: 0 }]), "ledger-mismatch");
    expect(found.map((f) => [f.sheet, f.cell, f.field, f.value, f.severity])).toEqual([
      ["统计表", "H3", "newMembers", 3, "warning"],
      ["统计表", "H4", "newMembers", 0, "warning"],
    ]);
    expect(found[0].message).toBe("H3：本年发展党员数报表填报 3 人，台账记录 2 人（发展党员台账 第4、6行）。请核对报表与台账。");
    expect(found[1].message).toBe("H4：本年发展党员数报表填报 0 人，台账记录 1 人（发展党员台账 第7行）。请核对报表与台账。");
  });

  it("a register of another period is not compared; a branch with rows but no admission in the period is", () => {
    const found = only(against([{ branch: "第一党支部", newMembers: 2 }, { branch: "第二党支部", newMembers: 1 }], ["统计期间：2024年"]), "ledger-mismatch");
    expect(found).toEqual([]);
    const none = checkBooks([
      { file: "统计表.xlsx", grids: [reporting([{ branch: "第一党支部", newMembers: 1 }])] },
      { file: "台账.xlsx", grids: [register([person({ admitted: "2024-03-05" })])] },
    ]);
    expect(only(none, "ledger-mismatch").map((f) => f.message)).toEqual(["H3：本年发展党员数报表填报 1 人，台账（发展党员台账）中没有计入的记录。请核对报表与台账。"]);
  });

  it("a blank 统计表 cell is not compared", () => {
    expect(only(against([{ branch: "第一党支部", newMembers: null }]), "ledger-mismatch")).toEqual([]);
  });
});
