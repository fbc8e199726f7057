/**
 * Native charts of an own sheet in the file (ExcelJS writes none): the DrawingML chart part (c:chartSpace with a
 * c:lineChart whose series point at the sheet's cells by formula, with the values cached as Excel caches them) and
 * the drawing part that anchors it to cells. The charts of a sheet are remembered with the ExcelJS sheet the add-in
 * wrote, so they go when the sheet is replaced; package/sheetCharts.ts puts the parts into the saved package.
 */
import type ExcelJS from "exceljs";
import { columnLetter } from "../../domain/grid";
import type { CellBlock, OwnSheetChart } from "../port";
import { excelJsCellValue } from "./cells";
import { escapeXml } from "./package/xml";

const charts = new WeakMap<ExcelJS.Worksheet, OwnSheetChart[]>();

/** The charts the add-in wrote with this sheet (none remembered: none written). */
export function rememberCharts(ws: ExcelJS.Worksheet, list: OwnSheetChart[] | undefined): void {
  if (list && list.length > 0) charts.set(ws, list);
  else charts.delete(ws);
}

export function chartsOf(ws: ExcelJS.Worksheet): OwnSheetChart[] {
  return charts.get(ws) ?? [];
}

const NS_C = "http://schemas.openxmlformats.org/drawingml/2006/chart";
const NS_A = "http://schemas.openxmlformats.org/drawingml/2006/main";
const NS_R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const NS_XDR = "http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing";
const XML_HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';
/** Axis ids: any pair of numbers unique within the chart. */
const CAT_AX = 510100001;
const VAL_AX = 510100002;

/** `'Sheet'!$D$1:$F$1`, the sheet name quoted as formulas quote it. */
export function blockFormula(sheet: string, b: CellBlock): string {
  const cell = (r: number, c: number) => `$${columnLetter(c)}$${r + 1}`;
  const from = cell(b.row, b.col);
  const to = cell(b.row + b.rows - 1, b.col + b.cols - 1);
  return `'${sheet.replace(/'/g, "''")}'!${from === to ? from : `${from}:${to}`}`;
}

/** The block's cells in order (a row left to right, a column top down) as Excel reports them. */
function blockValues(ws: ExcelJS.Worksheet, b: CellBlock) {
  const out = [];
  for (let r = b.row; r < b.row + b.rows; r++)
    for (let c = b.col; c < b.col + b.cols; c++) out.push(excelJsCellValue(ws.findCell(r + 1, c + 1)));
  return out;
}

function strRef(ws: ExcelJS.Worksheet, b: CellBlock): string {
  const values = blockValues(ws, b);
  const pts = values
    .map((v, i) => (v === null ? "" : `<c:pt idx="${i}"><c:v>${escapeXml(String(v))}</c:v></c:pt>`))
    .join("");
  return (
    `<c:strRef><c:f>${escapeXml(blockFormula(ws.name, b))}</c:f>` +
    `<c:strCache><c:ptCount val="${values.length}"/>${pts}</c:strCache></c:strRef>`
  );
}

function numRef(ws: ExcelJS.Worksheet, b: CellBlock): string {
  const values = blockValues(ws, b);
  const pts = values.map((v, i) => (typeof v === "number" ? `<c:pt idx="${i}"><c:v>${v}</c:v></c:pt>` : "")).join("");
  return (
    `<c:numRef><c:f>${escapeXml(blockFormula(ws.name, b))}</c:f>` +
    `<c:numCache><c:formatCode>General</c:formatCode><c:ptCount val="${values.length}"/>${pts}</c:numCache></c:numRef>`
  );
}

/** Rich text of a chart or axis title (CT_Title: tx, layout, overlay). */
function title(text: string, size: number): string {
  return (
    `<c:title><c:tx><c:rich><a:bodyPr/><a:lstStyle/><a:p><a:pPr><a:defRPr sz="${size}" b="1"/></a:pPr>` +
    `<a:r><a:rPr lang="ru-RU" sz="${size}" b="1"/><a:t>${escapeXml(text)}</a:t></a:r></a:p></c:rich></c:tx>` +
    `<c:overlay val="0"/></c:title>`
  );
}

/**
 * xl/charts/chartN.xml for one chart of sheet `ws`, in the schema's element order: CT_LineChart (grouping,
 * varyColors, ser*, marker, axId×2), CT_LineSer (idx, order, tx, marker, cat, val, smooth), then the axes.
 */
