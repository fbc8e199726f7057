/**
 * Ledger recognition: find the header row(s), map columns to concepts, detect the layout and the period,
 * classify every row below the header (data / total / group / empty) in one pass and build the canonical ledger.
 * formats-ru.md §5 describes the shapes. Identifiers are read from the displayed text (leading zeros kept),
 * amounts through parseAmount (text-formatted numbers are numbers), dates through parseRuDate / parsePeriod.
 */
import { columnLetter, type CellValue, type SheetGrid } from "../grid";
import { parseAmount, roublesToKopecks, type Kopecks } from "../money";
import { parsePeriod, parseRuDate, periodEnd, periodStart, type IsoDate, type Period } from "../dates";
import type {
  CanonicalLedger,
  ColumnMapping,
  LedgerAccount,
  LedgerConcept,
  LedgerLayout,
  LedgerMonth,
  LedgerServiceLine,
} from "./model";
import {
  AMOUNT_CONCEPTS,
  CONCEPT_TITLES,
  classifyPair,
  classifySingle,
  isSubHeaderWord,
  normalizeHeader,
  type HeaderMatch,
  type MonthKind,
} from "./headers";
import { LedgerInputError } from "./errors";

/** How many rows from the top may hold the title block and the header. */
const HEADER_SEARCH_ROWS = 60;
/** A header must score at least this much (e.g. an account and one amount column). */
const MIN_HEADER_SCORE = 2;

export interface RecognizeOptions {
  /** A user-corrected mapping (concept → 0-based sheet column); replaces the detected one. */
  mapping?: ColumnMapping;
  /** 1-based row of the (last) header row, when the user fixed it. */
  headerRow?: number;
}

/** A cell holding something that is not a number in any accepted spelling. */
export interface InvalidCell {
  /** 0-based sheet coordinates. */
  row: number;
  col: number;
  concept: LedgerConcept | "month";
  text: string;
}

/** One data row as read (amounts in kopecks; null = no such column). */
export interface LedgerRowRecord {
  /** 1-based Excel row. */
  row: number;
  account: string;
  service: string;
  name: string;
  address: string;
  /** per-month-rows: the row's period (null = unreadable). */
  period?: Period | null;
  periodText?: string;
  opening: Kopecks | null;
  charged: Kopecks | null;
  recalculation: Kopecks | null;
  subsidy: Kopecks | null;
  paid: Kopecks | null;
  closing: Kopecks | null;
  penalties: Kopecks | null;
  /** month-columns: value per ledger.monthColumns entry (null = empty). */
  monthValues?: (Kopecks | null)[];
  snils?: string;
  inn?: string;
  share?: string;
  birthPlace?: string;
  passport?: string;
  /** Court-work columns a ledger may carry (ГПК 124 data and an existing case). */
  caseNumber?: string;
  orderDate?: IsoDate | null;
  ipNumber?: string;
  /** Displayed text of the date cells and the date read from them (null = not a date). */
  birthDateText?: string;
  birthDate?: IsoDate | null;
  lastPaymentDateText?: string;
  lastPaymentDate?: IsoDate | null;
  lastPaymentAmount?: Kopecks | null;
  /** Some amount of the row could not be read (balance checks skip it). */
  hasInvalid: boolean;
  /** The account cell was empty and the account came from the block's first row. */
  inheritedAccount: boolean;
}

/** An identifier cell (account, house, flat, case number) that Excel turned into a date («5/1» → 05.янв). */
export interface DamagedCell {
  /** 0-based sheet coordinates. */
  row: number;
  col: number;
  concept: LedgerConcept;
  text: string;
}

/** A single-account sheet (a «Карточка расчётов»): the account, owner and address named in the title. */
export interface TitleAccount {
  account: string;
  name: string;
  address: string;
  /** 0-based sheet cell of the title text the account came from. */
  row: number;
  col: number;
}

export interface TitlePeriod {
  from: IsoDate | null;
  to: IsoDate | null;
  /** 0-based sheet cell of the title text the period came from. */
  row: number;
  col: number;
  text: string;
  /** The title names a period that does not exist (31.02.2024) or ends before it starts. */
  invalid: boolean;
}

/** What validation needs beyond the canonical ledger. */
export interface RecognitionDetails {
  rows: LedgerRowRecord[];
  invalidCells: InvalidCell[];
  titlePeriod: TitlePeriod | null;
  /** The account named in the title when the sheet has no account column (a single-account card). */
  titleAccount: TitleAccount | null;
  /** Identifier cells that hold an Excel date. */
  damagedCells: DamagedCell[];
  /** Header texts per 0-based sheet column (flattened two-level headers). */
  headers: { col: number; text: string }[];
  /** 0-based sheet rows of the header block. */
  headerTop: number;
  headerBottom: number;
  /** The detected mapping (before any user correction). */
  detected: ColumnMapping;
}

export type RecognizedLedger = CanonicalLedger & { details: RecognitionDetails };

// ---------------------------------------------------------------- grid access

class GridReader {
  readonly rows: number;
  readonly width: number;
  private readonly mergeMaster = new Map<number, number>();
  /** 1 for rows that some merged area covers: other rows skip the Map look-up. */
  private readonly mergedRows: Uint8Array;

  constructor(readonly grid: SheetGrid) {
    this.rows = grid.values.length;
    let w = 0;
    for (const row of grid.values) if (row.length > w) w = row.length;
    this.width = w;
    this.mergedRows = new Uint8Array(this.rows);
    for (const m of grid.merges ?? []) {
      for (let r = Math.max(m.top - grid.top, 0); r <= m.bottom - grid.top && r < this.rows; r++)
        this.mergedRows[r] = 1;
      const r0 = m.top - grid.top;
      const c0 = m.left - grid.left;
      for (let r = Math.max(r0, 0); r <= m.bottom - grid.top && r < this.rows; r++)
        for (let c = Math.max(c0, 0); c <= m.right - grid.left && c < this.width; c++)
          if (r !== r0 || c !== c0) this.mergeMaster.set(r * this.width + c, r0 * this.width + c0);
    }
  }

  /** Grid position of the merge master covering (r, c), or -1. */
  master(r: number, c: number): number {
    if (this.mergeMaster.size === 0 || this.mergedRows[r] !== 1) return -1;
    return this.mergeMaster.get(r * this.width + c) ?? -1;
  }

  /** True when some merged area covers row r (then merges, not empty cells, say what a header spans). */
  rowHasMerges(r: number): boolean {
    return this.mergedRows[r] === 1;
  }

  /**
   * A data cell's value: a vertical merge (an account over its service rows) repeats its value downwards; a
   * horizontal merge (a group row's label across the amount columns) does not make the other columns non-empty.
   */
  value(r: number, c: number): CellValue {
    const m = this.master(r, c);
    if (m >= 0 && m % this.width === c) return this.grid.values[Math.floor(m / this.width)]?.[c] ?? null;
    if (m >= 0) return null;
    return this.grid.values[r]?.[c] ?? null;
  }

  /** A data cell's displayed text (trimmed), merges as in value(); falls back to the value when there is no text. */
  text(r: number, c: number): string {
    const m = this.master(r, c);
    if (m >= 0 && m % this.width !== c) return "";
    const rr = m >= 0 ? Math.floor(m / this.width) : r;
    return this.ownText(rr, c);
  }

  /** Header text: any merge covering the cell gives the master's text («Сальдо на начало» over Долг | Аванс). */
  headerText(r: number, c: number): string {
    const m = this.master(r, c);
    if (m < 0) return this.ownText(r, c);
    return this.ownText(Math.floor(m / this.width), m % this.width);
  }

  /** The cell's own text, ignoring merges. */
  ownText(r: number, c: number): string {
    const t = this.grid.text[r]?.[c];
    if (t !== undefined && t !== "") return t.trim();
    const v = this.grid.values[r]?.[c];
    return v === null || v === undefined ? "" : String(v).trim();
  }

  format(r: number, c: number): string {
    return this.grid.numberFormat[r]?.[c] ?? "";
  }

  sheetRow(r: number): number {
    return this.grid.top + r;
  }
  sheetCol(c: number): number {
    return this.grid.left + c;
  }
}

function isEmptyValue(v: CellValue): boolean {
  return v === null || v === "" || (typeof v === "string" && v.trim() === "");
}

const DATE_FORMAT_LETTERS = /[dmy]|д|г/i;
const FORMAT_NOISE = /\[[^\]]*\]|"[^"]*"|\\./g;
const dateFormatCache = new Map<string, boolean>();

/** "dd.mm.yyyy", "mmmm yyyy", "ДД.ММ.ГГГГ" are dates; "#,##0.00;[Red]-#,##0.00" is not (colours and quoted text aside). */
function isDateFormat(format: string): boolean {
  if (format === "" || format === "General" || format === "@") return false;
  let v = dateFormatCache.get(format);
  if (v === undefined) {
    v = DATE_FORMAT_LETTERS.test(format.replace(FORMAT_NOISE, ""));
    dateFormatCache.set(format, v);
  }
  return v;
}

