/**
 * unpaidByPeriod (ГК 319.1; docs/law.md, § 4): the remainders by period that candidate selection claims. Its fast
 * path (payments naming no period) and its general path must both agree with the full allocation's unpaid chunks.
 */
import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { addDays, addPeriods, periodStart } from "../../../src/domain/dates";
import { allocatePayments, unpaidByPeriod, type Charge, type Payment } from "../../../src/domain/law/allocation";

/** The unpaid remainders read off the full allocation (chunks with no payment date). */
function unpaidFromAllocation(charges: Charge[], payments: Payment[]): [string, number][] {
  const out: [string, number][] = [];
  for (const p of allocatePayments(charges, payments).periods) {
    let unpaid = 0;
    for (const c of p.chunks) if (c.paidOn === null) unpaid += c.amount;
    if (unpaid > 0) out.push([p.period, unpaid]);
  }
  return out;
}

const pairs = (r: { period: string; amount: number }[]) => r.map((p): [string, number] => [p.period, p.amount]);

describe("unpaidByPeriod", () => {
  it("unnamed payments go to the oldest debt: 1 500 ₽ against 1 000 ₽ a month leaves 500 ₽ of February and March", () => {
    const charges = [
      { period: "2025-01", amount: 1_000_00 },
      { period: "2025-02", amount: 1_000_00 },
      { period: "2025-03", amount: 1_000_00 },
    ];
    const payments = [
      { date: "2025-03-01", amount: 1_000_00, period: null },
      { date: "2025-02-01", amount: 500_00, period: null },
    ];
    expect(unpaidByPeriod(charges, payments)).toEqual([
      { period: "2025-02", amount: 500_00, barred: false },
      { period: "2025-03", amount: 1_000_00, barred: false },
    ]);
  });

  it("a payment naming March pays March first (ГК 319.1 п. 1), so January stays unpaid", () => {
    const charges = [
      { period: "2025-01", amount: 1_000_00 },
      { period: "2025-02", amount: 1_000_00 },
      { period: "2025-03", amount: 1_000_00 },
    ];
    const payments = [{ date: "2025-04-05", amount: 1_500_00, period: "2025-03" }];
    // 1 000 to March, the excess 500 to the oldest: January
    expect(pairs(unpaidByPeriod(charges, payments))).toEqual([
      ["2025-01", 500_00],
      ["2025-02", 1_000_00],
    ]);
  });

  it("agrees with the full allocation on random accounts (named and unnamed payments, repeated periods)", () => {
    const periodArb = fc.integer({ min: 0, max: 40 }).map((n) => addPeriods("2022-01", n));
    const chargeArb = fc.record({ period: periodArb, amount: fc.integer({ min: -50_000, max: 500_000 }) });
    const accountArb = fc.array(chargeArb, { minLength: 1, maxLength: 12 }).chain((charges) =>
      fc.record({
        charges: fc.constantFrom(
          charges,
          [...charges].sort((a, b) => (a.period < b.period ? -1 : 1)),
        ),
        payments: fc.array(
          fc
            .record({
              idx: fc.nat({ max: charges.length - 1 }),
              offset: fc.integer({ min: 0, max: 400 }),
              amount: fc.integer({ min: 1, max: 800_000 }),
              named: fc.boolean(),
            })
            .map(({ idx, offset, amount, named }): Payment => ({
              date: addDays(periodStart(charges[idx].period), offset),
              amount,
              period: named ? charges[idx].period : null,
            })),
          { maxLength: 8 },
        ),
      }),
    );
    fc.assert(
      fc.property(accountArb, ({ charges, payments }) => {
        expect(pairs(unpaidByPeriod(charges, payments))).toEqual(unpaidFromAllocation(charges, payments));
      }),
      { numRuns: 500 },
    );
  });
});
