/**
 * Legal constants other than the two CSV tables, as dated entries. Each entry names its article and its source
 * (docs/law.md explains each rule; § numbers below are its sections). When the law changes, add or
 * edit an entry here; the calculations pick entries by date.
 */
import type { IsoDate, Period } from "../dates";

// ---------------------------------------------------------------------------------------------------------------
// Rates (docs/law.md, § 2.2–2.3)

/** ЖК 155 ч. 14: before 01.01.2016 the penalty uses the refinancing rate — 8.25 % from 14.09.2012 to 31.12.2015
 *  (docs/law.md, § 2.2; https://topask.ru/chem-stavka-refinansirovaniya-otlichaetsya-ot-klyuchevoj-stavki). */
export const REFINANCING_RATE = {
  from: "2012-09-14",
  to: "2015-12-31",
  bp: 825,
  source: "Указание Банка России № 2873-У",
} as const;

/** From 01.01.2016 the refinancing rate equals the key rate (ПП РФ № 1340 от 09.12.2015; Указание № 3894-У). */
export const KEY_RATE_FROM: IsoDate = "2016-01-01";

export interface RateCap {
  /** Rate dates (payment / calculation date) the regime applies to, both inclusive. */
  from: IsoDate;
  to: IsoDate;
  /** "fixed": always capBp; "lower-of": min(capBp, actual key rate). */
  mode: "fixed" | "lower-of";
  capBp: number;
  act: string;
  source: string;
}

/** ЖКУ penalty rate caps, keyed to the rate date (docs/law.md, § 2.3). */
export const RATE_CAPS: readonly RateCap[] = [
  // ПП РФ от 26.03.2022 № 474: key rate of 27.02.2022 (9.5 %) for relations from 28.02.2022. [V]
  {
    from: "2022-02-28",
    to: "2022-07-31",
    mode: "fixed",
    capBp: 950,
    act: "ПП РФ № 474",
    source:
      "http://cons.ru/informer-news/41-yurist/18524 ; https://lenobl.ru./ru/dokumenty/prokuratura-leningradskoj-oblasti-razyasnyaet/3222",
  },
  // ПП РФ от 23.09.2022 № 1681: the lower of 9.5 % and the key rate on the payment day; from 01.08.2022 [P]; until 01.01.2023.
  {
    from: "2022-08-01",
    to: "2022-12-31",
    mode: "lower-of",
    capBp: 950,
    act: "ПП РФ № 474 в ред. ПП № 1681",
    source: "https://roskvartal.ru/news/vzyskanie-dolgov/14606 ; http://xn----8sbef8axpew9i.xn--p1ai/archives/109639",
  },
  // ПП РФ от 28.12.2022 № 2479: extended to 01.01.2024. [V]
  {
    from: "2023-01-01",
    to: "2023-12-31",
    mode: "lower-of",
    capBp: 950,
    act: "ПП РФ № 474 в ред. ПП № 2479",
    source: "https://admgor.nnov.ru (прокуратура Н. Новгорода, 2023)",
  },
  // ПП РФ от 29.12.2023 № 2382: extended to 01.01.2025. [V]
  {
    from: "2024-01-01",
    to: "2024-12-31",
    mode: "lower-of",
    capBp: 950,
    act: "ПП РФ № 474 в ред. ПП № 2382",
    source: "https://cherinfo.ru/notification/132181 ; https://interfax.ru/russia/938627",
  },
  // ПП РФ от 18.03.2025 № 329: relations from 01.01.2025 until 01.01.2027; wording "lower of" [P] (docs/law.md, § 2.3).
  {
    from: "2025-01-01",
    to: "2026-12-31",
    mode: "lower-of",
    capBp: 950,
    act: "ПП РФ № 329",
    source: "https://elcode.ru/service/news/... ; https://banki.ru/news/lenta/?id=11012304",
  },
];

// ---------------------------------------------------------------------------------------------------------------
// Penalty scheme (docs/law.md, § 2.1, § 2.4)

/** ЖК 155 ч. 14 (307-ФЗ): 30 free days, 1/300 on days 31–90, 1/130 from day 91 — for payments due from 01.01.2016.
 *  Before that: 1/300 from the first day of delay (https://boulevard-club.org/forum/viewtopic.php?t=3174). */
export const GRADUATED_PENALTY_FROM_DUE: IsoDate = "2016-01-01";
export const PENALTY_FREE_DAYS = 30;
export const PENALTY_1_300_LAST_DAY = 90;

