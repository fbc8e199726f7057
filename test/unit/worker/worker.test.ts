/**
 * The analysis worker's RPC, with a MessageChannel standing in for the Worker: the use case runs on the «worker»
 * side over the proxy port, the real XlsxWorkbook answers on the «main» side. Covers the port round trip (sliced
 * large reads included), progress, cancellation (cooperative and by terminate), errors and the fallback signal.
 */
import { describe, expect, it } from "vitest";
import { XlsxWorkbook } from "../../../src/workbook/xlsx/XlsxWorkbook";
import { WorkbookError } from "../../../src/workbook/errors";
import { LedgerInputError } from "../../../src/domain/ledger/errors";
import { OWN_SHEETS, type Progress, type WorkbookPort } from "../../../src/workbook/port";
import { runInWorker, WorkerUnavailableError, type WorkerLike } from "../../../src/app/worker/client";
import { serveOperations } from "../../../src/app/worker/workerSide";
import { checkLedgerReport, candidatesReport } from "../../../src/app/worker/operations";
import { fromErrorRecord, toErrorRecord, type Endpoint } from "../../../src/app/worker/protocol";
import { gridsToXlsx, turnoverSheet, type GeneratedLedger } from "../../generators";

const SHEET = "ОСВ";
const ACCOUNTS = 300;

/** A «worker» on the other end of a MessageChannel, serving the operations as the real worker entry does. */
function channelWorker(): WorkerLike & { terminated: boolean; posted: unknown[] } {
  const { port1, port2 } = new MessageChannel();
  serveOperations(port2 as unknown as Endpoint);
  port2.start();
  port1.start();
  const w = {
    terminated: false,
    posted: [] as unknown[],
    postMessage(m: unknown) {
      w.posted.push(m);
      port1.postMessage(m);
    },
    addEventListener(type: string, listener: (e: { data: unknown }) => void) {
      if (type === "message") port1.addEventListener("message", listener as (e: MessageEvent) => void);
    },
    terminate() {
      w.terminated = true;
      port1.close();
      port2.close();
    },
  };
  return w;
}

/** A «worker» stuck in a long synchronous step: it never answers anything. */
function stuckWorker(): WorkerLike & { terminated: boolean; posted: { t: string }[] } {
  const w = {
    terminated: false,
    posted: [] as { t: string }[],
    postMessage(m: unknown) {
      w.posted.push(m as { t: string });
    },
    addEventListener() {},
    terminate() {
      w.terminated = true;
    },
  };
  return w;
}

let cached: { ledger: GeneratedLedger; bytes: Uint8Array } | null = null;
/** A 1С-style turnover ledger of 300 accounts with three planted errors: one repeated account, two bad balances. */
async function ledgerBook(): Promise<{ ledger: GeneratedLedger; open: () => Promise<XlsxWorkbook> }> {
  if (!cached) {
    const ledger = turnoverSheet({
      accounts: ACCOUNTS,
      seed: 7,
      sheet: SHEET,
      defects: { "account.duplicate": 1, "balance.mismatch": 2 },
    });
    cached = { ledger, bytes: await gridsToXlsx([ledger.grid]) };
  }
  const { ledger, bytes } = cached;
  return { ledger, open: () => XlsxWorkbook.fromArrayBuffer(bytes) };
}

