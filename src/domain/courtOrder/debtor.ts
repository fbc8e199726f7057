/**
 * What the debtor's name and data say about the route: legal entity (arbitration court), heirs / deceased /
 * bankrupt (no court order), several owners without shares, missing data for the application (ГПК 124).
 */
import type { LedgerAccount } from "../ledger/model";
import { severalOwners } from "../ledger/validate";

const CYR = "а-яёa-z0-9";
/** A word as a whole word (JS \b does not know Cyrillic). */
function wordRe(words: string[]): RegExp {
  return new RegExp(`(?:^|[^${CYR}])(?:${words.join("|")})(?![${CYR}])`, "iu");
}

const LEGAL_FORMS = wordRe([
  "ооо",
  "оао",
  "зао",
  "пао",
  "ао",
  "нао",
  "ип",
  "муп",
  "гуп",
  "фгуп",
  "мку",
  "мбу",
  "мау",
  "гбу",
  "гку",
  "фгбу",
  "ано",
  "нко",
  "тсж",
  "тсн",
  "жск",
  "снт",
  "пк",
]);
const LEGAL_PHRASES =
  /общество с ограниченной|акционерное общество|индивидуальный предприниматель|предприятие|учреждение|администраци|товарищество|кооператив|фонд /iu;

/** АПК 229.1: a legal entity or an individual entrepreneur (a 10-digit ИНН, or a legal form in the name). */
export function isLegalEntity(name: string, inn?: string): boolean {
  const digits = (inn ?? "").replace(/\D/g, "");
  if (digits.length === 10) return true;
  const n = name.replace(/[«»"“”]/g, " ");
  return LEGAL_FORMS.test(n) || LEGAL_PHRASES.test(n);
}

export interface NameFlag {
  /** Russian warning text. */
  warning: string;
  /** True when a court order is not the route. */
  notCourtOrder: boolean;
}

const NAME_FLAGS: { re: RegExp; flag: NameFlag }[] = [
  {
    re: /наследник|наследств/iu,
    flag: {
      warning: "в имени «наследники»: долг наследодателя взыскивается иском к наследникам (ГК 1175), не приказом",
      notCourtOrder: true,
    },
  },
  {
    re: /(?:^|[^а-яё])(?:умер(?:ла|ли|ший|шая|шего|шей)?|скончал(?:ся|ась)?)(?![а-яё])/iu,
    flag: {
      warning: "отметка «умер»: приказ против умершего не выдаётся — нужен иск к наследникам (ГК 1175)",
      notCourtOrder: true,
    },
  },
  {
    re: /банкрот/iu,
    flag: {
      warning: "отметка «банкрот»: долг предъявляется в деле о банкротстве, судебный приказ не выдаётся",
      notCourtOrder: true,
    },
  },
];

export function nameFlags(name: string): NameFlag[] {
  return NAME_FLAGS.filter((f) => f.re.test(name)).map((f) => f.flag);
}

/** Several owners named in one cell («Соколова Е.В., Соколов В.П.») and no shares given (the ledger check's rule). */
export function severalOwnersWithoutShares(name: string, share?: string): boolean {
  return (share ?? "").trim() === "" && severalOwners(name);
}

/** «Соколова Е.В.» — initials instead of the full name ГПК 124 requires. */
export function hasOnlyInitials(name: string): boolean {
  return /[А-ЯЁ]\.\s*[А-ЯЁ]?\.?\s*$/u.test(name.trim()) || /^[А-ЯЁ]\.\s*[А-ЯЁ]?\.?\s+[А-ЯЁ]/u.test(name.trim());
}

/** What ГПК 124 asks of the application, as bits (the same few combinations recur for thousands of debtors). */
const MISSING_ITEMS = [
  "ФИО/наименование должника",
  "полное ФИО (в реестре инициалы)",
  "адрес",
  "ИНН организации",
  "дата рождения",
  "место рождения",
  "идентификатор (СНИЛС, ИНН или паспорт)",
] as const;

/**
 * ГПК 124 ч. 2 п. 3: for a citizen — full name, date and place of birth, residence and one identifier (СНИЛС, ИНН,
 * passport …) when known; for an organisation — name and address. Returns a bit mask of MISSING_ITEMS (0 = complete).
 */
export function missingApplicationMask(account: LedgerAccount, legalEntity: boolean): number {
  let mask = 0;
  const name = account.name.trim();
  if (name === "") mask |= 1;
  else if (!legalEntity && hasOnlyInitials(name)) mask |= 2;
  if (account.address.trim() === "") mask |= 4;
  if (legalEntity) {
    if (!account.inn) mask |= 8;
    return mask;
  }
  if (!account.birthDate) mask |= 16;
  if (!account.birthPlace) mask |= 32;
  if (!account.snils && !account.inn && !account.passport) mask |= 64;
  return mask;
}

const missingTexts = new Map<number, string>();

/** «не хватает данных для заявления (ГПК 124): дата рождения, …», one string per combination. */
export function missingApplicationWarning(mask: number): string {
  let text = missingTexts.get(mask);
  if (text === undefined) {
    const items = MISSING_ITEMS.filter((_, i) => mask & (1 << i));
    text = `не хватает данных для заявления (ГПК 124): ${items.join(", ")}`;
    missingTexts.set(mask, text);
  }
  return text;
}
