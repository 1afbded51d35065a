/**
 * What the reader's tests share (read.test.ts, xlsx.test.ts): the submission, one text, so
 * LibreOffice converts it once into the shared cache; and a workbook of what only Excel-like
 * writers produce.
 */
import ExcelJS from "exceljs";
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

/**
 * Cases LibreOffice cannot write — very hidden sheets, literal booleans, literal error cells,
 * shared formulas, cell hyperlinks — written by exceljs as Excel writes them, on sheet 数据 (and
 * an empty very hidden sheet 深度隐藏).
 */
export async function excelLikeWorkbook(): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("数据");
  ws.getCell("A1").value = true;
  ws.getCell("B1").value = false;
  ws.getCell("C1").value = { error: "#REF!" };
  ws.getCell("D1").value = { error: "#SPILL!" } as unknown as ExcelJS.CellErrorValue;
  ws.getCell("A2").value = 5;
  ws.getCell("B2").value = 0;
  ws.getCell("C2").value = { formula: "A2*B2", result: 0, shareType: "shared", ref: "C2:C4" } as ExcelJS.CellFormulaValue;
  ws.getCell("A3").value = 2;
  ws.getCell("B3").value = 3;
  ws.getCell("C3").value = { sharedFormula: "C2", result: 6 };
  ws.getCell("A4").value = 0;
  ws.getCell("B4").value = 9;
  ws.getCell("C4").value = { sharedFormula: "C2", result: 0 };
  ws.getCell("A5").value = { text: "党建网站", hyperlink: "https://example.invalid/" };
  ws.getCell("B5").value = { richText: [{ text: "党支部" }, { text: "ABC", font: { bold: true } }] };
  ws.getCell("C5").value = new Date(Date.UTC(2024, 11, 31, 6, 0, 0));
  ws.getCell("C5").numFmt = "yyyy-mm-dd hh:mm";
  ws.getCell("D5").value = { formula: "TODAY()" }; // never calculated: no cached result
  ws.getCell("Z30").fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFFFFF00" } }; // styled, empty
  wb.addWorksheet("深度隐藏").state = "veryHidden";
  return Buffer.from(await wb.xlsx.writeBuffer());
}
