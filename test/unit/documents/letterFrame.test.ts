import { describe, expect, it } from "vitest";
import { buildListLetter } from "../../../src/documents/letterFrame";
import { CLAIMANT } from "./fixtures";
import { docxHighlighted, docxParagraphs, docxText } from "./docxText";

describe("list letter frame", () => {
  it("has the letterhead, outgoing number, addressee, title, table rows, attachments and signature", async () => {
    const bytes = await buildListLetter({
      claimant: CLAIMANT,
      outgoing: { number: "112/ОСП", date: "2026-12-02" },
      addressee: ["Начальнику Тверского ОСП ГУФССП России по г. Москве", "127006, г. Москва, ул. Фадеева, д. 4"],
      title: "Заявление о возбуждении исполнительного производства",
      intro: ["Направляем исполнительные документы:"],
      table: {
        columns: [{ header: "№" }, { header: "Должник", width: 3 }, { header: "Сумма, ₽", align: "right" }],
        rows: [
          ["1", "Тарасова Анна Петровна", "12 345,67"],
          ["2", { text: "[нет ФИО]", gap: true }, "1 000,00"],
        ],
      },
      closing: ["Просим сообщить о ходе исполнения."],
      attachments: ["Судебный приказ № 2-15/2026", "Квитанция"],
      signature: { position: "Генеральный директор", name: "И. И. Иванов" },
    });
    const text = docxText(bytes);
    const paras = docxParagraphs(bytes);
    expect(paras[0]).toBe("ООО «УК Северный квартал»");
    expect(text).toContain("ИНН 7707083893, КПП 773601001, ОГРН 1027700132195");
    expect(text).toContain("р/с 40702810938000000001, в ПАО Сбербанк, БИК 044525225, к/с 30101810400000000225");
    expect(text).toContain("Исх. № 112/ОСП от 02.12.2026");
    expect(text).toContain("Начальнику Тверского ОСП ГУФССП России по г. Москве");
    expect(paras).toContain("Заявление о возбуждении исполнительного производства");
    expect(paras).toContain("Тарасова Анна Петровна");
    expect(paras).toContain("12 345,67");
    expect(text).toContain("1. Судебный приказ № 2-15/2026");
    expect(text).toContain("2. Квитанция");
    expect(text).toContain("Генеральный директор");
    expect(text).toContain("/ И. И. Иванов /");
    expect(docxHighlighted(bytes)).toEqual(["[нет ФИО]"]);
    // the table comes after the intro and before the closing
    expect(paras.indexOf("Тарасова Анна Петровна")).toBeGreaterThan(
      paras.indexOf("Направляем исполнительные документы:"),
    );
    expect(paras.indexOf("Просим сообщить о ходе исполнения.")).toBeGreaterThan(paras.indexOf("1 000,00"));
  });

  it("leaves a blank for a missing outgoing number and highlights a missing claimant name", async () => {
    const bytes = await buildListLetter({
      claimant: { ...CLAIMANT, name: "" },
      outgoing: { date: "2026-01-09" },
      addressee: ["В ОСП"],
      title: "Письмо",
      intro: ["Текст."],
    });
    expect(docxText(bytes)).toContain("Исх. № ______ от 09.01.2026");
    expect(docxHighlighted(bytes)).toContain("[наименование взыскателя]");
  });
});
