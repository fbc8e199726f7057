/**
 * ЖКУ penalty (ЖК РФ ст. 155 ч. 14), law-ru.md a.3–a.6. Day d of a chunk's delay is n = d − due (1-based):
 * n ≤ 30 → 0; 31..90 → 1/300; ≥ 91 → 1/130 (payments due before 01.01.2016: 1/300 from day 1); zero inside the
 * moratoria and configured excluded periods. One rate per chunk (the rate on the payment day, or on the rate date
 * for the unpaid part), capped by ПП 474/1681/2479/2382/329; «разбивка по периодам ставки» is an option.
 *
 * No per-day loops: each chunk's days are counted by interval arithmetic. Exact arithmetic: a chunk's penalty is
 * amount × rate(1/100 %) × (13·days₃₀₀ + 30·days₁₃₀) / (3900 × 10 000) kopecks (1/300 = 13/3900, 1/130 = 30/3900);
 * numerators are summed exactly (Number while safe, BigInt beyond) and only the final sums are rounded half up.
 * Never a penalty on a penalty: the base is the principal chunk only.
 */
import {
  addPeriods,
  fromDayNumber,
  toDayNumber,
  formatDateRu,
  formatPeriodRu,
  type IsoDate,
  type Period,
} from "../dates";
import { formatKopecksRu, roundRationalHalfUp, type Kopecks } from "../money";
import type { OutCell } from "../../workbook/port";
import { allocateCore, allocatePayments, type Charge, type Payment } from "./allocation";
import { isoToDay } from "./daynum";
import { dueDayNumber } from "./dueDate";
import { formatRateFull, formatRateShort } from "./format";
import { KEY_RATE_LAST_ROW, penaltyRateOn, rateTimelineIndex, RATE_TIMELINE_BP, RATE_TIMELINE_DAYS } from "./keyRate";
import {
  GRADUATED_PENALTY_FROM_DUE,
  MORATORIA,
  PENALTY_1_300_LAST_DAY,
  PENALTY_FREE_DAYS,
  RATE_CAPS,
  DUE_DAY_RULES,
} from "./rules";

export type { Charge, Payment } from "./allocation";

export interface ExcludedPeriod {
  from: IsoDate;
  to: IsoDate;
  label: string;
}

export interface PenaltySettings {
  /** Count the payment day as a day of delay (law-ru.md a.4: default include). */
  includePaymentDay: boolean;
  /** 01.10.2022 inside the 2022 moratorium (law-ru.md a.3 (2): default true). */
  moratorium2022LastDayInside: boolean;
  /** Moratorium days still advance the 30/90-day counter (law-ru.md a.3 (1): default true). */
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
}

// 1/300 = 13/3900, 1/130 = 30/3900; rates in 1/100 %: denominator 3900 × 100 × 100
const W300 = 13;
const W130 = 30;
export const PENALTY_DENOMINATOR = 3900 * 10_000;
const BIG_DEN = BigInt(PENALTY_DENOMINATOR);
const SAFE = 2 ** 52;

// ---------------------------------------------------------------------------------------------------------------
// zero windows (moratoria + exclusions): sorted, disjoint, labelled

interface ZeroWindow {
  s: number;
  e: number;
  label: string;
}

function disjointWindows(list: ZeroWindow[]): ZeroWindow[] {
  if (list.length <= 1) return list;
  const pts = new Set<number>();
  for (const w of list) {
    pts.add(w.s);
    pts.add(w.e + 1);
  }
  const sorted = [...pts].sort((a, b) => a - b);
  const out: ZeroWindow[] = [];
  for (let i = 0; i + 1 < sorted.length; i++) {
    const s = sorted[i];
    const e = sorted[i + 1] - 1;
    const labels = list.filter((w) => w.s <= s && w.e >= e).map((w) => w.label);
    if (labels.length === 0) continue;
    const label = labels.join("; ");
    const last = out[out.length - 1];
    if (last && last.e + 1 === s && last.label === label) last.e = e;
    else out.push({ s, e, label });
  }
  return out;
}

const MORATORIUM_DAYS = MORATORIA.map((m) => ({
  m,
  s: toDayNumber(m.from),
  eInside: toDayNumber(m.to),
  eOutside: toDayNumber(m.toIfLastDayOutside ?? m.to),
  dueBefore: m.onlyDueBefore ? toDayNumber(m.onlyDueBefore) : Infinity,
}));

