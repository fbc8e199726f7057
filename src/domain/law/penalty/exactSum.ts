/**
 * Exact penalty arithmetic. 1/300 = 13/3900 and 1/130 = 30/3900, rates are in 1/100 %, so a chunk's penalty is
 * amount × rate × (13·days₃₀₀ + 30·days₁₃₀) / (3900 × 10 000) kopecks: numerators are summed exactly (Number while
 * safe, BigInt beyond) and only the final sums are rounded half up.
 */
import { roundRationalHalfUp, type Kopecks } from "../../money";

/** Weights of the fractions over 3900: 1/300 = 13/3900, 1/130 = 30/3900. */
export const W300 = 13;
export const W130 = 30;
export const PENALTY_DENOMINATOR = 3900 * 10_000;
const BIG_DEN = BigInt(PENALTY_DENOMINATOR);
/** Sums stay exact in a Number below this bound. */
export const SAFE = 2 ** 52;

/** A sum of numerators that switches to BigInt once it would leave the exact Number range. */
export class ExactSum {
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
export function roundNumerator(n: number | bigint): Kopecks {
  if (typeof n === "number")
    return n < SAFE / 2
      ? Math.floor((2 * n + PENALTY_DENOMINATOR) / (2 * PENALTY_DENOMINATOR))
      : roundRationalHalfUp(BigInt(n), BIG_DEN);
  return roundRationalHalfUp(n, BIG_DEN);
}

/** a × b × c exactly: a Number while it stays exact, a BigInt beyond. */
export function mul3(a: number, b: number, c: number): number | bigint {
  const x = a * b * c;
  return x < SAFE ? x : BigInt(a) * BigInt(b) * BigInt(c);
}
