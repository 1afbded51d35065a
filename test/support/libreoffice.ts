/**
 * LibreOffice as the test suite's real spreadsheet program: it turns .fods text into .xlsx
 * files (and can read our files back). Each conversion runs with its own profile directory —
 * soffice processes sharing a profile silently write nothing and still exit 0, and jest runs
 * test files in parallel. Converted files are cached by content hash, so only a changed
 * fixture pays for a LibreOffice start.
 *
 * A missing soffice is an error, not a skip: these tests are the only ones on real files.
 */
import { spawn } from "node:child_process";
import { createHash, randomUUID } from "node:crypto";
import { existsSync, statSync } from "node:fs";
import { copyFile, mkdir, mkdtemp, readdir, readFile, rename, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { basename, delimiter, join } from "node:path";
import { pathToFileURL } from "node:url";
import { UTF8 } from "./locale";

/** Bump to throw away every cached conversion (e.g. after changing how we call soffice). */
const CACHE_VERSION = "1";
const TIMEOUT_MS = 120_000;

export const CACHE_DIR = join(tmpdir(), "dj-assess-lo-cache");

/** soffice from $SOFFICE, else the first on PATH. */
export function sofficePath(): string | undefined {
  const fromEnv = process.env.SOFFICE;
  if (fromEnv) return existsSync(fromEnv) ? fromEnv : undefined;
  for (const dir of (process.env.PATH ?? "").split(delimiter)) {
    if (!dir) continue;
    const candidate = join(dir, "soffice");
    try {
      if (statSync(candidate).isFile()) return candidate;
    } catch {
      // not in this directory
    }
  }
  return undefined;
}

export function hasLibreOffice(): boolean {
  return sofficePath() !== undefined;
}

function requireSoffice(): string {
  const soffice = sofficePath();
  if (!soffice) {
    throw new Error(
      "LibreOffice (soffice) was not found on PATH (or $SOFFICE). The real-file tests need it: " +
        "apt-get install -y libreoffice-calc-nogui",
    );
  }
  return soffice;
}

function run(command: string, args: string[]): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve, reject) => {
    // Own process group: soffice is a script that starts oosplash and soffice.bin, and a
    // timeout must end all of them.
    // A UTF-8 locale whatever the machine's: soffice names each sheet's CSV after the sheet, in Chinese.
    const child = spawn(command, args, { detached: true, stdio: ["ignore", "pipe", "pipe"], env: { ...process.env, ...UTF8 } });
    let output = "";
    child.stdout.on("data", (d: Buffer) => (output += d.toString()));
    child.stderr.on("data", (d: Buffer) => (output += d.toString()));
    const timer = setTimeout(() => {
      try {
        process.kill(-child.pid!, "SIGKILL");
      } catch {
        // already gone
      }
      reject(new Error(`soffice timed out after ${TIMEOUT_MS / 1000} s: ${args.join(" ")}\n${output}`));
    }, TIMEOUT_MS);
    child.on("error", (error) => {
      clearTimeout(timer);
      reject(error);
    });
    child.on("close", (code) => {
      clearTimeout(timer);
      resolve({ code, output });
    });
  });
}

export interface ConvertOptions {
  /**
   * Recalculate every formula on load instead of showing the cached results the file carries
   * (LibreOffice's default for .xlsx files is to trust the cache).
   */
  recalc?: boolean;
}

/** Profile settings that make LibreOffice recalculate .xlsx and .ods files on load. */
const RECALC_ON_LOAD = `<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="OOXMLRecalcMode" oor:op="fuse"><value>0</value></prop></item>
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="ODFRecalcMode" oor:op="fuse"><value>0</value></prop></item>
</oor:items>
`;

/** Run one soffice conversion into `outDir` with a profile of its own; returns soffice's output. */
async function sofficeConvert(
  input: string,
  format: string,
  outDir: string,
  options: ConvertOptions = {},
): Promise<{ code: number | null; output: string }> {
  const soffice = requireSoffice();
  const profile = await mkdtemp(join(tmpdir(), "lo-profile-"));
  try {
    await mkdir(outDir, { recursive: true });
    if (options.recalc) {
      await mkdir(join(profile, "user"), { recursive: true });
      await writeFile(join(profile, "user", "registrymodifications.xcu"), RECALC_ON_LOAD, "utf8");
    }
    return await run(soffice, [
      `-env:UserInstallation=${pathToFileURL(profile).href}`,
      "--headless",
      "--norestore",
      "--convert-to",
      format,
      "--outdir",
      outDir,
      input,
    ]);
  } finally {
    await rm(profile, { recursive: true, force: true });
  }
}

