/**
 * Ledger recognition: find the header row(s), map columns to concepts, detect the layout and the period,
 * classify every row below the header (data / total / group / empty) in one pass and build the canonical ledger.
 * docs/formats.md describes the shapes. Identifiers are read from the displayed text (leading zeros kept),
 * amounts through parseAmount (text-formatted numbers are numbers), dates through parseRuDate / parsePeriod.
 */
import type { SheetGrid } from "../../grid";
import { periodEnd, periodStart, type IsoDate, type Period } from "../../dates";
import type { ColumnMapping, LedgerConcept, LedgerLayout } from "../model";
import { CONCEPT_TITLES, normalizeHeader } from "../headers";
import { LedgerInputError } from "../errors";
import { GridReader, isGridEmpty } from "./gridReader";
import { detect } from "./detect";
import { HEADER_SEARCH_ROWS, type HeaderCandidate } from "./findHeader";
import type { Mapping, MonthColumn } from "./mapColumns";
import { readRows, type ReadResult } from "./readRows";
import { buildAccounts } from "./buildAccounts";
import { hasAmountColumn, looksLikeLedger } from "./ledgerStrength";
import type { RecognizedLedger, RecognizeOptions, TitlePeriod } from "./types";

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
  const parts = partsStillMapped(detected.parts, columns);
  const rec = readRows(
    g,
    header.bottom + 1,
    columns,
    monthColumns,
    { fixed, splitNameAddress, yearCol: yearCol - grid.left, parts },
    header.top,
  );
  const layout = detectLayout(columns, monthColumns, rec);
  const { from, to } = ledgerPeriod(titlePeriod, layout, columns, monthColumns, rec);
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
  if (grid.mergesUnavailable) ledger.details.mergesUnavailable = { ...grid.mergesUnavailable };
  return ledger;
}

/** Summed part columns only where the mapping still uses the detected first part. */
function partsStillMapped(detected: Mapping["parts"], columns: ColumnMapping): Mapping["parts"] {
  const parts: Mapping["parts"] = {};
  for (const [k, cols] of Object.entries(detected) as [LedgerConcept, number[]][])
    if (columns[k] === cols[0]) parts[k] = cols;
  return parts;
}

function detectLayout(columns: ColumnMapping, monthColumns: MonthColumn[], rec: ReadResult): LedgerLayout {
  if (monthColumns.length >= 2) return "month-columns";
  if (columns.period === undefined) return "per-account";
  const distinct = new Set<string>();
  for (const row of rec.rows) if (row.period) distinct.add(row.period);
  return distinct.size >= 2 ? "per-month-rows" : "per-account";
}

/** The period: from the title, else from the period column, else from the month headers. */
function ledgerPeriod(
  titlePeriod: TitlePeriod | null,
  layout: LedgerLayout,
  columns: ColumnMapping,
  monthColumns: MonthColumn[],
  rec: ReadResult,
): { from: IsoDate | null; to: IsoDate | null } {
  if (titlePeriod) return { from: titlePeriod.from, to: titlePeriod.to };
  let min: Period | null = null;
  let max: Period | null = null;
  const see = (p: Period | null | undefined) => {
    if (!p) return;
    if (min === null || p < min) min = p;
    if (max === null || p > max) max = p;
  };
  if (layout === "month-columns") for (const m of monthColumns) see(m.period);
  else if (columns.period !== undefined) for (const row of rec.rows) see(row.period);
  return { from: min ? periodStart(min) : null, to: max ? periodEnd(max) : null };
}

function cleanMapping(m: ColumnMapping): ColumnMapping {
  const out: ColumnMapping = {};
  for (const [k, v] of Object.entries(m)) if (typeof v === "number" && Number.isInteger(v) && v >= 0) out[k] = v;
  return out;
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
