/**
 * The workbook part (xl/workbook.xml, or wherever _rels/.rels points): its <sheets> list. New sheets go at the end
 * of the list, so the user's sheets keep their positions and every localSheetId of a defined name stays right.
 */
import { PackageParts, partText } from "./zip";
import { REL, parseRels, resolveTarget } from "./relationships";
import { escapeXml, findElement, getAttr } from "./xml";

export interface SheetEntry {
  name: string;
  sheetId: number;
  relId: string;
  state: "visible" | "hidden" | "veryHidden";
  /** The sheet's tag in workbook.xml. */
  start: number;
  end: number;
}

/** The main workbook part's name, e.g. "xl/workbook.xml". */
export function workbookPartName(parts: PackageParts): string | null {
  const rel = parseRels(partText(parts, "_rels/.rels")).find((r) => r.type === REL.officeDocument);
  return rel ? resolveTarget("", rel.target) : null;
}

/** The prefix the workbook part uses for the relationships namespace (almost always "r"). */
export function relPrefix(xml: string): string | null {
  const m = /xmlns:([\w.-]+)="http:\/\/schemas\.openxmlformats\.org\/officeDocument\/2006\/relationships"/.exec(xml);
  return m ? m[1] : null;
}

export function parseSheets(xml: string): SheetEntry[] {
  const prefix = relPrefix(xml) ?? "r";
  const sheets = findElement(xml, "sheets");
  if (!sheets) return [];
  const out: SheetEntry[] = [];
  for (let el = findElement(xml, "sheet", sheets.openEnd); el && el.start < sheets.end;) {
    const state = getAttr(el.tag, "state");
    out.push({
      name: getAttr(el.tag, "name") ?? "",
      sheetId: Number(getAttr(el.tag, "sheetId") ?? 0),
      relId: getAttr(el.tag, `${prefix}:id`) ?? "",
      state: state === "hidden" || state === "veryHidden" ? state : "visible",
      start: el.start,
      end: el.end,
    });
    el = findElement(xml, "sheet", el.end);
  }
  return out;
}

/** Append a <sheet> to the list; the caller adds the relationship with `relId`. */
export function appendSheet(xml: string, name: string, sheetId: number, relId: string, state: string): string {
  const prefix = relPrefix(xml) ?? "r";
  const stateAttr = state === "hidden" || state === "veryHidden" ? ` state="${state}"` : "";
  const el = `<sheet name="${escapeXml(name)}" sheetId="${sheetId}"${stateAttr} ${prefix}:id="${relId}"/>`;
  const sheets = findElement(xml, "sheets");
  if (!sheets) throw new Error("workbook.xml без списка листов");
  if (sheets.selfClosing) return `${xml.slice(0, sheets.start)}<sheets>${el}</sheets>${xml.slice(sheets.end)}`;
  const close = sheets.end - "</sheets>".length;
  return xml.slice(0, close) + el + xml.slice(close);
}
