/** The penalty calculation's settings, their defaults (docs/law.md, § 2 and § 11) and the public result types. */
import type { IsoDate, Period } from "../../dates";
import type { Kopecks } from "../../money";
import type { AllocationWorkspace, Charge, Payment } from "../allocation";

export interface ExcludedPeriod {
  from: IsoDate;
  to: IsoDate;
  label: string;
}

export interface PenaltySettings {
  /** Count the payment day as a day of delay (docs/law.md, § 11: included by default). */
  includePaymentDay: boolean;
  /** 01.10.2022 inside the 2022 moratorium (ПП РФ № 497; docs/law.md, § 2.4: true by default). */
  moratorium2022LastDayInside: boolean;
  /** Moratorium days still advance the 30/90-day counter (docs/law.md, § 2.4: true by default). */
  moratoriumDaysAdvanceCounter: boolean;
  /** "single" = ЖК 155 ч. 14 (one rate per chunk); "split" = «разбивка по периодам ставки». */
  rateMode: "single" | "split";
  /** Rate date for the unpaid part (the decision / calculation date); null = asOf. */
  rateDateForUnpaid: IsoDate | null;
  /** Contract due day (honoured only for bills up to 2026-02, 177-ФЗ). */
  contractDay: number | null;
  /** Regional exclusions (e.g. Moscow October 2022 – 11.03.2025), both dates inclusive. */
  excludedPeriods: ExcludedPeriod[];
}

export const DEFAULT_PENALTY_SETTINGS: PenaltySettings = Object.freeze({
  includePaymentDay: true,
  moratorium2022LastDayInside: true,
  moratoriumDaysAdvanceCounter: true,
  rateMode: "single",
  rateDateForUnpaid: null,
  contractDay: null,
  excludedPeriods: [],
}) as PenaltySettings;

/** The defaults with the given settings laid over them (an undefined value keeps the default). */
export function normaliseSettings(settings?: Partial<PenaltySettings>): PenaltySettings {
  if (!settings) return DEFAULT_PENALTY_SETTINGS;
  const s: PenaltySettings = { ...DEFAULT_PENALTY_SETTINGS };
  for (const k of Object.keys(settings) as (keyof PenaltySettings)[]) {
    if (settings[k] !== undefined) (s as unknown as Record<string, unknown>)[k] = settings[k];
  }
  return s;
}

export type Fraction = "1/300" | "1/130";

export interface PenaltyRow {
  period: Period;
  /** The chunk of principal the row is computed on. */
  principal: Kopecks;
  from: IsoDate;
  to: IsoDate;
  days: number;
  fraction: Fraction;
  ratePercent: number;
  /** Moratorium / exclusion label when the row's days carry no penalty. */
  moratorium: string | null;
  /** Kopecks, unrounded. */
  penaltyExact: number;
  penalty: Kopecks;
  formula: string;
  /** Due date of the period (after ГК 193). */
  dueDate: IsoDate;
  /** Payment date of the chunk (null = unpaid). */
  paidOn: IsoDate | null;
  /** The date whose rate was used. */
  rateDate: IsoDate;
}

export interface PenaltyResult {
  asOf: IsoDate;
  total: Kopecks;
  byPeriod: Map<Period, Kopecks>;
  /** Computed on first access (the totals do not need them). NB: rows, byPeriod, assumptions and rateNotes are
   *  getters of the result object — read them by name; a spread `{...result}` or JSON.stringify does not copy them. */
  rows: PenaltyRow[];
  settings: PenaltySettings;
  /** Russian lines for the table header: what was assumed. */
  assumptions: string[];
  rateNotes: string[];
  /** Money paid beyond all charges (not a penalty matter, reported for reconciliation). */
  overpaid: Kopecks;
}

export interface PenaltyInput {
  charges: Charge[];
  payments: Payment[];
  asOf: IsoDate;
  settings?: Partial<PenaltySettings>;
  /** Buffers reused across many calculations (candidate selection passes one); a fresh one otherwise. */
  workspace?: AllocationWorkspace;
}
