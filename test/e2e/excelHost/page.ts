/**
 * The Excel host inside the taskpane page (bundled for the browser by excelHost/serve.ts and served in place of the
 * Office.js CDN script, after the real Excel client library): Office.onReady answers "Excel", Office.context answers
 * the requirement sets of the simulated Excel version, and every Excel.run goes through the real library's proxies
 * and serializer to the simulator core, which executes the requests on the Excel fake's in-memory workbook loaded
 * from the fixture .xlsx. `window.zhkuExcelHost` lets the test read every cell, fill, note and table, count syncs
 * and request sizes, and inject Excel's errors.
 */
import ExcelJS from "exceljs";
import { FakeExcelHost } from "../../fakes/excel/host";
import { SimulatorCore, type OfficeJsRuntime, type RealRequest } from "../../officejs/simulatorCore";
import type { Executor, RequestMessage } from "../../officejs/wire";
import { fillToColor } from "../../fakes/excel/cells";

/** Set by the served script before this bundle: which workbook to open and which Excel to pretend to be. */
interface HostConfig {
  fixtureUrl: string;
  apiVersion: string;
}

interface LibraryExcel {
  RequestContext: new () => Excel.RequestContext;
  run<T>(ctx: Excel.RequestContext, batch: (ctx: Excel.RequestContext) => Promise<T>): Promise<T>;
}

type PageWindow = Window & {
  zhkuExcelHostConfig: HostConfig;
  zhkuExcelHost?: unknown;
  Excel: Omit<LibraryExcel, "run"> & { run: unknown };
  Office: Record<string, unknown>;
  OSF: Record<string, unknown>;
};

const win = window as unknown as PageWindow;
const config = win.zhkuExcelHostConfig;
const library = win.Excel;
const libraryRun = (library.run as LibraryExcel["run"]).bind(library);

const runtime: OfficeJsRuntime = {
  contextWith(executor: Executor) {
    const ctx = new library.RequestContext();
    (ctx as unknown as { _requestExecutor: unknown })._requestExecutor = {
      executeAsync: (_customData: unknown, _flags: number, message: RequestMessage) => executor(message),
    };
    return ctx;
  },
  run: (ctx, batch) => libraryRun(ctx, batch),
};

async function openWorkbook(): Promise<SimulatorCore> {
  const response = await fetch(config.fixtureUrl);
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(await response.arrayBuffer());
  const fake = new FakeExcelHost(workbook, { apiVersion: config.apiVersion });
  return new SimulatorCore(fake, runtime);
}

const ready = openWorkbook().then((sim) => {
  // Excel.run(batch) as the add-in calls it: a context bound to the simulated host
  win.Excel.run = (batch: (ctx: Excel.RequestContext) => Promise<unknown>) => sim.run(batch);
  win.zhkuExcelHost = testApi(sim);
  return sim;
});

// the add-in asks for requirement sets after Office.onReady, when the workbook is open
let currentFake: FakeExcelHost | null = null;
void ready.then((sim) => (currentFake = sim.fake));
const requirements = {
  isSetSupported: (name: string, version?: string) => currentFake?.isSetSupported(name, version) === true,
};

// Office.context is a getter over OSF._OfficeAppFactory in the library: the factory answers with this context
const officeContext = { requirements, displayLanguage: "ru-RU", officeTheme: undefined, diagnostics: {} };
win.OSF._OfficeAppFactory = { getContext: () => officeContext };
const Office = win.Office;
Office.HostType = { ...(Office.HostType as object), Excel: "Excel" };
Office.onReady = (callback?: (info: { host: string; platform: string }) => void) =>
  ready.then(() => {
    const info = { host: "Excel", platform: "OfficeOnline" };
    callback?.(info);
    return info;
  });

