import { describe, expect, it } from "vitest";
import { parseAmount } from "../../../src/domain/money";
import { parsePeriod, parseRuDate } from "../../../src/domain/dates";
import {
  LEDGER_RULES,
  LedgerInputError,
  describeColumns,
  recognizeLedger,
  validateLedger,
} from "../../../src/domain/ledger";
import { EMPTY_SHEET, NOT_A_LEDGER, fixtureByName, fixtureGrid, gridOf, type GridCell } from "../../fixtures/ledgers";

const NBSP = "\u00a0";
const NNBSP = "\u202f";

/** A one-account ledger whose «Начислено» cell holds `cell` (as text, the way billing exports write it). */
function ledgerWithCharge(cell: GridCell) {
  return recognizeLedger(
    gridOf([
      ["Л/С", "ФИО", "Адрес", "Начислено"],
      [{ v: "1001", f: "@" }, "Соколова Е.В.", "кв. 1", cell],
    ]),
  );
}

describe("amount spellings in ledger cells (docs/formats.md, § 1.5)", () => {
  it.each([
    [`25${NBSP}430,12`, 2543012],
    [`25${NNBSP}430,12`, 2543012],
    ["25 430,12", 2543012],
    ["25430,12", 2543012],
    ["25430.12", 2543012],
    ["25 430.12", 2543012],
    ["1,234.56", 123456],
    ["1.234,56", 123456],
    ["25 430,12 руб.", 2543012],
    ["1 234 ₽", 123400],
    ["(1 500,00)", -150000],
    ["1500-", -150000],
    ["-1 500,00", -150000],
    ["-", 0],
    ["", 0],
    ["0,00", 0],
    ["1200,5", 120050],
  ])("«%s» → %d коп.", (text, kopecks) => {
    expect(parseAmount(text)).toBe(kopecks);
    const ledger = ledgerWithCharge({ v: text, f: "@" });
    expect(ledger.details.invalidCells).toEqual([]);
    expect(ledger.accounts[0].charged).toBe(kopecks);
  });

  it("a number typed into a cell is a number; float noise is rounded to kopecks", () => {
    expect(ledgerWithCharge(0.1 + 0.2).accounts[0].charged).toBe(30);
    expect(ledgerWithCharge(3812.4).accounts[0].charged).toBe(381240);
  });

  it.each(["12 5OO,00", "1,2,3", "сто", "#ДЕЛ/0!", "1 500,00 долл"])(
    "«%s» is not an amount → amount.invalid at the cell",
    (text) => {
      const ledger = ledgerWithCharge({ v: text, f: "@" });
      const findings = validateLedger(ledger);
      expect(findings.map((f) => [f.code, f.cell])).toEqual([["amount.invalid", "D2"]]);
      expect(findings[0].message).toContain(`«${text}»`);
    },
  );
});

describe("date and period spellings", () => {
  it.each([
    ["05.03.2024", "2024-03-05"],
    ["5.3.24", "2024-03-05"],
    ["14.02.81", "1981-02-14"],
    ["2024-03-05", "2024-03-05"],
    ["5 марта 2024 г.", "2024-03-05"],
  ])("date «%s» → %s", (text, iso) => {
    expect(parseRuDate(text)).toBe(iso);
  });
  it("an Excel serial is a date (45352 = 01.03.2024)", () => {
    expect(parseRuDate(45352)).toBe("2024-03-01");
  });
  it.each([
    ["Январь 2025", "2025-01"],
    ["январь 2025 г.", "2025-01"],
    ["ЯНВАРЬ 2025", "2025-01"],
    ["01.2025", "2025-01"],
    ["2025-01", "2025-01"],
    ["01.01.2025", "2025-01"],
  ])("period «%s» → %s", (text, p) => {
    expect(parsePeriod(text)).toBe(p);
  });

  it("a period column reads «2024, январь», month names, dates and serials; a made-up month is invalid", () => {
    const ledger = recognizeLedger(
      gridOf([
        ["Лицевой счет", "ФИО", "Адрес", "Год, месяц", "Начислено"],
        ["1", "А Б.В.", "кв. 1", "2024, январь", 10],
        ["1", "А Б.В.", "кв. 1", "Февраль 2024", 10],
        ["1", "А Б.В.", "кв. 1", { v: 45352, t: "01.03.2024", f: "dd.mm.yyyy" }, 10],
        ["1", "А Б.В.", "кв. 1", "Мартобрь 2024", 10],
      ]),
    );
    expect(ledger.layout).toBe("per-month-rows");
    expect(ledger.details.rows.map((r) => r.period)).toEqual(["2024-01", "2024-02", "2024-03", null]);
    expect(validateLedger(ledger).map((f) => [f.code, f.cell])).toEqual([["period.invalid", "D5"]]);
  });
});

