/**
 * WorkbookPort over Office.js (Excel.run). The `Excel` namespace is passed in, so tests give it the fake
 * (test/fakes/excelFake.ts).
 *
 * Requirement sets: the adapter needs ExcelApi 1.9 (getRangeByIndexes 1.7, getUsedRangeOrNullObject 1.4,
 * RangeAreas/getRanges 1.9, suspendApiCalculationUntilNextSync 1.6, worksheet visibility 1.1).
 * Newer features are used only when present: getMergedAreasOrNullObject (1.13; without it merges are not
 * reported), worksheet notes (1.18; without them marks get the fill colour only).
 *
 * Performance (engineering.md §4): reads and writes go in whole blocks of rows; a block is sized by the
 * estimated JSON payload so each request and response stays under 4 MB (Excel on the web rejects 5 MB) and
 * each read under 5 million cells; one sync per block; range proxies are untracked; formats are set per column
 * or on RangeAreas, never cell by cell in a loop.
 *
 * Data safety: own sheets are written into a temporary sheet «… (запись…)» and swapped in only after the last
 * block landed, so a failure leaves the previous complete output (or the clearly named temporary sheet).
 * Every string is written with a leading apostrophe (or into a text-formatted cell), so nothing the add-in writes
 * is ever taken for a formula; our own HYPERLINKs are the only formulas.
 *
 * Table-like own sheets (the court-work register) are real Excel tables (ListObjects, ExcelApi 1.1): created on the
 * final sheet after the swap, grown through table.rows.add so the clerk's filters, sorting and styles follow.
 */
import type { CellValue, MergedArea, SheetGrid } from "../../domain/grid";
import { cellAddress, columnLetter } from "../../domain/grid";
import { displayText, isDateFormat } from "../displayText";
import {
  FORMAT_CODES,
  MARK_FILL,
  META_SHEET,
  assertOwnSheetName,
  decodeMeta,
  emptyMeta,
  encodeMeta,
  gridToTableRows,
  isFormulaLike,
  mergeMarks,
  payloadSize,
  pendingSheetName,
  planCell,
  planUpsert,
  runsOf,
  type AddinMeta,
  type MarkRecord,
} from "../common";
import {
  WorkbookError,
  foreignSheetError,
  isAbortError,
  protectedSheetError,
  sheetNotFoundError,
  throwIfAborted,
} from "../errors";
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

/** The part of the `Excel` namespace the adapter uses. */
export interface ExcelApi {
  run<T>(batch: (context: Excel.RequestContext) => Promise<T>): Promise<T>;
}

export interface ExcelWorkbookOptions {
  excel: ExcelApi;
  /** Office.context.requirements.isSetSupported, or a stand-in; absent = assume ExcelApi 1.9 only. */
  isSetSupported?: (name: string, version: string) => boolean;
  /** Target size of one request/response in bytes (defaults below; Excel on the web rejects 5 MB). Tests set it low. */
  payloadTarget?: number;
}

const MB = 1024 * 1024;
/**
 * Responses of block reads aim at 3.85 MB: each block is sized from the bytes per row measured so far (rows of a
 * ledger are alike), which keeps every response under 4 MB (Excel on the web rejects 5 MB) while the sync count
 * stays near payload / 4 MB.
 */
const READ_TARGET = 3.85 * MB;
/** Requests (values we send) aim at 3.9 MB: with the call overhead each stays under 4 MB. */
const WRITE_TARGET = 3.9 * MB;
const MAX_CELLS_PER_READ = 5_000_000;
/** First guess of JSON bytes per cell for values + text + numberFormat, refined after the first block. */
const INITIAL_READ_BYTES_PER_CELL = 48;
/** Estimated request bytes of one API call (object path, action) on top of its arguments. */
const CALL_OVERHEAD = 120;
/** Address lists for getRanges are kept short; the exact limit is not documented. */
const MAX_ADDRESS_LIST = 4000;
const HEADER_FILL = "#D9E1F2";
/** ExcelJS widths are in characters, Excel's columnWidth in points (about 7 per character). */
const POINTS_PER_CHAR = 7;

const jsonSize = payloadSize;
/** Look of the register's table: light, banded, a dark header with white bold text. */
const TABLE_STYLE = "TableStyleLight9";

/**
 * Excel table name for a sheet: «Реестр взыскания» → «РеестрВзыскания». Excel's rules: a letter or "_" first, then
 * letters (Cyrillic too — Russian Excel names tables «Таблица1»), digits, "_", "."; no spaces; not a cell address.
 */
export function tableNameFor(sheet: string): string {
  const words = sheet.split(/[^\p{L}\p{N}_]+/u).filter(Boolean);
  const name = words.map((w, i) => (i === 0 ? w : w[0].toUpperCase() + w.slice(1))).join("");
  return /^[\p{L}_]/u.test(name) && !/^[A-Za-z]{1,3}\d+$|^[RrCc]$|^[Rr]\d*[Cc]\d*$/.test(name) ? name : `_${name}`;
}

/** A value as Office.js should receive it: strings never start a formula, empty cells are "". */
export function toExcelInput(v: CellValue, cellFormat: string): string | number | boolean {
  if (v === null || v === undefined) return "";
  if (typeof v !== "string") return v;
  if (v === "") return "";
  // an apostrophe makes Excel store what follows as text (and is not part of the value);
  // in a text-formatted cell nothing is parsed, but formula-like text gets the apostrophe anyway
  if (cellFormat === "@" && !isFormulaLike(v) && !v.startsWith("'")) return v;
  return `'${v}`;
}

