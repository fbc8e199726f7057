/**
 * Court-order candidates (plan, measure 1): consumers whose debt is ≥ multiple × the average monthly obligation,
 * with the claim composed as of a date (principal by period, penalties, state duty, the time-barred part) and the
 * route (court order up to the ГПК 121 / АПК 229.2 limit, a lawsuit above it or where an order is not possible).
 *
 * Decisions worth knowing:
 * - The comparison is exact in integers: debt × months ≥ multiple × charges (the multiple as hundredths), so the
 *   rounded average shown never flips a decision.
 * - The window is the ledger's last `windowMonths` calendar months that began on or before the as-of date; an
 *   account with no rows in some of those months has zero charges there (the divisor is the ledger's window).
 * - Month-level payments have no exact date: they are dated the FIRST day of the month they were booked in, which
 *   never overstates penalties (ЖК 155 ч. 14 counts delay up to the payment day) and go to the oldest debt first
 *   (ГК 319.1 п. 3). An opening debt is dated the month before the ledger's first month.
 * - Debt is the closing debt (the issue's rule), months not yet due included; the assumptions say which months those
 *   are. The setting overdueOnly (law-ru.md §g) leaves them out of the rule's debt and of the claim.
 * - Register rows are matched by account (leading zeros ignored) or, in a register kept without accounts, by the
 *   debtor's full name; a row without a period covers the months before its filing/order date (all, without one).
 */
import { addPeriods, periodOf, periodStart, type IsoDate, type Period } from "../dates";
import type { CanonicalLedger, LedgerAccount, LedgerMonth } from "../ledger/model";
import { formatKopecksRu, roundRationalHalfUp, type Kopecks } from "../money";
import { STATUSES_FREEING_PERIOD } from "../register/columns";
import type { RegisterEntry } from "../register/recognize";
import {
  isLegalEntity,
  missingApplicationMask,
  missingApplicationWarning,
  nameFlags,
  severalOwnersWithoutShares,
} from "./debtor";
import type { CourtKind, CourtProtection, LawCharge, LawEngine, LawPayment } from "./lawEngine";
import { candidateSettings, courtOrderLimit, type CandidateSettings, type RuleMode } from "./rules";

export type Route = "court-order" | "lawsuit";

/** Statuses a row may still show when only the cancel date was typed (the clerk did not update the status). */
const STATUSES_BEFORE_CANCEL: readonly RegisterEntry["status"][] = ["подготовлено", "подано", "приказ вынесен"];

export const NO_PENALTY_WARNING = "пени не рассчитаны: в реестре нет помесячных начислений и оплат";

export interface PrincipalPeriod {
  period: Period;
  amount: Kopecks;
  barred: boolean;
}

export interface Candidate {
  /** As displayed in the ledger (leading zeros kept). */
  account: string;
  debtor: string;
  address: string;
  /** 1-based Excel row of the account in the ledger. */
  row: number;
  legalEntity: boolean;
  court: CourtKind;
  route: Route;
  /** The debt the rule compared (the account's, or in per-service mode the qualifying service's). */
  debt: Kopecks;
  /** The account's closing debt as of the date (all services). */
  accountDebt: Kopecks;
  /** Months in the averaging window and the charges over them. */
  windowMonths: number;
  windowCharges: Kopecks;
  /** windowCharges / windowMonths rounded half up (reported only). */
  averageMonthly: Kopecks;
  /** debt / average, two decimals; null when nothing was charged in the window. */
  ratio: number | null;
  /** In per-service mode: the service whose debt met the rule (the one with the highest ratio). */
  service?: string;
  /** «долг 14 210,55 ≥ 2 × 6 830,40 (среднее за 12 мес.)» */
  reason: string;
  periodFrom: Period | null;
  periodTo: Period | null;
  /** Months whose limitation has run out on the filing date (principalByPeriodFor gives the amounts by month). */
  barredPeriods: Period[];
  principal: Kopecks;
  penalty: Kopecks;
  penaltyCalculated: boolean;
  stateDuty: Kopecks;
  timeBarred: Kopecks;
  /** principal + penalty — the claim's price. */
  claim: Kopecks;
  /** What the ledger knows of the debtor beyond the name (for the register and the application). */
  debtorData: DebtorData;
  warnings: string[];
}

export interface DebtorData {
  birthDate?: IsoDate;
  birthPlace?: string;
  snils?: string;
  inn?: string;
  passport?: string;
}

const NO_DEBTOR_DATA: DebtorData = Object.freeze({});
const NO_ENTRIES: RegisterEntry[] = [];
const NO_PERIODS: Period[] = Object.freeze([]) as unknown as Period[];

export interface ExcludedCandidate {
  account: string;
  debtor: string;
  row: number;
  debt: Kopecks;
  claim: Kopecks;
  reasons: string[];
}

export interface CandidateTotals {
  count: number;
  principal: Kopecks;
  penalty: Kopecks;
  stateDuty: Kopecks;
  timeBarred: Kopecks;
  claim: Kopecks;
}

