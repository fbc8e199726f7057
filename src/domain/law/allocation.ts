/**
 * Payment allocation (docs/law.md, § 4): a payment that names its period goes to that period (ГК 319.1 п. 1);
 * otherwise — and for what exceeds the named period's debt — to the oldest unpaid period (ГК 319.1 п. 3);
 * never to penalties. The result splits each period's charge into chunks paid on a date or unpaid.
 *
 * The core (allocateCore) works on flat arrays so that the penalty totals for 100 000 accounts need no objects;
 * allocatePayments wraps it into the object form used by the calculation table.
 */
import type { IsoDate, Period } from "../dates";
import type { Kopecks } from "../money";
import { periodToMonth } from "./daynum";

export interface Charge {
  period: Period;
  amount: Kopecks;
}

export interface Payment {
  date: IsoDate;
  amount: Kopecks;
  period: Period | null;
}

export interface Chunk {
  amount: Kopecks;
  /** null = still unpaid. */
  paidOn: IsoDate | null;
}

export interface PeriodAllocation {
  period: Period;
  charged: Kopecks;
  chunks: Chunk[];
}

export interface Allocation {
  periods: PeriodAllocation[];
  /** Money left after every period was paid in full (an advance / overpayment). */
  overpaid: Kopecks;
}

/** Flat result of the core; its typed arrays belong to the workspace (read them before the workspace's next use). */
export interface CoreAllocation {
  /** Distinct periods, oldest first. */
  periods: Period[];
  charged: number[];
  /** Chunks: period index, amount, payment (index into `payments`, −1 = unpaid). In payment order, unpaid last. */
  chunkCount: number;
  chunkPeriod: Int32Array;
  chunkAmount: Float64Array;
  chunkPayment: Int32Array;
  /** Payments in the order applied (date order, stable). */
  payments: Payment[];
  overpaid: Kopecks;
}

/**
 * Reusable buffers of the allocation core. A caller that allocates many times (candidate selection over 100 000
 * accounts) keeps one and passes it in, so no call makes new arrays; a one-off call gets a fresh one. Nothing is
 * shared between callers through module state.
 */
export class AllocationWorkspace {
  chunkPeriod = new Int32Array(256);
  chunkAmount = new Float64Array(256);
  chunkPayment = new Int32Array(256);
  chunkCount = 0;
  /** Per period: its month number and what is still unpaid. */
  months = new Int32Array(64);
  remaining = new Float64Array(64);

  /** Room for n periods. */
  reserve(n: number): void {
    if (n <= this.months.length) return;
    this.months = new Int32Array(n * 2);
    this.remaining = new Float64Array(n * 2);
  }

  pushChunk(period: number, amount: number, payment: number): void {
    if (this.chunkCount === this.chunkPeriod.length) this.grow();
    this.chunkPeriod[this.chunkCount] = period;
    this.chunkAmount[this.chunkCount] = amount;
    this.chunkPayment[this.chunkCount] = payment;
    this.chunkCount++;
  }

  private grow(): void {
    const cap = this.chunkPeriod.length * 2;
    const p = new Int32Array(cap);
    p.set(this.chunkPeriod);
    this.chunkPeriod = p;
    const a = new Float64Array(cap);
    a.set(this.chunkAmount);
    this.chunkAmount = a;
    const y = new Int32Array(cap);
    y.set(this.chunkPayment);
    this.chunkPayment = y;
  }
}

function byPeriodThenIndex(charges: Charge[]): { periods: Period[]; charged: number[] } {
  let sorted = true;
  for (let i = 1; i < charges.length; i++) {
    if (charges[i].period <= charges[i - 1].period) {
      sorted = false;
      break;
    }
  }
  if (sorted) return { periods: charges.map((c) => c.period), charged: charges.map((c) => c.amount) };
  // several charge lines of a month (e.g. a recalculation) add up
  const sums = new Map<Period, number>();
  for (const c of charges) sums.set(c.period, (sums.get(c.period) ?? 0) + c.amount);
  const periods = [...sums.keys()].sort();
  return { periods, charged: periods.map((p) => sums.get(p)!) };
}

function byDate(payments: Payment[]): Payment[] {
  for (let i = 1; i < payments.length; i++) {
    if (payments[i].date < payments[i - 1].date) {
      // insertion sort: stable (same-day payments keep the input order) and quick for a debtor's few, mostly ordered payments
      const out = payments.slice();
      for (let k = 1; k < out.length; k++) {
        const x = out[k];
        let j = k - 1;
        while (j >= 0 && out[j].date > x.date) {
          out[j + 1] = out[j];
          j--;
        }
        out[j + 1] = x;
      }
      return out;
    }
  }
  return payments;
}

const toMonth = periodToMonth; // a local binding: some loaders turn imported bindings into getters

