/**
 * Request sizes as Excel receives them: the adapter runs through the real Office.js client library (the host
 * simulator in test/officejs answers), on a 100 000-row ledger with 20 000 findings — three on some cells, whose
 * notes are merged into one. Excel on the web rejects a request over 5 MB; the adapter aims at 4 MB. The test
 * prints, per operation, the syncs, the largest request the library serialized, and what the fake counted for it.
 */
import { describe, expect, it } from "vitest";
import { ExcelWorkbook } from "../../src/workbook/excel/ExcelWorkbook";
import { OWN_SHEETS, type CellMark, type TableSpec } from "../../src/workbook/port";
import { FakeExcelHost } from "../fakes/excelFake";
import { SimulatedExcelHost, type RealRequest } from "../officejs/hostSimulator";
import { bigWorkbook } from "./fixtures";

const MB = 1024 * 1024;
const LEDGER = "Большой";

/** 20 000 findings over 100 000 rows: every fifth row, columns B–H; every tenth finding has two more on its cell. */
function findings(): CellMark[] {
  const out: CellMark[] = [];
  for (let i = 0; out.length < 20_000; i++) {
    const row = 1 + ((i * 5) % 100_000);
    const col = 1 + (i % 7);
    const note = `Сумма начислений за ${1 + (i % 12)}.2024 не сходится с сальдо: расхождение ${i % 997},${i % 100} ₽`;
    out.push({ sheet: LEDGER, row, col, severity: i % 3 === 0 ? "error" : "warning", note });
    if (i % 10 === 0) {
      out.push({ sheet: LEDGER, row, col, severity: "warning", note: "Дубль лицевого счёта в строке выше" });
      out.push({ sheet: LEDGER, row, col, severity: "info", note: "Нет ФИО собственника" });
    }
  }
  return out;
}

function summary(label: string, requests: RealRequest[]): string {
  const max = Math.max(0, ...requests.map((r) => r.requestBytes));
  const top = requests.find((r) => r.requestBytes === max);
  return (
    `${label}: ${requests.length} requests, largest ${(max / MB).toFixed(2)} MB real` +
    (top ? ` (the fake counted ${(top.fakeRequestBytes / MB).toFixed(2)} MB)` : "")
  );
}

describe("request sizes measured by the real Office.js serializer", () => {
  it("no operation on a 100 000-row ledger with 20 000 findings sends a request over 4 MB", async () => {
    const host = new FakeExcelHost(bigWorkbook(100_000, 8, LEDGER));
    const real = new SimulatedExcelHost(host);
    const port = new ExcelWorkbook({ excel: real.Excel, isSetSupported: host.isSetSupported });
    const lines: string[] = [];
    const all: RealRequest[] = [];
    const step = async (label: string, op: () => Promise<unknown>) => {
      real.resetCounters();
      await op();

      lines.push(summary(label, real.requests));
      all.push(...real.requests);
    };
    const marks = findings();
    const rows = Array.from({ length: 20_000 }, (_, i) => [`Замечание ${i}`, `00${i}`, i * 1.25, "=СУММ(A1)"]);
    await step("block writes («Проверка», 20 000 rows)", () => port.writeOwnSheet({ name: OWN_SHEETS.check, rows }));
    await step("marks (20 000 findings)", () => port.markCells(LEDGER, marks));
    await step("marks again (restore, then mark)", () => port.markCells(LEDGER, marks));
    await step("settings (metadata with the marks)", () => port.writeSettings({ claimant: "ООО «УК»" }));
    await step("clear marks (restore)", () => port.clearMarks(LEDGER));
    const spec: TableSpec = {
      sheet: OWN_SHEETS.register,
      columns: ["Ключ", "Лицевой счёт", "Сумма", "Статус"],
      key: "Ключ",
      ownColumns: ["Сумма", "Статус"],
      formats: { "Лицевой счёт": "text", Сумма: "money" },
    };
    const register = (n: number, status: string) =>
      Array.from({ length: n }, (_, i) => ({
        Ключ: `К${i}`,
        "Лицевой счёт": `00${i}`,
        Сумма: i + 0.5,
        Статус: i % 2 === 0 ? status : "подано",
      }));
    await step("register (20 000 new rows)", () => port.upsertTableRows(spec, register(20_000, "новое")));
    await step("register (10 000 scattered updates)", () => port.upsertTableRows(spec, register(20_000, "изменено")));
    console.log(lines.join("\n"));
    // the fake's own count of the same requests (what the bench and the other tests see): never much lower
    const sized = all.filter((r) => r.requestBytes > 64 * 1024 && !r.bookkeeping);
    const ratios = sized.map((r) => r.fakeRequestBytes / r.requestBytes);
    console.log(
      `fake count / real size over ${sized.length} requests above 64 KB: ` +
        `${Math.min(...ratios).toFixed(3)}…${Math.max(...ratios).toFixed(3)}`,
    );
    expect(Math.min(...ratios)).toBeGreaterThanOrEqual(0.97);
    const largest = Math.max(...all.map((r) => r.requestBytes));
    expect(all.filter((r) => r.error)).toEqual([]);
    expect(largest).toBeLessThanOrEqual(4 * MB);
    // the marks reached the workbook and went away again
    expect(host.workbook.getWorksheet(LEDGER)!.getCell(2, 2).fill).toBeUndefined();
  });
});
