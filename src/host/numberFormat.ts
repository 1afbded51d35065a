/** Number formats as hosts hand them over with a cell's value (Excel, WPS). */

/**
 * Whether a number format shows a date. Excel hands dates over as serial numbers with a format
 * such as "yyyy/m/d", "yyyy\"年\"m\"月\"d\"日\"" or "[$-F800]dddd, mmmm dd, yyyy"; a time alone
 * ("h:mm", "[h]:mm:ss") is not a date.
 */
export function looksLikeDate(format: string): boolean {
  if (typeof format !== "string" || format === "" || /^general$/i.test(format)) return false;
  if (/\[\$-F800\]/i.test(format)) return true;
  const section = format.split(";")[0];
  if (/\[[hms]+\]/i.test(section)) return false; // elapsed time
  const bare = section
    .replace(/"[^"]*"/g, (quoted) => (/[年月日]/.test(quoted) ? "d" : ""))
    .replace(/\\./g, "")
    .replace(/\[[^\]]*\]/g, "")
    .replace(/_.|\*./g, "");
  if (/[yd年月日]/i.test(bare)) return true;
  return /m/i.test(bare) && !/[hs]/i.test(bare);
}
