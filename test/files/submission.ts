/**
 * The submission the reader's tests share (read.test.ts, xlsx.test.ts): one text, so LibreOffice
 * converts it once into the shared cache.
 */
import { fods } from "../support/fods";

/** A submission sheet as departments send them: title block, two-row merged header, merged unit. */
export const SUBMISSION = fods([
  {
    name: "填报表",
    rows: [
      [{ value: "2025年度党支部工作情况统计表", colSpan: 7 }],
      ["填报单位：机关党委　统计期间：2025年"],
      [
        { value: "序号", rowSpan: 2 },
        { value: "党支部名称", rowSpan: 2 },
        { value: "所属单位", rowSpan: 2 },
        { value: "三会一课（次）", colSpan: 2 },
        null,
        { value: "正式党员数", rowSpan: 2 },
        { value: "备注", rowSpan: 2 },
      ],
      [null, null, null, "党员大会", "党课", null, null],
      [
        1,
        "机关第1党支部（Party Branch A）",
        { value: "办公室", rowSpan: 3 },
        4,
        { formula: "of:=SUM([.I5:.J5])" }, // 0 + blank: a cached result of 0
        "１２", // full-width digits typed as text
        { formula: 'of:=IF([.F5]="";"空";"")' }, // cached result ""
        null,
        0,
      ],
      [2, "第二党支部", null, { formula: "of:=1/0" }, { formula: "of:=NA()" }, 7, { formula: 'of:=INDIRECT("ZZZ")' }],
      [3, "第三党支部", null, 3, 2.5, { formula: "of:=TRUE()" }, { formula: "of:=1=2" }],
      [],
      [
        "填报日期",
        { date: "2025-03-01" },
        { date: "2025-03-01T12:30:00" },
        true, // LibreOffice stores a literal boolean as the number 1
        "=1+1",
        "  前后空格  ",
        "甲\n乙",
        null,
        null,
        null,
        null,
        "远",
      ],
      ["注：本表由各党支部填写。"],
    ],
  },
  { name: "隐藏表", hidden: true, rows: [["隐藏内容"]] },
  { name: "空白", rows: [] },
]);
