/**
 * A department's submission made from an office's template that carries drop-down lists on whole
 * columns, as public 党建 systems' import templates do (issue 12): LibreOffice writes the lists
 * from a .fods — capped to the rows it was given — and their ranges are then widened to row
 * 1 048 576 in the sheet XML. `plain` is the same submission without the lists.
 */
import { readFile } from "node:fs/promises";
import { makeXlsx, messyRows } from "../cli/fixtures";
import { fods } from "./fods";
import { toXlsx } from "./libreoffice";
import { unzip, zip } from "./zip";

/** The messy submission's .fods with a 本年定级 list on L and whole-number checks on E:F, over 50 blank rows below it. */
function withDropDowns(text: string): string {
  const validations =
    "<table:content-validations>" +
    `<table:content-validation table:name="level" table:condition="of:cell-content-is-in-list(&quot;后进&quot;;&quot;一般&quot;;&quot;先进&quot;)" table:allow-empty-cell="true" table:base-cell-address="报表.L17"/>` +
    `<table:content-validation table:name="count" table:condition="of:cell-content-is-whole-number() and cell-content()&gt;=0" table:allow-empty-cell="true" table:base-cell-address="报表.E17"/>` +
    "</table:content-validations>";
  const blank =
    '<table:table-row table:number-rows-repeated="50">' +
    '<table:table-cell table:number-columns-repeated="4"/>' +
    '<table:table-cell table:number-columns-repeated="2" table:content-validation-name="count"/>' +
    '<table:table-cell table:number-columns-repeated="5"/>' +
    '<table:table-cell table:content-validation-name="level"/>' +
    "</table:table-row>";
  return text.replace("<office:spreadsheet>", `<office:spreadsheet>${validations}`).replace("</table:table>", `${blank}</table:table>`);
}

export async function wholeColumnListsSubmission(): Promise<{ plain: Buffer; template: Buffer }> {
  const plain = await readFile(await makeXlsx("messy", messyRows()));
  const made = await readFile(await toXlsx(withDropDowns(fods([{ name: "报表", rows: messyRows() }])), "messy-drop-downs"));
  const files = unzip(made);
  const sheet = "xl/worksheets/sheet1.xml";
  const widened = files.get(sheet)!.toString("utf8").replace(/(<dataValidation [^>]*sqref=")([A-Z]+)\d+:([A-Z]+)\d+"/g, '$1$23:$31048576"');
  files.set(sheet, Buffer.from(widened, "utf8"));
  return { plain, template: zip(files) };
}
