/**
 * The court-work register («Реестр взыскания») as a clerk keeps it by hand: one row per claim, header texts in one
 * of several hand-typed variants (docs/formats.md, § 2; the «Реестр взыскания» columns), amounts mostly numbers
 * and sometimes typed text, dates mostly date cells and sometimes typed text, dates consistent with the status.
 *
 * Extension point for bailiff registers (docs/formats.md, § 3.4): build them from `cases` — every case
 * with an `ipNumber` is a proceeding the ОСП would list — in a new bailiff.ts next to this file, and add the sheet kind
 * to SHEET_KINDS in index.ts.
 */
import type { CellValue, SheetGrid } from "../../src/domain/grid";
import {
  addDays,
  addPeriods,
  formatDateRu,
  isoToExcelSerial,
  periodEnd,
  periodStart,
  toDayNumber,
  fromDayNumber,
} from "../../src/domain/dates";
import type { IsoDate, Period } from "../../src/domain/dates";
import { Prng } from "./prng";
import { fullName, initialsName } from "./names";
import { addressOf, birthPlaceOf, buildLedgerModel, personOf } from "./model";
import type { LedgerModel, LedgerModelOptions } from "./model";
import { formatSnils, personInn, snilsCheck } from "./ids";
import { DATE_FORMAT, MONEY_FORMAT, moneyText } from "./sheets";

export const CASE_STATUSES = [
  "подготовлено",
  "подано",
  "приказ вынесен",
  "приказ отменён",
  "направлено в ССП",
  "ИП возбуждено",
  "окончено",
] as const;
export type CaseStatus = (typeof CASE_STATUSES)[number];

export interface CourtCase {
  account: string;
  /** Model account index. */
  accountIndex: number;
  debtor: string;
  birthDate: IsoDate;
  birthPlace: string;
  identifier: string;
  address: string;
  periodFrom: Period;
  periodTo: Period;
  /** Kopecks. */
  principal: number;
  penalty: number;
  duty: number;
  claim: number;
  status: CaseStatus;
  filed?: IsoDate;
  court?: string;
  caseNumber?: string;
  orderDate?: IsoDate;
  cancelled?: IsoDate;
  inForce?: IsoDate;
  sentToBailiff?: IsoDate;
  ipNumber?: string;
  ipDate?: IsoDate;
  finished?: IsoDate;
  note: string;
  /** 1-based Excel row in the generated sheet. */
  row: number;
}

/** Concept → header text, per hand-kept variant. */
const HEADER_VARIANTS: ReadonlyArray<Record<string, string>> = [
  {
    no: "№ п/п",
    account: "Л/С",
    debtor: "Должник",
    birthDate: "Дата рождения",
    birthPlace: "Место рождения",
    identifier: "Идентификатор",
    address: "Адрес",
    periodFrom: "Период с",
    periodTo: "Период по",
    principal: "Основной долг",
    penalty: "Пени",
    duty: "Госпошлина",
    claim: "Сумма требования",
    filed: "Дата подачи",
    court: "Суд (участок)",
    caseNumber: "№ дела",
    orderDate: "Дата приказа",
    cancelled: "Дата отмены",
    inForce: "Дата вступления в силу",
    sentToBailiff: "Дата направления в ССП",
    ipNumber: "№ ИП",
    ipDate: "Дата возбуждения ИП",
    status: "Статус",
    finished: "Дата окончания",
    note: "Примечание",
  },
  {
    no: "№",
    account: "Лицевой счет",
    debtor: "ФИО должника",
    birthDate: "Д.р.",
    birthPlace: "Место рожд.",
    identifier: "СНИЛС/ИНН",
    address: "Адрес помещения",
    periodFrom: "Начало периода",
    periodTo: "Конец периода",
    principal: "Сумма ОД",
    penalty: "Сумма пени",
    duty: "ГП",
    claim: "Итого по заявлению",
    filed: "Дата подачи заявления",
    court: "Судебный участок",
    caseNumber: "№ судебного приказа",
    orderDate: "Дата вынесения приказа",
    cancelled: "Приказ отменён",
    inForce: "Вступил в силу",
    sentToBailiff: "Дата передачи в ФССП",
    ipNumber: "Номер ИП",
    ipDate: "Дата ИП",
    status: "Состояние",
    finished: "Окончено",
    note: "Комментарий",
  },
  {
    no: "N п/п",
    account: "№ ЛС",
    debtor: "Ф.И.О.",
    birthDate: "Дата рожд.",
    birthPlace: "Место рождения",
    identifier: "Документ",
    address: "Адрес должника",
    periodFrom: "Период взыскания с",
    periodTo: "Период взыскания по",
    principal: "Долг, руб.",
    penalty: "Пени, руб.",
    duty: "Госпошлина, руб.",
    claim: "Всего, руб.",
    filed: "Подано в суд",
    court: "Суд",
    caseNumber: "Номер дела",
    orderDate: "Дата СП",
    cancelled: "Дата отмены СП",
    inForce: "Дата вступления в законную силу",
    sentToBailiff: "Направлено в ОСП",
    ipNumber: "Исполнительное производство",
    ipDate: "Дата возбуждения",
    status: "Статус",
    finished: "Дата окончания ИП",
    note: "Примечание",
  },
];

