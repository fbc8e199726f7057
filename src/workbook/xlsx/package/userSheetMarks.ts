/**
 * The add-in's marks on a user's sheet, written into the package: the fill through a new cell format (the cell's
 * own format + our fill, appended to styles.xml) and the note through the sheet's comments part (notes.ts).
 * Which cells changed is decided by comparing each touched cell with how it was when the file was opened.
 */
import type ExcelJS from "exceljs";
import { CONTENT_TYPE, addDefault, addOverride } from "./contentTypes";
import { restyleCells, type StyleTarget } from "./cellStyles";
import {
  NOTES_MARKER,
  commentsXml,
  legacyDrawingOffset,
  maxVmlBlock,
  readOwnComments,
  vmlXml,
  type Note,
} from "./notes";
import { REL, addRel, parseRels, relativeTarget, relsPartFor, resolveTarget } from "./relationships";
import { type StyleSheet, withFill } from "./styles";
import { findElement } from "./xml";
import { mergeUserNotes } from "./userNotes";
import { partText, setPartText, type PackageParts } from "./zip";

/** A cell the add-in marked or unmarked this session, as it was when the file was opened (JSON snapshots). */
export interface LoadedCell {
  row: number;
  col: number;
  fill: string;
  note: string | null;
}

export interface PackageContext {
  parts: PackageParts;
  styles: StyleSheet;
  contentTypes: string;
}

export function noteText(cell: ExcelJS.Cell | undefined): string | null {
  const note = cell?.note as unknown;
  if (note === undefined || note === null) return null;
  if (typeof note === "string") return note;
  return ((note as { texts?: { text: string }[] }).texts ?? []).map((t) => t.text).join("");
}

function colorXml(tag: string, c: (Partial<ExcelJS.Color> & { indexed?: number; tint?: number }) | undefined): string {
  if (!c) return "";
  if (c.argb) return `<${tag} rgb="${c.argb}"/>`;
  if (c.theme !== undefined) return `<${tag} theme="${c.theme}"${c.tint ? ` tint="${c.tint}"` : ""}/>`;
  if (c.indexed !== undefined) return `<${tag} indexed="${c.indexed}"/>`;
  return "";
}

/** styles.xml <fill> for an ExcelJS fill; null for fills not written here (gradients). */
export function fillXml(fill: ExcelJS.Fill | undefined): string | null {
  if (!fill) return '<fill><patternFill patternType="none"/></fill>';
  if (fill.type !== "pattern") return null;
  const p = fill as ExcelJS.FillPattern;
  return (
    `<fill><patternFill patternType="${p.pattern}">${colorXml("fgColor", p.fgColor)}` +
    `${colorXml("bgColor", p.bgColor)}</patternFill></fill>`
  );
}

function unusedPart(parts: PackageParts, pattern: (n: number) => string): string {
  let n = 1;
  while ([...parts.keys()].some((k) => k.toLowerCase() === pattern(n).toLowerCase())) n++;
  return pattern(n);
}

function relNamespacePrefix(sheetXml: string): { xml: string; prefix: string } {
  const m = /xmlns:([\w.-]+)="http:\/\/schemas\.openxmlformats\.org\/officeDocument\/2006\/relationships"/.exec(
    sheetXml,
  );
  if (m) return { xml: sheetXml, prefix: m[1] };
  const root = findElement(sheetXml, "worksheet")!;
  const tag = root.tag.replace(
    /(\/?>)$/,
    ' xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"$1',
  );
  return { xml: sheetXml.slice(0, root.start) + tag + sheetXml.slice(root.openEnd), prefix: "r" };
}

