/**
 * Everything recognition finds above the data: the header, the title block (period, a card's account) and the
 * column mapping. Shared by recognizeLedger, the mapping editor and the ledger-sheet picker.
 */
import { normalizeHeader, type MonthKind } from "../headers";
import type { GridReader } from "./gridReader";
import { findHeader, type HeaderCandidate } from "./findHeader";
import { mappingFromHeader, moveNamesOutOfAccountColumn, type Mapping } from "./mapColumns";
import { collectTitleTexts, readTitleAccount, readTitlePeriod, type TitleText } from "./titleBlock";
import type { TitleAccount, TitlePeriod } from "./types";

export interface Detection {
  header: HeaderCandidate | null;
  titlePeriod: TitlePeriod | null;
  titleTexts: TitleText[];
  titleAccount: TitleAccount | null;
  mapping: Mapping;
  /** 0-based sheet column of a separate «Год» column (with «Месяц» as the period column), or -1. */
  yearCol: number;
}

export function detect(g: GridReader, forcedBottom?: number): Detection {
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