const ORDER = [
  "no",
  "account",
  "debtor",
  "birthDate",
  "birthPlace",
  "identifier",
  "address",
  "periodFrom",
  "periodTo",
  "principal",
  "penalty",
  "duty",
  "claim",
  "filed",
  "court",
  "caseNumber",
  "orderDate",
  "cancelled",
  "inForce",
  "sentToBailiff",
  "ipNumber",
  "ipDate",
  "status",
  "finished",
  "note",
] as const;
const MONEY_KEYS = new Set(["principal", "penalty", "duty", "claim"]);
const DATE_KEYS = new Set([
  "birthDate",
  "filed",
  "orderDate",
  "cancelled",
  "inForce",
  "sentToBailiff",
  "ipDate",
  "finished",
]);

export interface CourtRegisterOptions extends Partial<LedgerModelOptions> {
  model?: LedgerModel;
  /** Number of register rows (default 200). */
  cases?: number;
  /** Header variant 0–2 (default by seed). */
  variant?: number;
  sheet?: string;
}

export interface GeneratedRegister {
  grid: SheetGrid;
  cases: CourtCase[];
  /** concept → 0-based column. */
  columns: Record<string, number>;
  /** 1-based header row. */
  headerRow: number;
  variant: number;
}

/**
 * Synthetic state duty for a court order: half of the claim duty of НК 333.19 п. 1 пп. 1 as worded from 08.09.2024
 * (4 000 ₽ up to 100 000 ₽, then 4 000 ₽ + 3 % of the excess up to 300 000 ₽ …). Test data only: the law engine
 * (src/domain/law) owns the real calculation.
 */
function syntheticDuty(claim: number): number {
  const rub = claim / 100;
  const full =
    rub <= 100_000 ? 4000 : rub <= 300_000 ? 4000 + 0.03 * (rub - 100_000) : 10_000 + 0.025 * (rub - 300_000);
  return Math.round(full / 2) * 100;
}

const COURTS = [
  "Мировой судья судебного участка № 1 Белоярского судебного района",
  "Мировой судья судебного участка № 2 Белоярского судебного района",
  "Мировой судья судебного участка № 1 Няганского судебного района",
  "Белоярский городской суд",
];