/** Per settings: the zero windows for a debt, keyed by which moratoria apply to its due date. */
class WindowSet {
  private cache = new Map<number, ZeroWindow[]>();
  constructor(
    private settings: PenaltySettings,
    private excluded: ZeroWindow[],
  ) {}
  forDue(dueDn: number): ZeroWindow[] {
    let mask = 0;
    for (let i = 0; i < MORATORIUM_DAYS.length; i++) if (dueDn < MORATORIUM_DAYS[i].dueBefore) mask |= 1 << i;
    let w = this.cache.get(mask);
    if (!w) {
      const list: ZeroWindow[] = [...this.excluded];
      MORATORIUM_DAYS.forEach((x, i) => {
        if (mask & (1 << i))
          list.push({
            s: x.s,
            e: this.settings.moratorium2022LastDayInside ? x.eInside : x.eOutside,
            label: x.m.label,
          });
      });
      list.sort((a, b) => a.s - b.s);
      w = disjointWindows(list);
      this.cache.set(mask, w);
    }
    return w;
  }
}

const windowSetCache = new Map<string, WindowSet>();
function windowSetFor(settings: PenaltySettings): WindowSet {
  if (settings.excludedPeriods.length > 0) {
    const excluded = settings.excludedPeriods.map((p) => ({
      s: toDayNumber(p.from),
      e: toDayNumber(p.to),
      label: p.label,
    }));
    return new WindowSet(settings, excluded);
  }
  const key = settings.moratorium2022LastDayInside ? "in" : "out";
  let ws = windowSetCache.get(key);
  if (!ws) windowSetCache.set(key, (ws = new WindowSet(settings, [])));
  return ws;
}

// ---------------------------------------------------------------------------------------------------------------
// segmentation of one chunk's delay [due+1, end] into bands × windows

type Emit = (a: number, b: number, frac: 300 | 130, label: string | null) => void;

const GRADUATED_FROM_DAY = toDayNumber(GRADUATED_PENALTY_FROM_DUE);
// local copies: module bindings of imported constants can be getters under some loaders (hot path)
const FREE_DAYS = PENALTY_FREE_DAYS;
const LAST_1_300_DAY = PENALTY_1_300_LAST_DAY;

function firstWindowFrom(w: ZeroWindow[], day: number): number {
  let i = 0;
  while (i < w.length && w[i].e < day) i++;
  return i;
}

/** Default: moratorium days advance the counter — bands are fixed calendar ranges, windows cut holes in them. */
function segmentsCalendar(due: number, end: number, graduated: boolean, w: ZeroWindow[], emit: Emit): void {
  for (let band = 0; band < 2; band++) {
    let a: number;
    let b: number;
    let f: 300 | 130;
    if (!graduated) {
      if (band === 1) break;
      a = due + 1;
      b = end;
      f = 300;
    } else if (band === 0) {
      a = due + FREE_DAYS + 1;
      b = Math.min(due + LAST_1_300_DAY, end);
      f = 300;
    } else {
      a = due + LAST_1_300_DAY + 1;
      b = end;
      f = 130;
    }
    if (a > b) continue;
    let cur = a;
    let i = firstWindowFrom(w, cur);
    while (cur <= b) {
      if (i < w.length && w[i].s <= b) {
        const ws = Math.max(w[i].s, cur);
        const we = Math.min(w[i].e, b);
        if (ws > cur) emit(cur, ws - 1, f, null);
        emit(ws, we, f, w[i].label);
        cur = we + 1;
        i++;
      } else {
        emit(cur, b, f, null);
        break;
      }
    }
  }
}

function bandAtCount(n: number, graduated: boolean): 0 | 300 | 130 {
  if (!graduated) return 300;
  return n <= FREE_DAYS ? 0 : n <= LAST_1_300_DAY ? 300 : 130;
}

/** Days [a, b] that are counted days c+1 … c+len of the delay. */
function emitCounted(a: number, b: number, c: number, graduated: boolean, emit: Emit): void {
  const len = b - a + 1;
  if (!graduated) {
    emit(a, b, 300, null);
    return;
  }
  const x1 = Math.max(FREE_DAYS + 1, c + 1);
  const y1 = Math.min(LAST_1_300_DAY, c + len);
  if (x1 <= y1) emit(a + x1 - c - 1, a + y1 - c - 1, 300, null);
  const x2 = Math.max(LAST_1_300_DAY + 1, c + 1);
  const y2 = c + len;
  if (x2 <= y2) emit(a + x2 - c - 1, a + y2 - c - 1, 130, null);
}

