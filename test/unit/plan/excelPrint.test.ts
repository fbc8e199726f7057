/**
 * The Office.js side of the plan's print setup: an own sheet written with `print` over the Excel fake (which models
 * Worksheet.pageLayout, ExcelApi 1.9, into the sheet's page setup) — A4, landscape, one page wide, the header rows on
 * every page, wrapped text aligned to the top — and again after a rerun replaced the sheet.
 */
import { describe, expect, it } from "vitest";
import ExcelJS from "exceljs";
import { ExcelWorkbook } from "../../../src/workbook/excel/ExcelWorkbook";
import { FakeExcelHost } from "../../fakes/excelFake";

const SHEET = "План мероприятий";

function excel(): { wb: ExcelJS.Workbook; port: ExcelWorkbook } {
  const wb = new ExcelJS.Workbook();
  wb.addWorksheet("Реестр").addRow(["Лицевой счёт"]);
  const host = new FakeExcelHost(wb);
  return { wb, port: new ExcelWorkbook({ excel: host.Excel as never, isSetSupported: host.isSetSupported }) };
}

const rows = Array.from({ length: 28 }, (_, r) => Array.from({ length: 10 }, (_, c) => `р${r + 1} с${c + 1}`));

describe("print setup of an own sheet (Office.js)", () => {
  it("A4 landscape, one page wide, rows 9–10 repeated, text wrapped to the top — after a rerun too", async () => {
    const { wb, port } = excel();
    const print = { landscape: true, repeatRows: [8, 9] as [number, number], fitToWidth: true, wrapText: true };
    for (let run = 0; run < 2; run++) {
      await port.writeOwnSheet({ name: SHEET, rows, print });
      const ws = wb.getWorksheet(SHEET)!;
      expect(ws.pageSetup).toMatchObject({
        paperSize: 9,
        orientation: "landscape",
        fitToPage: true,
        fitToWidth: 1,
        printTitlesRow: "9:10",
      });
      expect(ws.getCell("J28").alignment).toMatchObject({ wrapText: true, vertical: "top" });
    }
  });

  it("portrait without titles or scaling: paper and orientation only", async () => {
    const { wb, port } = excel();
    await port.writeOwnSheet({ name: SHEET, rows, print: { landscape: false } });
    const setup = wb.getWorksheet(SHEET)!.pageSetup;
    expect(setup).toMatchObject({ paperSize: 9, orientation: "portrait" });
    expect(setup.fitToPage).toBeFalsy();
    expect(setup.printTitlesRow).toBeUndefined();
  });
});
