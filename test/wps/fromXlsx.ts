/**
 * An .xlsx file (a LibreOffice-made one in the tests) as the fake ET model's workbook data: what
 * WPS would hold after opening it — values (formulas' cached results), formulas, number formats
 * (dates as serials with their date format) and merged areas.
 */
import ExcelJS from "exceljs";
import { readFileSync } from "node:fs";
import { basename } from "node:path";
import type { FakeBookData, FakeCellData, FakeValue } from "./fakeEt";

const DAY_MS = 86_400_000;
/** 1970-01-01 as a 1900-system serial. */
const UNIX_EPOCH_SERIAL = 25_569;

function valueOf(value: unknown): FakeValue | undefined {
  if (value === null || value === undefined) return undefined;
  if (typeof value === "number" || typeof value === "string" || typeof value === "boolean") return value;
  if (value instanceof Date) return value.getTime() / DAY_MS + UNIX_EPOCH_SERIAL;
  if (typeof value === "object") {
    const error = (value as { error?: unknown }).error;
    if (typeof error === "string") return { error };
    const rich = (value as { richText?: { text?: string }[] }).richText;
    if (Array.isArray(rich)) return rich.map((run) => run.text ?? "").join("");
  }
  return undefined;
}

export async function fakeBookFromXlsx(file: string): Promise<FakeBookData> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(readFileSync(file) as unknown as ArrayBuffer);
  return {
    name: basename(file),
    sheets: workbook.worksheets.map((worksheet) => {
      const cells: FakeCellData[] = [];
      worksheet.eachRow({ includeEmpty: false }, (row) =>
        row.eachCell({ includeEmpty: false }, (cell) => {
          if (cell.type === ExcelJS.ValueType.Merge) return;
          const formula = cell.type === ExcelJS.ValueType.Formula ? `=${cell.formula}` : undefined;
          // exceljs drops falsy cached results from cell.value: read them through cell.result.
          const value = valueOf(formula === undefined ? cell.value : cell.result);
          if (value === undefined && formula === undefined) return;
          const numberFormat = cell.numFmt || undefined;
          cells.push({ address: cell.address, value: value ?? "", ...(formula ? { formula } : {}), ...(numberFormat ? { numberFormat } : {}) });
        }),
      );
      return { name: worksheet.name, cells, merges: [...(worksheet.model.merges ?? [])] };
    }),
  };
}
