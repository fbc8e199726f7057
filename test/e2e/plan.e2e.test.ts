/**
 * The standalone page in headless Chromium: on the bundled example «Подготовить отчёт за месяц» fills
 * «План мероприятий» (and its detail and history sheets) and draws measure 1's chart; the screenshot is kept in
 * test-results/ (never in tracked files) and no request leaves the page's origin.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { mkdirSync } from "node:fs";
import path from "node:path";
import type { Browser } from "playwright-core";
import { RESULTS, e2eAvailable, launch, newSession, openStandalone } from "./browser";

const available = e2eAvailable();

describe.runIf(available)("«План мероприятий» on the standalone page", () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launch();
    mkdirSync(RESULTS, { recursive: true });
  });
  afterAll(async () => {
    await browser?.close();
  });

  it("«Подготовить отчёт за месяц» fills the plan sheets and shows the chart", async () => {
    const s = await newSession(browser);
    await openStandalone(s);
    await s.page.getByRole("button", { name: "Открыть пример" }).click();
    await s.page.getByTestId("sheet-grid").waitFor({ timeout: 60_000 });
    await s.page.getByRole("tablist", { name: "Разделы" }).getByRole("tab", { name: "План мероприятий" }).click();
    await s.page.getByRole("heading", { level: 2, name: "План мероприятий" }).waitFor();
    await s.page.getByLabel("Отчётный месяц").fill("2026-02");
    await s.page.getByRole("button", { name: "Подготовить отчёт за месяц" }).click();
    const chart = s.page.getByTestId("plan-chart");
    await chart.waitFor({ timeout: 120_000 });
    await expect(chart.getAttribute("aria-label")).resolves.toContain("02.2026");
    const text = (await s.page.getByRole("region", { name: "Показатели за месяц" }).innerText()).replace(/\s+/g, " ");
    expect(text).toContain("61 782,90 ₽ (цель 700 000,00 ₽)");
    expect(text).toContain("не выполнено");
    const sheetTabs = s.page.getByRole("tablist", { name: "Листы книги" }).getByRole("tab");
    await expect(sheetTabs.allInnerTexts()).resolves.toEqual(
      expect.arrayContaining(["План мероприятий", "План — расшифровка", "План — динамика"]),
    );
    // the plan sheet in the grid and the chart in view
    await s.page
      .getByRole("tablist", { name: "Листы книги" })
      .getByRole("tab", { name: "План мероприятий", exact: true })
      .click();
    await chart.scrollIntoViewIfNeeded();
    await s.page.screenshot({ path: path.join(RESULTS, "standalone-plan.png") });
    await chart.screenshot({ path: path.join(RESULTS, "standalone-plan-chart.png") });
    expect(s.foreign).toEqual([]);
    expect(s.errors).toEqual([]);
    await s.context.close();
  }, 180_000);
});