// ---------------------------------------------------------------- header detection

interface HeaderCandidate {
  top: number;
  bottom: number;
  score: number;
  matches: (HeaderMatch | null)[];
  texts: string[];
}

function classifyRow(g: GridReader, r: number): HeaderCandidate {
  const matches: (HeaderMatch | null)[] = [];
  const texts: string[] = [];
  for (let c = 0; c < g.width; c++) {
    const raw = g.ownText(r, c);
    texts.push(raw);
    matches.push(classifyHeaderCell(g, r, c, raw));
  }
  return { top: r, bottom: r, score: scoreHeader(g, r, matches), matches, texts };
}

/** A header cell that is a real Excel date is a month column («01.2024» turned into a date by Excel). */
function classifyHeaderCell(g: GridReader, r: number, c: number, raw: string): HeaderMatch | null {
  const v = g.grid.values[r]?.[c];
  if (typeof v === "number" && isDateFormat(g.format(r, c))) {
    const p = parsePeriod(v);
    return p ? { score: 3, month: { period: p, kind: null } } : null;
  }
  return classifySingle(normalizeHeader(raw));
}

function classifyTwoRows(g: GridReader, r: number): HeaderCandidate {
  const up = r - 1;
  const matches: (HeaderMatch | null)[] = [];
  const texts: string[] = [];
  let lastParent = "";
  // a real two-level header: an upper cell merged down into the lower row, or a lower cell that only means
  // something under its parent («Дебет», «Кредит», «Всего»); it wins a tie with its upper row alone
  let twoLevelSign = false;
  for (let c = 0; c < g.width; c++) {
    const parentOwn = g.ownText(up, c);
    const m = g.master(up, c);
    let parentFilled = parentOwn;
    if (parentOwn === "") {
      if (m >= 0 && Math.floor(m / g.width) === up) parentFilled = g.headerText(up, c);
      else if (!g.rowHasMerges(up)) parentFilled = lastParent;
    }
    if (parentOwn !== "") lastParent = parentOwn;
    // a child covered by a vertical merge from the upper row is the upper cell itself
    const cm = g.master(r, c);
    const mergedDown = cm >= 0 && Math.floor(cm / g.width) === up;
    const child = mergedDown ? "" : g.ownText(r, c);
    if (mergedDown || (child !== "" && parentFilled !== "" && isSubHeaderWord(normalizeHeader(child))))
      twoLevelSign = true;
    const v = g.grid.values[up]?.[c];
    let match: HeaderMatch | null;
    if (child === "") {
      match = classifyHeaderCell(g, up, c, parentOwn);
    } else {
      const parentNorm =
        typeof v === "number" && isDateFormat(g.format(up, c)) && parentFilled === parentOwn
          ? (parsePeriod(v) ?? "")
          : normalizeHeader(parentFilled);
      match = classifyPair(parentNorm, normalizeHeader(child));
    }
    matches.push(match);
    texts.push(child === "" ? parentOwn : parentFilled === "" ? child : `${parentFilled} / ${child}`);
  }
  return { top: up, bottom: r, score: scoreHeader(g, r, matches) + (twoLevelSign ? 0.25 : 0), matches, texts };
}

const CONCEPT_WEIGHT: Partial<Record<LedgerConcept, number>> = { account: 2, name: 1.5, surname: 1.5 };

function scoreHeader(g: GridReader, r: number, matches: (HeaderMatch | null)[]): number {
  const seen = new Set<string>();
  const months = new Set<string>();
  const kinds = new Set<string>();
  let score = 0;
  for (const m of matches) {
    if (!m) continue;
    if (m.month) {
      months.add(m.month.period + (m.month.kind ?? ""));
      if (m.month.kind) kinds.add(m.month.kind);
    } else if (m.concept && !seen.has(m.concept)) {
      seen.add(m.concept);
      score += CONCEPT_WEIGHT[m.concept] ?? 1;
    }
  }
  // months named with what they hold (Начислено | Оплачено under each month) beat bare month names
  if (months.size >= 2) score += 2 + Math.min(months.size, 6) * 0.5 + kinds.size * 0.5;
  // data rows carry numbers; header rows do not (dates in a month header are fine)
  let numbers = 0;
  for (let c = 0; c < g.width; c++) {
    const v = g.grid.values[r]?.[c];
    if (typeof v === "number" && !isDateFormat(g.format(r, c))) numbers++;
    else if (typeof v === "string" && LONG_DIGITS.test(v)) numbers += 2;
  }
  return score - numbers * 0.5;
}

function filledCells(g: GridReader, r: number): number {
  let n = 0;
  for (let c = 0; c < g.width; c++) if (g.ownText(r, c) !== "") n++;
  return n;
}

/** A row with amounts (numbers that are not dates) or long digit strings (accounts) is data, not a header's lower row. */
function looksLikeDataRow(g: GridReader, r: number): boolean {
  for (let c = 0; c < g.width; c++) {
    const v = g.grid.values[r]?.[c];
    if (typeof v === "number" && !isDateFormat(g.format(r, c))) return true;
    if (typeof v === "string" && (LONG_DIGITS.test(v) || TEXT_AMOUNT.test(v))) return true;
  }
  return false;
}
const LONG_DIGITS = /^\s*\d{5,}\s*$/;
/** An amount typed or exported as text («25 430,12», «-1500.00», «0»): a CSV data row, never a header word. */
const TEXT_AMOUNT = /^\s*[-(]?\d[\d \u00a0\u202f]*(?:[.,]\d{1,2})?\)?\s*$/;

function findHeader(g: GridReader, forcedBottom?: number): HeaderCandidate | null {
  const limit = Math.min(g.rows, HEADER_SEARCH_ROWS);
  let best: HeaderCandidate | null = null;
  const consider = (cand: HeaderCandidate) => {
    if (!best || cand.score > best.score) best = cand;
  };
  for (let r = 0; r < limit; r++) {
    if (forcedBottom !== undefined && r !== forcedBottom) continue;
    let nonEmpty = false;
    for (let c = 0; c < g.width && !nonEmpty; c++) nonEmpty = g.ownText(r, c) !== "";
    if (!nonEmpty) continue;
    consider(classifyRow(g, r));
    // a two-level header: the upper row is a header row too (a title line above is not)
    if (r > 0 && filledCells(g, r - 1) >= 2 && !looksLikeDataRow(g, r)) consider(classifyTwoRows(g, r));
  }
  const found = best as HeaderCandidate | null;
  return found && (found.score >= MIN_HEADER_SCORE || forcedBottom !== undefined) ? found : null;
}

interface Mapping {
  columns: ColumnMapping;
  /**
   * Amount concepts spread over several columns with no total among them («Начислено» over «Содержание |
   * Отопление | ХВС»): concept → all its 0-based sheet columns (the first is the one in `columns`), summed per row.
   */
  parts: Partial<Record<LedgerConcept, number[]>>;
  scores: Record<string, number>;
  monthColumns: { col: number; period: Period; kind: MonthKind }[];
}

const TO_OPENING: Partial<Record<LedgerConcept, LedgerConcept>> = {
  closingBalance: "openingBalance",
  closingDebt: "openingDebt",
  closingAdvance: "openingAdvance",
};

/**
 * Concept per column (best score per concept, leftmost on ties) and the month columns. Balances on dates
 * («Сальдо на 01.01.2024 | … | Сальдо на 31.01.2024»): the earliest date is the opening balance. Bare month names
 * («Январь», «Февраль») take their year from the title period, counting on when the months wrap (Ноябрь → Январь).
 */
