/** The ledger's calendar as candidate selection sees it: which months count, an account's months and debt. */
import { addPeriods, periodOf, type IsoDate, type Period } from "../dates";
import type { CanonicalLedger, LedgerMonth } from "../ledger/model";
import type { Kopecks } from "../money";

/** Months of the ledger's calendar that began on or before the as-of date, oldest first. */
export function ledgerPeriods(ledger: CanonicalLedger, asOf: IsoDate): Period[] {
  const asOfPeriod = periodOf(asOf);
  let first: Period | null = null;
  let last: Period | null = null;
  if (ledger.layout === "per-account") {
    if (ledger.period.from) first = periodOf(ledger.period.from);
    if (ledger.period.to) last = periodOf(ledger.period.to);
  } else {
    // months are sorted within an account: its first month and its last one not after the as-of date suffice
    for (const a of ledger.accounts) {
      const ms = a.months;
      if (!ms || ms.length === 0) continue;
      if (ms[0].period <= asOfPeriod && (first === null || ms[0].period < first)) first = ms[0].period;
      let i = ms.length - 1;
      while (i >= 0 && ms[i].period > asOfPeriod) i--;
      if (i >= 0 && (last === null || ms[i].period > last)) last = ms[i].period;
    }
  }
  if (first === null || last === null) return [];
  // a one-row ledger's «Начислено» covers its whole period, so its months are counted as the ledger states them
  if (ledger.layout !== "per-account" && last > asOfPeriod) last = asOfPeriod;
  const out: Period[] = [];
  for (let p = first; p <= last; p = addPeriods(p, 1)) out.push(p);
  return out;
}

/** Whether the ledger has charges and payments by month (otherwise one figure per account). */
export function hasMonthLevelData(ledger: CanonicalLedger): boolean {
  if (ledger.layout === "per-account") return false;
  if (ledger.layout === "month-columns") {
    const kinds = new Set((ledger.monthColumns ?? []).map((m) => m.kind));
    return kinds.has("charged") && kinds.has("paid");
  }
  return true;
}

/** An account's months up to the as-of month (the same array when none is later). */
export function monthsUpTo(months: LedgerMonth[] | undefined, asOfPeriod: Period): LedgerMonth[] {
  if (!months || months.length === 0) return [];
  if (months[months.length - 1].period <= asOfPeriod) return months;
  return months.filter((m) => m.period <= asOfPeriod);
}

/** The closing debt of the months and the opening balance it starts from (the first month's, else the account's). */
export function monthlyDebt(months: LedgerMonth[], fallbackOpening: Kopecks): { debt: Kopecks; opening: Kopecks } {
  const opening = months.length > 0 && months[0].opening !== undefined ? months[0].opening : fallbackOpening;
  let debt = opening;
  for (const m of months) debt += m.charged - m.paid;
  return { debt, opening };
}
