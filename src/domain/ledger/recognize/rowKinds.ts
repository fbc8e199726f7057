/**
 * What a row below the header is, read from its label cells: a total («Итого», «Всего»), the column numbering
 * «1 | 2 | 3 …», a group label (a house, a street, a 1С account 62.01) or an account (docs/formats.md).
 */
import type { CellValue } from "../../grid";
import { isEmptyValue, type GridReader } from "./gridReader";
import type { RowColumns } from "./rowColumns";

const TOTAL_RE = /^\s*(итог|всего)/i;
/** «Итого…» / «Всего…»: a cheap first-letter test before the regex (this runs on every label cell). */
export function mayBeTotal(v: string): boolean {
  if (v.length < 4) return false;
  let ch = v.charCodeAt(0);
  if (ch === 32 || ch === 160) ch = v.trimStart().charCodeAt(0);
  // И и В в
  return (ch === 0x418 || ch === 0x438 || ch === 0x412 || ch === 0x432) && TOTAL_RE.test(v);
}
const ID_TOKEN = /^[0-9A-Za-zА-Яа-яЁё№/_.-]+$/;
export const HAS_DIGIT = /\d/;
const ID_THEN_TEXT = /^(\d[\d/-]{2,})[\s,;]+(.+)$/;
const DIGITS_WITH_SPACES = /^\d+(?:[ \u00a0\u202f]\d+)+$/;
export const ONE_C_ACCOUNT = /^(60|62|76)(\.\d{1,2})*$/;
const FLOAT_ZERO = /^\d{4,}\.0+$/;
/** «ул. Ленина, д. 7», «мкр. 3, д. 5»: an address word first and a number somewhere (so «Г. И. Петров» is a name). */
export const ADDRESS_LABEL =
  /^(?:ул|улица|мкр|мкрн|микрорайон|пр-т|пр-кт|просп|проспект|пер|переулок|ш|шоссе|б-р|бульвар|пл|площадь|наб|г|пос|п|пгт|с|д|дом)\.?\s.*\d/i;
const ACCOUNT_PREFIX = /^(?:л\s?\/\s?сч?|лс|л\.\s?с\.|№|n)\s*[:.]?\s*(?=\d)/i;
/** 1С ОСВ by counterparties and contracts: the contract rows repeat their counterparty's sums. */
export const ONE_C_DETAIL = /^(?:основной договор|договоры?|без договора|документы?(?: расчетов)?)(?![а-яё])/i;

/** «л/с 1020034», «ЛС: 1020034», «№ 1020034» → «1020034». */
function withoutAccountPrefix(text: string): string {
  const c0 = text.charCodeAt(0);
  if (c0 >= 48 && c0 <= 57) return text;
  const p = ACCOUNT_PREFIX.exec(text);
  return p ? text.slice(p[0].length) : text;
}

/** An account cell: the identifier, an identifier followed by a name («1020034 Соколова Е.В.», see textAfterAccount), or null for a label (group row). */
export function readAccountCell(text: string): string | null {
  if (text === "") return "";
  text = withoutAccountPrefix(text);
  if (ID_TOKEN.test(text)) {
    if (!HAS_DIGIT.test(text) || ONE_C_ACCOUNT.test(text)) return null;
    // «1020034.0»: an account that went through a float on export (pandas, SQL)
    return FLOAT_ZERO.test(text) ? text.slice(0, text.indexOf(".")) : text;
  }
  if (DIGITS_WITH_SPACES.test(text)) return text.replace(/\s+/g, "");
  const m = ID_THEN_TEXT.exec(text);
  return m ? m[1] : null;
}

/** The text after the identifier in an account cell («1020034 Соколова Е.В.» → «Соколова Е.В.»), else "". */
export function textAfterAccount(text: string): string {
  if (text === "") return "";
  text = withoutAccountPrefix(text);
  if (ID_TOKEN.test(text) || DIGITS_WITH_SPACES.test(text)) return "";
  const m = ID_THEN_TEXT.exec(text);
  return m ? m[2].trim() : "";
}

/** The first non-empty cell of the row is 1 (a cheap test before isNumberingRow). */
export function startsWithOne(values: CellValue[] | undefined): boolean {
  if (!values) return false;
  for (let c = 0; c < values.length; c++) {
    const v = values[c];
    if (v === null || v === "") continue;
    return v === 1 || v === "1";
  }
  return false;
}

/** A numbered row «1 | 2 | 3 …» right under the header (column numbers of Russian reports). */
export function isNumberingRow(g: GridReader, r: number): boolean {
  let expect = 1;
  for (let c = 0; c < g.width; c++) {
    const v = g.grid.values[r]?.[c];
    if (isEmptyValue(v ?? null)) continue;
    const n = typeof v === "number" ? v : Number(String(v).trim());
    if (n !== expect) return false;
    expect++;
  }
  return expect > 3;
}

/** Recognises the header's lower row repeated on a page break («Дебет | Кредит» over the amount columns). */
export class HeaderEcho {
  private readonly cols: number[];
  private readonly texts: Set<string>[];

  constructor(
    private readonly g: GridReader,
    rc: RowColumns,
    headerTop: number,
    start: number,
  ) {
    // header texts per amount column
    this.cols = [...rc.amounts.map((a) => a.col), ...rc.months];
    this.texts = this.cols.map((c) => {
      const set = new Set<string>();
      for (let h = headerTop; h < start; h++) {
        const t = g.ownText(h, c);
        if (t !== "") set.add(t);
      }
      return set;
    });
  }

  /** Two amount columns or more: a single coincidence does not make a header. */
  get usable(): boolean {
    return this.cols.length >= 2;
  }

  test(r: number): boolean {
    let same = 0;
    for (let i = 0; i < this.cols.length; i++) {
      const v = this.g.grid.values[r]?.[this.cols[i]];
      if (typeof v === "string" && this.texts[i].has(v.trim()) && ++same >= 2) return true;
    }
    return false;
  }
}
