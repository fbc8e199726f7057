/**
 * Ledger sheets rendered from a LedgerModel into a SheetGrid (values / text / numberFormat, as the workbook layer
 * reads them): the 1С-style turnover sheet (per account or per account × service), one row per account per month,
 * and months as columns. Rows are plain arrays of primitives; data rows share one numberFormat row (read-only).
 * Defects are planted after rendering from an independent random stream, so a defective sheet differs from the clean
 * one with the same seed only in the planted cells, and each planted cell is returned with its coordinates.
 */
import type { CellValue, MergedArea, SheetGrid } from "../../src/domain/grid";
import { cellAddress } from "../../src/domain/grid";
import { formatDateRu, fromDayNumber, isoToExcelSerial, periodEnd, periodStart } from "../../src/domain/dates";
import type { Period } from "../../src/domain/dates";
import type { LedgerLayout } from "../../src/domain/ledger/model";
import { Prng } from "./prng";
import { formatSnils, snilsCheck, personInn } from "./ids";
import { fullName, initialsName, femaleSurname, SURNAMES, MALE_NAMES, PATRONYMICS } from "./names";
import { SERVICES, addressOf, birthPlaceOf, buildLedgerModel, personOf } from "./model";
import type { LedgerModel, LedgerModelOptions } from "./model";

// ---------- cell text helpers (fast: these run millions of times) ----------

const NBSP = "\u00a0";
export const MONEY_FORMAT = "#,##0.00";
export const SIGNED_MONEY_FORMAT = "#,##0.00;-#,##0.00";
export const DATE_FORMAT = "dd.mm.yyyy";
const MONTHS_TITLE = [
  "Январь",
  "Февраль",
  "Март",
  "Апрель",
  "Май",
  "Июнь",
  "Июль",
  "Август",
  "Сентябрь",
  "Октябрь",
  "Ноябрь",
  "Декабрь",
];

/** Kopecks → "25 430,12" with NBSP groups, as Excel shows "#,##0.00" in a Russian locale (same as formatKopecksRu). */
export function moneyText(kop: number): string {
  const neg = kop < 0;
  const a = neg ? -kop : kop;
  const rub = Math.floor(a / 100);
  const k = a - rub * 100;
  let s: string;
  if (rub < 1000) s = String(rub);
  else if (rub < 1_000_000) {
    const lo = rub % 1000;
    s = Math.floor(rub / 1000) + NBSP + (lo < 10 ? "00" : lo < 100 ? "0" : "") + lo;
  } else {
    s = String(rub).replace(/\B(?=(\d{3})+(?!\d))/g, NBSP);
  }
  return (neg ? "-" : "") + s + (k < 10 ? ",0" : ",") + k;
}

/** "Ноябрь 2023" */
export function periodTitle(p: Period): string {
  return `${MONTHS_TITLE[+p.slice(5, 7) - 1]} ${p.slice(0, 4)}`;
}

// ---------- results ----------

export type DefectKind =
  | "account.missing"
  | "account.duplicate"
  | "amount.invalid"
  | "balance.mismatch"
  | "name.missing"
  | "address.missing"
  | "period.invalid"
  | "id.snils-invalid"
  | "id.inn-invalid";

export type DefectRequest = Partial<Record<DefectKind, number>>;

export interface PlantedDefect {
  kind: DefectKind;
  sheet: string;
  /** 1-based Excel row (as findings report it). */
  row: number;
  /** 0-based column. */
  col: number;
  /** A1 address of the planted cell. */
  cell: string;
  /** The account of the row as displayed after the defect ("" when the defect removed it). */
  account: string;
  /** For account.duplicate: the 1-based row of the first occurrence. */
  firstRow?: number;
}

export interface GeneratedLedger {
  grid: SheetGrid;
  layout: LedgerLayout;
  model: LedgerModel;
  /** 1-based Excel row of the last header row. */
  headerRow: number;
  /** concept → 0-based column (LedgerConcept names). */
  columns: Record<string, number>;
  /** Number of data rows (accounts, account × service, or account × month). */
  dataRows: number;
  /** 0-based grid row → model account index, for data rows only (−1 elsewhere). */
  rowAccount: Int32Array;
  /** For per-month-rows: 0-based grid row → month index (−1 elsewhere). */
  rowMonth?: Int32Array;
  defects: PlantedDefect[];
}

