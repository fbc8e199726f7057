/**
 * Check digits of Russian identifiers: СНИЛС, ИНН, ОГРН/ОГРНИП, БИК, расчётный/корреспондентский счёт.
 * Every validator accepts the identifier as typed (spaces, dashes allowed), returns the digits-only form and,
 * when invalid, a Russian message saying what is wrong.
 */
export interface IdValidation {
  valid: boolean;
  /** Digits only (as typed, leading zeros kept). */
  normalized: string;
  /** Russian explanation when invalid. */
  message?: string;
}

const SEPARATORS = /[\s\u00a0\u202f-]/g;

function digitsOf(input: string | number | null | undefined): string {
  if (input === null || input === undefined) return "";
  return String(input).replace(SEPARATORS, "");
}

function ok(normalized: string): IdValidation {
  return { valid: true, normalized };
}
function bad(normalized: string, message: string): IdValidation {
  return { valid: false, normalized, message };
}

function weightedSum(digits: string, weights: readonly number[]): number {
  let s = 0;
  for (let i = 0; i < weights.length; i++) s += (digits.charCodeAt(i) - 48) * weights[i];
  return s;
}

/**
 * СНИЛС: 11 digits, the last two are the check number (ПФР rules): the sum of the first nine digits times
 * weights 9…1; below 100 it is the check number, 100 and 101 give 00, above 101 take mod 101 (100 → 00).
 * Numbers up to 001-001-998 are not checked (issued before the rule).
 */
export function validateSnils(input: string | number | null | undefined): IdValidation {
  const d = digitsOf(input);
  if (!/^\d{11}$/.test(d)) return bad(d, "СНИЛС должен состоять из 11 цифр");
  const body = d.slice(0, 9);
  if (body <= "001001998") return ok(d);
  let sum = weightedSum(body, [9, 8, 7, 6, 5, 4, 3, 2, 1]);
  if (sum > 101) sum %= 101;
  const check = sum === 100 || sum === 101 ? 0 : sum;
  return check === Number(d.slice(9)) ? ok(d) : bad(d, "неверное контрольное число СНИЛС");
}

const INN10_W = [2, 4, 10, 3, 5, 9, 4, 6, 8];
const INN11_W = [7, 2, 4, 10, 3, 5, 9, 4, 6, 8];
const INN12_W = [3, 7, 2, 4, 10, 3, 5, 9, 4, 6, 8];

/** ИНН: 10 digits (organisation) or 12 digits (person), check digits by the ФНС weights. */
export function validateInn(input: string | number | null | undefined): IdValidation {
  const d = digitsOf(input);
  if (d.length === 10 && /^\d{10}$/.test(d)) {
    const c = (weightedSum(d, INN10_W) % 11) % 10;
    return c === d.charCodeAt(9) - 48 ? ok(d) : bad(d, "неверная контрольная цифра ИНН");
  }
  if (d.length === 12 && /^\d{12}$/.test(d)) {
    const c11 = (weightedSum(d, INN11_W) % 11) % 10;
    const c12 = (weightedSum(d, INN12_W) % 11) % 10;
    return c11 === d.charCodeAt(10) - 48 && c12 === d.charCodeAt(11) - 48
      ? ok(d)
      : bad(d, "неверные контрольные цифры ИНН");
  }
  return bad(d, "ИНН должен состоять из 10 (организация) или 12 (физическое лицо) цифр");
}

/** Remainder of a long digit string divided by a small number, without floats. */
function modDigits(digits: string, m: number): number {
  let r = 0;
  for (let i = 0; i < digits.length; i++) r = (r * 10 + (digits.charCodeAt(i) - 48)) % m;
  return r;
}

/** ОГРН (13 digits: first 12 mod 11, mod 10) or ОГРНИП (15 digits: first 14 mod 13, mod 10). */
export function validateOgrn(input: string | number | null | undefined): IdValidation {
  const d = digitsOf(input);
  if (/^\d{13}$/.test(d)) {
    return modDigits(d.slice(0, 12), 11) % 10 === d.charCodeAt(12) - 48
      ? ok(d)
      : bad(d, "неверная контрольная цифра ОГРН");
  }
  if (/^\d{15}$/.test(d)) {
    return modDigits(d.slice(0, 14), 13) % 10 === d.charCodeAt(14) - 48
      ? ok(d)
      : bad(d, "неверная контрольная цифра ОГРНИП");
  }
  return bad(d, "ОГРН должен состоять из 13 цифр (ОГРНИП — из 15)");
}

/** БИК: 9 digits; Russian banks' БИК start with 04 (the country code). It has no check digit. */
export function validateBik(input: string | number | null | undefined): IdValidation {
  const d = digitsOf(input);
  if (!/^\d{9}$/.test(d)) return bad(d, "БИК должен состоять из 9 цифр");
  if (!d.startsWith("04")) return bad(d, "БИК российского банка начинается с 04");
  return ok(d);
}

const ACCOUNT_W = [7, 1, 3];

/**
 * Расчётный счёт (20 digits) checked together with the bank's БИК (ЦБ РФ rules, 1997): the key is computed over
 * 23 digits — the last three of the БИК followed by the account — for a credit institution; for an account
 * held at a Bank of Russia settlement centre (БИК ends in 000–002) the prefix is "0" + БИК digits 5–6.
 * Weights 7,1,3 repeated; the sum of the last digits of each product must end in 0.
 */
export function validateAccount(
  bik: string | number | null | undefined,
  account: string | number | null | undefined,
): IdValidation {
  const b = validateBik(bik);
  const a = digitsOf(account);
  if (!b.valid) return bad(a, `счёт нельзя проверить: ${b.message}`);
  if (!/^\d{20}$/.test(a)) return bad(a, "номер счёта должен состоять из 20 цифр");
  const bikDigits = b.normalized;
  const prefix = isRkcBik(bikDigits) ? "0" + bikDigits.slice(4, 6) : bikDigits.slice(6, 9);
  const all = prefix + a;
  let sum = 0;
  for (let i = 0; i < all.length; i++) sum += ((all.charCodeAt(i) - 48) * ACCOUNT_W[i % 3]) % 10;
  return sum % 10 === 0 ? ok(a) : bad(a, "контрольный ключ счёта не сходится с БИК банка");
}

/** Accounts in a Bank of Russia settlement centre: the last three digits of the БИК are 000–002. */
function isRkcBik(bik: string): boolean {
  const tail = bik.slice(6, 9);
  return tail === "000" || tail === "001" || tail === "002";
}

/** Корреспондентский счёт (301…, 20 digits): the key is computed over "0" + БИК digits 5–6 + the account. */
export function validateCorrAccount(
  bik: string | number | null | undefined,
  account: string | number | null | undefined,
): IdValidation {
  const b = validateBik(bik);
  const a = digitsOf(account);
  if (!b.valid) return bad(a, `счёт нельзя проверить: ${b.message}`);
  if (!/^\d{20}$/.test(a)) return bad(a, "номер корреспондентского счёта должен состоять из 20 цифр");
  const all = "0" + b.normalized.slice(4, 6) + a;
  let sum = 0;
  for (let i = 0; i < all.length; i++) sum += ((all.charCodeAt(i) - 48) * ACCOUNT_W[i % 3]) % 10;
  return sum % 10 === 0 ? ok(a) : bad(a, "контрольный ключ корреспондентского счёта не сходится с БИК банка");
}
