/**
 * A host behind the real Office.js client library: each request the library serializes is executed against the
 * Excel fake's in-memory workbook (test/fakes/excel), and answered in the real response shape (results per
 * action id, PascalCase property names, `_Items` for collections, null for a null object, `_ReferenceId` for
 * ranges, errors as {Code, Message}). So the adapter runs on the real proxies — load/sync, PropertyNotLoaded,
 * tracked objects, argument serialization — and every request is measured as the library sends it.
 *
 * What it models: object paths (global, property, method, indexer, reference id, GetItemAt), the Instantiate,
 * Query, Method and SetProperty actions, the 5 MB request and response limits. What it does not: events,
 * RecursiveQuery, batch-mode requests.
 *
 * Browser-safe (no Node imports): the Excel-mode e2e bundles it into the taskpane page; hostSimulator.ts gives
 * Node tests the same host over the library loaded in jsdom.
 */
import { FakeOfficeError } from "../fakes/excel/errors";
import { FakeRequestContext } from "../fakes/excel/context";
import type { FakeExcelHost } from "../fakes/excel/host";
import { PAYLOAD_LIMIT } from "../fakes/excel/payload";
import type { FakeTable } from "../fakes/excel/tables";
import { sheetId } from "../fakes/excel/workbook";
import type { FakeWorksheet } from "../fakes/excel/worksheet";
import type { ActionInfo, Executor, ObjectPathInfo, RequestMessage, ResponseMessage } from "./wire";

/** One request as the library sent it. */
export interface RealRequest {
  requestBytes: number;
  responseBytes: number;
  actions: number;
  /** The same batch as the fake counted it (its own payload estimate). */
  fakeRequestBytes: number;
  /** Reference bookkeeping only (untrack, the release at the end of Excel.run): no sync of the fake. */
  bookkeeping?: boolean;
  error?: string;
}

const ACTION = { instantiate: 1, query: 2, method: 3, setProperty: 4 } as const;
const PATH = { global: 1, newObject: 2, method: 3, property: 4, indexer: 5, referenceId: 6 } as const;

type Sim = Record<string, unknown> & { isNullObject?: boolean };

/** Office.js names are PascalCase on the wire, camelCase in the API. */
const camel = (s: string) => s.charAt(0).toLowerCase() + s.slice(1);
const pascal = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

export interface SimulatorOptions {
  /** Request and response limit (5 MB, as Excel on the web). */
  payloadLimit?: number;
}

/**
 * Where the real client library lives: jsdom in Node (realOfficeJs.ts), the page's own window in the browser tests.
 * `contextWith` makes a RequestContext whose requests go to the executor; `run` is the library's Excel.run.
 */
export interface OfficeJsRuntime {
  contextWith(executor: Executor): Excel.RequestContext;
  run<T>(ctx: Excel.RequestContext, batch: (ctx: Excel.RequestContext) => Promise<T>): Promise<T>;
}

export class SimulatorCore {
  readonly requests: RealRequest[] = [];
  private readonly limit: number;

  constructor(
    readonly fake: FakeExcelHost,
    private readonly runtime: OfficeJsRuntime,
    options: SimulatorOptions = {},
  ) {
    this.limit = options.payloadLimit ?? PAYLOAD_LIMIT;
  }

  /** The `Excel` namespace for the adapter: Excel.run over the real library, with this host behind it. */
  get Excel(): { run<T>(batch: (ctx: Excel.RequestContext) => Promise<T>): Promise<T> } {
    return { run: (batch) => this.run(batch) };
  }

  get maxRequestBytes(): number {
    return Math.max(0, ...this.requests.map((r) => r.requestBytes));
  }

  get syncCount(): number {
    return this.requests.length;
  }

  resetCounters(): void {
    this.requests.length = 0;
    this.fake.resetCounters();
  }

  async run<T>(batch: (ctx: Excel.RequestContext) => Promise<T>): Promise<T> {
    const session = new Session(this.fake);
    const ctx = this.runtime.contextWith((message) => this.execute(session, message));
    return this.runtime.run(ctx, batch);
  }

