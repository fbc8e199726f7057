/**
 * Generated grids as an ExcelJS workbook or an .xlsx buffer — the route for adapter tests, the Excel fake and the
 * e2e tests (scales to 100 000 rows; the 1 000 000-row benchmarks use the grids directly).
 * Numbers stay numbers with their number format, identifiers with leading zeros stay text cells formatted "@",
 * dates are serials with a date format, merged header cells are merged.
 */
import ExcelJS from "exceljs";
import type { SheetGrid } from "../../src/domain/grid";

export function addGridSheet(wb: ExcelJS.Workbook, grid: SheetGrid): ExcelJS.Worksheet {
  const ws = wb.addWorksheet(grid.sheet);
  const { values, numberFormat } = grid;
  for (let r = 0; r < values.length; r++) {
    const rowValues = values[r];
    const formats = numberFormat[r];
    const row = ws.getRow(grid.top + r + 1);
    for (let c = 0; c < rowValues.length; c++) {
      const v = rowValues[c];
      if (v === "" || v === null) continue;
      const cell = row.getCell(grid.left + c + 1);
      cell.value = v;
      const f = formats?.[c];
      if (f && f !== "General") cell.numFmt = f;
    }
  }
  for (const m of grid.merges ?? []) {
    ws.mergeCells(m.top + 1, m.left + 1, m.bottom + 1, m.right + 1);
  }
  return ws;
}

/** A workbook with one sheet per grid (in order). */
export function gridsToWorkbook(grids: SheetGrid[]): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  wb.creator = "zhku-collect test generator";
  wb.created = new Date(Date.UTC(2026, 10, 5));
  wb.modified = wb.created;
  for (const g of grids) addGridSheet(wb, g);
  return wb;
}

export async function workbookToBuffer(wb: ExcelJS.Workbook): Promise<Uint8Array> {
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

export async function gridsToXlsx(grids: SheetGrid[]): Promise<Uint8Array> {
  return workbookToBuffer(gridsToWorkbook(grids));
}
