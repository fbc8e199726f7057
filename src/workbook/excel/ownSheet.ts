/**
 * Writing an own sheet safely: the rows go into a temporary sheet «… (запись…)», which is swapped in only after
 * the last block landed, so a failure leaves the previous complete output (or the clearly named temporary sheet).
 */
import { FORMAT_CODES, assertOwnSheetName, pendingSheetName, type AddinMeta } from "../common";
import { foreignSheetError, throwIfAborted } from "../errors";
import type { OperationOptions, OwnSheetContent, PrintSetup } from "../port";
import { chartsOverhead, queueCharts } from "./charts";
import { CALL_OVERHEAD, HEADER_FILL, POINTS_PER_CHAR, suspendCalculation, type ExcelEnv } from "./env";
import { queueMetaRead, writeMeta, type MetaState } from "./meta";
import { prepareBlocks, queueBlock, queueColumnFormats, splitBlock, type PreparedBlock } from "./writeBlocks";

export async function writeOwnSheet(
  env: ExcelEnv,
  content: OwnSheetContent,
  options: OperationOptions = {},
): Promise<void> {
  throwIfAborted(options.signal);
  const { tempName, width, columnFormats, blocks } = planSheet(content, env.payloadTarget);
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

/** One sheet of a batched write: its content, column formats and blocks of rows, prepared before Excel.run. */
interface SheetPlan {
  content: OwnSheetContent;
  tempName: string;
  width: number;
  columnFormats: string[];
  blocks: { start: number; block: PreparedBlock }[];
}

function planSheet(content: OwnSheetContent, target: number): SheetPlan {
  assertOwnSheetName(content.name);
  const width = Math.max(1, ...content.rows.map((r) => r.length), content.columns?.length ?? 0);
  const columnFormats = Array.from({ length: width }, (_, c) => {
    const f = content.columns?.[c]?.format;
    return f ? FORMAT_CODES[f] : "General";
  });
  const blocks = prepareBlocks(content.rows, width, columnFormats, target);
  return { content, tempName: pendingSheetName(content.name), width, columnFormats, blocks };
}

/** Request bytes of creating a temporary sheet with its column formats, and of its look and swap. */
const sheetOverhead = (p: SheetPlan) =>
  CALL_OVERHEAD * (2 * p.width + 12 + (p.content.headerRows?.length ?? 0) * 3) + chartsOverhead(p.content.charts);

/**
 * Several own sheets in one Excel.run: one sync reads the metadata and the names, then the temporary sheets, their
 * rows and the swaps are queued in as few syncs as the request size allows — several small sheets go in one. The
 * order inside a batch keeps writeOwnSheet's guarantee: every temporary sheet is recorded as pending before it is
 * created, a sheet is swapped in only after all its rows (Excel stops a batch at the first failing command), and
 * after a failure the temporary sheets are removed (or keep their «(запись…)» names, replaced on the next run).
 */
export async function writeOwnSheets(
  env: ExcelEnv,
  contents: OwnSheetContent[],
  options: OperationOptions = {},
): Promise<number> {
  throwIfAborted(options.signal);
  // one sheet per name (Excel compares names without case): a later content replaces an earlier one
  const byName = new Map(contents.map((c) => [c.name.toLowerCase(), c] as const));
  const plans = [...byName.values()].map((c) => planSheet(c, env.payloadTarget));
  if (plans.length === 0) return 0;
  const total = plans.reduce((a, p) => a + p.content.rows.length, 0);
  const created: string[] = [];
  try {
    await env.run(async (ctx) => {
      // 1: metadata and the names involved
      const readMeta = queueMetaRead(ctx);
      const found = plans.map((p) => {
        const existing = ctx.workbook.worksheets.getItemOrNullObject(p.content.name);
        existing.load("position,name");
        return { ...p, existing, staleTemp: ctx.workbook.worksheets.getItemOrNullObject(p.tempName) };
      });
      await ctx.sync();
      const metaState = readMeta();
      const meta = metaState.meta;
      for (const f of found) {
        if (!f.existing.isNullObject && !meta.ownedSheets.includes(f.existing.name))
          throw foreignSheetError(f.existing.name);
        if (!f.staleTemp.isNullObject && !meta.pendingSheets.includes(f.tempName)) throw foreignSheetError(f.tempName);
      }
      throwIfAborted(options.signal);

      // 2: the temporary sheets, recorded as pending first, with their column formats
      suspendCalculation(env, ctx);
      for (const f of found) if (!meta.pendingSheets.includes(f.tempName)) meta.pendingSheets.push(f.tempName);
      const metaSize = await writeMeta(ctx, meta, metaState, env.payloadTarget);
      let pending = CALL_OVERHEAD * 4 * found.length;
      const temps = found.map((f) => {
        if (!f.staleTemp.isNullObject) f.staleTemp.delete();
        const temp = ctx.workbook.worksheets.add(f.tempName);
        queueColumnFormats(temp, 0, f.content.rows.length, f.columnFormats);
        created.push(f.tempName);
        pending += sheetOverhead(f);
        return temp;
      });

      // the rows: each request filled up to the target — a block that does not fit is split, its first rows go
      // with what is queued, the rest opens the next request
      let done = 0;
      for (const [i, f] of found.entries()) {
        for (const { start, block } of f.blocks) {
          let rest: PreparedBlock | null = block;
          let at = start;
          while (rest) {
            const room = env.payloadTarget - pending - CALL_OVERHEAD * 4;
            const { head, tail } = splitBlock(rest, room, pending === 0);
            if (head) {
              queueBlock(temps[i], at, 0, head);
              pending += head.bytes + CALL_OVERHEAD * 4;
              done += head.values.length;
              at += head.values.length;
            }
            rest = tail;
            if (rest) {
              await ctx.sync();
              pending = 0;
              options.onProgress?.({ done, total, stage: "Запись листов" });
              throwIfAborted(options.signal);
              suspendCalculation(env, ctx);
            }
          }
        }
      }
      throwIfAborted(options.signal);

      // last: the look of every sheet, then claim the names, swap the sheets in and forget the temporary ones
      found.forEach((f, i) => {
        queueSheetLook(temps[i], f.content);
        if (f.content.print && env.supports("1.9"))
          queuePrintSetup(temps[i], f.content.print, f.content.rows.length, f.width);
      });
      for (const f of found) if (!meta.ownedSheets.includes(f.content.name)) meta.ownedSheets.push(f.content.name);
      const claimed = await writeMeta(ctx, meta, metaSize, env.payloadTarget, pending);
      found.forEach((f, i) => {
        if (!f.existing.isNullObject) {
          temps[i].position = f.existing.position;
          f.existing.delete();
        }
        temps[i].name = f.content.name;
      });
      const tempNames = new Set(found.map((f) => f.tempName));
      meta.pendingSheets = meta.pendingSheets.filter((n) => !tempNames.has(n));
      await writeMeta(ctx, meta, claimed, env.payloadTarget);
      await ctx.sync();
      options.onProgress?.({ done: total, total, stage: "Запись листов" });
    });
  } catch (err) {
    if (created.length > 0) await dropTempSheets(env, created);
    throw err;
  }
  return plans.length;
}

/** Header rows bold with a fill, column widths, frozen rows, charts. */
function queueSheetLook(temp: Excel.Worksheet, content: OwnSheetContent): void {
  queueCharts(temp, content.charts);
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
  // callers ask for ExcelApi 1.9 first, which always has the page layout
  const layout = sheet.pageLayout;
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
function dropTempSheet(env: ExcelEnv, tempName: string): Promise<void> {
  return dropTempSheets(env, [tempName]);
}

/** The temporary sheets of a failed write, removed in one batch where they are recorded as ours. */
async function dropTempSheets(env: ExcelEnv, tempNames: string[]): Promise<void> {
  try {
    await env.run(async (ctx) => {
      const readMeta = queueMetaRead(ctx);
      const temps = tempNames.map((n) => ctx.workbook.worksheets.getItemOrNullObject(n));
      await ctx.sync();
      const state = readMeta();
      temps.forEach((temp, i) => {
        if (!temp.isNullObject && state.meta.pendingSheets.includes(tempNames[i])) temp.delete();
      });
      state.meta.pendingSheets = state.meta.pendingSheets.filter((n) => !tempNames.includes(n));
      await writeMeta(ctx, state.meta, state, env.payloadTarget);
      await ctx.sync();
    });
  } catch {
    // the temporary sheets keep their «(запись…)» names: clearly incomplete, replaced on the next run
  }
}
