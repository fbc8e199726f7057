/**
 * What every part of the Office.js adapter shares: the Excel.run wrapper with Russian errors, the requirement-set
 * check, and the payload targets that size each request and response.
 */
import { payloadSize } from "../common";

/** The part of the `Excel` namespace the adapter uses. */
export interface ExcelApi {
  run<T>(batch: (context: Excel.RequestContext) => Promise<T>): Promise<T>;
}

/** The adapter's view of its host, handed to each part (reading, writing, tables, marks). */
export interface ExcelEnv {
  /** Excel.run with errors mapped to Russian WorkbookErrors. */
  run<T>(batch: (ctx: Excel.RequestContext) => Promise<T>): Promise<T>;
  /** Whether the host supports ExcelApi `version` (e.g. "1.13"). */
  supports(version: string): boolean;
  /** Target size of one read response in bytes. */
  readTarget: number;
  /** Target size of one request (values we send) in bytes. */
  payloadTarget: number;
}

export const MB = 1024 * 1024;
/**
 * Responses of block reads aim at 3.85 MB: each block is sized from the bytes per row measured so far (rows of a
 * ledger are alike), which keeps every response under 4 MB (Excel on the web rejects 5 MB) while the sync count
 * stays near payload / 4 MB.
 */
export const READ_TARGET = 3.85 * MB;
/**
 * Requests (values we send) aim at 3.75 MB of values: the real library adds about 4 % (object paths, and its own
 * split of arrays over 1 500 cells into row chunks), so each serialized request stays under 4 MB
 * (test/contract/largeSheet.test.ts measures it through the real library).
 */
export const WRITE_TARGET = 3.75 * MB;
export const MAX_CELLS_PER_READ = 5_000_000;
/** First guess of JSON bytes per cell for values + text + numberFormat, refined after the first block. */
export const INITIAL_READ_BYTES_PER_CELL = 48;
/** Estimated request bytes of one API call (object path, action) on top of its arguments. */
export const CALL_OVERHEAD = 120;
/** Address lists for getRanges are kept short; the exact limit is not documented. */
export const MAX_ADDRESS_LIST = 4000;
export const HEADER_FILL = "#D9E1F2";
/** ExcelJS widths are in characters, Excel's columnWidth in points (about 7 per character). */
export const POINTS_PER_CHAR = 7;
/** Look of the register's table: light, banded, a dark header with white bold text. */
export const TABLE_STYLE = "TableStyleLight9";

/** JSON bytes of a value as it travels to Excel. */
export const jsonSize = payloadSize;

/** Suspend recalculation for the next sync where the host can (ExcelApi 1.6). */
export function suspendCalculation(env: ExcelEnv, ctx: Excel.RequestContext): void {
  if (env.supports("1.6")) ctx.application.suspendApiCalculationUntilNextSync();
}
