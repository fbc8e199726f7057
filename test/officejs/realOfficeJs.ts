/**
 * The real Office.js Excel client library (node_modules/@microsoft/office-js/dist/excel-web-16.00.debug.js, the
 * script Excel on the web runs in the taskpane) loaded into a jsdom window, so tests can see the exact request
 * bodies it builds. Each RequestContext's `_requestExecutor` is replaced: that is the one place where the library
 * hands a serialized request to the host, and where the host's response comes back.
 * Worksheet notes (ExcelApi 1.18, newer than the packaged library) are added by notesShim.ts.
 */
import fs from "node:fs";
import path from "node:path";
import { createRequire } from "node:module";

import { NOTES_SHIM } from "./notesShim";
import type { Executor, RequestMessage } from "./wire";
import type { OfficeJsRuntime } from "./simulatorCore";

export type { ActionInfo, Executor, ObjectPathInfo, RequestBody, RequestMessage, ResponseMessage } from "./wire";

/** jsdom ships no typings; the one constructor used here. */
const { JSDOM } = createRequire(import.meta.url)("jsdom") as {
  JSDOM: new (html: string, options: { runScripts: "outside-only"; url: string }) => { window: unknown };
};

const LIBRARY = path.resolve(process.cwd(), "node_modules/@microsoft/office-js/dist/excel-web-16.00.debug.js");

/** The window's Office.js namespaces (typed loosely: this is the library's runtime, not its typings). */
export interface RealOfficeJs {
  window: Window & typeof globalThis;
  Excel: {
    RequestContext: new () => Excel.RequestContext;
    run<T>(context: Excel.RequestContext, batch: (ctx: Excel.RequestContext) => Promise<T>): Promise<T>;
  };
}

let loaded: RealOfficeJs | null = null;

/** The library, loaded once per test file (about 3 MB of script). */
export function loadRealOfficeJs(): RealOfficeJs {
  if (loaded) return loaded;
  const dom = new JSDOM("<!doctype html><html><body></body></html>", {
    runScripts: "outside-only",
    url: "https://localhost/",
  });
  const win = dom.window as unknown as Window & typeof globalThis & { eval(src: string): unknown };
  win.eval(fs.readFileSync(LIBRARY, "utf8"));
  win.eval(NOTES_SHIM);
  loaded = { window: win, Excel: (win as unknown as { Excel: RealOfficeJs["Excel"] }).Excel };
  return loaded;
}

/** A fresh RequestContext whose requests go to `executor` instead of a host. */
export function contextWith(executor: Executor): Excel.RequestContext {
  const { Excel } = loadRealOfficeJs();
  const ctx = new Excel.RequestContext();
  (ctx as unknown as { _requestExecutor: unknown })._requestExecutor = {
    executeAsync: (_customData: unknown, _flags: number, message: RequestMessage) => executor(message),
  };
  return ctx;
}

/** The library in jsdom as the simulator's runtime. */
export function jsdomRuntime(): OfficeJsRuntime {
  return { contextWith, run: (ctx, batch) => loadRealOfficeJs().Excel.run(ctx, batch) };
}
