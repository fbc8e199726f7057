/**
 * Penalty (ЖК 155 ч. 14) on realistic small accounts. Every expected value is worked out by hand in the comment:
 * penalty = principal × days × fraction × rate; day 1 = the day after the (ГК 193-shifted) due date.
 * Rates: key 7,5% from 19.09.2022 to 23.07.2023 (capped at 9,5% → 7,5%), 4,25% from 27.07.2020, 4,5% from 22.03.2021.
 */
import { describe, expect, it } from "vitest";
import { calculatePenalty, DEFAULT_PENALTY_SETTINGS, type PenaltySettings } from "../../../src/domain/law/penalty";
import { penaltyTableSheet } from "../../../src/app/penaltySheet";
import type { Charge, Payment } from "../../../src/domain/law/allocation";

const rub = (r: number) => Math.round(r * 100);
function penalty(charges: Charge[], payments: Payment[], asOf: string, settings?: Partial<PenaltySettings>) {
  return calculatePenalty({ charges, payments, asOf, settings });
}

describe("defaults", () => {
  it("match docs/law.md, § 2", () => {
    expect(DEFAULT_PENALTY_SETTINGS).toEqual({
      includePaymentDay: true,
      moratorium2022LastDayInside: true,
      moratoriumDaysAdvanceCounter: true,
      rateMode: "single",
      rateDateForUnpaid: null,
      contractDay: null,
      excludedPeriods: [],
    });
  });
});

describe("30 free days, 1/300, 1/130", () => {
  // January 2023: due Fri 10.02.2023; day 1 = 11.02, day 30 = 12.03, day 31 = 13.03, day 90 = 11.05, day 91 = 12.05
  const jan = [{ period: "2023-01", amount: rub(1000) }];

  it("a debt paid on day 30 carries no penalty", () => {
    expect(penalty(jan, [{ date: "2023-03-12", amount: rub(1000), period: "2023-01" }], "2023-12-31").total).toBe(0);
  });

  it("paid on day 31: one day at 1/300; the payment day counts by default", () => {
    // 1 000 × 1 × 1/300 × 7,5% = 0,25
    const r = penalty(jan, [{ date: "2023-03-13", amount: rub(1000), period: "2023-01" }], "2023-12-31");
    expect(r.total).toBe(25);
    // without the payment day: day 30 is the last day of delay → 0
    expect(
      penalty(jan, [{ date: "2023-03-13", amount: rub(1000), period: "2023-01" }], "2023-12-31", {
        includePaymentDay: false,
      }).total,
    ).toBe(0);
  });

  it("days 31–90 at 1/300 with the formula text", () => {
    // 25 430,12 × 60 × 1/300 × 7,5% = 25 430,12 × 0,015 = 381,4518 → 381,45 (paid 11.05.2023 = day 90)
    const r = penalty(
      [{ period: "2023-01", amount: 2_543_012 }],
      [{ date: "2023-05-11", amount: 2_543_012, period: null }],
      "2023-12-31",
    );
    expect(r.total).toBe(38_145);
    expect(r.rows).toHaveLength(1);
    expect(r.rows[0]).toMatchObject({
      from: "2023-03-13",
      to: "2023-05-11",
      days: 60,
      fraction: "1/300",
      ratePercent: 7.5,
      penalty: 38_145,
      moratorium: null,
    });
    expect(r.rows[0].formula).toBe("25\u00a0430,12 × 60 × 1/300 × 7,5%");
  });

  it("crossing day 91 switches to 1/130", () => {
    // paid 30.06.2023: 60 days at 1/300 (13.03–11.05) + 50 days at 1/130 (12.05–30.06)
    // 10 000 × 60/300 × 7,5% = 150; 10 000 × 50/130 × 7,5% = 288,4615…; total 438,4615… → 438,46
    const r = penalty(
      [{ period: "2023-01", amount: rub(10_000) }],
      [{ date: "2023-06-30", amount: rub(10_000), period: null }],
      "2023-12-31",
    );
    expect(r.total).toBe(43_846);
    expect(r.rows.map((x) => [x.from, x.to, x.days, x.fraction, x.penalty])).toEqual([
      ["2023-03-13", "2023-05-11", 60, "1/300", 15_000],
      ["2023-05-12", "2023-06-30", 50, "1/130", 28_846],
    ]);
  });
});

