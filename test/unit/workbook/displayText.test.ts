/** The text a Russian Excel shows for a value and a number format (used where Excel itself is not asked). */
import { describe, expect, it } from "vitest";
import { displayText, formatGeneral, isDateFormat } from "../../../src/workbook/displayText";

const S = "\u00a0"; // Excel's group separator in the Russian locale

describe("displayText", () => {
  it("shows text, booleans and empty cells as Excel does", () => {
    expect(displayText("00123", "@")).toBe("00123");
    expect(displayText(null, "General")).toBe("");
    expect(displayText(true, "General")).toBe("ИСТИНА");
    expect(displayText(false, "General")).toBe("ЛОЖЬ");
  });

  it("General: decimal comma, no grouping, at most 11 characters", () => {
    expect(formatGeneral(1234.5)).toBe("1234,5");
    expect(formatGeneral(1020034)).toBe("1020034");
    expect(formatGeneral(-0.25)).toBe("-0,25");
    // 1/3 in General: 11 characters at most → "0," + 9 digits
    expect(formatGeneral(1 / 3)).toBe("0,333333333");
    // 0.1 + 0.2 = 0.30000000000000004 shows as 0,3
    expect(formatGeneral(0.1 + 0.2)).toBe("0,3");
    expect(displayText(42, "@")).toBe("42");
  });

  it("money formats with grouping and two decimals", () => {
    expect(displayText(1234567.891, "#,##0.00")).toBe(`1${S}234${S}567,89`);
    expect(displayText(25430.12, "# ##0,00")).toBe(`25${S}430,12`);
    expect(displayText(-100, "#,##0.00")).toBe("-100,00");
    expect(displayText(0.5, "0.00")).toBe("0,50");
    // 1.005 rounds half up on its decimal form (Excel keeps 15 significant digits): 1,01
    expect(displayText(1.005, "0.00")).toBe("1,01");
    expect(displayText(999.999, "#,##0")).toBe(`1${S}000`);
    // accounting-style sections: negatives in parentheses, zero as a dash
    expect(displayText(-1500, '#,##0.00;(#,##0.00);"-"')).toBe(`(1${S}500,00)`);
    expect(displayText(0, '#,##0.00;(#,##0.00);"-"')).toBe("-");
    expect(displayText(12.5, '#,##0.00 "₽"')).toBe("12,50 ₽");
    expect(displayText(-3, "#,##0.00[$ ₽-419];[Red]-#,##0.00[$ ₽-419]")).toBe("-3,00");
  });

  it("percents", () => {
    expect(displayText(0.095, "0.00%")).toBe("9,50%");
    expect(displayText(0.5, "0%")).toBe("50%");
  });

  it("dates from serials: explicit codes, the locale short date and month names", () => {
    // 45366 = 15.03.2024 (2024-01-01 is 45292; + 31 + 29 + 14)
    expect(displayText(45366, "dd.mm.yyyy")).toBe("15.03.2024");
    expect(displayText(45366, "mm-dd-yy")).toBe("15.03.2024");
    expect(displayText(45366, "m/d/yyyy")).toBe("15.03.2024");
    expect(displayText(45366, "d.m.yy")).toBe("15.3.24");
    expect(displayText(45366, "mmmm yyyy")).toBe("март 2024");
    expect(displayText(45366.5, "dd.mm.yyyy hh:mm")).toBe("15.03.2024 12:00");
    expect(displayText(45366, "[$-419]dd/mm/yyyy")).toBe("15.03.2024");
    // Excel's fictitious 29 February 1900 is serial 60
    expect(displayText(60, "dd.mm.yyyy")).toBe("29.02.1900");
    expect(displayText(61, "dd.mm.yyyy")).toBe("01.03.1900");
    expect(isDateFormat("#,##0.00")).toBe(false);
    expect(isDateFormat('0.00" дн."')).toBe(false);
  });
});
