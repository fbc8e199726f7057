/**
 * The add-in's metadata (owned sheets, pending temporary sheets, marks, settings) on its very hidden sheet: queued
 * reads and writes, so a caller can put them into the same sync as its own work.
 */
import { META_SHEET, decodeMeta, emptyMeta, encodeMeta, type AddinMeta } from "../common";
import type { ExcelEnv } from "./env";
import { toExcelInput } from "./writeBlocks";

/** What is on the metadata sheet now: the block written last time is cleared before the next write. */
export interface MetaState {
  rows: number;
  cols: number;
  exists: boolean;
}

/** Queue a read of the metadata sheet; call the returned function after sync. */
export function queueMetaRead(ctx: Excel.RequestContext): () => MetaState & { meta: AddinMeta } {
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

export async function loadMeta(env: ExcelEnv): Promise<AddinMeta> {
  return env.run(async (ctx) => {
    const read = queueMetaRead(ctx);
    await ctx.sync();
    return read().meta;
  });
}

/** Queue writing the metadata sheet (replacing the previous block of prev.rows × prev.cols). */
export function queueMetaWrite(ctx: Excel.RequestContext, meta: AddinMeta, prev: MetaState): MetaState {
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
