/** Russian number formatting for the law engine's texts (rates, fractions). */

/** 950 → "9,5"; 1400 → "14"; 825 → "8,25" — the short form used in formulas. */
export function formatRateShort(bp: number): string {
  const whole = Math.floor(bp / 100);
  const frac = bp % 100;
  if (frac === 0) return String(whole);
  return `${whole},${frac % 10 === 0 ? String(frac / 10) : String(frac).padStart(2, "0")}`;
}

/** 1400 → "14,00" — the full form used in notes. */
export function formatRateFull(bp: number): string {
  return `${Math.floor(bp / 100)},${String(bp % 100).padStart(2, "0")}`;
}
