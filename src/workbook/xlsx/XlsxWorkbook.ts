/**
 * WorkbookPort over ExcelJS: a workbook loaded from a file (CLI, see openFile.ts), an ArrayBuffer (standalone
 * page) or built in memory (tests). No Node imports here, so webpack can bundle it for the browser.
 *
 * Data safety: user sheets are only read; the add-in writes its own sheets (listed in the very hidden sheet
 * «zhku_meta») and marks (fill + note) whose previous state is recorded there so clearMarks restores it.
 * Strings are always stored as text: ExcelJS writes a JS string as a string cell, never as a formula, so
 * "=1+1" stays the text "=1+1"; our own links are the only formulas written.
 *
 * Size (≈630 lines, over the project's 400-line aim): one class implementing every port operation over one
 * ExcelJS workbook plus the bookkeeping the lossless save needs (package/ does the package editing). Its next split
 * by concern — marks, table upsert, own-sheet writing — like excel/ was, is left for a later change.
 */
import ExcelJS from "exceljs";
import type { CellValue, MergedArea, SheetGrid } from "../../domain/grid";
import { columnIndex, columnLetter } from "../../domain/grid";
import { displayText } from "../displayText";
import {
  FORMAT_CODES,
  MARK_FILL,
  META_SHEET,
  assertOwnSheetName,
  decodeMeta,
  emptyMeta,
  encodeMeta,
  gridToTableRows,
  mergeMarks,
  planCell,
  planUpsert,
  type AddinMeta,
  type MarkRecord,
} from "../common";
import { yieldToEventLoop } from "../../util/eventLoop";
import { WorkbookError, foreignSheetError, protectedSheetError, sheetNotFoundError, throwIfAborted } from "../errors";
import { LossySaveError, saveLosslessly, type LoadedCell } from "./package/losslessSave";
import { buildResultsWorkbook } from "./package/resultsWorkbook";
import { isMacroEnabledPackage } from "./package/zip";
import type {
  CellMark,
  OperationOptions,
  OutCell,
  OwnSheetContent,
  SheetInfo,
  TableRow,
  TableSpec,
  WorkbookPort,
} from "../port";

/** Rows handled between two cancellation checks / progress reports. */
const ROWS_PER_STEP = 5000;
const MS_PER_DAY = 86400000;
/** Excel serial of 1970-01-01. */
const UNIX_EPOCH_SERIAL = 25569;

const HEADER_FILL: ExcelJS.Fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFD9E1F2" } };

export interface UsedBounds {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

/** ExcelJS Date (always UTC) → Excel serial, fractional part = time of day. */
export function dateToSerial(d: Date): number {
  const serial = d.getTime() / MS_PER_DAY + UNIX_EPOCH_SERIAL;
  // Excel's fictitious 29.02.1900: serials before 1900-03-01 are one lower
  return serial < 61 ? serial - 1 : serial;
}

/** The raw value of an ExcelJS cell as Excel's API would report it (merged slaves are empty). */
export function excelJsCellValue(cell: ExcelJS.Cell | undefined): CellValue {
  if (!cell) return null;
  const v = cell.value as unknown;
  switch (cell.type) {
    case ExcelJS.ValueType.Null:
    case ExcelJS.ValueType.Merge:
      return null;
    case ExcelJS.ValueType.Number:
    case ExcelJS.ValueType.Boolean:
      return v as number | boolean;
    case ExcelJS.ValueType.String:
    case ExcelJS.ValueType.SharedString:
      return v === "" ? null : (v as string);
    case ExcelJS.ValueType.Date:
      return dateToSerial(v as Date);
    case ExcelJS.ValueType.Hyperlink:
      return String((v as { text?: unknown }).text ?? "");
    case ExcelJS.ValueType.RichText:
      return (v as { richText: { text: string }[] }).richText.map((t) => t.text).join("");
    case ExcelJS.ValueType.Error:
      return String((v as { error: string }).error);
    case ExcelJS.ValueType.Formula: {
      const r = (cell as unknown as { result?: unknown }).result;
      if (r === undefined || r === null || r === "") return null;
      if (r instanceof Date) return dateToSerial(r);
      if (typeof r === "object") return String((r as { error?: string }).error ?? "");
      return r as CellValue;
    }
    default:
      return v === undefined || v === null ? null : String(v);
  }
}

export function excelJsNumberFormat(cell: ExcelJS.Cell | undefined): string {
  return (cell && cell.numFmt) || "General";
}

/** Displayed text: strings as stored, numbers and dates through the number format. */
export function excelJsCellText(cell: ExcelJS.Cell | undefined, value: CellValue, numberFormat: string): string {
  if (value === null) return "";
  if (
    typeof value === "number" &&
    cell &&
    (cell.type === ExcelJS.ValueType.Date || (cell.type === ExcelJS.ValueType.Formula && cell.result instanceof Date))
  ) {
    // a Date ExcelJS gave us without a date format still shows as a date
    return displayText(value, /^general$/i.test(numberFormat) ? "dd.mm.yyyy" : numberFormat);
  }
  return displayText(value, numberFormat);
}

/** Bounds of the cells holding a value (formatting alone does not count), 0-based inclusive; null when empty. */
export function usedBounds(ws: ExcelJS.Worksheet): UsedBounds | null {
  let top = Infinity,
    left = Infinity,
    bottom = -1,
    right = -1;
  ws.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    const cells = (row as unknown as { _cells: (ExcelJS.Cell | undefined)[] })._cells;
    for (let i = 0; i < cells.length; i++) {
      const cell = cells[i];
      if (!cell || cell.type === ExcelJS.ValueType.Null || cell.type === ExcelJS.ValueType.Merge) continue;
      if (excelJsCellValue(cell) === null) continue;
      if (rowNumber - 1 < top) top = rowNumber - 1;
      if (rowNumber - 1 > bottom) bottom = rowNumber - 1;
      if (i < left) left = i;
      if (i > right) right = i;
    }
  });
  return bottom < 0 ? null : { top, left, bottom, right };
}

