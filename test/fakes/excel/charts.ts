/**
 * Charts (ExcelApi 1.1 ChartCollection.add, title, legend, axes, setPosition; 1.7 series.add, setValues,
 * setXAxisValues): the part the adapter uses. The host records each chart with the sheet it lies on and the cells
 * its series point at (ExcelJS has no chart model), so tests can assert what Excel would draw; a chart goes with
 * its sheet when the sheet is deleted and follows it when it is renamed.
 */
import type ExcelJS from "exceljs";
import type { UsedBounds } from "../../../src/workbook/xlsx/XlsxWorkbook";
import { ClientObject } from "./clientObject";
import type { FakeRequestContext } from "./context";
import { boundsAddress } from "./cells";
import { FakeOfficeError } from "./errors";
import { jsonSize } from "./payload";
import type { FakeRange } from "./range";
import type { FakeWorksheet } from "./worksheet";

/** Cells a series points at: a sheet (followed through renames) and a block. */
export interface FakeChartRef {
  ws: ExcelJS.Worksheet;
  bounds: UsedBounds;
}

export interface FakeChartSeriesModel {
  name: string;
  values: FakeChartRef;
  /** Category labels; null: Excel numbers the points 1, 2, … */
  xValues: FakeChartRef | null;
}

export interface FakeChartModel {
  ws: ExcelJS.Worksheet;
  type: string;
  seriesBy: string;
  title: string;
  /** Top-left and bottom-right cells (setPosition), null until set. */
  position: { start: string; end: string } | null;
  legendPosition: string | null;
  valueAxisTitle: string | null;
  series: FakeChartSeriesModel[];
}

/** A chart as tests see it: addresses qualified with the sheet's current name. */
export interface FakeChartView {
  sheet: string;
  type: string;
  title: string;
  position: { start: string; end: string } | null;
  legendPosition: string | null;
  valueAxisTitle: string | null;
  series: { name: string; values: string; categories: string | null }[];
}

const refText = (r: FakeChartRef) => `'${r.ws.name.replace(/'/g, "''")}'!${boundsAddress(r.bounds)}`;

export function chartView(m: FakeChartModel): FakeChartView {
  return {
    sheet: m.ws.name,
    type: m.type,
    title: m.title,
    position: m.position,
    legendPosition: m.legendPosition,
    valueAxisTitle: m.valueAxisTitle,
    series: m.series.map((s) => ({
      name: s.name,
      values: refText(s.values),
      categories: s.xValues ? refText(s.xValues) : null,
    })),
  };
}

const CHART_TYPES = new Set(["Line", "LineMarkers", "LineStacked", "ColumnClustered", "BarClustered", "Pie"]);

function refOf(range: FakeRange): FakeChartRef {
  return { ws: range.sheet.ws(), bounds: range.bounds() };
}

/** worksheet.charts */
export class FakeChartCollection extends ClientObject {
  constructor(
    context: FakeRequestContext,
    private readonly sheet: FakeWorksheet,
  ) {
    super(context);
  }

  _snapshot(): Record<string, unknown> {
    return {};
  }

  add(type: string, sourceData: FakeRange, seriesBy = "Auto"): FakeChart {
    let model: FakeChartModel | null = null;
    this.context.enqueue(jsonSize([type, seriesBy]), () => {
      if (!CHART_TYPES.has(type)) throw new FakeOfficeError("InvalidArgument", `Chart type ${type} is not valid.`);
      const source = refOf(sourceData);
      const b = source.bounds;
      // "Auto" takes series along the longer side, as Excel does for a plain block of numbers
      const rows = seriesBy === "Rows" || (seriesBy !== "Columns" && b.right - b.left >= b.bottom - b.top);
      const count = rows ? b.bottom - b.top + 1 : b.right - b.left + 1;
      const series = Array.from({ length: count }, (_, i) => ({
        name: `Ряд${i + 1}`,
        values: {
          ws: source.ws,
          bounds: rows
            ? { top: b.top + i, bottom: b.top + i, left: b.left, right: b.right }
            : { top: b.top, bottom: b.bottom, left: b.left + i, right: b.left + i },
        },
        xValues: null,
      }));
      model = {
        ws: this.sheet.ws(),
        type,
        seriesBy,
        title: "",
        position: null,
        legendPosition: "Right",
        valueAxisTitle: null,
        series,
      };
      this.context.host.charts.push(model);
    });
    return new FakeChart(this.context, () => {
      if (!model) throw new FakeOfficeError("ItemNotFound", "The requested resource doesn't exist.");
      return model;
    });
  }
}

