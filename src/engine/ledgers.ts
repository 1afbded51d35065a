/**
 * What every ledger shares once all sheets are read (LEDGERS.md §6): finding the 统计表 row of a
 * ledger's branch, for the same period, and saying where a reported figure and its record differ.
 */
import { makeFinding, type SheetFinding } from "./findings";
import { BranchIndex } from "./identity";
import type { Reported } from "./kinds/kind";
import type { ParsedSheet, SheetPeriod } from "./sheet";
import { fieldAt, type DataRow } from "./rows";
import { engineText } from "../i18n/engine";
import { ledgersText } from "../i18n/kinds/ledgers";

/** A 统计表 without a year is about whichever year a ledger of the same months is. */
function samePeriod(reported: SheetPeriod, ledger: SheetPeriod): boolean {
  return (
    reported.startMonth === ledger.startMonth && reported.months === ledger.months && (reported.year === undefined || reported.year === ledger.year)
  );
}

/**
 * The 统计表 rows by branch identity (PRODUCT.md §2): by code when both sides have one, else by
 * unit and name when the ledger has a unit column, else by name.
 */
export class ReportedBranches {
  private readonly withUnit = new BranchIndex<Reported[]>(true);
  private readonly byName = new BranchIndex<Reported[]>(false);

  constructor(submissions: readonly ParsedSheet[]) {
    for (const sheet of submissions) {
      for (const row of sheet.rows) {
        if (!row.branch || row.fields.isInvalid("branch")) continue;
        // Rows of one branch (a 统计表 of each period) share one list; add keeps keys already taken.
        for (const index of [this.withUnit, this.byName]) {
          const list = index.find(row.code, row.unit, row.branch)?.item ?? [];
          list.push({ sheet, row });
          index.add(list, row.code, row.unit, row.branch);
        }
      }
    }
  }

  /** The 统计表 row of this ledger branch for the ledger's period, if one was validated with it. */
  find(ledger: ParsedSheet, branch: { code?: string; unit: string; branch: string }): Reported | undefined {
    const index = ledger.header.byKey.has("unit") ? this.withUnit : this.byName;
    const candidates = index.find(branch.code, branch.unit, branch.branch)?.item ?? [];
    return candidates.find((reported) => samePeriod(reported.sheet.period, ledger.period));
  }
}

/** A ledger row a recorded figure comes from. */
export interface RecordedRow {
  sheet: ParsedSheet;
  row: DataRow;
}

/** The row numbers of `recorded` by sheet, sheets in the order they first come, rows ascending. */
function rowsBySheet(recorded: readonly RecordedRow[]): { sheet: ParsedSheet; rows: number[] }[] {
  const bySheet = new Map<ParsedSheet, number[]>();
  for (const { sheet, row } of recorded) {
    const rows = bySheet.get(sheet);
    if (rows) rows.push(row.row);
    else bySheet.set(sheet, [row.row]);
  }
  return [...bySheet].map(([sheet, rows]) => ({ sheet, rows: rows.sort((a, b) => a - b) }));
}

/**
 * ledger-mismatch at the 统计表 cell of `key`: `reported` and `recorded` are the figures as said
 * ("4 次", "1 200 元"); `sources` the ledger rows behind the record (none: nothing counted);
 * `ledgers` the ledger sheets of the branch, named when nothing in them counted.
 */
export function ledgerMismatch(
  at: Reported,
  key: string,
  figures: { reported: string; recorded: string },
  sources: readonly RecordedRow[],
  ledgers: readonly ParsedSheet[],
): SheetFinding {
  const { sheet, row } = at;
  const t = ledgersText(sheet.locale);
  const words = engineText(sheet.locale);
  const rows = rowsBySheet(sources)
    .map((s) => t("rows", { sheet: s.sheet.sheet, rows: s.rows.join(words("list.items")) }))
    .join(words("list.groups"));
  const finding = makeFinding(
    sheet.sheet,
    {
      rule: "ledger-mismatch",
      variant: rows === "" ? "none" : "default",
      ...fieldAt(row, key),
      params: { ...figures, rows, ledger: [...new Set(ledgers.map((l) => l.sheet))].join(words("list.items")) },
    },
    sheet.locale,
    sheet.kind.fields,
  );
  return { sheet, finding };
}
