/**
 * Normalisation of the identifiers a bailiff register and a court-work register share (docs/formats.md: numbering
 * and normalisation): Unicode and whitespace, dashes, ё, Latin/Cyrillic look-alikes, number signs, proceeding numbers
 * (`N/YY/RRSSS-ИП`, old `N/YY/DD/RR`, the УИН form), document numbers (writ series with zeros restored, case-number
 * cores `02-1234/23` ≡ `2-1234/2023`, e-writs `86RS0012#2-345/2024#1`) and addresses; names are in names.ts. Keys are
 * for comparing only; the raw text is kept for display.
 */

const LATIN_TO_CYR: Record<string, string> = {
  A: "А",
  B: "В",
  C: "С",
  E: "Е",
  H: "Н",
  K: "К",
  M: "М",
  O: "О",
  P: "Р",
  T: "Т",
  X: "Х",
  Y: "У",
  a: "а",
  c: "с",
  e: "е",
  o: "о",
  p: "р",
  x: "х",
  y: "у",
};
const CYR_TO_LATIN: Record<string, string> = { Р: "R", С: "S", М: "M", р: "R", с: "S", м: "M" };

/**
 * Only plain ASCII, Cyrillic, «№», line feeds and no-break spaces (the FSSP site puts one after every «№»): nothing to
 * clean but those spaces (most cells; NFKC is costly).
 */
const PLAIN = /^[\x20-\x3b\x3d-\x7e\u00a0\u0401-\u0451№\n]*$/;
const NBSP = "\u00a0";

/** Latin-1, Cyrillic, dashes, «№» and the usual spaces: cleaned by the replacements alone, no NFKC needed. */
const NO_COMPAT =
  /^[\t\n\r\x20-\x7e\u00a0-\u00ff\u0400-\u04ff\u2007\u2009\u200b-\u200d\u2010-\u2015\u202f\u2060\u2116\u2212\ufeff]*$/;

/** Whitespace and invisible characters → plain spaces; dashes → "-"; «<br>» from API data → line breaks. */
export function cleanText(s: string): string {
  return cleanPlain(s) ?? cleanUnusual(s);
}

/** A plain cell (see PLAIN) cleaned — its no-break spaces made spaces; null for any other text. */
function cleanPlain(s: string): string | null {
  if (!PLAIN.test(s)) return null;
  return s.includes(NBSP) ? s.replaceAll(NBSP, " ") : s;
}

function cleanUnusual(s: string): string {
  // NFKC (full-width letters, ligatures) would also turn «№» into «No»: keep the sign
  const n = NO_COMPAT.test(s)
    ? s
    : s
        .replace(/№/g, "\ue000")
        .normalize("NFKC")
        .replace(/\ue000/g, "№");
  // one scan for «<br>», invisible characters, odd spaces and dashes (none of their replacements makes another
  // match); line ends last, as a removed invisible character may bring «\r» and «\n» together
  const r = n.replace(CLEAN_CHARS, cleanChar);
  return r.includes("\r") ? r.replace(/\r\n?/g, "\n") : r;
}

const CLEAN_CHARS = /<br\s*\/?>|[\u200b-\u200d\u2060\ufeff]|[\u00a0\u202f\u2009\u2007\t]|[\u2010-\u2015\u2212]/gi;

function cleanChar(m: string): string {
  if (m.length > 1) return "\n"; // <br>
  const c = m.charCodeAt(0);
  if ((c >= 0x200b && c <= 0x200d) || c === 0x2060 || c === 0xfeff) return "";
  if ((c >= 0x2010 && c <= 0x2015) || c === 0x2212) return "-";
  return " ";
}

const NEEDS_SQUASH = /\s\s|\n|^\s|\s$/;

/** One line: clean, collapse spaces, trim. */
export function squash(s: string): string {
  const plain = cleanPlain(s);
  if (plain !== null) return squashSpacesAndLines(plain);
  const c = cleanUnusual(s);
  return NEEDS_SQUASH.test(c) ? c.replace(/\s+/g, " ").trim() : c;
}

const SPACE = 32;
const LINE_FEED = 10;

/**
 * squash for plain text with its no-break spaces replaced, whose only whitespace is spaces and line feeds: most cells
 * are lines joined by single line feeds, which a plain replacement turns into spaces (a regular-expression
 * replacement costs several times more; so does a loop over the characters, measured).
 */
