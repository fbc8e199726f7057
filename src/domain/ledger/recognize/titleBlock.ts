/**
 * The title block above the header: the period a report covers («за период с 01.01.2024 по 31.03.2024», «за 1
 * квартал 2024 г.», «на 01.04.2024») and, on a single-account card, the account, owner and address it names.
 */
import { parsePeriod, parseRuDate, periodEnd, periodStart } from "../../dates";
import type { GridReader } from "./gridReader";
import type { TitleAccount, TitlePeriod } from "./types";

/** A non-empty title cell: 0-based sheet coordinates and its text. */
export interface TitleText {
  row: number;
  col: number;
  text: string;
}

/** The texts of the rows above the header, row by row, left to right. */
export function collectTitleTexts(g: GridReader, beforeRow: number): TitleText[] {
  const out: TitleText[] = [];
  for (let r = 0; r < beforeRow; r++)
    for (let c = 0; c < g.width; c++) {
      const t = g.ownText(r, c);
      if (t !== "") out.push({ row: g.sheetRow(r), col: g.sheetCol(c), text: t });
    }
  return out;
}

// ---------------------------------------------------------------- the account of a card

/** One account, singular («лицевой счет», «лицевому счёту»; not «по лицевым счетам 2024 г.»), then its number. */
const TITLE_ACCOUNT =
  /(?:лицев(?:ой|ому|ого|ом)\s+сч[её]т[уае]?|(?:^|[\s(,])(?:л\/сч?|лс|елс))\s*[:.]?\s*(?:№|N)?\s*[:.]?\s*(\d[\d/-]*)(?!\d|\s*г(?:\.|од|\s|$))/i;
const TITLE_NAME =
  /(?:собственник|владелец|абонент|плательщик|наниматель|должник|ф\.?\s?и\.?\s?о\.?)\s*[:–—-]\s*([^,;:]+?)\s*(?:[,;]|\s+адрес|$)/i;
const TITLE_ADDRESS = /адрес(?:\s+помещения)?\s*[:–—-]\s*(.+)$/i;

/** «Карточка расчётов по лицевому счёту № 0012345», «Собственник: …», «Адрес: …» (label and value in one cell or side by side). */
export function readTitleAccount(texts: TitleText[]): TitleAccount | null {
  const lines: TitleText[] = [];
  for (const t of texts) {
    const last = lines[lines.length - 1];
    if (last && last.row === t.row) last.text += ` ${t.text}`;
    else lines.push({ ...t, text: t.text.replace(/[\u00a0\u202f]/g, " ") });
  }
  let found: TitleAccount | null = null;
  for (const l of lines) {
    const m = TITLE_ACCOUNT.exec(l.text);
    if (m && !found) found = { account: m[1].replace(/[/-]$/, ""), name: "", address: "", row: l.row, col: l.col };
  }
  if (!found) return null;
  for (const l of lines) {
    const n = TITLE_NAME.exec(l.text);
    if (n && !found.name) found.name = n[1].trim();
    const a = TITLE_ADDRESS.exec(l.text);
    if (a && !found.address) found.address = a[1].trim();
  }
  return found;
}

/**
 * A line between cards on a sheet of several: «Лицевой счет № …» starts the next card, «Собственник: …» and
 * «Адрес: …» fill it. Returns the card as it stands after the line.
 */
export function readCardLine(line: string, card: TitleAccount): TitleAccount {
  const next = TITLE_ACCOUNT.exec(line);
  if (next) card = { ...card, account: next[1].replace(/[/-]$/, ""), name: "", address: "" };
  const n = TITLE_NAME.exec(line);
  if (n) card = { ...card, name: n[1].trim() };
  const a = TITLE_ADDRESS.exec(line);
  if (a) card = { ...card, address: a[1].trim() };
  return card;
}

// ---------------------------------------------------------------- title period

const TITLE_RANGE = /(\d{1,2}[./]\d{1,2}[./]\d{2,4})\s*(?:г\.?)?\s*(?:-|–|—|по)\s*(\d{1,2}[./]\d{1,2}[./]\d{2,4})/;
const TITLE_MONTHS = /(январ|феврал|март|апрел|ма[йяе]|июн|июл|август|сентябр|октябр|ноябр|декабр)[а-яё]*\s+(\d{4})/gi;
/** «за январь - март 2024 г.», «с января по март 2024 г.»: one year for both months. */
const TITLE_MONTH_RANGE =
  /(январ|феврал|март|апрел|ма[йяе]|июн|июл|август|сентябр|октябр|ноябр|декабр)[а-яё]*\s*(?:-|–|—|по)\s*(январ|феврал|март|апрел|ма[йяе]|июн|июл|август|сентябр|октябр|ноябр|декабр)[а-яё]*\s+(\d{4})/i;
const TITLE_AS_OF = /(?:^|\s)на\s+(\d{1,2}[./]\d{1,2}[./]\d{2,4})/i;
const TITLE_YEAR = /за\s+(\d{4})\s*(?:г|год)/i;
/** 1С: «за 1 квартал 2024 г.», «за I квартал 2024 г.», «за 2-й квартал 2024 г.» */
const TITLE_QUARTER = /(?:^|\s)([1-4]|IV|I{1,3})(?:\s*-?\s*й)?\s+квартал\S*\s+(\d{4})/i;
const QUARTERS = ["1", "2", "3", "4", "I", "II", "III", "IV"];

export function readTitlePeriod(texts: TitleText[]): TitlePeriod | null {
  for (const { row, col, text } of texts) {
    const t = text.replace(/[\u00a0\u202f]/g, " ");
    let m = TITLE_RANGE.exec(t);
    if (m) {
      const from = parseRuDate(m[1]);
      const to = parseRuDate(m[2]);
      return { from, to, row, col, text, invalid: !from || !to || from > to };
    }
    m = TITLE_MONTH_RANGE.exec(t);
    if (m) {
      const first = parsePeriod(`${m[1]} ${m[3]}`);
      const last = parsePeriod(`${m[2]} ${m[3]}`);
      if (first && last)
        return { from: periodStart(first), to: periodEnd(last), row, col, text, invalid: first > last };
    }
    const months = [...t.matchAll(TITLE_MONTHS)];
    if (months.length > 0) {
      const first = parsePeriod(`${months[0][1]} ${months[0][2]}`);
      const lastM = months[months.length - 1];
      const last = parsePeriod(`${lastM[1]} ${lastM[2]}`);
      if (first && last)
        return { from: periodStart(first), to: periodEnd(last), row, col, text, invalid: first > last };
    }
    m = TITLE_QUARTER.exec(t);
    if (m) {
      const q = QUARTERS.indexOf(m[1].toUpperCase()) % 4;
      const first = `${m[2]}-${String(q * 3 + 1).padStart(2, "0")}`;
      const last = `${m[2]}-${String(q * 3 + 3).padStart(2, "0")}`;
      return { from: periodStart(first), to: periodEnd(last), row, col, text, invalid: false };
    }
    m = TITLE_YEAR.exec(t);
    if (m) return { from: `${m[1]}-01-01`, to: `${m[1]}-12-31`, row, col, text, invalid: false };
    m = TITLE_AS_OF.exec(t);
    if (m) {
      const d = parseRuDate(m[1]);
      if (d) return { from: null, to: d, row, col, text, invalid: false };
    }
  }
  return null;
}
