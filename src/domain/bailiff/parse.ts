/**
 * A bailiff register sheet (or pasted text turned into a grid) → proceedings. Finds the header (FSSP table, ОСП list,
 * API-derived sheet; without one, the FSSP column order when the second column holds proceeding numbers), skips
 * «Найдено записей», pagination, repeated headers and region title rows, groups rows into records by the shape
 * (docs/formats.md: A multi-line cells, B one record over several rows, C flattened, D glued, E plain-text paste with
 * shifted columns), and lists every record it could not read completely — none is dropped.
 */
import type { SheetGrid } from "../grid";
import { readCell, recordProblems, type ColumnConcept } from "./fields";
import { readMemo, type ReadMemo } from "./memo";
import { isHeaderLike, matchHeaderRow, type HeaderMatch } from "./headers";
import {
  BailiffRegisterError,
  emptyProceeding,
  type ParsedBailiffRegister,
  type Proceeding,
  type RegisterShape,
} from "./model";
import { findIpNumbers, holdsOwnNumber, proceedingNumbersIn, squash } from "./normalize";
import { reconstructPlainText, looksLikePlainTextPaste } from "./plainText";
import { isUsualIpCell } from "./usualCells";
import { isBlank, type DataRow } from "./rows";

export type { DataRow };

const HEADER_PROBE_ROWS = 60;
const FSSP_ORDER: ColumnConcept[] = ["debtor", "ip", "document", "end", "service", "subject", "department", "bailiff"];
const REGION_RE =
  /^((республика|[а-яё-]+ская республика)( [а-яё-]+)*( - [а-яё]+)?|[а-яё-]+( [а-яё-]+)? (область|край)|[а-яё-]+ автономн(ый|ая) (округ|область)( - [а-яё]+)?|(г\. ?)?(москва|санкт-петербург|севастополь))$/i;

/** Words every header row has; rows without them are never headers (a cheap test before the full one). */
const HEADER_HINT = /должник|производств|name|фио|ф\.и\.о/i;

export function cellText(grid: SheetGrid, r: number, c: number): string {
  const t = grid.text[r]?.[c];
  if (t !== undefined && t !== "") return t;
  const v = grid.values[r]?.[c];
  return v === null || v === undefined ? "" : String(v);
}

/** A row's cell texts. Read only: when the grid's own text row already says what cellText would, it is that row. */
function rowCells(grid: SheetGrid, r: number): string[] {
  const width = grid.values[r]?.length ?? grid.text[r]?.length ?? 0;
  const text = grid.text[r];
  if (text && text.length === width && sameAsCellText(grid, r, width)) return text;
  const cells = new Array<string>(width);
  for (let c = 0; c < width; c++) cells[c] = cellText(grid, r, c);
  return cells;
}

/** Every cell's text is a string and, when empty, its value is empty too (cellText would give the text itself). */
function sameAsCellText(grid: SheetGrid, r: number, width: number): boolean {
  const text = grid.text[r];
  const values = grid.values[r];
  for (let c = 0; c < width; c++) {
    const t = text[c];
    if (typeof t !== "string") return false;
    if (t === "") {
      const v = values?.[c];
      if (v !== null && v !== undefined && String(v) !== "") return false;
    }
  }
  return true;
}

function findHeader(grid: SheetGrid): { header: HeaderMatch; row: number } | null {
  let best: { header: HeaderMatch; row: number } | null = null;
  const n = Math.min(grid.values.length, HEADER_PROBE_ROWS);
  for (let r = 0; r < n; r++) {
    const h = matchHeaderRow(rowCells(grid, r));
    if (h && (!best || h.score > best.header.score)) best = { header: h, row: r };
  }
  if (best) return best;
  // a paste without the header row: the FSSP order when proceeding numbers sit in the second column
  for (let r = 0; r < n; r++) {
    const cells = rowCells(grid, r);
    if (findIpNumbers(cells[1] ?? "").some((x) => x.suffix === "ИП")) {
      const width = Math.max(...grid.text.map((t) => t.length));
      const order = width >= 8 ? FSSP_ORDER : FSSP_ORDER.filter((c) => c !== "service");
      return { header: { kind: "fssp-bank", columns: new Map(order.map((c, i) => [i, c])), score: 0 }, row: r - 1 };
    }
  }
  return null;
}

function unrecognised(grid: SheetGrid): BailiffRegisterError {
  const lines = grid.text
    .map((r) => r.map((c) => squash(c)).filter((c) => c !== ""))
    .filter((r) => r.length > 0)
    .slice(0, 3)
    .map((r) => `«${r.join(" | ").slice(0, 120)}»`);
  if (lines.length === 0)
    return new BailiffRegisterError("empty", "Реестр пуст: вставьте таблицу исполнительных производств.");
  return new BailiffRegisterError(
    "unrecognised",
    `Не удалось распознать реестр исполнительных производств на листе «${grid.sheet}»: не найдены заголовки «Должник» и «Исполнительное производство» (или «№ ИП»/«№ ИД» списка ОСП), и номеров ИП вида 12345/23/86004-ИП во втором столбце нет. Первые строки: ${lines.join("; ")}.`,
  );
}

