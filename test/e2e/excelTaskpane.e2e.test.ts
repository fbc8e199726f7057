/**
 * The taskpane inside Excel, as the clerk uses it: the production taskpane page at 320 px, booted by Office.js's
 * real Excel client library with a simulated Excel host behind it (excelHost/) that holds the bundled example
 * workbook — so every click goes through the port over Excel.run, the analysis worker and the real serializer, and
 * the test reads the workbook's cells, fills, notes and tables after each step. Each step passes the accessibility
 * check and leaves a screenshot in test-results/excel-taskpane/. Sync counts and the largest request per step are
 * printed; none may exceed 4 MB. No request leaves the page's origin, and no debtor data is in any URL or storage.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { mkdirSync, readFileSync } from "node:fs";
import path from "node:path";
import ExcelJS from "exceljs";
import { unzipSync } from "fflate";
import type { Browser, Page } from "playwright-core";
import { RESULTS, ROOT, e2eAvailable, launch } from "./browser";
import { seriousViolations } from "./a11y";
import { goToSection } from "./sections";
import { documentsWorkbook } from "./documentsWorkbook";
import { newExcelSession, openTaskpane, type ExcelSession } from "./excelHost/serve";
import { courtRegisterSheet, gridsToXlsx, turnoverSheet } from "../generators";
import { META_SHEET } from "../../src/workbook/common";
import { isOwnSheetName } from "../../src/workbook/port";

const available = e2eAvailable();
const SAMPLE = new Uint8Array(readFileSync(path.join(ROOT, "assets/sample/sample-zhku.xlsx")));
const SHOTS = path.join(RESULTS, "excel-taskpane");
const LEDGER = "ОСВ по лицевым счетам";
const MB4 = 4 * 1024 * 1024;
const INN = "7704123450";
const BIG_LEDGER = "ОСВ 100 000";
/** The sheets «Сверить» writes: the result and the three lists to hand over, and the record of runs. */
const RECONCILE_SHEETS = [
  "Сверка ССП",
  "Оплачено напрямую",
  "Повторное предъявление",
  "Не возбуждено",
  "Журнал сверок",
];

/** What each step cost in requests to Excel, printed at the end of the file. */
const traffic: { step: string; syncs: number; maxRequestBytes: number; maxResponseBytes: number }[] = [];

/** Counts the step's requests, checks the page, takes its screenshot; then resets the counters for the next step. */
async function step(s: ExcelSession, name: string): Promise<void> {
  const r = await s.host((h) => h.requests());
  traffic.push({
    step: name,
    syncs: r.syncs,
    maxRequestBytes: r.maxRequestBytes,
    maxResponseBytes: r.maxResponseBytes,
  });
  expect(r.maxRequestBytes, `${name}: largest request`).toBeLessThanOrEqual(MB4);
  expect(r.errors, `${name}: requests Excel refused`).toEqual([]);
  expect(await seriousViolations(s.page), name).toEqual([]);
  await s.page.screenshot({ path: path.join(SHOTS, `${String(traffic.length).padStart(2, "0")}-${name}.png`) });
  await s.host((h) => h.resetCounters());
}

/** The user's sheets (not the add-in's) with every non-empty cell. */
async function userCells(s: ExcelSession): Promise<Record<string, Record<string, unknown>>> {
  const names = (await s.host((h) => h.sheetNames())).filter((n) => n !== META_SHEET && !isOwnSheetName(n));
  const out: Record<string, Record<string, unknown>> = {};
  for (const name of names)
    out[name] = await s.page.evaluate(
      (sheet) =>
        (window as unknown as { zhkuExcelHost: { values(n: string): Record<string, unknown> } }).zhkuExcelHost.values(
          sheet,
        ),
      name,
    );
  return out;
}

function panel(page: Page) {
  return page.getByRole("tabpanel");
}

