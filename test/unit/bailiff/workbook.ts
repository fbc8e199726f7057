/**
 * A small workbook for the «Сверить» use case: a ledger with last payments, and the bailiff register (FSSP table,
 * shape A) on its own sheet; the court-work register «Реестр взыскания» is added through the port as the add-in does.
 *   0001 Иванов Иван Иванович — order 2-10/2025, proceeding open, still owes;
 *   0002 Орлов Дмитрий Сергеевич — order 2-11/2025 for 25 000,00, paid 30 000,00 on 10.10.2026, balance 0;
 *   0003 Петрова Анна Павловна — order 2-12/2025, returned under ст. 46 ч. 1 п. 4 on 15.03.2026;
 *   0004 Сидоров Олег Петрович — order 2-13/2025 sent on 01.08.2026, no proceeding.
 */
import ExcelJS from "exceljs";
import { XlsxWorkbook } from "../../../src/workbook/xlsx/XlsxWorkbook";
import { registerTableSpec } from "../../../src/app/courtRegister";
import { FSSP_HEADERS } from "../../generators/bailiffRegister";

export const INN = "8611000017";
const DEPT = "ОСП по Белоярскому району";

export const BAILIFF_ROWS = [
  [
    "ИВАНОВ ИВАН ИВАНОВИЧ\n01.02.1970\nГ. БЕЛОЯРСКИЙ",
    "501/26/86004-ИП от 10.02.2026",
    `Судебный приказ от 15.01.2025 № 02-10/25\nСУДЕБНЫЙ УЧАСТОК № 1\n${INN}`,
    "",
    "",
    "Задолженность\n\nСумма долга: 20000.00 руб.\n\nОстаток долга по исполнительному документу: 20000.00 руб.",
    DEPT,
    "ПЕТРОВА А. С.",
  ],
  [
    "ОРЛОВ ДМИТРИЙ СЕРГЕЕВИЧ\n02.03.1971",
    "502/26/86004-ИП от 11.02.2026",
    `Судебный приказ от 15.01.2025 № 2-11/2025\nСУДЕБНЫЙ УЧАСТОК № 1\n${INN}`,
    "",
    "",
    "Задолженность\n\nСумма долга: 25000.00 руб.",
    DEPT,
    "ПЕТРОВА А. С.",
  ],
  [
    "ПЕТРОВА АННА ПАВЛОВНА\n03.04.1972",
    "503/25/86004-ИП от 12.05.2025",
    `Судебный приказ от 15.01.2025 № 2-12/2025\nСУДЕБНЫЙ УЧАСТОК № 1\n${INN}`,
    "15.03.2026\nст. 46\nч. 1\nп. 4",
    "",
    "Задолженность",
    DEPT,
    "ПЕТРОВА А. С.",
  ],
];

export async function reconcileWorkbook(
  options: { bailiff?: boolean; register?: boolean } = {},
): Promise<XlsxWorkbook> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("Должники");
  ws.addRow([
    "Л/С",
    "ФИО",
    "Адрес",
    "Сальдо на начало",
    "Начислено",
    "Оплачено",
    "Сальдо на конец",
    "Дата последней оплаты",
    "Сумма последней оплаты",
  ]);
  const people: [string, string, number, number, number, string | null, number | null][] = [
    ["0001", "Иванов Иван Иванович", 20000, 3000, 0, null, null],
    ["0002", "Орлов Дмитрий Сергеевич", 27000, 3000, 30000, "2026-10-10", 30000],
    ["0003", "Петрова Анна Павловна", 18000, 3000, 0, null, null],
    ["0004", "Сидоров Олег Петрович", 15000, 3000, 0, null, null],
  ];
  people.forEach(([acc, name, open, charged, paid, date, amount], i) => {
    const row = ws.addRow([
      acc,
      name,
      `г. Белоярский, мкр. 3, д. 5, кв. ${i + 1}`,
      open,
      charged,
      paid,
      open + charged - paid,
      date ? new Date(`${date}T00:00:00Z`) : null,
      amount,
    ]);
    row.getCell(1).numFmt = "@";
    row.getCell(8).numFmt = "dd.mm.yyyy";
  });
  if (options.bailiff !== false) {
    const b = wb.addWorksheet("Реестр ССП");
    b.addRow(["Найдено записей: 3"]);
    b.addRow(FSSP_HEADERS);
    for (const r of BAILIFF_ROWS) b.addRow(r);
  }
  const port = await XlsxWorkbook.fromArrayBuffer(await wb.xlsx.writeBuffer());
  if (options.register !== false) {
    const H = (h: string) => h;
    const rows = [
      ["0001", "Иванов И.И.", "2-10/2025", "2025-01-15", "2026-01-20", "подготовлено", ""],
      ["0002", "Орлов Д.С.", "2-11/2025", "2025-01-15", "2026-01-20", "направлено в ССП", ""],
      ["0003", "Петрова А.П.", "2-12/2025", "2025-01-15", "2025-04-20", "подготовлено", "уточнить у пристава"],
      ["0004", "Сидоров О.П.", "2-13/2025", "2025-01-15", "2026-08-01", "направлено в ССП", ""],
    ].map(([acc, debtor, no, order, fssp, status, ip]) => ({
      [H("Ключ")]: `${acc}/2024-01-2024-12`,
      "Л/С": acc,
      Должник: debtor,
      "Сумма требования": { kind: "money" as const, kopecks: acc === "0002" ? 2500000 : 2000000 },
      "№ дела": no,
      "Дата приказа": { kind: "date" as const, date: order },
      "Дата направления в ССП": { kind: "date" as const, date: fssp },
      Статус: status,
      "№ ИП": ip || null,
    }));
    await port.upsertTableRows(registerTableSpec(), rows);
  }
  await port.writeSettings({ claimant: { name: "ООО «УК Пример»", inn: INN } });
  return port;
}
