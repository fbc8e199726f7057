/**
 * The analysis worker in a browser (the taskpane in Excel, the standalone page). webpack turns this exact
 * `new Worker(new URL("./worker.ts", import.meta.url))` into a separate bundle whose URL is resolved against the
 * page's script, so dist/ works from whatever path it is hosted under.
 */
import type { WorkerLike } from "./client";

export function workerSupported(): boolean {
  return typeof Worker !== "undefined";
}

export function createAnalysisWorker(): WorkerLike {
  return new Worker(new URL("./worker.ts", import.meta.url), { name: "zhku-analysis" });
}
