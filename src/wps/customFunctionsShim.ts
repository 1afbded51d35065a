/**
 * Installs the CustomFunctions shim (customFunctions.ts) on the page's global object as a side
 * effect of being imported. functions.ts calls CustomFunctions.associate as its module body ends,
 * so the shim must exist before that body runs: import this module first in the add-in's entry,
 * before anything that imports functions.ts. ES modules are evaluated in the order of their
 * import declarations, depth first, and webpack keeps that order; this module and
 * customFunctions.ts import nothing that leads to functions.ts.
 */
import { installCustomFunctionsShim } from "./customFunctions";

/** What the functions bundle associates, by id: filled in once functions.ts has been evaluated. */
export const customFunctionRegistry = installCustomFunctionsShim();
