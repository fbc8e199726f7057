// @vitest-environment jsdom
/**
 * The mapping editor: it preselects the detected columns, shows each column's header and first values, and
 * saves the user's correction in the workbook for that sheet (checkLedger reuses it on the next run).
 */
import { afterEach, describe, expect, it } from "vitest";
import { act } from "react";
import { AppContext } from "../../../src/taskpane/context";
import { MappingEditor } from "../../../src/taskpane/components/MappingEditor";
import { XlsxWorkbook } from "../../../src/workbook/xlsx/XlsxWorkbook";
import { readSavedMapping } from "../../../src/app/checkLedger";
import { button, click, render, settle, type Rendered } from "./render";

let view: Rendered | null = null;
afterEach(() => {
  view?.unmount();
  view = null;
});

function selectFor(container: HTMLElement, label: string): HTMLSelectElement {
  const l = [...container.querySelectorAll("label")].find((x) => x.textContent?.trim() === label);
  if (!l) throw new Error(`Нет поля «${label}»`);
  return container.ownerDocument.getElementById(l.htmlFor) as HTMLSelectElement;
}

describe("mapping editor", () => {
  it("preselects the detected columns and saves a correction for the sheet", async () => {
    const port = new XlsxWorkbook();
    const ws = port.workbook.addWorksheet("Долги");
    ws.addRow(["Лицевой счёт", "ФИО собственника", "Адрес помещения", "Начислено", "Оплачено", "Долг на конец"]);
    ws.addRow(["0012345", "Иванов Иван Иванович", "ул. Лесная, д. 4, кв. 1", 5000, 4000, 1000]);
    ws.addRow(["0012346", "Петров Пётр Петрович", "ул. Лесная, д. 4, кв. 2", 6000, 0, 6000]);
    let saved = 0;
    view = await render(
      <AppContext.Provider value={{ host: "standalone", port, workbookKey: "t" }}>
        <MappingEditor
          sheet="Долги"
          current={{ account: 0, name: 1, address: 2, charged: 3, paid: 4, closingDebt: 5 }}
          onSaved={() => saved++}
        />
      </AppContext.Provider>,
    );
    await settle(6);
    const c = view.container;
    const address = selectFor(c, "Адрес");
    expect(address.value).toBe("2");
    // Each option names the column, its header and the first values.
    const optionTexts = [...address.options].map((o) => o.textContent);
    expect(optionTexts).toContain("A · Лицевой счёт · 0012345, 0012346");
    expect(optionTexts[0]).toBe("— не использовать —");

    // The user says the address column is not to be used, then saves.
    await act(async () => {
      address.value = "";
      address.dispatchEvent(new Event("change", { bubbles: true }));
    });
    await click(button(c, "Сохранить и проверить заново"));
    await settle();
    expect(saved).toBe(1);
    const stored = await readSavedMapping(port, "Долги");
    expect(stored?.headerRow).toBe(1);
    expect(stored?.mapping.address).toBeUndefined();
    expect(stored?.mapping.account).toBe(0);

    await click(button(c, "Вернуть автоматическое распознавание"));
    await settle();
    expect(await readSavedMapping(port, "Долги")).toBeNull();
  });
});
