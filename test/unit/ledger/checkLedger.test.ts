import { describe, expect, it } from "vitest";
import { checkLedger, readSavedMapping, saveLedgerMapping } from "../../../src/app/checkLedger";
import { LedgerInputError } from "../../../src/domain/ledger";
import { OWN_SHEETS } from "../../../src/workbook/port";
import { XlsxWorkbook } from "../../../src/workbook/xlsx/XlsxWorkbook";
import {
  BAILIFF_REGISTER,
  COURT_REGISTER,
  EMPTY_SHEET,
  FIXTURE_TODAY,
  NOT_A_LEDGER,
  fixtureByName,
  fixtureXlsxBytes,
  sampleLedgerFixture,
  type LedgerFixture,
} from "../../fixtures/ledgers";

async function open(...fixtures: LedgerFixture[]) {
  return XlsxWorkbook.fromArrayBuffer(await fixtureXlsxBytes(...fixtures));
}

const twoLevel = fixtureByName("title-two-level");

async function inputError(p: Promise<unknown>): Promise<LedgerInputError> {
  try {
    await p;
  } catch (e) {
    if (e instanceof LedgerInputError) return e;
    throw e;
  }
  throw new Error("expected a LedgerInputError");
}

describe("checkLedger use case", () => {
  it("picks the only ledger sheet, writes «Проверка» with a summary and one linked row per finding", async () => {
    const wb = await open(twoLevel, NOT_A_LEDGER);
    const stages: string[] = [];
    const result = await checkLedger(wb, { today: FIXTURE_TODAY, onProgress: (p) => p.stage && stages.push(p.stage) });
    expect(result.sheet).toBe("ОСВ март 2024");
    expect(result.layout).toBe("per-account");
    expect(result.headerRow).toBe(6);
    expect(result.columnLetters).toMatchObject({ account: "A", name: "B", closingDebt: "H" });
    expect(result.findings.map((f) => f.cell)).toEqual(["H10", "B11", "D12", "A13", "C14"]);
    expect(result.summary.bySeverity).toEqual({ error: 4, warning: 1, info: 0 });
    expect(stages).toContain("Проверка правил");

    const sheet = await wb.readSheet(OWN_SHEETS.check);
    const rows = sheet.text.map((r) => r.filter((t) => t !== ""));
    expect(rows[0]).toEqual(["Проверка реестра: лист «ОСВ март 2024»"]);
    expect(rows[3]).toEqual(["Ошибок: 4; предупреждений: 1; замечаний: 0"]);
    expect(rows[5]).toEqual(["Код", "Правило", "Важность", "Количество"]);
    expect(rows[6]).toEqual(["account.duplicate", "Лицевой счёт повторяется", "ошибка", "1"]);
    const header = rows.findIndex((r) => r[0] === "Код" && r[2] === "Сообщение");
    expect(rows[header]).toEqual(["Код", "Важность", "Сообщение", "Ячейка", "Лицевой счёт", "Должник"]);
    expect(rows[header + 1]).toEqual([
      "balance.mismatch",
      "ошибка",
      "H10: сальдо на конец 2 500,00 ₽ не сходится: сальдо на начало 1 000,00 ₽ + начислено 2 000,00 ₽ − оплачено 1 000,00 ₽ = 2 000,00 ₽ (расхождение 500,00 ₽).".replace(
        /(?<=\d) (?=\d{3},)/g,
        "\u00a0",
      ),
      "ОСВ март 2024!H10",
      "1020036",
      "Петрова А.И.",
    ]);
    expect(rows.length).toBe(header + 1 + 5);
    // the link cell is a HYPERLINK formula to the ledger cell
    const link = wb.workbook.getWorksheet(OWN_SHEETS.check)!.getCell(header + 2, 4).value as { formula?: string };
    expect(link.formula).toMatch(/^HYPERLINK\("#'ОСВ март 2024'!H10"/);
  });

  it("marks the ledger cells; a rerun replaces the marks instead of piling them up", async () => {
    const wb = await open(twoLevel);
    await checkLedger(wb, { today: FIXTURE_TODAY });
    // H10 = row 9, col 7 (0-based)
    expect(wb.noteText("ОСВ март 2024", 9, 7)).toContain("сальдо на конец");
    expect(wb.fillColor("ОСВ март 2024", 9, 7)).not.toBeNull();
    expect(wb.fillColor("ОСВ март 2024", 7, 7)).toBeNull();

    // switch the balance rule off: the mark on H10 disappears, «Проверка» is rewritten
    const second = await checkLedger(wb, { today: FIXTURE_TODAY, disabledRules: ["balance.mismatch"] });
    expect(second.findings).toHaveLength(4);
    expect(wb.fillColor("ОСВ март 2024", 9, 7)).toBeNull();
    expect(wb.noteText("ОСВ март 2024", 9, 7)).toBeNull();
    expect(wb.noteText("ОСВ март 2024", 10, 1)).toContain("не указан собственник");
    const sheets = (await wb.listSheets()).map((s) => s.name);
    expect(sheets.filter((s) => s === OWN_SHEETS.check)).toHaveLength(1);
  });

  it("write: false (the CLI) changes nothing", async () => {
    const wb = await open(twoLevel);
    const result = await checkLedger(wb, { today: FIXTURE_TODAY, write: false });
    expect(result.findings).toHaveLength(5);
    expect((await wb.listSheets()).map((s) => s.name)).toEqual(["ОСВ март 2024"]);
    expect(wb.fillColor("ОСВ март 2024", 9, 7)).toBeNull();
  });

  it("uses the mapping saved for the sheet, and a given mapping over it", async () => {
    const wb = await open(twoLevel);
    await saveLedgerMapping(wb, "ОСВ март 2024", { mapping: { account: 0, name: 1, address: 2, charged: 5, paid: 6 } });
    expect(await readSavedMapping(wb, "ОСВ март 2024")).toEqual({
      mapping: { account: 0, name: 1, address: 2, charged: 5, paid: 6 },
    });
    const saved = await checkLedger(wb, { today: FIXTURE_TODAY, write: false });
    expect(saved.mappingCorrected).toBe(true);
    expect(saved.columns).toEqual({ account: 0, name: 1, address: 2, charged: 5, paid: 6 });
    // without balance columns there is no balance check and no unreadable opening balance
    expect(saved.findings.map((f) => f.code)).toEqual(["name.missing", "account.duplicate", "address.missing"]);
    await saveLedgerMapping(wb, "ОСВ март 2024", null);
    expect(await readSavedMapping(wb, "ОСВ март 2024")).toBeNull();
  });

  it("several ledgers: a Russian error listing them; --sheet chooses", async () => {
    const wb = await open(twoLevel, fixtureByName("per-service"));
    const e = await inputError(checkLedger(wb, { today: FIXTURE_TODAY }));
    expect(e.kind).toBe("several-ledgers");
    expect(e.sheets).toEqual(["ОСВ март 2024", "Начисления"]);
    expect(e.message).toContain("«ОСВ март 2024», «Начисления»");
    const chosen = await checkLedger(wb, { sheet: "Начисления", today: FIXTURE_TODAY, write: false });
    expect(chosen.findings.map((f) => f.code)).toEqual(["charge.negative", "account.duplicate", "balance.mismatch"]);
  });

  it("a court-work register and a bailiff register beside the ledger are not taken for ledgers", async () => {
    const wb = await open(sampleLedgerFixture(), COURT_REGISTER, BAILIFF_REGISTER);
    const result = await checkLedger(wb, { today: FIXTURE_TODAY, write: false });
    expect(result.sheet).toBe("ОСВ по лицевым счетам");
    expect(result.findings.map((f) => f.cell)).toEqual(["H14", "B21", "A31", "G38", "B46"]);
  });

  it("bad input: an unknown sheet, an empty workbook, a sheet that is not a ledger — nothing written", async () => {
    const wb = await open(twoLevel);
    expect((await inputError(checkLedger(wb, { sheet: "Нет такого" }))).kind).toBe("sheet-not-found");
    const empty = await open(EMPTY_SHEET);
    expect((await inputError(checkLedger(empty))).kind).toBe("empty-sheet");
    const notLedger = await open(NOT_A_LEDGER);
    const e = await inputError(checkLedger(notLedger));
    expect(e.kind).toBe("not-ledger");
    expect(e.headersSeen).toEqual(["Сотрудник", "Должность", "Телефон"]);
    expect((await notLedger.listSheets()).map((s) => s.name)).toEqual(["Сотрудники"]);
  });

  it("a cancelled run stops before writing", async () => {
    const wb = await open(twoLevel);
    const ac = new AbortController();
    ac.abort();
    await expect(checkLedger(wb, { signal: ac.signal })).rejects.toMatchObject({ name: "AbortError" });
    expect((await wb.listSheets()).map((s) => s.name)).toEqual(["ОСВ март 2024"]);
  });
});

describe("checkLedger on a big ledger", () => {
  it("marks at most MAX_MARKS cells and says so on «Проверка»", async () => {
    const { gridOf } = await import("../../fixtures/ledgers");
    const { MAX_MARKS } = await import("../../../src/app/checkLedger");
    const rows: (string | number | null)[][] = [["Л/С", "ФИО", "Адрес", "Начислено"]];
    // every account lacks its owner: 5 100 name.missing findings
    for (let i = 0; i < 5100; i++) rows.push([String(100000 + i), null, `кв. ${i + 1}`, 100]);
    const grid = gridOf(rows, { sheet: "Реестр" });
    const written: { name: string; rows: unknown[][] }[] = [];
    let marks: unknown[] = [];
    const port = {
      listSheets: async () => [{ name: "Реестр", rows: rows.length, columns: 4, ownedByAddin: false, visible: true }],
      readSheet: async () => grid,
      writeOwnSheet: async (c: { name: string; rows: unknown[][] }) => void written.push(c),
      markCells: async (_s: string, m: unknown[]) => void (marks = m),
      readSettings: async () => ({}),
    } as unknown as Parameters<typeof checkLedger>[0];
    const result = await checkLedger(port, { today: FIXTURE_TODAY });
    expect(result.findings).toHaveLength(5100);
    expect(marks).toHaveLength(MAX_MARKS);
    expect(written[0].name).toBe("Проверка");
    expect(written[0].rows[4]).toEqual([
      `На листе реестра отмечены первые ${MAX_MARKS} ячеек из 5100; остальные — только в списке ниже.`,
    ]);
  });
});
