/**
 * A department's workbook as an office receives it (issue 10): its 统计表, its 党费台账 (wide, with
 * 身份证号 and 联系电话 columns) and its 发展党员台账 (with 身份证号), made by LibreOffice, given to the
 * compiled dj-assess. Every planted problem is reported at its cell, every member in arrears and
 * every overdue probation flagged by name, the 统计表 held against both ledgers — and no ID or phone
 * number appears in anything the product writes (LEDGERS.md §8).
 */
import { copyFileSync, mkdtempSync, readdirSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { consolidatedSheet, flagsSheet, reportSheet, reportSource, validateWorkbooks } from "../../src/engine";
import { readWorkbook } from "../../src/files/read";
import { fods, type FodsCell } from "../support/fods";
import { toXlsx } from "../support/libreoffice";
import { requireBuiltCli, runCli } from "./run";

const IDS = ["620102198001015678", "62010219850202123X", "620102195503033456", "620102200304045678", "620102197505056789", "620102198806067890"];
const PHONES = ["13912345332", "13800001111", "15900002222", "18600003333", "13700004444", "13600005555"];
const REGISTER_IDS = ["620102199505011234", "620102199802021234", "620102200806011234", "620102199001011234", "620102199203031234", "620102199404041234"];
/** A phone number typed right of the dues table: an extra-cell whose value must be shown masked. */
const STRAY_PHONE = "13500006666";
const PERSONAL = [...IDS, ...PHONES, ...REGISTER_IDS, STRAY_PHONE];

const date = (iso: string) => ({ date: iso });
const months = (paid: (number | null)[]) => paid;
const every = (amount: number) => Array.from({ length: 12 }, () => amount);

function submissionRows(): FodsCell[][] {
  return [
    ["填报单位：机关一局\u3000统计期间：2025年"],
    ["序号", "党支部名称", "正式党员数", "预备党员数", "党员大会", "支委会", "党课", "本年发展党员数", "党建经费预算（元）", "党建经费支出（元）", "党费应缴（元）", "党费实缴（元）", "上次换届时间"],
    [1, "第一党支部", 9, 3, 4, 12, 4, 3, 20000, 15000, 2822.4, 2800, date("2021-06-15")],
  ];
}

/** Months 1–12 of each member; the totals: due 2 822.40 元 (as reported), paid 3 587.20 元 (2 800 reported). */
function duesRows(): FodsCell[][] {
  const member = (i: number, name: string, category: string, base: number, monthly: number, paid: (number | null)[], exemption: string | null = null) => [
    i + 1, "第一党支部", name, IDS[i], PHONES[i], category, base, monthly, ...paid, exemption,
  ];
  const header = ["序号", "党支部名称", "姓名", "身份证号", "联系电话", "人员类别", "缴费基数", "月缴纳额", ...Array.from({ length: 12 }, (_, m) => `${m + 1}月`), "减免情况"];
  const students = every(0.2);
  students[5] = 1200;
  const short = every(90);
  short[3] = 45;
  short[9] = short[10] = short[11] = null as unknown as number;
  return [
    ["2025年党费收缴台账"],
    ["填报单位：机关一局\u3000统计期间：2025年"],
    header,
    member(0, "张三", "在职", 3000, 15, every(15)),
    member(1, "李四", "在职", 5000.01, 50, every(50)),
    member(2, "王五", "退休", 4000, 20, months([20, 20, null, null, null, null, null, null, 20, 20, 20, 20])),
    member(3, "赵六", "学生", 0, 0.2, students),
    [...member(4, "钱七", "在职", 8000, 60, every(60), "经党委批准减免"), null, `联系人 ${STRAY_PHONE}`],
    member(5, "孙八", "在职", 6000, 90, short),
  ];
}

function registerRows(): FodsCell[][] {
  const person = (i: number, name: string, birth: FodsCell, dates: (string | null)[], extension: number | null, introducers: string | null) => [
    i + 1, "第一党支部", name, REGISTER_IDS[i], birth, ...dates.map((d) => (d === null ? null : date(d))), extension, introducers,
  ];
  return [
    ["填报单位：机关一局\u3000统计期间：2025年"],
    ["序号", "党支部名称", "姓名", "身份证号", "出生年月", "递交入党申请书时间", "首次组织谈话时间", "确定为入党积极分子时间", "确定为发展对象时间", "接收为预备党员时间", "党委审批时间", "转为正式党员时间", "延长预备期（月）", "入党介绍人"],
    person(0, "周一", "1995.05", ["2022-03-01", "2022-03-20", "2022-06-01", "2023-07-01", "2024-06-15", "2024-08-01", "2025-06-15"], null, "张三、李四"),
    person(1, "吴二", date("1998-02-10"), ["2023-01-10", "2023-01-20", "2023-04-01", "2024-05-01", "2025-03-05", "2025-04-20", null], null, "王五、赵六"),
    person(2, "郑三", date("2008-06-01"), ["2025-01-10", "2025-03-01", "2025-04-01", null, null, null, null], null, null),
    person(3, "冯四", date("1990-01-01"), ["2023-01-01", "2023-01-15", "2024-03-01", "2024-09-01", "2025-01-10", "2025-08-20", null], null, "张三"),
    person(4, "陈五", date("1992-03-03"), ["2022-05-01", "2022-05-10", "2022-04-01", "2023-06-01", "2024-03-05", "2024-04-01", null], null, "李四、王五"),
    person(5, "褚六", date("1994-04-04"), ["2021-01-01", "2021-01-10", "2021-03-01", "2022-05-01", "2024-01-10", "2024-02-01", "2024-12-01"], null, "赵六、钱七"),
  ];
}

interface Finding {
  rule: string;
  cell: string;
  severity: string;
  message: string;
  value?: unknown;
  fix?: unknown;
}
interface Flag {
  flag: string;
  level: string;
  row: number;
  person?: string;
  detail: string;
}
interface Sheet {
  sheet: string;
  kind: string;
  findings: Finding[];
  flags: Flag[];
}

let workbook: string;
let out: string;

beforeAll(async () => {
  requireBuiltCli();
  const dir = mkdtempSync(join(tmpdir(), "dj-cli-department-"));
  workbook = join(dir, "机关一局.xlsx");
  out = join(dir, "标注");
  const sheets = [
    { name: "统计表", rows: submissionRows() },
    { name: "党费台账", rows: duesRows() },
    { name: "发展党员台账", rows: registerRows() },
  ];
  copyFileSync(await toXlsx(fods(sheets), "department-ledgers"), workbook);
});

const json = () => {
  const run = runCli(["validate", workbook, "--json"]);
  expect(run.stderr).toBe("");
  return { run, sheets: JSON.parse(run.stdout).files[0].sheets as Sheet[] };
};
const briefs = (sheet: Sheet) => sheet.findings.map((f) => `${f.rule}@${f.cell}`);

describe("dj-assess validate <a department's 统计表, 党费台账 and 发展党员台账>", () => {
  it("reads each sheet as its kind, and exits 1 for the errors planted", () => {
    const { run, sheets } = json();
    expect(run.status).toBe(1);
    expect(sheets.map((s) => [s.sheet, s.kind])).toEqual([
      ["统计表", "submission"],
      ["党费台账", "dues"],
      ["发展党员台账", "development"],
    ]);
  });

  it("holds the 统计表 against both ledgers: 党费实缴 and 本年发展党员数 differ, 党费应缴 agrees; the term expired over a year ago", () => {
    const [submission] = json().sheets;
    expect(submission.findings.map((f) => [f.rule, f.cell, f.message])).toEqual([
      ["ledger-mismatch", "H3", "H3：本年发展党员数报表填报 3 人，台账记录 2 人（发展党员台账 第4、6行）。请核对报表与台账。"],
      ["ledger-mismatch", "L3", "L3：党费实缴报表填报 2 800 元，台账记录 3 587.2 元（党费台账 第4、5、6、7、8、9行）。请核对报表与台账。"],
    ]);
    expect(submission.flags.map((f) => [f.flag, f.level, f.detail])).toEqual([
      ["dues-shortfall", "warning", "实缴 2 800/应缴 2 822.4 元"],
      ["term-expired", "critical", "2021-06 换届，应于 2024-06 前换届"],
    ]);
  });

  it("reports every wrong amount at its cell and flags each member in arrears by name", () => {
    const dues = json().sheets[1];
    expect(briefs(dues)).toEqual(["dues-rate@H5", "large-payment@N7", "extra-cell@W8", "dues-underpaid@L9"]);
    expect(dues.findings[0]).toMatchObject({ severity: "error", fix: 75 });
    expect(dues.flags.map((f) => [f.flag, f.level, f.row, f.person, f.detail])).toEqual([
      ["dues-arrears", "critical", 6, "王五", "欠缴 2025年3–8月，共6个月"],
      ["dues-arrears", "warning", 9, "孙八", "欠缴 2025年10–12月，共3个月"],
    ]);
  });

  it("reports every out-of-order and late date at its cell and flags the overdue probation by name", () => {
    const register = json().sheets[2];
    expect(briefs(register)).toEqual([
      "under-age@F5",
      "talk-late@G5",
      "activist-too-short@I6",
      "approval-late@K6",
      "introducer-count@N6",
      "date-order@H7",
      "probation-length@L8",
    ]);
    expect(register.findings.find((f) => f.rule === "approval-late")).toMatchObject({ severity: "error" });
    expect(register.flags.map((f) => [f.flag, f.level, f.row, f.person])).toEqual([["probation-overdue", "warning", 7, "陈五"]]);
  });

  it("never writes an ID or phone number: not in the JSON, the summary, the annotated copy's 问题清单, nor 问题清单, 汇总 or 预警", async () => {
    const { run, sheets } = json();
    const extra = sheets[1].findings.find((f) => f.rule === "extra-cell");
    expect(extra).toMatchObject({ value: "联系人 135****6666" });
    const summary = runCli(["validate", workbook]);
    const annotated = runCli(["validate", workbook, "--annotate", out]);
    expect([summary.status, annotated.status]).toEqual([1, 1]);
    expect(readdirSync(out)).toContain("机关一局.xlsx");
    const grids = await readWorkbook(readFileSync(join(out, "机关一局.xlsx")));
    const ours = grids.filter((g) => !["统计表", "党费台账", "发展党员台账"].includes(g.sheet));
    expect(ours.map((g) => g.sheet)).toEqual(["问题清单"]);
    const { report, parsed } = validateWorkbooks([{ file: "机关一局.xlsx", grids: await readWorkbook(readFileSync(workbook)) }], { locale: "zh-CN" });
    const written = [
      run.stdout,
      summary.stdout,
      annotated.stdout,
      JSON.stringify(ours),
      JSON.stringify(reportSheet(reportSource(report), [], "zh-CN")),
      JSON.stringify(consolidatedSheet(parsed, "zh-CN")),
      JSON.stringify(flagsSheet(report, "zh-CN")),
    ];
    for (const text of written) for (const number of PERSONAL) expect(text.includes(number) ? number : "").toBe("");
    // The copy keeps the department's own cells as they were: its data is theirs, only our list is ours.
    expect(JSON.stringify(grids.find((g) => g.sheet === "党费台账"))).toContain(IDS[0]);
  });
});
