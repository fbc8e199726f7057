/** The fake Excel host behaves like Office.js where the adapter depends on it. */
import { describe, expect, it } from "vitest";
import ExcelJS from "exceljs";
import { FakeExcelHost, PAYLOAD_LIMIT } from "../../fakes/excelFake";

function host(): FakeExcelHost {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("Данные");
  ws.getCell("A1").value = "Счёт";
  ws.getCell("A2").value = "00123";
  ws.getCell("A2").numFmt = "@";
  ws.getCell("B2").value = 1500.5;
  ws.getCell("B2").numFmt = "#,##0.00";
  return new FakeExcelHost(wb);
}

describe("fake Excel JS API", () => {
  it("throws on a property read before load + sync, and after load before sync", async () => {
    const h = host();
    await h.run(async (ctx) => {
      const r = ctx.workbook.worksheets.getItem("Данные").getRange("A1:B2");
      expect(() => r.values).toThrow(/PropertyNotLoaded|not available/);
      r.load("values");
      expect(() => r.values).toThrow(/not available/);
      await ctx.sync();
      expect(r.values).toEqual([
        ["Счёт", ""],
        ["00123", 1500.5],
      ]);
      expect(() => r.text).toThrow(/not available/); // only what was loaded
    });
    expect(h.syncCount).toBe(1);
  });

  it("queues writes until sync and applies them in order", async () => {
    const h = host();
    await h.run(async (ctx) => {
      const ws = ctx.workbook.worksheets.getItem("Данные");
      const r = ws.getRange("C1");
      r.values = [["новое"]];
      expect(h.workbook.getWorksheet("Данные")!.getCell("C1").value).toBeNull();
      const check = ws.getRange("C1");
      check.load("values");
      await ctx.sync();
      expect(check.values).toEqual([["новое"]]);
    });
  });

  it("parses written strings like typed input: why the adapter writes an apostrophe", async () => {
    const h = host();
    await h.run(async (ctx) => {
      const r = ctx.workbook.worksheets.getItem("Данные").getRange("D1:D5");
      r.values = [["00123"], ["=1+1"], ["'00123"], ["15.03.2024"], ["'=1+1"]];
      await ctx.sync();
    });
    const ws = h.workbook.getWorksheet("Данные")!;
    expect(ws.getCell("D1").value).toBe(123); // leading zeros lost
    expect(ws.getCell("D2").type).toBe(ExcelJS.ValueType.Formula);
    expect(ws.getCell("D3").value).toBe("00123");
    expect(ws.getCell("D4").value).toBe(45366); // 15.03.2024 became a date serial
    expect(ws.getCell("D5").value).toBe("=1+1");
  });

  it("null in a values array leaves the cell unchanged; a wrong-sized array fails the sync", async () => {
    const h = host();
    await h.run(async (ctx) => {
      const r = ctx.workbook.worksheets.getItem("Данные").getRange("A2:B2");
      r.values = [[null, 7]];
      await ctx.sync();
      r.values = [[1, 2, 3]];
      await expect(ctx.sync()).rejects.toMatchObject({ code: "InvalidArgument" });
    });
    expect(h.workbook.getWorksheet("Данные")!.getCell("A2").value).toBe("00123");
    expect(h.workbook.getWorksheet("Данные")!.getCell("B2").value).toBe(7);
  });

  it("reports null objects after sync and ItemNotFound for a missing getItem", async () => {
    const h = host();
    await h.run(async (ctx) => {
      const missing = ctx.workbook.worksheets.getItemOrNullObject("Нет");
      const there = ctx.workbook.worksheets.getItemOrNullObject("Данные");
      expect(() => missing.isNullObject).toThrow();
      await ctx.sync();
      expect(missing.isNullObject).toBe(true);
      expect(there.isNullObject).toBe(false);
      ctx.workbook.worksheets.getItem("Нет").getRange("A1").load("values");
      await expect(ctx.sync()).rejects.toMatchObject({ code: "ItemNotFound" });
    });
  });

  it("rejects a request over 5 MB and applies nothing of it", async () => {
    const h = host();
    const big = Array.from({ length: 60_000 }, (_, i) => [`строка номер ${i} с длинным текстом для объёма`, i]);
    await h.run(async (ctx) => {
      const ws = ctx.workbook.worksheets.getItem("Данные");
      ws.getRange("Z1").values = [["маркер"]];
      ws.getRangeByIndexes(10, 0, big.length, 2).values = big;
      await expect(ctx.sync()).rejects.toMatchObject({ code: "RequestPayloadSizeLimitExceeded" });
    });
    expect(h.syncs[0].requestBytes).toBeGreaterThan(PAYLOAD_LIMIT);
    expect(h.workbook.getWorksheet("Данные")!.getCell("Z1").value).toBeNull();
  });

  it("rejects a response over 5 MB and returns null values past 5 million cells", async () => {
    const h = host();
    const ws = h.workbook.getWorksheet("Данные")!;
    for (let r = 1; r <= 60_000; r++)
      ws.getRow(r + 10).values = [`строка номер ${r} с длинным текстом для объёма`, r, r * 2];
    await h.run(async (ctx) => {
      const r = ctx.workbook.worksheets.getItem("Данные").getUsedRange(true);
      r.load("values,text");
      await expect(ctx.sync()).rejects.toMatchObject({ code: "ResponsePayloadSizeLimitExceeded" });
      // 5 000 001 rows × 1 column
      const huge = ctx.workbook.worksheets.getItem("Данные").getRangeByIndexes(0, 0, 5_000_001, 1);
      huge.load("values");
      await ctx.sync();
      expect(huge.values).toBeNull();
    });
  });

  it("fails the chosen sync before applying its batch", async () => {
    const h = host();
    h.failAtSync(2);
    await h.run(async (ctx) => {
      const ws = ctx.workbook.worksheets.getItem("Данные");
      ws.getRange("E1").values = [["первый"]];
      await ctx.sync();
      ws.getRange("E2").values = [["второй"]];
      await expect(ctx.sync()).rejects.toMatchObject({ code: "GeneralException" });
      ws.getRange("E3").values = [["третий"]];
      await ctx.sync();
    });
    const ws = h.workbook.getWorksheet("Данные")!;
    expect([ws.getCell("E1").value, ws.getCell("E2").value, ws.getCell("E3").value]).toEqual([
      "первый",
      null,
      "третий",
    ]);
    expect(h.syncCount).toBe(3);
  });

  it("lists worksheets, renames, hides and deletes", async () => {
    const h = host();
    await h.run(async (ctx) => {
      const added = ctx.workbook.worksheets.add("Черновик");
      added.visibility = "VeryHidden" as Excel.SheetVisibility;
      const sheets = ctx.workbook.worksheets;
      sheets.load("items/name,items/visibility");
      await ctx.sync();
      expect(sheets.items.map((s) => [s.name, s.visibility])).toEqual([
        ["Данные", "Visible"],
        ["Черновик", "VeryHidden"],
      ]);
      added.name = "Итог";
      ctx.workbook.worksheets.getItem("Данные").delete();
      await ctx.sync();
      ctx.workbook.worksheets.add("Итог");
      await expect(ctx.sync()).rejects.toMatchObject({ code: "ItemAlreadyExists" });
    });
    expect(h.workbook.worksheets.map((w) => w.name)).toEqual(["Итог"]);
  });
});
