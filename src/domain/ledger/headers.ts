/**
 * Header classification: which ledger concept a column header names (docs/formats.md, headers and synonyms).
 * A header is normalised (case, ё→е, dots, NBSP, line breaks) and tested against an ordered rule list —
 * the first rule that matches wins, so specific wordings («Оплачено пени», «Сумма последней оплаты») come
 * before general ones («Оплачено», «Пени»). Two-level headers are classified as a (parent, child) pair.
 */
import type { LedgerConcept } from "./model";
import { MONTH_NAMES_NOM, parsePeriod, parseRuDate, type Period } from "../dates";

export type MonthKind = "charged" | "paid" | "debt";

export interface HeaderMatch {
  concept?: LedgerConcept;
  /** «Сальдо на 01.01.2024»: a balance on a date (the mapper makes the earliest one the opening balance). */
  asOf?: string;
  /** Confidence 1..3: the mapper keeps the best-scoring column per concept (leftmost on ties). */
  score: number;
  /** An unknown lower header cell that took its parent's meaning («Начислено» over «Содержание | Отопление»). */
  inherited?: boolean;
  /** A month column («Январь 2024», «01.2024», «Начислено / Январь 2024»). */
  month?: { period: Period; kind: MonthKind | null };
}

const SPACE_LIKE = /[\u00a0\u202f\u2009\u2007\t\r\n,;:]+/g;
/** Dots become spaces («Вх.сальдо», «Ф.И.О.») except between digits («01.2024»). */
const WORD_DOT = /\.(?!\d)|(?<!\d)\./g;
const MULTI_SPACE = / {2,}/g;
/** A word hyphenated across a line break in a narrow header cell («Начис-\nлено» → «Начислено»). */
const HYPHEN_BREAK = /([а-яёa-z])-[ \t]*[\r\n]+[ \t]*([а-яёa-z])/g;

/** Latin letters typed by hand inside Russian words («Cальдо», «ФИO»), lower case. */
const HOMOGLYPHS: Record<string, string> = {
  a: "а",
  c: "с",
  e: "е",
  o: "о",
  p: "р",
  x: "х",
  y: "у",
  k: "к",
  m: "м",
  t: "т",
  b: "в",
  h: "н",
};
const LATIN_LOOKALIKE = /[aceopxykmtbh]/g;
const HAS_CYRILLIC = /[а-я]/;
const HAS_LATIN = /[a-z]/;

/** Lower case, ё→е, Latin look-alikes in Russian text folded, dots/commas/NBSP/line breaks → space («Долг, руб.» → «долг руб»), collapsed spaces. */
export function normalizeHeader(text: string): string {
  if (text === "") return "";
  let t = text.toLowerCase().replace(/ё/g, "е");
  if (HAS_LATIN.test(t) && HAS_CYRILLIC.test(t)) t = t.replace(LATIN_LOOKALIKE, (ch) => HOMOGLYPHS[ch]);
  if (t.includes("-\n") || t.includes("- \n") || t.includes("-\r")) t = t.replace(HYPHEN_BREAK, "$1$2");
  return t.replace(SPACE_LIKE, " ").replace(WORD_DOT, " ").replace(MULTI_SPACE, " ").trim();
}

/** Amount concepts: cells in these columns must be numbers. */
export const AMOUNT_CONCEPTS: readonly LedgerConcept[] = [
  "openingDebt",
  "openingAdvance",
  "openingBalance",
  "charged",
  "recalculation",
  "subsidy",
  "paid",
  "closingDebt",
  "closingAdvance",
  "closingBalance",
  "penalties",
  "lastPaymentAmount",
];

