/**
 * Debtors' names (docs/formats.md: ФИО): initials or full names, either case, Latin look-alikes, Ё, hyphenated
 * surnames, initials before the surname → parts in capitals; blocking keys and how two names agree (a surname in
 * another gender form is another person).
 */
import { foldToCyrillic, textKey } from "./normalize";

export interface NameParts {
  surname: string;
  first: string;
  patronymic: string;
  /** True when the first name / patronymic are initials only. */
  initials: boolean;
}

/**
 * «ФАМИЛИЯ ИМЯ ОТЧЕСТВО» and «Фамилия И.О.» in Cyrillic letters of either case: nothing for the general way to clean
 * (extra spaces, punctuation, Latin look-alikes, initials before the surname fall outside these patterns and go the
 * general way). Upper-casing keeps the length of Cyrillic text, so the parts are cut from the upper-cased name.
 */
const CYRILLIC_FULL_NAME = /^[А-ЯЁа-яё]+(?:-[А-ЯЁа-яё]+)* [А-ЯЁа-яё]+(?:-[А-ЯЁа-яё]+)* [А-ЯЁа-яё]+(?:-[А-ЯЁа-яё]+)*$/;
const CYRILLIC_INITIALS = /^[А-ЯЁа-яё]+(?:-[А-ЯЁа-яё]+)* [А-ЯЁа-яё]\. ?[А-ЯЁа-яё]\.$/;
/** Lower-case letters or «Ё»: what upperNoYo changes (a name in capitals without «Ё» is returned as it is). */
const LOWER_OR_YO = /[а-яёЁ]/;

/** Upper case with Ё as Е: the form names are compared in. */
function upperNoYo(s: string): string {
  if (!LOWER_OR_YO.test(s)) return s;
  const u = s.toUpperCase();
  return u.includes("Ё") ? u.replaceAll("Ё", "Е") : u;
}

/**
 * ФИО in any of the usual orders and spellings → parts in upper case, ё folded, hyphens unspaced. Not memoised: the
 * matcher parses each name once per run, and the common spellings take the short way below.
 */
export function parseName(text: string): NameParts | null {
  // the patterns are tested, not executed: the parts are cut at the spaces (no match object, no captured copies)
  if (CYRILLIC_FULL_NAME.test(text)) {
    const u = upperNoYo(text);
    const a = u.indexOf(" ");
    const b = u.indexOf(" ", a + 1);
    const first = u.slice(a + 1, b);
    const patronymic = u.slice(b + 1);
    return { surname: u.slice(0, a), first, patronymic, initials: first.length <= 1 && patronymic.length <= 1 };
  }
  if (CYRILLIC_INITIALS.test(text)) {
    const u = upperNoYo(text);
    const a = u.indexOf(" ");
    return { surname: u.slice(0, a), first: u[a + 1], patronymic: u[u.length - 2], initials: true };
  }
  // upper case, Latin look-alikes and Ё folded: what the general way starts from
  let upper = foldToCyrillic(text.toUpperCase());
  if (upper.includes("Ё")) upper = upper.replaceAll("Ё", "Е");
  return parseNameSpelled(upper);
}

/** The general way: any spacing, punctuation, Latin look-alikes, Ё, initials before the surname. */
function parseNameSpelled(upper: string): NameParts | null {
  const t = textKey(upper)
    .replace(/\s*-\s*/g, "-")
    .replace(/[,"«»]/g, " ")
    .trim();
  if (t === "") return null;
  // «И.О. Фамилия» → «Фамилия И.О.»
  const lead = /^([А-Я])\.\s*([А-Я])\.?\s+([А-Я-]{2,})$/.exec(t);
  if (lead) return { surname: lead[3], first: lead[1], patronymic: lead[2], initials: true };
  const withDots = t
    .replace(/([А-Я])\./g, "$1. ")
    .replace(/\s+/g, " ")
    .trim();
  const parts = withDots.split(" ");
  const surname = parts[0].replace(/\.$/, "");
  let rest = parts.slice(1).map((p) => p.replace(/\.$/, ""));
  // «Фамилия ИО» (two glued initials)
  if (rest.length === 1 && /^[А-Я]{2}$/.test(rest[0]) && parts[1] && !parts[1].endsWith("."))
    rest = [rest[0][0], rest[0][1]];
  const first = rest[0] ?? "";
  const patronymic = rest.slice(1).join(" ");
  const initials = first.length <= 1 && patronymic.length <= 1;
  return { surname, first, patronymic, initials };
}

/** Blocking key: surname + first initial + patronymic initial (`СОКОЛОВА Е В`). Gender forms differ in the surname. */
export function nameKey(text: string): string | null {
  return nameKeyOf(parseName(text));
}

/** nameKey of a name already parsed. */
export function nameKeyOf(p: NameParts | null): string | null {
  if (!p || p.surname.length < 2) return null;
  return `${p.surname} ${p.first.slice(0, 1)} ${p.patronymic.slice(0, 1)}`.trim();
}

/** Surname parts for hyphenated surnames (`ПЕТРОВА-СОКОЛОВА` → both), for a weaker second look-up. */
export function surnameParts(text: string): string[] {
  const p = parseName(text);
  return p ? p.surname.split("-").filter((s) => s.length > 1) : [];
}

export type NameAgreement = "same" | "initials" | "part" | "different";

/**
 * How two ФИО agree: "same" full names, "initials" (one side has initials that fit), "part" (one part of a hyphenated
 * surname), "different" (another surname — a gender form is another person — or another first name/patronymic).
 */
export function compareNames(a: string, b: string): NameAgreement {
  return compareParsedNames(parseName(a), parseName(b));
}

/** A first name or patronymic fits the other: one is missing, an initial fits, or both are the same. */
// a module-level function, not a closure per call: the matcher compares names hundreds of thousands of times
function initialsFit(p: string, q: string): boolean {
  return p === "" || q === "" || (p.length === 1 || q.length === 1 ? p[0] === q[0] : p === q);
}

/** compareNames on names already parsed (the matcher parses each name once). */
export function compareParsedNames(x: NameParts | null, y: NameParts | null): NameAgreement {
  if (!x || !y) return "different";
  const restFits = initialsFit(x.first, y.first) && initialsFit(x.patronymic, y.patronymic);
  if (!restFits) return "different";
  const full = !x.initials && !y.initials && x.first !== "" && y.first !== "";
  if (x.surname === y.surname) return full ? "same" : "initials";
  const xs = x.surname.split("-");
  const ys = y.surname.split("-");
  if ((xs.length > 1 || ys.length > 1) && xs.some((s) => ys.includes(s))) return "part";
  return "different";
}