describe("the use case in a worker, the workbook on the page", () => {
  it("checks the ledger through the proxy port: the same report as on the page, «Проверка» and marks written to the real workbook", async () => {
    const { ledger, open } = await ledgerBook();
    const main = await open();
    const worker = channelWorker();
    const report = await runInWorker(() => worker, "checkLedger", { sheet: SHEET }, main, {});

    // 300 accounts, each one data row; exactly the three planted cells are findings.
    expect(report.rows.data).toBe(ACCOUNTS);
    expect(report.findings.map((f) => f.cell).sort()).toEqual(ledger.defects.map((d) => d.cell).sort());
    expect(report.findings.every((f) => f.severity === "error")).toBe(true);
    expect(report).toEqual(await checkLedgerReport(await open(), { sheet: SHEET }, {}));
    // The writes happened on the main side's workbook.
    expect((await main.listSheets()).map((s) => s.name)).toContain(OWN_SHEETS.check);
    expect(worker.terminated).toBe(true);
  });

  it("sends a large sheet in slices and the worker puts it back together row for row", async () => {
    const { ledger, open } = await ledgerBook();
    const worker = channelWorker();
    // 14 columns, 700 cells per slice → 50 rows per message; the ledger has over 300 rows.
    const report = await runInWorker(
      () => worker,
      "checkLedger",
      { sheet: SHEET },
      await open(),
      {},
      { sliceCells: 700 },
    );
    const slices = worker.posted.filter((m) => (m as { t: string }).t === "rows").length;
    expect(slices).toBeGreaterThanOrEqual(Math.ceil(ledger.grid.values.length / 50));
    expect(report).toEqual(await checkLedgerReport(await open(), { sheet: SHEET }, {}));
  });

  it("passes progress on: the port's reading steps and the use case's own stages, ending with «Готово»", async () => {
    const { open } = await ledgerBook();
    const seen: Progress[] = [];
    await runInWorker(channelWorker, "checkLedger", { sheet: SHEET }, await open(), {
      onProgress: (p) => seen.push(p),
    });
    const stages = seen.map((p) => p.stage);
    expect(stages).toContain(`Чтение листа «${SHEET}»`);
    expect(stages).toContain("Распознавание реестра");
    expect(stages).toContain(`Запись листа «${OWN_SHEETS.check}»`);
    expect(seen[seen.length - 1]).toEqual({ done: 1, total: 1, stage: "Готово" });
  });

  it("finds candidates in the worker and then puts two of them into «Реестр взыскания» through a second worker", async () => {
    const { open } = await ledgerBook();
    const main = await open();
    const asOf = "2026-11-05";
    const { report, candidates } = await runInWorker(channelWorker, "findCandidates", { sheet: SHEET, asOf }, main, {});
    const onPage = await candidatesReport(await open(), { sheet: SHEET, asOf }, {});
    expect(report).toEqual(onPage.report);
    expect(candidates).toEqual(onPage.candidates);
    expect(report.candidates.length).toBeGreaterThanOrEqual(2);

    const written = await runInWorker(channelWorker, "addToRegister", { candidates: candidates.slice(0, 2) }, main, {});
    expect(written).toEqual({ added: 2, filled: 0, unchanged: 0 });
    const sheets = (await main.listSheets()).map((s) => s.name);
    expect(sheets).toContain(OWN_SHEETS.candidates);
    expect(sheets).toContain(OWN_SHEETS.register);
  });
});

describe("errors cross the boundary as their classes", () => {
  it("a missing sheet arrives as LedgerInputError with its kind, the sheet list and the Russian message", async () => {
    const { open } = await ledgerBook();
    const err = await runInWorker(channelWorker, "checkLedger", { sheet: "Июль" }, await open(), {}).catch(
      (e: unknown) => e,
    );
    expect(err).toBeInstanceOf(LedgerInputError);
    expect((err as LedgerInputError).kind).toBe("sheet-not-found");
    expect((err as LedgerInputError).sheets).toEqual([SHEET]);
    expect((err as Error).message).toBe(`В книге нет листа «Июль»; есть: «${SHEET}».`);
  });

  it("a port error on the main side reaches the use case in the worker and comes back as WorkbookError with its code", async () => {
    const { open } = await ledgerBook();
    const main = await open();
    const refusing: WorkbookPort = Object.assign(Object.create(main) as WorkbookPort, {
      writeOwnSheet: async () => {
        throw new WorkbookError("protected", "Лист защищён от изменений: снимите защиту и повторите.");
      },
    });
    const err = await runInWorker(channelWorker, "checkLedger", { sheet: SHEET }, refusing, {}).catch(
      (e: unknown) => e,
    );
    expect(err).toBeInstanceOf(WorkbookError);
    expect((err as WorkbookError).code).toBe("protected");
    expect((err as Error).message).toBe("Лист защищён от изменений: снимите защиту и повторите.");
  });

  it("records keep name, message and code; AbortError stays an AbortError", () => {
    const abort = fromErrorRecord(toErrorRecord(new DOMException("Операция отменена", "AbortError")));
    expect(abort.name).toBe("AbortError");
    expect(abort.message).toBe("Операция отменена");
    const other = fromErrorRecord(toErrorRecord(Object.assign(new TypeError("сбой"), { code: "E1" })));
    expect(other).toMatchObject({ name: "TypeError", message: "сбой", code: "E1" });
  });
});

