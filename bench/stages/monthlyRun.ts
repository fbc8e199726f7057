/**
 * Bench stages «monthly-run» and «monthly-run-excel»: «Подготовить отчёт за месяц» on N accounts — check, candidates,
 * reconciliation with a bailiffs' register sheet and the plan's three sheets — in Node on the xlsx adapter, and
 * through the Excel fake (Office.js adapter) counting context.sync() calls and the largest request/response.
 * The workbook: a 1С turnover ledger of N accounts, a court-work register of N/10 claims on the same debtors, and
 * an ОСП list of N/100 proceedings.
 */
import type { SheetGrid } from "../../src/domain/grid";
import { courtRegisterSheet, turnoverSheet } from "../../test/generators";
import { bailiffScenario, renderShape } from "../../test/generators/bailiffRegister";
import { gridsToWorkbook, gridsToXlsx } from "../../test/generators/xlsx";
import { XlsxWorkbook } from "../../src/workbook/xlsx/XlsxWorkbook";
import { monthlyRun, type MonthlyRunResult } from "../../src/app/monthlyRun";
import type { WorkbookPort } from "../../src/workbook/port";

const SEED = 20261115;
const AS_OF = "2026-11-15";
const MONTH = "2026-10";
const MB = 1024 * 1024;

function workbookGrids(rows: number): { grids: SheetGrid[]; ledger: SheetGrid } {
  const g = turnoverSheet({ seed: SEED, accounts: rows, nameStyle: "mixed" });
  const register = courtRegisterSheet({ seed: SEED, model: g.model, cases: Math.max(20, Math.round(rows / 10)) });
  register.grid.sheet = "Судебная работа";
  const bailiff = renderShape(bailiffScenario(SEED, Math.max(10, Math.round(rows / 100))).records, "A");
  bailiff.sheet = "Реестр ССП";
  return { grids: [g.grid, register.grid, bailiff], ledger: g.grid };
}

async function runOnce(port: WorkbookPort, sheet: string): Promise<MonthlyRunResult> {
  return monthlyRun(port, { month: MONTH, asOf: AS_OF, today: AS_OF, sheet, bailiff: {} });
}

/** Every step must have run: a skipped or failed step makes the timing meaningless. */
function stepWarnings(r: MonthlyRunResult | null): string[] {
  if (!r) return ["прогон не выполнен"];
  return r.steps.filter((s) => s.status !== "done").map((s) => `${s.title}: ${s.status} — ${s.summary}`);
}

export interface MonthlyNodeState {
  bytes: Uint8Array;
  sheet: string;
  last: MonthlyRunResult | null;
}

export const monthlyRunStage = {
  name: "monthly-run",
  sizes: [1_000, 10_000, 100_000],
  runs: () => 3,
  async setup(rows: number) {
    const { grids, ledger } = workbookGrids(rows);
    const bytes = new Uint8Array(await gridsToXlsx(grids));
    return { state: { bytes, sheet: ledger.sheet, last: null } as MonthlyNodeState, floorGrid: ledger };
  },
  release(state: MonthlyNodeState) {
    state.last = null;
  },
  async run(state: MonthlyNodeState) {
    // a fresh copy each run: the run writes its sheets into the workbook
    const port = await XlsxWorkbook.fromArrayBuffer(state.bytes);
    state.last = await runOnce(port, state.sheet);
    return {};
  },
  verify: (state: MonthlyNodeState) => stepWarnings(state.last),
};

interface FakeHost {
  Excel: unknown;
  isSetSupported: unknown;
  syncCount: number;
  maxRequestBytes: number;
  maxResponseBytes: number;
  resetCounters(): void;
}

export interface MonthlyExcelState {
  make: () => { host: FakeHost; port: WorkbookPort };
  sheet: string;
  host: FakeHost | null;
  last: MonthlyRunResult | null;
}

export const monthlyRunExcelStage = {
  name: "monthly-run-excel",
  sizes: [1_000, 10_000, 100_000],
  runs: () => 3,
  async setup(rows: number) {
    const fake = await import("../../test/fakes/excelFake");
    const adapter = await import("../../src/workbook/excel/ExcelWorkbook");
    const { grids, ledger } = workbookGrids(rows);
    const make = () => {
      const host = fake.createFakeExcel(gridsToWorkbook(grids)) as unknown as FakeHost;
      const port = new adapter.ExcelWorkbook({
        excel: host.Excel,
        isSetSupported: host.isSetSupported,
      } as ConstructorParameters<typeof adapter.ExcelWorkbook>[0]);
      return { host, port };
    };
    return { state: { make, sheet: ledger.sheet, host: null, last: null } as MonthlyExcelState, floorGrid: ledger };
  },
  release(state: MonthlyExcelState) {
    // the last run's fake workbook and result
    state.host = null;
    state.last = null;
  },
  async run(state: MonthlyExcelState) {
    const { host, port } = state.make();
    host.resetCounters();
    state.last = await runOnce(port, state.sheet);
    state.host = host;
    return {
      syncs: host.syncCount,
      maxPayloadBytes: Math.max(host.maxRequestBytes, host.maxResponseBytes),
      maxRequestBytes: host.maxRequestBytes,
      maxResponseBytes: host.maxResponseBytes,
    };
  },
  verify(state: MonthlyExcelState) {
    const h = state.host;
    const over = h && (h.syncCount > 40 || Math.max(h.maxRequestBytes, h.maxResponseBytes) > 4 * MB);
    return [
      ...stepWarnings(state.last),
      ...(over ? [`Excel: ${h.syncCount} sync, запрос ${h.maxRequestBytes} Б, ответ ${h.maxResponseBytes} Б`] : []),
    ];
  },
};
