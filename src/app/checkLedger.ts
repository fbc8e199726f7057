/**
 * Use case «Проверка реестра»: read the ledger sheet through the port, recognise it, validate it, write the
 * add-in's own sheet «Проверка» (a summary by code, then one row per finding with a link to the cell) and mark the
 * ledger cells. The user's ledger itself is never changed except for the marks (fill + note), which a rerun replaces.
 * Where Excel shows no notes (no ExcelApi 1.18: perpetual Office 2021/2024) «Проверка» also says what each fill
 * colour means, since this sheet is then the only place the explanation of a marked cell is.
 */
import type { CellMark, OperationOptions, OutCell, OwnSheetContent, SheetInfo, WorkbookPort } from "../workbook/port";
import { OWN_SHEETS } from "../workbook/port";
import { throwIfAborted } from "../workbook/errors";
import { isOwnSheet } from "../workbook/port";
import { yieldToEventLoop } from "../util/eventLoop";
import { recognizeRegister } from "../domain/register";
import { columnLetter, type SheetGrid } from "../domain/grid";
import { formatDateRu, ymd, type IsoDate } from "../domain/dates";
import {
  LEDGER_RULES,
  LedgerInputError,
  ledgerStrength,
  recognizeLedger,
  summarizeFindings,
  validateLedger,
  type ColumnMapping,
  type FindingSummary,
  type LedgerFinding,
  type RecognizedLedger,
  type Severity,
} from "../domain/ledger";
import { DONE_STAGE } from "./progressStages";

/** Where a user-corrected mapping is kept in the workbook's settings: settings[key][sheet]. */
export const LEDGER_MAPPINGS_KEY = "ledgerMappings";

export interface SavedLedgerMapping {
  mapping: ColumnMapping;
  headerRow?: number;
}

export interface CheckLedgerOptions extends OperationOptions {
  sheet?: string;
  /** concept → 0-based column; when absent, a mapping saved for the sheet is used, else the detected one. */
  mapping?: ColumnMapping;
  headerRow?: number;
  disabledRules?: readonly string[];
  /** Today (for «period in the future»); defaults to the local date. */
  today?: IsoDate;
  /** Write «Проверка» and the marks (default true). The CLI's check passes false: it never writes. */
  write?: boolean;
}

export interface CheckLedgerResult {
  sheet: string;
  layout: RecognizedLedger["layout"];
  headerRow: number;
  period: { from: IsoDate | null; to: IsoDate | null };
  /** concept → 0-based column. */
  columns: ColumnMapping;
  /** concept → column letter (the CLI's "columns"). */
  columnLetters: Record<string, string>;
  rows: { data: number; skipped: number };
  /** Sorted by row; row is the 1-based Excel row, col the 0-based column. */
  findings: LedgerFinding[];
  summary: FindingSummary;
  /** True when a saved or given mapping replaced the detected one. */
  mappingCorrected: boolean;
  ledger: RecognizedLedger;
}

const SEVERITY_RU: Record<Severity, string> = { error: "ошибка", warning: "предупреждение", info: "замечание" };
const LAYOUT_RU: Record<RecognizedLedger["layout"], string> = {
  "per-account": "одна строка на лицевой счёт",
  "per-month-rows": "строка на лицевой счёт за каждый месяц",
  "month-columns": "месяцы по столбцам",
};
/** More marks than this make Excel slow (each is a fill and a note); the rest are listed on «Проверка» only. */
export const MAX_MARKS = 5000;
/** How many rows from the top are enough to tell whether a sheet is a ledger. */
const PROBE_ROWS = 45;

function todayLocal(): IsoDate {
  const d = new Date();
  return ymd(d.getFullYear(), d.getMonth() + 1, d.getDate());
}

/**
 * The sheets that look like a ledger (reads only the top rows of each), strongest first. A sheet much weaker than
 * the best one (a court-work register, a bailiff register: debts without turnovers) is left out, so a workbook with
 * one ledger and such registers has one ledger; two comparable ledgers both stay (the user must choose). When
 * several remain, a court-work register the clerk keeps (accounts and amounts, but a register's header) is not one.
 */
export async function findLedgerSheets(
  port: WorkbookPort,
  options: OperationOptions = {},
): Promise<{ ledgers: string[]; candidates: SheetInfo[] }> {
  const candidates = (await port.listSheets()).filter((s) => s.visible && !isOwnSheet(s) && s.rows > 0);
  const scored: { name: string; strength: number; register: boolean }[] = [];
  for (const s of candidates) {
    const range = `A1:${columnLetter(Math.max(0, Math.min(s.columns + 30, 300) - 1))}${Math.min(s.rows + 30, PROBE_ROWS)}`;
    const head = await port.readSheet(s.name, { signal: options.signal, range });
    const strength = ledgerStrength(head);
    if (strength > 0) scored.push({ name: s.name, strength, register: recognizeRegister(head) !== null });
  }
  const best = Math.max(0, ...scored.map((s) => s.strength));
  const strong = scored.filter((s) => s.strength >= best - 1);
  const ledgers = (strong.length > 1 ? strong.filter((s) => !s.register) : strong).map((s) => s.name);
  return { ledgers, candidates };
}

