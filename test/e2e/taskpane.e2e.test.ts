/**
 * The taskpane page as it ships (production HTML with the Office CDN tag, served locally): outside Office it
 * boots and says so; in the old IE11/EdgeHTML webviews it shows the Russian message and the standalone link.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { mkdirSync } from "node:fs";
import path from "node:path";
import type { Browser } from "playwright-core";
import { OFFICE_JS_OWN_TELEMETRY, ORIGIN, RESULTS, e2eAvailable, launch, newSession } from "./browser";
import { seriousViolations } from "./a11y";

const available = e2eAvailable();

describe.runIf(available)("taskpane page", () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launch();
    mkdirSync(RESULTS, { recursive: true });
  });
  afterAll(async () => {
    await browser?.close();
  });

  it("boots outside Office (host null), says it runs outside Excel and shows every section at 320 px", async () => {
    const s = await newSession(browser, { width: 320, height: 900 });
    await s.page.goto(`${ORIGIN}/taskpane.html`);
    await s.page.waitForSelector("body[data-ready='outside']", { timeout: 30_000 });
    const notice = s.page.getByTestId("outside-excel");
    await notice.waitFor();
    await expect(notice.textContent()).resolves.toContain("Панель открыта вне Excel");
    await expect(notice.getByRole("link", { name: "Открыть автономную страницу" }).getAttribute("href")).resolves.toBe(
      "standalone.html",
    );
    // All six sections are reachable by keyboard: focus the selected tab, then arrow right through the list.
    await s.page.getByRole("tab", { name: "Проверка реестра" }).focus();
    const names = ["Кандидаты на судебный приказ", "Документы", "Сверка с ССП", "План мероприятий", "Настройки"];
    for (const name of names) {
      await s.page.keyboard.press("ArrowRight");
      await s.page.keyboard.press("Enter");
      await s.page.getByRole("heading", { level: 2, name }).waitFor();
      expect(await seriousViolations(s.page), name).toEqual([]);
    }
    // Nothing overflows the 320 px pane sideways.
    const scrollWidth = await s.page.evaluate(() => document.documentElement.scrollWidth);
    expect(scrollWidth).toBeLessThanOrEqual(320);

    await s.page.getByRole("tab", { name: "Проверка реестра" }).click();
    const shot = path.join(RESULTS, "taskpane-320.png");
    await s.page.screenshot({ path: shot, fullPage: true });

    expect(s.errors).toEqual([]);
    expect(s.foreign.filter((u) => u !== OFFICE_JS_OWN_TELEMETRY)).toEqual([]);
    await s.context.close();
  });

  for (const [label, ua] of [
    [
      "IE11 (Trident)",
      "Mozilla/5.0 (Windows NT 10.0; WOW64; Trident/7.0; .NET4.0C; .NET4.0E; ms-office; MSOffice 16) like Gecko",
    ],
    [
      "Edge Legacy (EdgeHTML)",
      "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/70.0.3538.102 Safari/537.36 Edge/18.19041",
    ],
  ] as const) {
    it(`in the ${label} webview shows the unsupported-version message with a link to the standalone page`, async () => {
      const s = await newSession(browser, { width: 320, height: 600, userAgent: ua });
      await s.page.goto(`${ORIGIN}/taskpane.html`);
      const alert = s.page.getByRole("alert");
      await alert.waitFor({ state: "visible", timeout: 30_000 });
      const text = (await alert.textContent()) ?? "";
      expect(text).toContain("Эта версия Excel не поддерживает панель надстройки");
      for (const v of ["Excel 2021", "Excel 2024", "Microsoft 365", "Excel в браузере", "Mac"])
        expect(text).toContain(v);
      await expect(alert.getByRole("link").getAttribute("href")).resolves.toBe("standalone.html");
      // The React app did not start over the message.
      await expect(s.page.locator("#root").count()).resolves.toBe(0);
      await s.page.screenshot({ path: path.join(RESULTS, `taskpane-legacy-${label.split(" ")[0]}.png`) });
      expect(s.foreign.filter((u) => u !== OFFICE_JS_OWN_TELEMETRY)).toEqual([]);
      await s.context.close();
    });
  }

  it("in a current Chromium webview does not show the unsupported-version message", async () => {
    const s = await newSession(browser, { width: 320, height: 600 });
    await s.page.goto(`${ORIGIN}/taskpane.html`);
    await s.page.waitForSelector("body[data-ready]", { timeout: 30_000 });
    await expect(s.page.locator("#legacy").isVisible()).resolves.toBe(false);
    await s.context.close();
  });
});
