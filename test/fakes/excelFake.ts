/**
 * A faithful fake of the Excel JS API (the part the Office.js adapter uses), for tests only.
 *
 * Semantics copied from Office.js:
 * - API objects are proxies; reading a property before `load()` + `context.sync()` throws PropertyNotLoaded;
 * - writes and method calls are queued and applied in order at `sync()`; an error stops the batch (earlier
 *   commands stay applied) and rejects sync() with an OfficeExtension.Error-like object {code, message};
 * - strings written to `values` are parsed like typed input: "=…" (and "+…", "-…", "@…" that are not numbers) become
 *   formulas, numeric and date-looking text becomes numbers, a leading apostrophe forces text; cells formatted "@"
 *   keep text as is; `null` in a values array leaves the cell unchanged;
 * - every request and response is sized (JSON of the queued commands and of the loaded values) and over 5 MB the
 *   sync is rejected with RequestPayloadSizeLimitExceeded / ResponsePayloadSizeLimitExceeded (Excel on the web);
 *   reading more than 5 million cells gives `null` values, as the docs warn.
 *
 * Backed by an ExcelJS workbook — the same model the xlsx adapter reads — so one fixture serves both adapters.
 * Tables (ListObjects) keep their cells in that model; the host records each table's name, style and extent in
 * `tables` (ExcelJS has no live table model), so tests can assert a table exists and grows.
 * Counts syncs, records each one's payload, and can fail the N-th sync.
 */
import ExcelJS from "exceljs";
import type { CellValue } from "../../src/domain/grid";
import { cellAddress, columnLetter } from "../../src/domain/grid";
import {
  excelJsCellText,
  excelJsCellValue,
  excelJsMerges,
  excelJsNumberFormat,
  parseRangeAddress,
  usedBounds,
  type UsedBounds,
} from "../../src/workbook/xlsx/XlsxWorkbook";

export const PAYLOAD_LIMIT = 5 * 1024 * 1024;
export const CELL_READ_LIMIT = 5_000_000;
/** Rough per-command overhead of the real request JSON (object path, action type, ids). */
const COMMAND_OVERHEAD = 100;

export class FakeOfficeError extends Error {
  code: string;
  debugInfo: { code: string; message: string };
  constructor(code: string, message: string) {
    super(message);
    this.name = "RichApi.Error";
    this.code = code;
    this.debugInfo = { code, message };
  }
}

export interface SyncRecord {
  requestBytes: number;
  responseBytes: number;
  commands: number;
  /** The host rejected this sync (over the payload limit or an injected failure). */
  rejected?: boolean;
}

type Command = { bytes: number; run: () => void };

const utf8 = new TextEncoder();
/** Payload bytes: the JSON as UTF-8, as it travels to and from Excel. */
function jsonSize(v: unknown): number {
  const json = JSON.stringify(v);
  return json === undefined ? 0 : utf8.encode(json).length;
}

function notLoaded(prop: string): never {
  throw new FakeOfficeError(
    "PropertyNotLoaded",
    `The property '${prop}' is not available. Before reading the property's value, call the load method on the containing object and call "context.sync()" on the associated request context.`,
  );
}

const VIS_TO_STATE: Record<string, ExcelJS.WorksheetState> = {
  Visible: "visible",
  Hidden: "hidden",
  VeryHidden: "veryHidden",
};
const STATE_TO_VIS: Record<string, string> = { visible: "Visible", hidden: "Hidden", veryHidden: "VeryHidden" };

/** Quote a sheet name in an address the way Excel does when it is not a plain identifier. */
function qualify(sheet: string, a1: string): string {
  return /^[A-Za-z_\u0400-\u04FF][A-Za-z0-9_.\u0400-\u04FF]*$/.test(sheet)
    ? `${sheet}!${a1}`
    : `'${sheet.replace(/'/g, "''")}'!${a1}`;
}

function boundsAddress(b: UsedBounds): string {
  const tl = cellAddress(b.top, b.left);
  return b.top === b.bottom && b.left === b.right ? tl : `${tl}:${cellAddress(b.bottom, b.right)}`;
}

