/**
 * WorkbookPort over ExcelJS: a workbook loaded from a file (CLI, see openFile.ts), an ArrayBuffer (standalone
 * page) or built in memory (tests). No Node imports here, so webpack can bundle it for the browser.
 *
 * Data safety: user sheets are only read; the add-in writes its own sheets (listed in the very hidden sheet
 * «zhku_meta») and marks (fill + note) whose previous state is recorded there so clearMarks restores it.
 * Strings are always stored as text: ExcelJS writes a JS string as a string cell, never as a formula, so
 * "=1+1" stays the text "=1+1"; our own links are the only formulas written.
 *
 * The work is done by the modules next to this class, one per concern: cells (one cell ↔ the port's model),
 * ranges (bounds, addresses, merges, block reads), book (shared state, sheet lookup), meta (the hidden metadata
 * sheet), readSheet, ownSheet, tables, marks; package/ edits the opened file on save. This class holds the
 * workbook and the save bookkeeping and delegates.
 */
import ExcelJS from "exceljs";
import type { SheetGrid } from "../../domain/grid";
import { columnLetter } from "../../domain/grid";
import type { AddinMeta } from "../common";
import type {
  CellMark,
  OperationOptions,
  OwnSheetContent,
  SheetInfo,
  TableRow,
  TableSpec,
  WorkbookPort,
} from "../port";
import { sheetOrThrow, type XlsxBook } from "./book";
import { noteToText } from "./cells";
import { clearMarks, fillToColor, markCells } from "./marks";
import { readMeta, writeMeta } from "./meta";
import { writeOwnSheet } from "./ownSheet";
import { LossySaveError, saveLosslessly, type LoadedCell } from "./package/losslessSave";
import { buildResultsWorkbook } from "./package/resultsWorkbook";
import { isMacroEnabledPackage } from "./package/zip";
import { withCharts } from "./package/sheetCharts";
import { listSheets, readSheet } from "./readSheet";
import { readTable, upsertTableRows } from "./tables";

// the cell and range readers the Office.js fake (test/fakes/excel) builds on
export { excelJsCellText, excelJsCellValue, excelJsNumberFormat } from "./cells";
export { excelJsMerges, parseRangeAddress, usedBounds, type UsedBounds } from "./ranges";

export class XlsxWorkbook implements WorkbookPort {
  readonly workbook: ExcelJS.Workbook;
  /** The file's bytes as opened: saving edits this package instead of re-serialising the workbook (package/). */
  private readonly original: Uint8Array | null;
  /** Where the workbook was opened from (a path or a file name), when known: the results workbook links to it. */
  sourceName: string | null = null;
  /** The workbook with the bookkeeping the lossless save needs (book.ts), handed to the modules. */
  private readonly book: XlsxBook;

  constructor(workbook?: ExcelJS.Workbook, original?: Uint8Array) {
    this.workbook = workbook ?? new ExcelJS.Workbook();
    this.original = original ?? null;
    this.book = {
      workbook: this.workbook,
      writtenSheets: new Set<string>(),
      touchedCells: new Map<string, Map<string, LoadedCell>>(),
    };
  }

  /** Load an .xlsx/.xlsm file's bytes (browser File.arrayBuffer(), Node Buffer); the bytes are kept for saving. */
  static async fromArrayBuffer(data: ArrayBuffer | Uint8Array): Promise<XlsxWorkbook> {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(data as ArrayBuffer);
    return new XlsxWorkbook(wb, data instanceof Uint8Array ? data : new Uint8Array(data));
  }

  /** The opened file is a macro-enabled workbook (.xlsm): its save must keep that extension. */
  get macroEnabled(): boolean {
    return this.original !== null && isMacroEnabledPackage(this.original);
  }

  /** True when saving keeps the opened file's package (charts, pivots, macros…) and edits only the add-in's parts. */
  get keepsOriginalPackage(): boolean {
    return this.original !== null;
  }

  /**
   * The workbook as bytes. Opened from a file: that file's package with only the add-in's changes edited in
   * (throws LossySaveError, saving nothing, when a change cannot be made without loss). Built in memory: ExcelJS.
   */
  async save(): Promise<ArrayBuffer> {
    if (!this.original) {
      // ExcelJS writes no charts: the own sheets' charts are added to its package
      const written = new Uint8Array((await this.workbook.xlsx.writeBuffer()) as ArrayBuffer);
      const bytes = withCharts(written, this.workbook.worksheets);
      return bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
    }
    const result = await saveLosslessly({
      original: this.original,
      workbook: this.workbook,
      writtenSheets: this.book.writtenSheets,
      touchedCells: new Map([...this.book.touchedCells].map(([sheet, cells]) => [sheet, cells.values()])),
    });
    if (!result.ok) throw new LossySaveError(result.problems);
    const { bytes } = result;
    return bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
  }

  /** The add-in's results alone, as a new workbook with links back to the cells of `fileName` (see resultsWorkbook). */
  saveResults(fileName: string): Promise<Uint8Array> {
    return buildResultsWorkbook(this.workbook, this.readMeta(), fileName);
  }

  readMeta(): AddinMeta {
    return readMeta(this.book);
  }

  // ---------- reading ----------

  async listSheets(): Promise<SheetInfo[]> {
    return listSheets(this.book);
  }

  readSheet(sheet: string, options: OperationOptions & { range?: string } = {}): Promise<SheetGrid> {
    return readSheet(this.book, sheet, options);
  }

  // ---------- own sheets, the register table ----------

  writeOwnSheet(content: OwnSheetContent, options: OperationOptions = {}): Promise<void> {
    return writeOwnSheet(this.book, content, options);
  }

  async readTable(spec: TableSpec): Promise<TableRow[] | null> {
    return readTable(this.book, spec);
  }

  upsertTableRows(spec: TableSpec, rows: TableRow[], options: OperationOptions = {}): Promise<void> {
    return upsertTableRows(this.book, spec, rows, options);
  }

  // ---------- marks ----------

  markCells(sheet: string, marks: CellMark[], options: OperationOptions = {}): Promise<void> {
    return markCells(this.book, sheet, marks, options);
  }

  async clearMarks(sheet?: string): Promise<void> {
    clearMarks(this.book, sheet);
  }

  /** Colour of a cell's fill ("#RRGGBB") or null; for tests and the standalone grid. */
  fillColor(sheet: string, row: number, col: number): string | null {
    return fillToColor(sheetOrThrow(this.book, sheet).findCell(row + 1, col + 1)?.style?.fill);
  }

  noteText(sheet: string, row: number, col: number): string | null {
    return noteToText(sheetOrThrow(this.book, sheet).findCell(row + 1, col + 1)?.note);
  }

  // ---------- navigation, settings ----------

  async selectCell(sheet: string, row: number, col: number): Promise<void> {
    const ws = sheetOrThrow(this.book, sheet);
    const index = this.workbook.worksheets.indexOf(ws);
    const view = (ws.views?.[0] ?? {}) as Partial<ExcelJS.WorksheetView>;
    ws.views = [{ ...view, activeCell: `${columnLetter(col)}${row + 1}` } as ExcelJS.WorksheetView];
    this.workbook.views = [{ ...(this.workbook.views?.[0] ?? {}), activeTab: index } as ExcelJS.WorkbookView];
  }

  async readSettings(): Promise<Record<string, unknown>> {
    return this.readMeta().settings;
  }

  async writeSettings(settings: Record<string, unknown>): Promise<void> {
    const meta = this.readMeta();
    meta.settings = { ...settings };
    writeMeta(this.book, meta);
  }
}
