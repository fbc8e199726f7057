/**
 * Fast ISO date / period → number conversions for the penalty hot path (no Date objects, no string splitting).
 * Same results as dates.ts toDayNumber / period arithmetic; the inputs are assumed valid (checked at the edge).
 */

const c0 = 48; // "0"

/** "YYYY-MM-DD" → days since 1970-01-01 (proleptic Gregorian, H. Hinnant's days_from_civil). */
export function isoToDay(s: string): number {
  let y =
    (s.charCodeAt(0) - c0) * 1000 + (s.charCodeAt(1) - c0) * 100 + (s.charCodeAt(2) - c0) * 10 + (s.charCodeAt(3) - c0);
  const m = (s.charCodeAt(5) - c0) * 10 + (s.charCodeAt(6) - c0);
  const d = (s.charCodeAt(8) - c0) * 10 + (s.charCodeAt(9) - c0);
  if (m <= 2) y -= 1;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

/** "YYYY-MM" (or a longer ISO date) → months since year 0 (y × 12 + m − 1). */
export function periodToMonth(s: string): number {
  const y =
    (s.charCodeAt(0) - c0) * 1000 + (s.charCodeAt(1) - c0) * 100 + (s.charCodeAt(2) - c0) * 10 + (s.charCodeAt(3) - c0);
  const m = (s.charCodeAt(5) - c0) * 10 + (s.charCodeAt(6) - c0);
  return y * 12 + m - 1;
}
