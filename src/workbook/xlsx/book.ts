/** What the ExcelJS adapter's modules share: the workbook, the bookkeeping the lossless save needs, sheet lookup. */
import type ExcelJS from "exceljs";
import { META_SHEET } from "../common";
import { sheetNotFoundError } from "../errors";
import type { LoadedCell } from "./package/losslessSave";

/** Rows handled between two cancellation checks / progress reports. */
export const ROWS_PER_STEP = 5000;

export interface XlsxBook {
  readonly workbook: ExcelJS.Workbook;
  /** Own sheets (and the metadata sheet) written since opening: only their parts are replaced on save. */
  readonly writtenSheets: Set<string>;
  /** User sheet → "r:c" → the cell as opened, for every cell the add-in marked or unmarked. */
  readonly touchedCells: Map<string, Map<string, LoadedCell>>;
}

/** Sheet names are case-insensitive in Excel («проверка» and «Проверка» are the same sheet). */
export function findSheet(book: XlsxBook, name: string): ExcelJS.Worksheet | undefined {
  const lower = name.toLowerCase();
  return book.workbook.worksheets.find((ws) => ws.name.toLowerCase() === lower);
}

/** A sheet the user can see by name (never the metadata sheet); throws when there is none. */
export function sheetOrThrow(book: XlsxBook, name: string): ExcelJS.Worksheet {
  const ws = name.toLowerCase() === META_SHEET ? undefined : findSheet(book, name);
  if (!ws) throw sheetNotFoundError(name);
  return ws;
}
