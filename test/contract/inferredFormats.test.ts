/**
 * Below its first block the Office.js adapter reads values and text without number formats (a third of the
 * payload) and infers them from what each cell shows. What the domain takes from formats must come out the same
 * through both adapters on every row: a date stays a date, a number a number, a text column text — including a
 * single damaged cell far below the sample (an account Excel turned into a date).
 */
import { describe, expect, it } from "vitest";
import ExcelJS from "exceljs";
import { ADAPTERS } from "./fixtures";
import { isDateFormat } from "../../src/workbook/displayText";
import { recognizeLedger, validateLedger } from "../../src/domain/ledger";

const ROWS = 30_000;
const DAMAGED_ROW = 25_000; // far below the first block

function ledgerWithDates(): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("ОСВ");
  ws.addRow(["Оборотная ведомость по лицевым счетам за период 01.01.2026 - 31.10.2026"]);
  ws.addRow([]);
  ws.addRow(["Л/С", "ФИО", "Дата рождения", "Адрес", "Сальдо на начало", "Начислено", "Оплачено", "Сальдо на конец"]);
  for (let r = 1; r <= ROWS; r++) {
    const opening = (r % 50) * 1000;
    const charged = 350_000 + (r % 7) * 100;
    const paid = r % 3 === 0 ? 0 : charged;
    ws.addRow([
      String(r).padStart(7, "0"),
      `Иванов${r} И.И.`,
      25000 + (r % 9000),
      `ул. Лесная, д. ${r % 90}, кв. ${r % 40}`,
      opening / 100,
      charged / 100,
      paid / 100,
      (opening + charged - paid) / 100,
    ]);
  }
  ws.getColumn(1).numFmt = "@";
  ws.getColumn(3).numFmt = "dd.mm.yyyy";
  for (const c of [5, 6, 7, 8]) ws.getColumn(c).numFmt = "#,##0.00";
  // «5/1» typed into the account column became a date (docs/formats.md, § 1.6)
  const cell = ws.getCell(3 + DAMAGED_ROW, 1);
  cell.value = 45292;
  cell.numFmt = "dd.mm.yyyy";
  return wb;
}

describe("number formats inferred below the first block", () => {
  it("classify every cell as a date or not exactly as the real formats do, and the ledger check agrees", async () => {
    const results = await Promise.all(
      ADAPTERS.map(async ([, make]) => {
        const { port } = make(ledgerWithDates());
        const grid = await port.readSheet("ОСВ");
        const ledger = recognizeLedger(grid);
        return { grid, ledger, findings: validateLedger(ledger, { today: "2026-11-28" }) };
      }),
    );
    const [a, b] = results;
    const dateMap = (g: typeof a.grid) =>
      g.values.map((row, r) => row.map((v, c) => typeof v === "number" && isDateFormat(g.numberFormat[r][c])));
    expect(dateMap(b.grid)).toEqual(dateMap(a.grid));
    const textMap = (g: typeof a.grid) => g.numberFormat.map((row) => row.map((f) => f === "@"));
    expect(textMap(b.grid)).toEqual(textMap(a.grid));
    // birth dates far below the sample are still dates: account 30 000 → serial 25 000 + 30 000 % 9 000 = 28 000;
    // 28 000 − 25 569 (= 01.01.1970) = 2 431 days = 6 years (2 191 days) + 240 days into 1976 (leap) = 28.08.1976
    expect(b.ledger.accounts.find((x) => x.account === "0030000")?.birthDate).toBe("1976-08-28");
    expect(b.ledger.accounts.length).toBe(a.ledger.accounts.length);
    expect(b.findings.map((f) => `${f.code}@${f.cell}`)).toEqual(a.findings.map((f) => `${f.code}@${f.cell}`));
    // the damaged account cell is found through both adapters
    expect(b.findings.some((f) => f.code === "id.date-damaged" && f.row === 3 + DAMAGED_ROW)).toBe(true);
  });
});
