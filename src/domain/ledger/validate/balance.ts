/**
 * Balance rules («balance.mismatch»): opening + charged − paid = closing on a row, month by month on a month-columns
 * row, and from one month's closing to the next month's opening on per-month rows. The recalculation and the
 * subsidy may or may not be already inside «Начислено» / «Оплачено»: either way balances.
 */
import type { Kopecks } from "../../money";
import { addPeriods, formatPeriodRu } from "../../dates";
import type { LedgerRowRecord } from "../recognize";
import { rub, TOLERANCE, type ValidationContext } from "./context";

/** A row with an opening, a closing and some turnover: closing = opening + charged − paid (± recalc, subsidy). */
export function checkRowBalance(ctx: ValidationContext, r: LedgerRowRecord, row0: number): void {
  const { cols, hasRecalc, hasSubsidy, closingCol, firstCol } = ctx;
  const opening = r.opening!;
  const closing = r.closing!;
  const charged = r.charged ?? 0;
  const paid = r.paid ?? 0;
  const recalc = r.recalculation ?? 0;
  const subsidy = r.subsidy ?? 0;
  const base = opening + charged - paid;
  const sub = Math.abs(subsidy);
  const d = closing - base;
  if (
    Math.abs(d) <= TOLERANCE ||
    Math.abs(d - recalc) <= TOLERANCE ||
    Math.abs(d + sub) <= TOLERANCE ||
    Math.abs(d - recalc + sub) <= TOLERANCE
  )
    return;
  // some billings count the penalties inside the closing balance: the balance also holds with them added
  const pen = r.penalties ?? 0;
  if (pen !== 0 && (Math.abs(d - pen) <= TOLERANCE || Math.abs(d - recalc + sub - pen) <= TOLERANCE)) return;
  const full = base + (hasRecalc ? recalc : 0) - (hasSubsidy ? Math.abs(subsidy) : 0);
  const parts = [`сальдо на начало ${rub(opening)}`, `+ начислено ${rub(charged)}`];
  if (hasRecalc) parts.push(`+ перерасчёт ${rub(recalc)}`);
  parts.push(`− оплачено ${rub(paid)}`);
  if (hasSubsidy) parts.push(`− субсидия ${rub(Math.abs(subsidy))}`);
  // the cell that shows the closing balance: the advance column when the balance is an advance
  const cell =
    closing < 0 && cols.closingAdvance !== undefined ? cols.closingAdvance : closingCol >= 0 ? closingCol : firstCol;
  ctx.add(
    "balance.mismatch",
    row0,
    cell,
    r.account,
    `сальдо на конец ${rub(closing)} не сходится: ${parts.join(" ")} = ${rub(full)} (расхождение ${rub(closing - full)}).`,
  );
}

/** A month-columns row: the running debt month by month, or the totals of the months against the balances. */
export function checkMonthColumns(ctx: ValidationContext, r: LedgerRowRecord, row0: number): void {
  const monthValues = r.monthValues;
  if (!monthValues) return;
  const kinds = new Set(ctx.monthColumns.map((m) => m.kind));
  if (kinds.has("debt") && kinds.has("charged")) checkRunningDebt(ctx, r, row0, monthValues);
  else if (r.opening !== null && r.closing !== null && (kinds.has("charged") || kinds.has("paid")))
    checkMonthTotals(ctx, r, row0, monthValues, r.opening, r.closing);
}

interface MonthSums {
  charged: number;
  paid: number;
  debt: number | null;
  debtCol: number;
}