describe("cancellation", () => {
  it("«Отмена» while the worker reads the sheet stops the use case: AbortError, nothing written", async () => {
    const { open } = await ledgerBook();
    const main = await open();
    const ac = new AbortController();
    // The user presses «Отмена» as soon as the whole ledger is being read.
    const watched: WorkbookPort = Object.assign(Object.create(main) as WorkbookPort, {
      readSheet: (sheet: string, options?: { range?: string }) => {
        if (!options?.range) ac.abort();
        return main.readSheet(sheet, options);
      },
    });
    const worker = channelWorker();
    const err = await runInWorker(() => worker, "checkLedger", { sheet: SHEET }, watched, { signal: ac.signal }).catch(
      (e: unknown) => e,
    );
    expect((err as Error).name).toBe("AbortError");
    expect((err as Error).message).toBe("Операция отменена");
    expect(worker.posted.some((m) => (m as { t: string }).t === "abort")).toBe(true);
    expect(worker.terminated).toBe(true);
    expect((await main.listSheets()).map((s) => s.name)).toEqual([SHEET]);
  });

  it("a worker that does not answer «abort» (busy in a synchronous step) is terminated after the grace period", async () => {
    const { open } = await ledgerBook();
    const worker = stuckWorker();
    const ac = new AbortController();
    const run = runInWorker(
      () => worker,
      "checkLedger",
      { sheet: SHEET },
      await open(),
      { signal: ac.signal },
      { graceMs: 20 },
    );
    ac.abort();
    const err = await run.catch((e: unknown) => e);
    expect((err as Error).name).toBe("AbortError");
    expect((err as Error).message).toBe("Операция отменена");
    expect(worker.posted.map((m) => m.t)).toEqual(["start", "abort"]);
    expect(worker.terminated).toBe(true);
  });

  it("an operation cancelled before it starts never creates a worker", async () => {
    const { open } = await ledgerBook();
    const ac = new AbortController();
    ac.abort();
    let created = 0;
    const err = await runInWorker(() => (created++, stuckWorker()), "checkLedger", {}, await open(), {
      signal: ac.signal,
    }).catch((e: unknown) => e);
    expect((err as Error).name).toBe("AbortError");
    expect(created).toBe(0);
  });
});

describe("a worker that cannot start", () => {
  it("says so with WorkerUnavailableError (the taskpane then runs the use case on the page)", async () => {
    const { open } = await ledgerBook();
    const port = await open();
    const blocked = await runInWorker(
      () => {
        throw new DOMException("Script blocked", "SecurityError");
      },
      "checkLedger",
      {},
      port,
      {},
    ).catch((e: unknown) => e);
    expect(blocked).toBeInstanceOf(WorkerUnavailableError);

    // The script fails to load: an «error» event before the worker said «ready».
    let onError: ((e: { message: string }) => void) | undefined;
    const missing: WorkerLike = {
      postMessage() {},
      addEventListener(type: string, l: (e: { message: string }) => void) {
        if (type === "error") onError = l;
      },
      terminate() {},
    };
    const run = runInWorker(() => missing, "checkLedger", {}, port, {});
    onError!({ message: "404" });
    await expect(run).rejects.toBeInstanceOf(WorkerUnavailableError);
  });
});
