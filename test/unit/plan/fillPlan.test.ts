/**
 * «План мероприятий» written into a workbook: the plan's table with the month's columns, the detail sheet the
 * «Расшифровка» links point to, the history kept across runs, and the page setup for printing as the saved .xlsx
 * carries it.
 */
import { describe, expect, it } from "vitest";
import ExcelJS from "exceljs";
import { XlsxWorkbook } from "../../../src/workbook/xlsx/XlsxWorkbook";
import { OWN_SHEETS } from "../../../src/workbook/port";
import { fillPlan } from "../../../src/app/fillPlan";

const REGISTER = [
  [
    "Л/С",
    "Должник",
    "Сумма требования",
    "Дата подачи",
    "Дата направления в ССП",
    "Квитанция с реквизитами взыскателя приложена",
    "Статус",
  ],
  ["0001", "Иванов И.И.", 400000, "05.03.2026", null, null, "подано"],
  ["0002", "Петров П.П.", 300000, "20.03.2026", null, null, "подано"],
  ["0003", "Сидоров С.С.", 50000, "12.02.2026", "03.03.2026", "да", "направлено в ССП"],
];

async function workbook(): Promise<XlsxWorkbook> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("Судебная работа");
  REGISTER.forEach((r) => ws.addRow(r));
  ws.getCell("H1").value = { formula: "SUM(C2:C4)", result: 750000 };
  // built in memory: save() is ExcelJS's own writer, so the page setup is asserted as ExcelJS writes it
  return new XlsxWorkbook(wb);
}