function isRegionTitle(cells: string[], grid: SheetGrid, r: number): string | null {
  const filled = cells.map((c, i) => [squash(c), i] as const).filter(([c]) => c !== "");
  if (filled.length !== 1) return null;
  const [text, col] = filled[0];
  const merged = (grid.merges ?? []).some((m) => m.top === grid.top + r && m.right - m.left >= 2);
  if (!REGION_RE.test(text) || (text === text.toUpperCase() && !merged)) return null;
  return col === 0 || merged ? text : null;
}

interface Cleaned {
  rows: DataRow[];
  regions: string[];
  declaredCount: number | null;
}

/** Data rows below the header: without blank rows, repeated headers, counters, pagination and region titles. */
function dataRows(grid: SheetGrid, headerRow: number, ipCol: number): Cleaned {
  const out: Cleaned = { rows: [], regions: [], declaredCount: null };
  for (let r = 0; r <= headerRow; r++) {
    const found = /найдено записей:?\s*(\d+)/i.exec(rowCells(grid, r).join(" "));
    if (found) out.declaredCount = (out.declaredCount ?? 0) + Number(found[1]);
  }
  for (let r = headerRow + 1; r < grid.values.length; r++) {
    const cells = rowCells(grid, r);
    let filled = 0;
    for (const c of cells) if (!isBlank(c)) filled += 1;
    if (filled === 0) {
      out.rows.push({ row: grid.top + r + 1, cells });
      continue;
    }
    // counters, pagination and region titles are one-cell rows; headers name their columns
    // header cells are short: test those only, without joining the row; a proceeding-number cell that starts with a
    // digit is data (a header names that column in words), so most rows skip the hint words altogether
    const ipFirst = ipCol >= 0 ? (cells[ipCol]?.charCodeAt(0) ?? 0) : 0;
    const hinted =
      !(filled > 2 && ipFirst >= 48 && ipFirst <= 57) &&
      cells.some((c) => c.length > 0 && c.length < 300 && HEADER_HINT.test(c));
    if (filled > 2 && !hinted) {
      out.rows.push({ row: grid.top + r + 1, cells });
      continue;
    }
    const raw = cells.join(" ");
    const joined = squash(raw);
    const found = /найдено записей:?\s*(\d+)/i.exec(joined);
    if (found) {
      out.declaredCount = (out.declaredCount ?? 0) + Number(found[1]);
      continue;
    }
    if (/^(предыдущая|следующая|[\d\s.…]+$)/i.test(joined) && !/\d{2}\.\d{2}\.\d{4}/.test(joined)) continue;
    if (hinted && (isHeaderLike(cells) || matchHeaderRow(cells))) continue;
    const region = isRegionTitle(cells, grid, r);
    if (region) {
      out.regions.push(region);
      continue;
    }
    out.rows.push({ row: grid.top + r + 1, cells });
  }
  return out;
}

/** The composite cells first, the atomic list columns refine them. */
const READ_FIRST: ColumnConcept[] = ["ip", "debtor", "document", "end", "subject"];

/** The register's columns by what they hold, in reading order: READ_FIRST, then the rest as the header has them. */
interface ReadingStep {
  concept: ColumnConcept;
  columns: number[];
}

function readingPlan(columns: Map<number, ColumnConcept>): ReadingStep[] {
  const steps = new Map<ColumnConcept, number[]>();
  for (const c of READ_FIRST) steps.set(c, []);
  for (const [col, concept] of columns) {
    const list = steps.get(concept);
    if (list) list.push(col);
    else steps.set(concept, [col]);
  }
  return [...steps].filter(([, cols]) => cols.length > 0).map(([concept, cols]) => ({ concept, columns: cols }));
}

/** One concept's text in a record: the non-blank lines of its columns, joined by line breaks; null when all blank. */
function conceptText(rows: DataRow[], columns: number[]): string | null {
  // no arrays for the usual one-row, one-column record
  let joined: string | null = null;
  for (const col of columns) {
    for (const r of rows) {
      const t = r.cells[col] ?? "";
      if (isBlank(t)) continue;
      joined = joined === null ? t : `${joined}\n${t}`;
    }
  }
  return joined;
}

/** A record read into its proceeding step by step in the plan's order; `textOf` gives a step's text (null: none). */
function build(
  row: number,
  plan: ReadingStep[],
  textOf: (step: ReadingStep) => string | null | undefined,
  hasDoc: boolean,
  memo: ReadMemo,
): Proceeding {
  const p = emptyProceeding(row);
  for (const step of plan) {
    const t = textOf(step);
    if (t !== null && t !== undefined) readCell(p, step.concept, t, memo);
  }
  p.problems = recordProblems(p, hasDoc);
  return p;
}

