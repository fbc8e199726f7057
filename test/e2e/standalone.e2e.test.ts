/**
 * The standalone page (dist/standalone.html) in headless Chromium: open the sample, walk every section by keyboard
 * with an accessibility check on each, run the ledger check and jump to a finding's cell, round-trip the settings
 * through a downloaded workbook, open a file by drag-and-drop, scroll a 100 000-row sheet — and not one request
 * leaves the page's origin.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { mkdirSync, readFileSync } from "node:fs";
import path from "node:path";
import ExcelJS from "exceljs";
import type { Browser, Page } from "playwright-core";
import { ORIGIN, RESULTS, ROOT, e2eAvailable, launch, newSession, openStandalone } from "./browser";
import { seriousViolations } from "./a11y";
import { SECTIONS, goToSection } from "./sections";
import { gridsToXlsx, monthlyRowsSheet } from "../generators";
import { writeFileSync } from "node:fs";

const available = e2eAvailable();
const SAMPLE = path.join(ROOT, "assets/sample/sample-zhku.xlsx");
async function openSample(page: Page): Promise<void> {
  await page.getByRole("button", { name: "Открыть пример" }).click();
  await page.getByTestId("notice").getByText("Открыта книга").waitFor({ timeout: 60_000 });
  await page.getByTestId("sheet-grid").waitFor({ timeout: 60_000 });
}

async function downloadResult(page: Page): Promise<string> {
  const [download] = await Promise.all([
    page.waitForEvent("download"),
    page.getByRole("button", { name: "Скачать результат" }).click(),
  ]);
  const file = path.join(RESULTS, download.suggestedFilename());
  await download.saveAs(file);
  return file;
}

describe.runIf(available)("standalone page", () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launch();
    mkdirSync(RESULTS, { recursive: true });
  });
  afterAll(async () => {
    await browser?.close();
  });

  it("opens the sample, shows its sheets in the grid and every section passes the accessibility check", async () => {
    const s = await newSession(browser);
    await openStandalone(s);
    await expect(s.page.getByRole("heading", { level: 1 }).textContent()).resolves.toBe(
      "Взыскание ЖКУ — работа с файлом",
    );
    await openSample(s.page);

    const sheetTabs = s.page.getByRole("tablist", { name: "Листы книги" }).getByRole("tab");
    await expect(sheetTabs.allInnerTexts()).resolves.toEqual([
      "ОСВ по лицевым счетам",
      "Судебная работа",
      "Реестр ИП от ОСП",
    ]);
    const grid = s.page.getByTestId("sheet-grid");
    // The first account of the sample ledger, as displayed (text, not a number).
    // (wait: the virtualiser renders rows once it has measured the scroll container)
    await grid.getByRole("gridcell", { name: "1010001", exact: true }).waitFor();
    await expect(grid.getByRole("gridcell", { name: "1010001", exact: true }).count()).resolves.toBe(1);
    await expect(
      grid.getByRole("gridcell", { name: "Оборотная ведомость по лицевым счетам" }).count(),
    ).resolves.toBeGreaterThan(0);

    for (const name of SECTIONS) {
      await goToSection(s.page, name);
      expect(await seriousViolations(s.page), name).toEqual([]);
      await s.page.screenshot({ path: path.join(RESULTS, `standalone-${SECTIONS.indexOf(name) + 1}.png`) });
    }
    // Every section is built now: «Сверка с ССП» offers its buttons (no «not ready» notice anywhere).
    await goToSection(s.page, "Сверка с ССП");
    await s.page.getByRole("tabpanel").getByRole("button", { name: "Распознать" }).waitFor();
    expect(await s.page.getByText("Раздел пока не готов").count()).toBe(0);

    // Other sheets open from the sheet tabs.
    await sheetTabs.filter({ hasText: "Реестр ИП от ОСП" }).click();
    await grid.getByRole("gridcell", { name: "4512/26/86004-ИП" }).waitFor();

    expect(s.errors).toEqual([]);
    expect(s.foreign).toEqual([]);
    await s.context.close();
  });

  it("checks the sample ledger, lists the planted problems, a click on one selects its cell in the grid", async () => {
    const s = await newSession(browser);
    await openStandalone(s);
    await openSample(s.page);
    await goToSection(s.page, "Проверка реестра");
    await s.page.getByRole("button", { name: "Проверить реестр" }).click();
    const findings = s.page.getByRole("table", { name: "Замечания" });
    await findings.waitFor({ timeout: 60_000 });
    // The sample's planted problems (test/fixtures/ledgers/sample.ts): H14 balance, B21 name, A31 duplicate, G38 amount.
    for (const cell of ["H14", "B21", "A31", "G38"]) {
      await expect(findings.getByRole("button", { name: cell, exact: true }).count()).resolves.toBeGreaterThan(0);
    }
    await findings.getByRole("button", { name: "G38", exact: true }).first().click();
    // G38 = row 38, column G (index 6), 0-based id cell-37-6.
    const target = s.page.locator("#cell-37-6");
    await s.page.locator("#cell-37-6[aria-selected='true']").waitFor();
    // The add-in's sheet «Проверка» appears among the sheets, and the ledger cell carries the error colour.
    await s.page.getByRole("tablist", { name: "Листы книги" }).getByRole("tab", { name: "Проверка" }).waitFor();
    await expect.poll(() => target.evaluate((el) => getComputedStyle(el).backgroundColor)).toBe("rgb(255, 199, 206)"); // #FFC7CE, the error mark
    expect(await seriousViolations(s.page)).toEqual([]);
    await s.page.screenshot({ path: path.join(RESULTS, "standalone-check.png") });

    // The mapping editor offers the detected column per concept (account = column A).
    await s.page.getByRole("button", { name: "Исправить столбцы" }).click();
    const accountSelect = s.page.getByRole("tabpanel").getByLabel("Лицевой счёт", { exact: true });
    await accountSelect.waitFor({ timeout: 30_000 });
    await expect(accountSelect.inputValue()).resolves.toBe("0");
    expect(await seriousViolations(s.page)).toEqual([]);

    const file = await downloadResult(s.page);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(readFileSync(file) as unknown as ArrayBuffer);
    expect(wb.worksheets.map((w) => w.name)).toContain("Проверка");
    expect(s.foreign).toEqual([]);
    await s.context.close();
  });

  it("lists court-order candidates from the sample; three go into «Реестр взыскания» and both sheets are in the download", async () => {
    const s = await newSession(browser);
    await openStandalone(s);
    await openSample(s.page);
    await goToSection(s.page, "Кандидаты на судебный приказ");
    const panel = s.page.getByRole("tabpanel");
    await panel.getByLabel("Дата расчёта").fill("2026-11-05");
    await panel.getByRole("button", { name: "Отобрать кандидатов" }).click();
    const table = panel.getByRole("table", { name: "Кандидаты на судебный приказ" });
    await table.waitFor({ timeout: 60_000 });
    const boxes = table.getByRole("checkbox", { name: /^Выбрать л\/с / });
    expect(await boxes.count()).toBeGreaterThanOrEqual(3);
    for (let i = 0; i < 3; i++) await boxes.nth(i).check();
    expect(await seriousViolations(s.page)).toEqual([]);
    await s.page.screenshot({ path: path.join(RESULTS, "standalone-candidates.png") });
    await panel.getByRole("button", { name: "Внести в реестр (3)" }).click();
    await panel.getByText("В «Реестр взыскания» добавлено строк: 3.").waitFor({ timeout: 60_000 });

    const file = await downloadResult(s.page);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(readFileSync(file) as unknown as ArrayBuffer);
    const names = wb.worksheets.map((w) => w.name);
    expect(names).toContain("Кандидаты");
    expect(names).toContain("Реестр взыскания");
    let registerRows = 0;
    wb.getWorksheet("Реестр взыскания")!.eachRow((row, n) => {
      if (n > 1 && row.getCell(2).text) registerRows++;
    });
    expect(registerRows).toBe(3);
    expect(s.foreign).toEqual([]);
    await s.context.close();
  });

  it("on a month-by-month ledger the candidates carry penalties and «Расчёт пени» writes one sheet per chosen account", async () => {
    // a generated «Карточка расчётов» (one row per account per month, 36 months to 10.2026): penalties can be computed
    const ledger = monthlyRowsSheet({ seed: 7, accounts: 40 });
    const file = path.join(RESULTS, "помесячный-реестр.xlsx");
    writeFileSync(file, await gridsToXlsx([ledger.grid]));
    const s = await newSession(browser);
    await openStandalone(s);
    await s.page.getByTestId("file-input").setInputFiles(file);
    await s.page.getByTestId("notice").getByText("Открыта книга").waitFor({ timeout: 60_000 });
    await goToSection(s.page, "Кандидаты на судебный приказ");
    const panel = s.page.getByRole("tabpanel");
    await panel.getByLabel("Дата расчёта").fill("2026-11-20");
    await panel.getByRole("button", { name: "Отобрать кандидатов" }).click();
    const table = panel.getByRole("table", { name: "Кандидаты на судебный приказ" });
    await table.waitFor({ timeout: 60_000 });
    // the totals line «Пени» is a positive amount on a ledger with months (no «пени не рассчитаны»)
    const penaltyTotal = await panel
      .getByText("Пени", { exact: true })
      .locator("xpath=following-sibling::*[1]")
      .innerText();
    expect(penaltyTotal).toMatch(/^[1-9][\d\u00a0 ]*,\d\d ₽$/);
    const boxes = table.getByRole("checkbox", { name: /^Выбрать л\/с / });
    const first = (await boxes.nth(0).getAttribute("aria-label"))!.replace("Выбрать л/с ", "");
    const second = (await boxes.nth(1).getAttribute("aria-label"))!.replace("Выбрать л/с ", "");
    await boxes.nth(0).check();
    await boxes.nth(1).check();
    await panel.getByRole("button", { name: "Расчёт пени на листы (2)" }).click();
    await panel.getByText("Расчёт пени записан на листы").waitFor({ timeout: 60_000 });
    const sheetTabs = s.page.getByRole("tablist", { name: "Листы книги" }).getByRole("tab");
    const tabs = await sheetTabs.allInnerTexts();
    expect(tabs).toContain(`Расчёт пени ${first}`);
    expect(tabs).toContain(`Расчёт пени ${second}`);
    expect(s.foreign).toEqual([]);
    await s.context.close();
  });

  it("keeps settings in the workbook: saved, downloaded, reopened — the requisites and thresholds are there", async () => {
    const s = await newSession(browser);
    await openStandalone(s);
    await openSample(s.page);
    await goToSection(s.page, "Настройки");
    const field = (label: string) => s.page.getByLabel(label, { exact: true });

    // A wrong check digit is refused with a message under the field (7704123451: the check digit must be 0).
    await field("ИНН").fill("7704123451");
    await s.page.getByRole("button", { name: "Сохранить в книге" }).click();
    await s.page.getByText("Исправьте поля, отмеченные красным").waitFor();
    await s.page
      .getByRole("tabpanel")
      .getByText(/контрольн/i)
      .first()
      .waitFor();

    const values: Record<string, string> = {
      Наименование: "ООО «УК «Северный квартал»»",
      ИНН: "7704123450",
      КПП: "770401001",
      ОГРН: "1027700123450",
      Адрес: "628160, г. Белоярский, ул. Лесная, д. 1",
      Банк: "ПАО Сбербанк",
      БИК: "044525225",
      "Расчётный счёт": "40702810938000012345",
      "Корреспондентский счёт": "30101810400000000225",
      "Цель взыскания в месяц, ₽": "750000",
    };
    for (const [label, value] of Object.entries(values)) await field(label).fill(value);
    await s.page.getByRole("button", { name: "Сохранить в книге" }).click();
    await s.page.getByText("Настройки сохранены в книге.").waitFor();

    const file = await downloadResult(s.page);
    await s.context.close();

    // A colleague opens the downloaded file in a fresh browser session.
    const s2 = await newSession(browser);
    await openStandalone(s2);
    await s2.page.getByTestId("file-input").setInputFiles(file);
    await s2.page.getByTestId("notice").getByText("Открыта книга").waitFor({ timeout: 60_000 });
    await goToSection(s2.page, "Настройки");
    const field2 = (label: string) => s2.page.getByLabel(label, { exact: true });
    await expect(field2("ИНН").inputValue()).resolves.toBe("7704123450");
    for (const [label, value] of Object.entries(values)) {
      const expected = label === "Цель взыскания в месяц, ₽" ? "750000.00" : value;
      await expect(field2(label).inputValue(), label).resolves.toBe(expected);
    }
    // Untouched thresholds keep the plan's defaults: multiple 2, 500 000 ₽, 12 months.
    await expect(field2("Кратность среднемесячного начисления").inputValue()).resolves.toBe("2");
    await expect(field2("Предел для судебного приказа, ₽").inputValue()).resolves.toBe("500000.00");
    await expect(field2("Период усреднения, месяцев").inputValue()).resolves.toBe("12");
    expect(s.foreign).toEqual([]);
    expect(s2.foreign).toEqual([]);
    await s2.context.close();
  });

  it("opens the bundled example by itself at the address `npm start` prints (standalone.html?sample=1)", async () => {
    const s = await newSession(browser);
    await s.page.goto(`${ORIGIN}/standalone.html?sample=1`);
    await s.page.getByTestId("notice").getByText("Открыта книга").waitFor({ timeout: 60_000 });
    const sheetTabs = s.page.getByRole("tablist", { name: "Листы книги" }).getByRole("tab");
    await expect(sheetTabs.allInnerTexts()).resolves.toEqual([
      "ОСВ по лицевым счетам",
      "Судебная работа",
      "Реестр ИП от ОСП",
    ]);
    expect(s.foreign).toEqual([]);
    await s.context.close();
  });

  it("opens a file dropped onto the page", async () => {
    const s = await newSession(browser);
    await openStandalone(s);
    const bytes = [...readFileSync(SAMPLE)];
    const dataTransfer = await s.page.evaluateHandle((data) => {
      const dt = new DataTransfer();
      dt.items.add(
        new File([new Uint8Array(data)], "реестр.xlsx", {
          type: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        }),
      );
      return dt;
    }, bytes);
    await s.page.locator("header").dispatchEvent("drop", { dataTransfer });
    await s.page.getByTestId("notice").getByText("Открыта книга «реестр.xlsx»").waitFor({ timeout: 60_000 });
    await expect(s.page.getByRole("tablist", { name: "Листы книги" }).getByRole("tab").count()).resolves.toBe(3);
    expect(s.foreign).toEqual([]);
    await s.context.close();
  });

  it("shows a 100 000-row sheet with only the visible rows in the page, and scrolls to the last row", async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("Большой реестр");
    ws.addRow(["Л/С", "ФИО", "Адрес", "Начислено", "Оплачено", "Долг"]);
    for (let i = 1; i <= 100_000; i++) {
      ws.addRow([
        String(2000000 + i),
        `Должник ${i}`,
        `ул. Тестовая, д. ${1 + (i % 90)}, кв. ${i % 300}`,
        5000 + (i % 700),
        4000,
        1000 + (i % 700),
      ]);
    }
    const buffer = Buffer.from(await wb.xlsx.writeBuffer());

    const s = await newSession(browser);
    await openStandalone(s);
    await s.page.getByTestId("file-input").setInputFiles({
      name: "большой.xlsx",
      mimeType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
      buffer,
    });
    await s.page.getByTestId("notice").getByText("Открыта книга").waitFor({ timeout: 120_000 });
    const grid = s.page.getByTestId("sheet-grid");
    await grid.getByRole("gridcell", { name: "2000001", exact: true }).waitFor({ timeout: 120_000 });
    await expect(grid.getAttribute("aria-rowcount")).resolves.toBe(String(100_001 + 1));
    // Virtualised: a screenful of rows in the DOM, not 100 001.
    expect(await grid.getByRole("row").count()).toBeLessThan(120);

    // Keyboard: Ctrl+End goes to the last cell, which scrolls into view.
    await grid.focus();
    await s.page.keyboard.press("Control+End");
    await grid.getByRole("gridcell", { name: "2100000", exact: true }).waitFor({ timeout: 30_000 });
    await expect(s.page.locator("#cell-100000-0").textContent()).resolves.toBe("2100000");
    expect(await grid.getByRole("row").count()).toBeLessThan(120);
    expect(s.foreign).toEqual([]);
    await s.context.close();
  });
});