export interface Moratorium {
  id: "covid-2020" | "bankruptcy-2022";
  from: IsoDate;
  /** Last day inside (inclusive). */
  to: IsoDate;
  /** The last day when the setting «01.10.2022 inside» is off. */
  toIfLastDayOutside?: IsoDate;
  /** Applies only to debts whose due date is before this date (null = every debt). */
  onlyDueBefore: IsoDate | null;
  label: string;
  source: string;
}

export const MORATORIA: readonly Moratorium[] = [
  // ПП РФ от 02.04.2020 № 424: no ЖКУ penalties 06.04.2020 – 01.01.2021 (last day 31.12.2020), old and new debts. [V]
  {
    id: "covid-2020",
    from: "2020-04-06",
    to: "2020-12-31",
    onlyDueBefore: null,
    label: "мораторий (ПП РФ № 424)",
    source: "http://social.novo-sibirsk.ru/SiteKCSON/kirKCSON/SitePages/fullnews.aspx?itemID=1181",
  },
  // ПП РФ от 28.03.2022 № 497 + ст. 9.1 Закона о банкротстве: 01.04.2022 – 01.10.2022 inclusive, debts due before 01.04.2022. [V]
  {
    id: "bankruptcy-2022",
    from: "2022-04-01",
    to: "2022-10-01",
    toIfLastDayOutside: "2022-09-30",
    onlyDueBefore: "2022-04-01",
    label: "мораторий (ПП РФ № 497)",
    source: "http://garant.ru/article/1550075 ; https://pravo.ru/news/254664",
  },
];

// ---------------------------------------------------------------------------------------------------------------
// Due dates (docs/law.md, § 3)

export interface DueDayRule {
  /** First billing period the rule applies to. */
  fromPeriod: Period;
  /** Day of the month following the billing period. */
  day: number;
  /** Whether a contract (or a ТСЖ decision) could set another day. */
  contractMayOverride: boolean;
  source: string;
}

export const DUE_DAY_RULES: readonly DueDayRule[] = [
  // ЖК 155 ч. 1 (old text): by the 10th of the next month unless the contract sets another date. [V]
  { fromPeriod: "1900-01", day: 10, contractMayOverride: true, source: "ЖК РФ ст. 155 ч. 1 (ред. до 01.03.2026)" },
  // 177-ФЗ от 24.06.2025: by the 15th, no contractual override; first applies to March-2026 bills (due 15.04.2026). [V]
  {
    fromPeriod: "2026-03",
    day: 15,
    contractMayOverride: false,
    source: "ЖК РФ ст. 155 ч. 1 (ред. 177-ФЗ от 24.06.2025)",
  },
];

// ---------------------------------------------------------------------------------------------------------------
// State duty (docs/law.md, § 5)

export interface DutyBand {
  /** The band applies to claims above this many roubles (0 for the first band). */
  overRub: number;
  baseRub: number;
  /** Share of the excess over overRub, in 1/10 000 (4 % → 400, 0.35 % → 35). */
  perTenThousand: number;
  /** false where the band was not read in a source (docs/law.md, § 5: «не сверено»). */
  verified: boolean;
}

export interface DutyScale {
  court: "general" | "arbitration";
  /** Filing dates, both inclusive. */
  from: IsoDate;
  to: IsoDate;
  article: string;
  bands: readonly DutyBand[];
  minRub: number;
  maxRub: number | null;
  /** Court order: share of the claim duty (ГПК 123 ч. 2 / НК 333.19 п. 1 пп. 2; НК 333.21 п. 1 пп. 2)… */
  courtOrderSharePercent: number;
  /** …but not less than this. */
  courtOrderMinRub: number;
  source: string;
}

const OLD_TO: IsoDate = "2024-09-08"; // 259-ФЗ: the new scale applies to applications sent from 09.09.2024 [V]
const NEW_FROM: IsoDate = "2024-09-09";