/** "B2:D10" (or "B2") → 0-based inclusive bounds. */
export function parseRangeAddress(address: string): UsedBounds {
  const a = address.includes("!") ? address.slice(address.lastIndexOf("!") + 1) : address;
  const m = /^\$?([A-Za-z]{1,3})\$?(\d+)(?::\$?([A-Za-z]{1,3})\$?(\d+))?$/.exec(a.trim());
  if (!m) throw new WorkbookError("unknown", `Неверный адрес диапазона «${address}».`);
  const top = +m[2] - 1,
    left = columnIndex(m[1]);
  const bottom = m[4] ? +m[4] - 1 : top,
    right = m[3] ? columnIndex(m[3]) : left;
  return {
    top: Math.min(top, bottom),
    left: Math.min(left, right),
    bottom: Math.max(top, bottom),
    right: Math.max(left, right),
  };
}

export function rangeAddress(b: UsedBounds): string {
  return `${columnLetter(b.left)}${b.top + 1}:${columnLetter(b.right)}${b.bottom + 1}`;
}

/** Merged areas of a sheet, 0-based inclusive. */
export function excelJsMerges(ws: ExcelJS.Worksheet): MergedArea[] {
  const merges = (
    ws as unknown as {
      _merges: Record<string, { model: { top: number; left: number; bottom: number; right: number } }>;
    }
  )._merges;
  return Object.values(merges ?? {})
    .filter(Boolean)
    .map((m) => ({
      top: m.model.top - 1,
      left: m.model.left - 1,
      bottom: m.model.bottom - 1,
      right: m.model.right - 1,
    }));
}

/** Read a block of an ExcelJS sheet row by row (no per-cell objects beyond ExcelJS's own). */
export function readExcelJsBlock(
  ws: ExcelJS.Worksheet,
  b: UsedBounds,
): Pick<SheetGrid, "values" | "text" | "numberFormat"> {
  const values: CellValue[][] = [];
  const text: string[][] = [];
  const numberFormat: string[][] = [];
  const width = b.right - b.left + 1;
  for (let r = b.top; r <= b.bottom; r++) {
    const row = ws.findRow(r + 1);
    const vRow: CellValue[] = new Array(width);
    const tRow: string[] = new Array(width);
    const fRow: string[] = new Array(width);
    for (let c = 0; c < width; c++) {
      const cell = row ? (row.findCell(b.left + c + 1) as ExcelJS.Cell | undefined) : undefined;
      const v = excelJsCellValue(cell);
      const f = excelJsNumberFormat(cell);
      vRow[c] = v;
      fRow[c] = f;
      tRow[c] = excelJsCellText(cell, v, f);
    }
    values.push(vRow);
    text.push(tRow);
    numberFormat.push(fRow);
  }
  return { values, text, numberFormat };
}

