/**
 * Table-like own sheets (the court-work register) as real Excel tables (ListObjects, ExcelApi 1.1): created on the
 * final sheet after the swap, grown so the clerk's filters, sorting and styles follow; rows the clerk keeps are
 * updated only in the add-in's own columns (planUpsert).
 */
import type { CellValue } from "../../domain/grid";
import {
  FORMAT_CODES,
  assertOwnSheetName,
  gridToTableRows,
  planUpsert,
  type AddinMeta,
  type UpsertPlan,
} from "../common";
import { WorkbookError, foreignSheetError, isAbortError, throwIfAborted } from "../errors";
import type { OperationOptions, OutCell, TableRow, TableSpec } from "../port";
import { cellRuns, type CellRun } from "./addresses";
import { HEADER_FILL, TABLE_STYLE, suspendCalculation, type ExcelEnv } from "./env";
import { queueMetaRead } from "./meta";
import { writeOwnSheets } from "./ownSheet";
import { padToA1, readSheet } from "./readSheet";
import { toExcelInput, prepareBlocks, queueBlock, queueColumnFormats } from "./writeBlocks";

/**
 * Excel table name for a sheet: «Реестр взыскания» → «РеестрВзыскания». Excel's rules: a letter or "_" first, then
 * letters (Cyrillic too — Russian Excel names tables «Таблица1»), digits, "_", "."; no spaces; not a cell address.
 */
export function tableNameFor(sheet: string): string {
  const words = sheet.split(/[^\p{L}\p{N}_]+/u).filter(Boolean);
  const name = words.map((w, i) => (i === 0 ? w : w[0].toUpperCase() + w.slice(1))).join("");
  return /^[\p{L}_]/u.test(name) && !/^[A-Za-z]{1,3}\d+$|^[RrCc]$|^[Rr]\d*[Cc]\d*$/.test(name) ? name : `_${name}`;
}

export async function readTable(env: ExcelEnv, spec: TableSpec): Promise<TableRow[] | null> {
  const existing = await readExisting(env, spec.sheet);
  return existing === null ? null : gridToTableRows(existing);
}

/** A table this small («Журнал сверок», a young register) is read in one request once its size is known. */
const SMALL_TABLE_CELLS = 20_000;

/**
 * The sheet's cells from A1, or null when there is no such sheet: its size first (`withFirst` queues more into that
 * request — the metadata, the table name — and receives it after the sync), then a small sheet in one request, a
 * bigger one in blocks like any other.
 */
async function readExisting(
  env: ExcelEnv,
  sheet: string,
  options: OperationOptions = {},
  withFirst?: (ctx: Excel.RequestContext) => () => void,
): Promise<CellValue[][] | null> {
  const small = await env.run(async (ctx) => {
    const after = withFirst?.(ctx);
    const ws = ctx.workbook.worksheets.getItemOrNullObject(sheet);
    const used = ws.getUsedRangeOrNullObject(true);
    used.load("rowIndex,columnIndex,rowCount,columnCount");
    await ctx.sync();
    after?.();
    if (ws.isNullObject) return null;
    if (used.isNullObject) return [];
    const bottom = used.rowIndex + used.rowCount;
    const right = used.columnIndex + used.columnCount;
    if (bottom * right > SMALL_TABLE_CELLS) return undefined;
    throwIfAborted(options.signal);
    const cells = ws.getRangeByIndexes(0, 0, bottom, right);
    cells.load("values");
    await ctx.sync();
    return cells.values.map((r) => r.map((v) => (v === "" ? null : (v as CellValue))));
  });
  if (small !== undefined) return small;
  try {
    return padToA1(await readSheet(env, sheet, { signal: options.signal })).values;
  } catch (err) {
    if (err instanceof WorkbookError && err.code === "sheet-not-found") return null;
    throw err;
  }
}

