/**
 * The custom functions in WPS 表格 (PRODUCT.md §10): the built Excel bundle dist/functions.js —
 * the same functions.ts and associate calls the WPS bundle carries — loaded over the
 * CustomFunctions shim and registered with a fake WPS root, then called with arguments in every
 * shape WPS may hand them over. Each call must give what Excel gives for the same cells
 * (test/addin/dist.ts loads the bundle the way Excel binds it), as WPS shows it: a 1×1 result as
 * its value, an error as its code text.
 */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import * as vm from "vm";
import { loadFunctions, readDist, StandInError } from "../addin/dist";
import { thrownBy } from "../support/thrown";
import {
  adaptArgument,
  adaptResult,
  CustomFunctionError,
  installCustomFunctionsShim,
  OMITTED_ARGUMENT,
  registerWpsFunctions,
  type AssociatedFunction,
  type WpsFunctionMeta,
} from "../../src/wps/customFunctions";

const { wpsFunctionTable } = require("../../scripts/wps-functions.js") as {
  wpsFunctionTable(input?: string): Promise<WpsFunctionMeta[]>;
};

interface Metadata {
  functions: { id: string; name: string; description: string; parameters: { name: string; description: string; optional?: boolean }[] }[];
}

const english: Metadata = JSON.parse(readDist("functions.json"));
const chinese: Metadata = JSON.parse(readDist("functions.zh-CN.json"));
const excel = loadFunctions();

/** dist/functions.js in a sandbox whose only global is the shim: what it associated there. */
function loadOverShim(): Map<string, AssociatedFunction> {
  const sandbox = vm.createContext({});
  const associated = installCustomFunctionsShim(sandbox);
  vm.runInContext(readDist("functions.js"), sandbox);
  return associated;
}

interface Added {
  namespace: string;
  name: string;
  fn: (...args: unknown[]) => unknown;
  metadata: { description: string; result: { type: string }; parameters: { name: string; type: string; description: string }[] };
}

/** A WPS root with AddCustomFunction, recording each registration. */
function fakeRoot() {
  const added: Added[] = [];
  const root = {
    AddCustomFunction(namespace: string, name: string, fn: (...args: unknown[]) => unknown, metadata?: unknown) {
      added.push({ namespace, name, fn, metadata: metadata as Added["metadata"] });
    },
  };
  return { root, added };
}

let table: WpsFunctionMeta[];
let associated: Map<string, AssociatedFunction>;
let added: Added[];
let registration: ReturnType<typeof registerWpsFunctions>;

beforeAll(async () => {
  table = await wpsFunctionTable();
  associated = loadOverShim();
  const fake = fakeRoot();
  registration = registerWpsFunctions(fake.root, table, associated);
  added = fake.added;
});

/** The wrapper registered for `id`, called as WPS calls it. */
function wps(id: string, ...args: unknown[]): unknown {
  const entry = added.find((a) => a.name === id);
  if (!entry) throw new Error(`${id} is not registered`);
  return entry.fn(...args);
}

describe("the function table", () => {
  test("has the ids of functions.json, in its order, and the zh-CN names and descriptions of functions.zh-CN.json", () => {
    expect(table.map((f) => f.id)).toEqual(english.functions.map((f) => f.id));
    expect(table.map((f) => [f.id, f.name, f.description])).toEqual(chinese.functions.map((f) => [f.id, f.name, f.description]));
  });

  test("has the parameters of functions.zh-CN.json: count, order, names, descriptions, which are optional", () => {
    for (const fn of chinese.functions) {
      const meta = table.find((f) => f.id === fn.id);
      expect([fn.id, meta?.parameters.map((p) => [p.name, p.description, p.optional])]).toEqual([
        fn.id,
        fn.parameters.map((p) => [p.name, p.description, p.optional === true]),
      ]);
    }
  });

  test("fails the build on metadata errors, naming them", async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "wps-functions-"));
    const input = path.join(dir, "bad.ts");
    fs.writeFileSync(input, "/**\n * Bad.\n * @customfunction BAD-ID\n */\nfunction bad(): number {\n  return 1;\n}\n");
    try {
      await expect(wpsFunctionTable(input)).rejects.toThrow(/bad\.ts has errors:\n.*invalid characters.*BAD-ID/);
    } finally {
      fs.rmSync(dir, { recursive: true });
    }
  });
});