function squashSpacesAndLines(s: string): string {
  if (s === "") return s;
  const first = s.charCodeAt(0);
  const last = s.charCodeAt(s.length - 1);
  const trimmed = first !== SPACE && first !== LINE_FEED && last !== SPACE && last !== LINE_FEED;
  const hasLines = s.includes("\n");
  if (trimmed && !s.includes("  ")) {
    if (!hasLines) return s;
    if (!s.includes(" \n") && !s.includes("\n ")) {
      if (!s.includes("\n\n")) return s.replaceAll("\n", " ");
      // paragraphs (a blank line between them, as in the subject cell)
      if (!s.includes("\n\n\n")) return s.replaceAll("\n\n", "\n").replaceAll("\n", " ");
    }
  }
  return s.replace(/[ \n]+/g, " ").trim();
}

/** Latin look-alikes inside Cyrillic text → Cyrillic (whole string). */
export function foldToCyrillic(s: string): string {
  return s.replace(/[ABCEHKMOPTXYaceopxy]/g, (ch) => LATIN_TO_CYR[ch] ?? ch);
}

/** Upper case, ё → е, look-alikes folded: the form every text key starts from. */
export function textKey(s: string): string {
  return foldToCyrillic(squash(s).toUpperCase()).replace(/Ё/g, "Е");
}

/**
 * A key in one flat string. A template literal of 13 characters or more is a chain of its parts until first hashed;
 * keys are kept by every proceeding and looked up in maps, so they are built flat.
 */
function flat(...parts: (string | number)[]): string {
  return parts.join("");
}

/* ---------- enforcement proceeding numbers (formats.md: ИП number) ---------- */

/** Any case; «С» and «В» may be Latin look-alikes; `IP`, `SD`, `SV` are the Latin spellings. */
const IP_NEW_RE = /(\d{1,8})\s*\/\s*(\d{2})\s*\/\s*(\d{5})\s*-\s*(ИП|[СC]Д|[СC][ВB]|IP|SD|SV)(?![А-ЯA-Z])/gi;
const IP_OLD_RE = /(?<![\d/])(\d{1,8})\/(\d{2})\/(\d{1,3})\/(\d{2})(?![\d/])/g;
/** УИН of a payment towards a proceeding: 322 + RRSSS + YY + N (7 digits) + 3 digits. */
const UIN_RE = /(?<!\d)322(\d{5})(\d{2})(\d{7})\d{3}(?!\d)/g;

export interface IpNumber {
  /** Canonical: `12345/23/86004-ИП`, or the old `1234/12/05/86`. */
  key: string;
  suffix: "ИП" | "СД" | "СВ" | "old";
  /** Offset in the normalised text (for cutting the cell). */
  index: number;
}

/** Every proceeding number in a text (new, old and УИН forms), in order of appearance. */
export function findIpNumbers(text: string): IpNumber[] {
  // the patterns take any case, spacing and the Latin spellings themselves: cleaning is all the text needs
  return ipNumbersIn(cleanText(text));
}

/** The suffix as written (`ип`, `IP`, `CД` with a Latin C, `SV`…) → the canonical one. */
function canonicalSuffix(written: string): "ИП" | "СД" | "СВ" {
  const u = written.toUpperCase();
  if (u[0] === "И" || u[0] === "I") return "ИП";
  return u[1] === "Д" || u[1] === "D" ? "СД" : "СВ";
}

function ipNumbersIn(t: string): IpNumber[] {
  const out: IpNumber[] = [];
  // exec loops over the shared global patterns (matchAll clones the pattern and makes an iterator per call);
  // the old form needs three slashes and the УИН «322…»: texts without them skip those scans
  let m: RegExpExecArray | null;
  IP_NEW_RE.lastIndex = 0;
  while ((m = IP_NEW_RE.exec(t)) !== null) {
    const suffix = canonicalSuffix(m[4]);
    out.push({ key: flat(Number(m[1]), "/", m[2], "/", m[3], "-", suffix), suffix, index: m.index });
  }
  if (hasThreeSlashes(t)) {
    IP_OLD_RE.lastIndex = 0;
    while ((m = IP_OLD_RE.exec(t)) !== null) {
      out.push({ key: flat(Number(m[1]), "/", m[2], "/", m[3], "/", m[4]), suffix: "old", index: m.index });
    }
  }
  if (t.includes("322")) {
    UIN_RE.lastIndex = 0;
    while ((m = UIN_RE.exec(t)) !== null) {
      out.push({ key: flat(Number(m[3]), "/", m[2], "/", m[1], "-ИП"), suffix: "ИП", index: m.index });
    }
  }
  return out.length > 1 ? out.sort((a, b) => a.index - b.index) : out;
}

function hasThreeSlashes(t: string): boolean {
  const a = t.indexOf("/");
  const b = a < 0 ? -1 : t.indexOf("/", a + 1);
  return b >= 0 && t.indexOf("/", b + 1) >= 0;
}

