import { describe, expect, it } from "vitest";
import {
  addMonths,
  excelSerialToIso,
  fromDayNumber,
  isoToExcelSerial,
  parsePeriod,
  parseRuDate,
  toDayNumber,
  weekday,
} from "../../../src/domain/dates";

describe("calendar dates without time zones", () => {
  it("day numbers round-trip and agree with the UTC calendar for every day from 1900 to 2200", () => {
    for (let n = -25567; n < 84000; n++) {
      const dt = new Date(n * 86_400_000);
      const iso = `${dt.getUTCFullYear()}-${String(dt.getUTCMonth() + 1).padStart(2, "0")}-${String(dt.getUTCDate()).padStart(2, "0")}`;
      if (fromDayNumber(n) !== iso || toDayNumber(iso) !== n) throw new Error(`day ${n}: ${fromDayNumber(n)} ≠ ${iso}`);
    }
  });

  it("Excel serials: 45292 is 01.01.2024, 1 is 01.01.1900, the fictitious 29.02.1900 (60) is refused", () => {
    expect(excelSerialToIso(45292)).toBe("2024-01-01");
    expect(isoToExcelSerial("2024-01-01")).toBe(45292);
    expect(excelSerialToIso(1)).toBe("1900-01-01");
    expect(excelSerialToIso(61)).toBe("1900-03-01");
    expect(excelSerialToIso(60)).toBeNull();
  });

  it("months end on the same day or the month's last day (ГК 192), weekdays", () => {
    expect(addMonths("2024-01-31", 1)).toBe("2024-02-29");
    expect(addMonths("2023-01-31", 1)).toBe("2023-02-28");
    expect(addMonths("2022-10-01", 6)).toBe("2023-04-01");
    expect(weekday("2026-11-28")).toBe(6); // a Saturday
  });

  it("reads dates and periods the way Russian sheets write them", () => {
    expect(parseRuDate("14.02.1981")).toBe("1981-02-14");
    expect(parseRuDate("14.02.81")).toBe("1981-02-14");
    expect(parseRuDate("5 марта 2024 г.")).toBe("2024-03-05");
    expect(parseRuDate("31.02.2024")).toBeNull();
    expect(parsePeriod("Январь 2025 г.")).toBe("2025-01");
    expect(parsePeriod("май 2024")).toBe("2024-05");
    expect(parsePeriod("01.2025")).toBe("2025-01");
    expect(parsePeriod("мар.24")).toBe("2024-03");
    expect(parsePeriod(45352)).toBe("2024-03");
  });
});
