/**
 * Month-level ledger rows turned into the law engine's inputs (charges by period, dated payments) and the claim's
 * principal by month. A month's payments have no exact date: they are dated the FIRST day of the month they were
 * booked in, which never overstates penalties (ЖК 155 ч. 14 counts delay up to the payment day), and name no period,
 * so they go to the oldest debt first (ГК 319.1 п. 3). An opening debt is dated the month before the ledger's first.
 */
import { addPeriods, periodOf, periodStart, type IsoDate, type Period } from "../dates";
import { AllocationWorkspace, unpaidByPeriod } from "../law/allocation";
import type { LedgerAccount, LedgerMonth } from "../ledger/model";
import type { Kopecks } from "../money";
import type { LawCharge, LawPayment } from "./lawEngine";
import { monthlyDebt, monthsUpTo } from "./ledgerMonths";
import type { PrincipalPeriod } from "./types";

/** «2025-03» → «2025-03-01», one string per month for all accounts (a bounded cache of pure values). */
const firstDays = new Map<Period, IsoDate>();
function firstDay(p: Period): IsoDate {
  let d = firstDays.get(p);
  if (d === undefined) {
    d = periodStart(p);
    if (firstDays.size > 2000) firstDays.clear();
    firstDays.set(p, d);
  }
  return d;
}

/**
 * Charges and payments for the law engine from month-level rows: a month's payments are dated the first day of the
 * month they were booked in (no exact date is known; the earliest possible date never overstates penalties) and
 * name no period (ГК 319.1 п. 3: the oldest debt first); an opening debt is a charge of the month before the first;
 * an opening advance, a negative charge (credit recalculation) are payments; a negative payment (refund) is a charge.
 */
export function penaltyInputFromMonths(
  months: LedgerMonth[],
  opening: Kopecks,
  scratch?: PenaltyScratch,
): { charges: LawCharge[]; payments: LawPayment[] } {
  const out = scratch ?? new PenaltyScratch();
  out.reset();
  if (months.length === 0) return out;
  if (opening > 0) out.charge(addPeriods(months[0].period, -1), opening);
  else if (opening < 0) out.payment(firstDay(months[0].period), -opening);
  for (const m of months) {
    if (m.charged > 0) out.charge(m.period, m.charged);
    else if (m.charged < 0) out.payment(firstDay(m.period), -m.charged);
    if (m.paid > 0) out.payment(firstDay(m.period), m.paid);
    else if (m.paid < 0) out.charge(m.period, -m.paid);
  }
  return out;
}

/**
 * Reusable charge/payment lists for the law engine: selection over 100 000 accounts refills the same objects
 * instead of making millions of short-lived ones (the engine does not keep its inputs after returning).
 */
export class PenaltyScratch {
  readonly charges: LawCharge[] = [];
  readonly payments: LawPayment[] = [];
  /** The law engine's allocation buffers, reused for every account of the selection. */
  readonly allocation = new AllocationWorkspace();
  private readonly chargePool: LawCharge[] = [];
  private readonly paymentPool: LawPayment[] = [];

  reset(): void {
    this.charges.length = 0;
    this.payments.length = 0;
  }

  charge(period: Period, amount: Kopecks): void {
    let c = this.chargePool[this.charges.length];
    if (c === undefined) {
      c = { period, amount };
      this.chargePool.push(c);
    } else {
      c.period = period;
      c.amount = amount;
    }
    this.charges.push(c);
  }

  payment(date: IsoDate, amount: Kopecks): void {
    let p = this.paymentPool[this.payments.length];
    if (p === undefined) {
      p = { date, amount, period: null };
      this.paymentPool.push(p);
    } else {
      p.date = date;
      p.amount = amount;
    }
    this.payments.push(p);
  }
}

/** Claim composition by month for one account as of a date: what is unpaid of each month (month-level ledgers). */
export function principalByPeriodFor(
  account: LedgerAccount,
  asOf: IsoDate,
  barredPeriods: readonly Period[] = [],
): PrincipalPeriod[] {
  const input = penaltyInputForAccount(account, asOf);
  if (!input) return [];
  const barred = new Set(barredPeriods);
  return unpaidByPeriod(input.charges, input.payments).map((p) => (barred.has(p.period) ? { ...p, barred: true } : p));
}

/** The penalty inputs of a ledger account as of a date (null when the account has no month-level rows). */
export function penaltyInputForAccount(
  account: LedgerAccount,
  asOf: IsoDate,
): { charges: LawCharge[]; payments: LawPayment[] } | null {
  const months = monthsUpTo(account.months, periodOf(asOf));
  if (months.length === 0) return null;
  return penaltyInputFromMonths(months, monthlyDebt(months, account.opening ?? 0).opening);
}