/** Russian names of the concepts (mapping dropdowns, error messages). */
export const CONCEPT_TITLES: Record<LedgerConcept, string> = {
  account: "Лицевой счёт",
  name: "ФИО / наименование",
  surname: "Фамилия",
  firstName: "Имя",
  patronymic: "Отчество",
  address: "Адрес",
  street: "Улица",
  house: "Дом",
  building: "Корпус",
  flat: "Квартира",
  settlement: "Населённый пункт",
  service: "Услуга",
  period: "Период",
  openingDebt: "Сальдо на начало — долг",
  openingAdvance: "Сальдо на начало — аванс",
  openingBalance: "Сальдо на начало",
  charged: "Начислено",
  recalculation: "Перерасчёт",
  subsidy: "Субсидия / льготы",
  paid: "Оплачено",
  closingDebt: "Сальдо на конец — долг",
  closingAdvance: "Сальдо на конец — аванс",
  closingBalance: "Сальдо на конец",
  penalties: "Пени",
  monthsInDebt: "Месяцев долга",
  lastPaymentDate: "Дата последней оплаты",
  lastPaymentAmount: "Сумма последней оплаты",
  birthDate: "Дата рождения",
  birthPlace: "Место рождения",
  snils: "СНИЛС",
  inn: "ИНН",
  passport: "Паспорт",
  share: "Доля в праве",
  caseNumber: "№ дела / приказа",
  orderDate: "Дата приказа",
  ipNumber: "№ ИП",
  fsspDate: "Дата передачи в ФССП",
};

type Rule = readonly [RegExp, LedgerConcept | null, number];