export function allocateCore(
  charges: Charge[],
  paymentsIn: Payment[],
  ws: AllocationWorkspace = new AllocationWorkspace(),
): CoreAllocation {
  const { periods, charged } = byPeriodThenIndex(charges);
  const n = periods.length;
  ws.reserve(n);
  const months = ws.months;
  const remaining = ws.remaining;
  for (let i = 0; i < n; i++) {
    months[i] = toMonth(periods[i]);
    remaining[i] = charged[i] > 0 ? charged[i] : 0;
  }
  const payments = byDate(paymentsIn);
  ws.chunkCount = 0;
  let oldest = 0; // every period before this index is fully paid
  let overpaid = 0;
  for (let k = 0; k < payments.length; k++) {
    const pay = payments[k];
    let left = pay.amount;
    if (!(left > 0)) continue;
    if (pay.period !== null) {
      // binary search of the named period
      const want = toMonth(pay.period);
      let lo = 0;
      let hi = n - 1;
      while (lo <= hi) {
        const mid = (lo + hi) >> 1;
        if (months[mid] < want) lo = mid + 1;
        else hi = mid - 1;
      }
      if (lo < n && months[lo] === want && remaining[lo] > 0) {
        const take = left < remaining[lo] ? left : remaining[lo];
        ws.pushChunk(lo, take, k);
        remaining[lo] -= take;
        left -= take;
      }
    }
    while (left > 0) {
      while (oldest < n && remaining[oldest] <= 0) oldest++;
      if (oldest >= n) {
        overpaid += left;
        break;
      }
      const take = left < remaining[oldest] ? left : remaining[oldest];
      ws.pushChunk(oldest, take, k);
      remaining[oldest] -= take;
      left -= take;
    }
  }
  for (let i = 0; i < n; i++) if (remaining[i] > 0) ws.pushChunk(i, remaining[i], -1);
  return {
    periods,
    charged,
    chunkCount: ws.chunkCount,
    chunkPeriod: ws.chunkPeriod,
    chunkAmount: ws.chunkAmount,
    chunkPayment: ws.chunkPayment,
    payments,
    overpaid,
  };
}

export function allocatePayments(charges: Charge[], payments: Payment[]): Allocation {
  const core = allocateCore(charges, payments);
  const periods: PeriodAllocation[] = core.periods.map((period, i) => ({
    period,
    charged: core.charged[i],
    chunks: [],
  }));
  for (let c = 0; c < core.chunkCount; c++) {
    const pay = core.chunkPayment[c];
    periods[core.chunkPeriod[c]].chunks.push({
      amount: core.chunkAmount[c],
      paidOn: pay < 0 ? null : core.payments[pay].date,
    });
  }
  return { periods, overpaid: core.overpaid };
}

export interface UnpaidPeriod {
  period: Period;
  amount: Kopecks;
  /** Whether the limitation term of the period has run out (ГК 196, 200): false here, set by the caller. */
  barred: boolean;
}

/**
 * What stays unpaid of each period after the allocation above, oldest first (periods paid in full are left out).
 * The usual input — payments that name no period, positive charges in period order, as month-level ledgers give —
 * takes a fast path: every payment goes to the oldest debt (ГК 319.1 п. 3), so the remainders follow from the sum of
 * payments alone, without building chunks. Any other input goes through allocateCore; both give the same remainders.
 */
export function unpaidByPeriod(charges: Charge[], payments: Payment[]): UnpaidPeriod[] {
  if (!oldestFirstApplies(charges, payments)) return unpaidFromCore(charges, payments);
  let pool = 0;
  for (const p of payments) if (p.amount > 0) pool += p.amount;
  const out: UnpaidPeriod[] = [];
  for (const c of charges) {
    const take = Math.min(pool, c.amount);
    pool -= take;
    const unpaid = c.amount - take;
    if (unpaid <= 0) continue;
    const last = out[out.length - 1];
    if (last && last.period === c.period) last.amount += unpaid;
    else out.push({ period: c.period, amount: unpaid, barred: false });
  }
  return out;
}

/** No payment names a period, every charge is positive and the charges are in period order. */
function oldestFirstApplies(charges: Charge[], payments: Payment[]): boolean {
  for (const p of payments) if (p.period !== null) return false;
  for (let i = 0; i < charges.length; i++) {
    if (!(charges[i].amount > 0)) return false;
    if (i > 0 && charges[i].period < charges[i - 1].period) return false;
  }
  return true;
}

function unpaidFromCore(charges: Charge[], payments: Payment[]): UnpaidPeriod[] {
  const core = allocateCore(charges, payments);
  const unpaid = core.periods.map(() => 0);
  for (let c = 0; c < core.chunkCount; c++) {
    if (core.chunkPayment[c] < 0) unpaid[core.chunkPeriod[c]] += core.chunkAmount[c];
  }
  const out: UnpaidPeriod[] = [];
  for (let i = 0; i < core.periods.length; i++) {
    if (unpaid[i] > 0) out.push({ period: core.periods[i], amount: unpaid[i], barred: false });
  }
  return out;
}
