/**
 * Every fixture (docs/formats.md, § 1 variants) recognised and validated: the right layout, header row, period, columns,
 * data/skipped counts, and exactly the planted findings — nothing on clean rows, totals or group rows.
 */
import { describe, expect, it } from "vitest";
import { columnLetter } from "../../../src/domain/grid";
import { recognizeLedger, validateLedger } from "../../../src/domain/ledger";
import { XlsxWorkbook } from "../../../src/workbook/xlsx/XlsxWorkbook";
import {
  FIXTURE_TODAY,
  LEDGER_FIXTURES,
  buildSampleLedger,
  fixtureGrid,
  fixtureXlsxBytes,
  sampleLedgerFixture,
  type LedgerFixture,
} from "../../fixtures/ledgers";

function check(f: LedgerFixture, grid = fixtureGrid(f)) {
  const ledger = recognizeLedger(grid);
  const findings = validateLedger(ledger, { today: FIXTURE_TODAY });
  return { ledger, findings };
}

const ALL = [...LEDGER_FIXTURES, sampleLedgerFixture()];

describe.each(ALL.map((f) => [f.name, f] as const))("fixture %s", (_name, f) => {
  const { ledger, findings } = check(f);

  it("recognises layout, header row, period and row counts", () => {
    expect(ledger.layout).toBe(f.expected.layout);
    expect(ledger.headerRow).toBe(f.expected.headerRow);
    expect(ledger.period).toEqual(f.expected.period);
    expect(ledger.rows).toEqual(f.expected.rows);
  });

  it("finds exactly the planted problems, at their cells", () => {
    expect(findings.map((x) => ({ code: x.code, cell: x.cell }))).toEqual(f.expected.findings);
  });

  it("every message names its cell and is in Russian", () => {
    for (const x of findings) {
      expect(x.message.startsWith(`${x.cell}: `)).toBe(true);
      expect(x.message).toMatch(/[а-яё]/);
      expect(x.sheet).toBe(f.sheet);
      expect(x.row).toBe(Number(x.cell.replace(/^[A-Z]+/, "")));
      expect(columnLetter(x.col)).toBe(x.cell.replace(/\d+$/, ""));
    }
  });
});

describe.each(ALL.filter((f) => f.expected.columns).map((f) => [f.name, f] as const))("columns of %s", (_name, f) => {
  it("maps every column to its concept", () => {
    const { ledger } = check(f);
    const letters = Object.fromEntries(Object.entries(ledger.columns).map(([k, v]) => [k, columnLetter(v)]));
    expect(letters).toEqual(f.expected.columns);
  });
});

