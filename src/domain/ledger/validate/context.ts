/**
 * What every ledger rule needs: the ledger, the columns it reports findings at, and `add`, which records a finding
 * unless the user switched its rule off. Built once per validation.
 */
import { cellAddress } from "../../grid";
import { formatKopecksRu, type Kopecks } from "../../money";
import { periodOf, type IsoDate, type Period } from "../../dates";
import type { ColumnMapping, LedgerConcept } from "../model";
import type { RecognizedLedger } from "../recognize";
import { RULE_BY_CODE, type LedgerFinding, type LedgerRuleCode, type ValidateOptions } from "./rules";

/** Allowed rounding difference in balance checks: 0.01 ₽. */
export const TOLERANCE: Kopecks = 1;

export const rub = (k: Kopecks) => `${formatKopecksRu(k)} ₽`;

/** Records a finding at a 0-based sheet cell; `debtor` is the row's own owner when the caller has it. */
export type AddFinding = (
  code: LedgerRuleCode,
  row0: number,
  col0: number,
  account: string,
  message: string,
  debtor?: string,
) => void;

export interface ValidationContext {
  ledger: RecognizedLedger;
  cols: ColumnMapping;
  add: AddFinding;
  today: IsoDate | undefined;
  todayPeriod: Period | null;
  monthColumns: NonNullable<RecognizedLedger["monthColumns"]>;
  /** Indexes (in monthColumns) of the «Начислено» month columns. */
  chargedMonthIdx: number[];
  hasRecalc: boolean;
  hasSubsidy: boolean;
  // 0-based sheet columns findings are reported at (-1 = the sheet has none)
  firstCol: number;
  openingCol: number;
  closingCol: number;
  chargedCol: number;
  nameCol: number;
  addressCol: number;
}

export function validationContext(
  ledger: RecognizedLedger,
  options: ValidateOptions,
  findings: LedgerFinding[],
): ValidationContext {
  const cols = ledger.columns;
  /** 0-based column of a concept, or of the first of several alternatives present. */
  const colOf = (...concepts: LedgerConcept[]): number => {
    for (const c of concepts) if (cols[c] !== undefined) return cols[c];
    return -1;
  };
  const monthColumns = ledger.monthColumns ?? [];
  return {
    ledger,
    cols,
    add: findingRecorder(ledger, options, findings),
    today: options.today,
    todayPeriod: options.today ? periodOf(options.today) : null,
    monthColumns,
    chargedMonthIdx: monthColumns.map((m, i) => (m.kind === "charged" ? i : -1)).filter((i) => i >= 0),
    hasRecalc: cols.recalculation !== undefined,
    hasSubsidy: cols.subsidy !== undefined,
    firstCol: ledger.details.headers[0]?.col ?? 0,
    openingCol: colOf("openingBalance", "openingDebt", "openingAdvance"),
    closingCol: colOf("closingBalance", "closingDebt", "closingAdvance"),
    chargedCol: colOf("charged"),
    nameCol: colOf("name", "surname"),
    addressCol: colOf("address", "street", "house", "flat", "settlement"),
  };
}

function findingRecorder(ledger: RecognizedLedger, options: ValidateOptions, findings: LedgerFinding[]): AddFinding {
  const disabled = new Set(options.disabledRules ?? []);
  const sheet = ledger.sheet;
  // built on the first finding only: a clean ledger never pays for it
  let nameByAccount: Map<string, string> | null = null;
  const debtorOf = (account: string): string => {
    if (account === "") return "";
    if (!nameByAccount) {
      nameByAccount = new Map();
      for (const a of ledger.accounts) nameByAccount.set(a.account, a.name);
    }
    return nameByAccount.get(account) ?? "";
  };
  return (code, row0, col0, account, message, debtor) => {
    if (disabled.has(code)) return;
    const cell = cellAddress(row0, col0);
    findings.push({
      code,
      severity: RULE_BY_CODE.get(code)!.severity,
      sheet,
      row: row0 + 1,
      col: col0,
      cell,
      account,
      // the row's own owner where the caller has it: a name map of a million accounts is built only when needed
      debtor: debtor || debtorOf(account),
      message: `${cell}: ${message}`,
    });
  };
}
