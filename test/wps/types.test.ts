/**
 * et-jsapi-declare's ET types are assignable to the subset src/wps uses (src/wps/et.ts): the
 * adapter asks only for members WPS declares, with the shapes it declares, and the fake ET model
 * the tests run on implements that same subset. Each conversion below fails to compile when
 * et-jsapi-declare's type lacks a member of ours or types it differently.
 */
/// <reference types="et-jsapi-declare" />
import type { EtApplication, EtComments, EtFormatConditions, EtNames, EtRange, EtSheets, EtValidation, EtWindow, EtWorkbook, EtWorksheet } from "../../src/wps/et";

/**
 * The one refinement: Sheets.Item returns Worksheet | Sheets because an array of indexes gives a
 * Sheets; the adapter only ever passes one index or name, which gives a Worksheet.
 */
type OneSheetItem = Omit<Et.Sheets, "Item"> & { Item(index: string | number): Et.Worksheet };
type Workbook = Omit<Et.Workbook, "Worksheets"> & { readonly Worksheets: OneSheetItem };
type Application = Omit<WPSMergedRoot, "ActiveWorkbook"> & { readonly ActiveWorkbook: Workbook };

const conversions = {
  range: (x: Et.Range): EtRange => x,
  worksheet: (x: Et.Worksheet): EtWorksheet => x,
  sheets: (x: OneSheetItem): EtSheets => x,
  workbook: (x: Workbook): EtWorkbook => x,
  names: (x: Et.Names): EtNames => x,
  formatConditions: (x: Et.FormatConditions): EtFormatConditions => x,
  comments: (x: Et.Comments): EtComments => x,
  validation: (x: Et.Validation): EtValidation => x,
  window: (x: Et.Window): EtWindow => x,
  application: (x: Application): EtApplication => x,
};

test("et-jsapi-declare's types implement the subset the adapter uses", () => {
  expect(Object.keys(conversions)).toHaveLength(10);
});
