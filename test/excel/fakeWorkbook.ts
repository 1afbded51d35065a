/**
 * A hand-written fake of just the workbook parts marks.ts uses, because office-addin-mock has no
 * collections: conditionalFormats.add must return a new object, getRanges must answer with the
 * formats that intersect it, notes/comments/customXmlParts are collections. The fake applies every
 * call at once (Office would queue it until sync): it checks WHAT ends up in the workbook. The
 * RequestContext around it is still office-addin-mock's, whose sync the tests count.
 *
 * The state is plain data (FakeState) so a test can "save, close and reopen" the workbook:
 * JSON round trip the state and build a new fake from it.
 */
import { OfficeMockObject } from "office-addin-mock";
import { parseAreas } from "../../src/excel/address";
import type { Mock } from "./fakeExcel";

export interface FakeFormat {
  id: string;
  type: string;
  /** The address list the format applies to. */
  ranges: string;
  formula: string;
  fill: string;
  font: string;
}
export interface FakeSheetState {
  id: string;
  name: string;
  formats: FakeFormat[];
  notes: Record<string, string>;
  comments: { id: string; cell: string; content: string }[];
}
export interface FakeState {
  sheets: FakeSheetState[];
  parts: { id: string; namespace: string; xml: string }[];
  nextId: number;
}

export function emptyState(...names: string[]): FakeState {
  return { sheets: names.map((name, i) => ({ id: `{SHEET-${i}}`, name, formats: [], notes: {}, comments: [] })), parts: [], nextId: 1 };
}

/** Whether any rectangle of one address list overlaps any of the other. */
function intersects(a: string, b: string): boolean {
  const bs = parseAreas(b);
  return parseAreas(a).some((r) => bs.some((s) => r.top <= s.bottom && s.top <= r.bottom && r.left <= s.right && s.left <= r.right));
}

const noop = function (this: unknown) {
  return this;
};

export interface FakeStats {
  getRangesLengths: number[];
  screenUpdatingSuspended: number;
}

function fakeSheet(state: FakeState, sheet: FakeSheetState, stats: FakeStats) {
  const formatObject = (f: FakeFormat) => ({
    id: f.id,
    type: f.type,
    customOrNullObject: f.type === "Custom" ? { isNullObject: false, rule: { formula: f.formula } } : { isNullObject: true },
    delete: () => {
      const i = sheet.formats.indexOf(f);
      if (i < 0) throw Object.assign(new Error("deleted twice"), { code: "ItemNotFound" });
      sheet.formats.splice(i, 1);
    },
  });
  return {
    get id() {
      return sheet.id;
    },
    get name() {
      return sheet.name;
    },
    /** The whole sheet. */
    getRange() {
      return { conditionalFormats: this.getRanges("A1:XFD1048576", false).conditionalFormats };
    },
    getRanges(list: string, count = true) {
      if (count) stats.getRangesLengths.push(list.length);
      if (list.length >= 8192) throw Object.assign(new Error("address too long"), { code: "InvalidArgument" });
      return {
        conditionalFormats: {
          load: noop,
          get items() {
            return sheet.formats.filter((f) => intersects(f.ranges, list)).map(formatObject);
          },
          add(type: string) {
            const f: FakeFormat = { id: `{CF-${state.nextId++}}`, type, ranges: list, formula: "", fill: "", font: "" };
            sheet.formats.push(f);
            return {
              custom: {
                rule: {
                  set formula(v: string) {
                    f.formula = v;
                  },
                },
                format: {
                  fill: {
                    set color(v: string) {
                      f.fill = v;
                    },
                  },
                  font: {
                    set color(v: string) {
                      f.font = v;
                    },
                  },
                },
              },
            };
          },
        },
      };
    },
    notes: {
      load: noop,
      get items() {
        return Object.entries(sheet.notes).map(([cell, content]) => ({ content, delete: () => delete sheet.notes[cell] }));
      },
      getItemOrNullObject(cell: string) {
        const content = sheet.notes[cell];
        if (content === undefined) return { isNullObject: true, load: noop };
        return { isNullObject: false, content, load: noop, delete: () => delete sheet.notes[cell] };
      },
      add(cell: string, content: string) {
        if (sheet.notes[cell] !== undefined) throw Object.assign(new Error("note exists"), { code: "InvalidArgument" });
        sheet.notes[cell] = content;
      },
    },
    comments: {
      load: noop,
      get items() {
        return sheet.comments.map((c) => ({
          id: c.id,
          content: c.content,
          getLocation: () => ({ address: `${sheet.name}!${c.cell}`, load: noop }),
          delete: () => sheet.comments.splice(sheet.comments.indexOf(c), 1),
        }));
      },
      add(cell: string, content: string) {
        if (sheet.comments.some((c) => c.cell === cell)) throw Object.assign(new Error("comment exists"), { code: "InvalidArgument" });
        sheet.comments.push({ id: `{CM-${state.nextId++}}`, cell, content });
      },
    },
  };
}

/** An Excel global whose context is office-addin-mock's and whose workbook is the fake. */
export function mockMarkedExcel(state: FakeState): { excel: Mock; stats: FakeStats } {
  const stats: FakeStats = { getRangesLengths: [], screenUpdatingSuspended: 0 };
  const excel = new OfficeMockObject({
    context: { workbook: { name: "报送.xlsx" } },
    run: async function (this: Mock, callback: (context: unknown) => Promise<unknown>) {
      return callback(this.context);
    },
  }) as unknown as Mock;
  const sheets = state.sheets.map((s) => fakeSheet(state, s, stats));
  excel.context.application = { suspendScreenUpdatingUntilNextSync: () => stats.screenUpdatingSuspended++ };
  excel.context.workbook = {
    worksheets: { load: noop, items: sheets },
    customXmlParts: {
      getByNamespace(namespace: string) {
        return {
          load: noop,
          get items() {
            return state.parts
              .filter((p) => p.namespace === namespace)
              .map((p) => ({ id: p.id, getXml: () => ({ value: p.xml }), delete: () => state.parts.splice(state.parts.indexOf(p), 1) }));
          },
        };
      },
      add(xml: string) {
        const namespace = /xmlns="([^"]*)"/.exec(xml)?.[1] ?? "";
        state.parts.push({ id: `{PART-${state.nextId++}}`, namespace, xml });
      },
    },
  };
  return { excel, stats };
}

/** Save, close and reopen: nothing but the saved state survives. */
export function reopen(state: FakeState): FakeState {
  return JSON.parse(JSON.stringify(state)) as FakeState;
}
