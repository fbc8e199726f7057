/**
 * Real-shaped ledgers built straight from docs/formats.md (§ numbers below are its sections): § 1.7 (the six real
 * exports), § 1.1 (layout variants) and § 1.6 (Excel damage) — shapes the fixture set does not contain. For each:
 * layout, header row, the concept →
 * column mapping of the important concepts, account count, per-account totals, and no findings on clean rows,
 * totals or group rows (planted defects, where there are any, are named in the comments).
 * All names, addresses and amounts are invented.
 */
import { describe, expect, it } from "vitest";
import {
  columnLetter,
  parseCellAddress,
  type CellValue,
  type MergedArea,
  type SheetGrid,
} from "../../../src/domain/grid";
import { recognizeLedger, validateLedger, type RecognizedLedger } from "../../../src/domain/ledger";
import { XlsxWorkbook } from "../../../src/workbook/xlsx/XlsxWorkbook";
import {
  FIXTURE_TODAY,
  LEDGER_FIXTURES,
  date,
  fixtureGrid,
  fixtureXlsxBytes,
  gridOf,
  money,
  txt,
  type GridCell,
  type LedgerFixture,
} from "../../fixtures/ledgers";

const NBSP = "\u00a0";
const NNBSP = "\u202f";

function mergedGrid(rows: GridCell[][], merges: string[] = [], sheet = "Реестр"): SheetGrid {
  const areas: MergedArea[] = merges.map((a1) => {
    const [from, to] = a1.split(":");
    const p = parseCellAddress(from)!;
    const q = parseCellAddress(to ?? from)!;
    return { top: p.row, left: p.col, bottom: q.row, right: q.col };
  });
  // the other cells of a merged area are empty, as Excel reports them
  const copy = rows.map((r) => [...r]);
  for (const m of areas)
    for (let r = m.top; r <= m.bottom; r++)
      for (let c = m.left; c <= m.right; c++) if ((r !== m.top || c !== m.left) && copy[r]) copy[r][c] = null;
  return gridOf(copy, { sheet, merges: areas.length ? areas : undefined });
}

/** A CSV file opened in Excel: every cell is text, there are no number formats. */
function csvGrid(lines: string[][], sheet = "export"): SheetGrid {
  const width = Math.max(...lines.map((l) => l.length));
  const values: CellValue[][] = lines.map((l) =>
    Array.from({ length: width }, (_, c) => (l[c] === undefined || l[c] === "" ? null : l[c])),
  );
  const text = lines.map((l) => Array.from({ length: width }, (_, c) => l[c] ?? ""));
  return { sheet, top: 0, left: 0, values, text, numberFormat: [] };
}

function check(grid: SheetGrid) {
  const ledger = recognizeLedger(grid);
  const findings = validateLedger(ledger, { today: FIXTURE_TODAY });
  const letters: Record<string, string> = {};
  for (const [k, v] of Object.entries(ledger.columns)) letters[k] = columnLetter(v);
  return { ledger, findings, letters, codes: findings.map((f) => [f.code, f.cell]) };
}

function account(ledger: RecognizedLedger, id: string) {
  const a = ledger.accounts.find((x) => x.account === id);
  if (!a) throw new Error(`no account ${id} among ${ledger.accounts.map((x) => x.account).join(", ")}`);
  return a;
}

// ---------------------------------------------------------------- § 1.7 образец 1: SQL billing report, 30 columns

const SQL_HEADER = [
  "Период",
  "Населенный пункт",
  "Адрес дома",
  "Улица",
  "Номер дома",
  "Квартира",
  "Кол-во граждан",
  "Тип собств.",
  "Площадь",
  "Лицевой",
  "Лицевой поставщика",
  "ФИО",
  "Код дома",
  "Вх.сальдо",
  "Начислено",
  "Разовые",
  "Оплачено",
  "Пост. начисление",
  "К оплате",
  "Пени нов.",
  "Пени итог",
  "Оплачено пени",
  "Оплата по услугам",
  "Кон.сальдо",
  "Задолженность",
  "Участок",
  "Район",
  "Тип фонда",
  "Поставщик",
  "Расчётный счёт",
];

function sqlRow(
  period: GridCell,
  flat: number,
  acc: string,
  fio: string,
  a: { open: number; ch: number; once: number; paid: number; close: number; peni: number },
): GridCell[] {
  return [
    period,
    "г. Белоярский",
    "мкр. 3, д. 5",
    "мкр. 3",
    5,
    flat,
    2,
    "Частная",
    54.3,
    txt(acc),
    txt(`77${acc}`),
    fio,
    105,
    money(a.open),
    money(a.ch),
    money(a.once),
    money(a.paid),
    money(a.ch),
    money(a.close + a.peni),
    money(10),
    money(a.peni),
    money(0),
    money(a.paid),
    money(a.close),
    money(a.close),
    "Участок 1",
    "Белоярский",
    "МКД",
    "ООО «Тепло»",
    txt("40702810000000001234"),
  ];
}

const JAN = date(45292, "01.01.2024");
const FEB = date(45323, "01.02.2024");

function sqlReport(): GridCell[][] {
  return [
    ["ОБОРОТНАЯ ВЕДОМОСТЬ по лицевым счетам поставщиков"],
    ["за период с 01.01.2024 по 29.02.2024"],
    [],
    SQL_HEADER,
    // 25 430,12 + 3 812,40 + 0 − 0 = 29 242,52 ✓
    sqlRow(JAN, 12, "1020034", "Соколова Е.В.", {
      open: 25430.12,
      ch: 3812.4,
      once: 0,
      paid: 0,
      close: 29242.52,
      peni: 1204.33,
    }),
    // −1 500 + 3 812,40 − 2 312,40 = 0 ✓
    sqlRow(JAN, 13, "1020035", "Орлов Д.С.", { open: -1500, ch: 3812.4, once: 0, paid: 2312.4, close: 0, peni: 0 }),
    // 1 000 + 3 812,40 = 4 812,40 ✓
    sqlRow(JAN, 14, "1020036", "Кузнецова А.П.", { open: 1000, ch: 3812.4, once: 0, paid: 0, close: 4812.4, peni: 0 }),
    // 29 242,52 + 3 812,40 − 250 (разовые) − 5 000 = 27 804,92 ✓; opening = January's closing ✓
    sqlRow(FEB, 12, "1020034", "Соколова Е.В.", {
      open: 29242.52,
      ch: 3812.4,
      once: -250,
      paid: 5000,
      close: 27804.92,
      peni: 1354.33,
    }),
    sqlRow(FEB, 13, "1020035", "Орлов Д.С.", { open: 0, ch: 3812.4, once: 0, paid: 3812.4, close: 0, peni: 0 }),
    // planted: February opens with 4 800,00 but January closed with 4 812,40 → balance.mismatch N10 (row itself: 4 800 + 3 812,40 = 8 612,40 ✓)
    sqlRow(FEB, 14, "1020036", "Кузнецова А.П.", { open: 4800, ch: 3812.4, once: 0, paid: 0, close: 8612.4, peni: 0 }),
    ["Итого", null, null, null, null, null, null, null, null, null, null, null, null, money(58984.56)],
  ];
}

describe("§ 1.7 образец 1 SQL billing report (30 columns, one row per ЛС per period)", () => {
  const { ledger, letters, codes } = check(gridOf(sqlReport(), { sheet: "ОВ" }));

  it("finds the header, the layout and the period", () => {
    expect(ledger.headerRow).toBe(4);
    expect(ledger.layout).toBe("per-month-rows");
    expect(ledger.period).toEqual({ from: "2024-01-01", to: "2024-02-29" });
  });

  it("maps the important columns (Лицевой, not Лицевой поставщика; Кон.сальдо, not К оплате/Задолженность; Пени итог)", () => {
    expect(letters).toMatchObject({
      period: "A",
      address: "C",
      flat: "F",
      account: "J",
      name: "L",
      openingBalance: "N",
      charged: "O",
      recalculation: "P",
      paid: "Q",
      penalties: "U",
      closingBalance: "X",
    });
  });

  it("builds three accounts with their two-month totals", () => {
    expect(ledger.accounts.map((a) => a.account)).toEqual(["1020034", "1020035", "1020036"]);
    expect(ledger.rows).toEqual({ data: 6, skipped: 1 });
    const a = account(ledger, "1020034");
    // charged 3 812,40 × 2 − 250 = 7 374,80; paid 5 000; closing = February's 27 804,92
    expect(a).toMatchObject({ opening: 2543012, charged: 737480, paid: 500000, closing: 2780492 });
    expect(a.address).toBe("мкр. 3, д. 5, кв. 12");
    expect(a.months?.map((m) => m.period)).toEqual(["2024-01", "2024-02"]);
  });

  it("reports only the planted continuity break", () => {
    expect(codes).toEqual([["balance.mismatch", "N10"]]);
  });

  it("reads the same report from an .xlsx file", async () => {
    const f: LedgerFixture = {
      name: "sql",
      about: "",
      sheet: "ОВ",
      rows: sqlReport(),
      expected: {
        layout: "per-month-rows",
        headerRow: 4,
        period: { from: null, to: null },
        rows: { data: 0, skipped: 0 },
        findings: [],
      },
    };
    const wb = await XlsxWorkbook.fromArrayBuffer(await fixtureXlsxBytes(f));
    const r = check(await wb.readSheet("ОВ"));
    expect(r.letters).toMatchObject({ account: "J", openingBalance: "N", closingBalance: "X" });
    expect(r.ledger.accounts.length).toBe(3);
    expect(r.codes).toEqual([["balance.mismatch", "N10"]]);
  });
});

