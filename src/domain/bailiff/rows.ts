/** Rows of a register sheet as the shape readers see them. */

export interface DataRow {
  /** 1-based sheet row. */
  row: number;
  cells: string[];
}

/** Empty or only spaces (trim() knows NBSP and the other Unicode spaces). */
export function isBlank(c: string): boolean {
  return c.length === 0 || c.trim() === "";
}
