/**
 * An own sheet's native charts as package parts: xl/charts/chartN.xml and xl/drawings/drawingN.xml (chartPart.ts
 * writes their XML), the relationships sheet → drawing → chart, the sheet's <drawing r:id>, the content types.
 * Used by the lossless save (the user's package) and on ExcelJS's own output (a workbook built in memory, the
 * separate results workbook), which has no charts. A replaced own sheet's charts go with it.
 */
import type ExcelJS from "exceljs";
import { chartXml, chartsOf, drawingXml } from "../chartPart";
import { addOverride, removeOverride } from "./contentTypes";
import { REL, addRel, parseRels, relativeTarget, relsPartFor, resolveTarget } from "./relationships";
import { parseSheets, workbookPartName } from "./workbookXml";
import { childElements, findElement } from "./xml";
import { partText, readPackage, setPartText, writePackage, type PackageParts } from "./zip";
import { worksheetChildrenAfter } from "./worksheetOrder";

const REL_DRAWING = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/drawing";
const REL_CHART = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/chart";
const CT_DRAWING = "application/vnd.openxmlformats-officedocument.drawing+xml";
const CT_CHART = "application/vnd.openxmlformats-officedocument.drawingml.chart+xml";
const NS_R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

/** The package being edited: its parts and its [Content_Types].xml text. */
export interface ChartPackage {
  parts: PackageParts;
  contentTypes: string;
}

function freePart(parts: PackageParts, make: (n: number) => string): string {
  const names = new Set([...parts.keys()].map((k) => k.toLowerCase()));
  let n = 1;
  while (names.has(make(n).toLowerCase())) n++;
  return make(n);
}

const AFTER_DRAWING = worksheetChildrenAfter("drawing");

/** The sheet XML with <drawing r:id="…"/> in its place; null when the sheet already has one or ends unusually. */
function withDrawingElement(sheetXml: string, relId: string): string | null {
  const sd = findElement(sheetXml, "sheetData");
  const close = sheetXml.lastIndexOf("</worksheet>");
  if (!sd || close < 0 || findElement(sheetXml, "drawing")) return null;
  const tail = childElements(sheetXml, sd.end, close);
  if (tail.some((el) => el.name.includes(":"))) return null;
  const at = tail.find((el) => AFTER_DRAWING.has(el.name))?.start ?? close;
  const m = /xmlns:([\w.-]+)="http:\/\/schemas\.openxmlformats\.org\/officeDocument\/2006\/relationships"/.exec(
    sheetXml,
  );
  const prefix = m ? m[1] : "r";
  let xml = sheetXml.slice(0, at) + `<drawing ${prefix}:id="${relId}"/>` + sheetXml.slice(at);
  if (!m) {
    const root = findElement(xml, "worksheet")!;
    const tag = root.tag.replace(/(\/?>)$/, ` xmlns:r="${NS_R}"$1`);
    xml = xml.slice(0, root.start) + tag + xml.slice(root.openEnd);
  }
  return xml;
}

/**
 * Add the charts remembered for `ws` to its sheet part `sheetPart`. Returns the parts added (none when the sheet
 * has no charts, or already a drawing of its own, which an own sheet never has).
 */
export function addSheetCharts(pkg: ChartPackage, sheetPart: string, ws: ExcelJS.Worksheet): string[] {
  const specs = chartsOf(ws);
  const sheetXml = partText(pkg.parts, sheetPart);
  if (specs.length === 0 || sheetXml === undefined) return [];
  const added: string[] = [];
  const drawingPart = freePart(pkg.parts, (n) => `xl/drawings/drawing${n}.xml`);
  let drawingRels: string | undefined;
  const items = specs.map((spec) => {
    const chartPart = freePart(pkg.parts, (n) => `xl/charts/chart${n}.xml`);
    setPartText(pkg.parts, chartPart, chartXml(ws, spec));
    pkg.contentTypes = addOverride(pkg.contentTypes, chartPart, CT_CHART);
    added.push(chartPart);
    const rel = addRel(drawingRels, REL_CHART, relativeTarget(drawingPart, chartPart));
    drawingRels = rel.xml;
    return { spec, relId: rel.id };
  });
  const sheetRelsPart = relsPartFor(sheetPart);
  const sheetRel = addRel(partText(pkg.parts, sheetRelsPart), REL_DRAWING, relativeTarget(sheetPart, drawingPart));
  const xml = withDrawingElement(sheetXml, sheetRel.id);
  if (xml === null) {
    for (const part of added) {
      pkg.parts.delete(part);
      pkg.contentTypes = removeOverride(pkg.contentTypes, part);
    }
    return [];
  }
  setPartText(pkg.parts, drawingPart, drawingXml(items));
  setPartText(pkg.parts, relsPartFor(drawingPart), drawingRels!);
  pkg.contentTypes = addOverride(pkg.contentTypes, drawingPart, CT_DRAWING);
  setPartText(pkg.parts, sheetRelsPart, sheetRel.xml);
  setPartText(pkg.parts, sheetPart, xml);
  return [drawingPart, ...added];
}

/**
 * Before a sheet part is replaced: the charts of its drawings go (with the chart's own style parts); the drawing
 * itself goes with the sheet's other relationships. Images a drawing shows are left (they may be shared).
 */
export function dropSheetCharts(pkg: ChartPackage, sheetPart: string): void {
  const drop = (part: string) => {
    pkg.parts.delete(part);
    pkg.contentTypes = removeOverride(pkg.contentTypes, part);
  };
  for (const rel of parseRels(partText(pkg.parts, relsPartFor(sheetPart)))) {
    if (rel.external || rel.type !== REL_DRAWING) continue;
    const drawing = resolveTarget(sheetPart, rel.target);
    for (const c of parseRels(partText(pkg.parts, relsPartFor(drawing)))) {
      if (c.external || c.type !== REL_CHART) continue;
      const chart = resolveTarget(drawing, c.target);
      for (const s of parseRels(partText(pkg.parts, relsPartFor(chart))))
        if (!s.external && /chartStyle|chartColorStyle|chartUserShapes/.test(s.type))
          drop(resolveTarget(chart, s.target));
      pkg.parts.delete(relsPartFor(chart));
      drop(chart);
    }
    pkg.parts.delete(relsPartFor(drawing));
  }
}

/** ExcelJS's output with the charts of `sheets` added (sheets matched by name); unchanged when none has charts. */
export function withCharts(bytes: Uint8Array, sheets: ExcelJS.Worksheet[]): Uint8Array {
  const charted = sheets.filter((ws) => chartsOf(ws).length > 0);
  if (charted.length === 0) return bytes;
  const parts = readPackage(bytes);
  const wbPart = workbookPartName(parts);
  const ct = partText(parts, "[Content_Types].xml");
  if (!wbPart || ct === undefined) return bytes;
  const rels = parseRels(partText(parts, relsPartFor(wbPart)));
  const pkg: ChartPackage = { parts, contentTypes: ct };
  for (const entry of parseSheets(partText(parts, wbPart) ?? "")) {
    const ws = charted.find((s) => s.name === entry.name);
    const rel = rels.find((r) => r.id === entry.relId);
    if (ws && rel && rel.type === REL.worksheet) addSheetCharts(pkg, resolveTarget(wbPart, rel.target), ws);
  }
  setPartText(parts, "[Content_Types].xml", pkg.contentTypes);
  return writePackage(parts);
}
