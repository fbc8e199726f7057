/**
 * The main thread's side of the analysis worker: starts one worker per operation, answers its port calls with the
 * real WorkbookPort, passes its progress on, and on «Отмена» asks it to stop — terminating it when it does not
 * answer within a short grace period (it may be deep in a synchronous step such as recognition).
 */
import type { OperationOptions, Progress, WorkbookPort } from "../../workbook/port";
import { abortError } from "../../workbook/errors";
import { yieldToEventLoop } from "../../util/eventLoop";
import type { SheetGrid } from "../../domain/grid";
import {
  OPTIONS_ARG,
  PORT_METHODS,
  fromErrorRecord,
  toErrorRecord,
  type MainToWorker,
  type WorkerToMain,
} from "./protocol";
import type { OperationArgs, OperationName, OperationResult } from "./operations";

/** What the client needs of a Worker (a stand-in in the unit tests). */
export interface WorkerLike {
  postMessage(message: unknown): void;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  addEventListener(type: "message" | "error" | "messageerror", listener: (event: any) => void): void;
  terminate(): void;
}

/** The worker could not be started (no script, blocked by the host): the caller runs the operation on the page. */
export class WorkerUnavailableError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "WorkerUnavailableError";
  }
}

export interface ClientSettings {
  /** How long a cancelled worker may take to stop by itself before it is terminated. */
  graceMs?: number;
  /** Cells per message when a large sheet is sent to the worker. */
  sliceCells?: number;
}

const DEFAULT_GRACE_MS = 300;
const DEFAULT_SLICE_CELLS = 50_000;

export function runInWorker<K extends OperationName>(
  createWorker: () => WorkerLike,
  op: K,
  args: OperationArgs<K>,
  port: WorkbookPort,
  options: OperationOptions = {},
  settings: ClientSettings = {},
): Promise<OperationResult<K>> {
  const { signal, onProgress } = options;
  const graceMs = settings.graceMs ?? DEFAULT_GRACE_MS;
  const sliceCells = settings.sliceCells ?? DEFAULT_SLICE_CELLS;
  if (signal?.aborted) return Promise.reject(abortError());

  let worker: WorkerLike;
  try {
    worker = createWorker();
  } catch (err) {
    return Promise.reject(new WorkerUnavailableError(err instanceof Error ? err.message : String(err)));
  }

  return new Promise<OperationResult<K>>((resolve, reject) => {
    let ready = false;
    let finished = false;
    let grace: ReturnType<typeof setTimeout> | undefined;
    const post = (m: MainToWorker) => {
      if (!finished) worker.postMessage(m);
    };

    const finish = (outcome: () => void) => {
      if (finished) return;
      finished = true;
      if (grace !== undefined) clearTimeout(grace);
      signal?.removeEventListener("abort", onAbort);
      worker.terminate();
      outcome();
    };

    const onAbort = () => {
      post({ t: "abort" });
      grace = setTimeout(() => finish(() => reject(abortError())), graceMs);
    };
    signal?.addEventListener("abort", onAbort, { once: true });

    const serveCall = async (m: Extract<WorkerToMain, { t: "call" }>) => {
      try {
        if (!PORT_METHODS.includes(m.method)) throw new Error(`Неизвестный метод книги «${String(m.method)}»`);
        const callArgs = [...m.args];
        const at = OPTIONS_ARG[m.method];
        if (at !== undefined && (m.signal || m.progress)) {
          callArgs[at] = {
            ...((callArgs[at] as object | undefined) ?? {}),
            ...(m.signal ? { signal } : {}),
            ...(m.progress
              ? { onProgress: (p: Progress) => post({ t: "callProgress", id: m.id, progress: { ...p } }) }
              : {}),
          };
        }
        const method = port[m.method] as ((...a: unknown[]) => Promise<unknown>) | undefined;
        // an optional method the port lacks (markNotesShown) answers undefined: the default applies
        const value = method ? await method.apply(port, callArgs) : undefined;
        if (m.method === "readSheet") await sendGrid(m.id, value as SheetGrid);
        else post({ t: "reply", id: m.id, ok: true, value });
      } catch (err) {
        post({ t: "reply", id: m.id, ok: false, error: toErrorRecord(err) });
      }
    };

    // A large sheet goes in slices, with a pause between them, so the page keeps answering while it is copied.
    const sendGrid = async (id: number, grid: SheetGrid) => {
      const columns = Math.max(1, grid.values[0]?.length ?? 1);
      const perSlice = Math.max(1, Math.floor(sliceCells / columns));
      if (grid.values.length <= perSlice) {
        post({ t: "reply", id, ok: true, value: grid });
        return;
      }
      for (let start = 0; start < grid.values.length; start += perSlice) {
        const end = start + perSlice;
        post({
          t: "rows",
          id,
          values: grid.values.slice(start, end),
          text: grid.text.slice(start, end),
          numberFormat: grid.numberFormat.slice(start, end),
        });
        await yieldToEventLoop();
        if (finished) return;
      }
      post({ t: "reply", id, ok: true, sliced: true, value: { ...grid, values: [], text: [], numberFormat: [] } });
    };

    worker.addEventListener("message", (event: { data: unknown }) => {
      const m = event.data as WorkerToMain;
      switch (m.t) {
        case "ready":
          ready = true;
          break;
        case "call":
          void serveCall(m);
          break;
        case "progress":
          if (!signal?.aborted) onProgress?.(m.progress);
          break;
        case "done":
          finish(() => (signal?.aborted ? reject(abortError()) : resolve(m.value as OperationResult<K>)));
          break;
        case "failed":
          finish(() => reject(signal?.aborted ? abortError() : fromErrorRecord(m.error)));
          break;
      }
    });
    worker.addEventListener("error", (event: { message?: string; preventDefault?: () => void }) => {
      event.preventDefault?.();
      const message = event.message || "сценарий фонового вычисления не загрузился";
      // Before «ready» nothing has touched the workbook: the caller may run the operation on the page instead.
      finish(() =>
        reject(ready ? new Error(`Сбой фонового вычисления: ${message}`) : new WorkerUnavailableError(message)),
      );
    });
    worker.addEventListener("messageerror", () => {
      finish(() => reject(new Error("Сбой фонового вычисления: данные не удалось передать")));
    });

    post({ t: "start", op, args });
  });
}
