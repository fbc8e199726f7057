/**
 * Saving a workbook that was opened from a file without losing anything: the original package is kept part for
 * part, and only what the add-in meant to change is edited — its own sheets (new or replaced parts), the cell
 * formats and notes of its marks, and the additions these need in workbook.xml, its relationships, the content
 * types and styles.xml. When a change cannot be made that way, nothing is written and the reasons are returned.
 */
import type ExcelJS from "exceljs";
import { CONTENT_TYPE, addOverride, removeOverride } from "./contentTypes";
import { buildOwnSheets } from "./ownSheets";
import { REL, addRel, parseRels, relativeTarget, relsPartFor, removeRel, resolveTarget } from "./relationships";
import { StyleSheet } from "./styles";
import { writeSheetMarks, type LoadedCell, type PackageContext } from "./userSheetMarks";
import { appendSheet, parseSheets, workbookPartName, type SheetEntry } from "./workbookXml";
import { setFilterNames, setPrintTitles } from "./printTitles";
import { addSheetCharts, dropSheetCharts } from "./sheetCharts";
import { partText, readPackage, setPartText, writePackage, type PackageParts } from "./zip";

export type { LoadedCell };

export interface LosslessInput {
  /** The bytes of the file as opened. */
  original: Uint8Array;
  workbook: ExcelJS.Workbook;
  /** Names of the add-in's sheets written since the file was opened (the metadata sheet included). */
  writtenSheets: Iterable<string>;
  /** User sheet → cells the add-in marked or unmarked, as they were when opened. */
  touchedCells: Map<string, Iterable<LoadedCell>>;
}

export type LosslessResult =
  { ok: true; bytes: Uint8Array; changedParts: string[]; addedParts: string[] } | { ok: false; problems: string[] };

function findSheet(wb: ExcelJS.Workbook, name: string): ExcelJS.Worksheet | undefined {
  const lower = name.toLowerCase();
  return wb.worksheets.find((ws) => ws.name.toLowerCase() === lower);
}

/** calcChain is Excel's recalculation cache; it may list formulas of a replaced sheet, so it goes (Excel rebuilds it). */
function dropCalcChain(ctx: PackageContext, wbPart: string, wbRels: string): string {
  const rel = parseRels(wbRels).find((r) => r.type === REL.calcChain);
  if (!rel) return wbRels;
  const part = resolveTarget(wbPart, rel.target);
  ctx.parts.delete(part);
  ctx.contentTypes = removeOverride(ctx.contentTypes, part);
  return removeRel(wbRels, rel.id);
}

/** Relationships of a replaced own sheet (an earlier version's notes, a table Excel made) go with it. */
function dropSheetRels(ctx: PackageContext, sheetPart: string): void {
  const relsPart = relsPartFor(sheetPart);
  for (const rel of parseRels(partText(ctx.parts, relsPart))) {
    if (rel.external) continue;
    const target = resolveTarget(sheetPart, rel.target);
    ctx.parts.delete(target);
    ctx.contentTypes = removeOverride(ctx.contentTypes, target);
  }
  ctx.parts.delete(relsPart);
}

function uniquePart(parts: PackageParts, make: (n: number) => string): string {
  const names = new Set([...parts.keys()].map((k) => k.toLowerCase()));
  let n = 1;
  while (names.has(make(n).toLowerCase())) n++;
  return make(n);
}