/** Option: moratorium days do not advance the 30/90-day counter (the counter pauses inside a window). */
function segmentsPaused(due: number, end: number, graduated: boolean, w: ZeroWindow[], emit: Emit): void {
  let c = 0;
  let cur = due + 1;
  let i = firstWindowFrom(w, cur);
  while (cur <= end) {
    const win = i < w.length && w[i].s <= end ? w[i] : null;
    const activeEnd = win ? Math.max(cur, win.s) - 1 : end;
    if (activeEnd >= cur) {
      emitCounted(cur, activeEnd, c, graduated, emit);
      c += activeEnd - cur + 1;
    }
    if (!win) break;
    const zs = Math.max(win.s, cur);
    const ze = Math.min(win.e, end);
    const f = bandAtCount(c + 1, graduated);
    if (f !== 0) emit(zs, ze, f, win.label);
    cur = ze + 1;
    i++;
  }
}

// ---------------------------------------------------------------------------------------------------------------
// exact sums

class ExactSum {
  num = 0;
  big: bigint | null = null;
  add(x: number | bigint): void {
    if (typeof x === "bigint") {
      this.big = (this.big ?? BigInt(this.num)) + x;
      this.num = 0;
      return;
    }
    if (this.big !== null) {
      this.big += BigInt(x);
      return;
    }
    const s = this.num + x;
    if (s < SAFE) this.num = s;
    else {
      this.big = BigInt(this.num) + BigInt(x);
      this.num = 0;
    }
  }
  addSum(o: ExactSum): void {
    this.add(o.big ?? o.num);
  }
  value(): number | bigint {
    return this.big ?? this.num;
  }
}

/** Kopecks for numerator / PENALTY_DENOMINATOR, rounded half up. */
function roundNumerator(n: number | bigint): Kopecks {
  if (typeof n === "number")
    return n < SAFE / 2
      ? Math.floor((2 * n + PENALTY_DENOMINATOR) / (2 * PENALTY_DENOMINATOR))
      : roundRationalHalfUp(BigInt(n), BIG_DEN);
  return roundRationalHalfUp(n, BIG_DEN);
}

function mul3(a: number, b: number, c: number): number | bigint {
  const x = a * b * c;
  return x < SAFE ? x : BigInt(a) * BigInt(b) * BigInt(c);
}

// ---------------------------------------------------------------------------------------------------------------
// totals

let fastWeighted = 0; // single mode: Σ len × weight
let fastSplitNum = 0; // split mode: Σ amount × len × weight × bp (Number; overflow checked by the caller)
let fastAmount = 0;
let splitAcc: ExactSum | null = null; // split mode in the exact (BigInt-capable) pass

function splitSum(amount: number, a: number, b: number, weight: number, acc: ExactSum | null): void {
  let i = rateTimelineIndex(a);
  let cur = a;
  while (cur <= b) {
    const j = sameRateUntil(i);
    const next = j + 1 < TIMELINE_LEN ? TIMELINE_DAYS[j + 1] : Infinity;
    const segEnd = Math.min(b, next - 1);
    if (acc) acc.add(mul3(amount, (segEnd - cur + 1) * weight, TIMELINE_BP[i]));
    else fastSplitNum += amount * (segEnd - cur + 1) * weight * TIMELINE_BP[i];
    cur = segEnd + 1;
    i = j + 1;
  }
}

/** The last timeline index from i on whose rate equals point i's (a cap can hide a key-rate change). */
function sameRateUntil(i: number): number {
  let j = i;
  while (j + 1 < TIMELINE_LEN && TIMELINE_BP[j + 1] === TIMELINE_BP[i]) j++;
  return j;
}

const TIMELINE_DAYS = RATE_TIMELINE_DAYS;
// local bindings for the hot path (some loaders turn imported bindings into getters)
const dayOf = isoToDay;
const dueOf = dueDayNumber;
const rateIndex = rateTimelineIndex;
const allocate = allocateCore;
let dueScratch = new Float64Array(64);
let sumScratch = new Float64Array(64);
const TIMELINE_BP = RATE_TIMELINE_BP;
const TIMELINE_LEN = RATE_TIMELINE_DAYS.length;