/** What the test reads and does through page.evaluate. */
function testApi(sim: SimulatorCore) {
  const fake = sim.fake;
  const sheet = (name: string) => {
    const ws = fake.workbook.getWorksheet(name);
    if (!ws) throw new Error(`нет листа «${name}»`);
    return ws;
  };
  const plain = (v: ExcelJS.CellValue): unknown =>
    v instanceof Date ? v.toISOString() : v && typeof v === "object" ? JSON.parse(JSON.stringify(v)) : (v ?? null);
  return {
    sheetNames: () => fake.workbook.worksheets.map((ws) => ws.name),
    visibleSheetNames: () => fake.workbook.worksheets.filter((ws) => ws.state === "visible").map((ws) => ws.name),
    /** Every non-empty cell of a sheet: A1 address → value. */
    values(name: string): Record<string, unknown> {
      const out: Record<string, unknown> = {};
      sheet(name).eachRow({ includeEmpty: false }, (row) =>
        row.eachCell({ includeEmpty: false }, (cell) => {
          out[cell.address] = plain(cell.value);
        }),
      );
      return out;
    },
    cell: (name: string, address: string) => plain(sheet(name).getCell(address).value),
    pageSetup: (name: string) => JSON.parse(JSON.stringify(sheet(name).pageSetup)) as Partial<ExcelJS.PageSetup>,
    numFmt: (name: string, address: string) => sheet(name).getCell(address).numFmt ?? null,
    /** Every filled cell of a sheet: A1 address → "#RRGGBB". */
    fills(name: string): Record<string, string> {
      const out: Record<string, string> = {};
      sheet(name).eachRow({ includeEmpty: true }, (row) =>
        row.eachCell({ includeEmpty: true }, (cell) => {
          const color = fillToColor(cell.fill);
          if (color) out[cell.address] = color;
        }),
      );
      return out;
    },
    /** Every note of a sheet: A1 address → text. */
    notes(name: string): Record<string, string> {
      const out: Record<string, string> = {};
      // an empty cell can carry a note (e.g. a missing debtor name)
      sheet(name).eachRow({ includeEmpty: true }, (row) =>
        row.eachCell({ includeEmpty: true }, (cell) => {
          const note = cell.note;
          if (note)
            out[cell.address] = typeof note === "string" ? note : (note.texts ?? []).map((t) => t.text).join("");
        }),
      );
      return out;
    },
    setCell(name: string, address: string, value: string | number) {
      sheet(name).getCell(address).value = value;
    },
    protect(name: string) {
      (sheet(name) as unknown as { sheetProtection: unknown }).sheetProtection = { sheet: true };
    },
    unprotect(name: string) {
      delete (sheet(name) as unknown as { sheetProtection?: unknown }).sheetProtection;
    },
    /** Make the n-th request from now fail with Excel's code and message (e.g. cell edit mode). */
    failAtSync(n: number, code: string, message: string, count = 1) {
      fake.failAtSync(n, { code, message, count });
    },
    clearFailure: () => fake.clearFailure(),
    tables: (name: string) => fake.tablesOn(name),
    /** The charts on a sheet: type, title, series with their sheet-qualified A1 ranges. */
    charts: (name: string) => fake.chartsOn(name),
    selected: () => fake.selected,
    resetCounters: () => sim.resetCounters(),
    /** The workbook as an .xlsx, base64 (to open it again in a new session: "close and reopen the file"). */
    async save(): Promise<string> {
      const bytes = new Uint8Array(await fake.workbook.xlsx.writeBuffer());
      let binary = "";
      for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
      return btoa(binary);
    },
    /** Requests the page sent since the last reset (bookkeeping ones apart) with the largest body. */
    requests() {
      const real = sim.requests.filter((r: RealRequest) => !r.bookkeeping);
      return {
        syncs: real.length,
        maxRequestBytes: Math.max(0, ...real.map((r) => r.requestBytes)),
        maxResponseBytes: Math.max(0, ...real.map((r) => r.responseBytes)),
        errors: real.filter((r) => r.error).map((r) => r.error),
      };
    },
  };
}

export type ExcelHostApi = ReturnType<typeof testApi>;