export interface CommonSheetOptions extends Partial<LedgerModelOptions> {
  /** Reuse an existing model instead of building one. */
  model?: LedgerModel;
  sheet?: string;
  /** «Соколова Елена Викторовна», «Соколова Е.В.» or a mix (default full). */
  nameStyle?: "full" | "initials" | "mixed";
  defects?: DefectRequest;
}

// ---------- grid building ----------

class GridBuilder {
  values: CellValue[][] = [];
  text: string[][] = [];
  numberFormat: string[][] = [];
  merges: MergedArea[] = [];
  /** Per row: the model account of a data row, −1 for title, header, group and totals rows. */
  rowAccount: number[] = [];
  readonly width: number;
  private readonly emptyFormats: string[];

  constructor(width: number) {
    this.width = width;
    this.emptyFormats = new Array<string>(width).fill("General");
  }

  /** A row of texts (title, header, group row): values = text, format General. */
  textRow(cells: string[]): number {
    const v: CellValue[] = new Array(this.width).fill("");
    const t: string[] = new Array(this.width).fill("");
    for (let c = 0; c < cells.length && c < this.width; c++) {
      v[c] = cells[c];
      t[c] = cells[c];
    }
    return this.push(v, t, this.emptyFormats);
  }

  push(v: CellValue[], t: string[], f: string[], account = -1): number {
    this.rowAccount.push(account);
    this.values.push(v);
    this.text.push(t);
    this.numberFormat.push(f);
    return this.values.length - 1;
  }

  grid(sheet: string): SheetGrid {
    return {
      sheet,
      top: 0,
      left: 0,
      values: this.values,
      text: this.text,
      numberFormat: this.numberFormat,
      merges: this.merges,
    };
  }
}

/** The owner cell as the billing prints it (full name, initials, two owners, or a municipal owner). */
export function ownerText(m: LedgerModel, a: number, style: "full" | "initials" | "mixed"): string {
  const kind = m.ownerKind[a];
  if (kind === 2) return `Администрация ${m.houses[m.houseOf[a]].town.name}`;
  const p = personOf(m, a);
  // mixed: about a quarter «Соколова Е.В.», one in sixteen «Соколова Е. В.», the rest full names
  const pick = m.snils9[a] & 15;
  const main =
    style === "initials"
      ? initialsName(p)
      : style === "mixed" && pick < 4
        ? initialsName(p)
        : style === "mixed" && pick === 4
          ? initialsName(p, "spaced")
          : fullName(p);
  if (kind === 0) return main;
  // a spouse of the other gender with the family surname
  const male = SURNAMES[m.surnameIdx[a]];
  const g = p.gender === 1 ? 0 : 1;
  const spouse = {
    gender: g as 0 | 1,
    surname: g === 1 ? femaleSurname(male) : male,
    firstName: g === 1 ? "Ольга" : MALE_NAMES[(m.firstNameIdx[a] + 3) % MALE_NAMES.length],
    patronymic: PATRONYMICS[(m.patronymicIdx[a] + 5) % PATRONYMICS.length][g],
  };
  return `${initialsName(p)}, ${initialsName(spouse)}`;
}

function snilsText(m: LedgerModel, a: number, valid = true): string {
  const nine = String(m.snils9[a]).padStart(9, "0");
  let check = snilsCheck(nine);
  if (!valid) check = (check + 37) % 100;
  return formatSnils(nine + String(check).padStart(2, "0"));
}

function innText(m: LedgerModel, a: number, valid = true): string {
  return personInn(m.inn6[a], valid);
}

function modelFor(o: CommonSheetOptions, defaults: Partial<LedgerModelOptions>): LedgerModel {
  if (o.model) return o.model;
  return buildLedgerModel({ ...defaults, ...o, accounts: o.accounts ?? defaults.accounts ?? 1000 });
}

// ---------- 1С-style turnover sheet ----------

