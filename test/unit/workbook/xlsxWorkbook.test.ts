/** xlsx adapter specifics: a save → reopen keeps the user's sheets intact; file round trips. */
import { describe, expect, it } from "vitest";
import ExcelJS from "exceljs";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { XlsxWorkbook } from "../../../src/workbook/xlsx/XlsxWorkbook";
import { openXlsxFile, saveXlsxFile } from "../../../src/workbook/xlsx/openFile";
import { ledgerWorkbook } from "../../contract/fixtures";
import { OWN_SHEETS } from "../../../src/workbook/port";

/** Everything about a user's sheet we promise to keep. */
function snapshot(ws: ExcelJS.Worksheet) {
  const cells: unknown[] = [];
  ws.eachRow({ includeEmpty: true }, (row) =>
    row.eachCell({ includeEmpty: true }, (cell) => {
      cells.push([
        cell.address,
        cell.type,
        cell.type === ExcelJS.ValueType.Formula ? cell.formula : cell.value,
        cell.numFmt,
        cell.font,
        cell.fill,
        cell.border,
      ]);
    }),
  );
  return {
    cells,
    merges: Object.keys((ws as unknown as { _merges: object })._merges).sort(),
    widths: ws.columns?.map((c) => c.width),
  };
}

describe("XlsxWorkbook", () => {
  it("keeps the user's sheets, styles, formulas and merged cells through writes, marks and a save", async () => {
    const wb = ledgerWorkbook();
    const ledger = wb.getWorksheet("Начисления")!;
    ledger.getColumn(1).width = 18;
    ledger.getCell("A1").font = { bold: true, name: "Arial", size: 12 };
    ledger.getCell("B1").fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFDDEBF7" } };
    ledger.getCell("B3").border = { bottom: { style: "thin" } };
    const dir = mkdtempSync(join(tmpdir(), "zhku-xlsx-"));
    try {
      const original = join(dir, "исходная.xlsx");
      await wb.xlsx.writeFile(original);
      const before = snapshot((await new ExcelJS.Workbook().xlsx.readFile(original)).getWorksheet("Начисления")!);

      const port = await openXlsxFile(original);
      await port.writeOwnSheet({
        name: OWN_SHEETS.check,
        rows: [
          ["Лист", "Ячейка"],
          ["Начисления", "B3"],
        ],
        headerRows: [0],
      });
      await port.markCells("Начисления", [
        { sheet: "Начисления", row: 2, col: 1, severity: "error", note: "Сумма не сходится" },
      ]);
      await port.clearMarks();
      const out = join(dir, "результат.xlsx");
      await saveXlsxFile(port, out);

      const reopened = await new ExcelJS.Workbook().xlsx.readFile(out);
      expect(snapshot(reopened.getWorksheet("Начисления")!)).toEqual(before);
      expect(reopened.worksheets.map((w) => [w.name, w.state])).toEqual([
        ["Начисления", "visible"],
        ["Пусто", "visible"],
        ["Проверка", "visible"],
        ["zhku_meta", "veryHidden"],
      ]);
      // the result file is recognised as the add-in's on the next run
      const again = await openXlsxFile(out);
      expect((await again.listSheets()).find((s) => s.name === OWN_SHEETS.check)!.ownedByAddin).toBe(true);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("keeps an own sheet's place among the tabs when it is replaced", async () => {
    const port = new XlsxWorkbook(ledgerWorkbook());
    await port.writeOwnSheet({ name: OWN_SHEETS.check, rows: [["1"]] });
    port.workbook.addWorksheet("Мой лист");
    await port.writeOwnSheet({ name: OWN_SHEETS.check, rows: [["2"]] });
    expect((await port.listSheets()).map((s) => s.name)).toEqual(["Начисления", "Пусто", "Проверка", "Мой лист"]);
  });
});