describe("title periods", () => {
  const periodOf = (title: string) =>
    recognizeLedger(gridOf([[title], ["Л/С", "ФИО", "Начислено"], ["1", "А Б.В.", 1]])).period;
  it.each([
    ["Оборотная ведомость за период 01.11.2025 - 31.10.2026", { from: "2025-11-01", to: "2026-10-31" }],
    ["Оборотная ведомость по лицевым счетам за Март 2024 г.", { from: "2024-03-01", to: "2024-03-31" }],
    ["Период: 01.01.2024 - 31.01.2024", { from: "2024-01-01", to: "2024-01-31" }],
    ["с 01.01.2024 по 31.03.2024", { from: "2024-01-01", to: "2024-03-31" }],
    ["ОСВ за Январь 2024 г. - Март 2024 г.", { from: "2024-01-01", to: "2024-03-31" }],
    ["Реестр должников на 01.04.2024", { from: null, to: "2024-04-01" }],
    ["Начисления за 2024 год", { from: "2024-01-01", to: "2024-12-31" }],
  ])("«%s»", (title, period) => {
    expect(periodOf(title)).toEqual(period);
  });

  it("a period that ends before it starts → period.invalid at the title cell", () => {
    const ledger = recognizeLedger(
      gridOf([
        ["за период 31.12.2024 - 01.01.2024"],
        ["Л/С", "ФИО", "Адрес", "Начислено"],
        ["1", "А Б.В.", "кв. 1", 1],
      ]),
    );
    expect(validateLedger(ledger).map((f) => [f.code, f.cell])).toEqual([["period.invalid", "A1"]]);
  });
  it("a report that starts after today → period.future", () => {
    const ledger = recognizeLedger(
      gridOf([["за Март 2027 г."], ["Л/С", "ФИО", "Адрес", "Начислено"], ["1", "А Б.В.", "кв. 1", 1]]),
    );
    expect(validateLedger(ledger, { today: "2026-11-28" }).map((f) => [f.code, f.cell])).toEqual([
      ["period.future", "A1"],
    ]);
    expect(validateLedger(ledger, { today: "2027-03-02" })).toEqual([]);
  });
});

describe("rows that are never data", () => {
  it("totals, group rows, empty rows, a numbering row and a repeated header on a page break", () => {
    const ledger = recognizeLedger(
      gridOf([
        ["Л/С", "ФИО", "Адрес", "Сальдо на начало", "Начислено", "Оплачено", "Сальдо на конец"],
        [1, 2, 3, 4, 5, 6, 7],
        ["ул. Ленина, д. 7"],
        ["101", "Иванов И.И.", "кв. 1", 0, 100, 100, 0],
        [],
        ["ИТОГО ПО ДОМУ", null, null, 0, 100, 100, 0],
        ["Л/С", "ФИО", "Адрес", "Сальдо на начало", "Начислено", "Оплачено", "Сальдо на конец"],
        ["102", "Петров П.П.", "кв. 2", 0, 100, 100, 0],
        [null, null, "Итого по ул. Ленина", 0, 200, 200, 0],
        [null, null, null, 0, 200, 200, 0],
        ["Всего:", null, null, 0, 200, 200, 0],
      ]),
    );
    expect(ledger.rows).toEqual({ data: 2, skipped: 7 });
    expect(ledger.accounts.map((a) => a.account)).toEqual(["101", "102"]);
    expect(validateLedger(ledger)).toEqual([]);
  });
});

