/**
 * The rate for ЖКУ penalties (ЖК 155 ч. 14; docs/law.md, § 2.2–2.3): the refinancing rate (8.25 %) for rate dates
 * before 01.01.2016, the key rate (key-rate-ru.csv) from then on; the ПП 474/1681/2479/2382/329 caps applied by
 * rate date. A rate stays in force until changed, so a date after the table's last row uses that row and says so.
 */
import { fromDayNumber, toDayNumber, type IsoDate } from "../dates";
import { KEY_RATE_ROWS } from "./tables";
import { KEY_RATE_FROM, RATE_CAPS, REFINANCING_RATE, type RateCap } from "./rules";

const KEY_DAYS = KEY_RATE_ROWS.map((r) => r.day);
const KEY_FROM_DAY = toDayNumber(KEY_RATE_FROM);
const REFINANCING_FROM_DAY = toDayNumber(REFINANCING_RATE.from);
const LAST_ROW = KEY_RATE_ROWS[KEY_RATE_ROWS.length - 1];

/** Index of the last element of a sorted array that is ≤ x, or −1. */
function floorIndex(sorted: ArrayLike<number>, x: number): number {
  let lo = 0;
  let hi = sorted.length - 1;
  let ans = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (sorted[mid] <= x) {
      ans = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return ans;
}

export interface RateOn {
  percent: number;
  /** Hundredths of a percent (exact). */
  bp: number;
  since: IsoDate;
  source: "refinancing" | "key";
  /** The date is after the table's last row: the last row is used (a rate stays in force until changed). */
  beyondTable: boolean;
}

function rawRateAtDay(day: number): {
  bp: number;
  sinceDay: number;
  source: "refinancing" | "key";
  beyondTable: boolean;
} {
  if (day < KEY_FROM_DAY)
    return { bp: REFINANCING_RATE.bp, sinceDay: REFINANCING_FROM_DAY, source: "refinancing", beyondTable: false };
  const i = floorIndex(KEY_DAYS, day);
  const row = KEY_RATE_ROWS[i];
  // the refinancing rate became equal to the key rate on 01.01.2016 — that is when this value took effect for ч. 14
  return { bp: row.bp, sinceDay: Math.max(row.day, KEY_FROM_DAY), source: "key", beyondTable: day > LAST_ROW.day };
}

/** The statutory (uncapped) rate in force on a date. */
export function rateOn(date: IsoDate): RateOn {
  const r = rawRateAtDay(toDayNumber(date));
  return {
    percent: r.bp / 100,
    bp: r.bp,
    since: fromDayNumber(r.sinceDay),
    source: r.source,
    beyondTable: r.beyondTable,
  };
}

export const KEY_RATE_LAST_ROW = { date: LAST_ROW.effectiveFrom, bp: LAST_ROW.bp, percent: LAST_ROW.bp / 100 };

// ---- the capped rate, as a timeline of change points (used by the single-rate lookup and by the split mode) ----

const CAP_RANGES = RATE_CAPS.map((c) => ({ cap: c, from: toDayNumber(c.from), to: toDayNumber(c.to) }));

function capAtDay(day: number): RateCap | null {
  for (const c of CAP_RANGES) if (day >= c.from && day <= c.to) return c.cap;
  return null;
}

function capped(rawBp: number, cap: RateCap | null): number {
  if (!cap) return rawBp;
  return cap.mode === "fixed" ? cap.capBp : Math.min(cap.capBp, rawBp);
}

const points = new Set<number>([REFINANCING_FROM_DAY, KEY_FROM_DAY]);
for (const r of KEY_RATE_ROWS) if (r.day > KEY_FROM_DAY) points.add(r.day);
for (const c of CAP_RANGES) {
  points.add(c.from);
  points.add(c.to + 1);
}
const sortedPoints = [...points].sort((a, b) => a - b);

/** Day numbers where the penalty rate (capped) may change, and the values from each point on. */
export const RATE_TIMELINE_DAYS: readonly number[] = sortedPoints;
export const RATE_TIMELINE_BP: readonly number[] = sortedPoints.map((d) => capped(rawRateAtDay(d).bp, capAtDay(d)));
const TIMELINE_RAW_BP = sortedPoints.map((d) => rawRateAtDay(d).bp);
const TIMELINE_CAP = sortedPoints.map((d) => capAtDay(d));

export interface PenaltyRate {
  /** The rate used, hundredths of a percent. */
  bp: number;
  /** The statutory rate before the cap. */
  rawBp: number;
  cap: RateCap | null;
  since: IsoDate;
  source: "refinancing" | "key";
  beyondTable: boolean;
}

/** Index into RATE_TIMELINE_* for a day (dates before the first point use the first point). */
export function rateTimelineIndex(day: number): number {
  return Math.max(0, floorIndex(RATE_TIMELINE_DAYS, day));
}

/** The penalty rate on a rate date with its explanation (ЖК 155 ч. 14 + the caps). */
export function penaltyRateOn(date: IsoDate): PenaltyRate {
  const day = toDayNumber(date);
  const i = rateTimelineIndex(day);
  const raw = rawRateAtDay(day);
  return {
    bp: RATE_TIMELINE_BP[i],
    rawBp: TIMELINE_RAW_BP[i],
    cap: TIMELINE_CAP[i],
    since: fromDayNumber(raw.sinceDay),
    source: raw.source,
    beyondTable: raw.beyondTable,
  };
}
