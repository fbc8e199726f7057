import type ExcelJS from "exceljs";
import { excelJsCellValue, parseRangeAddress, type UsedBounds } from "../../../src/workbook/xlsx/XlsxWorkbook";
import { ClientObject } from "./clientObject";
import type { FakeRequestContext } from "./context";
import { FakeOfficeError } from "./errors";
import type { FakeExcelHost } from "./host";
import { jsonSize } from "./payload";
import { assertWritable, eachCell, writeInput } from "./cells";
import { FakeRange } from "./range";
import { findSheet } from "./workbook";
import { FakeWorksheet } from "./worksheet";

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
  /** A Total row is on: it is the table's last row (`bottom`). */
  showTotals?: boolean;
}

/**
 * Excel's table auto-expansion: values typed or written into the row right below a table (no Total row), within
 * its columns, make the table grow over them (rows written in one go below it all join). Called after a write.
 */
export function autoExpandTables(host: FakeExcelHost, ws: ExcelJS.Worksheet, written: UsedBounds): void {
  for (const t of host.tables) {
    if (t.ws !== ws || t.showTotals) continue;
    if (written.top !== t.bottom + 1 || written.right < t.left || written.left > t.right) continue;
    let bottom = t.bottom;
    for (let r = written.top; r <= written.bottom; r++) {
      let any = false;
      for (let c = t.left; c <= t.right && !any; c++) any = excelJsCellValue(ws.getCell(r + 1, c + 1)) !== null;
      if (!any) break;
      bottom = r;
    }
    t.bottom = bottom;
  }
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
  // table names and defined names share one namespace
  if (definedNames(host).some((n) => n.toLowerCase() === name.toLowerCase()))
    throw new FakeOfficeError("InvalidArgument", "The argument is invalid or missing or has an incorrect format.");
}

/** Built-in table style names: TableStyleLight1..21, TableStyleMedium1..28, TableStyleDark1..11. */
function checkTableStyle(style: string): void {
  const m = /^TableStyle(Light|Medium|Dark)(\d+)$/.exec(style);
  const max = { Light: 21, Medium: 28, Dark: 11 } as const;
  if (!m || +m[2] < 1 || +m[2] > max[m[1] as keyof typeof max])
    throw new FakeOfficeError("InvalidArgument", `The table style '${style}' does not exist.`);
}

/** The workbook's defined names (ExcelJS keeps them in definedNames.model). */
export function definedNames(host: FakeExcelHost): string[] {
  const model = (host.workbook as unknown as { definedNames: { model: { name: string }[] } }).definedNames.model;
  return model.map((n) => n.name);
}

export function overlaps(a: UsedBounds, b: UsedBounds): boolean {
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
      else if (p === "showTotals") out.showTotals = !!t.showTotals;
    }
    return out;
  }

  protected override defaultProps(): string[] {
    return ["name", "id", "style", "showHeaders", "showTotals"];
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

  get showTotals(): boolean {
    return this.get("showTotals");
  }
  /** The Total row on (a row added below the data, which must be empty) or off (the row removed and cleared). */
  set showTotals(v: boolean) {
    this.context.enqueue(8, () => {
      const t = this.model();
      if (!!t.showTotals === v) return;
      if (v) {
        t.bottom += 1;
        t.showTotals = true;
        this.totalsCell(t).value = "Итог";
      } else {
        for (let c = t.left; c <= t.right; c++) t.ws.getCell(t.bottom + 1, c + 1).value = null;
        t.bottom -= 1;
        t.showTotals = false;
      }
    });
  }

  private totalsCell(t: FakeTableModel): ExcelJS.Cell {
    return t.ws.getCell(t.bottom + 1, t.left + 1);
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

/** For tests: how many times TableRowCollection.add ran (Microsoft advises against it while co-authoring). */
export const addCalls = { count: 0 };

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
      if (t.showTotals) {
        // new rows go above the Total row: it moves down by their number
        for (let c = t.left; c <= t.right; c++) {
          const from = t.ws.getCell(t.bottom + 1, c + 1);
          const to = t.ws.getCell(t.bottom + 1 + rows.length, c + 1);
          to.value = from.value;
          to.style = { ...from.style };
          from.value = null;
        }
        t.bottom -= 1;
      }
      const model = t.bottom > t.top ? t.ws.getRow(t.bottom + 1) : null;
      const target = { top: t.bottom + 1, left: t.left, bottom: t.bottom + rows.length, right: t.right };
      eachCell(t.ws, target, (cell, r, c) => {
        if (model) cell.style = { ...model.getCell(t.left + c + 1).style };
        const x = rows[r][c];
        if (x !== null && x !== undefined) writeInput(cell, x);
      });
      t.bottom += rows.length + (t.showTotals ? 1 : 0);
      addCalls.count += 1;
    });
  }
}