/** Write one OutCell into an ExcelJS cell: strings as text, our links as HYPERLINK formulas. */
export function writeExcelJsCell(cell: ExcelJS.Cell, out: OutCell, columnFormat: string | undefined): void {
  const plan = planCell(out);
  if (plan.formula) cell.value = { formula: plan.formula, result: plan.value as string } as ExcelJS.CellFormulaValue;
  else cell.value = plan.value;
  const fmt = plan.numberFormat ?? columnFormat;
  if (fmt && fmt !== "General") cell.numFmt = fmt;
}

function fillToColor(fill: ExcelJS.Fill | undefined): string | null {
  if (!fill || fill.type !== "pattern" || fill.pattern === "none") return null;
  const argb = fill.fgColor?.argb;
  return argb ? `#${argb.slice(-6).toUpperCase()}` : null;
}

export class XlsxWorkbook implements WorkbookPort {
  readonly workbook: ExcelJS.Workbook;
  /** The file's bytes as opened: saving edits this package instead of re-serialising the workbook (package/). */
  private readonly original: Uint8Array | null;
  /** Where the workbook was opened from (a path or a file name), when known: the results workbook links to it. */
  sourceName: string | null = null;
  /** Own sheets (and the metadata sheet) written since opening: only their parts are replaced on save. */
  private readonly writtenSheets = new Set<string>();
  /** User sheet → "r:c" → the cell as opened, for every cell the add-in marked or unmarked. */
  private readonly touchedCells = new Map<string, Map<string, LoadedCell>>();

  constructor(workbook?: ExcelJS.Workbook, original?: Uint8Array) {
    this.workbook = workbook ?? new ExcelJS.Workbook();
    this.original = original ?? null;
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
    if (!this.original) return (await this.workbook.xlsx.writeBuffer()) as ArrayBuffer;
    const result = await saveLosslessly({
      original: this.original,
      workbook: this.workbook,
      writtenSheets: this.writtenSheets,
      touchedCells: new Map([...this.touchedCells].map(([sheet, cells]) => [sheet, cells.values()])),
    });
    if (!result.ok) throw new LossySaveError(result.problems);
    const { bytes } = result;
    return bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
  }

  /** The add-in's results alone, as a new workbook with links back to the cells of `fileName` (see resultsWorkbook). */
  saveResults(fileName: string): Promise<Uint8Array> {
    return buildResultsWorkbook(this.workbook, this.readMeta(), fileName);
  }

  /** Remember how a user's cell looked when opened, before the add-in first changes it. */
  private touch(sheet: string, row: number, col: number, cell: ExcelJS.Cell): void {
    let cells = this.touchedCells.get(sheet);
    if (!cells) this.touchedCells.set(sheet, (cells = new Map()));
    const key = `${row}:${col}`;
    if (cells.has(key)) return;
    const note = cell.note as unknown;
    const noteText =
      note === undefined || note === null
        ? null
        : typeof note === "string"
          ? note
          : ((note as { texts?: { text: string }[] }).texts ?? []).map((t) => t.text).join("");
    cells.set(key, { row, col, fill: JSON.stringify(cell.style?.fill ?? null), note: noteText });
  }

  // ---------- metadata ----------

  private metaSheet(): ExcelJS.Worksheet | undefined {
    return this.findSheet(META_SHEET);
  }

  readMeta(): AddinMeta {
    const ws = this.metaSheet();
    if (!ws) return emptyMeta();
    const b = usedBounds(ws);
    if (!b) return emptyMeta();
    return decodeMeta(readExcelJsBlock(ws, { top: 0, left: 0, bottom: b.bottom, right: b.right }).values);
  }

  private writeMeta(meta: AddinMeta): void {
    const old = this.metaSheet();
    if (old) this.workbook.removeWorksheet(old.id);
    const ws = this.workbook.addWorksheet(META_SHEET, { state: "veryHidden" });
    this.writtenSheets.add(META_SHEET);
    for (const row of encodeMeta(meta)) {
      const r = ws.addRow([]);
      row.forEach((s, i) => {
        if (s !== "") {
          const cell = r.getCell(i + 1);
          cell.value = s;
          cell.numFmt = "@";
        }
      });
    }
  }

