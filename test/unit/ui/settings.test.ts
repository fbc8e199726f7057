/**
 * Settings the add-in keeps in the workbook: the plan's defaults, validation of the claimant's requisites with
 * check digits, parsing of the form, and the round trip through a workbook (other settings keys survive).
 *
 * Requisites used (hand-checked):
 * - ИНН 7704123450: weights 2,4,10,3,5,9,4,6,8 over 7,7,0,4,1,2,3,4,5 = 14+28+0+12+5+18+12+24+40 = 153;
 *   153 mod 11 = 10, mod 10 = 0 → check digit 0.
 * - ОГРН 1027700123450: 102770012345 = 11 × 9342728395 exactly, remainder 0 → check digit 0.
 * - БИК 044525225, р/с 40702810938000012345: "225" + account, weights 7,1,3…, last digits of the products
 *   4+2+5+8+0+1+0+2+4+7+0+7+1+8+0+0+0+0+7+2+9+8+5 = 80 → ends in 0, valid.
 * - к/с 30101810400000000225: "0" + БИК digits 5–6 ("25") + account, same weights: 0+2+5+1+0+3+0+1+4+7+0+2+0…0+6+4+5
 *   = 40 → valid.
 */
import { describe, expect, it } from "vitest";
import {
  DEFAULT_SETTINGS,
  DEFAULT_THRESHOLDS,
  loadSettings,
  saveSettings,
  settingsFromForm,
  settingsToForm,
  validateClaimant,
  type ClaimantRequisites,
} from "../../../src/app/settings";
import { XlsxWorkbook } from "../../../src/workbook/xlsx/XlsxWorkbook";

const CLAIMANT: ClaimantRequisites = {
  name: "ООО «УК «Северный квартал»»",
  inn: "7704123450",
  kpp: "770401001",
  ogrn: "1027700123450",
  address: "628160, г. Белоярский, ул. Лесная, д. 1",
  bankName: "ПАО Сбербанк",
  bik: "044525225",
  account: "40702810938000012345",
  corrAccount: "30101810400000000225",
};

describe("plan thresholds", () => {
  it("default to the plan: multiple 2, court order up to 500 000 ₽, 700 000 ₽ a month, 12 months", () => {
    expect(DEFAULT_THRESHOLDS).toEqual({
      multiple: 2,
      courtOrderLimit: 50_000_000, // 500 000,00 ₽ in kopecks
      monthlyTarget: 70_000_000,
      windowMonths: 12,
    });
  });

  it("parse Russian amounts and decimal commas from the form", () => {
    const form = {
      ...settingsToForm(DEFAULT_SETTINGS),
      multiple: "1,5",
      courtOrderLimit: "500 000,00",
      monthlyTarget: "750000",
      windowMonths: "6",
    };
    const { settings, errors } = settingsFromForm(form);
    expect(errors).toEqual({});
    expect(settings.thresholds).toEqual({
      multiple: 1.5,
      courtOrderLimit: 50_000_000,
      monthlyTarget: 75_000_000,
      windowMonths: 6,
    });
  });

  it("reject a zero window, a non-number amount and a negative multiple, naming each field", () => {
    const form = { ...settingsToForm(DEFAULT_SETTINGS), multiple: "-2", monthlyTarget: "много", windowMonths: "0" };
    const { errors } = settingsFromForm(form);
    expect(Object.keys(errors).sort()).toEqual(["monthlyTarget", "multiple", "windowMonths"]);
    expect(errors.windowMonths).toBe("Введите целое число от 1 до 120.");
  });
});

describe("claimant requisites", () => {
  it("accept valid requisites, and empty ones (filled in gradually)", () => {
    expect(validateClaimant(CLAIMANT)).toEqual({});
    expect(validateClaimant({ ...CLAIMANT, inn: "", ogrn: "", bik: "", account: "", corrAccount: "" })).toEqual({});
  });

  it("catch a wrong check digit in ИНН and ОГРН, and a wrong length", () => {
    const e = validateClaimant({ ...CLAIMANT, inn: "7704123451", ogrn: "1027700123451", kpp: "77040100" });
    expect(e.inn).toMatch(/контрольн/);
    expect(e.ogrn).toMatch(/контрольн/);
    expect(e.kpp).toMatch(/^КПП — 9 знаков/);
    expect(validateClaimant({ ...CLAIMANT, inn: "77041234" }).inn).toBe(
      "ИНН организации — 10 цифр, ИНН физического лица или ИП — 12 цифр.",
    );
  });

  it("check the accounts against the БИК (a swapped digit fails; without a БИК the account cannot be checked)", () => {
    expect(validateClaimant({ ...CLAIMANT, account: "40702810938000012354" }).account).toMatch(/ключ/);
    expect(validateClaimant({ ...CLAIMANT, corrAccount: "30101810400000000226" }).corrAccount).toBeTruthy();
    expect(validateClaimant({ ...CLAIMANT, bik: "" }).account).toBe("Чтобы проверить счёт, укажите БИК.");
    expect(validateClaimant({ ...CLAIMANT, account: "4070281093800001234" }).account).toBe("Счёт — 20 цифр.");
  });
});

describe("settings in the workbook", () => {
  it("round-trip through the workbook and keep other keys of the settings record", async () => {
    const port = new XlsxWorkbook();
    port.workbook.addWorksheet("Реестр");
    await port.writeSettings({ ledgerMappings: { Реестр: { mapping: { account: 0 } } } });
    const settings = { claimant: CLAIMANT, thresholds: { ...DEFAULT_THRESHOLDS, monthlyTarget: 75_000_000 } };
    await saveSettings(port, settings);

    // Through the file: save to bytes and reopen, as a colleague would.
    const reopened = await XlsxWorkbook.fromArrayBuffer(await port.save());
    expect(await loadSettings(reopened)).toEqual(settings);
    expect((await reopened.readSettings()).ledgerMappings).toEqual({ Реестр: { mapping: { account: 0 } } });
  });

  it("fall back to the defaults field by field when stored values are missing or damaged", async () => {
    const port = new XlsxWorkbook();
    await port.writeSettings({
      thresholds: { multiple: "два", windowMonths: 0, monthlyTarget: 80_000_000 },
      claimant: { inn: 7704123450 },
    });
    const s = await loadSettings(port);
    expect(s.thresholds).toEqual({ ...DEFAULT_THRESHOLDS, monthlyTarget: 80_000_000 });
    expect(s.claimant.inn).toBe("7704123450");
    expect(s.claimant.name).toBe("");
  });

  it("refuse to save invalid settings and name the fields", async () => {
    const port = new XlsxWorkbook();
    await expect(
      saveSettings(port, { claimant: { ...CLAIMANT, inn: "7704123451" }, thresholds: DEFAULT_THRESHOLDS }),
    ).rejects.toThrow(/inn/);
    expect(await port.readSettings()).toEqual({});
  });
});
