/**
 * Marks on problem cells in WPS 表格 (PRODUCT.md §10), the same plan as in Excel (src/host/marks):
 * errors red and warnings amber, as conditional formats (so the cell's own fill is never
 * changed), and the messages as comments.
 *
 * What is ours is told by its signature, which is saved with the workbook and follows a sheet
 * through renames, inserted rows and reopening: a conditional format whose formula is our
 * SIGNATURE, a comment whose text starts with NOTE_PREFIX. ET has no stable sheet id to record
 * marks by (Excel's Worksheet.id), so clearing looks at every worksheet: removing what carries our
 * signature and nothing else. A cell that already has the user's comment keeps it (the cell is
 * still coloured).
 *
 * Calls: per worksheet, a few to list its comments and conditional formats, plus one or two per
 * comment or format found; to mark, seven per list of up to 255 characters of addresses (ET's
 * Range() takes no more) and three per noted cell.
 */
import type { Finding } from "../engine";
import type { Locale } from "../i18n";
import type { Progress } from "../host/host";
import { chunkAddresses } from "../host/address";
import { MARK_COLORS, NOTE_PREFIX, planMarks, SIGNATURE } from "../host/marks";
import { bgr, XL, type EtApplication, type EtWorkbook, type EtWorksheet } from "./et";

/** The longest address list ET's Range() accepts. */
export const MAX_ADDRESS = 255;

function isOurs(text: unknown): boolean {
  return typeof text === "string" && text.startsWith(NOTE_PREFIX);
}

function isSignature(formula: unknown): boolean {
  const bare = typeof formula === "string" ? formula.replace(/\s+/g, "").toUpperCase() : "";
  return Object.values(SIGNATURE).some((signature) => bare === signature.replace(/\s+/g, "").toUpperCase());
}

export function worksheetsOf(book: EtWorkbook): EtWorksheet[] {
  const sheets = book.Worksheets;
  const count = sheets.Count;
  const out: EtWorksheet[] = [];
  for (let i = 1; i <= count; i++) out.push(sheets.Item(i));
  return out;
}

/** Removes our comments and conditional formats from one sheet; returns how many went. */
function clearSheet(sheet: EtWorksheet): number {
  let removed = 0;
  const comments = sheet.Comments;
  // Backwards: deleting shifts the indexes of the ones after.
  for (let i = comments.Count; i >= 1; i--) {
    const comment = comments.Item(i);
    if (isOurs(comment.Text())) {
      comment.Delete();
      removed++;
    }
  }
  const formats = sheet.Cells.FormatConditions;
  for (let i = formats.Count; i >= 1; i--) {
    const format = formats.Item(i);
    if (format.Type === XL.expression && isSignature(format.Formula1)) {
      format.Delete();
      removed++;
    }
  }
  return removed;
}

export interface MarkOptions {
  locale: Locale;
  progress?: Progress;
}

/**
 * Removes every mark of ours from the active workbook, then marks these findings (none: just
 * clear). Findings on sheets that no longer exist are left out. Screen updating is off meanwhile
 * and put back however it ends.
 */
export function replaceMarks(app: EtApplication, book: EtWorkbook, findings: readonly Finding[], options: MarkOptions): void {
  const plan = planMarks(findings, options.locale);
  const sheets = worksheetsOf(book);
  const total = sheets.length + plan.size;
  let done = 0;
  options.progress?.(0, total);
  const updating = app.ScreenUpdating;
  app.ScreenUpdating = false;
  try {
    for (const sheet of sheets) {
      clearSheet(sheet);
      options.progress?.(++done, total);
    }
    const byName = new Map(sheets.map((sheet) => [sheet.Name, sheet]));
    for (const [name, marks] of plan) {
      const sheet = byName.get(name);
      if (sheet) {
        for (const severity of ["error", "warning"] as const) {
          const cells = [...marks].filter(([, mark]) => mark.severity === severity).map(([cell]) => cell);
          for (const list of chunkAddresses(cells, MAX_ADDRESS)) {
            const format = sheet.Range(list).FormatConditions.Add(XL.expression, undefined, SIGNATURE[severity]);
            format.Interior.Color = bgr(MARK_COLORS[severity].fill);
            format.Font.Color = bgr(MARK_COLORS[severity].font);
          }
        }
        for (const [cell, mark] of marks) {
          const range = sheet.Range(cell);
          // Ours were deleted above: a comment still here is the user's, and stays.
          if (range.Comment) continue;
          range.AddComment(mark.note);
        }
      }
      options.progress?.(++done, total);
    }
  } finally {
    app.ScreenUpdating = updating;
  }
}