describe("registration", () => {
  test("every function of the table is added under DJ with its ASCII id and its Chinese metadata", () => {
    expect(registration).toEqual({ registered: table.map((f) => f.id) });
    expect(added.map((a) => [a.namespace, a.name])).toEqual(table.map((f) => ["DJ", f.id]));
    for (const meta of table) {
      const entry = added.find((a) => a.name === meta.id);
      expect(entry?.metadata).toEqual({
        description: meta.description,
        result: { type: "any" },
        parameters: meta.parameters.map((p) => ({ name: p.name, type: "any", description: p.description })),
      });
    }
  });

  test("a WPS without AddCustomFunction (before 12.1.0.20540) gets nothing registered, and no exception", () => {
    expect(registerWpsFunctions(undefined, table, associated)).toEqual({ registered: [], reason: "unsupported" });
    expect(registerWpsFunctions({}, table, associated)).toEqual({ registered: [], reason: "unsupported" });
  });

  test("a table naming a function the bundle did not associate fails, naming it", () => {
    const extra: WpsFunctionMeta = { ...table[0], id: "NOSUCHFUNCTION" };
    const { root, added: none } = fakeRoot();
    expect(() => registerWpsFunctions(root, [...table, extra], associated)).toThrow(/not associated by the bundle: NOSUCHFUNCTION;/);
    expect(none).toEqual([]);
  });

  test("a function the bundle associated but the table lacks fails, naming it", () => {
    const { root } = fakeRoot();
    expect(() => registerWpsFunctions(root, table.slice(1), associated)).toThrow(new RegExp(`associated but not in the table: ${table[0].id}\\)`));
    expect(() => registerWpsFunctions(undefined, table.slice(1), associated)).toThrow(table[0].id);
  });
});

describe("the shim", () => {
  test("records each association; a second one of an id fails", () => {
    const target: { CustomFunctions?: { associate(id: string, fn: AssociatedFunction): void } } = {};
    const registry = installCustomFunctionsShim(target);
    const fn = () => 1;
    target.CustomFunctions?.associate("ONE", fn);
    expect(registry).toEqual(new Map([["ONE", fn]]));
    expect(() => target.CustomFunctions?.associate("ONE", fn)).toThrow("ONE");
  });

  test("is not installed over an existing CustomFunctions", () => {
    expect(() => installCustomFunctionsShim({ CustomFunctions: {} })).toThrow("CustomFunctions");
  });

  test("customFunctionsShim installs it on the global object when imported", () => {
    const { customFunctionRegistry } = require("../../src/wps/customFunctionsShim") as { customFunctionRegistry: Map<string, AssociatedFunction> };
    const fn = () => 2;
    (globalThis as unknown as { CustomFunctions: { associate(id: string, fn: AssociatedFunction): void } }).CustomFunctions.associate("TWO", fn);
    expect(customFunctionRegistry.get("TWO")).toBe(fn);
  });
});

