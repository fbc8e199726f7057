/** Ranges of an ExcelJS sheet: the used bounds, "B2:D10" ↔ bounds, merged areas, reading a block of rows. */
import ExcelJS from "exceljs";
import type { CellValue, MergedArea, SheetGrid } from "../../domain/grid";
import { columnIndex, columnLetter } from "../../domain/grid";
import { WorkbookError } from "../errors";
import { excelJsCellText, excelJsCellValue, excelJsNumberFormat } from "./cells";

export interface UsedBounds {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

/** Bounds of the cells holding a value (formatting alone does not count), 0-based inclusive; null when empty. */
export function usedBounds(ws: ExcelJS.Worksheet): UsedBounds | null {
  let top = Infinity,
    left = Infinity,
    bottom = -1,
    right = -1;
  ws.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    const cells = (row as unknown as { _cells: (ExcelJS.Cell | undefined)[] })._cells;
    for (let i = 0; i < cells.length; i++) {
      const cell = cells[i];
      if (!cell || cell.type === ExcelJS.ValueType.Null || cell.type === ExcelJS.ValueType.Merge) continue;
      if (excelJsCellValue(cell) === null) continue;
      if (rowNumber - 1 < top) top = rowNumber - 1;
      if (rowNumber - 1 > bottom) bottom = rowNumber - 1;
      if (i < left) left = i;
      if (i > right) right = i;
    }
  });
  return bottom < 0 ? null : { top, left, bottom, right };
}

/** "B2:D10" (or "B2") → 0-based inclusive bounds. */
export function parseRangeAddress(address: string): UsedBounds {
  const a = address.includes("!") ? address.slice(address.lastIndexOf("!") + 1) : address;
  const m = /^\$?([A-Za-z]{1,3})\$?(\d+)(?::\$?([A-Za-z]{1,3})\$?(\d+))?$/.exec(a.trim());
  if (!m) throw new WorkbookError("unknown", `Неверный адрес диапазона «${address}».`);
  const top = +m[2] - 1,
    left = columnIndex(m[1]);
  const bottom = m[4] ? +m[4] - 1 : top,
    right = m[3] ? columnIndex(m[3]) : left;
  return {
    top: Math.min(top, bottom),
    left: Math.min(left, right),
    bottom: Math.max(top, bottom),
    right: Math.max(left, right),
  };
}

export function rangeAddress(b: UsedBounds): string {
  return `${columnLetter(b.left)}${b.top + 1}:${columnLetter(b.right)}${b.bottom + 1}`;
}

/** Merged areas of a sheet, 0-based inclusive. */
export function excelJsMerges(ws: ExcelJS.Worksheet): MergedArea[] {
  const merges = (
    ws as unknown as {
      _merges: Record<string, { model: { top: number; left: number; bottom: number; right: number } }>;
    }
  )._merges;
  return Object.values(merges ?? {})
    .filter(Boolean)
    .map((m) => ({
      top: m.model.top - 1,
      left: m.model.left - 1,
      bottom: m.model.bottom - 1,
      right: m.model.right - 1,
    }));
}

/** Read a block of an ExcelJS sheet row by row (no per-cell objects beyond ExcelJS's own). */
export function readExcelJsBlock(
  ws: ExcelJS.Worksheet,
  b: UsedBounds,
): Pick<SheetGrid, "values" | "text" | "numberFormat"> {
  const values: CellValue[][] = [];
  const text: string[][] = [];
  const numberFormat: string[][] = [];
  const width = b.right - b.left + 1;
  for (let r = b.top; r <= b.bottom; r++) {
    const row = ws.findRow(r + 1);
    const vRow: CellValue[] = new Array(width);
    const tRow: string[] = new Array(width);
    const fRow: string[] = new Array(width);
    for (let c = 0; c < width; c++) {
      const cell = row ? (row.findCell(b.left + c + 1) as ExcelJS.Cell | undefined) : undefined;
      const v = excelJsCellValue(cell);
      const f = excelJsNumberFormat(cell);
      vRow[c] = v;
      fRow[c] = f;
      tRow[c] = excelJsCellText(cell, v, f);
    }
    values.push(vRow);
    text.push(tRow);
    numberFormat.push(fRow);
  }
  return { values, text, numberFormat };
}
