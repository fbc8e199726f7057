/**
 * The court-work register «Реестр взыскания» through both adapters: created, edited by the clerk, upserted twice.
 * Both adapters end with the same cells; in Excel (the fake Office.js host) the register is one Excel table that
 * grows with every upsert, in few syncs.
 */
import { describe, expect, it } from "vitest";
import { ADAPTERS, NBSP, ledgerWorkbook } from "./fixtures";
import { XlsxWorkbook } from "../../src/workbook/xlsx/XlsxWorkbook";
import { OWN_SHEETS, type TableRow, type TableSpec } from "../../src/workbook/port";

const REGISTER: TableSpec = {
  sheet: OWN_SHEETS.register,
  columns: ["Ключ", "Л/С", "Должник", "Период с", "Основной долг", "Статус", "Дата подачи", "№ дела"],
  key: "Ключ",
  ownColumns: ["Основной долг", "Статус"],
  formats: { "Л/С": "text", "Период с": "date", "Основной долг": "money", "Дата подачи": "date" },
};

const claim = (account: string, debtor: string, from: string, kopecks: number, status = "подготовлено"): TableRow => ({
  Ключ: `${account}|${from}`,
  "Л/С": account,
  Должник: debtor,
  "Период с": { kind: "date", date: from },
  "Основной долг": { kind: "money", kopecks },
  Статус: status,
});

/** Create with 3 claims; the clerk files one; then 2 new claims + a status; then 1 new + a corrected debt. */
async function scenario(make: (typeof ADAPTERS)[number][1]) {
  const made = make(ledgerWorkbook());
  const { port, workbook } = made;
  await port.upsertTableRows(REGISTER, [
    claim("00123", "Иванов И. И.", "2023-01-01", 1_421_055),
    claim("0045600", "Петрова А. С.", "2023-03-01", 683_040),
    claim("1020034", "ООО «Ромашка»", "2022-07-01", 50_000_001),
  ]);
  const tableAfterCreate = made.host?.tablesOn(REGISTER.sheet);
  // the clerk filed Петрова's claim: typed the date and the case number (row 3 of the sheet)
  const ws = workbook.getWorksheet(REGISTER.sheet)!;
  ws.getCell("G3").value = new Date(Date.UTC(2024, 2, 15));
  ws.getCell("G3").numFmt = "dd.mm.yyyy";
  ws.getCell("H3").value = "2-1234/2024";
  made.host?.resetCounters();
  await port.upsertTableRows(REGISTER, [
    claim("0045600", "Петрова А. С.", "2023-03-01", 683_040, "подано"),
    claim("0077", "Сидоров П. П.", "2023-05-01", 99),
    claim("0078", "=1+1", "2023-06-01", 150_000),
  ]);
  const syncsOfUpsert = made.host?.syncCount;
  const tableAfterFirst = made.host?.tablesOn(REGISTER.sheet);
  await port.upsertTableRows(REGISTER, [
    claim("00123", "Иванов И. И.", "2023-01-01", 1_400_000),
    claim("0099", "Кузнецова Е. В.", "2024-01-01", 1_000_000),
  ]);
  return { made, tableAfterCreate, tableAfterFirst, syncsOfUpsert };
}

const results = new Map<string, Awaited<ReturnType<typeof scenario>>>();
async function run(name: string, make: (typeof ADAPTERS)[number][1]) {
  if (!results.has(name)) results.set(name, await scenario(make));
  return results.get(name)!;
}

describe.each(ADAPTERS)("court-work register: %s", (name, make) => {
  it("keeps the computed rows, the clerk's cells and the order after two upserts", async () => {
    const { made } = await run(name, make);
    const rows = await made.port.readTable(REGISTER);
    // amounts: 1 421 055 коп. → 14 210.55, corrected to 14 000.00; 683 040 → 6 830.40; 50 000 001 → 500 000.01;
    // 99 → 0.99; 150 000 → 1 500.00; 1 000 000 → 10 000.00
    expect(rows!.map((r) => [r["Л/С"], r["Должник"], r["Основной долг"], r["Статус"], r["№ дела"]])).toEqual([
      ["00123", "Иванов И. И.", 14000, "подготовлено", null],
      ["0045600", "Петрова А. С.", 6830.4, "подано", "2-1234/2024"],
      ["1020034", "ООО «Ромашка»", 500000.01, "подготовлено", null],
      ["0077", "Сидоров П. П.", 0.99, "подготовлено", null],
      ["0078", "=1+1", 1500, "подготовлено", null],
      ["0099", "Кузнецова Е. В.", 10000, "подготовлено", null],
    ]);
    const g = await new XlsxWorkbook(made.workbook).readSheet(REGISTER.sheet);
    // dates shown as the clerk reads them; the money format on the appended rows
    expect(g.text.slice(1).map((r) => [r[3], r[4], r[6]])).toEqual([
      ["01.01.2023", `14${NBSP}000,00`, ""],
      ["01.03.2023", `6${NBSP}830,40`, "15.03.2024"],
      ["01.07.2022", `500${NBSP}000,01`, ""],
      ["01.05.2023", "0,99", ""],
      ["01.06.2023", `1${NBSP}500,00`, ""],
      ["01.01.2024", `10${NBSP}000,00`, ""],
    ]);
    expect(g.numberFormat[6][1]).toBe("@"); // «0078» stays text with its zeros
  });

  it("ends with exactly the cells the other adapter writes", async () => {
    const [[nameA, makeA], [nameB, makeB]] = ADAPTERS;
    const a = await new XlsxWorkbook((await run(nameA, makeA)).made.workbook).readSheet(REGISTER.sheet);
    const b = await new XlsxWorkbook((await run(nameB, makeB)).made.workbook).readSheet(REGISTER.sheet);
    expect(b.values).toEqual(a.values);
    expect(b.text).toEqual(a.text);
    // formats of the cells that hold something (Office.js also formats the empty cells of a new row's columns,
    // so a date the clerk types later into «Дата подачи» shows as a date; ExcelJS leaves empty cells alone)
    const filled = (g: typeof a) => g.numberFormat.map((r, i) => r.map((f, c) => (g.values[i][c] === null ? null : f)));
    expect(filled(b)).toEqual(filled(a));
    void name;
  });
});

describe("court-work register in Excel (Office.js over the fake)", () => {
  const [excelName, makeExcel] = ADAPTERS.find(([n]) => n.startsWith("excel"))!;
  it("is one Excel table that grows with each upsert, in few syncs", async () => {
    const { made, tableAfterCreate, tableAfterFirst, syncsOfUpsert } = await run(excelName, makeExcel);
    // 8 columns A..H; header + 3 rows → A1:H4; + 2 new → A1:H6; + 1 new → A1:H7
    expect(tableAfterCreate).toEqual([{ name: "РеестрВзыскания", style: "TableStyleLight9", address: "A1:H4" }]);
    expect(tableAfterFirst).toEqual([{ name: "РеестрВзыскания", style: "TableStyleLight9", address: "A1:H6" }]);
    expect(made.host!.tablesOn(REGISTER.sheet)).toEqual([
      { name: "РеестрВзыскания", style: "TableStyleLight9", address: "A1:H7" },
    ]);
    expect(made.host!.tables).toHaveLength(1);
    // metadata with the sheet's size 1 + its cells 1 + find the table 2 + one rows.add block 1 + the status update 1
    expect(syncsOfUpsert).toBe(6);
  });
});
