/**
 * Calendar dates without time zones. A date is an ISO string "YYYY-MM-DD"; a billing period is "YYYY-MM".
 * Arithmetic goes through a day number (days since 1970-01-01, UTC calendar), never through local time.
 */
export type IsoDate = string;
export type Period = string;

const ISO_RE = /^(\d{4})-(\d{2})-(\d{2})$/;

export function isIsoDate(s: string): boolean {
  const m = ISO_RE.exec(s);
  if (!m) return false;
  return isValidYmd(+m[1], +m[2], +m[3]);
}

export function isValidYmd(y: number, m: number, d: number): boolean {
  return y >= 1900 && y <= 2200 && m >= 1 && m <= 12 && d >= 1 && d <= daysInMonth(y, m);
}

export function daysInMonth(y: number, m: number): number {
  return [31, isLeap(y) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][m - 1];
}

function isLeap(y: number): boolean {
  return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
}

export function ymd(y: number, m: number, d: number): IsoDate {
  return `${String(y).padStart(4, "0")}-${m < 10 ? "0" : ""}${m}-${d < 10 ? "0" : ""}${d}`;
}

export function splitIso(date: IsoDate): [number, number, number] {
  return [+date.slice(0, 4), +date.slice(5, 7), +date.slice(8, 10)];
}

/** Days since 1970-01-01. */
export function toDayNumber(date: IsoDate): number {
  const [y, m, d] = splitIso(date);
  return Math.round(Date.UTC(y, m - 1, d) / 86_400_000);
}

/** Day number → ISO date by integer arithmetic (H. Hinnant's civil_from_days): no Date object per call. */
export function fromDayNumber(n: number): IsoDate {
  const z = n + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp < 10 ? mp + 3 : mp - 9;
  return ymd(yoe + era * 400 + (m <= 2 ? 1 : 0), m, d);
}

export function addDays(date: IsoDate, days: number): IsoDate {
  return fromDayNumber(toDayNumber(date) + days);
}

/** Whole days from a to b (b − a). */
export function daysBetween(a: IsoDate, b: IsoDate): number {
  return toDayNumber(b) - toDayNumber(a);
}

/** ГК 192: a term in months ends on the same day of the last month; if there is no such day, on the month's last day. */
export function addMonths(date: IsoDate, months: number): IsoDate {
  const [y, m, d] = splitIso(date);
  const idx = y * 12 + (m - 1) + months;
  const ny = Math.floor(idx / 12);
  const nm = (idx % 12) + 1;
  return ymd(ny, nm, Math.min(d, daysInMonth(ny, nm)));
}

export function addYears(date: IsoDate, years: number): IsoDate {
  return addMonths(date, years * 12);
}

/** 0 = Sunday … 6 = Saturday. */
export function weekday(date: IsoDate): number {
  return (((toDayNumber(date) + 4) % 7) + 7) % 7;
}

// ---- periods ----

const PERIOD_RE = /^(\d{4})-(\d{2})$/;

export function isPeriod(s: string): boolean {
  const m = PERIOD_RE.exec(s);
  return !!m && +m[2] >= 1 && +m[2] <= 12 && +m[1] >= 1900 && +m[1] <= 2200;
}

export function periodOf(date: IsoDate): Period {
  return date.slice(0, 7);
}

export function periodStart(p: Period): IsoDate {
  return `${p}-01`;
}

export function periodEnd(p: Period): IsoDate {
  const [y, m] = [+p.slice(0, 4), +p.slice(5, 7)];
  return ymd(y, m, daysInMonth(y, m));
}

export function addPeriods(p: Period, n: number): Period {
  const idx = +p.slice(0, 4) * 12 + (+p.slice(5, 7) - 1) + n;
  const y = Math.floor(idx / 12);
  const m = (idx % 12) + 1;
  return `${y}-${m < 10 ? "0" : ""}${m}`;
}

// ---- Excel serials ----

/** Excel (1900 system) serial → ISO date. 60 (the fictitious 29.02.1900) is rejected. */
export function excelSerialToIso(serial: number): IsoDate | null {
  if (!Number.isFinite(serial) || serial < 1 || serial >= 2958466 || Math.floor(serial) === 60) return null;
  const whole = Math.floor(serial);
  // serial 25569 = 1970-01-01; serials below 60 are one day off because of Excel's 1900 leap-year bug
  const n = whole < 60 ? whole - 25568 : whole - 25569;
  return fromDayNumber(n);
}

export function isoToExcelSerial(date: IsoDate): number {
  const n = toDayNumber(date);
  const serial = n + 25569;
  return serial <= 60 ? serial - 1 : serial;
}

// ---- parsing what users type ----

const MONTHS_RU: ReadonlyArray<readonly string[]> = [
  ["январ", "янв"],
  ["феврал", "фев"],
  ["март", "мар"],
  ["апрел", "апр"],
  ["ма", "май"],
  ["июн"],
  ["июл"],
  ["август", "авг"],
  ["сентябр", "сен", "сент"],
  ["октябр", "окт"],
  ["ноябр", "ноя"],
  ["декабр", "дек"],
];