export interface CandidateSelection {
  asOf: IsoDate;
  filingDate: IsoDate;
  rule: { multiple: number; windowMonths: number; mode: RuleMode };
  /** Russian description of the rule as applied («по сумме по лицевому счёту» / «по каждой услуге»). */
  ruleText: string;
  candidates: Candidate[];
  excluded: ExcludedCandidate[];
  totals: CandidateTotals;
  /** monthly: the plan's target; covered: claims of the candidates that go by court order. */
  target: { monthly: Kopecks; covered: Kopecks; share: number };
  assumptions: string[];
}

export interface SelectOptions {
  asOf: IsoDate;
  settings?: Partial<CandidateSettings>;
  /** Rows of the court-work register (ours or the clerk's), to skip debts already in work. */
  register?: RegisterEntry[];
  law: LawEngine;
}

interface RuleOutcome {
  debt: Kopecks;
  months: number;
  charges: Kopecks;
  passes: boolean;
  service?: string;
}

/**
 * Exact rule: debt × months ≥ multiple × charges, the multiple kept as whole hundredths. Plain numbers while the
 * products stay exact integers (any real ledger), BigInt beyond that.
 */
function rulePasses(debt: Kopecks, months: number, charges: Kopecks, multipleHundredths: number): boolean {
  if (debt <= 0) return false; // an advance or zero balance is never a candidate
  const c = Math.max(charges, 0);
  const left = debt * months * 100;
  const right = multipleHundredths * c;
  if (Number.isSafeInteger(left) && Number.isSafeInteger(right)) return left >= right;
  return BigInt(debt) * BigInt(months) * 100n >= BigInt(multipleHundredths) * BigInt(c);
}

/** a / b rounded half up for non-negative integers (b > 0). */
function divideHalfUp(a: number, b: number): number {
  const twice = 2 * a + b;
  if (Number.isSafeInteger(twice) && Number.isSafeInteger(2 * b)) return Math.floor(twice / (2 * b));
  return roundRationalHalfUp(BigInt(a), BigInt(b));
}

function ratioOf(debt: Kopecks, months: number, charges: Kopecks): number | null {
  if (charges <= 0) return null;
  return divideHalfUp(debt * months * 100, charges) / 100;
}

function formatMultiple(m: number): string {
  return String(m).replace(".", ",");
}

/** Months of the ledger's calendar that began on or before the as-of date, oldest first. */
function ledgerPeriods(ledger: CanonicalLedger, asOf: IsoDate): Period[] {
  const asOfPeriod = periodOf(asOf);
  let first: Period | null = null;
  let last: Period | null = null;
  if (ledger.layout === "per-account") {
    if (ledger.period.from) first = periodOf(ledger.period.from);
    if (ledger.period.to) last = periodOf(ledger.period.to);
  } else {
    // months are sorted within an account: its first month and its last one not after the as-of date suffice
    for (const a of ledger.accounts) {
      const ms = a.months;
      if (!ms || ms.length === 0) continue;
      if (ms[0].period <= asOfPeriod && (first === null || ms[0].period < first)) first = ms[0].period;
      let i = ms.length - 1;
      while (i >= 0 && ms[i].period > asOfPeriod) i--;
      if (i >= 0 && (last === null || ms[i].period > last)) last = ms[i].period;
    }
  }
  if (first === null || last === null) return [];
  // a one-row ledger's «Начислено» covers its whole period, so its months are counted as the ledger states them
  if (ledger.layout !== "per-account" && last > asOfPeriod) last = asOfPeriod;
  const out: Period[] = [];
  for (let p = first; p <= last; p = addPeriods(p, 1)) out.push(p);
  return out;
}

function hasMonthLevelData(ledger: CanonicalLedger): boolean {
  if (ledger.layout === "per-account") return false;
  if (ledger.layout === "month-columns") {
    const kinds = new Set((ledger.monthColumns ?? []).map((m) => m.kind));
    return kinds.has("charged") && kinds.has("paid");
  }
  return true;
}

