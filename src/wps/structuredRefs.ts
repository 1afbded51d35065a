/**
 * Structured references rewritten as A1 references. In WPS the add-in writes each table of a
 * spec as a plain range (ET tables are not confirmed in every WPS build), so the engine's
 * formulas — =DJ.LEVEL([@[综合得分]],…), RANK.EQ([@[综合得分]],[综合得分]),
 * DJ.UPGRADERATE(DJ_Results[上年定级],…) — must name cells instead:
 *
 * - `[@[col]]`, `[@col]`, `T[@[col]]`, `T[[#This Row],[col]]` → the column's cell in the formula's
 *   own row, relative (F5), as the formula is written in that row;
 * - `T[col]`, `[col]` (the formula's own table), `T[[col]]`, `T[#Data]`, `T` alone → the data
 *   cells, absolute ($F$5:$F$104); `[[a]:[b]]` spans columns; #Headers and #All as in Excel.
 *
 * Inside a column name ' escapes the next character (' [ ] # are written '' '[ '] '#). String
 * literals and quoted sheet names are copied untouched. Pure: no ET here.
 */
import { columnLetter } from "../engine/grid";
import type { TableSpec } from "../engine/sheets/spec";

/** Where a table of a spec stands, 0-based as in the spec. */
export interface TablePlace {
  name: string;
  /** The header row. */
  row: number;
  col: number;
  columns: readonly string[];
  /** Data rows (an Excel table always has at least one, even empty). */
  rows: number;
}

export function tablePlace(table: TableSpec): TablePlace {
  return { name: table.name, row: table.row, col: table.col, columns: table.columns, rows: table.rows.length };
}

/** The table whose header or data holds this cell (0-based); undefined for a loose cell. */
export function tableAt(tables: readonly TablePlace[], row: number, col: number): TablePlace | undefined {
  return tables.find((t) => row >= t.row && row <= t.row + Math.max(1, t.rows) && col >= t.col && col < t.col + t.columns.length);
}

type Area = "data" | "headers" | "all" | "thisRow";

/** What one structured reference asks for. */
interface Reference {
  area: Area;
  /** Columns by name, first to last; none: every column. */
  first?: string;
  last?: string;
}

const SPECIFIERS: Record<string, Area> = { "#data": "data", "#headers": "headers", "#all": "all", "#this row": "thisRow" };

/** The first character of a name (table, function, defined name): letters, _, \ and anything beyond ASCII. */
const NAME_START = /[A-Za-z_\\\u0080-\uFFFF]/;
const NAME_PART = /[A-Za-z0-9_.\\\u0080-\uFFFF]/;

/** A specifier (#Data, #This Row…) as written; an escaped '# starts a column name instead. */
function specifierOf(written: string): Area | undefined {
  return SPECIFIERS[written.trim().toLowerCase()];
}

