/**
 * Dated thresholds of the cross-check with the bailiffs. They are the company's working rules, not figures from the
 * law: when one changes, add a row with the day it takes effect; a run uses the row in force on its as-of date.
 */
import type { IsoDate } from "../dates";

export interface NotOpenedRule {
  /** First as-of date the row applies to. */
  from: IsoDate;
  /** Sent to the bailiffs more than this many days before the as-of date and no proceeding: «Не возбуждено». */
  days: number;
  basis: string;
}

/**
 * 229-ФЗ ст. 30 ч. 7–8: the document reaches the bailiff within 3 days of its receipt by the department, and the
 * bailiff decides within 3 days; the rest of the margin is post and the data bank's publishing delay.
 */
export const NOT_OPENED_RULES: readonly NotOpenedRule[] = [
  {
    from: "2008-02-01",
    days: 30,
    basis: "229-ФЗ ст. 30 ч. 7–8 (3 + 3 дня) с запасом на почту и обновление банка данных ФССП",
  },
];

/** Days after sending when a case with no proceeding counts as «Не возбуждено» on the given as-of date. */
export function notOpenedAfterDays(asOf: IsoDate): number {
  let days = NOT_OPENED_RULES[0].days;
  for (const r of NOT_OPENED_RULES) if (asOf >= r.from) days = r.days;
  return days;
}
