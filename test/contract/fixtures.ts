/**
 * Workbooks both adapters are tested on (built in memory with ExcelJS; the fake Excel host reads the same model).
 */
import ExcelJS from "exceljs";
import { XlsxWorkbook } from "../../src/workbook/xlsx/XlsxWorkbook";
import { ExcelWorkbook } from "../../src/workbook/excel/ExcelWorkbook";
import { FakeExcelHost } from "../fakes/excelFake";
import { SimulatedExcelHost } from "../officejs/hostSimulator";
import type { WorkbookPort } from "../../src/workbook/port";

export const NBSP = "\u00a0";

/**
 * «Начисления»: a ledger with a two-level merged header, text identifiers with leading zeros, money, dates
 * (as Date cells, as a serial number and with the built-in short-date format), an empty row, a formula, a boolean.
 * «Пусто»: an empty sheet.
 */
export function ledgerWorkbook(): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("Начисления");
  ws.getCell("A1").value = "Лицевой счёт";
  ws.mergeCells("A1:A2");
  ws.getCell("B1").value = "Начислено";
  ws.mergeCells("B1:C1");
  ws.getCell("B2").value = "январь 2024";
  ws.getCell("C2").value = "февраль 2024";
  ws.getCell("D1").value = "Дата оплаты";
  ws.mergeCells("D1:D2");
  ws.getCell("E1").value = "Примечание";
  ws.mergeCells("E1:E2");

  const set = (addr: string, value: ExcelJS.CellValue, numFmt?: string) => {
    const cell = ws.getCell(addr);
    cell.value = value;
    if (numFmt) cell.numFmt = numFmt;
  };
  set("A3", "00123", "@");
  set("B3", 1234.5, "#,##0.00");
  set("C3", 0, "#,##0.00");
  set("D3", new Date(Date.UTC(2024, 2, 15)), "dd.mm.yyyy");
  set("E3", "=1+1"); // a user's text that looks like a formula
  // row 4 is empty
  set("A5", "0045600", "@");
  set("B5", 25430.12, "# ##0,00");
  set("C5", -100, "#,##0.00");
  set("D5", new Date(Date.UTC(2023, 11, 31)), "mm-dd-yy");
  set("E5", true);
  set("A6", 1020034);
  set("B6", { formula: "B3+B5", result: 26664.62 } as ExcelJS.CellFormulaValue, "#,##0.00");
  set("D6", 45000, "dd.mm.yyyy");
  wb.addWorksheet("Пусто");
  return wb;
}

/** rows × cols of realistic ledger-like data: a text id, a date serial, money, a few texts. */
export function bigWorkbook(rows: number, cols = 15, sheet = "Большой"): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet(sheet);
  const header = Array.from({ length: cols }, (_, c) => `Столбец ${c + 1}`);
  ws.addRow(header);
  for (let r = 1; r <= rows; r++) {
    const row: (string | number)[] = new Array(cols);
    for (let c = 0; c < cols; c++) {
      if (c === 0) row[c] = String(r).padStart(8, "0");
      else if (c === 1) row[c] = 45000 + (r % 365);
      else if (c % 3 === 0) row[c] = `ул. Ленина, д. ${r % 200}, кв. ${c}`;
      else row[c] = Math.round(r * 137.31 + c * 11) / 100;
    }
    ws.addRow(row);
  }
  ws.getColumn(1).numFmt = "@";
  ws.getColumn(2).numFmt = "dd.mm.yyyy";
  return wb;
}

export interface AdapterUnderTest {
  name: string;
  port: WorkbookPort;
  /** The ExcelJS model behind the adapter (for the fake: the host's workbook). */
  workbook: ExcelJS.Workbook;
  host?: FakeExcelHost;
  /** The real Office.js library in front of the fake host: the requests as Excel receives them. */
  real?: SimulatedExcelHost;
}

export type AdapterFactory = (
  wb: ExcelJS.Workbook,
  options?: { payloadTarget?: number; apiVersion?: string },
) => AdapterUnderTest;

export const ADAPTERS: [string, AdapterFactory][] = [
  ["xlsx", (wb) => ({ name: "xlsx", port: new XlsxWorkbook(wb), workbook: wb })],
  [
    "excel (fake Office.js)",
    (wb, options) => {
      const host = new FakeExcelHost(wb, { apiVersion: options?.apiVersion });
      const port = new ExcelWorkbook({
        excel: host.Excel as never,
        isSetSupported: host.isSetSupported,
        payloadTarget: options?.payloadTarget,
      });
      return { name: "excel", port, workbook: wb, host };
    },
  ],
  [
    // the same fake workbook behind the real Office.js client library: real proxies, real request bodies
    "excel (real Office.js over the fake host)",
    (wb, options) => {
      const host = new FakeExcelHost(wb, { apiVersion: options?.apiVersion });
      const real = new SimulatedExcelHost(host);
      const port = new ExcelWorkbook({
        excel: real.Excel,
        isSetSupported: host.isSetSupported,
        payloadTarget: options?.payloadTarget,
      });
      return { name: "excel-real", port, workbook: wb, host, real };
    },
  ],
];
