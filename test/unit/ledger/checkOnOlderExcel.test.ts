/**
 * «Проверка реестра» where Excel gives less than the add-in would like, over the fake Office.js host:
 * no worksheet notes (ExcelApi 1.17, perpetual Office 2021/2024) — «Проверка» then says what each fill colour
 * means; more than 512 merged areas (Excel returns none of them) — the check says the sheet was read without them.
 */
import { describe, expect, it } from "vitest";
import ExcelJS from "exceljs";
import { checkLedger } from "../../../src/app/checkLedger";
import { ExcelWorkbook } from "../../../src/workbook/excel/ExcelWorkbook";
import { XlsxWorkbook } from "../../../src/workbook/xlsx/XlsxWorkbook";
import { OWN_SHEETS, type WorkbookPort } from "../../../src/workbook/port";
import { runInWorker, type WorkerLike } from "../../../src/app/worker/client";
import { RunSession } from "../../../src/app/runSession";
import { serveOperations } from "../../../src/app/worker/workerSide";
import type { Endpoint } from "../../../src/app/worker/protocol";
import { FakeExcelHost } from "../../fakes/excelFake";
import { FIXTURE_TODAY, fixtureByName, fixtureWorkbook } from "../../fixtures/ledgers";

const twoLevel = fixtureByName("title-two-level");
const LEGEND_INTRO = "Эта версия Excel не показывает примечания к ячейкам";

function excelPort(wb: ExcelJS.Workbook, apiVersion: string): { host: FakeExcelHost; port: ExcelWorkbook } {
  const host = new FakeExcelHost(wb, { apiVersion });
  return { host, port: new ExcelWorkbook({ excel: host.Excel as never, isSetSupported: host.isSetSupported }) };
}