/** "январь", "Января", "янв." → 1..12, or 0. */
export function monthFromRussianWord(word: string): number {
  const w = word.toLowerCase().replace(/ё/g, "е").replace(/\.$/, "");
  // full stems first (май/мая/мае vs март/марта)
  if (/^ма[йяе]$/.test(w)) return 5;
  for (let i = 0; i < 12; i++) {
    const stem = MONTHS_RU[i][0];
    if (i === 4) continue;
    if (w.startsWith(stem)) return i + 1;
  }
  for (let i = 0; i < 12; i++) {
    if (i === 4) continue;
    if (MONTHS_RU[i].slice(1).includes(w)) return i + 1;
  }
  return 0;
}

function fullYear(y: number, digits: number): number {
  if (digits === 4) return y;
  // two-digit years: 00–69 → 2000s, 70–99 → 1900s (the usual spreadsheet pivot)
  return y < 70 ? 2000 + y : 1900 + y;
}

/**
 * Parse a date as typed or shown in a Russian sheet: "05.03.2024", "5.3.24", "2024-03-05", an Excel serial,
 * "5 марта 2024 г.". Returns null when it is not a valid date.
 */
export function parseRuDate(input: string | number | null | undefined): IsoDate | null {
  if (input === null || input === undefined) return null;
  if (typeof input === "number") return excelSerialToIso(input);
  const s = input.trim().replace(/[\u00a0\u202f]/g, " ");
  if (s === "") return null;
  let m = /^(\d{1,2})[./-](\d{1,2})[./-](\d{2}|\d{4})(?:\s*г\.?)?(?:\s+\d{1,2}:\d{2}(?::\d{2})?)?$/.exec(s);
  if (m) {
    const y = fullYear(+m[3], m[3].length);
    return isValidYmd(y, +m[2], +m[1]) ? ymd(y, +m[2], +m[1]) : null;
  }
  m = /^(\d{4})-(\d{2})-(\d{2})(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?Z?)?$/.exec(s);
  if (m) return isValidYmd(+m[1], +m[2], +m[3]) ? ymd(+m[1], +m[2], +m[3]) : null;
  m = /^(\d{1,2})\s+([а-яё]+)\.?\s+(\d{4})(?:\s*г\.?)?$/i.exec(s);
  if (m) {
    const mo = monthFromRussianWord(m[2]);
    return mo && isValidYmd(+m[3], mo, +m[1]) ? ymd(+m[3], mo, +m[1]) : null;
  }
  if (/^\d+(\.\d+)?$/.test(s)) {
    const n = Number(s);
    if (n > 20000 && n < 80000) return excelSerialToIso(n);
  }
  return null;
}

/**
 * Parse a billing period: "Январь 2025", "январь 2025 г.", "01.2025", "1.2025", "2025-01", "01.01.2025" (first day),
 * "янв.25", an Excel serial (a date in the month). Returns "YYYY-MM" or null.
 */
export function parsePeriod(input: string | number | null | undefined): Period | null {
  if (input === null || input === undefined) return null;
  if (typeof input === "number") {
    const d = excelSerialToIso(input);
    return d ? periodOf(d) : null;
  }
  const s = input
    .trim()
    .replace(/[\u00a0\u202f]/g, " ")
    .replace(/\s+/g, " ");
  if (s === "") return null;
  let m = /^(\d{4})[-./](\d{1,2})$/.exec(s);
  if (m) return +m[2] >= 1 && +m[2] <= 12 ? `${m[1]}-${m[2].padStart(2, "0")}` : null;
  m = /^(\d{1,2})[./-](\d{4})(?:\s*г\.?)?$/.exec(s);
  if (m) return +m[1] >= 1 && +m[1] <= 12 ? `${m[2]}-${m[1].padStart(2, "0")}` : null;
  m = /^([а-яё]+)\.?[\s-]*'?(\d{4}|\d{2})(?:\s*г(?:ода?|\.)?)?\.?$/i.exec(s);
  if (m) {
    const mo = monthFromRussianWord(m[1]);
    if (!mo) return null;
    const y = fullYear(+m[2], m[2].length);
    return `${y}-${mo < 10 ? "0" : ""}${mo}`;
  }
  const d = parseRuDate(s);
  return d ? periodOf(d) : null;
}

/** Month names in the nominative, January first («март 2024», month column headers, number formats «mmmm»). */
export const MONTH_NAMES_NOM: readonly string[] = [
  "январь",
  "февраль",
  "март",
  "апрель",
  "май",
  "июнь",
  "июль",
  "август",
  "сентябрь",
  "октябрь",
  "ноябрь",
  "декабрь",
];
/** "2024-03" → "март 2024" */
export function formatPeriodRu(p: Period): string {
  return `${MONTH_NAMES_NOM[+p.slice(5, 7) - 1]} ${p.slice(0, 4)}`;
}

/** "2024-03" → "03.2024" (a month in tables, texts and documents) */
export function formatPeriodNumeric(p: Period): string {
  return `${p.slice(5, 7)}.${p.slice(0, 4)}`;
}

/** "2024-03-05" → "05.03.2024" */
export function formatDateRu(d: IsoDate): string {
  return `${d.slice(8, 10)}.${d.slice(5, 7)}.${d.slice(0, 4)}`;
}
