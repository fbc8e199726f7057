/**
 * The ledger model behind every synthetic sheet: accounts, people, flats, services, monthly charges and payments.
 * Built once into typed arrays (no per-account objects), then rendered into any ledger layout (sheets.ts).
 * Balances are consistent by construction: closing = opening + charged − paid (signed, advance < 0).
 */
import { addPeriods, toDayNumber } from "../../src/domain/dates";
import type { Period } from "../../src/domain/dates";
import { Prng } from "./prng";
import { FEMALE_NAMES, MALE_NAMES, PATRONYMICS, SURNAMES, BIRTH_PLACES, femaleSurname } from "./names";
import type { PersonName } from "./names";
import { TOWNS, randomHouse, flatAddress } from "./addresses";
import type { House } from "./addresses";

/** Services as they appear in ledgers (docs/formats.md, § 1.1); rate in kopecks per unit per month at the base level. */
export const SERVICES = [
  { name: "Содержание жилья", basis: "area", rate: 3250, heatingOnly: false },
  { name: "Отопление", basis: "area", rate: 6500, heatingOnly: true },
  { name: "ХВС", basis: "persons", rate: 24750, heatingOnly: false },
  { name: "ГВС", basis: "persons", rate: 73600, heatingOnly: false },
  { name: "Водоотведение", basis: "persons", rate: 36960, heatingOnly: false },
  { name: "Электроэнергия на СОИ", basis: "area", rate: 312, heatingOnly: false },
  { name: "Взнос на капремонт", basis: "area", rate: 1480, heatingOnly: false },
] as const;

/** Synthetic yearly tariff indexation (not law: only makes charges drift like real ones do). */
const TARIFF_STEPS: ReadonlyArray<readonly [Period, number]> = [
  ["2000-01", 1],
  ["2024-07", 1.098],
  ["2025-07", 1.229],
  ["2026-10", 1.35],
];

export const PAYER_KINDS = ["good", "partial", "chronic", "advance"] as const;
export type PayerKind = (typeof PAYER_KINDS)[number];

export interface LedgerModelOptions {
  seed?: number;
  accounts: number;
  /** Months of history (default 36). */
  months?: number;
  /** Last month of the ledger (default 2026-10). */
  lastPeriod?: Period;
  /** Keep per-month charges and payments (default true); false saves memory for per-account sheets. */
  keepMonths?: boolean;
  /** Keep per-service charges (for per-service rows; default false). */
  keepServices?: boolean;
  /** Weights of good / partial / chronic / advance payers (default 60/20/12/8). */
  payerMix?: readonly [number, number, number, number];
  /** Share of accounts whose owner cell lists two owners («Соколова Е.В., Соколов В.П.»); default 0. */
  coOwnerShare?: number;
  /** Share of municipal flats (owner «Администрация …», no personal data); default 0. */
  municipalShare?: number;
  /** Share of houses numbered in the old scheme: accounts with leading zeros, stored as text; default 0.15. */
  leadingZeroShare?: number;
  /** Number of towns in the ledger (1–5, default 2). */
  towns?: number;
}

export interface LedgerModel {
  seed: number;
  count: number;
  months: number;
  firstPeriod: Period;
  lastPeriod: Period;
  periods: Period[];
  houses: House[];
  houseOf: Int32Array;
  flat: Int32Array;
  /** Account as displayed (leading zeros kept). */
  account: string[];
  /** 1 when the account is stored as text (leading zeros), 0 when it is a number cell. */
  accountIsText: Uint8Array;
  gender: Uint8Array;
  surnameIdx: Uint16Array;
  firstNameIdx: Uint16Array;
  patronymicIdx: Uint16Array;
  /** 0 = one person, 1 = two owners in one cell, 2 = municipal flat. */
  ownerKind: Uint8Array;
  /** Floor area in tenths of m². */
  area10: Uint16Array;
  persons: Uint8Array;
  /** Birth date as a day number (days since 1970-01-01). */
  birthDay: Int32Array;
  birthPlaceIdx: Uint8Array;
  /** First 9 digits of the СНИЛС. */
  snils9: Uint32Array;
  /** Digits 5–10 of the ИНН (after the region+inspection prefix). */
  inn6: Uint32Array;
  payer: Uint8Array;
  /** Kopecks, signed (debt > 0, advance < 0), over the whole period. */
  opening: Float64Array;
  charged: Float64Array;
  paid: Float64Array;
  closing: Float64Array;
  /** Synthetic penalties column (an informational figure, not the law engine's calculation). */
  penalties: Float64Array;
  /** Per account × month (index a * months + m), when keepMonths. */
  monthCharged?: Int32Array;
  monthPaid?: Int32Array;
  /** Per account × service (index a * SERVICES.length + s), charged over the period, when keepServices. */
  serviceCharged?: Float64Array;
  org: string;
}

