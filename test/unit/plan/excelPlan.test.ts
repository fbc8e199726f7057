/**
 * «План мероприятий» through the Office.js adapter (over the Excel fake): the same sheets and figures as through
 * the xlsx adapter, the history kept across two months, in a handful of round trips.
 */
import { describe, expect, it } from "vitest";
import ExcelJS from "exceljs";
import { ExcelWorkbook } from "../../../src/workbook/excel/ExcelWorkbook";
import { XlsxWorkbook } from "../../../src/workbook/xlsx/XlsxWorkbook";
import { FakeExcelHost } from "../../fakes/excelFake";
import { OWN_SHEETS } from "../../../src/workbook/port";
import { fillPlan } from "../../../src/app/fillPlan";

function registerBook(): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("Судебная работа");
  ws.addRow(["Л/С", "Должник", "Сумма требования", "Дата подачи", "№ дела"]);
  ws.addRow(["0001", "Иванов И.И.", 400000, "05.03.2026", "2-1/2026"]);
  ws.addRow(["0002", "Петров П.П.", 300000, "20.03.2026", "2-2/2026"]);
  ws.addRow(["0003", "Сидоров С.С.", 50000, "12.02.2026", "2-3/2026"]);
  return wb;
}

describe("fillPlan in Excel (Office.js adapter over the fake)", () => {
  it("writes the same plan as the file route, keeps February when March is added, in few syncs", async () => {
    const host = new FakeExcelHost(registerBook());
    const excel = new ExcelWorkbook({ excel: host.Excel as never, isSetSupported: host.isSetSupported });
    await fillPlan(excel, { month: "2026-02", today: "2026-04-02" });
    host.resetCounters();
    const r = await fillPlan(excel, { month: "2026-03", today: "2026-04-02" });
    // three sheets written at four round trips each, the settings, the sheet list, the register and the history read
    expect(host.syncCount).toBeLessThanOrEqual(30);
    expect(r.report.measures[0].indicators[1]).toMatchObject({ fact: 700_000_00, met: true });

    const file = new XlsxWorkbook(registerBook());
    await fillPlan(file, { month: "2026-03", today: "2026-04-02" });
    for (const sheet of [OWN_SHEETS.plan, OWN_SHEETS.planDetail]) {
      const a = await excel.readSheet(sheet);
      const b = await file.readSheet(sheet);
      expect(a.text, sheet).toEqual(b.text);
    }
    const history = await excel.readSheet(OWN_SHEETS.planHistory);
    expect(history.text[0].slice(3)).toEqual(["02.2026", "03.2026"]);
    expect(history.values.find((row) => row[0] === "1.2")!.slice(3)).toEqual([50000, 700000]);
  });
});
