/**
 * The FSSP data bank's usual cell layouts (docs/formats.md: the multi-line paste), each read by one anchored pattern
 * instead of the general readers' clean-up and several searches. A reader here fills the proceeding exactly as the
 * general reader in fields.ts would, and only for a cell whose layout leaves no doubt: plain characters, single
 * spaces, one line per part. Anything else — glued, flattened, odd spaces or dashes, other wording — returns false
 * and goes the general way. test/unit/bailiff/usualCells.test.ts holds both ways to the same result.
 */
import type { Kopecks } from "../money";
import { parseEndReason } from "../law/enforcement";
import { digitsValue, intern, ruDate, type ReadMemo } from "./memo";
import type { Proceeding } from "./model";

/** A printable character that needs no cleaning (no space, no «<» of an HTML break; see normalize.ts PLAIN). */
const CH = "[\\x21-\\x3b\\x3d-\\x7e\\u0401-\\u0451№]";
/** The same without digits (a debtor's name). */
const NAME_CH = "[\\x21-\\x2f\\x3a\\x3b\\x3d-\\x7e\\u0401-\\u0451№]";
/** Words of `ch` with single spaces between them, none at the ends: what squash() leaves as it is. */
const words = (ch: string) => `${ch}+(?: ${ch}+)*`;
const DATE = "\\d{2}\\.\\d{2}\\.\\d{4}";

/** «СОКОЛОВА ЕЛЕНА ВИКТОРОВНА⏎14.02.1981⏎Г. БЕЛОЯРСКИЙ» (the place may be missing). */
const USUAL_DEBTOR = new RegExp(`^(${words(NAME_CH)})\\n(${DATE})(?:\\n(${words(CH)}))?$`);

export function readUsualDebtor(p: Proceeding, text: string, memo: ReadMemo): boolean {
  const m = USUAL_DEBTOR.exec(text);
  // the general reader drops commas between the name, the date and the place
  if (!m || m[1].endsWith(",") || m[3]?.startsWith(",")) return false;
  p.debtor.name = m[1];
  p.debtor.birthDate = ruDate(m[2], memo);
  p.debtor.birthPlace = m[3] ?? "";
  return true;
}

/** «12345/23/86004» without leading zeros: as normalize.ts writes it in a canonical key (zeros go the general way). */
const OWN_NUMBER = "[1-9]\\d{0,7}/\\d{2}/\\d{5}";

/**
 * «12345/23/86004-ИП от 15.03.2023», a consolidated «11111/23/86004-СД» on the next line. The suffix may be typed in
 * Latin letters and the «от» may follow two spaces, as pastes have them.
 */
const USUAL_IP = new RegExp(`^(${OWN_NUMBER})-(?:ИП|IP)( {1,2})от (${DATE})(?:\\n(${OWN_NUMBER})-СД)?$`);

/** A proceeding-number cell in the usual layout: it holds the proceeding's own number (a record starts here). */
export function isUsualIpCell(text: string): boolean {
  return USUAL_IP.test(text);
}

export function readUsualIp(p: Proceeding, text: string, memo: ReadMemo): boolean {
  const m = USUAL_IP.exec(text);
  if (!m) return false;
  const oneLine = m[4] === undefined ? text : text.replace("\n", " ");
  p.ipRaw = m[2].length === 1 ? oneLine : oneLine.replace("  ", " ");
  // keys built flat, as normalize.ts builds them (a template would keep a chain of parts until first hashed)
  p.ip = [m[1], "-ИП"].join("");
  if (m[4] !== undefined) p.consolidated = [m[4], "-СД"].join("");
  p.ipDate ??= ruDate(m[3], memo);
  return true;
}