  private async execute(session: Session, message: RequestMessage): Promise<ResponseMessage> {
    const requestBytes = bodyBytes(message.Body);
    const record: RealRequest = {
      requestBytes,
      responseBytes: 0,
      actions: message.Body.Actions.length,
      fakeRequestBytes: 0,
    };
    this.requests.push(record);
    if (requestBytes > this.limit) {
      record.error = "RequestPayloadSizeLimitExceeded";
      return errorResponse("RequestPayloadSizeLimitExceeded", "The request payload size has exceeded the limit.");
    }
    // a request of reference bookkeeping only (untrack, the cleanup at the end of Excel.run) changes nothing in
    // the workbook: counted here as the round trip it is, but not as a sync of the fake
    const paths = message.Body.ObjectPaths;
    const bookkeeping = (a: ActionInfo) =>
      (a.ActionType === ACTION.instantiate &&
        [PATH.global, PATH.referenceId].includes(paths[String(a.ObjectPathId)]?.ObjectPathType as 1 | 6)) ||
      (a.ActionType === ACTION.method && a.Name.startsWith("_"));
    if (message.Body.Actions.every(bookkeeping)) {
      record.bookkeeping = true;
      return { ErrorCode: null, HttpStatusCode: 200, Headers: {}, Body: { Results: [] } };
    }
    const fakeSyncsBefore = this.fake.syncs.length;
    let results: { ActionId: number; Value: unknown }[];
    try {
      results = await session.execute(message.Body.Actions, message.Body.ObjectPaths);
    } catch (err) {
      record.fakeRequestBytes = this.fake.syncs[fakeSyncsBefore]?.requestBytes ?? 0;
      if (!(err instanceof FakeOfficeError)) throw err;
      record.error = err.code;
      return errorResponse(err.code, err.message);
    }
    record.fakeRequestBytes = this.fake.syncs[fakeSyncsBefore]?.requestBytes ?? 0;
    const body = { Results: results };
    record.responseBytes = bodyBytes(body);
    if (record.responseBytes > this.limit) {
      record.error = "ResponsePayloadSizeLimitExceeded";
      return errorResponse("ResponsePayloadSizeLimitExceeded", "The response payload size has exceeded the limit.");
    }
    return { ErrorCode: null, HttpStatusCode: 200, Headers: {}, Body: body };
  }
}

function errorResponse(code: string, message: string): ResponseMessage {
  return {
    ErrorCode: null,
    HttpStatusCode: 200,
    Headers: {},
    Body: { Error: { Code: code, Message: message, HttpStatusCode: 400 } },
  };
}

/** UTF-8 bytes of a request or response body as it travels (JSON). */
export function bodyBytes(body: unknown): number {
  return new TextEncoder().encode(JSON.stringify(body)).length;
}

/** One Excel.run: the fake's request context and the objects behind the library's object paths. */
class Session {
  private readonly ctx: FakeRequestContext;
  private readonly objects = new Map<number, Sim>();
  private readonly byReference = new Map<string, Sim>();

  constructor(host: FakeExcelHost) {
    this.ctx = new FakeRequestContext(host);
  }

  /** Queue every action on the fake, sync it once, then read the results. */
  async execute(
    actions: ActionInfo[],
    paths: Record<string, ObjectPathInfo>,
  ): Promise<{ ActionId: number; Value: unknown }[]> {
    const pending: (() => { ActionId: number; Value: unknown })[] = [];
    for (const action of actions) {
      const obj = this.resolve(action.ObjectPathId, paths);
      const args = this.args(action.ArgumentInfo, paths);
      if (action.ActionType === ACTION.instantiate) {
        const pathId = action.ObjectPathId;
        pending.push(() => ({ ActionId: action.Id, Value: this.instantiated(pathId, obj) }));
      } else if (action.ActionType === ACTION.query) {
        const select = action.QueryInfo?.Select ?? [];
        const collection = isCollection(obj);
        (obj.load as (p: string) => void)(select.map((p) => (collection ? `items/${p}` : p)).join(","));
        pending.push(() => ({ ActionId: action.Id, Value: queryValue(obj, select, collection) }));
      } else if (action.ActionType === ACTION.method) {
        if (action.Name.startsWith("_")) continue; // _KeepReference / _RemoveReference: bookkeeping only
        const fn = obj[camel(action.Name)];
        if (typeof fn !== "function") throw new Error(`hostSimulator: no method ${action.Name} on ${describe(obj)}`);
        (fn as (...a: unknown[]) => unknown).apply(obj, args);
      } else if (action.ActionType === ACTION.setProperty) {
        obj[camel(action.Name)] = args[0];
      } else throw new Error(`hostSimulator: action type ${action.ActionType} is not modelled`);
    }
    await this.ctx.sync();
    return pending.map((p) => p());
  }