// ---------------------------------------------------------------- § 1.7 образец 2: billing debtor list

describe("§ 1.7 образец 2 debtor list (Фамилия | Имя | Отчество, «Сумма ДЗ … без услуги Пени»)", () => {
  const rows: GridCell[][] = [
    ["Список должников на 01.04.2024"],
    [],
    [
      "Номер ЛС",
      "Фамилия",
      "Имя",
      "Отчество",
      "Адрес",
      "Сумма ДЗ на конец периода без услуги Пени",
      "Сумма ДЗ на конец периода по услуге Пени",
      "Сумма ДЗ на конец периода",
      "Возраст ДЗ в месяцах",
      "Кол-во периодов просрочки в месяцах",
      "Срок оплаты",
      "Дата последнего неоплаченного начисления",
      "Телефон",
    ],
    [
      txt("00012345"),
      "Соколова",
      "Елена",
      "Викторовна",
      "г. Белоярский, мкр. 3, д. 5, кв. 12",
      txt(`25${NBSP}430,12`),
      txt(`1${NBSP}204,33`),
      txt(`26${NBSP}634,45`),
      7,
      7,
      date(45397, "15.04.2024"),
      date(45352, "01.03.2024"),
      "+7 900 000-00-01",
    ],
    [
      txt("00012346"),
      "Орлов",
      "Дмитрий",
      "Сергеевич",
      "г. Белоярский, мкр. 3, д. 5, кв. 13",
      money(4624.8),
      money(0),
      money(4624.8),
      2,
      2,
      date(45397, "15.04.2024"),
      date(45352, "01.03.2024"),
      null,
    ],
    [
      txt("00012347"),
      "Мамедов",
      "Рашид",
      "Али оглы",
      "г. Белоярский, мкр. 3, д. 5, кв. 14",
      money(12000),
      "-",
      money(12000),
      4,
      4,
      date(45397, "15.04.2024"),
      date(45352, "01.03.2024"),
      null,
    ],
    ["Итого", null, null, null, null, money(42054.92), money(1204.33), money(43259.25)],
  ];
  const { ledger, letters, codes } = check(gridOf(rows));

  it("maps the split name, the debt without penalties as the closing balance, penalties apart", () => {
    expect(ledger.headerRow).toBe(3);
    expect(ledger.layout).toBe("per-account");
    expect(letters).toMatchObject({
      account: "A",
      surname: "B",
      firstName: "C",
      patronymic: "D",
      address: "E",
      closingBalance: "F",
      penalties: "G",
      monthsInDebt: "I",
    });
    expect(ledger.period).toEqual({ from: null, to: "2024-04-01" });
  });

  it("builds the accounts with leading zeros kept and no findings", () => {
    expect(ledger.accounts.map((a) => a.account)).toEqual(["00012345", "00012346", "00012347"]);
    expect(ledger.rows).toEqual({ data: 3, skipped: 1 });
    expect(account(ledger, "00012345")).toMatchObject({
      name: "Соколова Елена Викторовна",
      closing: 2543012,
      penalties: 120433,
    });
    expect(account(ledger, "00012347").name).toBe("Мамедов Рашид Али оглы");
    expect(codes).toEqual([]);
  });
});

// ---------------------------------------------------------------- § 1.7 образец 3: single-account history card

function card(marchOpening: number): GridCell[][] {
  return [
    ["Карточка расчётов по лицевому счёту № 0012345"],
    ["Собственник: Соколова Елена Викторовна"],
    ["Адрес: г. Белоярский, мкр. 3, д. 5, кв. 12"],
    ["Период: 01.01.2024 - 31.03.2024"],
    [],
    ["Год, месяц", "Сальдо на начало месяца", "Начислено", "Оплачено", "Долг (Кол-во мес.)", "Субсидия"],
    // 25 430,12 + 3 812,40 − 0 − 0 = 29 242,52 → February's opening ✓
    ["2024, январь", money(25430.12), money(3812.4), money(0), 7, money(0)],
    // 29 242,52 + 3 812,40 − 3 000 − 500 (субсидия) = 29 554,92 → March's opening ✓
    ["2024, февраль", money(29242.52), money(3812.4), money(3000), 8, money(500)],
    ["2024, март", money(marchOpening), money(3812.4), money(10000), 6, money(500)],
    ["Итого", null, money(11437.2), money(13000), null, money(1000)],
  ];
}

describe("§ 1.7 образец 3 per-account history card (the account number is in the title)", () => {
  it("takes the account, owner and address from the title and reads the months", () => {
    const { ledger, letters, codes } = check(gridOf(card(29554.92), { sheet: "Карточка" }));
    expect(ledger.headerRow).toBe(6);
    expect(ledger.layout).toBe("per-month-rows");
    expect(ledger.period).toEqual({ from: "2024-01-01", to: "2024-03-31" });
    expect(letters).toMatchObject({
      period: "A",
      openingBalance: "B",
      charged: "C",
      paid: "D",
      monthsInDebt: "E",
      subsidy: "F",
    });
    expect(ledger.rows).toEqual({ data: 3, skipped: 1 });
    expect(ledger.accounts).toHaveLength(1);
    const a = ledger.accounts[0];
    expect(a.account).toBe("0012345");
    expect(a.name).toBe("Соколова Елена Викторовна");
    expect(a.address).toBe("г. Белоярский, мкр. 3, д. 5, кв. 12");
    // closing after March: 29 554,92 + 3 812,40 − 10 000 − 500 = 22 867,32
    expect(a).toMatchObject({ opening: 2543012, charged: 1143720, paid: 1300000, closing: 2286732 });
    expect(codes).toEqual([]);
  });

  it("finds a break between February and March (no closing column: opening + charged − paid − subsidy)", () => {
    // planted: March opens with 29 000,00 instead of 29 554,92 → balance.mismatch B9
    const { codes } = check(gridOf(card(29000)));
    expect(codes).toEqual([["balance.mismatch", "B9"]]);
  });
});

// ---------------------------------------------------------------- § 1.7 образец 4: municipal register

describe.each([
  ["blank years", "Фактически начислено за ЖКУ за ____ г.", "Долг за ЖКУ на ____ г., всего, рублей"],
  ["filled years", "Фактически начислено за ЖКУ за 2024 г.", "Долг за ЖКУ на 01.01.2025 г., всего, рублей"],
])("§ 1.7 образец 4 municipal register (%s)", (_what, chargedHeader, debtHeader) => {
  const rows: GridCell[][] = [
    ["Реестр граждан — получателей субсидий, имеющих задолженность по оплате ЖКУ"],
    ["по состоянию на 01.01.2025"],
    [
      "N",
      "Фамилия И.О. / Адрес",
      "Лицевой счет",
      chargedHeader,
      "Оплачено гражданином",
      debtHeader,
      "Количество месяцев долга",
      "Примечания",
    ],
    [1, 2, 3, 4, 5, 6, 7, 8],
    [1, "Соколова Е.В. / мкр. 3, д. 5, кв. 12", txt("1020034"), money(45748.8), money(30000), money(15748.8), 4, null],
    [
      2,
      "Орлов Д.С. / мкр. 3, д. 5, кв. 13",
      txt("1020035"),
      money(45748.8),
      money(45748.8),
      money(0),
      0,
      "оплачено полностью",
    ],
    [
      3,
      "Администрация г. Белоярский / мкр. 3, д. 7, кв. 1",
      txt("1020101"),
      money(30000),
      money(0),
      money(30000),
      12,
      "муниципальная квартира",
    ],
    [null, "Итого", null, money(121497.6), money(75748.8), money(45748.8), null, null],
  ];
  const { ledger, letters, codes } = check(gridOf(rows));

  it("maps the columns and skips the numbering and «Итого» rows", () => {
    expect(ledger.headerRow).toBe(3);
    expect(ledger.layout).toBe("per-account");
    expect(letters).toMatchObject({
      name: "B",
      account: "C",
      charged: "D",
      paid: "E",
      closingBalance: "F",
      monthsInDebt: "G",
    });
    expect(ledger.rows).toEqual({ data: 3, skipped: 2 });
    expect(ledger.period.to).toBe("2025-01-01");
  });

  it("splits «Фамилия И.О. / Адрес» into the owner and the address", () => {
    expect(account(ledger, "1020034")).toMatchObject({
      name: "Соколова Е.В.",
      address: "мкр. 3, д. 5, кв. 12",
      charged: 4574880,
      paid: 3000000,
      closing: 1574880,
    });
    expect(account(ledger, "1020101").name).toBe("Администрация г. Белоярский");
    expect(codes).toEqual([]);
  });
});

// ---------------------------------------------------------------- § 1.7 образец 5: ГИС ЖКХ payment-document fields

