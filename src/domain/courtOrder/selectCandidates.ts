/**
 * Court-order candidates (docs/law.md, § 7–8): consumers whose debt is ≥ multiple × the average monthly
 * obligation, with the claim composed as of a date (composeClaim.ts).
 *
 * Decisions worth knowing:
 * - The comparison is exact in integers (debtRule.ts), so the rounded average shown never flips a decision.
 * - The window is the ledger's last `windowMonths` calendar months that began on or before the as-of date; an
 *   account with no rows in some of those months has zero charges there (the divisor is the ledger's window).
 * - Month-level payments are dated the first day of the month they were booked in and go to the oldest debt first
 *   (lawPeriods.ts); an opening debt is dated the month before the ledger's first month.
 * - Debt is the closing debt, months not yet due included; the assumptions say which months those are. The setting
 *   overdueOnly (docs/law.md, § 8) leaves them out of the rule's debt and of the claim (ЖК 155 ч. 1).
 * - Register rows are matched by account or by the debtor's full name (registerMatch.ts).
 */
import { formatDateRu, formatPeriodNumeric, periodOf, type IsoDate, type Period } from "../dates";
import type { CanonicalLedger } from "../ledger/model";
import { composeClaim } from "./composeClaim";
import { ruleByAccount, ruleByService, type RuleWindow } from "./debtRule";
import { formatMultiple } from "./format";
import type { LawEngine } from "./lawEngine";
import { PenaltyScratch } from "./lawPeriods";
import { hasMonthLevelData, ledgerPeriods, monthsUpTo } from "./ledgerMonths";
import { indexRegister, registerRowsFor } from "./registerMatch";
import { candidateSettings, type CandidateSettings } from "./rules";
import type { Candidate, CandidateSelection, CandidateTotals, ExcludedCandidate, SelectOptions } from "./types";

