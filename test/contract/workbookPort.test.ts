/**
 * The contract: every WorkbookPort operation behaves the same over ExcelJS (xlsx) and over Office.js (the fake
 * Excel host), on the same fixtures. Expected values are worked out by hand in the comments.
 */
import { describe, expect, it } from "vitest";
import ExcelJS from "exceljs";
import { ADAPTERS, NBSP, ledgerWorkbook } from "./fixtures";
import { XlsxWorkbook } from "../../src/workbook/xlsx/XlsxWorkbook";
import { OWN_SHEETS, type TableSpec } from "../../src/workbook/port";
import { META_SHEET } from "../../src/workbook/common";

const REGISTER: TableSpec = {
  sheet: OWN_SHEETS.register,
  columns: ["Ключ", "Лицевой счёт", "Сумма", "Статус", "Комментарий"],
  key: "Ключ",
  ownColumns: ["Статус"],
  formats: { "Лицевой счёт": "text", Сумма: "money" },
};

describe.each(ADAPTERS)("WorkbookPort contract: %s", (_name, make) => {
  it("lists sheets with used-range sizes and hides its metadata sheet", async () => {
    const { port } = make(ledgerWorkbook());
    // «Начисления» uses A1:E6 → 6 rows × 5 columns; «Пусто» has nothing
    expect(await port.listSheets()).toEqual([
      { name: "Начисления", rows: 6, columns: 5, ownedByAddin: false, visible: true },
      { name: "Пусто", rows: 0, columns: 0, ownedByAddin: false, visible: true },
    ]);
  });

  it("reads values, displayed text and formats as the user sees them", async () => {
    const { port } = make(ledgerWorkbook());
    const g = await port.readSheet("Начисления");
    expect([g.top, g.left, g.values.length, g.values[0].length]).toEqual([0, 0, 6, 5]);
    // merged two-level header: masters carry the text, the rest of a merged area is empty
    expect(g.values[0]).toEqual(["Лицевой счёт", "Начислено", null, "Дата оплаты", "Примечание"]);
    expect(g.values[1]).toEqual([null, "январь 2024", "февраль 2024", null, null]);
    expect([...(g.merges ?? [])].sort((a, b) => a.left - b.left)).toEqual([
      { top: 0, left: 0, bottom: 1, right: 0 },
      { top: 0, left: 1, bottom: 0, right: 2 },
      { top: 0, left: 3, bottom: 1, right: 3 },
      { top: 0, left: 4, bottom: 1, right: 4 },
    ]);
    // identifiers keep leading zeros (text format "@")
    expect(g.values[2][0]).toBe("00123");
    expect(g.text[2][0]).toBe("00123");
    expect(g.numberFormat[2][0]).toBe("@");
    // money: 1234.5 with "#,##0.00" shows "1 234,50" (no-break space groups, comma decimals)
    expect(g.values[2][1]).toBe(1234.5);
    expect(g.text[2][1]).toBe(`1${NBSP}234,50`);
    expect(g.text[2][2]).toBe("0,00");
    // dates arrive as serials: 2024-01-01 = 45292 (44927 = 2023-01-01, + 365); 15 March = +31 +29 +14 → 45366
    expect(g.values[2][3]).toBe(45366);
    expect(g.text[2][3]).toBe("15.03.2024");
    // a user's text that looks like a formula stays text
    expect(g.values[2][4]).toBe("=1+1");
    // the empty row 4 is all empty
    expect(g.values[3]).toEqual([null, null, null, null, null]);
    expect(g.text[3]).toEqual(["", "", "", "", ""]);
    // localised format code "# ##0,00": 25430.12 → "25 430,12"; negative money "-100,00"
    expect(g.text[4][1]).toBe(`25${NBSP}430,12`);
    expect(g.text[4][2]).toBe("-100,00");
    // built-in short date (ExcelJS "mm-dd-yy") shows as the Russian short date: 2023-12-31 = 45292 − 1 = 45291
    expect(g.values[4][3]).toBe(45291);
    expect(g.text[4][3]).toBe("31.12.2023");
    expect(g.values[4][4]).toBe(true);
    expect(g.text[4][4]).toBe("ИСТИНА");
    // a number identifier in General; a formula's cached result 1234.5 + 25430.12 = 26664.62
    expect(g.text[5][0]).toBe("1020034");
    expect(g.values[5][1]).toBe(26664.62);
    expect(g.text[5][1]).toBe(`26${NBSP}664,62`);
    // serial 45000 = 44927 + 73 → 31 (Jan) + 28 (Feb) + 14 → 15.03.2023
    expect(g.text[5][3]).toBe("15.03.2023");
  });

  it("reads a given range and an empty sheet", async () => {
    const { port } = make(ledgerWorkbook());
    const g = await port.readSheet("Начисления", { range: "B3:C5" });
    expect([g.top, g.left]).toEqual([2, 1]);
    expect(g.values).toEqual([
      [1234.5, 0],
      [null, null],
      [25430.12, -100],
    ]);
    const empty = await port.readSheet("Пусто");
    expect(empty.values).toEqual([]);
  });

  it("reports a missing sheet in Russian", async () => {
    const { port } = make(ledgerWorkbook());
    await expect(port.readSheet("Нет такого")).rejects.toThrow("Лист «Нет такого» не найден");
    await expect(port.readSheet("Нет такого", { range: "A1:B2" })).rejects.toThrow("Лист «Нет такого» не найден");
  });

  it("writes an own sheet, marks it as the add-in's and replaces it on rerun", async () => {
    const { port, workbook } = make(ledgerWorkbook());
    await port.writeOwnSheet({
      name: OWN_SHEETS.check,
      rows: [
        ["Лист", "Ячейка", "Сумма", "Дата", "Переход"],
        [
          "Начисления",
          "A3",
          { kind: "money", kopecks: 123456 },
          { kind: "date", date: "2024-03-15" },
          { kind: "link", text: "A3", sheet: "Начисления", address: "A3" },
        ],
        ["00123", 7, null, true, "-5"],
      ],
      columns: [{ format: "text", width: 20 }, {}, { format: "money" }, { format: "date" }, {}],
      headerRows: [0],
      freezeRows: 1,
    });
    const sheets = await port.listSheets();
    expect(sheets.find((s) => s.name === OWN_SHEETS.check)).toMatchObject({ rows: 3, columns: 5, ownedByAddin: true });
    const g = await port.readSheet(OWN_SHEETS.check);
    // 123456 kopecks = 1 234,56 ₽; 2024-03-15 = serial 45366 (see above)
    expect(g.values[1]).toEqual(["Начисления", "A3", 1234.56, 45366, "A3"]);
    expect(g.text[1]).toEqual(["Начисления", "A3", `1${NBSP}234,56`, "15.03.2024", "A3"]);
    expect(g.values[2]).toEqual(["00123", 7, null, true, "-5"]);
    expect(g.text[2][0]).toBe("00123");
    // the link is our only formula
    const own = workbook.getWorksheet(OWN_SHEETS.check)!;
    expect(own.getCell("E2").formula).toBe(`HYPERLINK("#'Начисления'!A3","A3")`);
    expect(own.getCell("E3").type).not.toBe(ExcelJS.ValueType.Formula);

    // rerun with fewer rows: the old output is gone completely
    await port.writeOwnSheet({ name: OWN_SHEETS.check, rows: [["Ошибок нет"]] });
    const again = await port.readSheet(OWN_SHEETS.check);
    expect(again.values).toEqual([["Ошибок нет"]]);
    // the user's sheets are untouched
    const ledger = await port.readSheet("Начисления");
    expect(ledger.values[2][0]).toBe("00123");
  });

  it("refuses to write into a user's sheet that has an own-sheet name", async () => {
    const wb = ledgerWorkbook();
    wb.addWorksheet(OWN_SHEETS.check).getCell("A1").value = "мои заметки";
    const { port } = make(wb);
    await expect(port.writeOwnSheet({ name: OWN_SHEETS.check, rows: [["x"]] })).rejects.toThrow(
      /создан не надстройкой.*Переименуйте/,
    );
    expect((await port.readSheet(OWN_SHEETS.check)).values).toEqual([["мои заметки"]]);
    await expect(port.writeOwnSheet({ name: "Начисления", rows: [["x"]] })).rejects.toThrow("не относится");
    // Excel compares sheet names without case: a user's «проверка» blocks «Проверка» too
    const wb2 = ledgerWorkbook();
    wb2.addWorksheet("проверка").getCell("A1").value = "моё";
    const other = make(wb2);
    await expect(other.port.writeOwnSheet({ name: OWN_SHEETS.check, rows: [["x"]] })).rejects.toThrow(
      /«проверка» уже есть/,
    );
    expect(wb2.worksheets.map((w) => w.name)).toEqual(["Начисления", "Пусто", "проверка"]);
  });

  it("upserts table rows by key, filling only own columns of existing rows", async () => {
    const { port, workbook } = make(ledgerWorkbook());
    expect(await port.readTable(REGISTER)).toBeNull();
    await port.upsertTableRows(REGISTER, [
      {
        Ключ: "001|2024-01",
        "Лицевой счёт": "001",
        Сумма: { kind: "money", kopecks: 150000 },
        Статус: "новый",
        Комментарий: "",
      },
      { Ключ: "002|2024-01", "Лицевой счёт": "002", Сумма: { kind: "money", kopecks: 99 }, Статус: "новый" },
    ]);
    expect(await port.readTable(REGISTER)).toEqual([
      { Ключ: "001|2024-01", "Лицевой счёт": "001", Сумма: 1500, Статус: "новый", Комментарий: null },
      { Ключ: "002|2024-01", "Лицевой счёт": "002", Сумма: 0.99, Статус: "новый", Комментарий: null },
    ]);
    // the clerk typed a comment and changed an amount in row 3 (neither is an own column)
    const reg = workbook.getWorksheet(REGISTER.sheet)!;
    reg.getCell("E3").value = "звонил 12.03";
    reg.getCell("C3").value = 1.23;
    await port.upsertTableRows(REGISTER, [
      {
        Ключ: "002|2024-01",
        "Лицевой счёт": "XXX",
        Сумма: { kind: "money", kopecks: 1 },
        Статус: "подано",
        Комментарий: "перезапись",
      },
      { Ключ: "003|2024-02", "Лицевой счёт": "003", Сумма: { kind: "money", kopecks: 500 }, Статус: "новый" },
    ]);
    expect(await port.readTable(REGISTER)).toEqual([
      { Ключ: "001|2024-01", "Лицевой счёт": "001", Сумма: 1500, Статус: "новый", Комментарий: null },
      // only «Статус» changed in the existing row
      { Ключ: "002|2024-01", "Лицевой счёт": "002", Сумма: 1.23, Статус: "подано", Комментарий: "звонил 12.03" },
      { Ключ: "003|2024-02", "Лицевой счёт": "003", Сумма: 5, Статус: "новый", Комментарий: null },
    ]);
  });

  it("marks cells with a fill and a note and clears exactly its own marks", async () => {
    const wb = ledgerWorkbook();
    // the user has a yellow fill on B3 already
    wb.getWorksheet("Начисления")!.getCell("B3").fill = {
      type: "pattern",
      pattern: "solid",
      fgColor: { argb: "FFFFFF00" },
    };
    const { port } = make(wb);
    await port.markCells("Начисления", [
      { sheet: "Начисления", row: 2, col: 1, severity: "error", note: "Сумма не сходится" },
      { sheet: "Начисления", row: 4, col: 1, severity: "warning", note: "Проверьте сумму" },
      { sheet: "Начисления", row: 5, col: 1, severity: "info", note: "Формула" },
    ]);
    const view = new XlsxWorkbook(wb); // read the same model directly
    expect(view.fillColor("Начисления", 2, 1)).toBe("#FFC7CE");
    expect(view.fillColor("Начисления", 4, 1)).toBe("#FFEB9C");
    expect(view.noteText("Начисления", 2, 1)).toBe("Сумма не сходится");
    // remarking replaces the previous marks: B5 is no longer marked
    await port.markCells("Начисления", [{ sheet: "Начисления", row: 2, col: 1, severity: "warning", note: "Другое" }]);
    expect(view.fillColor("Начисления", 4, 1)).toBeNull();
    expect(view.noteText("Начисления", 4, 1)).toBeNull();
    expect(view.fillColor("Начисления", 2, 1)).toBe("#FFEB9C");
    expect(view.noteText("Начисления", 2, 1)).toBe("Другое");
    await port.clearMarks();
    // the user's yellow fill is back, our notes are gone, values untouched
    expect(view.fillColor("Начисления", 2, 1)).toBe("#FFFF00");
    expect(view.noteText("Начисления", 2, 1)).toBeNull();
    expect(view.fillColor("Начисления", 5, 1)).toBeNull();
    expect((await port.readSheet("Начисления")).values[2][1]).toBe(1234.5);
  });

  it("puts a user's own note back after clearing a mark on that cell", async () => {
    const wb = ledgerWorkbook();
    // a rich note as ExcelJS gives it for a file saved by Excel
    wb.getWorksheet("Начисления")!.getCell("C5").note = { texts: [{ text: "Заметка бухгалтера" }] };
    const { port } = make(wb);
    await port.markCells("Начисления", [
      { sheet: "Начисления", row: 4, col: 2, severity: "warning", note: "Отрицательное начисление" },
    ]);
    const view = new XlsxWorkbook(wb);
    expect(view.noteText("Начисления", 4, 2)).toBe("Отрицательное начисление");
    await port.clearMarks("Начисления");
    expect(view.noteText("Начисления", 4, 2)).toBe("Заметка бухгалтера");
    expect(view.fillColor("Начисления", 4, 2)).toBeNull();
  });

  it("leaves a fill or note the user changed after marking alone when clearing", async () => {
    const wb = ledgerWorkbook();
    const { port } = make(wb);
    await port.markCells("Начисления", [
      { sheet: "Начисления", row: 2, col: 1, severity: "error", note: "Сумма не сходится" },
      { sheet: "Начисления", row: 2, col: 2, severity: "error", note: "Нет начисления" },
    ]);
    const ws = wb.getWorksheet("Начисления")!;
    ws.getCell("B3").style = {
      ...ws.getCell("B3").style,
      fill: { type: "pattern", pattern: "solid", fgColor: { argb: "FF00B050" } },
    };
    ws.getCell("C3").note = "Проверено, всё верно";
    await port.clearMarks("Начисления");
    const view = new XlsxWorkbook(wb);
    expect(view.fillColor("Начисления", 2, 1)).toBe("#00B050"); // the user's green stays
    expect(view.noteText("Начисления", 2, 1)).toBeNull(); // our untouched note is removed
    expect(view.fillColor("Начисления", 2, 2)).toBeNull(); // our untouched fill is removed
    expect(view.noteText("Начисления", 2, 2)).toBe("Проверено, всё верно"); // the user's edited note stays
  });

  it("keeps settings in the workbook so a colleague opening the file gets them", async () => {
    const { port, workbook } = make(ledgerWorkbook());
    expect(await port.readSettings()).toEqual({});
    await port.writeSettings({ asOf: "2024-05-01", ledgerSheet: "Начисления", penaltyScale: [1, 2] });
    expect(await port.readSettings()).toEqual({ asOf: "2024-05-01", ledgerSheet: "Начисления", penaltyScale: [1, 2] });
    // saved to .xlsx and reopened by the other adapter
    const reopened = await XlsxWorkbook.fromArrayBuffer(await new XlsxWorkbook(workbook).save());
    expect(await reopened.readSettings()).toEqual({
      asOf: "2024-05-01",
      ledgerSheet: "Начисления",
      penaltyScale: [1, 2],
    });
    expect(reopened.workbook.getWorksheet(META_SHEET)!.state).toBe("veryHidden");
  });

  it("selects a cell", async () => {
    const made = make(ledgerWorkbook());
    await made.port.selectCell("Начисления", 4, 1);
    if (made.host) expect(made.host.selected).toEqual({ sheet: "Начисления", address: "B5" });
    else expect(made.workbook.getWorksheet("Начисления")!.views[0]).toMatchObject({ activeCell: "B5" });
    await expect(made.port.selectCell("Нет", 0, 0)).rejects.toThrow("не найден");
  });
});