describe("bad input", () => {
  it("an empty sheet", () => {
    expect(() => recognizeLedger(fixtureGrid(EMPTY_SHEET))).toThrow(LedgerInputError);
    try {
      recognizeLedger(fixtureGrid(EMPTY_SHEET));
    } catch (e) {
      expect((e as LedgerInputError).kind).toBe("empty-sheet");
      expect((e as Error).message).toBe("Лист «Пусто» пуст: нет ни одной заполненной ячейки.");
    }
  });
  it("a sheet that is not a ledger: says which concepts are missing and lists the headers seen", () => {
    let error: LedgerInputError | null = null;
    try {
      recognizeLedger(fixtureGrid(NOT_A_LEDGER));
    } catch (e) {
      error = e as LedgerInputError;
    }
    expect(error?.kind).toBe("not-ledger");
    expect(error?.missing).toEqual([
      "Лицевой счёт",
      "ФИО / наименование",
      "суммы (сальдо, начислено, оплачено или долг по месяцам)",
    ]);
    expect(error?.headersSeen).toEqual(["Сотрудник", "Должность", "Телефон"]);
    expect(error?.message).toContain("«Сотрудник», «Должность», «Телефон»");
  });
  it("names and accounts without any amount column is not a ledger either", () => {
    expect(() =>
      recognizeLedger(
        gridOf([
          ["Л/С", "ФИО"],
          ["1", "Иванов"],
        ]),
      ),
    ).toThrow(/суммы/);
  });
});

describe("user-corrected mapping", () => {
  const f = fixtureByName("text-ids");
  it("replaces the detected mapping (here: «Задолженность» taken as the opening balance instead)", () => {
    const detected = recognizeLedger(fixtureGrid(f));
    expect(detected.columns.closingBalance).toBe(9);
    const corrected = recognizeLedger(fixtureGrid(f), {
      mapping: { account: 0, name: 1, address: 2, charged: 7, paid: 8, closingBalance: 6 },
    });
    expect(corrected.columns).toEqual({ account: 0, name: 1, address: 2, charged: 7, paid: 8, closingBalance: 6 });
    expect(corrected.details.detected).toEqual(detected.columns);
    // 000123: closing is now «Долг на начало» 25 430,12
    expect(corrected.accounts[0].closing).toBe(2543012);
  });
  it("describeColumns lists every column with a preview and the detected column per concept", () => {
    const choices = describeColumns(fixtureGrid(fixtureByName("title-two-level")))!;
    expect(choices.headerRow).toBe(6);
    expect(choices.columns[3]).toEqual({
      col: 3,
      letter: "D",
      header: "Сальдо на начало / Долг",
      preview: ["25430,12", "1000,00", "0,00", `12${NBSP}5OO,00`, "0,00"],
    });
    const account = choices.concepts.find((c) => c.concept === "account")!;
    expect(account).toEqual({ concept: "account", title: "Лицевой счёт", detected: 0, suggested: [0] });
    expect(choices.concepts.find((c) => c.concept === "snils")?.detected).toBeNull();
  });
});

