import { describe, expect, it } from "vitest";
import jsQR from "jsqr";
import {
  PaymentQrError,
  QR_LIMITS,
  parsePaymentQr,
  paymentQrPayload,
  type PaymentQrFields,
} from "../../../src/documents/paymentQr";
import { qrPng } from "../../../src/documents/qrPng";
import { receiptQrPayload } from "../../../src/documents/receipt";
import { CLAIMANT } from "./fixtures";
import { decodeGreyPng } from "./pngDecode";

const FIELDS: PaymentQrFields = {
  name: CLAIMANT.name,
  personalAcc: CLAIMANT.account,
  bankName: CLAIMANT.bankName,
  bic: CLAIMANT.bik,
  correspAcc: CLAIMANT.corrAccount,
  payeeInn: CLAIMANT.inn,
  kpp: CLAIMANT.kpp,
  sum: 1_234_567,
  purpose: "Оплата задолженности по судебному приказу № 2-1501/2026 от 10.11.2026, л/с 0010135",
  persAcc: "0010135",
  lastName: "Тарасова",
  firstName: "Анна",
  middleName: "Петровна",
};

function decodeQr(png: Uint8Array): string {
  const img = decodeGreyPng(png);
  const code = jsQR(img.rgba, img.width, img.height);
  if (!code) throw new Error("QR not found in the PNG");
  return code.data;
}

describe("ГОСТ Р 56042-2014 payload", () => {
  it("starts with ST00012 (UTF-8) and carries every required field in the standard's order", () => {
    const payload = paymentQrPayload(FIELDS);
    expect(payload.startsWith("ST00012|Name=ООО «УК Северный квартал»|PersonalAcc=40702810938000000001|")).toBe(true);
    const f = parsePaymentQr(payload);
    expect(f).toMatchObject({
      Name: "ООО «УК Северный квартал»",
      PersonalAcc: "40702810938000000001",
      BankName: "ПАО Сбербанк",
      BIC: "044525225",
      CorrespAcc: "30101810400000000225",
      PayeeINN: "7707083893",
      KPP: "773601001",
      Sum: "1234567",
      PersAcc: "0010135",
      LastName: "Тарасова",
      FirstName: "Анна",
      MiddleName: "Петровна",
    });
    expect(Object.keys(f).slice(0, 5)).toEqual(["Name", "PersonalAcc", "BankName", "BIC", "CorrespAcc"]);
  });

  it("Sum is whole kopecks without separators", () => {
    expect(parsePaymentQr(paymentQrPayload({ ...FIELDS, sum: 100 })).Sum).toBe("100");
    expect(parsePaymentQr(paymentQrPayload({ ...FIELDS, sum: 1 })).Sum).toBe("1");
    expect(() => paymentQrPayload({ ...FIELDS, sum: 0 })).toThrow(/сумма/);
    expect(() => paymentQrPayload({ ...FIELDS, sum: 10.5 })).toThrow(PaymentQrError);
  });

  it("a «|» inside a name or purpose never splits a field", () => {
    const payload = paymentQrPayload({ ...FIELDS, name: "ТСЖ «Дом|Сад»", purpose: "Долг | пени\nза 2025" });
    const f = parsePaymentQr(payload);
    expect(f.Name).toBe("ТСЖ «Дом/Сад»");
    expect(f.Purpose).toBe("Долг / пени за 2025");
    expect(payload.split("|").every((part, i) => i === 0 || /^[A-Za-z]+=/.test(part))).toBe(true);
  });

  it("keeps optional texts within the standard's limits and refuses a too long payee name", () => {
    const long = "Оплата ".repeat(60);
    const f = parsePaymentQr(paymentQrPayload({ ...FIELDS, purpose: long, bankName: "Б".repeat(80) }));
    expect(f.Purpose.length).toBeLessThanOrEqual(QR_LIMITS.Purpose);
    expect(f.Purpose.length).toBeGreaterThan(200);
    expect(f.BankName.length).toBe(QR_LIMITS.BankName);
    expect(() => paymentQrPayload({ ...FIELDS, name: "А".repeat(161) })).toThrow(/160/);
  });

  it("names every missing or malformed required field", () => {
    try {
      paymentQrPayload({ ...FIELDS, name: "", personalAcc: "123", bic: "04452522", payeeInn: "", correspAcc: "" });
      expect.unreachable();
    } catch (e) {
      const problems = (e as PaymentQrError).problems.join("\n");
      expect(problems).toContain("наименование получателя");
      expect(problems).toContain("расчётный счёт");
      expect(problems).toContain("БИК");
      expect(problems).toContain("ИНН получателя");
      expect(problems).toContain("корреспондентский счёт");
    }
  });
});

describe("QR image", () => {
  it("the PNG decodes back to exactly the payload, Cyrillic included", () => {
    const payload = paymentQrPayload(FIELDS);
    const { png } = qrPng(payload);
    expect(decodeQr(png)).toBe(payload);
  });

  it("the symbol's bytes are UTF-8, as the ST00012 flag declares (not windows-1251)", () => {
    const payload = paymentQrPayload(FIELDS);
    const img = decodeGreyPng(qrPng(payload).png);
    const code = jsQR(img.rgba, img.width, img.height)!;
    expect(payload.slice(0, 7)).toBe("ST00012");
    expect(Uint8Array.from(code.binaryData)).toEqual(new TextEncoder().encode(payload));
  });

  it("a receipt's payload: purpose names the order and the account; the QR reads back", () => {
    const payload = receiptQrPayload(CLAIMANT, {
      payer: "Тарасова Анна Петровна",
      address: "г. Москва, ул. Лесная, д. 5, кв. 12",
      account: "0010135",
      amount: 2_450_017,
      caseNumber: "2-1501/2026",
      orderDate: "2026-11-10",
    });
    const f = parsePaymentQr(payload);
    expect(f.Purpose).toBe("Оплата задолженности по судебному приказу № 2-1501/2026 от 10.11.2026, л/с 0010135");
    expect(f.Sum).toBe("2450017");
    expect(f.PayerAddress).toBe("г. Москва, ул. Лесная, д. 5, кв. 12");
    expect(decodeQr(qrPng(payload, { scale: 3 }).png)).toBe(payload);
  });
});
