/**
 * Notes (legacy comments) on a user's sheet: a comments part + its VML drawing + the <legacyDrawing> element.
 * Made only where it is safe — the sheet has no notes or legacy drawing yet, or the ones it has were written by the
 * add-in (the VML carries NOTES_MARKER) and are rebuilt as a whole. A sheet with the user's own notes is left alone
 * and the caller reports it (the results then go to a separate workbook).
 */
import { columnIndex, columnLetter } from "../../../domain/grid";
import { childElements, escapeXml, findElement, getAttr, unescapeXml } from "./xml";
import { worksheetChildrenAfter } from "./worksheetOrder";

export const NOTES_MARKER = "<!-- zhku-collect notes -->";
const AUTHOR = "Взыскание ЖКУ";
const MAIN_NS = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
/** Shape ids of one VML drawing live in blocks of 1024 named by o:idmap. */
const SHAPES_PER_BLOCK = 1024;

export interface Note {
  row: number;
  col: number;
  text: string;
}

export function commentsXml(notes: Note[]): string {
  const list = notes
    .map(
      (n) =>
        `<comment ref="${columnLetter(n.col)}${n.row + 1}" authorId="0"><text><r><t xml:space="preserve">` +
        `${escapeXml(n.text)}</t></r></text></comment>`,
    )
    .join("");
  return (
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<comments xmlns="${MAIN_NS}">` +
    `<authors><author>${AUTHOR}</author></authors><commentList>${list}</commentList></comments>`
  );
}

/** The VML drawing that shows the notes; `firstBlock` must not be used by another VML part of the workbook. */
export function vmlXml(notes: Note[], firstBlock: number): string {
  const blocks = Math.max(1, Math.ceil(notes.length / SHAPES_PER_BLOCK));
  const idmap = Array.from({ length: blocks }, (_, i) => firstBlock + i).join(",");
  const shapes = notes.map((n, i) => noteShape(n, firstBlock * SHAPES_PER_BLOCK + i + 1, i + 1)).join("");
  return (
    `<xml xmlns:v="urn:schemas-microsoft-com:vml" xmlns:o="urn:schemas-microsoft-com:office:office" ` +
    `xmlns:x="urn:schemas-microsoft-com:office:excel">${NOTES_MARKER}<o:shapelayout v:ext="edit">` +
    `<o:idmap v:ext="edit" data="${idmap}"/></o:shapelayout><v:shapetype id="_x0000_t202" coordsize="21600,21600" ` +
    `o:spt="202" path="m,l,21600r21600,l21600,xe"><v:stroke joinstyle="miter"/><v:path gradientshapeok="t" ` +
    `o:connecttype="rect"/></v:shapetype>${shapes}</xml>`
  );
}

/** One hidden note box (Excel's default look) anchored next to its cell. */
export function noteShape(n: { row: number; col: number }, id: number, z: number): string {
  const anchor = `${n.col + 1}, 15, ${Math.max(0, n.row - 1)}, 10, ${n.col + 3}, 15, ${n.row + 3}, 4`;
  return (
    `<v:shape id="_x0000_s${id}" type="#_x0000_t202" style="position:absolute;margin-left:59.25pt;` +
    `margin-top:1.5pt;width:180pt;height:60pt;z-index:${z};visibility:hidden" fillcolor="#ffffe1" ` +
    `o:insetmode="auto"><v:fill color2="#ffffe1"/><v:shadow on="t" color="black" obscured="t"/>` +
    `<v:path o:connecttype="none"/><v:textbox style="mso-direction-alt:auto"><div style="text-align:left"></div>` +
    `</v:textbox><x:ClientData ObjectType="Note"><x:MoveWithCells/><x:SizeWithCells/>` +
    `<x:Anchor>${anchor}</x:Anchor><x:AutoFill>False</x:AutoFill><x:Row>${n.row}</x:Row>` +
    `<x:Column>${n.col}</x:Column></x:ClientData></v:shape>`
  );
}

/** The highest o:idmap block any of these VML parts uses (0 when none). */
export function maxVmlBlock(vmlTexts: string[]): number {
  let max = 0;
  for (const text of vmlTexts) {
    for (const m of text.matchAll(/<o:idmap\b[^>]*\bdata="([^"]*)"/g)) {
      for (const n of m[1].split(",")) if (Number(n) > max) max = Number(n);
    }
  }
  return max;
}

/** The notes of a comments part the add-in wrote (plain text per cell). */
export function readOwnComments(xml: string): Note[] {
  const out: Note[] = [];
  for (let el = findElement(xml, "comment"); el; el = findElement(xml, "comment", el.end)) {
    const ref = /^([A-Z]{1,3})(\d+)$/.exec(getAttr(el.tag, "ref") ?? "");
    if (!ref) continue;
    const body = xml.slice(el.openEnd, el.end);
    const text = [...body.matchAll(/<t(?:\s[^>]*)?>([\s\S]*?)<\/t>/g)].map((m) => unescapeXml(m[1])).join("");
    out.push({ row: Number(ref[2]) - 1, col: columnIndex(ref[1]), text });
  }
  return out;
}

/**
 * Where <legacyDrawing> goes in CT_Worksheet: before the first of the elements that follow it, else before the
 * closing tag. null when the sheet's tail is unusual (markup-compatibility wrappers).
 */
export function legacyDrawingOffset(sheetXml: string): number | null {
  const sd = findElement(sheetXml, "sheetData");
  const close = sheetXml.lastIndexOf("</worksheet>");
  if (!sd || close < 0) return null;
  const tail = childElements(sheetXml, sd.end, close);
  if (tail.some((el) => el.name.includes(":"))) return null;
  const next = tail.find((el) => FOLLOWING_LEGACY_DRAWING.has(el.name));
  return next ? next.start : close;
}

const FOLLOWING_LEGACY_DRAWING = worksheetChildrenAfter("legacyDrawing");
