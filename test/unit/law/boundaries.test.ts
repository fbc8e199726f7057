/**
 * Review additions: the first/last days of the moratoria and of the capped-rate regimes, the «due before
 * 01.04.2022» condition, day 91 exactly, a holiday-shifted due date, the paused 30/90 counter, the split mode
 * across 01.01.2016 and 28.02.2022. Expected values are worked out by hand (penalty = principal × days × fraction
 * × rate; day 1 = the day after the ГК 193-shifted due date); rates from key-rate-ru.csv as noted in each case.
 */
import { describe, expect, it } from "vitest";
import { calculatePenalty, type PenaltySettings } from "../../../src/domain/law/penalty";
import type { Payment } from "../../../src/domain/law/allocation";

const R1000 = 100_000; // 1 000,00 ₽ in kopecks
function paidOn(period: string, date: string | null, asOf: string, settings?: Partial<PenaltySettings>) {
  const payments: Payment[] = date ? [{ date, amount: R1000, period: null }] : [];
  return calculatePenalty({ charges: [{ period, amount: R1000 }], payments, asOf, settings });
}

describe("moratorium 2020: first day 06.04.2020, last day 31.12.2020", () => {
  // January 2020 due Mon 10.02.2020; day 31 = 12.03.2020 (19 days of February 2020 + 12); key rate 6% (10.02–26.04.2020)
  it("a payment on 06.04.2020 costs the same as on 05.04.2020: 06.04 is inside", () => {
    // 12.03–05.04 = 20 + 5 = 25 days: 1 000 × 25/300 × 6% = 5,00
    expect(paidOn("2020-01", "2020-04-05", "2020-12-31").total).toBe(500);
    expect(paidOn("2020-01", "2020-04-06", "2020-12-31").total).toBe(500);
    // 04.04: 24 days → 4,80
    expect(paidOn("2020-01", "2020-04-04", "2020-12-31").total).toBe(480);
  });

  it("31.12.2020 is inside, 01.01.2021 is not", () => {
    // October 2020 due Tue 10.11.2020; day 31 = 11.12.2020; 01.01.2021 = day 20 + 31 + 1 = 52 at 1/300, rate 4,25%
    expect(paidOn("2020-10", null, "2020-12-31").total).toBe(0);
    // 1 000 × 1/300 × 4,25% = 0,141666… → 0,14
    expect(paidOn("2020-10", null, "2021-01-01").total).toBe(14);
  });
});

describe("moratorium 2022: first day 01.04.2022, the day after 01.10.2022, «due before 01.04.2022»", () => {
  it("a payment on 01.04.2022 adds no day (01.04 is inside)", () => {
    // January 2022 due Thu 10.02.2022; day 31 = 13.03.2022; 13.03–31.03 = 19 days; rate on 31.03 and on 01.04.2022:
    // key 20% → ПП 474 9,5%: 1 000 × 19/300 × 9,5% = 6,016666… → 6,02
    expect(paidOn("2022-01", "2022-03-31", "2022-12-31").total).toBe(602);
    expect(paidOn("2022-01", "2022-04-01", "2022-12-31").total).toBe(602);
  });

  it("02.10.2022 is the first day after the moratorium", () => {
    // February 2022 due 10.03.2022; 01.10.2022 = day 21 + 30 + 31 + 30 + 31 + 31 + 30 + 1 = 205, 02.10 = day 206 (1/130);
    // rate on 02.10.2022: key 7,5% (lower than 9,5%): 1 000 × 1/130 × 7,5% = 0,576923… → 0,58
    expect(paidOn("2022-02", "2022-10-02", "2022-12-31").total).toBe(58);
  });

  it("due 31.03.2022 is covered, due 01.04.2022 is not (contract days before the 2026 reform)", () => {
    // February 2022, contract day 31 → Thu 31.03.2022 < 01.04.2022: day 31 = 01.05.2022, inside → 0 on 30.06.2022
    expect(paidOn("2022-02", "2022-06-30", "2022-12-31", { contractDay: 31 }).total).toBe(0);
    // March 2022, contract day 1 → Fri 01.04.2022: not covered; day 31 = 02.05.2022 (29 days of April + 2);
    // 02.05–31.05 = 30 days, rate 31.05.2022 key 11% → ПП 474 9,5%: 1 000 × 30/300 × 9,5% = 9,50
    const r = paidOn("2022-03", "2022-05-31", "2022-12-31", { contractDay: 1 });
    expect(r.rows[0].dueDate).toBe("2022-04-01");
    expect(r.total).toBe(950);
  });
});

