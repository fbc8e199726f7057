/**
 * Data-safety rules of the workbook layer, on both adapters: own sheets only, the clerk's cells in the register
 * never change, hostile strings stay text, a failed chunked write never looks complete, cancellation and progress.
 */
import { describe, expect, it } from "vitest";
import fc from "fast-check";
import ExcelJS from "exceljs";
import { ADAPTERS, ledgerWorkbook } from "./fixtures";
import { XlsxWorkbook } from "../../src/workbook/xlsx/XlsxWorkbook";
import { ExcelWorkbook } from "../../src/workbook/excel/ExcelWorkbook";
import { OWN_SHEETS, type OutCell, type TableRow, type TableSpec } from "../../src/workbook/port";
import { FakeExcelHost } from "../fakes/excelFake";
import { META_SHEET } from "../../src/workbook/common";

const HOSTILE = [
  "=1+1",
  "+cmd|' /C calc'!A0",
  "-2+3",
  "@SUM(A1)",
  "\t=1",
  "\r=1",
  '=HYPERLINK("http://x","y")',
  "'quoted",
  "-5",
  "00123",
  "15.03.2024",
];

function formulaCells(wb: ExcelJS.Workbook, sheet: string): string[] {
  const out: string[] = [];
  wb.getWorksheet(sheet)!.eachRow((row) =>
    row.eachCell((cell) => {
      if (cell.type === ExcelJS.ValueType.Formula) out.push(`${cell.address}: ${cell.formula}`);
    }),
  );
  return out;
}

const REGISTER: TableSpec = {
  sheet: OWN_SHEETS.register,
  columns: ["Ключ", "Должник", "Сумма", "Статус", "Дата подачи"],
  key: "Ключ",
  ownColumns: ["Статус", "Дата подачи"],
  formats: { Сумма: "money", "Дата подачи": "date" },
};

describe.each(ADAPTERS)("data safety: %s", (_name, make) => {
  it("hostile strings are written and read back as text, never as formulas", async () => {
    const { port, workbook } = make(ledgerWorkbook());
    await port.writeOwnSheet({
      name: OWN_SHEETS.check,
      rows: HOSTILE.map((s) => [s, s]),
      columns: [{ format: "general" }, { format: "text" }],
    });
    const g = await port.readSheet(OWN_SHEETS.check);
    expect(g.values).toEqual(HOSTILE.map((s) => [s, s]));
    expect(formulaCells(workbook, OWN_SHEETS.check)).toEqual([]);
    // and after saving to .xlsx and reopening
    const reopened = new ExcelJS.Workbook();
    await reopened.xlsx.load(await new XlsxWorkbook(workbook).save());
    expect(formulaCells(reopened, OWN_SHEETS.check)).toEqual([]);
    // the same through the register upsert
    await port.upsertTableRows(
      REGISTER,
      HOSTILE.map((s, i) => ({ Ключ: `k${i}`, Должник: s, Статус: s })),
    );
    const rows = await port.readTable(REGISTER);
    expect(rows!.map((r) => [r["Должник"], r["Статус"]])).toEqual(HOSTILE.map((s) => [s, s]));
    expect(formulaCells(workbook, OWN_SHEETS.register)).toEqual([]);
  });

  it("refuses a user's sheet named like the register and leaves it unchanged", async () => {
    const wb = ledgerWorkbook();
    const mine = wb.addWorksheet(OWN_SHEETS.register);
    mine.getCell("A1").value = "Ключ";
    mine.getCell("A2").value = "моё";
    const { port } = make(wb);
    await expect(port.upsertTableRows(REGISTER, [{ Ключ: "моё", Статус: "x" }])).rejects.toThrow(
      /создан не надстройкой/,
    );
    await expect(port.markCells(OWN_SHEETS.register, [])).resolves.toBeUndefined();
    expect((await port.readSheet(OWN_SHEETS.register)).values).toEqual([["Ключ"], ["моё"]]);
    expect((await port.listSheets()).find((s) => s.name === OWN_SHEETS.register)!.ownedByAddin).toBe(false);
  });

  it("register upsert never changes a cell the clerk typed (property)", async () => {
    const key = fc.integer({ min: 1, max: 12 }).map((n) => `Л${String(n).padStart(3, "0")}`);
    const text = fc.oneof(fc.constantFrom("", "подано", "отказ", "=1+1", "-2", "00123"), fc.string({ maxLength: 6 }));
    const row = fc.record({
      key,
      debtor: text,
      kop: fc.integer({ min: 0, max: 10_000_000 }),
      status: text,
      day: fc.integer({ min: 1, max: 28 }),
    });
    const toRow = (r: { key: string; debtor: string; kop: number; status: string; day: number }): TableRow => ({
      Ключ: r.key,
      Должник: r.debtor,
      Сумма: { kind: "money", kopecks: r.kop },
      Статус: r.status,
      "Дата подачи": { kind: "date", date: `2024-05-${String(r.day).padStart(2, "0")}` },
    });
    const edit = fc.record({
      row: fc.nat(20),
      col: fc.constantFrom(2, 3, 6),
      value: fc.oneof(fc.string({ maxLength: 5 }), fc.integer()),
    });
    await fc.assert(
      fc.asyncProperty(
        fc.array(row, { minLength: 1, maxLength: 8 }),
        fc.array(edit, { maxLength: 6 }),
        fc.array(fc.array(row, { maxLength: 8 }), { minLength: 1, maxLength: 3 }),
        async (first, edits, reruns) => {
          const { port, workbook } = make(ledgerWorkbook());
          await port.upsertTableRows(REGISTER, first.map(toRow));
          const ws = workbook.getWorksheet(REGISTER.sheet)!;
          // the clerk adds a column of their own and types into non-own columns (Должник = B, Сумма = C, own G)
          ws.getCell(1, 7).value = "Заметки";
          const dataRows = ws.actualRowCount - 1;
          for (const e of edits) if (e.row < dataRows) ws.getCell(e.row + 2, e.col === 6 ? 7 : e.col).value = e.value;
          const before = await new XlsxWorkbook(workbook).readSheet(REGISTER.sheet);
          for (const batch of reruns) await port.upsertTableRows(REGISTER, batch.map(toRow));
          const after = await new XlsxWorkbook(workbook).readSheet(REGISTER.sheet);
          const header = before.values[0].map(String);
          const own = new Set(REGISTER.ownColumns.map((h) => header.indexOf(h)));
          for (let r = 0; r < before.values.length; r++)
            for (let c = 0; c < before.values[r].length; c++)
              if (r === 0 || !own.has(c)) expect(after.values[r][c]).toEqual(before.values[r][c]);
        },
      ),
      { numRuns: 25 },
    );
  });

  it("cancels between chunks, reports progress and keeps the previous output", async () => {
    const { port } = make(ledgerWorkbook(), { payloadTarget: 20_000 });
    await port.writeOwnSheet({ name: OWN_SHEETS.check, rows: [["прежний результат"]] });
    const rows: OutCell[][] = Array.from({ length: 12_000 }, (_, i) => [`строка ${i}`, i]);
    const controller = new AbortController();
    const seen: { done: number; total: number }[] = [];
    const attempt = port.writeOwnSheet(
      { name: OWN_SHEETS.check, rows },
      {
        signal: controller.signal,
        onProgress: (p) => {
          seen.push({ done: p.done, total: p.total });
          controller.abort();
        },
      },
    );
    await expect(attempt).rejects.toMatchObject({ name: "AbortError", message: "Операция отменена" });
    expect(seen[0].total).toBe(12_000);
    expect(seen[0].done).toBeGreaterThan(0);
    expect(seen[0].done).toBeLessThan(12_000);
    expect((await port.readSheet(OWN_SHEETS.check)).values).toEqual([["прежний результат"]]);
    expect((await port.listSheets()).map((s) => s.name)).toEqual(["Начисления", "Пусто", OWN_SHEETS.check]);
    // reading can be cancelled too
    const c2 = new AbortController();
    c2.abort();
    await expect(port.readSheet("Начисления", { signal: c2.signal })).rejects.toMatchObject({ name: "AbortError" });
  });
});

