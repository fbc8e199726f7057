/** Package relationships (OPC part 2): reading a .rels part, adding and removing one relationship in place. */
import { escapeXml, findElement, getAttr } from "./xml";

export const REL = {
  officeDocument: "http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument",
  worksheet: "http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet",
  styles: "http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles",
  comments: "http://schemas.openxmlformats.org/officeDocument/2006/relationships/comments",
  vmlDrawing: "http://schemas.openxmlformats.org/officeDocument/2006/relationships/vmlDrawing",
  calcChain: "http://schemas.openxmlformats.org/officeDocument/2006/relationships/calcChain",
} as const;

const EMPTY_RELS =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
  '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"></Relationships>';

export interface Relationship {
  id: string;
  type: string;
  target: string;
  external: boolean;
}

export function parseRels(xml: string | undefined): Relationship[] {
  if (!xml) return [];
  const out: Relationship[] = [];
  for (let el = findElement(xml, "Relationship"); el; el = findElement(xml, "Relationship", el.end)) {
    out.push({
      id: getAttr(el.tag, "Id") ?? "",
      type: getAttr(el.tag, "Type") ?? "",
      target: getAttr(el.tag, "Target") ?? "",
      external: getAttr(el.tag, "TargetMode") === "External",
    });
  }
  return out;
}

/** "xl/worksheets/sheet1.xml" → "xl/worksheets/_rels/sheet1.xml.rels". */
export function relsPartFor(part: string): string {
  const slash = part.lastIndexOf("/");
  return `${part.slice(0, slash + 1)}_rels/${part.slice(slash + 1)}.rels`;
}

/** A relationship target resolved against the source part's folder → a part name without a leading slash. */
export function resolveTarget(sourcePart: string, target: string): string {
  const base = target.startsWith("/") ? [] : sourcePart.split("/").slice(0, -1);
  for (const seg of target.replace(/^\//, "").split("/")) {
    if (seg === "..") base.pop();
    else if (seg !== "." && seg !== "") base.push(seg);
  }
  return base.join("/");
}

/** The target of `part` written relative to the folder of `sourcePart`. */
export function relativeTarget(sourcePart: string, part: string): string {
  const from = sourcePart.split("/").slice(0, -1);
  const to = part.split("/");
  let i = 0;
  while (i < from.length && i < to.length - 1 && from[i] === to[i]) i++;
  return [...Array<string>(from.length - i).fill(".."), ...to.slice(i)].join("/");
}

/** Add a relationship with a fresh id; returns the new .rels text and the id. */
export function addRel(xml: string | undefined, type: string, target: string): { xml: string; id: string } {
  const text = xml ?? EMPTY_RELS;
  const used = new Set(parseRels(text).map((r) => r.id));
  let n = used.size + 1;
  while (used.has(`rId${n}`)) n++;
  const id = `rId${n}`;
  const el = `<Relationship Id="${id}" Type="${type}" Target="${escapeXml(target)}"/>`;
  const close = text.lastIndexOf("</Relationships>");
  if (close >= 0) return { xml: text.slice(0, close) + el + text.slice(close), id };
  const selfClosed = text.replace(/<Relationships([^>]*)\/>/, `<Relationships$1>${el}</Relationships>`);
  return { xml: selfClosed, id };
}

/** Remove the relationship with this id (other relationships stay as written). */
export function removeRel(xml: string, id: string): string {
  for (let el = findElement(xml, "Relationship"); el; el = findElement(xml, "Relationship", el.end)) {
    if (getAttr(el.tag, "Id") === id) return xml.slice(0, el.start) + xml.slice(el.end);
  }
  return xml;
}
