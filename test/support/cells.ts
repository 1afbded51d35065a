/** What a workbook holds, cell by cell, as exceljs reads it: for comparing a file with its annotated copy. */
import ExcelJS from "exceljs";

/** Every stored cell of a sheet: type, value, formula and cached result, merges by their master cell. */
export function snapshot(ws: ExcelJS.Worksheet): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  ws.eachRow({ includeEmpty: true }, (row) =>
    row.eachCell({ includeEmpty: true }, (cell) => {
      if (cell.type === ExcelJS.ValueType.Null) return;
      out[cell.address] =
        cell.type === ExcelJS.ValueType.Formula
          ? { type: cell.type, formula: cell.formula, result: cell.result }
          : cell.type === ExcelJS.ValueType.Merge
            ? { type: cell.type, master: cell.master.address }
            : { type: cell.type, value: cell.value };
    }),
  );
  return out;
}