describe("§ 1.7 образец 5 ГИС ЖКХ payment-document fields (combined «Задолженность … / Аванс …»)", () => {
  const rows: GridCell[][] = [
    ["Сведения о платёжных документах за Март 2024 г."],
    [
      "ЕЛС",
      "Адрес помещения",
      "Плательщик",
      "Задолженность за предыдущие периоды / Аванс на начало расчетного периода",
      "Начислено за расчетный период",
      "Учтены платежи, поступившие до указанного числа расчетного периода включительно",
      "Итого к оплате за расчетный период c учетом задолженности/переплаты",
      "Неустойка",
      "Государственные пошлины",
      "Судебные издержки",
    ],
    // 25 430,12 + 3 812,40 − 0 = 29 242,52 ✓
    [
      txt("80АБ123456"),
      "г. Белоярский, мкр. 3, д. 5, кв. 12",
      "Соколова Елена Викторовна",
      txt(`25${NBSP}430,12`),
      txt(`3${NNBSP}812,40`),
      txt("0,00"),
      txt(`29${NBSP}242,52`),
      txt(`1${NBSP}204,33`),
      txt("-"),
      txt("-"),
    ],
    // (1 500,00) = аванс: −1 500 + 3 812,40 − 2 312,40 = 0 ✓
    [
      txt("80АБ123457"),
      "г. Белоярский, мкр. 3, д. 5, кв. 13",
      "Орлов Дмитрий Сергеевич",
      txt("(1 500,00)"),
      txt("3 812,40"),
      txt("2 312,40"),
      txt("0,00"),
      txt("-"),
      txt("-"),
      txt("-"),
    ],
    // −1 000 + 3 812,40 руб. − 0 = 2 812,40 ✓
    [
      txt("80АБ123458"),
      "г. Белоярский, мкр. 3, д. 5, кв. 14",
      "Кузнецова Анна Петровна",
      txt("-1 000,00"),
      txt("3 812,40 руб."),
      txt("0"),
      txt("2 812,40 руб."),
      txt(""),
      txt("-"),
      txt("-"),
    ],
  ];
  const { ledger, letters, codes } = check(gridOf(rows));

  it("maps the combined opening balance, turnovers, «Итого к оплате» and «Неустойка»", () => {
    expect(ledger.headerRow).toBe(2);
    expect(letters).toMatchObject({
      account: "A",
      address: "B",
      name: "C",
      openingBalance: "D",
      charged: "E",
      paid: "F",
      closingBalance: "G",
      penalties: "H",
    });
    expect(ledger.period).toEqual({ from: "2024-03-01", to: "2024-03-31" });
  });

  it("reads signed text amounts and reports nothing", () => {
    expect(ledger.accounts).toHaveLength(3);
    expect(account(ledger, "80АБ123457")).toMatchObject({ opening: -150000, closing: 0 });
    expect(account(ledger, "80АБ123458")).toMatchObject({ opening: -100000, charged: 381240, closing: 281240 });
    expect(codes).toEqual([]);
  });
});

// ---------------------------------------------------------------- § 1.7 образец 6: 1С ОСВ

describe("§ 1.7 образец 6 1С ОСВ, subconto «Лицевые счета», no merges, indented rows", () => {
  const rows: GridCell[][] = [
    ["ООО «УК Север»"],
    ["Оборотно-сальдовая ведомость по счету 62.01"],
    ["Период: Январь 2024 г. - Март 2024 г."],
    ["Выводимые данные: БУ (данные бухгалтерского учета)"],
    [],
    ["Счет", "Сальдо на начало периода", null, "Обороты за период", null, "Сальдо на конец периода", null],
    ["Лицевые счета", "Дебет", "Кредит", "Дебет", "Кредит", "Дебет", "Кредит"],
    ["62.01", money(10000), money(500), money(6000), money(5000), money(11000), money(500)],
    // 10 000 + 3 000 − 2 000 = 11 000 ✓
    ["    1020034", money(10000), null, money(3000), money(2000), money(11000), null],
    // −500 + 3 000 − 3 000 = −500 → Кредит ✓
    ["    1020035", null, money(500), money(3000), money(3000), null, money(500)],
    ["Итого", money(10000), money(500), money(6000), money(5000), money(11000), money(500)],
  ];
  const { ledger, letters, codes } = check(gridOf(rows, { sheet: "ОСВ 62.01" }));

  it("flattens Дебет/Кредит and maps them", () => {
    expect(ledger.headerRow).toBe(7);
    expect(letters).toMatchObject({
      account: "A",
      openingDebt: "B",
      openingAdvance: "C",
      charged: "D",
      paid: "E",
      closingDebt: "F",
      closingAdvance: "G",
    });
    expect(ledger.period).toEqual({ from: "2024-01-01", to: "2024-03-31" });
  });

  it("skips the 62.01 and «Итого» rows; no findings", () => {
    expect(ledger.accounts.map((a) => a.account)).toEqual(["1020034", "1020035"]);
    expect(account(ledger, "1020035").closing).toBe(-50000);
    expect(ledger.rows).toEqual({ data: 2, skipped: 2 });
    expect(codes).toEqual([]);
  });
});

const KONTRAGENTY_ROWS: GridCell[][] = [
  ["ООО «УК Север»"],
  ["Оборотно-сальдовая ведомость по счету 62 за 1 квартал 2024 г."],
  [],
  [],
  ["Счет", "Сальдо на начало периода", null, "Обороты за период", null, "Сальдо на конец периода", null],
  ["Контрагенты", "Дебет", "Кредит", "Дебет", "Кредит", "Дебет", "Кредит"],
  ["62", money(15000), money(500), money(7000), money(6000), money(16000), money(500)],
  ["62.01", money(15000), money(500), money(7000), money(6000), money(16000), money(500)],
  // 10 000 + 3 000 − 2 000 = 11 000 ✓
  ["  Соколова Елена Викторовна", money(10000), null, money(3000), money(2000), money(11000), null],
  // −500 + 3 000 − 3 000 = −500 ✓
  ["  Орлов Дмитрий Сергеевич", null, money(500), money(3000), money(3000), null, money(500)],
  // 5 000 + 1 000 − 1 000 = 5 000 ✓
  ["  ООО «Ромашка»", money(5000), null, money(1000), money(1000), money(5000), null],
  ["Итого", money(15000), money(500), money(7000), money(6000), money(16000), money(500)],
];

describe("§ 1.7 образец 6 1С ОСВ, subconto «Контрагенты» (names in the account column, outline rows)", () => {
  it.each([
    ["with the «Контрагенты» label", KONTRAGENTY_ROWS, [] as string[]],
    [
      "«Счет» merged over both header rows",
      KONTRAGENTY_ROWS.map((r, i) => (i === 5 ? [null, ...r.slice(1)] : r)),
      ["A5:A6", "B5:C5", "D5:E5", "F5:G5"],
    ],
  ])("%s", (_what, rows, merges) => {
    const { ledger, letters, codes } = check(mergedGrid(rows, merges));
    expect(ledger.headerRow).toBe(6);
    expect(letters).toMatchObject({
      name: "A",
      openingDebt: "B",
      openingAdvance: "C",
      charged: "D",
      paid: "E",
      closingDebt: "F",
      closingAdvance: "G",
    });
    expect(ledger.period).toEqual({ from: "2024-01-01", to: "2024-03-31" });
    expect(ledger.accounts.map((a) => a.name)).toEqual([
      "Соколова Елена Викторовна",
      "Орлов Дмитрий Сергеевич",
      "ООО «Ромашка»",
    ]);
    expect(ledger.rows).toEqual({ data: 3, skipped: 3 });
    // the one true remark: there is no account column, debtors are told apart by name only
    expect(codes).toEqual([["account.missing", "A6"]]);
  });
});

// ---------------------------------------------------------------- § 1.1 variants

describe("§ 1.1 services per row, account on every row, «Итого по л/с» in the service or account column", () => {
  const H = [
    "№ п/п",
    "Лицевой счёт",
    "ФИО",
    "Адрес",
    "Услуга",
    "Сальдо на начало",
    "Начислено",
    "Оплачено",
    "Сальдо на конец",
  ];
  const who = [txt("1020034"), "Соколова Е.В.", "мкр. 3, д. 5, кв. 12"];
  const who2 = [txt("1020035"), "Орлов Д.С.", "мкр. 3, д. 5, кв. 13"];
  const rows: GridCell[][] = [
    ["Начисления по услугам за Январь 2024 г."],
    H,
    [1, ...who, "Содержание жилья", money(1000), money(1200), money(0), money(2200)],
    [2, ...who, "Отопление", money(3000), money(2000), money(1000), money(4000)],
    [3, ...who, "Взнос на капремонт", money(500), money(400), money(0), money(900)],
    [4, ...who, "Пени", money(100), money(20), money(0), money(120)],
    [null, txt("1020034"), null, null, "Итого по л/с", money(4600), money(3620), money(1000), money(7220)],
    [5, ...who2, "Содержание жилья", money(0), money(1200), money(1200), money(0)],
    [6, ...who2, "ХВС", money(-200), money(300), money(0), money(100)],
    [null, "Итого по л/с 1020035", null, null, null, money(-200), money(1500), money(1200), money(100)],
    ["Всего", null, null, null, null, money(4400), money(5120), money(2200), money(7320)],
  ];
  const { ledger, letters, codes } = check(gridOf(rows));

  it("reads per-service lines and sums them per account", () => {
    expect(letters).toMatchObject({
      account: "B",
      name: "C",
      address: "D",
      service: "E",
      openingBalance: "F",
      charged: "G",
      paid: "H",
      closingBalance: "I",
    });
    expect(ledger.rows).toEqual({ data: 6, skipped: 3 });
    expect(ledger.accounts).toHaveLength(2);
    // 2 200 + 4 000 + 900 + 120 = 7 220
    expect(account(ledger, "1020034")).toMatchObject({ charged: 362000, paid: 100000, closing: 722000 });
    expect(account(ledger, "1020034").services).toHaveLength(4);
    expect(account(ledger, "1020035").closing).toBe(10000);
    expect(codes).toEqual([]);
  });
});