/** Russian message for an error from Excel. */
export function mapExcelError(err: unknown): unknown {
  if (err instanceof WorkbookError || isAbortError(err)) return err;
  const e = err as { code?: string; message?: string };
  const code = e?.code ?? "";
  const message = e?.message ?? String(err);
  if (/PayloadSizeLimitExceeded|PayloadTooLarge/i.test(code))
    return new WorkbookError(
      "too-large",
      "Слишком большой объём данных для одного запроса к Excel. Уменьшите диапазон или повторите.",
      { cause: err },
    );
  if (code === "InvalidOperationInCellEditMode")
    return new WorkbookError("edit-mode", "Excel в режиме редактирования ячейки: нажмите Enter или Esc и повторите.", {
      cause: err,
    });
  if (/protect/i.test(message)) {
    const e = protectedSheetError();
    return new WorkbookError(e.code, e.message, { cause: err });
  }
  if (/read-?only/i.test(message) || code === "AccessDenied")
    return new WorkbookError(
      "read-only",
      "Книга открыта только для чтения: сохраните копию или включите редактирование и повторите.",
      { cause: err },
    );
  if (code === "ActivityLimitReached" || code === "RequestAborted")
    return new WorkbookError(
      "busy",
      "Excel не справился с объёмом операции. Повторите; если ошибка повторится, уменьшите диапазон.",
      { cause: err },
    );
  return new WorkbookError("unknown", `Ошибка Excel: ${message}`, { cause: err });
}

/** "Лист!A1:B2,'Лист 2'!C3" → 0-based areas. */
export function parseAddressList(list: string): MergedArea[] {
  const out: MergedArea[] = [];
  const re = /(?:(?:'(?:[^']|'')*'|[^!,']+)!)?\$?([A-Z]{1,3})\$?(\d+)(?::\$?([A-Z]{1,3})\$?(\d+))?/g;
  for (const m of list.matchAll(re)) {
    const col = (s: string) => [...s].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0) - 1;
    const top = +m[2] - 1,
      left = col(m[1]);
    out.push({ top, left, bottom: m[4] ? +m[4] - 1 : top, right: m[3] ? col(m[3]) : left });
  }
  return out;
}

/** Areas → "A1:A5,C7" address lists, each under MAX_ADDRESS_LIST characters. */
function addressLists(areas: { r1: number; r2: number; c: number }[]): string[] {
  const lists: string[] = [];
  let cur = "";
  for (const a of areas) {
    const addr = a.r1 === a.r2 ? cellAddress(a.r1, a.c) : `${cellAddress(a.r1, a.c)}:${cellAddress(a.r2, a.c)}`;
    if (cur && cur.length + addr.length + 1 > MAX_ADDRESS_LIST) {
      lists.push(cur);
      cur = "";
    }
    cur = cur ? `${cur},${addr}` : addr;
  }
  if (cur) lists.push(cur);
  return lists;
}

/** Cells grouped into vertical runs per column (fewer, larger areas). */
function cellRuns(cells: { r: number; c: number }[]): { r1: number; r2: number; c: number }[] {
  const byCol = new Map<number, number[]>();
  for (const { r, c } of cells) (byCol.get(c) ?? byCol.set(c, []).get(c)!).push(r);
  const out: { r1: number; r2: number; c: number }[] = [];
  for (const [c, rows] of [...byCol.entries()].sort((a, b) => a[0] - b[0]))
    for (const [r1, r2] of runsOf([...new Set(rows)].sort((a, b) => a - b))) out.push({ r1, r2, c });
  return out;
}

interface PreparedBlock {
  values: (string | number | boolean)[][];
  /** Per-cell formats, only when some cell differs from its column's format. */
  formats: string[][] | null;
  bytes: number;
}

export class ExcelWorkbook implements WorkbookPort {
  private readonly excel: ExcelApi;
  private readonly supports: (version: string) => boolean;
  private readonly readTarget: number;
  private readonly payloadTarget: number;

  constructor(options: ExcelWorkbookOptions) {
    this.excel = options.excel;
    const check = options.isSetSupported;
    this.supports = (version) => {
      if (check) {
        try {
          return check("ExcelApi", version);
        } catch {
          return false;
        }
      }
      return Number(version.split(".")[1]) <= 9;
    };
    this.readTarget = options.payloadTarget ?? READ_TARGET;
    this.payloadTarget = options.payloadTarget ?? WRITE_TARGET;
  }

  /** Excel.run with Russian errors. */
  private async run<T>(batch: (ctx: Excel.RequestContext) => Promise<T>): Promise<T> {
    try {
      return await this.excel.run(batch);
    } catch (err) {
      throw mapExcelError(err);
    }
  }

  // ---------- metadata ----------

  /** Queue a read of the metadata sheet; call the returned function after sync. */
  private queueMetaRead(
    ctx: Excel.RequestContext,
  ): () => { meta: AddinMeta; rows: number; cols: number; exists: boolean } {
    const ws = ctx.workbook.worksheets.getItemOrNullObject(META_SHEET);
    const used = ws.getUsedRangeOrNullObject(true);
    used.load("values,rowCount,columnCount");
    return () => {
      if (ws.isNullObject) return { meta: emptyMeta(), rows: 0, cols: 0, exists: false };
      if (used.isNullObject) return { meta: emptyMeta(), rows: 0, cols: 0, exists: true };
      return {
        meta: decodeMeta(used.values.map((r) => r.map((v) => (v === "" ? null : v)))),
        rows: used.rowCount,
        cols: used.columnCount,
        exists: true,
      };
    };
  }