export async function upsertTableRows(
  env: ExcelEnv,
  spec: TableSpec,
  rows: TableRow[],
  options: OperationOptions = {},
): Promise<void> {
  throwIfAborted(options.signal);
  assertOwnSheetName(spec.sheet);
  // one request: the metadata, whether the table's name is free, the sheet's size and (when small) its cells
  let meta: AddinMeta | null = null;
  let nameFree: boolean | undefined;
  const existing = await readExisting(env, spec.sheet, options, (ctx) => {
    const readMeta = queueMetaRead(ctx);
    const name = tableNameFor(spec.sheet);
    const taken = ctx.workbook.tables.getItemOrNullObject(name); // ExcelApi 1.4
    const definedName = ctx.workbook.names.getItemOrNullObject(name); // ExcelApi 1.4
    return () => {
      meta = readMeta().meta;
      nameFree = taken.isNullObject && definedName.isNullObject;
    };
  });
  if (existing === null) return createRegister(env, spec, rows, options, nameFree);
  if (!meta!.ownedSheets.includes(spec.sheet)) throw foreignSheetError(spec.sheet);
  const plan = planUpsert(spec, existing, rows);
  const columnFormats = plan.header.map((h) => {
    const f = spec.formats?.[h];
    return f ? FORMAT_CODES[f] : "General";
  });
  await env.run(async (ctx) => {
    const writer = new RegisterWriter(env, ctx, ctx.workbook.worksheets.getItem(spec.sheet), spec.sheet, options);
    writer.columnFormats = columnFormats;
    await writer.write(plan, existing.length);
  });
}

/** A new register: an own sheet with the header and the rows, then made an Excel table. */
async function createRegister(
  env: ExcelEnv,
  spec: TableSpec,
  rows: TableRow[],
  options: OperationOptions,
  nameFree?: boolean,
) {
  const plan = planUpsert(spec, [spec.columns], rows);
  await writeOwnSheets(
    env,
    [
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
    ],
    options,
  );
  await makeTable(env, spec.sheet, plan.appended.length + 1, plan.header.length, nameFree);
}

/**
 * Request bytes of one small update (a range by indexes and its values) besides the values, as the real Office.js
 * library serializes it with six-digit ids (measured in test/contract/realRequestSizes.test.ts: 10 000 updates
 * weighed 3.7 MB), plus 10 %.
 */
const UPDATE_OVERHEAD = 410;

/** One upsert's writes into an existing register, batched by request size, with progress and cancel. */
class RegisterWriter {
  columnFormats: string[] = [];
  private pendingBytes = 0;
  private done = 0;
  private total = 0;

  constructor(
    private readonly env: ExcelEnv,
    private readonly ctx: Excel.RequestContext,
    private readonly ws: Excel.Worksheet,
    private readonly sheet: string,
    private readonly options: OperationOptions,
  ) {}

  private async flush(): Promise<void> {
    await this.ctx.sync();
    this.pendingBytes = 0;
    this.options.onProgress?.({ done: this.done, total: this.total, stage: `Реестр «${this.sheet}»` });
    throwIfAborted(this.options.signal);
  }

  async write(plan: UpsertPlan, existingRows: number): Promise<void> {
    const firstNew = Math.max(existingRows, 1);
    // updates: vertical runs per column, each written as one small block
    const byCell = new Map(plan.updates.map((u) => [`${u.row}:${u.col}`, u.cell] as const));
    const runs = cellRuns(plan.updates.map((u) => ({ r: u.row, c: u.col })));
    this.total = runs.length + plan.appended.length;
    // the register's table, when it starts at A1 and reaches the last used row; otherwise append below the
    // range as before (an older register, or the clerk converted the table back to a range)
    const found = await findTableAtA1(this.ctx, this.ws);
    const table = found && found.bottom >= existingRows - 1 ? found : null;
    // empty rows at the end of the table (a table always has a data row) are filled first, then the table grows
    const spare = table ? Math.min(plan.appended.length, table.bottom - (existingRows - 1)) : plan.appended.length;
    const viaRange = plan.appended.slice(0, spare);
    const viaTable = plan.appended.slice(spare);
    const tableTop = firstNew + spare;

    // first all table rows, one sync per block, before anything is written next to the table (a write there
    // could widen the table, and rows.add needs exactly the table's column count)
    if (table && viaTable.length > 0) await this.addTableRows(table, viaTable, tableTop);

    const extra =
      table && plan.header.length > table.columns
        ? viaTable.map((r) => r.slice(table.columns, plan.header.length))
        : [];
    const extraHasValues = extra.some((r) => r.some((c) => c !== null && c !== undefined));
    // nothing but table rows: they are all written already
    const onlyTableRows =
      plan.newHeaderCells.length === 0 && runs.length === 0 && viaRange.length === 0 && !extraHasValues;
    if (table && viaTable.length > 0 && onlyTableRows) return;

    suspendCalculation(this.env, this.ctx);
    this.queueHeaderCells(plan.newHeaderCells, !!table);
    await this.queueUpdates(runs, byCell);
    if (viaRange.length > 0) await this.queueRows(viaRange, firstNew, 0, true);
    // columns right of the table (a header added since the table was made): written like the rest of the sheet
    if (table && extraHasValues) await this.queueRows(extra, tableTop, table.columns, false);
    await this.flush();
  }

