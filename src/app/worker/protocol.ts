/**
 * The messages between the taskpane (main thread) and the analysis worker. The use case runs in the worker over a
 * proxy WorkbookPort; every port call is sent back to the main thread, where the real port (Office.js or ExcelJS)
 * lives. Only structured-cloneable data crosses: AbortSignal and onProgress stay on their side and are replaced by
 * flags and progress messages; errors cross as plain records and are re-created as their classes on arrival.
 */
import type { Progress, WorkbookPort } from "../../workbook/port";
import { WorkbookError, type WorkbookErrorCode } from "../../workbook/errors";
import { LedgerInputError, type LedgerInputErrorKind } from "../../domain/ledger/errors";

/** The WorkbookPort methods the proxy forwards. */
export type PortMethod = keyof WorkbookPort;

/** Every method the proxy forwards (the main side calls nothing else). */
export const PORT_METHODS: readonly PortMethod[] = [
  "listSheets",
  "readSheet",
  "writeOwnSheet",
  "writeOwnSheets",
  "readTable",
  "upsertTableRows",
  "markCells",
  "clearMarks",
  "selectCell",
  "readSettings",
  "writeSettings",
  "markNotesShown",
];

/** Which argument of a port method is its OperationOptions (signal, onProgress): those are not cloneable. */
export const OPTIONS_ARG: Partial<Record<PortMethod, number>> = {
  readSheet: 1,
  writeOwnSheet: 1,
  writeOwnSheets: 1,
  upsertTableRows: 2,
  markCells: 2,
};

/** An error as it crosses the boundary. */
export interface ErrorRecord {
  name: string;
  message: string;
  /** WorkbookError.code */
  code?: string;
  /** LedgerInputError.kind and its lists. */
  kind?: string;
  details?: { missing?: string[]; headersSeen?: string[]; sheets?: string[] };
}

/** Rows of a large sheet sent in slices, so neither side freezes while one huge grid is copied. */
export interface RowsSlice {
  values: unknown[][];
  text: string[][];
  numberFormat: string[][];
}

export type MainToWorker =
  | { t: "start"; op: string; args: unknown }
  | { t: "abort" }
  | { t: "reply"; id: number; ok: true; value: unknown; sliced?: boolean }
  | { t: "reply"; id: number; ok: false; error: ErrorRecord }
  | ({ t: "rows"; id: number } & RowsSlice)
  | { t: "callProgress"; id: number; progress: Progress };

export type WorkerToMain =
  | { t: "ready" }
  | { t: "call"; id: number; method: PortMethod; args: unknown[]; signal: boolean; progress: boolean }
  | { t: "progress"; progress: Progress }
  | { t: "done"; value: unknown }
  | { t: "failed"; error: ErrorRecord };

/** The minimum of a Worker, a worker's `self` or a MessagePort that the two sides use. */
export interface Endpoint {
  postMessage(message: unknown): void;
  addEventListener(type: "message", listener: (event: { data: unknown }) => void): void;
  removeEventListener(type: "message", listener: (event: { data: unknown }) => void): void;
}

export function toErrorRecord(err: unknown): ErrorRecord {
  if (typeof err !== "object" || err === null) return { name: "Error", message: String(err) };
  const e = err as {
    name?: unknown;
    message?: unknown;
    code?: unknown;
    kind?: unknown;
    missing?: unknown;
    headersSeen?: unknown;
    sheets?: unknown;
  };
  const record: ErrorRecord = {
    name: typeof e.name === "string" ? e.name : "Error",
    message: typeof e.message === "string" ? e.message : String(err),
  };
  if (typeof e.code === "string") record.code = e.code;
  if (typeof e.kind === "string") {
    record.kind = e.kind;
    const strings = (v: unknown) => (Array.isArray(v) ? v.map(String) : undefined);
    record.details = { missing: strings(e.missing), headersSeen: strings(e.headersSeen), sheets: strings(e.sheets) };
  }
  return record;
}

/** The error again, as the class the UI and the use cases check for (instanceof, name, code). */
export function fromErrorRecord(r: ErrorRecord): Error {
  if (r.name === "AbortError") {
    if (typeof DOMException === "function") return new DOMException(r.message, "AbortError");
  } else if (r.name === "WorkbookError") {
    return new WorkbookError((r.code ?? "unknown") as WorkbookErrorCode, r.message);
  } else if (r.name === "LedgerInputError" && r.kind) {
    return new LedgerInputError(r.kind as LedgerInputErrorKind, r.message, r.details ?? {});
  }
  const e = new Error(r.message);
  e.name = r.name;
  if (r.code !== undefined) (e as Error & { code?: string }).code = r.code;
  return e;
}
