/**
 * The status of one proceeding for the company (docs/law.md: enforcement proceedings, payments to the claimant):
 * executed (229-ФЗ ст. 47 ч. 1 п. 1–2), returned with the earliest re-presentation date and the deadline (ст. 46 ч. 1
 * п. 3–4, ст. 47 ч. 1 п. 3; ст. 46 ч. 5, ст. 21–22 — the law engine computes them), other endings named, open ones
 * «active», or «paid-directly» when the ledger shows the order's amount was paid to the company after the order.
 */
import { addDays, formatDateRu, periodOf, type IsoDate, type Period } from "../dates";
import { formatKopecksRu, type Kopecks } from "../money";
import { earliestRepresentation, presentationTermEnd } from "../law/enforcement";
import type { Proceeding } from "./model";
import type { MatchTarget } from "./match";
import { notOpenedAfterDays } from "./rules";

export type ReconcileStatus = "active" | "paid-directly" | "executed" | "returned" | "terminated" | "other-creditor";

export const STATUS_RU: Record<ReconcileStatus, string> = {
  active: "на исполнении",
  "paid-directly": "оплачено напрямую",
  executed: "исполнено",
  returned: "возвращено",
  terminated: "прекращено / окончено",
  "other-creditor": "другой взыскатель",
};

/** What the ledger says about payments of an account. */
export interface LedgerFacts {
  closing: Kopecks;
  lastPaymentDate?: IsoDate;
  lastPaymentAmount?: Kopecks;
  months?: { period: Period; paid: Kopecks }[];
  /** A per-account ledger: the first day of its period and the payments over the period. */
  periodFrom?: IsoDate | null;
  periodPaid?: Kopecks;
}

export interface StatusResult {
  status: ReconcileStatus;
  /** ст. 46 / 47 ground in words, for terminated and returned. */
  label: string;
  representFrom: IsoDate | null;
  /** Last day to present the document again (ст. 21, 22). */
  deadline: IsoDate | null;
  paidDirect: { amount: Kopecks; date: IsoDate | null } | null;
  /** The document's amount in the register against the proceeding's «Сумма долга». */
  amountDiff: { register: Kopecks; proceeding: Kopecks } | null;
}

/** Open per an ОСП list's status column («на исполнении», «приостановлено»)? Ended per it? */
function endedByStatusText(text: string): boolean {
  return /оконч|прекращ|исполнено/i.test(text);
}

/**
 * A direct payment (docs/law.md, § 10; 229-ФЗ ст. 47 ч. 1 п. 1): a payment on/after the order date that covers the
 * order amount — the last payment or one month's payments — and a balance that no longer holds the debt. A small
 * payment is not enough.
 */
export function directPayment(
  facts: LedgerFacts | undefined,
  orderDate: IsoDate | null,
  amount: Kopecks | null,
): { amount: Kopecks; date: IsoDate | null } | null {
  if (!facts || !orderDate || amount === null || amount <= 0) return null;
  if (facts.closing >= amount) return null;
  if (facts.lastPaymentDate && facts.lastPaymentDate >= orderDate && (facts.lastPaymentAmount ?? 0) >= amount) {
    return { amount: facts.lastPaymentAmount!, date: facts.lastPaymentDate };
  }
  // a ledger whose whole period lies after the order: its payments were all made after it
  if (facts.periodFrom && facts.periodFrom >= orderDate && (facts.periodPaid ?? 0) >= amount) {
    return { amount: facts.periodPaid!, date: facts.lastPaymentDate ?? null };
  }
  const from = periodOf(orderDate);
  let best: { period: Period; paid: Kopecks } | null = null;
  for (const m of facts.months ?? []) if (m.period >= from && (!best || m.paid > best.paid)) best = m;
  return best && best.paid >= amount ? { amount: best.paid, date: `${best.period}-01` } : null;
}

export function proceedingStatus(
  p: Proceeding,
  target: MatchTarget | null,
  facts: LedgerFacts | undefined,
): StatusResult {
  const r: StatusResult = {
    status: "active",
    label: "",
    representFrom: null,
    deadline: null,
    paidDirect: null,
    amountDiff: null,
  };
  // r is this call's own object: set its fields rather than copy it for each outcome
  if (!target) {
    r.status = "other-creditor";
    return r;
  }
  const docAmount = target.amount;
  if (docAmount !== null && p.amount !== null && Math.abs(docAmount - p.amount) > 100) {
    r.amountDiff = { register: docAmount, proceeding: p.amount };
  }
  const reason = p.end.reason;
  if (reason) {
    r.label = `ст. ${reason.article} ч. ${reason.part} п. ${reason.point} — ${reason.label}`;
    if (reason.meaning === "paid") {
      r.status = "executed";
      return r;
    }
    if (reason.meaning === "returned" && p.end.date) {
      const issued = p.document.date ?? target.orderDate;
      const started = p.ipDate ?? target.fsspDate ?? p.end.date;
      r.status = "returned";
      r.representFrom = earliestRepresentation(p.end.date, reason);
      r.deadline = issued ? presentationTermEnd({ issued, presentations: [{ started, ended: p.end.date }] }) : null;
      return r;
    }
    r.status = "terminated";
    return r;
  }
  if (/оплачен|фактическ/i.test(p.statusText)) {
    r.status = "executed";
    r.label = p.statusText;
    return r;
  }
  if (p.end.date || endedByStatusText(p.statusText)) {
    r.status = "terminated";
    r.label = p.statusText || "окончено, основание не указано";
    return r;
  }
  const paid = directPayment(facts, target.orderDate ?? p.document.date, docAmount ?? p.amount ?? p.remaining);
  if (paid) {
    r.status = "paid-directly";
    r.paidDirect = paid;
  }
  return r;
}

/** The action for the clerk, in Russian. */
export function actionText(s: StatusResult, asOf: IsoDate, representedBy: string | null): string {
  switch (s.status) {
    case "active":
      return "на исполнении — ждать поступлений, сверить остаток";
    case "paid-directly":
      return `сообщить приставу об оплате напрямую (${formatKopecksRu(s.paidDirect!.amount)} ₽) и просить окончить ИП`;
    case "executed":
      return "исполнено — закрыть дело в реестре";
    case "returned":
      if (representedBy) return `уже предъявлен повторно (ИП ${representedBy})`;
      if (!s.representFrom) return "вернуть документ в работу";
      if (s.deadline && s.deadline < asOf) return `срок предъявления истёк ${formatDateRu(s.deadline)}`;
      return s.representFrom <= asOf
        ? `предъявить повторно сейчас (можно с ${formatDateRu(s.representFrom)}${s.deadline ? `, не позднее ${formatDateRu(s.deadline)}` : ""})`
        : `предъявить повторно с ${formatDateRu(s.representFrom)}${s.deadline ? ` до ${formatDateRu(s.deadline)}` : ""}`;
    case "terminated":
      return `выяснить причину окончания: ${s.label}`;
    default:
      return "не наш взыскатель — не учитывать";
  }
}

/**
 * Sent to the bailiffs more than `days` days before the as-of date and still no proceeding: «Не возбуждено». The
 * days come from the dated table in rules.ts unless the caller sets them.
 */
export function overdueForOpening(
  fsspDate: IsoDate | null,
  asOf: IsoDate,
  days: number = notOpenedAfterDays(asOf),
): boolean {
  return fsspDate !== null && addDays(fsspDate, days) < asOf;
}
