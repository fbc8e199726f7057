/** The fake host: the `Excel` namespace, sync counters, payload limits and failure injection. */
import type ExcelJS from "exceljs";
import { PAYLOAD_LIMIT } from "./payload";
import { FakeOfficeError } from "./errors";
import { FakeRequestContext } from "./context";
import { boundsAddress } from "./cells";
import type { FakeTableModel } from "./tables";
import { chartView, type FakeChartModel, type FakeChartView } from "./charts";

export interface SyncRecord {
  requestBytes: number;
  responseBytes: number;
  commands: number;
  /** The host rejected this sync (over the payload limit or an injected failure). */
  rejected?: boolean;
}

export type Command = { bytes: number; run: () => void };

export interface FakeExcelOptions {
  /** Highest ExcelApi version the fake host claims ("1.18" by default). */
  apiVersion?: string;
  /** Request/response limit in bytes (5 MB like Excel on the web; tests may lower it). */
  payloadLimit?: number;
}

/** The fake host: an `Excel`-like namespace plus counters and failure injection. */
export class FakeExcelHost {
  readonly workbook: ExcelJS.Workbook;
  readonly syncs: SyncRecord[] = [];
  readonly apiVersion: string;
  readonly payloadLimit: number;
  private failAt: { from: number; to: number; code: string; message: string } | null = null;
  untracked = 0;
  /** Emulates what range.text shows beyond the format, e.g. "#####" in a too narrow column. */
  textOverride: ((sheet: string, row: number, col: number, text: string) => string) | null = null;
  selected: { sheet: string; address: string } | null = null;
  /**
   * Whether a 1×1 numberFormat array is applied to every cell of a range (Windows, Mac and the web do it,
   * office-js-docs-pr#5400, but it is undocumented); false: only the first cell gets it.
   */
  formatBroadcast = true;
  /** Every table of the workbook (cells live in the sheets; this is name, style and extent). */
  readonly tables: FakeTableModel[] = [];
  private lastTableId = 0;

  constructor(workbook: ExcelJS.Workbook, options: FakeExcelOptions = {}) {
    this.workbook = workbook;
    this.apiVersion = options.apiVersion ?? "1.18";
    this.payloadLimit = options.payloadLimit ?? PAYLOAD_LIMIT;
  }

  /** For tests: the tables on a sheet, with A1 addresses. */
  tablesOn(sheet: string): { name: string; style: string; address: string }[] {
    return this.tables
      .filter((t) => t.ws.name.toLowerCase() === sheet.toLowerCase())
      .map((t) => ({ name: t.name, style: t.style, address: boundsAddress(t) }));
  }

  /** Every chart of the workbook, with the sheet it lies on (ExcelJS has no chart model). */
  readonly charts: FakeChartModel[] = [];

  /** For tests: the charts on a sheet, their series as sheet-qualified A1 addresses. */
  chartsOn(sheet: string): FakeChartView[] {
    return this.charts.filter((c) => c.ws.name.toLowerCase() === sheet.toLowerCase()).map(chartView);
  }

  newTableId(): number {
    return ++this.lastTableId;
  }

  get syncCount(): number {
    return this.syncs.length;
  }

  get maxRequestBytes(): number {
    return Math.max(0, ...this.syncs.map((s) => s.requestBytes));
  }

  get maxResponseBytes(): number {
    return Math.max(0, ...this.syncs.map((s) => s.responseBytes));
  }

  get totalResponseBytes(): number {
    return this.syncs.reduce((a, s) => a + s.responseBytes, 0);
  }

  resetCounters(): void {
    this.syncs.length = 0;
    this.untracked = 0;
  }

  /**
   * Make the n-th sync from now (1-based) fail before anything of its batch is applied — and the `count - 1`
   * syncs after it too (e.g. so that a clean-up attempt fails as well).
   */
  failAtSync(n: number, options: { count?: number; code?: string; message?: string } = {}): void {
    const from = this.syncs.length + n;
    this.failAt = {
      from,
      to: from + (options.count ?? 1) - 1,
      code: options.code ?? "GeneralException",
      message: options.message ?? "Связь с Excel прервалась (тест)",
    };
  }

  clearFailure(): void {
    this.failAt = null;
  }

  isSetSupported = (name: string, version?: string): boolean => {
    if (name !== "ExcelApi") return false;
    const [maj, min] = (version ?? "1.1").split(".").map(Number);
    const [hMaj, hMin] = this.apiVersion.split(".").map(Number);
    return maj < hMaj || (maj === hMaj && min <= hMin);
  };

  /** The `Excel` namespace the adapter receives. */
  get Excel(): FakeExcelNamespace {
    return {
      run: <T>(cb: (ctx: FakeRequestContext) => Promise<T>) => this.run(cb),
      SheetVisibility: { visible: "Visible", hidden: "Hidden", veryHidden: "VeryHidden" },
      ErrorCodes: { itemNotFound: "ItemNotFound" },
    };
  }

  async run<T>(cb: (ctx: FakeRequestContext) => Promise<T>): Promise<T> {
    const ctx = new FakeRequestContext(this);
    const result = await cb(ctx);
    if (ctx.pendingCount > 0) await ctx.sync();
    return result;
  }

  /** Called by the context: size, maybe fail, apply. */
  executeBatch(commands: Command[], loads: (() => number)[], proxyBytes = 0): void {
    const requestBytes = commands.reduce((a, c) => a + c.bytes, 0) + proxyBytes;
    const n = this.syncs.length + 1;
    if (this.failAt && n >= this.failAt.from && n <= this.failAt.to) {
      const f = this.failAt;
      if (n === f.to) this.failAt = null;
      this.syncs.push({ requestBytes, responseBytes: 0, commands: commands.length, rejected: true });
      throw new FakeOfficeError(f.code, f.message);
    }
    if (requestBytes > this.payloadLimit) {
      this.syncs.push({ requestBytes, responseBytes: 0, commands: commands.length, rejected: true });
      throw new FakeOfficeError("RequestPayloadSizeLimitExceeded", "The request payload size has exceeded the limit.");
    }
    const record: SyncRecord = { requestBytes, responseBytes: 0, commands: commands.length };
    this.syncs.push(record);
    for (const c of commands) c.run();
    record.responseBytes = loads.reduce((a, l) => a + l(), 0);
    if (record.responseBytes > this.payloadLimit) {
      record.rejected = true;
      throw new FakeOfficeError(
        "ResponsePayloadSizeLimitExceeded",
        "The response payload size has exceeded the limit.",
      );
    }
  }
}

export interface FakeExcelNamespace {
  run<T>(cb: (ctx: FakeRequestContext) => Promise<T>): Promise<T>;
  SheetVisibility: { visible: string; hidden: string; veryHidden: string };
  ErrorCodes: { itemNotFound: string };
}

/** Convenience for tests: a fresh fake over an ExcelJS workbook. */
export function createFakeExcel(workbook: ExcelJS.Workbook, options?: FakeExcelOptions): FakeExcelHost {
  return new FakeExcelHost(workbook, options);
}