describe.runIf(available)("taskpane in Excel", () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launch();
    mkdirSync(SHOTS, { recursive: true });
  });
  afterAll(async () => {
    console.log("Запросы к Excel по шагам (синхронизации, самый большой запрос и ответ, байт):");
    console.table(traffic);
    await browser?.close();
  });

  it("the clerk's path on the bundled example: check, marks, candidates, register, settings, reconcile, plan", async () => {
    const s = await newExcelSession(browser, { workbook: SAMPLE });
    const page = s.page;
    await openTaskpane(page);
    // Excel mode: no «outside Excel» notice, the check offers its button
    await expect(page.getByTestId("outside-excel").count()).resolves.toBe(0);
    await page.getByRole("button", { name: "Проверить реестр" }).waitFor();
    const before = await userCells(s);
    await step(s, "open");

    // «Проверить реестр»: «Проверка» written, the planted problems marked with a fill and a note
    await page.getByRole("button", { name: "Проверить реестр" }).click();
    const findings = page.getByRole("table", { name: "Замечания" });
    await findings.waitFor({ timeout: 60_000 });
    expect(await s.host((h) => h.sheetNames())).toContain("Проверка");
    const fills = await s.host((h) => h.fills("ОСВ по лицевым счетам"));
    const notes = await s.host((h) => h.notes("ОСВ по лицевым счетам"));
    for (const cell of ["H14", "B21", "A31", "G38"]) {
      expect(fills[cell], cell).toMatch(/^#/);
      expect(notes[cell], cell).toBeTruthy();
    }
    expect(await s.host((h) => h.values("Проверка"))).toEqual(
      expect.objectContaining({ A1: expect.stringContaining("Проверка") }),
    );
    await step(s, "check");

    // a click on a finding selects its cell in the workbook
    await findings.getByRole("button", { name: "G38", exact: true }).first().click();
    await expect.poll(() => s.host((h) => h.selected())).toEqual({ sheet: LEDGER, address: "G38" });
    await step(s, "select-finding");

    // «Снять пометки» removes exactly the add-in's marks: the ledger's fills and notes are as before the check
    // (from the keyboard: the button focused, Enter)
    await page.getByRole("button", { name: "Снять пометки" }).focus();
    await page.keyboard.press("Enter");
    await page.getByText("Пометки надстройки сняты со всех листов.").waitFor();
    expect(Object.keys(await s.host((h) => h.fills("ОСВ по лицевым счетам")))).not.toEqual(
      expect.arrayContaining(["H14", "B21", "A31", "G38"]),
    );
    expect(await s.host((h) => h.notes("ОСВ по лицевым счетам"))).toEqual({});
    await step(s, "clear-marks");

    // Настройки: the claimant's requisites saved in the workbook
    await goToSection(page, "Настройки");
    const field = (label: string) => page.getByLabel(label, { exact: true });
    await field("Наименование").fill("ООО «УК «Северный квартал»»");
    await field("ИНН").fill(INN);
    await field("Цель взыскания в месяц, ₽").fill("750000");
    await page.getByRole("button", { name: "Сохранить в книге" }).click();
    await page.getByText("Настройки сохранены в книге.").waitFor();
    await step(s, "settings");

    // «Отобрать кандидатов» → «Кандидаты»; three of them «Внести в реестр» → rows in the «Реестр взыскания» table
    await goToSection(page, "Кандидаты на судебный приказ");
    await panel(page).getByLabel("Дата расчёта").fill("2026-11-05");
    await panel(page).getByRole("button", { name: "Отобрать кандидатов" }).click();
    const table = panel(page).getByRole("table", { name: "Кандидаты на судебный приказ" });
    await table.waitFor({ timeout: 60_000 });
    expect(await s.host((h) => h.sheetNames())).toContain("Кандидаты");
    await step(s, "candidates");
    const boxes = table.getByRole("checkbox", { name: /^Выбрать л\/с / });
    for (let i = 0; i < 3; i++) await boxes.nth(i).check();
    await panel(page).getByRole("button", { name: "Внести в реестр (3)" }).click();
    await panel(page).getByText("В «Реестр взыскания» добавлено строк: 3.").waitFor({ timeout: 60_000 });
    const registerTables = await s.host((h) => h.tables("Реестр взыскания"));
    expect(registerTables).toHaveLength(1);
    expect(registerTables[0].address).toMatch(/^A1:[A-Z]+4$/); // header + 3 rows
    await step(s, "register");

    // the clerk types into the register; the same three again add nothing and leave the typed cells alone
    const register = await s.host((h) => h.values("Реестр взыскания"));
    const typed = { address: "B3", value: "исправлено вручную" };
    await page.evaluate(
      ({ address, value }) =>
        (
          window as unknown as { zhkuExcelHost: { setCell(s: string, a: string, v: string): void } }
        ).zhkuExcelHost.setCell("Реестр взыскания", address, value),
      typed,
    );
    for (let i = 0; i < 3; i++) await boxes.nth(i).check();
    await panel(page).getByRole("button", { name: "Внести в реестр (3)" }).click();
    await panel(page).getByText("В «Реестр взыскания» добавлено строк: 0").waitFor({ timeout: 60_000 });
    const registerAgain = await s.host((h) => h.values("Реестр взыскания"));
    expect(registerAgain).toEqual({ ...register, [typed.address]: typed.value });
    expect((await s.host((h) => h.tables("Реестр взыскания")))[0].address).toBe(registerTables[0].address);
    await step(s, "register-rerun");

    // «Сверка с ССП»: the example's bailiff register sheet reconciled
    await goToSection(page, "Сверка с ССП");
    await panel(page).getByLabel("Дата сверки").fill("2026-11-30");
    await panel(page).getByRole("button", { name: "Распознать" }).click();
    await panel(page)
      .getByText(/записей — 7/)
      .waitFor({ timeout: 60_000 });
    await panel(page).getByRole("button", { name: "Сверить" }).click();
    await panel(page).getByText("Письма в ОСП").waitFor({ timeout: 120_000 });
    expect(await s.host((h) => h.sheetNames())).toEqual(expect.arrayContaining(RECONCILE_SHEETS));
    await step(s, "reconcile");

    // «Подготовить отчёт за месяц»: the plan sheets and the chart
    await goToSection(page, "План мероприятий");
    await page.getByLabel("Отчётный месяц").fill("2026-02");
    await page.getByRole("button", { name: "Подготовить отчёт за месяц" }).click();
    await page.getByTestId("plan-chart").waitFor({ timeout: 120_000 });
    expect(await s.host((h) => h.sheetNames())).toEqual(
      expect.arrayContaining(["План мероприятий", "План — расшифровка", "План — динамика"]),
    );
    const plan = await s.host((h) => h.values("План мероприятий"));
    expect(Object.values(plan).join(" ")).toContain("Факт за");
    // «План — динамика» carries a native line chart: the month's fact against the target, two series
    const charts = await s.host((h) => h.charts("План — динамика"));
    expect(charts).toHaveLength(1);
    expect(charts[0].type).toMatch(/^Line/);
    expect(charts[0].series).toHaveLength(2);
    for (const series of charts[0].series) expect(series.values).toMatch(/^'План — динамика'!/);
    // ready to print: A4 landscape, one page wide, the header rows on every page
    expect(await s.host((h) => h.pageSetup("План мероприятий"))).toMatchObject({
      paperSize: 9,
      orientation: "landscape",
      fitToWidth: 1,
      printTitlesRow: expect.stringMatching(/^\d+:\d+$/),
    });
    await step(s, "monthly-run");

    // The user's sheets kept every value, the add-in wrote only its own sheets
    expect(await userCells(s)).toEqual(before);

    // Settings read back from the workbook: the file closed and opened again, the pane shows what was saved
    const saved = Buffer.from(await s.host((h) => h.save()), "base64");
    const again = await newExcelSession(browser, { workbook: new Uint8Array(saved) });
    await openTaskpane(again.page);
    await goToSection(again.page, "Настройки");
    await expect(again.page.getByLabel("ИНН", { exact: true }).inputValue()).resolves.toBe(INN);
    await expect(again.page.getByLabel("Цель взыскания в месяц, ₽", { exact: true }).inputValue()).resolves.toBe(
      "750000.00",
    );

    // Nothing left the page; no account, debtor or ИНН in any URL, in web storage or in cookies
    for (const session of [s, again]) {
      expect(session.foreign).toEqual([]);
      expect(session.errors).toEqual([]);
      const stored = await session.page.evaluate(async () => ({
        local: JSON.stringify({ ...localStorage }),
        session: JSON.stringify({ ...sessionStorage }),
        cookies: document.cookie,
        databases: (await indexedDB.databases?.())?.map((d) => d.name) ?? [],
      }));
      const everything = [...session.urls, JSON.stringify(stored)].join("\n");
      for (const secret of ["1010001", INN, "Северный квартал"]) expect(everything).not.toContain(secret);
    }
    await again.context.close();
    await s.context.close();
  }, 300_000);

  it("«Сверка с ССП» from a register pasted into the box: detected, reconciled, the lists written", async () => {
    // the example's bailiff register as the clipboard holds it after a copy from a sheet or the FSSP site: cells
    // separated by tabs, a multi-line cell in quotes
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(SAMPLE as unknown as ArrayBuffer);
    const lines: string[] = [];
    wb.getWorksheet("Реестр ИП от ОСП")!.eachRow({ includeEmpty: true }, (row) => {
      const cells: string[] = [];
      for (let c = 1; c <= row.cellCount; c++) {
        const text = row.getCell(c).text;
        cells.push(/[\t\n"]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text);
      }
      lines.push(cells.join("\t"));
    });
    const s = await newExcelSession(browser, { workbook: SAMPLE });
    const page = s.page;
    await openTaskpane(page);
    await s.host((h) => h.resetCounters());
    await goToSection(page, "Сверка с ССП");
    await panel(page).getByLabel("Откуда взять реестр").selectOption({ label: "Вставить в поле" });
    const box = panel(page).getByLabel("Реестр исполнительных производств (скопируйте таблицу и вставьте сюда)");
    await box.focus();
    await page.keyboard.insertText(lines.join("\n"));
    await panel(page).getByLabel("Дата сверки").fill("2026-11-30");
    await panel(page).getByRole("button", { name: "Распознать" }).click();
    await panel(page)
      .getByText(/записей — 7/)
      .waitFor({ timeout: 60_000 });
    await step(s, "paste-detected");
    await panel(page).getByRole("button", { name: "Сверить" }).click();
    await panel(page).getByText("Письма в ОСП").waitFor({ timeout: 120_000 });
    const names = await s.host((h) => h.sheetNames());
    expect(names).toEqual(expect.arrayContaining(RECONCILE_SHEETS));
    // every pasted proceeding is on «Сверка ССП»
    const summary = Object.values(await s.host((h) => h.values("Сверка ССП"))).join("\n");
    for (const ip of ["4512/26/86004-ИП", "9034/25/86004-ИП", "7781/26/86004-ИП"]) expect(summary).toContain(ip);
    await step(s, "paste-reconciled");
    expect(s.foreign).toEqual([]);
    expect(s.errors).toEqual([]);
    await s.context.close();
  });

  it("«Документы» for three register rows: the applications, receipts and letter to download; the register shows the date sent", async () => {
    const s = await newExcelSession(browser, { workbook: await documentsWorkbook() });
    const page = s.page;
    await openTaskpane(page);
    await s.host((h) => h.resetCounters());
    const before = await s.host((h) => h.values("Реестр взыскания"));
    await goToSection(page, "Документы");
    await panel(page).getByRole("radio", { name: "Строки реестра" }).check();
    await panel(page)
      .getByRole("textbox", { name: /Строки реестра/ })
      .fill("1-3");
    await panel(page).getByRole("button", { name: "Проверить" }).click();
    await panel(page).getByText("Строка 3: л/с 0004, Сидорова Мария Олеговна").waitFor({ timeout: 60_000 });
    await panel(page).getByRole("button", { name: "Сформировать" }).click();
    await panel(page).getByText("Документы готовы.").waitFor({ timeout: 120_000 });
    await step(s, "documents");
    const [download] = await Promise.all([
      page.waitForEvent("download"),
      panel(page).getByRole("button", { name: "Скачать всё (.zip)" }).click(),
    ]);
    const zipPath = path.join(SHOTS, download.suggestedFilename());
    await download.saveAs(zipPath);
    const files = Object.keys(unzipSync(new Uint8Array(readFileSync(zipPath))));
    expect(files.filter((f) => f.startsWith("Заявление_0"))).toEqual([
      "Заявление_0001_Иванов.docx",
      "Заявление_0002_Орлов.docx",
      "Заявление_0004_Сидорова.docx",
    ]);
    expect(files.some((f) => f.startsWith("Квитанции_ПД-4_"))).toBe(true);
    // the register in the workbook: the clerk's cells as they were, the date sent and «да» added in three rows
    const after = await s.host((h) => h.values("Реестр взыскания"));
    for (const [address, value] of Object.entries(before)) expect(after[address], address).toEqual(value);
    const added = Object.entries(after).filter(([address]) => !(address in before));
    expect(added.filter(([, v]) => v === "да")).toHaveLength(3);
    expect(s.foreign).toEqual([]);
    expect(s.errors).toEqual([]);
    await s.context.close();
  });

  it("a 100 000-account ledger: progress shows, «Отмена» stops the check with the workbook consistent, then it runs through", async () => {
    const ledger = turnoverSheet({
      accounts: 100_000,
      seed: 2026,
      sheet: BIG_LEDGER,
      defects: { "account.duplicate": 1, "balance.mismatch": 2 },
    });
    const register = courtRegisterSheet({ model: ledger.model, cases: 40, sheet: "Судебная работа" });
    const workbook = await gridsToXlsx([ledger.grid, register.grid]);
    const s = await newExcelSession(browser, { workbook, height: 1000 });
    const page = s.page;
    await openTaskpane(page);
    await s.host((h) => h.resetCounters());
    const sheetsBefore = await s.host((h) => h.sheetNames());
    const check = panel(page);

    // «Отмена» while the sheet is being read: nothing of the add-in's appears in the workbook
    await check.getByRole("button", { name: "Проверить реестр" }).click();
    await check.getByRole("progressbar").waitFor({ timeout: 60_000 });
    await page.screenshot({ path: path.join(SHOTS, "big-progress.png") });
    await check.getByRole("button", { name: "Отмена" }).click();
    await check.getByText("Операция отменена.").waitFor({ timeout: 60_000 });
    await expect(check.getByRole("progressbar").count()).resolves.toBe(0);
    const afterCancel = await s.host((h) => h.sheetNames());
    // no half-written sheet: at most the add-in's hidden metadata sheet, never «Проверка» or a «(запись…)» sheet
    expect(afterCancel.filter((n) => !sheetsBefore.includes(n) && n !== META_SHEET)).toEqual([]);
    expect(Object.keys(await s.host((h) => h.fills("ОСВ 100 000")))).toEqual([]);
    await step(s, "big-cancel");

    // run again, to the end: the three planted errors, marked, and «Проверка» written
    await check.getByRole("button", { name: "Проверить реестр" }).click();
    const summary = check.getByRole("region", { name: "Итоги проверки" });
    await summary.waitFor({ timeout: 240_000 });
    await summary.getByText(/^Строк с данными: 100 000,/).waitFor();
    await summary.getByText("Ошибки: 3").waitFor();
    const planted = ledger.defects.map((d) => d.cell).sort();
    expect(Object.keys(await s.host((h) => h.fills("ОСВ 100 000"))).sort()).toEqual(planted);
    expect(await s.host((h) => h.sheetNames())).toContain("Проверка");
    await step(s, "big-check");

    // the candidates on the same ledger
    await goToSection(page, "Кандидаты на судебный приказ");
    await panel(page).getByLabel("Дата расчёта").fill("2026-11-05");
    await panel(page).getByRole("button", { name: "Отобрать кандидатов" }).click();
    await panel(page).getByRole("table", { name: "Кандидаты на судебный приказ" }).waitFor({ timeout: 240_000 });
    await step(s, "big-candidates");
    expect(s.foreign).toEqual([]);
    expect(s.errors).toEqual([]);
    await s.context.close();
  }, 600_000);

  for (const trouble of [
    {
      name: "the ledger sheet is protected",
      code: "AccessDenied",
      message: "Лист защищён от изменений",
      arrange: (s: ExcelSession) => s.host((h) => h.protect("ОСВ по лицевым счетам")),
    },
    {
      name: "a cell is in edit mode",
      code: "InvalidOperationInCellEditMode",
      message: "Excel в режиме редактирования ячейки",
      // Excel refuses every request while the clerk edits a cell: from the fourth request of the check on
      arrange: (s: ExcelSession) =>
        s.host((h) =>
          h.failAtSync(
            4,
            "InvalidOperationInCellEditMode",
            "Excel is in cell-editing mode. Please exit the edit mode.",
            50,
          ),
        ),
    },
  ])
    it(`an Excel error mid-run (${trouble.name}) shows the Russian message and leaves the user's sheets untouched`, async () => {
      const s = await newExcelSession(browser, { workbook: SAMPLE });
      await openTaskpane(s.page);
      const before = await userCells(s);
      await trouble.arrange(s);
      await s.page.getByRole("button", { name: "Проверить реестр" }).click();
      const alert = s.page.getByRole("tabpanel").getByText(trouble.message);
      await alert.waitFor({ timeout: 60_000 });
      expect(await seriousViolations(s.page)).toEqual([]);
      await s.page.screenshot({ path: path.join(SHOTS, `error-${trouble.code}.png`) });
      expect(await userCells(s)).toEqual(before);
      expect(Object.keys(await s.host((h) => h.fills("ОСВ по лицевым счетам")))).toEqual([]);
      expect(await s.host((h) => h.notes("ОСВ по лицевым счетам"))).toEqual({});
      expect((await s.host((h) => h.requests())).errors).toContain(trouble.code);
      expect(s.errors).toEqual([]);
      await s.context.close();
    });

  it("in Excel without worksheet notes (ExcelApi 1.17) the pane says so and «Проверка» explains the fills", async () => {
    const s = await newExcelSession(browser, { workbook: SAMPLE, apiVersion: "1.17" });
    await openTaskpane(s.page);
    await s.page.getByRole("button", { name: "Проверить реестр" }).click();
    await s.page.getByRole("table", { name: "Замечания" }).waitFor({ timeout: 60_000 });
    await s.page.getByText("Эта версия Excel не показывает примечания к ячейкам").waitFor();
    expect(await s.host((h) => h.notes("ОСВ по лицевым счетам"))).toEqual({});
    expect(Object.keys(await s.host((h) => h.fills("ОСВ по лицевым счетам")))).toContain("H14");
    const sheet = Object.values(await s.host((h) => h.values("Проверка"))).join("\n");
    expect(sheet).toContain("Светло-красная");
    expect(sheet).toContain("ошибка");
    await s.page.screenshot({ path: path.join(SHOTS, "no-notes.png") });
    await s.context.close();
  });
});
