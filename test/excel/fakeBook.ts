/**
 * A hand-written fake of the workbook the adapter reads and writes (office-addin-mock has no
 * collections and does not know what Excel does with what it is given). It applies every call at
 * once and its state is plain data — cells with values, formulas, number formats and fills,
 * conditional formats, notes, comments, tables, validations, charts, defined names, custom XML
 * parts — so tests assert on what ends up in the workbook and can "save and reopen" by a JSON
 * round trip. The RequestContext is office-addin-mock's, whose sync the tests count.
 *
 * Two behaviours of Excel the fake keeps, because the adapter's safety depends on them:
 * - input is converted as if typed (entered): "=x" and "@x" become formulas, "001" and "+1"
 *   numbers, "1/2" a date — unless the cell is formatted as Text ("@"), where everything,
 *   numbers included, is stored as text. Changing a format never converts a stored value.
 * - loaded properties (collection items, range values, a ClientResult's value, a new sheet's id)
 *   can be read only after a load and a sync: reading earlier throws, as in Office.
 */
import { OfficeMockObject } from "office-addin-mock";
import { columnLetter, columnNumber } from "../../src/engine";
import { parseAreas } from "../../src/host/address";
import type { Mock } from "./fakeExcel";
import { SHEETS_NAMESPACE, registryFromXml, type SheetRegistry } from "../../src/excel/registry";

export interface BookCell {
  value: string | number | boolean;
  formula?: string;
  format: string;
  error?: true;
  bold?: true;
  /** The cell's own fill colour (Range.format.fill.color), not a conditional format's. */
  fill?: string;
}
/** How a cell looks, which entering a value keeps. */
type CellStyle = Pick<BookCell, "format" | "bold" | "fill">;
export interface BookFormat {
  id: string;
  type: string;
  /** The address list the format applies to. */
  ranges: string;
  formula: string;
  fill: string;
  font: string;
}
export interface BookSheet {
  id: string;
  name: string;
  visibility: string;
  /** By A1 address ("C5"). */
  cells: Record<string, BookCell>;
  /** Column letter → width in points. */
  widths: Record<string, number>;
  frozenRows: number;
  tables: { name: string; address: string }[];
  validations: { address: string; rule?: unknown; prompt?: unknown; errorAlert?: unknown }[];
  charts: { type: string; source: string; seriesBy: string; title: string; position: string[] }[];
  formats: BookFormat[];
  /** By A1 address. */
  notes: Record<string, string>;
  comments: { id: string; cell: string; content: string }[];
}
export interface BookState {
  sheets: BookSheet[];
  names: { name: string; reference: string; comment?: string }[];
  parts: { id: string; namespace: string; xml: string }[];
  nextId: number;
  activeId?: string;
  /** What insertWorksheetsFromBase64 finds in a file: base64 → its sheets. */
  files: Record<string, BookSheet[]>;
  calculationMode: string;
}
export interface BookLog {
  added: string[];
  deleted: string[];
  renamed: [string, string][];
  calculationModes: string[];
  screenSuspended: number;
  /** The length of every address list given to getRanges. */
  getRangesLengths: number[];
}

export function newSheet(id: string, name: string, cells: Record<string, Partial<BookCell> & { value: BookCell["value"] }> = {}): BookSheet {
  const full: Record<string, BookCell> = {};
  for (const [address, cell] of Object.entries(cells)) full[address] = { format: "General", ...cell };
  return { id, name, visibility: "Visible", cells: full, widths: {}, frozenRows: 0, tables: [], validations: [], charts: [], formats: [], notes: {}, comments: [] };
}

export function newBook(...sheets: BookSheet[]): BookState {
  return { sheets, names: [], parts: [], nextId: 1, files: {}, calculationMode: "Automatic" };
}

/** Save, close and reopen: nothing but the saved state survives. */
export function reopenBook(state: BookState): BookState {
  return JSON.parse(JSON.stringify(state)) as BookState;
}

export function sheetNamed(state: BookState, name: string): BookSheet {
  const sheet = state.sheets.find((s) => s.name === name);
  if (!sheet) throw new Error(`no sheet ${name} in ${state.sheets.map((s) => s.name).join(", ")}`);
  return sheet;
}

const officeError = (code: string, message = code) => Object.assign(new Error(message), { code });

