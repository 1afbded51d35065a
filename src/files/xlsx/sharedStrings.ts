/**
 * The shared-string table (xl/sharedStrings.xml) as the cells a `t="s"` cell refers to, built
 * once: every cell that shows the same text shares one Cell object, so a column of repeated
 * branch names or options costs one object, not one per row.
 *
 * Each item reads as exceljs reads it: the text of its <t>, or of its rich-text runs joined;
 * phonetic runs (<rPh>, the furigana of Japanese text) are not part of the text; an empty
 * <si/> is an empty cell while <si><t/></si> is the empty text.
 */
import { EMPTY, type Cell } from "../../engine/grid";
import type { Attributes, Wanted, XmlHandler } from "./xml";

/**
 * OOXML writes characters XML cannot hold as `_xHHHH_` (a carriage return is `_x000D_`).
 * exceljs decodes upper-case hex digits only; so do we.
 */
const ESCAPED = /_x([0-9A-F]{4})_/g;

export function unescapeText(text: string): string {
  return text.indexOf("_x") < 0 ? text : text.replace(ESCAPED, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
}

const enum Where {
  Document,
  Table,
  Item,
  ItemText,
  Run,
  RunText,
}

export class SharedStringsHandler implements XmlHandler {
  readonly strings: Cell[] = [];
  private where = Where.Document;
  private plain: string | undefined;
  private runs: string[] | undefined;
  private run = "";

  open(name: string, _attributes: Attributes): Wanted {
    switch (this.where) {
      case Where.Document:
        this.where = Where.Table;
        return "children";
      case Where.Table:
        if (name !== "si") break;
        this.where = Where.Item;
        this.plain = undefined;
        this.runs = undefined;
        return "children";
      case Where.Item:
        if (name === "t") {
          // A later <t> replaces an earlier one, as in exceljs.
          this.plain = "";
          this.where = Where.ItemText;
          return "text";
        }
        if (name !== "r") break;
        this.run = "";
        this.where = Where.Run;
        return "children";
      case Where.Run:
        if (name !== "t") break;
        this.run = "";
        this.where = Where.RunText;
        return "text";
    }
    // Phonetic runs, run properties, extensions: not part of the text.
    return "skip";
  }

  text(value: string): void {
    if (this.where === Where.ItemText) this.plain += value;
    else this.run += value;
  }

  close(): void {
    switch (this.where) {
      case Where.ItemText:
        this.where = Where.Item;
        return;
      case Where.RunText:
        this.where = Where.Run;
        return;
      case Where.Run:
        (this.runs ??= []).push(unescapeText(this.run));
        this.where = Where.Item;
        return;
      case Where.Item:
        this.strings.push(this.item());
        this.where = Where.Table;
        return;
      case Where.Table:
        this.where = Where.Document;
    }
  }

  private item(): Cell {
    if (this.plain !== undefined) return { kind: "text", value: unescapeText(this.plain) };
    if (this.runs !== undefined) return { kind: "text", value: this.runs.join("") };
    return EMPTY;
  }
}
