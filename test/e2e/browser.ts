/**
 * Headless Chromium for the end-to-end tests, against the built dist/ with no server: requests to
 * https://localhost:3000/** are answered from dist/, the Office.js CDN from node_modules/@microsoft/office-js/dist,
 * and any other request is refused and recorded (debtors' data must never leave the machine).
 */
import { existsSync, readFileSync, statSync } from "node:fs";
import { execFileSync } from "node:child_process";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { chromium, type Browser, type BrowserContext, type Page } from "playwright-core";

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
export const DIST = path.join(ROOT, "dist");
export const ORIGIN = "https://localhost:3000";
export const OFFICE_CDN = "https://appsforoffice.microsoft.com/lib/1/hosted/";
const OFFICE_DIST = path.join(ROOT, "node_modules/@microsoft/office-js/dist");
/**
 * office.js itself (its o15apptofilemappingtable.js ULS logger) loads this Microsoft page in a hidden iframe 3 s
 * after start, in or out of Office; the URL carries no data of ours. The tests block it like every other foreign
 * request and accept it only on pages that load office.js.
 */
export const OFFICE_JS_OWN_TELEMETRY =
  "https://telemetryservice.firstpartyapps.oaspapps.com/telemetryservice/telemetryproxy.html";
export const RESULTS = path.join(ROOT, "test-results");

export const INSTALL_HINT =
  "e2e пропущены: не найден Chromium — установите его (sudo apt-get install chromium) или задайте CHROME_PATH.";

export function findChrome(): string | null {
  const candidates = [process.env.CHROME_PATH, "/usr/bin/chromium", "/usr/bin/chromium-browser"];
  for (const c of candidates) if (c && existsSync(c)) return c;
  try {
    const found = execFileSync("which", ["chromium"], { encoding: "utf8" }).trim();
    return found || null;
  } catch {
    return null;
  }
}

/** Whether the suite runs; prints the one-line hint when it cannot (or throws under REQUIRE_E2E=1). */
export function e2eAvailable(): boolean {
  const chrome = findChrome();
  if (!existsSync(path.join(DIST, "standalone.html"))) {
    throw new Error("dist/ не собран: выполните npm run build перед e2e (npm test делает это сам).");
  }
  if (chrome) return true;
  if (process.env.REQUIRE_E2E === "1")
    throw new Error(INSTALL_HINT.replace("пропущены", "обязательны (REQUIRE_E2E=1)"));
  console.warn(INSTALL_HINT);
  return false;
}

export async function launch(): Promise<Browser> {
  const executablePath = findChrome();
  if (!executablePath) throw new Error(INSTALL_HINT);
  return chromium.launch({
    executablePath,
    headless: true,
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
      "--no-first-run",
    ],
  });
}

const TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".json": "application/json",
  ".png": "image/png",
  ".xml": "application/xml",
  ".xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
  ".css": "text/css",
  ".txt": "text/plain; charset=utf-8",
};

function serveFile(dir: string, rel: string): { status: number; body: Buffer; contentType: string } {
  const file = path.join(dir, decodeURIComponent(rel));
  if (!file.startsWith(dir) || !existsSync(file) || !statSync(file).isFile()) {
    return { status: 404, body: Buffer.from("not found"), contentType: "text/plain" };
  }
  return {
    status: 200,
    body: readFileSync(file),
    contentType: TYPES[path.extname(file)] ?? "application/octet-stream",
  };
}

export interface Session {
  context: BrowserContext;
  page: Page;
  /** Requests to anything but the page's origin and the Office CDN. */
  foreign: string[];
  /** Uncaught page errors. */
  errors: string[];
  /** Every URL the page asked for, the page's own included (to see that no debtor data travels in one). */
  urls: string[];
}

/** A response the test gives itself (checked before dist/ and the Office CDN); null: serve as usual. */
export type OwnResponse = (url: string) => { status: number; body: Buffer | string; contentType?: string } | null;

export async function newSession(
  browser: Browser,
  options: {
    width?: number;
    height?: number;
    userAgent?: string;
    colorScheme?: "light" | "dark";
    respond?: OwnResponse;
  } = {},
): Promise<Session> {
  const context = await browser.newContext({
    viewport: { width: options.width ?? 1280, height: options.height ?? 800 },
    userAgent: options.userAgent,
    locale: "ru-RU",
    colorScheme: options.colorScheme ?? "light",
    acceptDownloads: true,
    serviceWorkers: "block",
  });
  const foreign: string[] = [];
  const urls: string[] = [];
  await context.route("**/*", async (route) => {
    const url = route.request().url();
    urls.push(url);
    const own = options.respond?.(url);
    if (own) return route.fulfill(own);
    if (url.startsWith(`${ORIGIN}/`)) {
      const rel = new URL(url).pathname.slice(1) || "standalone.html";
      const r = serveFile(DIST, rel);
      return route.fulfill({ status: r.status, body: r.body, contentType: r.contentType });
    }
    if (url.startsWith(OFFICE_CDN)) {
      const r = serveFile(OFFICE_DIST, url.slice(OFFICE_CDN.length).split("?")[0]);
      return route.fulfill({ status: r.status, body: r.body, contentType: r.contentType });
    }
    if (url.startsWith("blob:") || url.startsWith("data:")) return route.continue();
    foreign.push(url);
    return route.abort("blockedbyclient");
  });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on("pageerror", (e) => errors.push(String(e)));
  return { context, page, foreign, errors, urls };
}

/** Opens the built standalone page and waits until it says it is ready. */
export async function openStandalone(s: Session): Promise<void> {
  await s.page.goto(`${ORIGIN}/standalone.html`);
  await s.page.waitForSelector("body[data-ready='standalone']", { timeout: 30_000 });
}
