/**
 * Working days (ГК 193: a term ending on a non-working day ends on the next working day), from ru-calendar.csv:
 * non-working = (Sat/Sun without a 'workday' row) or a 'holiday' row. Dates are handled as day numbers internally.
 */
import { fromDayNumber, toDayNumber, type IsoDate } from "../dates";
import { CALENDAR_ROWS } from "./tables";
import { CALENDAR_TABLE_RANGE, TK112_HOLIDAYS } from "./rules";

const HOLIDAYS = new Set<number>();
const WORKDAYS = new Set<number>();
for (const row of CALENDAR_ROWS) (row.kind === "holiday" ? HOLIDAYS : WORKDAYS).add(toDayNumber(row.date));

const TABLE_FROM = toDayNumber(CALENDAR_TABLE_RANGE.from);
const TABLE_TO = toDayNumber(CALENDAR_TABLE_RANGE.to);
const FALLBACK_HOLIDAYS = new Set(TK112_HOLIDAYS);

function isTk112Holiday(day: number): boolean {
  return FALLBACK_HOLIDAYS.has(fromDayNumber(day).slice(5));
}

/** ТК 112 ч. 2: a holiday other than 1–8 January falling on Saturday/Sunday moves the day off to the next working day. */
function isTk112MovedDayOff(day: number, wd: number): boolean {
  if (wd !== 1) return false; // the moved day off is the Monday after the weekend (no two such holidays share a weekend)
  for (const back of [1, 2]) {
    const md = fromDayNumber(day - back).slice(5);
    if (FALLBACK_HOLIDAYS.has(md) && !md.startsWith("01-")) return true;
  }
  return false;
}

function isNonWorkingDayNumber(day: number): boolean {
  const wd = (((day + 4) % 7) + 7) % 7; // 0 = Sunday
  const weekend = wd === 0 || wd === 6;
  if (day >= TABLE_FROM && day <= TABLE_TO) return HOLIDAYS.has(day) || (weekend && !WORKDAYS.has(day));
  // outside the table: weekends, the ТК 112 ч. 1 holidays and the ч. 2 moved days off; the Government's other
  // transfers of those years are unknown (a best guess — add rows to ru-calendar.csv when the decree is out)
  return weekend || isTk112Holiday(day) || isTk112MovedDayOff(day, wd);
}

export function isNonWorkingDay(date: IsoDate): boolean {
  return isNonWorkingDayNumber(toDayNumber(date));
}

/** ГК 193: the first working day on or after `day`. */
export function nextWorkingDayNumber(day: number): number {
  let d = day;
  while (isNonWorkingDayNumber(d)) d++;
  return d;
}

/** ГК 193 shift: the date itself if it is a working day, otherwise the next working day. */
export function nextWorkingDay(date: IsoDate): IsoDate {
  const d = toDayNumber(date);
  const n = nextWorkingDayNumber(d);
  return n === d ? date : fromDayNumber(n);
}