/** Group rows into records: a record starts at a row with a proceeding number; the rows below continue it. */
function groupRecords(rows: DataRow[], starts: boolean[], oneRowEach: boolean) {
  const records: { row: number; rows: DataRow[] }[] = [];
  const orphans: DataRow[] = [];
  for (let i = 0; i < rows.length; i++) {
    const r = rows[i];
    const blank = r.cells.every(isBlank);
    if (oneRowEach) {
      if (!blank) records.push({ row: r.row, rows: [r] });
      continue;
    }
    if (starts[i]) records.push({ row: r.row, rows: [r] });
    else if (records.length > 0) records[records.length - 1].rows.push(r);
    else if (!blank) orphans.push(r);
  }
  return { records, orphans };
}

function detectShape(records: { rows: DataRow[] }[], columns: Map<number, ColumnConcept>): RegisterShape {
  // plain loops with early exits: this looks at every first-row cell of a big register
  for (const r of records) {
    if (r.rows.length < 2) continue;
    let filled = 0;
    for (const x of r.rows) if (!x.cells.every(isBlank) && ++filled > 1) return "B";
  }
  for (const r of records) for (const c of r.rows[0].cells) if (c.includes("\n")) return "A";
  for (const r of records) {
    const cells = r.rows[0].cells;
    for (let i = 0; i < cells.length; i++) {
      const c = cells[i];
      const k = columns.get(i);
      const glued =
        (k === "end" && /\d{4}ст/i.test(c)) ||
        (k === "debtor" && /[А-ЯЁ]\d{1,2}\.\d{2}\.\d{4}/.test(c)) ||
        (k === "document" && /\d[А-ЯЁ]{4,}/.test(c)) ||
        (k === "bailiff" && /\.\+7/.test(c));
      if (glued) return "D";
    }
  }
  return "C";
}

/** Parse a bailiff register grid. Throws BailiffRegisterError for an empty or unrecognisable sheet. */
export function parseBailiffRegister(grid: SheetGrid): ParsedBailiffRegister {
  const found = findHeader(grid);
  if (!found) throw unrecognised(grid);
  const { header } = found;
  const ipCol = [...header.columns].find(([, c]) => c === "ip")?.[0] ?? -1;
  const cleaned = dataRows(grid, found.row, ipCol);
  const hasDoc = [...header.columns.values()].includes("document");
  const oneRowEach = header.kind !== "fssp-bank";
  let shape: RegisterShape;
  let proceedings: Proceeding[];
  let orphans: DataRow[];
  // which rows hold a proceeding number of their own: asked once per row, for shape E detection and for grouping
  const memo = readMemo();
  const plan = readingPlan(header.columns);
  const starts = oneRowEach
    ? []
    : cleaned.rows.map((r) => {
        if (ipCol < 0) return false;
        const cell = r.cells[ipCol] ?? "";
        if (isUsualIpCell(cell)) return true;
        r.ipNumbers = proceedingNumbersIn(cell);
        return holdsOwnNumber(r.ipNumbers);
      });
  if (!oneRowEach && looksLikePlainTextPaste(cleaned.rows, header.columns, starts)) {
    shape = "E";
    const rebuilt = reconstructPlainText(cleaned.rows, header.columns);
    proceedings = rebuilt.records.map((r) => build(r.row, plan, (step) => r.texts.get(step.concept), hasDoc, memo));
    orphans = rebuilt.orphans;
  } else {
    const grouped = groupRecords(cleaned.rows, starts, oneRowEach);
    orphans = grouped.orphans;
    shape = oneRowEach ? "table" : detectShape(grouped.records, header.columns);
    // each record's texts are read into its proceeding column by column, in the plan's order
    proceedings = grouped.records.map((rec) => {
      // the usual one-row record: its proceeding-number cell was searched already
      memo.ipCell = rec.rows.length === 1 && ipCol >= 0 ? (rec.rows[0].cells[ipCol] ?? null) : null;
      memo.ipFound = rec.rows[0].ipNumbers ?? null;
      return build(rec.row, plan, (step) => conceptText(rec.rows, step.columns), hasDoc, memo);
    });
  }
  if (proceedings.length === 0 && orphans.length === 0) throw unrecognised(grid);
  const unreadable = [
    ...orphans.map((o) => ({
      row: o.row,
      reason: "строка вне записи: нет номера ИП выше",
      text: squash(o.cells.join(" ")).slice(0, 200),
    })),
    ...proceedings
      .filter((p) => p.problems.length > 0)
      .map((p) => ({
        row: p.row,
        reason: p.problems.join("; "),
        text: `${p.ipRaw} ${p.debtor.name} ${p.document.raw}`.trim().slice(0, 200),
      })),
  ].sort((a, b) => a.row - b.row);
  return {
    kind: header.kind,
    shape,
    proceedings,
    unreadable,
    regions: cleaned.regions,
    declaredCount: cleaned.declaredCount,
    noDocumentNumbers: !hasDoc || proceedings.every((p) => p.document.key === null),
  };
}
