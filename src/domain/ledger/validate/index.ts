/**
 * Ledger validation: rules with stable codes over a recognised ledger. Every finding names its cell; totals, group
 * and empty rows never reach here (recognition skipped them). One pass over the rows, Maps for duplicates.
 */
import type { RecognizedLedger } from "../recognize";
import { validationContext } from "./context";
import {
  checkAccountColumn,
  checkDamagedCells,
  checkInvalidCells,
  checkMergesUnavailable,
  checkMonthHeaders,
  checkTitlePeriod,
} from "./sheetRules";
import { checkRows } from "./rowRules";
import { checkContinuity } from "./balance";
import { checkAccounts } from "./accountRules";
import type { LedgerFinding, ValidateOptions } from "./rules";

export { LEDGER_RULES, summarizeFindings } from "./rules";
export type { FindingSummary, LedgerFinding, LedgerRule, LedgerRuleCode, Severity, ValidateOptions } from "./rules";
export { severalOwners } from "./accountRules";

/** The findings of every rule the user has not switched off, ordered by row, then column. */
export function validateLedger(ledger: RecognizedLedger, options: ValidateOptions = {}): LedgerFinding[] {
  const findings: LedgerFinding[] = [];
  const ctx = validationContext(ledger, options, findings);
  checkInvalidCells(ctx);
  checkTitlePeriod(ctx);
  checkMonthHeaders(ctx);
  checkDamagedCells(ctx);
  checkAccountColumn(ctx);
  checkMergesUnavailable(ctx);
  const { accountsWithInvalid, chains } = checkRows(ctx);
  checkContinuity(ctx, chains);
  checkAccounts(ctx, accountsWithInvalid);
  // stable: findings at one cell keep the order of the checks above
  findings.sort((x, y) => x.row - y.row || x.col - y.col);
  return findings;
}