export interface TurnoverOptions extends CommonSheetOptions {
  /** Birth date, birth place, СНИЛС and ИНН columns (default true). */
  identity?: boolean;
  /** One row per account × service, each account closed by an «Итого по л/с» row (default false). */
  services?: boolean;
}

/**
 * «Оборотная ведомость по лицевым счетам»: title block, two-level header (Сальдо на начало Долг|Аванс, Начислено,
 * Оплачено, Сальдо на конец Долг|Аванс, Пени), a group row per house, «Итого по дому …» rows and a final «Итого».
 * `accounts` = number of accounts (= data rows unless services).
 */
export function turnoverSheet(o: TurnoverOptions = {}): GeneratedLedger {
  const services = o.services ?? false;
  const m = modelFor(o, { months: 12, keepMonths: false, keepServices: services });
  if (services && !m.serviceCharged) throw new Error("turnoverSheet: services need a model built with keepServices");
  const identity = o.identity ?? true;
  const style = o.nameStyle ?? "full";
  const sheet = o.sheet ?? "ОСВ";

  const cols: Record<string, number> = { account: 0, name: 1, address: 2 };
  let c = 3;
  if (services) cols.service = c++;
  if (identity) {
    cols.birthDate = c++;
    cols.birthPlace = c++;
    cols.snils = c++;
    cols.inn = c++;
  }
  cols.openingDebt = c++;
  cols.openingAdvance = c++;
  cols.charged = c++;
  cols.paid = c++;
  cols.closingDebt = c++;
  cols.closingAdvance = c++;
  cols.penalties = c++;
  const width = c;
  const amountCols = [
    cols.openingDebt,
    cols.openingAdvance,
    cols.charged,
    cols.paid,
    cols.closingDebt,
    cols.closingAdvance,
    cols.penalties,
  ];

  const b = new GridBuilder(width);
  b.textRow([m.org]);
  b.textRow(["Оборотная ведомость по лицевым счетам"]);
  b.textRow([`за период ${formatDateRu(periodStart(m.firstPeriod))} - ${formatDateRu(periodEnd(m.lastPeriod))}`]);
  b.textRow(["Сформировано: 05.11.2026 10:15:42"]);
  b.textRow([]);
  const h1: string[] = new Array(width).fill("");
  const h2: string[] = new Array(width).fill("");
  const single: [string, string][] = [
    ["account", "Л/С"],
    ["name", "Собственник"],
    ["address", "Адрес"],
    ["service", "Услуга"],
    ["birthDate", "Дата рождения"],
    ["birthPlace", "Место рождения"],
    ["snils", "СНИЛС"],
    ["inn", "ИНН"],
    ["charged", "Начислено"],
    ["paid", "Оплачено"],
    ["penalties", "Пени"],
  ];
  const top = b.values.length;
  for (const [k, title] of single) {
    if (cols[k] === undefined) continue;
    h1[cols[k]] = title;
    b.merges.push({ top, left: cols[k], bottom: top + 1, right: cols[k] });
  }
  h1[cols.openingDebt] = "Сальдо на начало";
  h2[cols.openingDebt] = "Долг";
  h2[cols.openingAdvance] = "Аванс";
  h1[cols.closingDebt] = "Сальдо на конец";
  h2[cols.closingDebt] = "Долг";
  h2[cols.closingAdvance] = "Аванс";
  b.merges.push({ top, left: cols.openingDebt, bottom: top, right: cols.openingAdvance });
  b.merges.push({ top, left: cols.closingDebt, bottom: top, right: cols.closingAdvance });
  b.textRow(h1);
  b.textRow(h2);
  const headerRow = b.values.length; // 1-based number of the last header row

  const dataFormat: string[] = new Array(width).fill("General");
  for (const ac of amountCols) dataFormat[ac] = MONEY_FORMAT;
  if (identity) {
    dataFormat[cols.birthDate] = DATE_FORMAT;
    dataFormat[cols.snils] = "@";
    dataFormat[cols.inn] = "@";
  }
  const textAccountFormat = dataFormat.slice();
  textAccountFormat[0] = "@";
  const totalFormat: string[] = new Array(width).fill("General");
  for (const ac of amountCols) totalFormat[ac] = MONEY_FORMAT;

  let dataRows = 0;
  const houseSum = new Float64Array(7);
  const grandSum = new Float64Array(7);
  const lineAmounts = new Float64Array(7);

  const setAmounts = (v: CellValue[], t: string[], amounts: Float64Array, blankZero: boolean) => {
    for (let k = 0; k < 7; k++) {
      const kop = amounts[k];
      if (kop === 0 && blankZero && k !== 2 && k !== 3) continue; // Долг/Аванс/Пени: empty when zero
      v[amountCols[k]] = kop / 100;
      t[amountCols[k]] = moneyText(kop);
    }
  };
  const fillAmounts = (
    out: Float64Array,
    opening: number,
    charged: number,
    paid: number,
    closing: number,
    pen: number,
  ) => {
    out[0] = opening > 0 ? opening : 0;
    out[1] = opening < 0 ? -opening : 0;
    out[2] = charged;
    out[3] = paid;
    out[4] = closing > 0 ? closing : 0;
    out[5] = closing < 0 ? -closing : 0;
    out[6] = pen;
  };
  const totalRow = (label: string, sums: Float64Array) => {
    const r = b.textRow([label]);
    b.numberFormat[r] = totalFormat;
    setAmounts(b.values[r], b.text[r], sums, false);
  };
  const dataRow = (a: number): [CellValue[], string[]] => {
    const v: CellValue[] = new Array(width).fill("");
    const t: string[] = new Array(width).fill("");
    const acc = m.account[a];
    v[0] = m.accountIsText[a] ? acc : +acc;
    t[0] = acc;
    const name = ownerText(m, a, style);
    v[1] = name;
    t[1] = name;
    const addr = addressOf(m, a);
    v[2] = addr;
    t[2] = addr;
    if (identity && m.ownerKind[a] !== 2) {
      const iso = fromDayNumber(m.birthDay[a]);
      v[cols.birthDate] = isoToExcelSerial(iso);
      t[cols.birthDate] = formatDateRu(iso);
      const place = birthPlaceOf(m, a);
      v[cols.birthPlace] = place;
      t[cols.birthPlace] = place;
      const sn = snilsText(m, a);
      v[cols.snils] = sn;
      t[cols.snils] = sn;
      const inn = innText(m, a);
      v[cols.inn] = inn;
      t[cols.inn] = inn;
    }
    dataRows++;
    return [v, t];
  };

  let house = -1;
  const nS = SERVICES.length;
  const pushRow = (v: CellValue[], t: string[], a: number) => {
    b.push(v, t, m.accountIsText[a] ? textAccountFormat : dataFormat, a);
  };
  for (let a = 0; a < m.count; a++) {
    if (m.houseOf[a] !== house) {
      if (house >= 0) totalRow(`Итого по дому ${m.houses[house].address}`, houseSum);
      house = m.houseOf[a];
      houseSum.fill(0);
      b.textRow([m.houses[house].address]);
    }
    fillAmounts(lineAmounts, m.opening[a], m.charged[a], m.paid[a], m.closing[a], m.penalties[a]);
    for (let k = 0; k < 7; k++) {
      houseSum[k] += lineAmounts[k];
      grandSum[k] += lineAmounts[k];
    }
    if (!services) {
      const [v, t] = dataRow(a);
      setAmounts(v, t, lineAmounts, true);
      pushRow(v, t, a);
      continue;
    }
    // per service: opening and payments split in proportion to the service's charges, remainder to the last line
    const total = m.charged[a];
    let restOpening = m.opening[a];
    let restPaid = m.paid[a];
    for (let s = 0; s < nS; s++) {
      const ch = m.serviceCharged![a * nS + s];
      const share = total > 0 ? ch / total : 1 / nS;
      const op = s === nS - 1 ? restOpening : Math.round(m.opening[a] * share);
      const pd = s === nS - 1 ? restPaid : Math.round(m.paid[a] * share);
      restOpening -= op;
      restPaid -= pd;
      const [v, t] = dataRow(a);
      v[cols.service] = SERVICES[s].name;
      t[cols.service] = SERVICES[s].name;
      fillAmounts(lineAmounts, op, ch, pd, op + ch - pd, 0);
      setAmounts(v, t, lineAmounts, true);
      pushRow(v, t, a);
    }
    fillAmounts(lineAmounts, m.opening[a], m.charged[a], m.paid[a], m.closing[a], m.penalties[a]);
    totalRow("Итого по л/с", lineAmounts);
  }
  if (house >= 0) totalRow(`Итого по дому ${m.houses[house].address}`, houseSum);
  totalRow("Итого", grandSum);

  const rowAccount = Int32Array.from(b.rowAccount);
  const out: GeneratedLedger = {
    grid: b.grid(sheet),
    layout: "per-account",
    model: m,
    headerRow,
    columns: cols,
    dataRows,
    rowAccount,
    defects: [],
  };
  plantDefects(out, o.defects, services ? "per-service" : "per-account");
  return out;
}

