/** Properties of the penalty and the allocation on random accounts (fast-check). */
import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { addDays, addPeriods, periodStart } from "../../../src/domain/dates";
import { calculatePenalty, type PenaltySettings } from "../../../src/domain/law/penalty";
import { allocatePayments, type Charge, type Payment } from "../../../src/domain/law/allocation";

const FIRST = "2014-01";
const periodArb = fc.integer({ min: 0, max: 150 }).map((n) => addPeriods(FIRST, n));
const chargesArb = fc
  .uniqueArray(periodArb, { minLength: 1, maxLength: 10 })
  .chain((periods) =>
    fc.tuple(
      ...periods.map((p) => fc.integer({ min: 0, max: 5_000_000 }).map((amount): Charge => ({ period: p, amount }))),
    ),
  );
function paymentsArb(charges: Charge[]) {
  const pay = fc
    .record({
      idx: fc.nat({ max: charges.length - 1 }),
      offset: fc.integer({ min: 0, max: 900 }),
      amount: fc.integer({ min: 1, max: 5_000_000 }),
      named: fc.boolean(),
    })
    .map(({ idx, offset, amount, named }): Payment => ({
      date: addDays(periodStart(charges[idx].period), offset),
      amount,
      period: named ? charges[idx].period : null,
    }));
  return fc.array(pay, { maxLength: 8 });
}
const settingsArb: fc.Arbitrary<Partial<PenaltySettings>> = fc.record({
  includePaymentDay: fc.boolean(),
  moratorium2022LastDayInside: fc.boolean(),
  moratoriumDaysAdvanceCounter: fc.boolean(),
  rateMode: fc.constantFrom("single" as const, "split" as const),
});
const accountArb = chargesArb.chain((charges) =>
  fc.record({ charges: fc.constant(charges), payments: paymentsArb(charges), settings: settingsArb }),
);
const AS_OF = "2026-09-01";

describe("penalty properties", () => {
  it("is never negative, and the rounded total agrees with the table rows", () => {
    fc.assert(
      fc.property(accountArb, ({ charges, payments, settings }) => {
        const r = calculatePenalty({ charges, payments, asOf: AS_OF, settings });
        expect(r.total).toBeGreaterThanOrEqual(0);
        for (const v of r.byPeriod.values()) expect(v).toBeGreaterThanOrEqual(0);
        const exact = r.rows.reduce((s, x) => s + x.penaltyExact, 0);
        expect(Math.abs(exact - r.total)).toBeLessThanOrEqual(0.5 + 1e-6 * Math.max(1, exact));
        for (const row of r.rows) expect(row.penalty).toBeGreaterThanOrEqual(0);
      }),
      { numRuns: 300 },
    );
  });

  it("paying earlier never increases it (split mode: each day keeps its own rate)", () => {
    fc.assert(
      fc.property(
        accountArb,
        fc.nat(),
        fc.integer({ min: 1, max: 200 }),
        ({ charges, payments, settings }, which, earlier) => {
          fc.pre(payments.length > 0);
          const i = which % payments.length;
          const moved = payments.map((p, k) => (k === i ? { ...p, date: addDays(p.date, -earlier) } : p));
          fc.pre(
            moved[i].date >= "2013-01-01" &&
              (moved[i].period === null || moved[i].date >= periodStart(moved[i].period!)),
          );
          const s = { ...settings, rateMode: "split" as const };
          const before = calculatePenalty({ charges, payments, asOf: AS_OF, settings: s }).total;
          const after = calculatePenalty({ charges, payments: moved, asOf: AS_OF, settings: s }).total;
          expect(after).toBeLessThanOrEqual(before);
        },
      ),
      { numRuns: 300 },
    );
  });

  it("paying earlier never increases it (single rate, all dates where the rate is constant: 7,5% from 19.09.2022 to 23.07.2023)", () => {
    const periods = ["2022-10", "2022-11", "2022-12", "2023-01", "2023-02"];
    const arb = fc.record({
      amounts: fc.tuple(...periods.map(() => fc.integer({ min: 0, max: 2_000_000 }))),
      pays: fc.array(
        fc.record({
          day: fc.integer({ min: 0, max: 220 }),
          amount: fc.integer({ min: 1, max: 3_000_000 }),
          named: fc.nat({ max: periods.length }),
        }),
        { maxLength: 6 },
      ),
      which: fc.nat(),
      earlier: fc.integer({ min: 1, max: 60 }),
    });
    fc.assert(
      fc.property(arb, ({ amounts, pays, which, earlier }) => {
        fc.pre(pays.length > 0);
        const charges = periods.map((period, k) => ({ period, amount: amounts[k] }));
        const mk = (shift: number, idx: number) =>
          pays.map((p, k): Payment => {
            const day = Math.max(0, p.day - (k === idx ? shift : 0));
            return {
              date: addDays("2022-12-01", day),
              amount: p.amount,
              period:
                p.named < periods.length && addDays("2022-12-01", day) >= periodStart(periods[p.named])
                  ? periods[p.named]
                  : null,
            };
          });
        const i = which % pays.length;
        const asOf = "2023-07-20";
        const before = calculatePenalty({ charges, payments: mk(0, i), asOf }).total;
        const after = calculatePenalty({ charges, payments: mk(earlier, i), asOf }).total;
        // moving the date earlier may drop the period name (a payment cannot precede its period) — then it goes to the oldest debt,
        // which never costs more either
        expect(after).toBeLessThanOrEqual(before);
      }),
      { numRuns: 300 },
    );
  });

  it("is additive over periods (payments named and within each period's charge)", () => {
    const arb = chargesArb.chain((charges) =>
      fc.record({
        charges: fc.constant(charges),
        pays: fc.tuple(
          ...charges.map(() =>
            fc.record({ offset: fc.integer({ min: 0, max: 400 }), share: fc.integer({ min: 0, max: 100 }) }),
          ),
        ),
        settings: settingsArb,
      }),
    );
    fc.assert(
      fc.property(arb, ({ charges, pays, settings }) => {
        const payments: Payment[] = charges.map((c, k) => ({
          date: addDays(periodStart(c.period), pays[k].offset),
          amount: Math.floor((c.amount * pays[k].share) / 100),
          period: c.period,
        }));
        const all = calculatePenalty({ charges, payments, asOf: AS_OF, settings });
        let sum = 0;
        charges.forEach((c, k) => {
          const one = calculatePenalty({ charges: [c], payments: [payments[k]], asOf: AS_OF, settings });
          expect(all.byPeriod.get(c.period)).toBe(one.total);
          sum += one.total;
        });
        // each separate total is rounded once, the joint total once: they differ by at most half a kopeck per period
        expect(Math.abs(all.total - sum)).toBeLessThanOrEqual(charges.length / 2);
      }),
      { numRuns: 200 },
    );
  });
});

describe("allocation properties", () => {
  it("conserves money to the kopeck", () => {
    fc.assert(
      fc.property(accountArb, ({ charges, payments }) => {
        const r = allocatePayments(charges, payments);
        let paid = 0;
        for (const p of r.periods) {
          const charged = charges.filter((c) => c.period === p.period).reduce((s, c) => s + c.amount, 0);
          expect(p.charged).toBe(charged);
          expect(p.chunks.reduce((s, c) => s + c.amount, 0)).toBe(charged);
          paid += p.chunks.filter((c) => c.paidOn !== null).reduce((s, c) => s + c.amount, 0);
        }
        expect(paid + r.overpaid).toBe(payments.reduce((s, p) => s + p.amount, 0));
      }),
      { numRuns: 300 },
    );
  });
});