describe("partial payments", () => {
  // January due 10.02.2023, February due Fri 10.03.2023 (day 31 = 10.04, day 90 = 08.06, day 91 = 09.06); as of 30.06.2023, 7,5%
  const charges = [
    { period: "2023-01", amount: rub(1000) },
    { period: "2023-02", amount: rub(1000) },
  ];

  it("a payment naming its period goes to that period", () => {
    // Jan 1 000 unpaid: 75 × (60/300 + 50/130) = 15 + 28,846153… = 43,846153…
    // Feb 500 paid 20.04: 10.04–20.04 = 11 days: 500 × 11/300 × 7,5% = 1,375
    // Feb 500 unpaid: 37,5 × (60/300 + 22/130) = 7,5 + 6,346153… = 13,846153…
    // total 59,067307… → 59,07
    const r = penalty(charges, [{ date: "2023-04-20", amount: rub(500), period: "2023-02" }], "2023-06-30");
    expect(r.total).toBe(5_907);
    expect(r.byPeriod.get("2023-01")).toBe(4_385);
    expect(r.byPeriod.get("2023-02")).toBe(1_522); // 15,221153… → 15,22
  });

  it("a payment without a period goes to the oldest debt", () => {
    // Jan 500 paid 20.04: 13.03–20.04 = 39 days: 500 × 39/300 × 7,5% = 4,875
    // Jan 500 unpaid: 37,5 × (60/300 + 50/130) = 7,5 + 14,423076… = 21,923076…
    // Feb 1 000 unpaid: 75 × (60/300 + 22/130) = 15 + 12,692307… = 27,692307…
    // total 54,490384… → 54,49
    const r = penalty(charges, [{ date: "2023-04-20", amount: rub(500), period: null }], "2023-06-30");
    expect(r.total).toBe(5_449);
  });
});

describe("moratorium 2020 (ПП 424, 06.04.2020–31.12.2020)", () => {
  it("a period whose whole delay lies inside carries no penalty", () => {
    // April 2020: 10.05 Sunday, 11.05 a holiday (09.05 fell on Saturday) → due Tue 12.05.2020; paid 31.12.2020
    const r = penalty(
      [{ period: "2020-04", amount: rub(1000) }],
      [{ date: "2020-12-31", amount: rub(1000), period: null }],
      "2021-06-30",
    );
    expect(r.total).toBe(0);
    expect(r.rows.every((x) => x.penalty === 0 && x.moratorium === "мораторий (ПП РФ № 424)")).toBe(true);
  });

  it("moratorium days advance the 30/90 counter by default; the alternative pauses it", () => {
    // due 12.05.2020; day 91 = 11.08.2020 (inside). Unpaid as of 31.03.2021, rate 4,5%.
    // default: 01.01–31.03.2021 = 90 days at 1/130: 1 000 × 90/130 × 4,5% = 31,153846… → 31,15
    const charges = [{ period: "2020-04", amount: rub(1000) }];
    expect(penalty(charges, [], "2021-03-31").total).toBe(3_115);
    // paused: 01.01.2021 is day 1; days 31–90 = 31.01–31.03 (1 + 28 + 31 = 60) at 1/300: 1 000 × 60/300 × 4,5% = 9,00
    const paused = penalty(charges, [], "2021-03-31", { moratoriumDaysAdvanceCounter: false });
    expect(paused.total).toBe(900);
    expect(paused.assumptions).toContain("Дни моратория не учитываются в счёте 30/90 дней просрочки.");
  });

  it("straddling the start", () => {
    // January 2020 due Mon 10.02.2020; day 31 = 12.03.2020; accrual 12.03–05.04 = 25 days at 1/300,
    // then moratorium to the payment on 30.06.2020 (rate 4,5% from 22.06.2020): 1 000 × 25/300 × 4,5% = 3,75
    const r = penalty(
      [{ period: "2020-01", amount: rub(1000) }],
      [{ date: "2020-06-30", amount: rub(1000), period: null }],
      "2020-12-31",
    );
    expect(r.total).toBe(375);
    expect(r.rows.filter((x) => x.moratorium === null).map((x) => [x.from, x.to])).toEqual([
      ["2020-03-12", "2020-04-05"],
    ]);
  });

  it("straddling the end", () => {
    // October 2020 due Tue 10.11.2020; day 31 = 11.12.2020, day 90 = 08.02.2021. As of 28.02.2021, rate 4,25%:
    // 01.01–08.02.2021 = 39 days at 1/300, 09.02–28.02 = 20 days at 1/130
    // 1 000 × 4,25% × (39/300 + 20/130) = 5,525 + 6,538461… = 12,063461… → 12,06
    expect(penalty([{ period: "2020-10", amount: rub(1000) }], [], "2021-02-28").total).toBe(1_206);
  });
});