describe("rules", () => {
  it("every rule has a stable code, a severity and a Russian title", () => {
    expect(LEDGER_RULES.map((r) => r.code)).toEqual([
      "account.missing",
      "account.duplicate",
      "amount.invalid",
      "balance.mismatch",
      "name.missing",
      "address.missing",
      "period.invalid",
      "period.future",
      "id.snils-invalid",
      "id.inn-invalid",
      "date.invalid",
      "id.date-damaged",
      "charge.negative",
      "debt.no-charges",
      "owners.no-shares",
      "merges.unavailable",
    ]);
    for (const r of LEDGER_RULES) expect(r.title).toMatch(/^[А-ЯЁ][а-яё]/);
  });
  it("a switched-off rule reports nothing", () => {
    const ledger = recognizeLedger(fixtureGrid(fixtureByName("title-two-level")));
    const codes = validateLedger(ledger, { disabledRules: ["balance.mismatch", "name.missing"] }).map((f) => f.code);
    expect(codes).toEqual(["amount.invalid", "account.duplicate", "address.missing"]);
  });
  it("a 0.01 ₽ difference is tolerated, 0.02 ₽ is not", () => {
    const grid = (closing: number) =>
      gridOf([
        ["Л/С", "ФИО", "Адрес", "Сальдо на начало", "Начислено", "Оплачено", "Сальдо на конец"],
        ["1", "Иванов И.И.", "кв. 1", 100, 50.1, 20, closing],
      ]);
    // 100 + 50,10 − 20 = 130,10
    expect(validateLedger(recognizeLedger(grid(130.11)))).toEqual([]);
    expect(validateLedger(recognizeLedger(grid(130.12))).map((f) => f.code)).toEqual(["balance.mismatch"]);
  });
});

