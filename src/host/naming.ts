/**
 * Names for what every host makes — sheets, tables, files — never taking one already in use:
 * "汇总" → "汇总 (2)", table "Consolidated" → "Consolidated_2", "报表.xlsx" → "报表 (2).xlsx".
 */

/** The n-th candidate name for a file: "报表.xlsx", then "报表 (2).xlsx", "报表 (3).xlsx"… */
export function numberedName(name: string, n: number): string {
  if (n <= 1) return name;
  const dot = name.lastIndexOf(".");
  const [stem, ext] = dot > 0 ? [name.slice(0, dot), name.slice(dot)] : [name, ""];
  return `${stem} (${n})${ext}`;
}

/** Excel's limit on a worksheet name, in UTF-16 units. */
export const MAX_SHEET_NAME = 31;

/** Cuts to `max` UTF-16 units without splitting a surrogate pair. */
function cut(text: string, max: number): string {
  if (text.length <= max) return text;
  const head = text.slice(0, max);
  return /[\uD800-\uDBFF]$/.test(head) ? head.slice(0, -1) : head;
}

/**
 * A valid worksheet name: no []:*?/\ (replaced by "_"), not starting or ending with an
 * apostrophe, not empty ("_" stands in), not the reserved "History", at most 31 units.
 */
export function sanitiseSheetName(name: string): string {
  let clean = name
    .replace(/[[\]:*?/\\]/g, "_")
    .replace(/[\u0000-\u001f]/g, "")
    .trim()
    .replace(/^'+|'+$/g, "");
  // Only a name of nothing but spaces, control characters or apostrophes comes to this.
  if (clean === "") clean = "_";
  if (clean.toLowerCase() === "history") clean = `${clean}_`;
  return cut(clean, MAX_SHEET_NAME).trim();
}

/**
 * The first free name of `wanted` (sanitised), "wanted", "wanted (2)", … shortened so the suffix
 * always fits. Excel compares sheet names without regard to case.
 */
export function uniqueSheetName(wanted: string, taken: Iterable<string>): string {
  const base = sanitiseSheetName(wanted);
  const used = new Set([...taken].map((name) => name.toLowerCase()));
  for (let n = 1; ; n++) {
    // numberedName of an empty stem is just the suffix (" (2)"), so the stem can be cut to fit it.
    const suffix = numberedName("", n);
    const candidate = cut(base, MAX_SHEET_NAME - suffix.length).trim() + suffix;
    if (!used.has(candidate.toLowerCase())) return candidate;
  }
}

/**
 * The first free table name: tables and defined names share one namespace, where spaces and
 * parentheses are not allowed, hence "_2" rather than " (2)".
 */
export function uniqueTableName(wanted: string, taken: Iterable<string>): string {
  const used = new Set([...taken].map((name) => name.toLowerCase()));
  for (let n = 1; ; n++) {
    const candidate = n === 1 ? wanted : `${wanted}_${n}`;
    if (!used.has(candidate.toLowerCase())) return candidate;
  }
}

/** A workbook-scoped defined name the add-in made, with the id of the sheet it was made for. */
export interface OwnedName {
  name: string;
  sheetId: string;
}

/**
 * What writing a sheet of ours does to the workbook's defined names, compared without case as
 * Excel and WPS compare them. `taken`: a name the sheet wants that the user holds — the write is
 * refused. `drop`: our names that go, made for a sheet being replaced (they would point at #REF!)
 * or wanted again; `dropped` the same in lower case. `kept`: our names still in the workbook that
 * stay recorded.
 */
export function planDefinedNames<T extends OwnedName>(
  wanted: readonly { name: string }[],
  existing: { has(lowerCaseName: string): boolean },
  owned: readonly T[],
  replacedSheetIds: ReadonlySet<string>,
): { taken?: string; drop: T[]; dropped: ReadonlySet<string>; kept: T[] } {
  const ours = owned.filter((item) => existing.has(item.name.toLowerCase()));
  const isOurs = (name: string) => ours.some((item) => item.name.toLowerCase() === name.toLowerCase());
  const taken = wanted.find((item) => existing.has(item.name.toLowerCase()) && !isOurs(item.name))?.name;
  const wantedNames = new Set(wanted.map((item) => item.name.toLowerCase()));
  const drop = ours.filter((item) => replacedSheetIds.has(item.sheetId) || wantedNames.has(item.name.toLowerCase()));
  const dropped = new Set(drop.map((item) => item.name.toLowerCase()));
  return { taken, drop, dropped, kept: ours.filter((item) => !dropped.has(item.name.toLowerCase())) };
}
