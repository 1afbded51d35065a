/**
 * Flat ODS (.fods) text from a small description, for LibreOffice to turn into real .xlsx files.
 *
 * Rows are positional: `rows[r][c]` is the cell at row r+1, column c+1. A merged cell is
 * `{ value, colSpan, rowSpan }`; the positions it covers must be null (or left out) and are
 * written as <table:covered-table-cell/>. The same object form takes a `note` (a cell comment).
 *
 * What LibreOffice cannot write into an .xlsx, and so these fixtures cannot hold: boolean
 * literals (a literal `true` becomes the number 1 with a boolean format — use `of:=TRUE()` for a
 * real boolean), very hidden sheets, error literals (use a formula: `of:=1/0`, `of:=NA()`,
 * `of:=INDIRECT("ZZZ")` for #REF!), shared formulas, and tabs in text.
 */

export type FodsValue =
  | string
  | number
  | boolean
  /** An OpenFormula expression, e.g. "of:=SUM([.B2:.B5])" (arguments separated by ";"). */
  | { formula: string }
  /** "2025-03-01" (shown as a date) or "2025-03-01T12:30:00" (date and time). */
  | { date: string }
  /** Text in runs with their own formatting (exported as rich text). */
  | { rich: readonly { text: string; bold?: boolean; italic?: boolean }[] };

export interface FodsBox {
  value: FodsValue | null;
  colSpan?: number;
  rowSpan?: number;
  /** A comment on the cell, as a person would add one. */
  note?: string;
}

export type FodsCell = FodsValue | null | undefined | FodsBox;

export interface FodsSheet {
  name: string;
  rows: readonly (readonly FodsCell[])[];
  hidden?: boolean;
}

const NS = [
  'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"',
  'xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0"',
  'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"',
  'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0"',
  'xmlns:number="urn:oasis:names:tc:opendocument:xmlns:datastyle:1.0"',
  'xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0"',
  'xmlns:of="urn:oasis:names:tc:opendocument:xmlns:of:1.2"',
].join(" ");

const STYLES = `<office:automatic-styles>
<style:style style:name="taV" style:family="table"><style:table-properties table:display="true"/></style:style>
<style:style style:name="taH" style:family="table"><style:table-properties table:display="false"/></style:style>
<number:date-style style:name="nDate"><number:year number:style="long"/><number:text>-</number:text><number:month number:style="long"/><number:text>-</number:text><number:day number:style="long"/></number:date-style>
<number:date-style style:name="nDateTime"><number:year number:style="long"/><number:text>-</number:text><number:month number:style="long"/><number:text>-</number:text><number:day number:style="long"/><number:text> </number:text><number:hours number:style="long"/><number:text>:</number:text><number:minutes number:style="long"/><number:text>:</number:text><number:seconds number:style="long"/></number:date-style>
<style:style style:name="ceDate" style:family="table-cell" style:data-style-name="nDate"/>
<style:style style:name="ceDateTime" style:family="table-cell" style:data-style-name="nDateTime"/>
<style:style style:name="tB" style:family="text"><style:text-properties fo:font-weight="bold"/></style:style>
<style:style style:name="tI" style:family="text"><style:text-properties fo:font-style="italic"/></style:style>
<style:style style:name="tBI" style:family="text"><style:text-properties fo:font-weight="bold" fo:font-style="italic"/></style:style>
</office:automatic-styles>`;

/** XML 1.0 cannot carry most control characters at all: fail loudly rather than write a broken file. */
const NOT_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/;

export function escapeXml(text: string): string {
  if (NOT_XML.test(text)) throw new Error(`fods: text contains a character XML cannot hold: ${JSON.stringify(text)}`);
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;").replace(/'/g, "&apos;");
}

/**
 * One line of a text paragraph: XML collapses runs of spaces, ODF spells them out. Tabs are
 * refused: LibreOffice drops <text:tab/> from cell text when it writes .xlsx, so the fixture
 * would not hold what the test says (build such a cell with exceljs instead).
 */
function inlineText(line: string): string {
  if (line.includes("\t")) throw new Error(`fods: LibreOffice drops tabs from cell text in .xlsx: ${JSON.stringify(line)}`);
  return line
    .split(/( +)/)
    .map((part) => (part.startsWith(" ") ? `<text:s text:c="${part.length}"/>` : escapeXml(part)))
    .join("");
}

function paragraphs(text: string): string {
  return text
    .split(/\r\n|\r|\n/)
    .map((line) => `<text:p>${inlineText(line)}</text:p>`)
    .join("");
}

function richParagraphs(runs: readonly { text: string; bold?: boolean; italic?: boolean }[]): string {
  // Runs may contain line breaks: split them into paragraphs without losing the formatting.
  const lines: string[][] = [[]];
  for (const run of runs) {
    const style = run.bold && run.italic ? "tBI" : run.bold ? "tB" : run.italic ? "tI" : undefined;
    run.text.split(/\r\n|\r|\n/).forEach((piece, i) => {
      if (i > 0) lines.push([]);
      if (piece === "") return;
      const body = inlineText(piece);
      lines[lines.length - 1].push(style ? `<text:span text:style-name="${style}">${body}</text:span>` : body);
    });
  }
  return lines.map((parts) => `<text:p>${parts.join("")}</text:p>`).join("");
}

