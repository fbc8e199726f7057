/**
 * The use cases the sections run, in the shape the UI shows. Each is null until its module is part of the build;
 * a section with a null capability says plainly that it is not ready (it never shows invented results).
 *
 * The heavy ones (check, candidates, «Внести в реестр») run in a Web Worker where the host has one, so the
 * taskpane keeps answering and «Отмена» works during recognition and selection; the workbook itself stays on
 * this thread (the worker reaches it through messages). Where no worker can be started (an old host, a blocked
 * script), they run here as before.
 */
import type { OperationOptions, WorkbookPort } from "../workbook/port";
import {
  OPERATIONS,
  type CandidatesData,
  type CheckReport,
  type OperationArgs,
  type OperationName,
  type OperationResult,
  type RegisterWriteResult,
} from "../app/worker/operations";
import { runInWorker, WorkerUnavailableError } from "../app/worker/client";
import { createAnalysisWorker, workerSupported } from "../app/worker/browserWorker";

export type { CheckReport, RegisterWriteResult, UiCandidate, UiFinding } from "../app/worker/operations";
export type { PenaltySheetsResult } from "../app/courtRegister";
import type { PenaltySheetsResult } from "../app/courtRegister";
import type { MonthlyReportArgs } from "../app/worker/operations";
import type { MonthlyReportView } from "../app/monthlyRun";
export type { MonthlyReportView } from "../app/monthlyRun";

export interface CandidatesReport extends CandidatesData {
  /** Puts the candidates with these indexes into «Реестр взыскания»; null when that use case is not built. */
  addToRegister: ((indexes: number[], options: OperationOptions) => Promise<RegisterWriteResult>) | null;
  /** Writes «Расчёт пени <Л/С>» for the candidates with these indexes; null when that use case is not built. */
  writePenaltySheets: ((indexes: number[], options: OperationOptions) => Promise<PenaltySheetsResult>) | null;
}

export type CheckLedgerRun = (
  port: WorkbookPort,
  options: OperationOptions & { sheet?: string },
) => Promise<CheckReport>;

export type FindCandidatesRun = (
  port: WorkbookPort,
  options: OperationOptions & { sheet?: string; asOf: string },
) => Promise<CandidatesReport>;

export type MonthlyReportRun = (
  port: WorkbookPort,
  options: OperationOptions & MonthlyReportArgs,
) => Promise<MonthlyReportView>;

export interface Capabilities {
  checkLedger: CheckLedgerRun | null;
  findCandidates: FindCandidatesRun | null;
  monthlyReport: MonthlyReportRun | null;
}

/** Set once a worker failed to start: later runs go straight to this thread. */
let workerBroken = !workerSupported();

/** Runs an operation in the worker, or here when there is none. */
async function runOperation<K extends OperationName>(
  op: K,
  args: OperationArgs<K>,
  port: WorkbookPort,
  options: OperationOptions,
): Promise<OperationResult<K>> {
  const inThread = () =>
    (OPERATIONS[op] as (p: WorkbookPort, a: OperationArgs<K>, o: OperationOptions) => Promise<OperationResult<K>>)(
      port,
      args,
      options,
    );
  if (workerBroken) return inThread();
  try {
    return await runInWorker(createAnalysisWorker, op, args, port, options);
  } catch (err) {
    if (!(err instanceof WorkerUnavailableError)) throw err;
    workerBroken = true;
    return inThread();
  }
}

const runCheckLedger: CheckLedgerRun = (port, options) =>
  runOperation("checkLedger", { sheet: options.sheet }, port, {
    signal: options.signal,
    onProgress: options.onProgress,
  });

const runFindCandidates: FindCandidatesRun = async (port, options) => {
  const { report, candidates } = await runOperation(
    "findCandidates",
    { sheet: options.sheet, asOf: options.asOf },
    port,
    {
      signal: options.signal,
      onProgress: options.onProgress,
    },
  );
  return {
    ...report,
    addToRegister: (indexes, o) =>
      runOperation("addToRegister", { candidates: indexes.map((i) => candidates[i]) }, port, {
        signal: o.signal,
        onProgress: o.onProgress,
      }),
    writePenaltySheets: (indexes, o) =>
      runOperation(
        "penaltySheets",
        { sheet: report.sheet, asOf: report.asOf, candidates: indexes.map((i) => candidates[i]) },
        port,
        { signal: o.signal, onProgress: o.onProgress },
      ),
  };
};

const runMonthlyReport: MonthlyReportRun = (port, o) =>
  runOperation("monthlyReport", { month: o.month, asOf: o.asOf, sheet: o.sheet, reconcile: o.reconcile }, port, {
    signal: o.signal,
    onProgress: o.onProgress,
  });

export const capabilities: Capabilities = {
  checkLedger: runCheckLedger,
  findCandidates: runFindCandidates,
  monthlyReport: runMonthlyReport,
};
