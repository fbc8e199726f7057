/**
 * The WorkbookPort inside Excel: the Office.js adapter (ExcelApi 1.9; newer sets used only where present).
 */
import type { WorkbookPort } from "../workbook/port";
import { ExcelWorkbook } from "../workbook/excel/ExcelWorkbook";

/** The ExcelApi requirement set stated in manifest.xml and README. */
export const EXCEL_API_MIN = "1.9";

export function excelApiSupported(): boolean {
  try {
    return Office.context.requirements.isSetSupported("ExcelApi", EXCEL_API_MIN);
  } catch {
    // Outside Office `requirements` is undefined: nothing to support.
    return false;
  }
}

/**
 * Whether Excel can show the add-in's notes on marked cells (worksheet notes, ExcelApi 1.18; not in perpetual
 * Office 2021/2024): null outside Excel, where this does not apply (the standalone page writes notes itself).
 */
export function excelNotesSupported(): boolean | null {
  try {
    if (typeof Office === "undefined" || !Office.context?.requirements) return null;
    return Office.context.requirements.isSetSupported("ExcelApi", "1.18");
  } catch {
    return null;
  }
}

export async function createExcelPort(): Promise<WorkbookPort | null> {
  return new ExcelWorkbook({
    excel: Excel,
    isSetSupported: (name, version) => Office.context.requirements.isSetSupported(name, version),
  });
}
