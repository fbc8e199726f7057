import { describe, expect, it } from "vitest";
import {
  applicationGaps,
  buildCourtOrderApplication,
  type CourtOrderApplicationData,
} from "../../../src/documents/application";
import { buildCoveringLetter } from "../../../src/documents/coveringLetter";
import { docxHighlighted, docxParagraphs, docxText, docxXml } from "./docxText";
import { CLAIMANT } from "./fixtures";

const APP: CourtOrderApplicationData = {
  claimant: CLAIMANT,
  outgoing: { number: "45", date: "2026-12-02" },
  court: {
    name: "Судебный участок № 371 Тверского района г. Москвы",
    address: "125009, г. Москва, ул. Тверская, д. 15",
  },
  debtor: {
    name: "Тарасова Анна Петровна",
    birthDate: "1975-03-14",
    birthPlace: "г. Тверь",
    residence: "г. Москва, ул. Лесная, д. 5, кв. 12",
    identifier: "СНИЛС 112-233-445 95",
  },
  account: "0010135",
  premises: "г. Москва, ул. Лесная, д. 5, кв. 12",
  periodFrom: "2025-01",
  periodTo: "2025-03",
  principalByPeriod: [
    { period: "2025-01", amount: 612_050 },
    { period: "2025-02", amount: 612_050 },
    { period: "2025-03", amount: 600_000 },
  ],
  principal: 1_824_100,
  penalty: 54_321,
  duty: 200_000,
  penaltyAnnex: [
    ["Расчёт пени по лицевому счёту 0010135 на 02.12.2026"],
    ["Расчёт пени на 02.12.2026"],
    ["Ставка 9,5 % (ПП 474)."],
    [],
    [
      "Период",
      "Срок оплаты",
      "Сумма долга",
      "С",
      "По",
      "Дней",
      "Доля ставки",
      "Ставка, %",
      "Мораторий",
      "Формула",
      "Пени",
    ],
    [
      "январь 2025",
      { kind: "date", date: "2025-02-10" },
      { kind: "money", kopecks: 612_050 },
      { kind: "date", date: "2025-03-13" },
      { kind: "date", date: "2025-05-11" },
      60,
      "1/300",
      9.5,
      "",
      "6 120,50 × 60 × 1/300 × 9,5%",
      { kind: "money", kopecks: 11_629 },
    ],
    [],
    [
      "Итого пени (итог округлён от точной суммы)",
      null,
      null,
      null,
      null,
      null,
      null,
      null,
      null,
      null,
      { kind: "money", kopecks: 54_321 },
    ],
  ],
};