describe("moratorium 2022 (ПП 497, 01.04.2022–01.10.2022, debts due before 01.04.2022)", () => {
  it("fully inside; 01.10.2022 inside by default, outside as an option", () => {
    // February 2022 due Thu 10.03.2022; day 31 = 10.04.2022 (inside). Paid 01.10.2022 → 0.
    const charges = [{ period: "2022-02", amount: rub(1000) }];
    const pays = [{ date: "2022-10-01", amount: rub(1000), period: null }];
    expect(penalty(charges, pays, "2022-12-31").total).toBe(0);
    // 01.10.2022 outside: day 205 at 1/130, rate on 01.10.2022 = 7,5% (lower of 9,5% and 7,5%):
    // 1 000 × 1/130 × 7,5% = 0,576923… → 0,58
    const alt = penalty(charges, pays, "2022-12-31", { moratorium2022LastDayInside: false });
    expect(alt.total).toBe(58);
    expect(alt.assumptions.some((a) => a.includes("01.10.2022 — вне моратория"))).toBe(true);
  });

  it("straddling the start (with the fixed 9,5% of ПП 474)", () => {
    // January 2022 due Thu 10.02.2022; day 31 = 13.03.2022; accrual 13.03–31.03 = 19 days; paid 31.05.2022
    // (key rate 11%, ПП 474: 9,5%): 1 000 × 19/300 × 9,5% = 6,016666… → 6,02
    const r = penalty(
      [{ period: "2022-01", amount: rub(1000) }],
      [{ date: "2022-05-31", amount: rub(1000), period: null }],
      "2022-12-31",
    );
    expect(r.total).toBe(602);
    expect(r.rows.find((x) => x.moratorium === null)?.ratePercent).toBe(9.5);
  });

  it("straddling the end", () => {
    // February 2022 due 10.03.2022, unpaid as of 31.10.2022: 02.10–31.10 = 30 days at 1/130 (days 206–235), rate 7,5%
    // 1 000 × 30/130 × 7,5% = 17,307692… → 17,31
    expect(penalty([{ period: "2022-02", amount: rub(1000) }], [], "2022-10-31").total).toBe(1_731);
  });

  it("does not touch a debt due on or after 01.04.2022", () => {
    // March 2022: 10.04 is Sunday → due Mon 11.04.2022; day 31 = 12.05.2022; paid 30.06.2022: 12.05–30.06 = 50 days,
    // rate 9,5% (ПП 474): 1 000 × 50/300 × 9,5% = 15,8333… → 15,83
    expect(
      penalty(
        [{ period: "2022-03", amount: rub(1000) }],
        [{ date: "2022-06-30", amount: rub(1000), period: null }],
        "2022-12-31",
      ).total,
    ).toBe(1_583);
  });
});

