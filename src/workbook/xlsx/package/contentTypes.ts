/** [Content_Types].xml: the content type of a part (Override, else Default by extension) and additive edits. */
import { escapeXml, findElement, getAttr } from "./xml";

export const CONTENT_TYPE = {
  worksheet: "application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml",
  styles: "application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml",
  comments: "application/vnd.openxmlformats-officedocument.spreadsheetml.comments+xml",
  vml: "application/vnd.openxmlformats-officedocument.vmlDrawing",
} as const;

export function contentTypeOf(xml: string, part: string): string | undefined {
  const name = `/${part}`.toLowerCase();
  for (let el = findElement(xml, "Override"); el; el = findElement(xml, "Override", el.end)) {
    if ((getAttr(el.tag, "PartName") ?? "").toLowerCase() === name) return getAttr(el.tag, "ContentType");
  }
  const ext = part.slice(part.lastIndexOf(".") + 1).toLowerCase();
  for (let el = findElement(xml, "Default"); el; el = findElement(xml, "Default", el.end)) {
    if ((getAttr(el.tag, "Extension") ?? "").toLowerCase() === ext) return getAttr(el.tag, "ContentType");
  }
  return undefined;
}

function insertBeforeClose(xml: string, el: string): string {
  const close = xml.lastIndexOf("</Types>");
  if (close < 0) throw new Error("[Content_Types].xml без </Types>");
  return xml.slice(0, close) + el + xml.slice(close);
}

/** Declare `part`'s content type (an Override), unless it already resolves to that type. */
export function addOverride(xml: string, part: string, type: string): string {
  if (contentTypeOf(xml, part) === type) return xml;
  const cleaned = removeOverride(xml, part);
  return insertBeforeClose(cleaned, `<Override PartName="/${escapeXml(part)}" ContentType="${type}"/>`);
}

export function addDefault(xml: string, ext: string, type: string): string {
  for (let el = findElement(xml, "Default"); el; el = findElement(xml, "Default", el.end)) {
    if ((getAttr(el.tag, "Extension") ?? "").toLowerCase() === ext) return xml;
  }
  return insertBeforeClose(xml, `<Default Extension="${ext}" ContentType="${type}"/>`);
}

export function removeOverride(xml: string, part: string): string {
  const name = `/${part}`.toLowerCase();
  for (let el = findElement(xml, "Override"); el; el = findElement(xml, "Override", el.end)) {
    if ((getAttr(el.tag, "PartName") ?? "").toLowerCase() === name) return xml.slice(0, el.start) + xml.slice(el.end);
  }
  return xml;
}
