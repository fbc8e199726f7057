/**
 * The use cases the sections run, in the shape the UI shows. Each is null until its module is part of the build;
 * a section with a null capability says plainly that it is not ready (it never shows invented results).
 * Wiring a new use case = one import and one adapter function here.
 */
import type { OperationOptions, Severity, WorkbookPort } from "../workbook/port";
import { checkLedger } from "../app/checkLedger";
import { CONCEPT_TITLES } from "../domain/ledger";
import { formatDateRu } from "../domain/dates";
import { findCandidates } from "../app/findCandidates";
import { addToRegister } from "../app/courtRegister";

export interface UiFinding {
  code: string;
  severity: Severity;
  sheet: string;
  /** 0-based sheet coordinates of the cell to jump to. */
  row: number;
  col: number;
  /** A1 address shown to the user. */
  cell: string;
  account?: string;
  message: string;
}

export interface CheckReport {
  sheet: string;
  layout: string;
  /** 1-based Excel row number of the (last) header row. */
  headerRow: number;
  period: { from: string; to: string } | null;
  /** Concept title → column letter (for display). */
  columns: Record<string, string>;
  /** Concept → 0-based column (what the mapping editor starts from). */
  mapping: Record<string, number>;
  /** True when a mapping saved in the workbook replaced the detected one. */
  mappingCorrected: boolean;
  rows: { data: number; skipped: number };
  findings: UiFinding[];
}

export interface UiCandidate {
  account: string;
  debtor: string;
  /** 1-based Excel row in the ledger sheet. */
  row: number;
  route: string;
  /** «долг 14 210,55 ≥ 2 × 6 830,40 (среднее за 12 мес.)» */
  reason: string;
  /** Amounts in kopecks. */
  debt: number;
  principal: number;
  penalty: number;
  stateDuty: number;
  claim: number;
  warnings: string[];
}

export interface RegisterWriteResult {
  added: number;
  filled: number;
  unchanged: number;
}

export interface CandidatesReport {
  /** The ledger sheet the candidates come from (rows refer to it). */
  sheet: string;
  asOf: string;
  ruleText: string;
  rule: { multiple: number; windowMonths: number };
  candidates: UiCandidate[];
  /** Debts that meet the rule but are left out (already in court, missing data…), with reasons on the sheet. */
  excludedCount: number;
  /** Kopecks. */
  totals: { count: number; principal: number; penalty: number; stateDuty: number; claim: number };
  /** Kopecks; share in percent. */
  target: { monthly: number; covered: number; share: number };
  assumptions: string[];
  /** Puts the candidates with these indexes into «Реестр взыскания»; null when that use case is not built. */
  addToRegister: ((indexes: number[], options: OperationOptions) => Promise<RegisterWriteResult>) | null;
}

export type CheckLedgerRun = (
  port: WorkbookPort,
  options: OperationOptions & { sheet?: string },
) => Promise<CheckReport>;

export type FindCandidatesRun = (
  port: WorkbookPort,
  options: OperationOptions & { sheet?: string; asOf: string },
) => Promise<CandidatesReport>;

export interface Capabilities {
  checkLedger: CheckLedgerRun | null;
  findCandidates: FindCandidatesRun | null;
}

/** src/app/checkLedger (rows there are 1-based Excel rows; the UI jumps with 0-based coordinates). */
const runCheckLedger: CheckLedgerRun = async (port, options) => {
  const r = await checkLedger(port, { sheet: options.sheet, signal: options.signal, onProgress: options.onProgress });
  const columns: Record<string, string> = {};
  for (const [concept, letter] of Object.entries(r.columnLetters)) {
    columns[(CONCEPT_TITLES as Record<string, string>)[concept] ?? concept] = letter;
  }
  return {
    sheet: r.sheet,
    layout: r.layout,
    headerRow: r.headerRow,
    period: r.period.from || r.period.to ? { from: r.period.from ? formatDateRu(r.period.from) : "…", to: r.period.to ? formatDateRu(r.period.to) : "…" } : null,
    columns,
    mapping: { ...r.columns },
    mappingCorrected: r.mappingCorrected,
    rows: r.rows,
    findings: r.findings.map((f) => ({
      code: f.code,
      severity: f.severity,
      sheet: f.sheet,
      row: f.row - 1,
      col: f.col,
      cell: f.cell,
      account: f.account,
      message: f.message,
    })),
  };
};

/** src/app/findCandidates (+ «Внести в реестр» from src/app/courtRegister). */
const runFindCandidates: FindCandidatesRun = async (port, options) => {
  const r = await findCandidates(port, {
    sheet: options.sheet,
    asOf: options.asOf,
    signal: options.signal,
    onProgress: options.onProgress,
  });
  const sel = r.selection;
  return {
    sheet: r.sheet,
    asOf: sel.asOf,
    ruleText: sel.ruleText,
    rule: { multiple: sel.rule.multiple, windowMonths: sel.rule.windowMonths },
    candidates: sel.candidates.map((c) => ({
      account: c.account,
      debtor: c.debtor,
      row: c.row,
      route: c.court === "arbitration" ? "arbitration" : c.route,
      reason: c.reason,
      debt: c.debt,
      principal: c.principal,
      penalty: c.penalty,
      stateDuty: c.stateDuty,
      claim: c.claim,
      warnings: c.warnings,
    })),
    excludedCount: sel.excluded.length,
    totals: { ...sel.totals },
    target: { ...sel.target },
    assumptions: sel.assumptions,
    addToRegister: (indexes, o) =>
      addToRegister(
        port,
        indexes.map((i) => sel.candidates[i]),
        o,
      ),
  };
};

export const capabilities: Capabilities = {
  checkLedger: runCheckLedger,
  findCandidates: runFindCandidates,
};
