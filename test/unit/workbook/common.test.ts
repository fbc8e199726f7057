/** Shared pieces of both adapters: metadata layout, links, the register upsert plan, marks. */
import { describe, expect, it } from "vitest";
import {
  decodeMeta,
  emptyMeta,
  encodeMeta,
  isFormulaLike,
  linkFormula,
  mergeMarks,
  pendingSheetName,
  planUpsert,
  utf8Length,
} from "../../../src/workbook/common";
import type { TableSpec } from "../../../src/workbook/port";

describe("metadata sheet layout", () => {
  it("round-trips, splitting long JSON into cells under Excel's 32 767-character limit", () => {
    const meta = emptyMeta();
    meta.ownedSheets = ["Проверка", "Реестр взыскания"];
    meta.settings = { asOf: "2024-05-01" };
    meta.marks["Начисления"] = Array.from({ length: 3000 }, (_, i) => ({ r: i, c: 2, fill: null, note: null }));
    const block = encodeMeta(meta);
    expect(block.every((row) => row.length === block[0].length)).toBe(true);
    expect(Math.max(...block.flat().map((s) => s.length))).toBeLessThanOrEqual(30000);
    expect(decodeMeta(block)).toEqual(meta);
  });

  it("ignores a sheet that is not ours and damaged entries", () => {
    expect(decodeMeta([["что-то своё"]])).toEqual(emptyMeta());
    expect(
      decodeMeta([
        ["zhku-collect metadata", "1"],
        ["settings", "{oops"],
      ]),
    ).toEqual(emptyMeta());
  });
});

describe("cells", () => {
  it("detects formula-like text", () => {
    for (const s of ["=1+1", "+7", "-2+3", "@SUM(A1)", "\t=1", "\r=1"]) expect(isFormulaLike(s)).toBe(true);
    for (const s of ["1+1", "Иванов", "", " =1"]) expect(isFormulaLike(s)).toBe(false);
  });

  it("builds a link formula that quotes sheet names and texts safely", () => {
    expect(linkFormula("Перейти", "Начисления", "B7")).toBe(`HYPERLINK("#'Начисления'!B7","Перейти")`);
    // a quote in the text and an apostrophe in the sheet name are doubled; junk in the address is dropped
    expect(linkFormula('a"b', "Д'Артаньян", 'A1")')).toBe(`HYPERLINK("#'Д''Артаньян'!A1","a""b")`);
  });

  it("names the temporary sheet within Excel's 31 characters", () => {
    expect(pendingSheetName("Проверка")).toBe("Проверка (запись…)");
    expect(pendingSheetName("Расчёт пени 10200345678901").length).toBeLessThanOrEqual(31);
  });

  it("counts UTF-8 bytes: Cyrillic letters take two", () => {
    expect(utf8Length("abc")).toBe(3);
    expect(utf8Length("Долг")).toBe(8);
    expect(utf8Length("₽")).toBe(3);
  });
});

describe("planUpsert", () => {
  const spec: TableSpec = {
    sheet: "Реестр взыскания",
    columns: ["Ключ", "Сумма", "Статус"],
    key: "Ключ",
    ownColumns: ["Статус"],
  };

  it("matches rows by key even when the clerk reordered and added columns", () => {
    const existing = [
      ["Статус", "Заметки", "Ключ", "Сумма"],
      ["новый", "звонил", "k1", 100],
      [null, null, null, null],
      ["подано", "", "k2", 50],
    ];
    const plan = planUpsert(spec, existing, [
      { Ключ: "k2", Сумма: 999, Статус: "подано" }, // unchanged status → nothing to write; Сумма is not ours
      { Ключ: "k1", Статус: "отказ" },
      { Ключ: "k3", Сумма: 7, Статус: "новый" },
      { Ключ: "", Статус: "без ключа" },
    ]);
    expect(plan.header).toEqual(["Статус", "Заметки", "Ключ", "Сумма"]);
    expect(plan.newHeaderCells).toEqual([]);
    // k1 is data row 0, column 0
    expect(plan.updates).toEqual([{ row: 0, col: 0, cell: "отказ" }]);
    expect(plan.appended).toEqual([["новый", null, "k3", 7]]);
  });

  it("appends missing spec columns to the header", () => {
    const plan = planUpsert(spec, [["Ключ"], ["k1"]], [{ Ключ: "k1", Статус: "новый" }]);
    expect(plan.header).toEqual(["Ключ", "Сумма", "Статус"]);
    expect(plan.newHeaderCells).toEqual([
      { col: 1, text: "Сумма" },
      { col: 2, text: "Статус" },
    ]);
    expect(plan.updates).toEqual([{ row: 0, col: 2, cell: "новый" }]);
  });
});

describe("mergeMarks", () => {
  it("keeps one mark per cell: the most severe colour and all notes", () => {
    expect(
      mergeMarks([
        { sheet: "Л", row: 1, col: 1, severity: "info", note: "Пустой период" },
        { sheet: "Л", row: 1, col: 1, severity: "error", note: "Сумма не сходится" },
        { sheet: "Л", row: 0, col: 0, severity: "warning", note: "Дубль" },
      ]),
    ).toEqual([
      { sheet: "Л", row: 0, col: 0, severity: "warning", note: "Дубль" },
      { sheet: "Л", row: 1, col: 1, severity: "error", note: "Пустой период\nСумма не сходится" },
    ]);
  });
});