export function selectCandidates(ledger: CanonicalLedger, options: SelectOptions): CandidateSelection {
  const settings = candidateSettings(options.settings);
  const { asOf, law } = options;
  const filingDate = settings.filingDate ?? asOf;
  const multipleHundredths = Math.round(settings.multiple * 100);
  const asOfPeriod = periodOf(asOf);
  const assumptions: string[] = [];

  const monthLevel = hasMonthLevelData(ledger);
  const periods = ledgerPeriods(ledger, asOf);
  const window = periods.slice(-settings.windowMonths);
  const windowFirst: Period | null = window.length ? window[0] : null;
  let windowMonths = window.length;
  if (!monthLevel) {
    // one figure per account: «Начислено» ÷ months of the ledger's period (the whole period)
    windowMonths = periods.length;
    if (windowMonths === 0) {
      windowMonths = 1;
      assumptions.push("период реестра не указан: «Начислено» принято за 1 месяц");
    }
  } else if (window.length < settings.windowMonths) {
    assumptions.push(
      `реестр охватывает ${window.length} мес. до даты расчёта: среднее считается за ${window.length} мес.`,
    );
  }
  if (monthLevel) {
    assumptions.push(
      "оплаты месяца без точной даты отнесены на 1-е число месяца, в котором они проведены (так пени не завышаются)",
      "оплаты без указания периода погашают самый ранний долг (ГК 319.1 п. 3)",
      "входящее сальдо отнесено к месяцу, предшествующему первому месяцу реестра",
    );
  }
  // months not yet due on the as-of date (ЖК 155 ч. 1): due dates grow with the month, so they are the newest ones
  let notDueFrom: Period | null = null;
  const notDueText: string[] = [];
  if (monthLevel) {
    const contractDay = typeof settings.penalty?.contractDay === "number" ? settings.penalty.contractDay : null;
    for (let i = periods.length - 1; i >= 0; i--) {
      const due = law.dueDate(periods[i], { contractDay });
      if (due < asOf) break;
      notDueFrom = periods[i];
      notDueText.unshift(`за ${ruPeriod(periods[i])} — до ${ruDate(due)}`);
    }
  }
  if (settings.overdueOnly && !monthLevel) {
    assumptions.push(
      "в реестре нет помесячных начислений: просроченный долг не выделить, взят весь долг на конец периода",
    );
  } else if (settings.overdueOnly && notDueFrom !== null) {
    assumptions.push(
      `учитывается только просроченный долг (настройка): начисления, срок оплаты которых не наступил (${notDueText.join(", ")}), не входят ни в долг правила, ни в требование (ЖК 155 ч. 1)`,
    );
  } else if (notDueFrom !== null) {
    assumptions.push(
      `долг взят по сальдо на дату расчёта, в том числе начисления, срок оплаты которых ещё не наступил (${notDueText.join(", ")}; ЖК 155 ч. 1); чтобы считать только просроченный долг, включите настройку «Только просроченный долг»`,
    );
  }
  const overdueFrom = settings.overdueOnly ? notDueFrom : null;
  assumptions.push(
    !monthLevel
      ? "срок исковой давности не проверен: в реестре нет помесячных начислений — проверьте, нет ли в долге сумм старше трёх лет (ГК 196, 200)"
      : settings.includeTimeBarred
        ? "долг за пределами срока исковой давности включён в требование (настройка)"
        : "долг за пределами срока исковой давности (ГК 196, 200) исключён из требования",
  );

  const registerIndex = indexRegister(options.register ?? []);
  const scratch = new PenaltyScratch();
  const candidates: Candidate[] = [];
  const excluded: ExcludedCandidate[] = [];

  for (const account of ledger.accounts) {
    const months = monthLevel ? monthsUpTo(account.months, asOfPeriod) : null;
    const outcome =
      settings.mode === "service" && account.services && account.services.length > 0
        ? ruleByService(
            account,
            months,
            windowFirst,
            windowMonths,
            monthLevel,
            multipleHundredths,
            asOfPeriod,
            overdueFrom,
          )
        : ruleByAccount(account, months, windowFirst, windowMonths, multipleHundredths, overdueFrom);
    if (!outcome.passes) continue;

    const c = composeClaim(account, months, outcome, {
      ledger,
      monthLevel,
      settings,
      asOf,
      filingDate,
      law,
      register: registerRowsFor(registerIndex, account),
      scratch,
      notDueFrom: overdueFrom,
    });
    if (c.excludeReasons.length > 0) {
      excluded.push({
        account: account.account,
        debtor: account.name,
        row: account.row,
        debt: c.candidate.debt,
        claim: c.candidate.claim,
        reasons: c.excludeReasons,
      });
    } else {
      candidates.push(c.candidate);
    }
  }

  let uncharged = 0;
  for (const c of candidates) if (c.windowCharges <= 0) uncharged++;
  if (uncharged > 0) {
    const one = uncharged % 10 === 1 && uncharged % 100 !== 11;
    assumptions.push(
      `у ${uncharged} ${one ? "кандидата" : "кандидатов"} за окно усреднения ничего не начислено: правило выполнено при любом долге — проверьте, есть ли в реестре начисления`,
    );
  }
  if (!monthLevel && ledger.period.to && ledger.period.to > asOf) {
    assumptions.push(
      `реестр составлен по ${ruDate(ledger.period.to)} — позже даты расчёта ${ruDate(asOf)}: долг и начисления взяты на конец периода реестра`,
    );
  }

  candidates.sort((a, b) => b.claim - a.claim || (a.account < b.account ? -1 : a.account > b.account ? 1 : 0));
  const totals: CandidateTotals = {
    count: candidates.length,
    principal: 0,
    penalty: 0,
    stateDuty: 0,
    timeBarred: 0,
    claim: 0,
  };
  let covered = 0;
  for (const c of candidates) {
    totals.principal += c.principal;
    totals.penalty += c.penalty;
    totals.stateDuty += c.stateDuty;
    totals.timeBarred += c.timeBarred;
    totals.claim += c.claim;
    if (c.route === "court-order") covered += c.claim;
  }
  const share = settings.monthlyTarget > 0 ? Math.round((covered / settings.monthlyTarget) * 1000) / 10 : 0;
  const ruleText =
    settings.mode === "service"
      ? `долг по услуге ≥ ${formatMultiple(settings.multiple)} × среднемесячное начисление по этой услуге (по каждой услуге отдельно)`
      : `долг по лицевому счёту ≥ ${formatMultiple(settings.multiple)} × среднемесячное начисление (по сумме всех услуг)`;
  return {
    asOf,
    filingDate,
    rule: { multiple: settings.multiple, windowMonths: settings.windowMonths, mode: settings.mode },
    ruleText,
    candidates,
    excluded,
    totals,
    target: { monthly: settings.monthlyTarget, covered, share },
    assumptions,
  };
}