/** The ledger sheet to work on: the one named (it must exist), or the one sheet that looks like a ledger. */
export async function pickLedgerSheet(
  port: WorkbookPort,
  options: { sheet?: string } & OperationOptions,
): Promise<string> {
  if (options.sheet) {
    const all = await port.listSheets();
    if (!all.some((s) => s.name === options.sheet)) {
      throw new LedgerInputError(
        "sheet-not-found",
        `В книге нет листа «${options.sheet}»; есть: ${all
          .filter((s) => s.visible)
          .map((s) => `«${s.name}»`)
          .join(", ")}.`,
        {
          sheets: all.map((s) => s.name),
        },
      );
    }
    return options.sheet;
  }
  const { ledgers, candidates } = await findLedgerSheets(port, options);
  if (ledgers.length === 1) return ledgers[0];
  if (ledgers.length > 1) {
    throw new LedgerInputError(
      "several-ledgers",
      `В книге несколько листов, похожих на реестр: ${ledgers.map((s) => `«${s}»`).join(", ")}. Укажите, какой проверять (в командной строке — параметр --sheet).`,
      { sheets: ledgers },
    );
  }
  // no sheet looks like a ledger: with one sheet, let recognition say what is missing in it
  if (candidates.length === 1) return candidates[0].name;
  if (candidates.length === 0)
    throw new LedgerInputError("empty-sheet", "В книге нет заполненных листов с реестром лицевых счетов.");
  throw new LedgerInputError(
    "no-ledger",
    `Ни один лист книги не похож на реестр лицевых счетов (нужны столбцы лицевого счёта или ФИО и сумм). Листы: ${candidates.map((s) => `«${s.name}»`).join(", ")}.`,
    { sheets: candidates.map((s) => s.name) },
  );
}

/** The mapping the user saved for a sheet, if any. */
export async function readSavedMapping(port: WorkbookPort, sheet: string): Promise<SavedLedgerMapping | null> {
  const settings = await port.readSettings();
  const all = settings[LEDGER_MAPPINGS_KEY] as Record<string, SavedLedgerMapping> | undefined;
  const saved = all?.[sheet];
  return saved && typeof saved === "object" && saved.mapping ? saved : null;
}

/** Save (or with null, forget) the user's mapping for a sheet; other settings are kept. */
export async function saveLedgerMapping(
  port: WorkbookPort,
  sheet: string,
  saved: SavedLedgerMapping | null,
): Promise<void> {
  const settings = await port.readSettings();
  const all = { ...((settings[LEDGER_MAPPINGS_KEY] as Record<string, SavedLedgerMapping> | undefined) ?? {}) };
  if (saved) all[sheet] = saved;
  else delete all[sheet];
  await port.writeSettings({ ...settings, [LEDGER_MAPPINGS_KEY]: all });
}

export async function checkLedger(port: WorkbookPort, options: CheckLedgerOptions = {}): Promise<CheckLedgerResult> {
  const { signal, onProgress } = options;
  const sheet = await pickLedgerSheet(port, options);
  throwIfAborted(signal);

  let mapping = options.mapping;
  let headerRow = options.headerRow;
  if (!mapping) {
    const saved = await readSavedMapping(port, sheet);
    if (saved) {
      mapping = saved.mapping;
      headerRow ??= saved.headerRow;
    }
  }

  const grid: SheetGrid = await port.readSheet(sheet, { signal, onProgress });
  onProgress?.({ done: 0, total: 1, stage: "Распознавание реестра" });
  const ledger = recognizeLedger(grid, { mapping, headerRow });
  throwIfAborted(signal);
  onProgress?.({ done: 0, total: 1, stage: "Проверка правил" });
  const findings = validateLedger(ledger, {
    disabledRules: options.disabledRules,
    today: options.today ?? todayLocal(),
  });
  // let a click on «Отмена» during the analysis land before anything is written
  await yieldToEventLoop();
  throwIfAborted(signal);
  const summary = summarizeFindings(findings);
  const columnLetters: Record<string, string> = {};
  for (const [k, v] of Object.entries(ledger.columns)) columnLetters[k] = columnLetter(v);

  const result: CheckLedgerResult = {
    sheet,
    layout: ledger.layout,
    headerRow: ledger.headerRow,
    period: ledger.period,
    columns: ledger.columns,
    columnLetters,
    rows: ledger.rows,
    findings,
    summary,
    mappingCorrected: mapping !== undefined,
    ledger,
  };

  if (options.write !== false) {
    const notesShown = (await port.markNotesShown?.()) !== false;
    throwIfAborted(signal);
    onProgress?.({ done: 0, total: 1, stage: `Запись листа «${OWN_SHEETS.check}»` });
    await port.writeOwnSheet(checkSheetContent(result, { legend: !notesShown }), { signal, onProgress });
    onProgress?.({ done: 0, total: 1, stage: "Отметки на ячейках реестра" });
    await port.markCells(sheet, cellMarks(findings).slice(0, MAX_MARKS), { signal, onProgress });
  }
  onProgress?.({ done: 1, total: 1, stage: DONE_STAGE });
  return result;
}