  private args(info: ActionInfo["ArgumentInfo"], paths: Record<string, ObjectPathInfo>): unknown[] {
    const args = [...(info?.Arguments ?? [])];
    info?.ReferencedObjectPathIds?.forEach((id, i) => {
      if (id) args[i] = this.resolve(id, paths);
    });
    return args;
  }

  /** The fake object behind an object path (made once per path id, like Excel's object for a path). */
  private resolve(id: number, paths: Record<string, ObjectPathInfo>): Sim {
    const known = this.objects.get(id);
    if (known) return known;
    const info = paths[String(id)];
    if (!info) throw new Error(`hostSimulator: object path ${id} was not sent`);
    const obj = this.make(info, paths);
    this.objects.set(id, obj);
    return obj;
  }

  private make(info: ObjectPathInfo, paths: Record<string, ObjectPathInfo>): Sim {
    if (info.ObjectPathType === PATH.global) return this.ctx.workbook as unknown as Sim;
    if (info.ObjectPathType === PATH.referenceId) {
      const obj = this.byReference.get(info.Name);
      if (!obj) throw new FakeOfficeError("InvalidObjectPath", "The object path is not valid.");
      return obj;
    }
    const parent = this.resolve(info.ParentObjectPathId!, paths);
    const args = this.args(info.ArgumentInfo, paths);
    if (info.ObjectPathType === PATH.property) {
      if (info.Name === "Application") return this.ctx.application as unknown as Sim;
      const child = parent[camel(info.Name)];
      if (child === undefined) throw new Error(`hostSimulator: no property ${info.Name} on ${describe(parent)}`);
      return child as Sim;
    }
    if (info.ObjectPathType === PATH.indexer) return (parent.getItem as (k: unknown) => Sim)(args[0]);
    if (info.ObjectPathType === PATH.method) {
      if (info.Name === "GetItemAt") return (parent.items as Sim[])[args[0] as number];
      const fn = parent[camel(info.Name)];
      if (typeof fn !== "function") throw new Error(`hostSimulator: no method ${info.Name} on ${describe(parent)}`);
      return ((fn as (...a: unknown[]) => unknown).apply(parent, args) ?? {}) as Sim;
    }
    throw new Error(`hostSimulator: object path type ${info.ObjectPathType} is not modelled`);
  }

  /**
   * An Instantiate result: null for a null object; a sheet or table made in this batch answers with its id (the
   * library then addresses it by id, as an item of its collection); ranges get a reference id (Excel keeps them
   * across syncs of one run).
   */
  private instantiated(pathId: number, obj: Sim): unknown {
    if (isNullable(obj) && obj.isNullObject) return null;
    const kind = obj.constructor?.name ?? "";
    if (kind === "FakeWorksheet") return { Id: sheetId((obj as unknown as FakeWorksheet).ws()) };
    if (kind === "FakeTable") return { Id: `{${(obj as unknown as FakeTable).model().id}}` };
    if (!isRangeLike(obj)) return {};
    const ref = `{00000000-0000-0000-0000-000000000000}${pathId}`;
    this.byReference.set(ref, obj);
    return { _ReferenceId: ref };
  }
}

function queryValue(obj: Sim, select: string[], collection: boolean): unknown {
  if (isNullable(obj) && obj.isNullObject) return null;
  if (collection) {
    const items = obj.items as Sim[];
    return { _Items: items.map((item) => pick(item, select)) };
  }
  return pick(obj, select);
}

function pick(obj: Sim, select: string[]): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const p of select) out[pascal(p)] = obj[p];
  return out;
}

function isCollection(obj: Sim): boolean {
  const name = obj.constructor?.name ?? "";
  return /Collection$/.test(name) && !/Note/.test(name);
}

function isNullable(obj: Sim): boolean {
  try {
    return typeof obj.isNullObject === "boolean";
  } catch {
    return false;
  }
}

function isRangeLike(obj: Sim): boolean {
  return /^FakeRange(Areas)?$/.test(obj.constructor?.name ?? "");
}

function describe(obj: Sim): string {
  return obj?.constructor?.name ?? typeof obj;
}