function monthsUpTo(months: LedgerMonth[] | undefined, asOfPeriod: Period): LedgerMonth[] {
  if (!months || months.length === 0) return [];
  if (months[months.length - 1].period <= asOfPeriod) return months;
  return months.filter((m) => m.period <= asOfPeriod);
}

function monthlyDebt(months: LedgerMonth[], fallbackOpening: Kopecks): { debt: Kopecks; opening: Kopecks } {
  const opening = months.length > 0 && months[0].opening !== undefined ? months[0].opening : fallbackOpening;
  let debt = opening;
  for (const m of months) debt += m.charged - m.paid;
  return { debt, opening };
}

/**
 * The debt less what is unpaid of the months not yet due (from `notDueFrom` on). Payments go to the oldest debt first
 * (ГК 319.1 п. 3), so the unpaid part sits in the newest months: at most their charges (and refunds) stay unpaid.
 */
function overdueOf(debt: Kopecks, months: LedgerMonth[], notDueFrom: Period | null): Kopecks {
  if (notDueFrom === null || debt <= 0) return debt;
  let recent = 0;
  for (let i = months.length - 1; i >= 0 && months[i].period >= notDueFrom; i--) {
    recent += Math.max(months[i].charged, 0) + Math.max(-months[i].paid, 0);
  }
  return debt - Math.min(debt, recent);
}

function windowCharges(months: LedgerMonth[], windowFirst: Period | null): Kopecks {
  if (windowFirst === null) return 0;
  let sum = 0;
  for (let i = months.length - 1; i >= 0 && months[i].period >= windowFirst; i--) sum += months[i].charged;
  return sum;
}

function ruleByAccount(
  account: LedgerAccount,
  months: LedgerMonth[] | null,
  windowFirst: Period | null,
  windowMonths: number,
  multipleHundredths: number,
  notDueFrom: Period | null,
): RuleOutcome {
  let debt: Kopecks;
  let charges: Kopecks;
  if (months && months.length > 0) {
    debt = overdueOf(monthlyDebt(months, account.opening ?? 0).debt, months, notDueFrom);
    charges = windowCharges(months, windowFirst);
  } else {
    debt = account.closing;
    charges = account.charged;
  }
  const months_ = Math.max(windowMonths, 1);
  return { debt, months: months_, charges, passes: rulePasses(debt, months_, charges, multipleHundredths) };
}

const PENALTY_SERVICE = /пен[иья]/i;

function ruleByService(
  account: LedgerAccount,
  months: LedgerMonth[] | null,
  windowFirst: Period | null,
  windowMonths: number,
  monthly: boolean,
  multipleHundredths: number,
  asOfPeriod: Period,
  notDueFrom: Period | null,
): RuleOutcome {
  // the account's total debt is what gets claimed; the rule decides on the service lines
  const total = ruleByAccount(account, months, windowFirst, windowMonths, multipleHundredths, notDueFrom);
  let best: { debt: Kopecks; charges: Kopecks; service: string; ratio: number } | null = null;
  const n = Math.max(windowMonths, 1);
  for (const line of account.services ?? []) {
    if (PENALTY_SERVICE.test(line.service)) continue; // penalties are not a monthly obligation
    let debt = line.closing;
    let charges = line.charged;
    if (monthly && line.months && line.months.length > 0) {
      const lm = monthsUpTo(line.months, asOfPeriod);
      debt = overdueOf(monthlyDebt(lm, line.opening).debt, lm, notDueFrom);
      charges = windowCharges(lm, windowFirst);
    }
    if (!rulePasses(debt, n, charges, multipleHundredths)) continue;
    const ratio = charges > 0 ? (debt * n) / charges : Number.POSITIVE_INFINITY;
    if (!best || ratio > best.ratio) best = { debt, charges, service: line.service, ratio };
  }
  if (!best) return { ...total, passes: false };
  return { debt: best.debt, months: n, charges: best.charges, service: best.service, passes: total.debt > 0 };
}

