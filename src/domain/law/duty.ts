/**
 * State duty (docs/law.md, § 5): НК 333.19 (courts of general jurisdiction) and НК 333.21 (arbitration courts); the old
 * scale for applications filed up to 08.09.2024, the new one (259-ФЗ) from 09.09.2024; a court order costs 50 % of
 * the claim duty with the scale's minimum; rounded to whole roubles half up (НК 52 п. 6) unless kopecks are kept.
 * Exact arithmetic in BigInt (units of 1/10 000 kopeck), one rounding at the end.
 */
import { formatDateRu, type IsoDate } from "../dates";
import { formatKopecksRu, roundRationalHalfUp, type Kopecks } from "../money";
import { formatRateShort } from "./format";
import { COURT_ORDER_LIMITS, DUTY_ROUNDING_SOURCE, DUTY_SCALES, type DutyBand, type DutyScale } from "./rules";

export type DutyKind = "court-order" | "claim";
export type Court = "general" | "arbitration";

export interface DutyArgs {
  /** Claim price (principal + penalties claimed). */
  claim: Kopecks;
  filingDate: IsoDate;
  kind: DutyKind;
  court: Court;
  /** Keep kopecks instead of rounding to roubles (some courts state duty with kopecks). */
  keepKopecks?: boolean;
}

export interface DutyResult {
  duty: Kopecks;
  /** The article, the scale and the band used. */
  basis: string;
  /** Duty for a claim of the same price (before the court-order share), exact value rounded to kopecks. */
  claimDuty: Kopecks;
  /** For a court order: whether the claim fits the court-order limit (ГПК 121 / АПК 229.2). */
  courtOrderAllowed: boolean;
  courtOrderLimit: Kopecks | null;
  /** False when the band was not checked against a source (docs/law.md, § 5: «не сверено»). */
  verified: boolean;
}

function dutyScale(court: Court, filingDate: IsoDate): DutyScale {
  const scale = DUTY_SCALES.find((s) => s.court === court && filingDate >= s.from && filingDate <= s.to);
  if (!scale) throw new Error(`нет шкалы госпошлины для ${court} на ${filingDate}`);
  return scale;
}

export function courtOrderLimit(court: Court, filingDate: IsoDate): Kopecks | null {
  let limit: Kopecks | null = null;
  for (const l of COURT_ORDER_LIMITS) if (l.court === court && filingDate >= l.from) limit = l.limitRub * 100;
  return limit;
}

const rub = (n: number) => formatKopecksRu(n * 100).replace(/,00$/, "");

function bandText(scale: DutyScale, i: number): string {
  const b: DutyBand = scale.bands[i];
  const next = scale.bands[i + 1];
  const range =
    i === 0
      ? `до ${rub(next ? next.overRub : 0)} ₽`
      : next
        ? `свыше ${rub(b.overRub)} до ${rub(next.overRub)} ₽`
        : `свыше ${rub(b.overRub)} ₽`;
  const pct = `${formatRateShort(b.perTenThousand)}%`;
  const formula =
    b.perTenThousand === 0
      ? `${rub(b.baseRub)} ₽`
      : b.baseRub === 0 && b.overRub === 0
        ? `${pct} цены иска`
        : `${rub(b.baseRub)} ₽ + ${pct} суммы свыше ${rub(b.overRub)} ₽`;
  return `${range} — ${formula}`;
}

export function stateDuty(args: DutyArgs): DutyResult {
  const { claim, filingDate, kind, court } = args;
  if (!Number.isSafeInteger(claim) || claim < 0)
    throw new RangeError("цена иска должна быть неотрицательной суммой в копейках");
  const scale = dutyScale(court, filingDate);
  let bi = 0;
  for (let i = 0; i < scale.bands.length; i++) if (claim > scale.bands[i].overRub * 100) bi = i;
  const band = scale.bands[bi];
  const UNIT = 10_000n; // numerators in 1/10 000 kopeck
  let num =
    BigInt(band.baseRub) * 100n * UNIT + (BigInt(claim) - BigInt(band.overRub) * 100n) * BigInt(band.perTenThousand);
  let den = UNIT;
  const notes: string[] = [];
  const minNum = BigInt(scale.minRub) * 100n * UNIT;
  if (num < minNum) {
    num = minNum;
    if (band.perTenThousand !== 0) notes.push(`не менее ${rub(scale.minRub)} ₽`);
  }
  if (scale.maxRub !== null && num > BigInt(scale.maxRub) * 100n * UNIT) {
    num = BigInt(scale.maxRub) * 100n * UNIT;
    notes.push(`не более ${rub(scale.maxRub)} ₽`);
  }
  const claimDuty = roundRationalHalfUp(num, den);
  const limit = courtOrderLimit(court, filingDate);
  let basis = `${scale.article}, ${filingDate <= "2024-09-08" ? "шкала для заявлений, поданных до 08.09.2024 включительно" : "шкала для заявлений, поданных с 09.09.2024"}: ${bandText(scale, bi)}${notes.length ? ` (${notes.join(", ")})` : ""}`;
  if (kind === "court-order") {
    num *= BigInt(scale.courtOrderSharePercent);
    den *= 100n;
    const orderMin = BigInt(scale.courtOrderMinRub) * 100n;
    const belowMin = num < orderMin * den;
    if (belowMin) {
      num = orderMin;
      den = 1n;
    }
    basis += `; судебный приказ — ${scale.courtOrderSharePercent}% пошлины за иск${court === "general" ? " (НК РФ ст. 333.19 п. 1 пп. 2; ГПК РФ ст. 123 ч. 2)" : " (НК РФ ст. 333.21 п. 1 пп. 2)"}, не менее ${rub(scale.courtOrderMinRub)} ₽`;
  }
  const duty = args.keepKopecks ? roundRationalHalfUp(num, den) : roundRationalHalfUp(num, den * 100n) * 100;
  basis += args.keepKopecks ? "; с копейками" : `; округлено до рубля (${DUTY_ROUNDING_SOURCE})`;
  if (!band.verified) basis += "; полоса шкалы не сверена с официальным текстом НК — проверьте";
  return {
    duty,
    basis,
    claimDuty,
    courtOrderAllowed: kind !== "court-order" || limit === null || claim <= limit,
    courtOrderLimit: kind === "court-order" ? limit : null,
    verified: band.verified,
  };
}

/** «ГПК РФ ст. 121: не более 500 000 ₽» — for messages. */
export function courtOrderLimitText(court: Court, filingDate: IsoDate): string {
  let text = "";
  for (const l of COURT_ORDER_LIMITS)
    if (l.court === court && filingDate >= l.from)
      text = `${l.article}: судебный приказ выдаётся при сумме не более ${rub(l.limitRub)} ₽ (на ${formatDateRu(filingDate)})`;
  return text;
}
