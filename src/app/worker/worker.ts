/**
 * The analysis worker's entry (a separate bundle, built by webpack from `new Worker(new URL(...))`). It imports
 * only bundled code and does no network I/O: the workbook is reached through messages to the page.
 */
import { serveOperations } from "./workerSide";
import type { Endpoint } from "./protocol";

serveOperations(self as unknown as Endpoint);
