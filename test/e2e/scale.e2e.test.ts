/**
 * The standalone page at scale (issues 2 and 5): a generated 1С-style turnover ledger of 100 000 accounts is opened
 * from a file, shown, and downloaded back with every user cell unchanged; the ledger check on it reports progress,
 * keeps the page responsive, stops on «Отмена» without writing anything (while reading the sheet, and again during the
 * analysis, which runs in a Web Worker), and then runs to its findings.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import ExcelJS from "exceljs";
import type { Browser, Locator, Page } from "playwright-core";
import { RESULTS, e2eAvailable, launch, newSession, openStandalone } from "./browser";
import { courtRegisterSheet, gridsToXlsx, turnoverSheet, type GeneratedLedger } from "../generators";
import { META_SHEET } from "../../src/workbook/common";
import { isOwnSheetName } from "../../src/workbook/port";

const available = e2eAvailable();
const ACCOUNTS = 100_000;
const LEDGER_SHEET = "ОСВ по лицевым счетам";
const REGISTER_SHEET = "Судебная работа";
const FILE_NAME = "осв-100000.xlsx";

async function openFile(page: Page, file: string): Promise<void> {
  await page.getByTestId("file-input").setInputFiles(file);
  await page.getByTestId("notice").getByText(`Открыта книга «${FILE_NAME}»`).waitFor({ timeout: 120_000 });
}

/** A cell value as plain data, so two ExcelJS loads of the same cell compare equal. */
function plain(v: ExcelJS.CellValue): unknown {
  if (v instanceof Date) return v.toISOString();
  if (v && typeof v === "object") return JSON.parse(JSON.stringify(v));
  return v ?? null;
}

/** Every non-empty cell of a sheet as "A1-address → value" in row order. */
function sheetValues(ws: ExcelJS.Worksheet): Map<string, unknown> {
  const cells = new Map<string, unknown>();
  ws.eachRow({ includeEmpty: false }, (row) => {
    row.eachCell({ includeEmpty: false }, (cell) => {
      cells.set(cell.address, plain(cell.value));
    });
  });
  return cells;
}

async function loadXlsx(file: string): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(readFileSync(file) as unknown as ArrayBuffer);
  return wb;
}

/** The progress bar's value (0…1) and the step text under it, or null when no check is running. */
async function progressSample(page: Page): Promise<{ value: number | null; text: string } | null> {
  return page.evaluate(() => {
    const bar = document.querySelector("#panel-check [role='progressbar']");
    if (!bar) return null;
    const now = bar.getAttribute("aria-valuenow");
    const status = bar.closest("[role='status']");
    return { value: now === null ? null : Number(now), text: status?.textContent ?? "" };
  });
}

/** The middle of an element, in page coordinates. */
async function centre(locator: Locator): Promise<{ x: number; y: number }> {
  const box = await locator.boundingBox();
  if (!box) throw new Error("элемент не виден");
  return { x: box.x + box.width / 2, y: box.y + box.height / 2 };
}

