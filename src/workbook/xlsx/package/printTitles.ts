/**
 * Sheet-scoped defined names live in workbook.xml, not in the sheet: rows repeated on every printed page
 * (_xlnm.Print_Titles) and the range an autofilter works on (_xlnm._FilterDatabase), each scoped to the sheet by
 * its position in <sheets> (localSheetId). The own sheets' parts are transplanted from ExcelJS, so these names are
 * written here into the user's workbook part; the user's other names are not touched.
 */
import { escapeXml, findElement, getAttr } from "./xml";
import { parseSheets } from "./workbookXml";

function quotedSheet(name: string): string {
  return `'${name.replace(/'/g, "''")}'`;
}

/** Set (add or replace) the defined name `name` scoped to `sheet`; `hidden` as Excel writes the filter name. */
export function setLocalName(wbXml: string, sheet: string, name: string, ref: string, hidden = false): string {
  let xml = wbXml;
  const index = parseSheets(xml).findIndex((e) => e.name.toLowerCase() === sheet.toLowerCase());
  if (index < 0) return xml;
  const el =
    `<definedName name="${name}" localSheetId="${index}"${hidden ? ' hidden="1"' : ""}>` +
    `${escapeXml(ref)}</definedName>`;
  for (let d = findElement(xml, "definedName"); d; d = findElement(xml, "definedName", d.end)) {
    if (getAttr(d.tag, "name") === name && getAttr(d.tag, "localSheetId") === String(index))
      return xml.slice(0, d.start) + el + xml.slice(d.end);
  }
  if (/<definedNames\s*\/>/.test(xml)) return xml.replace(/<definedNames\s*\/>/, `<definedNames>${el}</definedNames>`);
  if (xml.includes("</definedNames>")) return xml.replace("</definedNames>", `${el}</definedNames>`);
  // CT_Workbook order: sheets, functionGroups, externalReferences, definedNames
  const after = ["</externalReferences>", "</functionGroups>", "</sheets>"].find((t) => xml.includes(t));
  if (after) xml = xml.replace(after, `${after}<definedNames>${el}</definedNames>`);
  return xml;
}

/** `titles`: own sheet name → ExcelJS printTitlesRow ("9:10"). Replaces the sheet's previous print titles. */
export function setPrintTitles(wbXml: string, titles: Map<string, string>): string {
  let xml = wbXml;
  for (const [name, rows] of titles) {
    const m = /^(\d+):(\d+)$/.exec(rows);
    if (m) xml = setLocalName(xml, name, "_xlnm.Print_Titles", `${quotedSheet(name)}!$${m[1]}:$${m[2]}`);
  }
  return xml;
}

/** Each own sheet with an <autoFilter> gets its _xlnm._FilterDatabase name, as Excel (and ExcelJS) write it. */
export function setFilterNames(wbXml: string, sheets: { name: string; xml: string }[]): string {
  let xml = wbXml;
  for (const s of sheets) {
    const ref = /<autoFilter\s+ref="([A-Z]+)(\d+):([A-Z]+)(\d+)"/.exec(s.xml);
    if (!ref) continue;
    const range = `${quotedSheet(s.name)}!$${ref[1]}$${ref[2]}:$${ref[3]}$${ref[4]}`;
    xml = setLocalName(xml, s.name, "_xlnm._FilterDatabase", range, true);
  }
  return xml;
}
