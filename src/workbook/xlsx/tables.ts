/**
 * Table-like own sheets (the court register): read as rows by header, and upsert — a new sheet with a filtered
 * header row, or updates and appended rows in the existing one (planUpsert decides which cells change).
 */
import { FORMAT_CODES, META_SHEET, gridToTableRows, planUpsert } from "../common";
import { throwIfAborted } from "../errors";
import type { OperationOptions, TableRow, TableSpec } from "../port";
import { findSheet, type XlsxBook } from "./book";
import { writeExcelJsCell } from "./cells";
import { readMeta } from "./meta";
import { HEADER_FILL, assertWritable, writeOwnSheet } from "./ownSheet";
import { rangeAddress, readExcelJsBlock, usedBounds } from "./ranges";

export function readTable(book: XlsxBook, spec: TableSpec): TableRow[] | null {
  const ws = findSheet(book, spec.sheet);
  if (!ws || spec.sheet === META_SHEET) return null;
  const b = usedBounds(ws);
  if (!b) return [];
  return gridToTableRows(readExcelJsBlock(ws, { top: 0, left: 0, bottom: b.bottom, right: b.right }).values);
}

async function createTable(
  book: XlsxBook,
  spec: TableSpec,
  rows: TableRow[],
  options: OperationOptions,
): Promise<void> {
  const plan = planUpsert(spec, [spec.columns], rows);
  await writeOwnSheet(
    book,
    {
      name: spec.sheet,
      rows: [plan.header, ...plan.appended],
      columns: plan.header.map((h) => ({
        format: spec.formats?.[h] ?? "general",
        width: Math.min(40, Math.max(10, h.length + 2)),
      })),
      headerRows: [0],
      freezeRows: 1,
    },
    options,
  );
  const created = findSheet(book, spec.sheet)!;
  // a filtered range, not an Excel table: ExcelJS table writing is known to corrupt files on re-save, and the
  // file route must always give back a workbook Excel opens (the Office.js adapter makes a real table)
  created.autoFilter = rangeAddress({
    top: 0,
    left: 0,
    bottom: plan.appended.length,
    right: plan.header.length - 1,
  });
}

export async function upsertTableRows(
  book: XlsxBook,
  spec: TableSpec,
  rows: TableRow[],
  options: OperationOptions = {},
): Promise<void> {
  throwIfAborted(options.signal);
  const meta = readMeta(book);
  assertWritable(book, spec.sheet, meta);
  const ws = findSheet(book, spec.sheet);
  if (!ws) return createTable(book, spec, rows, options);
  const b = usedBounds(ws);
  const existing = b
    ? readExcelJsBlock(ws, { top: 0, left: 0, bottom: b.bottom, right: Math.max(b.right, 0) }).values
    : [];
  const plan = planUpsert(spec, existing, rows);
  book.writtenSheets.add(ws.name);
  const fmtOf = (col: number) => {
    const f = spec.formats?.[plan.header[col]];
    return f ? FORMAT_CODES[f] : undefined;
  };
  for (const h of plan.newHeaderCells) {
    const cell = ws.getCell(1, h.col + 1);
    cell.value = h.text;
    cell.style = { ...cell.style, font: { bold: true }, fill: HEADER_FILL };
  }
  for (const u of plan.updates) writeExcelJsCell(ws.getCell(u.row + 2, u.col + 1), u.cell, fmtOf(u.col));
  const firstNew = Math.max(existing.length, 1);
  plan.appended.forEach((row, i) => {
    row.forEach((out, c) => {
      if (out !== null && out !== undefined) writeExcelJsCell(ws.getCell(firstNew + i + 1, c + 1), out, fmtOf(c));
    });
  });
  options.onProgress?.({ done: rows.length, total: rows.length, stage: `Реестр «${spec.sheet}»` });
}