  private async loadMeta(): Promise<AddinMeta> {
    return this.run(async (ctx) => {
      const read = this.queueMetaRead(ctx);
      await ctx.sync();
      return read().meta;
    });
  }

  /** Queue writing the metadata sheet (replacing the previous block of prevRows × prevCols). */
  private queueMetaWrite(
    ctx: Excel.RequestContext,
    meta: AddinMeta,
    prev: { rows: number; cols: number; exists: boolean },
  ): { rows: number; cols: number; exists: boolean } {
    let ws: Excel.Worksheet;
    if (prev.exists) {
      ws = ctx.workbook.worksheets.getItem(META_SHEET);
      if (prev.rows > 0 && prev.cols > 0) ws.getRangeByIndexes(0, 0, prev.rows, prev.cols).clear("Contents");
    } else {
      ws = ctx.workbook.worksheets.add(META_SHEET);
      ws.visibility = "VeryHidden" as Excel.SheetVisibility;
    }
    const block = encodeMeta(meta);
    const range = ws.getRangeByIndexes(0, 0, block.length, block[0].length);
    range.numberFormat = [["@"]]; // a 1×1 format array applies to every cell (see queueColumnFormats)
    range.values = block.map((r) => r.map((s) => toExcelInput(s === "" ? null : s, "@")));
    range.untrack();
    return { rows: block.length, cols: block[0].length, exists: true };
  }

  // ---------- reading ----------

  async listSheets(): Promise<SheetInfo[]> {
    return this.run(async (ctx) => {
      const sheets = ctx.workbook.worksheets;
      sheets.load("items/name,items/visibility");
      const readMeta = this.queueMetaRead(ctx);
      await ctx.sync();
      const meta = readMeta().meta;
      const list = sheets.items.filter((ws) => ws.name !== META_SHEET);
      const used = list.map((ws) => {
        const r = ws.getUsedRangeOrNullObject(true);
        r.load("rowCount,columnCount");
        return r;
      });
      await ctx.sync();
      return list.map((ws, i) => ({
        name: ws.name,
        rows: used[i].isNullObject ? 0 : used[i].rowCount,
        columns: used[i].isNullObject ? 0 : used[i].columnCount,
        ownedByAddin: meta.ownedSheets.includes(ws.name),
        visible: ws.visibility === "Visible",
      }));
    });
  }

