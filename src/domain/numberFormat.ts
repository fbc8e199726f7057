/**
 * Excel number format codes: whether a code shows a date or a time. One rule for the ledger reader (a number under
 * a date format is a date serial, not an amount or an account number) and for the adapters that render the
 * displayed text themselves.
 *
 * Tokens (as Excel reads them): d, m, y for the date; h, s for the time; «m»/«mm» right after h or right before s
 * is minutes, otherwise the month («mm» alone shows 03). A Russian-locale Excel writes the same codes with Cyrillic
 * letters — Д, М, Г for the date, ч, с for the time («ДД.ММ.ГГГГ ч:мм»). Not tokens: text in quotes ("дн."), an
 * escaped character (\д), brackets (colours, locales, conditions) and the character after _ (a space of its width)
 * or * (fill). Elapsed time [h], [mm], [ss] is a time token.
 */

const DATE_LETTERS = "dmyдмг";
const TIME_LETTERS = "hsчс";
const ELAPSED = /^(?:h+|m+|s+|ч+|м+|с+)$/;

/**
 * True when the first section of the code (the one positive numbers use, as date serials are) shows a date or a
 * time: a date token, or an hour/second token with a colon («h:mm», «mm:ss», «[h]:mm»). A lone «h» or «s» without
 * a colon is not taken for a time: a stray letter in a number format should not turn amounts into dates.
 */
export function isDateFormat(code: string): boolean {
  let date = false;
  let time = false;
  let colon = false;
  for (let i = 0; i < code.length; i++) {
    const ch = code[i];
    if (ch === ";") break;
    if (ch === '"') {
      const end = code.indexOf('"', i + 1);
      i = end < 0 ? code.length : end;
    } else if (ch === "\\" || ch === "_" || ch === "*") i++;
    else if (ch === "[") {
      const end = code.indexOf("]", i);
      if (ELAPSED.test(code.slice(i + 1, end < 0 ? code.length : end).toLowerCase())) time = true;
      i = end < 0 ? code.length : end;
    } else if (ch === ":") colon = true;
    else {
      const lower = ch.toLowerCase();
      if (DATE_LETTERS.includes(lower)) date = true;
      else if (TIME_LETTERS.includes(lower)) time = true;
    }
  }
  return date || (time && colon);
}

const TO_INVARIANT: Record<string, string> = { д: "d", м: "m", г: "y", ч: "h", с: "s" };

/**
 * The code with Russian-locale date and time tokens written as the invariant ones («ДД.ММ.ГГГГ ч:мм» →
 * «dd.mm.yyyy h:mm»); quoted text, escaped characters and brackets are kept as they are.
 */
export function invariantDateCode(code: string): string {
  let out = "";
  for (let i = 0; i < code.length; i++) {
    const ch = code[i];
    if (ch === '"' || ch === "[") {
      const end = code.indexOf(ch === '"' ? '"' : "]", i + 1);
      const stop = end < 0 ? code.length : end + 1;
      out += code.slice(i, stop);
      i = stop - 1;
    } else if (ch === "\\" || ch === "_" || ch === "*") {
      out += code.slice(i, i + 2);
      i++;
    } else out += TO_INVARIANT[ch.toLowerCase()] ?? ch;
  }
  return out;
}