export function selectCandidates(ledger: CanonicalLedger, options: SelectOptions): CandidateSelection {
  const settings = candidateSettings(options.settings);
  const { asOf, law } = options;
  const filingDate = settings.filingDate ?? asOf;
  const assumptions: string[] = [];
  const monthLevel = hasMonthLevelData(ledger);
  const periods = ledgerPeriods(ledger, asOf);
  const window = averagingWindow(periods, monthLevel, settings, assumptions);
  const notDueFrom = monthsNotDue(periods, monthLevel, settings, asOf, law, assumptions);
  assumptions.push(limitationAssumption(monthLevel, settings.includeTimeBarred));
  const rule: RuleWindow = {
    windowFirst: window.first,
    windowMonths: window.months,
    multipleHundredths: Math.round(settings.multiple * 100),
    asOfPeriod: periodOf(asOf),
    monthLevel,
    notDueFrom: settings.overdueOnly ? notDueFrom : null,
  };

  const registerIndex = indexRegister(options.register ?? []);
  const scratch = new PenaltyScratch();
  const candidates: Candidate[] = [];
  const excluded: ExcludedCandidate[] = [];
  for (const account of ledger.accounts) {
    const months = monthLevel ? monthsUpTo(account.months, rule.asOfPeriod) : null;
    const outcome =
      settings.mode === "service" && account.services && account.services.length > 0
        ? ruleByService(account, months, rule)
        : ruleByAccount(account, months, rule);
    if (!outcome.passes) continue;
    const composed = composeClaim(account, months, outcome, {
      ledger,
      monthLevel,
      settings,
      asOf,
      filingDate,
      law,
      register: registerRowsFor(registerIndex, account),
      scratch,
      notDueFrom: rule.notDueFrom,
    });
    if (composed.excludeReasons.length > 0) {
      const { debt, claim } = composed.candidate;
      excluded.push({
        account: account.account,
        debtor: account.name,
        row: account.row,
        debt,
        claim,
        reasons: composed.excludeReasons,
      });
    } else {
      candidates.push(composed.candidate);
    }
  }
  assumptions.push(...closingAssumptions(candidates, ledger, monthLevel, asOf));

  candidates.sort((a, b) => b.claim - a.claim || (a.account < b.account ? -1 : a.account > b.account ? 1 : 0));
  const { totals, covered } = totalsOf(candidates);
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

/**
 * The averaging window: the ledger's last `windowMonths` months up to the as-of date. A one-row ledger's
 * «Начислено» is divided by the months of the ledger's whole period.
 */
function averagingWindow(
  periods: Period[],
  monthLevel: boolean,
  settings: CandidateSettings,
  assumptions: string[],
): { first: Period | null; months: number } {
  const window = periods.slice(-settings.windowMonths);
  const first = window.length ? window[0] : null;
  if (!monthLevel) {
    if (periods.length > 0) return { first, months: periods.length };
    assumptions.push("период реестра не указан: «Начислено» принято за 1 месяц");
    return { first, months: 1 };
  }
  if (window.length < settings.windowMonths) {
    assumptions.push(
      `реестр охватывает ${window.length} мес. до даты расчёта: среднее считается за ${window.length} мес.`,
    );
  }
  return { first, months: window.length };
}

function limitationAssumption(monthLevel: boolean, includeTimeBarred: boolean): string {
  if (!monthLevel) {
    return "срок исковой давности не проверен: в реестре нет помесячных начислений — проверьте, нет ли в долге сумм старше трёх лет (ГК 196, 200)";
  }
  return includeTimeBarred
    ? "долг за пределами срока исковой давности включён в требование (настройка)"
    : "долг за пределами срока исковой давности (ГК 196, 200) исключён из требования";
}

/**
 * The months not yet due on the as-of date (ЖК 155 ч. 1): due dates grow with the month, so they are the newest
 * ones. Returns the first of them (null: none, or no month-level rows) and says how the debt treats them.
 */
function monthsNotDue(
  periods: Period[],
  monthLevel: boolean,
  settings: CandidateSettings,
  asOf: IsoDate,
  law: LawEngine,
  assumptions: string[],
): Period | null {
  if (monthLevel) {
    assumptions.push(
      "оплаты месяца без точной даты отнесены на 1-е число месяца, в котором они проведены (так пени не завышаются)",
      "оплаты без указания периода погашают самый ранний долг (ГК 319.1 п. 3)",
      "входящее сальдо отнесено к месяцу, предшествующему первому месяцу реестра",
    );
  }
  let notDueFrom: Period | null = null;
  const notDueText: string[] = [];
  if (monthLevel) {
    const contractDay = settings.penalty?.contractDay ?? null;
    for (let i = periods.length - 1; i >= 0; i--) {
      const due = law.dueDate(periods[i], { contractDay });
      if (due < asOf) break;
      notDueFrom = periods[i];
      notDueText.unshift(`за ${formatPeriodNumeric(periods[i])} — до ${formatDateRu(due)}`);
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
  return notDueFrom;
}

/** What the selection's outcome calls for: candidates with nothing charged, a ledger dated after the as-of date. */
function closingAssumptions(
  candidates: Candidate[],
  ledger: CanonicalLedger,
  monthLevel: boolean,
  asOf: IsoDate,
): string[] {
  const out: string[] = [];
  let uncharged = 0;
  for (const c of candidates) if (c.windowCharges <= 0) uncharged++;
  if (uncharged > 0) {
    const one = uncharged % 10 === 1 && uncharged % 100 !== 11;
    out.push(
      `у ${uncharged} ${one ? "кандидата" : "кандидатов"} за окно усреднения ничего не начислено: правило выполнено при любом долге — проверьте, есть ли в реестре начисления`,
    );
  }
  if (!monthLevel && ledger.period.to && ledger.period.to > asOf) {
    out.push(
      `реестр составлен по ${formatDateRu(ledger.period.to)} — позже даты расчёта ${formatDateRu(asOf)}: долг и начисления взяты на конец периода реестра`,
    );
  }
  return out;
}

function totalsOf(candidates: Candidate[]): { totals: CandidateTotals; covered: number } {
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
  return { totals, covered };
}
