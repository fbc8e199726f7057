/**
 * «Подготовить отчёт за месяц» on a 100 000-account ledger through the Office.js adapter over the Excel fake: the
 * whole run (check, candidates, reconciliation with a bailiffs' register sheet, the plan) stays within 40 round
 * trips (context.sync) and no request or response reaches 4 MB. The workbook is the bench's (monthly-run-excel):
 * a 1С turnover ledger, a court-work register of N/10 cases on the same debtors, an ОСП list of N/100 proceedings.
 * Counts, not timings.
 */
import { describe, expect, it } from "vitest";
import { courtRegisterSheet, turnoverSheet } from "../generators";
import { bailiffScenario, renderShape } from "../generators/bailiffRegister";
import { gridsToWorkbook } from "../generators/xlsx";
import { FakeExcelHost } from "../fakes/excelFake";
import { ExcelWorkbook } from "../../src/workbook/excel/ExcelWorkbook";
import { OWN_SHEETS } from "../../src/workbook/port";
import { monthlyRun } from "../../src/app/monthlyRun";

const ACCOUNTS = 100_000;
const SEED = 20261115;
const MB4 = 4 * 1024 * 1024;

describe("monthly run over Office.js (fake Excel), 100 000 accounts", () => {
  it("takes at most 40 syncs, none over 4 MB, and writes every own sheet", { timeout: 300_000 }, async () => {
    const ledger = turnoverSheet({ seed: SEED, accounts: ACCOUNTS, nameStyle: "mixed" });
    const register = courtRegisterSheet({ seed: SEED, model: ledger.model, cases: ACCOUNTS / 10 });
    register.grid.sheet = "Судебная работа";
    const bailiff = renderShape(bailiffScenario(SEED, ACCOUNTS / 100).records, "A");
    bailiff.sheet = "Реестр ССП";
    const host = new FakeExcelHost(gridsToWorkbook([ledger.grid, register.grid, bailiff]));
    const port = new ExcelWorkbook({ excel: host.Excel as never, isSetSupported: host.isSetSupported });
    host.resetCounters();

    const r = await monthlyRun(port, {
      month: "2026-10",
      asOf: "2026-11-15",
      today: "2026-11-15",
      sheet: ledger.grid.sheet,
      bailiff: {},
    });

    console.log(
      `monthly run, ${ACCOUNTS} accounts: ${host.syncCount} syncs, largest request ${host.maxRequestBytes} B, ` +
        `largest response ${host.maxResponseBytes} B`,
    );
    expect(r.steps.map((s) => [s.step, s.status])).toEqual([
      ["check", "done"],
      ["candidates", "done"],
      ["reconcile", "done"],
      ["plan", "done"],
    ]);
    expect(host.syncCount).toBeLessThanOrEqual(40);
    expect(host.maxRequestBytes).toBeLessThanOrEqual(MB4);
    expect(host.maxResponseBytes).toBeLessThanOrEqual(MB4);
    const names = host.workbook.worksheets.map((w) => w.name);
    for (const own of [
      OWN_SHEETS.check,
      OWN_SHEETS.candidates,
      OWN_SHEETS.reconcile,
      OWN_SHEETS.reconcilePaid,
      OWN_SHEETS.reconcileRepresent,
      OWN_SHEETS.reconcileNotOpened,
      OWN_SHEETS.reconcileLog,
      OWN_SHEETS.plan,
      OWN_SHEETS.planDetail,
      OWN_SHEETS.planHistory,
    ])
      expect(names).toContain(own);
    expect(names.filter((n) => n.includes("(запись…)"))).toEqual([]);
  });
});