describe("court order application (ГПК 124)", () => {
  it("names the court, the claimant with requisites, the debtor with birth data, residence and identifier", async () => {
    const text = docxText(await buildCourtOrderApplication(APP));
    expect(text).toContain("Судебный участок № 371 Тверского района г. Москвы");
    expect(text).toContain("125009, г. Москва, ул. Тверская, д. 15");
    expect(text).toContain("Взыскатель: ООО «УК Северный квартал»");
    expect(text).toContain("ИНН 7707083893, КПП 773601001, ОГРН 1027700132195");
    expect(text).toContain("Должник: Тарасова Анна Петровна");
    expect(text).toContain("дата рождения: 14.03.1975, место рождения: г. Тверь");
    expect(text).toContain("место жительства: г. Москва, ул. Лесная, д. 5, кв. 12");
    expect(text).toContain("идентификатор: СНИЛС 112-233-445 95");
    expect(text).toContain("Исх. № 45 от 02.12.2026");
  });

  it("states the claim by period, penalties, duty and total in figures and words, the grounds and attachments", async () => {
    const bytes = await buildCourtOrderApplication(APP);
    const text = docxText(bytes);
    const paras = docxParagraphs(bytes);
    expect(paras).toContain("январь 2025");
    expect(paras).toContain("6\u00a0120,50");
    expect(text).toContain("18\u00a0241,00 руб. (восемнадцать тысяч двести сорок один рубль 00 копеек)");
    expect(text).toContain("пени в размере 543,21 руб. (пятьсот сорок три рубля 21 копейка)");
    expect(text).toContain("2\u00a0000,00 руб. (две тысячи рублей 00 копеек)");
    // total = principal + penalty + duty = 20 784,21
    expect(text).toContain("Всего: 20\u00a0784,21 руб. (двадцать тысяч семьсот восемьдесят четыре рубля 21 копейка)");
    expect(text).toContain("Сумма требования: 18\u00a0784,21 руб.");
    expect(text).toContain("ст. 153–155 ЖК РФ, ст. 121–124 ГПК РФ");
    expect(text).toContain("за период с 01.2025 по 03.2025 образовалась задолженность");
    expect(text).toContain("Приложение:");
    expect(text).toContain("1. Расчёт задолженности и пени (приложение № 1).");
    expect(docxHighlighted(bytes)).toEqual([]);
  });

  it("the penalty annex is the law engine's table on a landscape page", async () => {
    const bytes = await buildCourtOrderApplication(APP);
    const paras = docxParagraphs(bytes);
    const annexAt = paras.indexOf("Приложение № 1 к заявлению о вынесении судебного приказа");
    expect(annexAt).toBeGreaterThan(0);
    const annex = paras.slice(annexAt);
    for (const h of ["Период", "Срок оплаты", "Формула", "Пени"]) expect(annex).toContain(h);
    expect(annex).toContain("10.02.2025");
    expect(annex).toContain("6 120,50 × 60 × 1/300 × 9,5%");
    expect(annex).toContain("543,21");
    expect(annex).toContain("Ставка 9,5 % (ПП 474).");
    expect(docxXml(bytes)).toContain('w:orient="landscape"');
  });

  it("missing debtor data: blocking gaps listed, optional ones highlighted in the document", async () => {
    const d: CourtOrderApplicationData = {
      ...APP,
      court: null,
      debtor: { name: "Тарасова Анна Петровна", residence: "", birthDate: null },
      penaltyAnnex: null,
    };
    const gaps = applicationGaps(d);
    expect(gaps.blocking).toEqual(["нет места жительства (адреса) должника", "нет даты рождения должника (ГПК 124)"]);
    expect(gaps.warnings).toEqual([
      "нет места рождения должника (ГПК 124)",
      "нет идентификатора должника: СНИЛС, ИНН или паспорта (ГПК 124)",
      "не найден судебный участок для адреса должника",
    ]);
    const highlighted = docxHighlighted(await buildCourtOrderApplication(d));
    expect(highlighted).toEqual(
      expect.arrayContaining([
        "[судебный участок мирового судьи]",
        "[дата рождения]",
        "[место рождения]",
        "[место жительства]",
        "[СНИЛС, ИНН или паспорт]",
      ]),
    );
    expect(applicationGaps(APP)).toEqual({ blocking: [], warnings: [] });
  });
});

describe("covering letter to the ОСП (229-ФЗ ст. 30)", () => {
  it("lists each executive document with its receipt, gives the account for direct payment, asks to inform", async () => {
    const bytes = await buildCoveringLetter({
      claimant: CLAIMANT,
      outgoing: { date: "2026-12-02" },
      department: { name: "Тверской ОСП ГУФССП России по г. Москве", address: "127006, г. Москва, ул. Фадеева, д. 4" },
      items: [
        {
          debtor: "Тарасова Анна Петровна",
          birthDate: "1975-03-14",
          address: "г. Москва, ул. Лесная, д. 5, кв. 12",
          account: "0010135",
          caseNumber: "2-1501/2026",
          orderDate: "2026-11-10",
          amount: 2_078_421,
        },
        { debtor: "Орлов Пётр Ильич", address: "г. Москва, ул. Лесная, д. 5, кв. 40", account: "0010140", amount: 100 },
      ],
    });
    const text = docxText(bytes);
    expect(text).toContain("Заявление о возбуждении исполнительного производства");
    expect(text).toContain("ст. 30 Федерального закона от 02.10.2007 № 229-ФЗ");
    expect(text).toContain("Тверской ОСП ГУФССП России по г. Москве");
    expect(text).toContain("судебный приказ № 2-1501/2026 от 10.11.2026");
    expect(text).toContain("Тарасова Анна Петровна, 14.03.1975 г. р., г. Москва, ул. Лесная, д. 5, кв. 12");
    expect(text).toContain("всего 2, на общую сумму 20\u00a0785,21 руб.");
    expect(text).toContain("р/с 40702810938000000001 в ПАО Сбербанк, БИК 044525225, к/с 30101810400000000225");
    expect(text).toContain("Прошу сообщать взыскателю");
    expect(text).toContain("Квитанция (форма ПД-4) для оплаты взыскателю по л/с 0010140 — 1 экз.");
    expect(docxParagraphs(bytes).filter((p) => p === "приложена")).toHaveLength(2);
    // the second order has no number or date yet: highlighted for the clerk
    expect(docxHighlighted(bytes)).toEqual(expect.arrayContaining(["[номер]", "[дата]"]));
  });
});