describe("arguments and results", () => {
  test("omitted arguments are null, as Excel passes them", () => {
    for (const arg of [undefined, null, OMITTED_ARGUMENT]) expect(adaptArgument(arg)).toBeNull();
  });

  test("values, rows and ranges become rows of cells, empty cells null", () => {
    expect(adaptArgument(5)).toEqual([[5]]);
    expect(adaptArgument("")).toEqual([[""]]);
    expect(adaptArgument([1, 2])).toEqual([[1, 2]]);
    expect(adaptArgument([[1], [undefined]])).toEqual([[1], [null]]);
    expect(adaptArgument({ Value2: undefined })).toEqual([[null]]);
    expect(adaptArgument({ Value2: [1, undefined, 3] })).toEqual([[1, null, 3]]);
    // A sparse array's holes are empty cells too.
    expect(adaptArgument({ Value2: [[1, , 3]] })).toEqual([[1, null, 3]]);
    expect(adaptArgument({ Value2: [1, 2, 3], Rows: { Count: 3 }, Columns: { Count: 1 } })).toEqual([[1], [2], [3]]);
  });

  test("a range's Value2 is read once; its shape only when Value2 is 1-D", () => {
    const reads: string[] = [];
    const range = (value: unknown) => ({
      get Value2() {
        reads.push("Value2");
        return value;
      },
      get Rows() {
        reads.push("Rows");
        return { Count: 1 };
      },
      get Columns() {
        reads.push("Columns");
        return { Count: 2 };
      },
    });
    adaptArgument(range([[1], [2]]));
    expect(reads).toEqual(["Value2"]);
    reads.length = 0;
    adaptArgument(range([1, 2]));
    expect(reads.filter((r) => r === "Value2")).toEqual(["Value2"]);
  });

  test("errors show as code text, 1×1 as its value, larger results as rows", () => {
    expect(adaptResult(new CustomFunctionError("#NUM!"))).toBe("#NUM!");
    expect(adaptResult([[new CustomFunctionError()]])).toBe("#VALUE!");
    expect(adaptResult([[0.5]])).toBe(0.5);
    expect(adaptResult([[1, new CustomFunctionError("#DIV/0!")]])).toEqual([[1, "#DIV/0!"]]);
  });

  test("an exception that is no CustomFunctions.Error (a bug) shows #VALUE! and is logged with the function's id", () => {
    const meta: WpsFunctionMeta = { ...table[0], id: "BROKEN", parameters: [] };
    const { root, added: broken } = fakeRoot();
    registerWpsFunctions(root, [meta], new Map([["BROKEN", () => { throw new TypeError("a bug"); }]]));
    const logged = jest.spyOn(console, "error").mockImplementation(() => undefined);
    try {
      expect(broken[0].fn()).toBe("#VALUE!");
      expect(logged).toHaveBeenCalledWith("DJ.BROKEN:", expect.objectContaining({ message: "a bug" }));
    } finally {
      logged.mockRestore();
    }
  });
});

/** A function's cells as Excel passes them (null: an omitted argument). */
type ExcelArgs = (unknown[][] | null)[];

const one = (value: unknown) => [[value]];
const column = (...values: unknown[]) => values.map((v) => [v]);

/** What Excel shows for a call: its result with errors as code text, a thrown error as its code; 1×1 as the value. */
function excelShows(id: string, args: ExcelArgs): unknown {
  const code = (cell: unknown) => (cell instanceof StandInError ? cell.code : cell);
  let result: unknown;
  try {
    result = excel.call(id, ...args);
  } catch (error) {
    if (error instanceof StandInError) return error.code;
    throw error;
  }
  const rows = result as unknown[][];
  return rows.length === 1 && rows[0].length === 1 ? code(rows[0][0]) : rows.map((row) => row.map(code));
}

/** An empty cell as WPS's Value2 may hold it. */
const emptyInWps = (rows: unknown[][]) => rows.map((row) => row.map((cell) => (cell === null ? undefined : cell)));

/**
 * The ways WPS may hand the same cells over, one argument list each. Nothing is known for sure
 * (TOOLCHAIN.md: undocumented), so every shape people report is tried.
 */