/** Excel's parsing of a string written to `values` (as if typed), for a cell with format `fmt`. */
function parseInput(s: string, fmt: string): { value: unknown; numFmt?: string } {
  if (s.startsWith("'")) return { value: s.slice(1) };
  if (fmt === "@") return { value: s };
  if (s === "") return { value: null };
  if (/^[+-]?\d+([.,]\d+)?$/.test(s.trim())) return { value: Number(s.trim().replace(",", ".")) };
  const date = /^(\d{1,2})\.(\d{1,2})\.(\d{4})$/.exec(s.trim());
  if (date) {
    const ms = Date.UTC(+date[3], +date[2] - 1, +date[1]);
    return { value: ms / 86400000 + 25569, numFmt: fmt === "General" ? "dd.mm.yyyy" : undefined };
  }
  if (/^[=+\-@]/.test(s)) {
    const formula = s.replace(/^[=+@]/, "").replace(/^-/, "-");
    const link = /^=?HYPERLINK\("(?:[^"]|"")*"\s*,\s*"((?:[^"]|"")*)"\)$/i.exec(s);
    return { value: { formula, result: link ? link[1].replace(/""/g, '"') : undefined } };
  }
  return { value: s };
}

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
  executeBatch(commands: Command[], loads: (() => number)[]): void {
    const requestBytes = commands.reduce((a, c) => a + c.bytes, 0) + loads.length * COMMAND_OVERHEAD;
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

export class FakeRequestContext {
  readonly host: FakeExcelHost;
  readonly workbook: FakeWorkbook;
  readonly application: FakeApplication;
  readonly trackedObjects = { add: (_o: unknown) => undefined, remove: (_o: unknown) => (this.host.untracked += 1) };
  private commands: Command[] = [];
  private loads: { obj: ClientObject; props: string[] }[] = [];
  private created: ClientObject[] = [];

  constructor(host: FakeExcelHost) {
    this.host = host;
    this.workbook = new FakeWorkbook(this);
    this.application = new FakeApplication(this);
  }

  get pendingCount(): number {
    return this.commands.length + this.loads.length;
  }

  enqueue(bytes: number, run: () => void): void {
    this.commands.push({ bytes: bytes + COMMAND_OVERHEAD, run });
  }

  /** A load is itself a command: it snapshots the properties at its place in the queue. */
  enqueueLoad(obj: ClientObject, props: string[]): void {
    let snapshot: Record<string, unknown> | null = null;
    this.commands.push({
      bytes: COMMAND_OVERHEAD + jsonSize(props),
      run: () => {
        snapshot = obj._snapshot(props);
      },
    });
    this.loads.push({ obj, props });
    this.loadSnapshots.push(() => snapshot);
  }
  private loadSnapshots: (() => Record<string, unknown> | null)[] = [];

  track(obj: ClientObject): void {
    this.created.push(obj);
  }

  async sync(): Promise<void> {
    const commands = this.commands;
    const loads = this.loads;
    const snaps = this.loadSnapshots;
    const created = this.created;
    this.commands = [];
    this.loads = [];
    this.loadSnapshots = [];
    this.created = [];
    await Promise.resolve();
    const sizes = loads.map((_l, i) => () => {
      const s = snaps[i]();
      return s ? jsonSize(s) : 0;
    });
    try {
      this.host.executeBatch(commands, sizes);
    } finally {
      // objects created in this batch learn whether they exist (isNullObject) even when the batch failed later
      for (const o of created) o._settleNull();
    }
    loads.forEach((l, i) => {
      const s = snaps[i]();
      if (s) l.obj._applyLoaded(s);
    });
  }
}

/** Base of every proxy: loaded-property bookkeeping and lazy target resolution. */
abstract class ClientObject {
  readonly context: FakeRequestContext;
  protected loaded = new Map<string, unknown>();
  private nullState: boolean | undefined;

  constructor(context: FakeRequestContext) {
    this.context = context;
    context.track(this);
  }

  /** Values of `props` now (called at the load's place in the batch). */
  abstract _snapshot(props: string[]): Record<string, unknown>;

  _applyLoaded(s: Record<string, unknown>): void {
    for (const [k, v] of Object.entries(s)) this.loaded.set(k, v);
  }

  /** Whether the object exists; only OrNullObject proxies can be null. */
  protected exists(): boolean {
    return true;
  }

  _settleNull(): void {
    this.nullState = !this.safeExists();
  }

  protected safeExists(): boolean {
    try {
      return this.exists();
    } catch {
      return false;
    }
  }

  get isNullObject(): boolean {
    if (this.nullState === undefined) notLoaded("isNullObject");
    return this.nullState;
  }

  protected get<T>(prop: string): T {
    if (!this.loaded.has(prop)) notLoaded(prop);
    return this.loaded.get(prop) as T;
  }

  load(props?: string | string[] | { select?: string }): this {
    let list: string[];
    if (props === undefined) list = this.defaultProps();
    else if (typeof props === "string") list = props.split(",");
    else if (Array.isArray(props)) list = props;
    else list = (props.select ?? "").split(",");
    this.context.enqueueLoad(this, list.map((p) => p.trim()).filter(Boolean));
    return this;
  }

  protected defaultProps(): string[] {
    return [];
  }

  untrack(): this {
    this.context.trackedObjects.remove(this);
    return this;
  }
}

export class FakeApplication extends ClientObject {
  suspended = 0;
  _snapshot(): Record<string, unknown> {
    return {};
  }
  suspendApiCalculationUntilNextSync(): void {
    this.context.enqueue(0, () => undefined);
  }
  suspendScreenUpdatingUntilNextSync(): void {
    this.context.enqueue(0, () => undefined);
  }
}

export class FakeWorkbook extends ClientObject {
  readonly worksheets: FakeWorksheetCollection;
  /** All tables of the workbook (ExcelApi 1.1). */
  readonly tables: FakeTableCollection;
  constructor(context: FakeRequestContext) {
    super(context);
    this.worksheets = new FakeWorksheetCollection(context);
    this.tables = new FakeTableCollection(context, null);
  }
  _snapshot(): Record<string, unknown> {
    return {};
  }
}

function findSheet(wb: ExcelJS.Workbook, name: string): ExcelJS.Worksheet | undefined {
  return wb.worksheets.find((w) => w.name.toLowerCase() === name.toLowerCase());
}

export class FakeWorksheetCollection extends ClientObject {
  /** Proxies behind a loaded `items` snapshot (kept apart so the snapshot stays plain JSON). */
  private proxiesBySnapshot = new WeakMap<object, FakeWorksheet[]>();

  _snapshot(props: string[]): Record<string, unknown> {
    if (!props.some((p) => p.startsWith("items"))) return {};
    const subs = props.filter((p) => p.startsWith("items/")).map((p) => p.slice(6));
    const wanted = subs.length > 0 ? subs : ["name", "visibility", "position"];
    const proxies: FakeWorksheet[] = [];
    const snaps = this.context.host.workbook.worksheets.map((ws) => {
      const item = new FakeWorksheet(this.context, () => ws);
      const snap = item._snapshot(wanted);
      item._applyLoaded(snap);
      proxies.push(item);
      return snap;
    });
    this.proxiesBySnapshot.set(snaps, proxies);
    return { items: snaps };
  }

  override _applyLoaded(s: Record<string, unknown>): void {
    if (s.items) this.loaded.set("items", this.proxiesBySnapshot.get(s.items as object));
  }

  get items(): FakeWorksheet[] {
    return this.get("items");
  }

  protected override defaultProps(): string[] {
    return ["items"];
  }

  add(name: string): FakeWorksheet {
    let created: ExcelJS.Worksheet | undefined;
    this.context.enqueue(jsonSize(name), () => {
      const wb = this.context.host.workbook;
      if (findSheet(wb, name))
        throw new FakeOfficeError("ItemAlreadyExists", `A worksheet named '${name}' already exists.`);
      created = wb.addWorksheet(name);
    });
    return new FakeWorksheet(this.context, () => {
      if (!created) throw new FakeOfficeError("ItemNotFound", "The requested resource doesn't exist.");
      return created;
    });
  }

  getItem(name: string): FakeWorksheet {
    return new FakeWorksheet(this.context, () => {
      const ws = findSheet(this.context.host.workbook, name);
      if (!ws) throw new FakeOfficeError("ItemNotFound", `The requested resource doesn't exist: worksheet '${name}'.`);
      return ws;
    });
  }

  getItemOrNullObject(name: string): FakeWorksheet {
    return new FakeWorksheet(this.context, () => findSheet(this.context.host.workbook, name), true);
  }
}

export class FakeWorksheet extends ClientObject {
  private cached: ExcelJS.Worksheet | undefined | null = null;
  readonly freezePanes: { freezeRows: (n: number) => void };
  private _notes?: FakeNoteCollection;
  private _tables?: FakeTableCollection;

  constructor(
    context: FakeRequestContext,
    private readonly resolver: () => ExcelJS.Worksheet | undefined,
    private readonly nullable = false,
  ) {
    super(context);
    this.freezePanes = {
      freezeRows: (n: number) =>
        this.context.enqueue(8, () => {
          this.ws().views = [{ state: "frozen", ySplit: n, xSplit: 0 }];
        }),
    };
  }

  /** The ExcelJS sheet behind this proxy (resolved once, at first use inside a sync). */
  ws(): ExcelJS.Worksheet {
    if (this.cached === null) this.cached = this.resolver();
    if (!this.cached) throw new FakeOfficeError("ItemNotFound", "The requested resource doesn't exist.");
    return this.cached;
  }

  protected override exists(): boolean {
    if (!this.nullable) return true;
    if (this.cached === null) this.cached = this.resolver();
    return !!this.cached;
  }

  _snapshot(props: string[]): Record<string, unknown> {
    if (this.nullable && !this.safeExists()) return {};
    const ws = this.ws();
    const out: Record<string, unknown> = {};
    for (const p of props) {
      if (p === "name") out.name = ws.name;
      else if (p === "visibility") out.visibility = STATE_TO_VIS[ws.state ?? "visible"] ?? "Visible";
      else if (p === "position") out.position = this.context.host.workbook.worksheets.indexOf(ws);
      else if (p === "id") out.id = `{${ws.id}}`;
      else if (p === "protection/protected")
        out["protection/protected"] = !!(ws as unknown as { sheetProtection?: unknown }).sheetProtection;
    }
    return out;
  }

  protected override defaultProps(): string[] {
    return ["name", "visibility", "position", "id"];
  }

  get name(): string {
    return this.get("name");
  }
  set name(v: string) {
    this.context.enqueue(jsonSize(v), () => {
      const other = findSheet(this.context.host.workbook, v);
      if (other && other !== this.ws())
        throw new FakeOfficeError("ItemAlreadyExists", `A worksheet named '${v}' already exists.`);
      this.ws().name = v;
    });
  }

  get visibility(): string {
    return this.get("visibility");
  }
  set visibility(v: string) {
    this.context.enqueue(jsonSize(v), () => {
      this.ws().state = VIS_TO_STATE[v] ?? "visible";
    });
  }

  get position(): number {
    return this.get("position");
  }
  set position(v: number) {
    this.context.enqueue(8, () => {
      const ws = this.ws();
      const list = this.context.host.workbook.worksheets.filter((w) => w !== ws);
      list.splice(Math.max(0, Math.min(v, list.length)), 0, ws);
      list.forEach((w, i) => ((w as unknown as { orderNo: number }).orderNo = i + 1));
    });
  }

  get protection(): { protected: boolean } {
    const p = this.get<boolean>("protection/protected");
    return { protected: p };
  }

  /** worksheet.autoFilter.apply(range) (ExcelApi 1.9); stored as the sheet's autofilter range. */
  get autoFilter(): { apply: (range: FakeRange | string) => void } {
    return {
      apply: (range) =>
        this.context.enqueue(16, () => {
          const b = typeof range === "string" ? parseRangeAddress(range) : range.bounds();
          this.ws().autoFilter = `${cellAddress(b.top, b.left)}:${cellAddress(b.bottom, b.right)}`;
        }),
    };
  }

  get notes(): FakeNoteCollection {
    if (!this.context.host.isSetSupported("ExcelApi", "1.18"))
      throw new TypeError("Cannot read properties of undefined (notes)");
    return (this._notes ??= new FakeNoteCollection(this.context, this));
  }

  /** The sheet's tables (ExcelApi 1.1). */
  get tables(): FakeTableCollection {
    return (this._tables ??= new FakeTableCollection(this.context, this));
  }

  delete(): void {
    this.context.enqueue(0, () => {
      const ws = this.ws();
      const tables = this.context.host.tables;
      for (let i = tables.length - 1; i >= 0; i--) if (tables[i].ws === ws) tables.splice(i, 1);
      this.context.host.workbook.removeWorksheet(ws.id);
    });
  }

  activate(): void {
    this.context.enqueue(0, () => {
      this.context.host.selected = { sheet: this.ws().name, address: this.context.host.selected?.address ?? "A1" };
    });
  }

  getRange(address?: string): FakeRange {
    return new FakeRange(this.context, this, () => {
      if (!address) return { top: 0, left: 0, bottom: 1048575, right: 16383 };
      return parseRangeAddress(address);
    });
  }

  getRangeByIndexes(startRow: number, startColumn: number, rowCount: number, columnCount: number): FakeRange {
    return new FakeRange(this.context, this, () => ({
      top: startRow,
      left: startColumn,
      bottom: startRow + rowCount - 1,
      right: startColumn + columnCount - 1,
    }));
  }

  getUsedRange(valuesOnly?: boolean): FakeRange {
    return new FakeRange(this.context, this, () => this.used(valuesOnly) ?? { top: 0, left: 0, bottom: 0, right: 0 });
  }

  getUsedRangeOrNullObject(valuesOnly?: boolean): FakeRange {
    return new FakeRange(this.context, this, () => this.used(valuesOnly), true);
  }

  private used(_valuesOnly?: boolean): UsedBounds | null {
    // values only: formatting alone never extends the used range in this fake
    return usedBounds(this.ws());
  }

  getRanges(address: string): FakeRangeAreas {
    this.context.enqueue(address.length, () => undefined);
    return new FakeRangeAreas(this.context, this, () => address.split(",").map((a) => parseRangeAddress(a.trim())));
  }
}

/** The ExcelJS cells of a block, created on demand. */
function eachCell(ws: ExcelJS.Worksheet, b: UsedBounds, fn: (cell: ExcelJS.Cell, r: number, c: number) => void): void {
  for (let r = b.top; r <= b.bottom; r++) {
    const row = ws.getRow(r + 1);
    for (let c = b.left; c <= b.right; c++) fn(row.getCell(c + 1), r - b.top, c - b.left);
  }
}

/** A value written through the API lands in a cell as if typed (see parseInput). */
function writeInput(cell: ExcelJS.Cell, x: unknown): void {
  if (typeof x === "number" || typeof x === "boolean") cell.value = x;
  else {
    const parsed = parseInput(String(x), cell.numFmt || "General");
    cell.value = parsed.value as ExcelJS.CellValue;
    if (parsed.numFmt) cell.numFmt = parsed.numFmt;
  }
}

function assertWritable(ws: ExcelJS.Worksheet): void {
  if ((ws as unknown as { sheetProtection?: unknown }).sheetProtection)
    throw new FakeOfficeError("AccessDenied", "The cell or chart you're trying to change is on a protected sheet.");
}

function colorToFill(color: string): ExcelJS.Fill {
  return { type: "pattern", pattern: "solid", fgColor: { argb: `FF${color.replace("#", "").toUpperCase()}` } };
}

function fillToColor(fill: ExcelJS.Fill | undefined): string | null {
  if (!fill || fill.type !== "pattern" || fill.pattern === "none") return null;
  const argb = fill.fgColor?.argb;
  return argb ? `#${argb.slice(-6).toUpperCase()}` : null;
}

class FakeFill {
  constructor(
    private readonly owner: {
      context: FakeRequestContext;
      forEachCell: (fn: (cell: ExcelJS.Cell) => void) => void;
      firstCell: () => ExcelJS.Cell | undefined;
    },
    private loadedColor: { v?: string | null; has: boolean } = { has: false },
  ) {}
  get color(): string | null {
    if (!this.loadedColor.has) notLoaded("color");
    return this.loadedColor.v ?? null;
  }
  set color(v: string) {
    this.owner.context.enqueue(jsonSize(v), () =>
      this.owner.forEachCell((cell) => {
        assertWritable(cell.worksheet);
        cell.style = { ...cell.style, fill: colorToFill(v) };
      }),
    );
  }
  clear(): void {
    this.owner.context.enqueue(0, () =>
      this.owner.forEachCell((cell) => {
        assertWritable(cell.worksheet);
        const style = { ...cell.style };
        delete style.fill;
        cell.style = style;
      }),
    );
  }
  /** Loads `color` (the only fill property the adapter reads). */
  load(_props?: string): this {
    const loader = {
      // Excel reports "#FFFFFF" for a cell without fill
      _snapshot: () => ({ color: fillToColor(this.owner.firstCell()?.style?.fill) ?? "#FFFFFF" }),
      _applyLoaded: (s: Record<string, unknown>) => {
        this.loadedColor = { v: s.color as string | null, has: true };
      },
    } as unknown as ClientObject;
    this.owner.context.enqueueLoad(loader, ["color"]);
    return this;
  }
}

class FakeRangeFormat {
  readonly fill: FakeFill;
  readonly font: { bold: boolean };
  constructor(
    private readonly owner: {
      context: FakeRequestContext;
      forEachCell: (fn: (cell: ExcelJS.Cell) => void) => void;
      firstCell: () => ExcelJS.Cell | undefined;
      forEachColumn?: (fn: (col: ExcelJS.Column) => void) => void;
    },
  ) {
    this.fill = new FakeFill(owner);
    const o = owner;
    this.font = {
      set bold(v: boolean) {
        o.context.enqueue(8, () =>
          o.forEachCell((cell) => (cell.style = { ...cell.style, font: { ...(cell.style?.font ?? {}), bold: v } })),
        );
      },
      get bold(): boolean {
        return notLoaded("bold");
      },
    };
  }
  set columnWidth(points: number) {
    // Excel's columnWidth is in points; ExcelJS width is in characters (~7 points each at Calibri 11)
    this.owner.context.enqueue(8, () =>
      this.owner.forEachColumn?.((col) => (col.width = Math.round((points / 7) * 100) / 100)),
    );
  }
  get columnWidth(): number {
    return notLoaded("columnWidth");
  }
}

export class FakeRange extends ClientObject {
  private cached: UsedBounds | null | undefined = undefined;
  readonly format: FakeRangeFormat;

  constructor(
    context: FakeRequestContext,
    readonly sheet: FakeWorksheet,
    private readonly resolver: () => UsedBounds | null,
    private readonly nullable = false,
  ) {
    super(context);
    this.format = new FakeRangeFormat({
      context,
      forEachCell: (fn) => eachCell(this.sheet.ws(), this.bounds(), (cell) => fn(cell)),
      firstCell: () => this.sheet.ws().getCell(this.bounds().top + 1, this.bounds().left + 1),
      forEachColumn: (fn) => {
        const b = this.bounds();
        for (let c = b.left; c <= b.right; c++) fn(this.sheet.ws().getColumn(c + 1));
      },
    });
  }

  bounds(): UsedBounds {
    if (this.cached === undefined) this.cached = this.resolver();
    if (!this.cached) throw new FakeOfficeError("ItemNotFound", "The requested resource doesn't exist.");
    return this.cached;
  }

  protected override exists(): boolean {
    if (!this.nullable) return true;
    this.sheet.ws();
    if (this.cached === undefined) this.cached = this.resolver();
    return !!this.cached;
  }

  private cellCount(b: UsedBounds): number {
    return (b.bottom - b.top + 1) * (b.right - b.left + 1);
  }

  _snapshot(props: string[]): Record<string, unknown> {
    if (this.nullable && !this.safeExists()) return {};
    const b = this.bounds();
    const ws = this.sheet.ws();
    const out: Record<string, unknown> = {};
    const want = (p: string) => props.includes(p);
    const wantCells = want("values") || want("text") || want("numberFormat") || want("formulas");
    const tooMany = wantCells && this.cellCount(b) > CELL_READ_LIMIT;
    const values: unknown[][] | undefined = want("values") ? [] : undefined;
    const text: string[][] | undefined = want("text") ? [] : undefined;
    const formats: string[][] | undefined = want("numberFormat") ? [] : undefined;
    const formulas: unknown[][] | undefined = want("formulas") ? [] : undefined;
    if (wantCells && !tooMany) {
      for (let r = b.top; r <= b.bottom; r++) {
        const row = ws.findRow(r + 1);
        const vr: unknown[] = [],
          tr: string[] = [],
          fr: string[] = [],
          fo: unknown[] = [];
        for (let c = b.left; c <= b.right; c++) {
          const cell = row ? (row.findCell(c + 1) as ExcelJS.Cell | undefined) : undefined;
          const v = excelJsCellValue(cell);
          const f = excelJsNumberFormat(cell);
          if (values) vr.push(v === null ? "" : v);
          if (formats) fr.push(f);
          if (text) {
            const t = excelJsCellText(cell, v, f);
            const override = this.context.host.textOverride;
            tr.push(override && typeof v === "number" ? override(ws.name, r, c, t) : t);
          }
          if (formulas)
            fo.push(cell && cell.type === ExcelJS.ValueType.Formula ? `=${cell.formula}` : v === null ? "" : v);
        }
        values?.push(vr);
        text?.push(tr);
        formats?.push(fr);
        formulas?.push(fo);
      }
    }
    for (const p of props) {
      if (p === "address") out.address = qualify(ws.name, boundsAddress(b));
      else if (p === "rowCount") out.rowCount = b.bottom - b.top + 1;
      else if (p === "columnCount") out.columnCount = b.right - b.left + 1;
      else if (p === "rowIndex") out.rowIndex = b.top;
      else if (p === "columnIndex") out.columnIndex = b.left;
      else if (p === "values") out.values = tooMany ? null : values;
      else if (p === "text") out.text = tooMany ? null : text;
      else if (p === "numberFormat") out.numberFormat = tooMany ? null : formats;
      else if (p === "formulas") out.formulas = tooMany ? null : formulas;
    }
    return out;
  }

  protected override defaultProps(): string[] {
    return ["address", "rowCount", "columnCount", "rowIndex", "columnIndex", "values", "text", "numberFormat"];
  }

  get address(): string {
    return this.get("address");
  }
  get rowCount(): number {
    return this.get("rowCount");
  }
  get columnCount(): number {
    return this.get("columnCount");
  }
  get rowIndex(): number {
    return this.get("rowIndex");
  }
  get columnIndex(): number {
    return this.get("columnIndex");
  }
  get text(): string[][] {
    return this.get("text");
  }
  get formulas(): unknown[][] {
    return this.get("formulas");
  }

  get values(): CellValue[][] {
    return this.get("values");
  }
  /** A 2-D array of the range's size, or one scalar for every cell (as Office.js allows). */
  set values(v: unknown) {
    this.context.enqueue(jsonSize(v), () => this.writeCells(v, "values"));
  }

  get numberFormat(): string[][] {
    return this.get("numberFormat");
  }
  set numberFormat(v: unknown) {
    this.context.enqueue(jsonSize(v), () => this.writeCells(v, "numberFormat"));
  }

  private writeCells(v: unknown, what: "values" | "numberFormat"): void {
    const b = this.bounds();
    const ws = this.sheet.ws();
    assertWritable(ws);
    const rows = b.bottom - b.top + 1,
      cols = b.right - b.left + 1;
    // a 1×1 numberFormat array (or a bare value) is applied to every cell; values need the exact size
    const broadcast =
      what === "numberFormat" && Array.isArray(v) && v.length === 1 && Array.isArray(v[0]) && v[0].length === 1;
    if (broadcast) v = (v as unknown[][])[0][0];
    if (Array.isArray(v)) {
      if (v.length !== rows || v.some((r) => !Array.isArray(r) || r.length !== cols))
        throw new FakeOfficeError(
          "InvalidArgument",
          `The number of rows or columns in the input array doesn't match the size or dimensions of the range (${rows}×${cols}).`,
        );
    } else if (what === "values") {
      // a bare value for `values` is unreliable in real Excel (office-js-docs-reference#578): refuse it here
      throw new FakeOfficeError("InvalidArgument", "The argument is invalid or missing or has an incorrect format.");
    }
    eachCell(ws, b, (cell, r, c) => {
      const x = Array.isArray(v) ? (v as unknown[][])[r][c] : v;
      if (x === null || x === undefined) return; // null leaves the cell unchanged
      if (what === "numberFormat") {
        cell.numFmt = String(x);
        return;
      }
      writeInput(cell, x);
    });
  }

  clear(applyTo?: string): void {
    this.context.enqueue(8, () => {
      const ws = this.sheet.ws();
      assertWritable(ws);
      const b = this.bounds();
      for (let r = b.top; r <= b.bottom; r++) {
        const row = ws.findRow(r + 1);
        if (!row) continue;
        for (let c = b.left; c <= b.right; c++) {
          const cell = row.findCell(c + 1) as ExcelJS.Cell | undefined;
          if (!cell) continue;
          if (applyTo !== "Formats") cell.value = null;
          if (applyTo !== "Contents") cell.style = {};
        }
      }
    });
  }

  select(): void {
    this.context.enqueue(8, () => {
      this.context.host.selected = { sheet: this.sheet.ws().name, address: boundsAddress(this.bounds()) };
    });
  }

  getMergedAreasOrNullObject(): FakeRangeAreas {
    return new FakeRangeAreas(
      this.context,
      this.sheet,
      () => {
        const b = this.bounds();
        const list = excelJsMerges(this.sheet.ws()).filter(
          (m) => m.bottom >= b.top && m.top <= b.bottom && m.right >= b.left && m.left <= b.right,
        );
        return list.length > 0 ? list : null;
      },
      true,
    );
  }

  /** For tests: the ExcelJS cell behind a 1-cell range. */
  get cellForTest(): ExcelJS.Cell {
    return this.sheet.ws().getCell(this.bounds().top + 1, this.bounds().left + 1);
  }
}

export class FakeRangeAreas extends ClientObject {
  private cached: UsedBounds[] | null | undefined = undefined;
  readonly format: FakeRangeFormat;

  constructor(
    context: FakeRequestContext,
    readonly sheet: FakeWorksheet,
    private readonly resolver: () => UsedBounds[] | null,
    private readonly nullable = false,
  ) {
    super(context);
    this.format = new FakeRangeFormat({
      context,
      forEachCell: (fn) => {
        for (const b of this.areas()) eachCell(this.sheet.ws(), b, (cell) => fn(cell));
      },
      firstCell: () => {
        const b = this.areas()[0];
        return this.sheet.ws().getCell(b.top + 1, b.left + 1);
      },
    });
  }

  areas(): UsedBounds[] {
    if (this.cached === undefined) this.cached = this.resolver();
    if (!this.cached) throw new FakeOfficeError("ItemNotFound", "The requested resource doesn't exist.");
    return this.cached;
  }

  protected override exists(): boolean {
    if (!this.nullable) return true;
    if (this.cached === undefined) this.cached = this.resolver();
    return !!this.cached;
  }

  _snapshot(props: string[]): Record<string, unknown> {
    if (this.nullable && !this.safeExists()) return {};
    const name = this.sheet.ws().name;
    const out: Record<string, unknown> = {};
    for (const p of props) {
      if (p === "address")
        out.address = this.areas()
          .map((b) => qualify(name, boundsAddress(b)))
          .join(",");
      if (p === "areaCount") out.areaCount = this.areas().length;
    }
    return out;
  }

  get address(): string {
    return this.get("address");
  }
  get areaCount(): number {
    return this.get("areaCount");
  }
}

export class FakeNote extends ClientObject {
  constructor(
    context: FakeRequestContext,
    private readonly sheet: FakeWorksheet,
    private readonly address: string,
    private readonly nullable: boolean,
  ) {
    super(context);
  }
  private cell(): ExcelJS.Cell {
    const b = parseRangeAddress(this.address);
    return this.sheet.ws().getCell(b.top + 1, b.left + 1);
  }
  private text(): string | null {
    const n = this.cell().note;
    if (n === undefined || n === null) return null;
    return typeof n === "string" ? n : (n.texts ?? []).map((t) => t.text).join("");
  }
  protected override exists(): boolean {
    return !this.nullable || this.text() !== null;
  }
  _snapshot(props: string[]): Record<string, unknown> {
    if (!this.safeExists()) return {};
    return props.includes("content") ? { content: this.text() } : {};
  }
  get content(): string {
    return this.get("content");
  }
  set content(v: string) {
    this.context.enqueue(jsonSize(v), () => {
      if (this.text() === null) throw new FakeOfficeError("ItemNotFound", "The note doesn't exist.");
      this.cell().note = v;
    });
  }
  delete(): void {
    this.context.enqueue(0, () => {
      if (this.text() === null) throw new FakeOfficeError("ItemNotFound", "The note doesn't exist.");
      (this.cell() as unknown as { _comment?: unknown })._comment = undefined;
    });
  }
}

export class FakeNoteCollection extends ClientObject {
  constructor(
    context: FakeRequestContext,
    private readonly sheet: FakeWorksheet,
  ) {
    super(context);
  }
  _snapshot(): Record<string, unknown> {
    return {};
  }
  add(cellAddress: string, content: string): FakeNote {
    const a = cellAddress.includes("!") ? cellAddress.slice(cellAddress.lastIndexOf("!") + 1) : cellAddress;
    this.context.enqueue(jsonSize([cellAddress, content]), () => {
      const b = parseRangeAddress(a);
      const cell = this.sheet.ws().getCell(b.top + 1, b.left + 1);
      assertWritable(cell.worksheet);
      if (cell.note !== undefined && cell.note !== null)
        throw new FakeOfficeError("InvalidArgument", "The cell already has a note.");
      cell.note = content;
    });
    return new FakeNote(this.context, this.sheet, a, false);
  }
  getItem(cellAddress: string): FakeNote {
    const a = cellAddress.includes("!") ? cellAddress.slice(cellAddress.lastIndexOf("!") + 1) : cellAddress;
    this.context.enqueue(jsonSize(cellAddress), () => undefined);
    return new FakeNote(this.context, this.sheet, a, false);
  }
  getItemOrNullObject(cellAddress: string): FakeNote {
    const a = cellAddress.includes("!") ? cellAddress.slice(cellAddress.lastIndexOf("!") + 1) : cellAddress;
    this.context.enqueue(jsonSize(cellAddress), () => undefined);
    return new FakeNote(this.context, this.sheet, a, true);
  }
}

// ---------- tables (ListObjects, ExcelApi 1.1) ----------

/** A table as the host records it: the cells live in `ws`; the header is row `top`. */
export interface FakeTableModel {
  id: number;
  name: string;
  style: string;
  ws: ExcelJS.Worksheet;
  top: number;
  left: number;
  bottom: number;
  right: number;
}

/**
 * Excel's rules for a table name: a letter (any script — Russian Excel's default is «Таблица1»), "_" or "\" first,
 * then letters, digits, "_", "."; no spaces; at most 255 characters; not a cell reference (A1 or R1C1 style);
 * unique in the workbook without regard to case.
 */
function checkTableName(host: FakeExcelHost, name: string, self: FakeTableModel | null): void {
  const valid =
    name.length > 0 &&
    name.length <= 255 &&
    /^[\p{L}_\\][\p{L}\p{N}_.\\]*$/u.test(name) &&
    !/^[A-Za-z]{1,3}\d+$/.test(name) &&
    !/^[RrCc]$|^[Rr]\d*[Cc]\d*$/.test(name);
  if (!valid) throw new FakeOfficeError("InvalidArgument", `The table name '${name}' is not valid.`);
  if (host.tables.some((t) => t !== self && t.name.toLowerCase() === name.toLowerCase()))
    throw new FakeOfficeError("InvalidArgument", `A table named '${name}' already exists.`);
}

/** Built-in table style names: TableStyleLight1..21, TableStyleMedium1..28, TableStyleDark1..11. */
function checkTableStyle(style: string): void {
  const m = /^TableStyle(Light|Medium|Dark)(\d+)$/.exec(style);
  const max = { Light: 21, Medium: 28, Dark: 11 } as const;
  if (!m || +m[2] < 1 || +m[2] > max[m[1] as keyof typeof max])
    throw new FakeOfficeError("InvalidArgument", `The table style '${style}' does not exist.`);
}

function overlaps(a: UsedBounds, b: UsedBounds): boolean {
  return a.top <= b.bottom && b.top <= a.bottom && a.left <= b.right && b.left <= a.right;
}

export class FakeTableCollection extends ClientObject {
  private proxiesBySnapshot = new WeakMap<object, FakeTable[]>();

  /** `sheet` null: the workbook's collection (every table). */
  constructor(
    context: FakeRequestContext,
    private readonly sheet: FakeWorksheet | null,
  ) {
    super(context);
  }

  private models(): FakeTableModel[] {
    const all = this.context.host.tables;
    if (!this.sheet) return all;
    const ws = this.sheet.ws();
    return all.filter((t) => t.ws === ws);
  }

  _snapshot(props: string[]): Record<string, unknown> {
    const out: Record<string, unknown> = {};
    if (props.includes("count")) out.count = this.models().length;
    if (props.some((p) => p.startsWith("items"))) {
      const subs = props.filter((p) => p.startsWith("items/")).map((p) => p.slice(6));
      const wanted = subs.length > 0 ? subs : ["name", "id", "style"];
      const proxies: FakeTable[] = [];
      const snaps = this.models().map((model) => {
        const item = new FakeTable(this.context, () => model);
        const snap = item._snapshot(wanted);
        item._applyLoaded(snap);
        proxies.push(item);
        return snap;
      });
      this.proxiesBySnapshot.set(snaps, proxies);
      out.items = snaps;
    }
    return out;
  }

  override _applyLoaded(s: Record<string, unknown>): void {
    if ("count" in s) this.loaded.set("count", s.count);
    if (s.items) this.loaded.set("items", this.proxiesBySnapshot.get(s.items as object));
  }

  protected override defaultProps(): string[] {
    return ["items"];
  }

  get items(): FakeTable[] {
    return this.get("items");
  }
  get count(): number {
    return this.get("count");
  }

  /**
   * tables.add(address, hasHeaders). Like Excel: a header-only range gets one empty data row; header cells become
   * text, empty ones «ColumnN». The fake supports hasHeaders = true only (the adapter always has a header).
   */
  add(address: FakeRange | string, hasHeaders: boolean): FakeTable {
    let created: FakeTableModel | undefined;
    this.context.enqueue(jsonSize(typeof address === "string" ? address : "") + 8, () => {
      const host = this.context.host;
      let ws: ExcelJS.Worksheet;
      let b: UsedBounds;
      if (typeof address === "string") {
        const bang = address.lastIndexOf("!");
        if (this.sheet) ws = this.sheet.ws();
        else {
          const name = bang >= 0 ? address.slice(0, bang).replace(/^'|'$/g, "").replace(/''/g, "'") : "";
          const found = findSheet(host.workbook, name);
          if (!found) throw new FakeOfficeError("InvalidArgument", `The address '${address}' has no worksheet.`);
          ws = found;
        }
        b = parseRangeAddress(address);
      } else {
        ws = address.sheet.ws();
        b = address.bounds();
      }
      if (!hasHeaders)
        throw new FakeOfficeError("InvalidArgument", "excelFake: tables.add supports hasHeaders = true only.");
      assertWritable(ws);
      if (b.bottom === b.top) b = { ...b, bottom: b.top + 1 };
      if (host.tables.some((t) => t.ws === ws && overlaps(t, b)))
        throw new FakeOfficeError("InvalidArgument", "A table can't overlap another table.");
      const seen = new Set<string>();
      for (let c = b.left; c <= b.right; c++) {
        const cell = ws.getCell(b.top + 1, c + 1);
        const v = excelJsCellValue(cell);
        let text = v === null || v === "" ? `Column${c - b.left + 1}` : String(v);
        for (let n = 2; seen.has(text.toLowerCase()); n++) text = `${v ?? "Column"}${n}`;
        seen.add(text.toLowerCase());
        if (cell.value !== text) cell.value = text;
      }
      let n = 1;
      while (host.tables.some((t) => t.name.toLowerCase() === `table${n}`)) n++;
      created = { id: host.newTableId(), name: `Table${n}`, style: "TableStyleMedium2", ws, ...b };
      host.tables.push(created);
    });
    return new FakeTable(this.context, () => created);
  }

  getItem(key: string): FakeTable {
    return new FakeTable(this.context, () => this.find(key));
  }

  getItemOrNullObject(key: string): FakeTable {
    return new FakeTable(this.context, () => this.find(key), true);
  }

  private find(key: string): FakeTableModel | undefined {
    return this.models().find((t) => t.name.toLowerCase() === key.toLowerCase() || `{${t.id}}` === key);
  }
}

export class FakeTable extends ClientObject {
  readonly rows: FakeTableRowCollection;

  constructor(
    context: FakeRequestContext,
    private readonly resolver: () => FakeTableModel | undefined,
    private readonly nullable = false,
  ) {
    super(context);
    this.rows = new FakeTableRowCollection(context, () => this.model());
  }

  model(): FakeTableModel {
    const t = this.resolver();
    if (!t || !this.context.host.tables.includes(t))
      throw new FakeOfficeError("ItemNotFound", "The requested resource doesn't exist.");
    return t;
  }

  protected override exists(): boolean {
    if (!this.nullable) return true;
    this.model();
    return true;
  }

  _snapshot(props: string[]): Record<string, unknown> {
    if (this.nullable && !this.safeExists()) return {};
    const t = this.model();
    const out: Record<string, unknown> = {};
    for (const p of props) {
      if (p === "name") out.name = t.name;
      else if (p === "id") out.id = `{${t.id}}`;
      else if (p === "style") out.style = t.style;
      else if (p === "showHeaders") out.showHeaders = true;
    }
    return out;
  }

  protected override defaultProps(): string[] {
    return ["name", "id", "style", "showHeaders"];
  }

  get name(): string {
    return this.get("name");
  }
  set name(v: string) {
    this.context.enqueue(jsonSize(v), () => {
      const t = this.model();
      checkTableName(this.context.host, v, t);
      t.name = v;
    });
  }

  get style(): string {
    return this.get("style");
  }
  set style(v: string) {
    this.context.enqueue(jsonSize(v), () => {
      checkTableStyle(v);
      this.model().style = v;
    });
  }

  private part(pick: (t: FakeTableModel) => UsedBounds): FakeRange {
    const sheet = new FakeWorksheet(this.context, () => this.model().ws);
    return new FakeRange(this.context, sheet, () => pick(this.model()));
  }
  /** Header + data rows. */
  getRange(): FakeRange {
    return this.part((t) => ({ top: t.top, left: t.left, bottom: t.bottom, right: t.right }));
  }
  getHeaderRowRange(): FakeRange {
    return this.part((t) => ({ top: t.top, left: t.left, bottom: t.top, right: t.right }));
  }
  getDataBodyRange(): FakeRange {
    return this.part((t) => ({ top: t.top + 1, left: t.left, bottom: t.bottom, right: t.right }));
  }
}

export class FakeTableRowCollection extends ClientObject {
  constructor(
    context: FakeRequestContext,
    private readonly table: () => FakeTableModel,
  ) {
    super(context);
  }

  _snapshot(props: string[]): Record<string, unknown> {
    const t = this.table();
    return props.includes("count") ? { count: t.bottom - t.top } : {};
  }

  get count(): number {
    return this.get("count");
  }

  /**
   * rows.add(index, values): appends rows at the end of the table (index null/undefined or the row count) and
   * grows it. New cells take the formatting of the table's last data row, as in Excel; values are parsed like
   * typed input. Excel would shift non-empty cells below the table down; the fake refuses instead, so a test
   * notices an adapter that relies on that. Inserting in the middle is not modelled.
   */
  add(index?: number | null, values?: unknown[][]): void {
    this.context.enqueue(jsonSize(values ?? null) + 8, () => {
      const t = this.table();
      const width = t.right - t.left + 1;
      const dataRows = t.bottom - t.top;
      if (index !== null && index !== undefined && index !== dataRows)
        throw new FakeOfficeError("InvalidArgument", "excelFake: rows.add supports appending at the end only.");
      const rows = values ?? [Array(width).fill("")];
      if (rows.length === 0 || rows.some((r) => !Array.isArray(r) || r.length !== width))
        throw new FakeOfficeError(
          "InvalidArgument",
          `The number of columns in the input array doesn't match the table (${width}).`,
        );
      assertWritable(t.ws);
      const below = { top: t.bottom + 1, left: t.left, bottom: t.bottom + rows.length, right: t.right };
      let occupied = false;
      eachCell(t.ws, below, (cell) => (occupied ||= excelJsCellValue(cell) !== null));
      if (occupied)
        throw new FakeOfficeError(
          "InsertDeleteConflict",
          "excelFake: cells below the table are not empty (Excel would shift them down).",
        );
      const model = dataRows > 0 ? t.ws.getRow(t.bottom + 1) : null;
      eachCell(t.ws, below, (cell, r, c) => {
        if (model) cell.style = { ...model.getCell(t.left + c + 1).style };
        const x = rows[r][c];
        if (x !== null && x !== undefined) writeInput(cell, x);
      });
      t.bottom += rows.length;
    });
  }
}

/** Convenience for tests: a fresh fake over an ExcelJS workbook. */
export function createFakeExcel(workbook: ExcelJS.Workbook, options?: FakeExcelOptions): FakeExcelHost {
  return new FakeExcelHost(workbook, options);
}

export { columnLetter };
