/**
 * A whole run of the month's claims work on one ledger: check it («Проверка» and the marks), then select the
 * court-order candidates («Кандидаты»). The ledger is read from the workbook once and recognised once — on Excel
 * on the web every read of a 100 000-row sheet is a dozen or more round trips.
 */
import type { OperationOptions, WorkbookPort } from "../workbook/port";
import type { IsoDate } from "../domain/dates";
import { checkLedger, type CheckLedgerResult } from "./checkLedger";
import { findCandidates, type FindCandidatesResult } from "./findCandidates";

export interface RunAllOptions extends OperationOptions {
  sheet?: string;
  /** The date the claims are composed as of. */
  asOf: IsoDate;
  /** Today, for «period in the future» (defaults to the local date). */
  today?: IsoDate;
  disabledRules?: readonly string[];
}

export interface RunAllResult {
  check: CheckLedgerResult;
  candidates: FindCandidatesResult;
}

export async function runAll(port: WorkbookPort, options: RunAllOptions): Promise<RunAllResult> {
  const { signal, onProgress } = options;
  const check = await checkLedger(port, {
    sheet: options.sheet,
    today: options.today,
    disabledRules: options.disabledRules,
    signal,
    onProgress: onProgress && ((p) => onProgress({ ...p, stage: p.stage && `Проверка: ${p.stage}` })),
  });
  const candidates = await findCandidates(port, {
    sheet: check.sheet,
    asOf: options.asOf,
    ledger: check.ledger,
    signal,
    onProgress: onProgress && ((p) => onProgress({ ...p, stage: p.stage && `Кандидаты: ${p.stage}` })),
  });
  return { check, candidates };
}