  /** Sheet names are case-insensitive in Excel («проверка» and «Проверка» are the same sheet). */
  private findSheet(name: string): ExcelJS.Worksheet | undefined {
    const lower = name.toLowerCase();
    return this.workbook.worksheets.find((ws) => ws.name.toLowerCase() === lower);
  }

  private sheet(name: string): ExcelJS.Worksheet {
    const ws = name.toLowerCase() === META_SHEET ? undefined : this.findSheet(name);
    if (!ws) throw sheetNotFoundError(name);
    return ws;
  }

  // ---------- reading ----------

  async listSheets(): Promise<SheetInfo[]> {
    const meta = this.readMeta();
    return this.workbook.worksheets
      .filter((ws) => ws.name !== META_SHEET)
      .map((ws) => {
        const b = usedBounds(ws);
        return {
          name: ws.name,
          rows: b ? b.bottom - b.top + 1 : 0,
          columns: b ? b.right - b.left + 1 : 0,
          ownedByAddin: meta.ownedSheets.includes(ws.name),
          visible: ws.state === "visible" || ws.state === undefined,
        };
      });
  }

  async readSheet(sheet: string, options: OperationOptions & { range?: string } = {}): Promise<SheetGrid> {
    throwIfAborted(options.signal);
    const ws = this.sheet(sheet);
    const b = options.range ? parseRangeAddress(options.range) : usedBounds(ws);
    if (!b) return { sheet, top: 0, left: 0, values: [], text: [], numberFormat: [], merges: [] };
    const total = b.bottom - b.top + 1;
    const grid: SheetGrid = { sheet, top: b.top, left: b.left, values: [], text: [], numberFormat: [] };
    for (let start = b.top; start <= b.bottom; start += ROWS_PER_STEP) {
      const end = Math.min(b.bottom, start + ROWS_PER_STEP - 1);
      const block = readExcelJsBlock(ws, { ...b, top: start, bottom: end });
      for (let i = 0; i < block.values.length; i++) {
        grid.values.push(block.values[i]);
        grid.text.push(block.text[i]);
        grid.numberFormat.push(block.numberFormat[i]);
      }
      options.onProgress?.({ done: end - b.top + 1, total, stage: `Чтение листа «${sheet}»` });
      if (end < b.bottom) {
        await yieldToEventLoop();
        throwIfAborted(options.signal);
      }
    }
    grid.merges = excelJsMerges(ws).filter(
      (m) => m.bottom >= b.top && m.top <= b.bottom && m.right >= b.left && m.left <= b.right,
    );
    return grid;
  }

  // ---------- own sheets ----------

  /** Throws unless `name` is free or already the add-in's own sheet. */
  private assertWritable(name: string, meta: AddinMeta): void {
    assertOwnSheetName(name);
    const existing = this.findSheet(name);
    if (existing && !meta.ownedSheets.includes(existing.name)) throw foreignSheetError(existing.name);
  }