// ---------- one row per account per month ----------

export interface MonthlyRowsOptions extends CommonSheetOptions {
  /** Size by sheet rows instead of accounts: accounts = ⌈rows ÷ months⌉ (so 1 000 000 rows ≈ 27 778 accounts × 36). */
  rows?: number;
  /** How the period cell looks: «Ноябрь 2023» text (default), a date cell 01.11.2023, or «11.2023» text. */
  periodStyle?: "month-name" | "date" | "mm.yyyy";
}

/** «Карточка расчётов»: one row per account per month; signed balances (advance negative). */
export function monthlyRowsSheet(o: MonthlyRowsOptions = {}): GeneratedLedger {
  const sized =
    o.rows !== undefined && o.accounts === undefined ? { ...o, accounts: Math.ceil(o.rows / (o.months ?? 36)) } : o;
  const m = modelFor(sized, { months: 36, keepMonths: true });
  if (!m.monthCharged) throw new Error("monthlyRowsSheet: the model must keep months");
  const style = o.nameStyle ?? "full";
  const sheet = o.sheet ?? "Начисления";
  const periodStyle = o.periodStyle ?? "month-name";
  const cols = {
    account: 0,
    name: 1,
    address: 2,
    period: 3,
    openingBalance: 4,
    charged: 5,
    paid: 6,
    closingBalance: 7,
  };
  const width = 8;
  const b = new GridBuilder(width);
  b.textRow([m.org]);
  b.textRow(["Карточка расчётов по лицевым счетам"]);
  b.textRow([`Период: ${formatDateRu(periodStart(m.firstPeriod))} - ${formatDateRu(periodEnd(m.lastPeriod))}`]);
  b.textRow([]);
  b.textRow([
    "Лицевой счет",
    "ФИО",
    "Адрес",
    "Период",
    "Сальдо на начало месяца",
    "Начислено",
    "Оплачено",
    "Сальдо на конец месяца",
  ]);
  const headerRow = b.values.length;
  const fmt = [
    "General",
    "General",
    "General",
    periodStyle === "date" ? DATE_FORMAT : "@",
    SIGNED_MONEY_FORMAT,
    MONEY_FORMAT,
    MONEY_FORMAT,
    SIGNED_MONEY_FORMAT,
  ];
  const fmtText = fmt.slice();
  fmtText[0] = "@";
  const periodValue: CellValue[] = [];
  const periodText: string[] = [];
  for (const p of m.periods) {
    if (periodStyle === "date") {
      periodValue.push(isoToExcelSerial(periodStart(p)));
      periodText.push(formatDateRu(periodStart(p)));
    } else {
      const s = periodStyle === "mm.yyyy" ? `${p.slice(5, 7)}.${p.slice(0, 4)}` : periodTitle(p);
      periodValue.push(s);
      periodText.push(s);
    }
  }
  const total = b.values.length + m.count * m.months;
  const rowAccount = new Int32Array(total).fill(-1);
  const rowMonth = new Int32Array(total).fill(-1);
  for (let a = 0; a < m.count; a++) {
    const acc = m.account[a];
    const accValue: CellValue = m.accountIsText[a] ? acc : +acc;
    const name = ownerText(m, a, style);
    const addr = addressOf(m, a);
    let bal = m.opening[a];
    for (let k = 0; k < m.months; k++) {
      const ch = m.monthCharged[a * m.months + k];
      const pd = m.monthPaid![a * m.months + k];
      const close = bal + ch - pd;
      const r = b.push(
        [accValue, name, addr, periodValue[k], bal / 100, ch / 100, pd / 100, close / 100],
        [acc, name, addr, periodText[k], moneyText(bal), moneyText(ch), moneyText(pd), moneyText(close)],
        m.accountIsText[a] ? fmtText : fmt,
      );
      rowAccount[r] = a;
      rowMonth[r] = k;
      bal = close;
    }
  }
  const out: GeneratedLedger = {
    grid: b.grid(sheet),
    layout: "per-month-rows",
    model: m,
    headerRow,
    columns: cols,
    dataRows: m.count * m.months,
    rowAccount,
    rowMonth,
    defects: [],
  };
  plantDefects(out, o.defects, "per-month-rows");
  return out;
}

