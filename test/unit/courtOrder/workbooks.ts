/**
 * The same small debtor ledger (01–04.2025, two accounts) in the three layouts, as .xlsx files built with ExcelJS,
 * plus a court-work register sheet when asked. Amounts in roubles as a clerk types them.
 *   0001 Иванов Иван Иванович: 1 000,00 charged each month, nothing paid;
 *   0002 Орлов Дмитрий Сергеевич: 1 000,00 charged each month, 1 000,00 paid in April;
 *   0003 Петрова Анна Павловна: 1 000,00 charged and paid each month (no debt).
 */
import ExcelJS from "exceljs";

export type Layout = "per-account" | "per-month-rows" | "month-columns";

const PEOPLE = [
  { account: "0001", name: "Иванов Иван Иванович", address: "г. Белоярский, мкр. 3, д. 5, кв. 12", paid: [0, 0, 0, 0] },
  {
    account: "0002",
    name: "Орлов Дмитрий Сергеевич",
    address: "г. Белоярский, мкр. 3, д. 5, кв. 13",
    paid: [0, 0, 0, 1000],
  },
  {
    account: "0003",
    name: "Петрова Анна Павловна",
    address: "г. Белоярский, мкр. 3, д. 5, кв. 14",
    paid: [1000, 1000, 1000, 1000],
  },
];
const MONTHS = ["Январь 2025", "Февраль 2025", "Март 2025", "Апрель 2025"];

function textCell(ws: ExcelJS.Worksheet, row: number, col: number, value: string): void {
  const c = ws.getCell(row, col);
  c.value = value;
  c.numFmt = "@";
}

export async function ledgerWorkbook(
  layout: Layout,
  register?: (string | number | null)[][],
  registerSheet = "Реестр приказов",
): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("Должники");
  ws.getCell(1, 1).value = "ООО «УК Пример»";
  ws.getCell(2, 1).value = "Оборотная ведомость по лицевым счетам за период 01.01.2025 - 30.04.2025";
  if (layout === "per-account") {
    ws.getRow(4).values = ["Л/С", "ФИО", "Адрес", "Сальдо на начало", "Начислено", "Оплачено", "Сальдо на конец"];
    PEOPLE.forEach((p, i) => {
      const paid = p.paid.reduce((a, b) => a + b, 0);
      textCell(ws, 5 + i, 1, p.account);
      ws.getCell(5 + i, 2).value = p.name;
      ws.getCell(5 + i, 3).value = p.address;
      ws.getCell(5 + i, 4).value = 0;
      ws.getCell(5 + i, 5).value = 4000;
      ws.getCell(5 + i, 6).value = paid;
      ws.getCell(5 + i, 7).value = 4000 - paid;
    });
  } else if (layout === "per-month-rows") {
    ws.getRow(4).values = ["Л/С", "ФИО", "Адрес", "Период", "Начислено", "Оплачено"];
    let r = 5;
    for (const p of PEOPLE) {
      MONTHS.forEach((m, i) => {
        textCell(ws, r, 1, p.account);
        ws.getCell(r, 2).value = p.name;
        ws.getCell(r, 3).value = p.address;
        ws.getCell(r, 4).value = m;
        ws.getCell(r, 5).value = 1000;
        ws.getCell(r, 6).value = p.paid[i];
        r++;
      });
    }
  } else {
    // two header rows: the month over «Начислено» | «Оплачено»
    ws.getCell(4, 1).value = "Л/С";
    ws.getCell(4, 2).value = "ФИО";
    ws.getCell(4, 3).value = "Адрес";
    MONTHS.forEach((m, i) => {
      ws.getCell(4, 4 + 2 * i).value = m;
      ws.mergeCells(4, 4 + 2 * i, 4, 5 + 2 * i);
      ws.getCell(5, 4 + 2 * i).value = "Начислено";
      ws.getCell(5, 5 + 2 * i).value = "Оплачено";
    });
    ws.mergeCells(4, 1, 5, 1);
    ws.mergeCells(4, 2, 5, 2);
    ws.mergeCells(4, 3, 5, 3);
    PEOPLE.forEach((p, k) => {
      const r = 6 + k;
      textCell(ws, r, 1, p.account);
      ws.getCell(r, 2).value = p.name;
      ws.getCell(r, 3).value = p.address;
      MONTHS.forEach((_, i) => {
        ws.getCell(r, 4 + 2 * i).value = 1000;
        ws.getCell(r, 5 + 2 * i).value = p.paid[i];
      });
    });
  }
  if (register) {
    const rs = wb.addWorksheet(registerSheet);
    register.forEach((row, i) => {
      row.forEach((v, j) => {
        if (v !== null) {
          if (typeof v === "string") textCell(rs, i + 1, j + 1, v);
          else rs.getCell(i + 1, j + 1).value = v;
        }
      });
    });
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}
