/**
 * A 100 000 × 15 sheet through both adapters: read and written in blocks. For Office.js (over the fake) the number
 * of syncs stays within ceil(payload / 4 MB) + 2 and no request or response reaches Excel on the web's 5 MB limit.
 */
import { describe, expect, it } from "vitest";
import { ADAPTERS, bigWorkbook } from "./fixtures";
import { XlsxWorkbook } from "../../src/workbook/xlsx/XlsxWorkbook";
import { OWN_SHEETS, type OutCell } from "../../src/workbook/port";
import { PAYLOAD_LIMIT } from "../fakes/excelFake";

const ROWS = 100_000;
const COLS = 15;
const MB4 = 4 * 1024 * 1024;

describe.each(ADAPTERS)("100 000 × 15 sheet: %s", (name, make) => {
  it("reads the whole sheet in few payload-sized blocks with progress", async () => {
    const made = make(bigWorkbook(ROWS, COLS));
    const progress: number[] = [];
    const g = await made.port.readSheet("Большой", { onProgress: (p) => progress.push(p.done) });
    expect(g.values.length).toBe(ROWS + 1);
    expect(g.values[0].length).toBe(COLS);
    // row 1: id "00000001", date serial 45000 + 1 % 365 = 45001 = 16.03.2023, money round(137.31 + 22)/100 = 1.59
    expect(g.values[1][0]).toBe("00000001");
    expect(g.text[1][1]).toBe("16.03.2023");
    expect(g.values[1][2]).toBe(1.59);
    expect(g.values[ROWS][0]).toBe("00100000");
    expect(progress[progress.length - 1]).toBe(ROWS + 1);
    if (made.host) {
      const payload = made.host.totalResponseBytes;
      const bound = Math.ceil(payload / MB4) + 2;
      console.info(
        `[${name}] read ${ROWS}×${COLS}: ${made.host.syncCount} syncs (bound ${bound}), response total ${(payload / 1e6).toFixed(1)} MB, ` +
          `max response ${(made.host.maxResponseBytes / 1e6).toFixed(2)} MB, max request ${(made.host.maxRequestBytes / 1e6).toFixed(3)} MB`,
      );
      expect(made.host.syncCount).toBeLessThanOrEqual(bound);
      expect(made.host.maxResponseBytes).toBeLessThan(PAYLOAD_LIMIT);
      expect(made.host.maxRequestBytes).toBeLessThan(PAYLOAD_LIMIT);
    }
  });

  it("writes a 100 000-row own sheet in blocks under the request limit", async () => {
    const made = make(bigWorkbook(10, 3));
    const rows: OutCell[][] = [Array.from({ length: COLS }, (_, c) => `Заголовок ${c + 1}`)];
    for (let r = 1; r <= ROWS; r++) {
      const row: OutCell[] = new Array(COLS);
      for (let c = 0; c < COLS; c++)
        row[c] =
          c === 0
            ? String(r).padStart(7, "0")
            : c === 1
              ? { kind: "money", kopecks: r * 101 }
              : c % 2
                ? r * c
                : `текст ${r}`;
      rows.push(row);
    }
    const progress: { done: number; total: number }[] = [];
    made.host?.resetCounters();
    await made.port.writeOwnSheet(
      { name: OWN_SHEETS.check, rows, columns: [{ format: "text" }, { format: "money" }] },
      { onProgress: (p) => progress.push({ done: p.done, total: p.total }) },
    );
    expect(progress[progress.length - 1]).toEqual({ done: ROWS + 1, total: ROWS + 1 });
    if (made.host) {
      const payload = made.host.syncs.reduce((a, s) => a + s.requestBytes, 0);
      console.info(
        `[${name}] write ${ROWS}×${COLS}: ${made.host.syncCount} syncs, request total ${(payload / 1e6).toFixed(1)} MB, ` +
          `max request ${(made.host.maxRequestBytes / 1e6).toFixed(2)} MB`,
      );
      expect(made.host.maxRequestBytes).toBeLessThan(PAYLOAD_LIMIT);
      // through the real Office.js library: the serialized requests stay under the 4 MB target
      if (made.real) {
        console.info(`[${name}] largest request serialized by Office.js: ${made.real.maxRequestBytes} B`);
        expect(made.real.maxRequestBytes).toBeLessThanOrEqual(4 * 1024 * 1024);
      }
      // prepare + create + one per block (3.75 MB of values, so the serialized request stays under 4 MB) + finish
      expect(made.host.syncCount).toBeLessThanOrEqual(Math.ceil(payload / (MB4 * (3.75 / 4))) + 3);
    }
    // read back through ExcelJS directly (sheet row 12346 = r 12345): the identifier kept its zeros,
    // money 12 345 × 101 kop. = 1 246 845 kop. = 12 468,45 ₽; column D (c = 3, odd) = 12 345 × 3 = 37 035
    const view = new XlsxWorkbook(made.workbook);
    const back = await view.readSheet(OWN_SHEETS.check, { range: `A12346:D12346` });
    expect(back.values[0]).toEqual(["0012345", 12468.45, "текст 12345", 37035]);
    expect(back.text[0][1]).toBe("12\u00a0468,45");
  });
});
