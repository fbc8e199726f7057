import { describe, expect, it } from "vitest";
import jsQR from "jsqr";
import { buildReceipts, receiptQrPayload, type ReceiptData } from "../../../src/documents/receipt";
import { docxMedia, docxText, docxXml } from "./docxText";
import { CLAIMANT } from "./fixtures";
import { decodeGreyPng } from "./pngDecode";

const RECEIPTS: ReceiptData[] = [
  {
    payer: "Тарасова Анна Петровна",
    address: "г. Москва, ул. Лесная, д. 5, кв. 12",
    account: "0010135",
    amount: 2_450_017,
    caseNumber: "2-1501/2026",
    orderDate: "2026-11-10",
  },
  { payer: "Орлов Пётр Ильич", address: "г. Москва, ул. Лесная, д. 5, кв. 40", account: "0010140", amount: 1_000_000 },
  { payer: "Ким Сергей", address: "г. Москва, ул. Лесная, д. 7, кв. 3", account: "0010201", amount: 501 },
];

describe("ПД-4 receipts", () => {
  it("one file for the batch: payee requisites, payer, purpose, amount in figures and words for each", async () => {
    const bytes = await buildReceipts(CLAIMANT, RECEIPTS);
    const text = docxText(bytes);
    for (const label of ["Извещение", "Квитанция", "Кассир", "Получатель платежа"]) expect(text).toContain(label);
    expect(text).toContain("7707083893 / 773601001");
    expect(text).toContain("40702810938000000001");
    expect(text).toContain("044525225 / 30101810400000000225");
    expect(text).toContain("Оплата задолженности по судебному приказу № 2-1501/2026 от 10.11.2026, л/с 0010135");
    expect(text).toContain("Оплата задолженности по судебному приказу № ________ от __.__.____, л/с 0010140");
    expect(text).toContain("24\u00a0500,17 руб.");
    expect(text).toContain("двадцать четыре тысячи пятьсот рублей 17 копеек");
    expect(text).toContain("пять рублей 01 копейка");
    // each receipt has two halves
    expect(text.match(/Извещение/g)).toHaveLength(3);
    expect(text.match(/Тарасова Анна Петровна/g)).toHaveLength(2);
  });

  it("two receipts per A4 page: a page break before the third", async () => {
    const xml = docxXml(await buildReceipts(CLAIMANT, RECEIPTS));
    expect(xml.match(/<w:pageBreakBefore\/>/g)).toHaveLength(1);
    const pos = xml.indexOf("<w:pageBreakBefore/>");
    expect(xml.indexOf("0010201")).toBeGreaterThan(pos);
    expect(xml.indexOf("0010140")).toBeLessThan(pos);
  });

  it("each embedded QR image decodes back to its receipt's payload", async () => {
    const media = Object.values(docxMedia(await buildReceipts(CLAIMANT, RECEIPTS)));
    expect(media).toHaveLength(3);
    const decoded = media.map((png) => {
      const img = decodeGreyPng(png);
      return jsQR(img.rgba, img.width, img.height)?.data;
    });
    expect(decoded.sort()).toEqual(RECEIPTS.map((r) => receiptQrPayload(CLAIMANT, r)).sort());
  });
});
