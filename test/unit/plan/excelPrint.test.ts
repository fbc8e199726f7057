/**
 * The Office.js side of the plan's print setup: what queuePrintSetup asks of a worksheet (ExcelApi 1.9
 * pageLayout) — A4, landscape, one page wide, the header rows on every page, wrapped text — recorded on a stub.
 */
import { describe, expect, it } from "vitest";
import { queuePrintSetup } from "../../../src/workbook/excel/ownSheet";

function stubSheet() {
  const calls: Record<string, unknown> = {};
  const format: Record<string, unknown> = {};
  const sheet = {
    pageLayout: {
      set paperSize(v: string) {
        calls.paperSize = v;
      },
      set orientation(v: string) {
        calls.orientation = v;
      },
      set zoom(v: unknown) {
        calls.zoom = v;
      },
      setPrintTitleRows(a: string) {
        calls.titles = a;
      },
    },
    getRangeByIndexes(r: number, c: number, rows: number, cols: number) {
      calls.range = [r, c, rows, cols];
      return { format, untrack: () => undefined };
    },
  };
  return { sheet: sheet as unknown as Excel.Worksheet, calls, format };
}

describe("queuePrintSetup (Office.js)", () => {
  it("A4 landscape, one page wide, rows 9–10 repeated, text wrapped to the top", () => {
    const { sheet, calls, format } = stubSheet();
    queuePrintSetup(sheet, { landscape: true, repeatRows: [8, 9], fitToWidth: true, wrapText: true }, 28, 10);
    expect(calls).toEqual({
      paperSize: "A4",
      orientation: "Landscape",
      zoom: { horizontalFitToPages: 1 },
      titles: "$9:$10",
      range: [0, 0, 28, 10],
    });
    expect(format).toEqual({ wrapText: true, verticalAlignment: "Top" });
  });

  it("portrait without titles or scaling sets only paper and orientation", () => {
    const { sheet, calls } = stubSheet();
    queuePrintSetup(sheet, { landscape: false }, 5, 3);
    expect(calls).toEqual({ paperSize: "A4", orientation: "Portrait" });
  });
});
