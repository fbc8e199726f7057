/**
 * Amounts in words for documents: «двенадцать тысяч триста сорок пять рублей 67 копеек». Roubles in words, kopecks
 * in two digits — the way payment and court documents write them. Russian agreement: «тысяча» and «копейка» are
 * feminine (одна, две); the noun takes the form for 1 (рубль), 2–4 (рубля) or 5+ and 11–14 (рублей).
 */
import { formatKopecksRu, type Kopecks } from "../domain/money";

type Gender = "m" | "f";

const UNITS_M = ["", "один", "два", "три", "четыре", "пять", "шесть", "семь", "восемь", "девять"];
const UNITS_F = ["", "одна", "две", "три", "четыре", "пять", "шесть", "семь", "восемь", "девять"];
const TEENS = [
  "десять",
  "одиннадцать",
  "двенадцать",
  "тринадцать",
  "четырнадцать",
  "пятнадцать",
  "шестнадцать",
  "семнадцать",
  "восемнадцать",
  "девятнадцать",
];
const TENS = [
  "",
  "",
  "двадцать",
  "тридцать",
  "сорок",
  "пятьдесят",
  "шестьдесят",
  "семьдесят",
  "восемьдесят",
  "девяносто",
];
const HUNDREDS = [
  "",
  "сто",
  "двести",
  "триста",
  "четыреста",
  "пятьсот",
  "шестьсот",
  "семьсот",
  "восемьсот",
  "девятьсот",
];

/** Scales above the units: forms for 1, 2–4, 5+, and the grammatical gender of the scale word. */
const SCALES: { forms: [string, string, string]; gender: Gender }[] = [
  { forms: ["тысяча", "тысячи", "тысяч"], gender: "f" },
  { forms: ["миллион", "миллиона", "миллионов"], gender: "m" },
  { forms: ["миллиард", "миллиарда", "миллиардов"], gender: "m" },
  { forms: ["триллион", "триллиона", "триллионов"], gender: "m" },
];

/** The noun form agreeing with n: 1 → one, 2–4 → few, otherwise (and 11–14) → many. */
export function plural(n: number, forms: readonly [string, string, string]): string {
  const n100 = n % 100;
  const n10 = n % 10;
  if (n100 >= 11 && n100 <= 14) return forms[2];
  if (n10 === 1) return forms[0];
  if (n10 >= 2 && n10 <= 4) return forms[1];
  return forms[2];
}

/** 1..999 in words. */
function triadWords(n: number, gender: Gender): string[] {
  const words: string[] = [];
  const h = Math.floor(n / 100);
  const rest = n % 100;
  if (h) words.push(HUNDREDS[h]);
  if (rest >= 10 && rest < 20) words.push(TEENS[rest - 10]);
  else {
    const t = Math.floor(rest / 10);
    const u = rest % 10;
    if (t) words.push(TENS[t]);
    if (u) words.push((gender === "f" ? UNITS_F : UNITS_M)[u]);
  }
  return words;
}

/** A non-negative whole number in words (cardinal, nominative), «ноль» for 0. */
export function integerInWords(n: number, gender: Gender = "m"): string {
  if (!Number.isSafeInteger(n) || n < 0) throw new Error(`integerInWords: ${n} is not a non-negative integer`);
  if (n === 0) return "ноль";
  const triads: number[] = [];
  for (let x = n; x > 0; x = Math.floor(x / 1000)) triads.push(x % 1000);
  if (triads.length > SCALES.length + 1) throw new Error(`integerInWords: ${n} is too large`);
  const words: string[] = [];
  for (let i = triads.length - 1; i >= 0; i--) {
    const t = triads[i];
    if (t === 0) continue;
    if (i === 0) words.push(...triadWords(t, gender));
    else {
      const scale = SCALES[i - 1];
      words.push(...triadWords(t, scale.gender), plural(t, scale.forms));
    }
  }
  return words.join(" ");
}

const ROUBLE: [string, string, string] = ["рубль", "рубля", "рублей"];
const KOPECK: [string, string, string] = ["копейка", "копейки", "копеек"];

/** «одна тысяча рублей 01 копейка»; negative amounts start with «минус». */
export function amountInWords(kop: Kopecks): string {
  if (!Number.isSafeInteger(kop)) throw new Error(`amountInWords: ${kop} is not a whole number of kopecks`);
  const a = Math.abs(kop);
  const rub = Math.floor(a / 100);
  const k = a % 100;
  const text = `${integerInWords(rub)} ${plural(rub, ROUBLE)} ${String(k).padStart(2, "0")} ${plural(k, KOPECK)}`;
  return kop < 0 ? `минус ${text}` : text;
}

/** «12 345,67 руб. (двенадцать тысяч триста сорок пять рублей 67 копеек)» — figures and words together. */
export function amountFiguresAndWords(kop: Kopecks): string {
  return `${formatKopecksRu(kop)} руб. (${amountInWords(kop)})`;
}