describe("both adapters give identical results", () => {
  it("readSheet and listSheets agree on the ledger fixture", async () => {
    const results = await Promise.all(
      ADAPTERS.map(async ([, make]) => {
        const { port } = make(ledgerWorkbook());
        return { sheets: await port.listSheets(), grid: await port.readSheet("Начисления") };
      }),
    );
    const [a, b] = results;
    expect(b.sheets).toEqual(a.sheets);
    expect(b.grid.values).toEqual(a.grid.values);
    expect(b.grid.text).toEqual(a.grid.text);
    expect(b.grid.numberFormat).toEqual(a.grid.numberFormat);
  });

  it("an own sheet written by one adapter reads the same through the other", async () => {
    const content = {
      name: OWN_SHEETS.candidates,
      rows: [
        ["Счёт", "Долг", "С"],
        ["007", { kind: "money" as const, kopecks: 2543012 }, { kind: "date" as const, date: "2023-12-31" }],
      ],
      columns: [{ format: "text" as const }, { format: "money" as const }, { format: "date" as const }],
    };
    const grids = [];
    for (const [, make] of ADAPTERS) {
      const made = make(ledgerWorkbook());
      await made.port.writeOwnSheet(content);
      grids.push(await new XlsxWorkbook(made.workbook).readSheet(OWN_SHEETS.candidates));
    }
    expect(grids[1].values).toEqual(grids[0].values);
    expect(grids[1].text).toEqual(grids[0].text);
    // 2 543 012 kopecks = 25 430,12; 2023-12-31 = 45291
    expect(grids[0].text[1]).toEqual(["007", `25${NBSP}430,12`, "31.12.2023"]);
  });
});
