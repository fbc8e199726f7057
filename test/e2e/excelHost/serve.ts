/**
 * The taskpane page in Excel mode for the browser tests: the production taskpane.html from dist/, where the Office.js
 * CDN script is answered with the real Excel client library (excel-web-16.00.debug.js), the notes shim and the host
 * bundle of page.ts (built here with esbuild) — so the add-in boots with an Excel host and its every request runs
 * through the real library against a workbook the test chose. Everything else is served (or refused and recorded) by
 * browser.ts.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { build } from "esbuild";
import type { Browser, Page } from "playwright-core";
import { NOTES_SHIM } from "../../officejs/notesShim";
import { OFFICE_CDN, ORIGIN, ROOT, newSession, type Session } from "../browser";
import type { ExcelHostApi } from "./page";

const LIBRARY = path.join(ROOT, "node_modules/@microsoft/office-js/dist/excel-web-16.00.debug.js");
/** Where the page fetches its workbook: same origin as the page, served from memory. */
const FIXTURE_PATH = "/__excel-host/workbook.xlsx";

let bundle: Promise<string> | null = null;

/** page.ts and what it imports (the fake, ExcelJS's browser build) as one browser script. */
function hostBundle(): Promise<string> {
  bundle ??= build({
    entryPoints: [path.join(ROOT, "test/e2e/excelHost/page.ts")],
    bundle: true,
    write: false,
    platform: "browser",
    format: "iife",
    target: "es2022",
    logLevel: "silent",
  }).then((r) => r.outputFiles[0].text);
  return bundle;
}

export interface ExcelHostOptions {
  /** The workbook Excel has open. */
  workbook: Uint8Array;
  /** The ExcelApi version this Excel supports ("1.18" by default; "1.17" is Office 2021/2024 without notes). */
  apiVersion?: string;
  width?: number;
  height?: number;
}

export interface ExcelSession extends Session {
  /** Runs `fn` on the host's test API in the page. */
  host<T>(fn: (api: ExcelHostApi) => T): Promise<T>;
}

/** A browser context with the Excel host; the taskpane is not opened yet (see openTaskpane). */
export async function newExcelSession(browser: Browser, options: ExcelHostOptions): Promise<ExcelSession> {
  const script = [
    readFileSync(LIBRARY, "utf8"),
    NOTES_SHIM,
    `window.zhkuExcelHostConfig = ${JSON.stringify({ fixtureUrl: FIXTURE_PATH, apiVersion: options.apiVersion ?? "1.18" })};`,
    await hostBundle(),
  ].join("\n;\n");
  const session = await newSession(browser, {
    width: options.width ?? 320,
    height: options.height ?? 900,
    respond: (url) => {
      if (url === `${ORIGIN}${FIXTURE_PATH}`) return { status: 200, body: Buffer.from(options.workbook) };
      // the Office.js CDN tag of taskpane.html: Excel's own client library with the simulated host behind it
      if (url.startsWith(`${OFFICE_CDN}office.js`))
        return { status: 200, body: script, contentType: "text/javascript; charset=utf-8" };
      return null;
    },
  });
  const page = session.page;
  const host = <T>(fn: (api: ExcelHostApi) => T): Promise<T> =>
    page.evaluate(
      // the function travels as text: it runs on the page's zhkuExcelHost
      (source) => {
        const api = (window as unknown as { zhkuExcelHost: ExcelHostApi }).zhkuExcelHost;
        return (0, eval)(`(${source})`)(api) as T;
      },
      fn.toString(),
    ) as Promise<T>;
  return { ...session, host };
}

/** Opens the production taskpane page and waits until it has booted in Excel mode. */
export async function openTaskpane(page: Page): Promise<void> {
  await page.goto(`${ORIGIN}/taskpane.html`);
  await page.waitForSelector("body[data-ready='excel']", { timeout: 60_000 });
}
