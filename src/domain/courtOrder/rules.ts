/**
 * Dated rule tables and defaults for court-order candidates. When law or the plan changes, only these rows change.
 */
import type { IsoDate } from "../dates";
import type { Kopecks } from "../money";
import type { PenaltySettings } from "../law/penalty";
import { COURT_ORDER_LIMITS } from "../law/rules";
import type { CourtKind } from "./lawEngine";

export interface CourtOrderLimit {
  court: CourtKind;
  /** Largest claim (principal + penalties) a court order may be issued for. */
  limit: Kopecks;
  /** The article, e.g. «ГПК РФ ст. 121». */
  source: string;
}

/** ГПК 121 / АПК 229.2: the court-order limit in force on a filing date (dated rows live in the law tables). */
export function courtOrderLimit(court: CourtKind, filingDate: IsoDate): CourtOrderLimit {
  let row: (typeof COURT_ORDER_LIMITS)[number] | null = null;
  for (const l of COURT_ORDER_LIMITS) if (l.court === court && filingDate >= l.from) row = l;
  // before 01.06.2016 the ЖКУ ground of ГПК 122 did not exist; use the earliest row rather than fail
  row ??= COURT_ORDER_LIMITS.find((l) => l.court === court)!;
  return { court, limit: row.limitRub * 100, source: row.article };
}

export type RuleMode = "account" | "service";

export interface CandidateSettings {
  /** Debt must be ≥ multiple × average monthly obligation (plan, measure 1: «две среднемесячные величины»). */
  multiple: number;
  /** Averaging window: the last N months before the as-of date that the ledger covers. */
  windowMonths: number;
  /** Apply the rule to the account's total (default) or to each service separately. */
  mode: RuleMode;
  /**
   * Count only overdue debt (docs/law.md, § 8; ЖК 155 ч. 1: a month's charge is due by the 10th/15th of the next month):
   * months whose due date has not passed on the as-of date are left out of the rule's debt and of the claim.
   * Off by default: the plan's rule takes the closing debt. Needs month-level rows (a one-row ledger cannot split).
   */
  overdueOnly: boolean;
  /** Claim the time-barred part too (ГК 196, 199: limitation applies only if the debtor objects). */
  includeTimeBarred: boolean;
  /** Candidates whose claim is below this amount are excluded (0 = no threshold). */
  minClaim: Kopecks;
  /** The plan's monthly target for measure 1 (700 000 ₽ a month). */
  monthlyTarget: Kopecks;
  /** Planned filing date for state duty and limitation; the as-of date when not set. */
  filingDate?: IsoDate;
  /** НК 52 п. 6: duty in whole roubles by default. */
  keepDutyKopecks: boolean;
  /** A court-order limit set by the user (Настройки); the dated law table (ГПК 121 / АПК 229.2) when absent. */
  courtOrderLimit?: Kopecks;
  /** Passed to the law engine's penalty calculation as is. */
  penalty?: Partial<PenaltySettings>;
}

export const DEFAULT_CANDIDATE_SETTINGS: CandidateSettings = {
  multiple: 2,
  windowMonths: 12,
  mode: "account",
  overdueOnly: false,
  includeTimeBarred: false,
  minClaim: 0,
  monthlyTarget: 700_000_00, // the plan's measure 1: не менее 700 000 руб. в месяц (docs/law.md, § 8)
  keepDutyKopecks: false,
};

export function candidateSettings(partial?: Partial<CandidateSettings>): CandidateSettings {
  const s = { ...DEFAULT_CANDIDATE_SETTINGS, ...(partial ?? {}) };
  if (!(s.multiple > 0)) throw new RangeError("Настройка «Кратность среднемесячного начисления» должна быть больше 0");
  if (!Number.isInteger(s.windowMonths) || s.windowMonths < 1) {
    throw new RangeError("Настройка «Окно усреднения, месяцев» должна быть целым числом от 1");
  }
  return s;
}
