/**
 * The canonical ledger: what recognition makes of any ledger shape, and what every later step reads.
 * Amounts are integer kopecks; balances are signed (debt > 0, advance < 0).
 */
import type { IsoDate, Period } from "../dates";
import type { Kopecks } from "../money";

export type LedgerLayout = "per-account" | "per-month-rows" | "month-columns";

/** Concepts a ledger column can carry (the keys of the CLI's "columns" object). */
export type LedgerConcept =
  | "account"
  | "name"
  | "surname"
  | "firstName"
  | "patronymic"
  | "address"
  | "street"
  | "house"
  | "building"
  | "flat"
  | "settlement"
  | "service"
  | "period"
  | "openingDebt"
  | "openingAdvance"
  | "openingBalance"
  | "charged"
  | "recalculation"
  | "subsidy"
  | "paid"
  | "closingDebt"
  | "closingAdvance"
  | "closingBalance"
  | "penalties"
  | "monthsInDebt"
  | "lastPaymentDate"
  | "lastPaymentAmount"
  | "birthDate"
  | "birthPlace"
  | "snils"
  | "inn"
  | "passport"
  | "share"
  | "caseNumber"
  | "orderDate"
  | "ipNumber"
  | "fsspDate";

/** One month of an account (monthly layouts), amounts for that month. */
export interface LedgerMonth {
  period: Period;
  /** Opening balance of the month when the sheet has it. */
  opening?: Kopecks;
  charged: Kopecks;
  paid: Kopecks;
  closing?: Kopecks;
  /** 1-based Excel row this month came from. */
  row: number;
}

export interface LedgerServiceLine {
  service: string;
  opening: Kopecks;
  charged: Kopecks;
  paid: Kopecks;
  closing: Kopecks;
  penalties: Kopecks;
  row: number;
  months?: LedgerMonth[];
}

export interface LedgerAccount {
  /** As displayed in the ledger (leading zeros kept). */
  account: string;
  /** 1-based Excel row of the account's first data row. */
  row: number;
  /** All 1-based data rows of the account. */
  rows: number[];
  name: string;
  address: string;
  birthDate?: IsoDate;
  birthPlace?: string;
  snils?: string;
  inn?: string;
  passport?: string;
  share?: string;
  /** Signed balances over the ledger's period (sum across services). */
  opening: Kopecks;
  charged: Kopecks;
  paid: Kopecks;
  closing: Kopecks;
  penalties: Kopecks;
  monthsInDebt?: number;
  lastPaymentDate?: IsoDate;
  lastPaymentAmount?: Kopecks;
  /** Per-month history where the layout has it (sorted by period, summed across services). */
  months?: LedgerMonth[];
  /** Per-service lines where the ledger has a service column. */
  services?: LedgerServiceLine[];
  /** Court-work columns found in the ledger. */
  caseNumber?: string;
  orderDate?: IsoDate;
  ipNumber?: string;
}

export interface ColumnMapping {
  /** concept → 0-based sheet column. */
  [concept: string]: number;
}

export interface CanonicalLedger {
  sheet: string;
  layout: LedgerLayout;
  /** 1-based Excel row of the (last) header row. */
  headerRow: number;
  period: { from: IsoDate | null; to: IsoDate | null };
  columns: ColumnMapping;
  /** For month-columns: 0-based column → period. */
  monthColumns?: { col: number; period: Period; kind: "charged" | "paid" | "debt" }[];
  accounts: LedgerAccount[];
  rows: { data: number; skipped: number };
}
