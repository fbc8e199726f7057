/**
 * Cell readers for data rows: amounts (numbers, text amounts, «1 500,00 Кт»), periods («Январь 2024», «2024,
 * январь», «Месяц» + «Год»), dates, identifiers that lost their leading zeros, signed balances (docs/formats.md).
 */
import { parseAmount, roublesToKopecks, type Kopecks } from "../../money";
import { parsePeriod, parseRuDate, type IsoDate, type Period } from "../../dates";
import type { GridReader } from "./gridReader";

/** Marker for an empty amount cell (reads as 0 but does not make the row "filled"). */
export const EMPTY = -0.5;

/** Kopecks, EMPTY for an empty cell, null when the cell is not a number in any accepted spelling. */
export function readAmount(g: GridReader, r: number, c: number): Kopecks | null {
  const v = g.value(r, c);
  if (v === null) return EMPTY;
  if (typeof v === "number") return Number.isFinite(v) ? roublesToKopecks(v) : null;
  if (typeof v === "boolean") return null;
  if (v.trim() === "") return EMPTY;
  const k = parseAmount(v);
  if (k !== null) return k;
  // «1 500,00 Дт» / «1 500,00 Кт»: a balance with its side written after it (1С and some billings)
  const side = SIDE_AFTER_AMOUNT.exec(v);
  if (!side) return null;
  const n = parseAmount(v.slice(0, side.index));
  return n === null ? null : /^к/i.test(side[1]) ? -Math.abs(n) : n;
}
const SIDE_AFTER_AMOUNT = /\s*(дт|кт|д|к|дебет|кредит)\.?\s*$/i;

const MONTH_WORD_IN_TEXT = /[а-яё]+/i;
const REAL_MONTH_WORD =
  /^(январ[ьяеюй]|феврал[ьяеюй]|марта?|марте|апрел[ьяеюй]|ма[йяе]|июн[ьяеюй]|июл[ьяеюй]|августа?|августе|сентябр[ьяеюй]|октябр[ьяеюй]|ноябр[ьяеюй]|декабр[ьяеюй]|янв|фев|мар|апр|июн|июл|авг|сен|сент|окт|ноя|дек|г|года?)$/i;

/** "2024, январь" / "2024 январь" (Год, месяц) as well as everything parsePeriod reads. */
export function readPeriod(g: GridReader, r: number, c: number): { period: Period | null; text: string } {
  const v = g.value(r, c);
  const text = g.text(r, c);
  if (typeof v === "number") return { period: parsePeriod(v), text };
  // parsePeriod reads a month by its stem; a word that only starts like a month («Мартобрь») is not a period
  const word = MONTH_WORD_IN_TEXT.exec(text);
  if (word && !REAL_MONTH_WORD.test(word[0])) return { period: null, text };
  let p = parsePeriod(text);
  if (!p) {
    const m = /^(\d{4})[\s,.]+([а-яё]+)\.?$/i.exec(text.trim());
    if (m) p = parsePeriod(`${m[2]} ${m[1]}`);
  }
  return { period: p, text };
}

/** «Месяц» = «Январь» or 1, «Год» = 2024 → "2024-01"; a full period in the month cell is read as it is. */
export function readMonthOfYear(
  g: GridReader,
  r: number,
  c: number,
  yearCol: number,
): { period: Period | null; text: string } {
  const v = g.value(r, c);
  const text = g.text(r, c);
  const yearText = g.text(r, yearCol);
  const year = /^\d{4}$/.test(yearText) ? yearText : "";
  if (typeof v === "number" && Number.isInteger(v) && v >= 1 && v <= 12)
    return { period: year ? `${year}-${v < 10 ? "0" : ""}${v}` : null, text };
  if (typeof v === "string" && /^\d{1,2}$/.test(v.trim())) {
    const m = +v.trim();
    return { period: year && m >= 1 && m <= 12 ? `${year}-${m < 10 ? "0" : ""}${m}` : null, text };
  }
  if (year && /^[а-яё]+\.?$/i.test(text)) {
    const p = readPeriod(g, r, c);
    if (!p.period && p.text !== "" && REAL_MONTH_WORD.test(text.replace(/\.$/, "")))
      return { period: parsePeriod(`${text.replace(/\.$/, "")} ${year}`), text };
    return p.period ? p : { period: null, text };
  }
  return readPeriod(g, r, c);
}

export function composeName(parts: string[]): string {
  return parts.filter((p) => p !== "").join(" ");
}

/**
 * An identifier cell as displayed. When Excel stored it as a number it dropped the leading zeros («012345678901»
 * → 12345678901): pad back to the nearest valid length.
 */
export function readIdentifier(g: GridReader, r: number, c: number, lengths: readonly number[]): string {
  const v = g.value(r, c);
  const text = g.text(r, c);
  if (typeof v !== "number" || !Number.isInteger(v) || v <= 0) return text;
  const digits = String(v);
  for (const n of lengths) if (digits.length < n && digits.length >= n - 2) return digits.padStart(n, "0");
  return text;
}

/** A date cell: an Excel serial, or text in any accepted spelling (DD.MM.YYYY, DD.MM.YY, ISO, «5 марта 2024 г.»). */
export function readDate(g: GridReader, r: number, c: number): IsoDate | null {
  const v = g.value(r, c);
  if (typeof v === "number") return parseRuDate(v);
  return parseRuDate(g.text(r, c));
}

/** Signed balance from one signed column or a debt/advance pair (advance counted as a credit whatever its sign). */
export function signed(
  balance: Kopecks | undefined,
  debt: Kopecks | undefined,
  advance: Kopecks | undefined,
): Kopecks | null {
  if (balance !== undefined) return balance;
  if (debt === undefined && advance === undefined) return null;
  return (debt ?? 0) - Math.abs(advance ?? 0);
}