describe("§ 1.1 ageing buckets under a merged «Задолженность, руб.»", () => {
  const rows: GridCell[][] = [
    ["Анализ задолженности по срокам на 01.04.2024"],
    [],
    ["Л/С", "ФИО", "Адрес", "Задолженность, руб.", null, null, null, null, null],
    [null, null, null, "до 3 мес.", "3–6 мес.", "6–12 мес.", "свыше 12 мес.", "свыше 3 лет", "Всего"],
    // 3 812,40 + 7 624,80 + 0 + 13 993,00 + 0 = 25 430,20
    [
      txt("1020034"),
      "Соколова Е.В.",
      "мкр. 3, д. 5, кв. 12",
      money(3812.4),
      money(7624.8),
      money(0),
      money(13993),
      money(0),
      money(25430.2),
    ],
    [txt("1020035"), "Орлов Д.С.", "мкр. 3, д. 5, кв. 13", money(3812.4), null, null, null, null, money(3812.4)],
    ["Итого", null, null, money(7624.8), money(7624.8), money(0), money(13993), money(0), money(29242.6)],
  ];
  const { ledger, letters, codes } = check(mergedGrid(rows, ["A3:A4", "B3:B4", "C3:C4", "D3:I3"]));

  it("takes «Всего» as the closing balance, not a bucket", () => {
    expect(ledger.headerRow).toBe(4);
    expect(letters).toMatchObject({ account: "A", name: "B", address: "C", closingBalance: "I" });
    expect(account(ledger, "1020034").closing).toBe(2543020);
    expect(ledger.rows).toEqual({ data: 2, skipped: 1 });
    expect(codes).toEqual([]);
  });
});

describe("§ 1.1 owners: initials, several owners, heirs, municipal flats", () => {
  const names = [
    ["Соколова Е. В.", null],
    ["Соколова Е.В., Соколов В.П.", "owners.no-shares"],
    ["Соколова Е.В. (1/2), Соколов В.П. (1/2)", null],
    ["Соколова Е.В. и Соколов В.П.", "owners.no-shares"],
    ["Соколова Е.В.\nСоколов В.П.", "owners.no-shares"],
    ["Наследники Соколовой Е.В.", null],
    ["Администрация г. Белоярский", null],
    ["Петрова-Соколова А.А.", null],
    ["Е.В. Соколова", null],
    ["Мамедов Рашид Али оглы", null],
  ] as const;
  const rows: GridCell[][] = [
    ["Л/С", "Собственник", "Адрес", "Сальдо на начало", "Начислено", "Оплачено", "Сальдо на конец"],
    ...names.map(([n], i): GridCell[] => [
      txt(String(1020040 + i)),
      n,
      `мкр. 3, д. 5, кв. ${i + 1}`,
      money(100),
      money(50),
      money(50),
      money(100),
    ]),
  ];
  const { ledger, codes } = check(gridOf(rows));

  it("warns only where several owners share a cell without shares", () => {
    expect(ledger.accounts).toHaveLength(names.length);
    const expected = names.flatMap(([, code], i) => (code ? [[code, `B${i + 2}`]] : []));
    expect(codes).toEqual(expected);
  });
});

// ---------------------------------------------------------------- § 1.6 damage

function damagedRows(): GridCell[][] {
  return [
    ["Оборотная ведомость за период 01.01.2024 - 29.02.2024"],
    [
      "Л/С",
      "ФИО",
      "Улица",
      "Дом",
      "Кв.",
      "Период",
      "Вх. сальдо",
      "Начислено",
      "Оплачено",
      "Исх. сальдо",
      "Дата посл. оплаты",
      "№ дела",
    ],
    // the account lost its zeros (00123 → 123); the house «5/1» became 05.01.2024; dates arrive as serials in General format
    [
      123,
      "Соколова Е.В.",
      "мкр. 3",
      date(45296, "05.янв", "dd.mmm"),
      12,
      { v: 45292, t: "45292", f: "General" },
      txt(`25${NNBSP}430,12`),
      txt("3 812,40 руб."),
      txt("-"),
      txt(`29${NBSP}242,52`),
      { v: 45300, t: "45300", f: "General" },
      date(43832, "02.01.2020"),
    ],
    [
      123,
      "Соколова Е.В.",
      "мкр. 3",
      date(45296, "05.янв", "dd.mmm"),
      12,
      { v: 45323, t: "45323", f: "General" },
      txt(`29${NNBSP}242,52`),
      txt("3 812,40 руб."),
      txt("(1 000,00)"),
      txt(`34${NBSP}054,92`),
      null,
      null,
    ],
    // a 12-digit account stored as a number shows as 1,002E+11
    [
      { v: 100200300400, t: "1,002E+11" },
      "Орлов Д.С.",
      "мкр. 3",
      7,
      13,
      "январь 2024",
      txt("(1 500,00)"),
      txt("3812,40"),
      txt("2312.40"),
      txt("0,00"),
      null,
      null,
    ],
    [
      { v: 100200300400, t: "1,002E+11" },
      "Орлов Д.С.",
      "мкр. 3",
      7,
      13,
      "Февраль 2024 г.",
      txt("0"),
      txt("3812,40"),
      txt("3812,40"),
      txt("-"),
      null,
      null,
    ],
  ];
}

describe("§ 1.6 Excel damage: lost zeros, serial dates, numbers turned into dates, text numbers", () => {
  const { ledger, letters, codes } = check(gridOf(damagedRows()));

  it("reads every row; a negative payment is a refund", () => {
    expect(ledger.layout).toBe("per-month-rows");
    expect(letters).toMatchObject({
      account: "A",
      name: "B",
      street: "C",
      house: "D",
      flat: "E",
      period: "F",
      openingBalance: "G",
      charged: "H",
      paid: "I",
      closingBalance: "J",
      lastPaymentDate: "K",
      caseNumber: "L",
    });
    expect(ledger.accounts.map((a) => a.account)).toEqual(["123", "100200300400"]);
    expect(ledger.details.invalidCells).toEqual([]);
    expect(account(ledger, "123").months?.map((m) => m.period)).toEqual(["2024-01", "2024-02"]);
    expect(account(ledger, "123").lastPaymentDate).toBe("2024-01-09");
    // 29 242,52 + 3 812,40 − (−1 000) = 34 054,92
    expect(account(ledger, "123").closing).toBe(3405492);
  });

  it("warns about identifiers that Excel turned into dates (house «5/1», case «2-1/20»)", () => {
    expect(codes).toEqual([
      ["id.date-damaged", "D3"],
      ["id.date-damaged", "L3"],
      ["id.date-damaged", "D4"],
    ]);
  });
});

// ---------------------------------------------------------------- header quirks

describe("header cells with line breaks, hyphenation and double spaces", () => {
  const rows: GridCell[][] = [
    [
      "№\nп/п",
      "Лицевой\nсчёт",
      "Ф.И.О.\nсобственника",
      "Адрес  помещения",
      "Сальдо на\nначало,\nруб.",
      "Начис-\nлено",
      "Опла-\nчено,  руб.",
      "Сальдо  на\nконец, руб.",
      "Пени,\nруб.",
    ],
    [
      1,
      txt("1020034"),
      "Соколова Е.В.",
      "мкр. 3, д. 5, кв. 12",
      money(100),
      money(50),
      money(30),
      money(120),
      money(5),
    ],
  ];
  it("maps every column", () => {
    const { letters, codes } = check(gridOf(rows));
    expect(letters).toMatchObject({
      account: "B",
      name: "C",
      address: "D",
      openingBalance: "E",
      charged: "F",
      paid: "G",
      closingBalance: "H",
      penalties: "I",
    });
    expect(codes).toEqual([]);
  });
});

describe("a long title block with filters: the header on row 15", () => {
  const rows: GridCell[][] = [
    ["ООО «УК Север»"],
    [],
    ["Оборотная ведомость по лицевым счетам"],
    ["за Март 2024 г."],
    ["Параметры:"],
    ["Отбор:", "Лицевой счет", "В списке", "1020034; 1020035"],
    ["Группировка:", "Дом, Лицевой счет"],
    ["Показатели:", "Сумма"],
    ["Сформирован: 02.04.2024 10:15"],
    ["Ответственный: Иванова А.А."],
    [],
    ["ИНН 8611001234", "КПП 861101001"],
    [],
    [],
    ["Лицевой счет", "Собственник", "Адрес", "Вх. сальдо", "Начислено", "Оплачено", "Исх. сальдо"],
    [txt("1020034"), "Соколова Е.В.", "мкр. 3, д. 5, кв. 12", money(100), money(50), money(30), money(120)],
    [txt("1020035"), "Орлов Д.С.", "мкр. 3, д. 5, кв. 13", money(0), money(50), money(50), money(0)],
    ["Итого", null, null, money(100), money(100), money(80), money(120)],
  ];
  it("finds the header below the filters", () => {
    const { ledger, letters, codes } = check(gridOf(rows));
    expect(ledger.headerRow).toBe(15);
    expect(ledger.period).toEqual({ from: "2024-03-01", to: "2024-03-31" });
    expect(letters).toMatchObject({
      account: "A",
      name: "B",
      address: "C",
      openingBalance: "D",
      charged: "E",
      paid: "F",
      closingBalance: "G",
    });
    expect(ledger.rows).toEqual({ data: 2, skipped: 1 });
    expect(codes).toEqual([]);
  });
});

