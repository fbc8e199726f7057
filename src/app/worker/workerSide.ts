/**
 * The worker's side: runs one operation at a time over a proxy WorkbookPort whose every method is a call to the
 * main thread (where the real port lives), reports progress, and stops when the main thread says «abort».
 */
import type { OperationOptions, Progress, WorkbookPort } from "../../workbook/port";
import { abortError } from "../../workbook/errors";
import type { SheetGrid } from "../../domain/grid";
import {
  OPTIONS_ARG,
  PORT_METHODS,
  fromErrorRecord,
  toErrorRecord,
  type Endpoint,
  type MainToWorker,
  type PortMethod,
  type RowsSlice,
  type WorkerToMain,
} from "./protocol";
import { OPERATIONS, type OperationName } from "./operations";

interface PendingCall {
  resolve(value: unknown): void;
  reject(err: unknown): void;
  onProgress?: (p: Progress) => void;
  /** Rows of a sliced grid received so far. */
  rows?: RowsSlice;
}

/** A WorkbookPort whose methods post a call to the main thread and wait for its reply. */
export class PortProxy {
  private nextId = 1;
  private readonly pending = new Map<number, PendingCall>();
  readonly port: WorkbookPort;

  constructor(private readonly post: (m: WorkerToMain) => void) {
    const port: Record<string, unknown> = {};
    for (const method of PORT_METHODS) port[method] = (...args: unknown[]) => this.call(method, args);
    this.port = port as unknown as WorkbookPort;
  }

  private call(method: PortMethod, args: unknown[]): Promise<unknown> {
    const optionsAt = OPTIONS_ARG[method];
    let signal: AbortSignal | undefined;
    let onProgress: ((p: Progress) => void) | undefined;
    const sent = [...args];
    if (optionsAt !== undefined && sent[optionsAt] && typeof sent[optionsAt] === "object") {
      const { signal: s, onProgress: p, ...rest } = sent[optionsAt] as OperationOptions & Record<string, unknown>;
      signal = s;
      onProgress = p;
      sent[optionsAt] = rest;
    }
    if (signal?.aborted) return Promise.reject(abortError());
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      const onAbort = () => {
        // The main thread stops the real call with its own signal; the use case need not wait for that.
        this.pending.delete(id);
        reject(abortError());
      };
      signal?.addEventListener("abort", onAbort, { once: true });
      this.pending.set(id, {
        resolve: (v) => {
          signal?.removeEventListener("abort", onAbort);
          resolve(v);
        },
        reject: (e) => {
          signal?.removeEventListener("abort", onAbort);
          reject(e);
        },
        onProgress,
      });
      this.post({
        t: "call",
        id,
        method,
        args: sent,
        signal: signal !== undefined,
        progress: onProgress !== undefined,
      });
    });
  }

  /** Handles a reply, a slice of rows or a progress report for a call; false for other messages. */
  receive(m: MainToWorker): boolean {
    if (m.t !== "reply" && m.t !== "rows" && m.t !== "callProgress") return false;
    const call = this.pending.get(m.id);
    if (!call) return true; // the call was abandoned on abort
    if (m.t === "callProgress") call.onProgress?.(m.progress);
    else if (m.t === "rows") {
      call.rows ??= { values: [], text: [], numberFormat: [] };
      for (const r of m.values) call.rows.values.push(r);
      for (const r of m.text) call.rows.text.push(r);
      for (const r of m.numberFormat) call.rows.numberFormat.push(r);
    } else {
      this.pending.delete(m.id);
      if (!m.ok) call.reject(fromErrorRecord(m.error));
      else if (m.sliced) {
        const rows = call.rows ?? { values: [], text: [], numberFormat: [] };
        call.resolve({ ...(m.value as SheetGrid), ...rows });
      } else call.resolve(m.value);
    }
    return true;
  }
}

/**
 * Serves operations on an endpoint (the worker's `self`): one «start» runs one operation to its «done» or
 * «failed»; «abort» aborts it. Posts «ready» first, so the main thread knows the script loaded.
 */
export function serveOperations(endpoint: Endpoint): void {
  const post = (m: WorkerToMain) => endpoint.postMessage(m);
  const proxy = new PortProxy(post);
  let controller: AbortController | null = null;

  endpoint.addEventListener("message", (event) => {
    const m = event.data as MainToWorker;
    if (proxy.receive(m)) return;
    if (m.t === "abort") controller?.abort();
    else if (m.t === "start") {
      const ac = new AbortController();
      controller = ac;
      void run(m.op, m.args, ac);
    }
  });

  async function run(op: string, args: unknown, ac: AbortController): Promise<void> {
    try {
      const operation = OPERATIONS[op as OperationName] as
        ((port: WorkbookPort, args: unknown, options: OperationOptions) => Promise<unknown>) | undefined;
      if (!operation) throw new Error(`Неизвестная операция «${op}»`);
      const value = await operation(proxy.port, args, {
        signal: ac.signal,
        onProgress: (progress) => post({ t: "progress", progress: { ...progress } }),
      });
      post({ t: "done", value });
    } catch (err) {
      post({ t: "failed", error: toErrorRecord(err) });
    }
  }

  post({ t: "ready" });
}