const emitSingle: Emit = (a, b, f, label) => {
  if (label === null) fastWeighted += (b - a + 1) * (f === 300 ? W300 : W130);
};
const emitSplit: Emit = (a, b, f, label) => {
  if (label === null) splitSum(fastAmount, a, b, f === 300 ? W300 : W130, splitAcc);
};

function normalise(settings?: Partial<PenaltySettings>): PenaltySettings {
  if (!settings) return DEFAULT_PENALTY_SETTINGS;
  const s: PenaltySettings = { ...DEFAULT_PENALTY_SETTINGS };
  for (const k of Object.keys(settings) as (keyof PenaltySettings)[]) {
    if (settings[k] !== undefined) (s as unknown as Record<string, unknown>)[k] = settings[k];
  }
  return s;
}

interface Prepared {
  settings: PenaltySettings;
  charges: Charge[];
  /** Payments up to the calculation date. */
  payments: Payment[];
  asOfDn: number;
  unpaidRateDn: number;
  windows: WindowSet;
}

function prepare(input: PenaltyInput): Prepared {
  const settings = normalise(input.settings);
  const asOfDn = isoToDay(input.asOf);
  // payments after the calculation date do not exist yet for this calculation
  let payments = input.payments;
  for (let i = 0; i < payments.length; i++) {
    if (payments[i].date > input.asOf) {
      payments = payments.filter((p) => p.date <= input.asOf);
      break;
    }
  }
  return {
    settings,
    charges: input.charges,
    payments,
    asOfDn,
    unpaidRateDn: settings.rateDateForUnpaid ? isoToDay(settings.rateDateForUnpaid) : asOfDn,
    windows: windowSetFor(settings),
  };
}

function chunkEnd(p: Prepared, paidDn: number): number {
  if (paidDn < 0) return p.asOfDn;
  return p.settings.includePaymentDay ? paidDn : paidDn - 1;
}

interface Totals {
  periods: Period[];
  /** Exact numerators per period (over PENALTY_DENOMINATOR). */
  sums: (number | bigint)[];
  total: number | bigint;
  overpaid: Kopecks;
}

/**
 * Totals in plain Numbers (exact while every numerator stays below 2^52); returns null on overflow so that the
 * caller can redo the account with BigInt-capable sums.
 */
function totals(p: Prepared, exact: boolean): Totals | null {
  const { settings } = p;
  const pause = !settings.moratoriumDaysAdvanceCounter;
  const split = settings.rateMode === "split";
  const segments = pause ? segmentsPaused : segmentsCalendar;
  const unpaidBp = TIMELINE_BP[rateIndex(p.unpaidRateDn)];
  const core = allocate(p.charges, p.payments);
  const n = core.periods.length;
  if (n > dueScratch.length) {
    dueScratch = new Float64Array(n * 2);
    sumScratch = new Float64Array(n * 2);
  }
  const due = dueScratch;
  for (let i = 0; i < n; i++) due[i] = dueOf(core.periods[i], settings.contractDay);
  const fast = exact ? null : sumScratch;
  if (fast) fast.fill(0, 0, n);
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
      fastAmount = amount;
      fastSplitNum = 0;
      splitAcc = big ? big[pi] : null;
      segments(d, end, graduated, windows, emitSplit);
      splitAcc = null;
      if (big) continue;
      num = fastSplitNum;
    } else {
      fastWeighted = 0;
      segments(d, end, graduated, windows, emitSingle);
      if (fastWeighted === 0) continue;
      const bp = paidDn < 0 ? unpaidBp : TIMELINE_BP[rateIndex(paidDn)];
      num = big ? mul3(amount, bp, fastWeighted) : amount * bp * fastWeighted;
      if (big) {
        big[pi].add(num);
        continue;
      }
    }
    const sum = fast![pi] + (num as number);
    if (!(sum < SAFE)) return null;
    fast![pi] = sum;
  }
  let total: number | bigint = 0;
  if (fast) {
    for (let i = 0; i < n; i++) total += fast[i];
    if (!(total < SAFE)) return null;
    return { periods: core.periods, sums: Array.from(fast.subarray(0, n)), total, overpaid: core.overpaid };
  }
  const t = new ExactSum();
  for (const s of big!) t.addSum(s);
  return { periods: core.periods, sums: big!.map((s) => s.value()), total: t.value(), overpaid: core.overpaid };
}