describe("capped rates", () => {
  // April 2022: 10.05.2022 was a holiday (day off moved from 02.01) → due Wed 11.05.2022; day 31 = 11.06.2022
  const apr = [{ period: "2022-04", amount: rub(1000) }];

  it("ПП 474: 9,5% fixed even when the key rate is lower (payment 26.07.2022, key 8%)", () => {
    // 11.06–26.07 = 20 + 26 = 46 days: 1 000 × 46/300 × 9,5% = 14,5666… → 14,57
    const r = penalty(apr, [{ date: "2022-07-26", amount: rub(1000), period: null }], "2022-12-31");
    expect(r.total).toBe(1_457);
    expect(r.rows[0].dueDate).toBe("2022-05-11");
  });

  it("ПП 1681 from 01.08.2022: the lower of 9,5% and the key rate (8%)", () => {
    // 11.06–01.08 = 20 + 31 + 1 = 52 days: 1 000 × 52/300 × 8% = 13,8666… → 13,87
    expect(penalty(apr, [{ date: "2022-08-01", amount: rub(1000), period: null }], "2022-12-31").total).toBe(1_387);
  });

  it("ПП 2382 (2024): key rate 16% → 9,5%", () => {
    // January 2024: 10.02 is Saturday → due Mon 12.02.2024; day 31 = 14.03.2024; paid 12.04.2024: 18 + 12 = 30 days
    // 1 000 × 30/300 × 9,5% = 9,50
    expect(
      penalty(
        [{ period: "2024-01", amount: rub(1000) }],
        [{ date: "2024-04-12", amount: rub(1000), period: null }],
        "2024-12-31",
      ).total,
    ).toBe(950);
  });

  it("ПП 329 (2025–2026): key rate 21% → 9,5%; from 2027 the key rate applies uncapped and the last table row is flagged", () => {
    // December 2024 due Fri 10.01.2025; as of 31.03.2025: day 31 = 10.02, day 90 = 10.04 → 10.02–31.03 = 19 + 31 = 50 days
    // 1 000 × 50/300 × 9,5% = 15,8333… → 15,83
    expect(penalty([{ period: "2024-12", amount: rub(1000) }], [], "2025-03-31").total).toBe(1_583);
    // October 2026: 15.11.2026 is Sunday → due Mon 16.11.2026; day 31 = 17.12.2026; as of 15.01.2027: 15 + 15 = 30 days
    // rate on 15.01.2027 = 14% (no cap after 31.12.2026): 1 000 × 30/300 × 14% = 14,00
    const r = penalty([{ period: "2026-10", amount: rub(1000) }], [], "2027-01-15");
    expect(r.total).toBe(1_400);
    expect(r.rateNotes).toContain(
      "Ставка 14,00% действует с 27.07.2026 — последняя строка таблицы; проверьте, не изменилась ли она.",
    );
  });

  it("the rate date for the unpaid part can differ from the calculation date", () => {
    // January 2023 unpaid as of 30.06.2023 (60 days 1/300 + 50 days 1/130) with the rate of 31.12.2023 (16% → 9,5%):
    // 1 000 × 9,5% × (60/300 + 50/130) = 19 + 36,538461… = 55,538461… → 55,54
    expect(
      penalty([{ period: "2023-01", amount: rub(1000) }], [], "2023-06-30", { rateDateForUnpaid: "2023-12-31" }).total,
    ).toBe(5_554);
  });
});

describe("due dates", () => {
  it("the 2026 reform: February 2026 due 10.03, March 2026 due 15.04; a contract day only before the reform", () => {
    // March 2026 due Wed 15.04.2026; day 31 = 16.05.2026; paid 20.05.2026: 5 days, key 14,5% → 9,5%
    // 1 000 × 5/300 × 9,5% = 1,58333… → 1,58 (with the 10th it would be due 11.05 and cost more)
    const r = penalty(
      [{ period: "2026-03", amount: rub(1000) }],
      [{ date: "2026-05-20", amount: rub(1000), period: null }],
      "2026-06-30",
      { contractDay: 25 },
    );
    expect(r.total).toBe(158);
    expect(r.rows[0].dueDate).toBe("2026-04-15");
    // February 2026 with contract day 25 → due Wed 25.03.2026; paid 24.04.2026 = day 30 → 0
    expect(
      penalty(
        [{ period: "2026-02", amount: rub(1000) }],
        [{ date: "2026-04-24", amount: rub(1000), period: null }],
        "2026-06-30",
        { contractDay: 25 },
      ).total,
    ).toBe(0);
  });
});