describe("helper columns (hidden in the workbook: keys, checks, a recomputed balance)", () => {
  const rows: GridCell[][] = [
    [
      "Лицевой счет",
      null,
      "ФИО",
      "Адрес",
      "Начислено",
      null,
      "Оплачено",
      "Проверка",
      "Сальдо на конец",
      "Сальдо на конец (расчёт)",
      "Ключ",
    ],
    [
      txt("1020034"),
      "1020034Соколова",
      "Соколова Е.В.",
      "мкр. 3, д. 5, кв. 12",
      money(50),
      money(1),
      money(30),
      true,
      money(120),
      money(999),
      "1020034|12",
    ],
    [
      txt("1020035"),
      "1020035Орлов",
      "Орлов Д.С.",
      "мкр. 3, д. 5, кв. 13",
      money(50),
      money(1),
      money(50),
      false,
      money(0),
      money(999),
      "1020035|13",
    ],
  ];
  it("maps the real columns, the leftmost of equal headers", () => {
    const { ledger, letters, codes } = check(gridOf(rows));
    expect(letters).toMatchObject({
      account: "A",
      name: "C",
      address: "D",
      charged: "E",
      paid: "G",
      closingBalance: "I",
    });
    expect(ledger.accounts.map((a) => a.closing)).toEqual([12000, 0]);
    expect(codes).toEqual([]);
  });
});

describe("a totals row at the top, right under the header", () => {
  it.each([
    ["labelled «Итого»", ["Итого", null, null, money(100), money(100), money(80), money(120)]],
    ["unlabelled sums", [null, null, null, money(100), money(100), money(80), money(120)]],
  ] as const)("%s", (_what, total) => {
    const rows: GridCell[][] = [
      ["Ведомость за Март 2024 г."],
      ["Л/С", "ФИО", "Адрес", "Сальдо на начало", "Начислено", "Оплачено", "Сальдо на конец"],
      [...total],
      [txt("1020034"), "Соколова Е.В.", "мкр. 3, д. 5, кв. 12", money(100), money(50), money(30), money(120)],
      [txt("1020035"), "Орлов Д.С.", "мкр. 3, д. 5, кв. 13", money(0), money(50), money(50), money(0)],
    ];
    const { ledger, letters, codes } = check(gridOf(rows));
    expect(ledger.headerRow).toBe(2);
    expect(letters).toMatchObject({ account: "A", openingBalance: "D", closingBalance: "G" });
    expect(ledger.rows).toEqual({ data: 2, skipped: 1 });
    expect(codes).toEqual([]);
  });
});

// ---------------------------------------------------------------- CSV

describe("CSV export opened in Excel (every cell text, no number formats)", () => {
  it("a per-account export with dot decimals, leading zeros and text dates", () => {
    const { ledger, letters, codes } = check(
      csvGrid([
        [
          "Лицевой счет",
          "ФИО",
          "Адрес",
          "Сальдо на начало",
          "Начислено",
          "Оплачено",
          "Сальдо на конец",
          "Дата последней оплаты",
          "Сумма последней оплаты",
        ],
        [
          "001020034",
          "Соколова Е.В.",
          "мкр. 3, д. 5, кв. 12",
          "25430.12",
          "3812.40",
          "0.00",
          "29242.52",
          "15.12.2023",
          "3812.40",
        ],
        [
          "001020035",
          "Орлов Д.С.",
          "мкр. 3, д. 5, кв. 13",
          "-1500.00",
          "3812.40",
          "2312.40",
          "0",
          "20.03.2024",
          "2312.40",
        ],
        ["", "Итого", "", "23930.12", "7624.80", "2312.40", "29242.52", "", ""],
      ]),
    );
    expect(ledger.headerRow).toBe(1);
    expect(letters).toMatchObject({
      account: "A",
      name: "B",
      address: "C",
      openingBalance: "D",
      charged: "E",
      paid: "F",
      closingBalance: "G",
      lastPaymentDate: "H",
      lastPaymentAmount: "I",
    });
    expect(ledger.accounts.map((a) => a.account)).toEqual(["001020034", "001020035"]);
    expect(account(ledger, "001020034")).toMatchObject({
      closing: 2924252,
      lastPaymentDate: "2023-12-15",
      lastPaymentAmount: 381240,
    });
    expect(ledger.rows).toEqual({ data: 2, skipped: 1 });
    expect(codes).toEqual([]);
  });

  it("a 1С ОСВ saved as CSV: two header rows without merges, amounts with spaces", () => {
    const { ledger, letters, codes } = check(
      csvGrid([
        ["Оборотно-сальдовая ведомость по счету 62 за Январь 2024 г."],
        ["Счет / Лицевой счет", "Сальдо на начало периода", "", "Обороты за период", "", "Сальдо на конец периода", ""],
        ["", "Дебет", "Кредит", "Дебет", "Кредит", "Дебет", "Кредит"],
        ["62", "10 000,00", "500,00", "6 000,00", "5 000,00", "11 000,00", "500,00"],
        ["1020034", "10 000,00", "", "3 000,00", "2 000,00", "11 000,00", ""],
        ["1020035", "", "500,00", "3 000,00", "3 000,00", "", "500,00"],
        ["Итого", "10 000,00", "500,00", "6 000,00", "5 000,00", "11 000,00", "500,00"],
      ]),
    );
    expect(ledger.headerRow).toBe(3);
    expect(letters).toMatchObject({
      account: "A",
      openingDebt: "B",
      openingAdvance: "C",
      charged: "D",
      paid: "E",
      closingDebt: "F",
      closingAdvance: "G",
    });
    expect(ledger.accounts.map((a) => [a.account, a.closing])).toEqual([
      ["1020034", 1100000],
      ["1020035", -50000],
    ]);
    expect(ledger.rows).toEqual({ data: 2, skipped: 2 });
    expect(codes).toEqual([]);
  });
});

// ---------------------------------------------------------------- more hand-kept and billing quirks

describe("account cells written with a prefix («л/с 1020034», «№ 1020034»)", () => {
  it.each(["л/с 1020034", "Л/С: 1020034", "№ 1020034", "№1020034", "ЛС 1020034"])(
    "«%s» is the account 1020034",
    (cell) => {
      const { ledger, codes } = check(
        gridOf([
          ["Лицевой счет", "ФИО", "Адрес", "Начислено", "Оплачено", "Сальдо на конец"],
          [cell, "Соколова Е.В.", "мкр. 3, д. 5, кв. 12", money(50), money(30), money(20)],
        ]),
      );
      expect(ledger.accounts.map((a) => a.account)).toEqual(["1020034"]);
      expect(codes).toEqual([]);
    },
  );
});

describe("debt and advance named in one header cell («Сальдо на начало (долг)», «Вх. сальдо Кт»)", () => {
  it.each([
    [["Сальдо на начало (долг)", "Сальдо на начало (аванс)", "Сальдо на конец (долг)", "Сальдо на конец (аванс)"]],
    [["Вх. сальдо Дт", "Вх. сальдо Кт", "Исх. сальдо Дт", "Исх. сальдо Кт"]],
    [["Сальдо на начало, дебет", "Сальдо на начало, кредит", "Сальдо на конец, дебет", "Сальдо на конец, кредит"]],
    [["Долг на начало", "Переплата на начало", "Долг на конец", "Переплата на конец"]],
  ])("%j", (names) => {
    const [od, oa, cd, ca] = names;
    const { letters, ledger, codes } = check(
      gridOf([
        ["Л/С", "ФИО", "Адрес", od, oa, "Начислено", "Оплачено", cd, ca],
        // −1 500 + 3 812,40 − 5 000 = −2 687,60 → аванс 2 687,60
        [txt("1020034"), "Соколова Е.В.", "кв. 12", null, money(1500), money(3812.4), money(5000), null, money(2687.6)],
        // 100 + 50 − 0 = 150
        [txt("1020035"), "Орлов Д.С.", "кв. 13", money(100), null, money(50), money(0), money(150), null],
      ]),
    );
    expect(letters).toMatchObject({
      openingDebt: "D",
      openingAdvance: "E",
      charged: "F",
      paid: "G",
      closingDebt: "H",
      closingAdvance: "I",
    });
    expect(ledger.accounts.map((a) => a.closing)).toEqual([-268760, 15000]);
    expect(codes).toEqual([]);
  });
});

