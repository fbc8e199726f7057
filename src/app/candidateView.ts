/**
 * One projection of a candidate selection for the outside: the taskpane (through the worker, amounts in kopecks)
 * and the CLI's JSON (amounts as "1234.50") show the same fields, each through its own money formatter.
 */
import type { Candidate, CandidateSelection, Route } from "../domain/courtOrder";
import type { Kopecks } from "../domain/money";

export interface CandidateView<M> {
  account: string;
  debtor: string;
  /** 1-based Excel row in the ledger sheet. */
  row: number;
  debt: M;
  averageMonthly: M;
  /** debt / average, two decimals; null when nothing was charged in the window. */
  ratio: number | null;
  route: Route;
  principal: M;
  penalty: M;
  stateDuty: M;
  timeBarred: M;
  claim: M;
  warnings: string[];
}

export interface SelectionView<M> {
  asOf: string;
  rule: { multiple: number; windowMonths: number };
  candidates: CandidateView<M>[];
  totals: { count: number; principal: M; penalty: M; stateDuty: M; claim: M };
  target: { monthly: M; covered: M };
}

export function candidateView<M>(c: Candidate, money: (k: Kopecks) => M): CandidateView<M> {
  return {
    account: c.account,
    debtor: c.debtor,
    row: c.row,
    debt: money(c.debt),
    averageMonthly: money(c.averageMonthly),
    ratio: c.ratio,
    route: c.route,
    principal: money(c.principal),
    penalty: money(c.penalty),
    stateDuty: money(c.stateDuty),
    timeBarred: money(c.timeBarred),
    claim: money(c.claim),
    warnings: c.warnings,
  };
}

export function selectionView<M>(s: CandidateSelection, money: (k: Kopecks) => M): SelectionView<M> {
  return {
    asOf: s.asOf,
    rule: { multiple: s.rule.multiple, windowMonths: s.rule.windowMonths },
    candidates: s.candidates.map((c) => candidateView(c, money)),
    totals: {
      count: s.totals.count,
      principal: money(s.totals.principal),
      penalty: money(s.totals.penalty),
      stateDuty: money(s.totals.stateDuty),
      claim: money(s.totals.claim),
    },
    target: { monthly: money(s.target.monthly), covered: money(s.target.covered) },
  };
}