  /**
   * New table rows, one sync per block. Written directly below the table, which grows over them by itself, as
   * Microsoft recommends: TableRowCollection.add shows co-authors a yellow bar and may lose their recent changes,
   * and repeated adds degrade. With a Total row on, rows.add is kept: it puts the rows above the Total row.
   */
  private async addTableRows(table: FoundTable, rows: OutCell[][], tableTop: number): Promise<void> {
    const width = table.columns;
    const formats = Array.from({ length: width }, (_, c) => this.columnFormats[c] ?? "General");
    const cells = rows.map((r) => Array.from({ length: width }, (_, c) => r[c] ?? null));
    // each block's request also sets the format of every column (a range and a property each)
    const budget = Math.max(UPDATE_OVERHEAD, this.env.payloadTarget - width * UPDATE_OVERHEAD);
    for (const { start, block } of prepareBlocks(cells, width, formats, budget, table.totals)) {
      suspendCalculation(this.env, this.ctx);
      const top = tableTop + start;
      if (table.totals) {
        // null index = at the end (as in Office.js samples; the typings only say `index?: number`)
        table.table.rows.add(null as unknown as undefined, block.values);
        // new table rows take the formats of the row above (maybe a clerk's); set ours on every column
        queueColumnFormats(this.ws, top, block.values.length, formats, 0, true);
        if (block.formats) {
          const range = this.ws.getRangeByIndexes(top, 0, block.values.length, width);
          range.numberFormat = block.formats;
          range.untrack();
        }
      } else {
        // our formats first (the table would copy the row above's), then the values
        queueColumnFormats(this.ws, top, block.values.length, formats, 0, true);
        queueBlock(this.ws, top, 0, block);
      }
      this.done += block.values.length;
      await this.flush();
    }
  }

  /** Header cells for columns the register did not have yet (bold; with a fill where no table style draws it). */
  private queueHeaderCells(cells: { col: number; text: string }[], inTable: boolean): void {
    for (const h of cells) {
      const cell = this.ws.getRangeByIndexes(0, h.col, 1, 1);
      cell.values = [[toExcelInput(h.text, "General")]];
      cell.format.font.bold = true;
      if (!inTable) cell.format.fill.color = HEADER_FILL;
      cell.untrack();
    }
  }

  /** Updated cells of existing rows, a block per vertical run. */
  private async queueUpdates(runs: CellRun[], byCell: Map<string, OutCell>): Promise<void> {
    for (const run of runs) {
      const cells = Array.from({ length: run.r2 - run.r1 + 1 }, (_, i) => [
        byCell.get(`${run.r1 + i}:${run.c}`) ?? null,
      ]);
      const [{ block }] = prepareBlocks(cells, 1, [this.columnFormats[run.c]], this.env.payloadTarget);
      const bytes = block.bytes + UPDATE_OVERHEAD;
      if (this.pendingBytes + bytes > this.env.payloadTarget) await this.flush();
      queueBlock(this.ws, run.r1 + 1, run.c, block);
      this.pendingBytes += bytes;
      this.done += 1;
    }
  }

