/**
 * office-addin-mock set-ups for the Excel adapter tests.
 *
 * office-addin-mock keeps properties in a tree and loads/syncs them, but it has no collections and
 * its methods are whatever functions the data defines. So the data below defines the few methods
 * the adapter calls (getUsedRangeOrNullObject, getRangeByIndexes, getMergedAreasOrNullObject, …):
 * each creates its result as a child mock *inside the tree* (addMock + populate), so the mock's
 * own context.sync() reaches it and loaded properties become readable. `isNullObject` is set as a
 * plain field: Office fills it on any sync, the mock would want it loaded by name.
 */
import { OfficeMockObject } from "office-addin-mock";

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type Mock = Record<string, any>;

export interface SheetData {
  name: string;
  visibility?: "Visible" | "Hidden" | "VeryHidden";
  /** Used range address, e.g. "B2:D5"; undefined for an empty sheet. */
  used?: string;
  values?: unknown[][];
  valueTypes?: string[][];
  numberFormat?: string[][];
  /** RangeAreas address of the merged areas, e.g. "Sheet1!B2:C2, Sheet1!D3:D5". */
  merged?: string;
}

function child(parent: Mock, key: string, data: Record<string, unknown>, isNullObject = false): Mock {
  if (!parent[key]) {
    parent.addMock(key);
    parent[key].populate(data);
    parent[key].isNullObject = isNullObject;
  }
  return parent[key];
}

function rangeSize(address: string): { rows: number; cols: number; row0: number; col0: number } {
  const m = /^([A-Z]+)(\d+)(?::([A-Z]+)(\d+))?$/.exec(address)!;
  const col = (s: string) => [...s].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0);
  const c1 = col(m[1]);
  const r1 = Number(m[2]);
  const c2 = m[3] ? col(m[3]) : c1;
  const r2 = m[4] ? Number(m[4]) : r1;
  return { rows: r2 - r1 + 1, cols: c2 - c1 + 1, row0: r1 - 1, col0: c1 - 1 };
}

/** The office-addin-mock data of one worksheet (functions included). */
export function sheetData(sheet: SheetData): Record<string, unknown> {
  const sheetName = sheet.name;
  return {
    id: `{${sheet.name}}`,
    name: sheet.name,
    visibility: sheet.visibility ?? "Visible",
    getUsedRangeOrNullObject: function (this: Mock) {
      if (!sheet.used) return child(this, "usedRange", { address: "", rowCount: 0, columnCount: 0 }, true);
      const size = rangeSize(sheet.used);
      return child(this, "usedRange", { address: `${sheetName}!${sheet.used}`, rowCount: size.rows, columnCount: size.cols });
    },
    activate: function (this: Mock) {
      this.activated = true;
    },
    getRange: function (this: Mock, address: string) {
      return child(this, `cell_${address}`, {
        select: function (this: Mock) {
          this.selected = true;
        },
      });
    },
    getRangeByIndexes: function (this: Mock, row: number, col: number, rows: number, cols: number) {
      this.rangeCalls = (this.rangeCalls ?? 0) + 1;
      const base = rangeSize(sheet.used ?? "A1");
      const cut = <T>(grid: T[][] | undefined, fill: T): T[][] =>
        Array.from({ length: rows }, (_, r) =>
          Array.from({ length: cols }, (_, c) => grid?.[row - base.row0 + r]?.[col - base.col0 + c] ?? fill),
        );
      return child(this, `range_${row}_${col}_${rows}_${cols}`, {
        values: cut(sheet.values, ""),
        valueTypes: cut(sheet.valueTypes, "Empty"),
        numberFormat: cut(sheet.numberFormat, "General"),
        getMergedAreasOrNullObject: function (this: Mock) {
          return child(this, "merged", { address: sheet.merged ?? "" }, !sheet.merged);
        },
      });
    },
  };
}

/**
 * A mock Excel global: Excel.run(cb) calls cb(context) with the mock context.
 * Worksheets form a hand-made collection (the mock has none): `items` is assigned after
 * construction and `load` forwards to each item.
 */
export function mockExcel(sheets: SheetData[], extra: { workbookName?: string; active?: number } = {}): Mock {
  const worksheets: Record<string, unknown> = {
    load: function (this: Mock) {
      for (const item of this.items as Mock[]) item.load("id,name,visibility");
      return this;
    },
    getActiveWorksheet: function (this: Mock) {
      return this[`sheet${extra.active ?? 0}`];
    },
    getItem: function (this: Mock, name: string) {
      const found = this[`sheet${sheets.findIndex((s) => s.name === name)}`];
      if (!found) throw Object.assign(new Error(`The requested resource doesn't exist.`), { code: "ItemNotFound" });
      return found;
    },
  };
  sheets.forEach((s, i) => (worksheets[`sheet${i}`] = sheetData(s)));
  const data = {
    context: {
      workbook: {
        name: extra.workbookName ?? "报送.xlsx",
        worksheets,
        // No registry: the add-in has written nothing to this workbook.
        customXmlParts: {
          getByNamespace: () => ({ items: [], load: () => undefined }),
        },
      },
    },
    run: async function (this: Mock, callback: (context: unknown) => Promise<unknown>) {
      return callback(this.context);
    },
  };
  const excel = new OfficeMockObject(data) as unknown as Mock;
  const ws = excel.context.workbook.worksheets as Mock;
  ws.items = sheets.map((_, i) => ws[`sheet${i}`]);
  return excel;
}

/** Counts context.sync() calls (the mock's own sync still runs). */
export function countSyncs(excel: Mock): () => number {
  const spy = jest.spyOn(excel.context, "sync");
  return () => spy.mock.calls.length;
}
