/**
 * The selection rule (docs/law.md, § 8): a debt is a candidate when it is at least `multiple` × the average
 * monthly obligation over the averaging window. The comparison is exact in integers — debt × months ≥ multiple ×
 * charges, the multiple as whole hundredths — so the rounded average shown never flips a decision.
 */
import type { Period } from "../dates";
import type { LedgerAccount, LedgerMonth } from "../ledger/model";
import { roundRationalHalfUp, type Kopecks } from "../money";
import { monthlyDebt, monthsUpTo } from "./ledgerMonths";

/** The rule's parameters for one selection (built once, shared by every account). */
export interface RuleWindow {
  /** First month of the averaging window (null: the ledger has no months before the as-of date). */
  windowFirst: Period | null;
  windowMonths: number;
  multipleHundredths: number;
  asOfPeriod: Period;
  /** Month-level rows are used (else the ledger's one figure per account). */
  monthLevel: boolean;
  /** With «Только просроченный долг»: the first month not yet due (left out of the debt); null otherwise. */
  notDueFrom: Period | null;
}

export interface RuleOutcome {
  debt: Kopecks;
  months: number;
  charges: Kopecks;
  passes: boolean;
  service?: string;
}

/** A «Пени» service line: part of the debt, but not a monthly obligation and not principal. */
export const PENALTY_SERVICE = /пен[иья]/i;

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
export function divideHalfUp(a: number, b: number): number {
  const twice = 2 * a + b;
  if (Number.isSafeInteger(twice) && Number.isSafeInteger(2 * b)) return Math.floor(twice / (2 * b));
  return roundRationalHalfUp(BigInt(a), BigInt(b));
}

/** debt / average monthly charge, two decimals; null when nothing was charged. */
export function ratioOf(debt: Kopecks, months: number, charges: Kopecks): number | null {
  if (charges <= 0) return null;
  return divideHalfUp(debt * months * 100, charges) / 100;
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

/** The rule on the account's total (all services). `months`: its month-level rows up to the as-of date, or null. */
export function ruleByAccount(account: LedgerAccount, months: LedgerMonth[] | null, rule: RuleWindow): RuleOutcome {
  let debt: Kopecks;
  let charges: Kopecks;
  if (months && months.length > 0) {
    debt = overdueOf(monthlyDebt(months, account.opening ?? 0).debt, months, rule.notDueFrom);
    charges = windowCharges(months, rule.windowFirst);
  } else {
    debt = account.closing;
    charges = account.charged;
  }
  const windowMonths = Math.max(rule.windowMonths, 1);
  return {
    debt,
    months: windowMonths,
    charges,
    passes: rulePasses(debt, windowMonths, charges, rule.multipleHundredths),
  };
}

/**
 * The rule on each service line apart; the account qualifies through the line with the highest ratio. The account's
 * total debt is what gets claimed; the lines only decide.
 */
export function ruleByService(account: LedgerAccount, months: LedgerMonth[] | null, rule: RuleWindow): RuleOutcome {
  const total = ruleByAccount(account, months, rule);
  let best: { debt: Kopecks; charges: Kopecks; service: string; ratio: number } | null = null;
  const n = Math.max(rule.windowMonths, 1);
  for (const line of account.services ?? []) {
    if (PENALTY_SERVICE.test(line.service)) continue; // penalties are not a monthly obligation
    let debt = line.closing;
    let charges = line.charged;
    if (rule.monthLevel && line.months && line.months.length > 0) {
      const lineMonths = monthsUpTo(line.months, rule.asOfPeriod);
      debt = overdueOf(monthlyDebt(lineMonths, line.opening).debt, lineMonths, rule.notDueFrom);
      charges = windowCharges(lineMonths, rule.windowFirst);
    }
    if (!rulePasses(debt, n, charges, rule.multipleHundredths)) continue;
    const ratio = charges > 0 ? (debt * n) / charges : Number.POSITIVE_INFINITY;
    if (!best || ratio > best.ratio) best = { debt, charges, service: line.service, ratio };
  }
  if (!best) return { ...total, passes: false };
  return { debt: best.debt, months: n, charges: best.charges, service: best.service, passes: total.debt > 0 };
}
