/** Limitation (ГК 196, 200, 204) and enforcement terms (229-ФЗ ст. 21, 22, 46, 47). */
import { describe, expect, it } from "vitest";
import { limitationExpiry, NO_EXPIRY, timeBarred } from "../../../src/domain/law/limitation";
import { earliestRepresentation, parseEndReason, presentationTermEnd } from "../../../src/domain/law/enforcement";

describe("limitation", () => {
  it("due date + 3 years, shifted to a working day (docs/law.md, § 6 example)", () => {
    // January 2022 due 10.02.2022 → last filing day Mon 10.02.2025
    expect(limitationExpiry("2022-01")).toBe("2025-02-10");
    // December 2025: 10.01.2026 Saturday → due Mon 12.01.2026 → 12.01.2029 (Friday)
    expect(limitationExpiry("2025-12")).toBe("2029-01-12");
  });

  it("a cancelled court order adds its duration", () => {
    // filed 01.06.2024, cancelled 01.08.2024: 61 days; 10.02.2025 + 61 days = Sat 12.04.2025 → Mon 14.04.2025
    expect(limitationExpiry("2022-01", { courtProtection: [{ filed: "2024-06-01", cancelled: "2024-08-01" }] })).toBe(
      "2025-04-14",
    );
  });

  it("an unexpired remainder under 6 months after cancellation becomes 6 months (ГК 204 п. 3)", () => {
    // filed 20.01.2025, cancelled 01.03.2025 (40 days): 10.02.2025 + 40 = 22.03.2025 < 01.03.2025 + 6 months → Mon 01.09.2025
    expect(limitationExpiry("2022-01", { courtProtection: [{ filed: "2025-01-20", cancelled: "2025-03-01" }] })).toBe(
      "2025-09-01",
    );
  });

  it("a protection still running stops the term; one filed too late does nothing", () => {
    expect(limitationExpiry("2022-01", { courtProtection: [{ filed: "2024-06-01", cancelled: null }] })).toBe(
      NO_EXPIRY,
    );
    expect(limitationExpiry("2022-01", { courtProtection: [{ filed: "2025-02-11", cancelled: "2025-03-01" }] })).toBe(
      "2025-02-10",
    );
  });

  it("time-barred part of a debt on a date", () => {
    // on 11.02.2025: January 2022 (last day 10.02.2025) is barred, February 2022 (due 10.03.2022 → 10.03.2025) is not
    expect(
      timeBarred(
        [
          { period: "2022-01", unpaid: 1500_00 },
          { period: "2022-02", unpaid: 1700_00 },
        ],
        "2025-02-11",
      ),
    ).toEqual({ barred: 1500_00, barredPeriods: ["2022-01"] });
  });
});

describe("enforcement", () => {
  it.each([
    ["ст. 46 ч. 1 п. 4", 46, 1, 4, "returned"],
    ["Ст.46 ч.1 п.3", 46, 1, 3, "returned"],
    ["ст. 47, ч. 1, п. 1", 47, 1, 1, "paid"],
    ["окончено: ст.\u00a047 ч.\u00a01 п.\u00a03", 47, 1, 3, "returned"],
    ["ст. 43 ч. 2 п. 4", 43, 2, 4, "terminated"],
    ["ст. 47 ч. 1 п. 7", 47, 1, 7, "not-paid"],
  ])("%s → %s-%s-%s %s", (text, article, part, point, meaning) => {
    expect(parseEndReason(text)).toMatchObject({ article, part, point, meaning });
  });

  it("unreadable reasons give null", () => {
    expect(parseEndReason("по заявлению")).toBeNull();
  });

  it("re-presentation: 6 months after ст. 46 ч. 1 п. 3–4, never after actual payment", () => {
    expect(earliestRepresentation("2024-03-15", "ст. 46 ч. 1 п. 4")).toBe("2024-09-15");
    expect(earliestRepresentation("2024-08-31", parseEndReason("ст. 46 ч. 1 п. 3")!)).toBe("2025-02-28");
    expect(earliestRepresentation("2024-03-15", "ст. 47 ч. 1 п. 1")).toBeNull();
  });

  it("presentation term: 3 years, restarted after a return, null while proceedings run", () => {
    // issued 10.05.2021 → 10.05.2024, a transferred day off (Friday) → Mon 13.05.2024
    expect(presentationTermEnd({ issued: "2021-05-10" })).toBe("2024-05-13");
    // presented 15.01.2022, returned 01.03.2023 → 01.03.2026 is Sunday → Mon 02.03.2026
    expect(
      presentationTermEnd({ issued: "2021-05-10", presentations: [{ started: "2022-01-15", ended: "2023-03-01" }] }),
    ).toBe("2026-03-02");
    expect(
      presentationTermEnd({ issued: "2021-05-10", presentations: [{ started: "2022-01-15", ended: null }] }),
    ).toBeNull();
    // a presentation after the term ended does not revive it
    expect(
      presentationTermEnd({ issued: "2019-05-10", presentations: [{ started: "2023-01-10", ended: "2023-06-01" }] }),
    ).toBe("2022-05-11");
  });
});

describe("review additions", () => {
  it("a 29 February due date: + 3 years ends on 28.02 (no such day), a Sunday → Mon 01.03.2027", () => {
    // January 2024 with contract day 29 → Thu 29.02.2024; 2027 has no 29.02 → 28.02.2027 (Sunday) → 01.03.2027
    expect(limitationExpiry("2024-01", { contractDay: 29 })).toBe("2027-03-01");
  });

  it("partial performance restarts the presentation term (229-ФЗ ст. 22 ч. 1 п. 2)", () => {
    // issued 10.05.2021, partial payment 01.02.2023 → 01.02.2026 is Sunday → Mon 02.02.2026
    expect(presentationTermEnd({ issued: "2021-05-10", partialPayments: ["2023-02-01"] })).toBe("2026-02-02");
  });

  it("beyond the calendar table the ТК 112 ч. 2 moved day off counts (01.05.2027 Saturday → Monday 03.05 off)", () => {
    // returned 03.05.2024 (a working Friday) → 03.05.2027 Monday, the day off moved from Saturday 01.05 → Tue 04.05.2027
    expect(
      presentationTermEnd({ issued: "2023-01-10", presentations: [{ started: "2023-06-01", ended: "2024-05-03" }] }),
    ).toBe("2027-05-04");
  });

  it("parses the citation order «п. 4 ч. 1 ст. 46» too; ст. 47 ч. 1 п. 3 waits 6 months", () => {
    expect(parseEndReason("окончено по п. 4 ч. 1 ст. 46 Федерального закона № 229-ФЗ")).toMatchObject({
      article: 46,
      part: 1,
      point: 4,
      meaning: "returned",
    });
    expect(earliestRepresentation("2024-01-31", "ст. 47 ч. 1 п. 3")).toBe("2024-07-31");
    // 31.08.2023 + 6 months → no 31.02.2024 → the last day of February, 29.02.2024 (ГК 192 п. 3; 2024 is a leap year)
    expect(earliestRepresentation("2023-08-31", "п. 3 ч. 1 ст. 46")).toBe("2024-02-29");
  });
});