describe("real header rows (docs/formats.md, § 1.7)", () => {
  const mapped = (rows: GridCell[][]) => {
    const l = recognizeLedger(gridOf(rows));
    return Object.fromEntries(Object.entries(l.columns).map(([k, v]) => [k, v]));
  };

  it("образец 1: billing «ОБОРОТНАЯ ВЕДОМОСТЬ по лицевым счетам поставщиков»", () => {
    const header =
      "Период | Населенный пункт | Адрес дома | Улица | Номер дома | Квартира | Кол-во граждан | Тип собств. | Площадь | Лицевой | Лицевой поставщика | ФИО | Код дома | Вх.сальдо | Начислено | Разовые | Оплачено | Пост. начисление | К оплате | Пени нов. | Пени итог | Оплачено пени | Оплата по услугам | Кон.сальдо | Задолженность | Участок | Район | Тип фонда | Поставщик | Расчётный счёт".split(
        " | ",
      );
    const row = [
      "01.2024",
      "г. Белоярский",
      "мкр. 3, д. 5",
      "мкр. 3",
      "5",
      "12",
      2,
      "собств.",
      54.3,
      "1020034",
      "77-001",
      "Соколова Е.В.",
      "86-1",
      1000,
      500,
      0,
      300,
      0,
      1200,
      1,
      5,
      0,
      300,
      1200,
      1200,
      "1",
      "Белоярский",
      "МКД",
      "УК",
      "40702810…",
    ];
    const l = recognizeLedger(gridOf([header, row]));
    expect(mapped([header, row])).toEqual({
      period: 0,
      settlement: 1,
      address: 2,
      street: 3,
      house: 4,
      flat: 5,
      account: 9,
      name: 11,
      openingBalance: 13,
      charged: 14,
      recalculation: 15,
      paid: 16,
      penalties: 20,
      closingBalance: 23,
      service: 28,
    });
    // the full address column plus the flat
    expect(l.accounts[0].address).toBe("мкр. 3, д. 5, кв. 12");
    expect(validateLedger(l)).toEqual([]);
  });

  it("образец 2: billing debtor list with split ФИО", () => {
    const header =
      "Номер ЛС | Фамилия | Имя | Отчество | Адрес | Сумма ДЗ на конец периода без услуги Пени | Сумма ДЗ на конец периода по услуге Пени | Сумма ДЗ на конец периода | Возраст ДЗ в месяцах | Кол-во периодов просрочки в месяцах | Срок оплаты | Дата последнего неоплаченного начисления | Телефон".split(
        " | ",
      );
    const row = [
      "1020034",
      "Соколова",
      "Елена",
      "Викторовна",
      "мкр. 3, д. 5, кв. 12",
      25000,
      1204.33,
      26204.33,
      7,
      7,
      "10.04.2024",
      "01.03.2024",
      "+7 900 000-00-00",
    ];
    // the debt is «… без услуги Пени» (25 000); «Сумма ДЗ на конец периода» = 25 000 + 1 204,33 пени would count the penalties twice
    expect(mapped([header, row])).toEqual({
      account: 0,
      surname: 1,
      firstName: 2,
      patronymic: 3,
      address: 4,
      penalties: 6,
      closingBalance: 5,
      monthsInDebt: 8,
    });
  });

  it("образец 4: municipal register", () => {
    const header = [
      "N",
      "Фамилия И.О. / Адрес",
      "Лицевой счет",
      "Фактически начислено за ЖКУ за ____ г.",
      "Оплачено гражданином",
      "Долг за ЖКУ на ____ г., всего, рублей",
      "Количество месяцев долга",
      "Примечания",
    ];
    const row = [1, "Соколова Е.В., мкр. 3, д. 5, кв. 12", "1020034", 12000, 10000, 2000, 2, ""];
    expect(mapped([header, row])).toEqual({
      name: 1,
      account: 2,
      charged: 3,
      paid: 4,
      closingBalance: 5,
      monthsInDebt: 6,
    });
  });

  it("balances on dates: the earlier date is the opening balance", () => {
    const rows: GridCell[][] = [
      ["Л/С", "ФИО", "Адрес", "Сальдо на 01.01.2024", "Начислено", "Оплачено", "Сальдо на 31.01.2024"],
      ["1", "Соколова Е.В.", "кв. 1", 100, 50, 0, 150],
    ];
    expect(mapped(rows)).toMatchObject({ openingBalance: 3, closingBalance: 6 });
    expect(validateLedger(recognizeLedger(gridOf(rows)))).toEqual([]);
  });

  it("bare month names take the year from the title and count on across the new year", () => {
    const l = recognizeLedger(
      gridOf([
        ["Начисления за период 01.11.2025 - 31.01.2026"],
        ["Л/С", "ФИО", "Адрес", "Ноябрь", "Декабрь", "Январь"],
        ["1", "Соколова Е.В.", "кв. 1", 100, 100, 100],
      ]),
    );
    expect(l.layout).toBe("month-columns");
    expect(l.monthColumns?.map((m) => `${m.period} ${m.kind}`)).toEqual([
      "2025-11 charged",
      "2025-12 charged",
      "2026-01 charged",
    ]);
    expect(l.accounts[0].charged).toBe(30000);
  });

  it("an account typed with spaces between digit groups is one identifier", () => {
    const l = recognizeLedger(
      gridOf([
        ["Л/С", "ФИО", "Адрес", "Начислено"],
        [{ v: "102 0034", f: "@" }, "Соколова Е.В.", "кв. 1", 1],
      ]),
    );
    expect(l.accounts[0].account).toBe("1020034");
  });
});

describe("a ledger without an account column", () => {
  it("one account.missing finding at the header; the owner's name keys the accounts", () => {
    const l = recognizeLedger(
      gridOf([
        ["ФИО", "Адрес", "Начислено", "Оплачено", "Долг"],
        ["Соколова Е.В.", "кв. 1", 100, 0, 100],
        ["Орлов Д.С.", "кв. 2", 100, 100, 0],
      ]),
    );
    expect(l.accounts.map((a) => a.account)).toEqual(["Соколова Е.В.", "Орлов Д.С."]);
    expect(validateLedger(l).map((f) => [f.code, f.cell])).toEqual([["account.missing", "A1"]]);
  });
});

