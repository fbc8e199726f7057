/**
 * The text Excel (Russian locale) shows for a raw cell value and a number format code, for the adapters that do
 * not get it from Excel itself (xlsx/ExcelJS, the test fake). Covers what ledgers use: General, text "@",
 * fixed decimals with grouping, percents, dates and times, literal text in quotes, sections "pos;neg;zero;text".
 * Format codes are stored in files in the invariant (en-US) form: "," groups, "." is the decimal point, "/" is the
 * date separator — they display as no-break space, comma and "." in the Russian locale. Some generators write
 * the localised form ("# ##0,00"); that is recognised too.
 */
import { MONTH_NAMES_NOM } from "../domain/dates";
import type { CellValue } from "../domain/grid";
import { invariantDateCode, isDateFormat } from "../domain/numberFormat";

/** The one date-format rule lives in the domain (the ledger reader uses it too); re-exported for the adapters. */
export { isDateFormat };

const NBSP = "\u00a0";

/** Formats Excel shows as the locale's short date (built-in 14 and the codes libraries map it to). */
const SHORT_DATE_CODES = new Set([
  "mm-dd-yy",
  "m/d/yy",
  "m/d/yyyy",
  "d/m/yyyy",
  "dd/mm/yyyy",
  "mm/dd/yyyy",
  "dd/mm/yy",
]);

export function isTextFormat(fmt: string): boolean {
  return fmt.trim() === "@";
}

/** Excel's "General" for a number: up to 11 significant characters, decimal comma. */
export function formatGeneral(n: number): string {
  if (!Number.isFinite(n)) return String(n);
  if (Number.isInteger(n) && Math.abs(n) < 1e11) return String(n);
  const abs = Math.abs(n);
  let s: string;
  if (abs !== 0 && (abs >= 1e11 || abs < 1e-9)) {
    s = n
      .toExponential(5)
      .replace(/\.?0+e/, "e")
      .replace("e+", "E+")
      .replace("e-", "E-");
    s = s.replace(/E([+-])(\d)$/, "E$10$2");
  } else {
    const intDigits = abs < 1 ? 1 : Math.floor(Math.log10(abs)) + 1;
    s = n.toFixed(Math.max(0, 10 - intDigits));
    if (s.includes(".")) s = s.replace(/0+$/, "").replace(/\.$/, "");
  }
  return s.replace(".", ",");
}

/** The displayed text of a cell: value + number format code. */
export function displayText(value: CellValue, numberFormat: string | undefined | null): string {
  if (value === null || value === undefined) return "";
  if (typeof value === "string") return value;
  if (typeof value === "boolean") return value ? "ИСТИНА" : "ЛОЖЬ";
  return formatterFor(numberFormat ?? "")(value);
}

type NumberFormatter = (n: number) => string;
/**
 * Format codes are parsed once; a ledger has a handful of distinct codes and many cells. A bounded memo of a pure
 * function, kept at module level on purpose: what it returns never depends on what was cached before.
 */
const formatterCache = new Map<string, NumberFormatter>();

function formatterFor(code: string): NumberFormatter {
  let f = formatterCache.get(code);
  if (!f) {
    f = compileFormat(code.trim());
    if (formatterCache.size > 1000) formatterCache.clear();
    formatterCache.set(code, f);
  }
  return f;
}

function compileFormat(fmt: string): NumberFormatter {
  if (fmt === "" || /^general$/i.test(fmt) || isTextFormat(fmt)) return formatGeneral;
  const sections = splitSections(fmt).map((sec) =>
    sec.replace(/\[(?:Red|Black|Green|Blue|Cyan|Magenta|White|Yellow|Color\d+|\$[^\]]*)\]/gi, ""),
  );
  const compiled = sections.map(compileSection);
  return (value) => {
    if (value < 0 && sections.length > 1 && sections[1] !== "") return compiled[1](-value, value);
    if (value === 0 && sections.length > 2 && sections[2] !== "") return compiled[2](0, value);
    return compiled[0](value, value);
  };
}

/** (n, original) → text; `original` keeps the sign and the raw serial for dates. */
function compileSection(section: string): (n: number, original: number) => string {
  if (/^general$/i.test(section.trim())) return (n) => formatGeneral(n);
  if (isDateFormat(section)) {
    // «ДД.ММ.ГГГГ» (a Russian-locale code) renders as «dd.mm.yyyy»
    const code = invariantDateCode(section);
    if (SHORT_DATE_CODES.has(code.toLowerCase())) return (_n, v) => formatDateCode(v, "dd.mm.yyyy");
    return (n) => formatDateCode(n, code);
  }
  return compileNumberCode(section);
}