/** The result; the table rows, the per-period map and the texts are computed on first access. */
class Result implements PenaltyResult {
  readonly asOf: IsoDate;
  readonly total: Kopecks;
  readonly settings: PenaltySettings;
  readonly overpaid: Kopecks;
  private cachedByPeriod: Map<Period, Kopecks> | null = null;
  private cachedRows: PenaltyRow[] | null = null;
  private cachedNotes: string[] | null = null;
  private cachedAssumptions: string[] | null = null;
  constructor(
    private readonly p: Prepared,
    private readonly t: Totals,
    asOf: IsoDate,
  ) {
    this.asOf = asOf;
    this.total = roundNumerator(t.total);
    this.settings = p.settings;
    this.overpaid = t.overpaid;
  }
  get byPeriod(): Map<Period, Kopecks> {
    return (this.cachedByPeriod ??= new Map(
      this.t.periods.map((period, i) => [period, roundNumerator(this.t.sums[i])]),
    ));
  }
  get rows(): PenaltyRow[] {
    return (this.cachedRows ??= detailRows(this.p));
  }
  get assumptions(): string[] {
    return (this.cachedAssumptions ??= assumptionLines(this.p.settings, this.asOf));
  }
  get rateNotes(): string[] {
    return (this.cachedNotes ??= rateNoteLines(this.p, this.rows));
  }
}

export function calculatePenalty(input: PenaltyInput): PenaltyResult {
  const p = prepare(input);
  const t = totals(p, false) ?? totals(p, true)!;
  return new Result(p, t, input.asOf);
}

// ---------------------------------------------------------------------------------------------------------------
// the detailed pass (rows for the court's table)

const isoCache = new Map<number, IsoDate>();
function iso(day: number): IsoDate {
  let s = isoCache.get(day);
  if (s === undefined) {
    s = fromDayNumber(day);
    if (isoCache.size < 50_000) isoCache.set(day, s);
  }
  return s;
}

function detailRows(p: Prepared): PenaltyRow[] {
  const { settings } = p;
  const pause = !settings.moratoriumDaysAdvanceCounter;
  const split = settings.rateMode === "split";
  const segments = pause ? segmentsPaused : segmentsCalendar;
  const rows: PenaltyRow[] = [];
  for (const per of allocatePayments(p.charges, p.payments).periods) {
    const due = dueDayNumber(per.period, settings.contractDay);
    const graduated = due >= GRADUATED_FROM_DAY;
    const windows = p.windows.forDue(due);
    for (const ch of per.chunks) {
      if (ch.amount <= 0) continue;
      const paidDn = ch.paidOn === null ? -1 : isoToDay(ch.paidOn);
      const end = chunkEnd(p, paidDn);
      if (end <= due) continue;
      const rateDn = paidDn < 0 ? p.unpaidRateDn : paidDn;
      const chunkBp = RATE_TIMELINE_BP[rateTimelineIndex(rateDn)];
      const push = (a: number, b: number, f: 300 | 130, label: string | null, bp: number, rateDay: number) => {
        const days = b - a + 1;
        const num = label === null ? mul3(ch.amount, bp, days * (f === 300 ? W300 : W130)) : 0;
        const fraction: Fraction = f === 300 ? "1/300" : "1/130";
        rows.push({
          period: per.period,
          principal: ch.amount,
          from: iso(a),
          to: iso(b),
          days,
          fraction,
          ratePercent: bp / 100,
          moratorium: label,
          penaltyExact: Number(num) / PENALTY_DENOMINATOR,
          penalty: roundNumerator(num),
          formula:
            label === null
              ? `${formatKopecksRu(ch.amount)} × ${days} × ${fraction} × ${formatRateShort(bp)}%`
              : `${label}: пени не начисляются`,
          dueDate: iso(due),
          paidOn: ch.paidOn,
          rateDate: iso(rateDay),
        });
      };
      segments(due, end, graduated, windows, (a, b, f, label) => {
        if (!split || label !== null) {
          push(a, b, f, label, split ? RATE_TIMELINE_BP[rateTimelineIndex(a)] : chunkBp, split ? a : rateDn);
          return;
        }
        let i = rateTimelineIndex(a);
        let cur = a;
        while (cur <= b) {
          const j = sameRateUntil(i);
          const next = j + 1 < TIMELINE_LEN ? TIMELINE_DAYS[j + 1] : Infinity;
          const segEnd = Math.min(b, next - 1);
          push(cur, segEnd, f, null, TIMELINE_BP[i], cur);
          cur = segEnd + 1;
          i = j + 1;
        }
      });
    }
  }
  return rows;
}