// ---------- months as columns ----------

export interface MonthColumnsOptions extends CommonSheetOptions {
  /** «Начислено | Оплачено» under each month (default), or the debt at each month's end. */
  kind?: "charged-paid" | "debt";
}

/** Months as columns: «Ноябрь 2023» over «Начислено | Оплачено» (or debt per month «11.2023»), then «Сальдо на конец». */
export function monthColumnsSheet(o: MonthColumnsOptions = {}): GeneratedLedger {
  const m = modelFor(o, { months: 36, keepMonths: true });
  if (!m.monthCharged) throw new Error("monthColumnsSheet: the model must keep months");
  const kind = o.kind ?? "charged-paid";
  const style = o.nameStyle ?? "full";
  const sheet = o.sheet ?? "Долги по месяцам";
  const per = kind === "charged-paid" ? 2 : 1;
  const first = 4;
  const width = first + per * m.months + 1;
  const cols: Record<string, number> = {
    account: 0,
    name: 1,
    address: 2,
    openingBalance: 3,
    closingBalance: width - 1,
  };
  if (kind === "charged-paid") cols.charged = first; // the first month's charge column
  const b = new GridBuilder(width);
  b.textRow([m.org]);
  b.textRow([kind === "debt" ? "Задолженность по месяцам" : "Начисления и оплаты по месяцам"]);
  b.textRow([`за период ${formatDateRu(periodStart(m.firstPeriod))} - ${formatDateRu(periodEnd(m.lastPeriod))}`]);
  b.textRow([]);
  const h1: string[] = new Array(width).fill("");
  const h2: string[] = new Array(width).fill("");
  h1[0] = "№ ЛС";
  h1[1] = "Ф.И.О.";
  h1[2] = "Адрес помещения";
  h1[3] = "Входящее сальдо";
  h1[width - 1] = "Исходящее сальдо";
  const top = b.values.length;
  for (let k = 0; k < m.months; k++) {
    const col = first + per * k;
    if (kind === "charged-paid") {
      h1[col] = periodTitle(m.periods[k]);
      h2[col] = "Начислено";
      h2[col + 1] = "Оплачено";
      b.merges.push({ top, left: col, bottom: top, right: col + 1 });
    } else {
      h1[col] = `${m.periods[k].slice(5, 7)}.${m.periods[k].slice(0, 4)}`;
    }
  }
  b.textRow(h1);
  if (kind === "charged-paid") {
    for (const cc of [0, 1, 2, 3, width - 1]) b.merges.push({ top, left: cc, bottom: top + 1, right: cc });
    b.textRow(h2);
  }
  const headerRow = b.values.length;
  const fmt: string[] = new Array(width).fill(MONEY_FORMAT);
  fmt[0] = "General";
  fmt[1] = "General";
  fmt[2] = "General";
  fmt[3] = SIGNED_MONEY_FORMAT;
  fmt[width - 1] = SIGNED_MONEY_FORMAT;
  if (kind === "debt") for (let k = 0; k < m.months; k++) fmt[first + k] = SIGNED_MONEY_FORMAT;
  const fmtText = fmt.slice();
  fmtText[0] = "@";
  const total = b.values.length + m.count;
  const rowAccount = new Int32Array(total).fill(-1);
  for (let a = 0; a < m.count; a++) {
    const v: CellValue[] = new Array(width);
    const t: string[] = new Array(width);
    const acc = m.account[a];
    v[0] = m.accountIsText[a] ? acc : +acc;
    t[0] = acc;
    v[1] = t[1] = ownerText(m, a, style);
    v[2] = t[2] = addressOf(m, a);
    let bal = m.opening[a];
    v[3] = bal / 100;
    t[3] = moneyText(bal);
    for (let k = 0; k < m.months; k++) {
      const ch = m.monthCharged[a * m.months + k];
      const pd = m.monthPaid![a * m.months + k];
      bal += ch - pd;
      const col = first + per * k;
      if (kind === "charged-paid") {
        v[col] = ch / 100;
        t[col] = moneyText(ch);
        v[col + 1] = pd / 100;
        t[col + 1] = moneyText(pd);
      } else {
        v[col] = bal / 100;
        t[col] = moneyText(bal);
      }
    }
    v[width - 1] = bal / 100;
    t[width - 1] = moneyText(bal);
    const r = b.push(v, t, m.accountIsText[a] ? fmtText : fmt);
    rowAccount[r] = a;
  }
  const out: GeneratedLedger = {
    grid: b.grid(sheet),
    layout: "month-columns",
    model: m,
    headerRow,
    columns: cols,
    dataRows: m.count,
    rowAccount,
    defects: [],
  };
  plantDefects(out, o.defects, kind === "debt" ? "month-columns-debt" : "month-columns");
  return out;
}