export const DUTY_SCALES: readonly DutyScale[] = [
  {
    // НК 333.19 п. 1 пп. 1 (ред. до 259-ФЗ) [V]: https://vashadvokat.spb.ru/information.html ; court order 50 %: ГПК 123 ч. 2
    court: "general",
    from: "1900-01-01",
    to: OLD_TO,
    article: "НК РФ ст. 333.19 п. 1 пп. 1–2 (ред. до 259-ФЗ)",
    bands: [
      { overRub: 0, baseRub: 0, perTenThousand: 400, verified: true },
      { overRub: 20_000, baseRub: 800, perTenThousand: 300, verified: true },
      { overRub: 100_000, baseRub: 3_200, perTenThousand: 200, verified: true },
      { overRub: 200_000, baseRub: 5_200, perTenThousand: 100, verified: true },
      { overRub: 1_000_000, baseRub: 13_200, perTenThousand: 50, verified: true },
    ],
    minRub: 400,
    maxRub: 60_000,
    courtOrderSharePercent: 50,
    courtOrderMinRub: 200,
    source: "https://m.ru24.pro/pics/387368809 (минимум 200 ₽ для приказа)",
  },
  {
    // НК 333.19 п. 1 пп. 1 (ред. 259-ФЗ от 08.08.2024) [V up to 8 000 000]: https://kopejsk-gid.ru/... ; https://dim-week.ru/?id=12010
    court: "general",
    from: NEW_FROM,
    to: "9999-12-31",
    article: "НК РФ ст. 333.19 п. 1 пп. 1–2 (ред. 259-ФЗ)",
    bands: [
      { overRub: 0, baseRub: 4_000, perTenThousand: 0, verified: true },
      { overRub: 100_000, baseRub: 4_000, perTenThousand: 300, verified: true },
      { overRub: 300_000, baseRub: 10_000, perTenThousand: 250, verified: true },
      { overRub: 500_000, baseRub: 15_000, perTenThousand: 200, verified: true },
      { overRub: 1_000_000, baseRub: 25_000, perTenThousand: 100, verified: true },
      { overRub: 3_000_000, baseRub: 45_000, perTenThousand: 70, verified: true },
      // Bands above 8 000 000 were not read in a primary source [P]; values from the 259-ФЗ text as commonly quoted,
      // continuity-checked (80 000 + 0.35 % × 16 млн = 136 000 …); the output marks them «не сверено».
      { overRub: 8_000_000, baseRub: 80_000, perTenThousand: 35, verified: false },
      { overRub: 24_000_000, baseRub: 136_000, perTenThousand: 30, verified: false },
      { overRub: 50_000_000, baseRub: 214_000, perTenThousand: 20, verified: false },
      { overRub: 100_000_000, baseRub: 314_000, perTenThousand: 15, verified: false },
    ],
    minRub: 4_000,
    maxRub: 900_000,
    courtOrderSharePercent: 50,
    courtOrderMinRub: 2_000,
    source: "https://dzen.ru/a/ZtfdhRYndBgTCo0X (предел 900 000 ₽)",
  },
  {
    // НК 333.21 п. 1 пп. 1 (ред. до 259-ФЗ) [V]: https://nalkod.ru/statia333-21 ; court order 50 %: https://ru24.pro/mix/384429426
    court: "arbitration",
    from: "1900-01-01",
    to: OLD_TO,
    article: "НК РФ ст. 333.21 п. 1 пп. 1–2 (ред. до 259-ФЗ)",
    bands: [
      { overRub: 0, baseRub: 0, perTenThousand: 400, verified: true },
      { overRub: 100_000, baseRub: 4_000, perTenThousand: 300, verified: true },
      { overRub: 200_000, baseRub: 7_000, perTenThousand: 200, verified: true },
      { overRub: 1_000_000, baseRub: 23_000, perTenThousand: 100, verified: true },
      { overRub: 2_000_000, baseRub: 33_000, perTenThousand: 50, verified: true },
    ],
    minRub: 2_000,
    maxRub: 200_000,
    courtOrderSharePercent: 50,
    courtOrderMinRub: 1_000,
    source: "https://nalkod.ru/statia333-21 ; https://ru24.pro/mix/384429426",
  },
  {
    // НК 333.21 п. 1 пп. 1–2 (ред. 259-ФЗ) [V]: https://tenchat.ru/media/2517550 ; https://ru24.pro/mix/384429426
    court: "arbitration",
    from: NEW_FROM,
    to: "9999-12-31",
    article: "НК РФ ст. 333.21 п. 1 пп. 1–2 (ред. 259-ФЗ)",
    bands: [
      { overRub: 0, baseRub: 10_000, perTenThousand: 0, verified: true },
      { overRub: 100_000, baseRub: 10_000, perTenThousand: 500, verified: true },
      { overRub: 1_000_000, baseRub: 55_000, perTenThousand: 300, verified: true },
      { overRub: 10_000_000, baseRub: 325_000, perTenThousand: 100, verified: true },
      { overRub: 50_000_000, baseRub: 725_000, perTenThousand: 50, verified: true },
    ],
    minRub: 10_000,
    maxRub: 10_000_000,
    courtOrderSharePercent: 50,
    courtOrderMinRub: 8_000,
    source: "https://tenchat.ru/media/2517550 ; https://ru24.pro/mix/384429426",
  },
];

