/**
 * One parse's memo of what a register repeats row after row (departments, bailiffs, subjects, dates), and the date
 * reading the cell readers share through it.
 */
import { isValidYmd, parseRuDate, ymd, type IsoDate } from "../dates";
import type { EndReason } from "../law/enforcement";
import type { IpNumber } from "./normalize";

/**
 * A date the register patterns matched («15.03.2023», «5.3.23») → ISO, as parseRuDate reads it; one shared string per
 * date in a run (a register repeats its dates), remembered under the day's number, not its text (no string hashing).
 */
export function ruDate(s: string, memo?: ReadMemo): IsoDate | null {
  if (memo && s.length === 10 && s.charCodeAt(2) === DOT && s.charCodeAt(5) === DOT) {
    // «15.03.2023», the register's own spelling: a slot per day of 1900–2099, no hashing
    const day = digitsValue(s, 0, 2);
    const month = digitsValue(s, 3, 5);
    const year = digitsValue(s, 6, 10);
    const slot = ((year - FIRST_YEAR) * 12 + month - 1) * 31 + day - 1;
    // a day or month out of range would land in another day's slot: those go the general way
    if (day >= 1 && day <= 31 && month >= 1 && month <= 12 && year >= FIRST_YEAR && slot < DAY_SLOTS) {
      let d = memo.days[slot];
      if (d === undefined) {
        // what parseRuDate gives for this spelling, without its patterns
        d = isValidYmd(year, month, day) ? ymd(year, month, day) : null;
        memo.days[slot] = d;
      }
      return d;
    }
  }
  const a = s.indexOf(".");
  const b = a < 0 ? -1 : s.indexOf(".", a + 1);
  const yearDigits = s.length - b - 1;
  if (!memo || b < 0 || (yearDigits !== 2 && yearDigits !== 4)) return parseRuDate(s);
  const key = (digitsValue(s, b + 1, s.length) * 100 + digitsValue(s, a + 1, b)) * 100 + digitsValue(s, 0, a);
  // a two-digit year is read with a pivot («23» → 2023, «0023» is no date): the two spellings are kept apart
  const spelled = yearDigits === 2 ? -key : key;
  let d = memo.dates.get(spelled);
  if (d === undefined) {
    d = parseRuDate(s);
    memo.dates.set(spelled, d);
  }
  return d;
}

const DOT = 46;
const FIRST_YEAR = 1900;
/** 200 years of 12 months of 31 days (an impossible day, «31.02», has its slot and reads as no date). */
const DAY_SLOTS = 200 * 12 * 31;

/** The number written by the digits s[from..to) (the caller's pattern matched digits there). */
export function digitsValue(s: string, from: number, to: number): number {
  let n = 0;
  for (let i = from; i < to; i++) n = n * 10 + (s.charCodeAt(i) - 48);
  return n;
}

/**
 * One parse's memo: a register repeats its department, bailiff and subject texts row after row. Each distinct text is
 * read once, and every proceeding keeps the one shared string (not its own copy, nor the whole cell behind a slice).
 */
export interface ReadMemo {
  department: Map<string, string>;
  bailiff: Map<string, string>;
  texts: Map<string, string>;
  /** Subjects of the cells without amounts, by cell text. */
  subjects: Map<string, string>;
  /** By day, month and year as written (see ruDate). */
  dates: Map<number, IsoDate | null>;
  /** «DD.MM.YYYY» of 1900–2099 by a slot per day (see ruDate). */
  days: (IsoDate | null | undefined)[];
  /** End reasons by article, part and point (usualCells.ts readUsualEnd). */
  endReasons: Map<number, EndReason | null>;
  /** The record's proceeding-number cell and the numbers found in it when its row was tested for a record start. */
  ipCell: string | null;
  ipFound: IpNumber[] | null;
}

export function readMemo(): ReadMemo {
  return {
    department: new Map(),
    bailiff: new Map(),
    texts: new Map(),
    subjects: new Map(),
    dates: new Map(),
    days: new Array<IsoDate | null | undefined>(DAY_SLOTS).fill(undefined),
    endReasons: new Map(),
    ipCell: null,
    ipFound: null,
  };
}

export function intern(memo: ReadMemo, s: string): string {
  const known = memo.texts.get(s);
  if (known !== undefined) return known;
  memo.texts.set(s, s);
  return s;
}
