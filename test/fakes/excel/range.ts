/** A range proxy: values, text, number formats, clearing, selection, merged areas. */
import ExcelJS from "exceljs";
import type { CellValue } from "../../../src/domain/grid";
import {
  excelJsCellText,
  excelJsCellValue,
  excelJsMerges,
  excelJsNumberFormat,
  type UsedBounds,
} from "../../../src/workbook/xlsx/XlsxWorkbook";
import { ClientObject } from "./clientObject";
import type { FakeRequestContext } from "./context";
import { FakeOfficeError } from "./errors";
import { CELL_READ_LIMIT, arrayRequestBytes } from "./payload";
import { assertWritable, boundsAddress, eachCell, qualify, writeInput } from "./cells";
import { FakeRangeFormat } from "./format";
import { FakeRangeAreas } from "./rangeAreas";
import { autoExpandTables } from "./tables";
import type { FakeWorksheet } from "./worksheet";

export class FakeRange extends ClientObject {
  private cached: UsedBounds | null | undefined = undefined;
  private _format?: FakeRangeFormat;

  constructor(
    context: FakeRequestContext,
    readonly sheet: FakeWorksheet,
    private readonly resolver: () => UsedBounds | null,
    private readonly nullable = false,
  ) {
    super(context);
  }

  /** range.format: an object of its own in a request (created on first use, like the real proxy). */
  get format(): FakeRangeFormat {
    if (!this._format) {
      this.context.chargeProxy();
      this._format = new FakeRangeFormat({
        context: this.context,
        forEachCell: (fn) => eachCell(this.sheet.ws(), this.bounds(), (cell) => fn(cell)),
        firstCell: () => this.sheet.ws().getCell(this.bounds().top + 1, this.bounds().left + 1),
        forEachColumn: (fn) => {
          const b = this.bounds();
          for (let c = b.left; c <= b.right; c++) fn(this.sheet.ws().getColumn(c + 1));
        },
      });
    }
    return this._format;
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
    this.context.enqueue(arrayRequestBytes(v), () => this.writeCells(v, "values"));
  }

  get numberFormat(): string[][] {
    return this.get("numberFormat");
  }
  set numberFormat(v: unknown) {
    this.context.enqueue(arrayRequestBytes(v), () => this.writeCells(v, "numberFormat"));
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
    if (broadcast && !this.context.host.formatBroadcast) {
      // a host where the undocumented 1×1 broadcast does not happen: only the first cell gets the format
      const first = this.sheet.ws().getCell(b.top + 1, b.left + 1);
      first.numFmt = String((v as unknown[][])[0][0]);
      return;
    }
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
    if (what === "values") autoExpandTables(this.context.host, ws, b);
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
        // only areas whose top-left cell lies in the range (office-js issue 3611)
        const list = excelJsMerges(this.sheet.ws()).filter(
          (m) => m.top >= b.top && m.top <= b.bottom && m.left >= b.left && m.left <= b.right,
        );
        return list.length > 0 ? list : null;
      },
      true,
    );
  }

  /** Row `row` of the range (0-based, relative to its top), as Office.js's Range.getRow. */
  getRow(row: number): FakeRange {
    return new FakeRange(this.context, this.sheet, () => {
      const b = this.bounds();
      return { top: b.top + row, bottom: b.top + row, left: b.left, right: b.right };
    });
  }

  /** The smallest range holding this one and `other` (Range.getBoundingRect). */
  getBoundingRect(other: FakeRange): FakeRange {
    return new FakeRange(this.context, this.sheet, () => {
      const a = this.bounds();
      const b = other.bounds();
      return {
        top: Math.min(a.top, b.top),
        left: Math.min(a.left, b.left),
        bottom: Math.max(a.bottom, b.bottom),
        right: Math.max(a.right, b.right),
      };
    });
  }

  /** For tests: the ExcelJS cell behind a 1-cell range. */
  get cellForTest(): ExcelJS.Cell {
    return this.sheet.ws().getCell(this.bounds().top + 1, this.bounds().left + 1);
  }
}
