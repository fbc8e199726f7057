/**
 * Reading sheets: the sheet list, and a sheet's used range in blocks of rows sized by the measured response
 * payload, with number formats loaded for the first block and inferred below it.
 */
import type { CellValue, MergedArea, SheetGrid } from "../../domain/grid";
import { displayText, isDateFormat } from "../displayText";
import { META_SHEET } from "../common";
import { isAbortError, sheetNotFoundError, throwIfAborted } from "../errors";
import type { OperationOptions, SheetInfo } from "../port";
import { parseAddressList } from "./addresses";
import { INITIAL_READ_BYTES_PER_CELL, MAX_CELLS_PER_READ, jsonSize, type ExcelEnv } from "./env";
import { queueMetaRead } from "./meta";

export async function listSheets(env: ExcelEnv): Promise<SheetInfo[]> {
  return env.run(async (ctx) => {
    const sheets = ctx.workbook.worksheets;
    sheets.load("items/name,items/visibility");
    const readMeta = queueMetaRead(ctx);
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

export async function readSheet(
  env: ExcelEnv,
  sheet: string,
  options: OperationOptions & { range?: string } = {},
): Promise<SheetGrid> {
  throwIfAborted(options.signal);
  return env.run(async (ctx) => {
    const geometry = async (withMerges: boolean) => {
      const ws = ctx.workbook.worksheets.getItemOrNullObject(sheet);
      const target = options.range ? ws.getRange(options.range) : ws.getUsedRangeOrNullObject(true);
      target.load("rowIndex,columnIndex,rowCount,columnCount");
      const merged = withMerges ? target.getMergedAreasOrNullObject() : null;
      merged?.load("address");
      await ctx.sync();
      return { ws, target, merged };
    };
    // merged areas ride along with the geometry; when Excel refuses them (over 512 areas) the geometry is read
    // again alone and the merges of the top rows are tried on their own
    let read: Awaited<ReturnType<typeof geometry>>;
    try {
      read = await geometry(env.supports("1.13"));
    } catch (err) {
      if ((err as { code?: string }).code === "ItemNotFound") throw sheetNotFoundError(sheet);
      const code = (err as { code?: string }).code ?? "";
      if (!env.supports("1.13") || isAbortError(err) || NOT_ABOUT_MERGES.includes(code)) throw err;
      read = await geometry(false);
    }
    const { ws, target, merged } = read;
    if (ws.isNullObject || sheet === META_SHEET) throw sheetNotFoundError(sheet);
    if (target.isNullObject) return { sheet, top: 0, left: 0, values: [], text: [], numberFormat: [], merges: [] };
    const area = { top: target.rowIndex, left: target.columnIndex, rows: target.rowCount, cols: target.columnCount };
    const grid: SheetGrid = { sheet, top: area.top, left: area.left, values: [], text: [], numberFormat: [] };
    if (merged) grid.merges = merged.isNullObject ? [] : parseAddressList(merged.address);
    else if (env.supports("1.13")) {
      const top = await readHeaderMerges(ctx, ws, area);
      grid.merges = top ?? [];
      // the user must hear that merges below the top rows (or all of them) were not read
      if (!top || area.rows > HEADER_ROWS) grid.mergesUnavailable = { fromRow: top ? area.top + HEADER_ROWS : 0 };
    } else grid.merges = [];
    target.untrack();
    await readBlocks(env, ctx, ws, area, grid, options);
    return grid;
  });
}

/** Errors that say nothing about the merged areas: no retry without them. */
const NOT_ABOUT_MERGES = ["InvalidOperationInCellEditMode", "AccessDenied", "RequestPayloadSizeLimitExceeded"];

/** Rows of a sheet's top whose merged areas are read when the whole range has too many (headers, titles). */
const HEADER_ROWS = 200;

/** Merged areas of the top rows alone (headers and titles, where merges matter), or null when Excel refuses. */
async function readHeaderMerges(
  ctx: Excel.RequestContext,
  ws: Excel.Worksheet,
  area: { top: number; left: number; rows: number; cols: number },
): Promise<MergedArea[] | null> {
  const merged = ws
    .getRangeByIndexes(area.top, area.left, Math.min(area.rows, HEADER_ROWS), area.cols)
    .getMergedAreasOrNullObject();
  merged.load("address");
  try {
    await ctx.sync();
    return merged.isNullObject ? [] : parseAddressList(merged.address);
  } catch (err) {
    if (isAbortError(err)) throw err;
    return null;
  }
}

/** The used range's cells into `grid`, one sync per block of rows. */
async function readBlocks(
  env: ExcelEnv,
  ctx: Excel.RequestContext,
  ws: Excel.Worksheet,
  area: { top: number; left: number; rows: number; cols: number },
  grid: SheetGrid,
  options: OperationOptions,
): Promise<void> {
  const { top, left, rows, cols } = area;
  let bytesPerRow = INITIAL_READ_BYTES_PER_CELL * cols;
  let done = 0;
  // Number formats are a third of a read's payload. They are loaded for the first block (titles, headers and
  // the first few thousand rows); below it they are inferred per cell from what the cell shows (see inferFormats),
  // which is all the domain needs them for: telling a date from a number, and a text cell from a number.
  let columnFormats: string[] | null = null;
  while (done < rows) {
    throwIfAborted(options.signal);
    const n = Math.max(
      1,
      Math.min(rows - done, Math.floor(env.readTarget / bytesPerRow), Math.floor(MAX_CELLS_PER_READ / cols)),
    );
    const block = ws.getRangeByIndexes(top + done, left, n, cols);
    const withFormats = columnFormats === null;
    block.load(withFormats ? "values,text,numberFormat" : "values,text");
    try {
      await ctx.sync();
    } catch (err) {
      // a response over the limit: halve the block and retry
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
    appendRows(grid, values, text, formats, cols);
    // refine the estimate from what actually came back (+2%: ledger rows are alike; a miss is retried smaller)
    const measured = jsonSize(values) + jsonSize(text) + (withFormats ? jsonSize(formats) : 0);
    bytesPerRow = Math.max(1, (measured / n) * 1.02);
    done += n;
    options.onProgress?.({ done, total: rows, stage: `Чтение листа «${grid.sheet}»` });
  }
}

/** A block's rows into the grid: "" as null, "#####" (a too narrow column) as the text a wide column shows. */
function appendRows(grid: SheetGrid, values: unknown[][], text: string[][], formats: string[][], cols: number): void {
  for (let i = 0; i < values.length; i++) {
    const vr = values[i];
    const tr = text[i];
    const out: CellValue[] = new Array(cols);
    for (let c = 0; c < cols; c++) {
      const v = vr[c] === "" ? null : (vr[c] as CellValue);
      out[c] = v;
      if (typeof v === "number" && tr[c].startsWith("#") && /^#+$/.test(tr[c])) tr[c] = displayText(v, formats[i][c]);
    }
    grid.values.push(out);
    grid.text.push(tr);
    grid.numberFormat.push(formats[i]);
  }
}

/** A grid that starts below/right of A1 padded so row 0 / col 0 are the sheet's first row / column. */
export function padToA1(grid: SheetGrid): SheetGrid {
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