const HANDOVERS: Record<string, (args: ExcelArgs) => unknown[]> = {
  // Plain values: 1×1 as a scalar, one row as a 1-D array; omitted as undefined, trailing ones left off.
  values: (args) => {
    const handed = args.map((arg) => (arg === null ? undefined : arg.length === 1 ? (arg[0].length === 1 ? arg[0][0] : arg[0]) : arg));
    while (handed.length > 0 && handed[handed.length - 1] === undefined) handed.pop();
    return handed;
  },
  // 2-D arrays always; omitted as COM's DISP_E_PARAMNOTFOUND.
  arrays: (args) => args.map((arg) => (arg === null ? OMITTED_ARGUMENT : arg)),
  // Range objects with Value2 only: one cell a scalar, one row 1-D (some builds), empty cells undefined.
  ranges: (args) =>
    args.map((arg) => {
      if (arg === null) return OMITTED_ARGUMENT;
      const cells = emptyInWps(arg);
      return { Value2: cells.length === 1 ? (cells[0].length === 1 ? cells[0][0] : cells[0]) : cells };
    }),
  // Range objects with their shape, a row's or a column's Value2 1-D (a column so in the rarest builds); omitted as undefined.
  "flat ranges": (args) =>
    args.map((arg) => {
      if (arg === null) return undefined;
      const cells = emptyInWps(arg);
      const shape = { Rows: { Count: cells.length }, Columns: { Count: cells[0].length } };
      if (cells.length * cells[0].length === 1) return { Value2: cells[0][0], ...shape };
      return { Value2: cells.length === 1 || cells[0].length === 1 ? cells.flat() : cells, ...shape };
    }),
};

/**
 * Calls of each function, from test/addin/functions-bundle.test.ts, with an error each (in a cell
 * or for the whole result) and blank cells; `shows` is what WPS must show, where spelled out.
 */
