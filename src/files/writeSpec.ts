/**
 * A sheet of ours (a SheetSpec) written into an exceljs workbook, laid out as every host lays
 * it out (src/host/layout.ts): the 问题清单 of an annotated copy is the add-in's 问题清单.
 * Strings are written as text in "@" cells, so nothing a department typed becomes a formula.
 */
import type ExcelJS from "exceljs";
import type { OutCell, SheetSpec } from "../engine/sheets/spec";
import { hyperlinkFormula, layout } from "../host/layout";
import { uniqueSheetName } from "../host/naming";

const LINK_FONT: Partial<ExcelJS.Font> = { color: { argb: "FF0563C1" }, underline: true };

function put(cell: ExcelJS.Cell, value: OutCell, format: string): void {
  if (value === null) return;
  if (typeof value === "object") {
    // exceljs writes the formula without its "="; the cached result shows before any recalculation.
    if ("formula" in value) cell.value = { formula: value.formula.replace(/^=/, "") } as ExcelJS.CellFormulaValue;
    else {
      cell.value = { formula: hyperlinkFormula(value.link, value.text).slice(1), result: value.text } as ExcelJS.CellFormulaValue;
      cell.font = LINK_FONT;
    }
    return;
  }
  cell.value = value;
  if (format !== "General") cell.numFmt = format;
}

/** Adds the sheet under its name, or with a suffix when the workbook has a sheet of that name. */
export function addSpecSheet(workbook: ExcelJS.Workbook, spec: SheetSpec): ExcelJS.Worksheet {
  const name = uniqueSheetName(spec.name, workbook.worksheets.map((ws) => ws.name));
  const sheet = workbook.addWorksheet(name, spec.freezeRows ? { views: [{ state: "frozen", ySplit: spec.freezeRows }] } : undefined);
  sheet.columns = (spec.widths ?? []).map((width) => ({ width }));
  const canvas = layout(spec);
  if (canvas) {
    canvas.slots.forEach((line, r) =>
      line.forEach((slot, c) => {
        if (slot) put(sheet.getCell(canvas.row0 + r + 1, canvas.col0 + c + 1), slot.value, slot.format);
      }),
    );
  }
  for (const table of spec.tables ?? []) {
    table.columns.forEach((_, c) => (sheet.getCell(table.row + 1, table.col + c + 1).font = { bold: true }));
  }
  for (const cell of spec.cells ?? []) if (cell.bold) sheet.getCell(cell.row + 1, cell.col + 1).font = { bold: true };
  const first = spec.tables?.[0];
  if (first) {
    sheet.autoFilter = {
      from: { row: first.row + 1, column: first.col + 1 },
      to: { row: first.row + 1, column: first.col + first.columns.length },
    };
  }
  return sheet;
}
