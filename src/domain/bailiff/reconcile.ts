/**
 * The whole cross-check on parsed data: match every proceeding, give it a status and an action, find the cases sent
 * to the bailiffs with no proceeding («Не возбуждено»), collect the «Требует решения» queue and the values for the
 * add-in's columns of «Реестр взыскания». Pure; the app layer reads and writes the workbook.
 */
import type { IsoDate } from "../dates";
import type { Kopecks } from "../money";
import type { ParsedBailiffRegister, Proceeding } from "./model";
import {
  buildIndex,
  matchProceeding,
  MATCH_THRESHOLD,
  type AmbiguityReason,
  type ClerkDecision,
  type MatchTarget,
} from "./match";
import {
  actionText,
  overdueForOpening,
  proceedingStatus,
  type LedgerFacts,
  type ReconcileStatus,
  type StatusResult,
} from "./status";
import { notOpenedAfterDays } from "./rules";

export interface ReconcileInput {
  register: ParsedBailiffRegister;
  targets: readonly MatchTarget[];
  ledger: ReadonlyMap<string, LedgerFacts>;
  /** The claimant's ИНН (Настройки); "" when unknown. */
  ourInn: string;
  asOf: IsoDate;
  decisions?: ReadonlyMap<string, ClerkDecision>;
  /** Register statuses after which a case is not expected at the bailiffs. */
  closedStatuses?: readonly string[];
  /** Days after sending before «Не возбуждено»; the dated table in rules.ts when not set. */
  notOpenedAfterDays?: number;
}

export interface ProceedingResult extends StatusResult {
  proceeding: Proceeding;
  target: MatchTarget | null;
  score: number;
  evidence: string[];
  /** Set when the clerk must decide; the status then assumes the first candidate. */
  ambiguous: { reason: AmbiguityReason; candidates: MatchTarget[] } | null;
  /** A newer proceeding on the same document (re-presented). */
  representedBy: string | null;
  action: string;
}

export interface NotOpened {
  target: MatchTarget;
  daysSinceSent: number;
}

export interface RegisterUpdate {
  target: MatchTarget;
  ip: string | null;
  ipDate: IsoDate | null;
  status: string | null;
  endDate: IsoDate | null;
  endReason: string;
  representDate: IsoDate | null;
}

export interface ReconcileResult {
  results: ProceedingResult[];
  ambiguous: ProceedingResult[];
  notOpened: NotOpened[];
  updates: RegisterUpdate[];
  counts: Record<ReconcileStatus | "ambiguous" | "notOpened" | "ours", number>;
  paidDirectTotal: Kopecks;
}

const REGISTER_STATUS: Partial<Record<ReconcileStatus, string>> = {
  active: "ИП возбуждено",
  "paid-directly": "ИП возбуждено",
  executed: "окончено — оплачено",
  returned: "окончено — невозможно взыскание",
};

const AMBIGUOUS_ACTION: Record<AmbiguityReason, string> = {
  namesake: "решить: несколько должников с таким ФИО — подтвердить нужного или отклонить",
  "co-owners": "решить: по документу несколько должников — подтвердить, чей это долг, или отклонить",
  "fee-only": "решить: производство только об исполнительском сборе — отклонить, если оно не по нашему документу",
  "name-only": "решить: совпадает только ФИО — подтвердить или отклонить",
};

const DEFAULT_CLOSED = ["окончено — оплачено", "отозвано", "приказ отменён", "возвращено судом", "отказано"];

function dayDiff(a: IsoDate, b: IsoDate): number {
  return Math.round((Date.parse(a) - Date.parse(b)) / 86_400_000);
}

function newer(a: Proceeding, b: Proceeding): boolean {
  return (a.ipDate ?? "") > (b.ipDate ?? "") || ((a.ipDate ?? "") === (b.ipDate ?? "") && a.row > b.row);
}

const NO_RESULTS: readonly ProceedingResult[] = [];