function periodText(p: { from: IsoDate | null; to: IsoDate | null }): string {
  if (p.from && p.to) return `${formatDateRu(p.from)} – ${formatDateRu(p.to)}`;
  if (p.to) return `на ${formatDateRu(p.to)}`;
  if (p.from) return `с ${formatDateRu(p.from)}`;
  return "не определён";
}

/** The fill of a marked cell per severity, in words (the colours are MARK_FILL in src/workbook/common.ts). */
const FILL_RU: { severity: Severity; fill: string; meaning: string }[] = [
  { severity: "error", fill: "Светло-красная", meaning: "данные неверны: исправьте до подачи заявления" },
  { severity: "warning", fill: "Жёлтая", meaning: "проверьте: возможна ошибка или неполные данные" },
  { severity: "info", fill: "Голубая", meaning: "к сведению" },
];

/** What the fill colours on the ledger mean, for Excel without notes: the explanations are in the list below. */
function legendRows(sheet: string): OutCell[][] {
  return [
    [
      `Эта версия Excel не показывает примечания к ячейкам: отмеченные ячейки листа «${sheet}» только закрашены, ` +
        "пояснение к каждой — в списке ниже (ссылка в столбце «Ячейка» ведёт к ней).",
    ],
    ["Заливка", "Важность", "Что означает"],
    ...FILL_RU.map((f) => [f.fill, SEVERITY_RU[f.severity], f.meaning]),
    [],
  ];
}

/**
 * The «Проверка» sheet: a summary block by code at the top, then one row per finding. With `legend` (the user sees
 * no notes on the marked cells) a block saying what each fill colour means comes before the summary.
 */
export function checkSheetContent(result: CheckLedgerResult, options: { legend?: boolean } = {}): OwnSheetContent {
  const rows: OutCell[][] = [];
  const headerRows: number[] = [];
  const { summary } = result;
  rows.push([`Проверка реестра: лист «${result.sheet}»`]);
  rows.push([
    `Макет: ${LAYOUT_RU[result.layout]}; строка заголовка: ${result.headerRow}; период: ${periodText(result.period)}`,
  ]);
  rows.push([`Строк с данными: ${result.rows.data}; пропущено строк (итоги, группы): ${result.rows.skipped}`]);
  rows.push([
    `Ошибок: ${summary.bySeverity.error}; предупреждений: ${summary.bySeverity.warning}; замечаний: ${summary.bySeverity.info}`,
  ]);
  const marked = new Set(result.findings.map((f) => `${f.row}:${f.col}`)).size;
  rows.push([
    marked > MAX_MARKS
      ? `На листе реестра отмечены первые ${MAX_MARKS} ячеек из ${marked}; остальные — только в списке ниже.`
      : "",
  ]);
  if (options.legend) {
    headerRows.push(rows.length + 1);
    rows.push(...legendRows(result.sheet));
  }
  headerRows.push(rows.length);
  rows.push(["Код", "Правило", "Важность", "Количество"]);
  if (summary.byCode.length === 0) rows.push(["—", "Замечаний нет", "", 0]);
  for (const s of summary.byCode) rows.push([s.code, s.title, SEVERITY_RU[s.severity], s.count]);
  rows.push([]);
  headerRows.push(rows.length);
  rows.push(["Код", "Важность", "Сообщение", "Ячейка", "Лицевой счёт", "Должник"]);
  for (const f of result.findings) {
    rows.push([
      f.code,
      SEVERITY_RU[f.severity],
      f.message,
      { kind: "link", text: `${f.sheet}!${f.cell}`, sheet: f.sheet, address: f.cell },
      f.account,
      f.debtor,
    ]);
  }
  return {
    name: OWN_SHEETS.check,
    rows,
    headerRows,
    freezeRows: 0,
    columns: [
      { width: 20, format: "text" },
      { width: 16 },
      { width: 90 },
      { width: 18 },
      { width: 16, format: "text" },
      { width: 30 },
    ],
  };
}

const SEVERITY_RANK: Record<Severity, number> = { error: 3, warning: 2, info: 1 };

/** One mark per cell: several findings on one cell share a note, the most severe colour wins. */
export function cellMarks(findings: readonly LedgerFinding[]): CellMark[] {
  const byCell = new Map<string, CellMark>();
  for (const f of findings) {
    const key = `${f.row}:${f.col}`;
    const old = byCell.get(key);
    if (!old) byCell.set(key, { sheet: f.sheet, row: f.row - 1, col: f.col, severity: f.severity, note: f.message });
    else {
      old.note += `\n${f.message}`;
      if (SEVERITY_RANK[f.severity] > SEVERITY_RANK[old.severity]) old.severity = f.severity;
    }
  }
  return [...byCell.values()];
}

export { LEDGER_RULES };
