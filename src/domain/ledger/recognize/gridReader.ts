/**
 * Read access to a sheet grid with merged areas resolved: what a header cell, a data cell and a cell's own text
 * are when merges cover them. One reader per recognition; nothing here is shared between calls.
 */
import type { CellValue, SheetGrid } from "../../grid";
import { isDateFormat } from "../../numberFormat";

export class GridReader {
  readonly rows: number;
  readonly width: number;
  private readonly mergeMaster = new Map<number, number>();
  /** 1 for rows that some merged area covers: other rows skip the Map look-up. */
  private readonly mergedRows: Uint8Array;
  private readonly dateFormats = new Map<string, boolean>();

  constructor(readonly grid: SheetGrid) {
    this.rows = grid.values.length;
    let w = 0;
    for (const row of grid.values) if (row.length > w) w = row.length;
    this.width = w;
    this.mergedRows = new Uint8Array(this.rows);
    for (const m of grid.merges ?? []) {
      for (let r = Math.max(m.top - grid.top, 0); r <= m.bottom - grid.top && r < this.rows; r++)
        this.mergedRows[r] = 1;
      const r0 = m.top - grid.top;
      const c0 = m.left - grid.left;
      for (let r = Math.max(r0, 0); r <= m.bottom - grid.top && r < this.rows; r++)
        for (let c = Math.max(c0, 0); c <= m.right - grid.left && c < this.width; c++)
          if (r !== r0 || c !== c0) this.mergeMaster.set(r * this.width + c, r0 * this.width + c0);
    }
  }

  /** Grid position of the merge master covering (r, c), or -1. */
  master(r: number, c: number): number {
    if (this.mergeMaster.size === 0 || this.mergedRows[r] !== 1) return -1;
    return this.mergeMaster.get(r * this.width + c) ?? -1;
  }

  /** True when some merged area covers row r (then merges, not empty cells, say what a header spans). */
  rowHasMerges(r: number): boolean {
    return this.mergedRows[r] === 1;
  }

  /**
   * A data cell's value: a vertical merge (an account over its service rows) repeats its value downwards; a
   * horizontal merge (a group row's label across the amount columns) does not make the other columns non-empty.
   */
  value(r: number, c: number): CellValue {
    const m = this.master(r, c);
    if (m >= 0 && m % this.width === c) return this.grid.values[Math.floor(m / this.width)]?.[c] ?? null;
    if (m >= 0) return null;
    return this.grid.values[r]?.[c] ?? null;
  }

  /** A data cell's displayed text (trimmed), merges as in value(); falls back to the value when there is no text. */
  text(r: number, c: number): string {
    const m = this.master(r, c);
    if (m >= 0 && m % this.width !== c) return "";
    const rr = m >= 0 ? Math.floor(m / this.width) : r;
    return this.ownText(rr, c);
  }

  /** Header text: any merge covering the cell gives the master's text («Сальдо на начало» over Долг | Аванс). */
  headerText(r: number, c: number): string {
    const m = this.master(r, c);
    if (m < 0) return this.ownText(r, c);
    return this.ownText(Math.floor(m / this.width), m % this.width);
  }

  /** The cell's own text, ignoring merges. */
  ownText(r: number, c: number): string {
    const t = this.grid.text[r]?.[c];
    if (t !== undefined && t !== "") return t.trim();
    const v = this.grid.values[r]?.[c];
    return v === null || v === undefined ? "" : String(v).trim();
  }

  format(r: number, c: number): string {
    return this.grid.numberFormat[r]?.[c] ?? "";
  }

  /** The cell's number format shows a date or a time: a number there is a date serial, not an amount or an id. */
  isDateCell(r: number, c: number): boolean {
    const format = this.grid.numberFormat[r]?.[c] ?? "";
    if (format === "" || format === "General" || format === "@") return false;
    // a sheet has a handful of distinct formats and this runs per cell: each is classified once per reader
    let date = this.dateFormats.get(format);
    if (date === undefined) this.dateFormats.set(format, (date = isDateFormat(format)));
    return date;
  }

  sheetRow(r: number): number {
    return this.grid.top + r;
  }
  sheetCol(c: number): number {
    return this.grid.left + c;
  }
}

export function isEmptyValue(v: CellValue): boolean {
  return v === null || v === "" || (typeof v === "string" && v.trim() === "");
}

/** True when no cell of the grid has a value or a text. */
export function isGridEmpty(g: GridReader): boolean {
  for (let r = 0; r < g.rows; r++)
    for (let c = 0; c < g.width; c++)
      if (!isEmptyValue(g.grid.values[r]?.[c] ?? null) || (g.grid.text[r]?.[c] ?? "").trim() !== "") return false;
  return true;
}

/** The row's texts joined with spaces (a title line between cards). */
export function rowText(g: GridReader, r: number): string {
  const parts: string[] = [];
  for (let c = 0; c < g.width; c++) {
    const t = g.ownText(r, c);
    if (t !== "") parts.push(t);
  }
  return parts.join(" ").replace(/[\u00a0\u202f]/g, " ");
}
