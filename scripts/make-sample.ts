/**
 * Builds assets/sample/sample-zhku.xlsx, the workbook behind «Открыть пример» on the standalone page: the sample
 * ledger (test/fixtures/ledgers: an invented «Оборотная ведомость» with planted problems), a court-work register
 * the clerk keeps by hand, and a register of enforcement proceedings received from the bailiffs (ОСП), shaped
 * like docs/formats.md, § 3.4. All people, accounts and numbers are invented.
 * Run: npx tsx scripts/make-sample.ts   (the file is committed; a unit test checks it matches the fixture).
 */
import { writeFileSync, mkdirSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import type ExcelJS from "exceljs";
import { buildSampleLedger } from "../test/fixtures/ledgers";

export const SAMPLE_FILE = path.join(
  path.dirname(path.dirname(fileURLToPath(import.meta.url))),
  "assets/sample/sample-zhku.xlsx",
);
export const SAMPLE_COURT_SHEET = "Судебная работа";
export const SAMPLE_BAILIFF_SHEET = "Реестр ИП от ОСП";

interface LedgerLine {
  account: string;
  name: string;
  address: string;
}

/** Ledger data rows (account, owner, address) as they appear in the sample's ledger sheet. */
function ledgerLines(ws: ExcelJS.Worksheet): LedgerLine[] {
  const lines: LedgerLine[] = [];
  ws.eachRow((row) => {
    const account = row.getCell(1).text;
    if (/^\d{7}$/.test(account)) lines.push({ account, name: row.getCell(2).text, address: row.getCell(3).text });
  });
  return lines;
}

function dateCell(iso: string): Date {
  return new Date(`${iso}T00:00:00Z`);
}

function styleHeader(ws: ExcelJS.Worksheet, widths: number[]): void {
  const header = ws.getRow(1);
  header.font = { bold: true };
  header.alignment = { wrapText: true, vertical: "middle" };
  header.eachCell((c) => {
    c.fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFD9E1F2" } };
  });
  widths.forEach((w, i) => (ws.getColumn(i + 1).width = w));
  ws.views = [{ state: "frozen", ySplit: 1 }];
}

export async function buildSampleWorkbook(): Promise<ExcelJS.Workbook> {
  const sample = buildSampleLedger();
  const wb = sample.workbook;
  const lines = ledgerLines(wb.getWorksheet(sample.sheet)!);
  const pick = (i: number) => lines[i % lines.length];

  // A register of court work the clerk already keeps by hand (not the add-in's «Реестр взыскания»).
  const court = wb.addWorksheet(SAMPLE_COURT_SHEET);
  court.addRow([
    "Л/С",
    "ФИО должника",
    "Адрес",
    "Период взыскания",
    "Сумма долга",
    "Госпошлина",
    "Дата подачи заявления",
    "Судебный участок",
    "№ дела",
    "Дата вынесения приказа",
    "Дата направления в ССП",
    "№ ИП",
    "Статус",
    "Примечание",
  ]);
  const cases = [
    {
      who: pick(2),
      period: "01.2025–09.2025",
      debt: 52310.4,
      duty: 2000,
      filed: "2025-11-12",
      court: "Судебный участок № 3 Северного района",
      no: "2-1187/2025",
      order: "2025-11-26",
      fssp: "2026-01-15",
      ip: "4512/26/86004-ИП",
      status: "ИП возбуждено",
      note: "",
    },
    {
      who: pick(10),
      period: "03.2025–10.2025",
      debt: 38904.15,
      duty: 2000,
      filed: "2025-12-03",
      court: "Судебный участок № 3 Северного района",
      no: "2-1302/2025",
      order: "2025-12-17",
      fssp: "2026-02-02",
      ip: "6120/26/86004-ИП",
      status: "окончено — оплачено",
      note: "оплатил через ССП",
    },
    {
      who: pick(25),
      period: "12.2024–08.2025",
      debt: 61782.9,
      duty: 2000,
      filed: "2026-02-10",
      court: "Судебный участок № 4 Северного района",
      no: "2-214/2026",
      order: "2026-02-24",
      fssp: "",
      ip: "",
      status: "приказ отменён",
      note: "возражения должника, готовим иск",
    },
    // for «Сверить»: every status of the reconciliation appears in the example
    {
      who: pick(31),
      period: "01.2025–10.2025",
      debt: 26655.3,
      duty: 1000,
      filed: "2025-12-22",
      court: "Судебный участок № 4 Северного района",
      no: "2-98/2026",
      order: "2026-01-20",
      fssp: "2026-01-28",
      ip: "",
      status: "направлено в ССП",
      note: "",
    },
    {
      who: pick(17),
      period: "01.2025–07.2025",
      debt: 38500,
      duty: 1000,
      filed: "2025-08-05",
      court: "Судебный участок № 3 Северного района",
      no: "2-905/2025",
      order: "2025-08-20",
      fssp: "2025-09-15",
      ip: "",
      status: "направлено в ССП",
      note: "",
    },
    {
      who: pick(0),
      period: "01.2024–12.2024",
      debt: 41230.55,
      duty: 1000,
      filed: "2025-03-03",
      court: "Судебный участок № 3 Северного района",
      no: "2-311/2025",
      order: "2025-03-17",
      fssp: "2025-04-10",
      ip: "",
      status: "направлено в ССП",
      note: "",
    },
    {
      who: pick(3),
      period: "02.2025–09.2025",
      debt: 33120.4,
      duty: 1000,
      filed: "2025-10-01",
      court: "Судебный участок № 4 Северного района",
      no: "2-1044/2025",
      order: "2025-10-15",
      fssp: "2025-10-30",
      ip: "",
      status: "направлено в ССП",
      note: "приказ передан в ОСП нарочно",
    },
  ];
  for (const c of cases) {
    court.addRow([
      c.who.account,
      c.who.name,
      c.who.address,
      c.period,
      c.debt,
      c.duty,
      dateCell(c.filed),
      c.court,
      c.no,
      dateCell(c.order),
      c.fssp ? dateCell(c.fssp) : null,
      c.ip || null,
      c.status,
      c.note || null,
    ]);
  }
  court.getColumn(1).numFmt = "@";
  for (const col of [5, 6]) court.getColumn(col).numFmt = "#,##0.00";
  for (const col of [7, 10, 11]) court.getColumn(col).numFmt = "dd.mm.yyyy";
  styleHeader(court, [10, 22, 28, 16, 12, 11, 12, 30, 12, 12, 12, 18, 18, 28]);

  // The bailiffs' register of enforcement proceedings for the claimant (docs/formats.md, § 3.4 shape).
  const fssp = wb.addWorksheet(SAMPLE_BAILIFF_SHEET);
  fssp.addRow([
    "№ п/п",
    "№ ИП",
    "Дата возбуждения",
    "Должник",
    "Адрес должника",
    "№ ИД",
    "Дата ИД",
    "Сумма долга",
    "Остаток долга",
    "Перечислено взыскателю",
    "Статус",
    "Дата окончания",
    "Основание",
  ]);
  const proceedings = [
    {
      n: 1,
      ip: "4512/26/86004-ИП",
      started: "2026-01-22",
      who: cases[0].who,
      doc: "2-1187/2025",
      docDate: "2025-11-26",
      sum: 54310.4,
      rest: 41200.0,
      paid: 13110.4,
      status: "на исполнении",
      end: "",
      basis: "",
    },
    {
      n: 2,
      ip: "6120/26/86004-ИП",
      started: "2026-02-09",
      who: cases[1].who,
      doc: "2-1302/2025",
      docDate: "2025-12-17",
      sum: 40904.15,
      rest: 0,
      paid: 40904.15,
      status: "окончено",
      end: "2026-05-18",
      basis: "ст. 47 ч. 1 п. 1",
    },
    {
      n: 3,
      ip: "7781/26/86004-ИП",
      started: "2026-03-02",
      who: pick(31),
      doc: "2-98/2026",
      docDate: "2026-01-20",
      sum: 27655.3,
      rest: 27655.3,
      paid: 0,
      status: "окончено",
      end: "2026-09-14",
      basis: "ст. 46 ч. 1 п. 4",
    },
    // open, but the debtor has since paid the company directly (the ledger's payments cover the order)
    {
      n: 4,
      ip: "9034/25/86004-ИП",
      started: "2025-09-25",
      who: cases[4].who,
      doc: "2-905/2025",
      docDate: "2025-08-20",
      sum: 39500,
      rest: 39500,
      paid: 0,
      status: "на исполнении",
      end: "",
      basis: "",
    },
    {
      n: 5,
      ip: "3305/25/86004-ИП",
      started: "2025-04-21",
      who: cases[5].who,
      doc: "2-311/2025",
      docDate: "2025-03-17",
      sum: 42230.55,
      rest: 42230.55,
      paid: 0,
      status: "прекращено",
      end: "2025-10-06",
      basis: "ст. 43 ч. 2 п. 1",
    },
    // the enforcement fee on the bailiff's decree: the clerk decides
    {
      n: 6,
      ip: "9120/26/86004-ИП",
      started: "2026-03-10",
      who: cases[0].who,
      doc: "86004/26/51234",
      docDate: "2026-02-27",
      sum: 3801.73,
      rest: 3801.73,
      paid: 0,
      status: "на исполнении",
      end: "",
      basis: "",
    },
    // not the company's case: another claimant's document against a person not in the ledger
    {
      n: 7,
      ip: "4410/26/86004-ИП",
      started: "2026-01-12",
      who: { account: "", name: "Зайцев П.И.", address: "ул. Садовая, д. 2, кв. 7" },
      doc: "2-3310/2025",
      docDate: "2025-11-11",
      sum: 15200,
      rest: 15200,
      paid: 0,
      status: "на исполнении",
      end: "",
      basis: "",
    },
  ];
  for (const p of proceedings) {
    fssp.addRow([
      p.n,
      p.ip,
      dateCell(p.started),
      p.who.name,
      p.who.address,
      p.doc,
      dateCell(p.docDate),
      p.sum,
      p.rest,
      p.paid,
      p.status,
      p.end ? dateCell(p.end) : null,
      p.basis || null,
    ]);
  }
  for (const col of [8, 9, 10]) fssp.getColumn(col).numFmt = "#,##0.00";
  for (const col of [3, 7, 12]) fssp.getColumn(col).numFmt = "dd.mm.yyyy";
  styleHeader(fssp, [6, 18, 12, 22, 30, 12, 11, 12, 12, 14, 14, 12, 16]);

  // Fixed document dates so rebuilding the sample does not change its metadata.
  wb.created = new Date("2026-11-05T09:12:00Z");
  wb.modified = new Date("2026-11-05T09:12:00Z");
  return wb;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const wb = await buildSampleWorkbook();
  mkdirSync(path.dirname(SAMPLE_FILE), { recursive: true });
  writeFileSync(SAMPLE_FILE, new Uint8Array(await wb.xlsx.writeBuffer()));
  console.log(`${path.relative(process.cwd(), SAMPLE_FILE)}: ${wb.worksheets.map((w) => w.name).join(", ")}`);
}
