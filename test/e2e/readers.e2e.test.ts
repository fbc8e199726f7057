/**
 * The standalone page opens a ledger dropped as a Windows-1251 CSV and as an .ods (LibreOffice), checks it and finds
 * the planted problems at the same cells as in the .xlsx; the result downloads as a new .xlsx. No request leaves
 * the page's origin (SheetJS is a chunk of the page, loaded only for .xls/.ods).
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readFileSync } from "node:fs";
import path from "node:path";
import type { Browser } from "playwright-core";
import { RESULTS, e2eAvailable, launch, newSession, openStandalone, type Session } from "./browser";
import { turnoverSheet } from "../generators/sheets";
import { encode1251, gridToDelimited, gridToSheetJs } from "../unit/workbook/readersFixtures";

const available = e2eAvailable();

const generated = turnoverSheet({
  seed: 1515,
  accounts: 40,
  nameStyle: "mixed",
  defects: { "account.duplicate": 1, "amount.invalid": 1, "balance.mismatch": 1 },
});
const grid = { ...generated.grid, sheet: "осв" };

async function drop(s: Session, bytes: Uint8Array, name: string): Promise<void> {
  const dataTransfer = await s.page.evaluateHandle(
    ([data, fileName]) => {
      const dt = new DataTransfer();
      dt.items.add(new File([new Uint8Array(data as number[])], fileName as string));
      return dt;
    },
    [[...bytes], name] as const,
  );
  await s.page.locator("header").dispatchEvent("drop", { dataTransfer });
  await s.page.getByTestId("notice").getByText(`Открыта книга «${name}»`).waitFor({ timeout: 60_000 });
}

async function checkAndExpectDefects(s: Session): Promise<void> {
  await s.page.getByRole("tab", { name: "Проверка реестра" }).click();
  await s.page.getByRole("button", { name: "Проверить реестр" }).click();
  const findings = s.page.getByRole("table", { name: "Замечания" });
  await findings.waitFor({ timeout: 60_000 });
  for (const d of generated.defects) {
    await expect(findings.getByRole("button", { name: d.cell, exact: true }).count()).resolves.toBeGreaterThan(0);
  }
}

describe.runIf(available)("standalone page: .csv and .ods", () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launch();
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
  });

  it("checks a dropped Windows-1251 CSV with «;» and decimal commas, and downloads the result as .xlsx", async () => {
    expect(generated.defects.length).toBe(3);
    const s = await newSession(browser);
    await openStandalone(s);
    await drop(s, encode1251(gridToDelimited(grid, ";")), "осв.csv");
    await expect(
      s.page.getByRole("tablist", { name: "Листы книги" }).getByRole("tab", { name: "осв" }).count(),
    ).resolves.toBe(1);
    await checkAndExpectDefects(s);
    const [download] = await Promise.all([
      s.page.waitForEvent("download"),
      s.page.getByRole("button", { name: "Скачать результат" }).click(),
    ]);
    expect(download.suggestedFilename()).toBe("осв (результат).xlsx");
    const file = path.join(RESULTS, "readers-csv-result.xlsx");
    await download.saveAs(file);
    expect([...readFileSync(file).subarray(0, 4)]).toEqual([0x50, 0x4b, 0x03, 0x04]);
    expect(s.foreign).toEqual([]);
    expect(s.errors).toEqual([]);
    await s.context.close();
  }, 120_000);

  it("checks a dropped .ods", async () => {
    const s = await newSession(browser);
    await openStandalone(s);
    await drop(s, gridToSheetJs([grid], "ods"), "осв.ods");
    await checkAndExpectDefects(s);
    await s.page.screenshot({ path: path.join(RESULTS, "standalone-ods-check.png") });
    expect(s.foreign).toEqual([]);
    expect(s.errors).toEqual([]);
    await s.context.close();
  }, 120_000);
});
