/** Payment allocation (ГК 319.1; docs/law.md, § 4). */
import { describe, expect, it } from "vitest";
import { allocatePayments } from "../../../src/domain/law/allocation";

describe("allocatePayments", () => {
  const charges = [
    { period: "2024-02", amount: 300_00 },
    { period: "2024-01", amount: 200_00 },
    { period: "2024-03", amount: 100_00 },
  ];

  it("a named payment goes to its period, the excess to the oldest unpaid period", () => {
    // 350 named March: 100 to March, the excess 250 to January (200) then February (50)
    const r = allocatePayments(charges, [{ date: "2024-04-05", amount: 350_00, period: "2024-03" }]);
    expect(r.periods).toEqual([
      { period: "2024-01", charged: 200_00, chunks: [{ amount: 200_00, paidOn: "2024-04-05" }] },
      {
        period: "2024-02",
        charged: 300_00,
        chunks: [
          { amount: 50_00, paidOn: "2024-04-05" },
          { amount: 250_00, paidOn: null },
        ],
      },
      { period: "2024-03", charged: 100_00, chunks: [{ amount: 100_00, paidOn: "2024-04-05" }] },
    ]);
    expect(r.overpaid).toBe(0);
  });

  it("unnamed payments fill the oldest periods in date order; the rest is an overpayment", () => {
    const r = allocatePayments(charges, [
      { date: "2024-05-01", amount: 500_00, period: null },
      { date: "2024-04-01", amount: 150_00, period: null },
    ]);
    // 01.04: 150 → January; 01.05: 500 → January 50, February 300, March 100, 50 left over
    expect(r.periods.map((p) => p.chunks)).toEqual([
      [
        { amount: 150_00, paidOn: "2024-04-01" },
        { amount: 50_00, paidOn: "2024-05-01" },
      ],
      [{ amount: 300_00, paidOn: "2024-05-01" }],
      [{ amount: 100_00, paidOn: "2024-05-01" }],
    ]);
    expect(r.overpaid).toBe(50_00);
  });

  it("several charge lines of one month add up; a payment naming an uncharged month goes to the oldest debt", () => {
    const r = allocatePayments(
      [
        { period: "2024-01", amount: 100_00 },
        { period: "2024-01", amount: 20_00 },
      ],
      [{ date: "2024-03-01", amount: 30_00, period: "2023-12" }],
    );
    expect(r.periods).toEqual([
      {
        period: "2024-01",
        charged: 120_00,
        chunks: [
          { amount: 30_00, paidOn: "2024-03-01" },
          { amount: 90_00, paidOn: null },
        ],
      },
    ]);
  });
});

describe("allocatePayments: a named period that is already paid", () => {
  it("sends the money to the oldest unpaid period, never back over a paid one", () => {
    // January 200 paid by a named payment on 10.03; a second payment on 15.03 names January again → February
    const r = allocatePayments(
      [
        { period: "2024-01", amount: 200_00 },
        { period: "2024-02", amount: 300_00 },
      ],
      [
        { date: "2024-03-10", amount: 200_00, period: "2024-01" },
        { date: "2024-03-15", amount: 100_00, period: "2024-01" },
      ],
    );
    expect(r.periods.map((p) => p.chunks)).toEqual([
      [{ amount: 200_00, paidOn: "2024-03-10" }],
      [
        { amount: 100_00, paidOn: "2024-03-15" },
        { amount: 200_00, paidOn: null },
      ],
    ]);
    expect(r.overpaid).toBe(0);
  });
});
