/**
 * Pure helpers both adapters share, so they behave identically: what an OutCell becomes in a cell, the add-in's
 * metadata sheet layout, own-sheet names, the register upsert plan, mark colours.
 */
import type { CellValue } from "../domain/grid";
import { isoToExcelSerial } from "../domain/dates";
import {
  isOwnSheetName,
  type CellMark,
  type ColumnFormat,
  type OutCell,
  type Severity,
  type TableRow,
  type TableSpec,
} from "./port";
import { WorkbookError } from "./errors";

// ---------- cells ----------

export const FORMAT_CODES: Record<ColumnFormat, string> = {
  text: "@",
  money: "#,##0.00",
  date: "dd.mm.yyyy",
  integer: "0",
  percent: "0.00%",
  general: "General",
};

/** What to put in a cell: a plain value (strings are always text) or our own hyperlink formula. */
export interface CellPlan {
  value: CellValue;
  /** Number format for this cell; undefined = the column's format. */
  numberFormat?: string;
  /** Formula without "=", only for our own links. */
  formula?: string;
}

export function planCell(cell: OutCell): CellPlan {
  if (cell === null || typeof cell !== "object") return { value: cell === undefined ? null : cell };
  switch (cell.kind) {
    case "date":
      return { value: isoToExcelSerial(cell.date), numberFormat: FORMAT_CODES.date };
    case "money":
      return { value: cell.kopecks / 100, numberFormat: FORMAT_CODES.money };
    case "link":
      return { value: cell.text, formula: linkFormula(cell.text, cell.sheet, cell.address) };
  }
}

/** HYPERLINK to a cell of this workbook; quotes doubled so sheet names and texts can't break out of the string. */
export function linkFormula(text: string, sheet: string, address: string): string {
  const target = `#'${sheet.replace(/'/g, "''")}'!${address.replace(/[^A-Za-z0-9$:]/g, "")}`;
  return `HYPERLINK("${target.replace(/"/g, '""')}","${text.replace(/"/g, '""')}")`;
}

/** A string Excel would take for a formula (or DDE) if typed: = + - @ tab CR at the start. */
export function isFormulaLike(s: string): boolean {
  return /^[=+\-@\t\r]/.test(s);
}

/** The value a cell holds after writing `cell` (for comparing with what is already there). */
export function outCellValue(cell: OutCell): CellValue {
  return planCell(cell).value;
}

// ---------- own sheets ----------

export function assertOwnSheetName(name: string): void {
  if (!isOwnSheetName(name))
    throw new WorkbookError("bad-sheet-name", `Надстройка пишет только в свои листы; «${name}» к ним не относится.`);
  if (name.length > 31 || /[[\]:*?/\\]/.test(name))
    throw new WorkbookError(
      "bad-sheet-name",
      `Недопустимое имя листа «${name}»: не длиннее 31 знака, без символов [ ] : * ? / \\.`,
    );
}

/** Name of the sheet a chunked write goes to before it replaces the real one (Excel limits names to 31 chars). */
export function pendingSheetName(name: string): string {
  return `${name} (запись…)`.length <= 31 ? `${name} (запись…)` : `(запись…) ${name}`.slice(0, 31);
}

// ---------- metadata (a very hidden sheet, the same layout in both adapters) ----------

export const META_SHEET = "zhku_meta";
const META_TITLE = "zhku-collect metadata";
/** Excel cells hold at most 32 767 characters; JSON is split into pieces of this size. */
const META_PIECE = 30000;

export interface MarkRecord {
  r: number;
  c: number;
  /** Fill before the mark: null = none, "#RRGGBB", or an adapter-specific fill object (ExcelJS). */
  fill: unknown;
  /** Note before the mark, null when the cell had none (text; the xlsx adapter keeps ExcelJS's rich note object). */
  note?: unknown;
  /** Our mark's colour "#RRGGBB" and note text: restored only if the user has not changed them since. */
  mark?: string;
  text?: string;
}

export interface AddinMeta {
  ownedSheets: string[];
  /** Temp sheets of writes in progress (they may be deleted by the add-in). */
  pendingSheets: string[];
  marks: Record<string, MarkRecord[]>;
  settings: Record<string, unknown>;
}

