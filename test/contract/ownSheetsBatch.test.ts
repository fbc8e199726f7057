/**
 * Several own sheets written together (WorkbookPort.writeOwnSheets, through src/app/runSession's writeOwnSheets):
 * the same sheets as one by one on both adapters; on Office.js several small sheets in two syncs; a failure at any
 * sync of a batch leaves each sheet either its previous complete output or the new one (or a clearly named
 * temporary sheet), never a mix, and a rerun completes and removes the leftovers.
 */
import { describe, expect, it } from "vitest";
import { ADAPTERS, ledgerWorkbook } from "./fixtures";
import { XlsxWorkbook } from "../../src/workbook/xlsx/XlsxWorkbook";
import { ExcelWorkbook } from "../../src/workbook/excel/ExcelWorkbook";
import { OWN_SHEETS, type OutCell, type OwnSheetContent } from "../../src/workbook/port";
import { META_SHEET } from "../../src/workbook/common";
import { writeOwnSheets } from "../../src/app/runSession";
import { FakeExcelHost } from "../fakes/excelFake";

const small = (name: string, tag: string): OwnSheetContent => ({
  name,
  rows: [[`${name}: ${tag}`], ["Л/С", "Сумма"], ["00123", { kind: "money", kopecks: 12_345 }], ["=1+1", -5]],
  columns: [{ format: "text", width: 14 }, { format: "money" }],
  headerRows: [1],
  freezeRows: 2,
});
const NAMES = [OWN_SHEETS.plan, OWN_SHEETS.planDetail, OWN_SHEETS.planHistory, OWN_SHEETS.reconcileLog];

describe.each(ADAPTERS)("own sheets written together: %s", (_name, make) => {
  it("gives the same sheets as writing them one by one, and a rerun replaces only them", async () => {
    const together = make(ledgerWorkbook());
    const apart = make(ledgerWorkbook());
    await writeOwnSheets(
      together.port,
      NAMES.map((n) => small(n, "v1")),
    );
    for (const n of NAMES) await apart.port.writeOwnSheet(small(n, "v1"));
    await writeOwnSheets(together.port, [small(OWN_SHEETS.plan, "v2"), small(OWN_SHEETS.planDetail, "v2")]);
    await apart.port.writeOwnSheet(small(OWN_SHEETS.plan, "v2"));
    await apart.port.writeOwnSheet(small(OWN_SHEETS.planDetail, "v2"));
    const a = await together.port.listSheets();
    const b = await apart.port.listSheets();
    expect(a).toEqual(b);
    for (const n of NAMES) {
      const ga = await together.port.readSheet(n);
      expect(ga).toEqual(await apart.port.readSheet(n));
      expect(ga.values[0][0]).toBe(`${n}: ${n === OWN_SHEETS.plan || n === OWN_SHEETS.planDetail ? "v2" : "v1"}`);
      expect(ga.values[2][0]).toBe("00123");
      expect(ga.values[3][0]).toBe("=1+1");
    }
    expect(await together.port.readSheet("Начисления")).toEqual(await apart.port.readSheet("Начисления"));
  });

  it("refuses a user's sheet of an own name and writes none of the batch", async () => {
    const wb = ledgerWorkbook();
    wb.addWorksheet(OWN_SHEETS.planHistory).getCell("A1").value = "моё";
    const { port } = make(wb);
    await expect(
      writeOwnSheets(
        port,
        NAMES.map((n) => small(n, "v1")),
      ),
    ).rejects.toThrow(/создан не надстройкой/);
    expect((await port.readSheet(OWN_SHEETS.planHistory)).values).toEqual([["моё"]]);
    if (port.writeOwnSheets) expect((await port.listSheets()).map((s) => s.name)).not.toContain(OWN_SHEETS.plan);
  });
});

describe("own sheets written together (Office.js over the fake)", () => {
  it("puts several small sheets into two syncs", async () => {
    const host = new FakeExcelHost(ledgerWorkbook());
    const port = new ExcelWorkbook({ excel: host.Excel as never, isSetSupported: host.isSetSupported });
    host.resetCounters();
    await port.writeOwnSheets(NAMES.map((n) => small(n, "v1")));
    console.log(`${NAMES.length} small own sheets together: ${host.syncCount} syncs`);
    expect(host.syncCount).toBe(2);
  });

  const previous = (name: string) => [[`${name}: v1`]];
  const next = (name: string): OutCell[][] =>
    Array.from({ length: 150 }, (_, i) => [`${name} v2 строка ${i}`, i, { kind: "money", kopecks: i * 100 }]);
  const contents = () => NAMES.slice(0, 3).map((name) => ({ name, rows: next(name) }));
  const setup = async () => {
    const wb = ledgerWorkbook();
    const host = new FakeExcelHost(wb);
    const port = new ExcelWorkbook({
      excel: host.Excel as never,
      isSetSupported: host.isSetSupported,
      payloadTarget: 3_000,
    });
    await port.writeOwnSheets(NAMES.slice(0, 3).map((name) => ({ name, rows: previous(name) })));
    const ledgerBefore = await new XlsxWorkbook(wb).readSheet("Начисления");
    host.resetCounters();
    return { wb, host, port, ledgerBefore };
  };

  it("after a failure at any sync each sheet is its old or its new complete output, never a mix", async () => {
    const probe = await setup();
    await probe.port.writeOwnSheets(contents());
    const syncs = probe.host.syncCount;
    expect(syncs).toBeGreaterThan(5); // 3 × 150 rows at 3 KB per request → many requests, sheets sharing some
    const view0 = new XlsxWorkbook(probe.wb);
    const v2 = new Map(
      await Promise.all(NAMES.slice(0, 3).map(async (n) => [n, (await view0.readSheet(n)).values] as const)),
    );
    for (let k = 1; k <= syncs; k++) {
      for (const cleanupFails of [false, true]) {
        const { wb, host, port, ledgerBefore } = await setup();
        host.failAtSync(k, { count: cleanupFails ? 2 : 1 });
        await expect(port.writeOwnSheets(contents())).rejects.toThrow();
        const view = new XlsxWorkbook(wb);
        const names = wb.worksheets.map((w) => w.name);
        for (const n of NAMES.slice(0, 3)) {
          const out = JSON.stringify((await view.readSheet(n)).values);
          expect([JSON.stringify(previous(n)), JSON.stringify(v2.get(n))]).toContain(out);
        }
        const temps = NAMES.slice(0, 3).map((n) => `${n} (запись…)`.slice(0, 31));
        for (const n of names) expect(["Начисления", "Пусто", META_SHEET, ...NAMES, ...temps]).toContain(n);
        if (!cleanupFails) expect(names.filter((n) => n.includes("(запись…)"))).toEqual([]);
        expect(await view.readSheet("Начисления")).toEqual(ledgerBefore);
        host.clearFailure();
        await port.writeOwnSheets(contents());
        for (const n of NAMES.slice(0, 3)) expect((await view.readSheet(n)).values).toEqual(v2.get(n));
        expect(wb.worksheets.map((w) => w.name).filter((n) => n.includes("(запись…)"))).toEqual([]);
      }
    }
  });
});