// ---------------------------------------------------------------------------------------------------------------
// texts

/** «по дате ставки 28.02.2022–31.07.2022 — 9,5%, 01.08.2022–31.12.2026 — меньшая из 9,5% и ключевой (ПП РФ № 474, 1681, 2479, 2382, 329)» */
function capSummary(): string {
  const parts: string[] = [];
  let i = 0;
  while (i < RATE_CAPS.length) {
    let j = i;
    while (
      j + 1 < RATE_CAPS.length &&
      RATE_CAPS[j + 1].mode === RATE_CAPS[i].mode &&
      RATE_CAPS[j + 1].capBp === RATE_CAPS[i].capBp
    )
      j++;
    const cap = formatRateShort(RATE_CAPS[i].capBp);
    parts.push(
      `${formatDateRu(RATE_CAPS[i].from)}–${formatDateRu(RATE_CAPS[j].to)} — ${RATE_CAPS[i].mode === "fixed" ? `${cap}%` : `меньшая из ${cap}% и ключевой`}`,
    );
    i = j + 1;
  }
  const numbers = [...new Set(RATE_CAPS.flatMap((c) => [...c.act.matchAll(/№ (\d+)/g)].map((m) => m[1])))];
  return `ставка ограничена по дате ставки: ${parts.join("; ")} (ПП РФ № ${numbers.join(", ")})`;
}

function assumptionLines(s: PenaltySettings, asOf: IsoDate): string[] {
  const lines: string[] = [];
  lines.push(
    `Расчёт на ${formatDateRu(asOf)} по ЖК РФ ст. 155 ч. 14: 30 дней без пени, с 31-го по 90-й день — 1/300 ставки, с 91-го дня — 1/130; по платежам со сроком оплаты до 01.01.2016 — 1/300 с первого дня просрочки.`,
  );
  const newRule = DUE_DAY_RULES[DUE_DAY_RULES.length - 1];
  lines.push(
    s.contractDay
      ? `Срок оплаты: до ${s.contractDay}-го числа следующего месяца по договору (за периоды по ${formatPeriodRu(addPeriods(newRule.fromPeriod, -1))} включительно), с платы за ${formatPeriodRu(newRule.fromPeriod)} — до ${newRule.day}-го (177-ФЗ); нерабочий день переносится на следующий рабочий (ГК РФ ст. 193).`
      : `Срок оплаты: до 10-го числа следующего месяца (ЖК РФ ст. 155 ч. 1), с платы за ${formatPeriodRu(newRule.fromPeriod)} — до ${newRule.day}-го (177-ФЗ); нерабочий день переносится на следующий рабочий (ГК РФ ст. 193).`,
  );
  lines.push(
    s.includePaymentDay
      ? "День оплаты включается в период просрочки."
      : "День оплаты не включается в период просрочки.",
  );
  lines.push(
    "Оплата без указания периода засчитывается в самый ранний неоплаченный период (ГК РФ ст. 319.1); на пени оплата не направляется.",
  );
  lines.push(
    s.rateMode === "single"
      ? `Ставка: единая для каждой суммы — действующая на день оплаты, для неоплаченного остатка — на ${formatDateRu(s.rateDateForUnpaid ?? asOf)} (ЖК РФ ст. 155 ч. 14).`
      : "Ставка: разбивка по периодам ставки — для каждого подпериода ставка, действовавшая в эти дни (альтернативный способ; ЖК РФ ст. 155 ч. 14 предусматривает единую ставку на день оплаты).",
  );
  lines.push(
    `Ставка до 01.01.2016 — ставка рефинансирования 8,25%, с 01.01.2016 — ключевая ставка Банка России; ${capSummary()}.`,
  );
  lines.push("Мораторий 06.04.2020–31.12.2020 (ПП РФ № 424): пени не начисляются по всем долгам.");
  lines.push(
    `Мораторий 01.04.2022–${s.moratorium2022LastDayInside ? "01.10.2022 включительно" : "30.09.2022 (01.10.2022 — вне моратория)"} (ПП РФ № 497): пени не начисляются по долгам со сроком оплаты до 01.04.2022.`,
  );
  lines.push(
    s.moratoriumDaysAdvanceCounter
      ? "Дни моратория учитываются в счёте 30/90 дней просрочки."
      : "Дни моратория не учитываются в счёте 30/90 дней просрочки.",
  );
  for (const e of s.excludedPeriods)
    lines.push(`Исключённый период ${formatDateRu(e.from)}–${formatDateRu(e.to)}: ${e.label} — пени не начисляются.`);
  lines.push(
    "Пени начисляются только на основной долг, не на пени; итог округлён от точной суммы (до копейки, половина вверх).",
  );
  return lines;
}

