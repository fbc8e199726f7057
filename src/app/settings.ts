/**
 * The add-in's settings kept in the workbook, so a colleague who opens the file gets them: the claimant's
 * requisites (for applications and receipts) and the thresholds the collection plan sets.
 * Stored through WorkbookPort.readSettings/writeSettings under the keys "claimant" and "thresholds"; other keys
 * in the same settings record (written by other use cases) are kept as they are.
 */
import type { WorkbookPort } from "../workbook/port";
import type { Kopecks } from "../domain/money";
import { formatKopecksPlain, parseAmount } from "../domain/money";
import { validateAccount, validateBik, validateCorrAccount, validateInn, validateOgrn } from "../domain/ids";
import type { ClaimantDetails } from "../documents/model";
import { SETTINGS_MESSAGES } from "./settingsMessages";

/** The claimant's requisites as Настройки keep them: the same fields the documents print. */
export type ClaimantRequisites = ClaimantDetails;

export interface PlanThresholds {
  /** Debt ≥ multiple × average monthly obligation makes a court-order candidate (plan measure 1). */
  multiple: number;
  /** ГПК 121: a court order for claims up to this amount. */
  courtOrderLimit: Kopecks;
  /** The plan's monthly collection target. */
  monthlyTarget: Kopecks;
  /** Months averaged for the monthly obligation. */
  windowMonths: number;
}

export interface AddinSettings {
  claimant: ClaimantRequisites;
  thresholds: PlanThresholds;
}

export const EMPTY_CLAIMANT: ClaimantRequisites = {
  name: "",
  inn: "",
  kpp: "",
  ogrn: "",
  address: "",
  bankName: "",
  bik: "",
  account: "",
  corrAccount: "",
};

/** The plan's values: multiple 2, court order up to 500 000 ₽ (ГПК 121), target 700 000 ₽ a month, 12 months. */
export const DEFAULT_THRESHOLDS: PlanThresholds = {
  multiple: 2,
  courtOrderLimit: 500_000_00,
  monthlyTarget: 700_000_00,
  windowMonths: 12,
};

export const DEFAULT_SETTINGS: AddinSettings = { claimant: EMPTY_CLAIMANT, thresholds: DEFAULT_THRESHOLDS };

export type ClaimantField = keyof ClaimantRequisites;
export type ThresholdField = keyof PlanThresholds;
export type SettingsField = ClaimantField | ThresholdField;
/** Russian message per invalid field; empty when everything is valid. */
export type SettingsErrors = Partial<Record<SettingsField, string>>;

/** What the settings form edits: every field as the text the user typed. */
export type SettingsForm = Record<SettingsField, string>;

const v = SETTINGS_MESSAGES;

function capitalise(s: string): string {
  return s ? s[0].toUpperCase() + s.slice(1) + (s.endsWith(".") ? "" : ".") : s;
}

/**
 * Checks the claimant's requisites. Empty fields are allowed (a user may fill them gradually); a field that is
 * filled must be valid, with check digits verified (ИНН, ОГРН, счёт against БИК).
 */
export function validateClaimant(c: ClaimantRequisites): SettingsErrors {
  const errors: SettingsErrors = {};
  const digits = (s: string) => s.replace(/[\s\u00a0-]/g, "");
  if (c.inn.trim()) {
    const r = validateInn(c.inn);
    if (!r.valid)
      errors.inn =
        r.normalized.length === 10 || r.normalized.length === 12 ? capitalise(r.message ?? v.innChecksum) : v.innLength;
  }
  if (c.kpp.trim() && !/^\d{4}[0-9A-Z]{2}\d{3}$/.test(digits(c.kpp).toUpperCase())) errors.kpp = v.kpp;
  if (c.ogrn.trim()) {
    const r = validateOgrn(c.ogrn);
    if (!r.valid)
      errors.ogrn =
        r.normalized.length === 13 || r.normalized.length === 15
          ? capitalise(r.message ?? v.ogrnChecksum)
          : v.ogrnLength;
  }
  const bikFilled = c.bik.trim() !== "";
  if (bikFilled) {
    const r = validateBik(c.bik);
    if (!r.valid) errors.bik = capitalise(r.message ?? v.bik);
  }
  const bikUsable = bikFilled && !errors.bik;
  if (c.account.trim()) {
    if (!/^\d{20}$/.test(digits(c.account))) errors.account = v.accountLength;
    else if (!bikUsable) errors.account = v.accountNeedsBik;
    else {
      const r = validateAccount(c.bik, c.account);
      if (!r.valid) errors.account = capitalise(r.message ?? v.accountChecksum);
    }
  }
  if (c.corrAccount.trim()) {
    if (!/^\d{20}$/.test(digits(c.corrAccount))) errors.corrAccount = v.accountLength;
    else if (!bikUsable) errors.corrAccount = v.accountNeedsBik;
    else {
      const r = validateCorrAccount(c.bik, c.corrAccount);
      if (!r.valid) errors.corrAccount = capitalise(r.message ?? v.corrAccountMismatch);
    }
  }
  return errors;
}