function mappingFromHeader(
  g: GridReader,
  h: HeaderCandidate,
  defaultMonthKind: MonthKind,
  titleYearFrom: IsoDate | null,
): Mapping {
  const columns: ColumnMapping = {};
  const scores: Record<string, number> = {};
  const monthColumns: Mapping["monthColumns"] = [];
  let earliest: string | null = null;
  let latest: string | null = null;
  for (const m of h.matches) {
    if (!m?.asOf) continue;
    if (earliest === null || m.asOf < earliest) earliest = m.asOf;
    if (latest === null || m.asOf > latest) latest = m.asOf;
  }
  let year = titleYearFrom ? +titleYearFrom.slice(0, 4) : 0;
  let lastBareMonth = 0;
  h.matches.forEach((m, c) => {
    if (!m) return;
    if (m.month) {
      let period = m.month.period;
      if (period.startsWith("0000-")) {
        if (year === 0) return; // a month without a year and no period in the title: not usable
        const month = +period.slice(5, 7);
        if (month < lastBareMonth) year++;
        lastBareMonth = month;
        period = `${year}-${period.slice(5, 7)}`;
      }
      monthColumns.push({ col: g.sheetCol(c), period, kind: m.month.kind ?? defaultMonthKind });
      return;
    }
    if (!m.concept) return;
    let concept = m.concept;
    if (m.asOf && earliest !== latest && m.asOf === earliest) concept = TO_OPENING[concept] ?? concept;
    if (scores[concept] === undefined || m.score > scores[concept]) {
      scores[concept] = m.score;
      columns[concept] = g.sheetCol(c);
    }
  });
  // «Долг на начало» beside «Переплата на начало»: the plain balance column is the debt side
  for (const [balance, debt, advance] of [
    ["openingBalance", "openingDebt", "openingAdvance"],
    ["closingBalance", "closingDebt", "closingAdvance"],
  ] as const) {
    if (columns[advance] !== undefined && columns[debt] === undefined && columns[balance] !== undefined) {
      columns[debt] = columns[balance];
      delete columns[balance];
    }
  }
  // an amount concept whose best columns are all inherited from one parent: the row amount is their sum
  const parts: Mapping["parts"] = {};
  for (const concept of AMOUNT_CONCEPTS) {
    if (scores[concept] !== 1 || columns[concept] === undefined) continue;
    const cols: number[] = [];
    h.matches.forEach((m, c) => {
      if (m?.concept === concept && m.inherited) cols.push(g.sheetCol(c));
    });
    if (cols.length >= 2 && cols[0] === columns[concept]) parts[concept] = cols;
  }
  // «Перерасчёт» and «Разовые», «Льготы» and «Субсидия»: separate adjustments, all of them count
  for (const concept of ["recalculation", "subsidy"] as const) {
    const cols: number[] = [];
    h.matches.forEach((m, c) => {
      if (m?.concept === concept && !m.month && m.score >= 3) cols.push(g.sheetCol(c));
    });
    if (cols.length >= 2 && cols[0] === columns[concept]) parts[concept] = cols;
  }
  // «Итого начислено» after «Начислено» month columns sums them: counting it too would double the charges
  for (const kind of ["charged", "paid"] as const) {
    const c = columns[kind];
    if (
      c !== undefined &&
      monthColumns.some((m) => m.kind === kind) &&
      /^(итого|всего)/.test(normalizeHeader(h.texts[c - g.grid.left] ?? ""))
    )
      delete columns[kind];
  }
  // «Итого» / «Всего» at the end of month columns sums the months: not a closing balance
  if (monthColumns.length >= 2 && scores.closingBalance === 1) delete columns.closingBalance;
  // one lonely month column is an ordinary amount column («Начислено за март 2024»)
  if (monthColumns.length === 1) {
    const only = monthColumns.pop()!;
    const concept: LedgerConcept =
      only.kind === "charged" ? "charged" : only.kind === "paid" ? "paid" : "closingBalance";
    if (columns[concept] === undefined) columns[concept] = only.col;
  }
  return { columns, scores, monthColumns, parts };
}

interface Detection {
  header: HeaderCandidate | null;
  titlePeriod: TitlePeriod | null;
  titleTexts: { row: number; col: number; text: string }[];
  titleAccount: TitleAccount | null;
  mapping: Mapping;
  /** 0-based sheet column of a separate «Год» column (with «Месяц» as the period column), or -1. */
  yearCol: number;
}

function detect(g: GridReader, forcedBottom?: number): Detection {
  const header = findHeader(g, forcedBottom);
  const titleTexts = collectTitleTexts(g, header ? header.top : Math.min(g.rows, 10));
  const titlePeriod = readTitlePeriod(titleTexts);
  const defaultKind: MonthKind = titleTexts.some((t) => /начисл/i.test(t.text)) ? "charged" : "debt";
  const mapping = header
    ? mappingFromHeader(g, header, defaultKind, titlePeriod?.from ?? titlePeriod?.to ?? null)
    : { columns: {}, scores: {}, monthColumns: [], parts: {} };
  if (header) moveNamesOutOfAccountColumn(g, header, mapping.columns);
  const yearCol =
    header && mapping.columns.period !== undefined
      ? header.texts.findIndex((t) => YEAR_HEADER.test(normalizeHeader(t)))
      : -1;
  // a single-account card has neither an account nor a name column
  const c = mapping.columns;
  const titleAccount =
    c.account === undefined && c.name === undefined && c.surname === undefined ? readTitleAccount(titleTexts) : null;
  return { header, titlePeriod, titleTexts, titleAccount, mapping, yearCol: yearCol >= 0 ? g.sheetCol(yearCol) : -1 };
}

/** «Год» beside «Месяц»: the period of a row is made of both. */
const YEAR_HEADER = /^(год|год начисления|расчетный год)$/;

/**
 * 1С ОСВ with the subconto «Контрагенты»: the «Счет» column holds the debtors' names, not account numbers. When
 * the account column has no identifier at all but has names, it is the name column.
 */
function moveNamesOutOfAccountColumn(g: GridReader, h: HeaderCandidate, columns: ColumnMapping): void {
  if (columns.account === undefined || columns.name !== undefined || columns.surname !== undefined) return;
  const c = columns.account - g.grid.left;
  let ids = 0;
  let names = 0;
  for (let r = h.bottom + 1, n = 0; r < g.rows && n < 200; r++) {
    const t = g.text(r, c);
    if (t === "") continue;
    n++;
    if (mayBeTotal(t)) continue;
    const id = readAccountCell(t);
    if (id) ids++;
    else if (id === null && !HAS_DIGIT.test(t) && /[А-Яа-яЁё]{2}/.test(t)) names++;
  }
  if (ids === 0 && names > 0) {
    columns.name = columns.account;
    delete columns.account;
  }
}