export function emptyMeta(): AddinMeta {
  return { ownedSheets: [], pendingSheets: [], marks: {}, settings: {} };
}

/** Meta → a rectangular block of strings: row 0 a title, then one row per key with the JSON split in pieces. */
export function encodeMeta(meta: AddinMeta): string[][] {
  const rows: string[][] = [[META_TITLE, "1"]];
  const put = (key: string, value: unknown) => {
    const json = JSON.stringify(value);
    const pieces: string[] = [];
    for (let i = 0; i < json.length; i += META_PIECE) pieces.push(json.slice(i, i + META_PIECE));
    rows.push([key, ...pieces]);
  };
  put("ownedSheets", meta.ownedSheets);
  put("pendingSheets", meta.pendingSheets);
  put("settings", meta.settings);
  for (const [sheet, marks] of Object.entries(meta.marks)) if (marks.length > 0) put(`marks:${sheet}`, marks);
  const width = Math.max(...rows.map((r) => r.length));
  return rows.map((r) => [...r, ...Array<string>(width - r.length).fill("")]);
}

export function decodeMeta(values: CellValue[][] | null | undefined): AddinMeta {
  const meta = emptyMeta();
  if (!values || values.length === 0 || values[0][0] !== META_TITLE) return meta;
  for (const row of values.slice(1)) {
    const key = String(row[0] ?? "");
    const json = row
      .slice(1)
      .map((v) => (v === null ? "" : String(v)))
      .join("");
    if (!key || !json) continue;
    let parsed: unknown;
    try {
      parsed = JSON.parse(json);
    } catch {
      continue; // a damaged entry is ignored rather than blocking the user
    }
    if (key === "ownedSheets" && Array.isArray(parsed)) meta.ownedSheets = parsed.map(String);
    else if (key === "pendingSheets" && Array.isArray(parsed)) meta.pendingSheets = parsed.map(String);
    else if (key === "settings" && parsed && typeof parsed === "object")
      meta.settings = parsed as Record<string, unknown>;
    else if (key.startsWith("marks:") && Array.isArray(parsed)) meta.marks[key.slice(6)] = parsed as MarkRecord[];
  }
  return meta;
}

// ---------- marks ----------

export const MARK_FILL: Record<Severity, string> = {
  error: "#FFC7CE",
  warning: "#FFEB9C",
  info: "#DDEBF7",
};

const SEVERITY_RANK: Record<Severity, number> = { error: 3, warning: 2, info: 1 };

/** One mark per cell: the most severe colour, notes joined in order. */
export function mergeMarks(marks: CellMark[]): CellMark[] {
  const byCell = new Map<string, CellMark>();
  for (const m of marks) {
    const key = `${m.row}:${m.col}`;
    const prev = byCell.get(key);
    if (!prev) byCell.set(key, { ...m });
    else {
      if (SEVERITY_RANK[m.severity] > SEVERITY_RANK[prev.severity]) prev.severity = m.severity;
      if (m.note && !prev.note.split("\n").includes(m.note)) prev.note = prev.note ? `${prev.note}\n${m.note}` : m.note;
    }
  }
  return [...byCell.values()].sort((a, b) => a.row - b.row || a.col - b.col);
}

// ---------- table upsert ----------

export interface UpsertPlan {
  /** Full header row after the upsert (existing headers kept, missing spec columns appended). */
  header: string[];
  /** Header cells to write: column index → text (only new columns). */
  newHeaderCells: { col: number; text: string }[];
  /** Writes into existing rows (0-based data row index, i.e. sheet row - 1), own columns only, changed cells only. */
  updates: { row: number; col: number; cell: OutCell }[];
  /** Rows appended after the last existing row, laid out by `header`. */
  appended: OutCell[][];
}

function keyText(v: CellValue | OutCell | undefined): string {
  if (v === null || v === undefined) return "";
  if (typeof v === "object") return String(outCellValue(v) ?? "").trim();
  return String(v).trim();
}

