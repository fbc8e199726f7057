/**
 * The standalone page's workbook: the xlsx adapter plus what the page needs around it — the file name, a
 * listener for selectCell (the grid scrolls to the cell) and a change counter (the grid re-reads after writes).
 */
import type {
  CellMark,
  OperationOptions,
  OwnSheetContent,
  SheetInfo,
  TableRow,
  TableSpec,
  WorkbookPort,
} from "../workbook/port";
import type { SheetGrid } from "../domain/grid";
import { XlsxWorkbook } from "../workbook/xlsx/XlsxWorkbook";

export type CellTarget = { sheet: string; row: number; col: number };

export class ObservedWorkbook implements WorkbookPort {
  onSelect: ((target: CellTarget) => void) | null = null;
  onChange: (() => void) | null = null;

  constructor(
    readonly xlsx: XlsxWorkbook,
    readonly fileName: string,
  ) {}

  static async open(data: ArrayBuffer, fileName: string): Promise<ObservedWorkbook> {
    return new ObservedWorkbook(await XlsxWorkbook.fromArrayBuffer(data), fileName);
  }

  private changed(): void {
    this.onChange?.();
  }

  listSheets(): Promise<SheetInfo[]> {
    return this.xlsx.listSheets();
  }
  readSheet(sheet: string, options?: OperationOptions & { range?: string }): Promise<SheetGrid> {
    return this.xlsx.readSheet(sheet, options);
  }
  async writeOwnSheet(content: OwnSheetContent, options?: OperationOptions): Promise<void> {
    await this.xlsx.writeOwnSheet(content, options);
    this.changed();
  }
  readTable(spec: TableSpec): Promise<TableRow[] | null> {
    return this.xlsx.readTable(spec);
  }
  async upsertTableRows(spec: TableSpec, rows: TableRow[], options?: OperationOptions): Promise<void> {
    await this.xlsx.upsertTableRows(spec, rows, options);
    this.changed();
  }
  async markCells(sheet: string, marks: CellMark[], options?: OperationOptions): Promise<void> {
    await this.xlsx.markCells(sheet, marks, options);
    this.changed();
  }
  async clearMarks(sheet?: string): Promise<void> {
    await this.xlsx.clearMarks(sheet);
    this.changed();
  }
  async selectCell(sheet: string, row: number, col: number): Promise<void> {
    await this.xlsx.selectCell(sheet, row, col);
    this.onSelect?.({ sheet, row, col });
  }
  readSettings(): Promise<Record<string, unknown>> {
    return this.xlsx.readSettings();
  }
  /** Settings live in the add-in's hidden sheet: nothing visible changes, so the grid is not re-read. */
  writeSettings(settings: Record<string, unknown>): Promise<void> {
    return this.xlsx.writeSettings(settings);
  }
  /** Cell fill as "#RRGGBB" (the add-in's marks and the user's own fills) or null. */
  fillColor(sheet: string, row: number, col: number): string | null {
    try {
      return this.xlsx.fillColor(sheet, row, col);
    } catch {
      return null;
    }
  }
  save(): Promise<ArrayBuffer> {
    return this.xlsx.save();
  }
}
