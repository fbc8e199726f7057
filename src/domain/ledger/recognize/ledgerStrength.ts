/** Whether a sheet is a ledger and how strongly, to pick the ledger among a workbook's sheets. */
import type { SheetGrid } from "../../grid";
import type { ColumnMapping, LedgerConcept } from "../model";
import { AMOUNT_CONCEPTS } from "../headers";
import { GridReader, isGridEmpty } from "./gridReader";
import { detect } from "./detect";

export function hasAmountColumn(columns: ColumnMapping): boolean {
  return AMOUNT_CONCEPTS.some((c) => c !== "lastPaymentAmount" && columns[c] !== undefined);
}

export function looksLikeLedger(columns: ColumnMapping, monthCount: number, titleAccount = false): boolean {
  const who =
    titleAccount || columns.account !== undefined || columns.name !== undefined || columns.surname !== undefined;
  return who && (hasAmountColumn(columns) || monthCount >= 2);
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
