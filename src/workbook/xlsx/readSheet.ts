/** Reading user sheets: the sheet list with sizes, and a sheet (or a range of it) as a SheetGrid, in row blocks. */
import type { SheetGrid } from "../../domain/grid";
import { META_SHEET } from "../common";
import { throwIfAborted } from "../errors";
import type { OperationOptions, SheetInfo } from "../port";
import { yieldToEventLoop } from "../../util/eventLoop";
import { ROWS_PER_STEP, sheetOrThrow, type XlsxBook } from "./book";
import { readMeta } from "./meta";
import { excelJsMerges, parseRangeAddress, readExcelJsBlock, usedBounds } from "./ranges";

export function listSheets(book: XlsxBook): SheetInfo[] {
  const meta = readMeta(book);
  return book.workbook.worksheets
    .filter((ws) => ws.name !== META_SHEET)
    .map((ws) => {
      const b = usedBounds(ws);
      return {
        name: ws.name,
        rows: b ? b.bottom - b.top + 1 : 0,
        columns: b ? b.right - b.left + 1 : 0,
        ownedByAddin: meta.ownedSheets.includes(ws.name),
        visible: ws.state === "visible" || ws.state === undefined,
      };
    });
}

export async function readSheet(
  book: XlsxBook,
  sheet: string,
  options: OperationOptions & { range?: string } = {},
): Promise<SheetGrid> {
  throwIfAborted(options.signal);
  const ws = sheetOrThrow(book, sheet);
  const b = options.range ? parseRangeAddress(options.range) : usedBounds(ws);
  if (!b) return { sheet, top: 0, left: 0, values: [], text: [], numberFormat: [], merges: [] };
  const total = b.bottom - b.top + 1;
  const grid: SheetGrid = { sheet, top: b.top, left: b.left, values: [], text: [], numberFormat: [] };
  for (let start = b.top; start <= b.bottom; start += ROWS_PER_STEP) {
    const end = Math.min(b.bottom, start + ROWS_PER_STEP - 1);
    const block = readExcelJsBlock(ws, { ...b, top: start, bottom: end });
    for (let i = 0; i < block.values.length; i++) {
      grid.values.push(block.values[i]);
      grid.text.push(block.text[i]);
      grid.numberFormat.push(block.numberFormat[i]);
    }
    options.onProgress?.({ done: end - b.top + 1, total, stage: `Чтение листа «${sheet}»` });
    if (end < b.bottom) {
      await yieldToEventLoop();
      throwIfAborted(options.signal);
    }
  }
  grid.merges = excelJsMerges(ws).filter(
    (m) => m.bottom >= b.top && m.top <= b.bottom && m.right >= b.left && m.left <= b.right,
  );
  return grid;
}