/** The proceeding numbers in a cell; null at once for a cell that cannot hold one (no «/», no 20-digit УИН). */
export function proceedingNumbersIn(cell: string): IpNumber[] | null {
  if (!cell.includes("/") && !/\d{20}/.test(cell)) return null;
  return findIpNumbers(cell);
}

/** A proceeding's own number (new or old form), not a consolidated group's. */
export function isOwnNumber(n: IpNumber): boolean {
  return n.suffix === "ИП" || n.suffix === "old";
}

/** A proceeding number of its own among them (not only a consolidated one)? */
export function holdsOwnNumber(found: readonly IpNumber[] | null): boolean {
  return found !== null && found.some(isOwnNumber);
}

/** Does a cell hold a proceeding number of its own (not only a consolidated one)? */
export function hasProceedingNumber(cell: string): boolean {
  return holdsOwnNumber(proceedingNumbersIn(cell));
}

/** Canonical key of one proceeding number as typed anywhere (register cell, УИН); null when none is in it. */
export function ipKey(text: string): string | null {
  const found = findIpNumbers(text).find(isOwnNumber);
  return found ? found.key : null;
}

/* ---------- executive document numbers (formats.md: document number grammars) ---------- */

export interface DocumentNumber {
  /** Comparison key: `ФС012345678`, `2-1234/2023`, `2-345/2024` (e-writ core), other numbers folded. */
  key: string;
  kind: "writ" | "case" | "e-writ" | "decree" | "other";
  /** Case suffix (`-1`, `/2М`) or e-writ ordinal: a tie-breaker only. */
  suffix: string;
}

const E_WRIT_RE = /(\d{2})\s*([RР][SС]|[MМ][SС])\s*(\d{4})\s*#\s*([^#\s]+)\s*#\s*(\d{1,3})/;
const WRIT_RE = /(?<![А-ЯA-Z])(ФС|ВС|АС)\s*(?:№|N|NО|НО)?\s*(\d{1,9})(?!\d)/;
const CASE_RE =
  /(?<![\d/])(\d{1,3}[АA]?)\s*-\s*(\d{1,7})(?:\s*\/\s*(\d{4}|\d{2})(?!\d))?((?:-\d{1,4})?(?:\/\d{1,2}[МM]?(?![А-Я\d]))?)/;
const DECREE_RE = /(?<!\d)(\d{5})\/(\d{2})\/(\d{1,9})(?![\d/])/;

function fourDigitYear(y: string): string {
  if (y.length === 4) return y;
  const n = Number(y);
  return String(n >= 70 ? 1900 + n : 2000 + n);
}

function caseCore(m: RegExpExecArray): DocumentNumber {
  // most prefixes are plain («2»): no replacements to run
  const written = m[1];
  const prefix =
    written.charCodeAt(0) === 48 || written.includes("A")
      ? written.replace(/^0+(?=\d)/, "").replace("A", "А")
      : written;
  const year = m[3] ? fourDigitYear(m[3]) : "";
  const key = year ? flat(prefix, "-", Number(m[2]), "/", year) : flat(prefix, "-", Number(m[2]));
  return { key, kind: "case", suffix: m[4] ? m[4].replace(/M/g, "М") : "" };
}

