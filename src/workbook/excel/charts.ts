/**
 * Native charts of an own sheet (OwnSheetContent.charts), queued on the temporary sheet with its look, so they go
 * in the same request as the swap and are replaced with the sheet. A chart is added from its first series' cells
 * (ExcelApi 1.1); the categories and the further series are set by range (ExcelApi 1.7 — the add-in needs 1.9),
 * so the series need not lie next to each other or to the category labels. The references follow the sheet's
 * rename from its temporary name.
 */
import { cellAddress } from "../../domain/grid";
import type { CellBlock, OwnSheetChart } from "../port";
import { CALL_OVERHEAD } from "./env";

const CHART_TYPE: Record<OwnSheetChart["type"], string> = { line: "LineMarkers" };

function range(sheet: Excel.Worksheet, b: CellBlock): Excel.Range {
  return sheet.getRangeByIndexes(b.row, b.col, b.rows, b.cols);
}

/** Queue the charts of one sheet (no sync). */
export function queueCharts(sheet: Excel.Worksheet, charts: OwnSheetChart[] | undefined): void {
  for (const spec of charts ?? []) {
    const [first, ...rest] = spec.series;
    if (!first) continue;
    const byRows = first.values.rows === 1 ? "Rows" : "Columns";
    const chart = sheet.charts.add(
      CHART_TYPE[spec.type] as Excel.ChartType,
      range(sheet, first.values),
      byRows as Excel.ChartSeriesBy,
    );
    chart.title.text = spec.title;
    const a = spec.anchor;
    chart.setPosition(cellAddress(a.row, a.col), cellAddress(a.row + a.rows - 1, a.col + a.cols - 1));
    chart.legend.position = "Bottom" as Excel.ChartLegendPosition;
    if (spec.valueAxisTitle) chart.axes.valueAxis.title.text = spec.valueAxisTitle;
    const s0 = chart.series.getItemAt(0);
    s0.name = first.name;
    s0.setXAxisValues(range(sheet, spec.categories));
    for (const s of rest) {
      const added = chart.series.add(s.name);
      added.setValues(range(sheet, s.values));
      added.setXAxisValues(range(sheet, spec.categories));
    }
  }
}

/** Request bytes the charts add to the sheet's last request. */
export function chartsOverhead(charts: OwnSheetChart[] | undefined): number {
  return (charts ?? []).reduce((a, c) => a + CALL_OVERHEAD * (8 + 4 * c.series.length) + 2 * c.title.length, 0);
}