export function courtRegisterSheet(o: CourtRegisterOptions = {}): GeneratedRegister {
  const seed = o.seed ?? 1;
  const m =
    o.model ??
    buildLedgerModel({
      ...o,
      seed,
      accounts: o.accounts ?? Math.max(1000, (o.cases ?? 200) * 8),
      months: o.months ?? 36,
    });
  const rng = Prng.derive(seed, "court-register");
  const variant = o.variant ?? seed % HEADER_VARIANTS.length;
  const headers = HEADER_VARIANTS[variant];
  const want = o.cases ?? 200;

  // debtors: chronic payers first, then partial payers
  const pool: number[] = [];
  for (let a = 0; a < m.count; a++) if (m.payer[a] === 2 && m.ownerKind[a] === 0) pool.push(a);
  for (let a = 0; a < m.count && pool.length < want; a++) if (m.payer[a] === 1 && m.ownerKind[a] === 0) pool.push(a);
  const chosen = pool.slice(0, want);

  const width = ORDER.length;
  const columns: Record<string, number> = {};
  ORDER.forEach((k, i) => (columns[k] = i));
  const values: CellValue[][] = [];
  const text: string[][] = [];
  const numberFormat: string[][] = [];
  const general = new Array<string>(width).fill("General");
  const titleRow = new Array<CellValue>(width).fill("");
  titleRow[0] = "Реестр взыскания задолженности за ЖКУ";
  values.push(titleRow);
  text.push(titleRow.map(String));
  numberFormat.push(general);
  const head = ORDER.map((k) => headers[k]);
  values.push(head);
  text.push(head.slice());
  numberFormat.push(general);
  const headerRow = 2;

  const cases: CourtCase[] = [];
  const firstFiling = toDayNumber("2024-02-01");
  const lastFiling = toDayNumber("2026-10-20");
  for (let i = 0; i < chosen.length; i++) {
    const a = chosen[i];
    const p = personOf(m, a);
    const statusIdx = rng.weighted([8, 10, 12, 6, 10, 20, 10]);
    const status = CASE_STATUSES[statusIdx];
    const periodTo = addPeriods(m.lastPeriod, -rng.int(1, 12));
    const periodFrom = addPeriods(periodTo, -rng.int(5, 23));
    const principal = Math.max(100_00, Math.round(m.closing[a] * (0.4 + 0.5 * rng.next())));
    const penalty = Math.round(principal * (0.03 + 0.1 * rng.next()));
    const duty = syntheticDuty(principal + penalty);
    const filedDay = Math.max(toDayNumber(addDays(periodEnd(periodTo), 20)), rng.int(firstFiling, lastFiling));
    const filed = statusIdx >= 1 ? fromDayNumber(Math.min(filedDay, lastFiling)) : undefined;
    const nine = String(m.snils9[a]).padStart(9, "0");
    const idKind = rng.weighted([5, 3, 2]);
    const identifier =
      idKind === 0
        ? `СНИЛС ${formatSnils(nine + String(snilsCheck(nine)).padStart(2, "0"))}`
        : idKind === 1
          ? `ИНН ${personInn(m.inn6[a])}`
          : `паспорт 67 ${rng.int(10, 24)} ${rng.int(100000, 999999)}`;
    const c: CourtCase = {
      account: m.account[a],
      accountIndex: a,
      debtor: rng.chance(0.85) ? fullName(p) : initialsName(p),
      birthDate: fromDayNumber(m.birthDay[a]),
      birthPlace: birthPlaceOf(m, a),
      identifier,
      address: addressOf(m, a),
      periodFrom,
      periodTo,
      principal,
      penalty,
      duty,
      claim: principal + penalty + duty,
      status,
      note: "",
      row: values.length + 1,
    };
    if (filed) {
      c.filed = filed;
      c.court = rng.pick(COURTS);
      c.caseNumber = `2-${rng.int(100, 4999)}/${filed.slice(0, 4)}`;
    }
    if (statusIdx >= 2 && filed) {
      c.orderDate = addDays(filed, rng.int(5, 30));
      if (status === "приказ отменён") {
        c.cancelled = addDays(c.orderDate, rng.int(10, 40));
        c.note = "возражения должника";
      } else {
        c.inForce = addDays(c.orderDate, rng.int(25, 45));
      }
    }
    if (statusIdx >= 4 && c.inForce) c.sentToBailiff = addDays(c.inForce, rng.int(3, 30));
    if (statusIdx >= 5 && c.sentToBailiff) {
      c.ipDate = addDays(c.sentToBailiff, rng.int(3, 20));
      c.ipNumber = `${rng.int(1000, 99999)}/${c.ipDate.slice(2, 4)}/86004-ИП`;
    }
    if (statusIdx === 6 && c.ipDate) {
      c.finished = addDays(c.ipDate, rng.int(60, 300));
      c.note = rng.pick(["взыскано полностью", "ст. 46 ч. 1 п. 3 — нет имущества", "оплачено напрямую взыскателю"]);
    }
    cases.push(c);

    const v: CellValue[] = new Array(width).fill("");
    const t: string[] = new Array(width).fill("");
    const f: string[] = general.slice();
    const record = c as unknown as Record<string, string | number | undefined>;
    for (let col = 0; col < width; col++) {
      const key = ORDER[col];
      if (key === "no") {
        v[col] = i + 1;
        t[col] = String(i + 1);
        continue;
      }
      const val =
        key === "periodFrom" ? periodStart(c.periodFrom) : key === "periodTo" ? periodEnd(c.periodTo) : record[key];
      if (val === undefined || val === "") continue;
      if (MONEY_KEYS.has(key)) {
        const kop = val as number;
        if (rng.chance(0.1)) {
          v[col] = t[col] = moneyText(kop); // typed as text by hand
          f[col] = "@";
        } else {
          v[col] = kop / 100;
          t[col] = moneyText(kop);
          f[col] = MONEY_FORMAT;
        }
      } else if (DATE_KEYS.has(key) || key === "periodFrom" || key === "periodTo") {
        const iso = val as IsoDate;
        if (rng.chance(0.1)) {
          v[col] = t[col] = formatDateRu(iso);
          f[col] = "@";
        } else {
          v[col] = isoToExcelSerial(iso);
          t[col] = formatDateRu(iso);
          f[col] = DATE_FORMAT;
        }
      } else if (key === "account") {
        v[col] = m.accountIsText[a] ? c.account : +c.account;
        t[col] = c.account;
        if (m.accountIsText[a]) f[col] = "@";
      } else {
        v[col] = t[col] = String(val);
      }
    }
    values.push(v);
    text.push(t);
    numberFormat.push(f);
  }
  return {
    grid: { sheet: o.sheet ?? "Реестр взыскания", top: 0, left: 0, values, text, numberFormat },
    cases,
    columns,
    headerRow,
    variant,
  };
}
