/**
 * The fallback when the add-in's changes cannot be written into the user's file without loss: its results as a
 * separate workbook «<имя> — результаты.xlsx» — the add-in's sheets, and a «Пометки» sheet listing every marked cell
 * with a link back to it in the original file (which stays unchanged).
 */
import ExcelJS from "exceljs";
import { columnLetter } from "../../../domain/grid";
import { META_SHEET, type AddinMeta } from "../../common";
import { copySheet } from "./ownSheets";
import { chartsOf, rememberCharts } from "../chartPart";
import { withCharts } from "./sheetCharts";

export const MARKS_SHEET = "Пометки";

/** «Реестр.xlsm» → «Реестр — результаты.xlsx». */
export function resultsFileName(fileName: string): string {
  return `${fileName.replace(/\.(xlsx|xlsm|xls|ods|csv)$/i, "")} — результаты.xlsx`;
}

function quote(s: string): string {
  return s.replace(/"/g, '""');
}

/** A link to a cell of the original file (Excel opens it when it sits in the same folder). */
function externalLink(fileName: string, sheet: string, address: string, text: string): ExcelJS.CellFormulaValue {
  const target = `${fileName}#'${sheet.replace(/'/g, "''")}'!${address}`;
  return { formula: `HYPERLINK("${quote(target)}","${quote(text)}")`, result: text } as ExcelJS.CellFormulaValue;
}

/** HYPERLINK("#'Лист'!A1",…) into a sheet that is not in the results → the same cell in the original file. */
function redirectLinks(ws: ExcelJS.Worksheet, fileName: string, kept: Set<string>): void {
  ws.eachRow((row) =>
    row.eachCell((cell) => {
      const f = cell.type === ExcelJS.ValueType.Formula ? cell.formula : undefined;
      const m = f ? /^HYPERLINK\("#'((?:[^']|'')*)'!/.exec(f) : null;
      if (!f || !m || kept.has(m[1].replace(/''/g, "'").toLowerCase())) return;
      const formula = f.replace('HYPERLINK("#', `HYPERLINK("${quote(fileName)}#`);
      cell.value = { formula, result: (cell.value as { result?: unknown }).result } as ExcelJS.CellFormulaValue;
    }),
  );
}

export async function buildResultsWorkbook(
  source: ExcelJS.Workbook,
  meta: AddinMeta,
  fileName: string,
): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  const own = source.worksheets.filter((ws) => ws.name !== META_SHEET && meta.ownedSheets.includes(ws.name));
  const kept = new Set(own.map((ws) => ws.name.toLowerCase()));
  for (const ws of own) {
    copySheet(wb, ws);
    rememberCharts(wb.getWorksheet(ws.name)!, chartsOf(ws));
  }
  for (const ws of wb.worksheets) redirectLinks(ws, fileName, kept);
  const marks = wb.addWorksheet(MARKS_SHEET);
  marks.addRow(["Лист", "Ячейка", "Пометка"]).font = { bold: true };
  marks.getColumn(1).width = 24;
  marks.getColumn(3).width = 80;
  for (const [sheet, records] of Object.entries(meta.marks)) {
    for (const rec of records) {
      const address = `${columnLetter(rec.c)}${rec.r + 1}`;
      const row = marks.addRow([sheet, null, rec.text ?? ""]);
      row.getCell(2).value = externalLink(fileName, sheet, address, address);
    }
  }
  return withCharts(new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer), wb.worksheets);
}