/** Roubles with kopecks, «8322.42»: read by kopecksOf (no more digits than a double holds exactly). */
const AMOUNT = "(\\d{1,13}\\.\\d{2}) руб\\.";
/** The subject, the debt and what is left of it, the enforcement fee when charged; a blank line between them. */
const USUAL_SUBJECT = new RegExp(
  `^(${words("[\\x21-\\x39\\x3b\\x3d-\\x7e\\u0401-\\u0451№]")})\\n\\nСумма долга: ${AMOUNT}\\n\\nОстаток долга по исполнительному документу: ${AMOUNT}(?:\\n\\nИсполнительский сбор: ${AMOUNT})?$`,
);
/** Labels the general reader would cut the subject at (the pattern above keeps colons out of the subject). */
const LABEL_IN_SUBJECT = /сумма долга|остаток долга/i;

/** «8322.42» (the pattern above matched it) → 832242 kopecks, as parseAmount reads it. */
function kopecksOf(s: string): Kopecks {
  return digitsValue(s, 0, s.length - 3) * 100 + digitsValue(s, s.length - 2, s.length);
}

export function readUsualSubject(p: Proceeding, text: string, memo: ReadMemo): boolean {
  const m = USUAL_SUBJECT.exec(text);
  if (!m || LABEL_IN_SUBJECT.test(m[1])) return false;
  p.subject = intern(memo, m[1]);
  p.amount ??= kopecksOf(m[2]);
  p.remaining ??= kopecksOf(m[3]);
  p.fee ??= m[4] === undefined ? null : kopecksOf(m[4]);
  return true;
}

/**
 * «Судебный приказ от 10.01.2023 № 2-15/2023⏎СУДЕБНЫЙ УЧАСТОК № 1 …⏎8611000000»: the type and the date at the start,
 * then words with a space, a no-break space, a space and a no-break space (the site's «№ » copied), or a line break
 * between them. Without the fee-decree phrase.
 */
const USUAL_DOCUMENT = new RegExp(
  `^(Судебный приказ|Исполнительный лист) от (${DATE})(?:(?: \\u00a0|[ \\u00a0\\n])${CH}+)*$`,
);
const FEE_WORD = /сбора/i;
const SEPARATOR = / \u00a0|[\n\u00a0]/g;

/** A document cell read up to its number (the general way: fields.ts readDocumentHead). */
export interface DocumentHead {
  /** The cell on one line, as squash() gives it. */
  flat: string;
  /** `flat` without the fee-decree phrase. */
  rest: string;
  feeDecree: boolean;
  /** The type as written, when the cell starts with one. */
  type: string | null;
  /** The document's date as written. */
  date: string | null;
  /** What follows the date: the number, the issuer, the claimant's ИНН. */
  numberPart: string;
}

export function usualDocumentHead(text: string): DocumentHead | null {
  const m = USUAL_DOCUMENT.exec(text);
  if (!m || FEE_WORD.test(text)) return null;
  const flat = text.replace(SEPARATOR, " ");
  const numberFrom = m[1].length + 4 + m[2].length;
  return { flat, rest: flat, feeDecree: false, type: m[1], date: m[2], numberPart: flat.slice(numberFrom) };
}

/** «31.05.2024⏎ст. 46⏎ч. 1⏎п. 4»: the end date and the article, part and point of the law. */
const USUAL_END = new RegExp(`^(${DATE})\\nст\\. (\\d{1,3})\\nч\\. (\\d{1,2})\\nп\\. (\\d{1,2})$`);

export function readUsualEnd(p: Proceeding, text: string, memo: ReadMemo): boolean {
  // the general reader adds to what an earlier column gave; the short way is for the one end column
  if (p.end.raw !== "") return false;
  const m = USUAL_END.exec(text);
  if (!m) return false;
  p.end.raw = text.replaceAll("\n", " ");
  p.end.date ??= ruDate(m[1], memo);
  // one reason object per article, part and point in a run (the law engine reads the same words for each)
  const key = (Number(m[2]) * 100 + Number(m[3])) * 100 + Number(m[4]);
  let reason = memo.endReasons.get(key);
  if (reason === undefined) {
    reason = parseEndReason(p.end.raw);
    memo.endReasons.set(key, reason);
  }
  p.end.reason ??= reason;
  return true;
}
