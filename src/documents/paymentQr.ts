/**
 * The payment QR payload of ГОСТ Р 56042-2014 «Стандарты финансовых операций. Двумерные символы штрихового кода
 * для осуществления платежей физических лиц» — what bank apps read from a receipt.
 *
 * Format (ГОСТ Р 56042-2014 п. 5.2): the service block «ST» + version «0001» + the encoding flag, then
 * «Key=Value» pairs, each preceded by the separator «|». Encoding flag: 1 = windows-1251, 2 = UTF-8, 3 = КОИ8-Р.
 * We write 2 (UTF-8): the QR library encodes text as UTF-8 bytes, and Russian bank apps read «ST00012» payloads;
 * declaring 1 while writing UTF-8 bytes would garble every Cyrillic letter.
 *
 * The separator «|» must not occur inside a value (п. 5.2: it delimits the pairs). The standard lets the writer
 * pick another separator, but bank apps reliably accept only «|»; so we keep «|» and replace it inside values with
 * «/», and turn line breaks into spaces.
 *
 * Field limits (ГОСТ Р 56042-2014, табл. 1 — required, табл. 2 — additional):
 *   Name ≤ 160, PersonalAcc = 20 digits, BankName ≤ 45, BIC = 9 digits, CorrespAcc ≤ 20 («0» when the bank has
 *   none); Sum ≤ 18 digits in kopecks, Purpose ≤ 210, PayeeINN ≤ 12, KPP ≤ 9, PersAcc (лицевой счёт) ≤ 30,
 *   LastName/FirstName/MiddleName ≤ 60, PayerAddress ≤ 255.
 */
import type { Kopecks } from "../domain/money";

export interface PaymentQrFields {
  /** Payee's name (Name). */
  name: string;
  /** Payee's account (PersonalAcc). */
  personalAcc: string;
  bankName: string;
  bic: string;
  correspAcc: string;
  payeeInn: string;
  kpp?: string;
  /** Amount in kopecks (Sum). */
  sum: Kopecks;
  purpose: string;
  /** The payer's personal account with the payee (PersAcc): the л/с. */
  persAcc?: string;
  lastName?: string;
  firstName?: string;
  middleName?: string;
  payerAddress?: string;
}

/** Limits per field, in characters (ГОСТ Р 56042-2014 табл. 1 and 2). */
export const QR_LIMITS = {
  Name: 160,
  PersonalAcc: 20,
  BankName: 45,
  BIC: 9,
  CorrespAcc: 20,
  PayeeINN: 12,
  KPP: 9,
  Sum: 18,
  Purpose: 210,
  PersAcc: 30,
  LastName: 60,
  FirstName: 60,
  MiddleName: 60,
  PayerAddress: 255,
} as const;

export const QR_HEADER = "ST00012";
export const QR_SEPARATOR = "|";

/** A value made safe for the payload: no separator, no line breaks, trimmed. */
export function qrValue(s: string): string {
  return s
    .replace(/\|/g, "/")
    .replace(/[\r\n\t]+/g, " ")
    .replace(/\s{2,}/g, " ")
    .trim();
}

const digits = (s: string) => s.replace(/[\s\u00a0-]/g, "");

/** Russian problems that make a payload impossible (required field missing or malformed). Empty when valid. */
export function paymentQrProblems(f: PaymentQrFields): string[] {
  const problems: string[] = [];
  const name = qrValue(f.name);
  if (!name) problems.push("не указано наименование получателя");
  else if (name.length > QR_LIMITS.Name)
    problems.push(`наименование получателя длиннее ${QR_LIMITS.Name} знаков (ГОСТ Р 56042-2014, табл. 1)`);
  if (!/^\d{20}$/.test(digits(f.personalAcc))) problems.push("расчётный счёт получателя должен состоять из 20 цифр");
  if (!qrValue(f.bankName)) problems.push("не указан банк получателя");
  if (!/^\d{9}$/.test(digits(f.bic))) problems.push("БИК должен состоять из 9 цифр");
  const corr = digits(f.correspAcc);
  if (!(corr === "0" || /^\d{20}$/.test(corr))) problems.push("корреспондентский счёт должен состоять из 20 цифр");
  if (!/^(\d{10}|\d{12})$/.test(digits(f.payeeInn))) problems.push("ИНН получателя должен состоять из 10 или 12 цифр");
  if (!Number.isSafeInteger(f.sum) || f.sum <= 0) problems.push("сумма к оплате должна быть больше нуля");
  if (!qrValue(f.purpose)) problems.push("не указано назначение платежа");
  return problems;
}

