/**
 * State duty, table-driven. Each row: claim (roubles), filing date, court → claim duty and court-order duty, worked
 * by hand from the НК 333.19 / 333.21 scales (docs/law.md, § 5; the arithmetic is in the comment column).
 */
import { describe, expect, it } from "vitest";
import { stateDuty, type Court } from "../../../src/domain/law/duty";

const OLD = "2024-03-01";
const NEW = "2025-03-01";
const kop = (rub: number) => Math.round(rub * 100);

// [claim ₽, date, court, claim duty ₽, court-order duty ₽, how]
const TABLE: [number, string, Court, number, number, string][] = [
  // НК 333.19, old scale
  [5_000, OLD, "general", 400, 200, "4% = 200 < минимум 400; приказ 50% = 200"],
  [10_000, OLD, "general", 400, 200, "4% × 10 000 = 400"],
  [20_000, OLD, "general", 800, 400, "4% × 20 000 = 800"],
  [50_000, OLD, "general", 1_700, 850, "800 + 3% × 30 000 = 1 700"],
  [100_000, OLD, "general", 3_200, 1_600, "800 + 3% × 80 000 = 3 200"],
  [100_000.01, OLD, "general", 3_200, 1_600, "3 200 + 2% × 0,01 = 3 200,0002 → 3 200; /2 → 1 600"],
  [150_000, OLD, "general", 4_200, 2_100, "3 200 + 2% × 50 000 = 4 200"],
  [500_000, OLD, "general", 8_200, 4_100, "5 200 + 1% × 300 000 = 8 200"],
  [2_000_000, OLD, "general", 18_200, 9_100, "13 200 + 0,5% × 1 000 000 = 18 200"],
  [20_000_000, OLD, "general", 60_000, 30_000, "13 200 + 0,5% × 19 000 000 = 108 200 → не более 60 000"],
  // НК 333.19, new scale (259-ФЗ)
  [1, NEW, "general", 4_000, 2_000, "до 100 000 — 4 000; приказ 2 000"],
  [100_000, NEW, "general", 4_000, 2_000, "4 000"],
  [100_000.01, NEW, "general", 4_000, 2_000, "4 000 + 3% × 0,01 = 4 000,0003 → 4 000"],
  [150_000, NEW, "general", 5_500, 2_750, "4 000 + 3% × 50 000 = 5 500"],
  [300_000, NEW, "general", 10_000, 5_000, "4 000 + 3% × 200 000 = 10 000"],
  [400_000, NEW, "general", 12_500, 6_250, "10 000 + 2,5% × 100 000 = 12 500"],
  [500_000, NEW, "general", 15_000, 7_500, "10 000 + 2,5% × 200 000 = 15 000"],
  [700_000, NEW, "general", 19_000, 9_500, "15 000 + 2% × 200 000 = 19 000"],
  [2_000_000, NEW, "general", 35_000, 17_500, "25 000 + 1% × 1 000 000 = 35 000"],
  [5_000_000, NEW, "general", 59_000, 29_500, "45 000 + 0,7% × 2 000 000 = 59 000"],
  [10_000_000, NEW, "general", 87_000, 43_500, "80 000 + 0,35% × 2 000 000 = 87 000 (полоса не сверена)"],
  // НК 333.21, old scale
  [30_000, OLD, "arbitration", 2_000, 1_000, "4% = 1 200 < минимум 2 000; приказ 1 000"],
  [100_000, OLD, "arbitration", 4_000, 2_000, "4% × 100 000 = 4 000"],
  [150_000, OLD, "arbitration", 5_500, 2_750, "4 000 + 3% × 50 000 = 5 500"],
  [500_000, OLD, "arbitration", 13_000, 6_500, "7 000 + 2% × 300 000 = 13 000"],
  [1_500_000, OLD, "arbitration", 28_000, 14_000, "23 000 + 1% × 500 000 = 28 000"],
  [3_000_000, OLD, "arbitration", 38_000, 19_000, "33 000 + 0,5% × 1 000 000 = 38 000"],
  [100_000_000, OLD, "arbitration", 200_000, 100_000, "33 000 + 0,5% × 98 000 000 = 523 000 → не более 200 000"],
  // НК 333.21, new scale
  [50_000, NEW, "arbitration", 10_000, 8_000, "10 000; приказ 50% = 5 000 < минимум 8 000"],
  [100_000.01, NEW, "arbitration", 10_000, 8_000, "10 000 + 5% × 0,01 → 10 000"],
  [300_000, NEW, "arbitration", 20_000, 10_000, "10 000 + 5% × 200 000 = 20 000"],
  [500_000, NEW, "arbitration", 30_000, 15_000, "10 000 + 5% × 400 000 = 30 000"],
  [2_000_000, NEW, "arbitration", 85_000, 42_500, "55 000 + 3% × 1 000 000 = 85 000"],
  [20_000_000, NEW, "arbitration", 425_000, 212_500, "325 000 + 1% × 10 000 000 = 425 000"],
  [100_000_000, NEW, "arbitration", 975_000, 487_500, "725 000 + 0,5% × 50 000 000 = 975 000"],
];

