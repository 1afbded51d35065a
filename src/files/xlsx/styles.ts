/**
 * Which cell styles show a number as a date: all the reader takes from xl/styles.xml. A cell's
 * `s` is an index into <cellXfs>; each <xf> names a number format by id, either one of the
 * workbook's own <numFmts> or a built-in one. Fonts, fills, borders and the rest are not read.
 *
 * "Date" is decided exactly as exceljs decides it, so the two readers agree on every file:
 * - exceljs's date test (utils.isDateFmt): with [bracketed] and "quoted" parts removed, the
 *   code has one of y m d h M s b — so times ("h:mm") count as dates too;
 * - a custom code has its backslash escapes removed first ("0\h" becomes "0h", a date);
 * - built-in ids are those of exceljs's table that have a code (defaultnumformats.js): of them,
 *   14–22 and 45–47 pass the test. The East Asian ids (27–36, 50–58) have no code there, so a
 *   number in one of them reads as a number unless the workbook defines the id itself;
 * - style 0 is never a date, whatever its format (exceljs skips `s="0"`).
 */
import type { Attributes, Wanted, XmlHandler } from "./xml";

const BUILT_IN_DATE_IDS: ReadonlySet<number> = new Set([14, 15, 16, 17, 18, 19, 20, 21, 22, 45, 46, 47]);

function isDateFormat(code: string): boolean {
  return /[ymdhMsb]/.test(code.replace(/\[[^\]]*]/g, "").replace(/"[^"]*"/g, ""));
}

const enum Where {
  Document,
  Sheet,
  Formats,
  CellFormats,
}

export class StylesHandler implements XmlHandler {
  private where = Where.Document;
  private readonly customFormats = new Map<number, string>();
  private readonly formatIds: number[] = [];

  open(name: string, attributes: Attributes): Wanted {
    switch (this.where) {
      case Where.Document:
        this.where = Where.Sheet;
        return "children";
      case Where.Sheet:
        if (name === "numFmts") this.where = Where.Formats;
        else if (name === "cellXfs") this.where = Where.CellFormats;
        else break;
        return "children";
      case Where.Formats: {
        const code = attributes.get("formatCode");
        if (name === "numFmt" && code !== undefined) {
          this.customFormats.set(parseInt(attributes.get("numFmtId") ?? "", 10), code.replace(/\\(.)/g, "$1"));
        }
        break;
      }
      case Where.CellFormats:
        if (name === "xf") this.formatIds.push(parseInt(attributes.get("numFmtId") ?? "", 10));
        break;
    }
    return "skip";
  }

  text(): void {}

  close(): void {
    this.where = this.where === Where.Sheet ? Where.Document : Where.Sheet;
  }

  /** For each cell style (its index, a cell's `s`), whether a number in it is a date. */
  dateStyles(): boolean[] {
    return this.formatIds.map((id, index) => {
      if (index === 0 || !id) return false;
      const code = this.customFormats.get(id);
      return code ? isDateFormat(code) : BUILT_IN_DATE_IDS.has(id);
    });
  }
}
