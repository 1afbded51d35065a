/**
 * Property tests draw new inputs on every local run; CI uses one fixed seed, so a submission
 * lands or not on its own merits, never on the luck of the draw. A failure prints its seed:
 * FC_SEED=<seed> npx jest … replays it.
 */
import fc from "fast-check";
import { TextDecoder as NodeTextDecoder } from "node:util";

const seed = process.env.FC_SEED ? Number(process.env.FC_SEED) : process.env.CI ? 20261123 : undefined;
if (seed !== undefined) fc.configureGlobal({ seed });

// jsdom has no TextDecoder, which every browser and Node have: the .xlsx reader decodes with it.
if (typeof globalThis.TextDecoder === "undefined") Object.assign(globalThis, { TextDecoder: NodeTextDecoder });
