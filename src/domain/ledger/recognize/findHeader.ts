/**
 * Header detection: score every row near the top (and every pair of rows, for two-level headers) by the concepts
 * its cells name, and take the best. Rows holding amounts or long digit strings are data, not header.
 */
import { parsePeriod } from "../../dates";
import type { LedgerConcept } from "../model";
import { classifyPair, classifySingle, isSubHeaderWord, normalizeHeader, type HeaderMatch } from "../headers";
import type { GridReader } from "./gridReader";

/** How many rows from the top may hold the title block and the header. */
export const HEADER_SEARCH_ROWS = 60;
/** A header must score at least this much (e.g. an account and one amount column). */
const MIN_HEADER_SCORE = 2;

export interface HeaderCandidate {
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
  if (typeof v === "number" && g.isDateCell(r, c)) {
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
        typeof v === "number" && g.isDateCell(up, c) && parentFilled === parentOwn
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
    if (typeof v === "number" && !g.isDateCell(r, c)) numbers++;
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
    if (typeof v === "number" && !g.isDateCell(r, c)) return true;
    if (typeof v === "string" && (LONG_DIGITS.test(v) || TEXT_AMOUNT.test(v))) return true;
  }
  return false;
}
const LONG_DIGITS = /^\s*\d{5,}\s*$/;
/** An amount typed or exported as text («25 430,12», «-1500.00», «0»): a CSV data row, never a header word. */
const TEXT_AMOUNT = /^\s*[-(]?\d[\d \u00a0\u202f]*(?:[.,]\d{1,2})?\)?\s*$/;

export function findHeader(g: GridReader, forcedBottom?: number): HeaderCandidate | null {
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
