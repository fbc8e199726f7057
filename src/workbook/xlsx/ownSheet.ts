/**
 * Writing an own sheet: built under a temporary name in row blocks (cancellable), then swapped in for the old
 * output in the same tab position; the sheet is recorded as the add-in's in the metadata.
 */
import ExcelJS from "exceljs";
import { FORMAT_CODES, assertOwnSheetName, type AddinMeta } from "../common";
import { foreignSheetError, throwIfAborted } from "../errors";
import type { OperationOptions, OwnSheetContent } from "../port";
import { yieldToEventLoop } from "../../util/eventLoop";
import { ROWS_PER_STEP, findSheet, type XlsxBook } from "./book";
import { writeExcelJsCell } from "./cells";
import { readMeta, writeMeta } from "./meta";
import { rememberCharts } from "./chartPart";

export const HEADER_FILL: ExcelJS.Fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFD9E1F2" } };

/** Throws unless `name` is free or already the add-in's own sheet. */
export function assertWritable(book: XlsxBook, name: string, meta: AddinMeta): void {
  assertOwnSheetName(name);
  const existing = findSheet(book, name);
  if (existing && !meta.ownedSheets.includes(existing.name)) throw foreignSheetError(existing.name);
}

async function writeRows(ws: ExcelJS.Worksheet, content: OwnSheetContent, options: OperationOptions): Promise<void> {
  const colFormats = (content.columns ?? []).map((c) => (c.format ? FORMAT_CODES[c.format] : undefined));
  const total = content.rows.length;
  for (let start = 0; start < total; start += ROWS_PER_STEP) {
    const end = Math.min(total, start + ROWS_PER_STEP);
    for (let r = start; r < end; r++) {
      const src = content.rows[r];
      const row = ws.getRow(r + 1);
      for (let c = 0; c < src.length; c++) {
        const out = src[c];
        if (out === null || out === undefined) continue;
        writeExcelJsCell(row.getCell(c + 1), out, colFormats[c]);
      }
    }
    options.onProgress?.({ done: end, total, stage: `Запись листа «${content.name}»` });
    if (end < total) {
      await yieldToEventLoop();
      throwIfAborted(options.signal);
    }
  }
}

/** Column widths and formats, bold header rows, frozen rows, print setup. */
function layOut(ws: ExcelJS.Worksheet, content: OwnSheetContent): void {
  (content.columns ?? []).forEach((col, i) => {
    const column = ws.getColumn(i + 1);
    if (col.width) column.width = col.width;
    if (col.format && col.format !== "general") column.numFmt = FORMAT_CODES[col.format];
  });
  for (const hr of content.headerRows ?? []) {
    const row = ws.getRow(hr + 1);
    row.eachCell({ includeEmpty: false }, (cell) => {
      cell.style = { ...cell.style, font: { bold: true }, fill: HEADER_FILL };
    });
  }
  if (content.freezeRows) ws.views = [{ state: "frozen", ySplit: content.freezeRows, xSplit: 0 }];
  if (content.print) {
    const p = content.print;
    // paperSize 9 = A4; fitToHeight 0 = as many pages tall as needed
    ws.pageSetup = {
      ...ws.pageSetup,
      paperSize: 9,
      orientation: p.landscape ? "landscape" : "portrait",
      ...(p.fitToWidth ? { fitToPage: true, fitToWidth: 1, fitToHeight: 0 } : {}),
      ...(p.repeatRows ? { printTitlesRow: `${p.repeatRows[0] + 1}:${p.repeatRows[1] + 1}` } : {}),
    };
    if (p.wrapText)
      ws.eachRow((row) =>
        row.eachCell((cell) => {
          cell.alignment = { ...cell.alignment, wrapText: true, vertical: "top" };
        }),
      );
  }
}

export async function writeOwnSheet(
  book: XlsxBook,
  content: OwnSheetContent,
  options: OperationOptions = {},
): Promise<void> {
  throwIfAborted(options.signal);
  const meta = readMeta(book);
  assertWritable(book, content.name, meta);
  // Build the new sheet under a temporary name; the old output is replaced only when it is complete.
  const tempName = `~zhku ${Date.now() % 1e9}`;
  const ws = book.workbook.addWorksheet(tempName);
  try {
    await writeRows(ws, content, options);
    layOut(ws, content);
    rememberCharts(ws, content.charts);
  } catch (err) {
    book.workbook.removeWorksheet(ws.id);
    throw err;
  }
  const old = findSheet(book, content.name);
  if (old) {
    // keep the sheet's place among the tabs (ExcelJS orders worksheets by orderNo)
    (ws as unknown as { orderNo: number }).orderNo = (old as unknown as { orderNo: number }).orderNo;
    book.workbook.removeWorksheet(old.id);
  }
  ws.name = content.name;
  book.writtenSheets.add(content.name);
  if (!meta.ownedSheets.includes(content.name)) meta.ownedSheets.push(content.name);
  writeMeta(book, meta);
}
