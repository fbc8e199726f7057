// @vitest-environment jsdom
/**
 * The taskpane's sections in jsdom: the settings form validates and saves into the workbook, sections whose
 * capability is missing say so, a long check shows progress and «Отмена» stops it.
 */
import { afterEach, describe, expect, it } from "vitest";
import { AppContext, type AppEnvironment } from "../../../src/taskpane/context";
import { Sections } from "../../../src/taskpane/App";
import { SettingsSection } from "../../../src/taskpane/sections/SettingsSection";
import { CheckSection } from "../../../src/taskpane/sections/CheckSection";
import { capabilities, type CheckReport } from "../../../src/taskpane/capabilities";
import { XlsxWorkbook } from "../../../src/workbook/xlsx/XlsxWorkbook";
import { loadSettings } from "../../../src/app/settings";
import { loadCandidateOptions } from "../../../src/app/candidateOptions";
import type { OperationOptions } from "../../../src/workbook/port";
import { button, byLabel, click, messageFor, render, settle, typeInto, type Rendered } from "./render";

let view: Rendered | null = null;
afterEach(() => {
  view?.unmount();
  view = null;
});

function withWorkbook(port: XlsxWorkbook | null, ui: React.ReactElement): React.ReactElement {
  const env: AppEnvironment = { host: "standalone", port, workbookKey: "test" };
  return <AppContext.Provider value={env}>{ui}</AppContext.Provider>;
}

function workbookWithLedger(): XlsxWorkbook {
  const port = new XlsxWorkbook();
  const ws = port.workbook.addWorksheet("Реестр");
  ws.addRow(["Л/С", "ФИО", "Долг"]);
  ws.addRow(["0012345", "Иванов И.И.", 1500]);
  return port;
}

describe("«Настройки»", () => {
  it("shows the plan's defaults, refuses a wrong ИНН with a message under the field, saves valid requisites in the workbook", async () => {
    const port = workbookWithLedger();
    view = await render(withWorkbook(port, <SettingsSection />));
    await settle();
    const c = view.container;
    expect(byLabel(c, "Кратность среднемесячного начисления").value).toBe("2");
    expect(byLabel(c, "Предел для судебного приказа, ₽").value).toBe("500000.00");
    expect(byLabel(c, "Цель взыскания в месяц, ₽").value).toBe("700000.00");
    expect(byLabel(c, "Период усреднения, месяцев").value).toBe("12");

    const inn = byLabel(c, "ИНН");
    await typeInto(inn, "7704123451"); // check digit must be 0 (see settings.test.ts)
    await click(button(c, "Сохранить в книге"));
    await settle();
    expect(c.textContent).toContain("Исправьте поля, отмеченные красным, — настройки не сохранены.");
    expect(inn.getAttribute("aria-invalid")).toBe("true");
    expect(messageFor(inn)).toMatch(/контрольн/);
    expect(await port.readSettings()).toEqual({});

    await typeInto(inn, "7704123450");
    await typeInto(byLabel(c, "Наименование"), "ООО «УК «Северный квартал»»");
    await typeInto(byLabel(c, "Цель взыскания в месяц, ₽"), "750 000");
    await click(button(c, "Сохранить в книге"));
    await settle();
    expect(c.textContent).toContain("Настройки сохранены в книге.");
    const saved = await loadSettings(port);
    expect(saved.claimant.inn).toBe("7704123450");
    expect(saved.claimant.name).toBe("ООО «УК «Северный квартал»»");
    expect(saved.thresholds.monthlyTarget).toBe(75_000_000);
  });

  it("keeps the candidate selection options in the workbook and refuses a minimal claim that is not an amount", async () => {
    const port = workbookWithLedger();
    view = await render(withWorkbook(port, <SettingsSection />));
    await settle();
    const c = view.container;
    const overdue = byLabel(c, "Считать только просроченный долг (месяцы, срок оплаты которых наступил)");
    expect((overdue as unknown as HTMLInputElement).checked).toBe(false);
    const minClaim = byLabel(c, "Минимальная сумма требования, ₽");
    await typeInto(minClaim, "пять тысяч");
    await click(button(c, "Сохранить в книге"));
    await settle();
    expect(messageFor(minClaim)).toContain("Введите сумму в рублях");
    expect(await port.readSettings()).toEqual({});

    await typeInto(minClaim, "5 000,50");
    await click(overdue);
    await click(button(c, "Сохранить в книге"));
    await settle();
    expect(c.textContent).toContain("Настройки сохранены в книге.");
    const saved = await loadCandidateOptions(port);
    expect(saved.minClaim).toBe(500_050);
    expect(saved.overdueOnly).toBe(true);
    expect(saved.mode).toBe("account");
    expect(saved.includeTimeBarred).toBe(false);
  });

  it("without an open workbook says where the settings would go instead of pretending to save", async () => {
    view = await render(withWorkbook(null, <SettingsSection />));
    await click(button(view.container, "Сохранить в книге"));
    await settle();
    expect(view.container.textContent).toContain("Откройте книгу, чтобы сохранить в ней настройки.");
  });
});

