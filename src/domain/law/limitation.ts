/**
 * Limitation (docs/law.md, § 6): 3 years for each monthly charge separately (ГК 196 п. 1, ГК 200 п. 1; Plenum 43 п. 24).
 * Last day to file = the (ГК 193-shifted) due date + 3 years (ГК 191–192), shifted again by ГК 193 if non-working.
 * A court-order proceeding suspends the term from filing to cancellation (ГК 204 п. 1, Plenum 43 п. 17); after the
 * cancellation an unexpired remainder shorter than 6 months becomes 6 months (ГК 204 п. 3, Plenum 43 п. 18).
 */
import { addDays, addMonths, addYears, daysBetween, type IsoDate, type Period } from "../dates";
import type { Kopecks } from "../money";
import { nextWorkingDay } from "./calendar";
import { dueDate } from "./dueDate";
import { LIMITATION_MIN_REMAINDER_MONTHS, LIMITATION_YEARS } from "./rules";

export interface CourtProtection {
  /** Day the court-order application (or claim) was filed. */
  filed: IsoDate;
  /** Day the order was cancelled; null = the protection still lasts (the term does not run). */
  cancelled: IsoDate | null;
  /** Periods the application covered; absent = every period. */
  periods?: Period[];
}

export interface LimitationOptions {
  contractDay?: number | null;
  courtProtection?: CourtProtection[];
}

/** Returned while a court protection still lasts: the term does not run. */
export const NO_EXPIRY: IsoDate = "9999-12-31";

/** The last day on which a claim for this month's charge is still in time (inclusive). */
export function limitationExpiry(period: Period, opts: LimitationOptions = {}): IsoDate {
  const due = dueDate(period, { contractDay: opts.contractDay ?? null });
  let end = addYears(due, LIMITATION_YEARS); // unshifted end of the term
  const protections = (opts.courtProtection ?? [])
    .filter((p) => !p.periods || p.periods.includes(period))
    .sort((a, b) => (a.filed < b.filed ? -1 : 1));
  for (const p of protections) {
    // an application filed after the term ended does not revive it; one filed before the debt was due does not suspend it
    if (p.filed > nextWorkingDay(end) || p.filed <= due) continue;
    if (p.cancelled === null) return NO_EXPIRY;
    end = addDays(end, daysBetween(p.filed, p.cancelled));
    const minEnd = addMonths(p.cancelled, LIMITATION_MIN_REMAINDER_MONTHS);
    if (end < minEnd) end = minEnd;
  }
  return nextWorkingDay(end);
}

export interface BarredResult {
  barred: Kopecks;
  barredPeriods: Period[];
}

/** The part of a debt whose limitation has run out by onDate (filing on the last day is in time). */
export function timeBarred(
  charges: { period: Period; unpaid: Kopecks }[],
  onDate: IsoDate,
  opts: LimitationOptions = {},
): BarredResult {
  let barred = 0;
  const barredPeriods: Period[] = [];
  for (const c of charges) {
    if (c.unpaid <= 0) continue;
    if (limitationExpiry(c.period, opts) < onDate) {
      barred += c.unpaid;
      barredPeriods.push(c.period);
    }
  }
  return { barred, barredPeriods };
}
