/** Cell-level helpers of the fake: addresses, typed-input parsing, protection, fills. */
import type ExcelJS from "exceljs";
import { cellAddress } from "../../../src/domain/grid";
import type { UsedBounds } from "../../../src/workbook/xlsx/XlsxWorkbook";
import { FakeOfficeError } from "./errors";

/** Quote a sheet name in an address the way Excel does when it is not a plain identifier. */
export function qualify(sheet: string, a1: string): string {
  return /^[A-Za-z_\u0400-\u04FF][A-Za-z0-9_.\u0400-\u04FF]*$/.test(sheet)
    ? `${sheet}!${a1}`
    : `'${sheet.replace(/'/g, "''")}'!${a1}`;
}

export function boundsAddress(b: UsedBounds): string {
  const tl = cellAddress(b.top, b.left);
  return b.top === b.bottom && b.left === b.right ? tl : `${tl}:${cellAddress(b.bottom, b.right)}`;
}

/** Excel's parsing of a string written to `values` (as if typed), for a cell with format `fmt`. */
export function parseInput(s: string, fmt: string): { value: unknown; numFmt?: string } {
  if (s.startsWith("'")) return { value: s.slice(1) };
  if (fmt === "@") return { value: s };
  if (s === "") return { value: null };
  if (/^[+-]?\d+([.,]\d+)?$/.test(s.trim())) return { value: Number(s.trim().replace(",", ".")) };
  const date = /^(\d{1,2})\.(\d{1,2})\.(\d{4})$/.exec(s.trim());
  if (date) {
    const ms = Date.UTC(+date[3], +date[2] - 1, +date[1]);
    return { value: ms / 86400000 + 25569, numFmt: fmt === "General" ? "dd.mm.yyyy" : undefined };
  }
  if (/^[=+\-@]/.test(s)) {
    const formula = s.replace(/^[=+@]/, "").replace(/^-/, "-");
    const link = /^=?HYPERLINK\("(?:[^"]|"")*"\s*,\s*"((?:[^"]|"")*)"\)$/i.exec(s);
    return { value: { formula, result: link ? link[1].replace(/""/g, '"') : undefined } };
  }
  return { value: s };
}

/** The ExcelJS cells of a block, created on demand. */
export function eachCell(
  ws: ExcelJS.Worksheet,
  b: UsedBounds,
  fn: (cell: ExcelJS.Cell, r: number, c: number) => void,
): void {
  for (let r = b.top; r <= b.bottom; r++) {
    const row = ws.getRow(r + 1);
    for (let c = b.left; c <= b.right; c++) fn(row.getCell(c + 1), r - b.top, c - b.left);
  }
}

/** A value written through the API lands in a cell as if typed (see parseInput). */
export function writeInput(cell: ExcelJS.Cell, x: unknown): void {
  if (typeof x === "number" || typeof x === "boolean") cell.value = x;
  else {
    const parsed = parseInput(String(x), cell.numFmt || "General");
    cell.value = parsed.value as ExcelJS.CellValue;
    if (parsed.numFmt) cell.numFmt = parsed.numFmt;
  }
}

export function assertWritable(ws: ExcelJS.Worksheet): void {
  if ((ws as unknown as { sheetProtection?: unknown }).sheetProtection)
    // what Excel answers (the message is localized and names no sheet): callers must go by the code
    throw new FakeOfficeError("AccessDenied", "You cannot perform the requested operation.");
}

export function colorToFill(color: string): ExcelJS.Fill {
  return { type: "pattern", pattern: "solid", fgColor: { argb: `FF${color.replace("#", "").toUpperCase()}` } };
}

export function fillToColor(fill: ExcelJS.Fill | undefined): string | null {
  if (!fill || fill.type !== "pattern" || fill.pattern === "none") return null;
  const argb = fill.fgColor?.argb;
  return argb ? `#${argb.slice(-6).toUpperCase()}` : null;
}
