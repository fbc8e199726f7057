/**
 * Marks on the user's cells (a fill colour per severity and a note with the explanation): what the cell had is
 * recorded in the metadata first, so «Снять пометки» puts it back — only where the cell still shows our mark.
 *
 * Sizes: a mark needs a range proxy per cell to read its fill and note, and Office.js sends each proxy as an
 * object path plus actions, several hundred bytes a cell (MARK_BYTES, measured with the real client library in
 * test/officejs). Cells go in chunks whose requests stay under the payload target, each chunk in its own
 * Excel.run: a run ends by releasing every range it created in one request, which must stay small too.
 */
import { cellAddress } from "../../domain/grid";
import { MARK_FILL, META_SHEET, mergeMarks, type AddinMeta, type MarkRecord } from "../common";
import { sheetNotFoundError, throwIfAborted } from "../errors";
import type { CellMark, OperationOptions } from "../port";
import { addressLists, areas, cellRuns } from "./addresses";
import { jsonSize, type ExcelEnv } from "./env";
import { queueMetaRead, writeMeta, type MetaState } from "./meta";

/**
 * Request bytes per cell as the real Office.js library serializes them, measured with six-digit object ids
 * (20 000 cells in one request) plus 10 %: reading a fill (getRange + format + fill + load), reading a note
 * (getItemOrNullObject + load), writing or deleting a note (without its text).
 */
export const MARK_BYTES = { probeFill: 850, probeNote: 340, noteWrite: 250 };
/** One RangeAreas colouring: the address list plus its object paths. */
const AREAS_OVERHEAD = 600;

export async function markCells(
  env: ExcelEnv,
  sheet: string,
  marks: CellMark[],
  options: OperationOptions = {},
): Promise<void> {
  throwIfAborted(options.signal);
  const merged = mergeMarks(marks.filter((m) => m.sheet === sheet || !m.sheet));
  const notes = env.supports("1.18");
  const state = await readMetaOf(env, sheet);
  // undo our previous marks first, so their colours are not taken for the user's fills
  await restoreMarks(env, sheet, state.meta.marks[sheet] ?? [], notes, options);
  throwIfAborted(options.signal);
  const records = await recordCells(env, sheet, merged, notes, options);
  if (records.length > 0) state.meta.marks[sheet] = records;
  else delete state.meta.marks[sheet];
  // the metadata goes with the last chunk of paint (its own slices when it is big)
  await paintMarks(env, sheet, merged, records, notes, options, (ctx, queued) =>
    writeMeta(ctx, state.meta, state, env.payloadTarget, queued),
  );
  options.onProgress?.({ done: merged.length * 2, total: merged.length * 2, stage: `Пометки на листе «${sheet}»` });
}

/** The metadata, after checking that `sheet` is there (when given). */
async function readMetaOf(env: ExcelEnv, sheet?: string): Promise<MetaState & { meta: AddinMeta }> {
  return env.run(async (ctx) => {
    const readMeta = queueMetaRead(ctx);
    const ws = sheet ? ctx.workbook.worksheets.getItemOrNullObject(sheet) : null;
    await ctx.sync();
    if (sheet && (ws!.isNullObject || sheet === META_SHEET)) throw sheetNotFoundError(sheet);
    return readMeta();
  });
}

/** Consecutive slices of `items`, each weighing at most `target` bytes by `bytesOf`. */
function chunksBy<T>(items: T[], bytesOf: (item: T) => number, target: number): T[][] {
  const out: T[][] = [];
  let cur: T[] = [];
  let bytes = 0;
  for (const item of items) {
    const b = bytesOf(item);
    if (cur.length > 0 && bytes + b > target) {
      out.push(cur);
      cur = [];
      bytes = 0;
    }
    cur.push(item);
    bytes += b;
  }
  if (cur.length > 0) out.push(cur);
  return out;
}

const probeBytes = (notes: boolean) => (addr: string) =>
  MARK_BYTES.probeFill + (notes ? MARK_BYTES.probeNote : 0) + addr.length * (notes ? 2 : 1);

/** Queue reading the fill (and note) of each cell; call the returned function after sync. */
function queueProbes(
  ctx: Excel.RequestContext,
  ws: Excel.Worksheet,
  cells: { row: number; col: number }[],
  notes: boolean,
): () => { fill: string | null; note: Excel.Note | null }[] {
  const probes = cells.map((cell) => {
    const addr = cellAddress(cell.row, cell.col);
    const range = ws.getRange(addr);
    range.format.fill.load("color");
    const note = notes ? ws.notes.getItemOrNullObject(addr) : null;
    note?.load("content");
    return { range, note };
  });
  return () =>
    probes.map(({ range, note }) => {
      const color = range.format.fill.color;
      return {
        fill: color && color.toUpperCase() !== "#FFFFFF" ? color.toUpperCase() : null,
        note: note && !note.isNullObject ? note : null,
      };
    });
}

/** The fills and notes the marked cells have now, a chunk of cells per run. */
async function recordCells(
  env: ExcelEnv,
  sheet: string,
  merged: CellMark[],
  notes: boolean,
  options: OperationOptions,
): Promise<MarkRecord[]> {
  const records: MarkRecord[] = [];
  const bytes = probeBytes(notes);
  for (const part of chunksBy(merged, (m) => bytes(cellAddress(m.row, m.col)), env.payloadTarget)) {
    const found = await env.run(async (ctx) => {
      const read = queueProbes(ctx, ctx.workbook.worksheets.getItem(sheet), part, notes);
      await ctx.sync();
      return read().map((p) => ({ fill: p.fill, note: p.note ? p.note.content : null }));
    });
    part.forEach((m, i) =>
      records.push({
        r: m.row,
        c: m.col,
        fill: found[i].fill,
        note: found[i].note,
        mark: MARK_FILL[m.severity],
        text: notes ? m.note : undefined,
      }),
    );
    options.onProgress?.({ done: records.length, total: merged.length * 2, stage: `Пометки на листе «${sheet}»` });
    throwIfAborted(options.signal);
  }
  return records;
}

