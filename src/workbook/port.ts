/**
 * The workbook port: the few operations the use cases need from a workbook, named for what they mean.
 * Two adapters implement it: excel/ (Office.js, Excel.run) and xlsx/ (ExcelJS, for the CLI, the standalone page
 * and tests). The domain never sees this file; the app layer talks to a workbook only through it.
 */
import type { CellValue, SheetGrid } from "../domain/grid";
import type { IsoDate } from "../domain/dates";
import type { Severity } from "../domain/ledger";

/** The add-in's own sheets: the only sheets it creates, rewrites or deletes. */
export const OWN_SHEETS = {
  check: "Проверка",
  candidates: "Кандидаты",
  register: "Реестр взыскания",
  reconcile: "Сверка ССП",
  reconcilePaid: "Оплачено напрямую",
  reconcileRepresent: "Повторное предъявление",
  reconcileNotOpened: "Не возбуждено",
  reconcileLog: "Журнал сверок",
  plan: "План мероприятий",
  /** Magistrates' districts the user keeps (address or street → участок); the add-in creates it with headers. */
  courts: "Участки мировых судей",
  planDetail: "План — расшифровка",
  planHistory: "План — динамика",
} as const;
/** Prefix of the per-account penalty sheets («Расчёт пени 1020034»). */
export const PENALTY_SHEET_PREFIX = "Расчёт пени ";

/** A name the add-in reserves for its own output: never read as the user's data, the only names it writes. */
export function isOwnSheetName(name: string): boolean {
  return (Object.values(OWN_SHEETS) as string[]).includes(name) || name.startsWith(PENALTY_SHEET_PREFIX);
}

/** A sheet the add-in created or whose name it reserves: never read as the user's data. */
export function isOwnSheet(s: { name: string; ownedByAddin: boolean }): boolean {
  return s.ownedByAddin || isOwnSheetName(s.name);
}

export interface SheetInfo {
  name: string;
  /** Used range size (0 × 0 for an empty sheet). */
  rows: number;
  columns: number;
  /** True when the sheet carries the add-in's marker (it created the sheet). */
  ownedByAddin: boolean;
  visible: boolean;
}

/** A cell the add-in writes. Plain strings are always written as text (never as formulas). */
export type OutCell =
  | CellValue
  | { kind: "date"; date: IsoDate }
  | { kind: "money"; kopecks: number }
  | { kind: "link"; text: string; sheet: string; address: string };

export type ColumnFormat = "text" | "money" | "date" | "integer" | "percent" | "general";

export interface OwnSheetContent {
  /** Sheet name: an OWN_SHEETS value or a name starting with PENALTY_SHEET_PREFIX. */
  name: string;
  /** Rows from A1 down, including headers and summary blocks. */
  rows: OutCell[][];
  columns?: { width?: number; format?: ColumnFormat }[];
  /** 0-based row indexes to render as header (bold, fill). */
  headerRows?: number[];
  /** Freeze panes below this many rows. */
  freezeRows?: number;
  /** Page setup for printing: A4, landscape or not, rows repeated at the top of every page, fit to page width. */
  print?: PrintSetup;
  /** Native charts over this sheet's cells; replaced with the sheet (a rerun never leaves two). */
  charts?: OwnSheetChart[];
}

/** A rectangle of cells of the sheet being written, 0-based. */
export interface CellBlock {
  row: number;
  col: number;
  rows: number;
  cols: number;
}

/** A native chart on an own sheet: Excel draws it from the sheet's cells, so it follows them. */
export interface OwnSheetChart {
  /** A line chart with markers (one month is still a visible point). */
  type: "line";
  title: string;
  /** Where it lies: the top-left cell and the size in cells. */
  anchor: CellBlock;
  /** The category labels: one row or one column of this sheet. */
  categories: CellBlock;
  /** Each series' values: a row or a column as long as the categories. */
  series: { name: string; values: CellBlock }[];
  /** Title of the value axis (the unit). */
  valueAxisTitle?: string;
}