const FEMALE_SURNAMES = SURNAMES.map(femaleSurname);

export function personOf(m: LedgerModel, a: number): PersonName {
  const g = m.gender[a] as 0 | 1;
  return {
    gender: g,
    surname: g === 1 ? FEMALE_SURNAMES[m.surnameIdx[a]] : SURNAMES[m.surnameIdx[a]],
    firstName: g === 1 ? FEMALE_NAMES[m.firstNameIdx[a]] : MALE_NAMES[m.firstNameIdx[a]],
    patronymic: PATRONYMICS[m.patronymicIdx[a]][g],
  };
}

export function addressOf(m: LedgerModel, a: number): string {
  return flatAddress(m.houses[m.houseOf[a]], m.flat[a]);
}

export function birthPlaceOf(m: LedgerModel, a: number): string {
  return BIRTH_PLACES[m.birthPlaceIdx[a]];
}

function tariffFactor(p: Period): number {
  let f = 1;
  for (const [from, v] of TARIFF_STEPS) if (p >= from) f = v;
  return f;
}

function isHeatingMonth(p: Period): boolean {
  const mo = +p.slice(5, 7);
  return mo >= 9 || mo <= 5; // northern heating season September–May
}

export function buildLedgerModel(o: LedgerModelOptions): LedgerModel {
  const seed = o.seed ?? 1;
  const n = o.accounts;
  const months = o.months ?? 36;
  const lastPeriod = o.lastPeriod ?? "2026-10";
  const firstPeriod = addPeriods(lastPeriod, -(months - 1));
  const periods = Array.from({ length: months }, (_, i) => addPeriods(firstPeriod, i));
  const keepMonths = o.keepMonths ?? true;
  const keepServices = o.keepServices ?? false;
  const mix = o.payerMix ?? [60, 20, 12, 8];
  const rng = new Prng(seed);
  const nS = SERVICES.length;

  // rate[s * months + m]: kopecks per unit (per m² or per person) for the month
  const rate = new Float64Array(nS * months);
  for (let s = 0; s < nS; s++) {
    for (let m = 0; m < months; m++) {
      const svc = SERVICES[s];
      rate[s * months + m] = svc.heatingOnly && !isHeatingMonth(periods[m]) ? 0 : svc.rate * tariffFactor(periods[m]);
    }
  }

  // houses and accounts
  const townCount = Math.max(1, Math.min(TOWNS.length, o.towns ?? 2));
  const towns = TOWNS.slice(0, townCount);
  const taken = new Set<string>();
  const houses: House[] = [];
  const houseZeros: boolean[] = [];
  const houseOf = new Int32Array(n);
  const flat = new Int32Array(n);
  const leadingZeroShare = o.leadingZeroShare ?? 0.15;
  let a = 0;
  while (a < n) {
    const h = randomHouse(rng, towns[rng.weighted(towns.map((_, i) => (i === 0 ? 3 : 1)))], taken);
    houses.push(h);
    houseZeros.push(rng.chance(leadingZeroShare));
    for (let f = 1; f <= h.flats && a < n; f++, a++) {
      houseOf[a] = houses.length - 1;
      flat[a] = f;
    }
  }

  const digits = Math.min(10, Math.max(7, String(7 * n).length + 2));
  const zeroMod = 10 ** (digits - 2);
  let accNo = 10 ** (digits - 1) + rng.int(0, 10 ** (digits - 2));
  const account: string[] = new Array(n);
  const accountIsText = new Uint8Array(n);

  const gender = new Uint8Array(n);
  const surnameIdx = new Uint16Array(n);
  const firstNameIdx = new Uint16Array(n);
  const patronymicIdx = new Uint16Array(n);
  const ownerKind = new Uint8Array(n);
  const area10 = new Uint16Array(n);
  const persons = new Uint8Array(n);
  const birthDay = new Int32Array(n);
  const birthPlaceIdx = new Uint8Array(n);
  const snils9 = new Uint32Array(n);
  const inn6 = new Uint32Array(n);
  const payer = new Uint8Array(n);
  const opening = new Float64Array(n);
  const charged = new Float64Array(n);
  const paid = new Float64Array(n);
  const closing = new Float64Array(n);
  const penalties = new Float64Array(n);
  const monthCharged = keepMonths ? new Int32Array(n * months) : undefined;
  const monthPaid = keepMonths ? new Int32Array(n * months) : undefined;
  const serviceCharged = keepServices ? new Float64Array(n * nS) : undefined;

  const birthFrom = toDayNumber("1940-01-01");
  const birthTo = toDayNumber("2004-12-31");
  const coOwnerShare = o.coOwnerShare ?? 0;
  const municipalShare = o.municipalShare ?? 0;
  const svcBase = new Float64Array(nS);
  const roundSums = [50000, 100000, 150000, 200000, 300000, 500000];

  for (let i = 0; i < n; i++) {
    accNo += rng.int(1, 7);
    if (houseZeros[houseOf[i]]) {
      account[i] = "00" + String(accNo % zeroMod).padStart(digits - 2, "0");
      accountIsText[i] = 1;
    } else {
      account[i] = String(accNo);
    }
    const g = rng.chance(0.55) ? 1 : 0;
    gender[i] = g;
    surnameIdx[i] = rng.int(0, SURNAMES.length - 1);
    firstNameIdx[i] = g ? rng.int(0, FEMALE_NAMES.length - 1) : rng.int(0, MALE_NAMES.length - 1);
    patronymicIdx[i] = rng.int(0, PATRONYMICS.length - 1);
    const u = rng.next();
    ownerKind[i] = u < municipalShare ? 2 : u < municipalShare + coOwnerShare ? 1 : 0;
    const privateHouse = houses[houseOf[i]].privateHouse;
    area10[i] = privateHouse ? rng.int(600, 1400) : rng.int(280, 950);
    persons[i] = rng.int(1, 5);
    birthDay[i] = rng.int(birthFrom, birthTo);
    birthPlaceIdx[i] = rng.int(0, BIRTH_PLACES.length - 1);
    snils9[i] = rng.int(2_000_000, 999_999_999);
    inn6[i] = rng.int(0, 999_999);
    const kind = rng.weighted(mix);
    payer[i] = kind;

    for (let s = 0; s < nS; s++) svcBase[s] = SERVICES[s].basis === "area" ? area10[i] / 10 : persons[i];
    const firstCharge = chargeFor(0);
    let bal: number;
    if (kind === 0) bal = firstCharge;
    else if (kind === 1) bal = firstCharge * rng.int(1, 5);
    else if (kind === 2) bal = firstCharge * rng.int(6, 40) + rng.int(0, 99);
    else bal = -rng.int(0, 5000) * 100;
    opening[i] = bal;
    let ch = 0;
    let pd = 0;
    for (let m = 0; m < months; m++) {
      const c = chargeFor(m, serviceCharged ? i * nS : -1);
      let p: number;
      if (kind === 0)
        p = rng.chance(0.95) && bal > 0 ? bal : 0; // pays what is owed, a month behind
      else if (kind === 1)
        p = rng.chance(0.75) && bal > 0 ? Math.round((bal * (0.25 + 0.55 * rng.next())) / 100) * 100 : 0;
      else if (kind === 2)
        p = rng.chance(0.1) ? rng.pick(roundSums) : 0; // now and then a round sum
      else p = Math.ceil((c * 1.1) / 100000) * 100000; // rounds up to whole thousands: the advance grows
      bal += c - p;
      ch += c;
      pd += p;
      if (monthCharged) {
        monthCharged[i * months + m] = c;
        monthPaid![i * months + m] = p;
      }
    }
    charged[i] = ch;
    paid[i] = pd;
    closing[i] = bal;
    // synthetic penalties: a share of the debt beyond three months of charges
    penalties[i] = kind === 1 || kind === 2 ? Math.max(0, Math.round((bal - (3 * ch) / months) * 0.06)) : 0;
  }

  function chargeFor(m: number, svcOffset = -1): number {
    let c = 0;
    for (let s = 0; s < nS; s++) {
      const v = Math.round(svcBase[s] * rate[s * months + m]);
      c += v;
      if (svcOffset >= 0) serviceCharged![svcOffset + s] += v;
    }
    return c;
  }

  return {
    seed,
    count: n,
    months,
    firstPeriod,
    lastPeriod,
    periods,
    houses,
    houseOf,
    flat,
    account,
    accountIsText,
    gender,
    surnameIdx,
    firstNameIdx,
    patronymicIdx,
    ownerKind,
    area10,
    persons,
    birthDay,
    birthPlaceIdx,
    snils9,
    inn6,
    payer,
    opening,
    charged,
    paid,
    closing,
    penalties,
    monthCharged,
    monthPaid,
    serviceCharged,
    org: "ООО «УК Северный дом»",
  };
}
