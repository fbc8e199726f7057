/**
 * The register as an Excel table: the fake's table API (as Office.js behaves) and the Office.js adapter's
 * table route — growing, old registers without a table, a taken name, payload-sized blocks, failures.
 */
import { describe, expect, it } from "vitest";
import ExcelJS from "exceljs";
import { ExcelWorkbook, tableNameFor } from "../../../src/workbook/excel/ExcelWorkbook";
import { XlsxWorkbook } from "../../../src/workbook/xlsx/XlsxWorkbook";
import { FakeExcelHost, FakeOfficeError, FakeTable } from "../../fakes/excelFake";
import { addCalls } from "../../fakes/excel/tables";
import { ledgerWorkbook } from "../../contract/fixtures";
import { OWN_SHEETS, type TableRow, type TableSpec } from "../../../src/workbook/port";

const REGISTER: TableSpec = {
  sheet: OWN_SHEETS.register,
  columns: ["Ключ", "Л/С", "Сумма", "Статус"],
  key: "Ключ",
  ownColumns: ["Статус"],
  formats: { "Л/С": "text", Сумма: "money" },
};

const row = (n: number, status = "подготовлено"): TableRow => ({
  Ключ: `k${n}`,
  "Л/С": String(n).padStart(5, "0"),
  Сумма: { kind: "money", kopecks: n * 100 + 5 },
  Статус: status,
});

function setup(payloadTarget?: number, apiVersion?: string) {
  const wb = ledgerWorkbook();
  const host = new FakeExcelHost(wb, { apiVersion });
  const port = new ExcelWorkbook({ excel: host.Excel as never, isSetSupported: host.isSetSupported, payloadTarget });
  return { wb, host, port };
}

const values = async (wb: ExcelJS.Workbook) => (await new XlsxWorkbook(wb).readSheet(REGISTER.sheet)).values;

describe("fake Excel tables", () => {
  function sheet() {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("Лист");
    ws.addRow(["Ключ", "Сумма"]);
    ws.addRow(["a", 1]);
    return { wb, host: new FakeExcelHost(wb) };
  }

  it("adds a table, names and styles it, gives its ranges after load + sync", async () => {
    const { host } = sheet();
    await host.run(async (ctx) => {
      const ws = ctx.workbook.worksheets.getItem("Лист");
      const t = ws.tables.add("A1:B2", true);
      t.name = "РеестрВзыскания"; // Cyrillic letters are fine in a table name
      t.style = "TableStyleLight9";
      const body = t.getDataBodyRange();
      const head = t.getHeaderRowRange();
      body.load("address");
      head.load("values");
      expect(() => body.address).toThrow(/not available/);
      await ctx.sync();
      expect(body.address).toBe("Лист!A2:B2");
      expect(head.values).toEqual([["Ключ", "Сумма"]]);
      t.rows.add(undefined, [
        ["b", 2],
        ["c", 3],
      ]);
      const all = t.getRange();
      all.load("address,rowCount");
      ws.tables.load("items/name,count");
      await ctx.sync();
      expect(all.address).toBe("Лист!A1:B4");
      expect(ws.tables.count).toBe(1);
      expect(ws.tables.items.map((x) => x.name)).toEqual(["РеестрВзыскания"]);
      const found = ctx.workbook.tables.getItemOrNullObject("реестрвзыскания"); // names match without case
      const missing = ws.tables.getItemOrNullObject("Нет");
      await ctx.sync();
      expect([found.isNullObject, missing.isNullObject]).toEqual([false, true]);
    });
    expect(host.tablesOn("Лист")).toEqual([{ name: "РеестрВзыскания", style: "TableStyleLight9", address: "A1:B4" }]);
  });

  it("refuses what Excel refuses: bad or taken names, unknown styles, wrong widths, overlaps", async () => {
    const { host } = sheet();
    const attempt = (fn: (ctx: Parameters<Parameters<FakeExcelHost["run"]>[0]>[0]) => void) =>
      host.run(async (ctx) => {
        fn(ctx);
        await ctx.sync();
      });
    await attempt((ctx) => (ctx.workbook.worksheets.getItem("Лист").tables.add("A1:B2", true).name = "Т1"));
    for (const bad of ["Реестр взыскания", "1Реестр", "A1", "R1C1"])
      await expect(attempt((ctx) => (ctx.workbook.tables.getItem("Т1").name = bad))).rejects.toMatchObject({
        code: "InvalidArgument",
      });
    // names are unique in the workbook without regard to case
    await expect(
      attempt((ctx) => (ctx.workbook.worksheets.getItem("Лист").tables.add("D1:E2", true).name = "т1")),
    ).rejects.toMatchObject({
      code: "InvalidArgument",
    });
    await expect(
      attempt((ctx) => (ctx.workbook.tables.getItem("Т1").style = "TableStyleLight99")),
    ).rejects.toMatchObject({ code: "InvalidArgument" });
    await expect(
      attempt((ctx) => ctx.workbook.tables.getItem("Т1").rows.add(undefined, [["только ключ"]])),
    ).rejects.toMatchObject({ code: "InvalidArgument" });
    await expect(
      attempt((ctx) => ctx.workbook.worksheets.getItem("Лист").tables.add("B2:C3", true)),
    ).rejects.toMatchObject({ code: "InvalidArgument" });
    expect(host.tablesOn("Лист")).toEqual([
      { name: "Т1", style: "TableStyleMedium2", address: "A1:B2" },
      { name: "Table1", style: "TableStyleMedium2", address: "D1:E2" }, // added before the rename failed
    ]);
  });

  it("gives a header-only table one empty data row, like Excel", async () => {
    const { host } = sheet();
    await host.run(async (ctx) => {
      ctx.workbook.worksheets.getItem("Лист").tables.add("D1:E1", true);
      await ctx.sync();
    });
    // D1:E1 are empty: Excel names the columns
    expect(host.tablesOn("Лист")).toEqual([{ name: "Table1", style: "TableStyleMedium2", address: "D1:E2" }]);
    expect(host.workbook.getWorksheet("Лист")!.getCell("D1").value).toBe("Column1");
  });
});

