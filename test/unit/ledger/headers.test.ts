import { describe, expect, it } from "vitest";
import { classifyPair, classifySingle, normalizeHeader } from "../../../src/domain/ledger/headers";

const concept = (h: string) => classifySingle(normalizeHeader(h))?.concept ?? null;

describe("header synonyms (docs/formats.md, § 1.2)", () => {
  it.each([
    ["Лицевой счёт", "account"],
    ["Лицевой счет", "account"],
    ["Л/С", "account"],
    ["Л/сч", "account"],
    ["ЛС", "account"],
    ["№ ЛС", "account"],
    ["Номер ЛС", "account"],
    ["Лицевой", "account"],
    ["Лиц. счет", "account"],
    ["Код плательщика", "account"],
    ["ЕЛС", "account"],
    ["Счет / Лицевой счет", "account"],
    ["ФИО", "name"],
    ["Ф.И.О.", "name"],
    ["Собственник", "name"],
    ["Ответственный собственник", "name"],
    ["Наниматель", "name"],
    ["Абонент", "name"],
    ["Плательщик", "name"],
    ["Должник", "name"],
    ["Фамилия И.О. / Адрес", "name"],
    ["Фамилия", "surname"],
    ["Имя", "firstName"],
    ["Отчество", "patronymic"],
    ["Адрес", "address"],
    ["Адрес помещения", "address"],
    ["Адрес дома", "address"],
    ["Улица", "street"],
    ["Дом", "house"],
    ["Кв.", "flat"],
    ["Квартира", "flat"],
    ["Сальдо на начало", "openingBalance"],
    ["Сальдо на начало периода", "openingBalance"],
    ["Вх.сальдо", "openingBalance"],
    ["Входящее сальдо", "openingBalance"],
    ["Долг на начало", "openingBalance"],
    ["Задолженность на начало", "openingBalance"],
    ["Остаток на начало", "openingBalance"],
    ["Задолженность за предыдущие периоды", "openingDebt"],
    ["Аванс на начало расчетного периода", "openingAdvance"],
    ["Задолженность за предыдущие периоды / Аванс на начало расчетного периода", "openingBalance"],
    ["Начислено", "charged"],
    ["Начисление", "charged"],
    ["Начислено за период", "charged"],
    ["Сумма начисления", "charged"],
    ["Фактически начислено за ЖКУ за ____ г.", "charged"],
    ["Перерасчёт", "recalculation"],
    ["Разовые", "recalculation"],
    ["Корректировка", "recalculation"],
    ["Субсидия", "subsidy"],
    ["Льготы", "subsidy"],
    ["Оплачено", "paid"],
    ["Оплата", "paid"],
    ["Поступило", "paid"],
    ["Поступления", "paid"],
    ["Оплачено за период", "paid"],
    ["Оплачено гражданином", "paid"],
    ["Сальдо на конец", "closingBalance"],
    ["Кон.сальдо", "closingBalance"],
    ["Исходящее сальдо", "closingBalance"],
    ["Долг на конец", "closingBalance"],
    ["Задолженность", "closingBalance"],
    ["Итого задолженность", "closingBalance"],
    ["К оплате", "closingBalance"],
    ["Сумма ДЗ", "closingBalance"],
    ["Сумма ДЗ на конец периода без услуги Пени", "closingBalance"],
    ["Долг за ЖКУ на ____ г., всего, рублей", "closingBalance"],
    ["Пени", "penalties"],
    ["Пеня", "penalties"],
    ["Начислено пени", "penalties"],
    ["Пени итог", "penalties"],
    ["Сальдо пени", "penalties"],
    ["Сумма ДЗ на конец периода по услуге Пени", "penalties"],
    ["Период", "period"],
    ["Месяц", "period"],
    ["Расчетный период", "period"],
    ["Год, месяц", "period"],
    ["Количество месяцев задолженности", "monthsInDebt"],
    ["Кол-во мес. долга", "monthsInDebt"],
    ["Возраст ДЗ в месяцах", "monthsInDebt"],
    ["Долг (Кол-во мес.)", "monthsInDebt"],
    ["Дата последней оплаты", "lastPaymentDate"],
    ["Дата последнего платежа", "lastPaymentDate"],
    ["Сумма последней оплаты", "lastPaymentAmount"],
    ["Последний платёж, руб.", "lastPaymentAmount"],
    ["Услуга", "service"],
    ["Вид услуги", "service"],
    ["СНИЛС", "snils"],
    ["ИНН", "inn"],
    ["Дата рождения", "birthDate"],
    ["Доля", "share"],
    ["№ дела", "caseNumber"],
    ["№ судебного приказа", "caseNumber"],
    ["Дата приказа", "orderDate"],
    ["№ ИП", "ipNumber"],
    ["Дата передачи в ФССП", "fsspDate"],
  ])("«%s» → %s", (header, expected) => {
    expect(concept(header)).toBe(expected);
  });

  it("normalises case, ё, NBSP and line breaks", () => {
    expect(concept("ЛИЦЕВОЙ\nСЧЁТ")).toBe("account");
    expect(concept("Сальдо\u00a0на  начало")).toBe("openingBalance");
    expect(concept("  оплачено\r\n")).toBe("paid");
    expect(concept("Долг, руб.")).toBe("closingBalance");
    expect(concept("Начислено (руб.)")).toBe("charged");
  });

  it("ignores known columns that are not concepts", () => {
    for (const h of [
      "№ п/п",
      "N п/п",
      "Тип собств.",
      "Площадь",
      "Телефон",
      "Дата последнего неоплаченного начисления",
      "Сумма по заявлению в ФССП - ОД / пени / ГП",
    ]) {
      expect(concept(h)).toBeNull();
    }
  });
});

