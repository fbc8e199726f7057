/**
 * The add-in's metadata (owned sheets, pending temporary sheets, marks, settings) on its very hidden sheet: a
 * queued read, so a caller can put it into the same sync as its own work, and a write that sends only the rows
 * that changed (the marks of a big ledger are megabytes; renaming a sheet must not resend them), split by request
 * size when a changed row is big.
 */
import { META_SHEET, decodeMeta, emptyMeta, encodeMeta, type AddinMeta } from "../common";
import { CALL_OVERHEAD, jsonSize, type ExcelEnv } from "./env";
import { toExcelInput } from "./writeBlocks";

/** What is on the metadata sheet now: its used size and its cells as text (to write only what changed). */
export interface MetaState {
  rows: number;
  cols: number;
  exists: boolean;
  cells?: string[][];
}

/** Queue a read of the metadata sheet; call the returned function after sync. */
export function queueMetaRead(ctx: Excel.RequestContext): () => MetaState & { meta: AddinMeta } {
  const ws = ctx.workbook.worksheets.getItemOrNullObject(META_SHEET);
  const used = ws.getUsedRangeOrNullObject(true);
  used.load("values,rowCount,columnCount,rowIndex,columnIndex");
  return () => {
    if (ws.isNullObject) return { meta: emptyMeta(), rows: 0, cols: 0, exists: false };
    if (used.isNullObject) return { meta: emptyMeta(), rows: 0, cols: 0, exists: true, cells: [] };
    const atA1 = used.rowIndex === 0 && used.columnIndex === 0;
    return {
      meta: decodeMeta(used.values.map((r) => r.map((v) => (v === "" ? null : v)))),
      rows: used.rowIndex + used.rowCount,
      cols: used.columnIndex + used.columnCount,
      exists: true,
      cells: atA1 ? used.values.map((r) => r.map((v) => String(v))) : undefined,
    };
  };
}

export async function loadMeta(env: ExcelEnv): Promise<AddinMeta> {
  return env.run(async (ctx) => {
    const read = queueMetaRead(ctx);
    await ctx.sync();
    return read().meta;
  });
}

/**
 * Write the metadata: the rows that differ from `prev.cells` (all rows when the previous cells are unknown), each
 * over the full width so no old piece is left behind. Values always carry the apostrophe, so no piece of JSON is
 * ever taken for a number or a date whatever the cell's format. When the changed rows weigh more than `target`
 * bytes they go in slices with a sync between; the last slice is left queued for the caller's sync (so a small
 * change stays in the caller's batch, e.g. the sheet swap).
 */
export async function writeMeta(
  ctx: Excel.RequestContext,
  meta: AddinMeta,
  prev: MetaState,
  target: number,
  /** Bytes the caller has queued in this batch already. */
  queued = 0,
): Promise<MetaState> {
  let ws: Excel.Worksheet;
  if (prev.exists) ws = ctx.workbook.worksheets.getItem(META_SHEET);
  else {
    ws = ctx.workbook.worksheets.add(META_SHEET);
    ws.visibility = "VeryHidden" as Excel.SheetVisibility;
  }
  const block = encodeMeta(meta);
  const width = Math.max(block[0].length, prev.cols);
  const rows = Math.max(block.length, prev.rows);
  let pending = queued;
  for (let r = 0; r < rows; r++) {
    const next = block[r] ?? [];
    const old = prev.cells?.[r];
    if (old && next.length > 0 && sameRow(old, next)) continue;
    const cells = Array.from({ length: width }, (_, c) => toExcelInput(next[c] ? next[c] : null, "General"));
    for (const [from, to] of slices(cells, target)) {
      const bytes = jsonSize(cells.slice(from, to)) + CALL_OVERHEAD * 3;
      if (pending > 0 && pending + bytes > target) {
        await ctx.sync();
        pending = 0;
      }
      const range = ws.getRangeByIndexes(r, from, 1, to - from);
      range.values = [cells.slice(from, to)];
      pending += bytes;
    }
  }
  return { rows: block.length, cols: block[0].length, exists: true, cells: block };
}

/** Column ranges [from, to) of one row, each under `target` bytes. */
function slices(cells: (string | number | boolean)[], target: number): [number, number][] {
  const out: [number, number][] = [];
  let from = 0;
  let bytes = 0;
  cells.forEach((cell, c) => {
    const size = jsonSize(cell) + 1;
    if (c > from && bytes + size > target - CALL_OVERHEAD * 3) {
      out.push([from, c]);
      from = c;
      bytes = 0;
    }
    bytes += size;
  });
  out.push([from, cells.length]);
  return out;
}

function sameRow(old: string[], next: string[]): boolean {
  const n = Math.max(old.length, next.length);
  for (let c = 0; c < n; c++) if ((old[c] ?? "") !== (next[c] ?? "")) return false;
  return true;
}