describe("a printed report: the header and the column numbers repeat on every page", () => {
  const header1 = [
    "Счет / Лицевой счет",
    "Сальдо на начало периода",
    null,
    "Обороты за период",
    null,
    "Сальдо на конец периода",
    null,
  ];
  const header2 = [null, "Дебет", "Кредит", "Дебет", "Кредит", "Дебет", "Кредит"];
  const numbers = [1, 2, 3, 4, 5, 6, 7];
  const rows: GridCell[][] = [
    ["Оборотно-сальдовая ведомость по счету 62 за Январь 2024 г."],
    header1,
    header2,
    numbers,
    // 10 000 + 3 000 − 2 000 = 11 000 ✓
    [txt("1020034"), money(10000), null, money(3000), money(2000), money(11000), null],
    header1,
    header2,
    numbers,
    // −500 + 3 000 − 3 000 = −500 ✓
    [txt("1020035"), null, money(500), money(3000), money(3000), null, money(500)],
    ["Итого", money(10000), money(500), money(6000), money(5000), money(11000), money(500)],
  ];
  it("skips the repeated header rows without findings", () => {
    const { ledger, codes } = check(gridOf(rows));
    expect(ledger.headerRow).toBe(3);
    expect(ledger.accounts.map((a) => a.account)).toEqual(["1020034", "1020035"]);
    expect(ledger.rows).toEqual({ data: 2, skipped: 5 });
    expect(codes).toEqual([]);
  });
});

describe("several owners of one flat, each on a row with a share", () => {
  const rows: GridCell[][] = [
    ["Л/С", "Собственник", "Доля", "Адрес", "Начислено", "Оплачено", "Долг"],
    [
      txt("1020034"),
      "Соколова Елена Викторовна",
      "1/2",
      "мкр. 3, д. 5, кв. 12",
      money(1906.2),
      money(0),
      money(12715.06),
    ],
    [
      txt("1020034"),
      "Соколов Виктор Петрович",
      "1/2",
      "мкр. 3, д. 5, кв. 12",
      money(1906.2),
      money(0),
      money(12715.06),
    ],
    [txt("1020035"), "Орлов Дмитрий Сергеевич", "1", "мкр. 3, д. 5, кв. 13", money(3812.4), money(3812.4), money(0)],
    // planted: the same owner twice → account.duplicate A5
    [txt("1020035"), "Орлов Дмитрий Сергеевич", "1", "мкр. 3, д. 5, кв. 13", money(3812.4), money(3812.4), money(0)],
  ];
  it("is one account with two owners, not a duplicate", () => {
    const { ledger, codes } = check(gridOf(rows));
    expect(letters(ledger)).toMatchObject({ account: "A", name: "B", share: "C", closingBalance: "G" });
    // 12 715,06 × 2 = 25 430,12
    expect(account(ledger, "1020034").closing).toBe(2543012);
    expect(codes).toEqual([["account.duplicate", "A5"]]);
  });
});

function letters(ledger: RecognizedLedger) {
  return Object.fromEntries(Object.entries(ledger.columns).map(([k, v]) => [k, columnLetter(v)]));
}

describe("1С ОСВ by Контрагенты and Договоры (two subconto levels)", () => {
  const rows: GridCell[][] = [
    ["Оборотно-сальдовая ведомость по счету 62 за Январь 2024 г."],
    ["Счет", "Сальдо на начало периода", null, "Обороты за период", null, "Сальдо на конец периода", null],
    ["Контрагенты", "Дебет", "Кредит", "Дебет", "Кредит", "Дебет", "Кредит"],
    ["Договоры", null, null, null, null, null, null],
    ["62", money(10000), money(500), money(6000), money(5000), money(11000), money(500)],
    ["Соколова Елена Викторовна", money(10000), null, money(3000), money(2000), money(11000), null],
    ["Договор управления № 12 от 01.01.2020", money(10000), null, money(3000), money(2000), money(11000), null],
    ["Орлов Дмитрий Сергеевич", null, money(500), money(3000), money(3000), null, money(500)],
    ["Основной договор", null, money(500), money(3000), money(3000), null, money(500)],
    ["Итого", money(10000), money(500), money(6000), money(5000), money(11000), money(500)],
  ];
  it("counts each counterparty once", () => {
    const { ledger, codes } = check(gridOf(rows));
    expect(ledger.accounts.map((a) => [a.name, a.closing])).toEqual([
      ["Соколова Елена Викторовна", 1100000],
      ["Орлов Дмитрий Сергеевич", -50000],
    ]);
    expect(codes).toEqual([["account.missing", "A3"]]);
  });
});

describe("both ЕЛС (ГИС ЖКХ) and the company's own Лицевой счёт", () => {
  it("the company's account is the key", () => {
    const { ledger } = check(
      gridOf([
        ["ЕЛС", "Лицевой счёт", "ФИО", "Адрес", "Начислено", "Оплачено", "Долг"],
        [txt("80АБ123456"), txt("1020034"), "Соколова Е.В.", "кв. 12", money(50), money(30), money(20)],
      ]),
    );
    expect(letters(ledger)).toMatchObject({ account: "B" });
  });
});

describe("§ 1.1 (c) months as columns with abbreviated or damaged month headers", () => {
  it.each([
    ["Янв 2024", "Фев 2024", "Мар 2024"],
    ["янв.24", "фев.24", "мар.24"],
    ["01.2024", "02.2024", "03.2024"],
    ["Январь 2024 г.", "Февраль 2024 г.", "Март 2024 г."],
  ])("%s | %s | %s", (m1, m2, m3) => {
    const { ledger, letters, codes } = check(
      gridOf([
        ["Задолженность по месяцам"],
        ["Л/С", "ФИО", "Адрес", m1, m2, m3, "Итого"],
        // 1 000 + 1 000 + 1 812,40 = 3 812,40
        [txt("1020034"), "Соколова Е.В.", "кв. 12", money(1000), money(1000), money(1812.4), money(3812.4)],
        [txt("1020035"), "Орлов Д.С.", "кв. 13", null, null, money(500), money(500)],
        ["Итого", null, null, money(1000), money(1000), money(2312.4), money(4312.4)],
      ]),
    );
    expect(ledger.layout).toBe("month-columns");
    expect(ledger.monthColumns?.map((m) => [columnLetter(m.col), m.period])).toEqual([
      ["D", "2024-01"],
      ["E", "2024-02"],
      ["F", "2024-03"],
    ]);
    expect(letters).toMatchObject({ account: "A", name: "B", address: "C" });
    expect(ledger.period).toEqual({ from: "2024-01-01", to: "2024-03-31" });
    expect(account(ledger, "1020034").closing).toBe(381240);
    expect(codes).toEqual([]);
  });

  it("month headers that Excel turned into dates (shown «янв.24»)", () => {
    const { ledger, codes } = check(
      gridOf([
        [
          "Л/С",
          "ФИО",
          "Адрес",
          date(45292, "янв.24", "mmm.yy"),
          date(45323, "фев.24", "mmm.yy"),
          date(45352, "мар.24", "mmm.yy"),
        ],
        [txt("1020034"), "Соколова Е.В.", "кв. 12", money(1000), money(1000), money(1812.4)],
      ]),
    );
    expect(ledger.monthColumns?.map((m) => m.period)).toEqual(["2024-01", "2024-02", "2024-03"]);
    expect(codes).toEqual([]);
  });
});

describe("one row per ЛС per month with separate «Год» and «Месяц» columns", () => {
  it.each([
    ["month names", "Январь", "Февраль"],
    ["month numbers", 1, 2],
  ] as const)("%s", (_what, jan, feb) => {
    const { ledger, letters, codes } = check(
      gridOf([
        ["Год", "Месяц", "Л/С", "ФИО", "Адрес", "Вх. сальдо", "Начислено", "Оплачено", "Исх. сальдо"],
        [2024, jan, txt("1020034"), "Соколова Е.В.", "кв. 12", money(100), money(50), money(0), money(150)],
        [2024, feb, txt("1020034"), "Соколова Е.В.", "кв. 12", money(150), money(50), money(200), money(0)],
      ]),
    );
    expect(ledger.layout).toBe("per-month-rows");
    expect(letters).toMatchObject({ period: "B", account: "C" });
    expect(ledger.period).toEqual({ from: "2024-01-01", to: "2024-02-29" });
    expect(account(ledger, "1020034").months?.map((m) => m.period)).toEqual(["2024-01", "2024-02"]);
    expect(codes).toEqual([]);
  });
});

describe("title periods in the wordings billing systems use", () => {
  it.each([
    ["за январь - март 2024 г.", "2024-01-01", "2024-03-31"],
    ["за период с января по март 2024 г.", "2024-01-01", "2024-03-31"],
    ["Период: с 01.01.2024г. по 31.03.2024г.", "2024-01-01", "2024-03-31"],
    ["за период с 1 января 2024 г. по 31 марта 2024 г.", "2024-01-01", "2024-03-31"],
    ["за 2 квартал 2024 г.", "2024-04-01", "2024-06-30"],
    ["за 2024 год", "2024-01-01", "2024-12-31"],
  ])("«%s»", (title, from, to) => {
    const { ledger } = check(
      gridOf([
        [`Оборотная ведомость ${title}`],
        ["Л/С", "ФИО", "Адрес", "Начислено"],
        [txt("1020034"), "Соколова Е.В.", "кв. 12", money(50)],
      ]),
    );
    expect(ledger.period).toEqual({ from, to });
  });
});

describe("a ledger that starts at C4 of its sheet", () => {
  it("names the right cells", () => {
    const grid = gridOf(
      [
        ["Л/С", "ФИО", "Адрес", "Сальдо на начало", "Начислено", "Оплачено", "Сальдо на конец"],
        // planted: 100 + 50 − 30 = 120, but 125 → balance.mismatch at I6 (column 7 of the block, starting at C)
        [txt("1020034"), "Соколова Е.В.", "кв. 12", money(100), money(50), money(30), money(125)],
        [txt("1020035"), "Орлов Д.С.", "кв. 13", money(0), money(50), money(50), money(0)],
      ],
      { top: 3, left: 2 },
    );
    const { ledger, letters, codes } = check(grid);
    expect(ledger.headerRow).toBe(4);
    expect(letters).toMatchObject({ account: "C", closingBalance: "I" });
    expect(codes).toEqual([["balance.mismatch", "I5"]]);
  });
});