describe("sections", () => {
  it("lists the six sections as tabs; the ones not built yet say so plainly", async () => {
    view = await render(withWorkbook(null, <Sections />));
    const tabs = [...view.container.querySelectorAll("[role=tab]")].map((t) => t.id);
    expect(tabs).toEqual(["tab-check", "tab-candidates", "tab-documents", "tab-reconcile", "tab-plan", "tab-settings"]);
    await click(view.container.querySelector<HTMLElement>("#tab-reconcile")!);
    const panel = view.container.querySelector<HTMLElement>("#panel-reconcile")!;
    expect(panel.hidden).toBe(false);
    expect(panel.textContent).toContain("Сначала откройте книгу");
    expect(view.container.querySelector<HTMLElement>("#panel-check")!.hidden).toBe(true);
    await click(view.container.querySelector<HTMLElement>("#tab-plan")!);
    const plan = view.container.querySelector<HTMLElement>("#panel-plan")!.textContent ?? "";
    for (const where of [
      "«Кандидаты на судебный приказ»",
      "«Настройки»",
      "«Сверка с ССП»",
      "лист «План мероприятий»",
    ]) {
      expect(plan).toContain(where);
    }
  });

  it("«Проверка реестра» without a workbook asks to open one", async () => {
    view = await render(withWorkbook(null, <CheckSection />));
    expect(view.container.textContent).toContain("Сначала откройте книгу");
  });

  it("a long check shows a progress bar; «Отмена» aborts it and says so", async () => {
    const original = capabilities.checkLedger;
    let seenSignal: AbortSignal | undefined;
    capabilities.checkLedger = (_port, options: OperationOptions) =>
      new Promise<CheckReport>((_resolve, reject) => {
        seenSignal = options.signal;
        options.onProgress?.({ done: 20_000, total: 100_000, stage: "Проверка строк" });
        options.signal?.addEventListener("abort", () => reject(new DOMException("Отменено", "AbortError")));
      });
    try {
      view = await render(withWorkbook(workbookWithLedger(), <CheckSection />));
      await settle();
      await click(button(view.container, "Проверить реестр"));
      await settle();
      const bar = view.container.querySelector("[role=progressbar]");
      expect(bar?.getAttribute("aria-valuenow")).toBe("0.2");
      expect(view.container.textContent).toContain("Проверка строк 20 000 из 100 000");
      await click(button(view.container, "Отмена"));
      await settle();
      expect(seenSignal?.aborted).toBe(true);
      expect(view.container.textContent).toContain("Операция отменена.");
      expect(view.container.querySelector("[role=progressbar]")).toBeNull();
    } finally {
      capabilities.checkLedger = original;
    }
  });
});
