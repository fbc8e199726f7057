/**
 * One ExcelJS cell ↔ the port's cell model: the raw value as Excel's API would report it, its number format and
 * displayed text, and writing an OutCell (strings always as text, our links as HYPERLINK formulas).
 */
import ExcelJS from "exceljs";
import type { CellValue } from "../../domain/grid";
import { planCell } from "../common";
import { displayText } from "../displayText";
import type { OutCell } from "../port";

const MS_PER_DAY = 86400000;
/** Excel serial of 1970-01-01. */
const UNIX_EPOCH_SERIAL = 25569;

/** ExcelJS Date (always UTC) → Excel serial, fractional part = time of day. */
export function dateToSerial(d: Date): number {
  const serial = d.getTime() / MS_PER_DAY + UNIX_EPOCH_SERIAL;
  // Excel's fictitious 29.02.1900: serials before 1900-03-01 are one lower
  return serial < 61 ? serial - 1 : serial;
}

/** The raw value of an ExcelJS cell as Excel's API would report it (merged slaves are empty). */
export function excelJsCellValue(cell: ExcelJS.Cell | undefined): CellValue {
  if (!cell) return null;
  const v = cell.value as unknown;
  switch (cell.type) {
    case ExcelJS.ValueType.Null:
    case ExcelJS.ValueType.Merge:
      return null;
    case ExcelJS.ValueType.Number:
    case ExcelJS.ValueType.Boolean:
      return v as number | boolean;
    case ExcelJS.ValueType.String:
    case ExcelJS.ValueType.SharedString:
      return v === "" ? null : (v as string);
    case ExcelJS.ValueType.Date:
      return dateToSerial(v as Date);
    case ExcelJS.ValueType.Hyperlink:
      return String((v as { text?: unknown }).text ?? "");
    case ExcelJS.ValueType.RichText:
      return (v as { richText: { text: string }[] }).richText.map((t) => t.text).join("");
    case ExcelJS.ValueType.Error:
      return String((v as { error: string }).error);
    case ExcelJS.ValueType.Formula: {
      const r = (cell as unknown as { result?: unknown }).result;
      if (r === undefined || r === null || r === "") return null;
      if (r instanceof Date) return dateToSerial(r);
      if (typeof r === "object") return String((r as { error?: string }).error ?? "");
      return r as CellValue;
    }
    default:
      return v === undefined || v === null ? null : String(v);
  }
}

export function excelJsNumberFormat(cell: ExcelJS.Cell | undefined): string {
  return (cell && cell.numFmt) || "General";
}

/** Displayed text: strings as stored, numbers and dates through the number format. */
export function excelJsCellText(cell: ExcelJS.Cell | undefined, value: CellValue, numberFormat: string): string {
  if (value === null) return "";
  if (
    typeof value === "number" &&
    cell &&
    (cell.type === ExcelJS.ValueType.Date || (cell.type === ExcelJS.ValueType.Formula && cell.result instanceof Date))
  ) {
    // a Date ExcelJS gave us without a date format still shows as a date
    return displayText(value, /^general$/i.test(numberFormat) ? "dd.mm.yyyy" : numberFormat);
  }
  return displayText(value, numberFormat);
}

/** Write one OutCell into an ExcelJS cell: strings as text, our links as HYPERLINK formulas. */
export function writeExcelJsCell(cell: ExcelJS.Cell, out: OutCell, columnFormat: string | undefined): void {
  const plan = planCell(out);
  if (plan.formula) cell.value = { formula: plan.formula, result: plan.value as string } as ExcelJS.CellFormulaValue;
  else cell.value = plan.value;
  const fmt = plan.numberFormat ?? columnFormat;
  if (fmt && fmt !== "General") cell.numFmt = fmt;
}

/** A cell note's plain text (ExcelJS keeps a note as a string or as rich-text runs); null when there is none. */
export function noteToText(note: unknown): string | null {
  if (note === undefined || note === null) return null;
  if (typeof note === "string") return note;
  return ((note as { texts?: { text: string }[] }).texts ?? []).map((t) => t.text).join("");
}