describe("two-level headers", () => {
  const pair = (p: string, c: string) => classifyPair(normalizeHeader(p), normalizeHeader(c));
  it("Долг/Аванс and Дебет/Кредит under the balances", () => {
    expect(pair("Сальдо на начало", "Долг")?.concept).toBe("openingDebt");
    expect(pair("Сальдо на начало", "Аванс")?.concept).toBe("openingAdvance");
    expect(pair("Сальдо на конец периода", "Дебет")?.concept).toBe("closingDebt");
    expect(pair("Сальдо на конец периода", "Кредит")?.concept).toBe("closingAdvance");
  });
  it("Дебет/Кредит under «Обороты за период» are charges and payments", () => {
    expect(pair("Обороты за период", "Дебет")?.concept).toBe("charged");
    expect(pair("Обороты за период", "Кредит")?.concept).toBe("paid");
  });
  it("a month over Начислено / Оплачено / Долг", () => {
    expect(pair("Январь 2024", "Начислено")?.month).toEqual({ period: "2024-01", kind: "charged" });
    expect(pair("01.2024", "Оплачено")?.month).toEqual({ period: "2024-01", kind: "paid" });
    expect(pair("Февраль 2024 г.", "Долг")?.month).toEqual({ period: "2024-02", kind: "debt" });
  });
  it("an unknown child inherits the parent's meaning; a known one keeps its own", () => {
    expect(pair("Начислено", "Основное")?.concept).toBe("charged");
    expect(pair("Начислено", "Пени")?.concept).toBe("penalties");
  });
  it("a child header with its own meaning keeps it", () => {
    expect(pair("Показатели", "Начислено")?.concept).toBe("charged");
  });
});

describe("month headers", () => {
  const month = (h: string) => classifySingle(normalizeHeader(h))?.month ?? null;
  it.each([
    ["Январь 2024", "2024-01"],
    ["январь 2024 г.", "2024-01"],
    ["01.2024", "2024-01"],
    ["2024-01", "2024-01"],
    ["01.01.2024", "2024-01"],
    ["Долг за март 2024", "2024-03"],
  ])("«%s» → %s", (h, p) => {
    expect(month(h)?.period).toBe(p);
  });
  it("a balance on a date is not a month column", () => {
    expect(month("Сальдо на 01.01.2024")).toBeNull();
  });
});