describe("a failure at any chunk of a chunked write (Office.js over the fake)", () => {
  const previous: OutCell[][] = [["Результат v1"], ["всё сходится"]];
  const next: OutCell[][] = Array.from({ length: 400 }, (_, i) => [
    `v2 строка ${i}`,
    i,
    { kind: "money", kopecks: i * 100 },
  ]);
  const setup = async () => {
    const wb = ledgerWorkbook();
    const host = new FakeExcelHost(wb);
    const port = new ExcelWorkbook({
      excel: host.Excel as never,
      isSetSupported: host.isSetSupported,
      payloadTarget: 2_000,
    });
    await port.writeOwnSheet({ name: OWN_SHEETS.check, rows: previous });
    const ledgerBefore = await new XlsxWorkbook(wb).readSheet("Начисления");
    host.resetCounters();
    return { wb, host, port, ledgerBefore };
  };

  it("leaves the previous complete output (or a clearly named temporary sheet), never a mix", async () => {
    const probe = await setup();
    await probe.port.writeOwnSheet({ name: OWN_SHEETS.check, rows: next });
    const syncs = probe.host.syncCount;
    expect(syncs).toBeGreaterThan(10); // 400 rows at 2 KB per request → many chunks
    const v2 = (await new XlsxWorkbook(probe.wb).readSheet(OWN_SHEETS.check)).values;

    for (let k = 1; k <= syncs; k++) {
      for (const cleanupFails of [false, true]) {
        const { wb, host, port, ledgerBefore } = await setup();
        host.failAtSync(k, { count: cleanupFails ? 2 : 1 });
        await expect(port.writeOwnSheet({ name: OWN_SHEETS.check, rows: next })).rejects.toThrow();
        const view = new XlsxWorkbook(wb);
        const names = wb.worksheets.map((w) => w.name);
        // the output sheet is either the old one or the new one, complete
        const out = (await view.readSheet(OWN_SHEETS.check)).values;
        expect([JSON.stringify(previous), JSON.stringify(v2)]).toContain(JSON.stringify(out));
        // anything else is the clearly named temporary sheet
        for (const n of names)
          expect(["Начисления", "Пусто", OWN_SHEETS.check, META_SHEET, "Проверка (запись…)"]).toContain(n);
        if (!cleanupFails) expect(names).not.toContain("Проверка (запись…)");
        expect(await view.readSheet("Начисления")).toEqual(ledgerBefore);
        // a rerun completes and removes the leftovers
        host.clearFailure();
        await port.writeOwnSheet({ name: OWN_SHEETS.check, rows: next });
        expect((await view.readSheet(OWN_SHEETS.check)).values).toEqual(v2);
        expect(wb.worksheets.map((w) => w.name)).not.toContain("Проверка (запись…)");
      }
    }
  });
});
