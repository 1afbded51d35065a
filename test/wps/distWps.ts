/** dist-wps/ as `npm run build:wps` leaves it: these tests check the build, not the sources. */
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { ROOT } from "../addin/dist";

export const DIST_WPS = join(ROOT, "dist-wps");

export function readDistWps(file: string): string {
  const full = join(DIST_WPS, file);
  if (!existsSync(full)) throw new Error(`${full} is missing: run \`npm run build:wps\` first`);
  return readFileSync(full, "utf8");
}