export interface PrintSetup {
  landscape: boolean;
  /** 0-based first and last row repeated on every printed page (the table's header). */
  repeatRows?: [number, number];
  /** Scale the sheet to one page wide (as many pages tall as needed). */
  fitToWidth?: boolean;
  /** Long texts wrap inside their columns (a plan's paragraphs), cells aligned to the top. */
  wrapText?: boolean;
}

/** How serious a finding is: the domain's scale (marks are coloured by it). */
export type { Severity };

export interface CellMark {
  sheet: string;
  /** 0-based sheet coordinates. */
  row: number;
  col: number;
  severity: Severity;
  /** Russian explanation shown as the cell's note. */
  note: string;
}

export interface Progress {
  done: number;
  total: number;
  /** Russian label of the current step. */
  stage?: string;
}

export interface OperationOptions {
  signal?: AbortSignal;
  onProgress?: (p: Progress) => void;
}

/** A row of a table keyed by one column; values by header text. */
export type TableRow = Record<string, CellValue | OutCell>;

export interface TableSpec {
  /** Sheet (and table) name, e.g. OWN_SHEETS.register. */
  sheet: string;
  /** Header texts in order. */
  columns: string[];
  /** The key column's header (e.g. "Ключ"). */
  key: string;
  /** Headers of the columns the add-in owns: only these may be overwritten in existing rows. */
  ownColumns: string[];
  formats?: Partial<Record<string, ColumnFormat>>;
}

export interface WorkbookPort {
  /**
   * Whether the user sees the note of a marked cell. False in Excel without worksheet notes (ExcelApi 1.18, not in
   * perpetual Office 2021/2024): marks are a fill only, so the explanation must be somewhere else. A port without
   * this method (or answering undefined) shows them. A method, not a flag, so the worker's proxy port can ask.
   */
  markNotesShown?(): Promise<boolean | undefined>;
  listSheets(): Promise<SheetInfo[]>;
  /** The used range of a sheet (or a given A1 range) as values + text + number formats. */
  readSheet(sheet: string, options?: OperationOptions & { range?: string }): Promise<SheetGrid>;
  /** Create or replace one of the add-in's own sheets. Refuses a user's sheet of the same name. */
  writeOwnSheet(content: OwnSheetContent, options?: OperationOptions): Promise<void>;
  /**
   * Create or replace several own sheets, each as writeOwnSheet does, in as few round trips as their size allows
   * (Office.js: several small sheets in one request). Resolves to the number of sheets written; a port without it,
   * or answering undefined (the worker's proxy over such a port), leaves them to writeOwnSheet one by one.
   */
  writeOwnSheets?(contents: OwnSheetContent[], options?: OperationOptions): Promise<number | undefined>;
  /** Read a table-like own sheet (header row + rows); null if it does not exist. */
  readTable(spec: TableSpec): Promise<TableRow[] | null>;
  /**
   * Add rows whose key is new; in rows whose key exists, fill only ownColumns. Never overwrites a cell the
   * user typed in a column the add-in does not own. Creates the sheet/table if missing.
   */
  upsertTableRows(spec: TableSpec, rows: TableRow[], options?: OperationOptions): Promise<void>;
  /** Colour and annotate cells in a user's sheet; replaces the add-in's previous marks on that sheet. */
  markCells(sheet: string, marks: CellMark[], options?: OperationOptions): Promise<void>;
  /** Remove the add-in's marks (fill + notes) from a sheet, or from every sheet. */
  clearMarks(sheet?: string): Promise<void>;
  /** Select a cell and bring it into view. */
  selectCell(sheet: string, row: number, col: number): Promise<void>;
  readSettings(): Promise<Record<string, unknown>>;
  writeSettings(settings: Record<string, unknown>): Promise<void>;
}
