/**
 * The penalty totals by period without building table rows — the pass candidate selection runs for every account.
 * Payments are allocated by ГК 319.1 (law/allocation.ts); each chunk's delay is segmented (segments.ts) and its
 * weighted days summed exactly (exactSum.ts). The running sums live in the sink objects made per call, not in module
 * state, so calls never share an accumulator.
 */
import type { Period } from "../../dates";
import type { Kopecks } from "../../money";
import { allocateCore } from "../allocation";
import { isoToDay } from "../daynum";
import { dueDayNumber } from "../dueDate";
import { rateTimelineIndex } from "../keyRate";
import { ExactSum, mul3, SAFE, W130, W300 } from "./exactSum";
import { chunkEnd, type Prepared } from "./prepare";
import {
  FREE_DAYS,
  GRADUATED_FROM_DAY,
  sameRateUntil,
  segmentsCalendar,
  segmentsPaused,
  TIMELINE_BP,
  TIMELINE_DAYS,
  TIMELINE_LEN,
  type SegmentSink,
} from "./segments";

// local bindings for the hot path (some loaders turn imported bindings into getters)
const dayOf = isoToDay;
const dueOf = dueDayNumber;
const rateIndex = rateTimelineIndex;
const allocate = allocateCore;

export interface Totals {
  periods: Period[];
  /** Exact numerators per period (over PENALTY_DENOMINATOR). */
  sums: (number | bigint)[];
  total: number | bigint;
  overpaid: Kopecks;
}

/** Single rate per chunk (ЖК 155 ч. 14): only the weighted day count matters; the rate multiplies it once. */
class SingleRateSink implements SegmentSink {
  weighted = 0;
  segment(a: number, b: number, frac: 300 | 130, label: string | null): void {
    if (label === null) this.weighted += (b - a + 1) * (frac === 300 ? W300 : W130);
  }
}

/** «Разбивка по периодам ставки»: each run of days at its own rate; Number sums, or exact ones when `exact` is set. */
class SplitRateSink implements SegmentSink {
  amount = 0;
  num = 0;
  exact: ExactSum | null = null;
  segment(a: number, b: number, frac: 300 | 130, label: string | null): void {
    if (label !== null) return;
    const weight = frac === 300 ? W300 : W130;
    let i = rateIndex(a);
    let cur = a;
    while (cur <= b) {
      const j = sameRateUntil(i);
      const next = j + 1 < TIMELINE_LEN ? TIMELINE_DAYS[j + 1] : Infinity;
      const segEnd = Math.min(b, next - 1);
      if (this.exact) this.exact.add(mul3(this.amount, (segEnd - cur + 1) * weight, TIMELINE_BP[i]));
      else this.num += this.amount * (segEnd - cur + 1) * weight * TIMELINE_BP[i];
      cur = segEnd + 1;
      i = j + 1;
    }
  }
}

/**
 * Totals in plain Numbers (exact while every numerator stays below 2^52; `exact` false) — null on overflow so that
 * the caller redoes the account with BigInt-capable sums (`exact` true). One loop for both modes keeps the hot path
 * in one function (longer than usual for that reason).
 */
export function totals(p: Prepared, exact: boolean): Totals | null {
  const { settings } = p;
  const pause = !settings.moratoriumDaysAdvanceCounter;
  const segments = pause ? segmentsPaused : segmentsCalendar;
  const unpaidBp = TIMELINE_BP[rateIndex(p.unpaidRateDn)];
  const single = settings.rateMode === "split" ? null : new SingleRateSink();
  const split = single ? null : new SplitRateSink();
  const core = allocate(p.charges, p.payments, p.workspace);
  const n = core.periods.length;
  const due: number[] = [];
  for (let i = 0; i < n; i++) due.push(dueOf(core.periods[i], settings.contractDay));
  const fast: number[] | null = exact ? null : [];
  if (fast) for (let i = 0; i < n; i++) fast.push(0);
  const big: ExactSum[] | null = exact ? core.periods.map(() => new ExactSum()) : null;
  for (let c = 0; c < core.chunkCount; c++) {
    const amount = core.chunkAmount[c];
    if (amount <= 0) continue;
    const pi = core.chunkPeriod[c];
    const d = due[pi];
    const pay = core.chunkPayment[c];
    const paidDn = pay < 0 ? -1 : dayOf(core.payments[pay].date);
    const end = chunkEnd(p, paidDn);
    const graduated = d >= GRADUATED_FROM_DAY;
    if (end < (graduated && !pause ? d + FREE_DAYS + 1 : d + 1)) continue;
    const windows = p.windows.forDue(d);
    let num: number | bigint;
    if (split) {
      split.amount = amount;
      split.num = 0;
      split.exact = big ? big[pi] : null;
      segments(d, end, graduated, windows, split);
      if (big) continue;
      num = split.num;
    } else {
      single!.weighted = 0;
      segments(d, end, graduated, windows, single!);
      if (single!.weighted === 0) continue;
      const bp = paidDn < 0 ? unpaidBp : TIMELINE_BP[rateIndex(paidDn)];
      num = big ? mul3(amount, bp, single!.weighted) : amount * bp * single!.weighted;
      if (big) {
        big[pi].add(num);
        continue;
      }
    }
    const sum = fast![pi] + (num as number);
    if (!(sum < SAFE)) return null;
    fast![pi] = sum;
  }
  if (fast) {
    let total = 0;
    for (let i = 0; i < n; i++) total += fast[i];
    if (!(total < SAFE)) return null;
    return { periods: core.periods, sums: fast, total, overpaid: core.overpaid };
  }
  const t = new ExactSum();
  for (const s of big!) t.addSum(s);
  return { periods: core.periods, sums: big!.map((s) => s.value()), total: t.value(), overpaid: core.overpaid };
}