/** Ordered rules over the normalised header; `null` = a known column that is not a concept (№ п/п, Тип собств.). */
const RULES: readonly Rule[] = [
  [/^(№|n|no)( п ?\/ ?п)?$|^п ?\/ ?п$|^№ п ?п$/, null, 3],
  [
    /^тип собств|^код дома|^кол-?во граждан|^площадь|^телефон|^примечан|неоплаченн|^срок оплаты|^участок|^район|^тип фонда|^расчетный счет/,
    null,
    3,
  ],
  // identifiers and people
  [/^снилс/, "snils", 3],
  [/^инн( |$)/, "inn", 3],
  [/паспорт|документ,? удостовер/, "passport", 3],
  [/^(размер )?доля|^доли/, "share", 3],
  [/^дата рожд|^д ?р$/, "birthDate", 3],
  [/^место рожд/, "birthPlace", 3],
  // court work already done on the account (docs/formats.md)
  [/^(№|номер) (гражданского )?дела|^(№|номер) (судебного )?приказа/, "caseNumber", 3],
  [/^дата (судебного )?приказа|^дата вынесения/, "orderDate", 3],
  [/^(№|номер) ип( |$)|^исполнительное производство/, "ipNumber", 3],
  [/^дата передачи в (фссп|осп)/, "fsspDate", 3],
  [/фссп|госпошлин|^гп$/, null, 2],
  // months in debt before anything with «долг»
  [
    /мес\S* (долга|задолж|просроч)|месяцев (долга|задолж)|возраст дз|долг \(кол-?во мес|просрочки в месяц/,
    "monthsInDebt",
    3,
  ],
  // last payment before payments
  [/(последн|посл )\S*\s*(оплат|платеж)|^последн\S* (оплат|платеж)/, "lastPaymentDate", 3],
  // penalties before charges/payments/balances
  // «Сумма ДЗ … без услуги Пени» is the debt itself and beats «Сумма ДЗ на конец периода» (which holds the penalties too)
  [/без (услуги )?пени/, "closingBalance", 4],
  [/^оплачено пени|^оплата пени/, "penalties", 1],
  [/^(пени|пеня)( итог|$)|^сальдо пени|по услуге пени|^неустойк/, "penalties", 3],
  // «Долг с пени», «Задолженность с учетом пени»: a balance that includes the penalties (a plain «Долг» wins)
  [/^(долг|задолж\S*|сумма долга|итого)( \S+)? (с|с учетом|вкл|включая) (пени|пеней)/, "closingBalance", 1.5],
  [/пени|пеня/, "penalties", 2],
  // balances
  [/задолж\S* .*\/.*аванс/, "openingBalance", 3],
  [/аванс на начало|переплата на начало/, "openingAdvance", 3],
  [/задолженность за предыдущие|долг за предыдущие/, "openingDebt", 3],
  [/^(вх|входящ)|на начал|^сальдо (нач|вход)|нач сальдо|начальное сальдо/, "openingBalance", 3],
  [/аванс на конец|переплата на конец/, "closingAdvance", 3],
  [/^(исх|исходящ)|на конец|^сальдо (кон|исход)|кон сальдо|конечное сальдо|^сальдо$/, "closingBalance", 3],
  [/^(итого |всего )?задолж|^долг( |$)|^сумма дз|^остаток|^сумма (долга|задолж)/, "closingBalance", 2],
  // «Итого к оплате» usually adds the penalties and the current month: a closing balance only when nothing better
  [/^(итого |сумма )?к оплате/, "closingBalance", 1.5],
  [/^(итого|всего)( долг\S*)?$/, "closingBalance", 1],
  // turnovers
  [/^(фактически |итого |всего )?начислен|^сумма начислен|^начисл/, "charged", 3],
  [/^(перерасч|корректир|разовые|доначисл)/, "recalculation", 3],
  [/^(субсиди|льгот|компенсац)/, "subsidy", 3],
  [
    /^(итого |всего )?(оплачено|оплата|оплачен|поступило|поступлен|платеж|учтены платежи|сумма оплат|получено)/,
    "paid",
    3,
  ],
  // account
  [/поставщик/, null, 0], // «Лицевой поставщика»: handled below with a lower score
  [/^(№ |номер |код )?(лицев\S*|лиц сч\S*|л ?\/ ?сч?|лс)( |$)|^код плательщика|^счет ?\/ ?лицев/, "account", 3],
  // ГИС ЖКХ identifiers: the account when there is nothing else, but the company's own ЛС wins
  [/^(№ |номер )?(елс|ижку|единый лицевой)( |$)/, "account", 2],
  // 1С ОСВ: «Счет» over «Контрагенты» (names in that column) or over nothing; recognition moves a «Счет» column
  // that holds names to the name concept
  [/^(счет ?\/ ?)?контрагент/, "name", 3],
  [/^счет$/, "account", 1],
  // person
  [
    /^(ф ?и ?о|фамилия,? имя,? отчество|фамилия и ?о)( |$)|^(ответственный )?(собственник|квартиросъемщи\S*)|^наниматель|^абонент|^потребитель|^плательщик|^владелец|^должник|^наименование (абонента|плательщика|должника|потребителя)/,
    "name",
    3,
  ],
  [/^фамилия$/, "surname", 3],
  [/^имя$/, "firstName", 3],
  [/^отчество$/, "patronymic", 3],
  // address
  [/^адрес/, "address", 3],
  [/^(населенный пункт|нас пункт|город|поселок)$/, "settlement", 3],
  [/^(улица|ул)$/, "street", 3],
  [/^(дом|д|№ дома|номер дома)$/, "house", 3],
  [/^(корпус|корп|строение|стр)$/, "building", 3],
  [/^(кв|квартира|№ кв|номер квартиры|№ пом|помещение|пом|номер помещения)$/, "flat", 3],
  // service and period
  [/^(услуга|вид услуги|наименование услуги|услуги|вид начисления)$/, "service", 3],
  [/^(период|расчетный период|месяц|расчетный месяц|год,? месяц|месяц,? год|дата)$|^период /, "period", 3],
];

const SUPPLIER_ACCOUNT = /^лицев\S* поставщик/;
const SUPPLIER = /^поставщик$/;

/** Child words of a two-level header: which side of the parent they name. */
/** «Долг», «Дебет», «Дебет (долг)», «Долг, руб.» */
const DEBIT_WORDS = /^(долг|дебет|дт|задолженность|задолж)( \(.*\)| руб\S*)?$/;
const CREDIT_WORDS = /^(аванс|кредит|кт|переплата)( \(.*\)| руб\S*)?$/;
/** «2024», «2024 г», «2024 год» over bare month names. */
const YEAR_ONLY = /^(\d{4})( г| год)?$/;
const NEUTRAL_WORDS = /^\(?(сумма|всего|итого|руб|рублей|руб ₽|₽|сальдо|в руб|в рублях)\s?\)?$/;

/** A lower header cell that only makes sense under its parent («Дебет», «Кредит», «Долг», «Аванс», «Всего»). */
export function isSubHeaderWord(child: string): boolean {
  return DEBIT_WORDS.test(child) || CREDIT_WORDS.test(child) || NEUTRAL_WORDS.test(child);
}

/** «Январь 2024», «янв 2024», «янв.24» (the dot is a space by now), «Мар-24», «январь'24». */
const MONTH_WORD =
  /(?:^|[^а-яё])(январ[а-яё]*|янв|феврал[а-яё]*|фев|март[а-яё]*|мар|апрел[а-яё]*|апр|ма[йяе]|июн[а-яё]*|июл[а-яё]*|август[а-яё]*|авг|сентябр[а-яё]*|сент?|октябр[а-яё]*|окт|ноябр[а-яё]*|ноя|декабр[а-яё]*|дек)[\s'’-]*(\d{4}|\d{2})(?![\d.])/;
const MONTH_NUM = /(?:^|[^\d.])(\d{1,2})[./](\d{4})(?![\d.])/;
const WHOLE_DATE = /^\d{1,2}[./]\d{1,2}[./]\d{2,4}$|^\d{4}-\d{2}(-\d{2})?$/;

/** Kind of a month column from the words around the month. */
function monthKind(t: string): MonthKind | null {
  if (t.includes("начисл")) return "charged";
  if (t.includes("оплач") || t.includes("оплат") || t.includes("поступ")) return "paid";
  if (t.includes("долг") || t.includes("задолж") || t.includes("сальдо")) return "debt";
  return null;
}

/** A month named in a header («Январь 2024», «01.2024», «Долг за март 2024 г.»), or null. */
export function headerMonth(t: string): Period | null {
  if (t === "") return null;
  if (WHOLE_DATE.test(t)) return parsePeriod(t);
  let m = MONTH_WORD.exec(t);
  if (m) return parsePeriod(`${m[1]} ${m[2]}`);
  m = MONTH_NUM.exec(t);
  if (m && +m[1] >= 1 && +m[1] <= 12) return `${m[2]}-${m[1].padStart(2, "0")}`;
  return null;
}

/** Balance words that make «сальдо на 01.01.2024» a balance rather than a month column. */
const BALANCE_PREFIX = /^(сальдо|вх|исх|входящ|исходящ|остаток|долг на|задолженность на)/;

/** «Сальдо на 01.01.2024», «Долг на 31.03.2024 г.», «Задолженность на 01.04.2024» */
const BALANCE_ON_DATE =
  /^(сальдо|долг|задолженность|остаток|вх\S* сальдо|исх\S* сальдо|входящее сальдо|исходящее сальдо)( \S+)? на (\d{1,2}\.\d{1,2}\.\d{2,4})/;

/** A bare month name («Январь», «февраль»): a month column whose year comes from the title. */
const BARE_MONTH = /^(январь|февраль|март|апрель|май|июнь|июль|август|сентябрь|октябрь|ноябрь|декабрь)$/;

/** Classify one normalised header text on its own. */
export function classifySingle(t: string): HeaderMatch | null {
  if (t === "") return null;
  const onDate = BALANCE_ON_DATE.exec(t);
  if (onDate) {
    const d = parseRuDate(onDate[3]);
    if (d) return { concept: "closingBalance", score: 3, asOf: d };
  }
  if (BARE_MONTH.test(t)) {
    // "0000-MM": the year is filled in from the title period by the mapper
    const m = MONTH_NAMES_NOM.indexOf(t) + 1;
    return { score: 2, month: { period: `0000-${m < 10 ? "0" : ""}${m}`, kind: null } };
  }
  if (t.length <= 40 && !BALANCE_PREFIX.test(t)) {
    const p = headerMonth(t);
    if (p) return { score: 3, month: { period: p, kind: monthKind(t) } };
  }
  if (SUPPLIER_ACCOUNT.test(t)) return { concept: "account", score: 1 };
  if (SUPPLIER.test(t)) return { concept: "service", score: 1 };
  for (const [re, concept, score] of RULES) {
    if (re.test(t)) {
      if (concept === null) return null;
      if (concept === "lastPaymentDate" && (t.includes("сумм") || t.includes("руб")))
        return { concept: "lastPaymentAmount", score };
      if (concept === "lastPaymentDate" && !t.includes("дат") && /платеж,|руб/.test(t))
        return { concept: "lastPaymentAmount", score };
      if ((concept === "openingBalance" || concept === "closingBalance") && !/^(итого|всего) /.test(t)) {
        // «Сальдо на начало (долг)», «Вх. сальдо Кт», «Сальдо на конец, дебет»: one side of the balance
        const side = SIDE_SUFFIX.exec(t);
        if (side) return { concept: withSide(concept, "", DEBIT_WORDS.test(side[1]) ? "debit" : "credit")!, score };
      }
      return { concept, score };
    }
  }
  return null;
}

const SIDE_SUFFIX = /[\s(](долг|дебет|дт|аванс|кредит|кт|переплата)\)?$/;

/** Turn a balance/turnover concept into its debit (debt) or credit (advance) side. */
function withSide(
  concept: LedgerConcept | undefined,
  parent: string,
  side: "debit" | "credit",
): LedgerConcept | undefined {
  if (concept === "openingBalance" || concept === "openingDebt" || concept === "openingAdvance")
    return side === "debit" ? "openingDebt" : "openingAdvance";
  if (concept === "closingBalance" || concept === "closingDebt" || concept === "closingAdvance")
    return side === "debit" ? "closingDebt" : "closingAdvance";
  if (concept === undefined && /оборот|за период/.test(parent)) return side === "debit" ? "charged" : "paid";
  return concept;
}

/**
 * Classify a column of a two-level header: `parent` is the upper row's text forward-filled across its merge
 * (or across empty cells), `child` the lower row's own text. Sub-words («Долг», «Аванс», «Дебет», «Кредит»)
 * take their meaning from the parent; any other child is a header of its own.
 */
export function classifyPair(parent: string, child: string): HeaderMatch | null {
  if (child === "") return classifySingle(parent);
  if (parent === "") return classifySingle(child);
  const debit = DEBIT_WORDS.test(child);
  const credit = !debit && CREDIT_WORDS.test(child);
  const neutral = !debit && !credit && NEUTRAL_WORDS.test(child);
  const yearOver = YEAR_ONLY.exec(parent);
  if (yearOver && BARE_MONTH.test(child)) {
    // «2024» over «Январь | Февраль …»
    const m = MONTH_NAMES_NOM.indexOf(child) + 1;
    return { score: 3, month: { period: `${yearOver[1]}-${m < 10 ? "0" : ""}${m}`, kind: null } };
  }
  const parentMatch = classifySingle(parent);
  if (parentMatch?.concept === "lastPaymentDate" || parentMatch?.concept === "lastPaymentAmount") {
    // «Последняя оплата» over «Дата | Сумма»
    if (/^дата/.test(child)) return { concept: "lastPaymentDate", score: 3 };
    if (/сумм|руб/.test(child)) return { concept: "lastPaymentAmount", score: 3 };
  }
  if (parentMatch?.month) {
    // «Январь 2024» over «Начислено | Оплачено | Долг»
    const kind = monthKind(child) ?? (debit ? "debt" : credit ? null : parentMatch.month.kind);
    if (kind) return { score: 3, month: { period: parentMatch.month.period, kind } };
  }
  if (debit || credit) {
    const concept = withSide(parentMatch?.concept, parent, debit ? "debit" : "credit");
    if (concept) return parentMatch?.asOf ? { concept, score: 3, asOf: parentMatch.asOf } : { concept, score: 3 };
    return null;
  }
  if (neutral) return parentMatch;
  const own = classifySingle(child);
  // «Начислено» over «Основное | Пени»: an unknown child inherits the parent's meaning, weakly
  if (!own && parentMatch?.concept && !/\d/.test(child))
    return { concept: parentMatch.concept, score: 1, inherited: true };
  if (own?.month && !own.month.kind && parentMatch) {
    const kind = monthKind(parent);
    if (kind) return { score: 3, month: { period: own.month.period, kind } };
  }
  return own;
}