describe("30/90 counter", () => {
  it("day 91 exactly: one day at 1/130; without the payment day, none", () => {
    // January 2023 due 10.02.2023; day 90 = 11.05, day 91 = 12.05.2023; 7,5%
    // 1 000 × 7,5% × (60/300 + 1/130) = 15 + 0,576923… = 15,576923… → 15,58
    expect(paidOn("2023-01", "2023-05-12", "2023-12-31").total).toBe(1_558);
    // payment day excluded: days 31–90 only = 15,00
    expect(paidOn("2023-01", "2023-05-12", "2023-12-31", { includePaymentDay: false }).total).toBe(1_500);
  });

  it("paused counter resumes after the moratorium with the days already counted", () => {
    // January 2020 due 10.02.2020: counted days 1–55 = 11.02–05.04.2020 (19 + 31 + 5); moratorium 06.04–31.12.2020.
    // paused: days 31–55 = 12.03–05.04 (25) at 1/300; 01.01.2021 = day 56, day 90 = 04.02.2021 → 01.01–04.02 = 35 days
    // at 1/300; 05.02–28.02 = 24 days at 1/130. Rate on 28.02.2021: 4,25%.
    // 1 000 × 4,25% × (60/300 + 24/130) = 8,5 + 7,846153… = 16,346153… → 16,35
    expect(paidOn("2020-01", null, "2021-02-28", { moratoriumDaysAdvanceCounter: false }).total).toBe(1_635);
    // default (the calendar runs): 12.03–05.04 (25) at 1/300; day 91 = 11.05.2020 inside; 01.01–28.02.2021 = 59 at 1/130
    // 42,5 × (25/300 + 59/130) = 3,541666… + 19,288461… = 22,830128… → 22,83
    expect(paidOn("2020-01", null, "2021-02-28").total).toBe(2_283);
  });
});

describe("due date on a holiday (ГК 193)", () => {
  it("December 2020: 10.01.2021 Sunday → due Mon 11.01.2021, so 10.02.2021 is day 30 and 11.02.2021 day 31", () => {
    expect(paidOn("2020-12", "2021-02-10", "2021-12-31").total).toBe(0);
    // 1 000 × 1/300 × 4,25% (rate on 11.02.2021) = 0,141666… → 0,14
    const r = paidOn("2020-12", "2021-02-11", "2021-12-31");
    expect(r.total).toBe(14);
    expect(r.rows[0]).toMatchObject({ dueDate: "2021-01-11", from: "2021-02-11", to: "2021-02-11", days: 1 });
  });
});

describe("rate regimes at their edges (by rate date)", () => {
  // November 2021 due Fri 10.12.2021; day 31 = 10.01.2022 (21 days of December + 10); day 90 = 10.03.2022
  it("27.02.2022: the key rate 9,5% itself; 28.02.2022: key 20% capped to 9,5% (ПП 474)", () => {
    // 10.01–27.02 = 22 + 27 = 49 days: 1 000 × 49/300 × 9,5% = 15,516666… → 15,52
    expect(paidOn("2021-11", "2022-02-27", "2022-12-31").total).toBe(1_552);
    // 50 days: 1 000 × 50/300 × 9,5% = 15,833333… → 15,83 (20% uncapped would give 33,33)
    const r = paidOn("2021-11", "2022-02-28", "2022-12-31");
    expect(r.total).toBe(1_583);
    expect(r.rateNotes.some((n) => n.includes("ПП РФ № 474") && n.includes("20,00%"))).toBe(true);
  });

  it("31.07.2022: still the fixed 9,5% although the key rate is 8%", () => {
    // April 2022 due 11.05.2022; day 31 = 11.06.2022; 11.06–31.07 = 20 + 31 = 51 days: 1 000 × 51/300 × 9,5% = 16,15
    expect(paidOn("2022-04", "2022-07-31", "2022-12-31").total).toBe(1_615);
  });

  it("31.12.2026: the lower of 9,5% and 14% (ПП 329); 01.01.2027: 14% uncapped", () => {
    // September 2026 due Thu 15.10.2026; day 31 = 15.11.2026 (16 days of October + 15); day 90 = 13.01.2027
    // 15.11–31.12 = 16 + 31 = 47 days: 1 000 × 47/300 × 9,5% = 14,883333… → 14,88
    expect(paidOn("2026-09", "2026-12-31", "2027-03-01").total).toBe(1_488);
    // unpaid as of 01.01.2027: 48 days at 14%: 1 000 × 48/300 × 14% = 22,40
    expect(paidOn("2026-09", null, "2027-01-01").total).toBe(2_240);
  });
});