// ---------- defects ----------

type DefectLayout = "per-account" | "per-service" | "per-month-rows" | "month-columns" | "month-columns-debt";

const SUPPORTED: Record<DefectLayout, readonly DefectKind[]> = {
  "per-account": [
    "account.missing",
    "account.duplicate",
    "amount.invalid",
    "balance.mismatch",
    "name.missing",
    "address.missing",
    "id.snils-invalid",
    "id.inn-invalid",
  ],
  "per-service": ["account.missing", "amount.invalid", "balance.mismatch", "name.missing", "address.missing"],
  "per-month-rows": [
    "account.missing",
    "amount.invalid",
    "balance.mismatch",
    "name.missing",
    "address.missing",
    "period.invalid",
  ],
  "month-columns": [
    "account.missing",
    "account.duplicate",
    "amount.invalid",
    "balance.mismatch",
    "name.missing",
    "address.missing",
  ],
  "month-columns-debt": ["account.missing", "account.duplicate", "amount.invalid", "name.missing", "address.missing"],
};

const BAD_AMOUNTS = ["12,34,56", "1О0,00", "н/д", "сто", "12.5.3", "#ЗНАЧ!", "1 2x4,00"];
const BAD_PERIODS = ["13.2025", "Мартобрь 2025", "00.2024", "2025-15"];

