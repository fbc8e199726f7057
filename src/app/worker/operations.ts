/**
 * The use cases the taskpane runs, in the shape the UI shows, as plain data that can cross to and from a worker.
 * The same functions run in the analysis worker (over the proxy port) and, where there is no worker, on the page.
 */
import type { OperationOptions, Progress, Severity, WorkbookPort } from "../../workbook/port";
import { checkLedger } from "../checkLedger";
import { findCandidates } from "../findCandidates";
import { addToRegister, writePenaltySheetsFor, type PenaltySheetsResult } from "../courtRegister";
import { CONCEPT_TITLES } from "../../domain/ledger";
import { formatDateRu } from "../../domain/dates";
import type { Candidate } from "../../domain/courtOrder";
import { selectionView, type CandidateView } from "../candidateView";
import { monthlyRun, monthlyReportView, type MonthlyReportView } from "../monthlyRun";
import { reconcileOperation, reconcilePreview } from "../reconcileView";
import { RunSession } from "../runSession";
import { DONE_STAGE } from "../progressStages";

const kopecks = (k: number) => k;

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

/** A candidate as the taskpane shows it: the shared projection in kopecks, the court in the route, the rule's reason. */
export interface UiCandidate extends Omit<CandidateView<number>, "route"> {
  /** «court-order», «lawsuit» or «arbitration» (a debtor that is an organisation goes to the arbitration court). */
  route: string;
  /** «долг 14 210,55 ≥ 2 × 6 830,40 (среднее за 12 мес.)» */
  reason: string;
}

export interface RegisterWriteResult {
  added: number;
  filled: number;
  unchanged: number;
}

/** The candidates report without its «Внести в реестр» action (a function cannot cross to a worker). */
export interface CandidatesData {
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
}

export interface CheckArgs {
  sheet?: string;
}
export interface CandidatesArgs {
  sheet?: string;
  asOf: string;
}
export interface RegisterArgs {
  /** The domain candidates to put into «Реестр взыскания». */
  candidates: Candidate[];
}

/** src/app/checkLedger (rows there are 1-based Excel rows; the UI jumps with 0-based coordinates). */
export async function checkLedgerReport(
  port: WorkbookPort,
  args: CheckArgs,
  options: OperationOptions,
): Promise<CheckReport> {
  const r = await checkLedger(port, { sheet: args.sheet, signal: options.signal, onProgress: options.onProgress });
  const columns: Record<string, string> = {};
  for (const [concept, letter] of Object.entries(r.columnLetters)) {
    columns[(CONCEPT_TITLES as Record<string, string>)[concept] ?? concept] = letter;
  }
  return {
    sheet: r.sheet,
    layout: r.layout,
    headerRow: r.headerRow,
    period:
      r.period.from || r.period.to
        ? { from: r.period.from ? formatDateRu(r.period.from) : "…", to: r.period.to ? formatDateRu(r.period.to) : "…" }
        : null,
    columns,
    mapping: { ...r.columns },
    mappingCorrected: r.mappingCorrected,
    rows: { ...r.rows },
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
}

/**
 * src/app/findCandidates: the report and the domain candidates behind it (in the same order), which
 * «Внести в реестр» later needs.
 */
export async function candidatesReport(
  port: WorkbookPort,
  args: CandidatesArgs,
  options: OperationOptions,
): Promise<{ report: CandidatesData; candidates: Candidate[] }> {
  const r = await findCandidates(port, {
    sheet: args.sheet,
    asOf: args.asOf,
    signal: options.signal,
    onProgress: options.onProgress,
  });
  const sel = r.selection;
  const view = selectionView(sel, kopecks);
  const report: CandidatesData = {
    sheet: r.sheet,
    asOf: sel.asOf,
    ruleText: sel.ruleText,
    rule: view.rule,
    candidates: view.candidates.map((shown, i) => {
      const c = sel.candidates[i];
      return { ...shown, route: c.court === "arbitration" ? "arbitration" : c.route, reason: c.reason };
    }),
    excludedCount: sel.excluded.length,
    totals: view.totals,
    target: { ...view.target, share: sel.target.share },
    assumptions: sel.assumptions,
  };
  return { report, candidates: sel.candidates };
}

/** src/app/courtRegister's «Внести в реестр». */
export async function registerCandidates(
  port: WorkbookPort,
  args: RegisterArgs,
  options: OperationOptions,
): Promise<RegisterWriteResult> {
  const r = await addToRegister(port, args.candidates, { signal: options.signal, onProgress: options.onProgress });
  return { added: r.added, filled: r.filled, unchanged: r.unchanged };
}

/** src/app/courtRegister's «Расчёт пени»: one sheet per chosen candidate. */
export async function penaltySheets(
  port: WorkbookPort,
  args: { sheet: string; asOf: string; candidates: Candidate[] },
  options: OperationOptions,
): Promise<PenaltySheetsResult> {
  return writePenaltySheetsFor(port, args, { signal: options.signal, onProgress: options.onProgress });
}

export interface MonthlyReportArgs {
  month: string;
  asOf: string;
  sheet?: string;
  /** Reconcile with a bailiffs' register found among the workbook's sheets (skipped with a note when none). */
  reconcile: boolean;
}

/** src/app/monthlyRun: «Подготовить отчёт за месяц» (check → candidates → reconcile → plan) as plain data. */
export async function monthlyReport(
  port: WorkbookPort,
  args: MonthlyReportArgs,
  options: OperationOptions,
): Promise<MonthlyReportView> {
  const r = await monthlyRun(port, {
    month: args.month,
    asOf: args.asOf,
    sheet: args.sheet,
    bailiff: args.reconcile ? {} : null,
    signal: options.signal,
    onProgress: options.onProgress,
  });
  return monthlyReportView(r);
}

/**
 * An operation over one RunSession: the sheet list, the settings and each sheet are read once, and its own sheets
 * are written together when it ends — on Excel on the web a read is a round trip and each sheet written alone three
 * or four. (The monthly report makes its own session over all of its steps.)
 */
function inSession<A, R>(
  operation: (port: WorkbookPort, args: A, options: OperationOptions) => Promise<R>,
): (port: WorkbookPort, args: A, options: OperationOptions) => Promise<R> {
  return async (port, args, options) => {
    const session = new RunSession(port);
    const progress = options.onProgress;
    // «Готово» only once the sheets are written: the use case says it when its own work is done
    let finished: Progress | null = null;
    const onProgress = progress && ((p: Progress) => (p.stage === DONE_STAGE ? (finished = p) : progress(p)));
    const result = await operation(session, args, { ...options, onProgress });
    await session.flush({
      signal: options.signal,
      onProgress: progress && ((p) => progress({ ...p, stage: p.stage ?? "Запись листов надстройки" })),
    });
    if (finished) progress?.(finished);
    return result;
  };
}

/** What the worker can be asked to run, by name. */
export const OPERATIONS = {
  checkLedger: inSession(checkLedgerReport),
  findCandidates: inSession(candidatesReport),
  addToRegister: inSession(registerCandidates),
  penaltySheets: inSession(penaltySheets),
  monthlyReport,
  reconcile: inSession(reconcileOperation),
  reconcilePreview: inSession(reconcilePreview),
} as const;

export type OperationName = keyof typeof OPERATIONS;
export type OperationArgs<K extends OperationName> = Parameters<(typeof OPERATIONS)[K]>[1];
export type OperationResult<K extends OperationName> = Awaited<ReturnType<(typeof OPERATIONS)[K]>>;