/** Every non-empty cell text of a sheet, row by row. */
function sheetTexts(wb: ExcelJS.Workbook, name: string): string[][] {
  const out: string[][] = [];
  wb.getWorksheet(name)!.eachRow({ includeEmpty: true }, (row, r) => {
    const texts: string[] = [];
    row.eachCell((cell) => {
      const t = cell.text.replace(/^'/, "");
      if (t !== "") texts.push(t);
    });
    out[r - 1] = texts;
  });
  return Array.from(out, (r) => r ?? []);
}

function containsLegend(wb: ExcelJS.Workbook, name: string): boolean {
  return sheetTexts(wb, name).some((r) => r.some((t) => t.startsWith(LEGEND_INTRO) || t === "Светло-красная"));
}

describe("«Проверка» in Excel without worksheet notes", () => {
  it("ExcelApi 1.17: the sheet says which fill means error, warning and information, and that the list below explains each cell", async () => {
    const wb = fixtureWorkbook(twoLevel);
    const { port } = excelPort(wb, "1.17");
    expect(await port.markNotesShown()).toBe(false);
    const result = await checkLedger(port, { today: FIXTURE_TODAY });
    expect(result.findings.length).toBe(5);

    const rows = sheetTexts(wb, OWN_SHEETS.check);
    expect(rows[5][0]).toBe(
      `${LEGEND_INTRO}: отмеченные ячейки листа «ОСВ март 2024» только закрашены, пояснение к каждой — в списке ниже ` +
        "(ссылка в столбце «Ячейка» ведёт к ней).",
    );
    expect(rows.slice(6, 10)).toEqual([
      ["Заливка", "Важность", "Что означает"],
      ["Светло-красная", "ошибка", "данные неверны: исправьте до подачи заявления"],
      ["Жёлтая", "предупреждение", "проверьте: возможна ошибка или неполные данные"],
      ["Голубая", "замечание", "к сведению"],
    ]);
    // the summary and the linked list follow, each finding still there with its cell
    expect(rows[11]).toEqual(["Код", "Правило", "Важность", "Количество"]);
    const header = rows.findIndex((r) => r[0] === "Код" && r[2] === "Сообщение");
    expect(rows.slice(header + 1).map((r) => r[3])).toEqual(result.findings.map((f) => `ОСВ март 2024!${f.cell}`));
    // the legend's header row is bold like the other headers
    expect(wb.getWorksheet(OWN_SHEETS.check)!.getCell(7, 1).font?.bold).toBe(true);

    // written in the add-in's own sheet only: the ledger got fills, no legend and no notes
    expect(containsLegend(wb, "ОСВ март 2024")).toBe(false);
    const ledger = wb.getWorksheet("ОСВ март 2024")!;
    const marked = ledger.getCell(result.findings[0].cell);
    expect(marked.fill).toMatchObject({ fgColor: { argb: expect.stringMatching(/FFC7CE$/i) } });
    expect(marked.note).toBeUndefined();
  });

  it("ExcelApi 1.18: notes carry the explanations, «Проверка» has no legend", async () => {
    const wb = fixtureWorkbook(twoLevel);
    const { port } = excelPort(wb, "1.18");
    expect(await port.markNotesShown()).toBe(true);
    const result = await checkLedger(port, { today: FIXTURE_TODAY });
    expect(containsLegend(wb, OWN_SHEETS.check)).toBe(false);
    expect(sheetTexts(wb, OWN_SHEETS.check)[5]).toEqual(["Код", "Правило", "Важность", "Количество"]);
    expect(wb.getWorksheet("ОСВ март 2024")!.getCell(result.findings[0].cell).note).toBeDefined();
  });

  it("the xlsx adapter writes notes itself: no legend", async () => {
    const wb = fixtureWorkbook(twoLevel);
    const port: WorkbookPort = new XlsxWorkbook(wb);
    expect(port.markNotesShown).toBeUndefined();
    await checkLedger(port, { today: FIXTURE_TODAY });
    expect(containsLegend(wb, OWN_SHEETS.check)).toBe(false);
  });

  it("the check in the analysis worker asks the page's port across the boundary", async () => {
    const wb = fixtureWorkbook(twoLevel);
    const { port } = excelPort(wb, "1.17");
    await runInWorker(channelWorker, "checkLedger", { sheet: "ОСВ март 2024" }, port as WorkbookPort, {});
    expect(containsLegend(wb, OWN_SHEETS.check)).toBe(true);
    // a page port without the method (the standalone page's xlsx) answers «default»: no legend
    const xwb = fixtureWorkbook(twoLevel);
    await runInWorker(channelWorker, "checkLedger", { sheet: "ОСВ март 2024" }, new XlsxWorkbook(xwb), {});
    expect(containsLegend(xwb, OWN_SHEETS.check)).toBe(false);
  });

  it("a run session in front of the port (every taskpane operation, the monthly run) asks the port behind it", async () => {
    const wb = fixtureWorkbook(twoLevel);
    const { port } = excelPort(wb, "1.17");
    const session = new RunSession(port);
    await expect(session.markNotesShown()).resolves.toBe(false);
    await checkLedger(session, { today: FIXTURE_TODAY });
    await session.flush();
    expect(containsLegend(wb, OWN_SHEETS.check)).toBe(true);
  });
});

/**
 * A ledger whose address is merged over two columns in every data row (and, with `extraMerges`, two note columns
 * too): over 512 merged areas, which Excel refuses to return.
 */
function mergedLedger(rows: number, extraMerges = false): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("Реестр");
  ws.addRow(["Лицевой счёт", "ФИО", "Адрес", "", "Сальдо на начало", "Начислено", "Оплачено", "Сальдо на конец"]);
  ws.mergeCells("C1:D1");
  for (let i = 0; i < rows; i++) {
    const r = i + 2;
    const opening = 1000 + (i % 37) * 10;
    ws.addRow([`${100000 + i}`, `Иванов И.И. ${i}`, `ул. Ленина, д. ${i % 90}, кв. ${i}`, null, opening, 500, 300]);
    ws.getCell(r, 8).value = opening + 500 - 300;
    ws.mergeCells(r, 3, r, 4);
    if (extraMerges) {
      ws.getCell(r, 9).value = "прим.";
      ws.mergeCells(r, 9, r, 10);
      ws.getCell(r, 11).value = "—";
      ws.mergeCells(r, 11, r, 12);
    }
  }
  ws.getColumn(1).numFmt = "@";
  return wb;
}