interface ComposeContext {
  ledger: CanonicalLedger;
  monthLevel: boolean;
  settings: CandidateSettings;
  asOf: IsoDate;
  filingDate: IsoDate;
  law: LawEngine;
  register: RegisterEntry[];
  scratch: PenaltyScratch;
  /** With «Только просроченный долг»: the first month not yet due (left out of the claim); null otherwise. */
  notDueFrom: Period | null;
}

/** An account number as both registers may show it: a number cell in the clerk's register loses leading zeros. */
function accountKey(account: string): string {
  const t = account.trim();
  return /^\d+$/.test(t) ? t.replace(/^0+(?=\d)/, "") : t;
}

/** A full name compared case- and spacing-insensitively («СОКОЛОВА ЕЛЕНА ВИКТОРОВНА» = «Соколова Елена Викторовна»). */
function nameKey(name: string): string {
  return name
    .toLowerCase()
    .replace(/ё/g, "е")
    .replace(/[^а-яa-z0-9]+/g, " ")
    .trim();
}

interface RegisterIndex {
  byAccount: Map<string, RegisterEntry[]>;
  /** Rows of a register kept without account numbers, by the debtor's name. */
  byName: Map<string, RegisterEntry[]>;
}

function indexRegister(entries: RegisterEntry[]): RegisterIndex {
  const index: RegisterIndex = { byAccount: new Map(), byName: new Map() };
  for (const e of entries) {
    let map = index.byAccount;
    let k = accountKey(e.account);
    if (k === "") {
      map = index.byName;
      k = nameKey(e.debtor.split("\n")[0]); // «ФИО⏎дата рождения⏎место» in one cell: the name is the first line
    }
    if (k === "") continue;
    const list = map.get(k);
    if (list) list.push(e);
    else map.set(k, [e]);
  }
  return index;
}

function registerRowsFor(index: RegisterIndex, account: LedgerAccount): RegisterEntry[] {
  const byAccount = index.byAccount.get(accountKey(account.account));
  const byName = index.byName.size > 0 ? index.byName.get(nameKey(account.name)) : undefined;
  if (byAccount && byName) return [...byAccount, ...byName];
  return byAccount ?? byName ?? NO_ENTRIES;
}

function overlaps(e: RegisterEntry, from: Period | null, to: Period | null): boolean {
  if (!from || !to) return true;
  if (!e.periodFrom && !e.periodTo) {
    // period not stated: a claim filed (or an order issued) in a month covers only months before it; without
    // either date assume it may cover the debt
    const filed = e.filingDate ?? e.orderDate;
    return filed ? from < periodOf(filed) : true;
  }
  const ef = e.periodFrom ?? e.periodTo!;
  const et = e.periodTo ?? e.periodFrom!;
  return ef <= to && from <= et;
}

function describeEntry(e: RegisterEntry): string {
  const parts: string[] = [];
  if (e.caseNumber) parts.push(`дело № ${e.caseNumber}`);
  if (e.orderDate) parts.push(`приказ от ${ruDate(e.orderDate)}`);
  if (e.periodFrom || e.periodTo)
    parts.push(`период ${ruPeriod(e.periodFrom ?? e.periodTo!)}–${ruPeriod(e.periodTo ?? e.periodFrom!)}`);
  else parts.push("период не указан");
  parts.push(`строка ${e.row}`);
  if (accountKey(e.account) === "") parts.push("совпадение по ФИО — Л/С в реестре взыскания не указан");
  return parts.join(", ");
}

function ruDate(d: IsoDate): string {
  return `${d.slice(8, 10)}.${d.slice(5, 7)}.${d.slice(0, 4)}`;
}
function ruPeriod(p: Period): string {
  return `${p.slice(5, 7)}.${p.slice(0, 4)}`;
}

/** «2025-03» → «2025-03-01», one string per month for all accounts. */
const firstDays = new Map<Period, IsoDate>();
function firstDay(p: Period): IsoDate {
  let d = firstDays.get(p);
  if (d === undefined) {
    d = periodStart(p);
    if (firstDays.size > 2000) firstDays.clear();
    firstDays.set(p, d);
  }
  return d;
}

/**
 * Charges and payments for the law engine from month-level rows: a month's payments are dated the first day of the
 * month they were booked in (no exact date is known; the earliest possible date never overstates penalties) and
 * name no period (ГК 319.1 п. 3: the oldest debt first); an opening debt is a charge of the month before the first;
 * an opening advance, a negative charge (credit recalculation) are payments; a negative payment (refund) is a charge.
 */
