/** Rows of a register sheet as the shape readers see them. */
import type { IpNumber } from "./normalize";

export interface DataRow {
  /** 1-based sheet row. */
  row: number;
  cells: string[];
  /** Proceeding numbers in the row's proceeding-number cell (found once, when records are told apart). */
  ipNumbers?: IpNumber[] | null;
}

/** Empty or only spaces (trim() knows NBSP and the other Unicode spaces). */
export function isBlank(c: string): boolean {
  if (c.length === 0) return true;
  // a printable ASCII or Cyrillic first character is never a space: no trim for most cells
  const first = c.charCodeAt(0);
  if ((first > 0x20 && first < 0x7f) || (first >= 0x400 && first <= 0x4ff)) return false;
  return c.trim() === "";
}
