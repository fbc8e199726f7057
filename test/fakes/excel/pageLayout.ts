/**
 * Worksheet.pageLayout (ExcelApi 1.9), the part the adapter sets for printing: paper size, orientation, fit to
 * pages, print titles. Each write is queued like any other and lands in the ExcelJS sheet's pageSetup, so a test
 * reads the page setup Excel would save.
 */
import type ExcelJS from "exceljs";
import type { FakeRequestContext } from "./context";
import { jsonSize } from "./payload";

/** Excel's paper names → the file format's paperSize numbers (the ones the adapter uses). */
const PAPER: Record<string, number> = { A4: 9, A3: 8, Letter: 1 };

export class FakePageLayout {
  constructor(
    private readonly context: FakeRequestContext,
    private readonly ws: () => ExcelJS.Worksheet,
  ) {}

  private set(bytes: number, apply: (setup: Partial<ExcelJS.PageSetup>) => void): void {
    this.context.enqueue(bytes, () => {
      const sheet = this.ws();
      const setup = { ...sheet.pageSetup };
      apply(setup);
      sheet.pageSetup = setup as ExcelJS.PageSetup;
    });
  }

  set paperSize(v: string) {
    this.set(jsonSize(v), (s) => (s.paperSize = PAPER[v] as ExcelJS.PaperSize));
  }

  set orientation(v: string) {
    this.set(jsonSize(v), (s) => (s.orientation = v === "Landscape" ? "landscape" : "portrait"));
  }

  set zoom(v: { horizontalFitToPages?: number; verticalFitToPages?: number; scale?: number }) {
    this.set(jsonSize(v), (s) => {
      if (v.horizontalFitToPages !== undefined) {
        s.fitToPage = true;
        s.fitToWidth = v.horizontalFitToPages;
        s.fitToHeight = v.verticalFitToPages ?? 0;
      }
      if (v.scale !== undefined) s.scale = v.scale;
    });
  }

  setPrintTitleRows(rows: string): void {
    this.set(jsonSize(rows), (s) => (s.printTitlesRow = rows.replace(/\$/g, "")));
  }
}
