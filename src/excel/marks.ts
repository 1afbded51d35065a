/**
 * Marks on problem cells (PRODUCT.md §7, ENGINEERING.md §2): one custom conditional format per
 * severity per sheet (one per getRanges chunk: address lists stay under 8 192 characters),
 * errors red and warnings amber, and the messages as a note (ExcelApi 1.18), else a comment
 * (ExcelApi 1.10), else none.
 *
 * What we made is recorded in the workbook, in a CustomXmlPart of our namespace: it is saved
 * with the file, so 清除标记 works after closing and reopening, and after a sheet was renamed
 * (sheets are recorded by Worksheet.id). Ours is recognised by a signature, never by position
 * alone: a conditional format is ours when its custom rule is our signature formula, a note or
 * comment when its text starts with NOTE_PREFIX. On the recorded sheets (and the sheets being
 * marked) every format, note and comment of ours is removed, wherever inserted or deleted rows
 * have moved it; the user's own formats, notes and comments are never touched, and a cell that
 * already has the user's note or comment keeps it (the cell is still coloured).
 *
 * Syncs, whatever the number of findings: 1. the record's parts and the worksheets, 2. the
 * record's XML (skipped when there is none), 3. the formats, notes and comments of the sheets
 * concerned, [3b. where the comments are: comment mode while marking only], 4. delete and write.
 */
import type { Finding } from "../engine";
import type { Locale } from "../i18n";
import type { Progress } from "../host/host";
import { MARK_COLORS, NOTE_PREFIX, planMarks, SIGNATURE, type CellMark, type MarkSeverity } from "../host/marks";
import { chunkAddresses, parseRange } from "../host/address";
import { isSupported } from "./requirements";
import { jsonFromXml, jsonToXml, readPartXml, replaceParts } from "./xmlRecord";

export const MARKS_NAMESPACE = "urn:dj-assess:marks:1";
export type NoteKind = "note" | "comment" | "none";


export interface SheetMarks {
  /** Worksheet.id: stays the same when the sheet is renamed. */
  id: string;
  name: string;
  /** Address lists (each under 8 192 characters) a conditional format of ours covers. */
  formats: { severity: MarkSeverity; ranges: string }[];
  /** Cells given a note or comment, and which. */
  notes: string[];
  noteKind: NoteKind;
}

export interface MarkRecord {
  version: 1;
  sheets: SheetMarks[];
}

/** Which kind of note this Excel can write. */
export function supportedNoteKind(): NoteKind {
  if (isSupported("ExcelApi", "1.18")) return "note";
  if (isSupported("ExcelApi", "1.10")) return "comment";
  return "none";
}

// ---------- the record, as XML ----------

/** The record as the XML of one CustomXmlPart: JSON text inside one element of our namespace. */
export function recordToXml(record: MarkRecord): string {
  return jsonToXml(MARKS_NAMESPACE, "marks", record);
}

/** The record back from a part's XML; undefined when it is not one we can read. */
export function recordFromXml(xml: string): MarkRecord | undefined {
  const record = jsonFromXml(xml, "marks") as MarkRecord | undefined;
  return record && record.version === 1 && Array.isArray(record.sheets) ? record : undefined;
}

function isOurs(text: unknown): boolean {
  return typeof text === "string" && text.startsWith(NOTE_PREFIX);
}

function sameFormula(a: unknown, b: string): boolean {
  return typeof a === "string" && a.replace(/\s+/g, "").toUpperCase() === b.replace(/\s+/g, "").toUpperCase();
}

function cellKey(address: string): string | undefined {
  const r = parseRange(address);
  return r ? `${r.top}:${r.left}` : undefined;
}

// ---------- the one routine that clears and marks ----------

interface SheetWork {
  sheet: Excel.Worksheet;
  id: string;
  name: string;
  /** What the record says we made here (one entry per earlier run that left something). */
  old: SheetMarks[];
  marks?: Map<string, CellMark>;
  /** Every conditional format of the sheet. */
  formats?: Excel.ConditionalFormatCollection;
  /** Every note of the sheet. */
  allNotes?: Excel.NoteCollection;
  /** Notes at the cells to mark, by address (null objects where none). */
  notes: Map<string, Excel.Note>;
  comments?: Excel.CommentCollection;
  commentAt: Map<Excel.Comment, Excel.Range>;
}

export interface MarkOptions {
  /** The language of the notes' severity words. */
  locale: Locale;
  noteKind?: NoteKind;
  progress?: Progress;
}

/**
 * Removes the marks recorded in the workbook, then marks these findings (none: just clear) and
 * records what it made. Findings on sheets that no longer exist are left out.
 */
