/**
 * The lean .xlsx reader: a workbook file into the engine's Grids without exceljs, synchronously,
 * in Node and in the browser alike (no Node APIs). It gives the grids readWorkbook (read.ts)
 * gives for the same file and refuses the same files for the same reasons, but never builds
 * exceljs's model: each part it needs is inflated as a stream (zip.ts) and scanned as it
 * inflates (xml.ts), the limits are counted on the way, and what the engine does not use —
 * styles beyond number formats, data validations, drawings — is never materialised.
 *
 * Parts read: xl/workbook.xml and its relationships, the shared strings, the styles, and the
 * worksheets the workbook lists (hidden ones too). A worksheet part the workbook does not list is
 * not read at all. Every limit of limits.ts holds but maxValidatedCells: data validations are
 * not read, so a template's drop-down lists on whole columns cost nothing (issue 12).
 */
import type { Cell, Grid } from "../../engine/grid";
import { DEFAULT_READ_LIMITS, type ReadLimits } from "../limits";
import { WorkbookReadError } from "../readError";
import { SharedStringsHandler } from "./sharedStrings";
import { StylesHandler } from "./styles";
import {
  DEFAULT_SHARED_STRINGS,
  DEFAULT_STYLES,
  RelationshipsHandler,
  WORKBOOK_PART,
  WORKBOOK_RELATIONSHIPS,
  WorkbookHandler,
} from "./workbook";
import { CellPool, WorksheetHandler, type WorkbookTotals } from "./worksheet";
import { Archive, megabytes } from "./zip";
import { corrupt, XmlScanner, type XmlHandler } from "./xml";

/** A zip (and so an .xlsx) starts with a local file header "PK\3\4". */
export function looksLikeZip(bytes: Uint8Array): boolean {
  return bytes.length >= 4 && bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;
}

/**
 * OLE compound files: .xls and .et, and also any .xlsx saved with an open password (Office
 * encrypts it into an OLE container). Worth a message of its own: the fix differs.
 */
export function looksLikeOle(bytes: Uint8Array): boolean {
  const magic = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
  return bytes.length >= magic.length && magic.every((b, i) => bytes[i] === b);
}

/** Inflates one part into `handler`, decoding UTF-8 as it comes; the part must be well-formed XML. */
function parse<H extends XmlHandler>(archive: Archive, part: string, handler: H): H {
  const scanner = new XmlScanner(handler);
  const decoder = new TextDecoder();
  archive.read(part, (chunk) => scanner.push(decoder.decode(chunk, { stream: true })));
  scanner.push(decoder.decode());
  scanner.finish();
  return handler;
}

interface SheetToRead {
  name: string;
  visible: boolean;
  part: string;
}

/**
 * The sheets the workbook lists, in tab order, that are worksheets present in the file
 * (chart sheets and dangling entries are left out, as exceljs leaves them out).
 */
function sheetsToRead(archive: Archive, workbook: WorkbookHandler, relationships: RelationshipsHandler): SheetToRead[] {
  const sheets: SheetToRead[] = [];
  const names = new Set<string>();
  for (const entry of workbook.sheets) {
    const target = entry.relationship === undefined ? undefined : relationships.byId.get(entry.relationship);
    if (!target || !target.type.endsWith("/worksheet") || !archive.has(target.target)) continue;
    // A sheet without a name, or with the name of another (Excel compares without case), is
    // damaged; exceljs fails on both.
    if (entry.name === undefined || names.has(entry.name.toLowerCase())) throw corrupt();
    names.add(entry.name.toLowerCase());
    sheets.push({ name: entry.name, visible: entry.visible, part: target.target });
  }
  return sheets;
}

/**
 * Every worksheet of an .xlsx file, in tab order. Throws WorkbookReadError for unreadable data
 * and for a file over a read limit (the defaults when `limits` is not given).
 */
export function readXlsx(data: Uint8Array, limits: ReadLimits = DEFAULT_READ_LIMITS): Grid[] {
  if (data.length > limits.maxFileBytes) {
    throw new WorkbookReadError("too-large", { limit: "maxFileBytes", params: { size: megabytes(data.length), limit: megabytes(limits.maxFileBytes) } });
  }
  if (looksLikeOle(data)) throw new WorkbookReadError("legacy-or-encrypted");
  if (!looksLikeZip(data)) throw new WorkbookReadError("not-zip");
  const archive = new Archive(data, limits);
  // A zip without xl/workbook.xml (a .docx, an .ods, any other archive) has no sheets for us.
  if (!archive.has(WORKBOOK_PART)) throw new WorkbookReadError("no-sheets");
  const workbook = parse(archive, WORKBOOK_PART, new WorkbookHandler());
  const relationships = new RelationshipsHandler("xl/");
  if (archive.has(WORKBOOK_RELATIONSHIPS)) parse(archive, WORKBOOK_RELATIONSHIPS, relationships);
  const sheets = sheetsToRead(archive, workbook, relationships);
  if (sheets.length === 0) throw new WorkbookReadError("no-sheets");

  const partOf = (kind: string, fallback: string) => {
    const part = relationships.targetOfType(kind) ?? fallback;
    return archive.has(part) ? part : undefined;
  };
  const stringsPart = partOf("sharedStrings", DEFAULT_SHARED_STRINGS);
  const stylesPart = partOf("styles", DEFAULT_STYLES);
  const sharedStrings: Cell[] = stringsPart ? parse(archive, stringsPart, new SharedStringsHandler()).strings : [];
  const dateStyles = stylesPart ? parse(archive, stylesPart, new StylesHandler()).dateStyles() : [];

  const counts: WorkbookTotals = { cells: 0, mergedCells: 0 };
  const context = { sharedStrings, pool: new CellPool(), dateStyles, date1904: workbook.date1904, limits, counts };
  return sheets.map((sheet) => parse(archive, sheet.part, new WorksheetHandler(context)).grid(sheet.name, sheet.visible));
}