describe("ПП 2479 (2023): the key rate above 9,5% is capped and the table says so", () => {
  it("paid 31.10.2023 at key 15% → 9,5%", () => {
    // June 2023 due Mon 10.07.2023; day 31 = 10.08, day 90 = 08.10; 10.08–08.10 = 60 days at 1/300, 09.10–31.10 = 23 at 1/130
    // 1 000 × 9,5% × (60/300 + 23/130) = 19 + 16,807692… = 35,807692… → 35,81
    const r = paidOn("2023-06", "2023-10-31", "2023-12-31");
    expect(r.total).toBe(3_581);
    expect(r.rateNotes).toContain("ПП РФ № 474 в ред. ПП № 2479: вместо 15,00% применено 9,5%.");
  });
});

describe("split by rate periods at the regime changes", () => {
  it("across 01.01.2016: refinancing 8,25% for 2015 days, key 11% for 2016 days; 1/300 throughout (due in 2015)", () => {
    // November 2015 due Thu 10.12.2015, paid 10.03.2016: 11.12–31.12.2015 = 21 days, 01.01–10.03.2016 = 31 + 29 + 10 = 70
    // 1 000 × 21/300 × 8,25% = 5,775; 1 000 × 70/300 × 11% = 25,666666…; total 31,441666… → 31,44
    const r = paidOn("2015-11", "2016-03-10", "2016-12-31", { rateMode: "split" });
    expect(r.total).toBe(3_144);
    expect(r.rows.map((x) => [x.from, x.to, x.days, x.ratePercent, x.fraction])).toEqual([
      ["2015-12-11", "2015-12-31", 21, 8.25, "1/300"],
      ["2016-01-01", "2016-03-10", 70, 11, "1/300"],
    ]);
  });

  it("across 14.02.2022 and 28.02.2022: 8,5%, then the key 9,5%, then the capped 9,5% (one row)", () => {
    // December 2021 due Mon 10.01.2022; day 31 = 10.02.2022 (21 days of January + 10); paid 10.03.2022 = day 59
    // split: 10.02–13.02 = 4 days at 8,5%; 14.02–10.03 = 15 + 10 = 25 days at 9,5%
    // 1 000 × (4 × 8,5% + 25 × 9,5%) / 300 = 1 000 × 2,715% / 300 = 9,05
    const split = paidOn("2021-12", "2022-03-10", "2022-12-31", { rateMode: "split" });
    expect(split.total).toBe(905);
    expect(split.rows.map((x) => [x.from, x.to, x.ratePercent])).toEqual([
      ["2022-02-10", "2022-02-13", 8.5],
      ["2022-02-14", "2022-03-10", 9.5],
    ]);
    // single rate on 10.03.2022 (ПП 474: 9,5%): 1 000 × 29/300 × 9,5% = 9,183333… → 9,18
    expect(paidOn("2021-12", "2022-03-10", "2022-12-31").total).toBe(918);
  });
});

describe("the assumptions name the contract-day window", () => {
  it("a contract day is honoured for bills up to February 2026 inclusive", () => {
    const r = paidOn("2025-01", null, "2025-06-30", { contractDay: 20 });
    expect(
      r.assumptions.some((a) =>
        a.includes("до 20-го числа следующего месяца по договору (за периоды по февраль 2026 включительно)"),
      ),
    ).toBe(true);
  });
});
