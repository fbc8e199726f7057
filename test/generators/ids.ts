/**
 * Personal identifiers with real check digits: СНИЛС (11 digits, "123-456-789 01") and an individual's ИНН (12 digits).
 * Check-digit rules: СНИЛС — sum of the 9 digits weighted 9…1; < 100 → the sum, 100/101 → 00, else mod 101 (100 → 00)
 * (Постановление Правления ПФР от 1996 г., порядок присвоения страхового номера). ИНН — two control digits, weights
 * (7,2,4,10,3,5,9,4,6,8) and (3,7,2,4,10,3,5,9,4,6,8), mod 11 mod 10 (Приказ ФНС ММВ-7-6/435@ о порядке присвоения ИНН).
 */
import type { Prng } from "./prng";

export function snilsCheck(nine: string): number {
  let sum = 0;
  for (let i = 0; i < 9; i++) sum += (nine.charCodeAt(i) - 48) * (9 - i);
  if (sum < 100) return sum;
  if (sum === 100 || sum === 101) return 0;
  const r = sum % 101;
  return r === 100 ? 0 : r;
}

export function formatSnils(digits11: string): string {
  return `${digits11.slice(0, 3)}-${digits11.slice(3, 6)}-${digits11.slice(6, 9)} ${digits11.slice(9, 11)}`;
}

export function isValidSnils(text: string): boolean {
  const d = text.replace(/\D/g, "");
  if (d.length !== 11) return false;
  return snilsCheck(d.slice(0, 9)) === +d.slice(9);
}

/** A valid СНИЛС ("123-456-789 01"); numbers start above 002-000-000 (the check applies only above 001-001-998). */
export function randomSnils(rng: Prng, valid = true): string {
  const nine = String(rng.int(2_000_000, 999_999_999)).padStart(9, "0");
  let check = snilsCheck(nine);
  if (!valid) check = (check + rng.int(1, 98)) % 100;
  return formatSnils(nine + String(check).padStart(2, "0"));
}

const INN_W11 = [7, 2, 4, 10, 3, 5, 9, 4, 6, 8];
const INN_W12 = [3, 7, 2, 4, 10, 3, 5, 9, 4, 6, 8];

function innDigit(digits: string, weights: readonly number[]): number {
  let s = 0;
  for (let i = 0; i < weights.length; i++) s += (digits.charCodeAt(i) - 48) * weights[i];
  return (s % 11) % 10;
}

export function isValidPersonInn(text: string): boolean {
  if (!/^\d{12}$/.test(text)) return false;
  return innDigit(text, INN_W11) === +text[10] && innDigit(text, INN_W12) === +text[11];
}

/** A 12-digit ИНН of an individual from its 6-digit serial; region 86 (ХМАО-Югра), inspection 11 by default. */
export function personInn(serial: number, valid = true, regionInspection = "8611"): string {
  const ten = regionInspection + String(serial).padStart(6, "0");
  const eleven = ten + innDigit(ten, INN_W11);
  let d12 = innDigit(eleven, INN_W12);
  if (!valid) d12 = (d12 + 1 + (serial % 9)) % 10; // any other digit breaks the second check
  return eleven + d12;
}

export function randomPersonInn(rng: Prng, valid = true, regionInspection = "8611"): string {
  return personInn(rng.int(0, 999_999), valid, regionInspection);
}