describe("state duty bands", () => {
  it.each(TABLE)(
    "%d ₽ on %s, %s court → claim %d ₽, court order %d ₽ (%s)",
    (claimRub, date, court, claimDuty, orderDuty) => {
      expect(stateDuty({ claim: kop(claimRub), filingDate: date, kind: "claim", court }).duty).toBe(kop(claimDuty));
      expect(stateDuty({ claim: kop(claimRub), filingDate: date, kind: "court-order", court }).duty).toBe(
        kop(orderDuty),
      );
    },
  );
});

describe("scale switch 08.09.2024 / 09.09.2024", () => {
  it("150 000 ₽ court order: old scale on 08.09.2024, new from 09.09.2024", () => {
    // old: (3 200 + 2% × 50 000) / 2 = 2 100; new: (4 000 + 3% × 50 000) / 2 = 2 750
    expect(
      stateDuty({ claim: kop(150_000), filingDate: "2024-09-08", kind: "court-order", court: "general" }).duty,
    ).toBe(kop(2_100));
    expect(
      stateDuty({ claim: kop(150_000), filingDate: "2024-09-09", kind: "court-order", court: "general" }).duty,
    ).toBe(kop(2_750));
  });
});

describe("rounding (НК 52 п. 6)", () => {
  it("rounds half up to roubles, or keeps kopecks on request", () => {
    // 12 345,67 × 4% = 493,8268 → 494; court order 246,9134 → 247
    expect(stateDuty({ claim: 1_234_567, filingDate: OLD, kind: "claim", court: "general" }).duty).toBe(49_400);
    expect(stateDuty({ claim: 1_234_567, filingDate: OLD, kind: "court-order", court: "general" }).duty).toBe(24_700);
    // 12 512,50 × 4% = 500,50 → 501 (half up); court order 250,25 → 250
    expect(stateDuty({ claim: 1_251_250, filingDate: OLD, kind: "claim", court: "general" }).duty).toBe(50_100);
    expect(stateDuty({ claim: 1_251_250, filingDate: OLD, kind: "court-order", court: "general" }).duty).toBe(25_000);
    // 12 525,00: court order 2% = 250,50 → 251; with kopecks 250,50
    expect(stateDuty({ claim: 1_252_500, filingDate: OLD, kind: "court-order", court: "general" }).duty).toBe(25_100);
    expect(
      stateDuty({ claim: 1_252_500, filingDate: OLD, kind: "court-order", court: "general", keepKopecks: true }).duty,
    ).toBe(25_050);
  });
});

describe("basis and limits", () => {
  it("names the article, the band and the court-order share", () => {
    const r = stateDuty({ claim: kop(150_000), filingDate: NEW, kind: "court-order", court: "general" });
    expect(r.basis).toContain("НК РФ ст. 333.19");
    expect(r.basis).toContain("свыше 100\u00a0000 до 300\u00a0000 ₽ — 4\u00a0000 ₽ + 3% суммы свыше 100\u00a0000 ₽");
    expect(r.basis).toContain("судебный приказ — 50%");
    expect(r.claimDuty).toBe(kop(5_500));
  });

  it("a court order above 500 000 ₽ is flagged (ГПК 121)", () => {
    expect(
      stateDuty({ claim: kop(500_000), filingDate: NEW, kind: "court-order", court: "general" }).courtOrderAllowed,
    ).toBe(true);
    expect(
      stateDuty({ claim: kop(500_000.01), filingDate: NEW, kind: "court-order", court: "general" }).courtOrderAllowed,
    ).toBe(false);
  });

  it("marks bands not checked against the tax code text", () => {
    expect(stateDuty({ claim: kop(10_000_000), filingDate: NEW, kind: "claim", court: "general" }).verified).toBe(
      false,
    );
    expect(stateDuty({ claim: kop(5_000_000), filingDate: NEW, kind: "claim", court: "general" }).verified).toBe(true);
  });
});