/** Strip leading number signs: «№», «N», «No», «Nо», «#» as a marker. */
function dropNumberSigns(s: string): string {
  return s.replace(/(?:№|(?<![А-ЯA-Z])N[OО]?(?![А-ЯA-Z])|^#)\s*/g, "");
}

/**
 * The document number found first in a text (after «№» when the text has one): e-writ, writ series, case number,
 * bailiff's decree, else the first token. null when the text holds no number.
 */
export function parseDocumentNumber(text: string): DocumentNumber | null {
  return documentNumberIn(squash(text).toUpperCase());
}

/** parseDocumentNumber for a text squash() has given already (a piece of a register cell). */
export function parseSquashedDocumentNumber(squashed: string): DocumentNumber | null {
  return documentNumberIn(UPPER_ALREADY.test(squashed) ? squashed : squashed.toUpperCase());
}

/** Characters upper-casing leaves as they are (printable ASCII but a–z, «№», Cyrillic capitals): usual register text. */
const UPPER_ALREADY = /^[\x20-\x60\x7b-\x7f\u00a0№\u0400-\u042f]*$/;

function documentNumberIn(upper: string): DocumentNumber | null {
  // an e-writ number has two «#»: texts without one skip that pattern
  const e = upper.includes("#") ? E_WRIT_RE.exec(upper) : null;
  if (e) {
    const court = `${e[1]}${e[2].replace(/[РСМ]/g, (c) => CYR_TO_LATIN[c] ?? c)}${e[3]}`;
    const core = CASE_RE.exec(foldToCyrillic(e[4]));
    const caseKey = core ? caseCore(core).key : e[4];
    return { key: caseKey, kind: "e-writ", suffix: `${court}#${Number(e[5])}` };
  }
  const t = foldToCyrillic(upper);
  const w = WRIT_RE.exec(t);
  if (w) return { key: `${w[1]}${w[2].padStart(9, "0")}`, kind: "writ", suffix: "" };
  // a decree number has two «/»: a case number (one at most) skips that pattern
  const slash = t.indexOf("/");
  const d = slash >= 0 && t.indexOf("/", slash + 1) >= 0 ? DECREE_RE.exec(t) : null;
  if (d) return { key: `${d[1]}/${d[2]}/${Number(d[3])}`, kind: "decree", suffix: "" };
  const c = CASE_RE.exec(t);
  if (c) return caseCore(c);
  const bare =
    dropNumberSigns(t)
      .trim()
      .split(/[\s,;]+/)[0] ?? "";
  if (!/\d/.test(bare)) return null;
  return { key: bare.replace(/[^0-9А-ЯA-Z/-]/g, ""), kind: "other", suffix: "" };
}

/** Comparison key of a document number as typed (register «№ дела», ledger column, bailiff register). */
export function documentKey(text: string): string | null {
  return parseDocumentNumber(text)?.key ?? null;
}

/* ---------- addresses (formats.md: addresses) ---------- */

/** \b does not see Cyrillic letters as word characters: explicit boundaries. */
const B = "(?<![А-ЯA-Z0-9])";
const E = "(?![А-ЯA-Z])";
const ADDRESS_NOISE = new RegExp(
  `${B}(РОССИЯ|РФ|ОБЛ(АСТЬ)?|КРАЙ|РЕСП(УБЛИКА)?|АО|А\\.О|АВТОНОМНЫЙ|ОКРУГ|Р-О?Н|РАЙОН|ХМАО|ЮГРА|Г|П|ПОС|ПГТ|С)${E}\\.?`,
  "g",
);

/** Settlement-free key `МКР3 Д5 КВ12` / `ЛЕНИНА Д5 КВ12`: street or microdistrict, house, flat. */
export function addressKey(text: string): string | null {
  // an FSSP register has no address for a person: nothing to clean
  if (text === "") return null;
  let t = textKey(text)
    .replace(/(?<!\d)\d{6}(?!\d)/g, " ")
    .replace(/МИКРОРАЙОН|МКР-?Н?\.?/g, " МКР ")
    .replace(/УЛИЦА|УЛ\./g, " УЛ ")
    .replace(/ПРОСПЕКТ|ПР-К?Т\.?|ПРОСП\./g, " ПР ")
    .replace(/КОРПУС|КОРП\.?/g, " К ")
    .replace(/КВАРТИРА|КВ\./g, " КВ ")
    .replace(new RegExp(`${B}(ДОМ|Д\\.)`, "g"), " Д ");
  t = t.replace(ADDRESS_NOISE, " ");
  const house = new RegExp(`${B}Д\\s*(\\d+\\s*[А-Я]?(?:/\\d+)?)`).exec(t);
  const flat = new RegExp(`${B}КВ\\s*(\\d+)`).exec(t);
  const mkr = /(\d+)\s*-?[ЙЯ]?\s*МКР|МКР\s*(\d+)/.exec(t);
  const street = new RegExp(`${B}(?:УЛ|ПР)\\s+([А-Я-]{3,}(?:\\s[А-Я-]{3,})?)`).exec(t);
  if (!house) return null;
  const where = mkr ? `МКР${mkr[1] ?? mkr[2]}` : street ? street[1].replace(/\s+/g, "") : "";
  return `${where} Д${house[1].replace(/\s+/g, "").replace(/[А-Я]$/, (x) => x)}${flat ? ` КВ${flat[1]}` : ""}`.trim();
}

/* ---------- dates and amounts in register text ---------- */

export const DATE_IN_TEXT = /(?<!\d)(\d{1,2})\.(\d{1,2})\.(\d{4}|\d{2})(?!\d)/;

/** «18350,4», «25 430.12», «1 234,56 руб.» inside a longer text: the number itself, or null. */
export const AMOUNT_IN_TEXT = /-?\d{1,3}(?:[ \u00a0]\d{3})+(?:[.,]\d{1,2})?|-?\d+(?:[.,]\d{1,2})?/;