describe("canonical accounts", () => {
  it("docs/formats.md § 1.5 example: signed balances from Долг/Аванс pairs, in kopecks", () => {
    const { ledger } = check(LEDGER_FIXTURES[0]);
    const sokolova = ledger.accounts.find((a) => a.account === "1020034")!;
    // first row: 25 430,12 + 3 812,40 − 0 = 29 242,52; the duplicate row adds 0 + 100 − 100 = 0
    expect(sokolova).toMatchObject({
      name: "Соколова Е.В.",
      address: "мкр. 3, д. 5, кв. 12",
      opening: 2543012,
      charged: 381240 + 10000,
      paid: 10000,
      closing: 2924252,
      penalties: 120433,
    });
    expect(sokolova.rows).toEqual([8, 13]);
    const orlov = ledger.accounts.find((a) => a.account === "1020035")!;
    // advance 1 500,00 is a negative opening balance
    expect(orlov).toMatchObject({ opening: -150000, charged: 381240, paid: 231240, closing: 0 });
  });

  it("text identifiers keep their leading zeros", () => {
    const { ledger } = check(LEDGER_FIXTURES.find((f) => f.name === "text-ids")!);
    expect(ledger.accounts.map((a) => a.account)).toEqual(["000123", "000124", "000125", "000126", "000127"]);
    // (1 500,00) opening, "-" closing = 0
    expect(ledger.accounts[1]).toMatchObject({ opening: -150000, closing: 0, snils: "112-233-445 96" });
  });

  it("per-service rows: services per account and totals across services", () => {
    const { ledger } = check(LEDGER_FIXTURES.find((f) => f.name === "per-service")!);
    const ivanov = ledger.accounts.find((a) => a.account === "3000101")!;
    // Содержание 1 000 → 1 000 and Отопление 2 000 → 3 500: opening 3 000, charged 2 000, paid 500, closing 4 500
    expect(ivanov).toMatchObject({ opening: 300000, charged: 200000, paid: 50000, closing: 450000 });
    expect(ivanov.services?.map((s) => [s.service, s.closing])).toEqual([
      ["Содержание жилья", 100000],
      ["Отопление", 350000],
    ]);
  });

  it("per-month rows: months sorted, opening of the first and closing of the last month", () => {
    const { ledger } = check(LEDGER_FIXTURES.find((f) => f.name === "per-month-rows")!);
    const a = ledger.accounts.find((x) => x.account === "5000001")!;
    expect(a.months?.map((m) => [m.period, m.charged, m.paid, m.closing])).toEqual([
      ["2024-01", 50000, 0, 150000],
      ["2024-02", 50000, 20000, 180000],
      ["2024-03", 50000, 0, 230000],
    ]);
    // 1 000 + 1 500 − 200 = 2 300
    expect(a).toMatchObject({ opening: 100000, charged: 150000, paid: 20000, closing: 230000 });
  });

  it("month columns: the month per column and the amounts per month", () => {
    const { ledger } = check(LEDGER_FIXTURES.find((f) => f.name === "month-columns-two-level")!);
    expect(ledger.monthColumns).toEqual([
      { col: 4, period: "2024-01", kind: "charged" },
      { col: 5, period: "2024-01", kind: "paid" },
      { col: 6, period: "2024-01", kind: "debt" },
      { col: 7, period: "2024-02", kind: "charged" },
      { col: 8, period: "2024-02", kind: "paid" },
      { col: 9, period: "2024-02", kind: "debt" },
    ]);
    const a = ledger.accounts[0];
    expect(a.months?.map((m) => [m.period, m.charged, m.paid, m.closing])).toEqual([
      ["2024-01", 50000, 0, 150000],
      ["2024-02", 50000, 100000, 100000],
    ]);
    expect(a.closing).toBe(100000);
  });

  it("split name and address columns are joined", () => {
    const { ledger } = check(LEDGER_FIXTURES.find((f) => f.name === "split-columns")!);
    expect(ledger.accounts[0]).toMatchObject({
      name: "Соколова Елена Викторовна",
      address: "ул. Мира, д. 5, кв. 12",
      lastPaymentDate: "2024-02-28",
      birthDate: "1981-02-14",
    });
  });
});

describe("the same fixtures read from .xlsx through the xlsx adapter", () => {
  it.each(ALL.filter((f) => f.name !== "sample").map((f) => [f.name, f] as const))("%s", async (_n, f) => {
    const wb = await XlsxWorkbook.fromArrayBuffer(await fixtureXlsxBytes(f));
    const { ledger, findings } = check(f, await wb.readSheet(f.sheet));
    expect(ledger.layout).toBe(f.expected.layout);
    expect(ledger.headerRow).toBe(f.expected.headerRow);
    expect(ledger.rows).toEqual(f.expected.rows);
    expect(findings.map((x) => ({ code: x.code, cell: x.cell }))).toEqual(f.expected.findings);
  });

  it("the bundled sample ledger", async () => {
    const sample = buildSampleLedger();
    const wb = await XlsxWorkbook.fromArrayBuffer(new Uint8Array(await sample.workbook.xlsx.writeBuffer()));
    const { ledger, findings } = check(sample.fixture, await wb.readSheet(sample.sheet));
    expect(ledger.accounts.length).toBe(39); // 40 data rows, one of them a duplicate account
    expect(findings.map((x) => ({ code: x.code, cell: x.cell }))).toEqual(sample.expected);
  });
});