/** Running debt: debt(m) = debt(m−1) + charged(m) − paid(m); the first mismatch of the row is reported. */
function checkRunningDebt(
  ctx: ValidationContext,
  r: LedgerRowRecord,
  row0: number,
  monthValues: (Kopecks | null)[],
): void {
  const byPeriod = new Map<string, MonthSums>();
  const order: string[] = [];
  ctx.monthColumns.forEach((m, i) => {
    let e = byPeriod.get(m.period);
    if (!e) {
      e = { charged: 0, paid: 0, debt: null, debtCol: m.col };
      byPeriod.set(m.period, e);
      order.push(m.period);
    }
    const v = monthValues[i] ?? 0;
    if (m.kind === "charged") e.charged += v;
    else if (m.kind === "paid") e.paid += v;
    else {
      e.debt = monthValues[i] ?? 0;
      e.debtCol = m.col;
    }
  });
  order.sort();
  let prev: number | null = r.opening;
  let prevPeriod: string | null = null;
  for (const p of order) {
    const e = byPeriod.get(p)!;
    if (e.debt === null) {
      prev = null;
      continue;
    }
    if (prev !== null) {
      const expected = prev + e.charged - e.paid;
      if (Math.abs(e.debt - expected) > TOLERANCE) {
        const from = prevPeriod ? `долг за ${formatPeriodRu(prevPeriod)}` : "сальдо на начало";
        ctx.add(
          "balance.mismatch",
          row0,
          e.debtCol,
          r.account,
          `долг за ${formatPeriodRu(p)} ${rub(e.debt)} не сходится: ${from} ${rub(prev)} + начислено ${rub(e.charged)} − оплачено ${rub(e.paid)} = ${rub(expected)}.`,
        );
        return;
      }
    }
    prev = e.debt;
    prevPeriod = p;
  }
}

/** Totals: opening + Σ charged − Σ paid (± recalculation) = closing. */
function checkMonthTotals(
  ctx: ValidationContext,
  r: LedgerRowRecord,
  row0: number,
  monthValues: (Kopecks | null)[],
  opening: Kopecks,
  closing: Kopecks,
): void {
  let charged = r.charged ?? 0;
  let paid = r.paid ?? 0;
  ctx.monthColumns.forEach((m, i) => {
    if (m.kind === "charged") charged += monthValues[i] ?? 0;
    else if (m.kind === "paid") paid += monthValues[i] ?? 0;
  });
  const recalc = r.recalculation ?? 0;
  const expected = opening + charged - paid + recalc;
  if (Math.abs(closing - expected) > TOLERANCE && Math.abs(closing - (expected - recalc)) > TOLERANCE) {
    ctx.add(
      "balance.mismatch",
      row0,
      ctx.closingCol,
      r.account,
      `сальдо на конец ${rub(closing)} не сходится: сальдо на начало ${rub(opening)} + начислено ${rub(charged)} − оплачено ${rub(paid)} = ${rub(expected)}.`,
    );
  }
}

/** Per-month rows of one account and service: each month opens with the previous month's closing. */
export function checkContinuity(ctx: ValidationContext, chains: Map<string, LedgerRowRecord[]>): void {
  for (const chain of chains.values()) {
    if (chain.length < 2) continue;
    const sorted = chain.every((r, i) => i === 0 || (chain[i - 1].period ?? "") <= (r.period ?? ""))
      ? chain
      : [...chain].sort((a, b) => ((a.period ?? "") < (b.period ?? "") ? -1 : 1));
    for (let i = 1; i < sorted.length; i++) checkNextMonth(ctx, sorted[i - 1], sorted[i]);
  }
}

function checkNextMonth(ctx: ValidationContext, prev: LedgerRowRecord, cur: LedgerRowRecord): void {
  // only neighbouring months: a gap (a month missing or unreadable) has its own finding
  if (prev.hasInvalid || cur.hasInvalid || cur.opening === null || !cur.period || !prev.period) return;
  if (cur.period !== addPeriods(prev.period, 1)) return;
  let prevClosing = prev.closing;
  if (prevClosing === null) {
    // no closing column (a «Карточка расчётов»): the month closes at opening + charged − paid, with the
    // recalculation and the subsidy either already inside those or on top of them
    if (prev.opening === null) return;
    const base = prev.opening + (prev.charged ?? 0) - (prev.paid ?? 0);
    const recalc = prev.recalculation ?? 0;
    const sub = Math.abs(prev.subsidy ?? 0);
    const candidates = [base, base + recalc, base - sub, base + recalc - sub];
    if (candidates.some((x) => Math.abs(cur.opening! - x) <= TOLERANCE)) return;
    prevClosing = base + recalc - sub;
  }
  if (Math.abs(cur.opening - prevClosing) > TOLERANCE) {
    ctx.add(
      "balance.mismatch",
      cur.row - 1,
      ctx.openingCol,
      cur.account,
      `сальдо на начало месяца (${formatPeriodRu(cur.period)}) ${rub(cur.opening)} не равно сальдо на конец предыдущего месяца (${formatPeriodRu(prev.period)}, строка ${prev.row}) ${rub(prevClosing)}.`,
    );
  }
}
