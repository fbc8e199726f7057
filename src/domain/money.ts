/**
 * Money as integer kopecks (a JS number holding an integer; safe up to ±9·10^13 roubles).
 * Never add floats: parse to kopecks at the edge, sum kopecks, format at the edge.
 */
export type Kopecks = number;

/** Round a non-integer kopeck amount half up (away from zero for the half) — the rule for final sums. */
export function roundHalfUp(kop: number): Kopecks {
  const r = Math.sign(kop) * Math.floor(Math.abs(kop) + 0.5);
  return r === 0 ? 0 : r; // no -0
}

/** Rational kopecks n/d (BigInt) rounded half up to an integer kopeck amount. */
export function roundRationalHalfUp(numerator: bigint, denominator: bigint): Kopecks {
  if (denominator <= 0n) throw new Error("denominator must be positive");
  const neg = numerator < 0n;
  const n = neg ? -numerator : numerator;
  const q = (2n * n + denominator) / (2n * denominator);
  const r = Number(q);
  return neg && r !== 0 ? -r : r;
}

/** "1234.50" — the CLI/JSON form: exactly two decimals, dot, no grouping. */
export function formatKopecksPlain(kop: Kopecks): string {
  const neg = kop < 0;
  const a = Math.abs(Math.round(kop));
  const rub = Math.floor(a / 100);
  const k = a % 100;
  return `${neg ? "-" : ""}${rub}.${k < 10 ? "0" : ""}${k}`;
}

/** "25 430,12" — Russian display form with a no-break space as the group separator. */
export function formatKopecksRu(kop: Kopecks): string {
  const neg = kop < 0;
  const a = Math.abs(Math.round(kop));
  const rub = Math.floor(a / 100).toString();
  const k = a % 100;
  const grouped = rub.replace(/\B(?=(\d{3})+(?!\d))/g, "\u00a0");
  return `${neg ? "-" : ""}${grouped},${k < 10 ? "0" : ""}${k}`;
}

/** Roubles given as a JS number (e.g. an Excel cell value) to kopecks, rounding away float noise. */
export function roublesToKopecks(roubles: number): Kopecks {
  return roundHalfUp(Math.round(roubles * 100 * 1e6) / 1e6);
}

const SPACES = /[\s\u00a0\u202f\u2009\u2007']/g;
/** Up to 13 integer digits (×100 stays a safe integer) and up to two decimals after a dot or comma. */
const PLAIN_AMOUNT = /^(\d{1,13})(?:[.,](\d{1,2}))?$/;

/**
 * Parse a Russian-written amount to kopecks. Accepts "25 430,12", "25430.12", "25 430,12 руб.", "1 234 ₽",
 * "(1 500,00)" and "1500-" as negatives, "-" / "" / "—" as zero. Returns null when it is not a number.
 */
export function parseAmount(input: string | number | null | undefined): Kopecks | null {
  if (input === null || input === undefined) return 0;
  if (typeof input === "number") return Number.isFinite(input) ? roublesToKopecks(input) : null;
  // fast path for the usual «8322.42» / «8322,4» / «8322» (registers give thousands of them): what the general
  // reading below gives for plain digits with at most two decimals, without its regex chain
  const plain = PLAIN_AMOUNT.exec(input);
  if (plain) return Number(plain[1]) * 100 + (plain[2] === undefined ? 0 : Number((plain[2] + "00").slice(0, 2)));
  let s = input.trim();
  if (s === "" || s === "-" || s === "—" || s === "–") return 0;
  s = s.replace(/(руб\.?|рублей|рубля|рубль|р\.|₽|rub\.?)$/i, "").trim();
  let neg = false;
  if (/^\(.*\)$/.test(s)) {
    neg = true;
    s = s.slice(1, -1).trim();
  }
  if (/[-−–]$/.test(s)) {
    neg = !neg;
    s = s.slice(0, -1).trim();
  }
  if (/^[-−–]/.test(s)) {
    neg = !neg;
    s = s.slice(1).trim();
  }
  if (s.startsWith("+")) s = s.slice(1);
  s = s.replace(SPACES, "");
  if (s === "") return null;
  const lastComma = s.lastIndexOf(",");
  const lastDot = s.lastIndexOf(".");
  let intPart: string;
  let frac = "";
  if (lastComma >= 0 && lastDot >= 0) {
    // both present: the last one is the decimal separator, the other groups thousands
    const dec = Math.max(lastComma, lastDot);
    const group = dec === lastComma ? "." : ",";
    intPart = s.slice(0, dec).split(group).join("");
    frac = s.slice(dec + 1);
  } else if (lastComma >= 0 || lastDot >= 0) {
    const sep = lastComma >= 0 ? "," : ".";
    const parts = s.split(sep);
    if (parts.length > 2) {
      // "1.234.567" — grouping only
      if (!parts.slice(1).every((p) => p.length === 3)) return null;
      intPart = parts.join("");
    } else {
      intPart = parts[0];
      frac = parts[1];
    }
  } else {
    intPart = s;
  }
  if (!/^\d*$/.test(intPart) || !/^\d*$/.test(frac) || (intPart === "" && frac === "")) return null;
  if (frac.length > 2) {
    // more than kopecks: round half up on the third digit onwards
    const kop = BigInt((intPart || "0") + frac);
    const scale = 10n ** BigInt(frac.length - 2);
    const v = roundRationalHalfUp(kop, scale);
    return neg && v !== 0 ? -v : v;
  }
  const v = Number(intPart || "0") * 100 + Number((frac + "00").slice(0, 2));
  if (!Number.isSafeInteger(v)) return null;
  return neg && v !== 0 ? -v : v;
}
