/**
 * Marks on user sheets: a fill colour and a note per cell. What a mark covered is recorded in the metadata so
 * clearMarks puts it back (only where the user has not changed the cell since), and every cell touched is
 * remembered as it was opened, for the lossless save.
 */
import type ExcelJS from "exceljs";
import { MARK_FILL, mergeMarks, type MarkRecord } from "../common";
import { protectedSheetError, throwIfAborted } from "../errors";
import type { CellMark, OperationOptions } from "../port";
import { findSheet, sheetOrThrow, type XlsxBook } from "./book";
import { noteToText } from "./cells";
import { readMeta, writeMeta } from "./meta";

export function fillToColor(fill: ExcelJS.Fill | undefined): string | null {
  if (!fill || fill.type !== "pattern" || fill.pattern === "none") return null;
  const argb = fill.fgColor?.argb;
  return argb ? `#${argb.slice(-6).toUpperCase()}` : null;
}

/** Remember how a user's cell looked when opened, before the add-in first changes it. */
function touch(book: XlsxBook, sheet: string, row: number, col: number, cell: ExcelJS.Cell): void {
  let cells = book.touchedCells.get(sheet);
  if (!cells) book.touchedCells.set(sheet, (cells = new Map()));
  const key = `${row}:${col}`;
  if (cells.has(key)) return;
  cells.set(key, { row, col, fill: JSON.stringify(cell.style?.fill ?? null), note: noteToText(cell.note) });
}

export async function markCells(
  book: XlsxBook,
  sheet: string,
  marks: CellMark[],
  options: OperationOptions = {},
): Promise<void> {
  throwIfAborted(options.signal);
  const ws = sheetOrThrow(book, sheet);
  // Excel would refuse to format a protected sheet; respect the user's protection here too
  if ((ws as unknown as { sheetProtection?: { sheet?: boolean } }).sheetProtection?.sheet) throw protectedSheetError();
  const meta = readMeta(book);
  restoreMarks(book, ws, meta.marks[sheet] ?? []);
  const records: MarkRecord[] = [];
  for (const m of mergeMarks(marks.filter((m) => m.sheet === sheet || !m.sheet))) {
    const cell = ws.getCell(m.row + 1, m.col + 1);
    touch(book, ws.name, m.row, m.col, cell);
    records.push({
      r: m.row,
      c: m.col,
      fill: cell.style?.fill ?? null,
      note: cell.note ?? null, // a user's note, plain or rich, comes back on clearMarks
      mark: MARK_FILL[m.severity],
      text: m.note,
    });
    const argb = `FF${MARK_FILL[m.severity].slice(1)}`;
    cell.style = { ...cell.style, fill: { type: "pattern", pattern: "solid", fgColor: { argb } } };
    cell.note = m.note;
  }
  if (records.length > 0) meta.marks[sheet] = records;
  else delete meta.marks[sheet];
  writeMeta(book, meta);
  options.onProgress?.({ done: marks.length, total: marks.length, stage: `Пометки на листе «${sheet}»` });
}

/** Put back the fills and notes from before our marks, where the user has not changed the cell since. */
function restoreMarks(book: XlsxBook, ws: ExcelJS.Worksheet, records: MarkRecord[]): void {
  for (const rec of records) {
    const cell = ws.getCell(rec.r + 1, rec.c + 1);
    touch(book, ws.name, rec.r, rec.c, cell);
    if (!rec.mark || fillToColor(cell.style?.fill) === rec.mark) {
      const style = { ...cell.style };
      if (rec.fill === null || rec.fill === undefined) delete style.fill;
      else if (typeof rec.fill === "string")
        style.fill = { type: "pattern", pattern: "solid", fgColor: { argb: `FF${rec.fill.slice(1)}` } };
      else style.fill = rec.fill as ExcelJS.Fill;
      cell.style = style;
    }
    if (rec.text === undefined || noteToText(cell.note) === rec.text) {
      if (rec.note) cell.note = rec.note as string | ExcelJS.Comment;
      else (cell as unknown as { _comment?: unknown })._comment = undefined;
    }
  }
}

export function clearMarks(book: XlsxBook, sheet?: string): void {
  const meta = readMeta(book);
  const sheets = sheet ? [sheet] : Object.keys(meta.marks);
  for (const name of sheets) {
    const ws = findSheet(book, name);
    if (ws) restoreMarks(book, ws, meta.marks[name] ?? []);
    delete meta.marks[name];
  }
  writeMeta(book, meta);
}
