/**
 * Which sheets are ours, in WPS 表格. ET has no Worksheet.id (Excel's stable sheet id), so each
 * sheet the add-in makes — and each department's sheet it imports — carries a hidden
 * worksheet-scoped defined name DJ_Tag whose text is a small JSON object: a random id, the
 * sheet's role and, for an imported sheet once settled, its 填报单位. A sheet-scoped name is
 * saved with the file, follows the sheet through renames and dies with it, which is what a sheet
 * id is for. A sheet without our tag is the user's: never deleted, renamed or overwritten.
 *
 * Calls: about four per worksheet to list the sheets with their tags (the sheet, its name, its
 * names' count, and each sheet-scoped name's Name and RefersTo — normally just ours).
 */
import type { SheetRole } from "../engine/sheets/spec";
import { refusal } from "./errors";
import { worksheetsOf } from "./marks";
import type { EtApplication, EtName, EtWorkbook, EtWorksheet } from "./et";

/** The defined name every sheet of ours carries, scoped to that sheet. */
export const TAG_NAME = "DJ_Tag";

/** "record": the very hidden sheet of record.ts; "imported": a department's sheet brought in by 导入. */
export type TagRole = SheetRole | "record" | "imported";

export interface SheetTag {
  id: string;
  role: TagRole;
  /** 填报单位 of an imported sheet, once settled. */
  unit?: string;
}

const ROLES: ReadonlySet<string> = new Set<TagRole>(["report", "consolidated", "flags", "results", "settings", "coverage", "template", "frozen", "record", "imported"]);

/** Excel's (and ET's) longest string literal inside a formula. */
const MAX_LITERAL = 255;
/** A unit is cut to this many characters before the literal's length is checked. */
const MAX_UNIT = 60;

/** The active workbook, refused in a sentence when WPS has none open (a pane can outlive its workbook). */
export function activeBook(app: EtApplication): EtWorkbook {
  const book = app.ActiveWorkbook;
  if (!book) throw refusal("read", "NoWorkbook", "wps.refuse.noWorkbook");
  return book;
}

/** A random id, unique enough among the sheets of one workbook (64 bits). */
export function newId(): string {
  const bytes = globalThis.crypto.getRandomValues(new Uint8Array(8));
  return Array.from(bytes, (b) => b.toString(16).padStart(2, "0")).join("");
}

/** The tag's JSON as the body of a formula string literal: " doubled. */
function literalOf(tag: SheetTag): string {
  return JSON.stringify(tag).replace(/"/g, '""');
}

/** The name's RefersTo for a tag, the unit cut until the literal fits in 255 characters. */
export function tagFormula(tag: SheetTag): string {
  if (tag.unit === undefined) return `="${literalOf({ id: tag.id, role: tag.role })}"`;
  let unit = tag.unit.slice(0, MAX_UNIT);
  let literal = literalOf({ id: tag.id, role: tag.role, unit });
  // Quotes and backslashes grow in JSON and again in the literal: cut until it fits.
  while (literal.length > MAX_LITERAL && unit.length > 0) {
    unit = unit.slice(0, -1);
    literal = literalOf({ id: tag.id, role: tag.role, unit });
  }
  return `="${literal}"`;
}

/** The tag in a name's RefersTo; undefined when it is not one of ours. */
export function parseTag(refersTo: unknown): SheetTag | undefined {
  if (typeof refersTo !== "string") return undefined;
  const literal = /^\s*="(.*)"\s*$/s.exec(refersTo);
  if (!literal) return undefined;
  let value: unknown;
  try {
    value = JSON.parse(literal[1].replace(/""/g, '"'));
  } catch {
    // Text that is not JSON: a name of this spelling the user made, not a tag.
    return undefined;
  }
  const { id, role, unit } = (value ?? {}) as Record<string, unknown>;
  if (typeof id !== "string" || id === "" || typeof role !== "string" || !ROLES.has(role)) return undefined;
  return typeof unit === "string" ? { id, role: role as TagRole, unit } : { id, role: role as TagRole };
}

/** A sheet-scoped name may come back as "Sheet1!DJ_Tag" or "'My sheet'!DJ_Tag". */
function isTagName(name: string): boolean {
  return name.slice(name.lastIndexOf("!") + 1).toLowerCase() === TAG_NAME.toLowerCase();
}

/** The sheet's DJ_Tag names: one, unless a copy of a copy misbehaved. */
function tagNames(sheet: EtWorksheet): EtName[] {
  const names = sheet.Names;
  const count = names.Count;
  const found: EtName[] = [];
  for (let i = 1; i <= count; i++) {
    const name = names.Item(i);
    if (isTagName(name.Name)) found.push(name);
  }
  return found;
}

export function readTag(sheet: EtWorksheet): SheetTag | undefined {
  const [name] = tagNames(sheet);
  return name === undefined ? undefined : parseTag(name.RefersTo);
}

/** Tags the sheet, replacing a tag it had (a copy carries its original's). */
export function writeTag(sheet: EtWorksheet, tag: SheetTag): void {
  for (const name of tagNames(sheet)) name.Delete();
  sheet.Names.Add(TAG_NAME, tagFormula(tag), false);
}

export interface TaggedSheet {
  sheet: EtWorksheet;
  /** The sheet's name, read once. */
  name: string;
  tag: SheetTag | undefined;
}

/** Every worksheet in tab order, with its name and its tag (undefined: the user's). */
export function taggedSheets(book: EtWorkbook): TaggedSheet[] {
  return worksheetsOf(book).map((sheet) => ({ sheet, name: sheet.Name, tag: readTag(sheet) }));
}
