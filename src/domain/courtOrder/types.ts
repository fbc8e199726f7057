/** What candidate selection returns: the candidates, the debts left out and why, the totals and the assumptions. */
import type { IsoDate, Period } from "../dates";
import type { Kopecks } from "../money";
import type { RegisterEntry } from "../register/recognize";
import type { CourtKind, LawEngine } from "./lawEngine";
import type { CandidateSettings, RuleMode } from "./rules";

/** «court-order» up to the ГПК 121 / АПК 229.2 limit; «lawsuit» above it or where an order is not possible. */
export type Route = "court-order" | "lawsuit";

export interface PrincipalPeriod {
  period: Period;
  amount: Kopecks;
  barred: boolean;
}

export interface Candidate {
  /** As displayed in the ledger (leading zeros kept). */
  account: string;
  debtor: string;
  address: string;
  /** 1-based Excel row of the account in the ledger. */
  row: number;
  legalEntity: boolean;
  court: CourtKind;
  route: Route;
  /** The debt the rule compared (the account's, or in per-service mode the qualifying service's). */
  debt: Kopecks;
  /** The account's closing debt as of the date (all services). */
  accountDebt: Kopecks;
  /** Months in the averaging window and the charges over them. */
  windowMonths: number;
  windowCharges: Kopecks;
  /** windowCharges / windowMonths rounded half up (reported only). */
  averageMonthly: Kopecks;
  /** debt / average, two decimals; null when nothing was charged in the window. */
  ratio: number | null;
  /** In per-service mode: the service whose debt met the rule (the one with the highest ratio). */
  service?: string;
  /** «долг 14 210,55 ≥ 2 × 6 830,40 (среднее за 12 мес.)» */
  reason: string;
  periodFrom: Period | null;
  periodTo: Period | null;
  /** Months whose limitation has run out on the filing date (principalByPeriodFor gives the amounts by month). */
  barredPeriods: Period[];
  principal: Kopecks;
  penalty: Kopecks;
  penaltyCalculated: boolean;
  stateDuty: Kopecks;
  timeBarred: Kopecks;
  /** principal + penalty — the claim's price. */
  claim: Kopecks;
  /** What the ledger knows of the debtor beyond the name (for the register and the application). */
  debtorData: DebtorData;
  warnings: string[];
}

export interface DebtorData {
  birthDate?: IsoDate;
  birthPlace?: string;
  snils?: string;
  inn?: string;
  passport?: string;
}

export interface ExcludedCandidate {
  account: string;
  debtor: string;
  row: number;
  debt: Kopecks;
  claim: Kopecks;
  reasons: string[];
}

export interface CandidateTotals {
  count: number;
  principal: Kopecks;
  penalty: Kopecks;
  stateDuty: Kopecks;
  timeBarred: Kopecks;
  claim: Kopecks;
}

export interface CandidateSelection {
  asOf: IsoDate;
  filingDate: IsoDate;
  rule: { multiple: number; windowMonths: number; mode: RuleMode };
  /** Russian description of the rule as applied («по сумме по лицевому счёту» / «по каждой услуге»). */
  ruleText: string;
  candidates: Candidate[];
  excluded: ExcludedCandidate[];
  totals: CandidateTotals;
  /** monthly: the plan's target; covered: claims of the candidates that go by court order. */
  target: { monthly: Kopecks; covered: Kopecks; share: number };
  assumptions: string[];
}

export interface SelectOptions {
  asOf: IsoDate;
  settings?: Partial<CandidateSettings>;
  /** Rows of the court-work register (ours or the clerk's), to skip debts already in work. */
  register?: RegisterEntry[];
  law: LawEngine;
}