export function validateThresholds(t: PlanThresholds): SettingsErrors {
  const errors: SettingsErrors = {};
  if (!(Number.isFinite(t.multiple) && t.multiple > 0 && t.multiple <= 100)) errors.multiple = v.positiveNumber;
  if (!(Number.isInteger(t.courtOrderLimit) && t.courtOrderLimit > 0)) errors.courtOrderLimit = v.money;
  if (!(Number.isInteger(t.monthlyTarget) && t.monthlyTarget > 0)) errors.monthlyTarget = v.money;
  if (!(Number.isInteger(t.windowMonths) && t.windowMonths >= 1 && t.windowMonths <= 120))
    errors.windowMonths = v.wholeNumber(1, 120);
  return errors;
}

export function validateSettings(s: AddinSettings): SettingsErrors {
  return { ...validateClaimant(s.claimant), ...validateThresholds(s.thresholds) };
}

/** The form's texts for given settings (amounts in roubles with kopecks, "500000.00"). */
export function settingsToForm(s: AddinSettings): SettingsForm {
  return {
    ...s.claimant,
    multiple: String(s.thresholds.multiple),
    courtOrderLimit: formatKopecksPlain(s.thresholds.courtOrderLimit),
    monthlyTarget: formatKopecksPlain(s.thresholds.monthlyTarget),
    windowMonths: String(s.thresholds.windowMonths),
  };
}

/** Parses the form; returns settings and the errors (settings are only meaningful when errors is empty). */
export function settingsFromForm(form: SettingsForm): { settings: AddinSettings; errors: SettingsErrors } {
  const claimant: ClaimantRequisites = { ...EMPTY_CLAIMANT };
  for (const key of Object.keys(EMPTY_CLAIMANT) as ClaimantField[]) claimant[key] = form[key].trim();
  const parseErrors: SettingsErrors = {};
  const multipleText = form.multiple.trim().replace(",", ".");
  const multiple = /^\d+(\.\d+)?$/.test(multipleText) ? Number(multipleText) : NaN;
  const windowText = form.windowMonths.trim();
  const windowMonths = /^\d+$/.test(windowText) ? Number(windowText) : NaN;
  const courtOrderLimit = form.courtOrderLimit.trim() ? parseAmount(form.courtOrderLimit) : null;
  const monthlyTarget = form.monthlyTarget.trim() ? parseAmount(form.monthlyTarget) : null;
  if (courtOrderLimit === null) parseErrors.courtOrderLimit = v.money;
  if (monthlyTarget === null) parseErrors.monthlyTarget = v.money;
  const thresholds: PlanThresholds = {
    multiple,
    courtOrderLimit: courtOrderLimit ?? NaN,
    monthlyTarget: monthlyTarget ?? NaN,
    windowMonths,
  };
  const settings = { claimant, thresholds };
  return { settings, errors: { ...validateSettings(settings), ...parseErrors } };
}

function asString(x: unknown): string {
  return typeof x === "string" ? x : typeof x === "number" ? String(x) : "";
}

/**
 * Reads the settings from the workbook; missing or damaged values fall back to the defaults field by field, so a
 * workbook saved by an older version (or edited by hand) still opens.
 */
export async function loadSettings(port: WorkbookPort): Promise<AddinSettings> {
  const raw = await port.readSettings();
  return settingsFromRecord(raw);
}

export function settingsFromRecord(raw: Record<string, unknown>): AddinSettings {
  const c = (raw.claimant ?? {}) as Record<string, unknown>;
  const claimant: ClaimantRequisites = { ...EMPTY_CLAIMANT };
  for (const key of Object.keys(EMPTY_CLAIMANT) as ClaimantField[]) claimant[key] = asString(c[key]);
  const t = (raw.thresholds ?? {}) as Record<string, unknown>;
  const candidate: PlanThresholds = { ...DEFAULT_THRESHOLDS };
  for (const key of Object.keys(DEFAULT_THRESHOLDS) as ThresholdField[]) {
    if (typeof t[key] === "number") candidate[key] = t[key] as number;
  }
  const errors = validateThresholds(candidate);
  const thresholds: PlanThresholds = { ...candidate };
  for (const key of Object.keys(errors) as ThresholdField[]) thresholds[key] = DEFAULT_THRESHOLDS[key];
  return { claimant, thresholds };
}

/** Saves validated settings into the workbook, keeping other keys of the settings record. */
export async function saveSettings(port: WorkbookPort, settings: AddinSettings): Promise<void> {
  const errors = validateSettings(settings);
  const fields = Object.keys(errors);
  if (fields.length > 0) throw new Error(`${SETTINGS_MESSAGES.invalid} (${fields.join(", ")})`);
  const current = await port.readSettings();
  await port.writeSettings({ ...current, claimant: { ...settings.claimant }, thresholds: { ...settings.thresholds } });
}