export async function saveLosslessly(input: LosslessInput): Promise<LosslessResult> {
  const parts = readPackage(input.original);
  const before = new Map(parts);
  const wbPart = workbookPartName(parts);
  const ctText = partText(parts, "[Content_Types].xml");
  if (!wbPart || !ctText || !parts.has(wbPart)) return { ok: false, problems: ["в файле нет обычной книги Excel"] };
  let wbXml = partText(parts, wbPart)!;
  let wbRels = partText(parts, relsPartFor(wbPart)) ?? "";
  const stylesRel = parseRels(wbRels).find((r) => r.type === REL.styles);
  const stylesPart = stylesRel ? resolveTarget(wbPart, stylesRel.target) : null;
  if (!stylesPart || !parts.has(stylesPart)) return { ok: false, problems: ["в книге нет таблицы стилей"] };
  const ctx: PackageContext = { parts, styles: new StyleSheet(partText(parts, stylesPart)!), contentTypes: ctText };
  const entries = parseSheets(wbXml);
  const entryOf = (name: string) => entries.find((e) => e.name.toLowerCase() === name.toLowerCase());
  const partOf = (e: SheetEntry) => {
    const rel = parseRels(wbRels).find((r) => r.id === e.relId);
    return rel ? resolveTarget(wbPart, rel.target) : null;
  };

  const problems: string[] = [];
  for (const [sheet, cells] of input.touchedCells) {
    const entry = entryOf(sheet);
    const ws = findSheet(input.workbook, sheet);
    const part = entry && partOf(entry);
    if (!entry || !ws || !part) continue;
    const problem = writeSheetMarks(ctx, part, ws, cells);
    if (problem) problems.push(`лист «${sheet}»: ${problem}`);
  }
  if (problems.length > 0) return { ok: false, problems };

  const written = [...new Set([...input.writtenSheets].map((n) => n.toLowerCase()))];
  const sheets = written.map((n) => findSheet(input.workbook, n)).filter((ws): ws is ExcelJS.Worksheet => !!ws);
  let maxId = Math.max(0, ...entries.map((e) => e.sheetId));
  const builtSheets = await buildOwnSheets(sheets, ctx.styles);
  for (const built of builtSheets) {
    const entry = entryOf(built.name);
    const existing = entry && partOf(entry);
    const ws = sheets.find((s) => s.name === built.name)!;
    if (existing) {
      dropSheetCharts(ctx, existing);
      dropSheetRels(ctx, existing);
      wbRels = dropCalcChain(ctx, wbPart, wbRels);
      setPartText(parts, existing, built.xml);
      addSheetCharts(ctx, existing, ws);
      continue;
    }
    const part = uniquePart(parts, (n) => `xl/worksheets/sheet${n}.xml`);
    setPartText(parts, part, built.xml);
    const rel = addRel(wbRels, REL.worksheet, relativeTarget(wbPart, part));
    wbRels = rel.xml;
    wbXml = appendSheet(wbXml, built.name, ++maxId, rel.id, built.state);
    ctx.contentTypes = addOverride(ctx.contentTypes, part, CONTENT_TYPE.worksheet);
    addSheetCharts(ctx, part, ws);
  }

  // rows repeated on printed pages are workbook-level names (port's print setup, e.g. «План мероприятий»)
  const titles = new Map(
    sheets.flatMap((ws) => (ws.pageSetup?.printTitlesRow ? [[ws.name, ws.pageSetup.printTitlesRow]] : [])) as [
      string,
      string,
    ][],
  );
  if (titles.size > 0) wbXml = setPrintTitles(wbXml, titles);
  wbXml = setFilterNames(wbXml, builtSheets);
  if (ctx.styles.changed) setPartText(parts, stylesPart, ctx.styles.toXml());
  if (wbXml !== partText(before, wbPart)) setPartText(parts, wbPart, wbXml);
  if (wbRels !== (partText(before, relsPartFor(wbPart)) ?? "")) setPartText(parts, relsPartFor(wbPart), wbRels);
  if (ctx.contentTypes !== ctText) setPartText(parts, "[Content_Types].xml", ctx.contentTypes);
  const changedParts = [...before.keys()].filter((k) => parts.get(k) !== before.get(k));
  const addedParts = [...parts.keys()].filter((k) => !before.has(k));
  return { ok: true, bytes: writePackage(parts), changedParts, addedParts };
}

/** Read an original package (exported for tests and tools that compare parts). */
export { readPackage };

/** The add-in's changes cannot be written into this file without loss; nothing was saved. */
export class LossySaveError extends Error {
  constructor(readonly problems: string[]) {
    super(
      `Изменения надстройки нельзя внести в эту книгу без потерь (${problems.join("; ")}). ` +
        "Исходный файл не изменён; результаты можно сохранить отдельной книгой.",
    );
    this.name = "LossySaveError";
  }
}
