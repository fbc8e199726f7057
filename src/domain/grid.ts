/**
 * A rectangular block of a sheet as the domain sees it: raw values, the text the user sees, the number format.
 * Arrays are row-major and all the same size. Dates arrive as Excel serial numbers in `values` and as the
 * displayed string in `text`; identifiers must be taken from `text` (leading zeros kept).
 */
export type CellValue = string | number | boolean | null;

export interface SheetGrid {
  sheet: string;
  /** 0-based row index in the sheet of values[0] (A1 is row 0, col 0). */
  top: number;
  /** 0-based column index in the sheet of values[r][0]. */
  left: number;
  values: CellValue[][];
  text: string[][];
  /** Number formats ("@" = text, "General", "dd.mm.yyyy" …); may be empty arrays when the source has none. */
  numberFormat: string[][];
  /** Merged areas inside the grid, 0-based sheet coordinates, inclusive. */
  merges?: MergedArea[];
  /**
   * Set when the workbook refused the sheet's merged areas (Excel returns none past 512 of them): `merges` then
   * holds only the merges of the rows above `fromRow` (0-based sheet row; 0 = no merges were read at all).
   */
  mergesUnavailable?: { fromRow: number };
}

export interface MergedArea {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

/** 0-based column index → "A", "B", … "AA". */
export function columnLetter(col: number): string {
  let s = "";
  let n = col + 1;
  while (n > 0) {
    const r = (n - 1) % 26;
    s = String.fromCharCode(65 + r) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

/** "A" → 0, "AA" → 26. */
export function columnIndex(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1;
}

/** 0-based (row, col) → "B7". */
export function cellAddress(row: number, col: number): string {
  return `${columnLetter(col)}${row + 1}`;
}

/** "B7" → {row: 6, col: 1}; null when not an A1 address. */
export function parseCellAddress(a1: string): { row: number; col: number } | null {
  const m = /^\$?([A-Za-z]{1,3})\$?(\d{1,7})$/.exec(a1.trim());
  if (!m) return null;
  return { row: +m[2] - 1, col: columnIndex(m[1]) };
}
