/**
 * 导入: what an imported sheet is called in the workbook — the department (or branch) that
 * submitted it, and for a ledger its kind too, so a department's 统计表 and its ledger are two
 * imports, each replaced only by a later one of its own.
 */
import type { Grid } from "../grid";
import { kindText } from "../kinds";
import { readTitleBlock } from "../title";
import { recognise } from "../validate";
import { SheetView } from "../view";
import type { Locale } from "../../i18n";

/**
 * A 统计表 by its 填报单位 (else its sheet name); a ledger by its 填报单位 or branch and its kind
 * ("机关一局 三会一课台账"); null when the grid is no sheet of any kind.
 */
export function importName(grid: Grid, locale: Locale): string | null {
  const view = new SheetView(grid);
  const found = recognise(view);
  if (!found) return null;
  const title = readTitleBlock(view, found.header.top);
  if (found.kind.id === "submission") return title.unit ?? grid.sheet;
  return `${title.unit ?? title.branch ?? grid.sheet} ${kindText(found.kind.id, locale)("kind.name")}`;
}