export async function replaceMarks(context: Excel.RequestContext, findings: Finding[], options: MarkOptions): Promise<MarkRecord> {
  const kind = options.noteKind ?? supportedNoteKind();
  const plan = planMarks(findings, options.locale);
  const book = context.workbook;
  const steps = 4;
  options.progress?.(0, steps);

  // Sync 1: our parts and the worksheets.
  const parts = book.customXmlParts.getByNamespace(MARKS_NAMESPACE);
  parts.load("items/id");
  const worksheets = book.worksheets;
  worksheets.load("items/id,items/name");
  await context.sync();
  options.progress?.(1, steps);

  // Sync 2: the record.
  const oldSheets: SheetMarks[] = [];
  for (const xml of await readPartXml(context, parts)) oldSheets.push(...(recordFromXml(xml)?.sheets ?? []));
  options.progress?.(2, steps);

  const byId = new Map(worksheets.items.map((ws) => [ws.id, ws]));
  const byName = new Map(worksheets.items.map((ws) => [ws.name, ws]));
  const work = new Map<string, SheetWork>();
  const workOf = (ws: Excel.Worksheet): SheetWork => {
    let w = work.get(ws.id);
    if (!w) work.set(ws.id, (w = { sheet: ws, id: ws.id, name: ws.name, old: [], notes: new Map(), commentAt: new Map() }));
    return w;
  };
  for (const old of oldSheets) {
    const ws = byId.get(old.id) ?? byName.get(old.name);
    if (!ws) continue; // the sheet is gone, and our marks with it
    const w = workOf(ws);
    w.old.push(old);
  }
  for (const [name, marks] of plan) {
    const ws = byName.get(name);
    if (ws) workOf(ws).marks = marks;
  }
  if (work.size === 0 && parts.items.length === 0) {
    options.progress?.(steps, steps);
    return { version: 1, sheets: [] };
  }

  // Sync 3: our formats, notes and comments on each sheet concerned (whole sheet: rows inserted
  // since marking move our marks along, away from the recorded addresses), and what stands at
  // the cells to note.
  // A workbook noted in Excel 365 may be cleared in an Excel without notes: ask only what it has.
  const notesApi = kind === "note" || isSupported("ExcelApi", "1.18");
  const commentsApi = kind === "comment" || isSupported("ExcelApi", "1.10");
  let anyComments = false;
  for (const w of work.values()) {
    w.formats = w.sheet.getRange().conditionalFormats;
    w.formats.load("items/id,items/type,items/customOrNullObject/rule/formula");
    const hadNotes = w.old.some((o) => o.noteKind === "note");
    const hadComments = w.old.some((o) => o.noteKind === "comment");
    if (notesApi && (kind === "note" || hadNotes)) {
      w.allNotes = w.sheet.notes;
      w.allNotes.load("items/content");
    }
    if (kind === "note") {
      for (const cell of w.marks?.keys() ?? []) {
        const note = w.sheet.notes.getItemOrNullObject(cell);
        note.load("content");
        w.notes.set(cell, note);
      }
    }
    if (commentsApi && (kind === "comment" || hadComments)) {
      w.comments = w.sheet.comments;
      w.comments.load("items/id,items/content");
      anyComments = true;
    }
  }
  await context.sync();

  // Sync 3b (comments only, when marking): where each comment is. Comments have no look-up by
  // cell that tolerates a missing one.
  if (anyComments && kind === "comment") {
    let queued = false;
    for (const w of work.values()) {
      if (!w.marks) continue;
      for (const comment of w.comments?.items ?? []) {
        const at = comment.getLocation();
        at.load("address");
        w.commentAt.set(comment, at);
        queued = true;
      }
    }
    if (queued) await context.sync();
  }
  options.progress?.(3, steps);

  // Sync 4: delete what we made, add the new marks, write the record.
  if (isSupported("ExcelApi", "1.9")) context.application.suspendScreenUpdatingUntilNextSync();
  const record: MarkRecord = { version: 1, sheets: [] };
  for (const w of work.values()) {
    for (const format of w.formats?.items ?? []) {
      const custom = format.customOrNullObject;
      if (format.type !== "Custom" || custom.isNullObject) continue;
      if (sameFormula(custom.rule.formula, SIGNATURE.error) || sameFormula(custom.rule.formula, SIGNATURE.warning)) format.delete();
    }
    for (const note of w.allNotes?.items ?? []) if (isOurs(note.content)) note.delete();
    for (const comment of w.comments?.items ?? []) if (isOurs(comment.content)) comment.delete();
    // Notes or comments this Excel cannot reach stay recorded, for an Excel that can.
    for (const old of w.old) {
      const unreachable = (old.noteKind === "note" && !notesApi) || (old.noteKind === "comment" && !commentsApi);
      if (unreachable && old.notes.length > 0) record.sheets.push({ id: w.id, name: w.name, formats: [], notes: old.notes, noteKind: old.noteKind });
    }
    /** Cells holding a comment of the user's. */
    const commented = new Set<string>();
    for (const [comment, at] of w.commentAt) {
      const key = cellKey(at.address);
      if (key && !isOurs(comment.content)) commented.add(key);
    }

    if (!w.marks) continue;
    const sheetMarks: SheetMarks = { id: w.id, name: w.name, formats: [], notes: [], noteKind: kind };
    for (const severity of ["error", "warning"] as const) {
      const cells = [...w.marks].filter(([, m]) => m.severity === severity).map(([c]) => c);
      for (const ranges of chunkAddresses(cells)) {
        const format = w.sheet.getRanges(ranges).conditionalFormats.add("Custom");
        format.custom.rule.formula = SIGNATURE[severity];
        format.custom.format.fill.color = MARK_COLORS[severity].fill;
        format.custom.format.font.color = MARK_COLORS[severity].font;
        sheetMarks.formats.push({ severity, ranges });
      }
    }
    for (const [cell, mark] of w.marks) {
      if (kind === "note") {
        const existing = w.notes.get(cell);
        // The user's note stays; ours was deleted above.
        if (existing && !existing.isNullObject && !isOurs(existing.content)) continue;
        w.sheet.notes.add(cell, mark.note);
        sheetMarks.notes.push(cell);
      } else if (kind === "comment") {
        if (commented.has(cellKey(cell) ?? "")) continue; // the user's comment stays
        w.sheet.comments.add(cell, mark.note);
        sheetMarks.notes.push(cell);
      }
    }
    record.sheets.push(sheetMarks);
  }
  replaceParts(book, parts, record.sheets.length > 0 ? recordToXml(record) : undefined);
  await context.sync();
  options.progress?.(steps, steps);
  return record;
}
