/** Moving between the add-in's sections the way a keyboard user does (the same on the taskpane and the page). */
import type { Page } from "playwright-core";

export const SECTIONS = [
  "Проверка реестра",
  "Кандидаты на судебный приказ",
  "Документы",
  "Сверка с ССП",
  "План мероприятий",
  "Настройки",
];

/** Selects a section with the keyboard: focus the selected tab, arrow to the section, Enter. */
export async function goToSection(page: Page, name: string): Promise<void> {
  const nav = page.getByRole("tablist", { name: "Разделы" });
  const selected = nav.getByRole("tab", { selected: true });
  await selected.focus();
  // innerText: Fluent's Tab also holds a hidden copy of its label (to reserve the bold width).
  const current = SECTIONS.indexOf((await selected.innerText()).trim());
  if (current < 0) throw new Error(`Неизвестный раздел: ${await selected.innerText()}`);
  const target = SECTIONS.indexOf(name);
  for (let i = current; i < target; i++) await page.keyboard.press("ArrowRight");
  for (let i = current; i > target; i--) await page.keyboard.press("ArrowLeft");
  await page.keyboard.press("Enter");
  await page.getByRole("heading", { level: 2, name }).waitFor();
}
