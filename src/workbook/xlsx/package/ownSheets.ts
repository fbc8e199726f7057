/**
 * The add-in's own sheets as package parts: ExcelJS writes a scratch workbook holding only those sheets (inline
 * strings, so the user's shared-string table is never touched), and their worksheet XML is taken from it with the
 * cell-format indexes remapped into the user's styles.xml.
 */
import ExcelJS from "exceljs";
import { importStyles, type StyleSheet } from "./styles";
import { partText, readPackage } from "./zip";
import { parseRels, relsPartFor, resolveTarget } from "./relationships";
import { parseSheets, workbookPartName } from "./workbookXml";

export interface BuiltSheet {
  name: string;
  state: "visible" | "hidden" | "veryHidden";
  /** Worksheet XML whose `s`/`style` indexes point into the target styles.xml. */
  xml: string;
}

/** A copy of an ExcelJS worksheet in another workbook (model copy; own sheets have no media or tables). */
export function copySheet(into: ExcelJS.Workbook, ws: ExcelJS.Worksheet): void {
  const model = ws.model as unknown as Record<string, unknown>;
  const copy = into.addWorksheet(ws.name, { state: ws.state });
  (copy as unknown as { model: unknown }).model = {
    ...model,
    name: ws.name,
    media: [],
    tables: [],
    // the getter calls them "merges", the setter reads "mergeCells"
    mergeCells: model.merges,
  };
  copy.state = ws.state;
}

export async function buildOwnSheets(sheets: ExcelJS.Worksheet[], styles: StyleSheet): Promise<BuiltSheet[]> {
  if (sheets.length === 0) return [];
  const scratch = new ExcelJS.Workbook();
  for (const ws of sheets) copySheet(scratch, ws);
  // stored, not deflated: the parts are unpacked again at once
  const bytes = await scratch.xlsx.writeBuffer({ zip: { compression: "STORE" } } as never);
  const parts = readPackage(new Uint8Array(bytes as ArrayBuffer));
  const wbPart = workbookPartName(parts) ?? "xl/workbook.xml";
  const wbXml = partText(parts, wbPart)!;
  const rels = parseRels(partText(parts, relsPartFor(wbPart)));
  const stylesRel = rels.find((r) => r.type.endsWith("/styles"));
  const sstRel = rels.find((r) => r.type.endsWith("/sharedStrings"));
  const strings = sstRel ? sharedStringItems(partText(parts, resolveTarget(wbPart, sstRel.target))!) : [];
  const xfMap = stylesRel ? importStyles(styles, partText(parts, resolveTarget(wbPart, stylesRel.target))!) : [];
  return parseSheets(wbXml).map((entry) => {
    const rel = rels.find((r) => r.id === entry.relId)!;
    const part = resolveTarget(wbPart, rel.target);
    if (parts.has(relsPartFor(part))) {
      // own sheets hold values, formats and HYPERLINK formulas only; a relationship would need transplanting too
      const extra = parseRels(partText(parts, relsPartFor(part))).map((r) => r.type.split("/").pop());
      if (extra.length > 0) throw new Error(`лист «${entry.name}» надстройки ссылается на ${extra.join(", ")}`);
    }
    const ws = sheets.find((s) => s.name === entry.name)!;
    const xml = inlineSharedStrings(partText(parts, part)!, strings);
    return { name: entry.name, state: sheetState(ws), xml: remapStyleIndexes(xml, xfMap) };
  });
}

function sheetState(ws: ExcelJS.Worksheet): BuiltSheet["state"] {
  return ws.state === "hidden" || ws.state === "veryHidden" ? ws.state : "visible";
}

/** The inner XML of each <si> of a shared-string table (a <t> or rich-text runs, valid inside <is> too). */
function sharedStringItems(sst: string): string[] {
  return [...sst.matchAll(/<si>([\s\S]*?)<\/si>|<si\/>/g)].map((m) => m[1] ?? "<t></t>");
}

/**
 * ExcelJS writes strings to a shared-string table even when asked not to; the user's table must stay as it is,
 * so the own sheets' string cells become inline strings.
 */
export function inlineSharedStrings(xml: string, strings: string[]): string {
  return xml.replace(
    /<c((?:\s[^>]*?)?)\st="s"((?:\s[^>]*?)?)><v>(\d+)<\/v><\/c>/g,
    (_, a: string, b: string, i: string) => `<c${a} t="inlineStr"${b}><is>${strings[Number(i)] ?? "<t></t>"}</is></c>`,
  );
}

/** Rewrite s="…" of cells and rows and style="…" of columns through the xf map. */
export function remapStyleIndexes(xml: string, xfMap: number[]): string {
  const map = (v: string) => String(xfMap[Number(v)] ?? 0);
  return xml
    .replace(/(<(?:c|row)\s[^>]*?\ss=")(\d+)(")/g, (_, a: string, v: string, b: string) => a + map(v) + b)
    .replace(/(<col\s[^>]*?\sstyle=")(\d+)(")/g, (_, a: string, v: string, b: string) => a + map(v) + b);
}