describe("house group rows written in the owner column, with subtotals", () => {
  const rows: GridCell[][] = [
    ["№", "Л/С", "Собственник", "Начислено", "Оплачено", "Долг"],
    [null, null, "ул. Ленина, д. 7", money(100), money(80), money(20)],
    [1, txt("1020034"), "Соколова Е.В.", money(50), money(30), money(20)],
    [2, txt("1020035"), "Орлов Д.С.", money(50), money(50), money(0)],
    [null, null, "мкр. 3, д. 5", money(50), money(50), money(0)],
    [3, txt("1020036"), "Кузнецова А.П.", money(50), money(50), money(0)],
    // planted: amounts without an account → account.missing B7
    [4, null, "Иванов И.И.", money(50), money(50), money(0)],
  ];
  it("are group rows, not accounts without a number", () => {
    const { ledger, codes } = check(gridOf(rows));
    expect(ledger.rows).toEqual({ data: 4, skipped: 2 });
    expect(codes).toEqual([["account.missing", "B7"]]);
  });
});

describe("month columns followed by their totals («Итого начислено», «Итого» over Начислено | Оплачено)", () => {
  it("single-row header", () => {
    const { ledger, codes } = check(
      gridOf([
        ["Начисления по лицевым счетам за 2024 год"],
        [
          "Л/С",
          "ФИО",
          "Адрес",
          "Сальдо на начало",
          "Январь 2024",
          "Февраль 2024",
          "Итого начислено",
          "Оплачено",
          "Сальдо на конец",
        ],
        // 1 000 + (500 + 700) − 1 200 = 1 000 ✓
        [
          txt("1020034"),
          "Соколова Е.В.",
          "кв. 12",
          money(1000),
          money(500),
          money(700),
          money(1200),
          money(1200),
          money(1000),
        ],
      ]),
    );
    expect(ledger.layout).toBe("month-columns");
    expect(ledger.columns.charged).toBeUndefined();
    expect(account(ledger, "1020034")).toMatchObject({ charged: 120000, paid: 120000, closing: 100000 });
    expect(codes).toEqual([]);
  });

  it("two-level header", () => {
    const { ledger, codes } = check(
      mergedGrid(
        [
          ["Л/С", "ФИО", "Адрес", "Январь 2024", null, "Февраль 2024", null, "Итого", null],
          [null, null, null, "Начислено", "Оплачено", "Начислено", "Оплачено", "Начислено", "Оплачено"],
          [
            txt("1020034"),
            "Соколова Е.В.",
            "кв. 12",
            money(500),
            money(0),
            money(700),
            money(1200),
            money(1200),
            money(1200),
          ],
        ],
        ["A1:A2", "B1:B2", "C1:C2", "D1:E1", "F1:G1", "H1:I1"],
      ),
    );
    expect(ledger.layout).toBe("month-columns");
    expect(account(ledger, "1020034")).toMatchObject({ charged: 120000, paid: 120000 });
    expect(codes).toEqual([]);
  });
});

describe("services as columns under «Начислено» (Сводная ОСВ по услугам)", () => {
  it.each([
    ["with a total column", true],
    ["without a total column", false],
  ] as const)("%s", (_what, withTotal) => {
    const head1: GridCell[] = [
      "Л/С",
      "ФИО",
      "Адрес",
      "Сальдо на начало",
      "Начислено",
      null,
      null,
      ...(withTotal ? [null] : []),
      "Оплачено",
      "Сальдо на конец",
    ];
    const head2: GridCell[] = [
      null,
      null,
      null,
      null,
      "Содержание",
      "Отопление",
      "ХВС",
      ...(withTotal ? ["Всего"] : []),
      null,
      null,
    ];
    // 1 000 + (300 + 600 + 100) − 500 = 1 500 ✓
    const row: GridCell[] = [
      txt("1020034"),
      "Соколова Е.В.",
      "кв. 12",
      money(1000),
      money(300),
      money(600),
      money(100),
      ...(withTotal ? [money(1000)] : []),
      money(500),
      money(1500),
    ];
    const last = withTotal ? "J" : "I";
    const merges = [
      "A1:A2",
      "B1:B2",
      "C1:C2",
      "D1:D2",
      withTotal ? "E1:H1" : "E1:G1",
      withTotal ? "I1:I2" : "H1:H2",
      `${last}1:${last}2`,
    ];
    const { ledger, codes } = check(mergedGrid([head1, head2, row], merges));
    expect(ledger.headerRow).toBe(2);
    expect(account(ledger, "1020034")).toMatchObject({ charged: 100000, closing: 150000 });
    expect(codes).toEqual([]);
  });
});

describe("more two-level headers", () => {
  it("«2024» over bare month names", () => {
    const { ledger, codes } = check(
      mergedGrid(
        [
          ["Л/С", "ФИО", "Адрес", "2024", null, null],
          [null, null, null, "Январь", "Февраль", "Март"],
          [txt("1020034"), "Соколова Е.В.", "кв. 12", money(1000), money(1000), money(1812.4)],
        ],
        ["A1:A2", "B1:B2", "C1:C2", "D1:F1"],
      ),
    );
    expect(ledger.layout).toBe("month-columns");
    expect(ledger.monthColumns?.map((m) => m.period)).toEqual(["2024-01", "2024-02", "2024-03"]);
    expect(codes).toEqual([]);
  });

  it("«Сальдо на начало» over «Дебет (долг) | Кредит (аванс)», «Последняя оплата» over «Дата | Сумма»", () => {
    const { letters, ledger, codes } = check(
      mergedGrid(
        [
          [
            "Л/С",
            "ФИО",
            "Адрес",
            "Сальдо на начало",
            null,
            "Начислено",
            "Оплачено",
            "Сальдо на конец",
            null,
            "Последняя оплата",
            null,
          ],
          [
            null,
            null,
            null,
            "Дебет (долг)",
            "Кредит (аванс)",
            null,
            null,
            "Дебет (долг)",
            "Кредит (аванс)",
            "Дата",
            "Сумма",
          ],
          // −1 500 + 3 812,40 − 5 000 = −2 687,60 ✓
          [
            txt("1020034"),
            "Соколова Е.В.",
            "кв. 12",
            null,
            money(1500),
            money(3812.4),
            money(5000),
            null,
            money(2687.6),
            date(45360, "09.03.2024"),
            money(5000),
          ],
        ],
        ["A1:A2", "B1:B2", "C1:C2", "D1:E1", "F1:F2", "G1:G2", "H1:I1", "J1:K1"],
      ),
    );
    expect(letters).toMatchObject({
      openingDebt: "D",
      openingAdvance: "E",
      closingDebt: "H",
      closingAdvance: "I",
      lastPaymentDate: "J",
      lastPaymentAmount: "K",
    });
    expect(account(ledger, "1020034")).toMatchObject({
      closing: -268760,
      lastPaymentDate: "2024-03-09",
      lastPaymentAmount: 500000,
    });
    expect(codes).toEqual([]);
  });
});

describe("hand-typed headers with Latin look-alike letters («Cальдо», «ФИO»)", () => {
  it("maps them like Cyrillic ones", () => {
    const { letters } = check(
      gridOf([
        ["Лицевой cчет", "ФИO", "Aдрес", "Cальдо на начало", "Начислено", "Oплачено", "Cальдо на конец"],
        [txt("1020034"), "Соколова Е.В.", "кв. 12", money(100), money(50), money(30), money(120)],
      ]),
    );
    expect(letters).toMatchObject({
      account: "A",
      name: "B",
      address: "C",
      openingBalance: "D",
      charged: "E",
      paid: "F",
      closingBalance: "G",
    });
  });
});

describe("a 1С report with a long settings block: the header on row 50", () => {
  it("is still found", () => {
    const settings: GridCell[][] = Array.from({ length: 48 }, (_, i) => [
      i === 0 ? "Оборотная ведомость за Март 2024 г." : `Параметр ${i}:`,
      `значение ${i}`,
    ]);
    const { ledger, codes } = check(
      gridOf([
        ...settings,
        [],
        ["Л/С", "ФИО", "Адрес", "Вх. сальдо", "Начислено", "Оплачено", "Исх. сальдо"],
        [txt("1020034"), "Соколова Е.В.", "кв. 12", money(100), money(50), money(30), money(120)],
      ]),
    );
    expect(ledger.headerRow).toBe(50);
    expect(ledger.accounts).toHaveLength(1);
    expect(codes).toEqual([]);
  });
});

