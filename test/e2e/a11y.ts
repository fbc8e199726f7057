import { AxeBuilder } from "@axe-core/playwright";
import type { Page } from "playwright-core";

/** Serious and critical axe violations on the page, as readable lines ("rule: target — message"). */
export async function seriousViolations(page: Page): Promise<string[]> {
  // Fluent's focus manager (tabster) adds aria-hidden focus-redirect <i data-tabster-dummy> elements; axe reports
  // them as aria-hidden-focus, a known false positive closed "by design" (microsoft/fluentui#27517, tabster#288).
  const result = await new AxeBuilder({ page })
    .exclude("[data-tabster-dummy]")
    .withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"])
    .analyze();
  return result.violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .flatMap((v) => v.nodes.slice(0, 3).map((n) => `${v.id}: ${n.target.join(" ")} — ${n.failureSummary ?? v.help}`));
}