/** What Excel stores when this arrives in a cell of this format; undefined: the cell is empty. */
export function entered(input: unknown, format: string): Pick<BookCell, "value" | "formula" | "error"> | undefined {
  if (input === "" || input === null || input === undefined) return undefined;
  if (format === "@") return { value: typeof input === "boolean" ? (input ? "TRUE" : "FALSE") : String(input) };
  if (typeof input !== "string") return { value: input as number | boolean };
  if (input.startsWith("=")) return { value: "", formula: input };
  if (/^[+-]?\d+(\.\d+)?$/.test(input)) return { value: Number(input) };
  if (/^[+\-@]/.test(input)) return { value: "", formula: `=${input}` };
  if (/^\d{1,2}\/\d{1,2}$/.test(input)) return { value: 46023 };
  if (/^(true|false)$/i.test(input)) return { value: input.toLowerCase() === "true" };
  if (/^#(N\/A|NUM!|VALUE!|REF!|DIV\/0!|NAME\?|NULL!)$/.test(input)) return { value: input, error: true };
  return { value: input };
}

/** The look of a cell, without its content; undefined when it has none of its own. */
function styleOf(cell: BookCell | undefined): CellStyle | undefined {
  if (!cell) return undefined;
  const style: CellStyle = { format: cell.format, ...(cell.bold ? { bold: cell.bold } : {}), ...(cell.fill !== undefined ? { fill: cell.fill } : {}) };
  return style.format === "General" && !style.bold && style.fill === undefined ? undefined : style;
}

/** Whether any rectangle of one address list overlaps any of the other. */
function intersects(a: string, b: string): boolean {
  const bs = parseAreas(b);
  return parseAreas(a).some((r) => bs.some((s) => r.top <= s.bottom && s.top <= r.bottom && r.left <= s.right && s.left <= r.right));
}

function valueType(cell: BookCell | undefined): string {
  if (!cell || cell.value === "") return "Empty";
  if (cell.error) return "Error";
  if (typeof cell.value === "number") return "Double";
  if (typeof cell.value === "boolean") return "Boolean";
  return "String";
}

const a1 = (row0: number, col0: number) => `${columnLetter(col0 + 1)}${row0 + 1}`;

function parseCell(address: string): { row0: number; col0: number } {
  const m = /^\$?([A-Z]+)\$?(\d+)$/i.exec(address.replace(/^.*!/, ""));
  if (!m) throw officeError("InvalidArgument", `bad address ${address}`);
  return { row0: Number(m[2]) - 1, col0: columnNumber(m[1].toUpperCase()) - 1 };
}

function checkSheetName(state: BookState, name: string, except?: BookSheet): void {
  if (name.length === 0 || name.length > 31 || /[[\]:*?/\\]/.test(name)) throw officeError("InvalidArgument", `invalid sheet name ${name}`);
  if (state.sheets.some((s) => s !== except && s.name.toLowerCase() === name.toLowerCase())) throw officeError("InvalidArgument", `sheet name taken: ${name}`);
}

export interface FakeBook {
  excel: Mock;
  log: BookLog;
  syncs: () => number;
}

/** An Excel global whose context is office-addin-mock's and whose workbook is this state. */
export function mockBook(state: BookState): FakeBook {
  const log: BookLog = { added: [], deleted: [], renamed: [], calculationModes: [], screenSuspended: 0, getRangesLengths: [] };
  const pending: { loaded: boolean }[] = [];
  const token = () => ({ loaded: false });
  const loadInto = (t: { loaded: boolean }) => () => {
    pending.push(t);
  };
  const need = (t: { loaded: boolean }, what: string) => {
    if (!t.loaded) throw officeError("PropertyNotLoaded", `${what} read before load and sync`);
  };
  const allTableNames = () => state.sheets.flatMap((s) => s.tables.map((t) => t.name.toLowerCase()));
  const nameTaken = (name: string) => allTableNames().includes(name.toLowerCase()) || state.names.some((n) => n.name.toLowerCase() === name.toLowerCase());
  /** A collection whose items need a load and a sync; `methods` are its other members. */
  const collection = <T, M extends object>(items: () => T[], methods?: M) => {
    const t = token();
    const object = {
      load: loadInto(t),
      get items() {
        need(t, "items");
        return items();
      },
    };
    return Object.assign(object, methods ?? {}) as typeof object & M;
  };

  /** The conditional formats of a sheet that intersect an address list, as Office hands them out. */
  function conditionalFormats(sheet: BookSheet, list: string) {
    const formatObject = (f: BookFormat) => ({
      id: f.id,
      type: f.type,
      customOrNullObject: f.type === "Custom" ? { isNullObject: false, rule: { formula: f.formula } } : { isNullObject: true },
      delete() {
        const i = sheet.formats.indexOf(f);
        if (i < 0) throw officeError("ItemNotFound", "conditional format deleted twice");
        sheet.formats.splice(i, 1);
      },
    });
    return collection(() => sheet.formats.filter((f) => intersects(f.ranges, list)).map(formatObject), {
      add(type: string) {
        const f: BookFormat = { id: `{CF-${state.nextId++}}`, type, ranges: list, formula: "", fill: "", font: "" };
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
    });
  }


  function range(sheet: BookSheet, row0: number, col0: number, rows: number, cols: number) {
    const t = token();
    const address = `${sheet.name}!${a1(row0, col0)}${rows * cols > 1 ? `:${a1(row0 + rows - 1, col0 + cols - 1)}` : ""}`;
    const local = address.replace(/^.*!/, "");
    const matrix = <T>(f: (cell: BookCell | undefined, address: string) => T): T[][] =>
      Array.from({ length: rows }, (_, r) => Array.from({ length: cols }, (_, c) => f(sheet.cells[a1(row0 + r, col0 + c)], a1(row0 + r, col0 + c))));
    const each = (input: unknown, f: (address: string, value: unknown) => void, what: string) => {
      const grid = input as unknown[][];
      const scalar = !Array.isArray(grid);
      if (!scalar && (grid.length !== rows || grid.some((row) => row.length !== cols))) throw officeError("InvalidArgument", `${what}: matrix is not ${rows}×${cols}`);
      for (let r = 0; r < rows; r++) for (let c = 0; c < cols; c++) f(a1(row0 + r, col0 + c), scalar ? input : grid[r][c]);
    };
    // Entering a value keeps how the cell looks (number format, bold, fill); a cell left with
    // neither content nor a look of its own is gone.
    const enter = (input: unknown) =>
      each(
        input,
        (at, value) => {
          const style = styleOf(sheet.cells[at]);
          const stored = entered(value, style?.format ?? "General");
          if (stored) sheet.cells[at] = { ...stored, ...(style ?? { format: "General" }) };
          else if (style) sheet.cells[at] = { value: "", ...style };
          else delete sheet.cells[at];
        },
        "values",
      );
    let validation: BookSheet["validations"][number] | undefined;
    const validationEntry = () => {
      if (!validation) sheet.validations.push((validation = { address: local }));
      return validation;
    };
    return {
      address,
      rowCount: rows,
      columnCount: cols,
      isNullObject: false,
      load: loadInto(t),
      get values() {
        need(t, "values");
        return matrix((cell) => cell?.value ?? "");
      },
      set values(input: unknown) {
        enter(input);
      },
      get formulas() {
        need(t, "formulas");
        return matrix((cell) => cell?.formula ?? cell?.value ?? "");
      },
      set formulas(input: unknown) {
        enter(input);
      },
      get valueTypes() {
        need(t, "valueTypes");
        return matrix(valueType);
      },
      get numberFormat() {
        need(t, "numberFormat");
        return matrix((cell) => cell?.format ?? "General");
      },
      set numberFormat(input: unknown) {
        each(
          input,
          (at, format) => {
            const cell = sheet.cells[at];
            if (cell) cell.format = String(format);
            else if (format !== "General") sheet.cells[at] = { value: "", format: String(format) };
          },
          "numberFormat",
        );
      },
      format: {
        font: {
          set bold(value: boolean) {
            each(value, (at) => (sheet.cells[at] = { ...(sheet.cells[at] ?? { value: "", format: "General" }), bold: true }), "bold");
          },
        },
        set columnWidth(points: number) {
          for (let c = 0; c < cols; c++) sheet.widths[columnLetter(col0 + c + 1)] = points;
        },
        fill: {
          /** The one fill of every cell, null when they differ; Office reports no fill as white. */
          get color(): string | null {
            need(t, "format/fill/color");
            const fills = new Set(matrix((cell) => cell?.fill ?? "#FFFFFF").flat());
            return fills.size === 1 ? [...fills][0] : null;
          },
          set color(color: string) {
            each(color, (at) => (sheet.cells[at] = { ...(sheet.cells[at] ?? { value: "", format: "General" }), fill: color }), "fill");
          },
        },
      },
      get conditionalFormats() {
        return conditionalFormats(sheet, local);
      },
      dataValidation: {
        set rule(rule: unknown) {
          validationEntry().rule = rule;
        },
        set prompt(prompt: unknown) {
          validationEntry().prompt = prompt;
        },
        set errorAlert(alert: unknown) {
          validationEntry().errorAlert = alert;
        },
      },
      getMergedAreasOrNullObject: () => ({ isNullObject: true, address: "", load: () => undefined }),
    };
  }
  type FakeRange = ReturnType<typeof range>;

  function sheetOf(sheet: BookSheet, created?: { loaded: boolean }) {
    return {
      get id() {
        if (created) need(created, "id of a new sheet");
        return sheet.id;
      },
      get name() {
        return sheet.name;
      },
      set name(name: string) {
        if (name === sheet.name) return;
        checkSheetName(state, name, sheet);
        log.renamed.push([sheet.name, name]);
        for (const n of state.names) n.reference = n.reference.replace(`='${sheet.name}'!`, `='${name}'!`);
        sheet.name = name;
      },
      get visibility() {
        return sheet.visibility;
      },
      get position() {
        return state.sheets.indexOf(sheet);
      },
      set position(index: number) {
        state.sheets.splice(state.sheets.indexOf(sheet), 1);
        state.sheets.splice(index, 0, sheet);
      },
      isNullObject: false,
      load: created ? loadInto(created) : () => undefined,
      delete() {
        const i = state.sheets.indexOf(sheet);
        if (i < 0) throw officeError("ItemNotFound", `sheet ${sheet.name} deleted twice`);
        state.sheets.splice(i, 1);
        log.deleted.push(sheet.name);
        for (const n of state.names) if (n.reference.startsWith(`='${sheet.name}'!`)) n.reference = "=#REF!";
      },
      activate() {
        state.activeId = sheet.id;
      },
      copy(positionType: string) {
        if (positionType !== "End") throw officeError("InvalidArgument", "the fake copies to the end only");
        const clone = JSON.parse(JSON.stringify(sheet)) as BookSheet;
        clone.id = `{SHEET-${state.nextId++}}`;
        let n = 2;
        while (state.sheets.some((s) => s.name.toLowerCase() === `${sheet.name} (${n})`.toLowerCase())) n++;
        clone.name = `${sheet.name} (${n})`;
        for (const table of clone.tables) table.name = `${table.name}${state.nextId++}`;
        state.sheets.push(clone);
        log.added.push(clone.name);
        return sheetOf(clone, token());
      },
      getRangeByIndexes: (row0: number, col0: number, rows: number, cols: number) => range(sheet, row0, col0, rows, cols),
      /** A cell or rectangle; no address: the whole sheet. */
      getRange(address = "A1:XFD1048576") {
        const [from, to = from] = address.split(":");
        const a = parseCell(from);
        const b = parseCell(to);
        return range(sheet, a.row0, a.col0, b.row0 - a.row0 + 1, b.col0 - a.col0 + 1);
      },
      getRanges(list: string) {
        log.getRangesLengths.push(list.length);
        if (list.length >= 8192) throw officeError("InvalidArgument", "address list too long");
        return { conditionalFormats: conditionalFormats(sheet, list) };
      },
      get notes() {
        const note = ([cell, content]: [string, string]) => ({ content, delete: () => delete sheet.notes[cell] });
        return collection(() => Object.entries(sheet.notes).map(note), {
          getItemOrNullObject(cell: string) {
            const t = token();
            // What a sync loads stays in the proxy: deleting the note later does not change it.
            const content = sheet.notes[cell];
            return {
              isNullObject: content === undefined,
              load: loadInto(t),
              get content() {
                need(t, "note content");
                return content;
              },
            };
          },
          add(cell: string, content: string) {
            if (sheet.notes[cell] !== undefined) throw officeError("InvalidArgument", `a note exists at ${cell}`);
            sheet.notes[cell] = content;
          },
        });
      },
      get comments() {
        const comment = (c: BookSheet["comments"][number]) => ({
          id: c.id,
          content: c.content,
          getLocation() {
            const t = token();
            return {
              load: loadInto(t),
              get address() {
                need(t, "comment location");
                return `${sheet.name}!${c.cell}`;
              },
            };
          },
          delete: () => sheet.comments.splice(sheet.comments.indexOf(c), 1),
        });
        return collection(() => sheet.comments.map(comment), {
          add(cell: string, content: string) {
            if (sheet.comments.some((c) => c.cell === cell)) throw officeError("InvalidArgument", `a comment exists at ${cell}`);
            sheet.comments.push({ id: `{CM-${state.nextId++}}`, cell, content });
          },
        });
      },
      getUsedRangeOrNullObject(valuesOnly = false) {
        const used = Object.entries(sheet.cells)
          .filter(([, cell]) => !valuesOnly || cell.value !== "" || cell.formula)
          .map(([address]) => parseCell(address));
        if (used.length === 0) return { isNullObject: true, address: "", rowCount: 0, columnCount: 0, load: () => undefined };
        const top = Math.min(...used.map((u) => u.row0));
        const left = Math.min(...used.map((u) => u.col0));
        const bottom = Math.max(...used.map((u) => u.row0));
        const right = Math.max(...used.map((u) => u.col0));
        return range(sheet, top, left, bottom - top + 1, right - left + 1);
      },
      tables: {
        add(where: FakeRange, hasHeaders: boolean) {
          if (!hasHeaders) throw officeError("InvalidArgument", "the fake only makes tables with headers");
          const table = { name: `Table${state.nextId++}`, address: where.address.replace(/^.*!/, "") };
          sheet.tables.push(table);
          return {
            set name(name: string) {
              if (nameTaken(name)) throw officeError("InvalidArgument", `table name taken: ${name}`);
              table.name = name;
            },
          };
        },
      },
      charts: {
        add(type: string, source: FakeRange, seriesBy: string) {
          const chart = { type, source: source.address.replace(/^.*!/, ""), seriesBy, title: "", position: [] as string[] };
          sheet.charts.push(chart);
          return {
            title: {
              set text(text: string) {
                chart.title = text;
              },
            },
            setPosition(start: FakeRange, end: FakeRange) {
              chart.position = [start.address.replace(/^.*!/, ""), end.address.replace(/^.*!/, "")];
            },
          };
        },
      },
      freezePanes: {
        freezeRows(count: number) {
          sheet.frozenRows = count;
        },
      },
    };
  }

  const excel = new OfficeMockObject({
    // Nothing of the workbook in the mock's own tree: its sync would put that back over the fake.
    context: { trackedObjects: {} },
    run: async function (this: Mock, callback: (context: unknown) => Promise<unknown>) {
      return callback(this.context);
    },
  }) as unknown as Mock;

  const worksheetsToken = token();
  excel.context.application = {
    load: () => undefined,
    get calculationMode() {
      return state.calculationMode;
    },
    set calculationMode(mode: string) {
      log.calculationModes.push(mode);
      state.calculationMode = mode;
    },
    suspendScreenUpdatingUntilNextSync: () => log.screenSuspended++,
  };
  excel.context.workbook = {
    name: "考核.xlsx",
    load: () => undefined,
    worksheets: {
      load: loadInto(worksheetsToken),
      get items() {
        need(worksheetsToken, "worksheets");
        return state.sheets.map((s) => sheetOf(s));
      },
      add(name: string) {
        checkSheetName(state, name);
        const sheet = newSheet(`{SHEET-${state.nextId++}}`, name);
        state.sheets.push(sheet);
        log.added.push(name);
        return sheetOf(sheet, token());
      },
      getItem(key: string) {
        const sheet = state.sheets.find((s) => s.id === key || s.name.toLowerCase() === key.toLowerCase());
        if (!sheet) throw officeError("ItemNotFound", `no sheet ${key}`);
        return sheetOf(sheet);
      },
      getItemOrNullObject(key: string) {
        const sheet = state.sheets.find((s) => s.id === key || s.name.toLowerCase() === key.toLowerCase());
        return sheet ? sheetOf(sheet) : { isNullObject: true, load: () => undefined };
      },
      getActiveWorksheet() {
        return sheetOf(state.sheets.find((s) => s.id === state.activeId) ?? state.sheets[0]);
      },
    },
    get tables() {
      return collection(() => state.sheets.flatMap((s) => s.tables.map((t) => ({ name: t.name }))));
    },
    get names() {
      return collection(() => state.names.map((n) => ({ name: n.name })), {
        add(name: string, reference: FakeRange, comment?: string) {
          if (nameTaken(name)) throw officeError("InvalidArgument", `name taken: ${name}`);
          const [sheet, cell] = reference.address.split("!");
          const { row0, col0 } = parseCell(cell);
          state.names.push({ name, reference: `='${sheet}'!$${columnLetter(col0 + 1)}$${row0 + 1}`, ...(comment ? { comment } : {}) });
        },
        getItem(name: string) {
          const item = state.names.find((n) => n.name.toLowerCase() === name.toLowerCase());
          if (!item) throw officeError("ItemNotFound", `no name ${name}`);
          return { delete: () => state.names.splice(state.names.indexOf(item), 1) };
        },
      });
    },
    customXmlParts: {
      getByNamespace(namespace: string) {
        return collection(() =>
          state.parts
            .filter((p) => p.namespace === namespace)
            .map((p) => ({
              id: p.id,
              getXml() {
                const t = token();
                pending.push(t);
                return {
                  get value() {
                    need(t, "getXml");
                    return p.xml;
                  },
                };
              },
              delete: () => state.parts.splice(state.parts.indexOf(p), 1),
            })),
        );
      },
      add(xml: string) {
        const namespace = /xmlns="([^"]*)"/.exec(xml)?.[1] ?? "";
        state.parts.push({ id: `{PART-${state.nextId++}}`, namespace, xml });
      },
    },
    insertWorksheetsFromBase64(base64: string, options: { positionType?: string }) {
      if (options.positionType !== "End") throw officeError("InvalidArgument", "expected positionType End");
      const file = state.files[base64];
      if (!file) throw officeError("InvalidArgument", "not a workbook");
      const ids: string[] = [];
      for (const source of file) {
        const sheet = JSON.parse(JSON.stringify(source)) as BookSheet;
        sheet.id = `{SHEET-${state.nextId++}}`;
        let n = 1;
        while (state.sheets.some((s) => s.name.toLowerCase() === (n === 1 ? source.name : `${source.name} (${n})`).toLowerCase())) n++;
        sheet.name = n === 1 ? source.name : `${source.name} (${n})`;
        state.sheets.push(sheet);
        log.added.push(sheet.name);
        ids.push(sheet.id);
      }
      const t = token();
      pending.push(t);
      return {
        get value() {
          need(t, "inserted ids");
          return ids;
        },
      };
    },
  };

  const mockSync = excel.context.sync.bind(excel.context) as () => Promise<void>;
  excel.context.sync = async () => {
    await mockSync();
    for (const t of pending) t.loaded = true;
    pending.length = 0;
  };
  const spy = jest.spyOn(excel.context, "sync");
  return { excel, log, syncs: () => spy.mock.calls.length };
}

/** Office whose ExcelApi goes up to this minor version. */
export function withOffice(minor: number): void {
  (globalThis as Record<string, unknown>).Office = {
    context: { requirements: { isSetSupported: (set: string, version: string) => set === "ExcelApi" && Number(version.split(".")[1]) <= minor } },
  };
}

/** The fake as the global Excel the adapter calls. */
export function install(state: BookState): FakeBook {
  const book = mockBook(state);
  (globalThis as Record<string, unknown>).Excel = book.excel;
  return book;
}

/** The registry the adapter recorded in the workbook: exactly one part of ours, readable. */
export function registryOf(state: BookState): SheetRegistry {
  const parts = state.parts.filter((p) => p.namespace === SHEETS_NAMESPACE);
  const registry = parts.length === 1 ? registryFromXml(parts[0].xml) : undefined;
  if (!registry) throw new Error(`expected one readable registry part, found ${parts.length}`);
  return registry;
}