describe("the damaged ledger and the 1С «Контрагенты» ОСВ read from .xlsx files", () => {
  async function fromXlsx(rows: GridCell[][], merges: string[] = []) {
    const f: LedgerFixture = {
      name: "x",
      about: "",
      sheet: "Лист1",
      rows,
      merges,
      expected: {
        layout: "per-account",
        headerRow: 0,
        period: { from: null, to: null },
        rows: { data: 0, skipped: 0 },
        findings: [],
      },
    };
    const wb = await XlsxWorkbook.fromArrayBuffer(await fixtureXlsxBytes(f));
    return check(await wb.readSheet("Лист1"));
  }

  it("damage survives the file round trip", async () => {
    const { ledger, codes } = await fromXlsx(damagedRows());
    expect(ledger.accounts.map((a) => a.account)).toEqual(["123", "100200300400"]);
    expect(codes.map(([code]) => code)).toEqual(["id.date-damaged", "id.date-damaged", "id.date-damaged"]);
  });

  it("Контрагенты with merged header cells", async () => {
    const { ledger, codes } = await fromXlsx(KONTRAGENTY_ROWS, ["B5:C5", "D5:E5", "F5:G5"]);
    expect(ledger.accounts.map((a) => a.name)).toEqual([
      "Соколова Елена Викторовна",
      "Орлов Дмитрий Сергеевич",
      "ООО «Ромашка»",
    ]);
    expect(codes).toEqual([["account.missing", "A6"]]);
  });
});

describe("several adjustment columns («Перерасчет», «Разовые», «Льготы», «Субсидия»)", () => {
  it("counts all of them in the balance", () => {
    const { letters, codes } = check(
      gridOf([
        [
          "Л/С",
          "ФИО",
          "Адрес",
          "Вх. сальдо",
          "Начислено",
          "Перерасчет",
          "Разовые",
          "Льготы",
          "Субсидия",
          "Оплачено",
          "Исх. сальдо",
        ],
        // 1 000 + 3 000 − 200 + 50 − 300 − 500 − 1 000 = 2 050
        [
          txt("1020034"),
          "Соколова Е.В.",
          "кв. 12",
          money(1000),
          money(3000),
          money(-200),
          money(50),
          money(300),
          money(500),
          money(1000),
          money(2050),
        ],
        // 0 + 3 000 + 0 + 0 − 0 − 0 − 3 000 = 0
        [txt("1020035"), "Орлов Д.С.", "кв. 13", money(0), money(3000), null, null, null, null, money(3000), money(0)],
      ]),
    );
    expect(letters).toMatchObject({ recalculation: "F", subsidy: "H", paid: "J", closingBalance: "K" });
    expect(codes).toEqual([]);
  });
});

describe("a history card with the newest month first and the account number in the next cell", () => {
  it("sorts the months and checks continuity", () => {
    const { ledger, codes } = check(
      gridOf([
        ["Лицевой счет:", 12345],
        ["Абонент:", "Орлов Дмитрий Сергеевич"],
        [],
        ["Месяц", "Сальдо на начало", "Начислено", "Оплачено", "Сальдо на конец"],
        ["Март 2024", money(200), money(100), money(0), money(300)],
        // planted: February closes at 200, March opens at 200 ✓; January closes at 50 but February opens at 100 → B6
        ["Февраль 2024", money(100), money(100), money(0), money(200)],
        ["Январь 2024", money(0), money(100), money(50), money(50)],
      ]),
    );
    expect(ledger.layout).toBe("per-month-rows");
    expect(ledger.accounts.map((a) => [a.account, a.name])).toEqual([["12345", "Орлов Дмитрий Сергеевич"]]);
    // the latest month's closing
    expect(ledger.accounts[0].closing).toBe(30000);
    expect(ledger.period).toEqual({ from: "2024-01-01", to: "2024-03-31" });
    expect(codes).toEqual([["balance.mismatch", "B6"]]);
  });
});

describe("a title that names accounts in the plural is not a single-account card", () => {
  it("keeps the names as keys", () => {
    const { ledger } = check(
      gridOf([
        ["Ведомость по лицевым счетам 2024 г."],
        ["ФИО", "Адрес", "Долг"],
        ["Соколова Е.В.", "кв. 12", money(100)],
        ["Орлов Д.С.", "кв. 13", money(200)],
      ]),
    );
    expect(ledger.accounts.map((a) => a.account)).toEqual(["Соколова Е.В.", "Орлов Д.С."]);
    expect(ledger.details.titleAccount).toBeNull();
  });
});

// ---------------------------------------------------------------- every fixture as a CSV export

describe.each(LEDGER_FIXTURES.map((f) => [f.name, f] as const))(
  "fixture %s saved as CSV and opened again",
  (_name, f) => {
    it("gives the same layout, columns and findings", () => {
      const grid = fixtureGrid(f);
      const csv: SheetGrid = {
        sheet: grid.sheet,
        top: 0,
        left: 0,
        values: grid.text.map((r) => r.map((t) => (t === "" ? null : t))),
        text: grid.text,
        numberFormat: [],
      };
      const a = check(grid);
      const b = check(csv);
      expect(b.ledger.layout).toBe(a.ledger.layout);
      expect(b.ledger.headerRow).toBe(a.ledger.headerRow);
      expect(b.letters).toEqual(a.letters);
      expect(b.ledger.rows).toEqual(a.ledger.rows);
      expect(b.codes).toEqual(a.codes.filter(([code]) => code !== "id.date-damaged"));
    });
  },
);

// ---------------------------------------------------------------- every fixture placed lower and to the right

function shiftCell(a1: string, rows: number, cols: number): string {
  const p = parseCellAddress(a1)!;
  return `${columnLetter(p.col + cols)}${p.row + rows + 1}`;
}

describe.each(LEDGER_FIXTURES.map((f) => [f.name, f] as const))(
  "fixture %s starting at D6 of its sheet",
  (_name, f) => {
    it("names the shifted cells", () => {
      const grid = fixtureGrid(f);
      const shifted: SheetGrid = {
        ...grid,
        top: 5,
        left: 3,
        merges: grid.merges?.map((m) => ({
          top: m.top + 5,
          bottom: m.bottom + 5,
          left: m.left + 3,
          right: m.right + 3,
        })),
      };
      const a = check(grid);
      const b = check(shifted);
      expect(b.ledger.headerRow).toBe(a.ledger.headerRow + 5);
      expect(b.letters).toEqual(
        Object.fromEntries(
          Object.entries(a.letters).map(([k, l]) => [k, shiftCell(`${l}1`, 0, 3).replace(/\d+$/, "")]),
        ),
      );
      expect(b.codes).toEqual(a.codes.map(([code, cell]) => [code, shiftCell(cell, 5, 3)]));
    });
  },
);

describe("export quirks: accounts through a float («1020034.0»), balances with their side («1 500,00 Кт»)", () => {
  it("reads both", () => {
    const { ledger, codes } = check(
      csvGrid([
        ["Лицевой счет", "ФИО", "Адрес", "Сальдо на начало", "Начислено", "Оплачено", "Сальдо на конец"],
        // −1 500 + 3 812,40 − 5 000 = −2 687,60
        ["1020034.0", "Соколова Е.В.", "кв. 12", "1 500,00 Кт", "3 812,40", "5 000,00", "2 687,60 Кт"],
        // 100 + 50 − 0 = 150
        ["1020035.0", "Орлов Д.С.", "кв. 13", "100,00 Дт", "50,00", "0,00", "150,00 Дт"],
      ]),
    );
    expect(ledger.accounts.map((a) => [a.account, a.opening, a.closing])).toEqual([
      ["1020034", -150000, -268760],
      ["1020035", 10000, 15000],
    ]);
    expect(codes).toEqual([]);
  });
});

describe("a units row under the header («руб.», «(руб.)»)", () => {
  it.each(["руб.", "(руб.)"])("%s", (unit) => {
    const { ledger, codes } = check(
      gridOf([
        ["Л/С", "ФИО", "Адрес", "Сальдо на начало", "Начислено", "Оплачено", "Сальдо на конец"],
        [null, null, null, unit, unit, unit, unit],
        [txt("1020034"), "Соколова Е.В.", "кв. 12", money(100), money(50), money(30), money(120)],
      ]),
    );
    expect(ledger.headerRow).toBe(2);
    expect(ledger.rows).toEqual({ data: 1, skipped: 0 });
    expect(codes).toEqual([]);
  });
});

describe("several history cards one under another on one sheet", () => {
  it("gives each card its own account", () => {
    const header: GridCell[] = ["Период", "Вх. сальдо", "Начислено", "Оплачено", "Исх. сальдо"];
    const { ledger, codes } = check(
      gridOf([
        ["Карточки расчётов за январь - февраль 2024 г."],
        ["Лицевой счет № 1020034"],
        ["Собственник: Соколова Елена Викторовна"],
        header,
        ["Январь 2024", money(100), money(50), money(0), money(150)],
        ["Февраль 2024", money(150), money(50), money(200), money(0)],
        ["Итого", null, money(100), money(200), null],
        [],
        ["Лицевой счет № 1020035"],
        ["Собственник: Орлов Дмитрий Сергеевич"],
        header,
        ["Январь 2024", money(0), money(50), money(50), money(0)],
        // planted: January closed at 0, February opens at 10 → balance.mismatch B13
        ["Февраль 2024", money(10), money(50), money(0), money(60)],
      ]),
    );
    expect(ledger.layout).toBe("per-month-rows");
    expect(ledger.accounts.map((a) => [a.account, a.name, a.closing])).toEqual([
      ["1020034", "Соколова Елена Викторовна", 0],
      ["1020035", "Орлов Дмитрий Сергеевич", 6000],
    ]);
    expect(ledger.period).toEqual({ from: "2024-01-01", to: "2024-02-29" });
    expect(codes).toEqual([["balance.mismatch", "B13"]]);
  });
});
