/**
 * One qualifying account's claim as of a date (docs/law.md, § 4–7): the principal by month, the register's
 * say on those months, the time-barred part (ГК 196, 200, 204), penalties (ЖК 155 ч. 14), the route (court order up
 * to the ГПК 121 / АПК 229.2 limit, a lawsuit above it or where an order is not possible) and the state duty
 * (НК 333.19 / 333.21). Each step fills its part of a ClaimDraft; the warnings keep the order the steps run in.
 */
import { addPeriods, formatDateRu, formatPeriodNumeric, periodOf, type IsoDate, type Period } from "../dates";
import type { CanonicalLedger, LedgerAccount, LedgerMonth } from "../ledger/model";
import { formatKopecksRu, type Kopecks } from "../money";
import type { RegisterEntry } from "../register/recognize";
import { unpaidByPeriod } from "../law/allocation";
import { divideHalfUp, PENALTY_SERVICE, ratioOf, type RuleOutcome } from "./debtRule";
import {
  isLegalEntity,
  missingApplicationMask,
  missingApplicationWarning,
  nameFlags,
  severalOwnersWithoutShares,
} from "./debtor";
import { formatMultiple } from "./format";
import type { CourtKind, CourtProtection, LawCharge, LawEngine, LawPayment } from "./lawEngine";
import { penaltyInputFromMonths, type PenaltyScratch } from "./lawPeriods";
import { monthlyDebt } from "./ledgerMonths";
import { registerStanding } from "./registerMatch";
import { courtOrderLimit, type CandidateSettings } from "./rules";
import type { Candidate, DebtorData, PrincipalPeriod, Route } from "./types";

export const NO_PENALTY_WARNING = "пени не рассчитаны: в реестре нет помесячных начислений и оплат";

const NO_DEBTOR_DATA: DebtorData = Object.freeze({});
const NO_PERIODS: Period[] = Object.freeze([]) as unknown as Period[];

