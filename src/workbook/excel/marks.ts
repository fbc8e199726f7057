/**
 * Marks on the user's cells (a fill colour per severity and a note with the explanation): what the cell had is
 * recorded in the metadata first, so «Снять пометки» puts it back — only where the cell still shows our mark.
 */
import { cellAddress } from "../../domain/grid";
import { MARK_FILL, META_SHEET, mergeMarks, type MarkRecord } from "../common";
import { sheetNotFoundError, throwIfAborted } from "../errors";
import type { CellMark, OperationOptions } from "../port";
import { addressLists, areas, cellRuns } from "./addresses";
import { CALL_OVERHEAD, jsonSize, type ExcelEnv } from "./env";
import { queueMetaRead, queueMetaWrite } from "./meta";

export async function markCells(
  env: ExcelEnv,
  sheet: string,
  marks: CellMark[],
  options: OperationOptions = {},
): Promise<void> {
  throwIfAborted(options.signal);
  const merged = mergeMarks(marks.filter((m) => m.sheet === sheet || !m.sheet));
  const notes = env.supports("1.18");
  await env.run(async (ctx) => {
    const readMeta = queueMetaRead(ctx);
    const ws = ctx.workbook.worksheets.getItemOrNullObject(sheet);
    await ctx.sync();
    if (ws.isNullObject || sheet === META_SHEET) throw sheetNotFoundError(sheet);
    const state = readMeta();
    const meta = state.meta;
    // undo our previous marks first, so their colours are not taken for the user's fills
    await restoreMarks(ctx, ws, meta.marks[sheet] ?? [], notes);
    throwIfAborted(options.signal);
    const records = await recordCells(env, ctx, ws, merged, notes, sheet, options);
    await paintMarks(env, ctx, ws, merged, records, notes);
    if (records.length > 0) meta.marks[sheet] = records;
    else delete meta.marks[sheet];
    queueMetaWrite(ctx, meta, state);
    await ctx.sync();
    options.onProgress?.({ done: merged.length * 2, total: merged.length * 2, stage: `Пометки на листе «${sheet}»` });
  });
}

/** The fills and notes the marked cells have now (one small proxy per cell, in few syncs). */
async function recordCells(
  env: ExcelEnv,
  ctx: Excel.RequestContext,
  ws: Excel.Worksheet,
  merged: CellMark[],
  notes: boolean,
  sheet: string,
  options: OperationOptions,
): Promise<MarkRecord[]> {
  const records: MarkRecord[] = [];
  const perCellBytes = CALL_OVERHEAD * (notes ? 4 : 2) + 60;
  const chunk = Math.max(1, Math.floor(env.payloadTarget / perCellBytes));
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
  return records;
}

/** Paint: one RangeAreas per colour (address lists kept short), notes per cell. */
async function paintMarks(
  env: ExcelEnv,
  ctx: Excel.RequestContext,
  ws: Excel.Worksheet,
  merged: CellMark[],
  records: MarkRecord[],
  notes: boolean,
): Promise<void> {
  const bySeverity = new Map<string, { r: number; c: number }[]>();
  for (const m of merged)
    (
      bySeverity.get(MARK_FILL[m.severity]) ?? bySeverity.set(MARK_FILL[m.severity], []).get(MARK_FILL[m.severity])!
    ).push({ r: m.row, c: m.col });
  for (const [color, cells] of bySeverity)
    for (const list of addressLists(cellRuns(cells))) areas(ws, list).format.fill.color = color;
  if (!notes) return;
  let pending = 0;
  for (let i = 0; i < merged.length; i++) {
    const m = merged[i];
    const addr = cellAddress(m.row, m.col);
    if (records[i].note !== null) ws.notes.getItem(addr).content = m.note;
    else ws.notes.add(addr, m.note);
    pending += CALL_OVERHEAD + jsonSize(m.note) + addr.length;
    if (pending > env.payloadTarget) {
      await ctx.sync();
      pending = 0;
    }
  }
}

/**
 * Put back the fills and notes recorded when we marked the cells — only where the cell still shows our mark
 * (a fill or note the user changed since is theirs now). Two syncs: look, then restore.
 */
async function restoreMarks(
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
      const target = areas(ws, list);
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

export async function clearMarks(env: ExcelEnv, sheet?: string): Promise<void> {
  const notes = env.supports("1.18");
  await env.run(async (ctx) => {
    const readMeta = queueMetaRead(ctx);
    await ctx.sync();
    const state = readMeta();
    const meta = state.meta;
    const names = sheet ? [sheet] : Object.keys(meta.marks);
    for (const name of names) {
      const records = meta.marks[name];
      if (!records) continue;
      const ws = ctx.workbook.worksheets.getItemOrNullObject(name);
      await ctx.sync();
      if (!ws.isNullObject) await restoreMarks(ctx, ws, records, notes);
      delete meta.marks[name];
    }
    queueMetaWrite(ctx, meta, state);
    await ctx.sync();
  });
}
