/**
 * The monthly run on the bundled example: one progress from 0 to 100 through the four steps, «Отмена» stops it
 * before the plan is written, and a workbook without a ledger still gets its plan with the missing data named.
 */
import { describe, expect, it } from "vitest";
import { readFileSync } from "node:fs";
import ExcelJS from "exceljs";
import { XlsxWorkbook } from "../../../src/workbook/xlsx/XlsxWorkbook";
import { OWN_SHEETS, type Progress } from "../../../src/workbook/port";
import { monthlyRun } from "../../../src/app/monthlyRun";

const sample = () => XlsxWorkbook.fromArrayBuffer(readFileSync("assets/sample/sample-zhku.xlsx"));

describe("monthlyRun", () => {
  it("reports one progress over the four steps, never going back, ending at 100", async () => {
    const port = await sample();
    const seen: Progress[] = [];
    const r = await monthlyRun(port, {
      month: "2026-02",
      asOf: "2026-02-28",
      bailiff: {},
      onProgress: (p) => seen.push(p),
    });
    expect(r.steps.map((s) => s.status)).toEqual(["done", "done", "done", "done"]);
    expect(seen.every((p) => p.total === 100)).toBe(true);
    const done = seen.map((p) => p.done);
    expect(done).toEqual([...done].sort((a, b) => a - b));
    expect(done.at(-1)).toBe(100);
    const stages = new Set(seen.map((p) => p.stage?.split(":")[0]).filter(Boolean));
    expect([...stages]).toEqual([
      "Проверка реестра",
      "Кандидаты на судебный приказ",
      "Сверка с ССП",
      "План мероприятий",
    ]);
  });

  it("«Отмена» during the reconciliation stops the run before the plan is written", async () => {
    const port = await sample();
    const ac = new AbortController();
    const run = monthlyRun(port, {
      month: "2026-02",
      asOf: "2026-02-28",
      bailiff: {},
      signal: ac.signal,
      onProgress: (p) => {
        if (p.stage?.startsWith("Сверка с ССП")) ac.abort();
      },
    });
    await expect(run).rejects.toMatchObject({ name: "AbortError" });
    expect((await port.listSheets()).map((s) => s.name)).not.toContain(OWN_SHEETS.plan);
  });

  it("without a ledger or a bailiffs' register the plan is still made and says what is missing", async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("Судебная работа");
    ws.addRow(["Л/С", "Должник", "Сумма требования", "Дата подачи", "№ дела"]);
    ws.addRow(["0001", "Иванов И.И.", 700000, "10.03.2026", "2-1/2026"]);
    const port = new XlsxWorkbook(wb);
    const r = await monthlyRun(port, { month: "2026-03", asOf: "2026-03-31" });
    expect(r.steps.map((s) => [s.step, s.status])).toEqual([
      ["check", "failed"],
      ["candidates", "skipped"],
      ["reconcile", "skipped"],
      ["plan", "done"],
    ]);
    const claims = r.plan.report.measures[0].indicators[1];
    expect(claims).toMatchObject({ fact: 700_000_00, met: true });
    expect(r.plan.report.measures[0].indicators[2].missing).toEqual(["нет оплат по месяцам в реестре должников"]);
  });
});
