/**
 * The standalone page in headless Chromium: the bundled example's bailiff register reconciled with «Сверить» —
 * «Сверка ССП» and the three lists appear among the sheets, and the letters to the ОСП downloaded from the section
 * are parsed back: they hold the claimant's ИНН and the listed proceedings or documents. No request leaves the page.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { strFromU8, unzipSync } from "fflate";
import type { Browser } from "playwright-core";
import { XlsxWorkbook } from "../../src/workbook/xlsx/XlsxWorkbook";
import { ROOT, RESULTS, e2eAvailable, launch, newSession, openStandalone } from "./browser";

const available = e2eAvailable();
const INN = "8611000017";

async function sampleWithRequisites(): Promise<string> {
  const wb = await XlsxWorkbook.fromArrayBuffer(readFileSync(path.join(ROOT, "assets/sample/sample-zhku.xlsx")));
  await wb.writeSettings({ ...(await wb.readSettings()), claimant: { name: "ООО «УК Пример»", inn: INN } });
  mkdirSync(RESULTS, { recursive: true });
  const file = path.join(RESULTS, "reconcile-e2e.xlsx");
  writeFileSync(file, new Uint8Array(await wb.save()));
  return file;
}

function docxText(file: string): string {
  return strFromU8(unzipSync(new Uint8Array(readFileSync(file)))["word/document.xml"]).replace(/<[^>]+>/g, "");
}

describe.runIf(available)("«Сверка с ССП» on the standalone page", () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launch();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it("«Сверить» writes «Сверка ССП» and the lists; the letters hold the ИНН and the proceedings", async () => {
    const file = await sampleWithRequisites();
    const s = await newSession(browser);
    await openStandalone(s);
    const page = s.page;
    await page.getByTestId("file-input").setInputFiles(file);
    await page.getByTestId("notice").getByText("Открыта книга").waitFor({ timeout: 60_000 });
    await page.getByRole("tablist", { name: "Разделы" }).getByRole("tab", { name: "Сверка с ССП" }).click();
    const panel = page.getByRole("tabpanel", { name: "Сверка с ССП" });
    await panel.getByLabel("Дата сверки").fill("2026-11-30");
    await panel.getByRole("button", { name: "Распознать" }).click();
    await panel.getByText(/записей — 7/).waitFor({ timeout: 60_000 });
    await panel.getByRole("button", { name: "Сверить" }).click();
    await panel.getByText("Письма в ОСП").waitFor({ timeout: 120_000 });
    const sheetTabs = page.getByRole("tablist", { name: "Листы книги" }).getByRole("tab");
    await expect(sheetTabs.allInnerTexts()).resolves.toEqual(
      expect.arrayContaining([
        "Сверка ССП",
        "Оплачено напрямую",
        "Повторное предъявление",
        "Не возбуждено",
        "Журнал сверок",
      ]),
    );
    const expected: [string, string][] = [
      ["Оплачено напрямую взыскателю.docx", "9034/25/86004-ИП"],
      ["Повторное предъявление.docx", "7781/26/86004-ИП"],
      ["Не возбуждено.docx", "2-1044/2025"],
    ];
    for (const [name, listed] of expected) {
      const [download] = await Promise.all([
        page.waitForEvent("download"),
        panel.getByRole("button", { name: `Скачать ${name}` }).click(),
      ]);
      expect(download.suggestedFilename()).toBe(name);
      const saved = path.join(RESULTS, `reconcile-${name}`);
      await download.saveAs(saved);
      const text = docxText(saved);
      expect(text).toContain(INN);
      expect(text).toContain(listed);
    }
    await page.screenshot({ path: path.join(RESULTS, "standalone-reconcile.png") });
    expect(s.foreign).toEqual([]);
    expect(s.errors).toEqual([]);
    await s.context.close();
  }, 240_000);
});