function rateNoteLines(p: Prepared, rows: PenaltyRow[]): string[] {
  const notes: string[] = [];
  const seen = new Set<string>();
  const add = (key: string, text: string) => {
    if (!seen.has(key)) {
      seen.add(key);
      notes.push(text);
    }
  };
  const unpaidDate = iso(p.unpaidRateDn);
  const describe = (date: IsoDate) => {
    const r = penaltyRateOn(date);
    const base =
      r.source === "refinancing"
        ? `ставка рефинансирования ${formatRateFull(r.rawBp)}%`
        : `ключевая ставка ${formatRateFull(r.rawBp)}% (действует с ${formatDateRu(r.since)})`;
    const cap =
      r.cap && r.bp !== r.rawBp
        ? `; применено ${formatRateShort(r.bp)}% (${r.cap.act})`
        : r.cap
          ? `; ограничение ${r.cap.act} не снижает ставку`
          : "";
    return base + cap;
  };
  if (p.settings.rateMode === "single" && rows.some((r) => r.paidOn === null && r.moratorium === null)) {
    add("unpaid", `Ставка для неоплаченного остатка на ${formatDateRu(unpaidDate)}: ${describe(unpaidDate)}.`);
  }
  for (const r of rows) {
    if (r.moratorium !== null) continue;
    const info = penaltyRateOn(r.rateDate);
    // in the split mode a row's days after the last table row use that row too
    if (info.beyondTable || (p.settings.rateMode === "split" && r.to > KEY_RATE_LAST_ROW.date)) {
      add(
        "beyond",
        `Ставка ${formatRateFull(KEY_RATE_LAST_ROW.bp)}% действует с ${formatDateRu(KEY_RATE_LAST_ROW.date)} — последняя строка таблицы; проверьте, не изменилась ли она.`,
      );
    }
    if (info.cap && info.bp !== info.rawBp)
      add(
        `cap:${info.cap.act}:${info.rawBp}`,
        `${info.cap.act}: вместо ${formatRateFull(info.rawBp)}% применено ${formatRateShort(info.bp)}%.`,
      );
  }
  return notes;
}

// ---------------------------------------------------------------------------------------------------------------
// the «Расчёт пени» sheet

export function penaltyTableSheet(result: PenaltyResult, title: string): OutCell[][] {
  const out: OutCell[][] = [];
  out.push([title]);
  out.push([`Расчёт пени на ${formatDateRu(result.asOf)}`]);
  for (const a of result.assumptions) out.push([a]);
  for (const n of result.rateNotes) out.push([n]);
  out.push([]);
  out.push([
    "Период",
    "Срок оплаты",
    "Сумма долга",
    "С",
    "По",
    "Дней",
    "Доля ставки",
    "Ставка, %",
    "Мораторий",
    "Формула",
    "Пени",
  ]);
  for (const r of result.rows) {
    out.push([
      formatPeriodRu(r.period),
      { kind: "date", date: r.dueDate },
      { kind: "money", kopecks: r.principal },
      { kind: "date", date: r.from },
      { kind: "date", date: r.to },
      r.days,
      r.fraction,
      r.ratePercent,
      r.moratorium ?? "",
      r.formula,
      { kind: "money", kopecks: r.penalty },
    ]);
  }
  out.push([]);
  for (const [period, kop] of result.byPeriod) {
    if (kop !== 0)
      out.push([
        `Итого за ${formatPeriodRu(period)}`,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        { kind: "money", kopecks: kop },
      ]);
  }
  out.push([
    "Итого пени (итог округлён от точной суммы)",
    null,
    null,
    null,
    null,
    null,
    null,
    null,
    null,
    null,
    { kind: "money", kopecks: result.total },
  ]);
  return out;
}