function splitSections(fmt: string): string[] {
  const out: string[] = [];
  let cur = "";
  let quoted = false;
  for (let i = 0; i < fmt.length; i++) {
    const ch = fmt[i];
    if (ch === '"') quoted = !quoted;
    if (ch === "\\" && i + 1 < fmt.length) {
      cur += ch + fmt[++i];
      continue;
    }
    if (ch === ";" && !quoted) {
      out.push(cur);
      cur = "";
    } else cur += ch;
  }
  out.push(cur);
  return out;
}

/** Number codes: 0, #, grouping, decimals, %, literal text. */
function compileNumberCode(section: string): (n: number) => string {
  // pull literal prefix/suffix out, keep the numeric pattern
  let pattern = "";
  let prefix = "";
  let suffix = "";
  let seenDigit = false;
  for (let i = 0; i < section.length; i++) {
    const ch = section[i];
    if (ch === '"') {
      const end = section.indexOf('"', i + 1);
      const lit = section.slice(i + 1, end < 0 ? undefined : end);
      if (seenDigit) suffix += lit;
      else prefix += lit;
      i = end < 0 ? section.length : end;
    } else if (ch === "\\" && i + 1 < section.length) {
      if (seenDigit) suffix += section[i + 1];
      else prefix += section[i + 1];
      i++;
    } else if (ch === "_" || ch === "*") {
      if (ch === "_") {
        if (seenDigit) suffix += " ";
        else prefix += " ";
      }
      i++;
    } else if (ch === " " && !/[#0?]/.test(section[i + 1] ?? "")) {
      // a space is a group separator only between digit placeholders ("# ##0"); otherwise literal text
      if (seenDigit) suffix += " ";
      else prefix += " ";
    } else if ("0#?.,% ".includes(ch) && (seenDigit || "0#?".includes(ch))) {
      if ("0#?".includes(ch)) seenDigit = true;
      if (ch === "%") suffix += "%";
      else pattern += ch;
    } else if (ch === "%") {
      suffix += "%";
    } else if (seenDigit) suffix += ch;
    else prefix += ch;
  }
  pattern = pattern.trimEnd();
  const percent = (prefix + suffix).includes("%");
  // localised form "# ##0,00": a space groups and the comma is the decimal separator
  const localised = /[#0] [#0]/.test(pattern);
  const decimalSep = localised && !pattern.includes(".") ? "," : ".";
  const grouping = localised || /[#0?],[#0?]/.test(pattern);
  const decIdx = pattern.indexOf(decimalSep);
  const decPart = decIdx >= 0 ? pattern.slice(decIdx + 1).replace(/[^0#?]/g, "") : "";
  const minDec = (decPart.match(/0/g) ?? []).length;
  const maxDec = decPart.length;
  const intPattern = (decIdx >= 0 ? pattern.slice(0, decIdx) : pattern).replace(/[^0#?]/g, "");
  const minInt = (intPattern.match(/0/g) ?? []).length;
  return (value) => {
    const n = percent ? value * 100 : value;
    const negative = n < 0;
    const fixed = roundTo(Math.abs(n), maxDec);
    let [intStr, fracStr = ""] = fixed.split(".");
    while (fracStr.length > minDec && fracStr.endsWith("0")) fracStr = fracStr.slice(0, -1);
    if (intStr === "0" && minInt === 0) intStr = "";
    intStr = intStr.padStart(minInt, "0");
    if (grouping) intStr = intStr.replace(/\B(?=(\d{3})+(?!\d))/g, NBSP);
    const body = fracStr.length > 0 ? `${intStr},${fracStr}` : intStr;
    return `${negative && /[1-9]/.test(body) ? "-" : ""}${prefix}${body}${suffix}`;
  };
}

function roundTo(abs: number, digits: number): string {
  // round half up on the decimal representation (toFixed rounds binary floats inconsistently)
  // Excel works with 15 significant digits: 1.005 shows as 1,01
  const scaled = Math.round(Number((abs * 10 ** digits).toPrecision(15)));
  const s = String(scaled).padStart(digits + 1, "0");
  return digits > 0 ? `${s.slice(0, -digits)}.${s.slice(-digits)}` : s;
}

const MONTHS_SHORT = ["янв", "фев", "мар", "апр", "май", "июн", "июл", "авг", "сен", "окт", "ноя", "дек"];

/** Excel serial → civil date/time parts (1900 system, with Excel's fictitious 29.02.1900). */
function serialParts(serial: number): { y: number; m: number; d: number; hh: number; mi: number; ss: number } {
  let whole = Math.floor(serial);
  let secs = Math.round((serial - whole) * 86400);
  if (secs >= 86400) {
    whole += 1;
    secs -= 86400;
  }
  let y: number, m: number, d: number;
  if (whole === 60) [y, m, d] = [1900, 2, 29];
  else {
    const days = whole < 60 ? whole - 25568 : whole - 25569; // days since 1970-01-01
    const dt = new Date(days * 86400000);
    [y, m, d] = [dt.getUTCFullYear(), dt.getUTCMonth() + 1, dt.getUTCDate()];
  }
  return { y, m, d, hh: Math.floor(secs / 3600), mi: Math.floor((secs % 3600) / 60), ss: secs % 60 };
}

function formatDateCode(serial: number, section: string): string {
  if (serial < 0 || serial >= 2958466) return "#".repeat(10);
  const p = serialParts(serial);
  const two = (v: number) => String(v).padStart(2, "0");
  let out = "";
  const lower = section.toLowerCase();
  let lastWasHour = false;
  for (let i = 0; i < section.length;) {
    const ch = lower[i];
    if (section[i] === '"') {
      const end = section.indexOf('"', i + 1);
      out += section.slice(i + 1, end < 0 ? undefined : end);
      i = end < 0 ? section.length : end + 1;
      continue;
    }
    if (section[i] === "\\") {
      out += section[i + 1] ?? "";
      i += 2;
      continue;
    }
    if (section[i] === "[") {
      const end = section.indexOf("]", i);
      const inner = lower.slice(i + 1, end < 0 ? undefined : end);
      if (/^(?:h+|m+|s+)$/.test(inner)) {
        // elapsed time «[h]:mm»: the whole hours (minutes, seconds) since the serial's zero
        out += elapsed(serial, inner);
        lastWasHour = inner[0] === "h";
      }
      i = end < 0 ? section.length : end + 1;
      continue;
    }
    let run = 1;
    while (i + run < section.length && lower[i + run] === ch) run++;
    if (ch === "y") {
      out += run <= 2 ? two(p.y % 100) : String(p.y);
    } else if (ch === "d") {
      out +=
        run === 1
          ? String(p.d)
          : run === 2
            ? two(p.d)
            : run === 3
              ? ["вс", "пн", "вт", "ср", "чт", "пт", "сб"][dow(p)]
              : ["воскресенье", "понедельник", "вторник", "среда", "четверг", "пятница", "суббота"][dow(p)];
    } else if (ch === "m") {
      // "m" after hours or before seconds means minutes
      const rest = lower.slice(i + run).replace(/[^a-z]/g, "");
      if ((lastWasHour || rest.startsWith("s")) && run <= 2) out += run === 1 ? String(p.mi) : two(p.mi);
      else
        out +=
          run === 1 ? String(p.m) : run === 2 ? two(p.m) : run === 3 ? MONTHS_SHORT[p.m - 1] : MONTH_NAMES_NOM[p.m - 1];
    } else if (ch === "h") {
      out += run === 1 ? String(p.hh) : two(p.hh);
    } else if (ch === "s") {
      out += run === 1 ? String(p.ss) : two(p.ss);
    } else if (ch === "/") {
      out += ".";
    } else {
      out += section.slice(i, i + run);
    }
    if ("dmyhs".includes(ch)) lastWasHour = ch === "h";
    i += run;
  }
  return out;
}

function elapsed(serial: number, token: string): string {
  const seconds = Math.round(serial * 86400);
  const units = token[0] === "h" ? Math.floor(seconds / 3600) : token[0] === "m" ? Math.floor(seconds / 60) : seconds;
  return String(units).padStart(token.length, "0");
}

function dow(p: { y: number; m: number; d: number }): number {
  return new Date(Date.UTC(p.y, p.m - 1, p.d)).getUTCDay();
}
