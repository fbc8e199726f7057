/**
 * ГПК 124 data and court-work columns that a ledger may carry reach the canonical accounts, so the candidates step
 * does not ask for a birth place the ledger already has and sees a case the ledger already names.
 */
import { describe, expect, it } from "vitest";
import { recognizeLedger } from "../../../src/domain/ledger";
import { gridOf } from "../../fixtures/ledgers";

describe("application data columns in a ledger", () => {
  const ledger = recognizeLedger(
    gridOf([
      [
        "Л/С",
        "ФИО",
        "Дата рождения",
        "Место рождения",
        "Паспорт",
        "Адрес",
        "Сальдо на конец",
        "№ дела",
        "Дата приказа",
        "№ ИП",
      ],
      [
        { v: "0012345", f: "@" },
        "Соколова Елена Викторовна",
        "14.02.1981",
        "г. Белоярский",
        "6701 123456",
        "мкр. 3, д. 5, кв. 12",
        "25 430,12",
        "2-15/2023",
        "10.01.2023",
        "12345/23/86004-ИП",
      ],
      [
        { v: "0012346", f: "@" },
        "Орлов Денис Сергеевич",
        "03.07.1975",
        "",
        "",
        "мкр. 1, д. 12, кв. 40",
        "1 000,00",
        "",
        "",
        "",
      ],
    ]),
  );

  it("keeps the birth place, passport and the existing case on the account, as displayed", () => {
    const [a, b] = ledger.accounts;
    expect(a.account).toBe("0012345");
    expect(a.birthDate).toBe("1981-02-14");
    expect(a.birthPlace).toBe("г. Белоярский");
    expect(a.passport).toBe("6701 123456");
    expect(a.caseNumber).toBe("2-15/2023");
    expect(a.orderDate).toBe("2023-01-10");
    expect(a.ipNumber).toBe("12345/23/86004-ИП");
    // empty cells stay absent rather than empty strings
    expect(b.birthPlace).toBeUndefined();
    expect(b.caseNumber).toBeUndefined();
  });
});
