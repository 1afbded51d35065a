/**
 * The task pane's App on an Excel-like stand-in host, for the browser test and the README's
 * screenshots: the real components and engine in real Chromium, with an in-memory workbook in
 * place of Excel (no Excel runs on these machines; src/excel is tested against office-addin-mock).
 */
import { createRoot } from "react-dom/client";
import { App } from "../../../src/taskpane/App";
import { createValidationStore } from "../../../src/taskpane/validationStore";
import { StandInExcelHost, StandInWorkbook, submission } from "../../taskpane/standInWorkbook";
import { fullYear, ledger } from "../../engine/ledger";
import { member, wide } from "../../engine/duesLedger";
import { person, register } from "../../engine/register";

/** 第一党支部's year of meetings: no 党员大会 in the second quarter, no 支委会 in March or July; 张三 absent from February to July. */
const meetings = fullYear("第一党支部")
  .filter((m) => m.date !== "2025-04-10" && m.date !== "2025-03-05" && m.date !== "2025-07-05")
  .map((m) => (["党员大会", "主题党日"].includes(m.type) && String(m.date) >= "2025-02" && String(m.date) < "2025-08" ? { ...m, leave: 0, absent: 1, absentees: "张三" } : m));

const workbook = new StandInWorkbook([
  submission("机关一局", "机关一局", [
    [1, "第一党支部", 12, 1, 4, 4, 1, "一般", 95, 92],
    [2, "第二党支部", "１５", 0, 2, 4, 0, "后进", 78, 85],
    [3, "第三党支部", 8, 2, 4, "四", 1, "一般", 88, 91],
    [4, "第四党支部", 2.5, 0, 4, 4, 0, "先进", 120, 90],
  ]),
  submission("机关二局", "机关二局", [
    [1, "办公室党支部", 9, 1, 4, 4, 1, "先进", 93, 95],
    [2, "业务一处党支部", 7, 0, 1, 1, 0, "一般", 66, 70],
  ]),
  ledger(meetings, { sheet: "一支部台账" }),
  // 王五 paid nothing from March to August; 李四's monthly due is below his bracket (5000.01 元: 75 元).
  wide(
    [
      member("张三"),
      member("李四", { base: 5000.01, monthlyDue: 50, paid: Array(12).fill(50) }),
      member("王五", { paid: [40, 40, null, null, null, null, null, null, 40, 40, 40, 40] }),
    ],
    { sheet: "一支部党费" },
  ),
  // 陈五's probation ended on 2025-03-05 with no 转正; 冯四 became a 发展对象 six months after being an activist.
  register([person({}), person({ name: "陈五", full: null }), person({ name: "冯四", activist: "2023-03-01" })], { sheet: "一支部发展党员" }),
]);

const root = document.getElementById("root");
if (!root) throw new Error("the harness page has no #root");
createRoot(root).render(<App host={new StandInExcelHost(workbook)} store={createValidationStore()} />);