export function penaltyInputFromMonths(
  months: LedgerMonth[],
  opening: Kopecks,
  scratch?: PenaltyScratch,
): { charges: LawCharge[]; payments: LawPayment[] } {
  const out = scratch ?? new PenaltyScratch();
  out.reset();
  if (months.length === 0) return out;
  if (opening > 0) out.charge(addPeriods(months[0].period, -1), opening);
  else if (opening < 0) out.payment(firstDay(months[0].period), -opening);
  for (const m of months) {
    if (m.charged > 0) out.charge(m.period, m.charged);
    else if (m.charged < 0) out.payment(firstDay(m.period), -m.charged);
    if (m.paid > 0) out.payment(firstDay(m.period), m.paid);
    else if (m.paid < 0) out.charge(m.period, -m.paid);
  }
  return out;
}

/**
 * Reusable charge/payment lists for the law engine: selection over 100 000 accounts refills the same objects
 * instead of making millions of short-lived ones (the engine does not keep its inputs after returning).
 */
export class PenaltyScratch {
  readonly charges: LawCharge[] = [];
  readonly payments: LawPayment[] = [];
  private readonly chargePool: LawCharge[] = [];
  private readonly paymentPool: LawPayment[] = [];

  reset(): void {
    this.charges.length = 0;
    this.payments.length = 0;
  }

  charge(period: Period, amount: Kopecks): void {
    let c = this.chargePool[this.charges.length];
    if (c === undefined) {
      c = { period, amount };
      this.chargePool.push(c);
    } else {
      c.period = period;
      c.amount = amount;
    }
    this.charges.push(c);
  }

  payment(date: IsoDate, amount: Kopecks): void {
    let p = this.paymentPool[this.payments.length];
    if (p === undefined) {
      p = { date, amount, period: null };
      this.paymentPool.push(p);
    } else {
      p.date = date;
      p.amount = amount;
    }
    this.payments.push(p);
  }
}

/**
 * What stays unpaid of each period when payments that name no period go to the oldest debt first (ГК 319.1 п. 3) —
 * the law engine's allocation gives the same remainders; this is the same rule without building the chunks.
 * `charges` must be in period order (as penaltyInputFromMonths makes them).
 */
export function unpaidByPeriod(charges: LawCharge[], payments: LawPayment[]): PrincipalPeriod[] {
  let pool = 0;
  for (const p of payments) if (p.amount > 0) pool += p.amount;
  const out: PrincipalPeriod[] = [];
  for (const c of charges) {
    if (c.amount <= 0) continue;
    const take = Math.min(pool, c.amount);
    pool -= take;
    const unpaid = c.amount - take;
    if (unpaid <= 0) continue;
    const last = out[out.length - 1];
    if (last && last.period === c.period) last.amount += unpaid;
    else out.push({ period: c.period, amount: unpaid, barred: false });
  }
  return out;
}

/** Claim composition by month for one account as of a date: what is unpaid of each month (month-level ledgers). */
export function principalByPeriodFor(
  account: LedgerAccount,
  asOf: IsoDate,
  barredPeriods: readonly Period[] = [],
): PrincipalPeriod[] {
  const input = penaltyInputForAccount(account, asOf);
  if (!input) return [];
  const barred = new Set(barredPeriods);
  return unpaidByPeriod(input.charges, input.payments).map((p) => (barred.has(p.period) ? { ...p, barred: true } : p));
}

/** The penalty inputs of a ledger account as of a date (null when the account has no month-level rows). */
export function penaltyInputForAccount(
  account: LedgerAccount,
  asOf: IsoDate,
): { charges: LawCharge[]; payments: LawPayment[] } | null {
  const months = monthsUpTo(account.months, periodOf(asOf));
  if (months.length === 0) return null;
  return penaltyInputFromMonths(months, monthlyDebt(months, account.opening ?? 0).opening);
}

