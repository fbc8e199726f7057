/**
 * Writing an own sheet safely: the rows go into a temporary sheet «… (запись…)», which is swapped in only after
 * the last block landed, so a failure leaves the previous complete output (or the clearly named temporary sheet).
 */
import { FORMAT_CODES, assertOwnSheetName, pendingSheetName, type AddinMeta } from "../common";
import { foreignSheetError, throwIfAborted } from "../errors";
import type { OperationOptions, OwnSheetContent, PrintSetup } from "../port";
import { HEADER_FILL, POINTS_PER_CHAR, suspendCalculation, type ExcelEnv } from "./env";
import { queueMetaRead, writeMeta, type MetaState } from "./meta";
import { prepareBlocks, queueBlock, queueColumnFormats } from "./writeBlocks";

export async function writeOwnSheet(
  env: ExcelEnv,
  content: OwnSheetContent,
  options: OperationOptions = {},
): Promise<void> {
  throwIfAborted(options.signal);
  assertOwnSheetName(content.name);
  const tempName = pendingSheetName(content.name);
  const width = Math.max(1, ...content.rows.map((r) => r.length), content.columns?.length ?? 0);
  const columnFormats = Array.from({ length: width }, (_, c) => {
    const f = content.columns?.[c]?.format;
    return f ? FORMAT_CODES[f] : "General";
  });
  const blocks = prepareBlocks(content.rows, width, columnFormats, env.payloadTarget);
  let tempCreated = false;
  try {
    await env.run(async (ctx) => {
      // 1: metadata and the names involved
      const readMeta = queueMetaRead(ctx);
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
      suspendCalculation(env, ctx);
      if (!meta.pendingSheets.includes(tempName)) meta.pendingSheets.push(tempName);
      const metaSize = await writeMeta(ctx, meta, metaState, env.payloadTarget);
      if (!staleTemp.isNullObject) staleTemp.delete();
      const temp = ctx.workbook.worksheets.add(tempName);
      queueColumnFormats(temp, 0, content.rows.length, columnFormats);
      tempCreated = true;
      await ctx.sync();

      // 3..: one sync per block of rows
      let done = 0;
      for (const { start, block } of blocks) {
        throwIfAborted(options.signal);
        suspendCalculation(env, ctx);
        queueBlock(temp, start, 0, block);
        await ctx.sync();
        done += block.values.length;
        options.onProgress?.({ done, total: content.rows.length, stage: `Запись листа «${content.name}»` });
      }
      throwIfAborted(options.signal);

      // last: formatting, then swap the complete sheet in and update the metadata
      queueSheetLook(temp, content);
      if (content.print && env.supports("1.9")) queuePrintSetup(temp, content.print, content.rows.length, width);
      await queueSwap(ctx, { temp, tempName, existing, name: content.name }, meta, metaSize, env.payloadTarget);
      await ctx.sync();
    });
  } catch (err) {
    if (tempCreated) await dropTempSheet(env, tempName);
    throw err;
  }
}

/** Header rows bold with a fill, column widths, frozen rows. */
function queueSheetLook(temp: Excel.Worksheet, content: OwnSheetContent): void {
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
}

/**
 * Page setup for printing (ExcelApi 1.9 pageLayout): A4, orientation, one page wide, header rows on every page;
 * wrapped text aligned to the top for a sheet of paragraphs (a plan's table).
 */
export function queuePrintSetup(sheet: Excel.Worksheet, print: PrintSetup, rows: number, width: number): void {
  const layout = sheet.pageLayout;
  if (!layout) return; // a host object without page layout (ExcelApi 1.9 always has it): print as Excel defaults
  layout.paperSize = "A4" as Excel.PaperType;
  layout.orientation = (print.landscape ? "Landscape" : "Portrait") as Excel.PageOrientation;
  // pages tall are left to Excel: 0 («automatic» in the file format) is not documented for Office.js
  if (print.fitToWidth) layout.zoom = { horizontalFitToPages: 1 };
  if (print.repeatRows) layout.setPrintTitleRows(`$${print.repeatRows[0] + 1}:$${print.repeatRows[1] + 1}`);
  if (print.wrapText && rows > 0) {
    const all = sheet.getRangeByIndexes(0, 0, rows, width);
    all.format.wrapText = true;
    all.format.verticalAlignment = "Top" as Excel.VerticalAlignment;
    all.untrack();
  }
}

/**
 * The complete temporary sheet takes the old sheet's place and name. In this order, a batch applied only in part
 * still leaves a state the next run can clean up: claim the name, replace the old sheet, then forget the
 * temporary one.
 */
async function queueSwap(
  ctx: Excel.RequestContext,
  sheets: { temp: Excel.Worksheet; tempName: string; existing: Excel.Worksheet; name: string },
  meta: AddinMeta,
  metaSize: MetaState,
  target: number,
): Promise<void> {
  const { temp, tempName, existing, name } = sheets;
  if (!meta.ownedSheets.includes(name)) meta.ownedSheets.push(name);
  const claimed = await writeMeta(ctx, meta, metaSize, target);
  if (!existing.isNullObject) {
    temp.position = existing.position;
    existing.delete();
  }
  temp.name = name;
  meta.pendingSheets = meta.pendingSheets.filter((n) => n !== tempName);
  await writeMeta(ctx, meta, claimed, target);
}

/** Best effort after a failed or cancelled write: remove the temporary sheet so no half output remains. */
async function dropTempSheet(env: ExcelEnv, tempName: string): Promise<void> {
  try {
    await env.run(async (ctx) => {
      const readMeta = queueMetaRead(ctx);
      const temp = ctx.workbook.worksheets.getItemOrNullObject(tempName);
      await ctx.sync();
      const state = readMeta();
      if (!temp.isNullObject && state.meta.pendingSheets.includes(tempName)) temp.delete();
      state.meta.pendingSheets = state.meta.pendingSheets.filter((n) => n !== tempName);
      await writeMeta(ctx, state.meta, state, env.payloadTarget);
      await ctx.sync();
    });
  } catch {
    // the temporary sheet keeps its «(запись…)» name: clearly incomplete, replaced on the next run
  }
}
