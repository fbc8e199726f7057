/**
 * The standalone page saves without losses: a workbook with a chart, a pivot table and an image is checked and
 * downloaded, and those parts are still in the download byte for byte; a ledger whose notes the page cannot merge
 * is not saved silently — the page says so and offers the results as a separate workbook.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { mkdirSync, readFileSync } from "node:fs";
import path from "node:path";
import type { Browser, Page } from "playwright-core";
import { RESULTS, e2eAvailable, launch, newSession, openStandalone } from "./browser";
import { richParts, text, unzipParts, zipParts } from "../unit/workbook/losslessPackage";

const available = e2eAvailable();
const XLSX_MIME = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

async function openBytes(page: Page, name: string, bytes: Uint8Array): Promise<void> {
  await page.getByTestId("file-input").setInputFiles({ name, mimeType: XLSX_MIME, buffer: Buffer.from(bytes) });
  await page.getByTestId("notice").getByText("Открыта книга").waitFor({ timeout: 60_000 });
}

async function checkLedger(page: Page): Promise<void> {
  const nav = page.getByRole("tablist", { name: "Разделы" });
  await nav.getByRole("tab", { name: "Проверка реестра" }).click();
  await page.getByRole("button", { name: "Проверить реестр" }).click();
  await page.getByRole("table", { name: "Замечания" }).waitFor({ timeout: 60_000 });
}

async function download(page: Page, button: string): Promise<{ file: string; name: string }> {
  const [d] = await Promise.all([page.waitForEvent("download"), page.getByRole("button", { name: button }).click()]);
  const file = path.join(RESULTS, d.suggestedFilename());
  await d.saveAs(file);
  return { file, name: d.suggestedFilename() };
}

describe.runIf(available)("standalone page: lossless download", () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launch();
    mkdirSync(RESULTS, { recursive: true });
  });
  afterAll(async () => {
    await browser?.close();
  });

  it("a checked workbook with a chart comes back with the chart, pivot cache and image untouched", async () => {
    const s = await newSession(browser);
    await openStandalone(s);
    const original = richParts();
    await openBytes(s.page, "Диаграмма.xlsx", zipParts(original));
    await checkLedger(s.page);
    const { file, name } = await download(s.page, "Скачать результат");
    expect(name).toBe("Диаграмма (результат).xlsx");
    const saved = unzipParts(new Uint8Array(readFileSync(file)));
    for (const part of [
      "xl/charts/chart1.xml",
      "xl/drawings/drawing1.xml",
      "xl/media/image1.png",
      "xl/pivotCache/pivotCacheDefinition1.xml",
      "xl/pivotTables/pivotTable1.xml",
    ])
      expect(Buffer.from(saved.get(part)!).equals(Buffer.from(original.get(part)!)), part).toBe(true);
    expect(text(saved, "xl/workbook.xml")).toContain('name="Проверка"');
    expect(s.errors).toEqual([]);
    expect(s.foreign).toEqual([]);
    await s.context.close();
  });

  it("says before saving that the marks cannot go in without loss and offers the results apart", async () => {
    const s = await newSession(browser);
    await openStandalone(s);
    const parts = richParts();
    const enc = new TextEncoder();
    parts.set(
      "xl/worksheets/sheet1.xml",
      enc.encode(
        text(parts, "xl/worksheets/sheet1.xml").replace(
          '<drawing r:id="rId1"/>',
          '<drawing r:id="rId1"/><legacyDrawing r:id="rId2"/>',
        ),
      ),
    );
    parts.set(
      "xl/worksheets/_rels/sheet1.xml.rels",
      enc.encode(
        text(parts, "xl/worksheets/_rels/sheet1.xml.rels").replace(
          "</Relationships>",
          '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/vmlDrawing" Target="../drawings/vmlDrawing1.vml"/></Relationships>',
        ),
      ),
    );
    await openBytes(s.page, "Кнопки.xlsx", zipParts(parts));
    await checkLedger(s.page);
    await s.page.getByRole("button", { name: "Скачать результат" }).click();
    await s.page.getByTestId("notice").getByText("нельзя внести в эту книгу без потерь").waitFor();
    const { file, name } = await download(s.page, "Скачать результаты отдельной книгой");
    expect(name).toBe("Кнопки — результаты.xlsx");
    const saved = unzipParts(new Uint8Array(readFileSync(file)));
    expect(text(saved, "xl/workbook.xml")).toContain('name="Пометки"');
    expect(s.errors).toEqual([]);
    await s.context.close();
  });
});
