/**
 * What the browser tests share: dist/ served over plain HTTP on 127.0.0.1, and Debian's Chromium
 * started by playwright-core with a fresh profile and no background traffic of its own, so every
 * request a test sees comes from the page.
 */
import { createServer, type Server } from "node:http";
import { existsSync, mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { readFile } from "node:fs/promises";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { extname, join, normalize, sep } from "node:path";
import { chromium, type BrowserContext, type Page } from "playwright-core";
import { DIST, ROOT } from "../addin/dist";
import { UTF8 } from "../support/locale";

export const CHROMIUM = "/usr/bin/chromium";
export const RESULTS = join(ROOT, "test-results");

const TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".json": "application/json; charset=utf-8",
  ".png": "image/png",
  ".xml": "application/xml; charset=utf-8",
  ".txt": "text/plain; charset=utf-8",
};

/** dist/ (or another built folder) over plain HTTP on 127.0.0.1, nothing outside it. */
export function serveDist(root = DIST): Promise<{ server: Server; origin: string }> {
  const server = createServer(async (request, response) => {
    const path = decodeURIComponent(new URL(request.url ?? "/", "http://127.0.0.1").pathname);
    const file = normalize(join(root, path));
    if (!file.startsWith(root + sep)) {
      response.writeHead(403).end();
      return;
    }
    try {
      const body = await readFile(file);
      response.writeHead(200, { "Content-Type": TYPES[extname(file)] ?? "application/octet-stream" }).end(body);
    } catch {
      response.writeHead(404).end();
    }
  });
  return new Promise((ok) =>
    server.listen(0, "127.0.0.1", () => ok({ server, origin: `http://127.0.0.1:${(server.address() as AddressInfo).port}` })),
  );
}

export function closeServer(server: Server | undefined): Promise<void> {
  return new Promise((ok, fail) => (server ? server.close((error) => (error ? fail(error) : ok())) : ok()));
}

/** Fails early, in words, when the build or the browser is missing. */
export function requireDistAndChromium(page: string): void {
  if (!existsSync(join(DIST, page))) throw new Error(`dist/${page} is missing: run \`npm run build\` first`);
  if (!existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} is missing: apt-get install -y chromium`);
  mkdirSync(RESULTS, { recursive: true });
}

export interface Browser {
  context: BrowserContext;
  page: Page;
  close(): Promise<void>;
}

/** Chromium with a fresh profile each run: nothing remembered from an earlier run can change the page. */
export async function launchChromium(options: { acceptDownloads?: boolean } = {}): Promise<Browser> {
  const profile = mkdtempSync(join(tmpdir(), "dj-assess-chromium-"));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    args: [
      "--headless",
      "--no-sandbox",
      "--disable-gpu",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
      "--disable-quic",
      "--no-first-run",
    ],
    // A UTF-8 locale whatever the machine's: Chromium names a download from its Chinese file name.
    env: { ...process.env, ...UTF8 },
    acceptDownloads: options.acceptDownloads ?? false,
    viewport: { width: 900, height: 1000 },
    locale: "zh-CN",
  });
  const page = context.pages()[0] ?? (await context.newPage());
  return {
    context,
    page,
    async close() {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

/** Requests that left `origin`; blob: and data: URLs never leave the page. */
export function outsideRequests(requests: readonly string[], origin: string): string[] {
  return requests.filter((url) => !url.startsWith(`${origin}/`) && !url.startsWith("blob:") && !url.startsWith("data:"));
}

export interface CspViolation {
  directive: string;
  blocked: string;
}

declare global {
  interface Window {
    __djCspViolation?(violation: CspViolation): Promise<void>;
  }
}

/**
 * Collects every Content-Security-Policy violation of the page, in every document it loads, from
 * before its first script: a request the policy refuses never reaches the network, so Playwright's
 * request events do not show it. Call before page.goto; the array fills as violations happen.
 */
export async function recordCspViolations(page: Page): Promise<CspViolation[]> {
  const violations: CspViolation[] = [];
  await page.exposeFunction("__djCspViolation", (violation: CspViolation) => {
    violations.push(violation);
  });
  await page.addInitScript(() =>
    document.addEventListener("securitypolicyviolation", (event) => {
      void window.__djCspViolation?.({ directive: event.effectiveDirective, blocked: event.blockedURI });
    }),
  );
  return violations;
}

/** A page of a served folder in a fresh Chromium, with its requests, errors and CSP violations recorded. */
export interface WatchedPage {
  origin: string;
  page: Page;
  requests: string[];
  errors: string[];
  violations: CspViolation[];
  close(): Promise<void>;
}

/** Serves `root`, opens `path` of it in a fresh Chromium (of this viewport), recording from the first request. */
export async function openWatched(path: string, options: { root?: string; viewport?: { width: number; height: number } } = {}): Promise<WatchedPage> {
  const { server, origin } = await serveDist(options.root);
  const browser = await launchChromium();
  const { page } = browser;
  if (options.viewport) await page.setViewportSize(options.viewport);
  const requests: string[] = [];
  const errors: string[] = [];
  page.on("request", (request) => requests.push(request.url()));
  page.on("pageerror", (error) => errors.push(error.message));
  const violations = await recordCspViolations(page);
  await page.goto(`${origin}/${path}`);
  return {
    origin,
    page,
    requests,
    errors,
    violations,
    async close() {
      await browser.close();
      await closeServer(server);
    },
  };
}