  async writeOwnSheet(content: OwnSheetContent, options: OperationOptions = {}): Promise<void> {
    throwIfAborted(options.signal);
    const meta = this.readMeta();
    this.assertWritable(content.name, meta);
    // Build the new sheet under a temporary name; the old output is replaced only when it is complete.
    const tempName = `~zhku ${Date.now() % 1e9}`;
    const ws = this.workbook.addWorksheet(tempName);
    try {
      const colFormats = (content.columns ?? []).map((c) => (c.format ? FORMAT_CODES[c.format] : undefined));
      const total = content.rows.length;
      for (let start = 0; start < total; start += ROWS_PER_STEP) {
        const end = Math.min(total, start + ROWS_PER_STEP);
        for (let r = start; r < end; r++) {
          const src = content.rows[r];
          const row = ws.getRow(r + 1);
          for (let c = 0; c < src.length; c++) {
            const out = src[c];
            if (out === null || out === undefined) continue;
            writeExcelJsCell(row.getCell(c + 1), out, colFormats[c]);
          }
        }
        options.onProgress?.({ done: end, total, stage: `Запись листа «${content.name}»` });
        if (end < total) {
          await yieldToEventLoop();
          throwIfAborted(options.signal);
        }
      }
      (content.columns ?? []).forEach((col, i) => {
        const column = ws.getColumn(i + 1);
        if (col.width) column.width = col.width;
        if (col.format && col.format !== "general") column.numFmt = FORMAT_CODES[col.format];
      });
      for (const hr of content.headerRows ?? []) {
        const row = ws.getRow(hr + 1);
        row.eachCell({ includeEmpty: false }, (cell) => {
          cell.style = { ...cell.style, font: { bold: true }, fill: HEADER_FILL };
        });
      }
      if (content.freezeRows) ws.views = [{ state: "frozen", ySplit: content.freezeRows, xSplit: 0 }];
      if (content.print) {
        const p = content.print;
        // paperSize 9 = A4; fitToHeight 0 = as many pages tall as needed
        ws.pageSetup = {
          ...ws.pageSetup,
          paperSize: 9,
          orientation: p.landscape ? "landscape" : "portrait",
          ...(p.fitToWidth ? { fitToPage: true, fitToWidth: 1, fitToHeight: 0 } : {}),
          ...(p.repeatRows ? { printTitlesRow: `${p.repeatRows[0] + 1}:${p.repeatRows[1] + 1}` } : {}),
        };
        if (p.wrapText)
          ws.eachRow((row) =>
            row.eachCell((cell) => {
              cell.alignment = { ...cell.alignment, wrapText: true, vertical: "top" };
            }),
          );
      }
    } catch (err) {
      this.workbook.removeWorksheet(ws.id);
      throw err;
    }
    const old = this.findSheet(content.name);
    if (old) {
      // keep the sheet's place among the tabs (ExcelJS orders worksheets by orderNo)
      (ws as unknown as { orderNo: number }).orderNo = (old as unknown as { orderNo: number }).orderNo;
      this.workbook.removeWorksheet(old.id);
    }
    ws.name = content.name;
    this.writtenSheets.add(content.name);
    if (!meta.ownedSheets.includes(content.name)) meta.ownedSheets.push(content.name);
    this.writeMeta(meta);
  }

  // ---------- table-like own sheets ----------

  async readTable(spec: TableSpec): Promise<TableRow[] | null> {
    const ws = this.findSheet(spec.sheet);
    if (!ws || spec.sheet === META_SHEET) return null;
    const b = usedBounds(ws);
    if (!b) return [];
    return gridToTableRows(readExcelJsBlock(ws, { top: 0, left: 0, bottom: b.bottom, right: b.right }).values);
  }

  async upsertTableRows(spec: TableSpec, rows: TableRow[], options: OperationOptions = {}): Promise<void> {
    throwIfAborted(options.signal);
    const meta = this.readMeta();
    this.assertWritable(spec.sheet, meta);
    const ws = this.findSheet(spec.sheet);
    if (!ws) {
      const plan = planUpsert(spec, [spec.columns], rows);
      await this.writeOwnSheet(
        {
          name: spec.sheet,
          rows: [plan.header, ...plan.appended],
          columns: plan.header.map((h) => ({
            format: spec.formats?.[h] ?? "general",
            width: Math.min(40, Math.max(10, h.length + 2)),
          })),
          headerRows: [0],
          freezeRows: 1,
        },
        options,
      );
      const created = this.findSheet(spec.sheet)!;
      // a filtered range, not an Excel table: ExcelJS table writing is known to corrupt files on re-save, and the
      // file route must always give back a workbook Excel opens (the Office.js adapter makes a real table)
      created.autoFilter = rangeAddress({
        top: 0,
        left: 0,
        bottom: plan.appended.length,
        right: plan.header.length - 1,
      });
      return;
    }
    const b = usedBounds(ws);
    const existing = b
      ? readExcelJsBlock(ws, { top: 0, left: 0, bottom: b.bottom, right: Math.max(b.right, 0) }).values
      : [];
    const plan = planUpsert(spec, existing, rows);
    this.writtenSheets.add(ws.name);
    const fmtOf = (col: number) => {
      const f = spec.formats?.[plan.header[col]];
      return f ? FORMAT_CODES[f] : undefined;
    };
    for (const h of plan.newHeaderCells) {
      const cell = ws.getCell(1, h.col + 1);
      cell.value = h.text;
      cell.style = { ...cell.style, font: { bold: true }, fill: HEADER_FILL };
    }
    for (const u of plan.updates) writeExcelJsCell(ws.getCell(u.row + 2, u.col + 1), u.cell, fmtOf(u.col));
    const firstNew = Math.max(existing.length, 1);
    plan.appended.forEach((row, i) => {
      row.forEach((out, c) => {
        if (out !== null && out !== undefined) writeExcelJsCell(ws.getCell(firstNew + i + 1, c + 1), out, fmtOf(c));
      });
    });
    options.onProgress?.({ done: rows.length, total: rows.length, stage: `Реестр «${spec.sheet}»` });
  }

