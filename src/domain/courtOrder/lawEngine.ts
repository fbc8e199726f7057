/**
 * What candidate selection needs from the law engine (src/domain/law). Passed in explicitly so that the
 * selection is a pure function of its inputs and the wiring sits in one place (defaultLaw.ts).
 */
import type { IsoDate, Period } from "../dates";
import type { Kopecks } from "../money";
import type { AllocationWorkspace } from "../law/allocation";
import type { PenaltySettings } from "../law/penalty";

export interface LawCharge {
  period: Period;
  amount: Kopecks;
}

export interface LawPayment {
  date: IsoDate;
  amount: Kopecks;
  /** The period the payer named, or null (then ГК 319.1 п. 3: the oldest debt first). */
  period: Period | null;
}

export interface CourtProtection {
  filed: IsoDate;
  cancelled: IsoDate;
}

export type DutyKind = "court-order" | "claim";
export type CourtKind = "general" | "arbitration";

export interface PenaltyOutcome {
  total: Kopecks;
  byPeriod: Map<Period, Kopecks>;
  assumptions?: string[];
}

export interface LawEngine {
  calculatePenalty(input: {
    charges: LawCharge[];
    payments: LawPayment[];
    asOf: IsoDate;
    settings?: Partial<PenaltySettings>;
    /** Buffers the engine may reuse across the calls of one selection. */
    workspace?: AllocationWorkspace;
  }): PenaltyOutcome;
  stateDuty(input: { claim: Kopecks; filingDate: IsoDate; kind: DutyKind; court: CourtKind; keepKopecks?: boolean }): {
    duty: Kopecks;
    basis: string;
  };
  timeBarred(
    charges: { period: Period; unpaid: Kopecks }[],
    onDate: IsoDate,
    opts?: { courtProtection?: CourtProtection[] },
  ): { barred: Kopecks; barredPeriods: Period[] };
  /** Payment due date of a billing month (ЖК 155 ч. 1, ГК 193), the contract's day where the law allows it. */
  dueDate(period: Period, settings?: { contractDay?: number | null }): IsoDate;
}