describe("fillPlan", () => {
  it("writes the plan for March 2026: 750 000 − 50 000 = 700 000 ₽ filed, the target met exactly", async () => {
    const port = await workbook();
    const r = await fillPlan(port, { month: "2026-03", today: "2026-04-02" });
    expect(r.sheets).toEqual([OWN_SHEETS.plan, OWN_SHEETS.planDetail, OWN_SHEETS.planHistory]);
    expect(r.registerSheets).toEqual(["Судебная работа"]);
    const plan = await port.readSheet(OWN_SHEETS.plan);
    const header = plan.text.findIndex((row) => row[0] === "№ п/п");
    expect(plan.text[header].slice(7)).toEqual(["Факт за март 2026", "Выполнение", "Расшифровка"]);
    expect(plan.text[header + 1].slice(0, 3)).toEqual(["1", "2", "3"]);
    const m1 = plan.text[header + 3];
    expect(m1.slice(0, 2)).toEqual(["1.", "Ведение претензионно-исковой работы"]);
    expect(m1[4]).toBe("не менее 700\u00a0000 руб. (в месяц)");
    const sumRow = plan.text.find((row) => row[7].startsWith("Сумма требований"))!;
    expect(sumRow[7]).toContain("700\u00a0000,00 ₽");
    expect(sumRow[8]).toBe("выполнено");
    // no ledger and no «Журнал сверок» in this book: said, not zero
    const recon = plan.text.find((row) => row[7].startsWith("Проведено сверок"))!;
    expect(recon[7]).toContain("нет данных: нет листа «Журнал сверок»");
    expect(recon[8]).toBe("нет данных");
    // the approval block at the top right
    expect(plan.text[0][7]).toBe("УТВЕРЖДАЮ:");
  });

  it("«Расшифровка» links to the detail block, whose rows link back to the register rows", async () => {
    const port = await workbook();
    await fillPlan(port, { month: "2026-03", today: "2026-04-02" });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await port.save()) as unknown as ArrayBuffer);
    /** Links are HYPERLINK formulas: the target sheet and row. */
    const target = (v: ExcelJS.CellValue) => {
      const m = /HYPERLINK\("#'(.+?)'!A(\d+)","(.*?)"\)/.exec((v as ExcelJS.CellFormulaValue).formula);
      return m ? { sheet: m[1], row: Number(m[2]), text: m[3] } : null;
    };
    let link: ReturnType<typeof target> = null;
    wb.getWorksheet(OWN_SHEETS.plan)!.eachRow((row) => {
      const c = row.getCell(8).value;
      if (typeof c === "string" && c.startsWith("Подано заявлений")) link = target(row.getCell(10).value);
    });
    expect(link).toMatchObject({ sheet: OWN_SHEETS.planDetail, text: "строк: 2" });
    const detail = wb.getWorksheet(OWN_SHEETS.planDetail)!;
    const at = link!.row;
    expect(String(detail.getCell(at, 2).value)).toBe("Подано заявлений о выдаче судебного приказа: 2");
    const rows = [at + 1, at + 2].map((r) => target(detail.getCell(r, 3).value));
    expect(rows).toEqual([
      { sheet: "Судебная работа", row: 2, text: "2" },
      { sheet: "Судебная работа", row: 3, text: "3" },
    ]);
  });

  it("the saved file prints A4 landscape, header rows repeated, one page wide; the user's sheet keeps its formula", async () => {
    const port = await workbook();
    await fillPlan(port, { month: "2026-03", today: "2026-04-02" });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await port.save()) as unknown as ArrayBuffer);
    const ws = wb.getWorksheet(OWN_SHEETS.plan)!;
    expect(ws.pageSetup.orientation).toBe("landscape");
    expect(ws.pageSetup.paperSize).toBe(9);
    expect(ws.pageSetup.fitToPage).toBe(true);
    expect(ws.pageSetup.fitToWidth).toBe(1);
    expect(ws.pageSetup.fitToHeight).toBe(0);
    // the header is the row «№ п/п …» and the row of column numbers under it
    let header = 0;
    ws.eachRow((row, n) => {
      if (row.getCell(1).value === "№ п/п") header = n;
    });
    expect(ws.pageSetup.printTitlesRow).toBe(`${header}:${header + 1}`);
    const user = wb.getWorksheet("Судебная работа")!;
    expect(user.getCell("H1").value).toMatchObject({ formula: "SUM(C2:C4)" });
    expect(user.getCell("C2").value).toBe(400000);
  });

  it("a workbook opened from a file keeps the print setup through the lossless save (print titles in workbook.xml)", async () => {
    const opened = await XlsxWorkbook.fromArrayBuffer(await (await workbook()).save());
    await fillPlan(opened, { month: "2026-03", today: "2026-04-02" });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await opened.save()) as unknown as ArrayBuffer);
    const ws = wb.getWorksheet(OWN_SHEETS.plan)!;
    expect(ws.pageSetup).toMatchObject({ orientation: "landscape", paperSize: 9, fitToWidth: 1, fitToHeight: 0 });
    let header = 0;
    ws.eachRow((row, n) => {
      if (row.getCell(1).value === "№ п/п") header = n;
    });
    expect(header).toBeGreaterThan(0);
    expect(ws.pageSetup.printTitlesRow).toBe(`${header}:${header + 1}`);
    expect(wb.getWorksheet("Судебная работа")!.getCell("H1").value).toMatchObject({ formula: "SUM(C2:C4)" });
  });

  it("«План — динамика» keeps earlier months and replaces only the month reported again", async () => {
    const port = await workbook();
    await fillPlan(port, { month: "2026-02", today: "2026-03-01" });
    await fillPlan(port, { month: "2026-03", today: "2026-04-01" });
    const again = await fillPlan(port, { month: "2026-02", today: "2026-04-02" });
    expect(again.history!.months).toEqual(["2026-02", "2026-03"]);
    const h = await port.readSheet(OWN_SHEETS.planHistory);
    expect(h.text[0].slice(0, 5)).toEqual(["№", "Показатель", "Ед.", "02.2026", "03.2026"]);
    const claims = h.values.find((row) => row[0] === "1.2")!;
    // February: 50 000 (row 4); March: 400 000 + 300 000
    expect(claims.slice(3)).toEqual([50000, 700000]);
    const target = h.values.find((row) => row[0] === "цель")!;
    expect(target.slice(3)).toEqual([700000, 700000]);
    // a figure without a source stays empty in every month, never 0
    const recon = h.values.find((row) => row[0] === "3.1")!;
    expect(recon.slice(3)).toEqual([null, null]);
  });
});