describe("before 2016", () => {
  it("1/300 from the first day, refinancing rate 8,25%", () => {
    // October 2015 due Tue 10.11.2015; paid 10.12.2015: 11.11–10.12 = 30 days: 1 000 × 30/300 × 8,25% = 8,25
    expect(
      penalty(
        [{ period: "2015-10", amount: rub(1000) }],
        [{ date: "2015-12-10", amount: rub(1000), period: null }],
        "2016-12-31",
      ).total,
    ).toBe(825);
  });

  it("a debt due in 2015 stays at 1/300 after 2016; paid in 2016 → key rate 11%", () => {
    // November 2015 due Thu 10.12.2015; paid 10.03.2016: 21 + 31 + 29 + 10 = 91 days at 1/300
    // 1 000 × 91/300 × 11% = 33,3666… → 33,37
    const r = penalty(
      [{ period: "2015-11", amount: rub(1000) }],
      [{ date: "2016-03-10", amount: rub(1000), period: null }],
      "2016-12-31",
    );
    expect(r.total).toBe(3_337);
    expect(r.rows.map((x) => x.fraction)).toEqual(["1/300"]);
  });
});

describe("split by rate periods (option)", () => {
  it("differs from the single rate and is labelled", () => {
    // June 2023 due Mon 10.07.2023; day 31 = 10.08, day 90 = 08.10; paid 31.10.2023
    // single (rate on 31.10.2023: 15% → 9,5%): 1 000 × 9,5% × (60/300 + 23/130) = 19 + 16,807692… = 35,807692… → 35,81
    const charges = [{ period: "2023-06", amount: rub(1000) }];
    const pays = [{ date: "2023-10-31", amount: rub(1000), period: null }];
    expect(penalty(charges, pays, "2023-12-31").total).toBe(3_581);
    // split: 10.08–14.08 at 8,5% (key 8,5% until 14.08), then 9,5% (key 12–15% capped):
    // 5/300 × 8,5% × 1 000 = 1,416666…; 55/300 × 9,5% × 1 000 = 17,416666…; 23/130 × 9,5% × 1 000 = 16,807692…
    // total 35,641025… → 35,64
    const split = penalty(charges, pays, "2023-12-31", { rateMode: "split" });
    expect(split.total).toBe(3_564);
    expect(split.rows.map((x) => [x.from, x.to, x.ratePercent, x.fraction])).toEqual([
      ["2023-08-10", "2023-08-14", 8.5, "1/300"],
      ["2023-08-15", "2023-10-08", 9.5, "1/300"],
      ["2023-10-09", "2023-10-31", 9.5, "1/130"],
    ]);
    expect(split.assumptions.some((a) => a.startsWith("Ставка: разбивка по периодам ставки"))).toBe(true);
  });
});