const CASES: Record<string, { args: ExcelArgs; shows?: unknown }[]> = {
  UPGRADERATE: [
    { args: [column("后进", "一般", "一般", "先进"), column("一般", "先进", "一般", "先进"), null, null], shows: 2 / 3 },
    { args: [column("后进", "一般", "一般", "先进"), column("一般", "先进", "一般", "先进"), one("后进"), one("后进,一般,先进")], shows: 1 },
    { args: [column("后进", null, "一般"), column("一般", "先进", null), null, null], shows: 1 },
    { args: [column("先进"), column("先进"), null, null], shows: "#DIV/0!" },
  ],
  IMPROVERATE: [
    { args: [column(70, 80), column(85, 85), null, null, null], shows: 0.5 },
    { args: [column(70, 80), column(85, 85), one(5), column("一般", "先进"), one("先进")], shows: 1 },
    { args: [column(70, 80), column(85, 85, 90), null, null, null], shows: "#VALUE!" },
  ],
  TRANSITIONS: [
    {
      args: [column("后进", "一般"), column("一般", "一般"), null],
      shows: [
        ["", "后进", "一般", "先进"],
        ["后进", 0, 1, 0],
        ["一般", 0, 1, 0],
        ["先进", 0, 0, 0],
      ],
    },
    { args: [[["后进", "一般"]], [["一般", "先进"]], one("后进,一般,先进")] },
    { args: [column("后进", "一般"), column("一般"), null], shows: "#VALUE!" },
  ],
  COMBINEDSCORE: [
    { args: [one(80), one(90), null, null], shows: 85 },
    { args: [one(80), one(90), one(0.5), one("双乘数")], shows: 72 },
    { args: [[[80, 101]], [[90, 90]], null, null], shows: [[85, "#NUM!"]] },
  ],
  LEVEL: [
    { args: [column(95, 70, 30, 95), column("无", "无", "无", "违纪"), null, null], shows: [["先进"], ["一般"], ["后进"], ["后进"]] },
    { args: [one(70), null, one("60,75,90"), null], shows: "#VALUE!" },
    { args: [column(95, null, 50), null, [["60", "90"]], [["后进", "一般", "先进"]]], shows: [["先进"], [""], ["后进"]] },
  ],
  QUOTALEVEL: [
    { args: [column(100, 50, 10), column(100, 90, 80, 70, 60, 50, 40, 30, 20, 10), one(0.2), one(0.1), null], shows: [["先进"], ["一般"], ["后进"]] },
    { args: [one("满分"), column(100, 90), null, null, null], shows: "#VALUE!" },
  ],
  NORMALIZE: [
    { args: [column(50, 70, 90), column(50, 70, 90), null], shows: [[0], [50], [100]] },
    { args: [one(80), column(80, 80), one("zscore")], shows: 50 },
    { args: [one(80), column(80, 90), one("median")], shows: "#VALUE!" },
  ],
  MEETINGGAP: [
    { args: [one(1), one("党员大会"), null, null], shows: 3 },
    { args: [one(0), one("group"), one(6), one(2)], shows: 12 },
    { args: [one(1), one("茶话会"), null, null], shows: "#VALUE!" },
  ],
  MEETINGGAPS: [
    { args: [column(45662, "2025-04-05", 45845, "2025年10月5日"), column("党员大会", "党员大会", "支委会", "支部党员大会"), one("党员大会"), null, null], shows: "2025年第3季度" },
    {
      args: [column(45662, "2025-04-05", 45845, "2025年10月5日"), column("党员大会", "党员大会", "支委会", "支部党员大会"), column("支委会", "组织生活会"), one("2025-07-01"), one("2025-08-31")],
      shows: [["2025年8月"], ["2025年"]],
    },
    { args: [column(45662), column("党员大会"), one("党员大会"), one("2025-09-01"), one("2025-08-31")], shows: "#NUM!" },
  ],
  FUNDRATE: [
    { args: [one(4600), one(20000)], shows: 0.23 },
    { args: [one(1), one(0)], shows: "#DIV/0!" },
    { args: [column(100, 300), one(1000)], shows: [[0.1], [0.3]] },
    { args: [column(100, null), column(1000, "")], shows: [[0.1], [""]] },
    { args: [column(1, 2), column(1, 2, 3)], shows: "#VALUE!" },
  ],
  DUES: [
    { args: [column(3000, 3000.01, 6000), null], shows: [[15], [30], [90]] },
    { args: [one(6000), one("职员")], shows: "#VALUE!" },
  ],
  PROBATIONEND: [
    { args: [column(45688, "2024-02-29"), null], shows: [[46053], [45716]] },
    { args: [one("2025年3月5日"), column(6, 3)], shows: [[46270], ["#NUM!"]] },
  ],
  FLAGS: [
    {
      args: [
        [
          ["第一支部", 5, 4, 4, 1, 1000, 900],
          ["第二支部", 2, 1, 4, 0, 1000, 100],
        ],
        [["党支部名称", "正式党员数", "党员大会", "党课", "本年发展党员数", "党建经费预算", "党建经费支出"]],
        null,
      ],
      shows: [[""], ["缺会；经费未用；未发展党员；党员不足3人"]],
    },
    { args: [[["第一支部", 5]], [["党支部名称"]], null], shows: "#VALUE!" },
  ],
};

test("every function has cases", () => {
  expect(Object.keys(CASES).sort()).toEqual(table.map((f) => f.id).sort());
});

describe.each(Object.keys(HANDOVERS))("arguments handed over as %s", (handover) => {
  test.each(english.functions.map((f) => f.id))("%s shows what Excel shows", (id) => {
    for (const { args, shows } of CASES[id] ?? []) {
      const expected = excelShows(id, args);
      if (shows !== undefined) expect([id, args, expected]).toEqual([id, args, shows]);
      expect([id, args, wps(id, ...HANDOVERS[handover](args))]).toEqual([id, args, expected]);
    }
  });
});

test("a thrown whole-result error is shown, not thrown, in WPS", () => {
  expect(thrownBy(() => excel.call("FUNDRATE", column(1, 2), column(1, 2, 3)))).toBeInstanceOf(StandInError);
  expect(wps("FUNDRATE", [[1], [2]], [[1], [2], [3]])).toBe("#VALUE!");
});