describe.runIf(available)("standalone page with a 100 000-account ledger", () => {
  let browser: Browser;
  let dir: string;
  let xlsxPath: string;
  let ledger: GeneratedLedger;

  beforeAll(async () => {
    mkdirSync(RESULTS, { recursive: true });
    // Three planted errors on an otherwise clean ledger: a repeated account and two balances that do not add up.
    ledger = turnoverSheet({
      accounts: ACCOUNTS,
      seed: 2026,
      sheet: LEDGER_SHEET,
      defects: { "account.duplicate": 1, "balance.mismatch": 2 },
    });
    const register = courtRegisterSheet({ model: ledger.model, cases: 40, sheet: REGISTER_SHEET });
    dir = mkdtempSync(path.join(os.tmpdir(), "zhku-scale-"));
    xlsxPath = path.join(dir, FILE_NAME);
    writeFileSync(xlsxPath, await gridsToXlsx([ledger.grid, register.grid]));
    browser = await launch();
  });
  afterAll(async () => {
    await browser?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it("opens the 100 000-row file, shows its first rows and size, and downloads it back with every user cell unchanged", async () => {
    const s = await newSession(browser);
    await openStandalone(s);
    await openFile(s.page, xlsxPath);

    const sheetTabs = s.page.getByRole("tablist", { name: "Листы книги" }).getByRole("tab");
    await expect(sheetTabs.allInnerTexts()).resolves.toEqual([LEDGER_SHEET, REGISTER_SHEET]);
    const grid = s.page.getByTestId("sheet-grid");
    await grid.getByRole("gridcell", { name: "Оборотная ведомость по лицевым счетам" }).waitFor({ timeout: 60_000 });
    // The first account row of the ledger, as the sheet shows it.
    const firstDataRow = ledger.rowAccount.findIndex((a) => a >= 0);
    const firstAccount = ledger.grid.text[firstDataRow][0];
    await grid.getByRole("gridcell", { name: firstAccount, exact: true }).first().waitFor();
    // The sheet's size: all of its rows (the 100 000 accounts plus title, header, house and total rows) × 14 columns.
    const rows = ledger.grid.values.length;
    expect(rows).toBeGreaterThan(ACCOUNTS);
    const size = new Intl.NumberFormat("ru-RU").format(rows).replace(/\u00a0/g, " ");
    await s.page.getByText(new RegExp(`^${size} строк[аи]? × 14 столбцов`)).waitFor();
    await expect(grid.getAttribute("aria-rowcount")).resolves.toBe(String(rows + 1));

    const [download] = await Promise.all([
      s.page.waitForEvent("download", { timeout: 120_000 }),
      s.page.getByRole("button", { name: "Скачать результат" }).click(),
    ]);
    const downloaded = path.join(dir, download.suggestedFilename());
    await download.saveAs(downloaded);
    expect(download.suggestedFilename()).toBe("осв-100000 (результат).xlsx");
    expect(s.errors).toEqual([]);
    expect(s.foreign).toEqual([]);
    await s.context.close();

    const before = await loadXlsx(xlsxPath);
    const after = await loadXlsx(downloaded);
    const userSheets = (wb: ExcelJS.Workbook) =>
      wb.worksheets.map((w) => w.name).filter((n) => n !== META_SHEET && !isOwnSheetName(n));
    expect(userSheets(after)).toEqual([LEDGER_SHEET, REGISTER_SHEET]);
    expect(userSheets(before)).toEqual([LEDGER_SHEET, REGISTER_SHEET]);
    for (const name of userSheets(before)) {
      const was = sheetValues(before.getWorksheet(name)!);
      const now = sheetValues(after.getWorksheet(name)!);
      expect(now.size, name).toBe(was.size);
      // Compare cell by cell and report the first few differences (a whole-map diff of 1.4 M cells is unreadable).
      const differences: string[] = [];
      for (const [address, value] of was) {
        if (JSON.stringify(now.get(address)) !== JSON.stringify(value)) {
          differences.push(
            `${name}!${address}: было ${JSON.stringify(value)}, стало ${JSON.stringify(now.get(address))}`,
          );
          if (differences.length >= 5) break;
        }
      }
      expect(differences, name).toEqual([]);
    }
    // The ledger sheet really went through: its last account row is there, 100 000 accounts down.
    expect(sheetValues(after.getWorksheet(LEDGER_SHEET)!).size).toBeGreaterThan(ACCOUNTS * 10);
  });

  it("checks the 100 000-row ledger with a moving progress bar, stays responsive, cancels cleanly, then finds the planted errors", async () => {
    const s = await newSession(browser);
    await openStandalone(s);
    await openFile(s.page, xlsxPath);
    const page = s.page;
    const panel = page.locator("#panel-check");
    const sheetTabs = page.getByRole("tablist", { name: "Листы книги" });

    // As on a slow office PC (CPU several times slower): reading 100 000 rows then lasts long enough to watch it,
    // visit another section and cancel; unthrottled it is over in about two seconds here.
    // The analysis worker's scripts, as the page starts them (one worker per run).
    const workers: string[] = [];
    page.on("worker", (w) => workers.push(w.url()));
    const cdp = await s.context.newCDPSession(page);
    await cdp.send("Emulation.setCPUThrottlingRate", { rate: 6 });
    // While the check runs, the user's clicks go straight to the page as mouse input (a locator click waits
    // for the page through several round trips); the places to click are taken before the start.
    const settingsTab = await centre(page.getByRole("tab", { name: "Настройки" }));
    const checkTab = await centre(page.getByRole("tab", { name: "Проверка реестра" }));

    await panel.getByRole("button", { name: "Проверить реестр" }).click();
    // Sample the progress bar until its value has moved (each sample is also the page answering while it works).
    const samples: { value: number | null; text: string }[] = [];
    await expect
      .poll(
        async () => {
          const p = await progressSample(page);
          if (p) samples.push(p);
          const values = samples.map((x) => x.value).filter((v): v is number => v !== null);
          return values.length >= 2 && values[values.length - 1] > values[0];
        },
        { timeout: 60_000, interval: 20 },
      )
      .toBe(true);
    expect(new Set(samples.map((x) => x.text)).size).toBeGreaterThan(1);
    expect(samples.some((x) => x.text.includes(`Чтение листа «${LEDGER_SHEET}»`))).toBe(true);

    // Another section opens while the check goes on (its panel stays mounted, hidden, with the progress bar).
    await page.mouse.click(settingsTab.x, settingsTab.y);
    await expect
      .poll(() => page.evaluate(() => !document.getElementById("panel-settings")!.hidden), { timeout: 30_000 })
      .toBe(true);
    expect(await progressSample(page), "проверка идёт, пока открыт раздел «Настройки»").not.toBeNull();
    await page.mouse.click(checkTab.x, checkTab.y);
    await expect
      .poll(() => page.evaluate(() => !document.getElementById("panel-check")!.hidden), { timeout: 30_000 })
      .toBe(true);

    const cancel = await page.evaluate(() => {
      const button = [...document.querySelectorAll("#panel-check button")].find((b) => b.textContent === "Отмена");
      const r = button?.getBoundingClientRect();
      return r ? { x: r.x + r.width / 2, y: r.y + r.height / 2 } : null;
    });
    expect(cancel, "проверка ещё идёт, когда пользователь нажимает «Отмена»").not.toBeNull();
    await page.mouse.click(cancel!.x, cancel!.y);
    await panel.getByText("Операция отменена.").waitFor({ timeout: 60_000 });
    await expect(panel.getByRole("progressbar").count()).resolves.toBe(0);
    // Nothing was written: no «Проверка» sheet among the tabs.
    await expect(sheetTabs.getByRole("tab").allInnerTexts()).resolves.toEqual([LEDGER_SHEET, REGISTER_SHEET]);

    // Run again and cancel during the analysis itself (recognition and the rules, one long computation): it runs in
    // a Web Worker, so the page still answers, shows that step and takes «Отмена».
    await panel.getByRole("button", { name: "Проверить реестр" }).click();
    // One look at the page gives both: the analysis step is showing, and where «Отмена» is (no extra round trip).
    const cancelDuringAnalysis = () =>
      page.evaluate(() => {
        const status = document.querySelector("#panel-check [role='progressbar']")?.closest("[role='status']");
        const text = status?.textContent ?? "";
        if (!text.includes("Распознавание реестра") && !text.includes("Проверка правил")) return null;
        const button = [...document.querySelectorAll("#panel-check button")].find((b) => b.textContent === "Отмена");
        const r = button?.getBoundingClientRect();
        return r ? { x: r.x + r.width / 2, y: r.y + r.height / 2 } : null;
      });
    let cancelNow: { x: number; y: number } | null = null;
    await expect
      .poll(async () => (cancelNow = await cancelDuringAnalysis()) !== null, { timeout: 120_000, interval: 20 })
      .toBe(true);
    expect(cancelNow, "анализ ещё идёт, когда пользователь нажимает «Отмена»").not.toBeNull();
    expect(workers.length, "анализ идёт в Web Worker").toBeGreaterThan(0);
    expect(
      workers.every((url) => /\/zhku-analysis\.[0-9a-f]+\.js$/.test(url)),
      workers.join(", "),
    ).toBe(true);
    await page.mouse.click(cancelNow!.x, cancelNow!.y);
    await panel.getByText("Операция отменена.").waitFor({ timeout: 30_000 });
    await expect(panel.getByRole("progressbar").count()).resolves.toBe(0);
    await expect(sheetTabs.getByRole("tab").allInnerTexts()).resolves.toEqual([LEDGER_SHEET, REGISTER_SHEET]);

    // Run again, to the end.
    await panel.getByRole("button", { name: "Проверить реестр" }).click();
    const summary = panel.getByRole("region", { name: "Итоги проверки" });
    await summary.waitFor({ timeout: 120_000 });
    // One row per account: 100 000 data rows (the title, header, house and total rows are skipped).
    await summary.getByText(/^Строк с данными: 100 000,/).waitFor();
    // Exactly the three planted errors: one repeated account, two balances that do not add up.
    await summary.getByRole("heading", { name: "Замечания: 3 замечания" }).waitFor();
    await summary.getByText("Ошибки: 3").waitFor();
    const findings = summary.getByRole("table", { name: "Замечания" });
    const planted = ledger.defects.map((d) => d.cell).sort();
    expect(planted).toHaveLength(3);
    const shown = (await findings.getByRole("button").allInnerTexts()).map((t) => t.trim()).sort();
    expect(shown).toEqual(planted);
    await sheetTabs.getByRole("tab", { name: "Проверка" }).waitFor({ timeout: 30_000 });
    await page.screenshot({ path: path.join(RESULTS, "standalone-scale-check.png") });

    expect(s.errors).toEqual([]);
    expect(s.foreign).toEqual([]);
    await s.context.close();
  });
});
