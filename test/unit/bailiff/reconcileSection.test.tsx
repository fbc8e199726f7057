// @vitest-environment jsdom
/**
 * The taskpane's «Сверка с ССП» on the bundled example: «Распознать» names the register and its shape before the
 * run, «Сверить» writes the sheets and shows the counts, the «Требует решения» queue and the letters; a rejected
 * match is remembered in the workbook.
 */
import { afterEach, describe, expect, it } from "vitest";
import { readFileSync } from "node:fs";
import { AppContext, type AppEnvironment } from "../../../src/taskpane/context";
import { ReconcileSection } from "../../../src/taskpane/sections/ReconcileSection";
import { XlsxWorkbook } from "../../../src/workbook/xlsx/XlsxWorkbook";
import { OWN_SHEETS } from "../../../src/workbook/port";
import { RECONCILE_DECISIONS_KEY } from "../../../src/app/reconcile";
import { button, byLabel, click, render, settle, typeInto, type Rendered } from "../ui/render";

let view: Rendered | null = null;
afterEach(() => {
  view?.unmount();
  view = null;
});

async function until(check: () => boolean, tries = 200): Promise<void> {
  for (let i = 0; i < tries && !check(); i++) {
    await new Promise((r) => setTimeout(r, 25));
    await settle();
  }
}

describe("«Сверка с ССП» in the taskpane", () => {
  it("previews, reconciles the example, shows the queue and the letters, remembers a decision", async () => {
    const port = await XlsxWorkbook.fromArrayBuffer(readFileSync("assets/sample/sample-zhku.xlsx"));
    const env: AppEnvironment = { host: "standalone", port, workbookKey: "sample" };
    view = await render(
      <AppContext.Provider value={env}>
        <ReconcileSection />
      </AppContext.Provider>,
    );
    const c = view.container;
    await typeInto(byLabel(c, "Дата сверки"), "2026-11-30");
    await click(button(c, "Распознать"));
    await until(() => c.textContent!.includes("записей — 7"));
    expect(c.textContent).toContain("Реестр ИП от ОСП: список ОСП, таблица: строка на производство; записей — 7.");
    expect((await port.listSheets()).map((s) => s.name)).not.toContain(OWN_SHEETS.reconcile);

    await click(button(c, "Сверить"));
    await until(() => c.textContent!.includes("Письма в ОСП"));
    const text = c.textContent!.replace(/[\u00a0\u202f]/g, " ");
    expect(text).toContain("Оплачено напрямую1");
    expect(text).toContain("Требует решения1");
    expect(text).toContain("Не возбуждено1");
    expect(text).toContain("9120/26/86004-ИП");
    expect(text).toContain("Оплачено напрямую взыскателю.docx (1)");
    expect(text).toContain("Не возбуждено.docx (1)");
    expect((await port.listSheets()).map((s) => s.name)).toEqual(
      expect.arrayContaining([OWN_SHEETS.reconcile, OWN_SHEETS.reconcilePaid, OWN_SHEETS.reconcileLog]),
    );

    await click(button(c, "Отклонить"));
    await click(button(c, /Применить решения \(1\)/));
    await until(() => c.textContent!.includes("Решать нечего"));
    expect(c.textContent).toContain("Другой взыскатель2");
    expect((await port.readSettings())[RECONCILE_DECISIONS_KEY]).toEqual({
      "9120/26/86004-ИП|86004/26/51234": { decision: "reject" },
    });
  });
});