/** A column name as written, its ' escapes undone. */
function unescaped(written: string): string {
  return written.replace(/'(.)/gs, "$1");
}

class Scanner {
  pos = 0;
  constructor(readonly text: string) {}

  error(what: string): Error {
    return new Error(`Structured reference not understood (${what}) at ${this.pos} in ${this.text}`);
  }

  peek(): string {
    return this.text[this.pos] ?? "";
  }

  expect(ch: string): void {
    if (this.text[this.pos] !== ch) throw this.error(`"${ch}" expected`);
    this.pos++;
  }

  spaces(): void {
    while (this.peek() === " ") this.pos++;
  }

  /** A column name or specifier as written, up to its closing "]" (not consumed). */
  item(): string {
    const start = this.pos;
    for (;;) {
      const ch = this.peek();
      if (ch === "") throw this.error("unclosed [");
      if (ch === "]") return this.text.slice(start, this.pos);
      // ' escapes the next character, "]" included.
      this.pos += ch === "'" ? 2 : 1;
    }
  }

  /** "[name]" as one item of a list, as written. */
  bracketed(): string {
    this.expect("[");
    const name = this.item();
    this.expect("]");
    return name;
  }

  /** The brackets after a table name (or alone): the "[" is next. */
  reference(): Reference {
    this.expect("[");
    const ref: Reference = { area: "data" };
    if (this.peek() === "@") {
      this.pos++;
      ref.area = "thisRow";
    }
    this.spaces();
    if (this.peek() === "[") {
      // A list: specifiers and columns, "," between them; a column may be "[a]:[b]".
      for (;;) {
        this.spaces();
        const name = this.bracketed();
        const specifier = specifierOf(name);
        if (specifier) {
          ref.area = specifier;
        } else {
          ref.first = ref.last = unescaped(name);
          this.spaces();
          if (this.peek() === ":") {
            this.pos++;
            this.spaces();
            ref.last = unescaped(this.bracketed());
          }
        }
        this.spaces();
        if (this.peek() !== ",") break;
        this.pos++;
      }
    } else if (this.peek() !== "]") {
      const name = this.item();
      const specifier = ref.area === "thisRow" ? undefined : specifierOf(name);
      if (specifier) ref.area = specifier;
      else ref.first = ref.last = unescaped(name);
    }
    this.spaces();
    this.expect("]");
    return ref;
  }
}

function columnIndex(table: TablePlace, name: string, scanner: Scanner): number {
  const wanted = name.toLowerCase();
  const index = table.columns.findIndex((column) => column.toLowerCase() === wanted);
  if (index < 0) throw scanner.error(`no column "${name}" in ${table.name}`);
  return index;
}

/** The A1 text of a reference into a table, for a formula in sheet row `row` (0-based). */
function a1Of(ref: Reference, table: TablePlace, row: number, scanner: Scanner): string {
  const from = ref.first === undefined ? 0 : columnIndex(table, ref.first, scanner);
  const to = ref.last === undefined ? table.columns.length - 1 : columnIndex(table, ref.last, scanner);
  const left = columnLetter(table.col + Math.min(from, to) + 1);
  const right = columnLetter(table.col + Math.max(from, to) + 1);
  if (ref.area === "thisRow") {
    // Relative: the formula is written in this row, and reads its own row.
    return left === right ? `${left}${row + 1}` : `${left}${row + 1}:${right}${row + 1}`;
  }
  const header = table.row + 1;
  const lastData = table.row + 1 + Math.max(1, table.rows);
  const top = ref.area === "data" ? header + 1 : header;
  const bottom = ref.area === "headers" ? header : lastData;
  const first = `$${left}$${top}`;
  const last = `$${right}$${bottom}`;
  return first === last ? first : `${first}:${last}`;
}

/**
 * The formula with every structured reference as an A1 reference, for a formula written at
 * sheet cell `at` (0-based); `tables` are the spec's tables (the one holding `at` is the formula's
 * own, for `[col]` and `[@col]`). Throws on a reference to a table or column it does not know:
 * a formula of ours that names one is a bug, better told than written as #NAME?.
 */
export function resolveStructuredRefs(formula: string, tables: readonly TablePlace[], at: { row: number; col: number }): string {
  if (!formula.includes("[") && tables.every((t) => !formula.toLowerCase().includes(t.name.toLowerCase()))) return formula;
  const scanner = new Scanner(formula);
  const byName = new Map(tables.map((t) => [t.name.toLowerCase(), t]));
  let out = "";
  while (scanner.pos < formula.length) {
    const ch = formula[scanner.pos];
    if (ch === '"' || ch === "'") {
      // A string literal or a quoted sheet name, its quote doubled inside.
      let end = scanner.pos + 1;
      for (;;) {
        const close = formula.indexOf(ch, end);
        if (close < 0) {
          end = formula.length;
          break;
        }
        if (formula[close + 1] === ch) end = close + 2;
        else {
          end = close + 1;
          break;
        }
      }
      out += formula.slice(scanner.pos, end);
      scanner.pos = end;
    } else if (ch === "[") {
      const home = tableAt(tables, at.row, at.col);
      if (!home) throw scanner.error("a column without a table, outside any table");
      out += a1Of(scanner.reference(), home, at.row, scanner);
    } else if (NAME_START.test(ch) && !NAME_PART.test(formula[scanner.pos - 1] ?? " ")) {
      let end = scanner.pos + 1;
      while (end < formula.length && NAME_PART.test(formula[end])) end++;
      const name = formula.slice(scanner.pos, end);
      const table = byName.get(name.toLowerCase());
      const next = formula[end] ?? "";
      // After "!" a name belongs to another sheet; before "(" it is a function.
      const qualified = formula[scanner.pos - 1] === "!";
      if (next === "[") {
        if (!table) throw scanner.error(`no table "${name}"`);
        scanner.pos = end;
        out += a1Of(scanner.reference(), table, at.row, scanner);
      } else {
        out += table && !qualified && next !== "(" ? a1Of({ area: "data" }, table, at.row, scanner) : name;
        scanner.pos = end;
      }
    } else {
      out += ch;
      scanner.pos++;
    }
  }
  return out;
}
