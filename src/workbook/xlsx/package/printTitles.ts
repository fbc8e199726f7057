/**
 * Rows repeated on every printed page live in workbook.xml, not in the sheet: a defined name _xlnm.Print_Titles
 * scoped to the sheet by its position in <sheets> (localSheetId). The own sheets' parts are transplanted from
 * ExcelJS, so their print titles are written here into the user's workbook part.
 */
import { escapeXml } from "./xml";
import { parseSheets } from "./workbookXml";

/** `titles`: own sheet name → ExcelJS printTitlesRow ("9:10"). Replaces the sheet's previous print titles. */
export function setPrintTitles(wbXml: string, titles: Map<string, string>): string {
  let xml = wbXml;
  const entries = parseSheets(xml);
  for (const [name, rows] of titles) {
    const index = entries.findIndex((e) => e.name.toLowerCase() === name.toLowerCase());
    const m = /^(\d+):(\d+)$/.exec(rows);
    if (index < 0 || !m) continue;
    const ref = `'${name.replace(/'/g, "''")}'!$${m[1]}:$${m[2]}`;
    const el = `<definedName name="_xlnm.Print_Titles" localSheetId="${index}">${escapeXml(ref)}</definedName>`;
    const old = new RegExp(
      `<definedName\\s+name="_xlnm\\.Print_Titles"\\s+localSheetId="${index}"\\s*>[^<]*</definedName>`,
    );
    if (old.test(xml)) xml = xml.replace(old, el);
    else if (/<definedNames\s*\/>/.test(xml))
      xml = xml.replace(/<definedNames\s*\/>/, `<definedNames>${el}</definedNames>`);
    else if (xml.includes("</definedNames>")) xml = xml.replace("</definedNames>", `${el}</definedNames>`);
    else {
      // CT_Workbook order: sheets, functionGroups, externalReferences, definedNames
      const after = ["</externalReferences>", "</functionGroups>", "</sheets>"].find((t) => xml.includes(t));
      if (!after) continue;
      xml = xml.replace(after, `${after}<definedNames>${el}</definedNames>`);
    }
  }
  return xml;
}
