/**
 * Setting the cell format (`s`) of a few cells in a user's worksheet XML by splicing: every other byte of the sheet
 * stays as the user's program wrote it. Cells (and rows) that do not exist yet are inserted in their sorted place.
 */
import { columnIndex, columnLetter } from "../../../domain/grid";
import { applySplices, findElement, getAttr, setAttr, type Splice } from "./xml";

export interface StyleTarget {
  /** 0-based. */
  row: number;
  col: number;
  /** The new format index given the cell's current one (0 when it has no `s`). */
  restyle(oldS: number): number;
}

export type EditResult = { xml: string } | { problem: string };

const ROW = /<row\b((?:[^>"']|"[^"]*"|'[^']*')*?)(\/?)>/g;
const CELL = /<c\b((?:[^>"']|"[^"]*"|'[^']*')*?)(\/?)>/g;

interface RowPos {
  r: number;
  start: number;
  openEnd: number;
  /** Offset of "</row>" (= openEnd for a self-closing row). */
  closeStart: number;
  selfClosing: boolean;
  tag: string;
}

function indexRows(xml: string, from: number, to: number): RowPos[] | string {
  const rows: RowPos[] = [];
  const re = new RegExp(ROW.source, "g");
  re.lastIndex = from;
  for (let m = re.exec(xml); m && m.index < to; m = re.exec(xml)) {
    const r = Number(getAttr(m[0], "r"));
    if (!r) return "строка без номера (атрибут r)";
    const selfClosing = m[2] === "/";
    const closeStart = selfClosing ? re.lastIndex : xml.indexOf("</row>", re.lastIndex);
    if (closeStart < 0) return "незакрытая строка";
    rows.push({ r, start: m.index, openEnd: re.lastIndex, closeStart, selfClosing, tag: m[0] });
    re.lastIndex = selfClosing ? re.lastIndex : closeStart + 6;
  }
  return rows;
}

function newCell(row: number, col: number, s: number): string {
  return `<c r="${columnLetter(col)}${row + 1}" s="${s}"/>`;
}

function widenSpans(tag: string, cols: number[]): string {
  const spans = getAttr(tag, "spans");
  const m = spans ? /^(\d+):(\d+)$/.exec(spans) : null;
  if (!m) return tag;
  const lo = Math.min(+m[1], ...cols.map((c) => c + 1));
  const hi = Math.max(+m[2], ...cols.map((c) => c + 1));
  return setAttr(tag, "spans", `${lo}:${hi}`);
}

/** Edits for the targets in one existing row. */
function editRow(xml: string, row: RowPos, targets: StyleTarget[], splices: Splice[]): string | null {
  const cells: { col: number; start: number; end: number; tag: string }[] = [];
  if (!row.selfClosing) {
    const re = new RegExp(CELL.source, "g");
    re.lastIndex = row.openEnd;
    for (let m = re.exec(xml); m && m.index < row.closeStart; m = re.exec(xml)) {
      const ref = getAttr(m[0], "r");
      const letters = ref ? /^([A-Z]{1,3})\d+$/.exec(ref) : null;
      if (!letters) return `ячейка без адреса в строке ${row.r}`;
      cells.push({ col: columnIndex(letters[1]), start: m.index, end: re.lastIndex, tag: m[0] });
    }
  }
  const inserts: { at: number; col: number; text: string }[] = [];
  for (const t of targets) {
    const cell = cells.find((c) => c.col === t.col);
    if (cell) {
      const s = t.restyle(Number(getAttr(cell.tag, "s") ?? 0));
      splices.push({ at: cell.start, remove: cell.end - cell.start, insert: setAttr(cell.tag, "s", String(s)) });
      continue;
    }
    const next = cells.find((c) => c.col > t.col);
    inserts.push({ at: next ? next.start : row.closeStart, col: t.col, text: newCell(t.row, t.col, t.restyle(0)) });
  }
  if (inserts.length === 0) return null;
  const tag = widenSpans(
    row.tag,
    inserts.map((i) => i.col),
  );
  if (row.selfClosing) {
    const open = tag.replace(/\s*\/>$/, ">");
    const body = inserts
      .sort((a, b) => a.col - b.col)
      .map((i) => i.text)
      .join("");
    splices.push({ at: row.start, remove: row.openEnd - row.start, insert: `${open}${body}</row>` });
    return null;
  }
  if (tag !== row.tag) splices.push({ at: row.start, remove: row.openEnd - row.start, insert: tag });
  for (const i of inserts) splices.push({ at: i.at, remove: 0, insert: i.text, order: i.col });
  return null;
}

export function restyleCells(xml: string, targets: StyleTarget[]): EditResult {
  const sd = findElement(xml, "sheetData");
  if (!sd) return { problem: "нет обычного списка ячеек (sheetData)" };
  const rows = sd.selfClosing ? [] : indexRows(xml, sd.openEnd, sd.end);
  if (typeof rows === "string") return { problem: rows };
  const byRow = new Map<number, StyleTarget[]>();
  for (const t of targets) byRow.set(t.row + 1, [...(byRow.get(t.row + 1) ?? []), t]);
  const splices: Splice[] = [];
  const dataEnd = sd.selfClosing ? sd.start : sd.end - "</sheetData>".length;
  for (const [r, list] of byRow) {
    const i = lowerBound(rows, r);
    if (i < rows.length && rows[i].r === r) {
      const problem = editRow(xml, rows[i], list, splices);
      if (problem) return { problem };
      continue;
    }
    const cells = [...list].sort((a, b) => a.col - b.col).map((t) => newCell(t.row, t.col, t.restyle(0)));
    const at = i < rows.length ? rows[i].start : dataEnd;
    splices.push({ at, remove: 0, insert: `<row r="${r}">${cells.join("")}</row>`, order: r });
  }
  if (sd.selfClosing) {
    const ordered = [...splices].sort((a, b) => (a.order ?? 0) - (b.order ?? 0)).map((s) => s.insert);
    return { xml: xml.slice(0, sd.start) + `<sheetData>${ordered.join("")}</sheetData>` + xml.slice(sd.end) };
  }
  return { xml: applySplices(xml, splices) };
}

function lowerBound(rows: RowPos[], r: number): number {
  let lo = 0,
    hi = rows.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (rows[mid].r < r) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