  // ---------- marks ----------

  async markCells(sheet: string, marks: CellMark[], options: OperationOptions = {}): Promise<void> {
    throwIfAborted(options.signal);
    const ws = this.sheet(sheet);
    // Excel would refuse to format a protected sheet; respect the user's protection here too
    if ((ws as unknown as { sheetProtection?: { sheet?: boolean } }).sheetProtection?.sheet)
      throw protectedSheetError();
    const meta = this.readMeta();
    this.restoreMarks(ws, meta.marks[sheet] ?? []);
    const records: MarkRecord[] = [];
    for (const m of mergeMarks(marks.filter((m) => m.sheet === sheet || !m.sheet))) {
      const cell = ws.getCell(m.row + 1, m.col + 1);
      this.touch(ws.name, m.row, m.col, cell);
      records.push({
        r: m.row,
        c: m.col,
        fill: cell.style?.fill ?? null,
        note: cell.note ?? null, // a user's note, plain or rich, comes back on clearMarks
        mark: MARK_FILL[m.severity],
        text: m.note,
      });
      const argb = `FF${MARK_FILL[m.severity].slice(1)}`;
      cell.style = { ...cell.style, fill: { type: "pattern", pattern: "solid", fgColor: { argb } } };
      cell.note = m.note;
    }
    if (records.length > 0) meta.marks[sheet] = records;
    else delete meta.marks[sheet];
    this.writeMeta(meta);
    options.onProgress?.({ done: marks.length, total: marks.length, stage: `Пометки на листе «${sheet}»` });
  }

  /** Put back the fills and notes from before our marks, where the user has not changed the cell since. */
  private restoreMarks(ws: ExcelJS.Worksheet, records: MarkRecord[]): void {
    for (const rec of records) {
      const cell = ws.getCell(rec.r + 1, rec.c + 1);
      this.touch(ws.name, rec.r, rec.c, cell);
      if (!rec.mark || fillToColor(cell.style?.fill) === rec.mark) {
        const style = { ...cell.style };
        if (rec.fill === null || rec.fill === undefined) delete style.fill;
        else if (typeof rec.fill === "string")
          style.fill = { type: "pattern", pattern: "solid", fgColor: { argb: `FF${rec.fill.slice(1)}` } };
        else style.fill = rec.fill as ExcelJS.Fill;
        cell.style = style;
      }
      const current =
        typeof cell.note === "string"
          ? cell.note
          : cell.note
            ? (cell.note.texts ?? []).map((t) => t.text).join("")
            : null;
      if (rec.text === undefined || current === rec.text) {
        if (rec.note) cell.note = rec.note as string | ExcelJS.Comment;
        else (cell as unknown as { _comment?: unknown })._comment = undefined;
      }
    }
  }

  async clearMarks(sheet?: string): Promise<void> {
    const meta = this.readMeta();
    const sheets = sheet ? [sheet] : Object.keys(meta.marks);
    for (const name of sheets) {
      const ws = this.findSheet(name);
      if (ws) this.restoreMarks(ws, meta.marks[name] ?? []);
      delete meta.marks[name];
    }
    this.writeMeta(meta);
  }

  /** Colour of a cell's fill ("#RRGGBB") or null; for tests and the standalone grid. */
  fillColor(sheet: string, row: number, col: number): string | null {
    return fillToColor(this.sheet(sheet).findCell(row + 1, col + 1)?.style?.fill);
  }

  noteText(sheet: string, row: number, col: number): string | null {
    const note = this.sheet(sheet).findCell(row + 1, col + 1)?.note;
    if (note === undefined || note === null) return null;
    return typeof note === "string" ? note : (note.texts ?? []).map((t) => t.text).join("");
  }

  // ---------- navigation, settings ----------

  async selectCell(sheet: string, row: number, col: number): Promise<void> {
    const ws = this.sheet(sheet);
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
    this.writeMeta(meta);
  }
}