// Review additions: both sides of every band boundary and of the caps/minimums (docs/law.md, § 5).
// [claim ₽, date, court, claim duty ₽, court-order duty ₽, how]
const EDGES: [number, string, Court, number, number, string][] = [
  [9_999.99, OLD, "general", 400, 200, "4% = 399,9996 < 400 → 400; приказ 200"],
  [20_000.01, OLD, "general", 800, 400, "800 + 3% × 0,01 = 800,0003 → 800; /2 = 400,00015 → 400"],
  [200_000, OLD, "general", 5_200, 2_600, "3 200 + 2% × 100 000 = 5 200"],
  [200_000.01, OLD, "general", 5_200, 2_600, "5 200 + 1% × 0,01 = 5 200,0001 → 5 200"],
  [1_000_000, OLD, "general", 13_200, 6_600, "5 200 + 1% × 800 000 = 13 200"],
  [10_360_000, OLD, "general", 60_000, 30_000, "13 200 + 0,5% × 9 360 000 = 60 000 — ровно предел"],
  [300_000.01, NEW, "general", 10_000, 5_000, "10 000 + 2,5% × 0,01 = 10 000,00025 → 10 000"],
  [500_000.01, NEW, "general", 15_000, 7_500, "15 000 + 2% × 0,01 → 15 000 (приказ выше предела ГПК 121 — флаг)"],
  [1_000_000, NEW, "general", 25_000, 12_500, "15 000 + 2% × 500 000 = 25 000"],
  [3_000_000, NEW, "general", 45_000, 22_500, "25 000 + 1% × 2 000 000 = 45 000"],
  [8_000_000, NEW, "general", 80_000, 40_000, "45 000 + 0,7% × 5 000 000 = 80 000"],
  [49_999.99, OLD, "arbitration", 2_000, 1_000, "4% = 1 999,9996 < 2 000 → 2 000; приказ 1 000"],
  [200_000, OLD, "arbitration", 7_000, 3_500, "4 000 + 3% × 100 000 = 7 000"],
  [1_000_000, OLD, "arbitration", 23_000, 11_500, "7 000 + 2% × 800 000 = 23 000"],
  [2_000_000, OLD, "arbitration", 33_000, 16_500, "23 000 + 1% × 1 000 000 = 33 000"],
  [35_400_000, OLD, "arbitration", 200_000, 100_000, "33 000 + 0,5% × 33 400 000 = 200 000 — ровно предел"],
  [100_000, NEW, "arbitration", 10_000, 8_000, "10 000; приказ 5 000 < 8 000"],
  [260_000, NEW, "arbitration", 18_000, 9_000, "10 000 + 5% × 160 000 = 18 000; приказ 9 000 > 8 000"],
  [1_000_000, NEW, "arbitration", 55_000, 27_500, "10 000 + 5% × 900 000 = 55 000"],
  [10_000_000, NEW, "arbitration", 325_000, 162_500, "55 000 + 3% × 9 000 000 = 325 000"],
  [50_000_000, NEW, "arbitration", 725_000, 362_500, "325 000 + 1% × 40 000 000 = 725 000"],
  [
    2_000_000_000,
    NEW,
    "arbitration",
    10_000_000,
    5_000_000,
    "725 000 + 0,5% × 1 950 000 000 = 10 475 000 → не более 10 000 000",
  ],
];

describe("state duty: band edges, minimums and caps", () => {
  it.each(EDGES)(
    "%d ₽ on %s, %s court → claim %d ₽, court order %d ₽ (%s)",
    (claimRub, date, court, claimDuty, orderDuty) => {
      expect(stateDuty({ claim: kop(claimRub), filingDate: date, kind: "claim", court }).duty).toBe(kop(claimDuty));
      expect(stateDuty({ claim: kop(claimRub), filingDate: date, kind: "court-order", court }).duty).toBe(
        kop(orderDuty),
      );
    },
  );

  it("the arbitration court-order share cites НК 333.21 п. 1 пп. 2 (not the АПК)", () => {
    const r = stateDuty({ claim: kop(150_000), filingDate: NEW, kind: "court-order", court: "arbitration" });
    expect(r.basis).toContain("НК РФ ст. 333.21 п. 1 пп. 2");
    expect(r.basis).not.toContain("АПК");
  });
});
