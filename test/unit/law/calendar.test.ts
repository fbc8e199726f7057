/** Working days (ГК 193), due dates (ЖК 155 ч. 1, 177-ФЗ) and the rate in force (key-rate-ru.csv + caps). */
import { describe, expect, it } from "vitest";
import { isNonWorkingDay, nextWorkingDay } from "../../../src/domain/law/calendar";
import { dueDate } from "../../../src/domain/law/dueDate";
import { penaltyRateOn, rateOn } from "../../../src/domain/law/keyRate";

describe("calendar", () => {
  it.each([
    ["2024-01-08", true, "8 January"],
    ["2024-01-09", false, "Tuesday after the New Year holidays"],
    ["2024-04-27", false, "working Saturday (PP-2024)"],
    ["2024-04-29", true, "Monday made a day off"],
    ["2024-12-28", false, "working Saturday"],
    ["2024-12-31", true, "day off moved from 07.01"],
    ["2023-02-24", true, "Friday off moved from 01.01"],
    ["2025-03-10", false, "ordinary Monday (no transfer in 2025)"],
    ["2026-03-07", true, "Saturday"],
    ["2026-03-09", true, "8 March fell on Sunday → Monday off"],
  ])("%s non-working = %s (%s)", (date, expected) => {
    expect(isNonWorkingDay(date)).toBe(expected);
  });

  it("shifts to the next working day", () => {
    expect(nextWorkingDay("2026-01-10")).toBe("2026-01-12"); // Saturday → Monday
    expect(nextWorkingDay("2024-12-29")).toBe("2025-01-09"); // Sunday; 30.12 (from Sat 28.12) and 31.12 (from 07.01) off, then 01–08.01
    expect(nextWorkingDay("2023-02-15")).toBe("2023-02-15");
  });
});

describe("due dates", () => {
  it.each<[string, number | null, string, string]>([
    ["2023-01", null, "2023-02-10", "the 10th, a Friday"],
    ["2020-12", null, "2021-01-11", "10.01.2021 Sunday → Monday"],
    ["2022-04", null, "2022-05-11", "10.05.2022 a transferred holiday → Wednesday"],
    ["2020-04", null, "2020-05-12", "10.05 Sunday, 11.05 holiday → Tuesday"],
    ["2026-02", null, "2026-03-10", "last bill under the 10th rule"],
    ["2026-03", null, "2026-04-15", "first bill under 177-ФЗ"],
    ["2026-02", 25, "2026-03-25", "a contract day before the reform"],
    ["2026-03", 25, "2026-04-15", "the contract day no longer applies"],
    ["2023-01", 31, "2023-02-28", "a contract day past the month's end → last day"],
  ])("%s (contract day %s) → %s: %s", (period, contractDay, expected) => {
    expect(dueDate(period, { contractDay })).toBe(expected);
  });
});

describe("rates", () => {
  it("refinancing 8,25% before 2016, key rate after", () => {
    expect(rateOn("2015-12-31")).toMatchObject({ percent: 8.25, source: "refinancing", beyondTable: false });
    expect(rateOn("2016-01-01")).toMatchObject({ percent: 11, source: "key", since: "2016-01-01" });
    expect(rateOn("2024-11-01")).toMatchObject({ percent: 21, since: "2024-10-28", beyondTable: false });
  });

  it("after the last row: the last row, flagged", () => {
    expect(rateOn("2026-11-28")).toEqual({
      percent: 14,
      bp: 1400,
      since: "2026-07-27",
      source: "key",
      beyondTable: true,
    });
  });

  it("caps: fixed 9,5% under ПП 474 (28.02–31.07.2022), lower-of to 31.12.2026, none before or after", () => {
    expect(penaltyRateOn("2022-02-27").bp).toBe(950); // key 9,5% itself, no cap yet
    expect(penaltyRateOn("2022-02-28")).toMatchObject({ bp: 950, rawBp: 2000 });
    expect(penaltyRateOn("2022-07-31")).toMatchObject({ bp: 950, rawBp: 800 }); // fixed even above the key rate
    expect(penaltyRateOn("2022-08-01")).toMatchObject({ bp: 800, rawBp: 800 }); // lower of
    expect(penaltyRateOn("2025-01-15")).toMatchObject({ bp: 950, rawBp: 2100 });
    expect(penaltyRateOn("2027-01-01")).toMatchObject({ bp: 1400, cap: null });
  });
});

describe("calendar beyond the table (2027+): ТК 112 ч. 1 holidays and ч. 2 moved days off", () => {
  it.each([
    ["2027-05-03", true, "01.05.2027 Saturday → Monday off"],
    ["2027-05-10", true, "09.05.2027 Sunday → Monday off"],
    ["2027-06-14", true, "12.06.2027 Saturday → Monday off"],
    ["2027-05-04", false, "an ordinary Tuesday"],
    ["2027-02-23", true, "23 February itself"],
    [
      "2028-01-10",
      false,
      "January holidays on a weekend are not moved by ч. 2 (the Government moves them; unknown yet)",
    ],
  ])("%s non-working = %s (%s)", (date, expected) => {
    expect(isNonWorkingDay(date)).toBe(expected);
  });
});
