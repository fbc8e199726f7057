/** A worksheet proxy: properties, ranges, notes and tables of one sheet. */
import ExcelJS from "exceljs";
import { cellAddress } from "../../../src/domain/grid";
import { parseRangeAddress, usedBounds, type UsedBounds } from "../../../src/workbook/xlsx/XlsxWorkbook";
import { ClientObject } from "./clientObject";
import type { FakeRequestContext } from "./context";
import { FakeOfficeError } from "./errors";
import { jsonSize } from "./payload";
import { findSheet, sheetId } from "./workbook";
import { FakeRange } from "./range";
import { FakeRangeAreas } from "./rangeAreas";
import { FakeNoteCollection } from "./notes";
import { FakeTableCollection, overlaps } from "./tables";
import { FakePageLayout } from "./pageLayout";
import { FakeChartCollection } from "./charts";

const VIS_TO_STATE: Record<string, ExcelJS.WorksheetState> = {
  Visible: "visible",
  Hidden: "hidden",
  VeryHidden: "veryHidden",
};
const STATE_TO_VIS: Record<string, string> = { visible: "Visible", hidden: "Hidden", veryHidden: "VeryHidden" };

export class FakeWorksheet extends ClientObject {
  private cached: ExcelJS.Worksheet | undefined | null = null;
  readonly freezePanes: { freezeRows: (n: number) => void };
  readonly pageLayout: FakePageLayout;
  private _notes?: FakeNoteCollection;
  private _tables?: FakeTableCollection;
  private _charts?: FakeChartCollection;

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
    this.pageLayout = new FakePageLayout(context, () => this.ws());
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
      else if (p === "id") out.id = sheetId(ws);
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
          // a table has its own filter: Excel refuses a sheet AutoFilter over it
          if (this.context.host.tables.some((t) => t.ws === this.ws() && overlaps(t, b)))
            throw new FakeOfficeError("InvalidOperation", "The operation is not allowed on a table range.");
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

  /** The sheet's charts (ExcelApi 1.1). */
  get charts(): FakeChartCollection {
    return (this._charts ??= new FakeChartCollection(this.context, this));
  }

  delete(): void {
    this.context.enqueue(0, () => {
      const ws = this.ws();
      const tables = this.context.host.tables;
      for (let i = tables.length - 1; i >= 0; i--) if (tables[i].ws === ws) tables.splice(i, 1);
      const charts = this.context.host.charts;
      for (let i = charts.length - 1; i >= 0; i--) if (charts[i].ws === ws) charts.splice(i, 1);
      this.context.host.workbook.removeWorksheet(ws.id);
    });
  }

  activate(): void {
    this.context.enqueue(0, () => {
      this.context.host.selected = { sheet: this.ws().name, address: this.context.host.selected?.address ?? "A1" };
    });
  }

  getRange(address?: string): FakeRange {
    this.context.chargeProxy(jsonSize(address ?? ""));
    return new FakeRange(this.context, this, () => {
      if (!address) return { top: 0, left: 0, bottom: 1048575, right: 16383 };
      return parseRangeAddress(address);
    });
  }

  getRangeByIndexes(startRow: number, startColumn: number, rowCount: number, columnCount: number): FakeRange {
    this.context.chargeProxy(jsonSize([startRow, startColumn, rowCount, columnCount]));
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
