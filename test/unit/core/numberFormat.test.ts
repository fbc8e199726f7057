import { describe, expect, it } from "vitest";
import { invariantDateCode, isDateFormat } from "../../../src/domain/numberFormat";
import { displayText, isDateFormat as adapterIsDateFormat } from "../../../src/workbook/displayText";
import { recognizeLedger, validateLedger } from "../../../src/domain/ledger";
import { gridOf } from "../../fixtures/ledgers/grid";

// 15.03.2024 18:30 as an Excel serial
const MARCH_15_1830 = 45366 + 18.5 / 24;

describe("one date-format rule for the ledger reader and the adapters", () => {
  it("the adapters use the domain's rule itself, not a copy", () => {
    expect(adapterIsDateFormat).toBe(isDateFormat);
  });

  // the codes on which the ledger reader's and the adapters' rules used to disagree
  it.each([
    // a Russian-locale Excel writes date codes with Cyrillic letters (Д — day, М — month, Г — year)
    ["ДД.ММ.ГГГГ", true],
    ["дд.мм.гг", true],
    ["ДД.ММ.ГГГГ ч:мм", true],
    // «m»/«mm» alone is the month in Excel (minutes only after h or before s)
    ["mm", true],
    ["m", true],
    ["mmm", true],
    ["mmmm", true],
    // elapsed time and time without a date
    ["[h]:mm", true],
    ["[mm]:ss", true],
    ["h:ss", true],
    // a letter after _ (a space of its width) or * (fill) is not a token
    ["#,##0.00_d", false],
    ["0*m", false],
  ])("%s → %s", (code, expected) => {
    expect(isDateFormat(code)).toBe(expected);
  });

  it.each([
    ["dd.mm.yyyy", true],
    ["hh:mm", true],
    ["mm:ss", true],
    ["[$-419]d mmmm yyyy", true],
    ["#,##0.00", false],
    ["# ##0,00", false],
    ['0.00" дн."', false],
    ['#,##0.00 "мес."', false],
    ["#,##0.00\\ \\м", false],
    ["#,##0.00[$ ₽-419];[Red]-#,##0.00[$ ₽-419]", false],
    ['_-* #,##0.00 _₽_-;\\-* #,##0.00 _₽_-;_-* "-"?? _₽_-;_-@_-', false],
    ["General", false],
    ["Основной", false],
    ["@", false],
    ["", false],
    // a date token only in a later section: positive numbers (date serials) use the first
    ['0;-0;0;"с "@', false],
  ])("%s → %s (both sides agreed, and still do)", (code, expected) => {
    expect(isDateFormat(code)).toBe(expected);
  });

  it("Russian-locale tokens are written as the invariant ones, quoted text and brackets untouched", () => {
    expect(invariantDateCode("ДД.ММ.ГГГГ ч:мм:сс")).toBe("dd.mm.yyyy h:mm:ss");
    expect(invariantDateCode('[$-419]Д ММММ ГГГГ" г."')).toBe('[$-419]d mmmm yyyy" г."');
    expect(invariantDateCode("dd.mm.yyyy")).toBe("dd.mm.yyyy");
  });

  it("the adapters' displayed text agrees: these codes show dates and times as Excel shows them", () => {
    expect(displayText(45366, "ДД.ММ.ГГГГ")).toBe("15.03.2024");
    expect(displayText(MARCH_15_1830, "ДД.ММ.ГГГГ ч:мм")).toBe("15.03.2024 18:30");
    expect(displayText(45366, "mm")).toBe("03");
    expect(displayText(45366, "mmmm")).toBe("март");
    expect(displayText(MARCH_15_1830, "hh:mm")).toBe("18:30");
    expect(displayText(MARCH_15_1830, "mm:ss")).toBe("30:00");
    expect(displayText(1.5, "[h]:mm")).toBe("36:00");
    expect(displayText(1234.5, "#,##0.00_d")).toBe("1\u00a0234,50 ");
  });

  it("the ledger reader flags an identifier Excel turned into a date under a Russian-locale or month-only code", () => {
    // house «5/1» and flat «3-5» became dates; the amount under a number format stays an amount
    const ledger = recognizeLedger(
      gridOf([
        ["Л/С", "ФИО", "Дом", "Кв.", "Начислено"],
        [
          { v: "1001", f: "@" },
          "Соколова Е.В.",
          { v: 45292, f: "ДД.ММ.ГГГГ", t: "01.01.2024" },
          { v: 45354, f: "mmm", t: "мар" },
          { v: 1234.5, f: "# ##0,00", t: "1 234,50" },
        ],
      ]),
    );
    const damaged = validateLedger(ledger, { today: "2026-11-28" })
      .filter((f) => f.code === "id.date-damaged")
      .map((f) => f.cell);
    expect(damaged).toEqual(["C2", "D2"]);
    expect(ledger.accounts[0].charged).toBe(123450);
  });
});
