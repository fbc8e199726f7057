/**
 * «Документы» on the standalone page in headless Chromium: a workbook with three rows in «Реестр взыскания» and the
 * claimant's requisites saved in Настройки → check the rows, generate, download the .zip; the three applications,
 * the receipts (with QR codes that decode to the ГОСТ Р 56042-2014 payload) and the letter to the ОСП are parsed
 * back; the downloaded workbook's register carries the date sent and «да».
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { unzipSync } from "fflate";
import jsQR from "jsqr";
import type { Browser } from "playwright-core";
import { RESULTS, e2eAvailable, launch, newSession, openStandalone } from "./browser";
import { XlsxWorkbook } from "../../src/workbook/xlsx/XlsxWorkbook";
import { registerTableSpec } from "../../src/app/courtRegister";
import { REGISTER_HEADER as H } from "../../src/domain/register";
import { parseRuDate } from "../../src/domain/dates";
import { parsePaymentQr } from "../../src/documents/paymentQr";
import { CLAIMANT } from "../unit/documents/fixtures";
import { documentsWorkbook } from "./documentsWorkbook";
import { docxMedia, docxText } from "../unit/documents/docxText";
import { decodeGreyPng } from "../unit/documents/pngDecode";

const available = e2eAvailable();

function todayIso(): string {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, "0")}-${String(d.getDate()).padStart(2, "0")}`;
}

async function workbookFile(): Promise<string> {
  mkdirSync(RESULTS, { recursive: true });
  const file = path.join(RESULTS, "documents-e2e.xlsx");
  writeFileSync(file, await documentsWorkbook());
  return file;
}

describe.runIf(available)("«Документы» on the standalone page", () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launch();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it("three register rows → three applications, the receipts and the letter; the register shows the date sent", async () => {
    const file = await workbookFile();
    const s = await newSession(browser);
    await openStandalone(s);
    const page = s.page;
    await page.getByTestId("file-input").setInputFiles(file);
    await page.getByTestId("notice").getByText("Открыта книга").waitFor({ timeout: 60_000 });
    await page.getByRole("tab", { name: "Документы" }).click();
    const panel = page.getByRole("tabpanel", { name: "Документы" });
    await panel.getByRole("radio", { name: "Строки реестра" }).check();
    await panel.getByRole("textbox", { name: /Строки реестра/ }).fill("1-3");

    await panel.getByRole("button", { name: "Проверить" }).click();
    await panel.getByText("Строка 3: л/с 0004, Сидорова Мария Олеговна").waitFor({ timeout: 60_000 });
    await expect(panel.getByText("Заявление_0004_Сидорова.docx").count()).resolves.toBe(1);

    await page.setViewportSize({ width: 1280, height: 1700 });
    await panel.screenshot({ path: path.join(RESULTS, "documents-plan.png") });
    await page.setViewportSize({ width: 1280, height: 800 });
    await panel.getByRole("button", { name: "Сформировать" }).click();
    await panel.getByText("Документы готовы.").waitFor({ timeout: 120_000 });
    const [download] = await Promise.all([
      page.waitForEvent("download"),
      panel.getByRole("button", { name: "Скачать всё (.zip)" }).click(),
    ]);
    const date = todayIso();
    expect(download.suggestedFilename()).toBe(`Документы_${date}.zip`);
    const zipPath = path.join(RESULTS, download.suggestedFilename());
    await download.saveAs(zipPath);
    const files = unzipSync(new Uint8Array(readFileSync(zipPath)));
    expect(Object.keys(files)).toEqual([
      "Заявление_0001_Иванов.docx",
      "Заявление_0002_Орлов.docx",
      "Заявление_0004_Сидорова.docx",
      `Квитанции_ПД-4_${date}.docx`,
      `Заявление_в_ОСП_${date}.docx`,
    ]);
    const third = docxText(files["Заявление_0004_Сидорова.docx"]);
    expect(third).toContain("Должник: Сидорова Мария Олеговна");
    expect(third).toContain("дата рождения: 21.11.1990, место рождения: г. Ханты-Мансийск");
    expect(third).toContain("5\u00a0123,45 руб. (пять тысяч сто двадцать три рубля 45 копеек)");
    expect(docxText(files["Заявление_0001_Иванов.docx"])).toContain(
      "Судебный участок № 1 Белоярского судебного района",
    );
    const receipts = files[`Квитанции_ПД-4_${date}.docx`];
    const payloads = Object.values(docxMedia(receipts)).map((png) => {
      const img = decodeGreyPng(png);
      return parsePaymentQr(jsQR(img.rgba, img.width, img.height)!.data);
    });
    expect(payloads.map((p) => p.PersAcc).sort()).toEqual(["0001", "0002", "0004"]);
    // 0004: 5 123,45 + 12,10 + 2 000,00 in kopecks
    expect(payloads.find((p) => p.PersAcc === "0004")!.Sum).toBe("713555");
    expect(payloads.every((p) => p.PayeeINN === CLAIMANT.inn && p.BIC === CLAIMANT.bik)).toBe(true);
    expect(docxText(files[`Заявление_в_ОСП_${date}.docx`])).toContain(
      "Заявление о возбуждении исполнительного производства",
    );

    // the register on the page: the sheet view shows the date sent in the three rows
    await page.getByRole("tablist", { name: "Листы книги" }).getByRole("tab", { name: "Реестр взыскания" }).click();
    const grid = page.getByTestId("sheet-grid");
    const shown = `${date.slice(8, 10)}.${date.slice(5, 7)}.${date.slice(0, 4)}`;
    await grid.getByRole("gridcell").first().waitFor({ timeout: 30_000 });
    const dateCells = grid.getByRole("gridcell", { name: shown, exact: true });
    // the grid renders only the visible columns: scroll right until «Дата направления в ССП» comes into view
    for (let step = 0; step < 40 && (await dateCells.count()) === 0; step++) {
      await grid.evaluate((el) => {
        const box = [el, ...el.querySelectorAll<HTMLElement>("*")].find((e) => e.scrollWidth > e.clientWidth + 10);
        if (box) box.scrollLeft += 300;
      });
      await page.waitForTimeout(100);
    }
    await expect(grid.getByRole("gridcell", { name: shown, exact: true }).count()).resolves.toBe(3);

    // the register: the date sent and «да» on each of the three rows
    const [saved] = await Promise.all([
      page.waitForEvent("download"),
      page.getByRole("button", { name: "Скачать результат" }).click(),
    ]);
    const savedPath = path.join(RESULTS, `documents-e2e-result.xlsx`);
    await saved.saveAs(savedPath);
    const wb = await XlsxWorkbook.fromArrayBuffer(readFileSync(savedPath));
    const rows = (await wb.readTable(registerTableSpec()))!;
    expect(rows.map((r) => parseRuDate(r[H.fsspDate] as number))).toEqual([date, date, date]);
    expect(rows.map((r) => r[H.receiptAttached])).toEqual(["да", "да", "да"]);
    expect(s.foreign).toEqual([]);
    expect(s.errors).toEqual([]);
  }, 240_000);
});
