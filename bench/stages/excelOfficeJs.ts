/**
 * Bench stage «excel-run-officejs»: «Проверка реестра» on N accounts through the real Office.js client library
 * (test/officejs: the library in jsdom, the host simulator answering over the Excel fake), counting the round trips
 * the library made and the largest request as its own serializer wrote it — not the fake's estimate. The target for
 * 100 000 accounts: ≤ 40 round trips, no request over 4 MB (Excel on the web rejects 5 MB).
 *
 * The first check of a fresh workbook runs in setup (untimed) and is reported as «первая проверка …»; the timed runs
 * check the same workbook again, which first restores the previous marks: the heavier case, reported as syncs and
 * maxRequestBytes. The time is mostly the library's and the simulator's own work in Node, not Excel's.
 */
import type { SheetGrid } from "../../src/domain/grid";
import type { GeneratedLedger } from "../../test/generators/sheets";
import { gridsToWorkbook } from "../../test/generators/xlsx";
import { checkLedger, type CheckLedgerResult } from "../../src/app/checkLedger";
import { ExcelWorkbook } from "../../src/workbook/excel/ExcelWorkbook";
import { createFakeExcel } from "../../test/fakes/excelFake";
import { SimulatedExcelHost, type RealRequest } from "../../test/officejs/hostSimulator";

const AS_OF = "2026-11-15";
const MB = 1024 * 1024;
/** The targets for the 100 000-account check. */
const MAX_SYNCS = 40;
const MAX_REQUEST = 4 * MB;

export interface OfficeJsState {
  real: SimulatedExcelHost;
  port: ExcelWorkbook;
  sheet: string;
  last: CheckLedgerResult | null;
}

/** Round trips, the largest request and response as the library serialized them, and the bookkeeping-only ones. */
function measured(requests: RealRequest[]) {
  const maxRequestBytes = Math.max(0, ...requests.map((r) => r.requestBytes));
  const maxResponseBytes = Math.max(0, ...requests.map((r) => r.responseBytes));
  return {
    syncs: requests.length,
    bookkeeping: requests.filter((r) => r.bookkeeping).length,
    maxRequestBytes,
    maxResponseBytes,
    maxPayloadBytes: Math.max(maxRequestBytes, maxResponseBytes),
    rejected: requests.filter((r) => r.error).length,
  };
}

async function check(state: OfficeJsState): Promise<void> {
  state.last = await checkLedger(state.port, { sheet: state.sheet, today: AS_OF });
}

/** The stage over the ledger the «check» and «excel-run» stages use (run.ts passes its builder in). */
export function excelOfficeJsStage(ledgerSheet: (rows: number) => GeneratedLedger) {
  return {
    name: "excel-run-officejs",
    sizes: [1_000, 10_000, 100_000],
    runs: (rows: number) => (rows >= 100_000 ? 1 : 3),
    async setup(rows: number) {
      const g = ledgerSheet(rows);
      const host = createFakeExcel(gridsToWorkbook([g.grid]));
      const real = new SimulatedExcelHost(host);
      const port = new ExcelWorkbook({ excel: real.Excel, isSetSupported: host.isSetSupported });
      const state: OfficeJsState = { real, port, sheet: g.grid.sheet, last: null };
      await check(state);
      const first = measured(real.requests);
      const info = {
        "первая проверка: sync": first.syncs,
        "первая проверка: наибольший запрос, Б": first.maxRequestBytes,
        "первая проверка: наибольший ответ, Б": first.maxResponseBytes,
        findings: state.last!.findings.length,
      };
      return { state, floorGrid: g.grid as SheetGrid, info };
    },
    async run(state: OfficeJsState) {
      state.real.resetCounters();
      await check(state);
      return measured(state.real.requests);
    },
    verify(state: OfficeJsState): string[] {
      const m = measured(state.real.requests);
      const out: string[] = [];
      if (m.rejected > 0) out.push(`Office.js: ${m.rejected} запросов отклонено (больше 5 МБ)`);
      if (state.real.requests.length > 0 && (m.syncs > MAX_SYNCS || m.maxRequestBytes > MAX_REQUEST))
        out.push(`Office.js: ${m.syncs} sync, наибольший запрос ${m.maxRequestBytes} Б (цель ≤ 40 и ≤ 4 МБ)`);
      return out;
    },
  };
}