function isMerged(cell: FodsCell): cell is FodsBox {
  return typeof cell === "object" && cell !== null && "value" in cell;
}

/** The attributes and content of one cell's value. */
function valueXml(value: FodsValue | null | undefined): { attrs: string; body: string } {
  if (value === null || value === undefined) return { attrs: "", body: "" };
  if (typeof value === "string") return { attrs: ' office:value-type="string"', body: paragraphs(value) };
  if (typeof value === "number") {
    if (!Number.isFinite(value)) throw new Error(`fods: ${value} is not a finite number`);
    return { attrs: ` office:value-type="float" office:value="${value}"`, body: "" };
  }
  if (typeof value === "boolean") return { attrs: ` office:value-type="boolean" office:boolean-value="${value}"`, body: "" };
  if ("formula" in value) {
    if (!/^of:=/.test(value.formula)) throw new Error(`fods: formulas start with "of:=": ${value.formula}`);
    return { attrs: ` table:formula="${escapeXml(value.formula)}"`, body: "" };
  }
  if ("date" in value) {
    if (!/^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d+)?)?)?$/.test(value.date)) throw new Error(`fods: bad date ${value.date}`);
    const style = value.date.includes("T") ? "ceDateTime" : "ceDate";
    return { attrs: ` table:style-name="${style}" office:value-type="date" office:date-value="${value.date}"`, body: "" };
  }
  return { attrs: ' office:value-type="string"', body: richParagraphs(value.rich) };
}

function sheetXml(sheet: FodsSheet): string {
  /** "row,col" (0-based) of every position a merge covers, other than its own top-left cell. */
  const covered = new Set<string>();
  let rowCount = sheet.rows.length;
  const widths = sheet.rows.map((row) => row.length);
  sheet.rows.forEach((row, r) =>
    row.forEach((cell, c) => {
      if (!isMerged(cell)) return;
      const rowSpan = cell.rowSpan ?? 1;
      const colSpan = cell.colSpan ?? 1;
      if (!(Number.isInteger(rowSpan) && rowSpan >= 1 && Number.isInteger(colSpan) && colSpan >= 1)) {
        throw new Error(`fods: bad span at ${sheet.name} row ${r + 1} column ${c + 1}`);
      }
      for (let i = r; i < r + rowSpan; i++) {
        for (let j = c; j < c + colSpan; j++) {
          if (i === r && j === c) continue;
          const key = `${i},${j}`;
          if (covered.has(key)) throw new Error(`fods: merges overlap at ${sheet.name} row ${i + 1} column ${j + 1}`);
          covered.add(key);
          widths[i] = Math.max(widths[i] ?? 0, j + 1);
        }
      }
      rowCount = Math.max(rowCount, r + rowSpan);
    }),
  );

  const rows: string[] = [];
  for (let r = 0; r < rowCount; r++) {
    const row = sheet.rows[r] ?? [];
    const cells: string[] = [];
    for (let c = 0; c < (widths[r] ?? 0); c++) {
      const cell = row[c];
      if (covered.has(`${r},${c}`)) {
        if (cell !== null && cell !== undefined) {
          throw new Error(`fods: ${sheet.name} row ${r + 1} column ${c + 1} is covered by a merge and must be null`);
        }
        cells.push("<table:covered-table-cell/>");
        continue;
      }
      if (isMerged(cell)) {
        const { attrs, body } = valueXml(cell.value);
        const span =
          (cell.colSpan && cell.colSpan > 1 ? ` table:number-columns-spanned="${cell.colSpan}"` : "") +
          (cell.rowSpan && cell.rowSpan > 1 ? ` table:number-rows-spanned="${cell.rowSpan}"` : "");
        const note = cell.note === undefined ? "" : `<office:annotation>${paragraphs(cell.note)}</office:annotation>`;
        cells.push(`<table:table-cell${span}${attrs}>${note}${body}</table:table-cell>`);
      } else {
        const { attrs, body } = valueXml(cell);
        cells.push(body ? `<table:table-cell${attrs}>${body}</table:table-cell>` : `<table:table-cell${attrs}/>`);
      }
    }
    // A row needs at least one cell to be valid ODF.
    rows.push(`<table:table-row>${cells.join("") || "<table:table-cell/>"}</table:table-row>`);
  }
  const style = sheet.hidden ? "taH" : "taV";
  return `<table:table table:name="${escapeXml(sheet.name)}" table:style-name="${style}">${rows.join("\n")}</table:table>`;
}

export function fods(sheets: readonly FodsSheet[]): string {
  if (sheets.length === 0) throw new Error("fods: a workbook needs at least one sheet");
  const names = new Set<string>();
  for (const s of sheets) {
    if (names.has(s.name.toLowerCase())) throw new Error(`fods: duplicate sheet name ${s.name}`);
    names.add(s.name.toLowerCase());
  }
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<office:document ${NS} office:version="1.2" office:mimetype="application/vnd.oasis.opendocument.spreadsheet">`,
    STYLES,
    "<office:body><office:spreadsheet>",
    ...sheets.map(sheetXml),
    "</office:spreadsheet></office:body></office:document>",
    "",
  ].join("\n");
}