export function chartXml(ws: ExcelJS.Worksheet, spec: OwnSheetChart): string {
  const series = spec.series
    .map(
      (s, i) =>
        `<c:ser><c:idx val="${i}"/><c:order val="${i}"/><c:tx><c:v>${escapeXml(s.name)}</c:v></c:tx>` +
        `<c:marker><c:symbol val="circle"/><c:size val="6"/></c:marker>` +
        `<c:cat>${strRef(ws, spec.categories)}</c:cat><c:val>${numRef(ws, s.values)}</c:val>` +
        `<c:smooth val="0"/></c:ser>`,
    )
    .join("");
  const axisLines = '<c:majorTickMark val="out"/><c:minorTickMark val="none"/><c:tickLblPos val="nextTo"/>';
  return (
    XML_HEAD +
    `<c:chartSpace xmlns:c="${NS_C}" xmlns:a="${NS_A}" xmlns:r="${NS_R}">` +
    `<c:date1904 val="0"/><c:lang val="ru-RU"/><c:roundedCorners val="0"/>` +
    `<c:chart>${title(spec.title, 1200)}<c:autoTitleDeleted val="0"/><c:plotArea><c:layout/>` +
    `<c:lineChart><c:grouping val="standard"/><c:varyColors val="0"/>${series}` +
    `<c:marker val="1"/><c:axId val="${CAT_AX}"/><c:axId val="${VAL_AX}"/></c:lineChart>` +
    `<c:catAx><c:axId val="${CAT_AX}"/><c:scaling><c:orientation val="minMax"/></c:scaling><c:delete val="0"/>` +
    `<c:axPos val="b"/>${axisLines}<c:crossAx val="${VAL_AX}"/><c:crosses val="autoZero"/><c:auto val="1"/>` +
    `<c:lblAlgn val="ctr"/><c:lblOffset val="100"/><c:noMultiLvlLbl val="0"/></c:catAx>` +
    `<c:valAx><c:axId val="${VAL_AX}"/><c:scaling><c:orientation val="minMax"/></c:scaling><c:delete val="0"/>` +
    `<c:axPos val="l"/><c:majorGridlines/>${spec.valueAxisTitle ? title(spec.valueAxisTitle, 1000) : ""}` +
    `<c:numFmt formatCode="#,##0" sourceLinked="0"/>${axisLines}<c:crossAx val="${CAT_AX}"/>` +
    `<c:crosses val="autoZero"/><c:crossBetween val="between"/></c:valAx></c:plotArea>` +
    `<c:legend><c:legendPos val="b"/><c:overlay val="0"/></c:legend>` +
    `<c:plotVisOnly val="1"/><c:dispBlanksAs val="gap"/></c:chart></c:chartSpace>`
  );
}

/** xl/drawings/drawingN.xml: each chart in a two-cell anchor over its cells, linked by relationship id. */
export function drawingXml(items: { spec: OwnSheetChart; relId: string }[]): string {
  const anchors = items.map(({ spec, relId }, i) => {
    const a = spec.anchor;
    const corner = (tag: string, row: number, col: number) =>
      `<xdr:${tag}><xdr:col>${col}</xdr:col><xdr:colOff>0</xdr:colOff>` +
      `<xdr:row>${row}</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:${tag}>`;
    return (
      `<xdr:twoCellAnchor>${corner("from", a.row, a.col)}${corner("to", a.row + a.rows, a.col + a.cols)}` +
      `<xdr:graphicFrame macro=""><xdr:nvGraphicFramePr><xdr:cNvPr id="${i + 2}" name="Диаграмма ${i + 1}"/>` +
      `<xdr:cNvGraphicFramePr/></xdr:nvGraphicFramePr>` +
      `<xdr:xfrm><a:off x="0" y="0"/><a:ext cx="0" cy="0"/></xdr:xfrm>` +
      `<a:graphic><a:graphicData uri="${NS_C}"><c:chart xmlns:c="${NS_C}" r:id="${relId}"/></a:graphicData>` +
      `</a:graphic></xdr:graphicFrame><xdr:clientData/></xdr:twoCellAnchor>`
    );
  });
  return (
    XML_HEAD + `<xdr:wsDr xmlns:xdr="${NS_XDR}" xmlns:a="${NS_A}" xmlns:r="${NS_R}">${anchors.join("")}</xdr:wsDr>`
  );
}
