/**
 * Writing rows in blocks: values as Office.js should receive them, blocks sized by their request payload, column
 * formats set once per column.
 */
import type { CellValue } from "../../domain/grid";
import { planCell } from "../common";
import type { OutCell } from "../port";
import { CALL_OVERHEAD, jsonSize } from "./env";

/**
 * A value as Office.js should receive it: every string with a leading apostrophe (Excel stores what follows as
 * text, and the apostrophe is not part of the value), so nothing is ever taken for a formula, a number or a date —
 * even where the text format of the column did not reach the cell (a 1×1 numberFormat broadcast is undocumented).
 * Empty cells are "". `_cellFormat` is kept for callers that know the cell's format; it no longer changes the value.
 */
export function toExcelInput(v: CellValue, _cellFormat?: string): string | number | boolean {
  if (v === null || v === undefined) return "";
  if (typeof v !== "string") return v;
  if (v === "") return "";
  return `'${v}`;
}

export interface PreparedBlock {
  values: (string | number | boolean)[][];
  /** Per-cell formats, only when some cell differs from its column's format. */
  formats: string[][] | null;
  bytes: number;
}

/** One row as values and per-cell formats; `exception` when some cell's format differs from its column's. */
function prepareRow(
  src: OutCell[],
  width: number,
  columnFormats: string[],
  formatsAfterValues: boolean,
): { values: (string | number | boolean)[]; formats: string[]; exception: boolean } {
  const values: (string | number | boolean)[] = new Array(width);
  const formats: string[] = new Array(width);
  let exception = false;
  for (let c = 0; c < width; c++) {
    const colFmt = columnFormats[c] ?? "General";
    const plan = planCell(src[c] ?? null);
    let fmt = plan.numberFormat ?? colFmt;
    if (plan.formula) {
      if (colFmt === "@") fmt = "General"; // a formula in a text cell would stay text
      values[c] = `=${plan.formula}`;
    } else values[c] = toExcelInput(plan.value, formatsAfterValues ? "General" : fmt);
    formats[c] = fmt;
    if (fmt !== colFmt) exception = true;
  }
  return { values, formats, exception };
}

/** Split rows into blocks whose request payload stays under `payloadTarget`. */
export function prepareBlocks(
  rows: OutCell[][],
  width: number,
  columnFormats: string[],
  payloadTarget: number,
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
    const row = prepareRow(src, width, columnFormats, formatsAfterValues);
    const vBytes = jsonSize(row.values);
    const fBytes = jsonSize(row.formats);
    const withFormats = anyException || row.exception;
    const next = valueBytes + vBytes + (withFormats ? formatBytes + fBytes : 0) + CALL_OVERHEAD * 4;
    if (values.length > 0 && next > payloadTarget) flush();
    values.push(row.values);
    formats.push(row.formats);
    valueBytes += vBytes;
    formatBytes += fBytes;
    anyException ||= row.exception;
  }
  flush();
  return blocks;
}

/**
 * The first rows of `block` that weigh at most `room` bytes, and the rest (null when all fit; the head is null when
 * not even one row fits). Lets a batched write fill a request that another sheet's rows have started.
 */
export function splitBlock(
  block: PreparedBlock,
  room: number,
  /** Take the first row even when it alone is over `room` (an empty request must still make progress). */
  atLeastOne = false,
): { head: PreparedBlock | null; tail: PreparedBlock | null } {
  if (block.bytes <= room) return { head: block, tail: null };
  let bytes = 0;
  let n = 0;
  for (; n < block.values.length; n++) {
    const row = jsonSize(block.values[n]) + (block.formats ? jsonSize(block.formats[n]) : 0);
    if (bytes + row > room && !(atLeastOne && n === 0)) break;
    bytes += row;
  }
  if (n === 0) return { head: null, tail: block };
  const part = (from: number, to: number, size: number): PreparedBlock => ({
    values: block.values.slice(from, to),
    formats: block.formats ? block.formats.slice(from, to) : null,
    bytes: size,
  });
  return { head: part(0, n, bytes), tail: part(n, block.values.length, Math.max(0, block.bytes - bytes)) };
}

/** Queue one prepared block at (top, left) of `ws`. */
export function queueBlock(ws: Excel.Worksheet, top: number, left: number, block: PreparedBlock): void {
  const range = ws.getRangeByIndexes(top, left, block.values.length, block.values[0].length);
  if (block.formats) range.numberFormat = block.formats;
  range.values = block.values;
  range.untrack();
}

/**
 * Column formats once per column: a 1×1 numberFormat array is applied to every cell of the range
 * (OfficeDev/office-js-docs-pr#5400, office-js-docs-reference#578; a bare string works too but is untyped).
 */
export function queueColumnFormats(
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
