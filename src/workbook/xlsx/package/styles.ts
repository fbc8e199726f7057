/**
 * styles.xml with additions only: the add-in's fonts, fills, borders, number formats and cell formats are appended
 * after the user's (or an identical existing entry is reused), so every `s` index of the user's cells keeps meaning
 * what it meant. Sections are edited as text; the user's entries are never re-serialised.
 */
import { childElements, escapeXml, findElement, getAttr, setAttr, unescapeXml } from "./xml";

/** Sections of <styleSheet> in schema order (CT_Stylesheet); new sections are inserted in this order. */
const ORDER = ["numFmts", "fonts", "fills", "borders", "cellStyleXfs", "cellXfs", "cellStyles", "dxfs"] as const;
type Section = (typeof ORDER)[number];
const EDITABLE: Section[] = ["numFmts", "fonts", "fills", "borders", "cellXfs"];
/** Custom number formats start at 164; 0–163 are built in. */
const FIRST_CUSTOM_NUMFMT = 164;

export class StyleSheet {
  private readonly children = new Map<Section, string[]>();
  private readonly added = new Map<Section, string[]>();

  constructor(private readonly xml: string) {
    if (!findElement(xml, "styleSheet")) throw new Error("styles.xml без <styleSheet>");
    for (const name of EDITABLE) {
      const el = findElement(xml, name);
      const list =
        el && !el.selfClosing ? childElements(xml, el.openEnd, el.end).map((c) => xml.slice(c.start, c.end)) : [];
      this.children.set(name, list);
      this.added.set(name, []);
    }
  }

  count(section: Section): number {
    return (this.children.get(section)?.length ?? 0) + (this.added.get(section)?.length ?? 0);
  }

  /** The cell format `s` (the whole <xf> element), the default one for an index out of range. */
  xf(index: number): string {
    const all = [...this.children.get("cellXfs")!, ...this.added.get("cellXfs")!];
    return all[index] ?? all[0] ?? '<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>';
  }

  fill(index: number): string | undefined {
    return [...this.children.get("fills")!, ...this.added.get("fills")!][index];
  }

  /** Index of an identical entry, or of the entry appended now. */
  append(section: Exclude<Section, "numFmts">, element: string): number {
    const existing = this.children.get(section)!;
    const added = this.added.get(section)!;
    const i = existing.indexOf(element);
    if (i >= 0) return i;
    const j = added.indexOf(element);
    if (j >= 0) return existing.length + j;
    added.push(element);
    return existing.length + added.length - 1;
  }

  /** The id of a custom number format with this code (an existing one when the user's file has it). */
  numFmtId(formatCode: string): number {
    let max = FIRST_CUSTOM_NUMFMT - 1;
    for (const el of [...this.children.get("numFmts")!, ...this.added.get("numFmts")!]) {
      const id = Number(getAttr(el, "numFmtId"));
      if (getAttr(el, "formatCode") === formatCode) return id;
      if (id > max) max = id;
    }
    this.added.get("numFmts")!.push(`<numFmt numFmtId="${max + 1}" formatCode="${escapeXml(formatCode)}"/>`);
    return max + 1;
  }

  get changed(): boolean {
    return EDITABLE.some((s) => this.added.get(s)!.length > 0);
  }

  toXml(): string {
    let xml = this.xml;
    for (const name of EDITABLE) {
      const added = this.added.get(name)!;
      if (added.length === 0) continue;
      const total = this.count(name);
      const el = findElement(xml, name);
      if (el && !el.selfClosing) {
        const close = el.end - name.length - 3;
        const open = setAttr(el.tag, "count", String(total));
        xml = xml.slice(0, el.start) + open + xml.slice(el.openEnd, close) + added.join("") + xml.slice(close);
      } else {
        const section = `<${name} count="${total}">${added.join("")}</${name}>`;
        if (el) xml = xml.slice(0, el.start) + section + xml.slice(el.end);
        else xml = insertSection(xml, name, section);
      }
    }
    return xml;
  }
}

function insertSection(xml: string, name: Section, section: string): string {
  for (const next of ORDER.slice(ORDER.indexOf(name) + 1)) {
    const el = findElement(xml, next);
    if (el) return xml.slice(0, el.start) + section + xml.slice(el.start);
  }
  const root = findElement(xml, "styleSheet")!;
  return xml.slice(0, root.openEnd) + section + xml.slice(root.openEnd);
}

/**
 * Bring the cell formats of a scratch styles.xml (written by ExcelJS for the add-in's own sheets) into `target`:
 * returns scratch xf index → index in `target`.
 */
export function importStyles(target: StyleSheet, scratchXml: string): number[] {
  const list = (section: string): string[] => {
    const el = findElement(scratchXml, section);
    return el && !el.selfClosing
      ? childElements(scratchXml, el.openEnd, el.end).map((c) => scratchXml.slice(c.start, c.end))
      : [];
  };
  const numFmtMap = new Map<number, number>();
  for (const nf of list("numFmts")) {
    numFmtMap.set(Number(getAttr(nf, "numFmtId")), target.numFmtId(unescapeXml(getAttr(nf, "formatCode") ?? "")));
  }
  const fonts = list("fonts").map((f) => target.append("fonts", f));
  const fills = list("fills").map((f) => target.append("fills", f));
  const borders = list("borders").map((b) => target.append("borders", b));
  return list("cellXfs").map((xf) => {
    let out = xf;
    const numFmt = Number(getAttr(xf, "numFmtId") ?? 0);
    out = setOpenAttr(out, "numFmtId", String(numFmtMap.get(numFmt) ?? numFmt));
    out = setOpenAttr(out, "fontId", String(fonts[Number(getAttr(xf, "fontId") ?? 0)] ?? 0));
    out = setOpenAttr(out, "fillId", String(fills[Number(getAttr(xf, "fillId") ?? 0)] ?? 0));
    out = setOpenAttr(out, "borderId", String(borders[Number(getAttr(xf, "borderId") ?? 0)] ?? 0));
    out = setOpenAttr(out, "xfId", "0");
    return target.append("cellXfs", out);
  });
}

/** setAttr on the opening tag of an element given as its whole text. */
export function setOpenAttr(element: string, name: string, value: string): string {
  const end = element.indexOf(">") + 1;
  return setAttr(element.slice(0, end), name, value) + element.slice(end);
}

/** A cell format: `base` (the cell's own xf) with only its fill replaced. */
export function withFill(baseXf: string, fillId: number): string {
  return setOpenAttr(setOpenAttr(baseXf, "fillId", String(fillId)), "applyFill", "1");
}
