/**
 * Hostile .xlsx files, built in memory in a fraction of a second: a sound little workbook
 * (written by exceljs) whose sheet1.xml is replaced by what a hostile or broken file carries.
 * Large XML is written as deflate pieces, each flushed to a byte boundary, so a piece repeated
 * a thousand times costs one compression: that is how a zip bomb is made.
 */
import { constants, crc32 as zlibCrc32, deflateRawSync } from "node:zlib";
import ExcelJS from "exceljs";
import { unzip, zipStored, type StoredEntry } from "./zip";

export const SHEET = "xl/worksheets/sheet1.xml";

const MAIN_NS = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";

/** The start and end of a worksheet part; `after` goes after <sheetData> (merges, validations). */
export function sheetXml(rows: string, after = ""): string {
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="${MAIN_NS}"><sheetData>${rows}</sheetData>${after}</worksheet>`;
}

/** `<row>`s 1…n with a number in column A. */
export function rowsXml(from: number, to: number): string {
  const rows: string[] = [];
  for (let r = from; r <= to; r++) rows.push(`<row r="${r}"><c r="A${r}"><v>${r}</v></c></row>`);
  return rows.join("");
}

/** A small workbook exceljs writes, one sheet 报表 with a header and two rows. */
export async function smallWorkbook(): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet("报表");
  sheet.addRows([["党支部名称", "党员大会"], ["第一党支部", 4], ["第二党支部", 2]]);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

export interface Piece {
  text: string;
  /** How many times the piece follows itself. */
  times?: number;
}

/**
 * One deflated part from pieces, with its true size. The CRC is computed only when asked: a
 * bomb's gigabytes are never inflated to the end, so nothing ever checks it.
 */
export function deflatePieces(name: string, pieces: readonly Piece[], options: { crc?: boolean; declaredSize?: number } = {}): StoredEntry {
  const packed: Buffer[] = [];
  let size = 0;
  let crc = 0;
  for (const { text, times = 1 } of pieces) {
    const data = Buffer.from(text, "utf8");
    // A full flush ends the piece on a byte boundary with an empty dictionary: copies of it
    // can follow one another in one stream.
    // Level 9 only where it pays: a repeated piece is compressed once.
    const block = deflateRawSync(data, { level: times > 1 ? 9 : 1, finishFlush: constants.Z_FULL_FLUSH });
    for (let i = 0; i < times; i++) {
      packed.push(block);
      if (options.crc) crc = zlibCrc32(data, crc);
    }
    size += data.length * times;
  }
  packed.push(deflateRawSync(Buffer.alloc(0)));
  return { name, method: 8, packed: Buffer.concat(packed), crc, size: options.declaredSize ?? size };
}

/** `workbook` with sheet1.xml replaced by `sheet` (text, or an entry as stored). */
export function withSheet(workbook: Buffer, sheet: string | StoredEntry): Buffer {
  const entries: StoredEntry[] = [];
  for (const [name, data] of unzip(workbook)) {
    if (name === SHEET) {
      entries.push(typeof sheet === "string" ? deflatePieces(SHEET, [{ text: sheet }], { crc: true }) : sheet);
    } else {
      entries.push({ name, method: 8, packed: deflateRawSync(data), crc: zlibCrc32(data), size: data.length });
    }
  }
  return zipStored(entries);
}

/** A sheet1.xml of `gigabytes` GB of spaces between its tags, declaring `declaredSize` (default: the truth). */
export function bombSheet(gigabytes: number, declaredSize?: number): StoredEntry {
  const [head, tail] = sheetXml("\u0000").split("\u0000");
  const megabyteOfSpaces = " ".repeat(1024 * 1024);
  return deflatePieces(SHEET, [{ text: head }, { text: megabyteOfSpaces, times: gigabytes * 1024 }, { text: tail }], { declaredSize });
}

let fullHeight: StoredEntry | undefined;

/** A sheet1.xml with every one of Excel's 1 048 576 rows, a number in each (built once). */
export function fullHeightSheet(): StoredEntry {
  if (fullHeight) return fullHeight;
  const [head, tail] = sheetXml("\u0000").split("\u0000");
  const pieces: Piece[] = [{ text: head }];
  const block = 65_536;
  for (let from = 1; from <= 1_048_576; from += block) pieces.push({ text: rowsXml(from, from + block - 1) });
  pieces.push({ text: tail });
  fullHeight = deflatePieces(SHEET, pieces, { crc: true });
  return fullHeight;
}