describe("the register's table (Office.js adapter over the fake)", () => {
  it("names tables after their sheet within Excel's rules", () => {
    expect(tableNameFor("Реестр взыскания")).toBe("РеестрВзыскания");
    expect(tableNameFor("Сверка ССП")).toBe("СверкаССП");
    expect(tableNameFor("2024 реестр")).toBe("_2024Реестр");
  });

  it("fills the empty row of a table made with no rows, then grows it", async () => {
    const { wb, host, port } = setup();
    await port.upsertTableRows(REGISTER, []);
    // header only: Excel adds an empty data row → A1:D2
    expect(host.tablesOn(REGISTER.sheet).map((t) => t.address)).toEqual(["A1:D2"]);
    await port.upsertTableRows(REGISTER, [row(1), row(2), row(3)]);
    // the empty row takes k1, two rows are added: A1:D4, no gap
    expect(host.tablesOn(REGISTER.sheet).map((t) => t.address)).toEqual(["A1:D4"]);
    expect(await values(wb)).toEqual([
      ["Ключ", "Л/С", "Сумма", "Статус"],
      ["k1", "00001", 1.05, "подготовлено"],
      ["k2", "00002", 2.05, "подготовлено"],
      ["k3", "00003", 3.05, "подготовлено"],
    ]);
  });

  it("appends below the range when the register has no table (an older run, or the clerk removed it)", async () => {
    const { wb, host, port } = setup();
    await port.upsertTableRows(REGISTER, [row(1)]);
    host.tables.length = 0; // «Преобразовать в диапазон»
    await port.upsertTableRows(REGISTER, [row(1, "подано"), row(2)]);
    expect(host.tables).toEqual([]);
    expect(await values(wb)).toEqual([
      ["Ключ", "Л/С", "Сумма", "Статус"],
      ["k1", "00001", 1.05, "подано"],
      ["k2", "00002", 2.05, "подготовлено"],
    ]);
  });

  it("keeps Excel's default name when another table already has the register's name", async () => {
    const wb = ledgerWorkbook();
    wb.getWorksheet("Пусто")!.addRow(["Ключ"]);
    const host = new FakeExcelHost(wb);
    await host.run(async (ctx) => {
      ctx.workbook.worksheets.getItem("Пусто").tables.add("A1:A1", true).name = "РеестрВзыскания";
      await ctx.sync();
    });
    const port = new ExcelWorkbook({ excel: host.Excel as never, isSetSupported: host.isSetSupported });
    await port.upsertTableRows(REGISTER, [row(1), row(2)]);
    expect(host.tablesOn(REGISTER.sheet)).toEqual([{ name: "Table1", style: "TableStyleLight9", address: "A1:D3" }]);
    await port.upsertTableRows(REGISTER, [row(3)]);
    expect(host.tablesOn(REGISTER.sheet).map((t) => t.address)).toEqual(["A1:D4"]);
  });

  it("leaves the register's name to a defined name that has it (tables and names share one namespace), styled", async () => {
    const wb = ledgerWorkbook();
    wb.definedNames.add("'Начисления'!$A$1", "РеестрВзыскания");
    const host = new FakeExcelHost(wb);
    const port = new ExcelWorkbook({ excel: host.Excel as never, isSetSupported: host.isSetSupported });
    await port.upsertTableRows(REGISTER, [row(1), row(2)]);
    expect(host.tablesOn(REGISTER.sheet)).toEqual([{ name: "Table1", style: "TableStyleLight9", address: "A1:D3" }]);
    await port.upsertTableRows(REGISTER, [row(3)]);
    expect(host.tablesOn(REGISTER.sheet).map((t) => t.address)).toEqual(["A1:D4"]);
  });

  it("keeps the table Excel made when naming it fails in the same batch: a styled table, no sheet filter over it", async () => {
    const { wb, host, port } = setup();
    // Excel refuses the name after tables.add has made the table (e.g. a name defined meanwhile)
    const desc = Object.getOwnPropertyDescriptor(FakeTable.prototype, "name")!;
    Object.defineProperty(FakeTable.prototype, "name", {
      ...desc,
      set(this: FakeTable) {
        this.context.enqueue(0, () => {
          throw new FakeOfficeError(
            "InvalidArgument",
            "The argument is invalid or missing or has an incorrect format.",
          );
        });
      },
    });
    try {
      await port.upsertTableRows(REGISTER, [row(1), row(2)]);
    } finally {
      Object.defineProperty(FakeTable.prototype, "name", desc);
    }
    expect(host.tablesOn(REGISTER.sheet)).toEqual([{ name: "Table1", style: "TableStyleLight9", address: "A1:D3" }]);
    expect(wb.getWorksheet(REGISTER.sheet)!.autoFilter ?? null).toBeNull();
    await port.upsertTableRows(REGISTER, [row(3)]);
    expect(host.tablesOn(REGISTER.sheet).map((t) => t.address)).toEqual(["A1:D4"]);
  });

  it("grows the register by writing right below its table, never rows.add (co-authors get no yellow bar)", async () => {
    const { host, port } = setup();
    await port.upsertTableRows(REGISTER, [row(1), row(2)]);
    const before = addCalls.count;
    await port.upsertTableRows(REGISTER, [row(3), row(4), row(5)]);
    expect(addCalls.count).toBe(before);
    expect(host.tablesOn(REGISTER.sheet)).toEqual([
      { name: "РеестрВзыскания", style: "TableStyleLight9", address: "A1:D6" },
    ]);
  });

  it("with a Total row on, adds the rows above it and the Total row stays last", async () => {
    const { wb, host, port } = setup();
    await port.upsertTableRows(REGISTER, [row(1), row(2)]);
    await host.run(async (ctx) => {
      ctx.workbook.tables.getItem("РеестрВзыскания").showTotals = true;
      await ctx.sync();
    });
    await port.upsertTableRows(REGISTER, [row(3)]);
    expect(host.tablesOn(REGISTER.sheet).map((t) => t.address)).toEqual(["A1:D5"]);
    const ws = wb.getWorksheet(REGISTER.sheet)!;
    expect([ws.getCell("A4").value, ws.getCell("A5").value]).toEqual(["k3", "Итог"]);
  });

  it("gives the plain look (bold header, filter) when Excel refuses the table", async () => {
    const probe = setup();
    await probe.port.upsertTableRows(REGISTER, [row(1), row(2)]);
    const { wb, host, port } = setup();
    host.failAtSync(probe.host.syncCount); // the last sync: tables.add + name + style
    await port.upsertTableRows(REGISTER, [row(1), row(2)]);
    expect(host.tables).toEqual([]);
    const ws = wb.getWorksheet(REGISTER.sheet)!;
    expect(ws.autoFilter).toBe("A1:D3");
    expect(ws.getCell("A1").font?.bold).toBe(true);
    expect((await values(wb)).length).toBe(3);
  });

  it("writes a new column right of the table and keeps the clerk's own column empty", async () => {
    const { wb, host, port } = setup();
    await port.upsertTableRows(REGISTER, [row(1)]);
    const spec2: TableSpec = { ...REGISTER, columns: [...REGISTER.columns, "Примечание"] };
    await port.upsertTableRows(spec2, [{ ...row(2), Примечание: "пени не рассчитаны" }]);
    // the table (A..D) grows by one row; «Примечание» lands in E, next to it
    expect(host.tablesOn(REGISTER.sheet).map((t) => t.address)).toEqual(["A1:D3"]);
    expect(await values(wb)).toEqual([
      ["Ключ", "Л/С", "Сумма", "Статус", "Примечание"],
      ["k1", "00001", 1.05, "подготовлено", null],
      ["k2", "00002", 2.05, "подготовлено", "пени не рассчитаны"],
    ]);
  });

  it("sets its own formats on new table rows, not those they copy from a row the clerk formatted", async () => {
    const { wb, port } = setup(undefined, "1.9"); // ExcelApi 1.9 is enough for tables
    const spec: TableSpec = {
      sheet: OWN_SHEETS.register,
      columns: ["Ключ", "Л/С", "Пени"],
      key: "Ключ",
      ownColumns: [],
      formats: { "Л/С": "text" },
    };
    await port.upsertTableRows(spec, [{ Ключ: "k1", "Л/С": "00001", Пени: 10 }]);
    const ws = wb.getWorksheet(spec.sheet)!;
    ws.getCell("C2").numFmt = "0%"; // the clerk's format on the last row; Excel copies it into an added row
    ws.getCell("B2").numFmt = "General";
    await port.upsertTableRows(spec, [{ Ключ: "k2", "Л/С": "00002", Пени: 12.5 }]);
    expect([ws.getCell("B3").numFmt, ws.getCell("C3").numFmt || "General"]).toEqual(["@", "General"]);
    const g = await new XlsxWorkbook(wb).readSheet(spec.sheet);
    expect(g.text[2]).toEqual(["k2", "00002", "12,5"]);
    expect(g.text[1][2]).toBe("1000%"); // the clerk's row keeps their format: 10 → 1000%
  });

  it("grows the table in payload-sized blocks, one sync each", async () => {
    const { wb, host, port } = setup(4_000);
    await port.upsertTableRows(REGISTER, [row(0)]);
    host.resetCounters();
    await port.upsertTableRows(
      REGISTER,
      Array.from({ length: 300 }, (_, i) => row(i + 1)),
    );
    expect(host.tablesOn(REGISTER.sheet).map((t) => t.address)).toEqual(["A1:D302"]);
    // a row is ~50 bytes of JSON: 300 rows ≈ 15 KB → about 4–6 blocks at 4 KB, plus 5 syncs around them
    expect(host.syncCount).toBeGreaterThan(8);
    expect(host.syncCount).toBeLessThan(16);
    expect(host.maxRequestBytes).toBeLessThan(6_000);
    const v = await values(wb);
    expect(v[301]).toEqual(["k300", "00300", 300.05, "подготовлено"]);
  });

  it("after a failure at any sync of an upsert, a rerun gives the same register and table", async () => {
    const rows = Array.from({ length: 40 }, (_, i) => row(i + 10));
    const start = async () => {
      const s = setup(1_500);
      await s.port.upsertTableRows(REGISTER, [row(1), row(2)]);
      // the clerk typed a note in a column of their own (F, right of the table)
      s.wb.getWorksheet(REGISTER.sheet)!.getCell("F2").value = "звонил";
      s.host.resetCounters();
      return s;
    };
    const clean = await start();
    await clean.port.upsertTableRows(REGISTER, rows);
    const n = clean.host.syncCount;
    expect(n).toBeGreaterThan(6); // several rows.add blocks
    const want = await values(clean.wb);
    const wantTable = clean.host.tablesOn(REGISTER.sheet);
    for (let k = 1; k <= n; k++) {
      const { wb, host, port } = await start();
      host.failAtSync(k);
      // a failure while reading the sheet's geometry with its merged areas is retried without them (Excel refuses
      // merges past 512 areas with a generic error): then the first run already completes
      const failed = await port.upsertTableRows(REGISTER, rows).then(
        () => false,
        () => true,
      );
      if (failed) await port.upsertTableRows(REGISTER, rows);
      expect(await values(wb)).toEqual(want);
      expect(host.tablesOn(REGISTER.sheet)).toEqual(wantTable);
    }
    expect(wantTable.map((t) => t.address)).toEqual(["A1:D43"]);
    expect(want[1][5]).toBe("звонил");
  });
});
