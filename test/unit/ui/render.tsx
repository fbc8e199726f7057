/**
 * A small rendering helper for the UI tests (jsdom): React's act + DOM queries by role text and label, and
 * typing into controlled inputs the way a user does (native value setter + input event).
 */
import { act, type ReactElement } from "react";
import { createRoot, type Root } from "react-dom/client";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";

(globalThis as unknown as { IS_REACT_ACT_ENVIRONMENT: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

export interface Rendered {
  container: HTMLElement;
  root: Root;
  unmount: () => void;
}

export async function render(ui: ReactElement): Promise<Rendered> {
  const container = document.createElement("div");
  document.body.appendChild(container);
  const root = createRoot(container);
  await act(async () => {
    root.render(<FluentProvider theme={webLightTheme}>{ui}</FluentProvider>);
  });
  return {
    container,
    root,
    unmount: () => {
      act(() => root.unmount());
      container.remove();
    },
  };
}

/** Lets pending promises and effects settle. */
export async function settle(times = 3): Promise<void> {
  for (let i = 0; i < times; i++) {
    await act(async () => {
      await new Promise((r) => setTimeout(r, 0));
    });
  }
}

export function byLabel(container: HTMLElement, text: string): HTMLInputElement {
  const label = [...container.querySelectorAll("label")].find((l) => l.textContent?.trim() === text);
  if (!label) throw new Error(`Нет поля с подписью «${text}»`);
  const input = container.ownerDocument.getElementById(label.htmlFor) as HTMLInputElement | null;
  if (!input) throw new Error(`Подпись «${text}» не связана с полем`);
  return input;
}

export function button(container: HTMLElement, name: string | RegExp): HTMLButtonElement {
  const all = [...container.querySelectorAll("button")];
  const found = all.find((b) =>
    typeof name === "string" ? b.textContent?.trim() === name : name.test(b.textContent ?? ""),
  );
  if (!found) throw new Error(`Нет кнопки «${String(name)}»; есть: ${all.map((b) => b.textContent).join(" | ")}`);
  return found;
}

export async function click(el: HTMLElement): Promise<void> {
  await act(async () => {
    el.click();
  });
}

export async function typeInto(input: HTMLInputElement, value: string): Promise<void> {
  const setter = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, "value")!.set!;
  await act(async () => {
    setter.call(input, value);
    input.dispatchEvent(new Event("input", { bubbles: true }));
  });
}

/** The validation message Fluent's Field shows under a control (linked by aria-describedby / aria-errormessage). */
export function messageFor(input: HTMLInputElement): string {
  const ids = `${input.getAttribute("aria-describedby") ?? ""} ${input.getAttribute("aria-errormessage") ?? ""}`
    .trim()
    .split(/\s+/);
  return ids
    .map((id) => (id ? (input.ownerDocument.getElementById(id)?.textContent ?? "") : ""))
    .filter(Boolean)
    .join(" ");
}