function composeClaim(
  account: LedgerAccount,
  months: LedgerMonth[] | null,
  outcome: RuleOutcome,
  ctx: ComposeContext,
): { candidate: Candidate; excludeReasons: string[] } {
  const { settings, law } = ctx;
  const warnings: string[] = [];
  const excludeReasons: string[] = [];
  const legalEntity = isLegalEntity(account.name, account.inn);
  const court: CourtKind = legalEntity ? "arbitration" : "general";

  // --- principal by period (and the inputs for penalties) ---
  let principalByPeriod: PrincipalPeriod[] = [];
  let periodFrom: Period | null = null;
  let periodTo: Period | null = null;
  let penaltyInput: { charges: LawCharge[]; payments: LawPayment[] } | undefined;
  let debt: Kopecks;
  const monthLevel = ctx.monthLevel && months !== null && months.length > 0;
  if (monthLevel) {
    const { debt: d, opening } = monthlyDebt(months!, account.opening ?? 0);
    debt = d;
    const { charges, payments } = penaltyInputFromMonths(months!, opening, ctx.scratch);
    principalByPeriod = unpaidByPeriod(charges, payments);
    const notDueFrom = ctx.notDueFrom;
    if (notDueFrom !== null) principalByPeriod = principalByPeriod.filter((p) => p.period < notDueFrom);
    penaltyInput = { charges, payments };
  } else {
    debt = outcome.service !== undefined ? account.closing : outcome.debt;
    const from = ctx.ledger.period.from ? periodOf(ctx.ledger.period.from) : null;
    const to = ctx.ledger.period.to ? periodOf(ctx.ledger.period.to) : from;
    periodFrom = from;
    periodTo = to;
    warnings.push(NO_PENALTY_WARNING);
    // a «Пени» service line is part of the closing debt, but it is not principal (the application lists it apart)
    let penaltyLines = 0;
    let penaltyLine = "";
    for (const line of account.services ?? []) {
      if (!PENALTY_SERVICE.test(line.service) || line.closing <= 0) continue;
      penaltyLines += line.closing;
      penaltyLine ||= line.service;
    }
    if (penaltyLines > 0) {
      warnings.push(
        `в долг входят пени по строке «${penaltyLine}» реестра: ${formatKopecksRu(penaltyLines)} ₽ — в заявлении укажите их отдельно от основного долга`,
      );
    }
  }

  // --- register: open cases for overlapping periods, cancelled orders ---
  if (principalByPeriod.length > 0) {
    periodFrom = principalByPeriod[0].period;
    periodTo = principalByPeriod[principalByPeriod.length - 1].period;
  }
  const courtProtection: CourtProtection[] = [];
  let cancelledOrder = false;
  let refusedOrder = false;
  for (const e of ctx.register) {
    if (!overlaps(e, periodFrom, periodTo)) continue;
    // a cancel date with a later status typed (e.g. «иск подан») is a case still in work, not an order to replace
    if (e.status === "приказ отменён" || (e.cancelDate && STATUSES_BEFORE_CANCEL.includes(e.status))) {
      cancelledOrder = true;
      warnings.push(
        `судебный приказ за этот период отменён${e.cancelDate ? ` ${ruDate(e.cancelDate)}` : ""} (${describeEntry(e)}): нужен иск, не новый приказ (ГПК 129)`,
      );
      const filed = e.filingDate ?? e.orderDate;
      if (filed && e.cancelDate) courtProtection.push({ filed, cancelled: e.cancelDate });
    } else if (e.status === "отказано") {
      refusedOrder = true;
      warnings.push(
        `отказано в выдаче судебного приказа за этот период (${describeEntry(e)}): повторно приказ не выдадут — нужен иск (ГПК 125)`,
      );
    } else if (!STATUSES_FREEING_PERIOD.includes(e.status)) {
      excludeReasons.push(`уже в реестре взыскания со статусом «${e.statusText || e.status}» (${describeEntry(e)})`);
    }
  }

  // --- limitation (ГК 196, 200, 204) ---
  let timeBarred = 0;
  // a period's term ends no earlier than its first day + 3 years (due date ≥ the period's start), so only periods
  // with periodStart(p + 36 months) before the filing date can be barred; the rest skip the per-period law work
  const bound = addPeriods(periodOf(ctx.filingDate), -36);
  const boundOpen = !ctx.filingDate.endsWith("-01");
  const possiblyBarred = principalByPeriod.filter((p) => p.period < bound || (boundOpen && p.period === bound));
  if (possiblyBarred.length > 0) {
    const tb = law.timeBarred(
      possiblyBarred.map((p) => ({ period: p.period, unpaid: p.amount })),
      ctx.filingDate,
      courtProtection.length ? { courtProtection } : undefined,
    );
    timeBarred = tb.barred;
    if (tb.barredPeriods.length > 0) {
      const barred = new Set(tb.barredPeriods);
      principalByPeriod = principalByPeriod.map((p) => (barred.has(p.period) ? { ...p, barred: true } : p));
    }
  }
  const barredPeriods: Period[] = [];
  let principal = 0;
  let claimedFrom: Period | null = null;
  for (const p of principalByPeriod) {
    if (p.barred) barredPeriods.push(p.period);
    if (settings.includeTimeBarred || !p.barred) {
      principal += p.amount;
      claimedFrom ??= p.period;
    }
  }
  // the claim's period starts at its first claimed month (barred months left out by default)
  if (claimedFrom !== null) periodFrom = claimedFrom;
  // the opening balance is dated the month before the ledger: its real months (and their limitation) are unknown
  if (monthLevel && principalByPeriod.length > 0) {
    const openingPeriod = addPeriods(months![0].period, -1);
    const first = principalByPeriod[0];
    if (first.period === openingPeriod && (settings.includeTimeBarred || !first.barred)) {
      warnings.push(
        `в требование входит входящее сальдо ${formatKopecksRu(first.amount)} ₽ на ${ruPeriod(months![0].period)}: за какие месяцы этот долг, по реестру не видно — срок исковой давности по нему не проверен (ГК 196)`,
      );
    }
  }
  if (!monthLevel) principal = debt;
  if (timeBarred > 0) {
    warnings.push(
      settings.includeTimeBarred
        ? `включён долг за пределами срока исковой давности: ${formatKopecksRu(timeBarred)} ₽ — должник может заявить о пропуске срока (ГК 199)`
        : `исключён долг за пределами срока исковой давности: ${formatKopecksRu(timeBarred)} ₽ (ГК 196, 200)`,
    );
  }

  // --- penalties (ЖК 155 ч. 14, law engine) ---
  let penalty = 0;
  if (monthLevel && penaltyInput) {
    const result = law.calculatePenalty({
      charges: penaltyInput.charges,
      payments: penaltyInput.payments,
      asOf: ctx.asOf,
      settings: settings.penalty,
    });
    if (settings.includeTimeBarred || barredPeriods.length === 0) {
      penalty = result.total;
    } else {
      const barred = new Set(barredPeriods);
      for (const [period, amount] of result.byPeriod) if (!barred.has(period)) penalty += amount;
    }
  }

  // --- route ---
  const claim = principal + penalty;
  const lim = courtOrderLimit(court, ctx.filingDate);
  if (settings.courtOrderLimit !== undefined && settings.courtOrderLimit !== lim.limit) {
    lim.limit = settings.courtOrderLimit;
    lim.source += ", предел изменён в настройках";
  }
  let route: Route = claim <= lim.limit ? "court-order" : "lawsuit";
  if (legalEntity) {
    warnings.push("должник — организация или ИП: заявление подаётся в арбитражный суд (АПК 229.1)");
  }
  if (route === "lawsuit") {
    warnings.push(
      `требование ${formatKopecksRu(claim)} ₽ больше ${formatKopecksRu(lim.limit)} ₽ — приказ невозможен (${lim.source}), нужен иск`,
    );
  }
  if (cancelledOrder || refusedOrder) route = "lawsuit";
  for (const flag of nameFlags(account.name)) {
    warnings.push(flag.warning);
    if (flag.notCourtOrder) route = "lawsuit";
  }
  if (severalOwnersWithoutShares(account.name, account.share)) {
    warnings.push(
      "несколько собственников без долей: долг взыскивается с каждого по его доле (ГК 249) — уточните доли",
    );
  }
  if (account.caseNumber || account.ipNumber || account.orderDate) {
    const what = [
      account.caseNumber && `дело № ${account.caseNumber}`,
      account.orderDate && `приказ от ${ruDate(account.orderDate)}`,
      account.ipNumber && `ИП № ${account.ipNumber}`,
    ]
      .filter(Boolean)
      .join(", ");
    warnings.push(`в реестре должников уже указано: ${what} — проверьте, не взыскивается ли этот долг`);
  }
  const missing = missingApplicationMask(account, legalEntity);
  if (missing !== 0) warnings.push(missingApplicationWarning(missing));

  // --- state duty (НК 333.19 / 333.21, law engine) ---
  const duty =
    claim > 0
      ? law.stateDuty({
          claim,
          filingDate: ctx.filingDate,
          kind: route === "court-order" ? "court-order" : "claim",
          court,
          keepKopecks: settings.keepDutyKopecks,
        })
      : { duty: 0 };

  if (claim <= 0) excludeReasons.push("весь долг за пределами срока исковой давности — взыскивать нечего");
  else if (settings.minClaim > 0 && claim < settings.minClaim) {
    excludeReasons.push(
      `требование ${formatKopecksRu(claim)} ₽ меньше порога ${formatKopecksRu(settings.minClaim)} ₽ (настройка)`,
    );
  }

  const average = outcome.charges > 0 ? divideHalfUp(outcome.charges, outcome.months) : 0;
  const reason =
    (outcome.service !== undefined ? `по услуге «${outcome.service}»: ` : "") +
    `долг ${formatKopecksRu(outcome.debt)} ≥ ${formatMultiple(settings.multiple)} × ${formatKopecksRu(average)} (среднее за ${outcome.months} мес.)`;

  const candidate: Candidate = {
    account: account.account,
    debtor: account.name,
    address: account.address,
    row: account.row,
    legalEntity,
    court,
    route,
    debt: outcome.debt,
    accountDebt: debt,
    windowMonths: outcome.months,
    windowCharges: outcome.charges,
    averageMonthly: average,
    ratio: ratioOf(outcome.debt, outcome.months, outcome.charges),
    service: outcome.service,
    reason,
    periodFrom,
    periodTo,
    barredPeriods: barredPeriods.length ? barredPeriods : NO_PERIODS,
    principal,
    penalty,
    penaltyCalculated: monthLevel,
    stateDuty: duty.duty,
    timeBarred,
    claim,
    debtorData:
      account.birthDate || account.birthPlace || account.snils || account.inn || account.passport
        ? {
            birthDate: account.birthDate,
            birthPlace: account.birthPlace,
            snils: account.snils,
            inn: account.inn,
            passport: account.passport,
          }
        : NO_DEBTOR_DATA,
    warnings,
  };
  return { candidate, excludeReasons };
}