function sameValue(a: CellValue, b: CellValue): boolean {
  if (a === b) return true;
  if ((a === null || a === "") && (b === null || b === "")) return true;
  if (typeof a === "number" && typeof b === "number") return Math.abs(a - b) < 1e-9;
  return false;
}

/**
 * Plan an upsert into a header + rows block already in the sheet (`existing[0]` is the header row).
 * Rows are matched by the key column's text; existing rows only get the spec's own columns, and only where the
 * value changes. Columns the clerk added or reordered are respected (matched by header text).
 */
export function planUpsert(spec: TableSpec, existing: CellValue[][], rows: TableRow[]): UpsertPlan {
  const header = (existing[0] ?? []).map((v) => (v === null ? "" : String(v).trim()));
  while (header.length > 0 && header[header.length - 1] === "") header.pop();
  const newHeaderCells: { col: number; text: string }[] = [];
  for (const col of spec.columns) {
    if (!header.includes(col)) {
      newHeaderCells.push({ col: header.length, text: col });
      header.push(col);
    }
  }
  const colOf = new Map(header.map((h, i) => [h, i] as const));
  const keyCol = colOf.get(spec.key);
  if (keyCol === undefined)
    throw new WorkbookError("unknown", `В таблице «${spec.sheet}» нет ключевого столбца «${spec.key}».`);
  const rowByKey = new Map<string, number>();
  for (let r = 1; r < existing.length; r++) {
    const k = keyText(existing[r][keyCol]);
    if (k && !rowByKey.has(k)) rowByKey.set(k, r - 1);
  }
  const own = new Set(spec.ownColumns);
  const updates: UpsertPlan["updates"] = [];
  const appended: OutCell[][] = [];
  const appendedByKey = new Map<string, OutCell[]>();
  for (const row of rows) {
    const k = keyText(row[spec.key]);
    if (!k) continue;
    const existingRow = rowByKey.get(k);
    if (existingRow !== undefined) {
      for (const [h, cell] of Object.entries(row)) {
        if (!own.has(h) || h === spec.key) continue;
        const c = colOf.get(h);
        if (c === undefined) continue;
        const current = existing[existingRow + 1][c] ?? null;
        if (!sameValue(current, outCellValue(cell as OutCell)))
          updates.push({ row: existingRow, col: c, cell: cell as OutCell });
      }
    } else {
      // a key repeated in the same batch updates the appended row
      let out = appendedByKey.get(k);
      if (!out) {
        out = Array<OutCell>(header.length).fill(null);
        appendedByKey.set(k, out);
        appended.push(out);
      }
      for (const [h, cell] of Object.entries(row)) {
        const c = colOf.get(h);
        if (c !== undefined) out[c] = cell as OutCell;
      }
    }
  }
  return { header, newHeaderCells, updates, appended };
}

/** Header + rows block → TableRow records keyed by header text (empty rows skipped). */
export function gridToTableRows(values: CellValue[][]): TableRow[] {
  const header = (values[0] ?? []).map((v) => (v === null ? "" : String(v).trim()));
  const out: TableRow[] = [];
  for (const row of values.slice(1)) {
    if (row.every((v) => v === null || v === "")) continue;
    const rec: TableRow = {};
    header.forEach((h, i) => {
      if (h) rec[h] = row[i] ?? null;
    });
    out.push(rec);
  }
  return out;
}

/** Consecutive row indexes → [start, end] runs (inclusive). */
export function runsOf(sorted: number[]): [number, number][] {
  const runs: [number, number][] = [];
  for (const r of sorted) {
    const last = runs[runs.length - 1];
    if (last && r === last[1] + 1) last[1] = r;
    else runs.push([r, r]);
  }
  return runs;
}

/** Size in bytes of a string sent as UTF-8 (Cyrillic letters take two bytes). */
export function utf8Length(s: string): number {
  let n = s.length;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0x80) n += c >= 0x800 && (c < 0xd800 || c > 0xdfff) ? 2 : 1;
  }
  return n;
}

/** Estimated payload of a value in a request/response: its JSON in UTF-8. */
export function payloadSize(v: unknown): number {
  const json = JSON.stringify(v);
  return json === undefined ? 0 : utf8Length(json);
}
