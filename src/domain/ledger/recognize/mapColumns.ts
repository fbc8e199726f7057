/**
 * Column mapping: which sheet column holds which concept, which columns are months, which amount concepts are
 * spread over several columns and summed (docs/formats.md). Works on the detected header only.
 */
import type { IsoDate, Period } from "../../dates";
import type { ColumnMapping, LedgerConcept } from "../model";
import { AMOUNT_CONCEPTS, normalizeHeader, type MonthKind } from "../headers";
import type { GridReader } from "./gridReader";
import type { HeaderCandidate } from "./findHeader";
import { HAS_DIGIT, mayBeTotal, readAccountCell } from "./rowKinds";

/** A month column of a «month-columns» ledger: 0-based sheet column, its period and what it holds. */
export interface MonthColumn {
  col: number;
  period: Period;
  kind: MonthKind;
}

export interface Mapping {
  columns: ColumnMapping;
  /**
   * Amount concepts spread over several columns with no total among them («Начислено» over «Содержание |
   * Отопление | ХВС»): concept → all its 0-based sheet columns (the first is the one in `columns`), summed per row.
   */
  parts: Partial<Record<LedgerConcept, number[]>>;
  scores: Record<string, number>;
  monthColumns: MonthColumn[];
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
export function mappingFromHeader(
  g: GridReader,
  h: HeaderCandidate,
  defaultMonthKind: MonthKind,
  titleYearFrom: IsoDate | null,
): Mapping {
  const { columns, scores, monthColumns } = conceptAndMonthColumns(g, h, defaultMonthKind, titleYearFrom);
  plainBalanceIsDebtSide(columns);
  const parts = summedParts(g, h, columns, scores);
  dropSumsOfMonths(g, h, columns, scores, monthColumns);
  lonelyMonthIsAmount(columns, monthColumns);
  return { columns, scores, monthColumns, parts };
}

/** The earliest and the latest «на <дата>» of the balance headers. */
function balanceDateRange(h: HeaderCandidate): { earliest: string | null; latest: string | null } {
  let earliest: string | null = null;
  let latest: string | null = null;
  for (const m of h.matches) {
    if (!m?.asOf) continue;
    if (earliest === null || m.asOf < earliest) earliest = m.asOf;
    if (latest === null || m.asOf > latest) latest = m.asOf;
  }
  return { earliest, latest };
}

function conceptAndMonthColumns(
  g: GridReader,
  h: HeaderCandidate,
  defaultMonthKind: MonthKind,
  titleYearFrom: IsoDate | null,
): Omit<Mapping, "parts"> {
  const columns: ColumnMapping = {};
  const scores: Record<string, number> = {};
  const monthColumns: MonthColumn[] = [];
  const { earliest, latest } = balanceDateRange(h);
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
  return { columns, scores, monthColumns };
}

/** «Долг на начало» beside «Переплата на начало»: the plain balance column is the debt side. */
function plainBalanceIsDebtSide(columns: ColumnMapping): void {
  for (const [balance, debt, advance] of [
    ["openingBalance", "openingDebt", "openingAdvance"],
    ["closingBalance", "closingDebt", "closingAdvance"],
  ] as const) {
    if (columns[advance] !== undefined && columns[debt] === undefined && columns[balance] !== undefined) {
      columns[debt] = columns[balance];
      delete columns[balance];
    }
  }
}

function summedParts(
  g: GridReader,
  h: HeaderCandidate,
  columns: ColumnMapping,
  scores: Record<string, number>,
): Mapping["parts"] {
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
  return parts;
}

function dropSumsOfMonths(
  g: GridReader,
  h: HeaderCandidate,
  columns: ColumnMapping,
  scores: Record<string, number>,
  monthColumns: MonthColumn[],
): void {
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
}

/** One lonely month column is an ordinary amount column («Начислено за март 2024»). */
function lonelyMonthIsAmount(columns: ColumnMapping, monthColumns: MonthColumn[]): void {
  if (monthColumns.length !== 1) return;
  const only = monthColumns.pop()!;
  const concept: LedgerConcept = only.kind === "charged" ? "charged" : only.kind === "paid" ? "paid" : "closingBalance";
  if (columns[concept] === undefined) columns[concept] = only.col;
}

/**
 * 1С ОСВ with the subconto «Контрагенты»: the «Счет» column holds the debtors' names, not account numbers. When
 * the account column has no identifier at all but has names, it is the name column.
 */
export function moveNamesOutOfAccountColumn(g: GridReader, h: HeaderCandidate, columns: ColumnMapping): void {
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