/** A chart proxy: title, legend, value axis title, position, series. */
export class FakeChart extends ClientObject {
  readonly title: { text: string };
  readonly legend: { position: string };
  readonly axes: { valueAxis: { title: { text: string } } };
  private _series?: FakeChartSeriesCollection;

  constructor(
    context: FakeRequestContext,
    readonly model: () => FakeChartModel,
  ) {
    super(context);
    const set = (bytes: number, apply: (m: FakeChartModel) => void) =>
      this.context.enqueue(bytes, () => apply(this.model()));
    this.title = {
      get text(): string {
        throw new FakeOfficeError("PropertyNotLoaded", "The property 'text' is not available.");
      },
      set text(v: string) {
        set(jsonSize(v), (m) => (m.title = v));
      },
    };
    this.legend = {
      get position(): string {
        throw new FakeOfficeError("PropertyNotLoaded", "The property 'position' is not available.");
      },
      set position(v: string) {
        set(jsonSize(v), (m) => (m.legendPosition = v));
      },
    };
    const axisTitle = {
      get text(): string {
        throw new FakeOfficeError("PropertyNotLoaded", "The property 'text' is not available.");
      },
      set text(v: string) {
        set(jsonSize(v), (m) => (m.valueAxisTitle = v));
      },
    };
    this.axes = { valueAxis: { title: axisTitle } };
  }

  _snapshot(): Record<string, unknown> {
    return {};
  }

  setPosition(startCell: string, endCell?: string): void {
    this.context.enqueue(jsonSize([startCell, endCell ?? ""]), () => {
      this.model().position = { start: startCell, end: endCell ?? startCell };
    });
  }

  get series(): FakeChartSeriesCollection {
    return (this._series ??= new FakeChartSeriesCollection(this.context, this.model));
  }

  delete(): void {
    this.context.enqueue(0, () => {
      const charts = this.context.host.charts;
      charts.splice(charts.indexOf(this.model()), 1);
    });
  }
}

/** chart.series */
export class FakeChartSeriesCollection extends ClientObject {
  constructor(
    context: FakeRequestContext,
    private readonly chart: () => FakeChartModel,
  ) {
    super(context);
  }

  _snapshot(): Record<string, unknown> {
    return {};
  }

  getItemAt(index: number): FakeChartSeries {
    return new FakeChartSeries(this.context, () => {
      const s = this.chart().series[index];
      if (!s) throw new FakeOfficeError("ItemNotFound", "The requested resource doesn't exist.");
      return s;
    });
  }

  /**
   * What the real library's GetItemAt path reaches through (test/officejs/simulatorCore.ts): items by index,
   * resolved when the batch runs, so a series of a chart added in the same batch can be addressed.
   */
  get items(): FakeChartSeries[] {
    return new Proxy([] as FakeChartSeries[], {
      get: (target, p) =>
        typeof p === "string" && /^\d+$/.test(p) ? this.getItemAt(Number(p)) : Reflect.get(target, p),
    });
  }

  /** ExcelApi 1.7: a new series with no values yet. */
  add(name?: string): FakeChartSeries {
    let model: FakeChartSeriesModel | null = null;
    this.context.enqueue(jsonSize(name ?? ""), () => {
      const chart = this.chart();
      model = { name: name ?? `Ряд${chart.series.length + 1}`, values: { ws: chart.ws, bounds: EMPTY }, xValues: null };
      chart.series.push(model);
    });
    return new FakeChartSeries(this.context, () => {
      if (!model) throw new FakeOfficeError("ItemNotFound", "The requested resource doesn't exist.");
      return model;
    });
  }
}

/** A series with no values: an empty block that prints as nothing. */
const EMPTY: UsedBounds = { top: 0, left: 0, bottom: -1, right: -1 };

export class FakeChartSeries extends ClientObject {
  constructor(
    context: FakeRequestContext,
    private readonly model: () => FakeChartSeriesModel,
  ) {
    super(context);
  }

  _snapshot(props: string[]): Record<string, unknown> {
    return props.includes("name") ? { name: this.model().name } : {};
  }

  get name(): string {
    return this.get("name");
  }
  set name(v: string) {
    this.context.enqueue(jsonSize(v), () => (this.model().name = v));
  }

  /** ExcelApi 1.7 */
  setValues(sourceData: FakeRange): void {
    this.context.enqueue(0, () => (this.model().values = refOf(sourceData)));
  }

  /** ExcelApi 1.7 */
  setXAxisValues(sourceData: FakeRange): void {
    this.context.enqueue(0, () => (this.model().xValues = refOf(sourceData)));
  }
}
