// @vitest-environment jsdom
/**
 * The taskpane's «План мероприятий» on the bundled example: «Подготовить отчёт за месяц» runs the month's routine,
 * writes the plan sheets and shows the steps, the indicators and the chart of measure 1 against the target.
 */
import { afterEach, describe, expect, it } from "vitest";
import { readFileSync } from "node:fs";
import { AppContext, type AppEnvironment } from "../../../src/taskpane/context";
import { PlanSection } from "../../../src/taskpane/sections/PlanSection";
import { XlsxWorkbook } from "../../../src/workbook/xlsx/XlsxWorkbook";
import { OWN_SHEETS } from "../../../src/workbook/port";
import { button, byLabel, click, render, settle, typeInto, type Rendered } from "../ui/render";

let view: Rendered | null = null;
afterEach(() => {
  view?.unmount();
  view = null;
});

async function until(check: () => boolean, tries = 200): Promise<void> {
  for (let i = 0; i < tries && !check(); i++) await settle();
  await new Promise((r) => setTimeout(r, 20));
}

describe("«План мероприятий» in the taskpane", () => {
  it("February 2026 on the example: four steps, the plan sheets, 61 782,90 ₽ against 700 000 ₽ and a chart", async () => {
    const port = await XlsxWorkbook.fromArrayBuffer(readFileSync("assets/sample/sample-zhku.xlsx"));
    const env: AppEnvironment = { host: "standalone", port, workbookKey: "sample" };
    view = await render(
      <AppContext.Provider value={env}>
        <PlanSection />
      </AppContext.Provider>,
    );
    const c = view.container;
    await typeInto(byLabel(c, "Отчётный месяц"), "2026-02");
    await click(button(c, "Подготовить отчёт за месяц"));
    for (let i = 0; i < 100 && !c.querySelector("[data-testid=plan-chart]"); i++) {
      await new Promise((r) => setTimeout(r, 50));
      await settle();
    }
    await until(() => c.textContent!.includes("Что сделано"));
    const text = c.textContent!.replace(/[\u00a0\u202f]/g, " ");
    expect(text).toContain("Проверка реестра: лист «ОСВ по лицевым счетам»");
    expect(text).toContain("Сверка с ССП: реестр «Реестр ИП от ОСП»");
    expect(text).toContain(
      "1.2 Сумма требований по поданным заявлениям (долг + пени): 61 782,90 ₽ (цель 700 000,00 ₽)",
    );
    expect(text).toContain("не выполнено");
    const chart = c.querySelector("[data-testid=plan-chart]")!;
    expect(chart.getAttribute("aria-label")).toContain("02.2026 — 62");
    expect(chart.querySelectorAll("rect[data-month]")).toHaveLength(1);
    const names = (await port.listSheets()).map((s) => s.name);
    expect(names).toEqual(expect.arrayContaining([OWN_SHEETS.plan, OWN_SHEETS.planDetail, OWN_SHEETS.planHistory]));
  });
});