  /** Rows written as plain ranges at (top, left), with column formats. */
  private async queueRows(rows: OutCell[][], top: number, left: number, countsAsRows: boolean): Promise<void> {
    const formats = this.columnFormats.slice(left);
    queueColumnFormats(this.ws, top, rows.length, formats, left);
    for (const { start, block } of prepareBlocks(rows, formats.length, formats, this.env.payloadTarget)) {
      if (this.pendingBytes + block.bytes > this.env.payloadTarget) await this.flush();
      queueBlock(this.ws, top + start, left, block);
      this.pendingBytes += block.bytes;
      if (countsAsRows) this.done += block.values.length;
    }
  }
}

/**
 * Turn the freshly written table-like sheet (header + rows from A1) into an Excel table with a name and a style.
 * The name is set only when no table and no defined name has it (they share one namespace; a copied register
 * keeps Excel's default name). Whatever fails after tables.add, the sheet ends consistent: the table that was made
 * stays (with our style where Excel takes it), or without a table the sheet gets the plain look (bold header with a
 * fill, a filter). The rows are written before: a failure here never fails the upsert.
 */
async function makeTable(
  env: ExcelEnv,
  sheet: string,
  rowCount: number,
  columnCount: number,
  /** Whether the name is free, when the caller has just asked (one round trip less). */
  nameFree?: boolean,
): Promise<void> {
  const name = tableNameFor(sheet);
  try {
    await env.run(async (ctx) => {
      const ws = ctx.workbook.worksheets.getItem(sheet);
      let free = nameFree;
      if (free === undefined) {
        const taken = ctx.workbook.tables.getItemOrNullObject(name); // ExcelApi 1.4
        const definedName = ctx.workbook.names.getItemOrNullObject(name); // ExcelApi 1.4
        await ctx.sync();
        free = taken.isNullObject && definedName.isNullObject;
      }
      const table = ws.tables.add(ws.getRangeByIndexes(0, 0, rowCount, columnCount), true);
      table.style = TABLE_STYLE;
      if (free) table.name = name;
      await ctx.sync();
    });
    return;
  } catch (err) {
    if (isAbortError(err)) throw err;
  }
  await settleTable(env, sheet, rowCount, columnCount);
}

/** After a failed makeTable: keep the table if Excel made it (styled if it will), else the plain look. */
async function settleTable(env: ExcelEnv, sheet: string, rowCount: number, columnCount: number): Promise<void> {
  try {
    const made = await env.run(async (ctx) => {
      const ws = ctx.workbook.worksheets.getItem(sheet);
      const found = await findTableAtA1(ctx, ws);
      if (found) return true;
      const header = ws.getRangeByIndexes(0, 0, 1, columnCount);
      header.format.font.bold = true;
      header.format.fill.color = HEADER_FILL;
      ws.autoFilter.apply(ws.getRangeByIndexes(0, 0, rowCount, columnCount));
      await ctx.sync();
      return false;
    });
    if (made)
      await env.run(async (ctx) => {
        const found = await findTableAtA1(ctx, ctx.workbook.worksheets.getItem(sheet));
        if (found) found.table.style = TABLE_STYLE;
        await ctx.sync();
      });
  } catch (err) {
    if (isAbortError(err)) throw err;
    // the rows are in place; only the look is missing
  }
}

interface FoundTable {
  table: Excel.Table;
  /** A Total row is on (the table's last row). */
  totals: boolean;
  columns: number;
  /** 0-based sheet row of the table's last row. */
  bottom: number;
}

/** The sheet's table whose header starts at A1, with its size (two syncs when the sheet has tables, else one). */
async function findTableAtA1(ctx: Excel.RequestContext, ws: Excel.Worksheet): Promise<FoundTable | null> {
  const tables = ws.tables;
  tables.load("items/name,items/showTotals");
  await ctx.sync();
  if (tables.items.length === 0) return null;
  const probes = tables.items.map((table) => {
    const range = table.getRange();
    range.load("rowIndex,columnIndex,rowCount,columnCount");
    return { table, range };
  });
  await ctx.sync();
  const hit = probes.find((p) => p.range.rowIndex === 0 && p.range.columnIndex === 0);
  return hit
    ? {
        table: hit.table,
        totals: hit.table.showTotals,
        columns: hit.range.columnCount,
        bottom: hit.range.rowCount - 1,
      }
    : null;
}
