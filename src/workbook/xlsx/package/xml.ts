/**
 * Just enough XML handling to edit an Office package by splicing text: the parts the add-in does not mean to
 * change are never parsed into a tree and re-serialised, so nothing the user had is reformatted or dropped.
 */

export function escapeXml(s: string): string {
  return s.replace(/[&<>"]/g, (c) => (c === "&" ? "&amp;" : c === "<" ? "&lt;" : c === ">" ? "&gt;" : "&quot;"));
}

export function unescapeXml(s: string): string {
  return s.replace(/&(lt|gt|quot|apos|amp|#x[0-9a-fA-F]+|#\d+);/g, (_, e: string) => {
    if (e === "lt") return "<";
    if (e === "gt") return ">";
    if (e === "quot") return '"';
    if (e === "apos") return "'";
    if (e === "amp") return "&";
    return String.fromCodePoint(e[1] === "x" ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10));
  });
}

/** An attribute of an opening tag's text (`<c r="A1" s="3">`), unescaped; undefined when absent. */
export function getAttr(tag: string, name: string): string | undefined {
  const m = new RegExp(`\\s${name.replace(/[.:]/g, "\\$&")}\\s*=\\s*(?:"([^"]*)"|'([^']*)')`).exec(tag);
  return m ? unescapeXml(m[1] ?? m[2]) : undefined;
}

/** The opening tag with the attribute set (replaced in place, or added before the closing `>` / `/>`). */
export function setAttr(tag: string, name: string, value: string): string {
  const re = new RegExp(`(\\s${name.replace(/[.:]/g, "\\$&")}\\s*=\\s*)(?:"[^"]*"|'[^']*')`);
  const v = `"${escapeXml(value)}"`;
  if (re.test(tag)) return tag.replace(re, (_, head: string) => head + v);
  const end = tag.endsWith("/>") ? tag.length - 2 : tag.length - 1;
  return `${tag.slice(0, end)} ${name}=${v}${tag.slice(end)}`;
}

export interface XmlElement {
  /** Offset of `<`. */
  start: number;
  /** Offset just after the opening tag's `>`. */
  openEnd: number;
  /** Offset just after the element's end (after `/>` or the closing tag). */
  end: number;
  /** The opening tag's text. */
  tag: string;
  selfClosing: boolean;
}

const TAG =
  /<(\/?)([A-Za-z_][\w.:-]*)((?:[^>"']|"[^"]*"|'[^']*')*?)(\/?)>|<!--[\s\S]*?-->|<\?[\s\S]*?\?>|<!\[CDATA\[[\s\S]*?\]\]>/g;

/** The direct children of the element whose content spans [from, to): their names and extents. */
export function childElements(xml: string, from: number, to: number): (XmlElement & { name: string })[] {
  const out: (XmlElement & { name: string })[] = [];
  const re = new RegExp(TAG.source, "g");
  re.lastIndex = from;
  let depth = 0;
  let current: (XmlElement & { name: string }) | null = null;
  for (let m = re.exec(xml); m && m.index < to; m = re.exec(xml)) {
    if (!m[2]) continue; // comment, PI, CDATA
    const closing = m[1] === "/";
    const selfClosing = m[4] === "/";
    if (closing) {
      depth--;
      if (depth === 0 && current) {
        current.end = re.lastIndex;
        out.push(current);
        current = null;
      }
      continue;
    }
    if (depth === 0) {
      const el = { name: m[2], start: m.index, openEnd: re.lastIndex, end: re.lastIndex, tag: m[0], selfClosing };
      if (selfClosing) out.push(el);
      else {
        current = el;
        depth = 1;
      }
    } else if (!selfClosing) depth++;
  }
  return out;
}

/** The first element named `name` anywhere after `from` (a plain scan: for elements that do not nest). */
export function findElement(xml: string, name: string, from = 0): XmlElement | null {
  const re = new RegExp(`<${name.replace(/[.:]/g, "\\$&")}(?=[\\s/>])(?:[^>"']|"[^"]*"|'[^']*')*?(/?)>`, "g");
  re.lastIndex = from;
  const m = re.exec(xml);
  if (!m) return null;
  const openEnd = re.lastIndex;
  if (m[1] === "/") return { start: m.index, openEnd, end: openEnd, tag: m[0], selfClosing: true };
  const close = xml.indexOf(`</${name}>`, openEnd);
  if (close < 0) return null;
  return { start: m.index, openEnd, end: close + name.length + 3, tag: m[0], selfClosing: false };
}

/** Text edits applied in one pass: [offset, length to delete, text to insert], stable for equal offsets. */
export type Splice = { at: number; remove: number; insert: string; order?: number };

export function applySplices(xml: string, splices: Splice[]): string {
  const sorted = splices
    .map((s, i) => ({ ...s, i }))
    .sort((a, b) => a.at - b.at || (a.order ?? 0) - (b.order ?? 0) || a.i - b.i);
  const pieces: string[] = [];
  let pos = 0;
  for (const s of sorted) {
    if (s.at < pos) throw new Error("overlapping package edits");
    pieces.push(xml.slice(pos, s.at), s.insert);
    pos = s.at + s.remove;
  }
  pieces.push(xml.slice(pos));
  return pieces.join("");
}