describe("balance variants that are not mismatches", () => {
  const check = (header: string[], row: GridCell[]) =>
    validateLedger(recognizeLedger(gridOf([header, row]))).map((f) => f.code);
  it("penalties included in the closing balance", () => {
    // 1 000 + 500 − 0 = 1 500; + пени 12,34 = 1 512,34
    expect(
      check(
        ["Л/С", "ФИО", "Адрес", "Вх. сальдо", "Начислено", "Оплачено", "Пени", "Исх. сальдо"],
        ["1", "Иванов И.И.", "кв. 1", 1000, 500, 0, 12.34, 1512.34],
      ),
    ).toEqual([]);
  });
  it("a subsidy column subtracted from the balance", () => {
    // 1 000 + 500 − 300 − субсидия 200 = 1 000
    expect(
      check(
        ["Л/С", "ФИО", "Адрес", "Вх. сальдо", "Начислено", "Субсидия", "Оплачено", "Исх. сальдо"],
        ["1", "Иванов И.И.", "кв. 1", 1000, 500, 200, 300, 1000],
      ),
    ).toEqual([]);
  });
  it("money formats with colour sections are numbers, not dates", () => {
    const red = (n: number): GridCell => ({ v: n, t: String(n), f: "#,##0.00;[Red]-#,##0.00" });
    const l = recognizeLedger(
      gridOf([
        ["Л/С", "ФИО", "Адрес", "Вх. сальдо", "Начислено", "Оплачено", "Исх. сальдо"],
        ["1", "Иванов И.И.", "кв. 1", red(-100), red(50), red(0), red(-50)],
      ]),
    );
    expect(l.headerRow).toBe(1);
    expect(l.accounts[0].closing).toBe(-5000);
  });
});

describe("identifiers Excel stored as numbers", () => {
  it("СНИЛС and ИНН get their leading zeros back; an account typed with grouping spaces is joined", () => {
    const l = recognizeLedger(
      gridOf([
        ["Л/С", "ФИО", "Адрес", "СНИЛС", "ИНН", "Начислено"],
        // 012-345-678 19: 0·9+1·8+2·7+3·6+4·5+5·4+6·3+7·2+8·1 = 8+14+18+20+20+18+14+8 = 120 → 120 mod 101 = 19
        [
          { v: 1020034, t: "1\u00a0020\u00a0034", f: "# ##0" },
          "Соколова Е.В.",
          "кв. 1",
          { v: 1234567819, t: "1234567819" },
          { v: 770708389, t: "770708389" },
          1,
        ],
      ]),
    );
    expect(l.accounts[0]).toMatchObject({ account: "1020034", snils: "01234567819", inn: "0770708389" });
    // 0770708389: 0·2+7·4+7·10+0·3+7·5+0·9+8·4+3·6+8·8 = 28+70+35+32+18+64 = 247; 247 mod 11 = 5 ≠ 9 → invalid
    expect(validateLedger(l).map((f) => [f.code, f.cell])).toEqual([["id.inn-invalid", "E2"]]);
  });

  it("an account.missing finding names the debtor of its row", () => {
    const l = recognizeLedger(
      gridOf([
        ["Л/С", "ФИО", "Адрес", "Начислено"],
        [null, "Соколова Е.В.", "кв. 1", 100],
      ]),
    );
    expect(validateLedger(l)).toMatchObject([{ code: "account.missing", cell: "A2", debtor: "Соколова Е.В." }]);
  });
});

describe("a ledger keyed by owner", () => {
  it("a row with amounts and no owner in a ledger without accounts → name.missing at the owner cell", () => {
    const l = recognizeLedger(
      gridOf([
        ["ФИО", "Адрес", "Начислено"],
        ["Соколова Е.В.", "кв. 1", 100],
        [null, "кв. 2", 100],
      ]),
    );
    expect(validateLedger(l).map((f) => [f.code, f.cell])).toEqual([
      ["account.missing", "A1"],
      ["name.missing", "A3"],
    ]);
  });
});
