/** `zhku-collect check LEDGER.xlsx [--sheet NAME] [--json]` end to end, spawned like a user runs it. */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import {
  EMPTY_SHEET,
  NOT_A_LEDGER,
  buildSampleLedgerBytes,
  fixtureByName,
  fixtureXlsxBytes,
} from "../../fixtures/ledgers";
import { cli } from "../../fixtures/cli";

let dir: string;
const file = (name: string) => join(dir, name);

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), "zhku-check-"));
  writeFileSync(file("осв.xlsx"), await fixtureXlsxBytes(fixtureByName("title-two-level")));
  writeFileSync(
    file("два.xlsx"),
    await fixtureXlsxBytes(fixtureByName("title-two-level"), fixtureByName("per-month-rows")),
  );
  writeFileSync(file("сотрудники.xlsx"), await fixtureXlsxBytes(NOT_A_LEDGER));
  writeFileSync(file("пусто.xlsx"), await fixtureXlsxBytes(EMPTY_SHEET));
  writeFileSync(file("пример.xlsx"), await buildSampleLedgerBytes());
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("zhku-collect check", () => {
  it("--json prints the contract document and does not touch the file", () => {
    const before = readFileSync(file("осв.xlsx"));
    const r = cli("check", file("осв.xlsx"), "--json");
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    const doc = JSON.parse(r.stdout);
    expect(Object.keys(doc)).toEqual(["sheet", "layout", "headerRow", "period", "columns", "rows", "findings"]);
    expect(doc).toMatchObject({
      sheet: "ОСВ март 2024",
      layout: "per-account",
      headerRow: 6,
      period: { from: "2024-03-01", to: "2024-03-31" },
      columns: {
        account: "A",
        name: "B",
        address: "C",
        openingDebt: "D",
        openingAdvance: "E",
        charged: "F",
        paid: "G",
        closingDebt: "H",
        closingAdvance: "I",
        penalties: "J",
      },
      rows: { data: 7, skipped: 3 },
    });
    expect(
      doc.findings.map((f: { code: string; row: number; cell: string; account: string }) => [
        f.code,
        f.row,
        f.cell,
        f.account,
      ]),
    ).toEqual([
      ["balance.mismatch", 10, "H10", "1020036"],
      ["name.missing", 11, "B11", "1020037"],
      ["amount.invalid", 12, "D12", "1020038"],
      ["account.duplicate", 13, "A13", "1020034"],
      ["address.missing", 14, "C14", "1020039"],
    ]);
    expect(Object.keys(doc.findings[0])).toEqual(["code", "severity", "sheet", "row", "cell", "account", "message"]);
    expect(doc.findings[0].severity).toBe("error");
    expect(readFileSync(file("осв.xlsx")).equals(before)).toBe(true);
  });

  it("without --json prints a readable Russian summary", () => {
    const r = cli("check", file("пример.xlsx"));
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("лист «ОСВ по лицевым счетам»");
    expect(r.stdout).toContain(
      "Макет: одна строка на лицевой счёт; строка заголовка: 7; период: 01.11.2025 – 31.10.2026",
    );
    expect(r.stdout).toContain("Строк с данными: 40; пропущено (итоги, группы): 7");
    expect(r.stdout).toContain("Ошибок: 4; предупреждений: 1; замечаний: 0");
    expect(r.stdout).toMatch(/owners\.no-shares\s+Несколько собственников без долей\s+предупреждение\s+1/);
  });

  it("several ledgers: exit 2 asking for --sheet; --sheet picks one", () => {
    const r = cli("check", file("два.xlsx"), "--json");
    expect(r.code).toBe(2);
    expect(r.stdout).toBe("");
    expect(r.stderr).toContain("несколько листов, похожих на реестр: «ОСВ март 2024», «История»");
    expect(r.stderr).toContain("--sheet");
    const one = cli("check", file("два.xlsx"), "--sheet", "История", "--json");
    expect(one.code).toBe(0);
    const doc = JSON.parse(one.stdout);
    expect(doc.layout).toBe("per-month-rows");
    expect(doc.findings.map((f: { code: string; cell: string }) => `${f.code} ${f.cell}`)).toEqual([
      "balance.mismatch E6",
      "period.invalid D7",
      "period.future D8",
    ]);
  });

  it("bad input exits 2 with a Russian message naming the file and the problem", () => {
    const notLedger = cli("check", file("сотрудники.xlsx"), "--json");
    expect(notLedger.code).toBe(2);
    expect(notLedger.stdout).toBe("");
    expect(notLedger.stderr).toMatch(
      /^Ошибка: сотрудники\.xlsx: Лист «Сотрудники» не похож на реестр.*не найдены столбцы — Лицевой счёт.*Заголовки на листе: «Сотрудник», «Должность», «Телефон»/,
    );
    const empty = cli("check", file("пусто.xlsx"));
    expect(empty.code).toBe(2);
    expect(empty.stderr).toContain("пусто.xlsx");
    const noSheet = cli("check", file("осв.xlsx"), "--sheet", "Лист9");
    expect(noSheet.code).toBe(2);
    expect(noSheet.stderr).toContain("нет листа «Лист9»");
    const missing = cli("check", file("нет.xlsx"));
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain("не найден");
  });
});