describe("a ledger with over 512 merged areas", () => {
  it("the header's merges are read, those below row 200 are not: a warning names the first row read without them", async () => {
    const { port } = excelPort(mergedLedger(1300), "1.18");
    const grid = await port.readSheet("Реестр");
    expect(grid.mergesUnavailable).toEqual({ fromRow: 200 });
    expect(grid.merges).toContainEqual({ top: 0, left: 2, bottom: 0, right: 3 });

    const result = await checkLedger(port, { today: FIXTURE_TODAY, write: false });
    expect(result.rows.data).toBe(1300);
    const notice = result.findings.filter((f) => f.code === "merges.unavailable");
    expect(notice).toEqual([
      expect.objectContaining({
        severity: "warning",
        cell: "A201",
        message:
          "A201: Excel не отдал объединённые ячейки листа (их больше 512): они прочитаны только в строках 1–200, " +
          "ниже лист прочитан без них. Если ниже есть объединённые ячейки (лицевой счёт или ФИО на несколько " +
          "строк), проверьте, верно ли прочитаны эти строки.",
      }),
    ]);
    expect(result.summary.byCode).toContainEqual({
      code: "merges.unavailable",
      severity: "warning",
      title: "Объединённые ячейки не прочитаны",
      count: 1,
    });
  });

  it("too many merges even in the top rows: the sheet is read without any, the warning points at the header", async () => {
    const wb = mergedLedger(250, true);
    const { port } = excelPort(wb, "1.18");
    const grid = await port.readSheet("Реестр");
    expect(grid.mergesUnavailable).toEqual({ fromRow: 0 });
    expect(grid.merges).toEqual([]);

    const result = await checkLedger(port, { today: FIXTURE_TODAY });
    expect(result.rows.data).toBe(250);
    const notice = result.findings.find((f) => f.code === "merges.unavailable")!;
    expect(notice.cell).toBe("A1");
    expect(notice.message).toContain("лист прочитан без них. Проверьте заголовки");
    // listed on «Проверка» like any finding, with a link to the header cell
    const listed = sheetTexts(wb, OWN_SHEETS.check).find(
      (r) => r[0] === "merges.unavailable" && r[1] === "предупреждение",
    );
    expect(listed?.slice(0, 4)).toEqual(["merges.unavailable", "предупреждение", notice.message, "Реестр!A1"]);
  });

  it("the xlsx adapter reads every merge: no warning; a user may switch the rule off", async () => {
    const wb = mergedLedger(1300);
    const grid = await new XlsxWorkbook(wb).readSheet("Реестр");
    expect(grid.mergesUnavailable).toBeUndefined();
    expect(grid.merges!.length).toBe(1301);
    const { port } = excelPort(wb, "1.18");
    const off = await checkLedger(port, { today: FIXTURE_TODAY, write: false, disabledRules: ["merges.unavailable"] });
    expect(off.findings.some((f) => f.code === "merges.unavailable")).toBe(false);
  });
});

/** A «worker» on the other end of a MessageChannel, serving the operations as the real worker entry does. */
function channelWorker(): WorkerLike {
  const { port1, port2 } = new MessageChannel();
  serveOperations(port2 as unknown as Endpoint);
  port2.start();
  port1.start();
  return {
    postMessage: (m: unknown) => port1.postMessage(m),
    addEventListener(type: string, listener: (e: { data: unknown }) => void) {
      if (type === "message") port1.addEventListener("message", listener as (e: MessageEvent) => void);
    },
    terminate() {
      port1.close();
      port2.close();
    },
  };
}
