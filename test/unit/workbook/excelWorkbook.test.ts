/** Office.js adapter specifics: Russian errors from Excel, older requirement sets, few syncs per operation. */
import { describe, expect, it } from "vitest";
import ExcelJS from "exceljs";
import {
  ExcelWorkbook,
  mapExcelError,
  parseAddressList,
  toExcelInput,
} from "../../../src/workbook/excel/ExcelWorkbook";
import { XlsxWorkbook } from "../../../src/workbook/xlsx/XlsxWorkbook";
import { FakeExcelHost } from "../../fakes/excelFake";
import { ledgerWorkbook } from "../../contract/fixtures";
import { OWN_SHEETS } from "../../../src/workbook/port";

function setup(apiVersion?: string) {
  const wb = ledgerWorkbook();
  const host = new FakeExcelHost(wb, { apiVersion });
  const port = new ExcelWorkbook({ excel: host.Excel as never, isSetSupported: host.isSetSupported });
  return { wb, host, port };
}

describe("ExcelWorkbook (Office.js over the fake)", () => {
  it("turns Excel's AccessDenied on a protected sheet («You cannot perform the requested operation.») into the protected-sheet message", async () => {
    const { wb, port } = setup();
    await wb.getWorksheet("Начисления")!.protect("", {});
    await expect(
      port.markCells("Начисления", [{ sheet: "Начисления", row: 2, col: 1, severity: "error", note: "x" }]),
    ).rejects.toMatchObject({
      code: "protected",
      message: expect.stringContaining("Лист защищён"),
    });
    // the xlsx adapter refuses the same way
    await expect(new XlsxWorkbook(wb).markCells("Начисления", [])).rejects.toThrow("Лист защищён");
  });

  it("explains cell edit mode and payload errors in Russian", async () => {
    const { host, port } = setup();
    host.failAtSync(1, { code: "InvalidOperationInCellEditMode", message: "Excel is in cell-editing mode." });
    await expect(port.listSheets()).rejects.toThrow("режиме редактирования ячейки");
    expect((mapExcelError({ code: "RequestPayloadSizeLimitExceeded", message: "x" }) as Error).message).toContain(
      "Слишком большой объём",
    );
    // AccessDenied comes with a localized message naming neither a sheet nor protection: the code decides
    for (const message of ["You cannot perform the requested operation.", "Невозможно выполнить запрошенную операцию."])
      expect(mapExcelError({ code: "AccessDenied", message })).toMatchObject({
        code: "protected",
        message: expect.stringContaining("только для чтения"),
      });
  });

  it("works on ExcelApi 1.9: no notes (fill only), no merged areas", async () => {
    const { wb, port } = setup("1.9");
    const g = await port.readSheet("Начисления");
    expect(g.merges).toEqual([]);
    expect(g.text[2][0]).toBe("00123");
    await port.markCells("Начисления", [
      { sheet: "Начисления", row: 2, col: 1, severity: "error", note: "Сумма не сходится" },
    ]);
    const view = new XlsxWorkbook(wb);
    expect(view.fillColor("Начисления", 2, 1)).toBe("#FFC7CE");
    expect(view.noteText("Начисления", 2, 1)).toBeNull();
    await port.clearMarks("Начисления");
    expect(view.fillColor("Начисления", 2, 1)).toBeNull();
  });

  it("uses a small, fixed number of syncs for small operations", async () => {
    const { host, port } = setup();
    await port.readSheet("Начисления");
    expect(host.syncCount).toBe(2); // geometry + one block
    host.resetCounters();
    await port.writeOwnSheet({ name: OWN_SHEETS.check, rows: [["a", 1]] });
    expect(host.syncCount).toBe(4); // names + temp sheet, one block, swap
    host.resetCounters();
    await port.markCells(
      "Начисления",
      Array.from({ length: 50 }, (_, i) => ({
        sheet: "Начисления",
        row: i % 6,
        col: Math.floor(i / 6),
        severity: "warning" as const,
        note: `замечание ${i}`,
      })),
    );
    expect(host.syncCount).toBeLessThanOrEqual(3); // metadata, current fills/notes, paint
  });

  it("makes a new register sheet an Excel table (it has its own filter), header frozen", async () => {
    const { wb, host, port } = setup();
    await port.upsertTableRows(
      { sheet: OWN_SHEETS.register, columns: ["Ключ", "Статус"], key: "Ключ", ownColumns: ["Статус"] },
      [
        { Ключ: "k1", Статус: "новый" },
        { Ключ: "k2", Статус: "новый" },
      ],
    );
    // header + 2 rows × 2 columns → A1:B3
    expect(host.tablesOn(OWN_SHEETS.register)).toEqual([
      { name: "РеестрВзыскания", style: "TableStyleLight9", address: "A1:B3" },
    ]);
    expect(wb.getWorksheet(OWN_SHEETS.register)!.autoFilter).toBeFalsy();
    expect(wb.getWorksheet(OWN_SHEETS.register)!.views[0]).toMatchObject({ state: "frozen", ySplit: 1 });
  });

  it("gives the real text of a date Excel shows as ##### in a narrow column", async () => {
    const { host, port } = setup();
    // Excel's range.text is what fits the column: column D is too narrow for a date
    host.textOverride = (_sheet, _row, col, text) => (col === 3 && text ? "########" : text);
    const g = await port.readSheet("Начисления");
    expect(g.text[2][3]).toBe("15.03.2024");
    expect(g.text[0][3]).toBe("Дата оплаты"); // text cells are never "#####"-masked, only numbers
  });

  it("retries a block with fewer rows when the response turns out too large", async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("Данные");
    // 300 short rows, then 300 rows of 400 characters: the estimate from the first block is far too low
    for (let r = 0; r < 600; r++) ws.addRow([r < 300 ? `к${r}` : `${"длинный текст ".repeat(28)}${r}`, r]);
    const host = new FakeExcelHost(wb, { payloadLimit: 60_000 });
    const port = new ExcelWorkbook({
      excel: host.Excel as never,
      isSetSupported: host.isSetSupported,
      payloadTarget: 50_000,
    });
    const g = await port.readSheet("Данные");
    expect(g.values.length).toBe(600);
    expect(g.values[599][1]).toBe(599);
    expect(g.values[450][0]).toBe(`${"длинный текст ".repeat(28)}450`);
    expect(host.syncs.some((s) => s.rejected)).toBe(true);
    expect(host.syncs.filter((s) => !s.rejected).every((s) => s.responseBytes <= 60_000)).toBe(true);
  });

  it("writes strings so Excel keeps them as text", () => {
    expect(toExcelInput("00123", "General")).toBe("'00123");
    expect(toExcelInput("00123", "@")).toBe("'00123"); // the text format may not have reached the cell
    expect(toExcelInput("=1+1", "@")).toBe("'=1+1");
    expect(toExcelInput(null, "General")).toBe("");
    expect(toExcelInput(5, "General")).toBe(5);
  });

  it("keeps leading zeros where Excel applies a 1×1 column format to the first cell only (the broadcast is undocumented)", async () => {
    const { host, port, wb } = setup();
    host.formatBroadcast = false;
    const ids = ["0012345", "0000007", "00123", "0045600"];
    await port.writeOwnSheet({
      name: OWN_SHEETS.check,
      rows: [["Лицевой счёт", "Дата"], ...ids.map((id) => [id, "01.02.2024"])],
      columns: [{ format: "text" }, { format: "text" }],
    });
    const ws = wb.getWorksheet(OWN_SHEETS.check)!;
    expect(ids.map((_id, i) => ws.getCell(i + 2, 1).value)).toEqual(ids);
    expect(ws.getCell(5, 2).value).toBe("01.02.2024"); // not a date serial either
    // the metadata's JSON pieces stay text too
    expect(await port.readSettings()).toEqual({});
    await port.writeSettings({ inn: "0012345678" });
    expect(await port.readSettings()).toEqual({ inn: "0012345678" });
  });

  it("reads a ledger with over 512 merged areas, which Excel refuses to return: the values, and the header's merges", async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("Реестр");
    ws.getCell("A1").value = "Лицевой счёт";
    ws.mergeCells("A1:A2");
    ws.getCell("B1").value = "Начислено";
    ws.mergeCells("B1:C1");
    for (let r = 3; r <= 1300; r++) {
      ws.getCell(r, 1).value = `00${r}`;
      ws.getCell(r, 2).value = r * 10;
      ws.getCell(r, 4).value = `ул. Ленина, ${r}`;
      if (r % 2 === 1) ws.mergeCells(r, 4, r, 5); // 649 merged address cells further down
    }
    const host = new FakeExcelHost(wb);
    const port = new ExcelWorkbook({ excel: host.Excel as never, isSetSupported: host.isSetSupported });
    const g = await port.readSheet("Реестр");
    expect(g.values.length).toBe(1300);
    expect(g.values[1299][1]).toBe(13000);
    // the header's merges are there (read over the top rows), so the two-level header is still understood
    expect(g.merges).toEqual(
      expect.arrayContaining([
        { top: 0, left: 0, bottom: 1, right: 0 },
        { top: 0, left: 1, bottom: 0, right: 2 },
      ]),
    );
  });

  it("parses Excel's address lists", () => {
    expect(parseAddressList("Начисления!A1:A2,Начисления!B1:C1,'Лист 2'!D4")).toEqual([
      { top: 0, left: 0, bottom: 1, right: 0 },
      { top: 0, left: 1, bottom: 0, right: 2 },
      { top: 3, left: 3, bottom: 3, right: 3 },
    ]);
  });
});
