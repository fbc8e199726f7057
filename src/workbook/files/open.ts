/**
 * Opening any table file the standalone page and the CLI accept — .xlsx/.xlsm, .xls, .ods, .csv/.txt — as the
 * xlsx adapter's workbook. The format is taken from the content; the file itself is never written: results are
 * saved as a new .xlsx.
 */
import ExcelJS from "exceljs";
import { XlsxWorkbook } from "../xlsx/XlsxWorkbook";
import { detectFileKind, type FileKind } from "./detect";
import { FileFormatError } from "./errors";
import { decodeTextFile } from "./text";
import { readDelimitedText } from "./csv";
import { protectedFileError, readWithSheetJs } from "./sheetjs";

export { FileFormatError } from "./errors";
export { detectFileKind, type FileKind } from "./detect";

/** Excel names a CSV's only sheet after the file; the same rules for a sheet name apply. */
export function sheetNameForFile(fileName: string): string {
  const base = fileName.replace(/^.*[\\/]/, "").replace(/\.[^.]*$/, "");
  return (
    base
      .replace(/[[\]:*?/\\]/g, "_")
      .slice(0, 31)
      .trim() || "Лист1"
  );
}

/** An HTML table or an Excel 2003 XML workbook saved under .xls (1С and web billing do this). */
function isMarkupTable(text: string): boolean {
  const head = text.slice(0, 4096).trimStart().toLowerCase();
  return (
    head.startsWith("<") &&
    (head.includes("<table") || head.includes("<html") || head.includes("urn:schemas-microsoft-com:office:spreadsheet"))
  );
}

export function textToWorkbook(rows: string[][], sheetName: string): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet(sheetName);
  for (let r = 0; r < rows.length; r++) {
    const cells = rows[r];
    if (cells.every((v) => v === "")) continue;
    const row = ws.getRow(r + 1);
    for (let c = 0; c < cells.length; c++) if (cells[c] !== "") row.getCell(c + 1).value = cells[c];
  }
  return wb;
}

function notATable(fileName: string): FileFormatError {
  return new FileFormatError(
    `Файл «${fileName}» не является таблицей: ожидается книга Excel (.xlsx, .xls), LibreOffice (.ods) или ` +
      `текст с разделителями (.csv, .txt).`,
  );
}

async function openXlsx(bytes: Uint8Array, fileName: string): Promise<XlsxWorkbook> {
  try {
    return await XlsxWorkbook.fromArrayBuffer(bytes);
  } catch (err) {
    throw new FileFormatError(
      `Файл «${fileName}» повреждён или не является книгой Excel (.xlsx): ${(err as Error).message}`,
    );
  }
}

/** Open a table file's bytes; FileFormatError (Russian, naming the file) for anything that is not one. */
export async function openSpreadsheet(bytes: Uint8Array, fileName: string, kind?: FileKind): Promise<XlsxWorkbook> {
  switch (kind ?? detectFileKind(bytes)) {
    case "xlsx":
      return openXlsx(bytes, fileName);
    case "encrypted":
      throw protectedFileError(fileName);
    case "xls":
    case "ods":
      return new XlsxWorkbook(await readWithSheetJs(bytes, fileName));
    case "text": {
      const text = decodeTextFile(bytes, fileName);
      if (isMarkupTable(text)) return new XlsxWorkbook(await readWithSheetJs(bytes, fileName));
      return new XlsxWorkbook(textToWorkbook(readDelimitedText(text, fileName), sheetNameForFile(fileName)));
    }
    default:
      throw notATable(fileName);
  }
}