export interface ComposeContext {
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

/** The claim as it takes shape; each step below fills its part. */
interface ClaimDraft {
  warnings: string[];
  excludeReasons: string[];
  /** The account's closing debt (all services). */
  accountDebt: Kopecks;
  /** Unpaid principal by month, oldest first (month-level ledgers only). */
  byPeriod: PrincipalPeriod[];
  periodFrom: Period | null;
  periodTo: Period | null;
  /** The law engine's inputs for penalties (month-level ledgers only). */
  penaltyInput: { charges: LawCharge[]; payments: LawPayment[] } | null;
  timeBarred: Kopecks;
  barredPeriods: Period[];
  principal: Kopecks;
}

export function composeClaim(
  account: LedgerAccount,
  months: LedgerMonth[] | null,
  outcome: RuleOutcome,
  ctx: ComposeContext,
): { candidate: Candidate; excludeReasons: string[] } {
  const { settings } = ctx;
  const legalEntity = isLegalEntity(account.name, account.inn);
  const court: CourtKind = legalEntity ? "arbitration" : "general";
  const hasMonths = ctx.monthLevel && months !== null && months.length > 0;
  const draft: ClaimDraft = {
    warnings: [],
    excludeReasons: [],
    accountDebt: 0,
    byPeriod: [],
    periodFrom: null,
    periodTo: null,
    penaltyInput: null,
    timeBarred: 0,
    barredPeriods: [],
    principal: 0,
  };
  if (hasMonths) principalFromMonths(draft, account, months!, ctx);
  else principalFromTotals(draft, account, outcome, ctx.ledger);
  const standing = registerStanding(
    ctx.register,
    draft.periodFrom,
    draft.periodTo,
    draft.warnings,
    draft.excludeReasons,
  );
  markTimeBarred(draft, standing.courtProtection, ctx);
  sumClaimedPrincipal(draft, settings.includeTimeBarred);
  if (hasMonths) warnOpeningBalance(draft, months![0].period, settings.includeTimeBarred);
  else draft.principal = draft.accountDebt;
  warnTimeBarred(draft, settings.includeTimeBarred);

  const penalty = hasMonths ? claimedPenalty(draft, ctx) : 0;
  const claim = draft.principal + penalty;
  const route = chooseRoute(claim, court, standing.orderImpossible, account, ctx, draft.warnings);
  warnDebtorRecord(account, legalEntity, draft.warnings);
  const duty = claim > 0 ? stateDutyOf(claim, route, court, ctx) : 0;
  excludeByClaim(draft, claim, settings.minClaim);

  const average = outcome.charges > 0 ? divideHalfUp(outcome.charges, outcome.months) : 0;
  const candidate: Candidate = {
    account: account.account,
    debtor: account.name,
    address: account.address,
    row: account.row,
    legalEntity,
    court,
    route,
    debt: outcome.debt,
    accountDebt: draft.accountDebt,
    windowMonths: outcome.months,
    windowCharges: outcome.charges,
    averageMonthly: average,
    ratio: ratioOf(outcome.debt, outcome.months, outcome.charges),
    service: outcome.service,
    reason: ruleReason(outcome, average, settings.multiple),
    periodFrom: draft.periodFrom,
    periodTo: draft.periodTo,
    barredPeriods: draft.barredPeriods.length ? draft.barredPeriods : NO_PERIODS,
    principal: draft.principal,
    penalty,
    penaltyCalculated: hasMonths,
    stateDuty: duty,
    timeBarred: draft.timeBarred,
    claim,
    debtorData: debtorDataOf(account),
    warnings: draft.warnings,
  };
  return { candidate, excludeReasons: draft.excludeReasons };
}

/** Month-level ledger: the debt by month after ГК 319.1 allocation, and the penalty inputs. */
function principalFromMonths(draft: ClaimDraft, account: LedgerAccount, months: LedgerMonth[], ctx: ComposeContext) {
  const { debt, opening } = monthlyDebt(months, account.opening ?? 0);
  draft.accountDebt = debt;
  const input = penaltyInputFromMonths(months, opening, ctx.scratch);
  let byPeriod = unpaidByPeriod(input.charges, input.payments);
  const notDueFrom = ctx.notDueFrom;
  if (notDueFrom !== null) byPeriod = byPeriod.filter((p) => p.period < notDueFrom);
  draft.byPeriod = byPeriod;
  draft.penaltyInput = input;
  if (byPeriod.length > 0) {
    draft.periodFrom = byPeriod[0].period;
    draft.periodTo = byPeriod[byPeriod.length - 1].period;
  }
}

/** One figure per account: the closing debt over the ledger's whole period; penalties cannot be computed. */
function principalFromTotals(draft: ClaimDraft, account: LedgerAccount, outcome: RuleOutcome, ledger: CanonicalLedger) {
  draft.accountDebt = outcome.service !== undefined ? account.closing : outcome.debt;
  const from = ledger.period.from ? periodOf(ledger.period.from) : null;
  draft.periodFrom = from;
  draft.periodTo = ledger.period.to ? periodOf(ledger.period.to) : from;
  draft.warnings.push(NO_PENALTY_WARNING);
  // a «Пени» service line is part of the closing debt, but it is not principal (the application lists it apart)
  let penaltyLines = 0;
  let penaltyLine = "";
  for (const line of account.services ?? []) {
    if (!PENALTY_SERVICE.test(line.service) || line.closing <= 0) continue;
    penaltyLines += line.closing;
    penaltyLine ||= line.service;
  }
  if (penaltyLines > 0) {
    draft.warnings.push(
      `в долг входят пени по строке «${penaltyLine}» реестра: ${formatKopecksRu(penaltyLines)} ₽ — в заявлении укажите их отдельно от основного долга`,
    );
  }
}

/** Limitation (ГК 196, 200, 204): the months whose term has run out on the filing date are marked barred. */
function markTimeBarred(draft: ClaimDraft, courtProtection: CourtProtection[], ctx: ComposeContext): void {
  // a period's term ends no earlier than its first day + 3 years (due date ≥ the period's start), so only periods
  // with periodStart(p + 36 months) before the filing date can be barred; the rest skip the per-period law work
  const bound = addPeriods(periodOf(ctx.filingDate), -36);
  const boundOpen = !ctx.filingDate.endsWith("-01");
  const possiblyBarred = draft.byPeriod.filter((p) => p.period < bound || (boundOpen && p.period === bound));
  if (possiblyBarred.length === 0) return;
  const limitation = ctx.law.timeBarred(
    possiblyBarred.map((p) => ({ period: p.period, unpaid: p.amount })),
    ctx.filingDate,
    courtProtection.length ? { courtProtection } : undefined,
  );
  draft.timeBarred = limitation.barred;
  if (limitation.barredPeriods.length > 0) {
    const barred = new Set(limitation.barredPeriods);
    draft.byPeriod = draft.byPeriod.map((p) => (barred.has(p.period) ? { ...p, barred: true } : p));
  }
}

/** The principal claimed: every month, or the months not barred (the default); the claim starts at its first month. */
function sumClaimedPrincipal(draft: ClaimDraft, includeTimeBarred: boolean): void {
  let claimedFrom: Period | null = null;
  for (const p of draft.byPeriod) {
    if (p.barred) draft.barredPeriods.push(p.period);
    if (includeTimeBarred || !p.barred) {
      draft.principal += p.amount;
      claimedFrom ??= p.period;
    }
  }
  if (claimedFrom !== null) draft.periodFrom = claimedFrom;
}

/** The opening balance is dated the month before the ledger: its real months (and their limitation) are unknown. */
function warnOpeningBalance(draft: ClaimDraft, firstMonth: Period, includeTimeBarred: boolean): void {
  const first = draft.byPeriod[0];
  if (!first || first.period !== addPeriods(firstMonth, -1)) return;
  if (!includeTimeBarred && first.barred) return;
  draft.warnings.push(
    `в требование входит входящее сальдо ${formatKopecksRu(first.amount)} ₽ на ${formatPeriodNumeric(firstMonth)}: за какие месяцы этот долг, по реестру не видно — срок исковой давности по нему не проверен (ГК 196)`,
  );
}

function warnTimeBarred(draft: ClaimDraft, includeTimeBarred: boolean): void {
  if (draft.timeBarred <= 0) return;
  const amount = formatKopecksRu(draft.timeBarred);
  draft.warnings.push(
    includeTimeBarred
      ? `включён долг за пределами срока исковой давности: ${amount} ₽ — должник может заявить о пропуске срока (ГК 199)`
      : `исключён долг за пределами срока исковой давности: ${amount} ₽ (ГК 196, 200)`,
  );
}

/** Penalties (ЖК 155 ч. 14) through the law engine; a barred month's penalty goes with it unless barred debt is kept. */
function claimedPenalty(draft: ClaimDraft, ctx: ComposeContext): Kopecks {
  if (!draft.penaltyInput) return 0;
  const result = ctx.law.calculatePenalty({
    charges: draft.penaltyInput.charges,
    payments: draft.penaltyInput.payments,
    asOf: ctx.asOf,
    settings: ctx.settings.penalty,
    workspace: ctx.scratch.allocation,
  });
  if (ctx.settings.includeTimeBarred || draft.barredPeriods.length === 0) return result.total;
  const barred = new Set(draft.barredPeriods);
  let penalty = 0;
  for (const [period, amount] of result.byPeriod) if (!barred.has(period)) penalty += amount;
  return penalty;
}

/**
 * Court order or lawsuit: an order up to the limit (ГПК 121 / АПК 229.2, or the limit set in the settings), never
 * after a cancelled or refused order (ГПК 129, 125) or for a debtor an order cannot name (see debtor.ts).
 */
function chooseRoute(
  claim: Kopecks,
  court: CourtKind,
  orderImpossible: boolean,
  account: LedgerAccount,
  ctx: ComposeContext,
  warnings: string[],
): Route {
  const limit = courtOrderLimit(court, ctx.filingDate);
  if (ctx.settings.courtOrderLimit !== undefined && ctx.settings.courtOrderLimit !== limit.limit) {
    limit.limit = ctx.settings.courtOrderLimit;
    limit.source += ", предел изменён в настройках";
  }
  let route: Route = claim <= limit.limit ? "court-order" : "lawsuit";
  if (court === "arbitration") {
    warnings.push("должник — организация или ИП: заявление подаётся в арбитражный суд (АПК 229.1)");
  }
  if (route === "lawsuit") {
    warnings.push(
      `требование ${formatKopecksRu(claim)} ₽ больше ${formatKopecksRu(limit.limit)} ₽ — приказ невозможен (${limit.source}), нужен иск`,
    );
  }
  if (orderImpossible) route = "lawsuit";
  for (const flag of nameFlags(account.name)) {
    warnings.push(flag.warning);
    if (flag.notCourtOrder) route = "lawsuit";
  }
  return route;
}

/** What the ledger's record of the debtor calls for: shares (ГК 249), a case already known, missing data. */
function warnDebtorRecord(account: LedgerAccount, legalEntity: boolean, warnings: string[]): void {
  if (severalOwnersWithoutShares(account.name, account.share)) {
    warnings.push(
      "несколько собственников без долей: долг взыскивается с каждого по его доле (ГК 249) — уточните доли",
    );
  }
  if (account.caseNumber || account.ipNumber || account.orderDate) {
    const what = [
      account.caseNumber && `дело № ${account.caseNumber}`,
      account.orderDate && `приказ от ${formatDateRu(account.orderDate)}`,
      account.ipNumber && `ИП № ${account.ipNumber}`,
    ]
      .filter(Boolean)
      .join(", ");
    warnings.push(`в реестре должников уже указано: ${what} — проверьте, не взыскивается ли этот долг`);
  }
  const missing = missingApplicationMask(account, legalEntity);
  if (missing !== 0) warnings.push(missingApplicationWarning(missing));
}

/** НК 333.19 (general courts) / 333.21 (arbitration), through the law engine. */
function stateDutyOf(claim: Kopecks, route: Route, court: CourtKind, ctx: ComposeContext): Kopecks {
  return ctx.law.stateDuty({
    claim,
    filingDate: ctx.filingDate,
    kind: route === "court-order" ? "court-order" : "claim",
    court,
    keepKopecks: ctx.settings.keepDutyKopecks,
  }).duty;
}

/** Nothing left to claim, or less than the threshold set in the settings: the debt is listed as excluded. */
function excludeByClaim(draft: ClaimDraft, claim: Kopecks, minClaim: Kopecks): void {
  if (claim <= 0) draft.excludeReasons.push("весь долг за пределами срока исковой давности — взыскивать нечего");
  else if (minClaim > 0 && claim < minClaim) {
    draft.excludeReasons.push(
      `требование ${formatKopecksRu(claim)} ₽ меньше порога ${formatKopecksRu(minClaim)} ₽ (настройка)`,
    );
  }
}

/** «долг 14 210,55 ≥ 2 × 6 830,40 (среднее за 12 мес.)», with the service in per-service mode. */
function ruleReason(outcome: RuleOutcome, average: Kopecks, multiple: number): string {
  return (
    (outcome.service !== undefined ? `по услуге «${outcome.service}»: ` : "") +
    `долг ${formatKopecksRu(outcome.debt)} ≥ ${formatMultiple(multiple)} × ${formatKopecksRu(average)} (среднее за ${outcome.months} мес.)`
  );
}

function debtorDataOf(account: LedgerAccount): DebtorData {
  if (!(account.birthDate || account.birthPlace || account.snils || account.inn || account.passport)) {
    return NO_DEBTOR_DATA;
  }
  return {
    birthDate: account.birthDate,
    birthPlace: account.birthPlace,
    snils: account.snils,
    inn: account.inn,
    passport: account.passport,
  };
}
