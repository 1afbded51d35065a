/** The built add-in: these tests check what `npm run build` produced, not the sources. */
import * as fs from "fs";
import * as path from "path";
import * as vm from "vm";

export const ROOT = path.resolve(__dirname, "..", "..");
export const DIST = path.join(ROOT, "dist");

export function readDist(file: string): string {
  const full = path.join(DIST, file);
  if (!fs.existsSync(full)) throw new Error(`${full} is missing: run \`npm run build\` first`);
  return fs.readFileSync(full, "utf8");
}

/** What the stand-in CustomFunctions.Error records: Excel's code and, for #VALUE!, the message. */
export class StandInError {
  constructor(
    readonly code: string,
    readonly message?: string,
  ) {}
}

const ERROR_CODES = {
  invalidValue: "#VALUE!",
  notAvailable: "#N/A",
  divisionByZero: "#DIV/0!",
  invalidNumber: "#NUM!",
  nullReference: "#NULL!",
  invalidName: "#NAME?",
  invalidReference: "#REF!",
};

export type CustomFunction = (...args: unknown[]) => unknown;

export interface FunctionsMetadata {
  functions: { id: string; name: string; parameters: { name: string; optional?: boolean }[] }[];
}

export interface LoadedFunctions {
  /** What the bundle registered with CustomFunctions.associate, by id. */
  registered: Map<string, CustomFunction>;
  metadata: FunctionsMetadata;
  /** Calls a registered function the way Excel does: pass single values as [[value]]. */
  call(id: string, ...args: unknown[]): unknown;
}

/**
 * dist/functions.js loaded alone into a sandbox with a stand-in CustomFunctions global, the way
 * Excel binds it: the bundle registers its functions itself (custom-functions-metadata-plugin
 * appends the associate calls). Load once per test file. `globals` adds to the sandbox, e.g. an
 * `Office` whose display language is English.
 */
export function loadFunctions(globals: Record<string, unknown> = {}): LoadedFunctions {
  const registered = new Map<string, CustomFunction>();
  vm.runInNewContext(readDist("functions.js"), {
    ...globals,
    CustomFunctions: {
      associate: (id: string, fn: CustomFunction) => {
        if (registered.has(id)) throw new Error(`${id} registered twice`);
        registered.set(id, fn);
      },
      Error: StandInError,
      ErrorCode: ERROR_CODES,
    },
  });
  const metadata: FunctionsMetadata = JSON.parse(readDist("functions.json"));
  return {
    registered,
    metadata,
    call(id, ...args) {
      const fn = registered.get(id);
      if (!fn) throw new Error(`${id} is not registered`);
      return fn(...args);
    },
  };
}