/** Paint: one RangeAreas per colour (address lists kept short), then the notes; chunks by request size. */
async function paintMarks(
  env: ExcelEnv,
  sheet: string,
  merged: CellMark[],
  records: MarkRecord[],
  notes: boolean,
  options: OperationOptions,
  /** Queued with the last chunk, told how many bytes that chunk holds. */
  finish: (ctx: Excel.RequestContext, queued: number) => Promise<unknown>,
): Promise<void> {
  const bySeverity = new Map<string, { r: number; c: number }[]>();
  for (const m of merged) {
    const color = MARK_FILL[m.severity];
    (bySeverity.get(color) ?? bySeverity.set(color, []).get(color)!).push({ r: m.row, c: m.col });
  }
  const fills = [...bySeverity].flatMap(([color, cells]) =>
    addressLists(cellRuns(cells)).map((list) => ({ color, list })),
  );
  type Op = { fill?: { color: string; list: string }; note?: { addr: string; text: string; exists: boolean } };
  const ops: Op[] = fills.map((fill) => ({ fill }));
  if (notes)
    merged.forEach((m, i) =>
      ops.push({ note: { addr: cellAddress(m.row, m.col), text: m.note, exists: records[i].note !== null } }),
    );
  const bytesOf = (op: Op) =>
    op.fill
      ? op.fill.list.length + AREAS_OVERHEAD
      : MARK_BYTES.noteWrite + op.note!.addr.length + jsonSize(op.note!.text);
  const parts = chunksBy(ops, bytesOf, env.payloadTarget);
  if (parts.length === 0) parts.push([]);
  for (let i = 0; i < parts.length; i++) {
    await env.run(async (ctx) => {
      const ws = ctx.workbook.worksheets.getItem(sheet);
      for (const { fill, note } of parts[i]) {
        if (fill) areas(ws, fill.list).format.fill.color = fill.color;
        else if (note!.exists) ws.notes.getItem(note!.addr).content = note!.text;
        else ws.notes.add(note!.addr, note!.text);
      }
      if (i === parts.length - 1) {
        await finish(
          ctx,
          parts[i].reduce((a, op) => a + bytesOf(op), 0),
        );
      }
      await ctx.sync();
    });
    throwIfAborted(options.signal);
  }
}

/**
 * Put back the fills and notes recorded when we marked the cells — only where the cell still shows our mark
 * (a fill or note the user changed since is theirs now). Per chunk: look, then restore.
 */
async function restoreMarks(
  env: ExcelEnv,
  sheet: string,
  records: MarkRecord[],
  notes: boolean,
  options: OperationOptions = {},
): Promise<void> {
  const bytes = probeBytes(notes);
  // the restoring request carries a note's old text or a delete per cell, besides the fills
  const restoreBytes = (rec: MarkRecord) =>
    bytes(cellAddress(rec.r, rec.c)) + (notes ? MARK_BYTES.noteWrite + jsonSize(rec.note ?? "") : 0);
  for (const part of chunksBy(records, restoreBytes, env.payloadTarget)) {
    await env.run(async (ctx) => {
      const ws = ctx.workbook.worksheets.getItem(sheet);
      const read = queueProbes(
        ctx,
        ws,
        part.map((rec) => ({ row: rec.r, col: rec.c })),
        notes,
      );
      await ctx.sync();
      queueRestore(ws, part, read());
      await ctx.sync();
    });
    throwIfAborted(options.signal);
  }
}

function queueRestore(
  ws: Excel.Worksheet,
  records: MarkRecord[],
  now: { fill: string | null; note: Excel.Note | null }[],
): void {
  const byFill = new Map<string | null, { r: number; c: number }[]>();
  records.forEach((rec, i) => {
    const current = now[i].fill ?? "#FFFFFF";
    if (rec.mark && current !== rec.mark) return;
    const key = typeof rec.fill === "string" ? rec.fill : null;
    (byFill.get(key) ?? byFill.set(key, []).get(key)!).push({ r: rec.r, c: rec.c });
  });
  for (const [color, cells] of byFill)
    for (const list of addressLists(cellRuns(cells))) {
      const target = areas(ws, list);
      if (color === null) target.format.fill.clear();
      else target.format.fill.color = color;
    }
  records.forEach((rec, i) => {
    const note = now[i].note;
    if (!note) return;
    if (rec.text !== undefined && note.content !== rec.text) return; // the user edited our note: keep it
    if (typeof rec.note === "string" && rec.note) note.content = rec.note;
    else note.delete();
  });
}

export async function clearMarks(env: ExcelEnv, sheet?: string): Promise<void> {
  const notes = env.supports("1.18");
  const state = await readMetaOf(env);
  const names = sheet ? [sheet] : Object.keys(state.meta.marks);
  for (const name of names) {
    const records = state.meta.marks[name];
    if (!records) continue;
    const exists = await env.run(async (ctx) => {
      const ws = ctx.workbook.worksheets.getItemOrNullObject(name);
      await ctx.sync();
      return !ws.isNullObject;
    });
    if (exists) await restoreMarks(env, name, records, notes);
    delete state.meta.marks[name];
  }
  await env.run(async (ctx) => {
    await writeMeta(ctx, state.meta, state, env.payloadTarget);
    await ctx.sync();
  });
}