function updateFor(best: ProceedingResult, all: readonly ProceedingResult[]): RegisterUpdate {
  const p = best.proceeding;
  const reason = p.end.reason;
  const older = all.find((r) => r !== best && r.status === "returned");
  return {
    target: best.target!,
    ip: p.ip,
    ipDate: p.ipDate,
    status: older && best.status === "active" ? "повторно предъявлено" : (REGISTER_STATUS[best.status] ?? null),
    endDate: p.end.date,
    endReason: reason ? `ст. ${reason.article} ч. ${reason.part} п. ${reason.point}` : "",
    representDate: older ? p.ipDate : null,
  };
}

export function reconcile(input: ReconcileInput): ReconcileResult {
  const index = buildIndex(input.targets);
  const decisions = input.decisions ?? new Map();
  const results: ProceedingResult[] = input.register.proceedings.map((p) => {
    const m = matchProceeding(p, index, input.ourInn, decisions);
    const sure = m.target && !m.ambiguous && m.score >= MATCH_THRESHOLD ? m.target : null;
    const s = proceedingStatus(
      p,
      m.ambiguous ? m.target : sure,
      m.target ? input.ledger.get(m.target.account) : undefined,
    );
    // the fields listed, not spread: one object per proceeding instead of two
    return {
      status: s.status,
      label: s.label,
      representFrom: s.representFrom,
      deadline: s.deadline,
      paidDirect: s.paidDirect,
      amountDiff: s.amountDiff,
      proceeding: p,
      target: sure ?? (m.ambiguous ? m.target : null),
      score: m.score,
      evidence: m.evidence,
      ambiguous: m.ambiguous,
      representedBy: null,
      action: "",
    };
  });
  // proceedings per case: the newest is current; an older returned one was presented again
  // most cases have one proceeding, held as it is (no list per case)
  const byTarget = new Map<MatchTarget, ProceedingResult | ProceedingResult[]>();
  for (const r of results) {
    if (!r.target || r.ambiguous) continue;
    const had = byTarget.get(r.target);
    if (had === undefined) byTarget.set(r.target, r);
    else if (Array.isArray(had)) had.push(r);
    else byTarget.set(r.target, [had, r]);
  }
  const updates: RegisterUpdate[] = [];
  for (const [target, had] of byTarget) {
    if (!Array.isArray(had)) {
      if (target.registerRow !== null) updates.push(updateFor(had, NO_RESULTS));
      continue;
    }
    const list = had;
    const best = list.reduce((a, b) => (newer(b.proceeding, a.proceeding) ? b : a));
    for (const r of list)
      if (r !== best && r.status === "returned" && best.status !== "returned") r.representedBy = best.proceeding.ip;
    if (target.registerRow !== null) updates.push(updateFor(best, list));
  }
  for (const r of results)
    r.action = r.ambiguous ? AMBIGUOUS_ACTION[r.ambiguous.reason] : actionText(r, input.asOf, r.representedBy);
  const closed = new Set(input.closedStatuses ?? DEFAULT_CLOSED);
  const days = input.notOpenedAfterDays ?? notOpenedAfterDays(input.asOf);
  const notOpened = input.targets
    .filter(
      (t) =>
        t.registerRow !== null &&
        !byTarget.has(t) &&
        !closed.has(t.registerStatus) &&
        overdueForOpening(t.fsspDate, input.asOf, days),
    )
    .map((t) => ({ target: t, daysSinceSent: dayDiff(input.asOf, t.fsspDate!) }));
  const counts = {
    active: 0,
    "paid-directly": 0,
    executed: 0,
    returned: 0,
    terminated: 0,
    "other-creditor": 0,
    ambiguous: 0,
    notOpened: notOpened.length,
    ours: 0,
  };
  let paidDirectTotal = 0;
  for (const r of results) {
    if (r.ambiguous) {
      counts.ambiguous += 1;
      continue;
    }
    counts[r.status] += 1;
    if (r.status !== "other-creditor") counts.ours += 1;
    if (r.paidDirect) paidDirectTotal += r.paidDirect.amount;
  }
  return { results, ambiguous: results.filter((r) => r.ambiguous), notOpened, updates, counts, paidDirectTotal };
}
