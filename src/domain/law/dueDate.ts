/**
 * Payment due date of a billing month (docs/law.md, § 3): the 10th of the next month up to the February-2026 bill
 * (or the contract's day, ЖК 155 ч. 1 old text), the 15th from the March-2026 bill (177-ФЗ, no override); shifted
 * to the next working day under ГК 193. Memoised per period and contract day (the penalty loop calls it a lot).
 */
import { addPeriods, daysInMonth, fromDayNumber, toDayNumber, ymd, type IsoDate, type Period } from "../dates";
import { nextWorkingDayNumber } from "./calendar";
import { DUE_DAY_RULES, type DueDayRule } from "./rules";
import { periodToMonth } from "./daynum";

export interface DueDateSettings {
  /** Day of the following month set by the management contract / ТСЖ decision; honoured only for bills up to 2026-02 (177-ФЗ). */
  contractDay?: number | null;
}

function dueDayRule(period: Period): DueDayRule {
  let rule = DUE_DAY_RULES[0];
  for (const r of DUE_DAY_RULES) if (period >= r.fromPeriod) rule = r;
  return rule;
}

const memo = new Map<number, number>();

/** Due date as a day number (after the ГК 193 shift). */
export function dueDayNumber(period: Period, contractDay: number | null = null): number {
  const key = periodToMonth(period) * 32 + (contractDay ?? 0);
  let n = memo.get(key);
  if (n === undefined) {
    const rule = dueDayRule(period);
    const next = addPeriods(period, 1);
    const y = +next.slice(0, 4);
    const m = +next.slice(5, 7);
    const wanted = rule.contractMayOverride && contractDay ? contractDay : rule.day;
    // a contract day past the month's end means the month's last day
    const unshifted = ymd(y, m, Math.min(wanted, daysInMonth(y, m)));
    n = nextWorkingDayNumber(toDayNumber(unshifted));
    memo.set(key, n);
  }
  return n;
}

export function dueDate(period: Period, settings?: DueDateSettings): IsoDate {
  return fromDayNumber(dueDayNumber(period, settings?.contractDay ?? null));
}