/** One account, singular («лицевой счет», «лицевому счёту»; not «по лицевым счетам 2024 г.»), then its number. */
const TITLE_ACCOUNT =
  /(?:лицев(?:ой|ому|ого|ом)\s+сч[её]т[уае]?|(?:^|[\s(,])(?:л\/сч?|лс|елс))\s*[:.]?\s*(?:№|N)?\s*[:.]?\s*(\d[\d/-]*)(?!\d|\s*г(?:\.|од|\s|$))/i;
const TITLE_NAME =
  /(?:собственник|владелец|абонент|плательщик|наниматель|должник|ф\.?\s?и\.?\s?о\.?)\s*[:–—-]\s*([^,;:]+?)\s*(?:[,;]|\s+адрес|$)/i;
const TITLE_ADDRESS = /адрес(?:\s+помещения)?\s*[:–—-]\s*(.+)$/i;

/** «Карточка расчётов по лицевому счёту № 0012345», «Собственник: …», «Адрес: …» (label and value in one cell or side by side). */
function readTitleAccount(texts: { row: number; col: number; text: string }[]): TitleAccount | null {
  const lines: { row: number; col: number; text: string }[] = [];
  for (const t of texts) {
    const last = lines[lines.length - 1];
    if (last && last.row === t.row) last.text += ` ${t.text}`;
    else lines.push({ ...t, text: t.text.replace(/[\u00a0\u202f]/g, " ") });
  }
  let found: TitleAccount | null = null;
  for (const l of lines) {
    const m = TITLE_ACCOUNT.exec(l.text);
    if (m && !found) found = { account: m[1].replace(/[/-]$/, ""), name: "", address: "", row: l.row, col: l.col };
  }
  if (!found) return null;
  for (const l of lines) {
    const n = TITLE_NAME.exec(l.text);
    if (n && !found.name) found.name = n[1].trim();
    const a = TITLE_ADDRESS.exec(l.text);
    if (a && !found.address) found.address = a[1].trim();
  }
  return found;
}

// ---------------------------------------------------------------- title period

const TITLE_RANGE = /(\d{1,2}[./]\d{1,2}[./]\d{2,4})\s*(?:г\.?)?\s*(?:-|–|—|по)\s*(\d{1,2}[./]\d{1,2}[./]\d{2,4})/;
const TITLE_MONTHS = /(январ|феврал|март|апрел|ма[йяе]|июн|июл|август|сентябр|октябр|ноябр|декабр)[а-яё]*\s+(\d{4})/gi;
/** «за январь - март 2024 г.», «с января по март 2024 г.»: one year for both months. */
const TITLE_MONTH_RANGE =
  /(январ|феврал|март|апрел|ма[йяе]|июн|июл|август|сентябр|октябр|ноябр|декабр)[а-яё]*\s*(?:-|–|—|по)\s*(январ|феврал|март|апрел|ма[йяе]|июн|июл|август|сентябр|октябр|ноябр|декабр)[а-яё]*\s+(\d{4})/i;
const TITLE_AS_OF = /(?:^|\s)на\s+(\d{1,2}[./]\d{1,2}[./]\d{2,4})/i;
const TITLE_YEAR = /за\s+(\d{4})\s*(?:г|год)/i;
/** 1С: «за 1 квартал 2024 г.», «за I квартал 2024 г.», «за 2-й квартал 2024 г.» */
const TITLE_QUARTER = /(?:^|\s)([1-4]|IV|I{1,3})(?:\s*-?\s*й)?\s+квартал\S*\s+(\d{4})/i;
const QUARTERS = ["1", "2", "3", "4", "I", "II", "III", "IV"];

export function readTitlePeriod(texts: { row: number; col: number; text: string }[]): TitlePeriod | null {
  for (const { row, col, text } of texts) {
    const t = text.replace(/[\u00a0\u202f]/g, " ");
    let m = TITLE_RANGE.exec(t);
    if (m) {
      const from = parseRuDate(m[1]);
      const to = parseRuDate(m[2]);
      return { from, to, row, col, text, invalid: !from || !to || from > to };
    }
    m = TITLE_MONTH_RANGE.exec(t);
    if (m) {
      const first = parsePeriod(`${m[1]} ${m[3]}`);
      const last = parsePeriod(`${m[2]} ${m[3]}`);
      if (first && last)
        return { from: periodStart(first), to: periodEnd(last), row, col, text, invalid: first > last };
    }
    const months = [...t.matchAll(TITLE_MONTHS)];
    if (months.length > 0) {
      const first = parsePeriod(`${months[0][1]} ${months[0][2]}`);
      const lastM = months[months.length - 1];
      const last = parsePeriod(`${lastM[1]} ${lastM[2]}`);
      if (first && last)
        return { from: periodStart(first), to: periodEnd(last), row, col, text, invalid: first > last };
    }
    m = TITLE_QUARTER.exec(t);
    if (m) {
      const q = QUARTERS.indexOf(m[1].toUpperCase()) % 4;
      const first = `${m[2]}-${String(q * 3 + 1).padStart(2, "0")}`;
      const last = `${m[2]}-${String(q * 3 + 3).padStart(2, "0")}`;
      return { from: periodStart(first), to: periodEnd(last), row, col, text, invalid: false };
    }
    m = TITLE_YEAR.exec(t);
    if (m) return { from: `${m[1]}-01-01`, to: `${m[1]}-12-31`, row, col, text, invalid: false };
    m = TITLE_AS_OF.exec(t);
    if (m) {
      const d = parseRuDate(m[1]);
      if (d) return { from: null, to: d, row, col, text, invalid: false };
    }
  }
  return null;
}

// ---------------------------------------------------------------- rows

const TOTAL_RE = /^\s*(итог|всего)/i;
/** «Итого…» / «Всего…»: a cheap first-letter test before the regex (this runs on every label cell). */
function mayBeTotal(v: string): boolean {
  if (v.length < 4) return false;
  let ch = v.charCodeAt(0);
  if (ch === 32 || ch === 160) ch = v.trimStart().charCodeAt(0);
  // И и В в
  return (ch === 0x418 || ch === 0x438 || ch === 0x412 || ch === 0x432) && TOTAL_RE.test(v);
}
const ID_TOKEN = /^[0-9A-Za-zА-Яа-яЁё№/_.-]+$/;
const HAS_DIGIT = /\d/;
const ID_THEN_TEXT = /^(\d[\d/-]{2,})[\s,;]+(.+)$/;
const DIGITS_WITH_SPACES = /^\d+(?:[ \u00a0\u202f]\d+)+$/;
const ONE_C_ACCOUNT = /^(60|62|76)(\.\d{1,2})*$/;
const FLOAT_ZERO = /^\d{4,}\.0+$/;
/** «ул. Ленина, д. 7», «мкр. 3, д. 5»: an address word first and a number somewhere (so «Г. И. Петров» is a name). */
const ADDRESS_LABEL =
  /^(?:ул|улица|мкр|мкрн|микрорайон|пр-т|пр-кт|просп|проспект|пер|переулок|ш|шоссе|б-р|бульвар|пл|площадь|наб|г|пос|п|пгт|с|д|дом)\.?\s.*\d/i;
const ACCOUNT_PREFIX = /^(?:л\s?\/\s?сч?|лс|л\.\s?с\.|№|n)\s*[:.]?\s*(?=\d)/i;
/** 1С ОСВ by counterparties and contracts: the contract rows repeat their counterparty's sums. */
const ONE_C_DETAIL = /^(?:основной договор|договоры?|без договора|документы?(?: расчетов)?)(?![а-яё])/i;

/** The text after the identifier in an account cell («1020034 Соколова Е.В.» → «Соколова Е.В.»), set by readAccountCell. */
let accountCellRest = "";

/** An account cell: the identifier, an identifier followed by a name («1020034 Соколова Е.В.»), or null for a label (group row). */
function readAccountCell(text: string): string | null {
  accountCellRest = "";
  if (text === "") return "";
  const c0 = text.charCodeAt(0);
  if (c0 < 48 || c0 > 57) {
    // «л/с 1020034», «ЛС: 1020034», «№ 1020034»
    const p = ACCOUNT_PREFIX.exec(text);
    if (p) text = text.slice(p[0].length);
  }
  if (ID_TOKEN.test(text)) {
    if (!HAS_DIGIT.test(text) || ONE_C_ACCOUNT.test(text)) return null;
    // «1020034.0»: an account that went through a float on export (pandas, SQL)
    return FLOAT_ZERO.test(text) ? text.slice(0, text.indexOf(".")) : text;
  }
  if (DIGITS_WITH_SPACES.test(text)) return text.replace(/\s+/g, "");
  const m = ID_THEN_TEXT.exec(text);
  if (m) {
    accountCellRest = m[2].trim();
    return m[1];
  }
  return null;
}

/** Marker for an empty amount cell (reads as 0 but does not make the row "filled"). */
const EMPTY = -0.5;

/** Kopecks, EMPTY for an empty cell, null when the cell is not a number in any accepted spelling. */
function readAmount(g: GridReader, r: number, c: number): Kopecks | null {
  const v = g.value(r, c);
  if (v === null) return EMPTY;
  if (typeof v === "number") return Number.isFinite(v) ? roublesToKopecks(v) : null;
  if (typeof v === "boolean") return null;
  if (v.trim() === "") return EMPTY;
  const k = parseAmount(v);
  if (k !== null) return k;
  // «1 500,00 Дт» / «1 500,00 Кт»: a balance with its side written after it (1С and some billings)
  const side = SIDE_AFTER_AMOUNT.exec(v);
  if (!side) return null;
  const n = parseAmount(v.slice(0, side.index));
  return n === null ? null : /^к/i.test(side[1]) ? -Math.abs(n) : n;
}
const SIDE_AFTER_AMOUNT = /\s*(дт|кт|д|к|дебет|кредит)\.?\s*$/i;

/** The first non-empty cell of the row is 1 (a cheap test before isNumberingRow). */
function startsWithOne(values: CellValue[] | undefined): boolean {
  if (!values) return false;
  for (let c = 0; c < values.length; c++) {
    const v = values[c];
    if (v === null || v === "") continue;
    return v === 1 || v === "1";
  }
  return false;
}

/** A numbered row «1 | 2 | 3 …» right under the header (column numbers of Russian reports). */
function isNumberingRow(g: GridReader, r: number): boolean {
  let expect = 1;
  for (let c = 0; c < g.width; c++) {
    const v = g.grid.values[r]?.[c];
    if (isEmptyValue(v ?? null)) continue;
    const n = typeof v === "number" ? v : Number(String(v).trim());
    if (n !== expect) return false;
    expect++;
  }
  return expect > 3;
}

const MONTH_WORD_IN_TEXT = /[а-яё]+/i;
const REAL_MONTH_WORD =
  /^(январ[ьяеюй]|феврал[ьяеюй]|марта?|марте|апрел[ьяеюй]|ма[йяе]|июн[ьяеюй]|июл[ьяеюй]|августа?|августе|сентябр[ьяеюй]|октябр[ьяеюй]|ноябр[ьяеюй]|декабр[ьяеюй]|янв|фев|мар|апр|июн|июл|авг|сен|сент|окт|ноя|дек|г|года?)$/i;

/** "2024, январь" / "2024 январь" (Год, месяц) as well as everything parsePeriod reads. */
function readPeriod(g: GridReader, r: number, c: number): { period: Period | null; text: string } {
  const v = g.value(r, c);
  const text = g.text(r, c);
  if (typeof v === "number") return { period: parsePeriod(v), text };
  // parsePeriod reads a month by its stem; a word that only starts like a month («Мартобрь») is not a period
  const word = MONTH_WORD_IN_TEXT.exec(text);
  if (word && !REAL_MONTH_WORD.test(word[0])) return { period: null, text };
  let p = parsePeriod(text);
  if (!p) {
    const m = /^(\d{4})[\s,.]+([а-яё]+)\.?$/i.exec(text.trim());
    if (m) p = parsePeriod(`${m[2]} ${m[1]}`);
  }
  return { period: p, text };
}

/** «Месяц» = «Январь» or 1, «Год» = 2024 → "2024-01"; a full period in the month cell is read as it is. */
function readMonthOfYear(
  g: GridReader,
  r: number,
  c: number,
  yearCol: number,
): { period: Period | null; text: string } {
  const v = g.value(r, c);
  const text = g.text(r, c);
  const yearText = g.text(r, yearCol);
  const year = /^\d{4}$/.test(yearText) ? yearText : "";
  if (typeof v === "number" && Number.isInteger(v) && v >= 1 && v <= 12)
    return { period: year ? `${year}-${v < 10 ? "0" : ""}${v}` : null, text };
  if (typeof v === "string" && /^\d{1,2}$/.test(v.trim())) {
    const m = +v.trim();
    return { period: year && m >= 1 && m <= 12 ? `${year}-${m < 10 ? "0" : ""}${m}` : null, text };
  }
  if (year && /^[а-яё]+\.?$/i.test(text)) {
    const p = readPeriod(g, r, c);
    if (!p.period && p.text !== "" && REAL_MONTH_WORD.test(text.replace(/\.$/, "")))
      return { period: parsePeriod(`${text.replace(/\.$/, "")} ${year}`), text };
    return p.period ? p : { period: null, text };
  }
  return readPeriod(g, r, c);
}

/** The row's texts joined with spaces (a title line between cards). */
function rowText(g: GridReader, r: number): string {
  const parts: string[] = [];
  for (let c = 0; c < g.width; c++) {
    const t = g.ownText(r, c);
    if (t !== "") parts.push(t);
  }
  return parts.join(" ").replace(/[\u00a0\u202f]/g, " ");
}

function composeName(parts: string[]): string {
  return parts.filter((p) => p !== "").join(" ");
}

// ---------------------------------------------------------------- main

/**
 * Recognise a ledger on a sheet grid. Throws LedgerInputError for an empty sheet or a sheet that is not a ledger.
 */
export function recognizeLedger(grid: SheetGrid, options: RecognizeOptions = {}): RecognizedLedger {
  const g = new GridReader(grid);
  if (isGridEmpty(g))
    throw new LedgerInputError("empty-sheet", `Лист «${grid.sheet}» пуст: нет ни одной заполненной ячейки.`);

  const forced = options.headerRow !== undefined ? options.headerRow - 1 - grid.top : undefined;
  const { header, titlePeriod, titleAccount, mapping: detected, yearCol } = detect(g, forced);
  const columns: ColumnMapping = options.mapping ? cleanMapping(options.mapping) : detected.columns;
  const monthColumns = detected.monthColumns;

  const fixed = columns.account === undefined ? titleAccount : null;
  if (!header || !looksLikeLedger(columns, monthColumns.length, fixed !== null)) {
    throw notLedgerError(g, header, columns, monthColumns.length);
  }

  const headers = header.texts.map((text, c) => ({ col: g.sheetCol(c), text })).filter((h) => h.text !== "");
  // «Фамилия И.О. / Адрес» (municipal registers): one cell holds the owner and, after « / » or a line break, the address
  const nameHeader = columns.name !== undefined ? normalizeHeader(header.texts[columns.name - grid.left] ?? "") : "";
  const splitNameAddress = columns.address === undefined && nameHeader.includes("адрес");
  // summed part columns only where the mapping still uses the detected first part
  const parts: Mapping["parts"] = {};
  for (const [k, cols] of Object.entries(detected.parts) as [LedgerConcept, number[]][])
    if (columns[k] === cols[0]) parts[k] = cols;
  const rec = readRows(
    g,
    header.bottom + 1,
    columns,
    monthColumns,
    { fixed, splitNameAddress, yearCol: yearCol - grid.left, parts },
    header.top,
  );

  // layout
  let layout: LedgerLayout = "per-account";
  if (monthColumns.length >= 2) layout = "month-columns";
  else if (columns.period !== undefined) {
    const distinct = new Set<string>();
    for (const row of rec.rows) if (row.period) distinct.add(row.period);
    if (distinct.size >= 2) layout = "per-month-rows";
  }

  // period: title, else period column, else month headers
  let from: IsoDate | null = titlePeriod?.from ?? null;
  let to: IsoDate | null = titlePeriod?.to ?? null;
  if (!titlePeriod) {
    let min: Period | null = null;
    let max: Period | null = null;
    const see = (p: Period | null | undefined) => {
      if (!p) return;
      if (min === null || p < min) min = p;
      if (max === null || p > max) max = p;
    };
    if (layout === "month-columns") for (const m of monthColumns) see(m.period);
    else if (columns.period !== undefined) for (const row of rec.rows) see(row.period);
    if (min) from = periodStart(min);
    if (max) to = periodEnd(max);
  }

  const accounts = buildAccounts(rec.rows, layout, monthColumns, columns.service !== undefined);

  const ledger: RecognizedLedger = {
    sheet: grid.sheet,
    layout,
    headerRow: g.sheetRow(header.bottom) + 1,
    period: { from, to },
    columns,
    accounts,
    rows: { data: rec.rows.length, skipped: rec.skipped },
    details: {
      rows: rec.rows,
      invalidCells: rec.invalidCells,
      titlePeriod,
      titleAccount: fixed,
      damagedCells: rec.damagedCells,
      headers,
      headerTop: g.sheetRow(header.top),
      headerBottom: g.sheetRow(header.bottom),
      detected: detected.columns,
    },
  };
  if (monthColumns.length >= 2) ledger.monthColumns = monthColumns;
  return ledger;
}

function isGridEmpty(g: GridReader): boolean {
  for (let r = 0; r < g.rows; r++)
    for (let c = 0; c < g.width; c++)
      if (!isEmptyValue(g.grid.values[r]?.[c] ?? null) || (g.grid.text[r]?.[c] ?? "").trim() !== "") return false;
  return true;
}

function cleanMapping(m: ColumnMapping): ColumnMapping {
  const out: ColumnMapping = {};
  for (const [k, v] of Object.entries(m)) if (typeof v === "number" && Number.isInteger(v) && v >= 0) out[k] = v;
  return out;
}

function hasAmountColumn(columns: ColumnMapping): boolean {
  return AMOUNT_CONCEPTS.some((c) => c !== "lastPaymentAmount" && columns[c] !== undefined);
}

function looksLikeLedger(columns: ColumnMapping, monthCount: number, titleAccount = false): boolean {
  const who =
    titleAccount || columns.account !== undefined || columns.name !== undefined || columns.surname !== undefined;
  return who && (hasAmountColumn(columns) || monthCount >= 2);
}

function notLedgerError(
  g: GridReader,
  header: HeaderCandidate | null,
  columns: ColumnMapping,
  monthCount: number,
): LedgerInputError {
  const missing: string[] = [];
  if (columns.account === undefined) missing.push(CONCEPT_TITLES.account);
  if (columns.name === undefined && columns.surname === undefined) missing.push(CONCEPT_TITLES.name);
  if (!hasAmountColumn(columns) && monthCount < 2)
    missing.push("суммы (сальдо, начислено, оплачено или долг по месяцам)");
  let seen: string[] = header ? header.texts.filter((t) => t !== "") : [];
  if (seen.length === 0) {
    // the fullest of the top rows is what the user most likely meant as the header
    for (let r = 0; r < Math.min(g.rows, HEADER_SEARCH_ROWS); r++) {
      const texts: string[] = [];
      for (let c = 0; c < g.width; c++) if (g.ownText(r, c) !== "") texts.push(g.ownText(r, c));
      if (texts.length > seen.length) seen = texts;
    }
  }
  seen = seen.slice(0, 30);
  const msg =
    `Лист «${g.grid.sheet}» не похож на реестр лицевых счетов: не найдены столбцы — ${missing.join(", ")}. ` +
    `Заголовки на листе: ${seen.length ? seen.map((s) => `«${s.replace(/\s+/g, " ")}»`).join(", ") : "нет"}.`;
  return new LedgerInputError("not-ledger", msg, { missing, headersSeen: seen });
}

function collectTitleTexts(g: GridReader, beforeRow: number): { row: number; col: number; text: string }[] {
  const out: { row: number; col: number; text: string }[] = [];
  for (let r = 0; r < beforeRow; r++)
    for (let c = 0; c < g.width; c++) {
      const t = g.ownText(r, c);
      if (t !== "") out.push({ row: g.sheetRow(r), col: g.sheetCol(c), text: t });
    }
  return out;
}

interface ReadResult {
  rows: LedgerRowRecord[];
  invalidCells: InvalidCell[];
  damagedCells: DamagedCell[];
  skipped: number;
}

interface ReadExtras {
  /** The single account of a card (no account column). */
  fixed: TitleAccount | null;
  splitNameAddress: boolean;
  /** Grid column of a separate «Год» column, or -1. */
  yearCol: number;
  /** Amount concepts summed over several sheet columns. */
  parts?: Mapping["parts"];
}

const NAME_ADDRESS_SPLIT = /\s+\/\s+|\s*[\r\n]+\s*/;
/** «Соколова Е.В., мкр. 3, д. 5, кв. 12»: the address starts at the first comma followed by an address word or a number. */
const NAME_COMMA_ADDRESS =
  /^(.+?),\s*((?:г|гор|п|пос|пгт|с|д|ул|мкр|мкрн|микрорайон|пр|пр-т|пр-кт|просп|пер|ш|кв|б-р|бул|наб|пл|р-н|обл)\.?\s.*|\d.*)$/i;
const PLAIN_DIGITS = /^\d+$/;
/** Identifier columns whose cells must never be dates (Excel turns «5/1», «2-1/20», «3-5» into dates). */
const NEVER_DATES: readonly LedgerConcept[] = ["account", "house", "building", "flat", "caseNumber", "ipNumber"];

function readRows(
  g: GridReader,
  start: number,
  columns: ColumnMapping,
  monthColumns: { col: number; period: Period; kind: MonthKind }[],
  extras: ReadExtras = { fixed: null, splitNameAddress: false, yearCol: -1 },
  headerTop = start - 1,
): ReadResult {
  const { fixed, splitNameAddress, yearCol } = extras;
  let card = fixed;
  const L = g.grid.left;
  const col = (k: LedgerConcept): number => (columns[k] === undefined ? -1 : columns[k] - L);
  const cAccount = col("account");
  const cName = col("name");
  const cSurname = col("surname");
  const cFirst = col("firstName");
  const cPatr = col("patronymic");
  const cAddress = col("address");
  const addrParts = (["settlement", "street", "house", "building", "flat"] as const)
    .map((k) => ({ k, c: col(k) }))
    .filter((p) => p.c >= 0);
  const cService = col("service");
  const cPeriod = col("period");
  const cSnils = col("snils");
  const cInn = col("inn");
  const cShare = col("share");
  const cBirth = col("birthDate");
  const cBirthPlace = col("birthPlace");
  const cPassport = col("passport");
  const cCase = col("caseNumber");
  const cOrderDate = col("orderDate");
  const cIp = col("ipNumber");
  const cLastPay = col("lastPaymentDate");
  const neverDates = NEVER_DATES.map((k) => ({ k, c: col(k) })).filter((p) => p.c >= 0);
  const damagedCells: DamagedCell[] = [];
  const amountCols = AMOUNT_CONCEPTS.map((k, i) => ({
    k,
    i,
    c: col(k),
    parts: extras.parts?.[k]?.map((sc) => sc - L),
  })).filter((a) => a.c >= 0);
  // amounts of the current row by AMOUNT_CONCEPTS index (undefined = no column / unreadable)
  const amt: (Kopecks | undefined)[] = new Array(AMOUNT_CONCEPTS.length).fill(undefined);
  const A = (k: LedgerConcept) => AMOUNT_CONCEPTS.indexOf(k);
  const iOB = A("openingBalance"),
    iOD = A("openingDebt"),
    iOA = A("openingAdvance"),
    iCB = A("closingBalance"),
    iCD = A("closingDebt"),
    iCA = A("closingAdvance");
  const iCh = A("charged"),
    iRe = A("recalculation"),
    iSu = A("subsidy"),
    iPa = A("paid"),
    iPe = A("penalties"),
    iLp = A("lastPaymentAmount");
  const monthCols = monthColumns.map((m) => m.col - L);
  let firstAmountCol = g.width;
  for (const a of amountCols) firstAmountCol = Math.min(firstAmountCol, a.c);
  for (const c of monthCols) firstAmountCol = Math.min(firstAmountCol, c);
  const identityCols = [cAccount, cName, cSurname, cAddress, cService].filter((c) => c >= 0);

  const rows: LedgerRowRecord[] = [];
  const invalidCells: InvalidCell[] = [];
  let skipped = 0;
  // header texts per amount column, to recognise a header repeated on a page break
  const echoCols = [...amountCols.map((a) => a.c), ...monthCols];
  const headerTextsAt = echoCols.map((c) => {
    const set = new Set<string>();
    for (let h = headerTop; h < start; h++) {
      const t = g.ownText(h, c);
      if (t !== "") set.add(t);
    }
    return set;
  });
  const isHeaderEcho = (r: number): boolean => {
    let same = 0;
    for (let i = 0; i < echoCols.length; i++) {
      const v = g.grid.values[r]?.[echoCols[i]];
      if (typeof v === "string" && headerTextsAt[i].has(v.trim()) && ++same >= 2) return true;
    }
    return false;
  };
  let firstAfterHeader = true;
  let inheritedAccount = "";

  for (let r = start; r < g.rows; r++) {
    const values = g.grid.values[r];
    // empty rows: neither data nor findings
    let empty = true;
    if (values) for (let c = 0; c < values.length && empty; c++) empty = isEmptyValue(values[c]);
    if (empty) continue;

    // the column numbers «1 | 2 | 3 …» under the header, repeated on every printed page
    if (firstAfterHeader || startsWithOne(values)) {
      firstAfterHeader = false;
      if (isNumberingRow(g, r)) {
        skipped++;
        continue;
      }
    }
    // totals («Итого», «Всего», «Итого по дому …», «Итого по л/с») in the label columns
    let total = false;
    for (let c = 0; c < firstAmountCol && !total; c++) {
      const v = values?.[c];
      if (typeof v === "string" && mayBeTotal(v)) total = true;
    }
    for (let i = 0; i < identityCols.length && !total; i++) {
      const v = g.value(r, identityCols[i]);
      if (typeof v === "string" && mayBeTotal(v)) total = true;
    }
    if (total) {
      skipped++;
      inheritedAccount = "";
      continue;
    }

    let accountText = cAccount >= 0 ? g.text(r, cAccount) : "";
    if (cAccount >= 0 && accountText !== "" && !PLAIN_DIGITS.test(accountText)) {
      // a long account stored as a number shows as «1,002E+11» or «1 020 034»: the value has every digit
      const v = g.value(r, cAccount);
      if (typeof v === "number" && Number.isSafeInteger(v) && v > 0 && !isDateFormat(g.format(r, cAccount)))
        accountText = String(v);
    }
    // (a repeated header row on a page break has no digits in the account column: a label row, skipped below)
    const acc = readAccountCell(accountText);
    const accRest = accountCellRest;
    if (acc === null) {
      // a label in the account column (house, street, 1С account 62.01, a repeated header): a group row or its subtotal
      skipped++;
      inheritedAccount = "";
      continue;
    }
    if (acc === "" && echoCols.length >= 2 && isHeaderEcho(r)) {
      // the header's lower row repeated on a page break («Дебет | Кредит»)
      skipped++;
      inheritedAccount = "";
      continue;
    }
    const service = cService >= 0 ? g.text(r, cService) : "";
    let name =
      cName >= 0
        ? g.text(r, cName)
        : composeName([cSurname, cFirst, cPatr].filter((c) => c >= 0).map((c) => g.text(r, c)));
    let address = cAddress >= 0 ? g.text(r, cAddress) : "";
    if (splitNameAddress && name !== "") {
      const parts = name.split(NAME_ADDRESS_SPLIT);
      if (parts.length > 1) {
        name = parts[0];
        address = parts.slice(1).join(", ");
      } else {
        const m = NAME_COMMA_ADDRESS.exec(name);
        if (m) {
          name = m[1];
          address = m[2];
        }
      }
    }
    if (addrParts.length) {
      // with a full address column («Адрес дома») only the flat is added; otherwise the parts make the address
      const used = cAddress >= 0 ? addrParts.filter((p) => p.k === "flat") : addrParts;
      const parts = used.map((p) => ({ k: p.k, t: g.text(r, p.c) })).filter((p) => p.t !== "");
      const suffix = parts
        .map((p) =>
          p.k === "house" ? `д. ${p.t}` : p.k === "flat" ? `кв. ${p.t}` : p.k === "building" ? `корп. ${p.t}` : p.t,
        )
        .join(", ");
      address = [address, suffix].filter((s) => s !== "").join(", ");
    }

    // amounts
    let filled = false;
    let hasInvalid = false;
    for (let i = 0; i < amountCols.length; i++) {
      const a = amountCols[i];
      if (a.parts) {
        // «Начислено» spread over service columns: the sum of the parts that can be read
        let sum: Kopecks = 0;
        let any = false;
        let bad = false;
        for (const pc of a.parts) {
          const k = readAmount(g, r, pc);
          if (k === null) {
            bad = true;
            invalidCells.push({ row: g.sheetRow(r), col: g.sheetCol(pc), concept: a.k, text: g.text(r, pc) });
          } else if (k !== EMPTY) {
            sum += k;
            any = true;
          }
        }
        if (bad) hasInvalid = true;
        if (any || bad) filled = true;
        amt[a.i] = bad ? undefined : sum;
        continue;
      }
      const k = readAmount(g, r, a.c);
      if (k === null) {
        hasInvalid = true;
        filled = true;
        amt[a.i] = undefined;
        invalidCells.push({ row: g.sheetRow(r), col: g.sheetCol(a.c), concept: a.k, text: g.text(r, a.c) });
        continue;
      }
      if (k !== EMPTY) filled = true;
      amt[a.i] = k === EMPTY ? 0 : k;
    }
    let monthValues: (Kopecks | null)[] | undefined;
    if (monthCols.length) {
      monthValues = new Array(monthCols.length);
      for (let i = 0; i < monthCols.length; i++) {
        const k = readAmount(g, r, monthCols[i]);
        if (k === null) {
          hasInvalid = true;
          filled = true;
          invalidCells.push({
            row: g.sheetRow(r),
            col: g.sheetCol(monthCols[i]),
            concept: "month",
            text: g.text(r, monthCols[i]),
          });
          monthValues[i] = null;
        } else {
          if (k !== EMPTY) filled = true;
          monthValues[i] = k === EMPTY ? null : k;
        }
      }
    }

    let account: string;
    let inherited = false;
    if (cAccount < 0 && card) {
      // a card: every row with amounts belongs to the account named in the title; several cards on one sheet
      // each start with their own «Лицевой счет № …» line (then «Собственник: …», «Адрес: …»)
      if (!filled) {
        const line = rowText(g, r);
        const next = TITLE_ACCOUNT.exec(line);
        if (next) card = { ...card, account: next[1].replace(/[/-]$/, ""), name: "", address: "" };
        const n = TITLE_NAME.exec(line);
        if (n) card = { ...card, name: n[1].trim() };
        const a = TITLE_ADDRESS.exec(line);
        if (a) card = { ...card, address: a[1].trim() };
        skipped++;
        continue;
      }
      account = card.account;
      if (name === "") name = card.name;
      if (address === "") address = card.address;
    } else if (cAccount < 0) {
      // no account column at all (one finding at the header says so): the owner's name stands in as the key
      if ((!filled && name === "") || ONE_C_ACCOUNT.test(name) || ONE_C_DETAIL.test(name)) {
        // (1С ОСВ by counterparties: the rows of accounts 62 / 62.01 are group rows)
        skipped++;
        continue;
      }
      account = name;
    } else if (acc === "") {
      // per-service / per-month rows often give the account only on the first row of its block
      const periodGiven = cPeriod >= 0 && g.text(r, cPeriod) !== "";
      if (((cService >= 0 && service !== "") || periodGiven) && inheritedAccount !== "" && name === "") {
        account = inheritedAccount;
        inherited = true;
      } else if (name !== "" && address === "" && ADDRESS_LABEL.test(name)) {
        // a house or street group row with its subtotal, the label written in the owner column
        skipped++;
        inheritedAccount = "";
        continue;
      } else if (filled && (name !== "" || address !== "")) account = "";
      else {
        // a house address alone, or a subtotal without a label
        skipped++;
        continue;
      }
    } else {
      account = acc;
      if (accRest && name === "" && cName < 0) name = accRest;
    }
    inheritedAccount = account;

    const opening = signed(amt[iOB], amt[iOD], amt[iOA]);
    const closing = signed(amt[iCB], amt[iCD], amt[iCA]);
    const record: LedgerRowRecord = {
      row: g.sheetRow(r) + 1,
      account,
      service,
      name,
      address,
      opening,
      charged: amt[iCh] ?? null,
      recalculation: amt[iRe] ?? null,
      subsidy: amt[iSu] ?? null,
      paid: amt[iPa] ?? null,
      closing,
      penalties: amt[iPe] ?? null,
      hasInvalid,
      inheritedAccount: inherited,
      monthValues,
      lastPaymentAmount: amt[iLp],
      // optional fields are set below only when the sheet has their column: every row of a sheet still gets the
      // same fields in the same order (one object shape), and a sheet without them pays no memory for them
    };
    if (cPeriod >= 0) {
      const p = yearCol >= 0 ? readMonthOfYear(g, r, cPeriod, yearCol) : readPeriod(g, r, cPeriod);
      record.period = p.text === "" ? null : p.period;
      record.periodText = p.text;
    }
    if (cSnils >= 0) record.snils = readIdentifier(g, r, cSnils, [11]);
    if (cInn >= 0) record.inn = readIdentifier(g, r, cInn, [10, 12]);
    if (cShare >= 0) record.share = g.text(r, cShare);
    // identifiers as displayed (leading zeros and series kept)
    if (cBirthPlace >= 0) record.birthPlace = g.text(r, cBirthPlace).trim() || undefined;
    if (cPassport >= 0) record.passport = g.text(r, cPassport).trim() || undefined;
    if (cCase >= 0) record.caseNumber = g.text(r, cCase).trim() || undefined;
    if (cOrderDate >= 0) record.orderDate = readDate(g, r, cOrderDate);
    if (cIp >= 0) record.ipNumber = g.text(r, cIp).trim() || undefined;
    if (cBirth >= 0) {
      record.birthDateText = g.text(r, cBirth);
      record.birthDate = readDate(g, r, cBirth);
    }
    if (cLastPay >= 0) {
      record.lastPaymentDateText = g.text(r, cLastPay);
      record.lastPaymentDate = readDate(g, r, cLastPay);
    }
    for (let i = 0; i < neverDates.length; i++) {
      const d = neverDates[i];
      const v = g.value(r, d.c);
      if (typeof v === "number" && isDateFormat(g.format(r, d.c)))
        damagedCells.push({ row: g.sheetRow(r), col: g.sheetCol(d.c), concept: d.k, text: g.text(r, d.c) });
    }
    rows.push(record);
  }
  return { rows, invalidCells, damagedCells, skipped };
}

/**
 * An identifier cell as displayed. When Excel stored it as a number it dropped the leading zeros («012345678901»
 * → 12345678901): pad back to the nearest valid length.
 */
function readIdentifier(g: GridReader, r: number, c: number, lengths: readonly number[]): string {
  const v = g.value(r, c);
  const text = g.text(r, c);
  if (typeof v !== "number" || !Number.isInteger(v) || v <= 0) return text;
  const digits = String(v);
  for (const n of lengths) if (digits.length < n && digits.length >= n - 2) return digits.padStart(n, "0");
  return text;
}

/** A date cell: an Excel serial, or text in any accepted spelling (DD.MM.YYYY, DD.MM.YY, ISO, «5 марта 2024 г.»). */
function readDate(g: GridReader, r: number, c: number): IsoDate | null {
  const v = g.value(r, c);
  if (typeof v === "number") return parseRuDate(v);
  return parseRuDate(g.text(r, c));
}

/** Signed balance from one signed column or a debt/advance pair (advance counted as a credit whatever its sign). */
function signed(balance: Kopecks | undefined, debt: Kopecks | undefined, advance: Kopecks | undefined): Kopecks | null {
  if (balance !== undefined) return balance;
  if (debt === undefined && advance === undefined) return null;
  return (debt ?? 0) - Math.abs(advance ?? 0);
}

// ---------------------------------------------------------------- canonical accounts

function buildAccounts(
  rows: LedgerRowRecord[],
  layout: LedgerLayout,
  monthColumns: { col: number; period: Period; kind: MonthKind }[],
  hasService: boolean,
): LedgerAccount[] {
  const byKey = new Map<string, LedgerAccount>();
  const monthsByAccount = new Map<LedgerAccount, Map<Period, LedgerMonth>>();
  // per-month subsidy (a credit to the account): closes a month when the sheet has no closing column
  const monthSubsidy = new Map<LedgerMonth, Kopecks>();
  const order: LedgerAccount[] = [];
  for (const row of rows) {
    if (row.account === "") continue;
    let a = byKey.get(row.account);
    if (!a) {
      a = {
        account: row.account,
        row: row.row,
        rows: [row.row], // exact-size array: most accounts have one row, and a million empty-then-grown arrays cost 150 MB
        name: "",
        address: "",
        opening: 0,
        charged: 0,
        paid: 0,
        closing: 0,
        penalties: 0,
        // identity fields (birthDate, snils, …) are added only to accounts that have them: on a million accounts
        // declaring them all up front costs about 100 MB
        months: undefined,
        services: undefined,
      };
      byKey.set(row.account, a);
      order.push(a);
    } else a.rows.push(row.row);
    if (a.name === "" && row.name !== "") a.name = row.name;
    if (a.address === "" && row.address !== "") a.address = row.address;
    if (row.snils && !a.snils) a.snils = row.snils;
    if (row.inn && !a.inn) a.inn = row.inn;
    if (row.share && !a.share) a.share = row.share;
    if (row.birthDate && !a.birthDate) a.birthDate = row.birthDate;
    if (row.birthPlace && !a.birthPlace) a.birthPlace = row.birthPlace;
    if (row.passport && !a.passport) a.passport = row.passport;
    if (row.caseNumber && !a.caseNumber) a.caseNumber = row.caseNumber;
    if (row.orderDate && !a.orderDate) a.orderDate = row.orderDate;
    if (row.ipNumber && !a.ipNumber) a.ipNumber = row.ipNumber;
    if (row.lastPaymentDate && !a.lastPaymentDate) a.lastPaymentDate = row.lastPaymentDate;
    if (row.lastPaymentAmount && !a.lastPaymentAmount) a.lastPaymentAmount = row.lastPaymentAmount;

    const charged = (row.charged ?? 0) + (row.recalculation ?? 0);
    if (layout === "per-month-rows" && row.period) {
      let months = monthsByAccount.get(a);
      if (!months) monthsByAccount.set(a, (months = new Map()));
      let m = months.get(row.period);
      if (!m) months.set(row.period, (m = { period: row.period, charged: 0, paid: 0, row: row.row }));
      m.charged += charged;
      m.paid += row.paid ?? 0;
      if (row.subsidy) monthSubsidy.set(m, (monthSubsidy.get(m) ?? 0) + Math.abs(row.subsidy));
      if (row.opening !== null) m.opening = (m.opening ?? 0) + row.opening;
      if (row.closing !== null) m.closing = (m.closing ?? 0) + row.closing;
      a.penalties += row.penalties ?? 0;
      continue;
    }
    if (layout === "month-columns" && row.monthValues) {
      const months: LedgerMonth[] = [];
      const byPeriod = new Map<Period, LedgerMonth>();
      monthColumns.forEach((mc, i) => {
        let m = byPeriod.get(mc.period);
        if (!m) {
          m = { period: mc.period, charged: 0, paid: 0, row: row.row };
          byPeriod.set(mc.period, m);
          months.push(m);
        }
        const v = row.monthValues![i] ?? 0;
        if (mc.kind === "charged") m.charged += v;
        else if (mc.kind === "paid") m.paid += v;
        else m.closing = (m.closing ?? 0) + v;
      });
      months.sort((x, y) => (x.period < y.period ? -1 : x.period > y.period ? 1 : 0));
      a.months = months;
      const hasCharged = monthColumns.some((m) => m.kind === "charged");
      const hasDebt = monthColumns.some((m) => m.kind === "debt");
      a.charged += months.reduce((s, m) => s + m.charged, 0) + (row.charged ?? 0) + (row.recalculation ?? 0);
      a.paid += months.reduce((s, m) => s + m.paid, 0) + (row.paid ?? 0);
      a.opening += row.opening ?? 0;
      if (row.closing !== null) a.closing += row.closing;
      else if (hasDebt) {
        // debt per month: a running balance when charges are beside it, else the debt arising in each month
        a.closing += hasCharged
          ? (months[months.length - 1].closing ?? 0)
          : months.reduce((s, m) => s + (m.closing ?? 0), 0);
      } else a.closing += a.opening + a.charged - a.paid;
      a.penalties += row.penalties ?? 0;
      continue;
    }
    a.opening += row.opening ?? 0;
    a.charged += charged;
    a.paid += row.paid ?? 0;
    a.closing += row.closing ?? (row.opening ?? 0) + charged - (row.paid ?? 0);
    a.penalties += row.penalties ?? 0;
    if (hasService && row.service !== "") {
      const line: LedgerServiceLine = {
        service: row.service,
        opening: row.opening ?? 0,
        charged,
        paid: row.paid ?? 0,
        closing: row.closing ?? 0,
        penalties: row.penalties ?? 0,
        row: row.row,
      };
      (a.services ??= []).push(line);
    }
  }
  for (const [a, months] of monthsByAccount) {
    const list = [...months.values()].sort((x, y) => (x.period < y.period ? -1 : x.period > y.period ? 1 : 0));
    a.months = list;
    a.opening = list[0].opening ?? 0;
    a.charged = list.reduce((s, m) => s + m.charged, 0);
    a.paid = list.reduce((s, m) => s + m.paid, 0);
    const last = list[list.length - 1];
    // no closing column (a «Карточка расчётов»): the last month's opening + charged − paid − subsidy
    const subsidy = (m: LedgerMonth) => monthSubsidy.get(m) ?? 0;
    if (last.closing !== undefined) a.closing = last.closing;
    else if (last.opening !== undefined) a.closing = last.opening + last.charged - last.paid - subsidy(last);
    else a.closing = a.opening + a.charged - a.paid - list.reduce((s, m) => s + subsidy(m), 0);
  }
  return order;
}

// ---------------------------------------------------------------- mapping UI

export interface ColumnChoice {
  /** 0-based sheet column. */
  col: number;
  letter: string;
  header: string;
  /** The first few data values as displayed. */
  preview: string[];
}

export interface ConceptChoice {
  concept: LedgerConcept;
  title: string;
  /** The detected column (0-based) or null. */
  detected: number | null;
  /** Columns whose header matches the concept, best first. */
  suggested: number[];
}

export interface MappingChoices {
  sheet: string;
  /** 1-based header row. */
  headerRow: number;
  columns: ColumnChoice[];
  concepts: ConceptChoice[];
}

/**
 * What the taskpane's mapping editor shows: every column with its header and a preview of values, and per concept
 * the detected column plus the other columns whose header could mean it. Null when no header is found.
 */
export function describeColumns(grid: SheetGrid, previewRows = 5): MappingChoices | null {
  const g = new GridReader(grid);
  if (isGridEmpty(g)) return null;
  const { header, mapping } = detect(g);
  if (!header) return null;
  const columns: ColumnChoice[] = [];
  for (let c = 0; c < g.width; c++) {
    const preview: string[] = [];
    for (let r = header.bottom + 1; r < g.rows && preview.length < previewRows; r++) {
      const t = g.text(r, c);
      if (t !== "") preview.push(t);
    }
    if (header.texts[c] === "" && preview.length === 0) continue;
    columns.push({ col: g.sheetCol(c), letter: columnLetter(g.sheetCol(c)), header: header.texts[c], preview });
  }
  const concepts: ConceptChoice[] = (Object.keys(CONCEPT_TITLES) as LedgerConcept[]).map((concept) => {
    const suggested: { col: number; score: number }[] = [];
    header.matches.forEach((m, c) => {
      if (m?.concept === concept) suggested.push({ col: g.sheetCol(c), score: m.score });
    });
    suggested.sort((a, b) => b.score - a.score || a.col - b.col);
    return {
      concept,
      title: CONCEPT_TITLES[concept],
      detected: mapping.columns[concept] ?? null,
      suggested: suggested.map((s) => s.col),
    };
  });
  return { sheet: grid.sheet, headerRow: g.sheetRow(header.bottom) + 1, columns, concepts };
}

const COURT_WORK: readonly LedgerConcept[] = ["caseNumber", "orderDate", "ipNumber", "fsspDate"];

/**
 * How much a grid looks like a ledger, to pick the ledger among a workbook's sheets: 0 = not a ledger; else the
 * number of balance/turnover concepts (opening, charged, paid, closing, penalties, …), +2 for month columns, +1 for
 * an account column, −2 for every court-work column (a court-work or bailiff register lists debts too, but it is
 * not the ledger).
 */
export function ledgerStrength(grid: SheetGrid): number {
  const g = new GridReader(grid);
  if (isGridEmpty(g)) return 0;
  const { header, mapping, titleAccount } = detect(g);
  if (!header || !looksLikeLedger(mapping.columns, mapping.monthColumns.length, titleAccount !== null)) return 0;
  const c = mapping.columns;
  const has = (...ks: LedgerConcept[]) => ks.some((k) => c[k] !== undefined);
  let strength = 0;
  if (has("openingBalance", "openingDebt", "openingAdvance")) strength++;
  if (has("closingBalance", "closingDebt", "closingAdvance")) strength++;
  for (const k of ["charged", "paid", "penalties", "recalculation", "subsidy"] as const) if (has(k)) strength++;
  if (mapping.monthColumns.length >= 2) strength += 2;
  if (has("account") || titleAccount) strength++;
  for (const k of COURT_WORK) if (has(k)) strength -= 2;
  return Math.max(strength, 0);
}

/** True when the grid looks like a ledger. */
export function looksLikeLedgerGrid(grid: SheetGrid): boolean {
  return ledgerStrength(grid) > 0;
}