function baseName(file: string): string {
  return basename(file).replace(/\.[^.]*$/, "");
}

/**
 * Convert one file with soffice into `outDir`; returns the output path.
 * `format` is soffice's --convert-to argument (e.g. "xlsx", "ods", "fods").
 */
export async function convertFile(input: string, format: string, outDir: string, options: ConvertOptions = {}): Promise<string> {
  const { code, output } = await sofficeConvert(input, format, outDir, options);
  const ext = format.replace(/:.*$/, "");
  const out = join(outDir, `${baseName(input)}.${ext}`);
  if (!existsSync(out) || statSync(out).size === 0) {
    throw new Error(`soffice wrote no ${ext} file for ${input} (exit ${code}).\n${output.trim()}`);
  }
  return out;
}

/**
 * Every sheet of a workbook as LibreOffice shows it (cached values, formatted), as CSV text in
 * UTF-8, by sheet name. LibreOffice reading our files is the independent check that what we
 * wrote is what a person will see.
 */
export async function sheetsAsCsv(input: string, options: ConvertOptions = {}): Promise<Map<string, string>> {
  const outDir = await mkdtemp(join(tmpdir(), "lo-csv-"));
  try {
    // 44,34,76 = comma, double quote, UTF-8; 1 = start at row 1; the final -1 = every sheet,
    // each to <name>-<sheet>.csv.
    const format = "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1";
    const { code, output } = await sofficeConvert(input, format, outDir, options);
    const prefix = `${baseName(input)}-`;
    const sheets = new Map<string, string>();
    for (const file of await readdir(outDir)) {
      if (file.startsWith(prefix) && file.endsWith(".csv")) {
        sheets.set(file.slice(prefix.length, -".csv".length), await readFile(join(outDir, file), "utf8"));
      }
    }
    if (sheets.size === 0) throw new Error(`soffice wrote no csv for ${input} (exit ${code}).\n${output.trim()}`);
    return sheets;
  } finally {
    await rm(outDir, { recursive: true, force: true });
  }
}

/**
 * The .xlsx LibreOffice makes of `fodsText`, at `<cache>/<hash>/<name>.xlsx`. Treat the file as
 * read-only: it is shared by every test that builds the same fixture (copy it to change it).
 */
export function toXlsx(fodsText: string, name: string): Promise<string> {
  return fromFods(fodsText, name, "xlsx");
}

/** Like toXlsx, for any format soffice can write from a spreadsheet ("ods", "xlsx", …). */
export async function fromFods(fodsText: string, name: string, format: string): Promise<string> {
  if (!/^[^\\/:*?"<>|]+$/.test(name) || name.startsWith(".")) throw new Error(`fromFods: bad file name ${name}`);
  if (!/^[a-z]+$/.test(format)) throw new Error(`fromFods: bad format ${format}`);
  const key = createHash("sha256").update(`${CACHE_VERSION}\0${format}\0${name}\0${fodsText}`).digest("hex").slice(0, 32);
  const dir = join(CACHE_DIR, key);
  const cached = join(dir, `${name}.${format}`);
  if (existsSync(cached)) return cached;

  requireSoffice();
  const work = await mkdtemp(join(tmpdir(), "lo-work-"));
  try {
    const input = join(work, `${name}.fods`);
    await writeFile(input, fodsText, "utf8");
    const converted = await convertFile(input, format, join(work, "out"));
    // Publish atomically: a parallel worker converting the same fixture may race us here.
    await mkdir(dir, { recursive: true });
    const partial = join(dir, `.${randomUUID()}.partial`);
    await copyFile(converted, partial);
    await rename(partial, cached);
    return cached;
  } finally {
    await rm(work, { recursive: true, force: true });
  }
}