function plantDefects(g: GeneratedLedger, req: DefectRequest | undefined, layout: DefectLayout): void {
  if (!req) return;
  const rng = Prng.derive(g.model.seed, "defects");
  const { grid, columns: cols, model: m, rowAccount } = g;
  const usedAccounts = new Set<number>();
  const dataRowIdx: number[] = [];
  for (let r = 0; r < rowAccount.length; r++) if (rowAccount[r] >= 0) dataRowIdx.push(r);

  const setCell = (r: number, c: number, value: CellValue, text: string, format?: string) => {
    grid.values[r][c] = value;
    grid.text[r][c] = text;
    if (format !== undefined && grid.numberFormat[r][c] !== format) {
      grid.numberFormat[r] = grid.numberFormat[r].slice(); // data rows share one format row
      grid.numberFormat[r][c] = format;
    }
  };
  const record = (kind: DefectKind, r: number, c: number, firstRow?: number) => {
    g.defects.push({
      kind,
      sheet: grid.sheet,
      row: r + 1,
      col: c,
      cell: cellAddress(r, c),
      account: grid.text[r][cols.account],
      firstRow,
    });
  };
  /** A random data row whose account has no defect yet and which passes `ok`. */
  const pickRow = (ok: (r: number) => boolean): number => {
    for (let attempt = 0; attempt < 100_000; attempt++) {
      const r = dataRowIdx[rng.int(0, dataRowIdx.length - 1)];
      const a = rowAccount[r];
      if (usedAccounts.has(a) || !ok(r)) continue;
      usedAccounts.add(a);
      return r;
    }
    throw new Error("plantDefects: no free row for a defect (ledger too small for the requested defects)");
  };
  const isLastMonth = (r: number) => !g.rowMonth || g.rowMonth[r] === m.months - 1;
  const personal = (r: number) => m.ownerKind[rowAccount[r]] === 0;

  for (const kind of Object.keys(req) as DefectKind[]) {
    const count = req[kind] ?? 0;
    if (count <= 0) continue;
    if (!SUPPORTED[layout].includes(kind))
      throw new Error(`plantDefects: ${kind} is not supported in the ${layout} layout`);
    for (let i = 0; i < count; i++) {
      switch (kind) {
        case "account.missing": {
          const r = pickRow(() => true);
          record(kind, r, cols.account);
          setCell(r, cols.account, "", "", "General");
          g.defects[g.defects.length - 1].account = "";
          break;
        }
        case "account.duplicate": {
          // the row takes the account of the data row above it (which must belong to another, untouched account)
          const r = pickRow(
            (x) =>
              x > 0 &&
              rowAccount[x - 1] >= 0 &&
              rowAccount[x - 1] !== rowAccount[x] &&
              !usedAccounts.has(rowAccount[x - 1]),
          );
          usedAccounts.add(rowAccount[r - 1]);
          setCell(
            r,
            cols.account,
            grid.values[r - 1][cols.account],
            grid.text[r - 1][cols.account],
            grid.numberFormat[r - 1][cols.account],
          );
          record(kind, r, cols.account, r);
          break;
        }
        case "amount.invalid": {
          const c = cols.charged ?? cols.closingBalance;
          const r = pickRow(() => true);
          const bad = rng.pick(BAD_AMOUNTS);
          setCell(r, c, bad, bad, "@");
          record(kind, r, c);
          break;
        }
        case "balance.mismatch": {
          // closing changed by 1,00–50,00 ₽; in the monthly layout only on an account's last month (no continuity break)
          const r = pickRow(isLastMonth);
          const delta = rng.int(1, 50) * 100;
          let c = cols.closingBalance ?? cols.closingDebt;
          if (
            cols.closingDebt !== undefined &&
            grid.values[r][cols.closingDebt] === "" &&
            grid.values[r][cols.closingAdvance] !== ""
          )
            c = cols.closingAdvance;
          const old = grid.values[r][c];
          const kop = Math.round((typeof old === "number" ? old : 0) * 100) + delta;
          setCell(r, c, kop / 100, moneyText(kop));
          record(kind, r, c);
          break;
        }
        case "name.missing": {
          const r = pickRow(() => true);
          setCell(r, cols.name, "", "");
          record(kind, r, cols.name);
          break;
        }
        case "address.missing": {
          const r = pickRow(() => true);
          setCell(r, cols.address, "", "");
          record(kind, r, cols.address);
          break;
        }
        case "period.invalid": {
          const r = pickRow(() => true);
          const bad = rng.pick(BAD_PERIODS);
          setCell(r, cols.period, bad, bad, "@");
          record(kind, r, cols.period);
          break;
        }
        case "id.snils-invalid": {
          const r = pickRow(personal);
          const s = snilsText(m, rowAccount[r], false);
          setCell(r, cols.snils, s, s);
          record(kind, r, cols.snils);
          break;
        }
        case "id.inn-invalid": {
          const r = pickRow(personal);
          const s = innText(m, rowAccount[r], false);
          setCell(r, cols.inn, s, s);
          record(kind, r, cols.inn);
          break;
        }
      }
    }
  }
  g.defects.sort((x, y) => x.row - y.row || x.col - y.col);
}