describe("excluded periods, rounding, exactness", () => {
  it("a regional excluded period carries no penalty", () => {
    // January 2023 paid 11.05.2023 (days 31–90 = 13.03–11.05) minus 13.03–31.03 excluded (19 days) = 41 days
    // 1 000 × 41/300 × 7,5% = 10,25
    const r = penalty(
      [{ period: "2023-01", amount: rub(1000) }],
      [{ date: "2023-05-11", amount: rub(1000), period: null }],
      "2023-12-31",
      {
        excludedPeriods: [{ from: "2023-03-01", to: "2023-03-31", label: "решение региона" }],
      },
    );
    expect(r.total).toBe(1_025);
    expect(r.rows.find((x) => x.moratorium === "решение региона")?.days).toBe(19);
  });

  it("an excluded period overlapping a moratorium: both labels on the common days", () => {
    // February 2022 due 10.03.2022, unpaid as of 31.10.2022; moratorium to 01.10, exclusion 01.09–10.10
    // → accrual 11.10–31.10 = 21 days at 1/130, 7,5%: 1 000 × 21/130 × 7,5% = 12,115384… → 12,12
    const r = penalty([{ period: "2022-02", amount: rub(1000) }], [], "2022-10-31", {
      excludedPeriods: [{ from: "2022-09-01", to: "2022-10-10", label: "Москва" }],
    });
    expect(r.total).toBe(1_212);
    expect(r.rows.map((x) => [x.from, x.to, x.moratorium])).toEqual([
      ["2022-04-10", "2022-06-08", "мораторий (ПП РФ № 497)"],
      ["2022-06-09", "2022-08-31", "мораторий (ПП РФ № 497)"],
      ["2022-09-01", "2022-10-01", "мораторий (ПП РФ № 497); Москва"],
      ["2022-10-02", "2022-10-10", "Москва"],
      ["2022-10-11", "2022-10-31", null],
    ]);
  });

  it("the total is the exact sum rounded once, not the sum of rounded rows", () => {
    // two periods, each paid on day 31: 18,00 × 1/300 × 7,5% = 0,45 kopeck each → rows round to 0, total 0,9 → 1 kopeck
    const r = penalty(
      [
        { period: "2023-01", amount: 1800 },
        { period: "2023-02", amount: 1800 },
      ],
      [
        { date: "2023-03-13", amount: 1800, period: "2023-01" },
        { date: "2023-04-10", amount: 1800, period: "2023-02" },
      ],
      "2023-12-31",
    );
    expect(r.rows.map((x) => x.penalty)).toEqual([0, 0]);
    expect(r.rows[0].penaltyExact).toBeCloseTo(0.45, 10);
    expect(r.total).toBe(1);
  });

  it("half a kopeck rounds up", () => {
    // 20,00 × 1/300 × 7,5% = 0,5 kopeck → 1
    expect(
      penalty([{ period: "2023-01", amount: 2000 }], [{ date: "2023-03-13", amount: 2000, period: null }], "2023-12-31")
        .total,
    ).toBe(1);
  });

  it("stays exact beyond 2^53 (BigInt path)", () => {
    // 1 000 000 000,00 unpaid Jan 2023 as of 30.06.2023: 75 000 000 × (0,2 + 50/130) = 15 000 000 + 28 846 153,846153… → 43 846 153,85
    expect(penalty([{ period: "2023-01", amount: 100_000_000_000 }], [], "2023-06-30").total).toBe(4_384_615_385);
  });

  it("payments after the calculation date are ignored; penalties never compound", () => {
    // as of 30.06.2023 the payment of 01.07 does not exist; 1 000 unpaid → 43,85 (see the partial-payment case);
    // a second year's calculation uses the same principal only (no penalty in the base)
    const r = penalty(
      [{ period: "2023-01", amount: rub(1000) }],
      [{ date: "2023-07-01", amount: rub(1000), period: null }],
      "2023-06-30",
    );
    expect(r.total).toBe(4_385);
    expect(r.rows.every((x) => x.principal === rub(1000))).toBe(true);
  });
});

describe("the «Расчёт пени» sheet", () => {
  it("has the assumptions in the header, a row per sub-period and the rounded total", () => {
    const r = penalty(
      [{ period: "2023-01", amount: rub(10_000) }],
      [{ date: "2023-06-30", amount: rub(10_000), period: null }],
      "2023-12-31",
    );
    const sheet = penaltyTableSheet(r, "Расчёт пени: лицевой счёт 1020034");
    expect(sheet[0]).toEqual(["Расчёт пени: лицевой счёт 1020034"]);
    const flat = sheet
      .map((row) => row.map((c) => (typeof c === "object" && c !== null ? JSON.stringify(c) : String(c))).join("|"))
      .join("\n");
    expect(flat).toContain("День оплаты включается в период просрочки.");
    expect(flat).toContain("10\u00a0000,00 × 60 × 1/300 × 7,5%");
    const last = sheet[sheet.length - 1];
    expect(last[0]).toBe("Итого пени (итог округлён от точной суммы)");
    expect(last[last.length - 1]).toEqual({ kind: "money", kopecks: 43_846 });
  });
});