export class PaymentQrError extends Error {
  constructor(readonly problems: string[]) {
    super(`Нельзя составить платёжный QR-код: ${problems.join("; ")}.`);
    this.name = "PaymentQrError";
  }
}

function clip(s: string, max: number): string {
  return s.length <= max ? s : s.slice(0, max).trimEnd();
}

/**
 * The payload string: required fields first (табл. 1), then the additional ones that are filled. Optional texts
 * longer than the standard allows are cut to the limit (the printed receipt shows them in full); required fields
 * that do not fit raise PaymentQrError.
 */
export function paymentQrPayload(f: PaymentQrFields): string {
  const problems = paymentQrProblems(f);
  if (problems.length > 0) throw new PaymentQrError(problems);
  const pairs: [keyof typeof QR_LIMITS, string | undefined][] = [
    ["Name", qrValue(f.name)],
    ["PersonalAcc", digits(f.personalAcc)],
    ["BankName", clip(qrValue(f.bankName), QR_LIMITS.BankName)],
    ["BIC", digits(f.bic)],
    ["CorrespAcc", digits(f.correspAcc)],
    ["PayeeINN", digits(f.payeeInn)],
    ["KPP", f.kpp ? clip(digits(f.kpp), QR_LIMITS.KPP) : undefined],
    ["Sum", String(f.sum)],
    ["Purpose", clip(qrValue(f.purpose), QR_LIMITS.Purpose)],
    ["PersAcc", f.persAcc ? clip(qrValue(f.persAcc), QR_LIMITS.PersAcc) : undefined],
    ["LastName", f.lastName ? clip(qrValue(f.lastName), QR_LIMITS.LastName) : undefined],
    ["FirstName", f.firstName ? clip(qrValue(f.firstName), QR_LIMITS.FirstName) : undefined],
    ["MiddleName", f.middleName ? clip(qrValue(f.middleName), QR_LIMITS.MiddleName) : undefined],
    ["PayerAddress", f.payerAddress ? clip(qrValue(f.payerAddress), QR_LIMITS.PayerAddress) : undefined],
  ];
  const body = pairs.filter(([, v]) => v !== undefined && v !== "").map(([k, v]) => `${k}=${v}`);
  return [QR_HEADER, ...body].join(QR_SEPARATOR);
}

/** Parses a payload back into key → value (for tests and for checking what a bank app would read). */
export function parsePaymentQr(payload: string): Record<string, string> {
  const [header, ...pairs] = payload.split(QR_SEPARATOR);
  if (!/^ST0001[123]$/.test(header)) throw new Error(`not a ГОСТ Р 56042-2014 payload: ${header}`);
  const out: Record<string, string> = {};
  for (const p of pairs) {
    const eq = p.indexOf("=");
    if (eq > 0) out[p.slice(0, eq)] = p.slice(eq + 1);
  }
  return out;
}

/** «Тарасова Анна Петровна» → last, first, middle; anything else goes whole into LastName. */
export function splitPersonName(full: string): { lastName?: string; firstName?: string; middleName?: string } {
  const words = full.trim().split(/\s+/).filter(Boolean);
  if (words.length === 0) return {};
  if (words.length === 2 || words.length === 3)
    return { lastName: words[0], firstName: words[1], middleName: words[2] };
  return { lastName: words.join(" ") };
}