/** Apply note changes to the sheet; returns the new sheet XML or a Russian reason it cannot be done safely. */
function writeNotes(
  ctx: PackageContext,
  sheetPart: string,
  sheetXml: string,
  changes: Map<string, Note | { row: number; col: number; text: null }>,
): { xml: string } | { problem: string } {
  const relsPart = relsPartFor(sheetPart);
  let relsXml = partText(ctx.parts, relsPart);
  const rels = parseRels(relsXml);
  const commentsRel = rels.find((r) => r.type === REL.comments);
  const vmlRel = rels.find((r) => r.type === REL.vmlDrawing);
  const legacy = findElement(sheetXml, "legacyDrawing");
  let notes: Note[] = [];
  let commentsPart: string, vmlPart: string;
  if (commentsRel && vmlRel && legacy) {
    commentsPart = resolveTarget(sheetPart, commentsRel.target);
    vmlPart = resolveTarget(sheetPart, vmlRel.target);
    const vml = partText(ctx.parts, vmlPart) ?? "";
    if (!vml.includes(NOTES_MARKER)) {
      // the user's own notes: splice ours in, leave theirs as they are
      const merged = mergeUserNotes(partText(ctx.parts, commentsPart) ?? "", vml, changes.values());
      if ("problem" in merged) return merged;
      setPartText(ctx.parts, commentsPart, merged.comments);
      setPartText(ctx.parts, vmlPart, merged.vml);
      return { xml: sheetXml };
    }
    notes = readOwnComments(partText(ctx.parts, commentsPart) ?? "");
  } else if (commentsRel || vmlRel || legacy) {
    return { problem: "на листе уже есть примечания или элементы управления" };
  } else {
    commentsPart = unusedPart(ctx.parts, (n) => `xl/comments${n}.xml`);
    vmlPart = unusedPart(ctx.parts, (n) => `xl/drawings/vmlDrawing${n}.vml`);
  }
  const byCell = new Map(notes.map((n) => [`${n.row}:${n.col}`, n]));
  for (const [key, change] of changes) {
    if (change.text === null) byCell.delete(key);
    else byCell.set(key, change as Note);
  }
  const merged = [...byCell.values()].sort((a, b) => a.row - b.row || a.col - b.col);
  if (merged.length === 0 && notes.length === 0) return { xml: sheetXml };
  const otherVml = [...ctx.parts.keys()].filter((k) => k.endsWith(".vml") && k !== vmlPart);
  const block = maxVmlBlock(otherVml.map((k) => partText(ctx.parts, k) ?? "")) + 1;
  setPartText(ctx.parts, commentsPart, commentsXml(merged));
  setPartText(ctx.parts, vmlPart, vmlXml(merged, block));
  if (commentsRel) return { xml: sheetXml }; // the add-in's own notes parts, rewritten in place
  const withComments = addRel(relsXml, REL.comments, relativeTarget(sheetPart, commentsPart));
  const withVml = addRel(withComments.xml, REL.vmlDrawing, relativeTarget(sheetPart, vmlPart));
  relsXml = withVml.xml;
  setPartText(ctx.parts, relsPart, relsXml);
  ctx.contentTypes = addDefault(
    addOverride(ctx.contentTypes, commentsPart, CONTENT_TYPE.comments),
    "vml",
    CONTENT_TYPE.vml,
  );
  const at = legacyDrawingOffset(sheetXml);
  if (at === null) return { problem: "необычная разметка конца листа" };
  const ns = relNamespacePrefix(sheetXml);
  const shift = ns.xml.length - sheetXml.length;
  const el = `<legacyDrawing ${ns.prefix}:id="${withVml.id}"/>`;
  return { xml: ns.xml.slice(0, at + shift) + el + ns.xml.slice(at + shift) };
}

/** Write the changed fills and notes of one user sheet into the package; a Russian reason when unsafe. */
export function writeSheetMarks(
  ctx: PackageContext,
  sheetPart: string,
  ws: ExcelJS.Worksheet,
  touched: Iterable<LoadedCell>,
): string | null {
  const original = partText(ctx.parts, sheetPart);
  if (original === undefined) return "нет части листа в пакете";
  const targets: StyleTarget[] = [];
  const notes = new Map<string, Note | { row: number; col: number; text: null }>();
  for (const loaded of touched) {
    const cell = ws.findCell(loaded.row + 1, loaded.col + 1);
    const fill = cell?.style?.fill;
    if (JSON.stringify(fill ?? null) !== loaded.fill) {
      const xml = fillXml(fill);
      if (xml === null) return "заливку ячейки нельзя записать без потерь";
      const { styles } = ctx;
      targets.push({
        row: loaded.row,
        col: loaded.col,
        restyle: (oldS) => styles.append("cellXfs", withFill(styles.xf(oldS), styles.append("fills", xml))),
      });
    }
    const text = noteText(cell);
    if (text !== loaded.note) notes.set(`${loaded.row}:${loaded.col}`, { row: loaded.row, col: loaded.col, text });
  }
  let xml = original;
  if (targets.length > 0) {
    const styled = restyleCells(xml, targets);
    if ("problem" in styled) return styled.problem;
    xml = styled.xml;
  }
  if (notes.size > 0) {
    const noted = writeNotes(ctx, sheetPart, xml, notes);
    if ("problem" in noted) return noted.problem;
    xml = noted.xml;
  }
  if (xml !== original) setPartText(ctx.parts, sheetPart, xml);
  return null;
}