  async readSheet(sheet: string, options: OperationOptions & { range?: string } = {}): Promise<SheetGrid> {
    throwIfAborted(options.signal);
    return this.run(async (ctx) => {
      const ws = ctx.workbook.worksheets.getItemOrNullObject(sheet);
      const target = options.range ? ws.getRange(options.range) : ws.getUsedRangeOrNullObject(true);
      target.load("rowIndex,columnIndex,rowCount,columnCount");
      const merged = this.supports("1.13") ? target.getMergedAreasOrNullObject() : null;
      merged?.load("address");
      try {
        await ctx.sync();
      } catch (err) {
        if ((err as { code?: string }).code === "ItemNotFound") throw sheetNotFoundError(sheet);
        throw err;
      }
      if (ws.isNullObject || sheet === META_SHEET) throw sheetNotFoundError(sheet);
      if (target.isNullObject) return { sheet, top: 0, left: 0, values: [], text: [], numberFormat: [], merges: [] };
      const top = target.rowIndex,
        left = target.columnIndex,
        rows = target.rowCount,
        cols = target.columnCount;
      const grid: SheetGrid = { sheet, top, left, values: [], text: [], numberFormat: [] };
      grid.merges = merged && !merged.isNullObject ? parseAddressList(merged.address) : [];
      target.untrack();
      let bytesPerRow = INITIAL_READ_BYTES_PER_CELL * cols;
      let done = 0;
      // Number formats are a third of a read's payload. They are loaded for the first block (titles, headers and
      // the first few thousand rows); below it they are inferred per cell from what the cell shows (see inferFormat),
      // which is all the domain needs them for: telling a date from a number, and a text cell from a number.
      let columnFormats: string[] | null = null;
      while (done < rows) {
        throwIfAborted(options.signal);
        const n = Math.max(
          1,
          Math.min(rows - done, Math.floor(this.readTarget / bytesPerRow), Math.floor(MAX_CELLS_PER_READ / cols)),
        );
        const block = ws.getRangeByIndexes(top + done, left, n, cols);
        const withFormats = columnFormats === null;
        block.load(withFormats ? "values,text,numberFormat" : "values,text");
        try {
          await ctx.sync();
        } catch (err) {
          // a response over the limit: halve the block and retry (engineering.md §4)
          if (/ResponsePayloadSizeLimitExceeded/.test((err as { code?: string }).code ?? "") && n > 1) {
            bytesPerRow *= 2;
            continue;
          }
          throw err;
        }
        const values = block.values,
          text = block.text,
          formats = withFormats ? block.numberFormat : inferFormats(values, text, columnFormats!);
        block.untrack();
        if (withFormats) columnFormats = dataColumnFormats(values, formats, cols);
        for (let i = 0; i < n; i++) {
          const vr = values[i];
          const tr = text[i];
          const out: CellValue[] = new Array(cols);
          for (let c = 0; c < cols; c++) {
            const v = vr[c] === "" ? null : (vr[c] as CellValue);
            out[c] = v;
            // a number in a too narrow column shows "#####": give the text it would show in a wide one
            if (typeof v === "number" && tr[c].startsWith("#") && /^#+$/.test(tr[c]))
              tr[c] = displayText(v, formats[i][c]);
          }
          grid.values.push(out);
          grid.text.push(tr);
          grid.numberFormat.push(formats[i]);
        }
        // refine the estimate from what actually came back (+2%: ledger rows are alike; a miss is retried smaller)
        const measured = jsonSize(values) + jsonSize(text) + (withFormats ? jsonSize(formats) : 0);
        bytesPerRow = Math.max(1, (measured / n) * 1.02);
        done += n;
        options.onProgress?.({ done, total: rows, stage: `Чтение листа «${sheet}»` });
      }
      return grid;
    });
  }

  // ---------- writing helpers ----------

  /** Split rows into blocks whose request payload stays under the target. */
  private prepareBlocks(
    rows: OutCell[][],
    width: number,
    columnFormats: string[],
    /** The cells get their formats only after the values (rows added to a table): every string gets the apostrophe. */
    formatsAfterValues = false,
  ): { start: number; block: PreparedBlock }[] {
    const blocks: { start: number; block: PreparedBlock }[] = [];
    let values: PreparedBlock["values"] = [];
    let formats: string[][] = [];
    let valueBytes = 0;
    let formatBytes = 0;
    let anyException = false;
    let start = 0;
    const flush = () => {
      if (values.length === 0) return;
      blocks.push({
        start,
        block: { values, formats: anyException ? formats : null, bytes: valueBytes + (anyException ? formatBytes : 0) },
      });
      start += values.length;
      values = [];
      formats = [];
      valueBytes = formatBytes = 0;
      anyException = false;
    };
    for (const src of rows) {
      const vRow: (string | number | boolean)[] = new Array(width);
      const fRow: string[] = new Array(width);
      let exception = false;
      for (let c = 0; c < width; c++) {
        const colFmt = columnFormats[c] ?? "General";
        const plan = planCell(src[c] ?? null);
        let fmt = plan.numberFormat ?? colFmt;
        if (plan.formula) {
          if (colFmt === "@") fmt = "General"; // a formula in a text cell would stay text
          vRow[c] = `=${plan.formula}`;
        } else vRow[c] = toExcelInput(plan.value, formatsAfterValues ? "General" : fmt);
        fRow[c] = fmt;
        if (fmt !== colFmt) exception = true;
      }
      const vBytes = jsonSize(vRow);
      const fBytes = jsonSize(fRow);
      const withFormats = anyException || exception;
      const next = valueBytes + vBytes + (withFormats ? formatBytes + fBytes : 0) + CALL_OVERHEAD * 4;
      if (values.length > 0 && next > this.payloadTarget) flush();
      values.push(vRow);
      formats.push(fRow);
      valueBytes += vBytes;
      formatBytes += fBytes;
      anyException ||= exception;
    }
    flush();
    return blocks;
  }

  /** Queue one prepared block at (top, left) of `ws`. */
  private queueBlock(ws: Excel.Worksheet, top: number, left: number, block: PreparedBlock): void {
    const range = ws.getRangeByIndexes(top, left, block.values.length, block.values[0].length);
    if (block.formats) range.numberFormat = block.formats;
    range.values = block.values;
    range.untrack();
  }

  /**
   * Column formats once per column: a 1×1 numberFormat array is applied to every cell of the range
   * (OfficeDev/office-js-docs-pr#5400, office-js-docs-reference#578; a bare string works too but is untyped).
   */
  private queueColumnFormats(
    ws: Excel.Worksheet,
    top: number,
    rowCount: number,
    columnFormats: string[],
    left = 0,
    /** Set "General" too (cells that may carry another format, e.g. copied from the row above). */
    includeGeneral = false,
  ): void {
    if (rowCount <= 0) return;
    columnFormats.forEach((fmt, c) => {
      if (!fmt || (fmt === "General" && !includeGeneral)) return;
      const col = ws.getRangeByIndexes(top, left + c, rowCount, 1);
      col.numberFormat = [[fmt]];
      col.untrack();
    });
  }

  // ---------- own sheets ----------

  async writeOwnSheet(content: OwnSheetContent, options: OperationOptions = {}): Promise<void> {
    throwIfAborted(options.signal);
    assertOwnSheetName(content.name);
    const tempName = pendingSheetName(content.name);
    const width = Math.max(1, ...content.rows.map((r) => r.length), content.columns?.length ?? 0);
    const columnFormats = Array.from({ length: width }, (_, c) => {
      const f = content.columns?.[c]?.format;
      return f ? FORMAT_CODES[f] : "General";
    });
    const blocks = this.prepareBlocks(content.rows, width, columnFormats);
    let tempCreated = false;
    try {
      await this.run(async (ctx) => {
        // 1: metadata and the names involved
        const readMeta = this.queueMetaRead(ctx);
        const existing = ctx.workbook.worksheets.getItemOrNullObject(content.name);
        existing.load("position,name");
        const staleTemp = ctx.workbook.worksheets.getItemOrNullObject(tempName);
        await ctx.sync();
        const metaState = readMeta();
        const meta = metaState.meta;
        // Excel matches sheet names without case: the sheet found may be a user's «проверка»
        if (!existing.isNullObject && !meta.ownedSheets.includes(existing.name)) throw foreignSheetError(existing.name);
        if (!staleTemp.isNullObject && !meta.pendingSheets.includes(tempName)) throw foreignSheetError(tempName);
        throwIfAborted(options.signal);

        // 2: a fresh temporary sheet, recorded as pending (first, so a half-applied batch never leaves an
        //    unrecorded temporary sheet that would block the next run), with column formats
        if (this.supports("1.6")) ctx.application.suspendApiCalculationUntilNextSync();
        if (!meta.pendingSheets.includes(tempName)) meta.pendingSheets.push(tempName);
        let metaSize = this.queueMetaWrite(ctx, meta, metaState);
        if (!staleTemp.isNullObject) staleTemp.delete();
        const temp = ctx.workbook.worksheets.add(tempName);
        this.queueColumnFormats(temp, 0, content.rows.length, columnFormats);
        tempCreated = true;
        await ctx.sync();

        // 3..: one sync per block of rows
        let done = 0;
        for (const { start, block } of blocks) {
          throwIfAborted(options.signal);
          if (this.supports("1.6")) ctx.application.suspendApiCalculationUntilNextSync();
          this.queueBlock(temp, start, 0, block);
          await ctx.sync();
          done += block.values.length;
          options.onProgress?.({ done, total: content.rows.length, stage: `Запись листа «${content.name}»` });
        }
        throwIfAborted(options.signal);

        // last: formatting, then swap the complete sheet in and update the metadata
        for (const hr of content.headerRows ?? []) {
          const row = content.rows[hr];
          if (!row || row.length === 0) continue;
          const header = temp.getRangeByIndexes(hr, 0, 1, row.length);
          header.format.font.bold = true;
          header.format.fill.color = HEADER_FILL;
          header.untrack();
        }
        (content.columns ?? []).forEach((col, c) => {
          if (col.width) temp.getRangeByIndexes(0, c, 1, 1).format.columnWidth = col.width * POINTS_PER_CHAR;
        });
        if (content.freezeRows) temp.freezePanes.freezeRows(content.freezeRows);
        // in this order, a batch applied only in part still leaves a state the next run can clean up:
        // claim the name, replace the old sheet, then forget the temporary one
        if (!meta.ownedSheets.includes(content.name)) meta.ownedSheets.push(content.name);
        metaSize = this.queueMetaWrite(ctx, meta, metaSize);
        if (!existing.isNullObject) {
          temp.position = existing.position;
          existing.delete();
        }
        temp.name = content.name;
        meta.pendingSheets = meta.pendingSheets.filter((n) => n !== tempName);
        this.queueMetaWrite(ctx, meta, metaSize);
        await ctx.sync();
      });
    } catch (err) {
      if (tempCreated) await this.dropTempSheet(tempName);
      throw err;
    }
  }

  /** Best effort after a failed or cancelled write: remove the temporary sheet so no half output remains. */
  private async dropTempSheet(tempName: string): Promise<void> {
    try {
      await this.run(async (ctx) => {
        const readMeta = this.queueMetaRead(ctx);
        const temp = ctx.workbook.worksheets.getItemOrNullObject(tempName);
        await ctx.sync();
        const state = readMeta();
        if (!temp.isNullObject && state.meta.pendingSheets.includes(tempName)) temp.delete();
        state.meta.pendingSheets = state.meta.pendingSheets.filter((n) => n !== tempName);
        this.queueMetaWrite(ctx, state.meta, state);
        await ctx.sync();
      });
    } catch {
      // the temporary sheet keeps its «(запись…)» name: clearly incomplete, replaced on the next run
    }
  }

  // ---------- table-like own sheets ----------

  async readTable(spec: TableSpec): Promise<TableRow[] | null> {
    let grid: SheetGrid;
    try {
      grid = await this.readSheet(spec.sheet);
    } catch (err) {
      if (err instanceof WorkbookError && err.code === "sheet-not-found") return null;
      throw err;
    }
    return gridToTableRows(padToA1(grid).values);
  }

  async upsertTableRows(spec: TableSpec, rows: TableRow[], options: OperationOptions = {}): Promise<void> {
    throwIfAborted(options.signal);
    assertOwnSheetName(spec.sheet);
    const meta = await this.loadMeta();
    let existing: CellValue[][] | null = null;
    try {
      existing = padToA1(await this.readSheet(spec.sheet, { signal: options.signal })).values;
    } catch (err) {
      if (!(err instanceof WorkbookError && err.code === "sheet-not-found")) throw err;
    }
    if (existing === null) {
      const plan = planUpsert(spec, [spec.columns], rows);
      await this.writeOwnSheet(
        {
          name: spec.sheet,
          rows: [plan.header, ...plan.appended],
          columns: plan.header.map((h) => ({
            format: spec.formats?.[h] ?? "general",
            width: Math.min(40, Math.max(10, h.length + 2)),
          })),
          // no header fill: the table style draws the header (a fill of ours would hide its white text)
          freezeRows: 1,
        },
        options,
      );
      await this.makeTable(spec.sheet, plan.appended.length + 1, plan.header.length);
      return;
    }
    if (!meta.ownedSheets.includes(spec.sheet)) throw foreignSheetError(spec.sheet);
    const plan = planUpsert(spec, existing, rows);
    const fmtOf = (col: number) => {
      const f = spec.formats?.[plan.header[col]];
      return f ? FORMAT_CODES[f] : "General";
    };
    const columnFormats = plan.header.map((_h, c) => fmtOf(c));
    const firstNew = Math.max(existing.length, 1);
    // updates: vertical runs per column, each written as one small block
    const byCell = new Map(plan.updates.map((u) => [`${u.row}:${u.col}`, u.cell] as const));
    const runs = cellRuns(plan.updates.map((u) => ({ r: u.row, c: u.col })));
    const total = runs.length + plan.appended.length;
    let done = 0;
    await this.run(async (ctx) => {
      const ws = ctx.workbook.worksheets.getItem(spec.sheet);
      let pendingBytes = 0;
      const flush = async () => {
        await ctx.sync();
        pendingBytes = 0;
        options.onProgress?.({ done, total, stage: `Реестр «${spec.sheet}»` });
        throwIfAborted(options.signal);
      };
      // the register's table, when it starts at A1 and reaches the last used row; otherwise append below the
      // range as before (an older register, or the clerk converted the table back to a range)
      const found = await this.findTableAtA1(ctx, ws);
      const table = found && found.bottom >= existing.length - 1 ? found : null;
      // empty rows at the end of the table (a table always has a data row) are filled first, then the table grows
      const spare = table ? Math.min(plan.appended.length, table.bottom - (existing.length - 1)) : plan.appended.length;
      const viaRange = plan.appended.slice(0, spare);
      const viaTable = plan.appended.slice(spare);
      const tableTop = firstNew + spare;

      // first all table rows, one sync per block, before anything is written next to the table (a write there
      // could widen the table, and rows.add needs exactly the table's column count)
      if (table && viaTable.length > 0) {
        const width = table.columns;
        const formats = Array.from({ length: width }, (_, c) => columnFormats[c] ?? "General");
        const cells = viaTable.map((r) => Array.from({ length: width }, (_, c) => r[c] ?? null));
        for (const { start, block } of this.prepareBlocks(cells, width, formats, true)) {
          if (this.supports("1.6")) ctx.application.suspendApiCalculationUntilNextSync();
          // null index = at the end (as in Office.js samples; the typings only say `index?: number`)
          table.table.rows.add(null as unknown as undefined, block.values);
          const top = tableTop + start;
          // new table rows take the formats of the row above (maybe a clerk's); set ours on every column
          this.queueColumnFormats(ws, top, block.values.length, formats, 0, true);
          if (block.formats) {
            const range = ws.getRangeByIndexes(top, 0, block.values.length, width);
            range.numberFormat = block.formats;
            range.untrack();
          }
          done += block.values.length;
          await flush();
        }
      }

      const extra =
        table && plan.header.length > table.columns
          ? viaTable.map((r) => r.slice(table.columns, plan.header.length))
          : [];
      const extraHasValues = extra.some((r) => r.some((c) => c !== null && c !== undefined));
      // nothing but table rows: they are all written already
      if (
        table &&
        viaTable.length > 0 &&
        plan.newHeaderCells.length === 0 &&
        runs.length === 0 &&
        viaRange.length === 0 &&
        !extraHasValues
      )
        return;

      if (this.supports("1.6")) ctx.application.suspendApiCalculationUntilNextSync();
      for (const h of plan.newHeaderCells) {
        const cell = ws.getRangeByIndexes(0, h.col, 1, 1);
        cell.values = [[toExcelInput(h.text, "General")]];
        cell.format.font.bold = true;
        if (!table) cell.format.fill.color = HEADER_FILL;
        cell.untrack();
      }
      for (const run of runs) {
        const cells = Array.from({ length: run.r2 - run.r1 + 1 }, (_, i) => [
          byCell.get(`${run.r1 + i}:${run.c}`) ?? null,
        ]);
        const [{ block }] = this.prepareBlocks(cells, 1, [columnFormats[run.c]]);
        if (pendingBytes + block.bytes > this.payloadTarget) await flush();
        this.queueBlock(ws, run.r1 + 1, run.c, block);
        pendingBytes += block.bytes + CALL_OVERHEAD;
        done += 1;
      }
      const queueRows = async (rowsToWrite: OutCell[][], top: number, left: number, countsAsRows: boolean) => {
        const formats = columnFormats.slice(left);
        this.queueColumnFormats(ws, top, rowsToWrite.length, formats, left);
        for (const { start, block } of this.prepareBlocks(rowsToWrite, formats.length, formats)) {
          if (pendingBytes + block.bytes > this.payloadTarget) await flush();
          this.queueBlock(ws, top + start, left, block);
          pendingBytes += block.bytes;
          if (countsAsRows) done += block.values.length;
        }
      };
      if (viaRange.length > 0) await queueRows(viaRange, firstNew, 0, true);
      // columns right of the table (a header added since the table was made): written like the rest of the sheet
      if (table && extraHasValues) await queueRows(extra, tableTop, table.columns, false);
      await flush();
    });
  }

  /**
   * Turn the freshly written table-like sheet (header + rows from A1) into an Excel table with a name and a style.
   * If Excel refuses, the sheet gets the plain look instead (bold header with a fill, a filter): the rows are there.
   */
  private async makeTable(sheet: string, rowCount: number, columnCount: number): Promise<void> {
    const name = tableNameFor(sheet);
    try {
      await this.run(async (ctx) => {
        const ws = ctx.workbook.worksheets.getItem(sheet);
        const taken = ctx.workbook.tables.getItemOrNullObject(name); // ExcelApi 1.4
        await ctx.sync();
        const table = ws.tables.add(ws.getRangeByIndexes(0, 0, rowCount, columnCount), true);
        // table names are unique in a workbook: if ours is taken (a copied register), Excel's default stays
        if (taken.isNullObject) table.name = name;
        table.style = TABLE_STYLE;
        await ctx.sync();
      });
    } catch (err) {
      if (isAbortError(err)) throw err;
      await this.run(async (ctx) => {
        const ws = ctx.workbook.worksheets.getItem(sheet);
        const header = ws.getRangeByIndexes(0, 0, 1, columnCount);
        header.format.font.bold = true;
        header.format.fill.color = HEADER_FILL;
        ws.autoFilter.apply(ws.getRangeByIndexes(0, 0, rowCount, columnCount));
        await ctx.sync();
      });
    }
  }

  /** The sheet's table whose header starts at A1, with its size (two syncs when the sheet has tables, else one). */
  private async findTableAtA1(
    ctx: Excel.RequestContext,
    ws: Excel.Worksheet,
  ): Promise<{ table: Excel.Table; columns: number; bottom: number } | null> {
    const tables = ws.tables;
    tables.load("items/name");
    await ctx.sync();
    if (tables.items.length === 0) return null;
    const probes = tables.items.map((table) => {
      const range = table.getRange();
      range.load("rowIndex,columnIndex,rowCount,columnCount");
      return { table, range };
    });
    await ctx.sync();
    const hit = probes.find((p) => p.range.rowIndex === 0 && p.range.columnIndex === 0);
    return hit ? { table: hit.table, columns: hit.range.columnCount, bottom: hit.range.rowCount - 1 } : null;
  }

  // ---------- marks ----------

  async markCells(sheet: string, marks: CellMark[], options: OperationOptions = {}): Promise<void> {
    throwIfAborted(options.signal);
    const merged = mergeMarks(marks.filter((m) => m.sheet === sheet || !m.sheet));
    const notes = this.supports("1.18");
    await this.run(async (ctx) => {
      const readMeta = this.queueMetaRead(ctx);
      const ws = ctx.workbook.worksheets.getItemOrNullObject(sheet);
      await ctx.sync();
      if (ws.isNullObject || sheet === META_SHEET) throw sheetNotFoundError(sheet);
      const state = readMeta();
      const meta = state.meta;
      // undo our previous marks first, so their colours are not taken for the user's fills
      await this.restoreMarks(ctx, ws, meta.marks[sheet] ?? [], notes);
      throwIfAborted(options.signal);

      // the fills and notes the marked cells have now (one small proxy per cell, in few syncs)
      const records: MarkRecord[] = [];
      const perCellBytes = CALL_OVERHEAD * (notes ? 4 : 2) + 60;
      const chunk = Math.max(1, Math.floor(this.payloadTarget / perCellBytes));
      for (let i = 0; i < merged.length; i += chunk) {
        const part = merged.slice(i, i + chunk);
        const probes = part.map((m) => {
          const addr = cellAddress(m.row, m.col);
          const range = ws.getRange(addr);
          range.format.fill.load("color");
          const note = notes ? ws.notes.getItemOrNullObject(addr) : null;
          note?.load("content");
          return { m, range, note };
        });
        await ctx.sync();
        for (const p of probes) {
          const color = p.range.format.fill.color;
          records.push({
            r: p.m.row,
            c: p.m.col,
            fill: color && color.toUpperCase() !== "#FFFFFF" ? color.toUpperCase() : null,
            note: p.note && !p.note.isNullObject ? p.note.content : null,
            mark: MARK_FILL[p.m.severity],
            text: notes ? p.m.note : undefined,
          });
          p.range.untrack();
        }
        options.onProgress?.({
          done: Math.min(merged.length, i + chunk),
          total: merged.length * 2,
          stage: `Пометки на листе «${sheet}»`,
        });
        throwIfAborted(options.signal);
      }

      // paint: one RangeAreas per colour (address lists kept short), notes per cell
      const bySeverity = new Map<string, { r: number; c: number }[]>();
      for (const m of merged)
        (
          bySeverity.get(MARK_FILL[m.severity]) ?? bySeverity.set(MARK_FILL[m.severity], []).get(MARK_FILL[m.severity])!
        ).push({ r: m.row, c: m.col });
      for (const [color, cells] of bySeverity)
        for (const list of addressLists(cellRuns(cells))) this.areas(ws, list).format.fill.color = color;
      let pending = 0;
      for (let i = 0; i < merged.length; i++) {
        const m = merged[i];
        if (!notes) break;
        const addr = cellAddress(m.row, m.col);
        if (records[i].note !== null) ws.notes.getItem(addr).content = m.note;
        else ws.notes.add(addr, m.note);
        pending += CALL_OVERHEAD + jsonSize(m.note) + addr.length;
        if (pending > this.payloadTarget) {
          await ctx.sync();
          pending = 0;
        }
      }
      if (records.length > 0) meta.marks[sheet] = records;
      else delete meta.marks[sheet];
      this.queueMetaWrite(ctx, meta, state);
      await ctx.sync();
      options.onProgress?.({ done: merged.length * 2, total: merged.length * 2, stage: `Пометки на листе «${sheet}»` });
    });
  }

  /** RangeAreas for an address list (ExcelApi 1.9), or a plain range for a single area. */
  private areas(ws: Excel.Worksheet, list: string): { format: { fill: { color: string; clear(): void } } } {
    return list.includes(",") ? ws.getRanges(list) : ws.getRange(list);
  }

  /**
   * Put back the fills and notes recorded when we marked the cells — only where the cell still shows our mark
   * (a fill or note the user changed since is theirs now). Two syncs: look, then restore.
   */
  private async restoreMarks(
    ctx: Excel.RequestContext,
    ws: Excel.Worksheet,
    records: MarkRecord[],
    notes: boolean,
  ): Promise<void> {
    if (records.length === 0) return;
    const probes = records.map((rec) => {
      const addr = cellAddress(rec.r, rec.c);
      const range = ws.getRange(addr);
      range.format.fill.load("color");
      const note = notes ? ws.notes.getItemOrNullObject(addr) : null;
      note?.load("content");
      return { rec, range, note };
    });
    await ctx.sync();
    const byFill = new Map<string | null, { r: number; c: number }[]>();
    for (const { rec, range } of probes) {
      const current = (range.format.fill.color ?? "").toUpperCase();
      range.untrack();
      if (rec.mark && current !== rec.mark) continue;
      const key = typeof rec.fill === "string" ? rec.fill : null;
      (byFill.get(key) ?? byFill.set(key, []).get(key)!).push({ r: rec.r, c: rec.c });
    }
    for (const [color, cells] of byFill)
      for (const list of addressLists(cellRuns(cells))) {
        const target = this.areas(ws, list);
        if (color === null) target.format.fill.clear();
        else target.format.fill.color = color;
      }
    for (const { rec, note } of probes) {
      if (!note || note.isNullObject) continue;
      if (rec.text !== undefined && note.content !== rec.text) continue; // the user edited our note: keep it
      if (typeof rec.note === "string" && rec.note) note.content = rec.note;
      else note.delete();
    }
    await ctx.sync();
  }

  async clearMarks(sheet?: string): Promise<void> {
    const notes = this.supports("1.18");
    await this.run(async (ctx) => {
      const readMeta = this.queueMetaRead(ctx);
      await ctx.sync();
      const state = readMeta();
      const meta = state.meta;
      const names = sheet ? [sheet] : Object.keys(meta.marks);
      for (const name of names) {
        const records = meta.marks[name];
        if (!records) continue;
        const ws = ctx.workbook.worksheets.getItemOrNullObject(name);
        await ctx.sync();
        if (!ws.isNullObject) await this.restoreMarks(ctx, ws, records, notes);
        delete meta.marks[name];
      }
      this.queueMetaWrite(ctx, meta, state);
      await ctx.sync();
    });
  }

  // ---------- navigation, settings ----------

  async selectCell(sheet: string, row: number, col: number): Promise<void> {
    await this.run(async (ctx) => {
      const ws = ctx.workbook.worksheets.getItemOrNullObject(sheet);
      await ctx.sync();
      if (ws.isNullObject) throw sheetNotFoundError(sheet);
      ws.activate();
      ws.getRange(`${columnLetter(col)}${row + 1}`).select();
      await ctx.sync();
    });
  }

  async readSettings(): Promise<Record<string, unknown>> {
    return (await this.loadMeta()).settings;
  }

  async writeSettings(settings: Record<string, unknown>): Promise<void> {
    await this.run(async (ctx) => {
      const readMeta = this.queueMetaRead(ctx);
      await ctx.sync();
      const state = readMeta();
      state.meta.settings = { ...settings };
      this.queueMetaWrite(ctx, state.meta, state);
      await ctx.sync();
    });
  }
}

/** A grid that starts below/right of A1 padded so row 0 / col 0 are the sheet's first row / column. */
function padToA1(grid: SheetGrid): SheetGrid {
  if (grid.top === 0 && grid.left === 0) return grid;
  const pad = <T>(rows: T[][], fill: T): T[][] => [
    ...Array.from({ length: grid.top }, () => Array<T>(grid.left + (rows[0]?.length ?? 0)).fill(fill)),
    ...rows.map((r) => [...Array<T>(grid.left).fill(fill), ...r]),
  ];
  return {
    ...grid,
    top: 0,
    left: 0,
    values: pad(grid.values, null),
    text: pad(grid.text, ""),
    numberFormat: pad(grid.numberFormat, "General"),
  };
}

/** Per column, the format of its last non-empty cell in the first block (the data rows' format, not the title's). */
function dataColumnFormats(values: unknown[][], formats: string[][], cols: number): string[] {
  const out = new Array<string>(cols).fill("General");
  for (let c = 0; c < cols; c++) {
    for (let r = values.length - 1; r >= 0; r--) {
      if (values[r][c] !== "" && values[r][c] !== null) {
        out[c] = formats[r][c];
        break;
      }
    }
  }
  return out;
}

/** «14.02.1981», «14.02.81», «05.янв», «янв.24», «2024-01-31»: what Excel shows for a date-formatted number. */
const DATE_TEXT =
  /^(\d{1,2}[./-]\d{1,2}([./-]\d{2,4})?|\d{1,2}[./ -]?[а-яё]{3,}\.?([./ -]?\d{2,4})?|[а-яё]{3,}\.?[./ -]?\d{2,4}|\d{4}-\d{2}-\d{2})( \d{1,2}:\d{2}(:\d{2})?)?$/i;

/**
 * Number formats for cells read without them: a number shown as a date gets its column's date format (or
 * dd.mm.yyyy), any other number its column's format unless that is a date format; text keeps a text column's "@".
 */
function inferFormats(values: unknown[][], text: string[][], columnFormats: string[]): string[][] {
  return values.map((vr, r) =>
    vr.map((v, c) => {
      const col = columnFormats[c];
      if (typeof v === "number") {
        if (DATE_TEXT.test(text[r][c])) return isDateFormat(col) ? col : "dd.mm.yyyy";
        return isDateFormat(col) || col === "@" ? "General" : col;
      }
      if (typeof v === "string" && v !== "") return col === "@" ? "@" : "General";
      return col;
    }),
  );
}