/** НК 52 п. 6: a fee is computed in full roubles (< 50 kopecks dropped, ≥ 50 → a rouble); Минфин 28.05.2025 № 03-05-04-03/52566. */
export const DUTY_ROUNDING_SOURCE = "НК РФ ст. 52 п. 6";

export interface CourtOrderLimit {
  court: "general" | "arbitration";
  from: IsoDate;
  limitRub: number;
  article: string;
  source: string;
}

export const COURT_ORDER_LIMITS: readonly CourtOrderLimit[] = [
  // ГПК 121 (45-ФЗ от 02.03.2016, с 01.06.2016): up to 500 000 ₽. [V] https://1kto.ru/pressa/?p=23643
  {
    court: "general",
    from: "2016-06-01",
    limitRub: 500_000,
    article: "ГПК РФ ст. 121",
    source: "https://1kto.ru/pressa/?p=23643",
  },
  // АПК 229.2 (2016 wording): 400 000 ₽ [P] https://18pohd.ru/jeludok/poluchen-sudebnyy-prikaz-chto-delat-dalshe.html
  {
    court: "arbitration",
    from: "2016-06-01",
    limitRub: 400_000,
    article: "АПК РФ ст. 229.2",
    source: "https://18pohd.ru (ред. 2016)",
  },
  // АПК 229.2 (2024 wording): 500 000 ₽ [P] https://fzrf.su/kodeks/apk/st-229.2.php — the change date (451-ФЗ, 01.10.2019) was not read [U].
  {
    court: "arbitration",
    from: "2019-10-01",
    limitRub: 500_000,
    article: "АПК РФ ст. 229.1–229.2",
    source: "https://fzrf.su/kodeks/apk/st-229.2.php",
  },
];

// ---------------------------------------------------------------------------------------------------------------
// Limitation (docs/law.md, § 6)

/** ГК 196 п. 1: 3 years, for each monthly charge separately (ГК 200 п. 1; Plenum 43 п. 24). */
export const LIMITATION_YEARS = 3;
/** ГК 204 п. 3 (Plenum 43 п. 18): after a cancelled court order an unexpired part shorter than 6 months becomes 6 months. */
export const LIMITATION_MIN_REMAINDER_MONTHS = 6;

// ---------------------------------------------------------------------------------------------------------------
// Enforcement (docs/law.md, § 9)

/** 229-ФЗ ст. 21: executive documents (incl. court orders) may be presented within 3 years. [V] */
export const PRESENTATION_TERM_YEARS = 3;

/** 229-ФЗ ст. 46 ч. 5 (pre-2022 wording; program default for the current text, docs/law.md, § 9): after a return under
 *  ст. 46 ч. 1 п. 3–4 a court order / writ may be re-presented not earlier than 6 months after the end decree. */
export const REPRESENTATION_WAIT = {
  article: 46,
  part: 1,
  points: [3, 4] as readonly number[],
  months: 6,
  source: "229-ФЗ ст. 46 ч. 5 (ред. до 20.06.2022)",
};

// ---------------------------------------------------------------------------------------------------------------
// Calendar beyond the table (ru-calendar.csv covers 2013–2026)

/** ТК 112 ч. 1 public holidays (MM-DD), used only for dates outside ru-calendar.csv; the Government's transfers of
 *  those years are unknown, so such dates are a best guess (the CSV header: «Outside that range this table says nothing»). */
export const TK112_HOLIDAYS: readonly string[] = [
  "01-01",
  "01-02",
  "01-03",
  "01-04",
  "01-05",
  "01-06",
  "01-07",
  "01-08",
  "02-23",
  "03-08",
  "05-01",
  "05-09",
  "06-12",
  "11-04",
];
export const CALENDAR_TABLE_RANGE = { from: "2013-01-01", to: "2026-12-31" } as const;
